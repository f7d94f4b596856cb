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
* "the past week", "the last week" -> the ISO week holding most of those seven days (the
  one of the day three days before the anchor), a DATE as in TimeML; "the past two weeks"
  stays a duration. "the current fiscal year", "last fiscal year" -> the year.
* "now", "currently", and "today" closing a general statement ("than is possible today",
  "even today", "the world today") -> PRESENT_REF; "recently", "in the past" -> PAST_REF;
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
  (a time zone dropped, except universal time: "14:30 GMT" -> "...T14:30Z", and "3 p.m.
  (1200 GMT)" is one TIME in universal time), on the nearest day named in the same sentence,
  else the anchor. A
  full date with its clock time ("May 2, 2013, 1:32 PM", a byline's stamp) is one TIME.
* Durations: "P3Y", "P2W", "PT2H"; a counted decade or century in years as TimeML writes it
  ("the coming decade", "the past decade" -> "P10Y", "three centuries" -> "P300Y"); halves
  and two units in the smaller one ("two and a half years" -> "P2Y6M", "an hour and a half"
  -> "PT1H30M", "two hours and 51 minutes" -> "PT2H51M"); vague amounts use
  X ("several years", "in recent years" -> "PXY"), and so does a bare plural unit after
  "for", "within", "in", "after", "over", "take"/"took", "lasted" or before "of" and a noun
  ("may take years", "within days", "decades of quarrels" -> "PXY", "PXD", "PXDE"). "30-year-old", "aged 18 months" are ages,
  "a ten-minute drive from X" a distance, "a second protest" an ordinal: none is tagged.
* "ten years from now" is two expressions, as in TimeML: "ten years" (P10Y) and "now"
  (PRESENT_REF). A length only roughly known before "later"/"earlier" ("some two weeks
  later", "a few days later") is the DURATION without the direction word; an exact one
  ("two days later") still names a day.
* Earnings news: "the quarter", "the latest quarter/period" are the last quarter named in
  the document (else the last one finished); "a year ago", "year-earlier" and "the year-ago
  quarter" in such a report are that quarter a year before, as TimeBank annotates them.
* Attributive years count ("its 1990 invasion", "a 1996 law"); "2012 people" and a year
  naming a group or an edition ("the 1986 squad", "a 2004 vintage") do not.
  Years read out ("nineteen ninety-six"), holidays ("Thanksgiving Day", "Easter"),
  "July last year", "over the weekend" and "10 p.m. Wednesday" (one TIME) are recognized.
* "annual", "quarterly" before a noun ("the annual meeting") name a kind of thing and are
  not tagged (as in TimeBank); "annually", "every year" are SETs.
* Sets: "every week"/"weekly" -> "P1W", "annual" -> "P1Y", "every Monday" -> "XXXX-WXX-1".
* * "Dec. 15 and 16", "Dec. 15-16", "2013-14", "between 2010 and 2012": one mention per
  date (the later ones carry month/year over), never one range value. The second span of
  "Dec. 15 and 16" is "16"; a trailing year goes with the last day ("16, 2016").

A story told from another time counts from that time: after a date that says when a letter,
an email or a memo was written ("an email dated March 3, 2009", "a letter written in 2009",
"a 2009 letter") or that opens a flashback with its year ("Back in 2009,", "In March 2009,"),
the relative expressions of the rest of the sentence, and of a quotation opened in it, count
from that date ("tomorrow" -> 2009-03-04). When that time is known only to the year, what
needs a day ("on Friday evening") keeps value None rather than a day of the publication week.

Year choice for an expression without a year ("March 20", "in January", "in the spring",
"the first quarter", "Friday"): tense of the sentence around it decides. Future cues
(will, scheduled, plans to, ahead of, next ...) pick the next occurrence that is not over
yet, past cues (ed-verbs, was/were, ago, since ...) the latest one already begun (a day
date may lie up to three days after the anchor). Without a cue weekdays default to the
past (news reports what happened, including on the anchor day itself), other dates to
the nearest occurrence. A past decision ("agreed to", "voted to") puts a day in the past
(when it was decided) and a month ahead (the plan); a past reporting verb right before the
date ("said in December", "told reporters Monday") puts it in the past; an end point or
start after "until", "till", "effective" or "put off/extended to" lies ahead, unless a bare
"was"/"had" states what lasted up to it ("was at large until Oct. 7") or the sentence opens
with it. A member of a list or range ("late January or February") is placed on or after
the member before it.

The package, in the order a text goes through it: ``lexicon`` (the words), ``patterns``
(the regular expressions), ``scanner`` (where to run them), ``rules`` (the table of
candidate rules), ``candidate`` (the choice among overlapping candidates), ``tense`` and
``context`` (what the resolver reads around a mention), ``kinds`` (one value handler per
kind of candidate), ``resolver`` (the walk over a text) and ``dates`` (calendar arithmetic).
``api`` holds ``find_mentions``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import first_use
from .dates import season_span
from .lexicon import SEASON_CODES

if TYPE_CHECKING:
    from .api import find_mentions
    from .kinds import SLACK_DAYS

__all__ = ["find_mentions", "season_span", "SEASON_CODES", "SLACK_DAYS"]


# ``find_mentions`` and ``SLACK_DAYS`` on first use: a timeline names seasons but finds no date
# expressions, and the rules' hundreds of patterns take a tenth of a second to compile.
__getattr__ = first_use(globals(), {"find_mentions": ".api", "SLACK_DAYS": ".kinds"})
