"""Chronology: from stored documents to a timeline.

The stages of a timeline, one module each: ``dating`` (the date of the event a sentence
reports), ``furniture`` and ``candidates`` (which sentences may be lines, how well they read),
``features`` (all of that per sentence and per document and date, computed at build time
and stored), ``selection`` (which dates), ``summarize`` (which sentences, what each line
cites), ``methods`` (the four methods, reading the store) and ``settings`` (every tuning value).
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterable, Iterator, Optional

from ..model import Document, RawDocument, Timeline
from .methods import METHODS, make_timeline
from .settings import DEFAULT, Settings

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["METHODS", "make_timeline", "default_timeline", "memory_store", "timeline_of", "Settings", "DEFAULT"]


def default_timeline(store: "Store") -> Timeline:
    """The store's timeline with default settings, kept in the store until it changes.

    It is what a reader opens first (the web page, ``storyline timeline``); a build makes it
    once at its end, so the first view of a large store does not wait for it.
    """
    import json

    from ..export import timeline_from_dict, timeline_to_dict

    generation = store.generation()
    name = "timeline " + DEFAULT.key()  # a timeline made by other code or settings is not this one
    kept = store.cached(name)
    if kept is not None:
        return timeline_from_dict(json.loads(kept))
    store.set_scope(None)
    timeline = make_timeline(store)
    store.cache(name, generation, json.dumps(timeline_to_dict(timeline), ensure_ascii=False))
    return timeline


@contextmanager
def memory_store(docs: Iterable[Document]) -> Iterator["Store"]:
    """A temporary in-memory store holding ``docs`` (evaluation, one-off runs), so that their
    timelines are made exactly as for a stored collection.

    Documents keep the duplicate groups they carry (``group``/``relation``); when none
    carries one, the store groups them itself.
    """
    from .. import dedup
    from ..store import Store
    from .features import repeated_in, sentence_features

    docs = list(docs)
    sigs = dedup.signatures((doc.id, doc.text, doc.published) for doc in docs)  # a batch at a time
    with Store(":memory:") as store:
        batch = []
        for doc, sig in zip(docs, sigs):
            if not doc.features and doc.sentences:
                doc.features = sentence_features(doc, doc.repeated_paragraphs | repeated_in(sig))
            raw = RawDocument(id=doc.id, path=doc.path, kind=doc.kind, content=doc.text, encoding=doc.encoding)
            batch.append((raw, doc, sig))
        store.save(batch, "memory")
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
    from ..model import DuplicateGroup, GroupMember

    groups: dict[str, DuplicateGroup] = {}
    for doc in docs:
        if doc.group:
            g = groups.setdefault(doc.group, DuplicateGroup(id=doc.group, representative=doc.id))
            if doc.relation == "representative":
                g.representative = doc.id
            g.members.append(GroupMember(doc.id, doc.relation or "version"))
    return groups.values()
