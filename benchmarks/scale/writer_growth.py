"""What the one writer pays per document as its store grows: ``Store.save`` of the same new
documents into a copy of a store of some size, its CPU, the pages a batch dirties per document
by table or index, and the bytes written.

The documents are the first ``--n`` of a JSONL corpus, made into the rows the writer stores
(``pipeline.prepare``, without names and quotes) and given ids no store holds, so that each is new
to every store it is saved into. The store is copied first (the original is not touched); one
batch is saved before the timing, which builds the writer's duplicate index from the stored
sketches, a one-time cost. Pages dirtied: the WAL of one batch saved with checkpoints off, its
frames' page numbers looked up in SQLite's ``dbstat``.

    python benchmarks/scale/writer_growth.py CORPUS.jsonl STORE.db [STORE.db ...] [--n 1000] [--batch 256]
                                             [--without INDEX ...]

``--without`` drops an index from the copy before saving into it: what keeping it costs.
"""

from __future__ import annotations

import argparse
import collections
import resource
import shutil
import struct
import tempfile
from pathlib import Path

from storyline import ingest, pipeline
from storyline.model import RawDocument
from storyline.store import Store


def new_rows(corpus: Path, n: int) -> list:
    raws, seen = [], set()
    for item in ingest.read_file(corpus):
        if isinstance(item, RawDocument) and item.id not in seen:
            seen.add(item.id)
            raws.append(item)
        if len(raws) == n:
            break
    for raw in raws:  # an id no store of the corpus holds: the id's first character changed
        raw.id = ("0" if raw.id[0] != "0" else "1") + raw.id[1:]
    prepared = []
    for i in range(0, len(raws), 16):
        prepared.extend(p for p in pipeline.prepare(raws[i:i + 16]) if hasattr(p, "rows"))
    return [p.rows for p in prepared]


def wal_pages(db: Store, wal: Path) -> collections.Counter:
    data = wal.read_bytes()
    size = struct.unpack(">I", data[8:12])[0]
    pages, at = set(), 32
    while at + 24 <= len(data):
        pages.add(struct.unpack(">I", data[at:at + 4])[0])
        at += 24 + size
    owner = dict((p, name) for name, p in db.db.execute("SELECT name, pageno FROM dbstat"))
    return collections.Counter(owner.get(p, "?") for p in pages)


def measure(store_path: Path, rows: list, batch: int, work: Path, without: tuple[str, ...] = ()) -> None:
    copy = work / "store.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copy(store_path, copy)
    warm, timed = rows[:batch], rows[batch:]
    with Store(copy) as store:
        stored = store.count()
        for index in without:
            store.db.execute(f"DROP INDEX {index}")
        store.save(warm, pipeline.PIPELINE_VERSION, None)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.db.execute("PRAGMA wal_autocheckpoint = 0")
        store.save(timed[:batch], pipeline.PIPELINE_VERSION, None)
        pages = wal_pages(store, Path(f"{copy}-wal"))
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.db.execute("PRAGMA wal_autocheckpoint = 16384")
        rest = timed[batch:]
        before = resource.getrusage(resource.RUSAGE_SELF)
        for i in range(0, len(rest), batch):
            store.save(rest[i:i + batch], pipeline.PIPELINE_VERSION, None)
        after = resource.getrusage(resource.RUSAGE_SELF)
    n = len(rest)
    user = 1000 * (after.ru_utime - before.ru_utime) / n
    system = 1000 * (after.ru_stime - before.ru_stime) / n
    written = 512 * (after.ru_oublock - before.ru_oublock) / n / 1024
    per_doc = len(timed[:batch])
    print(f"{store_path} ({stored} documents): save {user:.2f} user + {system:.2f} system ms a document "
          f"({n} documents), {written:.0f} KB written a document; pages a batch dirties, a document: "
          f"{sum(pages.values()) / per_doc:.1f}")
    print("    " + ", ".join(f"{name} {count / per_doc:.1f}" for name, count in pages.most_common(12)))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("stores", type=Path, nargs="+")
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--without", action="append", default=[], metavar="INDEX",
                    help="drop this index from the copy first (repeatable): what keeping it costs")
    args = ap.parse_args(argv)
    rows = new_rows(args.corpus, args.n)
    if len(rows) < 3 * args.batch:
        ap.error(f"{len(rows)} documents: at least three batches are needed (one to warm, one for the pages, one timed)")
    with tempfile.TemporaryDirectory() as work:
        for store in args.stores:
            measure(store, rows, args.batch, Path(work), tuple(args.without))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
