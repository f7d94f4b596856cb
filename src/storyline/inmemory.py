"""A temporary in-memory store, for evaluation and one-off runs: the timeline of documents held in
memory is made exactly as for a stored collection.

It lives outside ``chronology`` because it opens a ``Store``, and the store keeps what
``chronology.features`` computes: chronology never imports the store.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from typing import Iterable, Iterator, Optional

from . import dedup, entities
from .chronology import make_timeline
from .chronology.features import repeated_in, sentence_features
from .chronology.settings import DEFAULT, Settings
from .model import Document, DuplicateGroup, GroupMember, RawDocument, Timeline
from .store import Store

__all__ = ["memory_store", "timeline_of"]


@contextmanager
def memory_store(docs: Iterable[Document]) -> Iterator[Store]:
    """A temporary in-memory store holding ``docs`` (evaluation, one-off runs), so that their
    timelines are made exactly as for a stored collection.

    Documents keep the duplicate groups they carry (``group``/``relation``); when none
    carries one, the store groups them itself.
    """
    docs = list(docs)
    sigs = dedup.signatures((doc.id, doc.text, doc.published) for doc in docs)  # a batch at a time
    with Store(":memory:") as store:
        batch = []
        for doc, sig in zip(docs, sigs):
            if not doc.features and doc.sentences:
                doc.features = sentence_features(doc, doc.repeated_paragraphs | repeated_in(sig))
            raw = RawDocument(id=doc.id, path=doc.path, kind=doc.kind, content=doc.text, encoding=doc.encoding)
            batch.append((raw, doc, sig))
        named = [d for d in docs if d.entities is not None]
        if named:  # names found by the entity layer, linked across these documents
            entities.link_documents(named, entities.Linker())
        store.save(batch, "memory", entities.ENTITY_VERSION if named else None)
        if any(d.group for d in docs):
            store.save_groups(_groups(docs))
        else:
            store.update_groups()
        yield store


def timeline_of(docs: Iterable[Document], method: str = "default", max_dates: Optional[int] = None,
                sentences_per_date: Optional[int] = None, start: Optional[dt.date] = None,
                end: Optional[dt.date] = None, days_only: bool = False, previews: bool = False,
                settings: Settings = DEFAULT) -> Timeline:
    """The timeline of documents held in memory, through ``memory_store``."""
    with memory_store(docs) as store:
        return make_timeline(store, method, max_dates, sentences_per_date, start, end, days_only, previews, settings)


def _groups(docs: list[Document]):
    groups: dict[str, DuplicateGroup] = {}
    for doc in docs:
        if doc.group:
            g = groups.setdefault(doc.group, DuplicateGroup(id=doc.group, representative=doc.id))
            if doc.relation == "representative":
                g.representative = doc.id
            g.members.append(GroupMember(doc.id, doc.relation or "version"))
    return groups.values()
