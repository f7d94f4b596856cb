"""Timeline: choose the dates that matter and summarize each from its sentences.

Date salience counts independent sources (duplicate groups, so a wire story and its
versions count once): a date named in a sentence weighs more than a publication date that
a sentence merely falls back to, a day more than a month or a year, and a coarse date needs
two independent sources to be considered at all. Each chosen date gets a short extractive
summary: sentences from the most widely reported event of that date first, preferring
reports written after the fact to previews written before it, sentences that name the
date, come early in their article and read alone, never repeating a sentence already used. Every summary line lists all the sentences it stands for
(near-identical sentences in other versions and outlets), the representative's first.
Sentences of undated documents are kept apart in ``undated`` and never given a date.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from typing import Iterable, Optional

from .events import DatedSentence, content_words, date_sentences, group_events, jaccard, source_key
from .model import Document, Source, SummaryLine, Timeline, TimelineEntry

SAME_SENTENCE = 0.7   # word-set Jaccard at which two sentences are one sentence (cite both)
REDUNDANT = 0.5       # a candidate this close to a chosen line is not used again
COARSE_WEIGHT = 0.5
FALLBACK_LEAD = 0.6
FALLBACK_BODY = 0.3
PREVIEW = 0.6         # a sentence published before the date it is about weighs this much

_DATELINE = re.compile(r"^[A-Z][A-Z .,'’\-]{1,40}(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Za-z.]+)?)?\s*(?:\([^)]{1,30}\))?\s*[—–-]+\s*")
_PRONOUN_START = re.compile(r"^(?:He|She|It|They|This|That|These|Those|His|Her|Their|Its)\b")


# The same in tokenized text ("Cairo , Egypt -LRB- CNN -RRB- --") and live-blog stamps
# ("(Update 4:33 a.m. Thursday in Cairo)") that precede the sentence proper.
_PTB_DATELINE = re.compile(r"^(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*(?: , [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*)? )?"
                           r"-LRB- [A-Z][\w.]*(?: [A-Z][\w.]*){0,3} -RRB- (?:--|-|:) ")
_UPDATE_STAMP = re.compile(r"^(?:-LRB-|\()\s*(?:Update|Updated|UPDATE|UPDATED)\b"
                           r"(?:(?!-RRB-|-LRB-)[^()]|-LRB-(?:(?!-RRB-).)*-RRB-|\([^()]*\))*?(?:-RRB-|\))\s*")


_GLUED_DATELINE = re.compile(r"(?:^|\s)[A-Z]{3,}(?: [A-Z]{3,}){0,2}"
                             r"(?: , [A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?(?: -LRB- [A-Za-z ]{2,20} -RRB-)?"
                             r"| -LRB- [A-Za-z ]{2,20} -RRB-) (?:--|-|—|–) (?=[A-Z\"“'`])")


def display_text(text: str) -> str:
    """A sentence as shown in a summary: without a leading dateline ("TOKYO (AP) —") or
    live-update stamp."""
    stripped = _UPDATE_STAMP.sub("", text, count=1)
    stripped = _DATELINE.sub("", stripped, count=1)
    stripped = _PTB_DATELINE.sub("", stripped, count=1)
    glued = _GLUED_DATELINE.search(stripped[:160])
    if glued:  # a headline run into the story: "Saleh blames West SANAA , YEMEN - Tens of ..."
        stripped = stripped[glued.end():]
    return stripped if len(stripped) > 20 else text


def _weight(ds: DatedSentence) -> float:
    if ds.explicit:
        w = 1.0
    else:
        w = FALLBACK_LEAD if ds.sentence.index <= 1 else FALLBACK_BODY
    return w * (1.0 if ds.granularity == "day" else COARSE_WEIGHT)


def date_scores(dated: list[DatedSentence]) -> dict[str, float]:
    """Salience of each date: sum over independent sources of their best support."""
    per: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for ds in dated:
        per[ds.date][ds.source].append(_weight(ds))
    scores = {}
    for date, sources in per.items():
        scores[date] = sum(max(ws) + 0.1 * min(len(ws) - 1, 5) for ws in sources.values())
    return scores


def eligible(date: str, dated_by_date: dict[str, list[DatedSentence]], score: float) -> bool:
    items = dated_by_date[date]
    if items[0].granularity == "day":
        return score >= 1.0
    explicit_sources = {ds.source for ds in items if ds.explicit}
    return len(explicit_sources) >= 2


def auto_dates(n_sources: int) -> int:
    """How many dates a timeline of this many independent sources shows by default."""
    return max(15, min(100, round(2 * math.sqrt(max(n_sources, 1)))))


def auto_sentences(n_sources_for_date: int) -> int:
    return 1 + (n_sources_for_date >= 3) + (n_sources_for_date >= 6)


def _readability(ds: DatedSentence) -> float:
    text = ds.sentence.text
    n = len(text.split())
    factor = 1.0
    if n < 8 or n > 55:
        factor *= 0.5
    if text[:1] in "\"“'‘":
        factor *= 0.7
    if _PRONOUN_START.match(display_text(text)):
        factor *= 0.8
    if not re.search(r"[.!?][\"”’')]*$", text):
        factor *= 0.6
    return factor


def _sources(chosen: DatedSentence, pool: list[DatedSentence], docs_by_group: dict[str, list[Document]]) -> list[Source]:
    """The chosen sentence and every near-identical sentence in the pool, representative first."""
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


def build_timeline(docs: Iterable[Document], max_dates: Optional[int] = None,
                   sentences_per_date: Optional[int] = None) -> Timeline:
    """Make a Timeline from stored documents (with sentences, mentions and groups) with
    storyline's default method (see ``storyline.methods``)."""
    from .methods import make_timeline

    return make_timeline(docs, "default", max_dates=max_dates, sentences_per_date=sentences_per_date)


def _undated(undated, sentences_per_date: Optional[int]) -> list[TimelineEntry]:
    """One entry per independent undated source: its lead sentences, all versions cited."""
    by_source: dict[str, list] = defaultdict(list)
    for doc, sent in undated:
        by_source[source_key(doc)].append((doc, sent))
    want = sentences_per_date if sentences_per_date is not None else 2
    out = []
    for key in sorted(by_source, key=lambda k: min(d.path for d, _ in by_source[k])):
        items = by_source[key]
        lead_doc = next((d for d, _ in items if d.relation == "representative"), items[0][0])
        lines = []
        for sent in [s for d, s in items if d.id == lead_doc.id][:want]:
            words = content_words(sent.text)
            sources = [Source(lead_doc.id, sent.index)]
            for d, s in items:
                if d.id != lead_doc.id and jaccard(words, content_words(s.text)) >= SAME_SENTENCE:
                    sources.append(Source(d.id, s.index))
            lines.append(SummaryLine(display_text(sent.text), sources))
        if lines:
            out.append(TimelineEntry(None, None, lines))
    return out
