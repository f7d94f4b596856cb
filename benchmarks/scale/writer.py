"""The one writer's ceiling: how many processed documents per second the store takes.

    python benchmarks/scale/writer.py CORPUS.jsonl [--limit N] [--batch 16] [--rounds 2]

However many workers process documents, one writer stores them (the store is one SQLite file), so
a build on a cluster goes no faster than the writer. This processes the corpus's documents once
(``pipeline.work`` in a pool, not timed), then stores them into a fresh store as a build's writer
does, chunk by chunk: it unpickles a chunk's records as an engine hands them over, then stores them
(``Store.save`` per batch: rows, full-text index, features, signatures and the duplicate
links found through the in-memory candidate index). Two forms of the records are timed in turns
(``--rounds``), each into its own fresh store: ``rows``, what a build's workers send now
(``pipeline.prepare``: the store's rows made on the worker, plain tuples), and ``objects``, what
they sent before (the model's objects, of which the writer made the rows). Reported:
CPU per document of each (receiving and storing), documents per second, the naive pipeline on the
same documents in the same run, then regrouping and the default timeline at the end.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import pickle
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
NAIVE_BUILD = ROOT.parent / "shared" / "tools" / "naive_build.py"

import numpy as np  # noqa: E402

from storyline import ingest, pipeline  # noqa: E402
from storyline.dedup import NUM_PERM  # noqa: E402
from storyline.dedup.index import band_keys  # noqa: E402
from storyline.store import Store, document_rows  # noqa: E402


def cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


def store_chunks(db: Path, blobs: list[bytes], kind: str, raws: dict[str, ingest.RawDocument], batch: int
                 ) -> tuple[float, float, float]:
    """Receive (unpickle) and store every chunk into a fresh store ``db``, as a build's writer does:
    wall seconds, CPU seconds receiving, CPU seconds storing."""
    receive = store = 0.0
    t0 = time.perf_counter()
    with Store(db) as target:
        for blob in blobs:
            c0 = cpu()
            records = pickle.loads(blob)
            c1 = cpu()
            for i in range(0, len(records), batch):
                part = records[i:i + batch]
                if kind == "rows":
                    target.save([o.rows for o in part], pipeline.PIPELINE_VERSION)
                else:  # the raw documents stay with the writer, as in a build
                    target.save([(raws[o.doc.id], o.doc, o.sig) for o in part], pipeline.PIPELINE_VERSION)
            receive, store = receive + c1 - c0, store + cpu() - c1
    return time.perf_counter() - t0, receive, store


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    raws = [r for r in ingest.read_file(args.corpus) if isinstance(r, ingest.RawDocument)]
    raws = list({r.id: r for r in raws}.values())[:args.limit or None]
    chunks = [raws[i:i + 16] for i in range(0, len(raws), 16)]
    with multiprocessing.get_context("fork").Pool() as pool:
        done = [(o.raw, o) for out in pool.map(pipeline.work, chunks) for o in out
                if isinstance(o, pipeline.Processed) and o.raw is not None]
    n = len(done)
    by_id = {o.doc.id: raw for raw, o in done}
    # what the workers send, chunk by chunk (made here, not timed)
    wire = {"objects": [pickle.dumps([pipeline.Processed(None, o.doc, o.sig, o.warnings) for _, o in done[i:i + 16]],
                                     pickle.HIGHEST_PROTOCOL) for i in range(0, n, 16)],
            "rows": [pickle.dumps([pipeline.Prepared(document_rows(raw, o.doc, o.sig), o.warnings)
                                   for raw, o in done[i:i + 16]], pickle.HIGHEST_PROTOCOL)
                     for i in range(0, n, 16)]}
    band_keys(np.zeros((1, NUM_PERM), np.uint32))  # the hashing constants, loaded once by any writer
    results: dict[str, list[tuple[float, float, float]]] = {"rows": [], "objects": []}
    with tempfile.TemporaryDirectory() as tmp:
        naive_in = Path(tmp) / "naive.jsonl"
        with open(naive_in, "w", encoding="utf-8") as f:
            for raw, _ in done:
                f.write(json.dumps({"text": raw.content, "published": raw.given.get("published")}) + "\n")
        t0 = time.perf_counter()
        subprocess.run([sys.executable, NAIVE_BUILD, naive_in, Path(tmp) / "naive.db"], check=True,
                       stdout=subprocess.DEVNULL)
        naive = time.perf_counter() - t0
        for r in range(args.rounds):
            for kind in (["rows", "objects"] if r % 2 == 0 else ["objects", "rows"]):
                db = Path(tmp) / f"{kind}-{r}.db"
                results[kind].append(store_chunks(db, wire[kind], kind, by_id, args.batch))
        with Store(Path(tmp) / "rows-0.db") as store:
            t0 = time.perf_counter()
            store.update_groups()
            groups_s = time.perf_counter() - t0
            from storyline.chronology import default_timeline

            t0 = time.perf_counter()
            default_timeline(store)
            timeline_s = time.perf_counter() - t0
    print(f"{n} documents; naive pipeline, whole, on the same documents: {naive:.1f} s ({n / naive:.0f} documents/s)")
    for kind in ("rows", "objects"):
        wall = statistics.median(w for w, _, _ in results[kind])
        receive = statistics.median(c for _, c, _ in results[kind])
        store_cpu = statistics.median(c for _, _, c in results[kind])
        print(f"{kind}: {n / wall:.0f} documents/s ({wall / naive:.2f}x the naive time); CPU per document: "
              f"{(receive + store_cpu) / n * 1000:.2f} ms ({receive / n * 1000:.2f} receiving, "
              f"{store_cpu / n * 1000:.2f} storing; median of {args.rounds})")
    print(f"then groups updated in {groups_s:.1f} s and the default timeline made in {timeline_s:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
