"""Dating a sentence: the date of the event it reports, and what kind of statement it is.

A timeline places each sentence at the date of the event it reports. The date expressions
of a sentence (``storyline.timex``) are not all that date: many name a thing ("the 2021
drought", "his 2005 trial"), start a running count ("has been detained since March 3"),
bound a range, or look ahead ("is due to be sentenced on May 4"). The rules below pick the
one date that is the reported event's, or fall back to the publication date, and say which
kind of statement the sentence is:

* ``report``: something that happened (or a statement made) at ``value``;
* ``preview``: something announced for later; ``value`` is the coming date when named;
* ``state``: a running condition or count ("since 2019, 400 people have died"), dated at
  publication (or at the "as of" date), never at the day it began;
* ``none``: background that dates nothing ("Ostmark is a country of 80 million people").

The rules are written by hand, over word positions, prepositions and short word lists
(one place for each, below), because no parser ships offline here and the build runs them
on every sentence. Each rule describes a class of text:

1. Candidates are DATE mentions with a day, month, season or year value (a TIME on a known
   day counts as that day; weeks and quarters are never a sentence's date, though "next
   week" marks a preview). A date attached to a noun dates no event of this sentence:
   determiner or possessive + date + noun ("the 2021 drought", "its 2021 budget"), a noun +
   "of" + date ("the drought of 2021", "the class of 2005"), an event noun + "in" + date as
   the topic of a clause ("ruled that the floods in March 2019 were ..."), "2021's
   drought", a date in parentheses ("(born 1950)"), "fiscal 2023" and "2024 season"
   compounds, a comparison base ("compared with 2019"), the period of a figure ("a profit
   for 2023"), an origin ("a poster from 1989"), a bound ("before March 3"). Such a noun
   at the head of the sentence doing something in the past is dated by it ("The 2019
   floods destroyed the bridge"), and so is one after "during"/"at" opening the sentence
   ("At the 2012 Games she won"). A date in a relative clause or apposition (", which was
   built in 1998", "the floods that swept the valley in February", "under the accord
   signed in September", "families of those killed at a rally last year") dates the noun
   before it (but see 3). Any other date, after a preposition of time or none ("on", "in",
   "by", "last ...", "Tuesday", "yesterday", "In 2019, ..."), is an event date.
2. "since X" (and a since-clause of a perfect) starts a state and never dates the sentence;
   so does a short since-clause whose own verb is a perfect ("the generals who have ruled since
   he was ousted last year") or that an ordinal or superlative measures from ("the first vote
   since the uprising last year", "the worst clashes since March");
   "as of X" dates a state at X; "from X to Y", "until X", "through X" bound a range. A
   sentence whose dates are all such is a state when its verb is perfect, progressive or
   "remains"; a simple past range ("ran from March 3 to March 9") is reported at its start.
3. Of several event dates, a day wins over coarser dates (a day is what gets reported, a
   coarser date qualifies something), then the earliest. Dates of relative clauses come
   last: only a day there dates a past main clause that names none ("The farmers, who met
   on Monday, asked for ...") or a sentence without a publication date; a month or year
   there is background.
4. No event date: the publication date (``named=False``), except for clear background,
   kind "none": a present-tense definition ("X is a country of ...", "is one of the", "is
   located") or habitual present ("The company makes turbines"), with no date, no other
   tense, no reporting verb and no quote. Kept narrow on purpose.
5. Looking forward: a date governed by a future cue (will, is due to, is expected to, is
   scheduled, is set to/for, plans to, is to, would, was due to ...), or a date something
   is set, put off or called "for"/"to", that is not over at publication is a preview of
   that date. A main clause in the future with no date ("Parliament will vote next week")
   is a preview without one. A past report is never a preview ("agreed in January to pay"),
   and when its only date lies ahead of publication ("agreed to pay a fine in March") that
   date belongs to the thing agreed: the report keeps the publication date. A statement
   reported about the future ("Marek said she would appeal") is a report of the statement.
6. Reported future: a date written without a year (a bare month or season, a weekday,
   "March 4") that the resolver placed before publication while the nearest verb before it
   looks forward ("said the hearing would be held in March", "was due to start on Monday",
   "postponed the vote to March 4") is moved to its next occurrence after publication (a
   weekday one week on, anything else one year on) and becomes a preview. The resolver
   picks a year from the nearest tense cue; this corrects it where a past verb was nearer.
7. A weekday of a past report keeps the day the resolver gives ("met on Thursday" in a
   Friday paper is the Thursday), except a bare weekday six days back ("spoke early Saturday"
   in a Friday report), which is the day after publication: a story written where the day has
   turned, stamped by a clock hours behind ("last Saturday" keeps the week back). Four digits before a time zone ("1815 GMT") are a live
   blog's clock time, never a year.
8. A past day told in the present tense, with no past, perfect, future or modal verb and its
   date not opening the sentence ("Protesters gather in Tahrir Square on Friday, Jan. 28",
   "Cars burn during clashes in Alexandria on Dec. 14"), is how photo captions and headlines
   write, not how a report does: the date stands (the picture shows that day) and ``present``
   is set, so the sentence supports its day but is no timeline line. Verbs whose past is
   written like their present ("hit", "cut", "set") count as past; a participle naming its
   agent after a noun ("a bomb dropped by a jet explodes") counts as no verb. A caption naming
   no day is known by its close, the place and its country or city ("... during a rally in
   Kessel, Ostmark."): told in the present with no reporting verb, it is ``present`` too.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional, Sequence

from ..model import DateKind, Granularity, TimeMention
from ..timex import SLACK_DAYS  # a past report's day may lie this many days after publication
from ..timex import season_span
from .words import sentence_words

__all__ = ["EventDate", "event_date"]


@dataclass(frozen=True)
class EventDate:
    """The date of the event a sentence reports, and how it was found.

    ``reason`` is one of: "main-clause date", "date of the subject", "date of the event noun",
    "set for a date", "range start", "relative-clause date", "weekday after publication" (a named
    date was used);
    "future: preview", "reported future: moved forward" (previews); "since: state start",
    "as of: state", "range: state" (states); "background" (kind none); and for the
    publication date fallback "publication date", "no date" (no publication date either),
    "past report of a later date: publication date", "range end: publication date", or why
    the named date was passed over: "attributive year", "attributive date", "parenthetical",
    "compound", "comparison", "period of a figure", "origin", "bounding date",
    "relative-clause date".
    """

    value: Optional[str]        # TIMEX3 date value of the event reported, or None
    granularity: Optional[Granularity]  # "day", "month", "season", "year" (None with value None)
    kind: DateKind
    named: bool                 # the date is named in the sentence (False: publication date fallback)
    mention: Optional[int]      # index into ``mentions`` of the mention used, or None
    reason: str                 # short machine-readable reason
    # further dates the sentence reports events on ("clashed on Monday and again on Tuesday"),
    # as ``(value, granularity)``: of the same granularity as ``value``, never the thing-naming kind
    others: tuple[tuple[str, str], ...] = ()
    # a past day told in the present tense, as captions and headlines tell it (rule 8)
    present: bool = False


# --------------------------------------------------------------------------- word lists (tuning)

GRANULARITIES = frozenset({"day", "month", "season", "year"})

# words that make the date after them attach to the noun after it ("the 2021 drought")
DETERMINERS = frozenset("the a an its their his her our my your this that these those whose".split())
# the date after them is the time of an event noun the clause happens in ("during the 2021 drought")
FRAME_PREPOSITIONS = frozenset("during at throughout".split())
# words after a date that are no noun it could modify
NOT_NOUNS = frozenset("""
and or but nor to of in on at for with by from into onto as than that which who whom whose when where while
until till through since before after after during about against between among per via is are was were be been
being has have had will would shall should can could may might must do does did not no also then so if
because although though however yet says said tells told according
""".split())
# ordinals and superlatives that make a since-clause the point something is measured from ("the first
# president since an uprising last year", "the worst fighting since March"), within this many words before it
SINCE_REFERENCE = frozenset("""
first second third last only biggest largest worst deadliest highest lowest strongest heaviest fiercest
bloodiest most least best longest
""".split())
SINCE_REFERENCE_SPAN = 4
SINCE_CLAUSE_WORDS = 8  # a since-clause's date lies at most this many words after "since"
# nouns followed by "of" + date that are still times ("the week of March 3", "the night of May 4")
TIME_NOUNS = frozenset("""
week weeks weekend weekends month months day days night nights morning mornings evening evenings afternoon
end beginning start middle half part rest course first last spring summer autumn fall winter quarter
period months years year decade hours
""".split())
# happenings: "<noun> in <date>" as the topic of a clause names the happening ("ruled that the floods in
# March 2019 were ..."); "<noun> of <date>" as the subject of a past verb is the time of that verb
# ("the floods of March 2019 destroyed the bridge")
EVENT_NOUNS = frozenset("""
drought droughts flood floods flooding election elections vote referendum trial trials war wars attack attacks
crash crisis earthquake quake storm storms hurricane cyclone fire fires wildfire wildfires riot riots protest
protests uprising revolution coup invasion massacre disaster collapse famine pandemic outbreak epidemic
strike strikes summit eruption tsunami spill explosion bombing shooting killings heatwave blackout shutdown
recession lockdown talks negotiations blast blasts meeting hearing session debate rally parade ceremony
service conference visit tour match race
""".split())
# words before an event noun that make "<noun> in <date>" the topic, not the time ("ruled that the floods in ...")
TOPIC_WORDS = frozenset("""
that on about into over of for whether how why said says ruled found concluded argued claimed blamed cited
recalled described investigating investigated examined reviewed citing cited recalling blaming mentioning
referring remembering
""".split())
# compound words before a date that make it the name of a period ("fiscal 2023")
COMPOUND_BEFORE = frozenset("fiscal fy financial model tax budget school academic season calendar".split())
# nouns after a bare date that make it the name of something ("2023 season", "2021 census")
COMPOUND_AFTER = frozenset("""
season seasons model models vintage edition census fiscal budget first-quarter second-quarter third-quarter
fourth-quarter first-half second-half full-year year-end
""".split())
# prepositions that make the date a comparison base ("compared with 2019", "than in 2019" is fine)
COMPARISON = frozenset("with than versus vs vs. over compared".split())
# words after a forward verb that set a date for something ("scheduled for", "postponed to")
TARGET_VERBS = frozenset("""
scheduled set slated planned due postponed adjourned delayed moved rescheduled pushed called deferred
brought fixed booked extended extend
""".split())
# past forms without -ed (verbs whose past equals the present, "set", "cut", "put", are left out)
IRREGULAR_PAST = frozenset("""
said told met began held came went took made gave left saw spoke sat won lost fell rose became sent brought
ran paid kept found got struck broke chose drew drove flew grew heard knew sold stood taught threw wrote
shot fought caught bought built sought thought felt fled led hid sank swore stole wore ate froze withdrew
overthrew undertook oversaw dealt lay slept spent bore tore swept shook sprang stuck arose forbade forgave
underwent
""".split())
# past forms written like the present: a sentence with one of these may be in the past (rule 8)
SAME_PAST = frozenset("""
hit cut set put shut quit spread burst cast beat bid hurt let read split upset shed thrust broadcast forecast
undercut offset outbid
""".split())
# -ed words that are no past tense
NOT_PAST = frozenset("""
need feed seed speed shed bed red hundred indeed proceed exceed succeed breed greed weed deed united limited
interested concerned related based detailed advanced experienced talented sacred naked wicked aged skilled
embed bred unprecedented unexpected alleged armed red-handed
""".split())
# verb cue words (see _verbs)
FORWARD_PARTICIPLES = frozenset("due expected scheduled slated planned".split())  # "was due", "is scheduled"
FORWARD_BEFORE_TO = frozenset("set poised going about supposed meant preparing planning likely".split())  # "+ to/for"
INTENT_VERBS = frozenset("plans plan intends aims hopes expects wants promises vows pledges threatens prepares".split())
MODALS = frozenset("could might should must can cannot can't couldn't shouldn't mustn't".split())
STATIVE = frozenset("remains remain remained continues continue continued".split())
ADVERBS = frozenset("not also still now originally initially previously already just never repeatedly recently long "
                    "since now reportedly allegedly".split())
# nouns before "is to" that make it a copula, not a future ("the aim is to cut costs")
PURPOSE_NOUNS = frozenset("""
aim aims goal goals plan plans idea point task priority objective purpose problem challenge question answer
solution job key way thing intention hope mission strategy role duty step option choice answer alternative
""".split())
# verbs and words before "that" that make it start a reported clause, not a relative one
THAT_VERBS = frozenset("""
say says tell tells believe believes think thinks thought know knows knew warn warns announce announces insist
insists add adds note notes state states hope hopes fear fears ensure ensures show shows shown suggest suggests
mean means meant agree agrees confirm confirms report reports decide decides conclude concludes rule rules find
finds found argue argues claim claims allege alleges admit admits deny denies acknowledge indicate indicates
learn realize recall expect expects estimate estimates predict predicts assume doubt doubts feel feels felt so
such now given except fact clear likely possible sure aware evidence signs news hope view belief
""".split())
# past reporting verbs, never read as a participle after a noun ("the company said on Tuesday")
REPORTING_PAST = frozenset("""
said told announced reported added stated confirmed claimed noted warned insisted argued agreed decided admitted
denied revealed explained wrote
""".split())
# present-tense reporting verbs: the main clause reports a statement, even of a future
REPORTING_PRESENT = frozenset("""
say says tell tells argue argues believe believes think thinks warn warns insist insists claim claims predict
predicts worry worries fear fears wonder wonders estimate estimates suggest suggests admit admits deny denies
""".split())
# nouns whose "that" clause is their content, not the sentence's main clause ("the fear that the dam will
# burst has grown")
CONTENT_NOUNS = ("likelihood|possibility|prospect|prospects|fear|fears|hope|hopes|chance|chances|risk|fact|news|"
                 "belief|idea|view|sign|signs|evidence|suggestion|assurance|assurances|promise|warning|"
                 "expectation|expectations|rumours|rumors|speculation|concern|concerns")
# words after has/have/had that show possession, not a perfect ("has 3,000 employees", "had a plan")
NOT_PARTICIPLES = frozenset("""
a an the to no its his her their our my your some more many much little few several one two three enough nothing
any this that these those
""".split())
# habitual present verbs of background sentences ("The company makes turbines.")
HABITUAL = ("makes|produces|manufactures|employs|operates|owns|sells|supplies|borders|exports|imports|"
            "generates|provides|serves|covers|controls|houses|hosts")
# kinds of entity a copular definition names ("Ostmark is a country of 80 million people")
ENTITY_NOUNS = ("country|nation|state|city|town|village|region|province|district|island|river|lake|sea|"
                "mountain|valley|company|firm|group|business|maker|producer|manufacturer|supplier|operator|"
                "retailer|bank|lender|insurer|carrier|airline|party|organisation|organization|agency|body|"
                "charity|union|university|school|hospital|port|dam|reservoir|plant|member|subsidiary|unit")

# --------------------------------------------------------------------------- patterns (compiled once)

_C = re.compile
# Words are read with str.replace and str.split, several times cheaper per sentence than a word
# regex or str.translate. Apostrophes and hyphens stay inside words.
_PUNCT = tuple(',.;:!?()"“”')
# Parentheses, and relative clauses or appositions after a comma: what they date, they date
# for the noun before them.
# Asides, matched on the lower-cased sentence; each pattern starts with a literal so the
# engine skips ahead fast, and runs only when its literal is in the sentence.
_RX_PAREN = _C(r"\([^()]*\)?")
_RX_COMMA_RELATIVE = _C(r",\s*(?:which|who|whom|whose|where)\b[^,;:()]*")          # ", which was built in 1998"
_RX_COMMA_PARTICIPLE = _C(r",\s*(?:[a-z]+ed|born|built|founded|held|made|known|won|lost)\b"  # ", elected in 2019,"
                          r"(?!\s+(?:it|them|him|her|the|a|an|its|his|their|this|that|these|those|up|down|out|off)\b)"
                          r"[^,;:()]*,")
_RX_WH = _C(r"\bwh(?:ich|om?)\b")                                                  # "the man who ...", "in which"
_RX_THAT = _C(r"(?<=[a-z] )that\s+(?=(?:[a-z]+ed|was|were|had|has|have|is|are|will|would|could|did|"
              + "|".join(sorted(IRREGULAR_PAST, key=len, reverse=True)) + r")\b)")   # "the floods that swept"
_RX_CONTENT_THAT = _C(rf"\b(?:{CONTENT_NOUNS})\s+(that)\b")                            # "the fear that ..."
_RX_ED_BY = _C(r"(?<=[a-z] )[a-z]+ed by\b")                                         # "the system ordered by"
_RX_TO_PUNCT = _C(r"[^,;:()]*")
_RX_PREPOSITION_BEFORE = _C(r"\b(?:in|at|on|during|from|under|after|by|through|for|with)\s+$")
_RX_WORD_AFTER = _C(r"[ \t]+([A-Za-z][\w-]*)")
_RX_WORD_BEFORE = _C(r"([A-Za-z'’]+)\s+$")
_RX_POSSESSIVE_AFTER = _C(r"['’]s\b")
# A report names a day up to a week back by its weekday, yet one six days back is rarely the day
# meant: a bare weekday that the resolver puts six days before publication names the day after it
# (a story written where the day has already turned, stamped by a clock hours behind; a live
# blog past midnight). "last Saturday" keeps the week back (rule 7).
WEEKDAY_BACK = 6
_RX_HAS_YEAR = _C(r"\d{4}|['’]\d\d\b")
_RX_RELATIVE_WORD = _C(r"\b(?:last|next|this|ago|yesterday|today|tomorrow|tonight|past|previous|coming|earlier"
                       r"|later|year|same|following)\b", re.I)
_RX_WEEKDAY = _C(r"\b(?:mon|tue|wed|thu|fri|sat|sun)", re.I)
_RX_MONTH_WORD = _C(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
_RX_GENERIC = _C(
    rf"\W*(?:[A-Z][\w'’.-]*|the|its|their)(?:\s+[\w'’.-]+){{0,5}}?\s+(?:"
    rf"(?:is|are)\s+(?:(?:a|an)\s+(?:[\w-]+\s+){{0,3}}?(?:{ENTITY_NOUNS})s?\b|one\s+of\s+the\b|home\s+to\b"
    rf"|located\b|situated\b|known\s+as\b|part\s+of\b|the\s+(?:capital|largest|biggest|second-largest|oldest|"
    rf"longest|highest|main|only)\b)"
    rf"|(?:{HABITUAL})\b)")
_RX_QUOTE = _C(r"[\"“”]")
# A photo caption's close, as agencies write it: the place and its country or city, perhaps a
# weekday ("... during a rally in Sanaa, Yemen.", "... in Tahrir Square, Cairo, on Friday.")
_RX_CAPTION_PLACE = _C(r"\s(?:in|at|near|outside)\s+(?:the\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2},\s+"
                       r"[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’\-]+)?(?:,?\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday"
                       r"|Friday|Saturday|Sunday))?\s*\.\s*$")
CAPTION_TAIL = 120  # characters at the end of a sentence searched for a caption's close
CAPTION_COMMA = 60  # its comma lies within this many characters of the end
_RX_CLOCK_ZONE = _C(r"\s*(?:GMT|UTC|BST|CET|CEST|EET|EEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|HKT|JST|IST|AEST|MSK)\b")

_AUX_PAST = frozenset("was were had did".split())
_AUXILIARIES = frozenset("is are was were be been being has have had".split())  # a participle after them is their verb
_BE_PRESENT = frozenset("is are am it's he's she's that's there's it’s he’s she’s that’s there’s".split())
_BE_PAST = frozenset("was were".split())
_HAVE = frozenset("has have had i've we've they've you've i’ve we’ve they’ve you’ve".split())
_WILL = frozenset("will shall won't won’t i'll we'll you'll he'll she'll it'll they'll there'll "
                  "i’ll we’ll you’ll he’ll she’ll it’ll they’ll there’ll".split())
_NO_TENSE_BEFORE = (DETERMINERS - {"that"}) | frozenset("be been being is are was were get got gets".split())
_PREPOSITIONS = frozenset("of in on at for with by from about after before into over under than to against "
                          "through within without behind near".split())
_TIME_PREPOSITIONS = frozenset("in on at last during this earlier early late".split())
_CLAUSE_LINKS = frozenset("that and but which who or".split())
_NOT_PROGRESSIVE = frozenset("thing something nothing anything everything during morning evening king ring "
                             "spring string wing".split())
# what each word _verbs looks at is (-ed words aside); later entries win
_CUE = {**{w: "past" for w in IRREGULAR_PAST}, **{w: "intent" for w in INTENT_VERBS},
        **{w: "stative" for w in STATIVE}, **{w: "modal" for w in MODALS}, "may": "may",
        **{w: "have" for w in _HAVE}, **{w: "be" for w in _BE_PRESENT}, **{w: "be-past" for w in _BE_PAST},
        **{w: "will" for w in _WILL}, "would": "would", "did": "did", **{w: "says" for w in REPORTING_PRESENT},
        "according": "according"}
# a sentence without one of these (or "is to", "are to") has no future main clause
_FUTURE_WORDS = _WILL | FORWARD_PARTICIPLES | (FORWARD_BEFORE_TO - {"about"}) | INTENT_VERBS
# a background sentence has one of these among its first words
_GENERIC_WORDS = frozenset(["is", "are"] + HABITUAL.split("|"))


# --------------------------------------------------------------------------- helpers


def _last_day(y: int, m: int) -> dt.date:
    return dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)


def _bounds(value: str, granularity: str) -> Optional[tuple[dt.date, dt.date]]:
    """First and last day of a day, month, season or year value."""
    try:
        if granularity == "day":
            d = dt.date.fromisoformat(value[:10])
            return d, d
        y = int(value[:4])
        if granularity == "year":
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if granularity == "month":
            m = int(value[5:7])
            return dt.date(y, m, 1), _last_day(y, m)
        if granularity == "season":
            return season_span(y, value[5:7])
    except (ValueError, KeyError, IndexError):
        return None
    return None


def _bare_weekday(text: str) -> bool:
    """A weekday named alone ("Saturday", "early on Saturday"), with no month, year or "last"."""
    return (_RX_WEEKDAY.search(text) is not None and _RX_MONTH_WORD.search(text) is None
            and _RX_HAS_YEAR.search(text) is None and _RX_RELATIVE_WORD.search(text) is None)


def _moved_forward(value: str, granularity: str, text: str, published: dt.date) -> Optional[str]:
    """The next occurrence, at or after ``published``, of a yearless date the resolver put before it:
    a weekday one week on, a day of the year, month or season one year on."""
    if granularity == "day":
        day = dt.date.fromisoformat(value[:10])
        weekday_only = _RX_WEEKDAY.search(text) is not None and _RX_MONTH_WORD.search(text) is None
        for _ in range(3):
            try:
                day = day + dt.timedelta(days=7) if weekday_only else day.replace(year=day.year + 1)
            except ValueError:  # February 29
                return None
            if day >= published:
                return day.isoformat()
        return None
    y = int(value[:4])
    for _ in range(3):
        y += 1
        moved = f"{y:04d}{value[4:]}"
        b = _bounds(moved, granularity)
        if b is not None and b[1] >= published:
            return moved
    return None


def _words(text: str) -> list[str]:
    for c in _PUNCT:
        text = text.replace(c, " ")
    return text.split()


def _words_and_lows(text: str) -> tuple[list[str], list[str]]:
    """The sentence's words (``_words``) and the same words lower-cased, position for position."""
    origs = _words(text)
    return origs, (" ".join(origs).lower().split(" ") if origs else [])


def _word_index(text: str, pos: int) -> int:
    """How many words of ``text`` lie before ``pos``."""
    return len(_words(text[:pos]))


def _genitive(token: str) -> bool:
    return token.endswith(("'s", "’s")) and len(token) > 2


def _attributive(gran: str) -> tuple[str, str]:
    return "attributive", "attributive " + ("year" if gran == "year" else "date")


def _in_since_clause(text: str, start: int) -> bool:
    """A date at the end of a longer since-clause ("have been killed since the new cabinet was
    formed in April"): "since" within the 80 characters before it, no comma, colon or semicolon
    between."""
    before = text[max(0, start - 80):start].lower()
    k = before.rfind("since ")
    return k != -1 and (k == 0 or not before[k - 1].isalpha()) and not any(ch in before[k:] for ch in ",;:")


def _since_starts_state(lows: list[str], verbs: list[tuple[int, int, str]], first: int, earlier: list[int]) -> bool:
    """The since-clause holding the date at word ``first`` starts a state or is a reference point,
    though the main clause is no perfect: its own clause's verb is one ("the generals who have ruled
    since the president was ousted last year"), or an ordinal or superlative just before "since"
    measures from it ("the first president since an uprising last year", "the worst clashes since
    March"). Only a short clause counts, with no date of its own before this one ("since March
    may end on Friday": Friday is past the since-phrase); ``earlier`` holds the word positions of
    the sentence's dates before it."""
    k = first - 1
    while k >= 0 and lows[k] != "since":
        k -= 1
    if k < 0 or first - k > SINCE_CLAUSE_WORDS or any(k < d < first for d in earlier):
        return False
    inside = [(s, kind) for s, _, kind in verbs if k < s < first]
    if any(s > inside[0][0] + 1 or lows[s - 1] not in _AUXILIARIES for s, _ in inside[1:]):
        return False  # a second verb ends the since-clause: "the first vote since he was ousted began on Monday"
    if not SINCE_REFERENCE.isdisjoint(lows[max(0, k - SINCE_REFERENCE_SPAN):k]):
        return True
    before = [kind for s, e, kind in verbs if e <= k]
    return bool(before) and before[-1] == "perf"


def _role(text: str, low: list[str], m: TimeMention, gran: str, prev_end: Optional[int]) -> tuple[str, str]:
    """What a date does in the sentence, read from the words before and after it, and why.

    Roles: event (the time of a clause), target (a date something is set for), since, as_of,
    range_start, range_end, bound ("before March 3", "after 2019": no event's date),
    attributive (names a thing), subject (names a thing at the head of the sentence; decided
    once the verbs are known: the time of a past action it did, "The 2019 floods destroyed ...").
    ``low`` holds the (lower-cased) words before the date.
    """
    p1, p2, p3 = (low[-1:] or [""])[0], (low[-2:-1] or [""])[0], (low[-3:-2] or [""])[0]
    after = _RX_WORD_AFTER.match(text, m.end)
    word_after = after.group(1).lower() if after else None
    noun_after = word_after is not None and word_after not in NOT_NOUNS and not word_after[0].isdigit()
    relative = _RX_RELATIVE_WORD.search(m.text) is not None
    head = len(low) <= 2 and all(t in DETERMINERS or _genitive(t) for t in low)  # opens the sentence

    if p1 == "since" or (p2 == "since" and (p1 in DETERMINERS or _genitive(p1))):
        return "since", "since: state start"  # "since March 3", "since his 2005 trial"
    if p1 == "of" and p2 == "as":
        return "as_of", "as of: state"
    if "since" in low[-5:] or _in_since_clause(text, m.start):
        return "since_clause", "main-clause date"  # "has been the focus since he was found on Nov. 25"?
    if p1 in COMPARISON or "compared" in low[-4:] or "comparison" in low[-4:]:
        return "attributive", "comparison"
    if p1 in COMPOUND_BEFORE or (p1 == "year" and p2 in COMPOUND_BEFORE) or p1.endswith(("-quarter", "-half")):
        return "attributive", "compound"
    if _RX_POSSESSIVE_AFTER.match(text, m.end):
        if p1 in ("in", "at", "during", "on"):
            return "event", "main-clause date"  # "approved in Wednesday's vote"
        if head:
            return "subject", "date of the subject"  # "Sunday's service included ..."
        return _attributive(gran)               # "Monday's ruling was appealed"
    if noun_after and not relative and (p1 in DETERMINERS or _genitive(p1)):
        if p2 in FRAME_PREPOSITIONS and len(low) == 2:
            return "event", "date of the event noun"  # "At the 2012 Games she won ..."
        if head and (gran == "day" or word_after in EVENT_NOUNS):
            return "subject", "date of the subject"   # "The 2019 floods destroyed ..."
        return _attributive(gran)                     # "the 2021 drought", "Hartmann's 2019 win"
    if gran == "year" and word_after in COMPOUND_AFTER:
        return "attributive", "compound"              # "2023 season tickets"
    if p1 == "of" and p2:
        if p2 in TIME_NOUNS:
            return "event", "main-clause date"  # "in the first week of March"
        if p2 in EVENT_NOUNS and p3 in DETERMINERS and len(low) == 3:
            return "subject", "date of the subject"  # "The floods of March 2019 destroyed ..."
        return _attributive(gran)               # "the drought of 2021", "the class of 2005"
    if p1 in ("until", "till") and p2 == "not":
        return "event", "main-clause date"  # "it was not until Tuesday that ..."
    if p1 in ("from", "between"):
        return "range_start", "range start"  # kept only when a range end follows (see event_date)
    if p1 in ("until", "till", "through", "thru", "til"):
        return "range_end", "range end"
    if prev_end is not None and m.start - prev_end <= 12 and p1 in ("to", "and", "-", "–", "—", "or"):
        return "range_end", "range end"  # "March 3 to 9", "from 2010 to 2012"
    if p1 in ("for", "to"):
        if p1 == "for" and gran == "day" or any(t in TARGET_VERBS for t in low[:-1]):
            return "target", "set for a date"  # "postponed to March 4", "a strike for Saturday"
        if p1 == "for":
            return "attributive", "period of a figure"  # "a profit for 2023"
        return "range_end", "range end"  # "records going back to 1998"
    if p1 in ("before", "after", "prior") or (p1 == "of" and p2 in ("ahead", "prior")):
        return "bound", "bounding date"
    if p1 == "in" and p3 in ("at", "of", "near", "on") and low[-4:-3] and low[-4] in EVENT_NOUNS:
        low, p2 = low[:-2], low[-4]  # "the floods at Torvik in February": the noun before the place
    if p1 == "in" and p2 in EVENT_NOUNS:
        # "ruled that the floods in March 2019 were ...": the noun's date when its phrase is the
        # topic of a clause or a preposition; "will hold a vote in March" is the clause's time
        p3 = low[-3] if len(low) >= 3 else ""
        k = len(low) - 3
        while k >= max(0, len(low) - 5) and low[k] not in DETERMINERS:
            k -= 1
        before = low[k - 1] if k >= 1 and low[k] in DETERMINERS else p3
        if before in TOPIC_WORDS:
            return _attributive(gran)
    return "event", "main-clause date"


def _verbs(origs: list[str], lows: list[str]) -> list[tuple[int, int, str]]:
    """(first word, last word + 1, kind) of the verb cues of a sentence; kind is fip (future in
    the past), fut, modal, perf (perfect, progressive, "remains"), present or past."""
    cue = _CUE
    hits = [i for i, w in enumerate(lows) if w in cue or w[-2:] == "ed"]
    out: list[tuple[int, int, str]] = []
    n = len(lows)
    done = -1
    for i in hits:
        if i <= done:
            continue  # the second word of a cue already read ("was due")
        lw = lows[i]
        word = cue.get(lw)
        kind, end = None, i + 1
        if (word == "would" or word == "modal") and i + 1 < n and lows[i + 1] == "have":
            kind, end = "past", i + 2  # "would have burst", "could have been": no future
        elif word == "would":
            kind = "fip"
        elif word == "will":
            kind = "fut"
        elif word == "be" or word == "be-past" or word == "have" or word == "according":
            j = i + 1
            if j < n and lows[j] in ADVERBS:
                j += 1  # "was not expected", "has already left"
            nxt = lows[j] if j < n else ""
            if word == "have":
                if nxt and nxt not in NOT_PARTICIPLES and nxt.isalpha():
                    kind, end = "perf", j + 1  # "has died", "had been arrested"
                elif lw == "had":
                    kind = "past"
            elif word == "according":
                kind = "present" if nxt == "to" else None
            elif nxt in FORWARD_PARTICIPLES or (nxt == "to" and not (i and lows[i - 1] in PURPOSE_NOUNS)) or (
                    nxt in FORWARD_BEFORE_TO and j + 1 < n and lows[j + 1] in ("to", "for")
                    and not (nxt == "meant" and word == "be")):  # "is meant to cripple": a purpose
                kind, end = ("fip" if word == "be-past" else "fut"), j + 1  # "was due", "is set to", "is to"
            elif nxt[-3:] == "ing" and len(nxt) > 4 and nxt not in _NOT_PROGRESSIVE:
                kind, end = "perf", j + 1  # progressive
            else:
                kind = "past" if word == "be-past" else "present"
        elif word == "modal" or (word == "may" and origs[i] == "may"):
            kind = "modal"
        elif word == "stative":
            kind = "perf"
        elif word == "says":
            if not (i and lows[i - 1] in DETERMINERS):  # not "the claims"
                kind = "present"
        elif word == "intent":
            if i and lows[i - 1] in DETERMINERS:
                pass  # "the plans to build ...": a noun
            elif i + 1 < n and lows[i + 1] == "to":
                kind = "fut"  # "plans to"
            elif lw in ("hopes", "hope", "expects", "expect"):
                kind = "present"  # "it expects that ..."
        elif word == "did":
            kind = "past"
        elif word == "past" or (len(lw) > 3 and lw not in NOT_PAST and lw.isalpha()):
            w = origs[i]
            if (w.islower() or (word == "past" and not i)) and not (i and lows[i - 1] in _NO_TENSE_BEFORE):
                kind = "past"  # not a name ("Rose"), "the armed forces", "will be held"
        if kind is not None:
            out.append((i, end, kind))
            done = end - 1
    return out


def _clause_end(low: str, pos: int) -> int:
    """Where the clause running from ``pos`` ends: at the next comma, semicolon, colon or bracket."""
    end = _RX_TO_PUNCT.match(low, pos)
    return end.end() if end is not None else pos


def _asides(text: str, lows: list[str], verbs: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Word spans of the relative clauses, appositions and parentheses of ``text``: what they
    date, they date for the noun before them. A relative clause without a comma ("the floods that
    swept Torvik in February") ends where a second verb starts ("... on Monday was arrested")."""
    out = _reduced_relatives(lows, verbs)
    low = sentence_words(text).low
    spans: list[tuple[int, int, bool]] = []  # (start, end, open: no closing comma)
    if "(" in low:
        spans += [(mm.start(), mm.end(), False) for mm in _RX_PAREN.finditer(low)]
    if "," in low:
        spans += [(mm.start(), mm.end(), False) for mm in _RX_COMMA_RELATIVE.finditer(low)]
        for mm in _RX_COMMA_PARTICIPLE.finditer(low):
            if not any(e == mm.start() for _, e, _ in spans):  # "X, which ..., closed it": the main verb
                spans.append((mm.start(), mm.end(), False))
    if "wh" in low:
        for mm in _RX_WH.finditer(low):
            start = mm.start()
            if start and low[start - 1] not in ", " or any(s <= start < e for s, e, _ in spans):
                continue
            prep = _RX_PREPOSITION_BEFORE.search(low, max(0, start - 10), start)
            if prep is not None:
                start = prep.start()  # "the building in which ..."
            spans.append((start, _clause_end(low, mm.end()), True))
    if "that " in low:
        for mm in _RX_THAT.finditer(low):
            before = _RX_WORD_BEFORE.search(low, max(0, mm.start() - 24), mm.start())
            word = before.group(1) if before else ""
            if word in THAT_VERBS or word in _CUE or word[-2:] == "ed" or word in DETERMINERS or word in _PREPOSITIONS:
                continue  # "said that ...": a reported clause, not a relative one
            spans.append((mm.start(), _clause_end(low, mm.end()), True))
        for mm in _RX_CONTENT_THAT.finditer(low):
            spans.append((mm.start(1), _clause_end(low, mm.end()), True))
    if "ed by" in low:
        for mm in _RX_ED_BY.finditer(low):
            before = _RX_WORD_BEFORE.search(low, max(0, mm.start() - 24), mm.start())
            word = before.group(1) if before else ""
            if word and word not in _CUE and word not in DETERMINERS and word not in ("and", "or"):
                spans.append((mm.start(), _clause_end(low, mm.end()), True))
    for start, end, open_ in spans:
        first, last = _word_index(text, start), _word_index(text, end)
        if open_:
            own = [s for s, _, _ in verbs if first <= s < last]
            if own and own[0] > first + 4:
                last = own[0]  # its own verb was not recognised ("who set fire to ... was arrested")
            elif len(own) > 1:
                last = own[1]  # "the man who shot him on Monday was arrested": the clause ends at "was"
        out.append((first, last))
    return out


def _reduced_relatives(lows: list[str], verbs: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Participles after a noun with a date of their own: "under the accord signed in September",
    "The emergency declared in August remains in force". Only where the participle cannot be a
    main verb: the noun phrase follows a preposition, or opens the sentence and a verb follows
    (not a future: "The company announced in March it would close" is a main clause)."""
    out = []
    n = len(lows)
    for k, (s, _, kind) in enumerate(verbs):
        if kind != "past" or s < 2 or s + 1 >= n or lows[s + 1] not in _TIME_PREPOSITIONS:
            continue
        if lows[s] in _AUX_PAST or lows[s] in REPORTING_PAST or lows[s - 1] in _CUE or not lows[s - 1].isalpha():
            continue
        det = s - 2 if lows[s - 2] in DETERMINERS else (s - 3 if s >= 3 and lows[s - 3] in DETERMINERS else -1)
        if det < 0:
            continue
        following = verbs[k + 1] if k + 1 < len(verbs) else None
        if det and lows[det - 1] in _PREPOSITIONS:
            out.append((s, following[0] if following else n))
        elif det == 0 and following is not None and following[2] in ("past", "perf", "present") \
                and _CLAUSE_LINKS.isdisjoint(lows[s + 1:following[0]]):
            out.append((s, following[0]))
    if "those" in lows:  # "families of those killed at a rally last year": a participle read as no verb
        for i in range(1, n - 2):
            if lows[i] == "those" and lows[i - 1] in _PREPOSITIONS and lows[i + 2] in _TIME_PREPOSITIONS \
                    and (lows[i + 1][-2:] == "ed" or lows[i + 1] in IRREGULAR_PAST):
                end = next((s for s, _, _ in verbs if s > i + 1), n)
                out.append((i + 1, end))
    return out


_TENSED = frozenset("past perf fut fip modal".split())


def _present_only(verbs: list[tuple[int, int, str]], lows: list[str]) -> bool:
    """No verb of the sentence is past, perfect, future or modal (rule 8); a participle with its
    agent after a noun ("a bomb dropped by a jet explodes") is no tense."""
    return all(kind not in _TENSED or _passive_participle(s, lows) for s, _, kind in verbs) \
        and SAME_PAST.isdisjoint(lows)


def _passive_participle(s: int, lows: list[str]) -> bool:
    """The past form at ``s`` is a participle naming its agent after a noun, not a main verb."""
    return 0 < s < len(lows) - 1 and lows[s + 1] == "by" and lows[s].endswith("ed") \
        and lows[s - 1].isalpha() and lows[s - 1] not in _CUE


def _in_parentheses(text: str, m: TimeMention) -> bool:
    opening = text.rfind("(", 0, m.start)
    return opening != -1 and text.find(")", opening, m.start) == -1


def _inside(asides: list[tuple[int, int]], i: int) -> Optional[tuple[int, int]]:
    for a in asides:
        if a[0] <= i < a[1]:
            return a
    return None


def _governing(verbs: list[tuple[int, int, str]], asides, first: int, end: int) -> Optional[str]:
    """The kind of verb a date (words first..end) belongs to: the nearest cue before it in its
    clause, else the first after it."""
    span = _inside(asides, first) if asides else None
    before = after = None
    for s, e, kind in verbs:
        if asides and _inside(asides, s) != span:
            continue
        if e <= first:
            before = kind
        elif s >= end and after is None:
            after = kind
    return before or after


def _main_verb(verbs: list[tuple[int, int, str]], asides) -> Optional[str]:
    """The first verb cue outside asides: the main clause's tense."""
    for s, _, kind in verbs:
        if not _inside(asides, s):
            return kind
    return verbs[0][2] if verbs else None


def _datable(m: TimeMention) -> Optional[tuple[str, Granularity]]:
    if m.value is None or not m.value[:4].isdigit():
        return None  # "PRESENT_REF", a value the resolver could not anchor
    if m.type == "DATE" and m.granularity is not None and m.granularity in GRANULARITIES:
        return m.value, m.granularity
    if m.type == "TIME" and len(m.value) >= 10 and m.value[4] == "-" and m.value[7] == "-":
        return m.value[:10], "day"  # "Thursday night": a time on a known day dates that day
    return None


def _forward_mention(m: TimeMention, published: Optional[dt.date]) -> bool:
    """A date that is no candidate but lies ahead ("next week", "soon")."""
    if m.value == "FUTURE_REF":
        return True
    if published is None or not m.value or m.type != "DATE":
        return False
    text = m.text.lower()
    return text.startswith(("next", "the coming", "this coming", "tomorrow")) or (
        m.granularity in ("week", "quarter") and m.value[:4].isdigit() and int(m.value[:4]) > published.year)


@lru_cache(maxsize=256)  # most sentences of a document get the same one, and a frozen dataclass is slow to build
def _publication(published: Optional[dt.date], kind: DateKind, reason: str) -> EventDate:
    if published is None:
        return EventDate(None, None, kind, False, None, "no date" if reason == "publication date" else reason)
    return EventDate(published.isoformat(), "day", kind, False, None, reason)


@dataclass(slots=True)
class _Cand:
    index: int
    mention: TimeMention
    value: str
    granularity: Granularity
    role: str
    why: str
    first: int = 0       # word span of the mention
    end: int = 0
    aside: bool = False  # inside a relative clause or apposition: it dates the noun before it


# --------------------------------------------------------------------------- the rule


def event_date(text: str, mentions: Sequence[TimeMention], published: Optional[dt.date]) -> EventDate:
    """The date of the event ``text`` reports, and the kind of statement it is.

    ``mentions`` are the date expressions of this sentence with start/end relative to ``text``,
    as returned by ``storyline.timex.find_mentions(text, anchor=published)`` (or the document's
    mentions shifted to the sentence).
    """
    dated = _event_date(text, mentions, published)
    if ", " not in text[-CAPTION_COMMA:] or dated.present:  # most sentences: no comma near the end
        return dated
    if dated.kind in ("report", "none") and _caption_close(text):
        return replace(dated, present=True)
    return dated


def _caption_close(text: str) -> bool:
    """A photo caption naming no day (rule 8): told in the present with no tensed verb, closed by
    its place and country or city ("Rebel fighters run for cover near the front line in Brega,
    Ostmark.")."""
    end = text.rstrip()
    if _RX_CAPTION_PLACE.search(end, max(0, len(end) - CAPTION_TAIL)) is None:
        return False
    origs, lows = _words_and_lows(text)
    if not _CAPTION_NOT.isdisjoint(lows):
        return False  # "..., said an analyst in Greenwich, Conn.": someone's words, not a picture
    return _present_only(_verbs(origs, lows), lows)


_CAPTION_NOT = REPORTING_PAST | REPORTING_PRESENT | {"according"}


def _event_date(text: str, mentions: Sequence[TimeMention], published: Optional[dt.date]) -> EventDate:
    if isinstance(published, dt.datetime):
        published = published.date()
    if not mentions:
        return _undated(text, published)
    origs, lows = _words_and_lows(text)

    cands: list[_Cand] = []
    forward_mention = False
    prev_end: Optional[int] = None
    for i, m in enumerate(mentions):
        got = _datable(m)
        if got is None:
            forward_mention = forward_mention or _forward_mention(m, published)
            if m.type == "DATE" and m.value:
                prev_end = m.end
            continue
        value, gran = got
        if m.text[-1:].isdigit() and _RX_CLOCK_ZONE.match(text, m.end) is not None:
            continue  # "1815 GMT": a live blog's clock time, not a year
        first = _word_index(text, m.start)
        if _in_parentheses(text, m):
            role, why = "attributive", "parenthetical"  # "Hartmann (born 1950)", "(2019-2023)"
        else:
            role, why = _role(text, lows[max(0, first - 6):first], m, gran, prev_end)
        prev_end = m.end
        cands.append(_Cand(i, m, value, gran, role, why, first, first + len(m.text.split())))
    if not cands and not forward_mention:
        return _undated(text, published)

    verbs = _verbs(origs, lows)
    asides = _asides(text, lows, verbs)
    main = _main_verb(verbs, asides)
    stative = any(kind == "perf" for _, _, kind in verbs)
    for k, c in enumerate(cands):
        c.aside = bool(asides) and _inside(asides, c.first) is not None
        if c.role == "since_clause":  # a perfect main clause: the since-clause starts its state
            state = main == "perf" or _since_starts_state(lows, verbs, c.first, [d.first for d in cands[:k]])
            c.role, c.why = ("since", "since: state start") if state else ("event", "main-clause date")
        elif c.role == "subject":  # the time of a past action the subject did, else the thing's name
            after = [(s, kind) for s, _, kind in verbs if s >= c.end][:1]
            if after and after[0][1] == "past" and lows[after[0][0]] not in _AUX_PAST and after[0][0] <= c.end + 3:
                c.role = "event"
            else:
                c.role, c.why = _attributive(c.granularity)
        elif c.role == "range_start" and not (
                c.first <= 1 or (k + 1 < len(cands) and cands[k + 1].role == "range_end")
                or lows[c.end:c.end + 1] in (["on"], ["onwards"], ["onward"])
                or (c.granularity == "day" and _governing(verbs, asides, c.first, c.end) in ("fut", "fip"))):
            c.role, c.why = "attributive", "origin"  # "a poster from 1989", not "from 2010 to 2012",
            #                                          "rationed from Thursday"

    roles = {c.role for c in cands}
    events = [c for c in cands if c.role in ("event", "target") and not c.aside]
    if not events and "since" not in roles and not stative:
        events = [c for c in cands if c.role == "range_start" and not c.aside]  # "ran from March 3 to 9"
    if not events and (main in ("past", None) or published is None):
        # "The farmers, who met on Sept. 18, asked for ...": a day in a relative clause is mostly
        # the news itself; a month or year there is background ("whose parliament ratified it in 2019")
        events = [c for c in cands if c.aside and c.role == "event" and c.granularity == "day"]
        for c in events:
            c.why = "relative-clause date"
    if events:
        chosen = min(events, key=lambda c: (c.granularity != "day", c.mention.start))
        dated = _dated(chosen, verbs, asides, main, published)
        others = tuple(dict.fromkeys((c.value, c.granularity) for c in events
                                     if c is not chosen and c.granularity == chosen.granularity
                                     and c.value != dated.value))
        if dated.kind == "report" and chosen.granularity == "day" and chosen.first > 2 and _present_only(verbs, lows):
            dated = replace(dated, present=True)
        return replace(dated, others=others) if others and dated.kind == "report" else dated

    # no event date: a state, a preview without a date, or the publication date
    if "since" in roles:
        return _publication(published, "state", "since: state start")
    for c in cands:
        if c.role == "as_of":
            return EventDate(c.value, c.granularity, "state", True, c.index, "as of: state")
    ranges = roles & {"range_start", "range_end"}
    if ranges and main != "fut" and stative:
        return _publication(published, "state", "range: state")
    if main == "fut" or (forward_mention and main not in ("past", "perf")):
        return EventDate(None, None, "preview", False, None, "future: preview")
    if cands:
        c = cands[0]
        reason = c.why if c.role in ("attributive", "bound") else (
            "relative-clause date" if c.aside else "range end: publication date")
        return _publication(published, "report", reason)
    return _publication(published, "report", "publication date")


def _undated(text: str, published: Optional[dt.date]) -> EventDate:
    """A sentence naming no date: a preview, background, or a report of the publication day."""
    rough = sentence_words(text).low_split  # most sentences are settled by these two set look-ups
    future = (not _FUTURE_WORDS.isdisjoint(rough) or "is to " in text or "are to " in text
              or "about to " in text)
    generic = not _GENERIC_WORDS.isdisjoint(rough[:8]) and _RX_GENERIC.match(text) is not None
    if future or generic:
        origs, lows = _words_and_lows(text)
        verbs = _verbs(origs, lows)
        if future and _main_verb(verbs, _asides(text, lows, verbs)) == "fut":
            return EventDate(None, None, "preview", False, None, "future: preview")
        # background: a definition or habitual present, no tense, future or reporting cue, no quote
        if generic and all(kind == "present" and _CUE.get(lows[s]) not in ("says", "according")
                           for s, _, kind in verbs) and _RX_QUOTE.search(text) is None:
            return EventDate(None, None, "none", False, None, "background")
    return _publication(published, "report", "publication date")


def _dated(c: _Cand, verbs, asides, main: Optional[str], published: Optional[dt.date]) -> EventDate:
    """Report or preview of a chosen named date (rules 5 and 6)."""
    reason = c.why
    if published is None:
        return EventDate(c.value, c.granularity, "report", True, c.index, reason)
    bounds = _bounds(c.value, c.granularity)
    if bounds is None:
        return EventDate(c.value, c.granularity, "report", True, c.index, reason)
    first, last = bounds
    gov = _governing(verbs, asides, c.first, c.end)
    forward = gov in ("fut", "fip") or c.role == "target"
    if last < published:
        text = c.mention.text
        if (forward and c.granularity != "year" and _RX_HAS_YEAR.search(text) is None
                and _RX_RELATIVE_WORD.search(text) is None):
            moved = _moved_forward(c.value, c.granularity, text, published)
            if moved is not None:
                return EventDate(moved, c.granularity, "preview", True, c.index, "reported future: moved forward")
        if (c.granularity == "day" and (published - first).days == WEEKDAY_BACK and _bare_weekday(text)
                and not forward):
            ahead = (published + dt.timedelta(days=1)).isoformat()
            return EventDate(ahead, c.granularity, "report", True, c.index, "weekday after publication")
        return EventDate(c.value, c.granularity, "report", True, c.index, reason)
    if forward or (gov == "modal" and first > published):
        return EventDate(c.value, c.granularity, "preview", True, c.index, "future: preview")
    if first > published + dt.timedelta(days=SLACK_DAYS if c.granularity == "day" else 0):
        if gov in ("past", "perf") or (gov is None and main in ("past", "perf")):
            # "agreed to pay a fine in March": the date is the thing agreed, the report is today's
            return _publication(published, "report", "past report of a later date: publication date")
        return EventDate(c.value, c.granularity, "preview", True, c.index, "future: preview")
    return EventDate(c.value, c.granularity, "report", True, c.index, reason)
