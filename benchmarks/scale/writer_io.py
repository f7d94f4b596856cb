"""What the one writer writes to disk per document as its store grows.

    python benchmarks/scale/writer_io.py CORPUS.jsonl [--limit 4000] [--copies 6] [--batches 64,256]
                                         [--layouts clustered,stored] [--checkpoints 0,65536]

A store larger than the memory is built at the speed of its disk: each transaction writes every page
it changed to the write-ahead log, and the checkpoint writes them again into the file, so what counts
is how many pages a document changes. This processes the corpus's documents once (``pipeline.prepare``
in a pool, not timed), then stores their rows into a fresh store ``--copies`` times over, each copy
under new document ids (so the store grows as with new documents, and the duplicate search links the
copies as exact duplicates), in transactions of each ``--batches`` size, for each layout of the
sentence features: ``stored`` (the store's own: a table in the order stored, schema 9) and
``clustered`` (the table clustered by document id that schema 4 made), and for each
``--checkpoints`` (log pages between checkpoints; 0: the store's own setting). Reported per configuration and
copy: the writer's CPU per document, the bytes the process wrote per document (``/proc/self/io``,
the log and the checkpoints: at the end of each copy the log is checkpointed and truncated) and the
store's size per document. Linux only.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import multiprocessing
import os
import resource
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from storyline import ingest, pipeline  # noqa: E402
from storyline.store import Store  # noqa: E402
from storyline.store.schema import _TIMELINE_FEATURES  # noqa: E402

CHUNK = 16


def cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


def written() -> int:
    with open("/proc/self/io") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("write_bytes"))


def prepared(corpus: Path, limit: int) -> list:
    """Every document's rows (``DocumentRows``), as a build's workers make them."""
    raws = [r for r in itertools.islice(ingest.read_file(corpus), limit or None)
            if isinstance(r, ingest.RawDocument)]
    chunks = [raws[i:i + CHUNK] for i in range(0, len(raws), CHUNK)]
    with multiprocessing.get_context("fork").Pool() as pool:
        done = pool.map(pipeline.prepare, chunks)
    seen, rows = set(), []
    for outcome in itertools.chain.from_iterable(done):
        if isinstance(outcome, pipeline.Prepared) and outcome.rows.id not in seen:
            seen.add(outcome.rows.id)
            rows.append(outcome.rows)
    return rows


def renamed(rows, copy: int):
    """The rows of a document under another id (and path): the same document stored again as new."""
    if not copy:
        return rows
    new = f"{rows.id}-{copy}"
    return dataclasses.replace(
        rows, id=new, path=f"{rows.path}#{copy}", paths=[], document=(new, *rows.document[1:]),
        sentences=[(new, *r[1:]) for r in rows.sentences], mentions=[(new, *r[1:]) for r in rows.mentions],
        features=[(new, *r[1:]) for r in rows.features], support=[(r[0], new, *r[2:]) for r in rows.support],
        sig=dataclasses.replace(rows.sig, document=new))


def run(rows: list, layout: str, batch: int, copies: int, work: Path, checkpoint: int = 0
        ) -> list[tuple[float, float, float]]:
    db = work / f"{layout}-{batch}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    out = []
    with Store(db) as store:
        if checkpoint:
            store.db.execute(f"PRAGMA wal_autocheckpoint = {checkpoint}")
        if layout == "clustered":
            store.db.execute("DROP TABLE features")
            store.db.execute("DROP TABLE date_support")
            store._apply(_TIMELINE_FEATURES)
        for copy in range(copies):
            docs = [renamed(r, copy) for r in rows]
            c0, w0 = cpu(), written()
            for i in range(0, len(docs), batch):
                store.save(docs[i:i + batch], pipeline.PIPELINE_VERSION, None)
            store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            n = len(docs)
            out.append(((cpu() - c0) / n * 1000, (written() - w0) / n / 1024, os.path.getsize(db) / (n * (copy + 1)) / 1024))
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=4000)
    parser.add_argument("--copies", type=int, default=6)
    parser.add_argument("--batches", default="64,256")
    parser.add_argument("--layouts", default="clustered,stored")
    parser.add_argument("--checkpoints", default="0", help="log pages between checkpoints (0: the store's own)")
    parser.add_argument("--work", type=Path)
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="writer-io-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = prepared(args.corpus, args.limit)
    print(f"{len(rows)} distinct documents, stored {args.copies} times over\n")
    print("| features | batch | checkpoint | copy | store documents | writer CPU ms/doc | written KB/doc | store KB/doc |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for layout in args.layouts.split(","):
        for batch in map(int, args.batches.split(",")):
            for checkpoint in map(int, args.checkpoints.split(",")):
                for copy, (ms, kb, size) in enumerate(run(rows, layout, batch, args.copies, work, checkpoint), start=1):
                    print(f"| {layout} | {batch} | {checkpoint or 'store'} | {copy} | {copy * len(rows):,} | {ms:.2f} "
                          f"| {kb:.0f} | {size:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
