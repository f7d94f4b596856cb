"""Readers for the timeline-summarization benchmarks: Timeline17 (T17) and Crisis.

Both ship reference timelines written by journalists (``<topic>/timelines/*.txt``: a
``YYYY-MM-DD`` line, that date's sentences one per line, a line of 32 dashes). Their inputs
differ: T17 gives whole articles with publication dates (``articles.csv``: ``date,text``,
tokenized, boilerplate left in), which go through storyline's full pipeline as raw text;
Crisis gives only sentences grouped by publication date (``sentences_by_date.csv``:
``time,Sentences`` with a Python list literal), which become one document per date whose
paragraphs are those sentences (there is no page to clean and no article to deduplicate).

Both are Penn-Treebank tokenized ("Egypt 's", "-LRB- CNN -RRB-", "`` quoted ''", "do n't").
The loaders undo that with :func:`detokenize`, so the pipeline receives ordinary text as it
would from any other source; the scorer tokenizes system output again before ROUGE.
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
import hashlib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..config import DEFAULT_BUILD
from ..model import Document, RawDocument
from ..pipeline import annotate, parallel_chunks
from .tls import load_reference_timeline

__all__ = ["Reference", "TLSTopic", "load_reference", "load_topic", "topic_dirs", "raw_documents",
           "crisis_documents", "detokenize"]


# --------------------------------------------------------------------------------------------
# Undoing Penn-Treebank tokenization
# --------------------------------------------------------------------------------------------

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_CLITIC = re.compile(r"(?:['’](?:s|re|ve|ll|d|m)|n['’]t)", re.I)
_CLOSING_PUNCT = re.compile(r"[,;:%)\]}]|\.|[.!?]*[!?][.!?]*")
_OPENING = {"(", "[", "{"}
_SENTENCE_PUNCT = {",", ".", ";", ":", "!", "?"}
_ABBREVIATION = re.compile(r"[^\W\d_](?:[\w.]*)\.")


def _join_hyphens(tokens: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if (tok == "-" and out and i + 1 < len(tokens) and out[-1][-1:].isalnum()
                and tokens[i + 1][:1].isalnum()):
            out[-1] += "-" + tokens[i + 1]
            i += 2
            continue
        out.append(tok)
        i += 1
    return out


def _detokenize_line(line: str, join_hyphens: bool = False) -> str:
    tokens = [_BRACKETS.get(t, t.replace("\\/", "/").replace("\\*", "*")) for t in line.split()]
    if not tokens:
        return ""
    if join_hyphens:
        tokens = _join_hyphens(tokens)
    straight = sum(t == '"' for t in tokens)
    seen_straight = False
    open_double = open_single = False
    out: list[str] = []
    glue_next = False  # the previous token takes no space after it
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        left = right = False  # no space before / after this token
        if tok == "``":
            tok, right, open_double = '"', True, True
        elif tok == "''":
            tok, left, open_double = '"', True, False
        elif tok == '"':
            # straight quotes alternate; an odd count whose first quote follows punctuation
            # means the sentence began inside a quotation
            closing = open_double or (not seen_straight and straight % 2 == 1 and prev in _SENTENCE_PUNCT)
            if not closing and (nxt is None or nxt in _SENTENCE_PUNCT):
                closing = True
            seen_straight = True
            open_double = not closing
            left, right = closing, not closing
        elif tok in ("\u201c", "\u2018"):
            right = True
        elif tok == "\u201d":
            left = True
        elif tok == "`":
            tok, right, open_single = "'", True, True
        elif tok in ("'", "\u2019"):
            if open_single:
                left, open_single = True, False
            elif prev is not None and prev[-1:].lower() == "s" and nxt is not None and nxt[:1].isalnum():
                left = True  # the plural possessive: "the rebels ' advance"
            elif nxt is None or nxt in _SENTENCE_PUNCT or tok == "\u2019":
                left = True
            else:
                right, open_single = True, True
        elif _CLITIC.fullmatch(tok) or (tok.lower() in ("na", "ta") and (prev or "").lower() in ("gon", "wan", "got")):
            left = True
        elif tok == "." and prev is not None and _ABBREVIATION.fullmatch(prev) and nxt is None:
            continue  # "U.S. ." at the end of a sentence: the tokenizer doubled the period
        elif _CLOSING_PUNCT.fullmatch(tok):
            left = True
        elif tok in _OPENING or (tok.endswith("$") and nxt is not None and nxt[:1].isdigit()):
            right = True
        if out and not left and not glue_next:
            out.append(" ")
        out.append(tok)
        glue_next = right
    return "".join(out)


def detokenize(text: str, *, join_hyphens: bool = False) -> str:
    """Undo Penn-Treebank tokenization, line by line (line breaks are kept).

    "-LRB-" and its kin become brackets again; the tokenizer's double quotes (two backticks,
    two apostrophes) straight double quotes, a backtick ... apostrophe pair single quotes. No
    space is left before , . ; : ! ? % ) or the clitics 's n't 're 've 'll 'd 'm, none after
    ( and $; an escaped slash becomes a slash. Dashes ("--", a hyphen between spaces) and
    hyphenated words are left as they are, unless ``join_hyphens``: for text whose tokenizer
    split every hyphen (Crisis: "rebel - held", "al - Assad"), a hyphen between two words
    joins them; the few real dashes written as a spaced hyphen between words are joined too.
    """
    return "\n".join(_detokenize_line(line, join_hyphens) for line in text.split("\n"))


@dataclass
class Reference:
    """One reference timeline: {date: [sentences]} as written in its file."""

    name: str
    dates: dict[dt.date, list[str]]

    @property
    def span(self) -> tuple[dt.date, dt.date]:
        return min(self.dates), max(self.dates)

    @property
    def sentences_per_date(self) -> float:
        return sum(len(s) for s in self.dates.values()) / max(1, len(self.dates))


@dataclass
class TLSTopic:
    name: str
    layout: str  # "t17" or "crisis"
    path: Path
    references: list[Reference] = field(default_factory=list)


def load_reference(path: str | Path) -> Reference:
    """A reference timeline file (a date given twice keeps its last block, as tilse reads it)."""
    dates = load_reference_timeline(path)
    return Reference(Path(path).stem, {d: s for d, s in dates.items() if s})


def _layout(path: Path) -> Optional[str]:
    if (path / "articles.csv").is_file():
        return "t17"
    if (path / "sentences_by_date.csv").is_file():
        return "crisis"
    return None


def load_topic(path: str | Path) -> TLSTopic:
    path = Path(path)
    layout = _layout(path)
    if layout is None:
        raise ValueError(f"{path}: neither articles.csv (T17) nor sentences_by_date.csv (Crisis) found")
    refs = [load_reference(p) for p in sorted((path / "timelines").glob("*.txt"))]
    return TLSTopic(path.name, layout, path, [r for r in refs if r.dates])


def topic_dirs(dataset: str | Path) -> list[Path]:
    """Topic folders under a data set folder (or the folder itself when it is one topic)."""
    dataset = Path(dataset)
    if _layout(dataset):
        return [dataset]
    return sorted(p for p in dataset.iterdir() if p.is_dir() and _layout(p))


def _csv_rows(path: Path) -> list[dict]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        return list(csv.DictReader(fh))


def raw_documents(topic: TLSTopic) -> list[RawDocument]:
    """T17 articles as raw text documents with their given publication dates."""
    raws = []
    for i, row in enumerate(_csv_rows(topic.path / "articles.csv")):
        text = detokenize(row.get("text") or "")
        data = text.encode("utf-8")
        raws.append(RawDocument(id=hashlib.sha256(data).hexdigest()[:16], path=f"{topic.name}/articles.csv#{i + 1}",
                                kind="text", content=text, given={"published": (row.get("date") or "")[:10]}))
    return raws


def crisis_documents(topic: TLSTopic, workers: int = 1) -> list[Document]:
    """One document per publication date, its sentences as paragraphs, dates resolved."""
    docs = []
    for row in _csv_rows(topic.path / "sentences_by_date.csv"):
        try:
            published = dt.date.fromisoformat((row.get("time") or "")[:10])
            sentences = ast.literal_eval(row.get("Sentences") or "[]")
        except (ValueError, SyntaxError):
            continue
        text = "\n\n".join(detokenize(" ".join(str(s).split()), join_hyphens=True)
                             for s in sentences if str(s).strip())
        if not text:
            continue
        where = f"{topic.name}/sentences_by_date.csv#{published}"
        doc_id = hashlib.sha256(where.encode()).hexdigest()[:16]
        docs.append(Document(id=doc_id, path=where, kind="text", text=text, paths=[where], published=published))
    options = DEFAULT_BUILD.with_given(workers=workers)  # processes shared out as a build's are
    if workers > 1 and len(docs) > options.parallel_min_documents:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(annotate, docs, chunksize=parallel_chunks(len(docs), options))
    return [annotate(doc) for doc in docs]
