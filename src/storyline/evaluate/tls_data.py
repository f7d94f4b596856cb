"""Readers for the timeline-summarization benchmarks: Timeline17 (T17) and Crisis.

Both ship reference timelines written by journalists (``<topic>/timelines/*.txt``: a
``YYYY-MM-DD`` line, that date's sentences one per line, a line of 32 dashes). Their inputs
differ: T17 gives whole articles with publication dates (``articles.csv``: ``date,text``,
tokenized, boilerplate left in), which go through storyline's full pipeline as raw text;
Crisis gives only sentences grouped by publication date (``sentences_by_date.csv``:
``time,Sentences`` with a Python list literal), which become one document per date whose
paragraphs are those sentences (there is no page to clean and no article to deduplicate).
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
import hashlib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..model import Document, RawDocument
from ..pipeline import annotate
from .tls import load_reference_timeline

__all__ = ["Reference", "TLSTopic", "load_reference", "load_topic", "topic_dirs", "raw_documents",
           "crisis_documents"]

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
        text = row.get("text") or ""
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
        text = "\n\n".join(" ".join(str(s).split()) for s in sentences if str(s).strip())
        if not text:
            continue
        where = f"{topic.name}/sentences_by_date.csv#{published}"
        doc_id = hashlib.sha256(where.encode()).hexdigest()[:16]
        docs.append(Document(id=doc_id, path=where, kind="text", text=text, paths=[where], published=published))
    if workers > 1 and len(docs) > 20:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(annotate, docs, chunksize=max(1, len(docs) // (8 * workers)))
    return [annotate(doc) for doc in docs]
