"""What the one writer's memory grows with: RSS sampled while a build's documents are stored.

    python benchmarks/scale/writer_memory.py PARTS_DIR --limit N [--every 2500] [--trace] [--db PATH]

``PARTS_DIR`` holds processed documents (``pipeline.Processed`` lists pickled a part per file,
``part000.pkl``, ``part001.pkl``, ..., made once by ``--prepare CORPUS``), so that the same
records are stored again and again without processing them each time. They are stored as a
build's writer does (``Store.save`` per batch of ``DEFAULT_BUILD.batch_size``), a part loaded at a
time and dropped once stored (a build holds a few chunks, never the corpus); every ``--every``
documents this prints the process's RSS, SQLite's own heap (``sqlite3_memory_used``), the
duplicate index's arrays and, with ``--trace``, Python's traced heap and its top lines. Then the
build's end: regrouping, the default timeline and the group count, each with the RSS after it and
the peak.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import pickle
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from storyline import ingest, pipeline  # noqa: E402
from storyline.config import DEFAULT_BUILD  # noqa: E402
from storyline.store import Store  # noqa: E402


def status_mb(field: str) -> float:
    """A ``/proc/self/status`` memory field (VmRSS: now, VmHWM: the peak) in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def sqlite_heap_mb() -> float:
    """What SQLite's allocator holds now (page caches, FTS buffers, statements), in MB."""
    import _sqlite3

    try:
        lib = ctypes.CDLL(_sqlite3.__file__)
        lib.sqlite3_memory_used.restype = ctypes.c_int64
        return lib.sqlite3_memory_used() / 2**20
    except (OSError, AttributeError):
        return float("nan")


def prepare(corpus: Path, folder: Path, limit: int, part: int = 1000) -> None:
    """Process the corpus's first ``limit`` distinct documents once, a part of ``part`` per file."""
    folder.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    done: list = []
    k = 0
    for raw in ingest.read_file(corpus):
        if not isinstance(raw, ingest.RawDocument) or raw.id in seen:
            continue
        seen.add(raw.id)
        done.extend(o for o in pipeline.work([raw]) if isinstance(o, pipeline.Processed))
        if len(seen) % part == 0 or len(seen) >= limit:
            with open(folder / f"part{k:03d}.pkl", "wb") as f:
                pickle.dump(done, f, protocol=5)
            k, done = k + 1, []
        if len(seen) >= limit:
            break


def line(n: int, store: Store, t0: float, trace: bool) -> str:
    index = store._dedup
    text = (f"{n:>7} docs  {time.perf_counter() - t0:7.1f} s  RSS {status_mb('VmRSS'):6.1f} MB"
            f"  sqlite {sqlite_heap_mb():6.1f} MB  index {(index.nbytes if index else 0) / 2**20:5.1f} MB")
    if trace:
        now, _ = tracemalloc.get_traced_memory()
        text += f"  python {now / 2**20:6.1f} MB"
    return text


def top(first: list, limit: int = 8) -> None:
    """The lines holding most traced memory, and most more than at the first sample."""
    snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, tracemalloc.__file__),
                                                      tracemalloc.Filter(False, __file__)])
    for stat in snap.statistics("lineno")[:limit]:
        print(f"      {stat.size / 2**20:6.1f} MB {stat.count:>8} blocks  {stat.traceback[0]}")
    if not first:
        first.append(snap)
        return
    for diff in snap.compare_to(first[0], "lineno")[:limit]:
        print(f"    + {diff.size_diff / 2**20:6.1f} MB {diff.count_diff:>8} blocks  {diff.traceback[0]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("parts", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--every", type=int, default=2500)
    parser.add_argument("--trace", action="store_true", help="Python's traced heap and its top lines (slower)")
    parser.add_argument("--db", type=Path, help="keep the store here (default: a temporary file)")
    parser.add_argument("--prepare", type=Path, metavar="CORPUS", help="first process CORPUS into PARTS")
    args = parser.parse_args()
    if args.prepare:
        prepare(args.prepare, args.parts, args.limit)
    if args.trace:
        tracemalloc.start()
    files = sorted(args.parts.glob("part*.pkl"))
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "s.db"
        with Store(db) as store:
            n, mark, t0 = 0, args.every, time.perf_counter()
            first: list = []
            print(line(0, store, t0, args.trace), flush=True)
            for file in files:
                with open(file, "rb") as f:
                    part = pickle.load(f)[:max(0, args.limit - n) if args.limit else None]
                size = DEFAULT_BUILD.batch_size
                for i in range(0, len(part), size):
                    rows = [(o.raw, o.doc, o.sig) for o in part[i:i + size]]
                    store.save(rows, pipeline.PIPELINE_VERSION)
                    n += len(rows)
                    if n >= mark:
                        gc.collect()
                        print(line(n, store, t0, args.trace), flush=True)
                        if args.trace:
                            top(first)
                        mark += args.every
                del part, rows
                if args.limit and n >= args.limit:
                    break
            print(f"stored {n}: peak RSS {status_mb('VmHWM'):.1f} MB", flush=True)
            store.update_groups()
            print(f"after update_groups: RSS {status_mb('VmRSS'):.1f} MB, peak {status_mb('VmHWM'):.1f} MB", flush=True)
            from storyline.chronology import default_timeline

            default_timeline(store)
            print(f"after default_timeline: RSS {status_mb('VmRSS'):.1f} MB, peak {status_mb('VmHWM'):.1f} MB",
                  flush=True)
            groups = len(store.groups())
            print(f"after groups() ({groups}): RSS {status_mb('VmRSS'):.1f} MB, peak {status_mb('VmHWM'):.1f} MB",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
