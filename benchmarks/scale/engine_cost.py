"""CPU per document of a build, process by process: the build's own process (split by what its main
thread does, and its other threads: a LocalCluster's scheduler and the client's event loop) against
the engine's workers.

Each configuration is built in a fresh child process (``--one``) from a fresh store; what is timed
starts when ``pipeline.build`` is called (imports, and the writer's one-time import of the dedup
hashing's constants, before it). The workers' CPU is read from inside each worker (Dask:
``client.run(time.process_time)`` after the cluster starts and before it closes; local: the pool's
processes' ``/proc`` times just before they are stopped), so their start-up is not counted; every process runs the stages once over the corpus's first 16
documents before (``warm``), so what they load on first use is not counted either. The
main thread's parts are CPU timers (``time.thread_time``) around the functions the build calls:
reading (``ingest.read_file``'s items), the engine's side (submitting, waiting excluded: a wait
costs no CPU), shards read, ``Store.save``, regrouping and the default timeline. Configurations
run in turns, ``--rounds`` times; medians are printed.

    python benchmarks/scale/engine_cost.py CORPUS.jsonl --configs local-2,dask-2 --rounds 2
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _cpu(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def warm(corpus: str) -> None:
    """The per-document stages run once over the corpus's first chunk, so that what a process loads
    on first use (imports, models) is not counted as the documents' cost."""
    import itertools

    from storyline import ingest, pipeline
    from storyline.model import RawDocument

    items = ingest.read_file(Path(corpus))
    pipeline.prepare([x for x in itertools.islice(items, 16) if isinstance(x, RawDocument)])


def one(config: str, corpus: str, db: str, chunk: int) -> dict:
    """Build ``corpus`` into ``db`` with ``config`` (``local-N``/``dask-N``); the CPU figures."""
    import datasketch  # noqa: F401  (the writer's one-time import, not a per-document cost)
    import distributed  # noqa: F401

    from storyline import ingest, pipeline
    from storyline.chronology import default_timeline  # noqa: F401
    from storyline.config import BuildOptions
    from storyline.engine import cluster, local, shards
    from storyline.store import Store

    engine, workers = config.split("-")
    warm(corpus)  # here before the timers: the local engine's workers are forked from this process
    parts: dict[str, float] = {}
    workers_cpu: dict[str, float] = {}

    def timed(name, fn):
        def wrapper(*args, **kwargs):
            start = time.thread_time()
            try:
                return fn(*args, **kwargs)
            finally:
                parts[name] = parts.get(name, 0.0) + time.thread_time() - start
        return wrapper

    def timed_iter(name, fn):
        def wrapper(*args, **kwargs):
            items = fn(*args, **kwargs)
            while True:
                start = time.thread_time()
                try:
                    item = next(items)
                except StopIteration:
                    return
                finally:
                    parts[name] = parts.get(name, 0.0) + time.thread_time() - start
                yield item
        return wrapper

    ingest.read_file = timed_iter("read input", ingest.read_file)
    pipeline.ingest.read_file = ingest.read_file
    for name in ("save", "update_groups", "known", "add_path"):
        setattr(Store, name, timed(f"store.{name}", getattr(Store, name)))
    shards.read = timed("shards read", shards.read)
    pipeline._chunk_key = timed("chunk key", pipeline._chunk_key)
    import storyline.chronology as chronology
    chronology.default_timeline = timed("default timeline", chronology.default_timeline)

    connect = cluster.DaskEngine._connect
    close = cluster.DaskEngine.close

    def connected(self):
        new = self.client is None
        client = connect(self)
        if new:
            client.run(warm, corpus)
            workers_cpu.update({f"start {k}": v for k, v in client.run(time.process_time).items()})
            from distributed import Client
            Client.submit = timed("engine submit", Client.submit)
        return client

    def closing(self):
        if self.client is not None:
            for k, v in self.client.run(time.process_time).items():
                workers_cpu[k] = v - workers_cpu.pop(f"start {k}")
        close(self)

    cluster.DaskEngine._connect = connected
    cluster.DaskEngine.close = closing
    local_close = local.LocalEngine.close

    def local_closing(self):
        if self.pool is not None:
            for pid in list(getattr(self.pool, "_processes", {})):
                workers_cpu[str(pid)] = _cpu(pid)
        local_close(self)

    local.LocalEngine.close = local_closing

    options = BuildOptions(engine=engine, build_workers=int(workers), engine_chunk=chunk, entities=False)
    use = resource.getrusage(resource.RUSAGE_SELF)
    main0 = time.thread_time()
    report = pipeline.build([corpus], db=db, options=options)
    main = time.thread_time() - main0
    after = resource.getrusage(resource.RUSAGE_SELF)
    process = after.ru_utime + after.ru_stime - use.ru_utime - use.ru_stime
    return {"config": config, "documents": report.added, "process": process, "main thread": main,
            "other threads": process - main, "parts": parts, "workers": sum(workers_cpu.values()),
            "per worker": workers_cpu}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--configs", default="local-2,dask-2")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--chunk", type=int, default=16)
    ap.add_argument("--src", help="run the builds with the package under this folder (a before/after copy)")
    ap.add_argument("--label", action="append", default=[], help="NAME=SRC: a tree to compare, in turns")
    ap.add_argument("--keep", help="keep each configuration's last store in this folder")
    ap.add_argument("--one", nargs=2, metavar=("CONFIG", "DB"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(one(args.one[0], args.corpus, args.one[1], args.chunk)))
        return 0
    trees = [tuple(label.split("=", 1)) for label in args.label] or [("", args.src or "")]
    results: dict[tuple, list[dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.rounds):
            for label, src in trees:
                for config in args.configs.split(","):
                    db = Path(args.keep or tmp) / f"{label or 'store'}-{config}.db"
                    for p in db.parent.glob(db.name + "*"):
                        if p.is_file():
                            p.unlink()
                    env = dict(os.environ)
                    if src:
                        env["PYTHONPATH"] = src
                    out = subprocess.run([sys.executable, __file__, args.corpus, "--chunk", str(args.chunk),
                                          "--one", config, str(db)], env=env, check=True,
                                         capture_output=True, text=True).stdout
                    res = json.loads(out.strip().splitlines()[-1])
                    results.setdefault((label, config), []).append(res)
                    n = res["documents"]
                    print(f"round {r + 1} {label} {config}: build process {1000 * res['process'] / n:.2f} ms/doc "
                          f"(main {1000 * res['main thread'] / n:.2f}, other threads "
                          f"{1000 * res['other threads'] / n:.2f}), workers {1000 * res['workers'] / n:.2f} ms/doc; "
                          + ", ".join(f"{k} {1000 * v / n:.2f}" for k, v in sorted(res["parts"].items())),
                          flush=True)
    print("\nmedians, CPU ms per document stored:")
    for (label, config), runs in results.items():
        n = runs[0]["documents"]

        def med(key):
            return statistics.median(1000 * r[key] / n for r in runs)
        keys = sorted({k for r in runs for k in r["parts"]})
        print(f"{label} {config} ({n} documents): build process {med('process'):.2f} (main {med('main thread'):.2f}, "
              f"other threads {med('other threads'):.2f}); workers {med('workers'):.2f}; "
              + ", ".join(f"{k} {statistics.median(1000 * r['parts'].get(k, 0) / n for r in runs):.2f}"
                          for k in keys))
    return 0


if __name__ == "__main__":
    sys.exit(main())
