"""CPU time per document of each build stage, beside a naive pipeline's in the same run.

The naive pipeline is the yardstick for build speed: JSON parse, a regex sentence split and date-word
scan, SQLite + FTS5 insert, a commit every 16 documents (``--naive SCRIPT`` runs a script of those
steps, called as ``SCRIPT CORPUS.jsonl DB``, in a child process instead of the copy below). The build
is timed the way ``storyline build --no-entities`` runs it: each raw document read from the JSONL
file, ``pipeline.process`` (clean, language, sentences, dates, dedup signature, sentence features)
and ``Store.save`` per batch of 16, in CPU seconds of this process, each stage's functions wrapped
in a timer (a profiler slows Python code more than C code and would skew the split between
stages). ``--profile K`` runs the build a second time under cProfile and lists the K functions
that took longest, to see where a stage spends its time.

    python benchmarks/scale/cpu_per_doc.py CORPUS.jsonl [--n 2000] [--check-sentences] [--profile 40]

``--check-sentences`` also compares the sentence boundaries of every paragraph of the clean texts
found on the reduced paragraph (what a build uses) with those syntok finds on the whole paragraph.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import hashlib
import json
import platform
import pstats
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from storyline import dedup, ingest, pipeline, sentences, timex
from storyline.chronology import features
from storyline.config import DEFAULT_BUILD
from storyline.store import Store

# stage: (module, attribute) of the functions timed as that stage; each is looked up where the
# build calls it from, so wrapping it there times every call
STAGES = {
    "clean + language": [(pipeline, "clean_raw")],
    "sentences": [(pipeline, "split")],
    "dates (timex)": [(timex, "find_mentions")],
    "dedup signature": [(dedup, "signature")],
    "sentence features": [(features, "sentence_features"), (features, "repeated_in")],
    "store": [(Store, "save")],
}


SENT = re.compile(r'(?<=[.!?])\s+(?=[A-Z"`])')
DATE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                  r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?:\s+\d{1,2})?(?:\s*,?\s*\d{4})?")


def naive_build(src: Path, db: Path) -> int:
    """The naive pipeline over ``src`` into a new SQLite file ``db``; the documents it stored."""
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("create table if not exists docs(id text primary key, published text, text text)")
    con.execute("create table if not exists sents(doc text, i int, text text, dates text)")
    con.execute('create virtual table if not exists fts using fts5(text, tokenize="porter")')
    n = 0
    with open(src, encoding="utf-8") as lines:
        for line in lines:
            o = json.loads(line)
            t = o["text"]
            i = hashlib.sha256(line.encode()).hexdigest()[:16]
            con.execute("insert or ignore into docs values(?,?,?)", (i, o.get("published"), t))
            con.execute("insert into fts(text) values(?)", (t,))
            for k, s in enumerate(SENT.split(t)):
                con.execute("insert into sents values(?,?,?,?)", (i, k, s, "|".join(DATE.findall(s))))
            n += 1
            if n % 16 == 0:
                con.commit()
    con.commit()
    con.close()
    return n


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def naive_cpu(src: Path, folder: Path, script: Path | None) -> float:
    """CPU seconds of the naive pipeline over ``src`` (a child process's less the same with no documents)."""
    if script is None:
        started = time.process_time()
        naive_build(src, folder / "naive.db")
        return time.process_time() - started
    empty = folder / "empty.jsonl"
    empty.write_text("")
    spent = []
    for corpus, db in ((empty, "naive-empty.db"), (src, "naive.db")):
        before = _child_cpu()
        subprocess.run([sys.executable, str(script), str(corpus), str(folder / db)], check=True,
                       stdout=subprocess.DEVNULL)
        spent.append(_child_cpu() - before)
    return spent[1] - spent[0]


def _timed_reads(src: Path, spent: dict[str, float]):
    """The raw documents of ``src``, the CPU time spent reading them added to ``spent["read"]``."""
    items = iter(ingest.read_file(src, options=DEFAULT_BUILD))
    while True:
        started = time.process_time()
        item = next(items, None)
        spent["read"] = spent.get("read", 0.0) + time.process_time() - started
        if item is None:
            return
        if hasattr(item, "content"):  # not a read note or error
            yield item


def storyline_build(src: Path, db: Path, spent: dict[str, float]) -> list:
    """The build's per-document stages over ``src`` into a new store ``db``, as ``build --no-entities``
    runs them; the documents derived. The CPU time of each stage is added to ``spent``."""
    docs = []
    batch: list = []
    with Store(db) as store:
        for item in _timed_reads(src, spent):
            try:
                doc, sig, _ = pipeline.process(item)
            except (pipeline.CleanError, ValueError):
                continue
            batch.append((item, doc, sig))
            docs.append(doc)
            if len(batch) >= DEFAULT_BUILD.batch_size:
                store.save(batch, pipeline.PIPELINE_VERSION, None)
                batch.clear()
        store.save(batch, pipeline.PIPELINE_VERSION, None)
    return docs


@contextmanager
def stage_timers(spent: dict[str, float]):
    """Every function of ``STAGES`` wrapped to add its CPU time to ``spent[stage]`` (a timer costs
    about a microsecond a call; no profiler slows the code between)."""
    saved = []

    def timer(stage: str, function):
        @functools.wraps(function)
        def timed(*args, **kwargs):
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[stage] = spent.get(stage, 0.0) + time.process_time() - started
        return timed

    for stage, places in STAGES.items():
        for owner, name in places:
            function = getattr(owner, name)
            saved.append((owner, name, function))
            setattr(owner, name, timer(stage, function))
    try:
        yield spent
    finally:
        for owner, name, function in saved:
            setattr(owner, name, function)


def check_sentences(docs: list) -> tuple[int, int, int]:
    """Paragraphs compared, sentences found on the whole paragraphs, paragraphs whose boundaries differ."""
    paragraphs = found = differ = 0
    for doc in docs:
        for start, end in sentences.paragraphs(doc.text):
            chunk = doc.text[start:end]
            whole = sentences.boundaries(chunk, whole=True)
            paragraphs += 1
            found += len(whole)
            differ += sentences.boundaries(chunk) != whole
    return paragraphs, found, differ


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a JSONL corpus ({text, published} per line)")
    parser.add_argument("--n", type=int, default=2000, help="documents taken from the start of the corpus")
    parser.add_argument("--naive", type=Path, help="a naive pipeline script to run instead of the copy here")
    parser.add_argument("--check-sentences", action="store_true")
    parser.add_argument("--profile", type=int, default=0, metavar="K",
                        help="also profile a second pass with cProfile and list its K costliest functions")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        src = folder / "corpus.jsonl"
        with open(args.corpus, encoding="utf-8") as lines, open(src, "w", encoding="utf-8") as out:
            for n, line in enumerate(lines):
                if n >= args.n:
                    break
                out.write(line)
        n = sum(1 for _ in open(src, encoding="utf-8"))
        naive_build(src, folder / "warm.db")  # imports and caches warm for both
        pipeline.process(next(r for r in ingest.read_file(src, options=DEFAULT_BUILD) if hasattr(r, "content")))
        naive = naive_cpu(src, folder, args.naive)
        spent: dict[str, float] = {}
        with stage_timers(spent):
            started = time.process_time()
            docs = storyline_build(src, folder / "plain.db", spent)
            total = time.process_time() - started
        if args.profile:
            profile = cProfile.Profile()
            profile.runcall(storyline_build, src, folder / "profiled.db", {})
    print(f"{n} documents ({len(docs)} built), {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print("\n| stage | CPU ms/doc | share | × naive |\n|---|---:|---:|---:|")
    print(f"| naive pipeline (all of it) | {naive / n * 1000:.2f} | | 1.0 |")
    for stage in ["read", *STAGES]:
        seconds = spent.get(stage, 0.0)
        print(f"| {stage} | {seconds / n * 1000:.2f} | {seconds / total:.0%} | {seconds / naive:.1f} |")
    rest = total - sum(spent.values())
    print(f"| other (budget checks, documents, batches) | {rest / n * 1000:.2f} | {rest / total:.0%} | "
          f"{rest / naive:.1f} |")
    print(f"| **build, all stages** | **{total / n * 1000:.2f}** | 100% | **{total / naive:.1f}** |")
    if args.profile:
        print()
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.profile)
    if args.check_sentences:
        paragraphs, found, differ = check_sentences(docs)
        print(f"\nsentences: {paragraphs} paragraphs, {found} sentences on whole paragraphs, "
              f"{differ} paragraphs with other boundaries on the reduced paragraph")


if __name__ == "__main__":
    main()
