"""The regular expressions of time expressions, compiled once at import.

First the building blocks (a month name, a day number, a year, a unit, a modifier), made
from the lexicon, then one pattern per kind of expression the candidate rules read. The
patterns of tense and sentence context live in ``tense`` and ``context``.
"""

from __future__ import annotations

import re

from .lexicon import (HOLIDAYS, MONTH_ABBR, MONTH_NAMES, NUMBERS, ORDINALS, QUANT_MODS, SETS, VAGUE,
                      WEEKDAY_ABBR, WEEKDAYS)


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _both(word: str) -> list[str]:
    return [word, word.upper()]


MON = "(?:" + "|".join(
    [rf"{n}\b" for w in MONTH_NAMES for n in _both(w)]
    + [rf"{a}(?:\.|\b)" for w in MONTH_ABBR for a in _both(w)]) + ")"
_WD = "(?:" + "|".join(rf"{n}\b" for w in WEEKDAYS for n in _both(w)) + ")"
_WD_ANY = "(?:" + "|".join([rf"{n}\b" for w in WEEKDAYS for n in _both(w)]
                           + [rf"{a}(?:\.|\b)" for w in WEEKDAY_ABBR for a in _both(w)]) + ")"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)(?!\d)"
_UNIT = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|century|centurie)s?"
_NUMWORD = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|" + _alt(
    [k for k in NUMBERS] + list(VAGUE)).replace(r"\ ", r"\s+") + ")"
_NUM = rf"(?:\d+(?:\.\d+)?|{_NUMWORD})"
_QMOD = "(?:" + _alt(QUANT_MODS).replace(r"\ ", r"\s+") + r")\s+"
# "early", "mid-", "the end of" ... in front of a month, year, season, decade or relative unit
_MODP = r"(?:(?P<modw>(?i:early|late|mid))(?:-|\s+)|(?P<modp>(?i:the\s+)?(?i:beginning|start|end|middle|close)\s+of\s+(?:the\s+)?))?"
_TZ = r"(?:\s+\(?(?:[ECMP][SD]T|GMT|UTC|BST|CES?T|JST|MSK|IST|ET|PT|CT|local\s+time)\)?(?![\w]))?"

HOLIDAY_PREFIX = re.compile(r"(?:Good|Black|Cyber|Ash|Holy|Palm|Easter|Super|Maundy|Bloody)\s+$")

_C = re.compile
RX_MDY = _C(rf"(?:\b(?P<wd>{_WD_ANY})(?:[ \t]*,)?\s+)?\b(?P<mon>{MON})\s*(?P<day>{_DAY})"
            rf"(?P<more>(?:\s*(?:-|–|—|&|\band\b|\bor\b|\bto\b|\bthrough\b)\s*(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:]))*)"
            rf"(?:(?:[ \t]*,)?\s+(?:of\s+)?(?P<year>{_YEAR}))?")
RX_DMY = _C(rf"(?:(?P<wd>{_WD_ANY})(?:[ \t]*,)?\s+)?(?:(?i:the)\s+)?(?P<day>{_DAY})\s+(?:of\s+)?(?P<mon>{MON})(?:(?:[ \t]*,)?\s+(?P<year>{_YEAR}))?")
RX_ISO = _C(r"(?<![\w/.-])(?P<year>1[6-9]\d\d|20\d\d)-(?P<mon>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\d-])")
RX_SLASH = _C(r"(?<![\w/.-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>1[6-9]\d\d|20\d\d)(?![\d/])")
RX_MONTH_YEAR = _C(rf"\b{_MODP}(?P<mon>{MON})(?:[ \t]*,)?\s+(?:of\s+)?(?P<year>{_YEAR})")
RX_MONTH = _C(rf"\b{_MODP}(?:(?P<rel>(?i:last|next|this))\s+)?(?P<mon>{MON})")
RX_YEAR = _C(rf"(?:\b{_MODP}|(?<![\w$€£¥#.,/:'’–-]))(?P<year>{_YEAR})(?![\w%/]|[.,:]\d|[-–]\d)")
RX_YEAR_RANGE = _C(rf"(?<![\w$€£¥#.,/:'’–-])(?P<y1>{_YEAR})(?P<sep>\s*(?:-|–|—|/)\s*|\s+(?:to|and|or|through|until)\s+)(?P<y2>{_YEAR}|\d\d)(?![\w%/-]|[.,]\d)")
RX_DECADE = _C(r"(?:\b(?i:the)\s+)?(?:(?P<modw>(?i:early|late|mid))(?:-|\s+))?(?:(?<!\d)(?P<full>1[0-9]\d0|20\d0)s|['’](?P<two>\d0)s|(?<=\bthe\s)(?P<bare>[2-9]0)s)\b")
RX_CENTURY = _C(rf"(?:\b(?i:the)\s+)?(?:(?P<modw>(?i:early|late|mid))(?:-|\s+))?(?:(?P<num>\d{{1,2}})(?:st|nd|rd|th)|(?P<word>(?i:{_alt(k for k in ORDINALS if k != 'final')})))[\s-]+(?i:century)\b")
RX_SEASON_YEAR = _C(rf"\b{_MODP}(?:(?i:the)\s+)?(?P<season>(?i:spring|summer|autumn|fall|winter)),?\s+(?:of\s+)?(?P<year>{_YEAR})")
RX_SEASON = _C(rf"\b{_MODP}(?:(?P<rel>(?i:last|this|next|the\s+coming|the\s+past|this\s+past|this\s+coming|the))|(?<=\bin\s)|(?<=\bduring\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bsince\s)|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\bthrough\s))\s*(?P<season>spring|summer|autumn|fall|winter)\b")
RX_QUARTER = _C(rf"(?:\b(?i:the)\s+|\b(?P<prel>(?i:this|last|next))\s+(?i:year)['’]s\s+)?\b(?P<ord>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))[\s-]+(?i:quarter)\b(?:\s+of\s+(?:(?P<year>{_YEAR})|(?P<rel>(?i:this|last|next))\s+year|(?P<the>the\s+year)))?")
# A fiscal year named by its place: "the current fiscal year", "last fiscal year" (the year).
# "fiscal 1989" keeps "fiscal" outside the span, where the timeline reads it as naming a period.
RX_FISCAL_REL = _C(r"\b(?P<rel>the\s+current|this|the\s+latest|last|the\s+last|the\s+previous|the\s+prior|next|the\s+next"
                   r"|the\s+coming|the\s+new)\s+fiscal[\s-]+year\b(?!\s+(?:end(?:s|ing|ed)?|to|through|that|starting|beginning)\b)", re.I)
RX_QCODE = _C(rf"\bQ(?P<q>[1-4])(?:\s+(?P<year>{_YEAR})|['’](?P<yy>\d\d))?\b")
RX_WEEKDAY = _C(rf"\b(?:(?P<modw>(?i:early|late))\s+)?(?:(?P<rel>(?i:last|next|this|this\s+past|this\s+coming|coming|past))\s+)?(?P<wd>{_WD})(?:\s+(?P<part>morning|afternoon|evening|night))?")
RX_WEEKDAY_SET = _C(r"\b(?P<wd>Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays)\b")
RX_DAYWORD = _C(r"\b(?:(?P<word>yesterday|today|tomorrow)(?:\s+(?P<part>morning|afternoon|evening|night))?|(?P<tonight>tonight)|this\s+(?P<this>morning|afternoon|evening)|(?P<lastnight>last\s+night)|the\s+day\s+(?P<around>before\s+yesterday|after\s+tomorrow))\b", re.I)
RX_RELUNIT = _C(rf"\b{_MODP}(?:(?P<ed>(?i:earlier|later))\s+)?(?P<rel>(?i:last|this|next|the\s+coming|the\s+current|this\s+coming|this\s+past|coming|the\s+previous(?=\s+(?:week|month|year)\s+(?!of)))|(?<=\bof\s)the)\s+(?P<unit>(?i:week|weekend|month|year|quarter|decade|century))\b(?!\s+of\b|-)")
RX_REFSHIFT = _C(r"\b(?P<rel>the\s+(?:next|following|previous|preceding|prior|same)|that|the\s+(?P<unit2>day|week|month|year)\s+(?P<dir2>before|after)(?=\s*[.,;:!?)\"”]|\s*$))(?:\s+(?P<unit>day|morning|afternoon|evening|night|week|weekend|month|year))?\b", re.I)
# The reporting period of earnings news: "the quarter", "the latest period", "the year-ago quarter".
RX_REPORT_PERIOD = _C(r"\b(?:the|that)\s+(?:(?P<qual>latest|most\s+recent|just[-\s]ended|same|comparable|year[-\s]ago"
                      r"|year[-\s]earlier|previous|prior|preceding)\s+)?(?P<unit>quarter|period)\b(?!\s+of\b|-)", re.I)
RX_YEAR_AGO_ADJ = _C(r"\byear[-\s](?:ago|earlier)\b(?!\s+(?:quarter|period)\b)", re.I)
# "current market conditions": the present (TimeML tags the adjective), not a "current account"
RX_CURRENT = _C(r"\b(?i:current)\b(?=[ \t]+[a-z])(?![ \t]+(?:accounts?|affairs|events|of|and|or|flows?|is|was|from|through)\b)")
RX_MONTH_RELYEAR = _C(rf"\b(?P<mon>{MON})\.?\s+(?:of\s+)?(?P<rel>(?i:last|this|next))\s+(?i:year)\b")
RX_THE_WEEKEND = _C(r"\b(?:the|this\s+past)\s+weekend\b(?!\s+(?:of|before|after)\b)", re.I)
# Years read out in broadcast transcripts: "nineteen ninety-six", "two thousand (and) one".
RX_SPOKEN_YEAR = _C(r"\b(?:the\s+year\s+)?(?:(?P<cent>nineteen|eighteen)[\s-]+(?:(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?P<unit>one|two|three|four|five|six|seven|eight|nine))?|(?P<teen>ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|hundred)"
                    r"|two\s+thousand(?:\s+(?:and\s+)?(?P<unit2>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?)\b", re.I)
RX_HOLIDAY = _C(r"\b(?:" + "|".join(sorted((re.escape(h).replace("'", "['’]") for h in HOLIDAYS),
                                            key=len, reverse=True)) + r")\b", re.I)
RX_GENERIC_TODAY = _C(r"['’]s\s+(?:world|society|youth|young|children|kids|generation|economy|standards|terms"
                      r"|dollars|technology|culture|politics|computers|media|families|women|men|people)\b", re.I)
# "today" in a general statement is the present age, not the day: a comparison ("more than is
# possible today", "as it stands today"), "even today", "the world today", "people of today".
RX_GENERIC_TODAY_BEFORE = _C(r"(?:\b(?:than|as)\b(?![ \t]+(?:of|from|early|late)\b)(?P<between>[^.;:!?,\n\"“”]{0,40})"
                             r"|\b(?:even|still)[ \t]+|\b(?:world|society|people|children|youth|generation|industry"
                             r"|economy|technology|medicine|science|politics)[ \t]+(?:of[ \t]+)?)$", re.I)
# ... unless a verb between dates it: "as the ministry announced today", "than it said today".
RX_DATED_BETWEEN = _C(r"\b(?:said|says|told|tells|announced|announces|reported|reports|will|would|[a-z]{2,}ed)\b", re.I)
RX_AGO = _C(rf"\b(?P<qmod>{_QMOD})?(?P<num>{_NUM})[\s-]+(?P<unit>{_UNIT})\s+(?P<dir>ago|earlier|later|before(?=\s*[.,;:!?)\"”]|\s*$)|after(?=\s*[.,;:!?)\"”]|\s*$)|from\s+now|hence|on(?=\s*[.,;:!?]))\b", re.I)
RX_IN_N = _C(rf"\b(?:in|within)\s+(?P<qmod>{_QMOD})?(?P<num>{_NUM})\s+(?P<unit>{_UNIT})(?!\s+(?:ago|later|earlier|of|old)\b)\b", re.I)
RX_DURATION = _C(rf"\b(?P<the>(?:the\s+)?(?:past|last|next|coming|first)\s+|the\s+)?(?P<qmod>{_QMOD})?(?P<num>{_NUM})(?P<sep>[\s-]+)(?P<unit>{_UNIT})\b(?![-\s]*(?:old|olds)\b)", re.I)
# "for months", "within days", "may take years", "for the first time in years", "decades of
# quarrels": a bare plural unit is a stretch of unknown length (TimeML's PXM, PXD ...); the rule
# checks the word before it.
RX_DURATION_BARE = _C(r"\b(?:(?P<the>the\s+(?:past|last|next|coming)\s+)(?P<unit>week|month|year|decade|century|fortnight)\b(?!\s+of\b)"
                      r"|(?P<plural>hours|days|weeks|months|years|decades|centuries)\b(?![-\w]|\s+(?:old|ago|later|earlier)\b))", re.I)
# "two and a half years", "2 1/2 hours", "an hour and a half", "half an hour": a counted
# length with a half (TimeML: P2Y6M, PT2H30M, PT1H30M, PT30M).
_COUNT = r"(?:\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
RX_DURATION_HALF = _C(rf"\b(?P<qmod>{_QMOD})?(?:(?P<num>{_COUNT})[\s-]+and[\s-]+a[\s-]+half[\s-]+(?P<unit>{_UNIT})"
                      rf"|(?P<digits>\d+)(?:[ \t]+1/2|[ \t]?½)[\s-]+(?P<unit_d>{_UNIT})"
                      rf"|(?P<num_after>an?|{_COUNT})[\s-]+(?P<unit_a>{_UNIT})[\s-]+and[\s-]+a[\s-]+half"
                      rf"|half[\s-]+(?:an?|one)[\s-]+(?P<unit_h>{_UNIT}))\b(?![-\s]*(?:old|olds)\b)", re.I)
RX_OF_NOUN = _C(r"\s+of\s+(?!(?:age|the|his|her|their|its|my|our|your|this|that|experience|service)\b)[a-z]")
RX_SET = _C(rf"\b(?:(?P<every>every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<num>{_NUM})\s+)?(?P<unit>{_UNIT}|morning|evening|night|weekend|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?P<freq>once|twice|(?:{_NUM})\s+times)\s+(?:a|an|per|each|every)\s+(?P<funit>{_UNIT})|(?P<adj>{_alt(SETS)}))\b", re.I)
RX_TIME = _C(rf"(?<![\w.:])(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s*(?P<ampm>[aApP]\.[mM]\.|[aApP][mM]\b|[aApP]\.[mM]\b){_TZ}")
RX_TIME24 = _C(r"(?<![\w.:])(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?P<tz>\s+(?:[ECMP][SD]T|GMT|UTC|BST|CES?T|JST|MSK|IST|local\s+time|hours|hrs)\b)")
# A 24-hour clock right after a full date with its year, a byline's stamp without a zone:
# "March 12, 2013 02:03", "12 March 2013 | 23:51" (the rule checks the date before it).
RX_TIME24_STAMP = _C(r"(?<![\w.:])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\d:]|\s*[aApP]\.?[mM])")
RX_STAMP_BEFORE = _C(rf"(?:{MON}\s*\d{{1,2}}(?:st|nd|rd|th)?,?|\b\d{{1,2}}\s+{MON},?)\s+(?:1[6-9]|20)\d\d[ \t]*(?:,|\||-|–|—|@|\bat\b)?[ \t]*$")
# A wire story's universal time in four digits after a local one: "3 p.m. (1200 GMT)".
RX_TIME_UTC4 = _C(r"(?<=\()(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)[ \t]+(?:GMT|UTC)\b")
RX_UTC = _C(r"\b(?:GMT|UTC)\b|\dZ\b")
RX_NOON = _C(r"\b(?P<w>noon|midday|midnight)\b", re.I)
RX_REFWORD = _C(r"\b(?:(?P<present>now|currently|nowadays|at\s+present|these\s+days)|(?P<past>recently|lately|recent\s+(?:days|weeks|months|years|decades)|(?<=\bin\s)the\s+past|(?:days|weeks|months|years|decades)\s+ago)|(?P<future>soon|(?<=\bin\s)the\s+(?:near\s+|foreseeable\s+|distant\s+)?future|(?:the\s+)?coming\s+(?:days|weeks|months|years|decades)))\b", re.I)

RX_NEXT_WORD = _C(r"[ \t]+([A-Za-z][A-Za-z-]*)")
