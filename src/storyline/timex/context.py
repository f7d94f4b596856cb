"""What the resolver knows while it walks a text: the anchor, the paragraph's last date, the
last quarter named, and the sentence around each mention.

Relative expressions are resolved against this state ("the next day" against the last date
of its paragraph, "a year ago" in an earnings report against the quarter being reported),
so it is kept in one place that the kind handlers read and ``resolver`` updates.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Literal, Optional, Union

from ..model import TimeMention
from .dates import season_span
from .tense import RX_POSSESSIVE, SentenceCues

RX_PARAGRAPH = re.compile(r"\n\s*\n")
RX_LINK = re.compile(r"\s*(?:,\s*)?(?:(?:and|or|to|through|until|till|into|then)\b|[-–—/&])?\s*", re.I)

# The time a story is told from, when it is not the publication date: a date that says when
# a letter, an email or a diary entry was written ("a letter written in 2009", "an email dated
# March 3, 2009", "wrote on Friday, May 1, 2009", "a 2009 letter") or a flashback's opening
# ("Back in 2009,", "In March 2009,"). Relative expressions after it in the same sentence,
# and in a quotation that opens there, are told from that time.
RX_WRITTEN_BEFORE = re.compile(
    r"(?:\b(?:letters?|notes?|e-?mails?|memos?|memorandums?|diary|diaries|journal|messages?|telegrams?|postcards?"
    r"|cables?|notebooks?|entry|entries|minutes)\b[^.!?;\"“”]{0,40}?\b(?:written|dated|sent|penned|posted|composed"
    r"|drafted|signed|from|of)|\b(?:wrote|had\s+written|writes)(?:\s+\w+){0,3}?)\s+(?:(?:in|on)\s+)?(?:the\s+)?$", re.I)
RX_WRITTEN_AFTER = re.compile(r"[ \t]+(?:letters?|notes?|e-?mails?|memos?|memorandums?|diary|journal|messages?|telegrams?"
                              r"|postcards?|cables?|notebooks?)\b", re.I)
RX_FLASHBACK_BEFORE = re.compile(r"(?:^|[.!?\n][\"”’')\]]*\s+|^\s*[\"“])(?:Back\s+in|In|On|Back\s+on)\s+$")
FLASHBACK_DAYS = 180  # a flashback's or an undated letter's month lies at least this far back
RX_YEAR_DIGITS = re.compile(r"\d{4}")
RX_QUOTE_OPEN = re.compile(r"[\"“]")
RX_QUOTE_CLOSE = re.compile(r"[\"”]")
_LEVEL = {"day": 0, "week": 0, "weekend": 0, "morning": 0, "afternoon": 0, "evening": 0, "night": 0, "hour": 0,
          "minute": 0, "second": 0, "fortnight": 0, "month": 1, "season": 1, "quarter": 1, "year": 2,
          "decade": 2, "century": 2}

# A paragraph's reference: ("day", date), ("month", (year, month)) or ("year", year).
Ref = Union[tuple[Literal["day"], dt.date], tuple[Literal["month"], tuple[int, int]], tuple[Literal["year"], int]]


def ref_iso(ref: Ref) -> str:
    """The ISO form of a reference: "2014-03-05", "2014-03" or "2014"."""
    if ref[0] == "day":
        return ref[1].isoformat()
    if ref[0] == "month":
        return f"{ref[1][0]:04d}-{ref[1][1]:02d}"
    return f"{ref[1]:04d}"


def ref_first_day(ref: Ref) -> dt.date:
    """The first day of a reference: the day itself, the first of the month or of the year."""
    if ref[0] == "month":
        return dt.date(ref[1][0], ref[1][1], 1)
    if ref[0] == "year":
        return dt.date(ref[1], 1, 1)
    return ref[1]


class Context:
    """The state of one resolution: the text, its anchor and the dates named so far."""

    def __init__(self, text: str, anchor: Optional[dt.date]):
        self.text = text
        self.anchor = anchor
        self.paragraph_starts = [0] + [m.end() for m in RX_PARAGRAPH.finditer(text)]
        self.sentences = SentenceCues(text)
        self.ref: Optional[Ref] = None
        self.ref_paragraph = -1
        self.last_kind: Optional[str] = None  # the kind of cue the last tense() call went by
        self.previous: Optional[tuple[int, dt.date]] = None  # end offset and first day of the last date
        self.quarter: Optional[tuple[int, int]] = None  # (year, quarter) of the last quarter named
        self.quarter_end = -10**9  # where it was named
        self.story: Optional[tuple[int, int, Ref]] = None  # from, to, and the time a story is told from

    def enter(self, pos: int) -> None:
        """Start a new paragraph's reference when ``pos`` lies in another paragraph."""
        para = bisect.bisect_right(self.paragraph_starts, pos) - 1
        if para != self.ref_paragraph:
            self.ref, self.ref_paragraph, self.previous = None, para, None

    def sentence_bounds(self, pos: int) -> tuple[int, int, int]:
        return self.sentences.bounds(pos)

    def tense(self, start: int, end: int, day_like: bool = True) -> Optional[str]:
        """"past", "future" or None from the nearest tense cue in the sentence."""
        tense, self.last_kind = self.sentences.tense(start, end, day_like)
        return tense

    def linked(self, start: int, mention_end: Optional[int] = None) -> Optional[dt.date]:
        """First day of the date this one continues in a list or range ("January or February")."""
        if self.previous is None:
            return None
        prev_end, first = self.previous
        gap = self.text[prev_end:start]
        if mention_end is not None and RX_POSSESSIVE.match(self.text, mention_end):
            return None  # "a revision Friday to December's figures" is no range
        return first if len(gap) <= 16 and RX_LINK.fullmatch(gap) else None

    def base(self, unit: str) -> tuple[Optional[Ref], Optional[str]]:
        """The reference for a paragraph-relative expression and its ISO form."""
        ref: Ref
        if self.ref is not None:
            ref = self.ref
        elif self.anchor is not None:
            ref = ("day", self.anchor)
        else:
            return None, None
        gran = ref[0]
        need = {"day": 0, "morning": 0, "afternoon": 0, "evening": 0, "night": 0, "week": 0, "weekend": 0,
                "month": 1, "year": 2}.get(unit, 0)
        have = {"day": 0, "month": 1, "year": 2}[gran]
        if have > need:
            return None, None
        return ref, ref_iso(ref)

    def remember(self, mention: TimeMention) -> None:
        """Make a resolved date the paragraph's reference and the start of a possible list."""
        v, g = mention.value, mention.granularity
        assert v is not None  # only a resolved mention is remembered (see resolver.resolve)
        if g == "day" and len(v) == 10:
            d = dt.date.fromisoformat(v)
            self.ref, first = ("day", d), d
        elif g == "month":
            y, m = int(v[:4]), int(v[5:7])
            self.ref, first = ("month", (y, m)), dt.date(y, m, 1)
        elif g == "year":
            self.ref, first = ("year", int(v[:4])), dt.date(int(v[:4]), 1, 1)
        elif g == "season":
            self.ref = ("year", int(v[:4]))
            first = season_span(int(v[:4]), v[5:])[0]
        else:
            self.ref = ("year", int(v[:4]))
            q = int(v[-1])
            first = dt.date(int(v[:4]), 3 * q - 2, 1)
        self.previous = (mention.end, first)

    def relative(self, mention: TimeMention, need: str = "day") -> Optional[dt.date]:
        """The date a relative expression counts from, noting it on the mention: the anchor,
        or inside a story told from another time (a letter's date, a flashback) that time, if
        it is known to the ``need``ed unit (a letter dated only "2009" places "next year", not
        "Friday"); None when there is none."""
        if self.story is not None and self.story[0] <= mention.start < self.story[1]:
            ref = self.story[2]
            if {"day": 0, "month": 1, "year": 2}[ref[0]] > _LEVEL.get(need, 0):
                return None
            mention.anchor = ref_iso(ref)
            return ref_first_day(ref)
        if self.anchor is None:
            return None
        mention.anchor = self.anchor.isoformat()
        return self.anchor

    def note_story_time(self, mention: TimeMention) -> None:
        """Start a story told from ``mention``'s date when the text says a letter was written
        then or a flashback opens with it; it lasts to the end of the sentence, or of a
        quotation opened in it."""
        if self.anchor is None or not mention.value or (self.story and self.story[0] <= mention.start < self.story[1]):
            return
        if self.ref is None:
            return
        first = ref_first_day(self.ref)
        far = first.year < self.anchor.year if self.ref[0] == "year" else (self.anchor - first).days > FLASHBACK_DAYS
        if not far and (self.ref[0] != "day" or first == self.anchor):
            return  # the publication date, or "In December, ..." in a January story: recent news
        text, start = self.text, mention.start
        written = (RX_WRITTEN_BEFORE.search(text, max(0, start - 70), start) is not None
                   or RX_WRITTEN_AFTER.match(text, mention.end) is not None)
        flashback = (far and RX_FLASHBACK_BEFORE.search(text, max(0, start - 12), start) is not None
                     and RX_YEAR_DIGITS.search(mention.text) is not None)  # "In 2009," not "In December,"
        if not (written or flashback):
            return
        _, s, e = self.sentence_bounds(start)
        end = e
        opened = RX_QUOTE_OPEN.search(text, s, e)
        if opened is not None:
            closed = RX_QUOTE_CLOSE.search(text, opened.end())
            end = max(e, closed.end() if closed else len(text))
        if flashback and not written:
            end = min(end, e)  # a flashback lasts its sentence
        self.story = (mention.end, end, self.ref)

    def mode(self, mention: TimeMention, rel: Optional[str], default: str = "nearest") -> tuple[str, Optional[dt.date]]:
        """How to choose among a yearless date's occurrences (see ``dates.pick``)."""
        if rel == "last":
            return "last", None
        if rel == "next":
            return "next", None
        if rel == "this":
            return "nearest", None
        after = self.linked(mention.start, mention.end)
        if after is not None:
            return "after_ref", after
        day_like = mention.granularity in ("day", "time")
        return self.tense(mention.start, mention.end, day_like) or default, None
