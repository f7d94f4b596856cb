"""Reading what a page states about itself from its header lines.

Dates and times (with time zones) of date lines, bylines and the outlets or roles after
them, agency names, "NAME | date | AGENCY" lines, and the dateline that opens the first
paragraph ("TOKYO (AP) —"). Only standalone header lines are read, never body sentences.
How long a name, a byline line or an outlet may be is ``CleanParams``'; what a date, a time or
a time zone is stays here.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ..config import DEFAULT_CLEAN, CleanParams
from .lexicon import (AGENCIES, DATE_LINE_WORDS, MONTHS, NAME_PARTICLES, SECTION_WORDS, STOP_WORDS, TZ_OFFSETS,
                      TZ_REGIONS, UI_WORDS)
from .patterns import (BARE_TIME, BULLET, BY, CAPS_BYLINE, DATE_PATTERNS, DATELINE_AGENCY, DATELINE_CAPS,
                       ROLE, TERMINAL, TIME, WORD)


def agency_of(text: str) -> Optional[str]:
    """The normalized agency name when ``text`` is just an agency, else None."""
    key = re.sub(r"\s+", " ", text.strip(" .,;:()[]-–—•·*")).lower()
    return AGENCIES.get(key)


def _find_date(text: str) -> Optional[tuple[dt.date, int, int]]:
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            try:
                year = int(groups["y"])
                if groups.get("mon"):
                    month = MONTHS[groups["mon"].lower().rstrip(".")]
                    day = int(groups["d"])
                elif groups.get("a"):
                    a, b = int(groups["a"]), int(groups["b"])
                    if a > 12 >= b:
                        day, month = a, b
                    elif b > 12 >= a:
                        month, day = a, b
                    else:
                        continue  # 03/05/2024: day and month cannot be told apart
                else:
                    month, day = int(groups["m"]), int(groups["d"])
                if not 1800 <= year <= 2200:
                    continue
                return dt.date(year, month, day), match.start(), match.end()
            except (KeyError, ValueError):
                continue
    return None


def ends_with_date(text: str) -> bool:
    """Whether a line ends with a date ("Dam talks open at Kessel Mar 8, 2022"): a teaser's stamp."""
    found = _find_date(text)
    return found is not None and found[2] >= len(text.rstrip(" .)]")) - 1


def _offset(tz: str, day: dt.date, hour: int, minute: int) -> Optional[str]:
    """A time-zone token as "+hh:mm"."""
    tz = tz.strip("() ").upper()
    if tz in TZ_OFFSETS:
        return TZ_OFFSETS[tz]
    if tz in TZ_REGIONS:
        try:
            from zoneinfo import ZoneInfo
            offset = dt.datetime(day.year, day.month, day.day, hour, minute,
                                 tzinfo=ZoneInfo(TZ_REGIONS[tz])).utcoffset()
        except Exception:  # no time-zone database on this system
            return None
        return format_offset(offset)
    match = re.match(r"^(?:GMT|UTC)?\s*([+-])\s*(\d{1,2}):?(\d{2})?$", tz)
    if match:
        sign, hours, minutes = match.group(1), int(match.group(2)), int(match.group(3) or 0)
        if hours <= 14 and minutes < 60:
            return f"{sign}{hours:02d}:{minutes:02d}"
    return None


def format_offset(offset: Optional[dt.timedelta]) -> Optional[str]:
    if offset is None:
        return None
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _find_time(text: str, day: dt.date) -> Optional[tuple[str, int, int]]:
    for match in TIME.finditer(text):
        hour = int(match.group("h"))
        minute = int(match.group("mi") or 0)
        second = int(match.group("s") or 0)
        ampm = (match.group("ap1") or match.group("ap2") or "").lower()
        if ampm:
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if ampm == "p" else 0)
        if hour > 23 or minute > 59 or second > 59:
            continue
        value = f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if second else "")
        if match.group("tz"):
            offset = _offset(match.group("tz"), day, hour, minute)
            if offset:
                value += offset
        return value, match.start(), match.end()
    return None


def _parse_date_line(text: str) -> Optional[dict]:
    """A line that is only a date (with time, zone and a label such as "Published:")."""
    found = _find_date(text)
    if not found:
        return None
    day, start, end = found
    rest = text[:start] + " " * (end - start) + text[end:]
    found_time = _find_time(rest, day)
    time = None
    if found_time:
        time, t_start, t_end = found_time
        rest = rest[:t_start] + rest[t_end:]
    leftover = [w for w in WORD.findall(rest) if w.lower().rstrip(".:,") not in DATE_LINE_WORDS]
    if leftover:
        return None
    label = text[:start].lower()
    updated = "updat" in label or "modif" in label
    return {"date": day, "time": time, "updated": updated}


def _title_case(name: str) -> str:
    if name != name.upper():
        return name
    words = name.title().split()
    return " ".join(w.lower() if w.lower() in NAME_PARTICLES else w for w in words)


def _is_name(text: str, params: CleanParams = DEFAULT_CLEAN) -> bool:
    """Two to ten capitalized words ("Lena Hartmann", "MARI YAMAGUCHI", "A. de Vries and J. Pirel"):
    ``name_min_words`` to ``name_max_words``."""
    words = text.split()
    if not params.name_min_words <= len(words) <= params.name_max_words or any(ch.isdigit() for ch in text):
        return False
    capitalized = 0
    for word in words:
        if word.lower() in NAME_PARTICLES:
            continue
        if not word[0].isupper():
            return False
        if word.lower() in UI_WORDS or word.lower() in SECTION_WORDS or word.lower() in STOP_WORDS:
            return False
        capitalized += 1
    return capitalized >= params.name_min_words and words[-1].lower() not in NAME_PARTICLES


def _parse_byline(rest: str, params: CleanParams = DEFAULT_CLEAN) -> Optional[dict]:
    """What follows "By": names, maybe an agency or role after a comma, maybe a date."""
    info: dict = {}
    found = _find_date(rest)
    if found:
        day, start, _ = found
        parsed = _parse_date_line(rest[start:])
        if parsed is None:
            return None
        info.update(parsed)
        rest = re.sub(r"[\s,;]+(?:on|updated|published|posted)?[\s:]*$", "", rest[:start], flags=re.I)
    filed_under = re.match(r"^(?P<name>.+?)\s+(?:in|under|filed under)\s+[A-Z].*$", rest)
    if filed_under and _is_name(filed_under.group("name"), params):
        rest = filed_under.group("name")  # "Karl Ebner in Floods, Torvik": the rest are categories
    chunks = [c.strip() for c in re.split(r",|;|\s+[-–—]\s+", rest) if c.strip()]
    if not chunks:
        return None
    names = chunks[0]
    agency = agency_of(names)
    if agency:
        info["source"] = agency
        return info
    if not _is_name(names, params) and not (len(names.split()) == 1 and names[:1].isupper() and len(chunks) == 1):
        return None
    for chunk in chunks[1:]:
        role_free = ROLE.sub("", chunk).strip()
        agency = agency_of(role_free)
        if agency:
            info.setdefault("source", agency)
        elif role_free and not _is_name(role_free, params) and len(role_free.split()) > params.role_max_words:
            return None
    info["byline"] = _title_case(names)
    return info


def parse_meta(text: str, params: CleanParams = DEFAULT_CLEAN) -> Optional[dict]:
    """A byline, date or "NAME | date | AGENCY" line: its parts, or None."""
    text = BULLET.sub("", text).strip()
    if not text or len(text) > params.meta_max_chars:
        return None
    parts = [p.strip() for p in re.split(r"\s*[|•·]\s*", text) if p.strip()]
    if len(parts) > 1:
        info: dict = {}
        outlets: list[str] = []
        for part in parts:
            by = BY.match(part)
            date = _parse_date_line(part)
            if BARE_TIME.match(part) and info.get("date") and not info.get("time"):
                found = _find_time(part, info["date"])
                info["time"] = found[0] if found else None
            elif date:
                info.setdefault("date", date["date"])
                info.setdefault("time", date["time"])
                info.setdefault("updated", date["updated"])
            elif agency_of(part):
                info.setdefault("source", agency_of(part))
            elif by and (byline := _parse_byline(by.group("rest"), params)):
                for key, value in byline.items():
                    info.setdefault(key, value)
            elif _is_name(part, params):
                if "byline" in info:
                    outlets.append(part)  # "By Anna Roth | Ostmark Daily"
                else:
                    info["byline"] = _title_case(part)
            elif part.lower().rstrip(":") in DATE_LINE_WORDS:
                continue
            elif len(part.split()) <= params.outlet_max_words and part[:1].isupper() and not TERMINAL.search(part):
                outlets.append(part)  # an outlet we do not know by name ("Nordwire", "The Aran Courier")
            else:
                return None
        if "date" not in info and "byline" not in info:
            return None
        if len(outlets) > 1 or (len(parts) >= params.menu_min_parts and "date" not in info):
            return None  # a menu ("Home · Torvik · Lower Aran · Opinion"), not a byline
        if outlets and "source" not in info:
            info["source"] = outlets[0]
        return info
    by = BY.match(text)
    if by:
        return _parse_byline(by.group("rest"), params)
    caps = CAPS_BYLINE.match(text)
    if caps and _is_name(caps.group("name"), params):
        return _parse_byline(text, params)
    return _parse_date_line(text)


def dateline_of(paragraph: str) -> Optional[tuple[str, Optional[str]]]:
    """ "TOKYO (AP) — ..." → ("TOKYO", "AP"); the agency is None when not given."""
    match = DATELINE_CAPS.match(paragraph)
    if not match:
        match = DATELINE_AGENCY.match(paragraph)
        if not match or not agency_of(match.group("agency")):
            return None
    place = match.group("place").strip(" ,")
    if len(re.sub(r"[^A-Za-z]", "", place)) < 2:
        return None
    agency = match.group("agency")
    source = (agency_of(agency) or agency.strip()) if agency else None
    return place, source
