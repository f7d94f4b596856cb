"""Dated sentences as the timeline reads them, and their grouping into events.

A ``DatedSentence`` is one candidate line read from the store: the sentence, the date of the
event it reports (named in it, or the publication day it falls back to, or — for the lead of
a report published the morning after — the day before), its independent source (the
duplicate group; a paragraph of wire copy counts as the source that published it first) and
its build-time features. Same-date sentences are grouped into events by word overlap
(single link) for the ``clust`` method.
"""

from __future__ import annotations

from typing import Iterable

from ..model import DatedSentence, Event
from ..unionfind import UnionFind
from .candidates import jaccard



def group_events(dated: Iterable[DatedSentence], link: float) -> list[tuple[Event, list[DatedSentence]]]:
    """Group same-date sentences into events by word overlap (single link at word-set Jaccard ``link``)."""
    by_date: dict[str, list[DatedSentence]] = {}
    for ds in dated:
        by_date.setdefault(ds.date, []).append(ds)
    out = []
    for date, items in sorted(by_date.items()):
        sets = UnionFind(range(len(items)))
        for i in range(len(items)):
            for j in range(i + 1, len(items)):
                if jaccard(items[i].words, items[j].words) >= link:
                    sets.union(i, j)
        for indexes in sets.sets():
            members = [items[i] for i in indexes]
            event = Event(date=date, granularity=members[0].granularity,
                          sentences=[m.sentence for m in members], groups={m.source for m in members})
            out.append((event, members))
    return out
