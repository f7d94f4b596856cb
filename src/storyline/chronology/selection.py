"""Selection: which dates a timeline shows.

A date's salience is how much independent sources say about it (a wire story and its versions
once): each source counts its sentences reporting the date (a sentence of an article written
before the date, a preview, counts less), or, when it names the date nowhere, a share for having
been published that day (its undated lead tells that day's news) or the day after. Months,
seasons and years count less than days and need two sources naming them.

The dates shown are the most salient ones, but a story's bursts of reports — the days far
more independent sources report within days than on a usual day of the story, its climax
among them — are never left out for lack of room: up to a share of the budget goes to them
first. Then each part of the story (cut where equal shares of its sources were published) gets
its most salient days, up to a share of the budget, so that no stretch of a long story goes
without dates. Without a number of dates given,
every date two independent sources name is shown, within bounds.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Optional, get_args

from ..model import Granularity
from ..timex import SEASON_CODES, season_span
from .settings import DEFAULT, Settings

__all__ = ["DateInfo", "salience", "coarser", "eligible", "choose_dates", "auto_dates", "auto_sentences", "story_start",
           "after_start"]


@dataclass
class DateInfo:
    """What the store's aggregate says about one date (see ``Store.date_support``)."""

    date: str
    granularity: Granularity
    named_score: float
    named_sources: int
    named_sentences: int
    fallback_score: float
    chronology_sources: int
    published_sources: int
    sources: int
    reporting_sources: int

    @classmethod
    def from_row(cls, row: tuple) -> "DateInfo":
        return cls(*row)


def salience(info: DateInfo, settings: Settings) -> float:
    score = (info.named_score + settings.chronology_date * info.chronology_sources
             + settings.fallback_share * info.fallback_score)
    return score * (1.0 if info.granularity == "day" else settings.coarse)


_SPANS = get_args(Granularity)  # the granularities from the finest to the coarsest


def coarser(granularity: Granularity, than: Granularity) -> bool:
    """Whether a date of ``granularity`` spans more than one of ``than`` ("year" than "season")."""
    return _SPANS.index(granularity) > _SPANS.index(than)


def eligible(info: DateInfo, settings: Settings) -> bool:
    """Said enough about to be a date of the timeline: a day with salience 1, a coarser date
    named by two independent sources."""
    if salience(info, settings) < 1.0:
        return False
    return info.granularity == "day" or info.named_sources >= 2


def story_start(infos: list[DateInfo], settings: Settings) -> Optional[str]:
    """The first day of the story's own events: ``settings.history_days`` before the day by
    which ``settings.first_reports`` of its sources had been published (a few stray early
    documents do not move it). Dates ending before it are the story's history ("the largest
    recorded earthquake took place there in 1960", "the UN mission began in 2004"), which
    its reports mention but do not report; None when no source has a publication date."""
    days = sorted((i.date, i.published_sources) for i in infos if i.granularity == "day" and i.published_sources)
    total = sum(n for _, n in days)
    if not total:
        return None
    seen = 0
    for day, n in days:
        seen += n
        if seen >= settings.first_reports * total:
            try:
                return (dt.date.fromisoformat(day) - dt.timedelta(days=settings.history_days)).isoformat()
            except (ValueError, OverflowError):  # a malformed day, or one within the margin of year 1
                return None
    return None


def after_start(info: DateInfo, start: str) -> bool:
    """Whether a date lies mostly on or after the day ``start``: its middle does ("2009" is
    history in a story that begins in January 2010; "2010" and "January 2010" are not)."""
    date = info.date
    if len(date) == 4:
        middle = f"{date}-07-01"
    elif len(date) == 7 and date[5:].isdigit():
        middle = f"{date}-15"
    elif len(date) == 7 and date[:4].isdigit() and date[5:] in SEASON_CODES:
        first = season_span(int(date[:4]), date[5:])[0]  # a season's middle month: the one after its first
        year, month = (first.year + 1, 1) if first.month == 12 else (first.year, first.month + 1)
        middle = f"{year:04d}-{month:02d}-15"
    else:
        middle = date
    return middle >= start


def auto_dates(infos: list[DateInfo], settings: Settings) -> int:
    """Without a number given: every date that two independent sources name, within bounds.

    How many dates a story needs follows how its collection's attention spreads over time:
    a week-long event gives a few well-covered days, a two-year crisis many.
    """
    shared = sum(1 for i in infos if i.named_sources >= 2)
    return max(min(settings.auto_min_dates, len(infos)), min(settings.auto_max_dates, shared))


def auto_sentences(n_sources_for_date: int, usual: float = 1.0, settings: Settings = DEFAULT) -> int:
    """Lines for a date by how widely it is reported: one, and a further line for a date
    reported far more widely than the story's usual shown date (``usual``: their median number
    of sources), where more than one thing is likely to have happened."""
    step = settings.more_lines * max(usual, 1.0)
    return 1 + (n_sources_for_date >= max(3, step)) + (n_sources_for_date >= max(6, 2 * step))


def _spread(days: list[DateInfo], limit: int, score: dict[str, float], settings: Settings) -> list[DateInfo]:
    """The most salient days of each part of the story, the parts cut where equal shares of its
    sources were published, so that no stretch of the story goes without dates for lack of room."""
    parts = settings.spread_parts
    per = int(limit * settings.spread_share / parts)
    total = sum(i.published_sources for i in days)
    if per < 1 or total == 0:
        return []
    by_part: list[list[DateInfo]] = [[] for _ in range(parts)]
    seen = 0
    for info in sorted(days, key=lambda i: i.date):
        by_part[min(parts - 1, parts * seen // total)].append(info)
        seen += info.published_sources
    out = []
    for part in by_part:
        out.extend(sorted(part, key=lambda i: (-score[i.date], i.date))[:per])
    return out


def choose_dates(infos: list[DateInfo], limit: int, settings: Settings) -> list[DateInfo]:
    """The ``limit`` dates to show: the bursts of reports first (up to their share), then by salience."""
    if limit <= 0:
        return []
    score = {i.date: salience(i, settings) for i in infos}
    days = [i for i in infos if i.granularity == "day"]
    usual = sum(i.reporting_sources for i in days) / len(days) if days else 0.0
    floor = max(settings.burst_min_sources, settings.burst_factor * usual)
    bursts = sorted((i for i in days if i.reporting_sources >= floor),
                    key=lambda i: (-i.reporting_sources, -score[i.date], i.date))
    chosen: dict[str, DateInfo] = {}
    for info in bursts[:math.ceil(limit * settings.burst_share)]:
        chosen[info.date] = info
    for info in _spread(days, limit, score, settings):
        if len(chosen) >= limit:
            break
        chosen.setdefault(info.date, info)
    for info in sorted(infos, key=lambda i: (-score[i.date], i.date)):
        if len(chosen) >= limit:
            break
        chosen.setdefault(info.date, info)
    return list(chosen.values())
