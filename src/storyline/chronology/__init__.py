"""Chronology: from stored documents to a timeline.

The stages of a timeline, one module each: ``dating`` (the date of the event a sentence
reports), ``furniture`` and ``candidates`` (which sentences may be lines, how well they read),
``features`` (all of that per sentence and per document and date, computed at build time
and stored), ``selection`` (which dates), ``summarize`` (which sentences, what each line
cites), ``methods`` (the four methods, reading the store) and ``settings`` (every tuning value).
A timeline of documents held in memory is ``storyline.inmemory``'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Timeline
from .methods import METHODS, make_timeline
from .settings import DEFAULT, Settings

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["METHODS", "make_timeline", "default_timeline", "Settings", "DEFAULT"]


def default_timeline(store: "Store") -> Timeline:
    """The store's timeline with default settings, kept in the store until it changes.

    It is what a reader opens first (the web page, ``storyline timeline``); a build makes it
    once at its end, so the first view of a large store does not wait for it.
    """
    import json

    from ..contract import timeline_from_dict, timeline_to_dict

    generation = store.generation()
    name = "timeline " + DEFAULT.key()  # a timeline made by other code or settings is not this one
    kept = store.cached(name)
    if kept is not None:
        return timeline_from_dict(json.loads(kept))
    store.set_scope(None)
    timeline = make_timeline(store)
    store.cache(name, generation, json.dumps(timeline_to_dict(timeline), ensure_ascii=False))
    return timeline
