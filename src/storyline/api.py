"""The library API: what the CLI and the web app call, and nothing else."""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from .model import Document, DuplicateGroup, Timeline
from .pipeline import BuildReport, build
from .store import Store
from .timeline import build_timeline

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
             sentences_per_date: Optional[int] = None) -> tuple[Timeline, dict[str, Document]]:
    """The timeline of the stored documents (or of those matching an FTS5 ``query``).

    Returns the timeline and the documents it was built from, by id, for citing.
    """
    with Store(db, readonly=True) as store:
        ids = store.search(query) if query else None
        docs = store.documents(ids)
    return build_timeline(docs, max_dates=max_dates, sentences_per_date=sentences_per_date), {d.id: d for d in docs}


__all__ = ["BuildReport", "build", "documents", "duplicate_groups", "timeline", "DEFAULT_DB"]
