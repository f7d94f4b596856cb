"""Timeline methods: which dates to show and which sentences summarize each.

Four methods over the same stored material (event dates, candidate lines, duplicate groups):

* ``pubcount``: the days on which most independent sources were published; each day
  summarized from what was published that day. The field's simplest baseline.
* ``datewise``: the days the collection's sentences report most, each summarized from the
  sentences that report it (Gholipour Ghalandari & Ifrim 2020's DATEWISE, without its trained
  date ranker).
* ``clust``: sentences grouped into events (same date, shared words), events ranked by the
  independent sources reporting them (the clustering approach of the same paper, simply).
* ``default`` (storyline's): dates by salience over the whole story with its bursts of reports
  kept (``selection``), sentences by centrality, relevance, corroboration and register, a
  paraphrase of a line joining its sources (``summarize``). Chronology items ("July 1: ...",
  from a "key events" factbox) are the summary an editor already wrote for their day, and the
  undated lead of a report published the morning after is material for the day before.
  When storyline picks the number of dates, no entry is a year: it places nothing within a
  story of months, and the lines filed under one are summaries, forecasts and recollections.

Everything is read from the store: one aggregate per date, then the best candidates of the
chosen dates only, so the time a timeline takes follows the number of dates shown, not the
size of the store.
"""

from __future__ import annotations

import datetime as dt
import gc
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterator, Optional

import numpy as np

from ..model import DatedSentence, Sentence, Timeline, TimelineEntry
from .events import group_events
from .selection import (DateInfo, after_start, auto_dates, auto_sentences, choose_dates, coarser, eligible,
                        salience, story_start)
from .settings import DEFAULT, Settings
from .summarize import Vectors, centrality, default_score, entries, undated_entries

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["METHODS", "make_timeline"]


@dataclass
class _Material:
    store: "Store"                      # scoped to the documents wanted
    settings: Settings
    infos: dict[str, DateInfo]          # every date with material, within the span
    max_dates: Optional[int]
    per_date: Optional[int]
    previews: bool

    def pools(self, dates: list[str]) -> dict[str, list[DatedSentence]]:
        """The candidate lines of these dates (their best ``settings.pool`` by prior, a statement's
        weighed by ``settings.statement_weight``), with
        next-day leads, each counted as the source that first published its paragraph."""
        kinds = ("report", "state", "preview") if self.previews else ("report", "state")
        rows_by_date: dict[str, list[tuple[tuple, bool]]] = {}
        for date in dates:
            weight = self.settings.statement_weight
            rows = [(r, False) for r in self.store.candidates(date, self.settings.pool, kinds, statement_weight=weight)]
            if len(date) == 10:
                rows += [(r, True) for r in self.store.candidates(date, self.settings.pool // 3, ("report",),
                                                                   next_day=True, statement_weight=weight)]
            rows_by_date[date] = rows
        documents = {r[0] for rows in rows_by_date.values() for r, _ in rows}
        origins = self.store.wire_origins(documents)
        facts = {doc: (dt.date.fromisoformat(published) if published else None, source, relation)
                 for doc, (published, source, relation) in self.store.candidate_documents(documents).items()}
        pools = {}
        for date, rows in rows_by_date.items():
            info = self.infos[date]
            pool = []
            for row, shifted in rows:
                doc, index, start, end, paragraph, text, named, kind, prior, words, chrono = row
                published, source, relation = facts[doc]
                copied = origins.get(doc)
                pool.append(DatedSentence(
                    Sentence(doc, index, start, end, text, paragraph), published, relation,
                    copied.get(paragraph, source) if copied else source, date,
                    info.granularity if not shifted else "day",
                    bool(named) and not shifted, kind, prior, bool(chrono), set(words.split()), shifted))
            pools[date] = pool
        return pools

    def want(self, date: str, usual: float = 1.0) -> int:
        """Lines for ``date``: the number asked for, else by its sources against ``usual``, the
        median sources of the dates shown (``auto_sentences``)."""
        if self.per_date is not None:
            return self.per_date
        info = self.infos.get(date)
        return auto_sentences(info.sources if info else 1, usual, self.settings)


def _run(m: _Material, ranked: list[str], score: Callable[[Vectors, list[DatedSentence]], np.ndarray],
         keep: Callable[[str, list[DatedSentence]], list[DatedSentence]] = lambda d, pool: pool) -> list[TimelineEntry]:
    pools = {d: keep(d, pool) for d, pool in m.pools(ranked).items()}
    usual = float(np.median([m.infos[d].sources for d in ranked])) if ranked else 1.0
    vectors = Vectors(list(pools.values()), m.settings.rare_word, m.settings.article_min)
    return entries(vectors, m.settings, [(d, m.infos[d].granularity) for d in ranked], pools,
                   lambda d, pool: score(vectors, pool), lambda d: m.want(d, usual), strict=m.per_date is None)


def _limit(m: _Material, fallback: int) -> int:
    return m.max_dates if m.max_dates is not None else fallback


def _pubcount(m: _Material) -> list[TimelineEntry]:
    infos = [i for i in m.infos.values() if i.published_sources and i.granularity == "day"]
    ranked = [i.date for i in sorted(infos, key=lambda i: (-i.published_sources, i.date))]
    ranked = ranked[:_limit(m, auto_dates(infos, m.settings))]

    def published_that_day(date: str, pool: list[DatedSentence]) -> list[DatedSentence]:
        return [ds for ds in pool if ds.published is not None and ds.published.isoformat() == date
                and not ds.shifted]

    return _run(m, ranked, lambda v, pool: centrality(v, pool), published_that_day)


def _datewise(m: _Material) -> list[TimelineEntry]:
    infos = [i for i in m.infos.values() if i.named_sentences]
    ranked = [i.date for i in sorted(infos, key=lambda i: (-i.named_sentences, i.date))]
    ranked = ranked[:_limit(m, auto_dates(infos, m.settings))]
    return _run(m, ranked, lambda v, pool: centrality(v, pool), lambda d, pool: [ds for ds in pool if not ds.shifted])


def _clust(m: _Material) -> list[TimelineEntry]:
    infos = [i for i in m.infos.values() if eligible(i, m.settings)]
    limit = _limit(m, auto_dates(infos, m.settings))
    considered = [i.date for i in sorted(infos, key=lambda i: (-salience(i, m.settings), i.date))][:3 * limit]
    pools = {d: [ds for ds in pool if not ds.shifted] for d, pool in m.pools(considered).items()}
    events = group_events((ds for pool in pools.values() for ds in pool), m.settings.event_link)
    ranked_events = sorted(events, key=lambda e: (-len(e[0].groups), -len(e[1]), e[0].date or ""))
    chosen: dict[str, list[DatedSentence]] = {}
    for event, members in ranked_events:
        if len(chosen) >= limit:
            break
        if event.date is None or event.date in chosen or len(members) < 2:
            continue
        chosen[event.date] = members
    vectors = Vectors(list(chosen.values()))
    return entries(vectors, m.settings, [(d, m.infos[d].granularity) for d in chosen], chosen,
                   lambda d, pool: centrality(vectors, pool), m.want)


_RECHOOSE = 3  # times the dates are chosen again when some give no line


def _default(m: _Material) -> list[TimelineEntry]:
    infos = [i for i in m.infos.values() if eligible(i, m.settings)]
    limit = _limit(m, auto_dates(infos, m.settings))
    made: list[TimelineEntry] = []
    for _ in range(_RECHOOSE):
        chosen = choose_dates(infos, limit, m.settings)
        # days first: a month or a year then shows what no day of it already says
        ranked = [i.date for i in sorted(chosen, key=lambda i: (i.granularity != "day", -salience(i, m.settings), i.date))]
        made = _run(m, ranked, lambda v, pool: default_score(v, m.settings, pool))
        # a number of dates asked for: a date no sentence can be a line of (its only reports are
        # captions, say) leaves its place to the next
        lineless = set(ranked) - {e.date for e in made}
        if m.max_dates is None or not lineless or len(made) >= limit:
            break
        infos = [i for i in infos if i.date not in lineless]
    if m.max_dates is None and m.per_date is None:  # storyline's choice: no entry spanning the whole story
        made = [e for e in made if e.granularity is None or not coarser(e.granularity, m.settings.auto_coarsest)]
    return made


METHODS: dict[str, Callable[[_Material], list[TimelineEntry]]] = {
    "default": _default, "datewise": _datewise, "clust": _clust, "pubcount": _pubcount}


def make_timeline(store, method: str = "default", max_dates: Optional[int] = None,
                  sentences_per_date: Optional[int] = None, start: Optional[dt.date] = None,
                  end: Optional[dt.date] = None, days_only: bool = False, previews: bool = False,
                  settings: Settings = DEFAULT) -> Timeline:
    """A timeline of the documents of ``store`` (a ``storyline.store.Store``, scoped with
    ``set_scope`` to the documents wanted) by ``method``; ``start``/``end`` bound the dates,
    ``previews`` lets sentences about what was still to come be lines."""
    if method not in METHODS:
        raise ValueError(f"unknown timeline method {method!r}; choose one of {', '.join(METHODS)}")
    with _collector_paused():
        return _make(store, method, max_dates, sentences_per_date, start, end, days_only, previews, settings)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off while a timeline is made, then let run again.

    A timeline makes tens of thousands of small objects (candidates, their word sets, rows) and
    no reference cycles; every few hundred of them the collector would walk the young objects,
    and ever more often all of them (on 10k documents, two thirds of making the candidates).
    Memory is unaffected: what the timeline drops is freed by reference counting. Left as it is
    when the caller already turned the collector off."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _make(store, method: str, max_dates: Optional[int], sentences_per_date: Optional[int], start: Optional[dt.date],
          end: Optional[dt.date], days_only: bool, previews: bool, settings: Settings) -> Timeline:
    rows = store.date_support(settings.support_weights(), start.isoformat() if start else None,
                              end.isoformat() if end else None, days_only)
    infos = {row[0]: DateInfo.from_row(row) for row in rows}
    if start is None:  # the story's own time: what lies well before its first reports is history
        first = story_start(list(infos.values()), settings)
        if first is not None:
            infos = {date: info for date, info in infos.items() if after_start(info, first)}
    material = _Material(store, settings, infos, max_dates, sentences_per_date, previews)
    dated = METHODS[method](material) if infos else []
    undated = undated_entries(store.undated_candidates(sentences_per_date or settings.undated_lines), settings,
                              sentences_per_date)
    timeline = Timeline(entries=dated, undated=undated)
    _name_speakers(store, timeline)
    return timeline


def _name_speakers(store: "Store", timeline: Timeline) -> None:
    """Who the sentence each line shows (its first source) quotes in what the line shows of it
    (not in a headline glued before it), each speaker once: who says something, by a cue of
    saying (``quotes.cues.reports_speech``), not who only wants, agrees, proposes or is to
    explain, which the quote layer also attributes. The line's other sources are other
    articles' sentences about the same happening, which may quote others or no one: their
    speakers did not say what the line shows."""
    lines = [line for entry in [*timeline.entries, *timeline.undated] for line in entry.summary]
    shown = {(line.sources[0].document, line.sources[0].sentence): line.text for line in lines if line.sources}
    from ..quotes.cues import reports_speech  # here: the quotes package reads the settings this package defines

    said = store.speakers(list(shown), shown, says=reports_speech)
    for line in lines:
        if line.sources:
            first = line.sources[0]
            line.speakers = list(dict.fromkeys(name for name, _ in said.get((first.document, first.sentence), [])))

