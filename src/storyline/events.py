"""Events: date every sentence and group sentences about the same happening.

A sentence's date is what it is about: its resolved date mentions (day, month, season or
year; when it names a day, only its days). Only a sentence that names no date falls back to
its document's publication date, and is marked as such; a sentence of a document without a publication date that names no
absolute date stays undated. Sentences sharing a date are grouped into events by word
overlap (single link), and each event records the independent sources (duplicate groups,
so a wire story and its versions count once; a paragraph of wire copy inside another outlet's
article counts as the source that published it first) that report it. A paragraph repeated
inside one document is read once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from .model import Document, Event, Sentence, TimeMention

GRANULARITIES = ("day", "month", "season", "year")
EVENT_LINK = 0.2  # word-set Jaccard above which two same-date sentences share an event

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
nor not now of off on once only or other our ours ourselves out over own same she should so some such than
that the their theirs them themselves then there these they this those through to too under until up very
was we were what when where which while who whom why will with would you your yours yourself yourselves
said says say told according mr mrs ms s t one two also would could may might must shall
""".split())

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def content_words(text: str) -> set[str]:
    return {w for w in set(map(str.lower, _WORD.findall(text))) - STOPWORDS if len(w) > 1}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass
class DatedSentence:
    """A sentence with one date it is about and how that date was found."""

    sentence: Sentence
    document: Document
    date: str
    granularity: str
    explicit: bool  # named in the sentence (True) or the publication date fallback (False)
    primary: bool   # the first date the sentence names (or the fallback)
    source: str     # independent source key: the duplicate group, else the document
    words: set[str] = field(default_factory=set)


def source_key(doc: Document) -> str:
    return doc.group or doc.id


def _datable(m: TimeMention) -> bool:
    return m.type == "DATE" and m.value is not None and m.granularity in GRANULARITIES


_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that)\s+$", re.I)
_WORD_AFTER = re.compile(r"\s+[^\W\d_]")


def _attributive(text: str, m: TimeMention) -> bool:
    """A year used to name a thing ("the 1998 treaty", "its 2021 budget") dates no event here."""
    return (m.granularity == "year" and m.anchor is None
            and bool(_DETERMINER_BEFORE.search(text, max(0, m.start - 8), m.start))
            and bool(_WORD_AFTER.match(text, m.end)))


def date_sentences(docs: Iterable[Document]) -> tuple[list[DatedSentence], list[tuple[Document, Sentence]]]:
    """Every (sentence, date) pair the documents support, and the undated sentences."""
    dated: list[DatedSentence] = []
    undated: list[tuple[Document, Sentence]] = []
    for doc in docs:
        by_sentence: dict[int, list[TimeMention]] = {}
        for m in doc.mentions:
            if m.sentence is not None and _datable(m) and not _attributive(doc.text, m):
                by_sentence.setdefault(m.sentence, []).append(m)
        for sent in doc.sentences:
            if sent.paragraph in doc.repeated_paragraphs:
                continue  # the same paragraph earlier in this document: seen once
            # wire copy: a paragraph another source published first counts as that source
            source = doc.paragraph_origins.get(sent.paragraph) or source_key(doc)
            words = content_words(sent.text)
            mentions = by_sentence.get(sent.index, [])
            if any(m.granularity == "day" for m in mentions):
                # "ruled on Tuesday that Veldra breached the 1998 treaty": the day is what the
                # sentence reports; a coarser date in it qualifies something it mentions
                mentions = [m for m in mentions if m.granularity == "day"]
            if mentions:
                seen = set()
                for i, m in enumerate(mentions):
                    if m.value in seen:
                        continue
                    seen.add(m.value)
                    dated.append(DatedSentence(sent, doc, m.value, m.granularity, True, i == 0, source, words))
            elif doc.published is not None:
                dated.append(DatedSentence(sent, doc, doc.published.isoformat(), "day", False, True,
                                           source, words))
            else:
                undated.append((doc, sent))
    return dated, undated


def group_events(dated: Iterable[DatedSentence]) -> list[tuple[Event, list[DatedSentence]]]:
    """Group same-date sentences into events by word overlap (single link)."""
    by_date: dict[str, list[DatedSentence]] = {}
    for ds in dated:
        by_date.setdefault(ds.date, []).append(ds)
    out = []
    for date, items in sorted(by_date.items()):
        parent = list(range(len(items)))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for i in range(len(items)):
            for j in range(i + 1, len(items)):
                if jaccard(items[i].words, items[j].words) >= EVENT_LINK:
                    parent[find(j)] = find(i)
        clusters: dict[int, list[DatedSentence]] = {}
        for i, ds in enumerate(items):
            clusters.setdefault(find(i), []).append(ds)
        for members in clusters.values():
            event = Event(date=date, granularity=members[0].granularity,
                          sentences=[m.sentence for m in members], groups={m.source for m in members})
            out.append((event, members))
    return out
