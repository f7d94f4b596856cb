"""The one writer's ceiling: how many processed documents per second the store takes.

    python benchmarks/scale/writer.py CORPUS.jsonl [--limit N] [--batch 16]

However many workers process documents, one writer stores them (the store is one SQLite file), so
a build on a cluster goes no faster than the writer. This processes the corpus's documents once
(``pipeline.work`` in a pool, not timed), then stores them into a fresh store as a build does
(``Store.save`` per batch: rows, full-text index, features, signatures and the duplicate links
found through the in-memory candidate index) and reports documents per second and CPU per
document, then regrouping and the default timeline at the end, beside the naive pipeline on the
same documents in the same run.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
NAIVE_BUILD = ROOT.parent / "shared" / "tools" / "naive_build.py"

from storyline import ingest, pipeline  # noqa: E402
from storyline.store import Store  # noqa: E402


def cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--batch", type=int, default=16)
    args = parser.parse_args()
    raws = [r for r in ingest.read_file(args.corpus) if isinstance(r, ingest.RawDocument)]
    raws = list({r.id: r for r in raws}.values())[:args.limit or None]
    chunks = [raws[i:i + 16] for i in range(0, len(raws), 16)]
    with multiprocessing.get_context("fork").Pool() as pool:
        done = [o for out in pool.map(pipeline.work, chunks) for o in out if isinstance(o, pipeline.Processed)]
    n = len(done)
    with tempfile.TemporaryDirectory() as tmp:
        naive_in = Path(tmp) / "naive.jsonl"
        with open(naive_in, "w", encoding="utf-8") as f:
            for o in done:
                f.write(json.dumps({"text": o.raw.content, "published": o.raw.given.get("published")}) + "\n")
        t0 = time.perf_counter()
        subprocess.run([sys.executable, NAIVE_BUILD, naive_in, Path(tmp) / "naive.db"], check=True,
                       stdout=subprocess.DEVNULL)
        naive = time.perf_counter() - t0
        with Store(Path(tmp) / "s.db") as store:
            t0, c0 = time.perf_counter(), cpu()
            for i in range(0, n, args.batch):
                store.save([(o.raw, o.doc, o.sig) for o in done[i:i + args.batch]], pipeline.PIPELINE_VERSION)
            save_s, save_cpu = time.perf_counter() - t0, cpu() - c0
            t0 = time.perf_counter()
            store.update_groups()
            groups_s = time.perf_counter() - t0
            from storyline.chronology import default_timeline

            t0 = time.perf_counter()
            default_timeline(store)
            timeline_s = time.perf_counter() - t0
    print(f"{n} documents stored in {save_s:.1f} s: {n / save_s:.0f} documents/s "
          f"({save_cpu / n * 1000:.2f} ms CPU per document); naive pipeline, whole, on the same documents: "
          f"{naive:.1f} s ({n / naive:.0f} documents/s, writer time {save_s / naive:.2f}x naive)")
    print(f"then groups updated in {groups_s:.1f} s and the default timeline made in {timeline_s:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
