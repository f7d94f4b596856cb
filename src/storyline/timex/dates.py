"""Calendar arithmetic on plain dates, with no text in sight.

Month lengths, ISO weeks, seasons, movable holidays, shifting a day by N units, and the
choice among the occurrences of a yearless date ("March 20" in which year?) once the
tense of its sentence is known.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Optional, Sequence

from .lexicon import SEASON_MONTHS


def last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def season_span(y: int, code: str) -> tuple[dt.date, dt.date]:
    """First and last day of the season ``code`` ("SP", "SU", "FA", "WI") of year ``y`` (a
    winter runs into the next year)."""
    first, last = SEASON_MONTHS[code]
    ly, lm = add_months(y, 1, last - 1)
    return dt.date(y, first, 1), dt.date(ly, lm, last_day(ly, lm))


def season_of(d: dt.date) -> tuple[int, str]:
    if d.month in (1, 2):
        return d.year - 1, "WI"
    return d.year, next(c for c, (a, b) in SEASON_MONTHS.items() if a <= d.month <= b)


def pick(cands: Sequence[tuple[object, dt.date, dt.date]], anchor: dt.date, mode: str,
         slack: int = 0, after: Optional[dt.date] = None):
    """Choose among occurrences (key, first day, last day) of a yearless expression."""
    s = dt.timedelta(days=slack)
    if mode == "after_ref" and after is not None:
        pool = [c for c in cands if c[1] >= after]
        return min(pool, key=lambda c: c[1])[0] if pool else None
    if mode == "past":
        pool = [c for c in cands if c[1] <= anchor + s]
        return max(pool, key=lambda c: c[1])[0] if pool else None
    if mode == "future":
        pool = [c for c in cands if c[2] >= anchor - s]
        return min(pool, key=lambda c: c[1])[0] if pool else None
    if mode == "last":
        pool = [c for c in cands if c[2] < anchor]
        return max(pool, key=lambda c: c[1])[0] if pool else None
    if mode == "next":
        pool = [c for c in cands if c[1] > anchor]
        return min(pool, key=lambda c: c[1])[0] if pool else None

    def distance(c):
        if c[1] <= anchor <= c[2]:
            return 0
        return min(abs((c[1] - anchor).days), abs((c[2] - anchor).days))
    return min(cands, key=lambda c: (distance(c), -c[1].toordinal()))[0]


def valid_day(y: Optional[int], mon: int, day: int) -> bool:
    return 1 <= day <= last_day(y if y else 2000, mon)


def holiday_date(year: int, rule: tuple) -> dt.date:
    if rule[0] == "easter":  # the Gregorian computus (anonymous algorithm)
        a, b, c = year % 19, year // 100, year % 100
        d, e = b // 4, b % 4
        g = (8 * b + 13) // 25
        h = (19 * a + b - d - g + 15) % 30
        i, k = c // 4, c % 4
        l_ = (32 + 2 * e + 2 * i - h - k) % 7
        m = (a + 11 * h + 19 * l_) // 433
        month = (h + l_ - 7 * m + 90) // 25
        day = (h + l_ - 7 * m + 33 * month + 19) % 32
        return dt.date(year, month, day) + dt.timedelta(days=rule[1] if len(rule) > 1 else 0)
    if rule[0] == "nth":  # the n-th weekday of a month
        _, month, weekday, n = rule
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    if rule[0] == "last":
        _, month, weekday = rule
        last = dt.date(year, month, last_day(year, month))
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    return dt.date(year, rule[0], rule[1])


def shifted(day: dt.date, unit: str, n: int) -> str:
    """The value of the ``unit`` that lies ``n`` units from ``day``."""
    if unit == "day":
        return (day + dt.timedelta(days=n)).isoformat()
    if unit == "week":
        return iso_week(day + dt.timedelta(weeks=n))
    if unit == "weekend":
        return iso_week(day + dt.timedelta(weeks=n)) + "-WE"
    if unit == "month":
        y, m = add_months(day.year, day.month, n)
        return f"{y:04d}-{m:02d}"
    if unit == "quarter":
        y, m = add_months(day.year, day.month, 3 * n)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    if unit == "year":
        return f"{day.year + n:04d}"
    if unit == "decade":
        return f"{day.year // 10 + n:03d}"
    if unit == "century":
        return f"{day.year // 100 + n:02d}"
    if unit == "season":
        y, code = season_of(day)
        return f"{y:04d}-{code}"
    return day.isoformat()
