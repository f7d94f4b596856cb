"""Reading what a page states about itself from its header lines.

Dates and times (with time zones) of date lines, bylines and the outlets or roles after
them, agency names, "NAME | date | AGENCY" lines, and the dateline that opens the first
paragraph ("TOKYO (AP) —"). Only standalone header lines are read, never body sentences.

A header line is read part by part: dates and times are found first, the rest is split at
separators (| · • ; , and / – — - between spaces), and each part is named: a date with its
label ("Publié le", "Stand:"), a time, a byline ("By", "Von", "Par", "Por", "di"), a name, an
agency or outlet, a role, a relative stamp ("Updated 2 hours ago": no date, since no crawl time
is known), a reading time, share words, "Republished from OUTLET". A short part that is none of
these is ignored; a long one (a sentence) means the line is not a header line.

Dates are read in English, German, French, Spanish, Italian and Portuguese month names, as
numbers (year first; dotted day first; with slashes day first unless the line or the page is
English, or the order is unambiguous) and in Chinese, Japanese and Korean. The tables are
written here by hand: dateparser reads such lines too, but about 300 times slower and with
fewer dates right (benchmarks/language/run.py), and the line layer asks on every short line.
How long a name, a byline line or an outlet may be is ``CleanParams``'.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ..config import DEFAULT_CLEAN, CleanParams
from .lexicon import (AGENCIES, DATE_LINE_WORDS, NAME_PARTICLES, SECTION_WORDS, SHARE_WORDS, STOP_WORDS,
                      TZ_OFFSETS, TZ_REGIONS, UI_WORDS)
from .patterns import BULLET, CAPS_BYLINE, DATELINE_AGENCY, DATELINE_CAPS, ROLE, TERMINAL, TIME, WORD

# -- month names, weekdays and the words that label a date, by language ----------------------
MONTH_NAMES = {
    1: "january jan janvier janv gennaio gen enero ene janeiro januar jänner jän",
    2: "february feb février fevrier févr fevr febbraio febrero fevereiro fev februar",
    3: "march mar mars marzo março märz maerz marz mär",
    4: "april apr avril avr aprile abril abr",
    5: "may mai maggio mag mayo maio",
    6: "june jun juin giugno giu junio junho juni",
    7: "july jul juillet juil luglio lug julio julho juli",
    8: "august aug août aout agosto ago",
    9: "september sep sept septembre settembre set septiembre setiembre setembro",
    10: "october oct octobre ottobre ott octubre outubro out oktober okt",
    11: "november nov novembre noviembre novembro",
    12: "december dec décembre decembre déc dicembre dic diciembre dezembro dez dezember",
}
MONTH_WORDS = {word: month for month, words in MONTH_NAMES.items() for word in words.split()}
_MONTH = "(?P<mon>" + "|".join(sorted(MONTH_WORDS, key=len, reverse=True)) + r")\.?(?![^\W\d_])"

# Words around a date on a date line, beyond the English ones of ``DATE_LINE_WORDS``; a line
# holding one of them is not English, so its slashed dates read day first.
OTHER_DATE_WORDS = frozenset("""
veröffentlicht aktualisiert zuletzt erstellt am um uhr stand vom montag dienstag mittwoch
donnerstag freitag samstag sonntag
publié publie mis à jour le du lundi mardi mercredi jeudi vendredi samedi dimanche h
publicado actualizado actualización el de del las los lunes martes miércoles miercoles jueves
viernes sábado sabado domingo hs
pubblicato aggiornato aggiornamento il alle ore lunedì lunedi martedì martedi mercoledì
mercoledi giovedì giovedi venerdì venerdi sabato domenica
em às atualizado atualização atualizada segunda-feira terça-feira terca-feira quarta-feira
quinta-feira sexta-feira sábado domingo seg ter qua qui sex sáb dom
发布时间 发布 时间 日期 更新 更新时间 配信 公開 更新日 投稿日 公開日 月 火 水 木 金 土 日 周一 周二 周三 周四
周五 周六 周日 星期一 星期二 星期三 星期四 星期五 星期六 星期日 입력 수정 업데이트 기사입력 최종수정 등록 승인
월 화 수 목 금 토 일 오전 오후
""".split())
UPDATED_WORDS = ("updat", "modif", "aktualisiert", "zuletzt", "mis à jour", "actualiz", "aggiorn", "atualiz",
                 "更新", "수정", "업데이트")
DATE_WORDS = DATE_LINE_WORDS | OTHER_DATE_WORDS

DATE_PATTERNS = [
    re.compile(r"(?<![\d.])(?P<y>(?:1[89]|2[01])\d\d)\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]?"),
    re.compile(r"(?<![\d.])(?P<y>(?:1[89]|2[01])\d\d)(?P<sep>[-./])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})\.?(?![\d])"),
    re.compile(r"(?<![\w.])" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?!\d)", re.I),
    re.compile(r"(?<![\d.])(?P<d>\d{1,2})(?:st|nd|rd|th|er|º|°|\.)?\s*(?:of\s+|de\s+)?" + _MONTH
               + r"\.?,?\s*(?:de\s+|del\s+)?(?P<y>\d{4})(?!\d)", re.I),
    re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})(?!\d)"),
    re.compile(r"(?<![\d/-])(?P<a>\d{1,2})(?P<sep>[/-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?!\d)"),
]
_YEAR_DIGITS = re.compile(r"\d{4}")
_DIGIT = re.compile(r"\d")
# Times that the shared pattern does not read: "14h20", "14時20分".
OTHER_TIME = re.compile(r"(?<![\d:.])(?P<h>\d{1,2})\s?(?:h|時)\s?(?P<mi>\d{2})(?:分)?(?!\d)")

# -- parts of a header line ------------------------------------------------------------------
SEPARATORS = re.compile(r"\s*[|•·;]\s*|\s+[/–—-]\s+|\s*[–—]\s*|\s+(?=(?:来源|來源|出典|출처)[:：])")
# The separators of a "NAME | Outlet" line, where a name needs no "By" and no date beside it.
STRONG_SEPARATORS = re.compile(r"\s*[|•·]\s*")
BY_AFTER_DATE = re.compile(r"\s+(?=(?:by|par|por|von)\s+[^\W\d_])")  # "March 5, 2019 by Lena Hartmann"
TABLE_ROW = re.compile(r"^\|.*\|$")
DATE_RANGE = re.compile(r"\x00\s*(?:[-–—]|to|bis|au|al|a)\s*\x00")  # an exhibition's or an event's dates
COMMA = re.compile(r"\s*,\s*")  # a separator too on a line with a date or a byline
BYLINE_MARKER = re.compile(
    r"^(?:(?:posted|written|words|story|text|reported|report|photos?|article)\s+)?"
    r"(?:(?:by|von|par|por|di|door|av)\s+|(?:autor(?:in|a)?|author|texto?)\s*:\s*)(?P<rest>\S.*)$", re.I)
RELATIVE = re.compile(
    r"^(?:(?:updated|published|posted|aktualisiert|veröffentlicht|mis à jour|publié|actualizado|publicado|"
    r"aggiornato|pubblicato|atualizado)\s*:?\s*)?(?:"
    r"(?:\d+|an?|one)\s+(?:sec|second|min|minute|hr|hour|day|week|month|year)s?\s+ago|yesterday|just now|"
    r"vor\s+\d+\s+(?:sekunden|minuten|min\.?|stunden|std\.?|tagen|wochen)|gestern|"
    r"il y a\s+\d+\s+(?:secondes?|minutes?|min|heures?|h|jours?|semaines?)|hier|"
    r"hace\s+\d+\s+(?:segundos?|minutos?|min|horas?|h|días?|dias?|semanas?)|ayer|"
    r"\d+\s+(?:secondi|minuti|min|ore|ora|giorni|giorno|settimane)\s+fa|ieri|"
    r"há\s+\d+\s+(?:segundos?|minutos?|min|horas?|h|dias?|semanas?)|ontem|"
    r"\d+\s*(?:秒|分|分钟|時間|小时|小時|日|天|週間|시간|분|일)\s*(?:前|전))$", re.I)
READING_TIME = re.compile(
    r"^(?:(?:reading time|read time|lesezeit|lesedauer|lecture|temps de lecture|lectura|tiempo de lectura|"
    r"lettura|tempo di lettura|leitura|tempo de leitura)\s*:?\s*)?(?:ca\.\s*)?\d+\s*(?:-\s*\d+\s*)?"
    r"(?:min(?:ute)?s?\.?|minuten|minuti|minutos|mn)\s*(?:read|reading|to read|de lecture|de lectura|"
    r"di lettura|de leitura|lesezeit|lesen|read time)?$|^(?:reading time|lesezeit|lecture|lectura|lettura|leitura)"
    r"\s*:?\s*\d+\s*(?:min(?:ute)?s?\.?|minuten|minuti|minutos)$", re.I)
REPUBLISHED = re.compile(
    r"^(?i:(?:this (?:article|story) (?:was )?)?(?:republished|reprinted|originally published|first appeared|"
    r"first published)\s+(?:from|in|on|by|at)\s+)(?P<outlet>(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})$")
SOURCE_LABEL = re.compile(r"^(?:来源|來源|出典|출처|source|quelle|fonte|fuente)\s*[:：]\s*(?P<outlet>\S.{0,40})$", re.I)
# "By Lena Hartmann on March 5, 2024": where the name ends and the date begins.
DATE_AFTER_NAME = re.compile(r"\s+(?=(?:(?:on|am|le|el|il|em|at|updated|published|posted)\s+)?[\x00\x01])", re.I)
# What every header line holds at least one of: a digit, a strong separator or a source label in
# Chinese, Japanese or Korean anywhere; or at its start a byline's or a source's opening word, a
# name in capitals, a day without digits. Most lines hold none and are passed over at the cost of
# a character search and a match at the start (one search for all of them would try the start's
# alternatives at every character).
MAY_BE_META_ANYWHERE = re.compile(r"[\d|•·]|来源|來源|出典|출처")
MAY_BE_META_START = re.compile(
    r"(?:(?:posted|written|words|story|text|reported|report|photos?|article)\s+)?"
    r"(?:by|von|par|por|di|door|av|autor|author|texto?)\b|"
    r"(?:this (?:article|story)|republished|reprinted|originally|first (?:published|appeared))\b|"
    r"(?-i:[A-Z][A-Z.'’\-]+\s+[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+)*\s*,)|(?:updated|published|posted|aktualisiert|veröffentlicht|mis à jour|publié|"
    r"actualizado|publicado|aggiornato|pubblicato|atualizado)?\s*:?\s*(?:yesterday|just now|gestern|hier|ayer|ieri|"
    r"ontem)$|(?:source|quelle|fonte|fuente)\s*:", re.I)


def may_be_meta(text: str) -> bool:
    """Whether ``text`` holds what every header line holds (see above)."""
    return MAY_BE_META_ANYWHERE.search(text) is not None or MAY_BE_META_START.match(text) is not None


FILED_UNDER = re.compile(r"^(?P<name>.+?)\s+(?:in|under|filed under)\s+[A-Z].*$")
MASK, TIME_MASK = "\x00", "\x01"  # stand for a date and a time found in the line

def agency_of(text: str) -> Optional[str]:
    """The normalized agency name when ``text`` is just an agency, else None."""
    key = re.sub(r"\s+", " ", text.strip(" .,;:()[]-–—•·*")).lower()
    return AGENCIES.get(key)


def _day_first(text: str, params: CleanParams) -> Optional[bool]:
    """Whether a slashed date on this line reads day first: by the line's own words, else
    by the page's language (``params.language``); None when neither tells."""
    words = [w.lower().rstrip(".:") for w in WORD.findall(text)]
    if any(w in OTHER_DATE_WORDS and w not in DATE_LINE_WORDS for w in words):
        return True
    if any(w in DATE_LINE_WORDS for w in words):
        return False
    return None if params.language is None else params.language != "en"


def _date_of(groups: dict, text: str, params: CleanParams) -> Optional[dt.date]:
    year = int(groups["y"])
    if groups.get("mon"):
        month, day = MONTH_WORDS[groups["mon"].lower()], int(groups["d"])
    elif groups.get("a"):
        a, b = int(groups["a"]), int(groups["b"])
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            month, day = a, b
        else:
            day_first = _day_first(text, params)
            if day_first is None:
                return None  # 03/05/2024 on a page of unknown language: cannot be told apart
            day, month = (a, b) if day_first else (b, a)
    else:
        month, day = int(groups["m"]), int(groups["d"])
    if not 1800 <= year <= 2200:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _find_dates(text: str, params: CleanParams = DEFAULT_CLEAN) -> list[tuple[dt.date, int, int]]:
    """Every date in ``text`` with its span, earliest first; overlapping finds keep the first
    pattern's."""
    found: list[tuple[dt.date, int, int]] = []
    if not _YEAR_DIGITS.search(text):  # every date pattern holds a year of four digits
        return found
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(start < match.end() and match.start() < end for _, start, end in found):
                continue
            day = _date_of(match.groupdict(), text, params)
            if day:
                found.append((day, match.start(), match.end()))
    return sorted(found, key=lambda f: f[1])


def _find_date(text: str) -> Optional[tuple[dt.date, int, int]]:
    found = _find_dates(text)
    return found[0] if found else None


def ends_with_date(text: str) -> bool:
    """Whether a line ends with a date ("Dam talks open at Kessel Mar 8, 2022"): a teaser's stamp."""
    found = _find_dates(text)
    return bool(found) and found[-1][2] >= len(text.rstrip(" .)]")) - 1


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


def _find_time(text: str, day: Optional[dt.date]) -> Optional[tuple[str, int, int]]:
    if not _DIGIT.search(text):  # both time patterns start with the hour's digits
        return None
    for match in [*TIME.finditer(text), *OTHER_TIME.finditer(text)]:
        hour = int(match.group("h"))
        minute = int(match.group("mi") or 0)
        groups = match.groupdict()
        second = int(groups.get("s") or 0)
        ampm = (groups.get("ap1") or groups.get("ap2") or "").lower()
        if ampm:
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if ampm == "p" else 0)
        if hour > 23 or minute > 59 or second > 59:
            continue
        value = f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if second else "")
        if groups.get("tz") and day:
            offset = _offset(groups["tz"], day, hour, minute)
            if offset:
                value += offset
        return value, match.start(), match.end()
    return None


def _masked(text: str, params: CleanParams) -> tuple[str, list[dt.date], list[str]]:
    """``text`` with each date and each time replaced by a mark, and the dates and the times
    found, in order."""
    dates = _find_dates(text, params)
    rest = text
    if dates:
        masked = list(text)
        for _, start, end in dates:
            masked[start:end] = [MASK] + [""] * (end - start - 1)
        rest = "".join(masked)
    times: list[tuple[int, str]] = []
    while found := _find_time(rest, dates[0][0] if dates else None):
        value, start, end = found
        times.append((start, value))
        rest = rest[:start] + TIME_MASK + rest[end:]
    return rest, [day for day, _, _ in dates], [value for _, value in sorted(times)]


def _title_case(name: str) -> str:
    if name != name.upper() and name != name.lower():
        return name
    words = name.title().split()
    return " ".join(w.lower() if w.lower() in NAME_PARTICLES else w for w in words)


def _is_name(text: str, params: CleanParams = DEFAULT_CLEAN, any_case: bool = False) -> bool:
    """Two to ten capitalized words ("Lena Hartmann", "MARI YAMAGUCHI", "A. de Vries and J. Pirel"):
    ``name_min_words`` to ``name_max_words``; with ``any_case`` lower-case words count too."""
    words = text.split()
    if not params.name_min_words <= len(words) <= params.name_max_words or any(ch.isdigit() for ch in text):
        return False
    capitalized = 0
    for word in words:
        lower = word.lower()
        if lower in NAME_PARTICLES:
            continue
        if not (word[0].isupper() or (any_case and word[0].isalpha())):
            return False
        if lower in UI_WORDS or lower in SECTION_WORDS or lower in STOP_WORDS \
                or (any_case and lower in DATE_WORDS) or not re.fullmatch(r"[^\W\d_][\w.'’-]*", word):
            return False
        capitalized += 1
    return capitalized >= params.name_min_words and words[-1].lower() not in NAME_PARTICLES


def _marked_byline(rest: str, params: CleanParams) -> Optional[dict]:
    """What follows "By": names (maybe "in" categories after them), or an agency."""
    rest = rest.strip()
    agency = agency_of(rest)
    if agency:
        return {"source": agency}
    filed_under = FILED_UNDER.match(rest)
    if filed_under and _is_name(filed_under.group("name"), params):
        rest = filed_under.group("name")  # "Karl Ebner in Floods, Torvik": the rest are categories
    if _is_name(rest, params, any_case=True):
        return {"byline": _title_case(rest)}
    if len(rest.split()) == 1 and rest[:1].isupper() and rest.isalpha():
        return {"byline": rest}
    return None


def _date_part(part: str) -> bool:
    """A part made of dates, times and the words that label them."""
    if MASK not in part and TIME_MASK not in part:
        return False
    return all(w.lower().rstrip(".:") in DATE_WORDS for w in WORD.findall(part.replace(MASK, " ").replace(TIME_MASK, " ")))


def _read_part(part: str, info: dict, pending: list[str], params: CleanParams) -> bool:
    """Name one part of a header line into ``info`` (short unnamed parts into ``pending``);
    False when the part is text no header line holds."""
    if _date_part(part):
        return True  # read by the caller, which knows the dates in order
    marker = BYLINE_MARKER.match(part)
    republished = REPUBLISHED.match(part) or SOURCE_LABEL.match(part)
    words = [w.lower().rstrip(".:") for w in WORD.findall(part)]
    if RELATIVE.match(part.lower().strip(" .")):
        info["relative"] = True
    elif READING_TIME.match(part.strip(" .")) or (words and all(w in SHARE_WORDS or w in UI_WORDS for w in words)):
        info.setdefault("furniture", True)
    elif republished:
        info.setdefault("source", agency_of(republished.group("outlet")) or republished.group("outlet"))
    elif agency_of(part):
        info.setdefault("source", agency_of(part))
    elif marker and (byline := _marked_byline(marker.group("rest"), params)):
        for key, value in byline.items():
            info.setdefault(key, value)
    elif ROLE.fullmatch(part.strip()) or all(w in DATE_WORDS for w in words):
        pass
    elif _is_name(part, params):
        if "byline" in info:
            pending.append(part)  # "By Anna Roth | Ostmark Daily": an outlet
        else:
            info["byline"], info["named"] = _title_case(part), True
    elif (len(words) <= params.role_max_words and not TERMINAL.search(part)
          and not any(ch.isdigit() for ch in part) and any(ch.isalpha() for ch in part)
          and not (len(words) > 1 and part[:1].islower() and not _is_name(part, params, any_case=True))):
        pending.append(part)  # a place, an outlet or a section; lower-case words are prose
    else:
        return False
    return True


def parse_meta(text: str, params: CleanParams = DEFAULT_CLEAN) -> Optional[dict]:
    """A byline, date or "NAME | date | AGENCY" line: its parts, or None."""
    text = BULLET.sub("", text).strip()
    if not text or len(text) > params.meta_max_chars or not may_be_meta(text):
        return None
    if TABLE_ROW.match(text):
        return None  # a row of a table in the article
    masked, dates, times = _masked(text, params)
    if DATE_RANGE.search(masked):
        return None
    parts = [p.strip() for p in SEPARATORS.split(masked) if p and p.strip()]
    marker = BYLINE_MARKER.match(parts[0] if parts else "")
    if dates or CAPS_BYLINE.match(text) or (marker and not FILED_UNDER.match(marker.group("rest"))):
        parts = [q for p in parts for q in COMMA.split(p) if q]  # after "Name in Category, Place": categories
    if dates:
        parts = [q for p in parts for q in BY_AFTER_DATE.split(p) if q]
    parts = [q for p in parts for q in (DATE_AFTER_NAME.split(p, maxsplit=1) if BYLINE_MARKER.match(p) else [p])]
    info: dict = {}
    pending: list[str] = []
    for part in parts:
        if not _read_part(part, info, pending, params):
            return None
    _settle_dates(parts, dates, times, info)
    if info.pop("named", False) and "date" not in info and not (STRONG_SEPARATORS.search(text)
                                                                or CAPS_BYLINE.match(text)):
        return None  # "Selecting Great URLs - Michigan Tech": a name needs "By", a date or a | beside it
    return _settled(info, parts, pending, params)


def _settle_dates(parts: list[str], dates: list[dt.date], times: list[str], info: dict) -> None:
    """The line's date: the first one not labelled as an update, with the time in its part
    or in the part after it."""
    chosen: Optional[tuple[dt.date, bool, Optional[int]]] = None
    seen_dates = seen_times = 0
    for part in parts:
        n_dates, n_times = part.count(MASK), part.count(TIME_MASK)
        if _date_part(part):
            updated = any(word in part.lower() for word in UPDATED_WORDS)
            if n_dates and (chosen is None or (chosen[1] and not updated)):
                chosen = (dates[seen_dates], updated, seen_times if n_times else None)
            elif chosen and chosen[2] is None and n_times and not n_dates:
                chosen = (chosen[0], chosen[1], seen_times)
        seen_dates += n_dates
        seen_times += n_times
    if chosen is None:
        return
    info["date"], info["updated"] = chosen[0], chosen[1]
    info["time"] = times[chosen[2]] if chosen[2] is not None else None


def _settled(info: dict, parts: list[str], pending: list[str], params: CleanParams) -> Optional[dict]:
    """The line's metadata once every part is named, or None when it is not a header line."""
    dated = "date" in info
    if not pending and len(parts) == 1 and "byline" in info and not BYLINE_MARKER.match(parts[0]):
        return None  # a name alone on its line: a heading as often as a byline
    if len(pending) == 1 and len(parts) <= 2 and "byline" not in info and dated:
        lowered = pending[0]
        if _is_name(lowered, params, any_case=True) and lowered == lowered.lower():
            info["byline"] = _title_case(lowered)  # "lena hartmann | mar 5, 2019"
            pending = []
    if not dated and info.get("furniture"):
        return None  # "Get Matched | Subscribe | Read More": without a date, a menu
    strong = dated or "byline" in info or info.get("relative") or "source" in info
    if not strong:
        return None
    outlets = [p for p in pending if p[:1].isupper() and len(p.split()) <= params.outlet_max_words]
    if len(pending) > (2 if dated else 1) or (len(outlets) > 1 and not dated):
        return None  # a menu ("Home · Torvik · Lower Aran · Opinion"), not a byline
    if not dated and len(parts) >= params.menu_min_parts:
        return None
    if not dated and "byline" not in info and not info.get("relative") and len(parts) > 1 and pending:
        return None
    if outlets and "source" not in info and ("byline" in info or dated):
        info["source"] = outlets[0]
    if info.get("relative") and not dated:
        info["updated"] = True
    for key in ("relative", "furniture"):
        info.pop(key, None)
    return info or None


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
