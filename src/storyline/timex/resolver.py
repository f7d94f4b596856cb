"""Turn the selected candidates of a text into mentions, in text order.

Walks the candidates with one ``Context``: each part goes to the handler of its kind
(``kinds.KIND_HANDLERS``), a resolved date becomes the paragraph's reference for what
follows, a day carries its year over the rest of a list ("Dec. 15 and 16"), and clock times
are placed on their day once every date of their sentence is known. A value outside the
calendar (before year 1 or after 9999) is dropped, never raised.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ..model import TimeMention
from .candidate import Cand
from .context import Context
from .kinds import KIND_HANDLERS, clock
from .lexicon import compound_duration

_CALENDAR_YEAR = re.compile(r"\d{4}(?![\d])")
RX_JUST_SPACE = re.compile(r"[ \t]+")
RX_UTC_ASIDE = re.compile(r"[ \t]*\(")
RX_AND_GAP = re.compile(r",?[ \t]+and[ \t]+")


def _within_calendar(mention: TimeMention) -> None:
    """Raise OverflowError for a resolved date outside years 1–9999 (a four-digit year)."""
    v = mention.value
    if v and v[0].isdigit() and mention.type in ("DATE", "TIME") and not _CALENDAR_YEAR.match(v) and len(v) >= 4:
        raise OverflowError(f"date {v} outside the calendar")
    if v and v.startswith("0000"):
        raise OverflowError(f"date {v} outside the calendar")


def resolve(text: str, anchor: Optional[dt.date], cands: list[Cand]) -> list[TimeMention]:
    """The mentions of the selected candidates ``cands`` of ``text``, resolved against ``anchor``."""
    ctx = Context(text, anchor)
    mentions: list[TimeMention] = []
    times: list[tuple[TimeMention, dict]] = []
    for cand in cands:
        ctx.enter(cand.start)
        carry_year = carry_anchor = None
        for part in cand.parts:
            data = dict(part.data)
            if data.get("carry") and data.get("year") is None and carry_year is not None:
                data["year"], data["carried_anchor"] = carry_year, carry_anchor
            mention = TimeMention(part.start, part.end, text[part.start:part.end])
            try:
                KIND_HANDLERS[part.kind](ctx, mention, data)
                _within_calendar(mention)
            except (OverflowError, ValueError):  # past the calendar's ends (years 1 and 9999): not resolved
                mention.value, mention.granularity, mention.mod = None, None, None
            if mention.value is None and data.get("drop_unresolved"):
                continue
            if part.kind == "time":
                times.append((mention, data))
            elif mention.type == "DATE" and mention.value and mention.granularity in ("day", "month", "year", "season", "quarter"):
                try:
                    ctx.remember(mention)
                    ctx.note_story_time(mention)
                except (OverflowError, ValueError):
                    ctx.ref = None
            if mention.granularity == "day" and mention.value:
                carry_year, carry_anchor = int(mention.value[:4]), mention.anchor
            mentions.append(mention)
    for mention, data in times:
        try:
            clock(ctx, mention, data, mentions)
            _within_calendar(mention)
        except (OverflowError, ValueError):
            mention.value, mention.granularity = None, None
    return mentions


# Between a full date and its clock time in a dateline or a byline: "May 2, 2013, 1:32 PM",
# "16 Sep 2013 at 8:44", "May 3, 2013 | 8:20 am", "Aug. 7, 2012 - 4:43 pm", "12 May 2010 @ 9:29 pm".
RX_DAY_CLOCK_GAP = re.compile(r"[ \t]*(?:,|\||-|–|—|@|\bat\b)?[ \t]*")


def merge_clock_and_day(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """"10 p.m. Wednesday", "noon Thursday", "May 2, 2013, 1:32 PM": one TIME, as TimeML tags
    it; the clock already carries the day it was placed on. "3 p.m. (1200 GMT)" is one TIME in
    universal time, and "two hours and 51 minutes" one DURATION (PT2H51M)."""
    out: list[TimeMention] = []
    for mention in mentions:
        prev = out[-1] if out else None
        if (prev is not None and prev.type == "DATE" and prev.granularity == "day" and prev.mod is None
                and prev.value and len(prev.value) == 10 and re.search(r"\d{4}", prev.text)
                and mention.type == "TIME" and mention.granularity == "time"
                and mention.value and mention.value[:10] == prev.value
                and RX_DAY_CLOCK_GAP.fullmatch(text, prev.end, mention.start)):
            mention.start, mention.text = prev.start, text[prev.start:mention.end]
            out[-1] = mention  # the date with its year, then the clock time on it
            continue
        if (prev is not None and prev.type == "TIME" and prev.granularity == "time"
                and mention.granularity == "day" and mention.type == "DATE" and mention.mod is None
                and RX_JUST_SPACE.fullmatch(text, prev.end, mention.start)
                and (prev.value is None or mention.value is None or prev.value[:10] == mention.value)):
            prev.end, prev.text = mention.end, text[prev.start:mention.end]
            prev.anchor = prev.anchor or mention.anchor
            continue
        if (prev is not None and prev.type == mention.type == "DURATION" and prev.value and mention.value
                and mention.mod is None and RX_AND_GAP.fullmatch(text, prev.end, mention.start)):
            value = compound_duration(prev.value, mention.value)
            if value is not None:  # "two hours and 51 minutes": one length, PT2H51M
                prev.end, prev.text, prev.value = mention.end, text[prev.start:mention.end], value
                continue
        if (prev is not None and prev.type == "TIME" and mention.type == "TIME" and mention.value
                and mention.value.endswith("Z") and RX_UTC_ASIDE.fullmatch(text, prev.end, mention.start)
                and text.startswith(")", mention.end)):
            # "3 p.m. (1200 GMT)": one time, given in universal time
            prev.end, prev.text, prev.value = mention.end + 1, text[prev.start:mention.end + 1], mention.value
            continue
        out.append(mention)
    return out
