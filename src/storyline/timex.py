"""Find and normalise the time expressions of an English news text (TIMEX3 values).

Hand-written rules in the HeidelTime/SUTime tradition, because the alternatives fail the
timeline: dateparser guesses freely on news prose (it reads "May" in "Japan may raise"
or a bare "2012 people" as dates, fills missing years from the machine's clock), knows
nothing about tense ("met Tuesday" vs "will meet Tuesday") and returns no TIMEX3 values,
granularities or spans; HeidelTime gets this right but needs a Java runtime and takes
seconds per call. This module is pure stdlib, compiles its patterns once and tags a
5 kB article in a few milliseconds.

``find_mentions(text, anchor)`` returns non-overlapping ``TimeMention``s sorted by start,
each with ``text == input[start:end]``. ``anchor`` is the publication date; relative
expressions are resolved against it (or, for "the next day", "two days later", against
the last date named earlier in the same paragraph) and ``mention.anchor`` records the
date used. Without an anchor, anything that would need one keeps its span, type and
granularity but gets ``value=None``: no year is ever guessed.

Value conventions (TIMEX3, with the deliberate differences marked *):

* days "2013-11-01", months "2013-11", years "2013", decades "199" (the 1990s),
  centuries "19" (the 20th century), seasons "2014-SP" (SP/SU/FA/WI), quarters
  "2014-Q1", ISO weeks "2013-W44", weekends "2013-W44-WE".
* * A winter belongs to the year in which it starts: Jan 2014 lies in "2013-WI".
* "now", "currently" -> PRESENT_REF; "recently", "in the past" -> PAST_REF;
  "soon", "in the future" -> FUTURE_REF (granularity None).
* "early/mid/late X", "the beginning/middle/end of X" -> mod START/MID/END on X's value;
  "about/nearly ..." -> APPROX, "more than" -> MORE_THAN, "less than" -> LESS_THAN,
  "at least" -> EQUAL_OR_MORE, "at most/up to" -> EQUAL_OR_LESS.
* * "N weeks ago" / "in N weeks" -> the day N*7 days away with mod APPROX (granularity
  "day"), not TimeML's ISO week: a news "two weeks ago" points at a day, roughly.
  Days/months/years/decades ago keep their own granularity ("three years ago" -> "2010").
* * "today", "tonight", "this morning", "last night" -> the day (DATE, granularity day);
  a named day with a part of day ("Friday evening", "yesterday morning") -> TIME
  "2013-11-01TEV" (MO/AF/EV/NI) as in TimeML; clock times -> TIME "2013-11-01T08:30"
  (time zone dropped), on the nearest day named in the same sentence, else the anchor.
* Durations: "P3Y", "P2W", "PT2H", "P1DE" (decade), "P1CE" (century); vague amounts use
  X ("several years", "in recent years" -> "PXY"). "30-year-old" is an age, not a duration.
* Earnings news: "the quarter", "the latest quarter/period" are the last quarter named in
  the document (else the last one finished); "a year ago", "year-earlier" and "the year-ago
  quarter" in such a report are that quarter a year before, as TimeBank annotates them.
* Attributive years count ("its 1990 invasion", "a 1996 law"); "2012 people" does not.
  Years read out ("nineteen ninety-six"), holidays ("Thanksgiving Day", "Easter"),
  "July last year", "over the weekend" and "10 p.m. Wednesday" (one TIME) are recognized.
* "annual", "quarterly" before a noun ("the annual meeting") name a kind of thing and are
  not tagged (as in TimeBank); "annually", "every year" are SETs.
* Sets: "every week"/"weekly" -> "P1W", "annual" -> "P1Y", "every Monday" -> "XXXX-WXX-1".
* * "Dec. 15 and 16", "Dec. 15-16", "2013-14", "between 2010 and 2012": one mention per
  date (the later ones carry month/year over), never one range value. The second span of
  "Dec. 15 and 16" is "16"; a trailing year goes with the last day ("16, 2016").

Year choice for an expression without a year ("March 20", "in January", "in the spring",
"the first quarter", "Friday"): tense of the sentence around it decides. Future cues
(will, scheduled, plans to, ahead of, next ...) pick the next occurrence that is not over
yet, past cues (ed-verbs, was/were, ago, since ...) the latest one already begun (a day
date may lie up to three days after the anchor). Without a cue weekdays default to the
past (news reports what happened, including on the anchor day itself), other dates to
the nearest occurrence. A member of a list or range ("late January or February") is
placed on or after the member before it.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from .model import TimeMention

__all__ = ["find_mentions"]

SLACK_DAYS = 3  # a past-tense "March 20" may lie this many days after the anchor (and vice versa)

# --------------------------------------------------------------------------- lexicon

_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"]
_MONTH_ABBR = ["Sept", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_UNAMBIGUOUS_MONTHS = {1, 2, 9, 10, 11, 12}  # full names that are rarely anything else
_NAME_MONTHS = {"May", "June", "April", "August", "MAY", "JUNE", "APRIL", "AUGUST"}
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_WEEKDAY_ABBR = ["Tues", "Thurs", "Thur", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # 13/14 = next Jan/Feb
SEASON_CODES = tuple(_SEASON_MONTHS)  # the season codes of TIMEX3 values ("2022-SP")
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
             "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
             "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "final": 4}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
            "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
            "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
            "hundred": 100, "a hundred": 100, "a dozen": 12, "dozen": 12, "half a": 0.5, "a half": 0.5,
            "a couple of": 2, "a couple": 2, "couple of": 2}
_VAGUE = {"a few", "few", "several", "many", "some", "a number of", "dozens of", "hundreds of"}
_UNITS = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "F",
          "month": "M", "year": "Y", "decade": "DE", "century": "CE", "centurie": "CE"}
_TIME_UNITS = {"second", "minute", "hour"}
_MODS = {"early": "START", "beginning": "START", "start": "START", "mid": "MID", "middle": "MID",
         "late": "END", "end": "END", "close": "END"}
_QUANT_MODS = {"about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
               "nearly": "APPROX", "almost": "APPROX", "some": "APPROX", "more than": "MORE_THAN",
               "less than": "LESS_THAN", "fewer than": "LESS_THAN", "at least": "EQUAL_OR_MORE",
               "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS"}
_SETS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "fortnightly": "P2W",
         "monthly": "P1M", "quarterly": "P3M", "yearly": "P1Y", "annually": "P1Y", "annual": "P1Y",
         "biennial": "P2Y", "hourly": "PT1H", "semiannual": "P6M"}


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _both(word: str) -> list[str]:
    return [word, word.upper()]


_MON = "(?:" + "|".join(
    [rf"{n}\b" for w in _MONTH_NAMES for n in _both(w)]
    + [rf"{a}(?:\.|\b)" for w in _MONTH_ABBR for a in _both(w)]) + ")"
_WD = "(?:" + "|".join(rf"{n}\b" for w in _WEEKDAYS for n in _both(w)) + ")"
_WD_ANY = "(?:" + "|".join([rf"{n}\b" for w in _WEEKDAYS for n in _both(w)]
                           + [rf"{a}(?:\.|\b)" for w in _WEEKDAY_ABBR for a in _both(w)]) + ")"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)(?!\d)"
_UNIT = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|century|centurie)s?"
_NUMWORD = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|" + _alt(
    [k for k in _NUMBERS] + list(_VAGUE)).replace(r"\ ", r"\s+") + ")"
_NUM = rf"(?:\d+(?:\.\d+)?|{_NUMWORD})"
_QMOD = "(?:" + _alt(_QUANT_MODS).replace(r"\ ", r"\s+") + r")\s+"
# "early", "mid-", "the end of" ... in front of a month, year, season, decade or relative unit
_MODP = r"(?:(?P<modw>(?i:early|late|mid))(?:-|\s+)|(?P<modp>(?i:the\s+)?(?i:beginning|start|end|middle|close)\s+of\s+(?:the\s+)?))?"
_TZ = r"(?:\s+\(?(?:[ECMP][SD]T|GMT|UTC|BST|CES?T|JST|MSK|IST|ET|PT|CT|local\s+time)\)?(?![\w]))?"

_MONTH_CTX = {"in", "since", "until", "till", "by", "last", "next", "this", "early", "late", "mid", "during",
              "from", "before", "after", "between", "through", "throughout", "of", "around", "into",
              "for", "that", "mid-"}
_LIST_CTX = {"and", "or", "to", "through", "-", "–", "—", ","}
_YEAR_CTX = {"in", "since", "by", "until", "till", "of", "from", "during", "before", "after", "through",
             "throughout", "between", "to", "and", "or", "early", "late", "mid", "fiscal", "the", "around",
             "circa", "for", "year", "spring", "summer", "autumn", "fall", "winter", "mid-", "into", "c."}
_NUMBER_NOUNS = {"article", "section", "no", "number", "flight", "room", "route", "resolution", "rule",
                 "chapter", "model", "boeing", "airbus", "highway", "interstate", "paragraph", "item",
                 "page", "p", "pp", "vol", "issue", "gate", "platform", "line", "unit", "apollo", "code",
                 "id", "bus", "psalm", "exit", "suite", "box", "channel", "windows", "version"}
_HOLIDAY_PREFIX = re.compile(r"(?:Good|Black|Cyber|Ash|Holy|Palm|Easter|Super|Maundy|Bloody)\s+$")
_ED_NOT_PAST = {"need", "feed", "seed", "speed", "shed", "bed", "red", "hundred", "indeed", "proceed", "exceed",
                "succeed", "breed", "greed", "weed", "deed", "united", "limited", "armed", "interested",
                "concerned", "related", "based", "detailed", "advanced", "experienced", "talented", "sacred",
                "naked", "wicked", "aged", "skilled", "embed", "bred", "unprecedented", "unexpected",
                "expected", "scheduled", "planned", "sled", "wed", "fled", "led", "biased", "renowned"}

# --------------------------------------------------------------------------- patterns

_C = re.compile
_RX_MDY = _C(rf"(?:\b(?P<wd>{_WD_ANY})(?:[ \t]*,)?\s+)?\b(?P<mon>{_MON})\s*(?P<day>{_DAY})"
             rf"(?P<more>(?:\s*(?:-|–|—|&|\band\b|\bor\b|\bto\b|\bthrough\b)\s*(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:]))*)"
             rf"(?:(?:[ \t]*,)?\s+(?:of\s+)?(?P<year>{_YEAR}))?")
_RX_DMY = _C(rf"(?:(?P<wd>{_WD_ANY})(?:[ \t]*,)?\s+)?(?:(?i:the)\s+)?(?P<day>{_DAY})\s+(?:of\s+)?(?P<mon>{_MON})(?:(?:[ \t]*,)?\s+(?P<year>{_YEAR}))?")
_RX_ISO = _C(r"(?<![\w/.-])(?P<year>1[6-9]\d\d|20\d\d)-(?P<mon>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\d-])")
_RX_SLASH = _C(r"(?<![\w/.-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>1[6-9]\d\d|20\d\d)(?![\d/])")
_RX_MONTH_YEAR = _C(rf"\b{_MODP}(?P<mon>{_MON})(?:[ \t]*,)?\s+(?:of\s+)?(?P<year>{_YEAR})")
_RX_MONTH = _C(rf"\b{_MODP}(?:(?P<rel>(?i:last|next|this))\s+)?(?P<mon>{_MON})")
_RX_YEAR = _C(rf"(?:\b{_MODP}|(?<![\w$€£¥#.,/:'’–-]))(?P<year>{_YEAR})(?![\w%/]|[.,:]\d|[-–]\d)")
_RX_YEAR_RANGE = _C(rf"(?<![\w$€£¥#.,/:'’–-])(?P<y1>{_YEAR})(?P<sep>\s*(?:-|–|—|/)\s*|\s+(?:to|and|or|through|until)\s+)(?P<y2>{_YEAR}|\d\d)(?![\w%/-]|[.,]\d)")
_RX_DECADE = _C(r"(?:\b(?i:the)\s+)?(?:(?P<modw>(?i:early|late|mid))(?:-|\s+))?(?:(?<!\d)(?P<full>1[0-9]\d0|20\d0)s|['’](?P<two>\d0)s|(?<=\bthe\s)(?P<bare>[2-9]0)s)\b")
_RX_CENTURY = _C(rf"(?:\b(?i:the)\s+)?(?:(?P<modw>(?i:early|late|mid))(?:-|\s+))?(?:(?P<num>\d{{1,2}})(?:st|nd|rd|th)|(?P<word>(?i:{_alt(k for k in _ORDINALS if k != 'final')})))[\s-]+(?i:century)\b")
_RX_SEASON_YEAR = _C(rf"\b{_MODP}(?:(?i:the)\s+)?(?P<season>(?i:spring|summer|autumn|fall|winter)),?\s+(?:of\s+)?(?P<year>{_YEAR})")
_RX_SEASON = _C(rf"\b{_MODP}(?:(?P<rel>(?i:last|this|next|the\s+coming|the\s+past|this\s+past|this\s+coming|the))|(?<=\bin\s)|(?<=\bduring\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bsince\s)|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\bthrough\s))\s*(?P<season>spring|summer|autumn|fall|winter)\b")
_RX_QUARTER = _C(rf"(?:\b(?i:the)\s+|\b(?P<prel>(?i:this|last|next))\s+(?i:year)['’]s\s+)?\b(?P<ord>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))[\s-]+(?i:quarter)\b(?:\s+of\s+(?:(?P<year>{_YEAR})|(?P<rel>(?i:this|last|next))\s+year|(?P<the>the\s+year)))?")
_RX_QCODE = _C(rf"\bQ(?P<q>[1-4])(?:\s+(?P<year>{_YEAR})|['’](?P<yy>\d\d))?\b")
_RX_WEEKDAY = _C(rf"\b(?:(?P<modw>(?i:early|late))\s+)?(?:(?P<rel>(?i:last|next|this|this\s+past|this\s+coming|coming|past))\s+)?(?P<wd>{_WD})(?:\s+(?P<part>morning|afternoon|evening|night))?")
_RX_WEEKDAY_SET = _C(r"\b(?P<wd>Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays)\b")
_RX_DAYWORD = _C(r"\b(?:(?P<word>yesterday|today|tomorrow)(?:\s+(?P<part>morning|afternoon|evening|night))?|(?P<tonight>tonight)|this\s+(?P<this>morning|afternoon|evening)|(?P<lastnight>last\s+night)|the\s+day\s+(?P<around>before\s+yesterday|after\s+tomorrow))\b", re.I)
_RX_RELUNIT = _C(rf"\b{_MODP}(?:(?P<ed>(?i:earlier|later))\s+)?(?P<rel>(?i:last|this|next|the\s+coming|the\s+current|this\s+coming|this\s+past|coming|the\s+previous(?=\s+(?:week|month|year)\s+(?!of)))|(?<=\bof\s)the)\s+(?P<unit>(?i:week|weekend|month|year|quarter|decade|century))\b(?!\s+of\b|-)")
_RX_REFSHIFT = _C(r"\b(?P<rel>the\s+(?:next|following|previous|preceding|prior|same)|that|the\s+(?P<unit2>day|week|month|year)\s+(?P<dir2>before|after)(?=\s*[.,;:!?)\"”]|\s*$))(?:\s+(?P<unit>day|morning|afternoon|evening|night|week|weekend|month|year))?\b", re.I)
# The reporting period of earnings news: "the quarter", "the latest period", "the year-ago quarter".
_RX_REPORT_PERIOD = _C(r"\b(?:the|that)\s+(?:(?P<qual>latest|most\s+recent|just[-\s]ended|same|comparable|year[-\s]ago"
                       r"|year[-\s]earlier|previous|prior|preceding)\s+)?(?P<unit>quarter|period)\b(?!\s+of\b|-)", re.I)
_RX_YEAR_AGO_ADJ = _C(r"\byear[-\s](?:ago|earlier)\b(?!\s+(?:quarter|period)\b)", re.I)
_NAMING_ADJECTIVES = {"annual", "quarterly", "biennial", "semiannual", "semi-annual"}
# "current market conditions": the present (TimeML tags the adjective), not a "current account"
_RX_CURRENT = _C(r"\b(?i:current)\b(?=[ \t]+[a-z])(?![ \t]+(?:accounts?|affairs|events|of|and|or|flows?|is|was|from|through)\b)")
_RX_MONTH_RELYEAR = _C(rf"\b(?P<mon>{_MON})\.?\s+(?:of\s+)?(?P<rel>(?i:last|this|next))\s+(?i:year)\b")
_RX_THE_WEEKEND = _C(r"\b(?:the|this\s+past)\s+weekend\b(?!\s+(?:of|before|after)\b)", re.I)
_TENS = {"ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_UNITS_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
# Years read out in broadcast transcripts: "nineteen ninety-six", "two thousand (and) one".
_RX_SPOKEN_YEAR = _C(r"\b(?:the\s+year\s+)?(?:(?P<cent>nineteen|eighteen)[\s-]+(?:(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?P<unit>one|two|three|four|five|six|seven|eight|nine))?|(?P<teen>ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|hundred)"
                     r"|two\s+thousand(?:\s+(?:and\s+)?(?P<unit2>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?)\b", re.I)
# Holidays with a fixed rule; the year is chosen like a month's.
_HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
             "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
             "valentine's day": (2, 14), "independence day": (7, 4), "boxing day": (12, 26),
             "thanksgiving day": ("nth", 11, 3, 4), "thanksgiving": ("nth", 11, 3, 4),
             "labor day": ("nth", 9, 0, 1), "memorial day": ("last", 5, 0), "easter sunday": ("easter",),
             "easter": ("easter",), "good friday": ("easter", -2), "easter monday": ("easter", 1)}
_HOLIDAY_WORDS = ("christmas", "new year", "halloween", "valentine", "independence day", "boxing day",
                  "thanksgiving", "labor day", "memorial day", "easter", "good friday")
_RX_HOLIDAY = _C(r"\b(?:" + "|".join(sorted((re.escape(h).replace("'", "['’]") for h in _HOLIDAYS),
                                             key=len, reverse=True)) + r")\b", re.I)
_RX_GENERIC_TODAY = _C(r"['’]s\s+(?:world|society|youth|young|children|kids|generation|economy|standards|terms"
                       r"|dollars|technology|culture|politics|computers|media|families|women|men|people)\b", re.I)
_RX_AGO = _C(rf"\b(?P<qmod>{_QMOD})?(?P<num>{_NUM})[\s-]+(?P<unit>{_UNIT})\s+(?P<dir>ago|earlier|later|before(?=\s*[.,;:!?)\"”]|\s*$)|after(?=\s*[.,;:!?)\"”]|\s*$)|from\s+now|hence|on(?=\s*[.,;:!?]))\b", re.I)
_RX_IN_N = _C(rf"\b(?:in|within)\s+(?P<qmod>{_QMOD})?(?P<num>{_NUM})\s+(?P<unit>{_UNIT})(?!\s+(?:ago|later|earlier|of|old)\b)\b", re.I)
_RX_DURATION = _C(rf"\b(?P<the>(?:the\s+)?(?:past|last|next|coming|first)\s+|the\s+)?(?P<qmod>{_QMOD})?(?P<num>{_NUM})(?P<sep>[\s-]+)(?P<unit>{_UNIT})\b(?![-\s]*(?:old|olds)\b)", re.I)
_RX_DURATION_BARE = _C(r"(?:\b(?P<the>the\s+(?:past|last|next|coming)\s+)(?P<unit>week|month|year|decade|century|fortnight)\b(?!\s+of\b)|(?<=\bfor\s)(?P<plural>hours|days|weeks|months|years|decades|centuries)\b)", re.I)
_RX_SET = _C(rf"\b(?:(?P<every>every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<num>{_NUM})\s+)?(?P<unit>{_UNIT}|morning|evening|night|weekend|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?P<freq>once|twice|(?:{_NUM})\s+times)\s+(?:a|an|per|each|every)\s+(?P<funit>{_UNIT})|(?P<adj>{_alt(_SETS)}))\b", re.I)
_RX_TIME = _C(rf"(?<![\w.:])(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s*(?P<ampm>[aApP]\.[mM]\.|[aApP][mM]\b|[aApP]\.[mM]\b){_TZ}")
_RX_TIME24 = _C(r"(?<![\w.:])(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?P<tz>\s+(?:[ECMP][SD]T|GMT|UTC|BST|CES?T|JST|MSK|IST|local\s+time|hours|hrs)\b)")
_RX_NOON = _C(r"\b(?P<w>noon|midday|midnight)\b", re.I)
_RX_REFWORD = _C(r"\b(?:(?P<present>now|currently|nowadays|at\s+present|these\s+days)|(?P<past>recently|lately|recent\s+(?:days|weeks|months|years|decades)|(?<=\bin\s)the\s+past|(?:days|weeks|months|years|decades)\s+ago)|(?P<future>soon|(?<=\bin\s)the\s+(?:near\s+|foreseeable\s+|distant\s+)?future|(?:the\s+)?coming\s+(?:days|weeks|months|years|decades)))\b", re.I)

_RX_CUES = _C(r"""\b(?:
  (?P<fut>will|shall|must|should|might|(?-i:may)|won['’]t|\w+['’]ll|payable|(?:has|have|needs?)\s+to|(?:is|are|am|was|were|'s|’s)\s+(?:to|due)|scheduled|slated|plans?\s+to|planning
    |expects?|set\s+to|hopes?|upcoming|forthcoming|next|ahead\s+of|going\s+to|coming|tomorrow
    |(?:agreed?|decided?|promised?|vowed?|pledged?|wants?|hopes?|intends?|aims?
       |seeks?|sought|offered|prepares?|prepared|preparing|agree)\s+to
    |due\s+to\s+(?:be|begin|start|meet|arrive|take|hold|visit|open|close|return|leave|sign|vote|end|resume
       |announce|release|travel|appear|testify|speak|face|report))
  |(?P<would>would|'d|’d)
  |(?P<plan>(?:planned|hoped|expected|wanted|intended|aimed|meant|supposed)(?:\s+to)?)
  |(?P<report>said|told|says|according)
  |(?P<past>ago|earlier|last|since|previously|yesterday|was|were|had|did|met|began|begun|held|came|went|took|made
    |gave|left|saw|spoke|sat|won|lost|fell|rose|became|sent|brought|ran|paid|kept|found|got|struck|broke|chose
    |drew|drove|flew|grew|heard|knew|meant|sold|stood|taught|threw|wrote|[a-z]{2,}ed)
)\b""", re.I | re.X)
_AUXILIARIES = {"was", "were", "had", "did"}
_RX_DETERMINER_BEFORE = _C(r"\b(?:the|a|an|its|their|his|her|our|this|that|these|those|some|any|no|each)\s+$", re.I)
_RX_FOR_DAY = _C(r"\bfor\s+$")
_RX_POSSESSIVE = _C(r"['’]s\b")
_RX_BE_BEFORE = _C(r"\b(?:be|being)\s+$", re.I)


def _passive_participle(text: str, start: int, end: int) -> bool:
    """A participle after "be" ("will be held", "would be rationed"), which says nothing about time."""
    return bool(_RX_BE_BEFORE.search(text, max(0, start - 8), start))


_RX_SENT_END = _C(r"[.!?…][\"'”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])|\n")
_ABBREV_BEFORE_DOT = _C(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Prof|No|Jr|Sr|Inc|Corp|Co|vs|Ave|Mt|Ft"
                        r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)"
                        r"|\b[A-Z]|\b[A-Z]\.[A-Z]|\b[a-z]\.[a-z])$")
_RX_PARAGRAPH = _C(r"\n\s*\n")
_RX_LINK = _C(r"\s*(?:,\s*)?(?:(?:and|or|to|through|until|till|into|then)\b|[-–—/&])?\s*", re.I)

# Most patterns start with optional words, which defeats the regex engine's fast scan for a
# first character. They are therefore only run in windows around cheap trigger hits (a
# month name, four digits, a time word): every match contains its trigger.
_TRIG_MONTH = _C(_MON)
_TRIG_DIGITS = _C(r"(?:1[6-9]|20)\d\d")
_TRIG_DECADE = _C(r"\d0s\b")
_TRIG_SLASH = _C(r"\d/\d")
_TRIG_CLOCK = _C(r"\d\s*[aApP]\.?[mM]|\d[:.]\d\d")
_TRIG_QCODE = _C(r"Q[1-4]")
_TRIG_WORDS = ("second|minute|hour|period|day|week|fortnight|month|year|decade|centur|daily|nightly|annual|biennial|"
               "quarter|morning|afternoon|evening|night|now|current|present|recent|lately|past|soon|future|"
               "coming|ago|spring|summer|autumn|fall|winter|noon|midday|midnight|tomorrow")
_UNIT_TRIGGERS = ("second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "centur")
_TRIG_WORDS_LOW = _C(_TRIG_WORDS)
_TRIG_WORDS_ANY = _C(_TRIG_WORDS, re.I)


class _Scanner:
    """Runs patterns over a text, only in windows around trigger hits."""

    def __init__(self, text: str):
        self.text = text
        low = text.lower()
        self.words = [m.span() for m in (_TRIG_WORDS_LOW.finditer(low) if len(low) == len(text)
                                         else _TRIG_WORDS_ANY.finditer(text))]
        self.word_keys = [text[s:e].lower() for s, e in self.words]  # what each hit says, once

    def hits(self, trigger: re.Pattern) -> list[tuple[int, int]]:
        return [m.span() for m in trigger.finditer(self.text)]

    def words_among(self, *words: str) -> list[tuple[int, int]]:
        """The trigger-word hits that are one of ``words``: patterns that always hold one of
        them (a season, "century") then scan far less text than around every time word."""
        return [span for span, key in zip(self.words, self.word_keys) if key in words]

    def scan(self, rx: re.Pattern, hits: list[tuple[int, int]], before: int = 45, after: int = 45):
        """Matches of ``rx`` that overlap a hit, found in merged windows around the hits."""
        n = len(self.text)
        windows: list[list[int]] = []
        for s, e in hits:
            lo, hi = max(0, s - before), min(n, e + after)
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], hi)
            else:
                windows.append([lo, hi])
        starts = [s for s, _ in hits]
        for lo, hi in windows:
            for m in rx.finditer(self.text, lo, hi):
                i = bisect.bisect_left(starts, m.end())  # hits do not overlap: the last one before
                if i and hits[i - 1][1] > m.start():     # the match's end reaches furthest
                    yield m


# --------------------------------------------------------------------------- small helpers


def _month_number(token: str) -> int:
    key = token.rstrip(".").lower()[:3]
    return ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].index(key) + 1


def _weekday_number(token: str) -> int:
    key = token.rstrip(".").lower()[:2]
    return ["mo", "tu", "we", "th", "fr", "sa", "su"].index(key)


def _number(token: str) -> Optional[float]:
    """The value of a number word or numeral; None for vague amounts ("several")."""
    t = re.sub(r"\s+", " ", token.lower())
    if t in _VAGUE:
        return None
    if t in _NUMBERS:
        return _NUMBERS[t]
    m = re.fullmatch(r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](\w+)", t)
    if m:
        return _NUMBERS[m.group(1)] + _NUMBERS[m.group(2)]
    return float(t)


def _fmt_num(n: Optional[float]) -> str:
    if n is None:
        return "X"
    return str(int(n)) if float(n).is_integer() else str(n)


def _unit_key(unit: str) -> str:
    u = unit.lower()
    if u.endswith("ies"):
        return "century"
    return u[:-1] if u.endswith("s") and u[:-1] in _UNITS else u


def _duration_value(n: Optional[float], unit: str) -> str:
    u = _unit_key(unit)
    if u == "fortnight":
        return f"P{_fmt_num(None if n is None else n * 2)}W"
    if u in _TIME_UNITS:
        return f"PT{_fmt_num(n)}{_UNITS[u]}"
    return f"P{_fmt_num(n)}{_UNITS[u]}"


def _words_before(text: str, pos: int, n: int = 1) -> list[str]:
    """The last ``n`` lower-cased words (or list punctuation) before ``pos``."""
    return [w.lower() for w in re.findall(r"[\w.]+-?|[,–—-]", text[max(0, pos - 40):pos])[-n:]]


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def season_span(y: int, code: str) -> tuple[dt.date, dt.date]:
    """First and last day of the season ``code`` ("SP", "SU", "FA", "WI") of year ``y`` (a
    winter runs into the next year)."""
    first, last = _SEASON_MONTHS[code]
    ly, lm = _add_months(y, 1, last - 1)
    return dt.date(y, first, 1), dt.date(ly, lm, _last_day(ly, lm))


def _season_of(d: dt.date) -> tuple[int, str]:
    if d.month in (1, 2):
        return d.year - 1, "WI"
    return d.year, next(c for c, (a, b) in _SEASON_MONTHS.items() if a <= d.month <= b)


def _pick(cands: list[tuple[object, dt.date, dt.date]], anchor: dt.date, mode: str,
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


# --------------------------------------------------------------------------- candidates


@dataclass
class _Part:
    start: int
    end: int
    kind: str
    data: dict


@dataclass
class _Cand:
    start: int
    end: int
    parts: list[_Part]
    rank: int  # lower wins between equally long candidates


def _mod_of(m: re.Match) -> Optional[str]:
    gd = m.groupdict()
    word = gd.get("modw") or gd.get("modp")
    if not word:
        return None
    key = re.sub(r"^the\s+|\s+of.*$", "", word.strip().lower(), flags=re.S)
    return _MODS.get(key.rstrip("-"))


def _valid_day(y: Optional[int], mon: int, day: int) -> bool:
    return 1 <= day <= _last_day(y if y else 2000, mon)


def _parse_day(token: str) -> int:
    return int(re.match(r"\d+", token).group(0))


def _candidates(text: str) -> list[_Cand]:
    out: list[_Cand] = []
    scan = _Scanner(text)
    months, digits, words = scan.hits(_TRIG_MONTH), scan.hits(_TRIG_DIGITS), scan.words
    clocks = scan.hits(_TRIG_CLOCK)
    units = scan.words_among(*_UNIT_TRIGGERS)  # every match of a pattern built on _UNIT holds one
    set_words = scan.words_among(*_UNIT_TRIGGERS, "morning", "evening", "night", "daily", "nightly", "quarter",
                                 "annual", "biennial")

    def add(start, end, kind, rank=5, **data):
        out.append(_Cand(start, end, [_Part(start, end, kind, data)], rank))

    # --- full and partial calendar dates
    for m in scan.scan(_RX_MDY, months):
        mon = _month_number(m.group("mon"))
        year = int(m.group("year")) if m.group("year") else None
        first_day = _parse_day(m.group("day"))
        if not _valid_day(year, mon, first_day):
            continue
        more = m.group("more") or ""
        tail = text[m.end():m.end() + 20]
        if more and not year and re.match(r"\s+[a-z]", tail) and not re.match(
                r"\s+(?:in|at|on|and|or|to|for|with|when|as|after|before|during|but|while|from|of|this|next|last)\b", tail):
            more = ""  # "March 3 and 4 others": the second number is not a day
        wd = _weekday_number(m.group("wd")) if m.group("wd") else None
        start = m.start()
        first_end = m.end() if not m.group("more") else m.end("day")
        parts = [_Part(start, first_end, "md", dict(month=mon, day=first_day, year=year, weekday=wd))]
        if more:
            base = m.start("more")
            days = list(re.finditer(r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?", more))
            for i, dm in enumerate(days):
                d = _parse_day(dm.group(0))
                if not _valid_day(year, mon, d):
                    break
                pend = base + dm.end()
                if i == len(days) - 1 and year:
                    pend = m.end()  # ", 2016" belongs to the last day of the list
                parts.append(_Part(base + dm.start(), pend, "md", dict(month=mon, day=d, year=year, carry=True)))
        out.append(_Cand(start, parts[-1].end, parts, 1))
    for m in scan.scan(_RX_DMY, months):
        mon = _month_number(m.group("mon"))
        year = int(m.group("year")) if m.group("year") else None
        day = _parse_day(m.group("day"))
        if not _valid_day(year, mon, day):
            continue
        if (not year and not re.search(r"st|nd|rd|th|of", m.group(0)) and m.group("mon") in ("May", "March")
                and not (_words_before(text, m.start())[-1:] and _words_before(text, m.start())[-1] in _MONTH_CTX | {"on", "from", "and"}
                         and re.match(r"\s*(?:[,.;:!?)]|and\b|to\b|or\b|[-–]|$)", text[m.end():m.end() + 5]))):
            continue  # "6 May be" is no date; "on 6 May," is
        wd = _weekday_number(m.group("wd")) if m.group("wd") else None
        add(m.start(), m.end(), "md", 1, month=mon, day=day, year=year, weekday=wd)
    for m in scan.scan(_RX_ISO, digits):
        y, mo, d = int(m.group("year")), int(m.group("mon")), int(m.group("day"))
        if _valid_day(y, mo, d):
            add(m.start(), m.end(), "md", 0, month=mo, day=d, year=y)
    for m in scan.scan(_RX_SLASH, scan.hits(_TRIG_SLASH)):
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("year"))
        mo, d = (a, b) if a <= 12 else (b, a)  # US month/day/year unless the first cannot be a month
        if 1 <= mo <= 12 and _valid_day(y, mo, d):
            add(m.start(), m.end(), "md", 0, month=mo, day=d, year=y)
    for m in scan.scan(_RX_MONTH_YEAR, months):
        add(m.start(), m.end(), "month", 2, month=_month_number(m.group("mon")), year=int(m.group("year")),
            mod=_mod_of(m))
    for m in scan.scan(_RX_MONTH, months):
        token = m.group("mon")
        if re.match(r"\s*\d", text[m.end():m.end() + 3]) and not m.group("rel"):
            continue  # a month followed by a number that is neither day nor year
        if not _month_in_context(text, m, token):
            continue
        rel = (m.group("rel") or "").lower() or None
        add(m.start(), m.end(), "month", 3, month=_month_number(token), year=None, mod=_mod_of(m), rel=rel)
    # --- years, decades, centuries
    for m in scan.scan(_RX_YEAR_RANGE, digits):
        y1 = int(m.group("y1"))
        y2s = m.group("y2")
        if len(y2s) == 2:
            if int(y2s) != (y1 + 1) % 100 or m.group("sep").strip() not in ("-", "–", "/"):
                continue
            y2 = y1 - y1 % 100 + int(y2s) + (100 if int(y2s) < y1 % 100 else 0)
        else:
            y2 = int(y2s)
            if y2 <= y1 or y2 - y1 > 200:
                continue
        if _words_before(text, m.start())[-1:] and _words_before(text, m.start())[-1].rstrip(".") in _NUMBER_NOUNS:
            continue
        out.append(_Cand(m.start(), m.end(), [_Part(m.start(), m.end("y1"), "year", dict(year=y1)),
                                              _Part(m.start("y2"), m.end(), "year", dict(year=y2))], 2))
    for m in scan.scan(_RX_YEAR, digits):
        if not _year_in_context(text, m):
            continue
        add(m.start(), m.end(), "year", 4, year=int(m.group("year")), mod=_mod_of(m))
    for m in scan.scan(_RX_DECADE, scan.hits(_TRIG_DECADE)):
        mod = _MODS.get((m.group("modw") or "").lower())
        if m.group("full"):
            y = int(m.group("full"))
            if y % 100 == 0 and y < 2000:
                add(m.start(), m.end(), "century", 2, century=y // 100, mod=mod)
            else:
                add(m.start(), m.end(), "decade", 2, decade=y // 10, mod=mod)
        else:
            two = int(m.group("two") or m.group("bare"))
            add(m.start(), m.end(), "decade2", 2, two=two, mod=mod)
    for m in scan.scan(_RX_CENTURY, scan.words_among("centur")):
        n = int(m.group("num")) if m.group("num") else _ORDINALS[m.group("word").lower()]
        add(m.start(), m.end(), "century", 2, century=n - 1, mod=_MODS.get((m.group("modw") or "").lower()))
    # --- seasons and quarters
    seasons = scan.words_among("spring", "summer", "autumn", "fall", "winter")
    for m in scan.scan(_RX_SEASON_YEAR, seasons):
        add(m.start(), m.end(), "season", 2, season=_SEASONS[m.group("season").lower()], year=int(m.group("year")),
            mod=_mod_of(m))
    for m in scan.scan(_RX_SEASON, seasons):
        rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower()) or None
        if rel == "the" and not _mod_of(m):
            if not _words_before(text, m.start()) or _words_before(text, m.start())[-1] not in (
                    "in", "during", "by", "until", "till", "since", "before", "after", "through", "throughout",
                    "for", "over", "into"):
                continue
        if re.match(r"\s+of\b(?!\s+(?:1[6-9]|20)\d\d)", text[m.end():m.end() + 12]):
            continue  # "the fall of the Berlin Wall"
        if not rel and not _mod_of(m) and m.group("season") == "fall":
            continue
        add(m.start(), m.end(), "season", 3, season=_SEASONS[m.group("season").lower()], year=None,
            mod=_mod_of(m), rel={"the past": "last", "this past": "last", "the coming": "next",
                                 "this coming": "next", "the": None}.get(rel, rel))
    for m in scan.scan(_RX_QUARTER, scan.words_among("quarter")):
        q = _ORDINALS.get(m.group("ord").lower()) or int(m.group("ord")[0])
        if q > 4:
            continue
        year = int(m.group("year")) if m.group("year") else None
        rel = (m.group("rel") or m.group("prel") or "").lower() or ("this" if m.group("the") else None)
        add(m.start(), m.end(), "quarter", 2, quarter=q, year=year, yearrel=rel)
    for m in scan.scan(_RX_QCODE, scan.hits(_TRIG_QCODE)):
        year = int(m.group("year")) if m.group("year") else (2000 + int(m.group("yy")) if m.group("yy") else None)
        if year is None and (not _words_before(text, m.start()) or _words_before(text, m.start())[-1] not in (
                "in", "the", "for", "during", "by", "until", "since")):
            continue
        add(m.start(), m.end(), "quarter", 2, quarter=int(m.group("q")), year=year, yearrel=None)
    # --- weekdays and named days
    day_words = scan.words_among("day")
    for m in scan.scan(_RX_WEEKDAY, day_words):
        if not m.group("rel") and _HOLIDAY_PREFIX.search(text[max(0, m.start() - 10):m.start()]):
            continue
        rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower()) or None
        rel = {"this past": "last", "past": "last", "this coming": "next", "coming": "next"}.get(rel, rel)
        add(m.start(), m.end(), "weekday", 3, weekday=_weekday_number(m.group("wd")), rel=rel,
            part=_PARTS.get(m.group("part") or ""), mod=_MODS.get((m.group("modw") or "").lower()))
    for m in scan.scan(_RX_WEEKDAY_SET, day_words):
        add(m.start(), m.end(), "set", 3, value=f"XXXX-WXX-{_weekday_number(m.group('wd')) + 1}")
    for m in scan.scan(_RX_DAYWORD, words):
        if m.group("word"):
            if m.group("word").lower() == "today" and _RX_GENERIC_TODAY.match(text, m.end()):
                continue  # "today's world", "today's youth": the present age, not a day
            offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[m.group("word").lower()]
            part = _PARTS.get((m.group("part") or "").lower())
        elif m.group("around"):
            offset, part = (-2 if m.group("around").lower().startswith("before") else 2), None
        else:
            offset, part = (-1 if m.group("lastnight") else 0), None
        add(m.start(), m.end(), "dayword", 3, offset=offset, part=part)
    # --- relative units and shifts
    for m in scan.scan(_RX_RELUNIT, scan.words_among("week", "month", "year", "quarter", "decade", "centur")):
        rel = re.sub(r"\s+", " ", m.group("rel").lower())
        offset = {"last": -1, "the previous": -1, "this past": -1, "next": 1, "the coming": 1, "coming": 1,
                  "this coming": 1}.get(rel, 0)
        if rel == "the" and not m.group("modp"):
            continue
        # "earlier this month": TimeML leaves "earlier" out of the expression
        start = m.start("rel") if m.group("ed") and not m.group("modp") else m.start()
        add(start, m.end(), "relunit", 2, unit=m.group("unit").lower(), offset=offset, mod=_mod_of(m))
    for m in scan.scan(_RX_REFSHIFT, words):
        rel = re.sub(r"\s+", " ", m.group("rel").lower())
        if m.group("unit2"):
            unit, n = m.group("unit2").lower(), (-1 if m.group("dir2").lower() == "before" else 1)
        else:
            unit = (m.group("unit") or "").lower()
            if not unit:
                continue
            if rel == "that" and unit not in ("day", "week", "month", "year", "morning", "afternoon", "evening", "night"):
                continue
            n = {"the next": 1, "the following": 1, "the previous": -1, "the preceding": -1,
                 "the prior": -1}.get(rel, 0)
        add(m.start(), m.end(), "shift", 3, n=n, unit=unit, base="ref")
    for m in scan.scan(_RX_MONTH_RELYEAR, months):
        rel = m.group("rel").lower()
        add(m.start(), m.end(), "month_relyear", 2, month=_month_number(m.group("mon")),
            offset={"last": -1, "this": 0, "next": 1}[rel])
    for m in scan.scan(_RX_THE_WEEKEND, words):
        add(m.start(), m.end(), "the_weekend", 3)
    low = text.lower()
    spoken = ("nineteen" in low or "eighteen" in low or "thousand" in low)
    for m in (_RX_SPOKEN_YEAR.finditer(text) if spoken else ()):
        if m.group("cent"):
            century = 1900 if m.group("cent").lower() == "nineteen" else 1800
            if m.group("tens"):
                year = century + _TENS[m.group("tens").lower()] + _UNITS_WORDS.get((m.group("unit") or "").lower(), 0)
            elif m.group("teen"):
                year = century + _TEENS[m.group("teen").lower()]
            else:
                year = century
        else:
            unit2 = (m.group("unit2") or "").lower()
            year = 2000 + _UNITS_WORDS.get(unit2, _TEENS.get(unit2, 0))
        if not m.group(0).lower().startswith(("the year", "nineteen", "eighteen")) and year == 2000 \
                and not re.match(r"\s*[.,;:!?]|\s*$", text[m.end():m.end() + 2]):
            continue  # "two thousand people": a number
        add(m.start(), m.end(), "year", 3, year=year)
    holiday = any(word in low for word in _HOLIDAY_WORDS)
    for m in (_RX_HOLIDAY.finditer(text) if holiday else ()):
        if m.group(0)[0].islower():
            continue
        add(m.start(), m.end(), "holiday", 3, rule=_HOLIDAYS[m.group(0).lower().replace("’", "'")])
    for m in scan.scan(_RX_REPORT_PERIOD, words):
        qual = re.sub(r"[-\s]+", " ", (m.group("qual") or "").lower())
        shift = {"year ago": -4, "year earlier": -4, "previous": -1, "prior": -1, "preceding": -1}.get(qual, 0)
        add(m.start(), m.end(), "report_period", 3, shift=shift, period=m.group("unit").lower() == "period")
    for m in scan.scan(_RX_YEAR_AGO_ADJ, words):
        add(m.start(), m.end(), "report_period", 3, shift=-4, adjective=True)
    for m in scan.scan(_RX_AGO, units):
        direction = m.group("dir").lower()
        n = _number(m.group("num"))
        qmod = _QUANT_MODS.get(re.sub(r"\s+", " ", (m.group("qmod") or "").strip().lower()))
        if n is None:
            value = "PAST_REF" if direction == "ago" else ("FUTURE_REF" if direction in ("from now", "hence") else None)
            add(m.start(), m.end(), "ref", 2, value=value, needs=direction not in ("ago", "from now", "hence"))
            continue
        sign = -1 if direction in ("ago", "earlier", "before") else 1
        base = "anchor" if direction in ("ago", "from now", "hence") else "ref"
        add(m.start(), m.end(), "shift", 2, n=sign * n, unit=_unit_key(m.group("unit")), base=base, mod=qmod)
    for m in scan.scan(_RX_IN_N, units):
        n = _number(m.group("num"))
        if n is None or m.group(0).lower().startswith("within"):
            continue
        qmod = _QUANT_MODS.get(re.sub(r"\s+", " ", (m.group("qmod") or "").strip().lower()))
        add(m.start(), m.end(), "in_n", 3, n=n, unit=_unit_key(m.group("unit")), mod=qmod,
            duration=_duration_value(n, m.group("unit")), dur_start=m.start("qmod") if m.group("qmod") else m.start("num"))
    # --- durations, sets, references to past/present/future
    for m in scan.scan(_RX_DURATION, units):
        num = m.group("num")
        if num.lower() in ("a", "an") and m.group("sep").strip() == "-":
            continue
        if re.fullmatch(r"\d+(?:\.\d+)?", num) and (m.group("sep").strip() == "" and len(num) == 4):
            continue
        before = _words_before(text, m.start())
        if before and before[-1] in ("once", "twice", "times", "per", "every", "each"):
            continue
        if num.lower() in ("some",) and not m.group("the"):
            continue
        n = _number(num)
        qmod = _QUANT_MODS.get(re.sub(r"\s+", " ", (m.group("qmod") or "").strip().lower()))
        start = m.start()
        if (m.group("the") or "").strip().lower() == "the" and "-" in m.group("sep"):
            start = m.start("qmod") if m.group("qmod") else m.start("num")  # "the two-hour talks"
        add(start, m.end(), "duration", 6, value=_duration_value(n, m.group("unit")), mod=qmod)
    for m in scan.scan(_RX_DURATION_BARE, units):
        if m.group("plural"):
            add(m.start(), m.end(), "duration", 6, value=_duration_value(None, m.group("plural")), mod=None)
        else:
            add(m.start(), m.end(), "duration", 6, value=_duration_value(1, m.group("unit")), mod=None)
    for m in scan.scan(_RX_SET, set_words):
        if m.group("adj"):
            adj = m.group("adj").lower()
            if adj == "daily" and (_words_before(text, m.start())[-1:] == ["average"]
                                   or re.match(r"\s+(?:[A-Z]|newspapers?\b)", text[m.end():m.end() + 12])):
                continue  # "average daily volume", "the party daily Granma": no recurring time
            if adj in _NAMING_ADJECTIVES and re.match(r"\s+[a-z]", text[m.end():m.end() + 2]):
                continue  # "the annual meeting", "a quarterly dividend": a kind of thing, not a time
            add(m.start(), m.end(), "set", 4, value=_SETS[adj])
        elif m.group("freq"):
            add(m.start(), m.end(), "set", 4, value=_duration_value(1, m.group("funit")))
        else:
            unit = m.group("unit")
            if unit[0].isupper() and unit.lower() in [w.lower() for w in _WEEKDAYS]:
                value = f"XXXX-WXX-{_weekday_number(unit) + 1}"
            elif unit.lower() in _PARTS:
                value = f"XXXX-XX-XXT{_PARTS[unit.lower()]}"
            elif unit.lower() == "weekend":
                value = "XXXX-WXX-WE"
            else:
                n = _number(m.group("num")) if m.group("num") else 1
                if m.group("other"):
                    n = 2
                value = _duration_value(n, unit)
            add(m.start(), m.end(), "set", 4, value=value)
    for m in scan.scan(_RX_CURRENT, words):
        add(m.start(), m.end(), "ref", 6, value="PRESENT_REF", needs=False)
    for m in scan.scan(_RX_REFWORD, words):
        word = m.group(0).lower()
        if word == "soon" and re.match(r"\s+as\b", text[m.end():m.end() + 4]) or \
                word == "soon" and _words_before(text, m.start())[-1:] == ["as"]:
            continue
        if word == "now" and (_words_before(text, m.start())[-1:] == ["from"]):
            continue
        vague = re.match(r"recent\s+(days|weeks|months|years|decades)", word)
        if vague:  # "in recent years": a stretch of time of unknown length (TimeML's PXY)
            code = {"days": "D", "weeks": "W", "months": "M", "years": "Y", "decades": "DE"}[vague.group(1)]
            add(m.start(), m.end(), "duration", 5, value="PX" + code)
            continue
        kind = "PRESENT_REF" if m.group("present") else ("PAST_REF" if m.group("past") else "FUTURE_REF")
        add(m.start(), m.end(), "ref", 5, value=kind, needs=False)
    # --- clock times
    for m in scan.scan(_RX_TIME, clocks):
        h, mi = int(m.group("h")), int(m.group("m") or 0)
        if h > 12 or h == 0:
            continue
        pm = m.group("ampm").lower().startswith("p")
        h = (h % 12) + (12 if pm else 0)
        add(m.start(), m.end(), "time", 2, clock=f"{h:02d}:{mi:02d}")
    for m in scan.scan(_RX_TIME24, clocks):
        add(m.start(), m.end(), "time", 3, clock=f"{int(m.group('h')):02d}:{m.group('m')}")
    for m in scan.scan(_RX_NOON, scan.words_among("noon", "midday", "midnight")):
        if _words_before(text, m.start())[-1:] not in (["at"], ["by"], ["until"], ["till"], ["before"], ["after"], ["around"]):
            continue
        add(m.start(), m.end(), "time", 3, clock="24:00" if m.group("w").lower() == "midnight" else "12:00")
    return out


def _month_in_context(text: str, m: re.Match, token: str) -> bool:
    """Whether a bare month name is a date ("in May") rather than a verb or a name ("May said")."""
    if m.group("rel") or _mod_of(m):
        return True
    bare = token.rstrip(".")
    if token in _NAME_MONTHS and re.match(r"\s+(?:said|says|told|who|has|had|is|was|will|and\s+[A-Z])\b",
                                          text[m.end():m.end() + 12]):
        return False
    if re.match(r"\s+[A-Z][a-z]", text[m.end():m.end() + 3]) and len(bare) <= 4 and bare not in ("May", "June", "July"):
        return False  # "Jan Kowalski"
    before = _words_before(text, m.start(), 1)
    if before and before[-1] in _MONTH_CTX:
        return True
    if before and before[-1] in _LIST_CTX:
        window = text[max(0, m.start() - 40):m.start()]
        if re.search(_MON, window):
            return True
    full = bare in _MONTH_NAMES or bare.capitalize() in _MONTH_NAMES and bare.isupper()
    return full and _month_number(bare) in _UNAMBIGUOUS_MONTHS and not re.match(r"\s+(?:of|[A-Z])", text[m.end():m.end() + 3])


_RX_NEXT_WORD = _C(r"[ \t]+([A-Za-z][A-Za-z-]*)")
_DETERMINERS = {"a", "an", "the", "its", "his", "her", "their", "our", "my", "your", "this", "that", "whose"}
_COUNT_NOUNS = {"people", "persons", "troops", "soldiers", "members", "votes", "units", "times", "dollars",
                "euros", "yen", "pounds", "feet", "metres", "meters", "miles", "kilometres", "kilometers",
                "tons", "tonnes", "barrels", "shares", "acres", "points", "percent", "per", "cases",
                "deaths", "jobs", "workers", "employees", "students", "children", "homes", "cars", "to", "and",
                "or", "of", "million", "billion", "thousand", "hundred"}


def _year_in_context(text: str, m: re.Match) -> bool:
    """Whether a four-digit number is a year ("in 2012", "2012's") rather than a count."""
    if _mod_of(m):
        return True
    before = _words_before(text, m.start("year"), 2)
    if before and before[-1].rstrip(".") in _NUMBER_NOUNS:
        return False
    if text[max(0, m.start("year") - 1):m.start("year")] in ("$", "#", "£", "€", "-", "/", ".", ":"):
        return False
    following = _RX_NEXT_WORD.match(text, m.end())
    if following and following.group(1).lower() in _COUNT_NOUNS - {"to", "and", "or", "of"}:
        return False  # "2012 people", "in 1850 workers' homes"
    if before and (before[-1] in _YEAR_CTX or before[-1] in ("of", "year")):
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
    if before and before[-1] in _DETERMINERS:
        return word.lower() not in _COUNT_NOUNS
    return not (word.endswith("s") and not word.endswith("ss")) and word.lower() not in _COUNT_NOUNS


_CALENDAR_YEAR = re.compile(r"\d{4}(?![\d])")


def _within_calendar(mention: TimeMention) -> None:
    """Raise OverflowError for a resolved date outside years 1–9999 (a four-digit year)."""
    v = mention.value
    if v and v[0].isdigit() and mention.type in ("DATE", "TIME") and not _CALENDAR_YEAR.match(v) and len(v) >= 4:
        raise OverflowError(f"date {v} outside the calendar")
    if v and v.startswith("0000"):
        raise OverflowError(f"date {v} outside the calendar")


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest candidates first; drop any that overlaps one already kept."""
    kept: list[_Cand] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.rank, c.start)):
        i = bisect.bisect_left(taken, (c.start, c.end))
        if i > 0 and taken[i - 1][1] > c.start:
            continue
        if i < len(taken) and taken[i][0] < c.end:
            continue
        taken.insert(i, (c.start, c.end))
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


# --------------------------------------------------------------------------- resolution


class _Resolver:
    """Turns selected candidates into mentions, keeping the paragraph's reference date."""

    def __init__(self, text: str, anchor: Optional[dt.date]):
        self.text = text
        self.anchor = anchor
        self.paragraph_starts = [0] + [m.end() for m in _RX_PARAGRAPH.finditer(text)]
        self.sentence_starts = _sentence_starts(text)
        self._cues: dict[int, list[tuple[int, int, str]]] = {}
        self.ref: Optional[tuple[str, object]] = None  # ("day", date) | ("month", (y, m)) | ("year", y)
        self.ref_paragraph = -1
        self.last_kind: Optional[str] = None  # the kind of cue the last tense() call went by
        self.previous: Optional[tuple[int, dt.date]] = None  # end offset and first day of the last date
        self.quarter: Optional[tuple[int, int]] = None  # (year, quarter) of the last quarter named
        self.quarter_end = -10**9  # where it was named

    # -- context
    def sentence_bounds(self, pos: int) -> tuple[int, int, int]:
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.text)
        return i, self.sentence_starts[i], end

    def tense(self, start: int, end: int, day_like: bool = True) -> Optional[str]:
        """"past", "future" or None from the nearest tense cue in the sentence."""
        self.last_kind = None
        i, s, e = self.sentence_bounds(start)
        if i not in self._cues:
            cues = []
            for m in _RX_CUES.finditer(self.text, s, e):
                kind = m.lastgroup
                if kind == "past" and m.group(0).lower() in _ED_NOT_PAST:
                    continue
                if (kind == "past" and m.group(0).lower().endswith("ed")
                        and _RX_DETERMINER_BEFORE.search(self.text, max(s, m.start() - 8), m.start())):
                    continue  # "its preferred stock", "the armed forces": an adjective, no tense
                if kind == "past" and _passive_participle(self.text, m.start(), m.end()):
                    continue  # "would be rationed", "the system ordered by the court": no tense of its own
                if (cues and cues[-1][2] == "past" and m.start() - cues[-1][1] <= 2
                        and self.text[cues[-1][0]:cues[-1][1]].lower() in _AUXILIARIES):
                    cues.pop()  # "was meant to", "had planned": the verb after the auxiliary decides
                cues.append((m.start(), m.end(), kind))
            self._cues[i] = cues
        if (day_like and _RX_FOR_DAY.search(self.text, max(s, start - 6), start)
                and not _RX_POSSESSIVE.match(self.text, end)):
            return "future"  # "a protest for Saturday", "talks set for Friday" (not "profit for the quarter")
        # "Wednesday's ruling" names a day by what happened on it: only a cue right before it
        # ("ahead of Friday's vote") says otherwise.
        possessive = day_like and _RX_POSSESSIVE.match(self.text, end) is not None
        best, best_d = None, None
        for cs, ce, kind in self._cues[i]:
            if possessive and (cs >= end or kind in ("would", "plan") or start - ce > 25):
                continue
            if ce <= start:
                d = start - ce
            elif cs >= end:
                d = 3 * (cs - end) + 40  # the verb a date belongs to usually comes before it
            else:
                continue  # a cue inside the mention itself ("next Friday") is the mention's own business
            if kind in ("would", "plan"):
                d += 10
            elif kind == "report":
                d += 40
            if best_d is None or d < best_d:
                best, best_d = kind, d
        self.last_kind = best
        if best in ("fut", "would", "plan"):
            return "future"
        if best == "past":
            return "past"
        return None  # a reporting verb ("said") dates the report, not what is reported

    def linked(self, start: int, mention_end: Optional[int] = None) -> Optional[dt.date]:
        """First day of the date this one continues in a list or range ("January or February")."""
        if self.previous is None:
            return None
        prev_end, first = self.previous
        gap = self.text[prev_end:start]
        if mention_end is not None and _RX_POSSESSIVE.match(self.text, mention_end):
            return None  # "a revision Friday to December's figures" is no range
        return first if len(gap) <= 16 and _RX_LINK.fullmatch(gap) else None

    def base(self, unit: str) -> tuple[Optional[tuple[str, object]], Optional[str]]:
        """The reference for a paragraph-relative expression and its ISO form."""
        ref = self.ref
        if ref is None:
            if self.anchor is None:
                return None, None
            ref = ("day", self.anchor)
        gran, val = ref
        need = {"day": 0, "morning": 0, "afternoon": 0, "evening": 0, "night": 0, "week": 0, "weekend": 0,
                "month": 1, "year": 2}.get(unit, 0)
        have = {"day": 0, "month": 1, "year": 2}[gran]
        if have > need:
            return None, None
        iso = val.isoformat() if gran == "day" else (f"{val[0]:04d}-{val[1]:02d}" if gran == "month" else f"{val:04d}")
        return ref, iso

    # -- main
    def resolve(self, cands: list[_Cand]) -> list[TimeMention]:
        mentions: list[TimeMention] = []
        times: list[tuple[TimeMention, dict]] = []
        for cand in cands:
            para = bisect.bisect_right(self.paragraph_starts, cand.start) - 1
            if para != self.ref_paragraph:
                self.ref, self.ref_paragraph, self.previous = None, para, None
            carry_year = carry_anchor = None
            for part in cand.parts:
                data = dict(part.data)
                if data.get("carry") and data.get("year") is None and carry_year is not None:
                    data["year"], data["carried_anchor"] = carry_year, carry_anchor
                mention = TimeMention(part.start, part.end, self.text[part.start:part.end])
                try:
                    getattr(self, "_" + part.kind)(mention, data)
                    _within_calendar(mention)
                except (OverflowError, ValueError):  # past the calendar's ends (years 1 and 9999): not resolved
                    mention.value, mention.granularity, mention.mod = None, None, None
                if mention.value is None and data.get("drop_unresolved"):
                    continue
                if part.kind == "time":
                    times.append((mention, data))
                elif mention.type == "DATE" and mention.value and mention.granularity in ("day", "month", "year", "season", "quarter"):
                    try:
                        self._remember(mention)
                    except (OverflowError, ValueError):
                        self.ref = None
                if mention.granularity == "day" and mention.value:
                    carry_year, carry_anchor = int(mention.value[:4]), mention.anchor
                mentions.append(mention)
        for mention, data in times:
            try:
                self._clock(mention, data, mentions)
                _within_calendar(mention)
            except (OverflowError, ValueError):
                mention.value, mention.granularity = None, None
        return mentions

    def _remember(self, mention: TimeMention) -> None:
        v, g = mention.value, mention.granularity
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

    def _relative(self, mention: TimeMention) -> Optional[dt.date]:
        """The anchor, noting it on the mention; None when there is none."""
        if self.anchor is None:
            return None
        mention.anchor = self.anchor.isoformat()
        return self.anchor

    def _mode(self, mention: TimeMention, rel: Optional[str], default: str = "nearest") -> tuple[str, Optional[dt.date]]:
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

    # -- kinds
    def _md(self, mention: TimeMention, d: dict) -> None:
        mention.granularity = "day"
        mon, day, year = d["month"], d["day"], d.get("year")
        if year is not None:
            mention.anchor = d.get("carried_anchor")
            mention.value = f"{year:04d}-{mon:02d}-{day:02d}"
            return
        if d.get("carry"):
            return  # the list's first date could not be placed
        anchor = self._relative(mention)
        if anchor is None:
            return
        cands = []
        for y in range(anchor.year - 1, anchor.year + 2):
            if _valid_day(y, mon, day):
                date = dt.date(y, mon, day)
                cands.append((date, date, date))
        if d.get("weekday") is not None:
            cands = [c for c in cands if c[1].weekday() == d["weekday"]] or cands
        mode, after = self._mode(mention, None)
        chosen = _pick(cands, anchor, mode, SLACK_DAYS, after) or _pick(cands, anchor, "nearest")
        mention.value = chosen.isoformat()

    def _month(self, mention: TimeMention, d: dict) -> None:
        mention.granularity, mention.mod = "month", d.get("mod")
        mon, year = d["month"], d.get("year")
        if year is not None:
            mention.value = f"{year:04d}-{mon:02d}"
            return
        anchor = self._relative(mention)
        if anchor is None:
            return
        if d.get("rel") == "this":  # "this September": the anchor's year
            mention.value = f"{anchor.year:04d}-{mon:02d}"
            return
        cands = [((y, mon), dt.date(y, mon, 1), dt.date(y, mon, _last_day(y, mon)))
                 for y in range(anchor.year - 1, anchor.year + 2)]
        mode, after = self._mode(mention, d.get("rel"))
        y, m = _pick(cands, anchor, mode, 0, after) or _pick(cands, anchor, "nearest")
        mention.value = f"{y:04d}-{m:02d}"

    def _year(self, mention: TimeMention, d: dict) -> None:
        mention.granularity, mention.mod, mention.value = "year", d.get("mod"), f"{d['year']:04d}"

    def _decade(self, mention: TimeMention, d: dict) -> None:
        mention.granularity, mention.mod, mention.value = "decade", d.get("mod"), f"{d['decade']:03d}"

    def _decade2(self, mention: TimeMention, d: dict) -> None:
        """'90s: the 1900s from the thirties on; '00s-'20s need the anchor to pick a century."""
        mention.granularity, mention.mod = "decade", d.get("mod")
        two = d["two"]
        if two >= 30:
            mention.value = f"19{two // 10}"
            return
        anchor = self._relative(mention)
        if anchor is not None:
            century = anchor.year // 100 if anchor.year % 100 >= two else anchor.year // 100 - 1
            mention.value = f"{century:02d}{two // 10}"

    def _century(self, mention: TimeMention, d: dict) -> None:
        mention.granularity, mention.mod, mention.value = "century", d.get("mod"), f"{d['century']:02d}"

    def _season(self, mention: TimeMention, d: dict) -> None:
        mention.granularity, mention.mod = "season", d.get("mod")
        code, year = d["season"], d.get("year")
        if year is not None:
            mention.value = f"{year:04d}-{code}"
            return
        anchor = self._relative(mention)
        if anchor is None:
            return
        cands = [(y, *season_span(y, code)) for y in range(anchor.year - 2, anchor.year + 2)]
        mode, after = self._mode(mention, d.get("rel"))
        y = _pick(cands, anchor, mode, 0, after) or _pick(cands, anchor, "nearest")
        mention.value = f"{y:04d}-{code}"

    def _quarter(self, mention: TimeMention, d: dict) -> None:
        mention.granularity = "quarter"
        q, year, rel = d["quarter"], d.get("year"), d.get("yearrel")
        if year is not None:
            mention.value = f"{year:04d}-Q{q}"
            return
        anchor = self._relative(mention)
        if anchor is None:
            return
        if rel:
            y = anchor.year + {"last": -1, "next": 1}.get(rel, 0)
        else:
            cands = [(y, dt.date(y, 3 * q - 2, 1), dt.date(y, 3 * q, _last_day(y, 3 * q)))
                     for y in range(anchor.year - 1, anchor.year + 2)]
            mode, after = self._mode(mention, None)
            # A quarter is reported after it ends: "expects to report results for the third quarter"
            # a month after September still means the one just finished.
            slack = 60 if mode == "future" else 0
            y = _pick(cands, anchor, mode, slack, after) or _pick(cands, anchor, "nearest")
        mention.value = f"{y:04d}-Q{q}"
        self.quarter, self.quarter_end = (y, q), mention.end

    def _month_relyear(self, mention: TimeMention, d: dict) -> None:
        """"July last year": the month in the year named relative to the anchor."""
        mention.granularity = "month"
        anchor = self._relative(mention)
        if anchor is None:
            return
        mention.value = f"{anchor.year + d['offset']:04d}-{d['month']:02d}"

    def _the_weekend(self, mention: TimeMention, d: dict) -> None:
        """"over the weekend": the last one in a past sentence, the coming one in a future one."""
        mention.granularity = "week"
        anchor = self._relative(mention)
        if anchor is None:
            return
        saturday = anchor + dt.timedelta(days=5 - anchor.weekday())  # this week's Saturday
        mode, _ = self._mode(mention, None)
        if mode != "future" and saturday > anchor:
            saturday -= dt.timedelta(weeks=1)
        mention.value = _iso_week(saturday) + "-WE"

    def _holiday(self, mention: TimeMention, d: dict) -> None:
        mention.granularity = "day"
        anchor = self._relative(mention)
        if anchor is None:
            return
        cands = [(day, day, day) for y in range(anchor.year - 1, anchor.year + 2)
                 for day in [_holiday_date(y, d["rule"])]]
        mode, after = self._mode(mention, None)
        day = _pick(cands, anchor, mode, 0, after) or _pick(cands, anchor, "nearest")
        mention.value = day.isoformat()

    def _report_period(self, mention: TimeMention, d: dict) -> None:
        """A period named by reference to the quarter being reported (earnings news).

        "the quarter", "the latest period" are the last quarter named in the document, else the
        last one finished before the anchor; "the year-ago quarter" and "year-earlier" results are
        that quarter a year before. A "period" with no quarter named before is left out, and a
        "year-ago" with none is the previous year.
        """
        shift = d["shift"]
        if self.quarter is None:
            if d.get("period"):
                d["drop_unresolved"] = True
                return
            anchor = self._relative(mention)
            if anchor is None:
                return
            if d.get("adjective"):
                mention.granularity, mention.value = "year", f"{anchor.year - 1:04d}"
                return
            y, q = anchor.year, (anchor.month - 1) // 3  # the last finished quarter
            if q == 0:
                y, q = y - 1, 4
        else:
            y, q = self.quarter
            if self.anchor is not None:
                mention.anchor = self.anchor.isoformat()
        index = y * 4 + (q - 1) + shift
        mention.granularity = "quarter"
        mention.value = f"{index // 4:04d}-Q{index % 4 + 1}"

    def _weekday(self, mention: TimeMention, d: dict) -> None:
        mention.granularity, mention.mod = "day", d.get("mod")
        if d.get("part"):
            mention.type, mention.granularity = "TIME", "time"
        anchor = self._relative(mention)
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
            mode = self.tense(mention.start, mention.end) or "past"
            if self.last_kind == "plan":
                # a plan told in the past ("planned to meet at Friday's dinner") may be over
                # already: take the nearer of the two Fridays
                mode = "nearest"
        chosen = _pick(cands, anchor, mode, 0)
        mention.value = chosen.isoformat() + (f"T{d['part']}" if d.get("part") else "")

    def _dayword(self, mention: TimeMention, d: dict) -> None:
        mention.granularity = "day"
        if d.get("part"):
            mention.type, mention.granularity = "TIME", "time"
        anchor = self._relative(mention)
        if anchor is None:
            return
        mention.value = (anchor + dt.timedelta(days=d["offset"])).isoformat() + (f"T{d['part']}" if d.get("part") else "")

    def _relunit(self, mention: TimeMention, d: dict) -> None:
        unit, off = d["unit"], d["offset"]
        mention.mod = d.get("mod")
        mention.granularity = {"weekend": "week"}.get(unit, unit)
        anchor = self._relative(mention)
        if anchor is None:
            return
        mention.value = _shifted(anchor, unit, off)

    def _shift(self, mention: TimeMention, d: dict) -> None:
        """N units from the anchor ("two days ago") or from the paragraph's last date ("the next day")."""
        unit, n = d["unit"], d["n"]
        mention.mod = d.get("mod")
        part = _PARTS.get(unit)
        named_week = unit in ("week", "weekend") and mention.text.lower().startswith(("the", "that"))
        if part:
            mention.type, mention.granularity = "TIME", "time"
        elif unit in ("week", "weekend") and named_week or unit == "weekend":
            mention.granularity = "week"
        elif unit in ("day", "week", "fortnight", "hour", "minute", "second"):
            mention.granularity = "day"
        else:
            mention.granularity = unit
        if d["base"] == "anchor":
            ref, iso = (("day", self.anchor), self.anchor.isoformat()) if self.anchor else (None, None)
        else:
            ref, iso = self.base("day" if part else unit)
        if ref is None or not float(n).is_integer():
            return
        if unit == "year" and n == -1 and self.quarter is not None and mention.start - self.quarter_end < 1500:
            # "up from $5 million a year ago" in a report on a quarter: the same quarter a year before
            y, q = self.quarter
            mention.anchor, mention.granularity, mention.value = iso, "quarter", f"{y - 1:04d}-Q{q}"
            return
        mention.anchor = iso
        gran, val = ref
        n = int(n)
        if gran == "month":
            val = dt.date(val[0], val[1], 1)
        elif gran == "year":
            val = dt.date(val, 1, 1)
        if part:
            mention.value = (val + dt.timedelta(days=n)).isoformat() + f"T{part}"
        elif unit in ("hour", "minute", "second"):
            mention.value = val.isoformat()
        elif unit in ("week", "fortnight") and not named_week:
            days = 7 * n * (2 if unit == "fortnight" else 1)
            mention.value = (val + dt.timedelta(days=days)).isoformat()
            mention.mod = mention.mod or "APPROX"
        else:
            mention.value = _shifted(val, unit, n)

    def _in_n(self, mention: TimeMention, d: dict) -> None:
        if self.tense(mention.start, mention.end) == "past":
            mention.type, mention.value, mention.mod = "DURATION", d["duration"], d.get("mod")
            mention.start = d["dur_start"]
            mention.text = self.text[mention.start:mention.end]
            return
        self._shift(mention, dict(n=d["n"], unit=d["unit"], base="anchor", mod=d.get("mod")))

    def _duration(self, mention: TimeMention, d: dict) -> None:
        mention.type, mention.value, mention.mod = "DURATION", d["value"], d.get("mod")

    def _set(self, mention: TimeMention, d: dict) -> None:
        mention.type, mention.value = "SET", d["value"]

    def _ref(self, mention: TimeMention, d: dict) -> None:
        mention.value = d["value"]
        if mention.value and self.anchor is not None:
            mention.anchor = self.anchor.isoformat()

    def _time(self, mention: TimeMention, d: dict) -> None:
        mention.type, mention.granularity = "TIME", "time"

    def _clock(self, mention: TimeMention, d: dict, mentions: list[TimeMention]) -> None:
        """A clock time falls on the nearest day named in its sentence, else on the anchor."""
        i, s, e = self.sentence_bounds(mention.start)
        best = None
        for other in mentions:
            if other is mention or not other.value or not (s <= other.start < e):
                continue
            if other.granularity in ("day", "time") and re.match(r"\d{4}-\d\d-\d\d", other.value):
                dist = min(abs(other.end - mention.start), abs(mention.end - other.start))
                if best is None or dist < best[0]:
                    best = (dist, other.value[:10])
        day = best[1] if best else (self.anchor.isoformat() if self.anchor else None)
        if day is not None:
            mention.value, mention.anchor = f"{day}T{d['clock']}", day


def _holiday_date(year: int, rule: tuple) -> dt.date:
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
        last = dt.date(year, month, _last_day(year, month))
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    return dt.date(year, rule[0], rule[1])


def _shifted(day: dt.date, unit: str, n: int) -> str:
    """The value of the ``unit`` that lies ``n`` units from ``day``."""
    if unit == "day":
        return (day + dt.timedelta(days=n)).isoformat()
    if unit == "week":
        return _iso_week(day + dt.timedelta(weeks=n))
    if unit == "weekend":
        return _iso_week(day + dt.timedelta(weeks=n)) + "-WE"
    if unit == "month":
        y, m = _add_months(day.year, day.month, n)
        return f"{y:04d}-{m:02d}"
    if unit == "quarter":
        y, m = _add_months(day.year, day.month, 3 * n)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    if unit == "year":
        return f"{day.year + n:04d}"
    if unit == "decade":
        return f"{day.year // 10 + n:03d}"
    if unit == "century":
        return f"{day.year // 100 + n:02d}"
    if unit == "season":
        y, code = _season_of(day)
        return f"{y:04d}-{code}"
    return day.isoformat()


def _sentence_starts(text: str) -> list[int]:
    """Rough sentence starts, good enough to find a mention's tense cues."""
    starts = [0]
    for m in _RX_SENT_END.finditer(text):
        if m.group(0) != "\n" and _ABBREV_BEFORE_DOT.search(text, max(0, m.start() - 6), m.start()):
            continue
        starts.append(m.end())
    return starts


def find_mentions(text: str, anchor: Optional[dt.date] = None) -> list[TimeMention]:
    """Every time expression of ``text``, sorted by start, none overlapping another.

    ``anchor`` is the publication date; without it relative expressions keep value None.
    """
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    cands = _select(_candidates(text))
    return _merge_clock_and_day(text, _Resolver(text, anchor).resolve(cands))


_RX_JUST_SPACE = _C(r"[ \t]+")


def _merge_clock_and_day(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """"10 p.m. Wednesday", "noon Thursday": one TIME, as TimeML tags it; the clock already
    carries the day it was placed on."""
    out: list[TimeMention] = []
    for mention in mentions:
        prev = out[-1] if out else None
        if (prev is not None and prev.type == "TIME" and prev.granularity == "time"
                and mention.granularity == "day" and mention.type == "DATE" and mention.mod is None
                and _RX_JUST_SPACE.fullmatch(text, prev.end, mention.start)
                and (prev.value is None or mention.value is None or prev.value[:10] == mention.value)):
            prev.end, prev.text = mention.end, text[prev.start:mention.end]
            prev.anchor = prev.anchor or mention.anchor
            continue
        out.append(mention)
    return out
