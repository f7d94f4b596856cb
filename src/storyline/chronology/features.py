"""Features: what the timeline needs of each sentence, computed once when a document is built.

For every sentence: the date of the event it reports and how that date was found
(``dating``), whether it is page furniture or otherwise no line (``candidates.refusal``),
how well it reads alone (``candidates.prior``, lower in a document that reads as commentary,
``candidates.commentary``, times how likely an editor keeps it as an event of its date,
``line_prior``), its content words and whether it is a chronology item. For every document,
one support row per date: how many of its sentences report that date, how far its publication
lies from it, and whether its undated lead reports its publication day or the day before. The
store keeps both, so a timeline reads aggregates per date and a few candidates per chosen date
through SQL instead of re-deriving every sentence of the store.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from ..model import Document, SentenceFeatures, TimeMention
from .furniture import DAY_PICTURE
from .candidates import attribution, chronology_item, commentary, content_words, display_text, prior, refusal
from .dating import event_date
from .line_prior import SentenceCues, document_cues, line_features, shipped_prior
from .settings import FEATURES, NEXT_DAY_LEAD, FeatureParams

__all__ = ["sentence_features", "support_rows", "candidate_rank", "repeated_in", "SupportRow", "NEXT_DAY_LEAD", "DATED_KINDS"]

DATED_KINDS = ("report", "state", "preview")


def _shifted(m: TimeMention, offset: int) -> TimeMention:
    return TimeMention(m.start - offset, m.end - offset, m.text, m.type, m.value, m.granularity, m.mod, m.anchor,
                       m.document, m.sentence)


def candidate_rank(f: SentenceFeatures) -> float:
    """The order in which a date's candidates are read: how well they read, named dates first."""
    return round(f.prior * (1.0 if f.named else FEATURES.fallback_rank), 4)


def repeated_in(signature) -> set[int]:
    """Paragraphs of a document that say an earlier paragraph of it again (from its dedup signature)."""
    from ..dedup import paragraph_origins, repeated_paragraphs

    _, repeats = paragraph_origins(repeated_paragraphs([signature]), {}, {})
    return repeats.get(signature.document, set())


def sentence_features(doc: Document, repeated: Optional[set[int]] = None,
                      params: FeatureParams = FEATURES) -> list[SentenceFeatures]:
    """The features of every sentence of ``doc`` (sentences split, mentions resolved and placed
    in their sentences, as ``pipeline.annotate`` does).

    Sentences of paragraphs in ``repeated`` (an earlier paragraph of the same document said
    again) are refused: the document says them once. A candidate's prior is weighed by the
    learned event prior (``line_prior``; ``FeatureParams.event_prior*``).
    """
    by_sentence: dict[int, list[TimeMention]] = {}
    for m in doc.mentions:  # each mention knows its sentence (``pipeline.annotate``)
        if m.sentence is not None:
            by_sentence.setdefault(m.sentence, []).append(m)
    texts = [s.text for s in doc.sentences]
    said = attribution(texts)
    is_commentary = commentary(texts, params, said)
    weight = params.commentary_prior if is_commentary else 1.0
    cues = document_cues(texts, is_commentary, said) if params.event_prior else None
    model = shipped_prior() if cues is not None else None
    out = []
    for sent in doc.sentences:
        mentions = [_shifted(m, sent.start) for m in by_sentence.get(sent.index, [])]
        item = chronology_item(sent.text) if mentions else None
        if mentions and item is None:
            # a date in what is glued before the reporting (a headline, a stamp) dates nothing of it;
            # a chronology item's opening day ("March 27, 2012 - The government accepts ...") is its date
            shown = display_text(sent.text)
            lead = len(sent.text) - len(shown) if shown != sent.text and sent.text.endswith(shown) else 0
            if lead:
                mentions = [m for m in mentions if m.start >= lead]
        dated = event_date(sent.text, mentions, doc.published)
        words = content_words(sent.text)
        refused = refusal(sent.text, len(words))
        if refused is None and repeated and sent.paragraph in repeated:
            refused = "repeat"
        if refused is None and dated.present:
            refused = "present-tense"  # a caption or headline telling its day (``dating`` rule 8)
        chrono = (dated.named and dated.granularity == "day" and dated.mention is not None
                  and mentions[dated.mention].start <= 4 and item is not None)
        reads = weight * prior(sent.text)
        if model is not None and cues is not None and refused is None and dated.value is not None and dated.kind in DATED_KINDS:
            # a sentence that can be a line of its date: how likely an editor keeps it as an event of that date
            found = SentenceCues(sent.index, dated.kind, dated.named, dated.granularity, dated.value, dated.reason,
                                 round(reads, 4), bool(chrono), len(dated.others))
            likely = model.probability(line_features(sent.text, found, cues, doc.published))
            reads *= min(1.0, likely / params.event_prior_at) ** params.event_prior
        out.append(SentenceFeatures(
            sentence=sent.index, date=dated.value, granularity=dated.granularity, named=dated.named,
            kind=dated.kind, reason=dated.reason, refused=refused, prior=round(reads, 4),
            words=" ".join(sorted(words)), chronology=bool(chrono), other_dates=list(dated.others)))
    return out


@dataclass
class SupportRow:
    """How one document supports one date (see the module docstring)."""

    date: str
    granularity: str
    named: int                 # sentences naming the date as the event they report
    delta: Optional[int]       # days from the date to publication (day dates of dated documents)
    fallback: Optional[int]    # first sentence falling back to this date as its publication day
    next_day: Optional[int]    # first lead sentence of a report published the day after
    chronology: int            # chronology items about the date


def support_rows(doc: Document, features: list[SentenceFeatures]) -> list[SupportRow]:
    """One row per date the document supports; refused sentences (but a dated news photo's caption,
    which shows that day's happening) and undated ones count for nothing."""
    rows: dict[str, SupportRow] = {}
    published = doc.published

    def row(date: str, granularity: str) -> SupportRow:
        if date not in rows:
            delta = None
            if published is not None and granularity == "day" and len(date) == 10:
                try:
                    delta = (published - dt.date.fromisoformat(date)).days
                except ValueError:
                    delta = None
            rows[date] = SupportRow(date, granularity, 0, delta, None, None, 0)
        return rows[date]

    for f in features:
        if (f.refused is not None and f.refused != DAY_PICTURE) or f.date is None or f.kind not in DATED_KINDS:
            continue
        r = row(f.date, f.granularity or "day")
        if f.named:
            r.named += 1
            r.chronology += int(f.chronology)
            for value, granularity in f.other_dates:
                row(value, granularity).named += 1
            continue
        if f.kind != "report":  # a running state or an undated preview is not the day's news
            continue
        if r.fallback is None:
            r.fallback = f.sentence
        if f.sentence <= NEXT_DAY_LEAD and published is not None and published > dt.date.min:
            before = row((published - dt.timedelta(days=1)).isoformat(), "day")
            if before.next_day is None:
                before.next_day = f.sentence
    return list(rows.values())
