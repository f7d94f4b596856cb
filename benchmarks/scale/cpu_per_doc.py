"""CPU time per document of each build stage, beside a naive pipeline's in the same run.

The naive pipeline is the yardstick for build speed: JSON parse, a regex sentence split and date-word
scan, SQLite + FTS5 insert, a commit every 16 documents (``--naive SCRIPT`` runs a script of those
steps, called as ``SCRIPT CORPUS.jsonl DB``, in a child process instead of the copy below). The build
is timed the way ``storyline build --no-entities`` runs it: each raw document read from the JSONL
file, ``pipeline.work`` over chunks of 16 as a build's workers run it (clean, language, sentences,
dates, the chunk's dedup signatures, sentence features) and ``Store.save`` per batch of 16, in CPU seconds of this process, each stage's functions wrapped
in a timer (a profiler slows Python code more than C code and would skew the split between
stages). ``--profile K`` runs the build a second time under cProfile and lists the K functions
that took longest, to see where a stage spends its time.

    python benchmarks/scale/cpu_per_doc.py CORPUS.jsonl [--n 2000] [--check-sentences] [--profile 40]
    python benchmarks/scale/cpu_per_doc.py CORPUS.jsonl --n 300 --dump BUILT.jsonl [--compare EARLIER.jsonl]

``--check-sentences`` also compares the sentence boundaries of every paragraph of the clean texts
found on the reduced paragraph (what a build uses) with those syntok finds on the whole paragraph.
``--dump`` writes everything the build derived of each document (sentences, date mentions,
sentence features, support rows, dedup signature, and the event prior's feature vector and
probability of each sentence it weighs, floats exactly) one document a line, and ``--compare``
lists where that differs from an earlier dump: the proof that a speed change derives the same.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
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
from storyline.chronology import features, line_prior
from storyline.config import DEFAULT_BUILD
from storyline.store import Store

# stage: (module, attribute) of the functions timed as that stage; each is looked up where the
# build calls it from, so wrapping it there times every call
STAGES = {
    "clean + language": [(pipeline, "clean_raw")],
    "sentences": [(pipeline, "split")],
    "dates (timex)": [(timex, "find_mentions")],
    "dedup signature": [(dedup, "signature"), (dedup, "signatures")],
    "sentence features": [(features, "sentence_features"), (features, "repeated_in")],
    "event prior": [(features, "document_cues"), (features, "line_features"), (line_prior.LinePrior, "probability")],
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
    """The raw documents of ``src``, each content once (a build processes a repeated one once, as
    more paths of it), the CPU time spent reading them added to ``spent["read"]``."""
    items = iter(ingest.read_file(src, options=DEFAULT_BUILD))
    seen: set[str] = set()
    while True:
        started = time.process_time()
        item = next(items, None)
        spent["read"] = spent.get("read", 0.0) + time.process_time() - started
        if item is None:
            return
        if hasattr(item, "content") and item.id not in seen:  # not a read note or error, nor content read before
            seen.add(item.id)
            yield item


def storyline_build(src: Path, db: Path, spent: dict[str, float]) -> list:
    """The build's per-document stages over ``src`` into a new store ``db``, as ``build --no-entities``
    runs them; the documents derived. The CPU time of each stage is added to ``spent``."""
    docs = []
    batch: list = []
    with Store(db) as store:
        for chunk in _chunks(_timed_reads(src, spent)):
            for outcome in pipeline.work(chunk):
                if isinstance(outcome, pipeline.Processed):
                    batch.append((outcome.raw, outcome.doc, outcome.sig))
                    docs.append(outcome.doc)
                if len(batch) >= DEFAULT_BUILD.batch_size:
                    store.save(batch, pipeline.PIPELINE_VERSION, None)
                    batch.clear()
        store.save(batch, pipeline.PIPELINE_VERSION, None)
    return docs


def _chunks(items):
    """``items`` in lists of ``engine_chunk``, as a build hands them to its workers."""
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) == DEFAULT_BUILD.engine_chunk:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@contextmanager
def stage_timers(spent: dict[str, float]):
    """Every function of ``STAGES`` wrapped to add its CPU time to ``spent[stage]`` (a timer costs
    about a microsecond a call; no profiler slows the code between). A stage called inside another
    (the event prior inside sentence features) is counted as its own, not also as the outer one's."""
    saved = []
    inner = [0.0]  # CPU time of timed calls inside the one running

    def timer(stage: str, function):
        @functools.wraps(function)
        def timed(*args, **kwargs):
            started = time.process_time()
            outer, inner[0] = inner[0], 0.0
            try:
                return function(*args, **kwargs)
            finally:
                elapsed = time.process_time() - started
                spent[stage] = spent.get(stage, 0.0) + elapsed - inner[0]
                inner[0] = outer + elapsed
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


def _plain(value):
    """``value`` as JSON can hold it: dataclasses as dicts, arrays as lists, floats as their repr."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if hasattr(value, "tolist"):
        return _plain(value.tolist())
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (str, int, bool)) or value is None:
        return value
    return str(value)


def dump_build(src: Path, db: Path, out: Path) -> int:
    """Build ``src`` and write what it derived of each document to ``out``; the documents written."""
    tmp = str(src.parent)
    weighed: dict[str, list] = {}  # by document: the sentences its event prior weighed
    sentence_features, line_features = features.sentence_features, features.line_features
    probability = line_prior.LinePrior.probability

    def recorded_sentences(doc, *args, **kwargs):
        weighed[doc.id] = []
        return sentence_features(doc, *args, **kwargs)

    def recorded_features(*args, **kwargs):
        last = weighed[next(reversed(weighed))]
        last.append({"features": line_features(*args, **kwargs)})
        return last[-1]["features"]

    def recorded_probability(self, vector):
        last = weighed[next(reversed(weighed))]
        last[-1]["probability"] = probability(self, vector)
        return last[-1]["probability"]

    features.sentence_features, features.line_features = recorded_sentences, recorded_features
    line_prior.LinePrior.probability = recorded_probability  # type: ignore[method-assign]
    n = 0
    try:
        with Store(db) as store, open(out, "w", encoding="utf-8") as lines:
            for chunk in _chunks(item for item in ingest.read_file(src, options=DEFAULT_BUILD)
                                 if hasattr(item, "content")):
                weighed.clear()
                for raw, outcome in zip(chunk, pipeline.work(chunk)):
                    if isinstance(outcome, pipeline.Failed):
                        reason = outcome.reason.replace(tmp, "")
                        lines.write(json.dumps({"path": Path(raw.path).name, "refused": reason}) + "\n")
                        continue
                    doc, sig = outcome.doc, outcome.sig
                    store.save([(raw, doc, sig)], pipeline.PIPELINE_VERSION, None)
                    record = {"id": doc.id, "text": doc.text, "sentences": _plain(doc.sentences),
                              "mentions": _plain(doc.mentions), "features": _plain(doc.features),
                              "support": _plain(features.support_rows(doc, doc.features)),
                              "signature": _plain(sig), "event prior": _plain(weighed.get(doc.id, []))}
                    lines.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
                    n += 1
    finally:
        features.sentence_features, features.line_features = sentence_features, line_features
        line_prior.LinePrior.probability = probability  # type: ignore[method-assign]
    return n


def compare_dumps(earlier: Path, later: Path, shown: int = 10) -> int:
    """Print where two dumps differ (at most ``shown`` places) and the counts compared; the differences."""
    counts = dict.fromkeys(["documents", "sentences", "mentions", "features", "support", "event prior"], 0)
    differ = 0
    with open(earlier, encoding="utf-8") as a, open(later, encoding="utf-8") as b:
        for n, (one, two) in enumerate(zip(a, b, strict=True)):
            x, y = json.loads(one), json.loads(two)
            counts["documents"] += 1
            for key in counts:
                if key != "documents":
                    counts[key] += len(x.get(key) or [])
            for key in sorted(set(x) | set(y)):
                if x.get(key) != y.get(key):
                    differ += 1
                    if differ <= shown:
                        print(f"document {n + 1} ({x.get('id') or x.get('path')}): {key} differs")
    print("compared: " + ", ".join(f"{v} {k}" for k, v in counts.items()) + f"; {differ} differences")
    return differ


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a JSONL corpus ({text, published} per line)")
    parser.add_argument("--n", type=int, default=2000, help="documents taken from the start of the corpus")
    parser.add_argument("--naive", type=Path, help="a naive pipeline script to run instead of the copy here")
    parser.add_argument("--check-sentences", action="store_true")
    parser.add_argument("--profile", type=int, default=0, metavar="K",
                        help="also profile a second pass with cProfile and list its K costliest functions")
    parser.add_argument("--dump", type=Path, help="only build and write what was derived of each document here")
    parser.add_argument("--compare", type=Path, help="with --dump: compare it with this earlier dump")
    args = parser.parse_args()
    if args.dump:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "corpus.jsonl"
            with open(args.corpus, encoding="utf-8") as lines, open(src, "w", encoding="utf-8") as out:
                out.writelines(line for n, line in enumerate(lines) if n < args.n)
            print(f"{dump_build(src, Path(tmp) / 'dump.db', args.dump)} documents built into {args.dump}")
        if args.compare:
            sys.exit(1 if compare_dumps(args.compare, args.dump) else 0)
        return
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
