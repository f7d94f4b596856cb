"""How each kind of candidate becomes a TIMEX3 value: one handler per kind.

The candidate rules name a kind ("md", "month", "weekday", "shift" ...) and the facts they
read; ``KIND_HANDLERS`` maps each kind to the function that fills in the mention's type,
value, granularity, mod and anchor from those facts and the resolver's ``Context``. A
clock time is placed last (``clock``), once the days of its sentence are known.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable, Optional

from ..model import TimeMention
from .context import Context, Ref, ref_first_day
from .dates import holiday_date, iso_week, last_day, pick, season_span, shifted, valid_day
from .lexicon import PARTS

SLACK_DAYS = 3  # a past-tense "March 20" may lie this many days after the anchor (and vice versa)


def _md(ctx: Context, mention: TimeMention, d: dict) -> None:
    mention.granularity = "day"
    mon, day, year = d["month"], d["day"], d.get("year")
    if year is not None:
        mention.anchor = d.get("carried_anchor")
        mention.value = f"{year:04d}-{mon:02d}-{day:02d}"
        return
    if d.get("carry"):
        return  # the list's first date could not be placed
    anchor = ctx.relative(mention)
    if anchor is None:
        return
    cands = []
    for y in range(anchor.year - 1, anchor.year + 2):
        if valid_day(y, mon, day):
            date = dt.date(y, mon, day)
            cands.append((date, date, date))
    if d.get("weekday") is not None:
        cands = [c for c in cands if c[1].weekday() == d["weekday"]] or cands
    mode, after = ctx.mode(mention, None)
    chosen = pick(cands, anchor, mode, SLACK_DAYS, after) or pick(cands, anchor, "nearest")
    mention.value = chosen.isoformat()


def _month(ctx: Context, mention: TimeMention, d: dict) -> None:
    mention.granularity, mention.mod = "month", d.get("mod")
    mon, year = d["month"], d.get("year")
    if year is not None:
        mention.value = f"{year:04d}-{mon:02d}"
        return
    anchor = ctx.relative(mention, "month")
    if anchor is None:
        return
    if d.get("rel") == "this":  # "this September": the anchor's year
        mention.value = f"{anchor.year:04d}-{mon:02d}"
        return
    cands = [((y, mon), dt.date(y, mon, 1), dt.date(y, mon, last_day(y, mon)))
             for y in range(anchor.year - 1, anchor.year + 2)]
    mode, after = ctx.mode(mention, d.get("rel"))
    y, m = pick(cands, anchor, mode, 0, after) or pick(cands, anchor, "nearest")
    mention.value = f"{y:04d}-{m:02d}"


def _year(ctx: Context, mention: TimeMention, d: dict) -> None:
    mention.granularity, mention.mod, mention.value = "year", d.get("mod"), f"{d['year']:04d}"


def _decade(ctx: Context, mention: TimeMention, d: dict) -> None:
    mention.granularity, mention.mod, mention.value = "decade", d.get("mod"), f"{d['decade']:03d}"


def _decade2(ctx: Context, mention: TimeMention, d: dict) -> None:
    """'90s: the 1900s from the thirties on; '00s-'20s need the anchor to pick a century."""
    mention.granularity, mention.mod = "decade", d.get("mod")
    two = d["two"]
    if two >= 30:
        mention.value = f"19{two // 10}"
        return
    anchor = ctx.relative(mention, "year")
    if anchor is not None:
        century = anchor.year // 100 if anchor.year % 100 >= two else anchor.year // 100 - 1
        mention.value = f"{century:02d}{two // 10}"


def _century(ctx: Context, mention: TimeMention, d: dict) -> None:
    mention.granularity, mention.mod, mention.value = "century", d.get("mod"), f"{d['century']:02d}"


def _season(ctx: Context, mention: TimeMention, d: dict) -> None:
    mention.granularity, mention.mod = "season", d.get("mod")
    code, year = d["season"], d.get("year")
    if year is not None:
        mention.value = f"{year:04d}-{code}"
        return
    anchor = ctx.relative(mention, "month")
    if anchor is None:
        return
    cands = [(y, *season_span(y, code)) for y in range(anchor.year - 2, anchor.year + 2)]
    mode, after = ctx.mode(mention, d.get("rel"))
    y = pick(cands, anchor, mode, 0, after) or pick(cands, anchor, "nearest")
    mention.value = f"{y:04d}-{code}"


def _quarter(ctx: Context, mention: TimeMention, d: dict) -> None:
    mention.granularity = "quarter"
    q, year, rel = d["quarter"], d.get("year"), d.get("yearrel")
    if year is not None:
        mention.value = f"{year:04d}-Q{q}"
        return
    anchor = ctx.relative(mention, "month")
    if anchor is None:
        return
    if rel:
        y = anchor.year + {"last": -1, "next": 1}.get(rel, 0)
    else:
        cands = [(y, dt.date(y, 3 * q - 2, 1), dt.date(y, 3 * q, last_day(y, 3 * q)))
                 for y in range(anchor.year - 1, anchor.year + 2)]
        mode, after = ctx.mode(mention, None)
        # A quarter is reported after it ends: "expects to report results for the third quarter"
        # a month after September still means the one just finished.
        slack = 60 if mode == "future" else 0
        y = pick(cands, anchor, mode, slack, after) or pick(cands, anchor, "nearest")
    mention.value = f"{y:04d}-Q{q}"
    ctx.quarter, ctx.quarter_end = (y, q), mention.end


def _month_relyear(ctx: Context, mention: TimeMention, d: dict) -> None:
    """"July last year": the month in the year named relative to the anchor."""
    mention.granularity = "month"
    anchor = ctx.relative(mention, "year")
    if anchor is None:
        return
    mention.value = f"{anchor.year + d['offset']:04d}-{d['month']:02d}"


def _the_weekend(ctx: Context, mention: TimeMention, d: dict) -> None:
    """"over the weekend": the last one in a past sentence, the coming one in a future one."""
    mention.granularity = "week"
    anchor = ctx.relative(mention)
    if anchor is None:
        return
    saturday = anchor + dt.timedelta(days=5 - anchor.weekday())  # this week's Saturday
    mode, _ = ctx.mode(mention, None)
    if mode != "future" and saturday > anchor:
        saturday -= dt.timedelta(weeks=1)
    mention.value = iso_week(saturday) + "-WE"


def _past_week(ctx: Context, mention: TimeMention, d: dict) -> None:
    """"the past week", "the last week": the seven days up to the anchor, written as the ISO
    week that holds most of them (the one of the day three days before), as TimeML dates it."""
    mention.granularity = "week"
    anchor = ctx.relative(mention)
    if anchor is not None:
        mention.value = iso_week(anchor - dt.timedelta(days=3))


def _holiday(ctx: Context, mention: TimeMention, d: dict) -> None:
    mention.granularity = "day"
    anchor = ctx.relative(mention)
    if anchor is None:
        return
    cands = [(day, day, day) for y in range(anchor.year - 1, anchor.year + 2)
             for day in [holiday_date(y, d["rule"])]]
    mode, after = ctx.mode(mention, None)
    day = pick(cands, anchor, mode, 0, after) or pick(cands, anchor, "nearest")
    mention.value = day.isoformat()


def _report_period(ctx: Context, mention: TimeMention, d: dict) -> None:
    """A period named by reference to the quarter being reported (earnings news).

    "the quarter", "the latest period" are the last quarter named in the document, else the
    last one finished before the anchor; "the year-ago quarter" and "year-earlier" results are
    that quarter a year before. A "period" with no quarter named before is left out, and a
    "year-ago" with none is the previous year.
    """
    shift = d["shift"]
    if ctx.quarter is None:
        if d.get("period"):
            d["drop_unresolved"] = True
            return
        anchor = ctx.relative(mention)
        if anchor is None:
            return
        if d.get("adjective"):
            mention.granularity, mention.value = "year", f"{anchor.year - 1:04d}"
            return
        y, q = anchor.year, (anchor.month - 1) // 3  # the last finished quarter
        if q == 0:
            y, q = y - 1, 4
    else:
        y, q = ctx.quarter
        if ctx.anchor is not None:
            mention.anchor = ctx.anchor.isoformat()
    index = y * 4 + (q - 1) + shift
    mention.granularity = "quarter"
    mention.value = f"{index // 4:04d}-Q{index % 4 + 1}"


def _weekday(ctx: Context, mention: TimeMention, d: dict) -> None:
    mention.granularity, mention.mod = "day", d.get("mod")
    if d.get("part"):
        mention.type, mention.granularity = "TIME", "time"
    anchor = ctx.relative(mention)
    if anchor is None:
        return
    days = [anchor + dt.timedelta(days=k) for k in range(-7, 8)]
    cands = [(x, x, x) for x in days if x.weekday() == d["weekday"]]
    rel = d.get("rel")
    if rel == "this":
        mode = "future"
    elif rel in ("last", "next"):
        mode = rel
    else:
        mode = ctx.tense(mention.start, mention.end) or "past"
        if ctx.last_kind == "plan":
            # a plan told in the past ("planned to meet at Friday's dinner") may be over
            # already: take the nearer of the two Fridays
            mode = "nearest"
    chosen = pick(cands, anchor, mode, 0)
    mention.value = chosen.isoformat() + (f"T{d['part']}" if d.get("part") else "")


def _dayword(ctx: Context, mention: TimeMention, d: dict) -> None:
    mention.granularity = "day"
    if d.get("part"):
        mention.type, mention.granularity = "TIME", "time"
    anchor = ctx.relative(mention)
    if anchor is None:
        return
    mention.value = (anchor + dt.timedelta(days=d["offset"])).isoformat() + (f"T{d['part']}" if d.get("part") else "")


def _relunit(ctx: Context, mention: TimeMention, d: dict) -> None:
    unit, off = d["unit"], d["offset"]
    mention.mod = d.get("mod")
    mention.granularity = {"weekend": "week"}.get(unit, unit)
    anchor = ctx.relative(mention, unit)
    if anchor is None:
        return
    mention.value = shifted(anchor, unit, off)


def _shift(ctx: Context, mention: TimeMention, d: dict) -> None:
    """N units from the anchor ("two days ago") or from the paragraph's last date ("the next day")."""
    unit, n = d["unit"], d["n"]
    mention.mod = d.get("mod")
    part = PARTS.get(unit)
    named_week = unit in ("week", "weekend") and mention.text.lower().startswith(("the", "that"))
    if part:
        mention.type, mention.granularity = "TIME", "time"
    elif unit in ("week", "weekend") and named_week or unit == "weekend":
        mention.granularity = "week"
    elif unit in ("day", "week", "fortnight", "hour", "minute", "second"):
        mention.granularity = "day"
    else:
        mention.granularity = unit
    ref: Optional[Ref]
    iso: Optional[str]
    if d["base"] == "anchor":
        told_from = ctx.relative(mention, "day" if part else unit)
        ref, iso = (("day", told_from), told_from.isoformat()) if told_from else (None, None)
    else:
        ref, iso = ctx.base("day" if part else unit)
    if ref is None or not float(n).is_integer():
        return
    if unit == "year" and n == -1 and ctx.quarter is not None and mention.start - ctx.quarter_end < 1500:
        # "up from $5 million a year ago" in a report on a quarter: the same quarter a year before
        y, q = ctx.quarter
        mention.anchor, mention.granularity, mention.value = iso, "quarter", f"{y - 1:04d}-Q{q}"
        return
    mention.anchor = iso
    val = ref_first_day(ref)
    n = int(n)
    if part:
        mention.value = (val + dt.timedelta(days=n)).isoformat() + f"T{part}"
    elif unit in ("hour", "minute", "second"):
        mention.value = val.isoformat()
    elif unit in ("week", "fortnight") and not named_week:
        days = 7 * n * (2 if unit == "fortnight" else 1)
        mention.value = (val + dt.timedelta(days=days)).isoformat()
        mention.mod = mention.mod or "APPROX"
    else:
        mention.value = shifted(val, unit, n)


def _in_n(ctx: Context, mention: TimeMention, d: dict) -> None:
    if ctx.tense(mention.start, mention.end) == "past":
        mention.type, mention.value, mention.mod = "DURATION", d["duration"], d.get("mod")
        mention.start = d["dur_start"]
        mention.text = ctx.text[mention.start:mention.end]
        return
    _shift(ctx, mention, dict(n=d["n"], unit=d["unit"], base="anchor", mod=d.get("mod")))


def _duration(ctx: Context, mention: TimeMention, d: dict) -> None:
    mention.type, mention.value, mention.mod = "DURATION", d["value"], d.get("mod")


def _set(ctx: Context, mention: TimeMention, d: dict) -> None:
    mention.type, mention.value = "SET", d["value"]


def _ref(ctx: Context, mention: TimeMention, d: dict) -> None:
    mention.value = d["value"]
    if mention.value and ctx.anchor is not None:
        mention.anchor = ctx.anchor.isoformat()


def _time(ctx: Context, mention: TimeMention, d: dict) -> None:
    mention.type, mention.granularity = "TIME", "time"


def clock(ctx: Context, mention: TimeMention, d: dict, mentions: list[TimeMention]) -> None:
    """A clock time falls on the nearest day named in its sentence, else on the anchor."""
    i, s, e = ctx.sentence_bounds(mention.start)
    best = None
    for other in mentions:
        if other is mention or not other.value or not (s <= other.start < e):
            continue
        if other.granularity in ("day", "time") and re.match(r"\d{4}-\d\d-\d\d", other.value):
            dist = min(abs(other.end - mention.start), abs(mention.end - other.start))
            if best is None or dist < best[0]:
                best = (dist, other.value[:10])
    day = best[1] if best else (ctx.anchor.isoformat() if ctx.anchor else None)
    if day is not None:
        mention.value, mention.anchor = f"{day}T{d['clock']}" + ("Z" if d.get("utc") else ""), day


# Every kind a candidate rule may name, and its handler (a clock time, kind "time", is
# placed on its day later by ``clock``).
KIND_HANDLERS: dict[str, Callable[[Context, TimeMention, dict], None]] = {
    "md": _md,
    "month": _month,
    "year": _year,
    "decade": _decade,
    "decade2": _decade2,
    "century": _century,
    "season": _season,
    "quarter": _quarter,
    "month_relyear": _month_relyear,
    "the_weekend": _the_weekend,
    "past_week": _past_week,
    "holiday": _holiday,
    "report_period": _report_period,
    "weekday": _weekday,
    "dayword": _dayword,
    "relunit": _relunit,
    "shift": _shift,
    "in_n": _in_n,
    "duration": _duration,
    "set": _set,
    "ref": _ref,
    "time": _time,
}
