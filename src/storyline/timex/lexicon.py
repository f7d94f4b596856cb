"""The words of English time expressions and what they stand for.

Month, weekday, season, part-of-day and number words, units, modifiers, holidays and the
context words the rules test, with the small readers that turn a word into its value. Kept
apart so that the patterns, the candidate rules and the resolver share one vocabulary.
"""

from __future__ import annotations

import re
from typing import Optional

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
MONTH_ABBR = ["Sept", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
UNAMBIGUOUS_MONTHS = {1, 2, 9, 10, 11, 12}  # full names that are rarely anything else
NAME_MONTHS = {"May", "June", "April", "August", "MAY", "JUNE", "APRIL", "AUGUST"}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAY_ABBR = ["Tues", "Thurs", "Thur", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # 13/14 = next Jan/Feb
SEASON_CODES = tuple(SEASON_MONTHS)  # the season codes of TIMEX3 values ("2022-SP")
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
            "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
            "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "final": 4}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
           "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
           "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
           "hundred": 100, "a hundred": 100, "a dozen": 12, "dozen": 12, "half a": 0.5, "a half": 0.5,
           "a couple of": 2, "a couple": 2, "couple of": 2}
VAGUE = {"a few", "few", "several", "many", "some", "a number of", "dozens of", "hundreds of"}
UNITS = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "F",
         "month": "M", "year": "Y", "decade": "DE", "century": "CE", "centurie": "CE"}
TIME_UNITS = {"second", "minute", "hour"}
MODS = {"early": "START", "beginning": "START", "start": "START", "mid": "MID", "middle": "MID",
        "late": "END", "end": "END", "close": "END"}
QUANT_MODS = {"about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
              "nearly": "APPROX", "almost": "APPROX", "some": "APPROX", "more than": "MORE_THAN",
              "less than": "LESS_THAN", "fewer than": "LESS_THAN", "at least": "EQUAL_OR_MORE",
              "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS"}
SETS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "fortnightly": "P2W",
        "monthly": "P1M", "quarterly": "P3M", "yearly": "P1Y", "annually": "P1Y", "annual": "P1Y",
        "biennial": "P2Y", "hourly": "PT1H", "semiannual": "P6M"}


MONTH_CTX = {"in", "since", "until", "till", "by", "last", "next", "this", "early", "late", "mid", "during",
             "from", "before", "after", "between", "through", "throughout", "of", "around", "into",
             "for", "that", "mid-"}
LIST_CTX = {"and", "or", "to", "through", "-", "–", "—", ","}
YEAR_CTX = {"in", "since", "by", "until", "till", "of", "from", "during", "before", "after", "through",
            "throughout", "between", "to", "and", "or", "early", "late", "mid", "fiscal", "the", "around",
            "circa", "for", "year", "spring", "summer", "autumn", "fall", "winter", "mid-", "into", "c."}
NUMBER_NOUNS = {"article", "section", "no", "number", "flight", "room", "route", "resolution", "rule",
                "chapter", "model", "boeing", "airbus", "highway", "interstate", "paragraph", "item",
                "page", "p", "pp", "vol", "issue", "gate", "platform", "line", "unit", "apollo", "code",
                "id", "bus", "psalm", "exit", "suite", "box", "channel", "windows", "version"}
ED_NOT_PAST = {"need", "feed", "seed", "speed", "shed", "bed", "red", "hundred", "indeed", "proceed", "exceed",
               "succeed", "breed", "greed", "weed", "deed", "united", "limited", "armed", "interested",
               "concerned", "related", "based", "detailed", "advanced", "experienced", "talented", "sacred",
               "naked", "wicked", "aged", "skilled", "embed", "bred", "unprecedented", "unexpected",
               "expected", "scheduled", "planned", "sled", "wed", "fled", "led", "biased", "renowned",
               "preferred"}
NAMING_ADJECTIVES = {"annual", "quarterly", "biennial", "semiannual", "semi-annual"}
TENS = {"ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
UNITS_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
# Holidays with a fixed rule; the year is chosen like a month's.
HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
            "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
            "valentine's day": (2, 14), "independence day": (7, 4), "boxing day": (12, 26),
            "thanksgiving day": ("nth", 11, 3, 4), "thanksgiving": ("nth", 11, 3, 4),
            "labor day": ("nth", 9, 0, 1), "memorial day": ("last", 5, 0), "easter sunday": ("easter",),
            "easter": ("easter",), "good friday": ("easter", -2), "easter monday": ("easter", 1)}
HOLIDAY_WORDS = ("christmas", "new year", "halloween", "valentine", "independence day", "boxing day",
                 "thanksgiving", "labor day", "memorial day", "easter", "good friday")
AUXILIARIES = {"was", "were", "had", "did"}
DETERMINERS = {"a", "an", "the", "its", "his", "her", "their", "our", "my", "your", "this", "that", "whose"}
COUNT_NOUNS = {"people", "persons", "troops", "soldiers", "members", "votes", "units", "times", "dollars",
               "euros", "yen", "pounds", "feet", "metres", "meters", "miles", "kilometres", "kilometers",
               "tons", "tonnes", "barrels", "shares", "acres", "points", "percent", "per", "cases",
               "deaths", "jobs", "workers", "employees", "students", "children", "homes", "cars", "to", "and",
               "or", "of", "million", "billion", "thousand", "hundred"}


def month_number(token: str) -> int:
    key = token.rstrip(".").lower()[:3]
    return ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].index(key) + 1


def weekday_number(token: str) -> int:
    key = token.rstrip(".").lower()[:2]
    return ["mo", "tu", "we", "th", "fr", "sa", "su"].index(key)


def number_value(token: str) -> Optional[float]:
    """The value of a number word or numeral; None for vague amounts ("several")."""
    t = re.sub(r"\s+", " ", token.lower())
    if t in VAGUE:
        return None
    if t in NUMBERS:
        return NUMBERS[t]
    m = re.fullmatch(r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](\w+)", t)
    if m:
        return NUMBERS[m.group(1)] + NUMBERS[m.group(2)]
    return float(t)


def _fmt_num(n: Optional[float]) -> str:
    if n is None:
        return "X"
    return str(int(n)) if float(n).is_integer() else str(n)


def unit_key(unit: str) -> str:
    u = unit.lower()
    if u.endswith("ies"):
        return "century"
    return u[:-1] if u.endswith("s") and u[:-1] in UNITS else u


# A counted decade or century is a number of years, as TimeML writes it ("the coming decade"
# P10Y, "two centuries" P200Y); an uncounted one keeps its own unit ("decades" PXDE).
YEARS_IN = {"decade": 10, "century": 100}
# Half of a unit in the next smaller one, so that "two and a half years" is P2Y6M and "an hour
# and a half" PT1H30M as TimeML writes them (a half week or month keeps a decimal: P1.5W).
HALF_OF = {"year": (6, "M"), "day": (12, "H"), "hour": (30, "M"), "minute": (30, "S")}


def duration_value(n: Optional[float], unit: str) -> str:
    u = unit_key(unit)
    if u == "fortnight":
        return f"P{_fmt_num(None if n is None else n * 2)}W"
    if n is not None and u in YEARS_IN:
        return f"P{_fmt_num(n * YEARS_IN[u])}Y"
    if n is not None and not float(n).is_integer() and float(n * 2).is_integer() and u in HALF_OF:
        whole, (half, smaller) = int(n), HALF_OF[u]
        head = f"{whole}{UNITS[u]}" if whole else ""
        if u in TIME_UNITS or u == "day":  # days then hours: P2DT12H
            return f"P{head}T{half}{smaller}" if u == "day" else f"PT{head}{half}{smaller}"
        return f"P{head}{half}{smaller}"
    if u in TIME_UNITS:
        return f"PT{_fmt_num(n)}{UNITS[u]}"
    return f"P{_fmt_num(n)}{UNITS[u]}"


def compound_duration(first: str, second: str) -> Optional[str]:
    """One value for "two hours and 51 minutes" (PT2H51M), "three years and two months"
    (P3Y2M): None unless both are counted and the second unit is smaller than the first."""
    order = "YMWDHmS"  # years ... days, then hours, minutes (m), seconds of the time part

    def parts(value: str) -> Optional[list[tuple[str, str]]]:
        time = "T" in value
        found = re.findall(r"(\d+(?:\.\d+)?)([A-Z])", value.replace("T", ""))
        if not found or "X" in value:
            return None
        return [(num, "m" if time and code == "M" else code) for num, code in found]

    a, b = parts(first), parts(second)
    if a is None or b is None or order.index(a[-1][1]) >= order.index(b[0][1]):
        return None
    date = "".join(f"{n}{c}" for n, c in a + b if c in "YMWD")
    time = "".join(f"{n}{c.upper()}" for n, c in a + b if c in "HmS")
    return "P" + date + ("T" + time if time else "")
