"""The library API: what the CLI and the web app call, and nothing else."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from . import ingest
from .clean import CleanError, clean_html, clean_text
from .model import CleanResult, Document, DuplicateGroup, TimeMention, Timeline
from .pipeline import BuildReport, build
from .store import Store
from .methods import make_timeline

DEFAULT_DB = "storyline.db"
Pathish = Union[str, Path]


def documents(db: Pathish = DEFAULT_DB, with_sentences: bool = False) -> list[Document]:
    """All stored documents, dated first by publication date."""
    with Store(db, readonly=True) as store:
        return store.documents(with_sentences=with_sentences)


def duplicate_groups(db: Pathish = DEFAULT_DB) -> list[DuplicateGroup]:
    with Store(db, readonly=True) as store:
        return store.groups()


def timeline(db: Pathish = DEFAULT_DB, query: Optional[str] = None, max_dates: Optional[int] = None,
             sentences_per_date: Optional[int] = None, method: str = "default",
             start: Optional[dt.date] = None, end: Optional[dt.date] = None) -> tuple[Timeline, dict[str, Document]]:
    """The timeline of the stored documents (or of those matching an FTS5 ``query``).

    ``method`` is one of ``storyline.methods.METHODS``; ``start``/``end`` bound the dates.
    Returns the timeline and the documents it was built from, by id, for citing.
    """
    with Store(db, readonly=True) as store:
        ids = store.search(query) if query else None
        docs = store.documents(ids)
    tl = make_timeline(docs, method, max_dates=max_dates, sentences_per_date=sentences_per_date, start=start, end=end)
    return tl, {d.id: d for d in docs}


def clean_files(paths: Iterable[Pathish], max_bytes: int = ingest.DEFAULT_MAX_BYTES
                ) -> Iterator[tuple[str, Union[CleanResult, ingest.IngestError]]]:
    """Clean every document under ``paths`` without storing anything.

    ``.txt`` files are cleaned as plain text and ``.html``/``.htm``/``.html.gz`` as HTML,
    whatever their content looks like; JSONL records by their ``text``/``html`` field.
    Yields ``(path, result)`` where a failure is an :class:`IngestError` naming the reason.
    """
    files, errors = ingest.discover(paths)
    for error in errors:
        yield error.path, error
    for path in files:
        for item in ingest.read_file(path, max_bytes):
            if isinstance(item, ingest.IngestError):
                yield item.path, item
                continue
            kind = item.kind
            if ingest.file_kind(path) == "text":
                kind = "text"
            try:
                result = clean_html(item.content, url=item.given.get("url")) if kind == "html" else clean_text(item.content)
            except CleanError as exc:
                yield item.path, ingest.IngestError(item.path, str(exc))
                continue
            if not result.text.strip():
                yield item.path, ingest.IngestError(item.path, "no article text found")
                continue
            yield item.path, result


def find_dates(text: str, anchor: Optional[dt.date] = None) -> list[TimeMention]:
    """Date expressions in ``text``, resolved against ``anchor`` (a publication date) if given."""
    from .timex import find_mentions
    return find_mentions(text, anchor=anchor)


__all__ = ["clean_files", "find_dates", "BuildReport", "build", "documents", "duplicate_groups", "timeline", "DEFAULT_DB"]
