"""The candidate rules: which spans of a text may be time expressions, and what each says.

A rule is a pattern, where to look for it (see ``scanner``) and a small handler that checks
the context of a match and records a candidate: a span, a kind the resolver knows, the
facts read from the text (month, day, offset, unit ...) and a rank that settles ties
between equally long candidates. ``RULES`` lists them in the order they run; the order is
part of the result, since among equal candidates the first one found wins.
"""

from __future__ import annotations

import re
from typing import Callable, NamedTuple, Optional

from .candidate import Cand, Candidates, Part
from .dates import valid_day
from .lexicon import (COUNT_NOUNS, DETERMINERS, HOLIDAY_WORDS, HOLIDAYS, LIST_CTX, MODS, MONTH_CTX,
                      MONTH_NAMES, NAME_MONTHS, NAMING_ADJECTIVES, NUMBER_NOUNS, ORDINALS, PARTS,
                      QUANT_MODS, SEASONS, SETS, TEENS, TENS, UNAMBIGUOUS_MONTHS, UNITS_WORDS,
                      WEEKDAYS, YEAR_CTX, duration_value, month_number, number_value, unit_key,
                      weekday_number)
from .patterns import (HOLIDAY_PREFIX, MON, RX_AGO, RX_CENTURY, RX_CURRENT, RX_DAYWORD, RX_DECADE, RX_DMY,
                       RX_DURATION, RX_DURATION_BARE, RX_DURATION_HALF, RX_FISCAL_REL, RX_OF_NOUN, RX_GENERIC_TODAY, RX_GENERIC_TODAY_BEFORE, RX_DATED_BETWEEN, RX_HOLIDAY, RX_IN_N, RX_ISO, RX_MDY,
                       RX_MONTH, RX_MONTH_RELYEAR, RX_MONTH_YEAR, RX_NEXT_WORD, RX_NOON, RX_QCODE,
                       RX_QUARTER, RX_REFSHIFT, RX_REFWORD, RX_RELUNIT, RX_REPORT_PERIOD, RX_SEASON,
                       RX_SEASON_YEAR, RX_SET, RX_SLASH, RX_SPOKEN_YEAR, RX_THE_WEEKEND, RX_TIME, RX_TIME24, RX_TIME_UTC4, RX_TIME24_STAMP, RX_STAMP_BEFORE, RX_UTC,
                       RX_WEEKDAY, RX_WEEKDAY_SET, RX_YEAR, RX_YEAR_AGO_ADJ, RX_YEAR_RANGE)
from .scanner import (TRIG_CLOCK, TRIG_DECADE, TRIG_DIGITS, TRIG_HALF, TRIG_MONTH, TRIG_QCODE, TRIG_SLASH, TRIG_UTC4,
                      UNIT_TRIGGERS, Around, Near, Scanner, TimeWords, WholeText)

# --------------------------------------------------------------------------- context checks

# The words after which a bare plural unit is a stretch of time: "for months", "within days",
# "may take years", "for the first time in years".
BARE_PLURAL_AFTER = frozenset({"for", "within", "after", "over", "take", "takes", "took", "taken", "taking",
                               "lasted", "lasting", "in"})

# A length of travel that places something is a distance: "a ten-minute drive from the port",
# "an hour's walk away" (not "a 16-hour flight", which lasted that long).
RX_TRAVEL_AFTER = re.compile(r"\s+(?:drive|walk|ride|train\s+ride|bus\s+ride|boat\s+ride|commute)\s+"
                             r"(?:from|away|north|south|east|west|outside|up|down)\b", re.I)
# A year that names a group or an edition rather than a time ("the 1986 squad", "a 2004 vintage").
RX_NAMED_BY_YEAR = re.compile(r"\s+(?:squad|team|side|roster|line-?up|vintage|model|edition|graduates|class\s+of)\b", re.I)
# "a second protest": "second" is the ordinal when a noun or an adjective follows.
RX_ORDINAL_SECOND = re.compile(r"[ \t]+(?!(?:later|earlier|ago|before|after|or|and|to|of|in|for|when|while|the|as|at|on|that|than|more|longer)\b)[a-z]")


def _words_before(text: str, pos: int, n: int = 1) -> list[str]:
    """The last ``n`` lower-cased words (or list punctuation) before ``pos``."""
    return [w.lower() for w in re.findall(r"[\w.]+-?|[,–—-]", text[max(0, pos - 40):pos])[-n:]]


def _mod_of(m: re.Match) -> Optional[str]:
    gd = m.groupdict()
    word = gd.get("modw") or gd.get("modp")
    if not word:
        return None
    key = re.sub(r"^the\s+|\s+of.*$", "", word.strip().lower(), flags=re.S)
    return MODS.get(key.rstrip("-"))


def _parse_day(token: str) -> int:
    digits = re.match(r"\d+", token)
    assert digits is not None  # a day token (patterns._DAY) starts with its digits
    return int(digits.group(0))


def _month_in_context(text: str, m: re.Match, token: str) -> bool:
    """Whether a bare month name is a date ("in May") rather than a verb or a name ("May said")."""
    if m.group("rel") or _mod_of(m):
        return True
    bare = token.rstrip(".")
    if token in NAME_MONTHS and re.match(r"\s+(?:said|says|told|who|has|had|is|was|will|and\s+[A-Z])\b",
                                         text[m.end():m.end() + 12]):
        return False
    if re.match(r"\s+[A-Z][a-z]", text[m.end():m.end() + 3]) and len(bare) <= 4 and bare not in ("May", "June", "July"):
        return False  # "Jan Kowalski"
    before = _words_before(text, m.start(), 1)
    if before and before[-1] in MONTH_CTX:
        return True
    if before and before[-1] in LIST_CTX:
        window = text[max(0, m.start() - 40):m.start()]
        if re.search(MON, window):
            return True
    full = bare in MONTH_NAMES or bare.capitalize() in MONTH_NAMES and bare.isupper()
    return full and month_number(bare) in UNAMBIGUOUS_MONTHS and not re.match(r"\s+(?:of|[A-Z])", text[m.end():m.end() + 3])


def _year_in_context(text: str, m: re.Match) -> bool:
    """Whether a four-digit number is a year ("in 2012", "2012's") rather than a count."""
    if _mod_of(m):
        return True
    before = _words_before(text, m.start("year"), 2)
    if before and before[-1].rstrip(".") in NUMBER_NOUNS:
        return False
    if text[max(0, m.start("year") - 1):m.start("year")] in ("$", "#", "£", "€", "-", "/", ".", ":"):
        return False
    following = RX_NEXT_WORD.match(text, m.end())
    if following and following.group(1).lower() in COUNT_NOUNS - {"to", "and", "or", "of"}:
        return False  # "2012 people", "in 1850 workers' homes"
    if before and (before[-1] in YEAR_CTX or before[-1] in ("of", "year")):
        return True
    after = text[m.end():m.end() + 3]
    if re.match(r"(?:[,.;:!?)\]\"”]|['’]s\b|$)", after):
        return True
    # An attributive year ("its 1990 invasion", "a 1996 law", "1989 operating results"): a modern
    # year after a determiner or before a word that is not a counted plural ("2012 people").
    year = int(m.group("year"))
    if not 1800 <= year <= 2099:
        return False
    if following is None:
        return False
    word = following.group(1)
    if word[0].isupper():
        return True  # "1990 BellSouth earnings", "the 2000 Olympics"
    if before and before[-1] in DETERMINERS:
        return word.lower() not in COUNT_NOUNS
    return not (word.endswith("s") and not word.endswith("ss")) and word.lower() not in COUNT_NOUNS


# --------------------------------------------------------------------------- the rules


def _month_day(m: re.Match, text: str, out: Candidates) -> None:
    """"March 3", "Tuesday, Dec. 15 and 16, 2016": one part per day, the year carried over the list."""
    mon = month_number(m.group("mon"))
    year = int(m.group("year")) if m.group("year") else None
    first_day = _parse_day(m.group("day"))
    if not valid_day(year, mon, first_day):
        return
    more = m.group("more") or ""
    tail = text[m.end():m.end() + 20]
    if more and not year and re.match(r"\s+[a-z]", tail) and not re.match(
            r"\s+(?:in|at|on|and|or|to|for|with|when|as|after|before|during|but|while|from|of|this|next|last)\b", tail):
        more = ""  # "March 3 and 4 others": the second number is not a day
    wd = weekday_number(m.group("wd")) if m.group("wd") else None
    start = m.start()
    first_end = m.end() if not m.group("more") else m.end("day")
    parts = [Part(start, first_end, "md", dict(month=mon, day=first_day, year=year, weekday=wd))]
    if more:
        base = m.start("more")
        days = list(re.finditer(r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?", more))
        for i, dm in enumerate(days):
            d = _parse_day(dm.group(0))
            if not valid_day(year, mon, d):
                break
            pend = base + dm.end()
            if i == len(days) - 1 and year:
                pend = m.end()  # ", 2016" belongs to the last day of the list
            parts.append(Part(base + dm.start(), pend, "md", dict(month=mon, day=d, year=year, carry=True)))
    out.append(Cand(start, parts[-1].end, parts, 1))


def _day_month(m: re.Match, text: str, out: Candidates) -> None:
    """"3 March 2014", "the 3rd of March" (not "6 May be")."""
    mon = month_number(m.group("mon"))
    year = int(m.group("year")) if m.group("year") else None
    day = _parse_day(m.group("day"))
    if not valid_day(year, mon, day):
        return
    if (not year and not re.search(r"st|nd|rd|th|of", m.group(0)) and m.group("mon") in ("May", "March")
            and not (_words_before(text, m.start())[-1:] and _words_before(text, m.start())[-1] in MONTH_CTX | {"on", "from", "and"}
                     and re.match(r"\s*(?:[,.;:!?)]|and\b|to\b|or\b|[-–]|$)", text[m.end():m.end() + 5]))):
        return  # "6 May be" is no date; "on 6 May," is
    wd = weekday_number(m.group("wd")) if m.group("wd") else None
    out.add(m.start(), m.end(), "md", 1, month=mon, day=day, year=year, weekday=wd)


def _iso_date(m: re.Match, text: str, out: Candidates) -> None:
    """"2013-11-01"."""
    y, mo, d = int(m.group("year")), int(m.group("mon")), int(m.group("day"))
    if valid_day(y, mo, d):
        out.add(m.start(), m.end(), "md", 0, month=mo, day=d, year=y)


def _slash_date(m: re.Match, text: str, out: Candidates) -> None:
    """"11/01/2013": month first unless it cannot be one."""
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    mo, d = (a, b) if a <= 12 else (b, a)  # US month/day/year unless the first cannot be a month
    if 1 <= mo <= 12 and valid_day(y, mo, d):
        out.add(m.start(), m.end(), "md", 0, month=mo, day=d, year=y)


def _month_year(m: re.Match, text: str, out: Candidates) -> None:
    """"March 2014", "early March 2014"."""
    out.add(m.start(), m.end(), "month", 2, month=month_number(m.group("mon")), year=int(m.group("year")),
            mod=_mod_of(m))


def _month(m: re.Match, text: str, out: Candidates) -> None:
    """"in March", "last March": a bare month that reads as a date."""
    token = m.group("mon")
    if re.match(r"\s*\d", text[m.end():m.end() + 3]) and not m.group("rel"):
        return  # a month followed by a number that is neither day nor year
    if not _month_in_context(text, m, token):
        return
    rel = (m.group("rel") or "").lower() or None
    out.add(m.start(), m.end(), "month", 3, month=month_number(token), year=None, mod=_mod_of(m), rel=rel)


def _year_range(m: re.Match, text: str, out: Candidates) -> None:
    """"2013-14", "2010 to 2012": one part per year."""
    y1 = int(m.group("y1"))
    y2s = m.group("y2")
    if len(y2s) == 2:
        if int(y2s) != (y1 + 1) % 100 or m.group("sep").strip() not in ("-", "–", "/"):
            return
        y2 = y1 - y1 % 100 + int(y2s) + (100 if int(y2s) < y1 % 100 else 0)
    else:
        y2 = int(y2s)
        if y2 <= y1 or y2 - y1 > 200:
            return
    if _words_before(text, m.start())[-1:] and _words_before(text, m.start())[-1].rstrip(".") in NUMBER_NOUNS:
        return
    out.append(Cand(m.start(), m.end(), [Part(m.start(), m.end("y1"), "year", dict(year=y1)),
                                         Part(m.start("y2"), m.end(), "year", dict(year=y2))], 2))


def _year(m: re.Match, text: str, out: Candidates) -> None:
    """"in 2012", "its 1990 invasion" (not "2012 people", "the 1986 squad")."""
    if not _year_in_context(text, m):
        return
    if not _mod_of(m) and RX_NAMED_BY_YEAR.match(text, m.end()):
        return  # "the 1986 squad", "a 2004 vintage": a year that names a thing
    out.add(m.start(), m.end(), "year", 4, year=int(m.group("year")), mod=_mod_of(m))


def _decade(m: re.Match, text: str, out: Candidates) -> None:
    """"the 1990s", "the '90s", "the 1900s" (a century)."""
    mod = MODS.get((m.group("modw") or "").lower())
    if m.group("full"):
        y = int(m.group("full"))
        if y % 100 == 0 and y < 2000:
            out.add(m.start(), m.end(), "century", 2, century=y // 100, mod=mod)
        else:
            out.add(m.start(), m.end(), "decade", 2, decade=y // 10, mod=mod)
    else:
        two = int(m.group("two") or m.group("bare"))
        out.add(m.start(), m.end(), "decade2", 2, two=two, mod=mod)


def _century(m: re.Match, text: str, out: Candidates) -> None:
    """"the 20th century", "the early nineteenth century"."""
    n = int(m.group("num")) if m.group("num") else ORDINALS[m.group("word").lower()]
    out.add(m.start(), m.end(), "century", 2, century=n - 1, mod=MODS.get((m.group("modw") or "").lower()))


def _season_year(m: re.Match, text: str, out: Candidates) -> None:
    """"spring 2014", "the summer of 2013"."""
    out.add(m.start(), m.end(), "season", 2, season=SEASONS[m.group("season").lower()], year=int(m.group("year")),
            mod=_mod_of(m))


def _season(m: re.Match, text: str, out: Candidates) -> None:
    """"last spring", "in the summer" (not "the fall of the Wall")."""
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower()) or None
    if rel == "the" and not _mod_of(m):
        if not _words_before(text, m.start()) or _words_before(text, m.start())[-1] not in (
                "in", "during", "by", "until", "till", "since", "before", "after", "through", "throughout",
                "for", "over", "into"):
            return
    if re.match(r"\s+of\b(?!\s+(?:1[6-9]|20)\d\d)", text[m.end():m.end() + 12]):
        return  # "the fall of the Berlin Wall"
    if not rel and not _mod_of(m) and m.group("season") == "fall":
        return
    if rel is not None:
        rel = {"the past": "last", "this past": "last", "the coming": "next",
               "this coming": "next", "the": None}.get(rel, rel)
    out.add(m.start(), m.end(), "season", 3, season=SEASONS[m.group("season").lower()], year=None,
            mod=_mod_of(m), rel=rel)


def _quarter(m: re.Match, text: str, out: Candidates) -> None:
    """"the first quarter", "the third quarter of 2013"."""
    q = ORDINALS.get(m.group("ord").lower()) or int(m.group("ord")[0])
    if q > 4:
        return
    year = int(m.group("year")) if m.group("year") else None
    rel = (m.group("rel") or m.group("prel") or "").lower() or ("this" if m.group("the") else None)
    out.add(m.start(), m.end(), "quarter", 2, quarter=q, year=year, yearrel=rel)


def _fiscal_relative(m: re.Match, text: str, out: Candidates) -> None:
    """"the current fiscal year" (the anchor's year), "last fiscal year", "next fiscal year"."""
    rel = re.sub(r"^the\s+|\s+", " ", m.group("rel").lower()).strip()
    offset = {"latest": -1, "last": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1, "new": 1}.get(rel, 0)
    out.add(m.start(), m.end(), "relunit", 2, unit="year", offset=offset, mod=None)


def _quarter_code(m: re.Match, text: str, out: Candidates) -> None:
    """"Q3 2013", "Q1'14", "in Q2"."""
    year = int(m.group("year")) if m.group("year") else (2000 + int(m.group("yy")) if m.group("yy") else None)
    if year is None and (not _words_before(text, m.start()) or _words_before(text, m.start())[-1] not in (
            "in", "the", "for", "during", "by", "until", "since")):
        return
    out.add(m.start(), m.end(), "quarter", 2, quarter=int(m.group("q")), year=year, yearrel=None)


def _weekday(m: re.Match, text: str, out: Candidates) -> None:
    """"Friday", "last Tuesday", "Friday evening"."""
    if not m.group("rel") and HOLIDAY_PREFIX.search(text[max(0, m.start() - 10):m.start()]):
        return
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower()) or None
    if rel is not None:
        rel = {"this past": "last", "past": "last", "this coming": "next", "coming": "next"}.get(rel, rel)
    out.add(m.start(), m.end(), "weekday", 3, weekday=weekday_number(m.group("wd")), rel=rel,
            part=PARTS.get(m.group("part") or ""), mod=MODS.get((m.group("modw") or "").lower()))


def _weekday_set(m: re.Match, text: str, out: Candidates) -> None:
    """"Mondays": every Monday."""
    out.add(m.start(), m.end(), "set", 3, value=f"XXXX-WXX-{weekday_number(m.group('wd')) + 1}")


def _generic_today(text: str, start: int) -> bool:
    """Whether "today" at ``start`` closes a general statement ("than is possible today")."""
    before = RX_GENERIC_TODAY_BEFORE.search(text, max(0, start - 50), start)
    return before is not None and not RX_DATED_BETWEEN.search(before.group("between") or "")


def _day_word(m: re.Match, text: str, out: Candidates) -> None:
    """"yesterday", "tonight", "this morning" (not "today's world")."""
    if m.group("word"):
        if m.group("word").lower() == "today" and RX_GENERIC_TODAY.match(text, m.end()):
            return  # "today's world", "today's youth": the present age, not a day
        if m.group("word").lower() == "today" and not m.group("part") and _generic_today(text, m.start()):
            out.add(m.start(), m.end(), "ref", 3, value="PRESENT_REF", needs=False)
            return
        offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[m.group("word").lower()]
        part = PARTS.get((m.group("part") or "").lower())
    elif m.group("around"):
        offset, part = (-2 if m.group("around").lower().startswith("before") else 2), None
    else:
        offset, part = (-1 if m.group("lastnight") else 0), None
    out.add(m.start(), m.end(), "dayword", 3, offset=offset, part=part)


def _relative_unit(m: re.Match, text: str, out: Candidates) -> None:
    """"last week", "next year", "earlier this month"."""
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    offset = {"last": -1, "the previous": -1, "this past": -1, "next": 1, "the coming": 1, "coming": 1,
              "this coming": 1}.get(rel, 0)
    if rel == "the" and not m.group("modp"):
        return
    if "coming" in rel and m.group("unit").lower() in ("decade", "century") and not m.group("modp"):
        return  # "the coming decade": the ten years ahead (P10Y), not the next calendar decade
    # "earlier this month": TimeML leaves "earlier" out of the expression
    start = m.start("rel") if m.group("ed") and not m.group("modp") else m.start()
    out.add(start, m.end(), "relunit", 2, unit=m.group("unit").lower(), offset=offset, mod=_mod_of(m))


def _reference_shift(m: re.Match, text: str, out: Candidates) -> None:
    """"the next day", "that week", "the day before"."""
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    if m.group("unit2"):
        unit, n = m.group("unit2").lower(), (-1 if m.group("dir2").lower() == "before" else 1)
    else:
        unit = (m.group("unit") or "").lower()
        if not unit:
            return
        if rel == "that" and unit not in ("day", "week", "month", "year", "morning", "afternoon", "evening", "night"):
            return
        n = {"the next": 1, "the following": 1, "the previous": -1, "the preceding": -1,
             "the prior": -1}.get(rel, 0)
    out.add(m.start(), m.end(), "shift", 3, n=n, unit=unit, base="ref")


def _month_relative_year(m: re.Match, text: str, out: Candidates) -> None:
    """"July last year"."""
    rel = m.group("rel").lower()
    out.add(m.start(), m.end(), "month_relyear", 2, month=month_number(m.group("mon")),
            offset={"last": -1, "this": 0, "next": 1}[rel])


def _the_weekend(m: re.Match, text: str, out: Candidates) -> None:
    """"over the weekend"."""
    out.add(m.start(), m.end(), "the_weekend", 3)


def _spoken_year(m: re.Match, text: str, out: Candidates) -> None:
    """"nineteen ninety-six", "two thousand and one" (not "two thousand people")."""
    if m.group("cent"):
        century = 1900 if m.group("cent").lower() == "nineteen" else 1800
        if m.group("tens"):
            year = century + TENS[m.group("tens").lower()] + UNITS_WORDS.get((m.group("unit") or "").lower(), 0)
        elif m.group("teen"):
            year = century + TEENS[m.group("teen").lower()]
        else:
            year = century
    else:
        unit2 = (m.group("unit2") or "").lower()
        year = 2000 + UNITS_WORDS.get(unit2, TEENS.get(unit2, 0))
    if not m.group(0).lower().startswith(("the year", "nineteen", "eighteen")) and year == 2000 \
            and not re.match(r"\s*[.,;:!?]|\s*$", text[m.end():m.end() + 2]):
        return  # "two thousand people": a number
    out.add(m.start(), m.end(), "year", 3, year=year)


def _holiday(m: re.Match, text: str, out: Candidates) -> None:
    """"Christmas", "Thanksgiving Day", "Easter"."""
    if m.group(0)[0].islower():
        return
    out.add(m.start(), m.end(), "holiday", 3, rule=HOLIDAYS[m.group(0).lower().replace("’", "'")])


def _report_period(m: re.Match, text: str, out: Candidates) -> None:
    """"the quarter", "the year-ago period" (earnings news)."""
    qual = re.sub(r"[-\s]+", " ", (m.group("qual") or "").lower())
    shift = {"year ago": -4, "year earlier": -4, "previous": -1, "prior": -1, "preceding": -1}.get(qual, 0)
    out.add(m.start(), m.end(), "report_period", 3, shift=shift, period=m.group("unit").lower() == "period")


def _year_ago_adjective(m: re.Match, text: str, out: Candidates) -> None:
    """"year-earlier" results."""
    out.add(m.start(), m.end(), "report_period", 3, shift=-4, adjective=True)


def _ago(m: re.Match, text: str, out: Candidates) -> None:
    """"two days ago", "three weeks later"; "ten years from now" is a duration and the present.

    A length that is only roughly known ("some two weeks later", "a few days later") names
    no date: it is the duration, without the direction word, as TimeML tags it. "from now"
    is two expressions in TimeML: the duration ("ten years", P10Y) and "now" (PRESENT_REF).
    """
    direction = re.sub(r"\s+", " ", m.group("dir").lower())
    n = number_value(m.group("num"))
    qmod = QUANT_MODS.get(re.sub(r"\s+", " ", (m.group("qmod") or "").strip().lower()))
    dur_start = m.start("qmod") if m.group("qmod") else m.start("num")
    if direction == "from now":
        now = m.end() - 3
        out.append(Cand(m.start(), m.end(), [
            Part(dur_start, m.end("unit"), "duration", dict(value=duration_value(n, m.group("unit")), mod=qmod)),
            Part(now, m.end(), "ref", dict(value="PRESENT_REF", needs=False))], 2))
        return
    if direction in ("later", "earlier", "before", "after") and (n is None or qmod == "APPROX"):
        out.add(dur_start, m.end("unit"), "duration", 2, value=duration_value(n, m.group("unit")), mod=qmod)
        return
    if n is None:
        value = "PAST_REF" if direction == "ago" else ("FUTURE_REF" if direction in ("from now", "hence") else None)
        out.add(m.start(), m.end(), "ref", 2, value=value, needs=direction not in ("ago", "from now", "hence"))
        return
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    base = "anchor" if direction in ("ago", "from now", "hence") else "ref"
    out.add(m.start(), m.end(), "shift", 2, n=sign * n, unit=unit_key(m.group("unit")), base=base, mod=qmod)


def _in_n(m: re.Match, text: str, out: Candidates) -> None:
    """"in two weeks": a date ahead, or a duration in a past sentence."""
    n = number_value(m.group("num"))
    if n is None or m.group(0).lower().startswith("within"):
        return
    qmod = QUANT_MODS.get(re.sub(r"\s+", " ", (m.group("qmod") or "").strip().lower()))
    out.add(m.start(), m.end(), "in_n", 3, n=n, unit=unit_key(m.group("unit")), mod=qmod,
            duration=duration_value(n, m.group("unit")), dur_start=m.start("qmod") if m.group("qmod") else m.start("num"))


def _duration(m: re.Match, text: str, out: Candidates) -> None:
    """"three years", "the past two weeks", "the two-hour talks"."""
    num = m.group("num")
    if num.lower() in ("a", "an") and m.group("sep").strip() == "-":
        return
    if re.fullmatch(r"\d+(?:\.\d+)?", num) and (m.group("sep").strip() == "" and len(num) == 4):
        return
    before = _words_before(text, m.start())
    if before and before[-1] in ("once", "twice", "times", "per", "every", "each"):
        return
    if before and before[-1] in ("aged", "age", "ages"):
        return  # "aged 18 months", "at age 3 years": an age, not a stretch of time
    if "-" in m.group("sep") and RX_TRAVEL_AFTER.match(text, m.end()):
        return  # "a ten-minute drive from the port": a distance
    if num.lower() in ("some",) and not m.group("the"):
        return
    if num.lower().startswith(("a half", "half")) and _words_before(text, m.start())[-1:] == ["and"]:
        return  # the end of "two and a half years" (another rule's, even after "aged")
    if num.lower() in ("a", "an") and unit_key(m.group("unit")) == "second" and RX_ORDINAL_SECOND.match(text, m.end()):
        return  # "a second protest": the ordinal
    n = number_value(num)
    qmod = QUANT_MODS.get(re.sub(r"\s+", " ", (m.group("qmod") or "").strip().lower()))
    start = m.start()
    if (m.group("the") or "").strip().lower() == "the" and "-" in m.group("sep"):
        start = m.start("qmod") if m.group("qmod") else m.start("num")  # "the two-hour talks"
    out.add(start, m.end(), "duration", 6, value=duration_value(n, m.group("unit")), mod=qmod)


def _half_duration(m: re.Match, text: str, out: Candidates) -> None:
    """"two and a half years" P2Y6M, "2 1/2 hours" PT2H30M, "half an hour" PT30M."""
    if m.group("unit_h"):
        n, unit = 0.0, m.group("unit_h")
    elif m.group("digits"):
        n, unit = float(m.group("digits")), m.group("unit_d")
    else:
        num = number_value(m.group("num") or m.group("num_after"))
        if num is None or not float(num).is_integer():
            return  # "a few and a half" is no count
        n, unit = num, m.group("unit") or m.group("unit_a")
    if _words_before(text, m.start())[-1:] in (["aged"], ["age"], ["ages"]):
        return
    qmod = QUANT_MODS.get(re.sub(r"\s+", " ", (m.group("qmod") or "").strip().lower()))
    out.add(m.start(), m.end(), "duration", 5, value=duration_value(n + 0.5, unit), mod=qmod)


def _bare_duration(m: re.Match, text: str, out: Candidates) -> None:
    """"the past year", "for months"."""
    if m.group("plural"):
        before = _words_before(text, m.start())
        word = before[-1] if before else ""
        if word not in BARE_PLURAL_AFTER and not (
                RX_OF_NOUN.match(text, m.end()) and word not in DETERMINERS and not word.endswith("-")
                and not word[:1].isdigit() and word not in ("many", "few", "several", "some", "those", "these",
                                                            "recent", "coming", "past")):
            return  # "opening hours", "the years of war", "two years of talks" (another rule's)
        out.add(m.start(), m.end(), "duration", 6, value=duration_value(None, m.group("plural")), mod=None)
    elif m.group("unit").lower() == "week" and re.match(r"the\s+(?:past|last)\b", m.group("the"), re.I):
        out.add(m.start(), m.end(), "past_week", 6)  # "in the past week": TimeML's calendar week
    else:
        out.add(m.start(), m.end(), "duration", 6, value=duration_value(1, m.group("unit")), mod=None)


def _set(m: re.Match, text: str, out: Candidates) -> None:
    """"every week", "twice a year", "weekly" (not "the annual meeting")."""
    if m.group("adj"):
        adj = m.group("adj").lower()
        if adj == "daily" and (_words_before(text, m.start())[-1:] == ["average"]
                               or re.match(r"\s+(?:[A-Z]|newspapers?\b)", text[m.end():m.end() + 12])):
            return  # "average daily volume", "the party daily Granma": no recurring time
        if adj in NAMING_ADJECTIVES and re.match(r"\s+[a-z]", text[m.end():m.end() + 2]):
            return  # "the annual meeting", "a quarterly dividend": a kind of thing, not a time
        out.add(m.start(), m.end(), "set", 4, value=SETS[adj])
    elif m.group("freq"):
        out.add(m.start(), m.end(), "set", 4, value=duration_value(1, m.group("funit")))
    else:
        unit = m.group("unit")
        if unit.lower() in [w.lower() for w in WEEKDAYS]:  # "every Sunday", "every sunday"
            value = f"XXXX-WXX-{weekday_number(unit) + 1}"
        elif unit.lower() in PARTS:
            value = f"XXXX-XX-XXT{PARTS[unit.lower()]}"
        elif unit.lower() == "weekend":
            value = "XXXX-WXX-WE"
        else:
            n = number_value(m.group("num")) if m.group("num") else 1
            if m.group("other"):
                n = 2
            value = duration_value(n, unit)
        out.add(m.start(), m.end(), "set", 4, value=value)


def _current(m: re.Match, text: str, out: Candidates) -> None:
    """"current market conditions": the present."""
    out.add(m.start(), m.end(), "ref", 6, value="PRESENT_REF", needs=False)


def _reference_word(m: re.Match, text: str, out: Candidates) -> None:
    """"now", "recently", "in the future", "in recent years"."""
    word = m.group(0).lower()
    if word == "soon" and re.match(r"\s+as\b", text[m.end():m.end() + 4]) or \
            word == "soon" and _words_before(text, m.start())[-1:] == ["as"]:
        return
    if word == "now" and (_words_before(text, m.start())[-1:] == ["from"]):
        return
    vague = re.match(r"recent\s+(days|weeks|months|years|decades)", word)
    if vague:  # "in recent years": a stretch of time of unknown length (TimeML's PXY)
        code = {"days": "D", "weeks": "W", "months": "M", "years": "Y", "decades": "DE"}[vague.group(1)]
        out.add(m.start(), m.end(), "duration", 5, value="PX" + code)
        return
    kind = "PRESENT_REF" if m.group("present") else ("PAST_REF" if m.group("past") else "FUTURE_REF")
    out.add(m.start(), m.end(), "ref", 5, value=kind, needs=False)


def _clock_12h(m: re.Match, text: str, out: Candidates) -> None:
    """"8:30 a.m.", "10 p.m. EST"."""
    h, mi = int(m.group("h")), int(m.group("m") or 0)
    if h > 12 or h == 0:
        return
    pm = m.group("ampm").lower().startswith("p")
    h = (h % 12) + (12 if pm else 0)
    out.add(m.start(), m.end(), "time", 2, clock=f"{h:02d}:{mi:02d}", utc=bool(RX_UTC.search(m.group(0))))


def _clock_24h(m: re.Match, text: str, out: Candidates) -> None:
    """"14:30 GMT", "0800 hours", "1200 GMT" (a time in GMT or UTC is written with Z)."""
    out.add(m.start(), m.end(), "time", 3, clock=f"{int(m.group('h')):02d}:{m.group('m')}",
            utc=bool(RX_UTC.search(m.group(0))))


def _clock_stamp(m: re.Match, text: str, out: Candidates) -> None:
    """"March 12, 2013 02:03": a 24-hour clock that follows a full date with its year."""
    if RX_STAMP_BEFORE.search(text, max(0, m.start() - 30), m.start()):
        out.add(m.start(), m.end(), "time", 4, clock=f"{int(m.group('h')):02d}:{m.group('m')}", utc=False)


def _clock_utc4(m: re.Match, text: str, out: Candidates) -> None:
    """"3 p.m. (1200 GMT)": a wire story's universal time, in four digits after the local one."""
    out.add(m.start(), m.end(), "time", 3, clock=f"{m.group('h')}:{m.group('m')}", utc=True)


def _noon(m: re.Match, text: str, out: Candidates) -> None:
    """"at noon", "before midnight"."""
    if _words_before(text, m.start())[-1:] not in (["at"], ["by"], ["until"], ["till"], ["before"], ["after"], ["around"]):
        return
    out.add(m.start(), m.end(), "time", 3, clock="24:00" if m.group("w").lower() == "midnight" else "12:00")


class Rule(NamedTuple):
    """A pattern, where to run it, the handler that turns each match into candidates, and
    lower-case words one of which every match holds (a window without any is not searched)."""

    pattern: re.Pattern
    near: Near
    handler: Callable[[re.Match, str, Candidates], None]
    needles: tuple[str, ...] = ()


# Where the rules look (see ``scanner``): every pattern built on a unit holds a unit word, and
# so on; a rare pattern runs over the whole text when a word of it is there at all.
_ANY_WORD = TimeWords()
_UNITS = TimeWords(UNIT_TRIGGERS)
_SET_WORDS = TimeWords((*UNIT_TRIGGERS, "morning", "evening", "night", "daily", "nightly", "quarter", "annual",
                        "biennial"))
_SEASON_WORDS = TimeWords(("spring", "summer", "autumn", "fall", "winter"))
_RELATIVE_UNITS = TimeWords(("week", "month", "year", "quarter", "decade", "centur"))
_NOON_WORDS = TimeWords(("noon", "midday", "midnight"))
_CENTURY_WORD = TimeWords(("centur",))
_QUARTER_WORD = TimeWords(("quarter",))
_DAY_WORD = TimeWords(("day",))
_SPOKEN_NUMBERS = WholeText(("nineteen", "eighteen"), re.compile(r"two\s+thousand"))
_HOLIDAY_NAMES = WholeText(HOLIDAY_WORDS, starts=True)  # "Christmas Eve", "Good Friday" ...
_FISCAL = WholeText(("fiscal",))
# Words that every match of a pattern holds, lower-cased ("Mondays" holds "days", "tonight" and
# "last night" hold "night"; ``test_scanner`` checks each on random text).
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAYWORD_NEEDLES = ("yesterday", "today", "tomorrow", "night", "morning", "afternoon", "evening")
_REFWORD_NEEDLES = ("now", "current", "present", "days", "recent", "lately", "past", "ago", "soon", "future", "coming")
_SET_NEEDLES = ("every", "each", "once", "twice", "times", "daily", "nightly", "weekly", "monthly", "quarterly",
                "yearly", "annual", "biennial", "hourly")

RULES: tuple[Rule, ...] = (
    Rule(RX_MDY, TRIG_MONTH, _month_day),
    Rule(RX_DMY, TRIG_MONTH, _day_month),
    Rule(RX_ISO, TRIG_DIGITS, _iso_date, ("-0", "-1")),
    Rule(RX_SLASH, TRIG_SLASH, _slash_date),
    Rule(RX_MONTH_YEAR, TRIG_MONTH, _month_year),
    Rule(RX_MONTH, TRIG_MONTH, _month),
    Rule(RX_YEAR_RANGE, TRIG_DIGITS, _year_range),
    Rule(RX_YEAR, TRIG_DIGITS, _year),
    Rule(RX_DECADE, TRIG_DECADE, _decade),
    Rule(RX_CENTURY, _CENTURY_WORD, _century),
    Rule(RX_SEASON_YEAR, _SEASON_WORDS, _season_year),
    Rule(RX_SEASON, _SEASON_WORDS, _season),
    Rule(RX_QUARTER, _QUARTER_WORD, _quarter),
    Rule(RX_QCODE, TRIG_QCODE, _quarter_code),
    Rule(RX_FISCAL_REL, _FISCAL, _fiscal_relative),
    Rule(RX_WEEKDAY, _DAY_WORD, _weekday, _WEEKDAY_NAMES),
    Rule(RX_WEEKDAY_SET, _DAY_WORD, _weekday_set, ("days",)),
    Rule(RX_DAYWORD, _ANY_WORD, _day_word, _DAYWORD_NEEDLES),
    Rule(RX_RELUNIT, _RELATIVE_UNITS, _relative_unit),
    Rule(RX_REFSHIFT, _ANY_WORD, _reference_shift),
    Rule(RX_MONTH_RELYEAR, TRIG_MONTH, _month_relative_year, ("year",)),
    Rule(RX_THE_WEEKEND, _ANY_WORD, _the_weekend, ("weekend",)),
    Rule(RX_SPOKEN_YEAR, _SPOKEN_NUMBERS, _spoken_year),
    Rule(RX_HOLIDAY, _HOLIDAY_NAMES, _holiday),
    Rule(RX_REPORT_PERIOD, _ANY_WORD, _report_period, ("quarter", "period")),
    Rule(RX_YEAR_AGO_ADJ, _ANY_WORD, _year_ago_adjective, ("ago", "earlier")),
    Rule(RX_AGO, _UNITS, _ago),
    Rule(RX_IN_N, _UNITS, _in_n, ("in",)),
    Rule(RX_DURATION, _UNITS, _duration),
    Rule(RX_DURATION_BARE, _UNITS, _bare_duration),
    Rule(RX_DURATION_HALF, Around(TRIG_HALF, 40, 14), _half_duration),
    Rule(RX_SET, _SET_WORDS, _set, _SET_NEEDLES),
    Rule(RX_CURRENT, _ANY_WORD, _current, ("current",)),
    Rule(RX_REFWORD, _ANY_WORD, _reference_word, _REFWORD_NEEDLES),
    Rule(RX_TIME, TRIG_CLOCK, _clock_12h),
    Rule(RX_TIME24, TRIG_CLOCK, _clock_24h),
    Rule(RX_TIME_UTC4, TRIG_UTC4, _clock_utc4),
    Rule(RX_TIME24_STAMP, TRIG_CLOCK, _clock_stamp, (":",)),
    Rule(RX_NOON, _NOON_WORDS, _noon),
)


def candidates(text: str) -> list[Cand]:
    """Every candidate of ``text``, rule by rule in the order of ``RULES``."""
    out = Candidates()
    scan = Scanner(text)
    for rule in RULES:
        for m in scan.matches(rule.pattern, rule.near, rule.needles):
            rule.handler(m, text, out)
    return out
