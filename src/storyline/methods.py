"""Timeline methods: which dates to show and which sentences summarize each.

Four methods over the same pipeline output (clean text, resolved dates, duplicate groups):

* ``pubcount``: the days on which most independent sources were published; each day
  summarized from what was published that day. The field's simplest baseline.
* ``datewise``: the days the collection talks about most (sentences naming the day, from
  any article), each summarized from the sentences that name it or were published on it
  naming no other date (Gholipour Ghalandari & Ifrim 2020's DATEWISE, without its trained
  date ranker).
* ``clust``: sentences grouped into events (same date, shared words), events ranked by the
  independent sources reporting them, each event dated by its mentions and summarized by its
  most central sentences (the clustering approach of the same paper, in a simple form).
* ``default`` (storyline's): date salience from mentions across independent sources (a wire
  story and its versions count once; a day named in a sentence weighs more than a
  publication date the sentence merely falls back to), sentences chosen by centrality
  within their date, corroboration by other independent sources and relevance to the whole
  story, reports preferred to previews,
  sentences that read alone preferred, and nothing said twice across dates. Two kinds of
  material news collections hold are used on purpose: the undated lead of a report published
  the morning after is material for the day before, and a chronology item ("July 1: Large
  demonstrations continue ...", from a "key events" factbox) is the summary an editor already
  wrote for its day (preferred, its day label dropped, and its day counted as a key date).

Sentence similarity is TF-IDF cosine (scikit-learn). Every line keeps its citations: the
chosen sentence first, then near-identical sentences in other versions and outlets.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

import numpy as np

from .events import DatedSentence, date_sentences, group_events, jaccard, source_key
from .model import Document, Source, SummaryLine, Timeline, TimelineEntry
from .timeline import PREVIEW, SAME_SENTENCE, _readability, _undated, auto_dates, auto_sentences, display_text

__all__ = ["METHODS", "make_timeline"]

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# A chronology item, as in a "key events" factbox: the sentence opens with its day, then says
# what happened ("July 1 : Large-scale demonstrations continue ...", "- 3 Feb 2011 - Crowds ...").
_CHRONOLOGY = re.compile(r"^(?:[-–—•*]+\s*)?(?:" + _MONTH + r"\s+\d{1,2}(?:\s*,?\s*\d{4})?|\d{1,2}\s+" + _MONTH
                         + r"(?:\s*,?\s*\d{4})?|\d{4}-\d{2}-\d{2})\s*(?:[:–—-]+\s*|,\s+)?(?=[A-Z\"“])")

REDUNDANT_COSINE = 0.5   # a candidate this similar to a sentence already chosen is not used
MIN_WORDS = 5
AUTO_MIN_DATES, AUTO_MAX_DATES = 10, 60


@dataclass
class _Setup:
    docs: list[Document]
    dated: list[DatedSentence]
    undated: list
    by_date: dict[str, list[DatedSentence]]
    vectors: "object"            # sparse TF-IDF rows, one per unique sentence
    row: dict[tuple[str, int], int]
    topic: np.ndarray            # centroid of the whole collection
    docs_by_source: dict[str, list[Document]]
    max_dates: int
    per_date: Optional[int]
    fixed_dates: bool = False    # the caller gave the number of dates
    next_day: list = field(default_factory=list)  # undated leads, placed on the day before publication


def _in_span(date: str, start: Optional[dt.date], end: Optional[dt.date]) -> bool:
    if start is None and end is None:
        return True
    day = date[:10]
    if len(day) < 10:
        return False
    return (start is None or day >= start.isoformat()) and (end is None or day <= end.isoformat())


def _setup(docs: Iterable[Document], max_dates: Optional[int], per_date: Optional[int],
           start: Optional[dt.date], end: Optional[dt.date], days_only: bool) -> _Setup:
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = list(docs)
    dated, undated = date_sentences(docs)
    keep = [ds for ds in dated if _in_span(ds.date, start, end) and (not days_only or ds.granularity == "day")]
    next_day = []
    for ds in dated:  # before the span filter: a report the morning after the span's last day counts
        if not ds.explicit and ds.sentence.index <= NEXT_DAY_LEAD and len(ds.date) == 10:
            day = (dt.date.fromisoformat(ds.date) - dt.timedelta(days=1)).isoformat()
            if _in_span(day, start, end):
                next_day.append(DatedSentence(ds.sentence, ds.document, day, "day", False, ds.primary, ds.source,
                                              ds.words))
    by_date: dict[str, list[DatedSentence]] = defaultdict(list)
    for ds in keep:
        by_date[ds.date].append(ds)
    row: dict[tuple[str, int], int] = {}
    texts: list[str] = []
    for ds in keep + next_day:
        key = (ds.document.id, ds.sentence.index)
        if key not in row:
            row[key] = len(texts)
            texts.append(ds.sentence.text)
    if texts:
        vectorizer = TfidfVectorizer(lowercase=True, stop_words="english", sublinear_tf=True, min_df=1,
                                     token_pattern=r"(?u)\b[^\W\d_][\w'-]+\b", dtype=np.float32)
        vectors = vectorizer.fit_transform(texts)
        topic = np.asarray(vectors.mean(axis=0)).ravel()
        norm = np.linalg.norm(topic)
        topic = topic / norm if norm else topic
    else:
        vectors, topic = None, np.zeros(0)
    docs_by_source: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        docs_by_source[source_key(doc)].append(doc)
    n_sources = len(docs_by_source)
    return _Setup(docs, keep, undated, by_date, vectors, row, topic, docs_by_source,
                  max_dates if max_dates is not None else auto_dates(n_sources), per_date, max_dates is not None,
                  next_day)


def _vec(setup: _Setup, ds: DatedSentence):
    return setup.vectors[setup.row[(ds.document.id, ds.sentence.index)]]


def _centrality(setup: _Setup, pool: list[DatedSentence], weights: Optional[list[float]] = None) -> np.ndarray:
    """Cosine of each pool sentence to the (weighted) centroid of the pool."""
    rows = [setup.row[(ds.document.id, ds.sentence.index)] for ds in pool]
    matrix = setup.vectors[rows]
    w = np.asarray(weights if weights is not None else [1.0] * len(pool), dtype=np.float32)
    centroid = np.asarray(matrix.T @ w).ravel()
    norm = np.linalg.norm(centroid)
    if not norm:
        return np.zeros(len(pool))
    return np.asarray(matrix @ (centroid / norm)).ravel()


def _relevance(setup: _Setup, pool: list[DatedSentence]) -> np.ndarray:
    rows = [setup.row[(ds.document.id, ds.sentence.index)] for ds in pool]
    return np.asarray(setup.vectors[rows] @ setup.topic).ravel()


def _sources(chosen: DatedSentence, pool: list[DatedSentence]) -> list[Source]:
    found = {(chosen.document.id, chosen.sentence.index): chosen}
    for ds in pool:
        key = (ds.document.id, ds.sentence.index)
        if key not in found and jaccard(chosen.words, ds.words) >= SAME_SENTENCE:
            found[key] = ds

    def order(item: DatedSentence):
        rel = item.document.relation
        return (rel not in (None, "representative"), item.document.published is None,
                item.document.published.isoformat() if item.document.published else "", item.document.id)

    return [Source(ds.document.id, ds.sentence.index) for ds in sorted(found.values(), key=order)]


class _Picker:
    """Greedy sentence choice with redundancy removal across the whole timeline."""

    def __init__(self, setup: _Setup):
        self.setup = setup
        self.chosen_rows: list[int] = []
        self.used_keys: set[tuple[str, int]] = set()

    def pick(self, pool: list[DatedSentence], scores: np.ndarray, want: int) -> list[SummaryLine]:
        lines: list[SummaryLine] = []
        order = np.argsort(-scores, kind="stable")
        for i in order:
            if len(lines) >= want:
                break
            ds = pool[int(i)]
            key = (ds.document.id, ds.sentence.index)
            if key in self.used_keys or len(ds.words) < MIN_WORDS or scores[int(i)] <= 0:
                continue
            r = self.setup.row[key]
            if self.chosen_rows:
                sims = (self.setup.vectors[self.chosen_rows] @ self.setup.vectors[r].T).toarray().ravel()
                if sims.max() >= REDUNDANT_COSINE:
                    continue
            sources = _sources(ds, pool)
            self.used_keys.update((s.document, s.sentence) for s in sources)
            self.chosen_rows.append(r)
            text = display_text(ds.sentence.text)
            item = _chronology_item(ds)
            if item is not None:  # the entry shows the date; the item's own date label goes
                text = item
            lines.append(SummaryLine(text, sources))
        return lines


def _chronology_item(ds: DatedSentence) -> Optional[str]:
    """The text after the day label when the sentence is a chronology item about its date."""
    if not (ds.explicit and ds.primary and ds.granularity == "day"):
        return None
    match = _CHRONOLOGY.match(ds.sentence.text)
    if match is None:
        return None
    rest = ds.sentence.text[match.end():]
    return rest if len(rest.split()) >= MIN_WORDS else None


def _entries(setup: _Setup, dates: list[str], candidates: Callable[[str], list[DatedSentence]],
             score: Callable[[str, list[DatedSentence]], np.ndarray], want: Callable[[str], int]) -> list[TimelineEntry]:
    picker = _Picker(setup)
    entries = []
    for date in dates:
        pool = candidates(date)
        if not pool:
            continue
        lines = picker.pick(pool, score(date, pool), want(date))
        if lines:
            entries.append(TimelineEntry(date, setup.by_date[date][0].granularity if setup.by_date.get(date) else "day",
                                         lines))
    entries.sort(key=lambda e: (e.date, e.granularity != "day"))
    return entries


def _want(setup: _Setup, date: str) -> int:
    if setup.per_date is not None:
        return setup.per_date
    return auto_sentences(len({ds.source for ds in setup.by_date.get(date, [])}))


# --------------------------------------------------------------------------- methods


def _pubcount(setup: _Setup) -> list[TimelineEntry]:
    published: dict[str, list[DatedSentence]] = defaultdict(list)
    for pool in setup.by_date.values():
        for ds in pool:
            if ds.document.published is not None and ds.date == ds.document.published.isoformat():
                published[ds.date].append(ds)
    count = {d: len({ds.source for ds in pool}) for d, pool in published.items()}
    dates = sorted(count, key=lambda d: (-count[d], d))[:setup.max_dates]
    return _entries(setup, dates, lambda d: published[d], lambda d, pool: _centrality(setup, pool),
                    lambda d: _want(setup, d))


def _datewise(setup: _Setup) -> list[TimelineEntry]:
    mentions = {d: sum(1 for ds in pool if ds.explicit) for d, pool in setup.by_date.items()}
    dates = sorted((d for d in mentions if mentions[d]), key=lambda d: (-mentions[d], d))[:setup.max_dates]
    return _entries(setup, dates, lambda d: setup.by_date[d], lambda d, pool: _centrality(setup, pool),
                    lambda d: _want(setup, d))


def _clust(setup: _Setup) -> list[TimelineEntry]:
    events = group_events(setup.dated)
    ranked = sorted(events, key=lambda e: (-len(e[0].groups), -len(e[1]), e[0].date or ""))
    chosen: dict[str, list[DatedSentence]] = {}
    for event, members in ranked:
        if len(chosen) >= setup.max_dates:
            break
        if event.date in chosen or len(members) < 2:
            continue
        chosen[event.date] = members
    return _entries(setup, list(chosen), lambda d: chosen[d], lambda d, pool: _centrality(setup, pool),
                    lambda d: _want(setup, d))


_FALLBACK_LEAD, _FALLBACK_BODY, _COARSE = 0.6, 0.3, 0.5
FALLBACK_SHARE = 0.5      # a source only published on a date supports it at half weight
FALLBACK_CENTROID = 0.3   # weight of sentences merely published on a date in the date's centre
RELEVANCE_BASE = 0.5
SAME_EVENT_COSINE = 0.3   # sentences this similar report the same thing
CORROBORATION = 0.5       # weight of other sources saying the same (log of their number)


def _support(ds: DatedSentence) -> float:
    w = 1.0 if ds.explicit else (_FALLBACK_LEAD if ds.sentence.index <= 1 else _FALLBACK_BODY)
    return w * (1.0 if ds.granularity == "day" else _COARSE)


def _salience(setup: _Setup, shifted: frozenset = frozenset()) -> dict[str, float]:
    """How much the collection says about each date, a wire story and its versions once.

    Each independent source contributes once per date: the number of its sentences naming the
    date (a source that keeps returning to a day says more than one passing mention; of a
    story's versions only the fullest counts), or a smaller share when it was only published
    that day.
    """
    scores = {}
    for date, pool in setup.by_date.items():
        per_doc: dict[tuple[str, str], int] = defaultdict(int)
        fallback: dict[str, float] = {}
        for ds in pool:
            if ds.explicit:
                per_doc[(ds.source, ds.document.id)] += 1
            else:
                w = _support(ds) * (NEXT_DAY_WEIGHT if id(ds) in shifted else 1.0)
                fallback[ds.source] = max(fallback.get(ds.source, 0.0), w)
        coarse = 1.0 if pool[0].granularity == "day" else _COARSE
        named: dict[str, int] = {}
        for (source, _), n in per_doc.items():  # versions of one story: the fullest counts
            named[source] = max(named.get(source, 0), n)
        score = float(sum(named.values()))
        if CHRONOLOGY_DATE:  # an editor put the day in a chronology: a key date
            score += CHRONOLOGY_DATE * len({ds.source for ds in pool if _chronology_item(ds) is not None})
        score += FALLBACK_SHARE * sum(w for s, w in fallback.items() if s not in named)
        scores[date] = coarse * score
    return scores


_SPOKEN_START = re.compile(r"^(?:And|But|So|Well|Yes|No|Oh|Now|Look|Okay|OK|Um|Uh)\b")
_PERSONAL = re.compile(r"\b(?:I|I'm|I 'm|me|my|we|We|our|Our|us|you|You|your|Your)\b")
_SPEAKER = re.compile(r"^[A-Z][A-Z .'-]{1,30}\s?:")


def _corroboration(setup: _Setup, pool: list[DatedSentence]) -> list[int]:
    """For each sentence, how many other independent sources say much the same thing."""
    if len(pool) < 2:
        return [0] * len(pool)
    rows = [setup.row[(ds.document.id, ds.sentence.index)] for ds in pool]
    matrix = setup.vectors[rows]
    similar = (matrix @ matrix.T).tocsr()
    similar.data[similar.data < SAME_EVENT_COSINE] = 0  # only near-paraphrases count: drop the rest
    similar.eliminate_zeros()                            # before the per-row loop
    sources = [ds.source for ds in pool]
    out = []
    for i in range(len(pool)):
        cols = similar.indices[similar.indptr[i]:similar.indptr[i + 1]]
        out.append(len({sources[j] for j in cols.tolist() if sources[j] != sources[i]}))
    return out


def _statement(text: str) -> float:
    """How much a sentence reads as a reported statement of fact, the register of a timeline.

    Questions, first- and second-person talk, transcript speaker labels, spoken openers
    ("And so ...") and comment-thread stamps ("6:39 pm |") read as conversation, not report.
    """
    factor = 1.0
    if "?" in text:
        factor *= 0.3
    if "|" in text:
        factor *= 0.3
    if _SPEAKER.match(text):
        factor *= 0.3
    if _SPOKEN_START.match(text):
        factor *= 0.5
    if _PERSONAL.search(text):
        factor *= 0.5
    return factor


def _auto_dates(setup: _Setup, eligible: list[str]) -> int:
    """Without a number given: every date that two independent sources name, within bounds.

    How many dates a story needs follows how its collection's attention spreads over time:
    a week-long event gives a few well-covered days, a two-year crisis many.
    """
    shared = sum(1 for d in eligible if len({ds.source for ds in setup.by_date[d] if ds.explicit}) >= 2)
    return max(min(AUTO_MIN_DATES, len(eligible)), min(AUTO_MAX_DATES, shared))


NEXT_DAY_LEAD = 10        # lead sentences of a next-day report, naming no date, describe the day before
NEXT_DAY_WEIGHT = 0.5
CHRONOLOGY_DATE = 1.0
CHRONOLOGY = 3.0          # bonus of a chronology item about the date (see _CHRONOLOGY)


def _with_next_day_reports(setup: _Setup) -> set[int]:
    """Add the undated lead sentences of each article to the day before its publication.

    A report published the morning after tells what happened the day before without naming it
    ("Protesters clashed with police in the capital ..."); returns the ids of the added items.
    """
    added: set[int] = set()
    for ds in setup.next_day:
        if ds.date in setup.by_date:  # a day the collection has material on
            setup.by_date[ds.date].append(ds)
            added.add(id(ds))
    return added


def _default(setup: _Setup) -> list[TimelineEntry]:
    shifted = _with_next_day_reports(setup) if NEXT_DAY_WEIGHT > 0 else set()
    salience = _salience(setup, shifted)
    eligible = [d for d in salience if salience[d] >= 1.0 and (
        setup.by_date[d][0].granularity == "day" or len({ds.source for ds in setup.by_date[d] if ds.explicit}) >= 2)]
    limit = setup.max_dates if setup.fixed_dates else _auto_dates(setup, eligible)
    dates = sorted(eligible, key=lambda d: (-salience[d], d))[:limit]

    def score(date: str, pool: list[DatedSentence]) -> np.ndarray:
        # The date's centre is what its sentences say, those naming the date counting most;
        # a sentence is chosen for being central there, relevant to the whole story, and
        # written as a report a reader can take alone.
        weights = [(1.0 if ds.explicit else FALLBACK_CENTROID) * _support(ds)
                   * (NEXT_DAY_WEIGHT if id(ds) in shifted else 1.0) for ds in pool]
        central = _centrality(setup, pool, weights)
        relevant = _relevance(setup, pool)
        corroboration = _corroboration(setup, pool)
        out = np.empty(len(pool))
        for i, ds in enumerate(pool):
            s = central[i] * (RELEVANCE_BASE + relevant[i]) * _readability(ds) * _statement(ds.sentence.text)
            s *= 1 + CORROBORATION * math.log1p(corroboration[i])
            if ds.document.published is not None and ds.date[:10] > ds.document.published.isoformat():
                s *= PREVIEW
            if _chronology_item(ds) is not None:
                s *= 1 + CHRONOLOGY
            out[i] = s
        return out

    return _entries(setup, dates, lambda d: setup.by_date[d], score, lambda d: _want(setup, d))


METHODS: dict[str, Callable[[_Setup], list[TimelineEntry]]] = {
    "default": _default, "datewise": _datewise, "clust": _clust, "pubcount": _pubcount}


def make_timeline(docs: Iterable[Document], method: str = "default", max_dates: Optional[int] = None,
                  sentences_per_date: Optional[int] = None, start: Optional[dt.date] = None,
                  end: Optional[dt.date] = None, days_only: bool = False) -> Timeline:
    """A timeline of ``docs`` by ``method``; ``start``/``end`` bound the dates shown."""
    if method not in METHODS:
        raise ValueError(f"unknown timeline method {method!r}; choose one of {', '.join(METHODS)}")
    setup = _setup(docs, max_dates, sentences_per_date, start, end, days_only)
    entries = METHODS[method](setup) if setup.dated else []
    return Timeline(entries=entries, undated=_undated(setup.undated, sentences_per_date))
