"""The one entry point of the package: ``find_mentions``.

Kept apart from the stages it chains (rules, selection, resolution, clock-and-day merging)
so that callers import a single small function and the stages can change behind it.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

from ..model import TimeMention
from .candidate import select
from .resolver import merge_clock_and_day, resolve
from .rules import candidates


def find_mentions(text: str, anchor: Optional[dt.date] = None) -> list[TimeMention]:
    """Every time expression of ``text``, sorted by start, none overlapping another.

    ``anchor`` is the publication date; without it relative expressions keep value None.
    """
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    cands = select(candidates(text))
    return merge_clock_and_day(text, resolve(text, anchor, cands))
