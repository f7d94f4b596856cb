"""What the pages show, prepared from model objects: pure functions, no HTTP and no SQL.

Everything here returns plain text pieces with flags; the templates escape every piece
(autoescaping) and add the markup. Nothing derived from article text is ever marked safe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..export import human_date
from ..model import Document, DuplicateGroup, TimeMention
from ..sentences import paragraphs


_REFS = {"PAST_REF": "the past", "PRESENT_REF": "now", "FUTURE_REF": "the future"}
_PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "S": "second", "DE": "decade",
          "CE": "century", "Q": "quarter", "SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_DURATION = re.compile(r"^P(T?)(\d+(?:\.\d+)?|X)(DE|CE|[YMWDHSQ]|SP|SU|FA|WI)$")


def human_value(mention: TimeMention) -> Optional[str]:
    """What a date expression resolved to, for a reader: "8 March 2022", "2 hours"."""
    value, gran = mention.value, mention.granularity
    if not value:
        return None
    if value in _REFS:
        return _REFS[value]
    duration = _DURATION.match(value)
    if duration and mention.type in ("DURATION", "SET"):
        time, n, unit = duration.groups()
        word = "minute" if time and unit == "M" else _UNITS.get(unit, unit)
        if mention.type == "SET":
            return f"every {word}" if n in ("1", "X") else f"every {n} {word}s"
        return f"some {word}s" if n == "X" else f"{n} {word}" + ("" if n == "1" else "s")
    if "T" in value and re.match(r"\d{4}-\d\d-\d\dT", value):
        day, _, clock = value.partition("T")
        clock = _PARTS_OF_DAY.get(clock, clock[:5])
        return f"{human_date(day, 'day')}, {clock}"
    week = re.fullmatch(r"(\d{4})-W(\d\d)", value)
    if week:
        return f"week {int(week.group(2))} of {week.group(1)}"
    quarter = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if quarter:
        return f"Q{quarter.group(2)} {quarter.group(1)}"
    if gran == "decade" and re.fullmatch(r"\d{3}", value):
        return f"the {value}0s"
    if gran in ("day", "month", "season", "year"):
        return human_date(value, gran)
    return value


@dataclass
class Run:
    """A stretch of a sentence: plain text, or a date expression and what it resolved to."""

    text: str
    mention: Optional[TimeMention] = None

    @property
    def resolved(self) -> Optional[str]:
        return human_value(self.mention) if self.mention else None

    @property
    def is_date(self) -> bool:
        """A date or time (shown with what it resolved to), not a duration or a frequency."""
        return self.mention is not None and self.mention.type in ("DATE", "TIME")

    @property
    def tooltip(self) -> str:
        m = self.mention
        if m is None:
            return ""
        if not m.value:
            return f"{m.type.lower()}: not resolved"
        parts = [f"{m.type.lower()} {m.value}"]
        if m.granularity:
            parts.append(f"granularity: {m.granularity}")
        if m.mod:
            parts.append(f"modifier: {m.mod.lower()}")
        parts.append(f"resolved against {m.anchor}" if m.anchor else "absolute")
        return " · ".join(parts)


@dataclass
class Piece:
    """A sentence of a paragraph (``index`` set) or the text between sentences."""

    runs: list[Run]
    index: Optional[int] = None


@dataclass
class Paragraph:
    number: int
    pieces: list[Piece] = field(default_factory=list)


def _runs(text: str, offset: int, mentions: list[TimeMention]) -> list[Run]:
    """Cut ``text`` (which starts at ``offset`` in the document) at the date mentions inside it."""
    runs: list[Run] = []
    pos = 0
    end_of_text = len(text)
    for m in mentions:
        start, end = m.start - offset, m.end - offset
        if start < pos or end > end_of_text or end <= start:
            continue  # overlapping or straddling a boundary: leave it as text
        if start > pos:
            runs.append(Run(text[pos:start]))
        runs.append(Run(text[start:end], m))
        pos = end
    if pos < end_of_text:
        runs.append(Run(text[pos:]))
    return runs


def article_paragraphs(doc: Document, max_chars: Optional[int] = None) -> list[Paragraph]:
    """The clean text as paragraphs of sentences, each sentence cut at its date mentions; with
    ``max_chars``, only the paragraphs that start within that many characters."""
    mentions = sorted(doc.mentions, key=lambda m: (m.start, -m.end))
    out: list[Paragraph] = []
    sentences = sorted(doc.sentences, key=lambda s: s.start)
    si = 0
    for number, (p_start, p_end) in enumerate(paragraphs(doc.text)):
        if max_chars is not None and p_start >= max_chars:
            break
        para = Paragraph(number)
        pos = p_start
        while si < len(sentences) and sentences[si].start < p_end:
            sent = sentences[si]
            si += 1
            if sent.start < pos:
                continue
            if sent.start > pos:
                para.pieces.append(Piece([Run(doc.text[pos:sent.start])]))
            end = min(sent.end, p_end)
            inside = [m for m in mentions if m.start >= sent.start and m.end <= end]
            para.pieces.append(Piece(_runs(doc.text[sent.start:end], sent.start, inside), sent.index))
            pos = end
        if pos < p_end:
            para.pieces.append(Piece([Run(doc.text[pos:p_end])]))
        out.append(para)
    return out


@dataclass
class DateRow:
    mention: TimeMention
    resolved: Optional[str]
    tooltip: str


def date_rows(doc: Document) -> list[DateRow]:
    """The article's dates and times in text order, with what each resolved to."""
    rows = []
    for m in sorted(doc.mentions, key=lambda m: m.start):
        run = Run(m.text, m)
        if not run.is_date:
            continue
        rows.append(DateRow(m, run.resolved, run.tooltip))
    return rows


@dataclass
class MemberRow:
    document: str
    relation: str
    similarity: float
    reason: str
    doc: Optional[Document]


def group_rows(group: Optional[DuplicateGroup], docs: dict[str, Document]) -> list[MemberRow]:
    if group is None:
        return []
    return [MemberRow(m.document, m.relation, m.similarity, m.reason, docs.get(m.document)) for m in group.members]
