"""Build speed at scale: documents per second, CPU per document and peak memory of ``storyline
build`` on a generated corpus, with each engine, beside the naive pipeline in the same run.

    python benchmarks/scale/run.py [--sizes 2000,10000] [--configs local-1,local-2,dask-1,dask-2]
                                   [--entities] [--repeat 1] [--work DIR] [--timeout 7200] [--no-write]

For each size N: a plain-text corpus of N documents (``generate.py``: T17 articles in varied page
furniture, versions, syndicated copies, exact duplicates; JSONL, the input the naive pipeline
reads), then per round:

- **naive build**: ``../shared/tools/naive_build.py`` (JSON parse, regex sentence split, SQLite +
  FTS insert) into a fresh database: the yardstick, run in the same rounds as the builds;
- **storyline build** ``--no-entities`` (``--entities``: with names and quotes) into a fresh store
  for each configuration: ``local-W`` is ``--engine local --workers W``, ``dask-W`` a LocalCluster
  of W workers (``--engine dask --workers W``).

Each step runs under a wrapper whose only child it is: wall time, CPU seconds of the step and
every process it waited for (its workers), and the largest peak resident memory among them.
A storyline build runs its command line inside a wrapper of its own that also writes the CPU of
the build's own process (reading, the engine's client and a LocalCluster's scheduler, the one
writer) apart from its workers'. Reported: documents per second (documents of the corpus over
wall time), CPU per document (of it, the build process's) and as a ratio to the naive pipeline's, the speed-up over ``local-1`` and over one worker of the same engine, peak memory. Results go to
``docs/benchmarks.md`` between the ``build-scale`` markers (``--no-write`` only prints).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
NAIVE_BUILD = SHARED / "tools" / "naive_build.py"
GENERATE = Path(__file__).with_name("generate.py")
DOCS = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- build-scale:start -->", "<!-- build-scale:end -->"
SECTION = "## Build at scale"
AFTER_SECTION = "## Timeline at scale"
INTRO = ("Documents per second and CPU per document of `storyline build` on a generated plain-text corpus, "
         "with each engine, measured with `benchmarks/scale/run.py` beside the naive pipeline (JSON parse, regex "
         "sentence split, SQLite + FTS insert) in the same run. Goals: at least 150 documents/s wall on 2 cores, "
         "CPU per document within 5x the naive pipeline's, at least 1.8x from 1 to 2 workers, memory per worker "
         "flat as the corpus grows.")
RSS_UNIT = 1024 * 1024 if sys.platform == "darwin" else 1024

# Runs a command as its only child; writes wall time, CPU seconds of it and its waited-for
# descendants, and the largest peak RSS among them, to the report file argv[1].
MEASURE = f"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
rc = subprocess.call(sys.argv[2:])
seconds = time.perf_counter() - start
use = resource.getrusage(resource.RUSAGE_CHILDREN)
json.dump({{"rc": rc, "seconds": seconds, "cpu": use.ru_utime + use.ru_stime, "rss_mb": use.ru_maxrss / {RSS_UNIT}}},
          open(sys.argv[1], "w"))
"""


# Runs storyline's command line in this process and writes, at its exit, the CPU seconds of this
# process alone to argv[1]: the build's own share (reading, the engine's client and a LocalCluster's
# scheduler, the one writer) apart from its workers'.
OWN_CPU = """
import atexit, json, resource, sys
def own(path):
    use = resource.getrusage(resource.RUSAGE_SELF)
    json.dump({"own_cpu": use.ru_utime + use.ru_stime}, open(path, "w"))
if __name__ == "__main__":
    atexit.register(own, sys.argv[1])
    from storyline.cli import app
    sys.argv = ["storyline", *sys.argv[2:]]
    app(prog_name="storyline")
"""


def measured(cmd: list, work: Path, log: Path, timeout: float) -> dict:
    report, own = work / "step.json", work / "own.json"
    report.unlink(missing_ok=True)
    own.unlink(missing_ok=True)
    if cmd[1:3] == ["-m", "storyline"]:
        cmd = [cmd[0], "-c", OWN_CPU, own, *cmd[3:]]
    with open(log, "a") as err:
        err.write(f"$ {shlex.join(map(str, cmd))}\n")
        err.flush()
        try:
            subprocess.run([sys.executable, "-c", MEASURE, str(report), *map(str, cmd)], stdout=err, stderr=err,
                           timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return {"error": f"timeout ({timeout:.0f} s)"}
    result = json.loads(report.read_text()) if report.exists() else {"rc": 1}
    if own.exists():
        result.update(json.loads(own.read_text()))
    if result.get("rc") != 0:
        result["error"] = f"failed (exit {result.get('rc')}; see {log})"
    return result


def build_cmd(config: str, corpus: Path, db: Path, entities: bool) -> list:
    engine, workers = config.split("-")
    return [sys.executable, "-m", "storyline", "build", corpus, "--db", db, "-q", "--engine", engine,
            "--workers", workers, "--entities" if entities else "--no-entities"]


def measure_size(n: int, args, work: Path, log: Path) -> dict:
    corpus = work / f"corpus-{n}.jsonl"
    if not corpus.exists():
        subprocess.run([sys.executable, GENERATE, corpus, str(n)], check=True, stdout=subprocess.DEVNULL)
    rounds: dict[str, list[dict]] = {"naive": [], **{c: [] for c in args.configs}}
    for _ in range(args.repeat):
        db = work / "naive.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        rounds["naive"].append(measured([sys.executable, NAIVE_BUILD, corpus, db], work, log, args.timeout))
        for config in args.configs:
            db = work / f"{config}.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            shutil.rmtree(f"{db}.shards", ignore_errors=True)
            rounds[config].append(measured(build_cmd(config, corpus, db, args.entities), work, log, args.timeout))
    out = {}
    for name, results in rounds.items():
        ok = [r for r in results if "error" not in r]
        if not ok:
            out[name] = {"error": results[0].get("error", "no result")}
            continue
        out[name] = {"seconds": statistics.median(r["seconds"] for r in ok),
                     "cpu": statistics.median(r["cpu"] for r in ok), "rss_mb": max(r["rss_mb"] for r in ok)}
        if all("own_cpu" in r for r in ok):
            out[name]["own_cpu"] = statistics.median(r["own_cpu"] for r in ok)
    return {"n": n, "steps": out, "load": os.getloadavg()[0]}


def table(res: dict) -> list[str]:
    n, steps = res["n"], res["steps"]
    naive = steps.get("naive", {})
    one = steps.get("local-1", {})
    lines = [f"#### {n:,} documents", "", f"Load average (1 min) at the end: {res['load']:.1f}.", "",
             "| step | wall s | documents/s | CPU s per document | of it, the build process | × naive CPU "
             "| speed-up over local-1 | speed-up over 1 worker of its engine | peak RSS MB |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, r in steps.items():
        if "error" in r:
            lines.append(f"| {name} | {r['error']} | | | | | | | |")
            continue
        own_cpu = f"{r['own_cpu'] / n * 1000:.2f} ms" if "own_cpu" in r else ""
        ratio = f"{r['cpu'] / naive['cpu']:.1f}" if naive.get("cpu") else ""
        speedup = f"{one['seconds'] / r['seconds']:.2f}" if one.get("seconds") and name != "naive" else ""
        single = steps.get(f"{name.split('-')[0]}-1", {})
        own = f"{single['seconds'] / r['seconds']:.2f}" if single.get("seconds") and name != "naive" else ""
        lines.append(f"| {name} | {r['seconds']:.1f} | {n / r['seconds']:.1f} | {r['cpu'] / n * 1000:.2f} ms | "
                     f"{own_cpu} | {ratio} | {speedup} | {own} | {r['rss_mb']:.0f} |")
    return lines + [""]


def write_docs(block: str) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from storyline.evaluate.report import write_block

    write_block(DOCS, START, END, block, SECTION, textwrap.fill(INTRO, width=100), AFTER_SECTION)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="2000,10000")
    parser.add_argument("--configs", default="local-1,local-2,dask-1,dask-2")
    parser.add_argument("--entities", action="store_true")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--work", type=Path)
    parser.add_argument("--timeout", type=float, default=7200)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    args.configs = args.configs.split(",")
    work = args.work or Path(tempfile.mkdtemp(prefix="scale-"))
    work.mkdir(parents=True, exist_ok=True)
    log = work / "run.log"
    results = [measure_size(int(n), args, work, log) for n in args.sizes.split(",")]
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024 ** 3
    shown = [a for a in (argv or sys.argv[1:])]
    if "--work" in shown:
        i = shown.index("--work")
        del shown[i:i + 2]
    block = [f"- Date: {dt.date.today().isoformat()}, code at commit `{_commit()}`.",
             f"- Machine: {os.cpu_count()} CPUs, {mem:.0f} GB memory, Python {platform.python_version()}.",
             f"- Command: `{shlex.join(['python', 'benchmarks/scale/run.py', *shown])}`"
             + (" (with names and quotes)" if args.entities else " (`--no-entities`)"), ""]
    for res in results:
        block += table(res)
    text = "\n".join([START, "", *block, END])
    print(text)
    (work / "results.json").write_text(json.dumps(results, indent=1))
    if not args.no_write:
        write_docs(text)
    return 0


def _commit() -> str:
    try:
        return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


if __name__ == "__main__":
    sys.exit(main())
