"""Score sentence dating against hand-labelled event dates (``labels.jsonl``).

Each label points at one sentence of T17, Crisis or storyline's sample corpus (the licensed
text is read from ``../shared/data``, never stored here), gives its publication date and the
date of the event the sentence reports, as a person read it. This script finds every sentence
(detokenized as the TLS loaders do), checks its SHA-1, finds its date mentions with
``storyline.find_dates(text, anchor=published)`` and scores:

* the baseline, today's product rule: the first date the sentence names (day, month, season or
  year; a named day preferred; a year naming a thing, "the 2005 election", skipped), else the
  publication date;
* the new rule ``storyline.chronology.dating.event_date(text, mentions, published)``, when that
  module can be imported.

A prediction is right when it equals the gold date at the gold's precision (a predicted day in
a gold month counts; a predicted year for a gold day does not); a prediction of no date is right
only when the gold is null. The table goes to ``docs/benchmarks.md`` between the
``event-dates`` markers (``--no-write`` only prints).

    python benchmarks/event_dates/run.py [--labels FILE] [--data DIR] [--no-write] [--show-errors]
"""

from __future__ import annotations

import argparse
import ast
import csv
import datetime as dt
import hashlib
import json
import os
import platform
import re
import subprocess
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Optional

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DATA = ROOT.parent / "shared" / "data"
SAMPLE = ROOT / "src" / "storyline" / "sample" / "corpus"
LABELS = HERE / "labels.jsonl"
DOCS = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- event-dates:start -->", "<!-- event-dates:end -->"

SETS = ("t17", "crisis", "sample")
KINDS = ("report", "preview", "state", "background", "furniture")
RULE_KINDS = ("report", "preview", "state", "none")
VALUE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?")  # year, month, day or ISO week
STRATA = ("furniture", "preview", "tricky", "dated", "none")
GRANULARITIES = ("day", "month", "season", "year")


# -- finding the sentences ---------------------------------------------------------------------

def sha1_12(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _rows(path: Path) -> list[dict]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=None)
def _t17_rows(data: Path, topic: str) -> list[tuple[str, str]]:
    return [((row.get("date") or "")[:10], row.get("text") or "")
            for row in _rows(data / "tls" / "t17" / topic / "articles.csv")]


@lru_cache(maxsize=None)
def t17_article(data: Path, topic: str, row: int) -> tuple[str, list[str]]:
    """One T17 article: (publication date, its non-empty lines detokenized)."""
    from storyline.evaluate.tls_data import detokenize

    published, text = _t17_rows(data, topic)[row]
    return published, [detokenize(line).strip() for line in text.split("\n") if line.strip()]


def t17_articles(data: Path, topic: str) -> list[tuple[str, list[str]]]:
    """Every row of a T17 topic: (publication date, its non-empty lines detokenized)."""
    return [t17_article(data, topic, i) for i in range(len(_t17_rows(data, topic)))]


@lru_cache(maxsize=None)
def _crisis_rows(data: Path, topic: str) -> dict[str, str]:
    return {(row.get("time") or "")[:10]: row.get("Sentences") or "[]"
            for row in _rows(data / "tls" / "crisis" / topic / "sentences_by_date.csv")}


@lru_cache(maxsize=None)
def crisis_day(data: Path, topic: str, day: str) -> list[str]:
    """One day of a Crisis topic: its sentences detokenized, in list order."""
    from storyline.evaluate.tls_data import detokenize

    try:
        sentences = ast.literal_eval(_crisis_rows(data, topic)[day])
    except (ValueError, SyntaxError):
        return []
    return [detokenize(" ".join(str(s).split()), join_hyphens=True) for s in sentences]


def crisis_days(data: Path, topic: str) -> dict[str, list[str]]:
    """A Crisis topic: {publication date: that day's sentences detokenized, in list order}."""
    return {day: crisis_day(data, topic, day) for day in _crisis_rows(data, topic)}


@lru_cache(maxsize=None)
def sample_documents(corpus: Path = SAMPLE) -> dict[str, tuple[Optional[str], list[str]]]:
    """The sample corpus through storyline's pipeline: {corpus-relative path: (published, sentences)}."""
    from storyline import ingest
    from storyline.pipeline import process_all

    out = {}
    for doc in process_all(ingest.read([corpus])):
        file, _, record = doc.path.partition("#")
        rel = Path(file).resolve().relative_to(corpus.resolve()).as_posix() + (f"#{record}" if record else "")
        out[rel] = (doc.published.isoformat() if doc.published else None, [s.text for s in doc.sentences])
    return out


def locate(ref: dict, data: Path = DATA) -> tuple[list[str], int, Optional[str]]:
    """The sentences around a reference (its article, day or document), its index, the published date."""
    if ref["set"] == "t17":
        published, lines = t17_article(data, ref["topic"], ref["row"])
        return lines, ref["line"], published
    if ref["set"] == "crisis":
        return crisis_day(data, ref["topic"], ref["date"]), ref["index"], ref["date"]
    if ref["set"] == "sample":
        published, sentences = sample_documents()[ref["path"]]
        return sentences, ref["sentence"], published
    raise ValueError(f"unknown set {ref['set']!r}")


def sentence_text(ref: dict, data: Path = DATA) -> str:
    sentences, i, _ = locate(ref, data)
    return sentences[i]


def data_available(data: Path = DATA) -> bool:
    return (data / "tls" / "t17").is_dir() and (data / "tls" / "crisis").is_dir()


# -- labels ------------------------------------------------------------------------------------

def load_labels(path: Path = LABELS) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _date(value: Any) -> bool:
    if not isinstance(value, str) or not VALUE.fullmatch(value):
        return False
    try:
        if "-W" in value:
            dt.date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
        else:
            parts = [int(p) for p in value.split("-")] + [1, 1]
            dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def check_label(rec: dict) -> list[str]:
    """What is wrong with one record (an empty list when it is valid)."""
    problems = []
    ref_keys = {"t17": {"topic": str, "row": int, "line": int}, "crisis": {"topic": str, "date": str, "index": int},
                "sample": {"path": str, "sentence": int}}
    if rec.get("set") not in ref_keys:
        return [f"set {rec.get('set')!r}"]
    for key, typ in ref_keys[rec["set"]].items():
        if not isinstance(rec.get(key), typ) or isinstance(rec.get(key), bool):
            problems.append(f"{key} {rec.get(key)!r}")
    if rec["set"] == "crisis" and not (isinstance(rec.get("date"), str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", rec["date"])):
        problems.append(f"date {rec.get('date')!r}")
    if not (isinstance(rec.get("sha1"), str) and re.fullmatch(r"[0-9a-f]{12}", rec["sha1"])):
        problems.append(f"sha1 {rec.get('sha1')!r}")
    published = rec.get("published")
    if published is not None and not (_date(published) and len(published) == 10):
        problems.append(f"published {published!r}")
    if rec.get("kind") not in KINDS:
        problems.append(f"kind {rec.get('kind')!r}")
    value = rec.get("event_date", "missing")
    if value is not None and not _date(value):
        problems.append(f"event_date {value!r}")
    if rec.get("kind") in ("state", "background", "furniture") and value is not None:
        problems.append(f"a {rec['kind']} sentence with event_date {value!r}")
    if not isinstance(rec.get("names_date"), bool):
        problems.append(f"names_date {rec.get('names_date')!r}")
    if "stratum" in rec and rec["stratum"] not in STRATA:
        problems.append(f"stratum {rec['stratum']!r}")
    if "note" in rec and not isinstance(rec["note"], str):
        problems.append("note is not a string")
    return problems


# -- the rules ---------------------------------------------------------------------------------

@dataclass
class Prediction:
    value: Optional[str]
    kind: Optional[str] = None


_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that)\s+$", re.I)
_WORD_AFTER = re.compile(r"\s+[^\W\d_]")


def _attributive(text: str, m) -> bool:
    """A year naming a thing ("the 1998 treaty"), as the product rule skips it."""
    return (m.granularity == "year" and m.anchor is None
            and bool(_DETERMINER_BEFORE.search(text, max(0, m.start - 8), m.start))
            and bool(_WORD_AFTER.match(text, m.end)))


def baseline(text: str, mentions: list, published: Optional[dt.date]) -> Prediction:
    """Today's product rule (``date_sentences``): the first date named, a named day preferred."""
    named = [m for m in mentions if m.type == "DATE" and m.value is not None and m.granularity in GRANULARITIES
             and not _attributive(text, m)]
    days = [m for m in named if m.granularity == "day"]
    if days or named:
        return Prediction((days or named)[0].value)
    return Prediction(published.isoformat() if published else None)


def load_new_rule():
    try:
        from storyline.chronology.dating import event_date
    except ImportError as exc:
        print(f"storyline.chronology.dating not importable ({exc}): scoring the baseline only", file=sys.stderr)
        return None

    def rule(text: str, mentions: list, published: Optional[dt.date]) -> Prediction:
        result = event_date(text, mentions, published)
        return Prediction(result.value, result.kind)
    return rule


def timeline_rule(rule):
    """What a timeline line gets: no date for a sentence refused as a candidate (page furniture,
    a fragment, with ``storyline.chronology.candidates.refusal``), else the new rule's date."""
    from storyline.chronology.candidates import content_words, refusal

    def line(text: str, mentions: list, published: Optional[dt.date]) -> Prediction:
        if refusal(text, len(content_words(text))) is not None:
            return Prediction(None, "none")
        return rule(text, mentions, published)
    return line


# -- scoring -----------------------------------------------------------------------------------

def right(predicted: Optional[str], gold: Optional[str]) -> bool:
    """The prediction equals the gold at the gold's precision (a day inside a gold week counts)."""
    if gold is None:
        return predicted is None
    if predicted is None:
        return False
    if "-W" in gold and re.fullmatch(r"\d{4}-\d{2}-\d{2}", predicted):
        year, week, _ = dt.date.fromisoformat(predicted).isocalendar()
        return f"{year}-W{week:02d}" == gold
    return predicted[:len(gold)] == gold


def _pct(num: int, den: int) -> str:
    return f"{num / den:.3f} ({num}/{den})" if den else "–"


def score(items: list[tuple[dict, Prediction]], with_kind: bool) -> dict[str, str]:
    ok = [right(p.value, g["event_date"]) for g, p in items]
    named = [o for (g, _), o in zip(items, ok) if g["names_date"]]
    unnamed = [o for (g, _), o in zip(items, ok) if not g["names_date"]]
    null_gold = [p.value is not None for g, p in items if g["event_date"] is None]
    row = {"n": str(len(items)), "accuracy": _pct(sum(ok), len(ok)), "names a date": _pct(sum(named), len(named)),
           "names none": _pct(sum(unnamed), len(unnamed)), "null gold dated": _pct(sum(null_gold), len(null_gold))}
    if with_kind:
        predicted = [g["kind"] == "preview" for g, p in items if p.kind == "preview"]
        gold = [p.kind == "preview" for g, p in items if g["kind"] == "preview"]
        row["preview P"] = _pct(sum(predicted), len(predicted))
        row["preview R"] = _pct(sum(gold), len(gold))
    return row


def table(results: dict[str, list[tuple[dict, Prediction]]], with_kind: bool) -> list[str]:
    cols = ["n", "accuracy", "names a date", "names none", "null gold dated"] + (["preview P", "preview R"]
                                                                               if with_kind else [])
    lines = ["| set | " + " | ".join(cols) + " |", "|---|" + "---:|" * len(cols)]
    for name in list(SETS) + ["all"]:
        items = [x for s in SETS for x in results.get(s, [])] if name == "all" else results.get(name, [])
        if not items:
            continue
        row = score(items, with_kind)
        label = f"**{name}**" if name == "all" else name
        lines.append(f"| {label} | " + " | ".join(row[c] for c in cols) + " |")
    return lines


def counts(labels: Iterable[dict]) -> list[str]:
    labels = list(labels)
    lines = ["| set | " + " | ".join(KINDS) + " | names a date | null date | total |",
             "|---|" + "---:|" * (len(KINDS) + 3)]
    for name in list(SETS) + ["all"]:
        rows = [r for r in labels if name == "all" or r["set"] == name]
        cells = [str(sum(r["kind"] == k for r in rows)) for k in KINDS]
        cells += [str(sum(r["names_date"] for r in rows)), str(sum(r["event_date"] is None for r in rows)),
                  str(len(rows))]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder (holds tls/)")
    parser.add_argument("--no-write", action="store_true", help="print the tables, leave docs/benchmarks.md alone")
    parser.add_argument("--show-errors", action="store_true", help="list every sentence a rule dates wrongly")
    args = parser.parse_args(argv)

    from storyline import find_dates

    labels = load_labels(args.labels)
    bad = [(i, p) for i, rec in enumerate(labels) for p in check_label(rec)]
    if bad:
        sys.exit("invalid labels:\n" + "\n".join(f"  record {i}: {p}" for i, p in bad[:20]))
    if not data_available(args.data):
        print(f"T17/Crisis data not found under {args.data}: scoring the sample corpus only", file=sys.stderr)
        labels = [r for r in labels if r["set"] == "sample"]
    rules = {"baseline": baseline}
    new_rule = load_new_rule()
    if new_rule is not None:
        rules["new rule"] = new_rule
        rules["timeline"] = timeline_rule(new_rule)
    results: dict[str, dict[str, list]] = {name: {} for name in rules}
    mismatched = []
    for rec in labels:
        text = sentence_text(rec, args.data)
        if sha1_12(text) != rec["sha1"]:
            mismatched.append(rec)
            continue
        published = dt.date.fromisoformat(rec["published"]) if rec["published"] else None
        mentions = find_dates(text, anchor=published)
        for name, rule in rules.items():
            pred = rule(text, mentions, published)
            results[name].setdefault(rec["set"], []).append((rec, pred))
            if args.show_errors and not right(pred.value, rec["event_date"]):
                print(f"[{name}] gold {rec['event_date']} ({rec['kind']}) got {pred.value} ({pred.kind}): {text}",
                      file=sys.stderr)
    if mismatched:
        print(f"{len(mismatched)} sentences not found as labelled (SHA-1 differs), left out: "
              + ", ".join(json.dumps({k: v for k, v in r.items() if k in ('set', 'topic', 'row', 'line', 'date',
                                                                            'index', 'path', 'sentence')})
                          for r in mismatched[:5]), file=sys.stderr)
    sections = ["#### Labels", ""] + counts(labels) + [""]
    for name in rules:
        sections += [f"#### {name}", ""] + table(results[name], with_kind=name != "baseline") + [""]
    if new_rule is None:
        sections += ["The new rule (`storyline.chronology.dating`) could not be imported: baseline only.", ""]
    print("\n".join(sections))
    if args.no_write:
        return 0
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    header = [START, "", f"- Date: {dt.date.today().isoformat()}, code at commit `{commit}`.",
              f"- Machine: {os.cpu_count()} CPUs, Python {platform.python_version()}.",
              "- Command: `python benchmarks/event_dates/run.py`", ""]
    from storyline.evaluate.report import write_block

    write_block(DOCS, START, END, "\n".join(header + sections + [END]), "## Event dating")
    print(f"wrote {DOCS.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
