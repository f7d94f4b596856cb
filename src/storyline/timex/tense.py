"""The tense of the sentence around a mention: the cue that decides a yearless date's year.

Future cues ("will", "scheduled", "ahead of") and past cues (ed-verbs, "was", "ago") are
found once per rough sentence; the nearest one, weighted by where it stands, says whether
"March 20" or "Friday" lies ahead of the publication date or behind it.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterator, Optional

from .lexicon import AUXILIARIES, ED_NOT_PAST
from .scanner import UNFOLDED

_C = re.compile
RX_CUES = _C(r"""\b(?:
  (?P<fut>will|shall|must|should|might|(?-i:may)|won['’]t|\w+['’]ll|payable|(?:has|have|needs?)\s+to|(?:is|are|am|was|were|'s|’s)\s+(?:to|due)|scheduled|slated|plans?\s+to|planning
    |expects?|set\s+to|hopes?|upcoming|forthcoming|next|ahead\s+of|going\s+to|coming|tomorrow
    |(?:agree|decides?|promises?|vows?|pledges?|wants?|hopes?|intends?|aims?
       |seeks?|prepares?|preparing|agrees)\s+to
    |due\s+to\s+(?:be|begin|start|meet|arrive|take|hold|visit|open|close|return|leave|sign|vote|end|resume
       |announce|release|travel|appear|testify|speak|face|report))
  |(?P<pastto>(?:agreed|decided|promised|vowed|pledged|offered|prepared|sought|voted)\s+to)
  |(?P<would>would|'d|’d)
  |(?P<plan>(?:planned|hoped|expected|wanted|intended|aimed|meant|supposed)(?:\s+to)?)
  |(?P<report>said|told|says|according)
  |(?P<past>ago|earlier|last|since|previously|yesterday|was|were|had|did|met|began|begun|held|came|went|took|made
    |gave|left|saw|spoke|sat|won|lost|fell|rose|became|sent|brought|ran|paid|kept|found|got|struck|broke|chose
    |drew|drove|flew|grew|heard|knew|meant|sold|stood|taught|threw|wrote|[a-z]{2,}ed)
)\b""", re.I | re.X)
# RX_CUES minding case, for the lower-cased text (three times faster: the engine compares
# characters without folding them, see ``scanner``). It also takes "May", which RX_CUES takes
# only in lower case, so it finds a superset of RX_CUES's starts, each matched again by RX_CUES.
RX_CUES_LOW = _C(RX_CUES.pattern.replace("(?-i:may)", "may").lower().replace("(?p<", "(?P<"), re.X)
RX_DETERMINER_BEFORE = _C(r"\b(?:the|a|an|its|their|his|her|our|this|that|these|those|some|any|no|each)\s+$", re.I)
RX_FOR_DAY = _C(r"\bfor\s+$")
# An end point or a start ahead: "delayed until noon Friday", "stays shut till March 3", "effective
# Aug. 1", "extended the ban through July 12": the date lies ahead even in a past sentence (not
# after a bare "was"/"had", "was at large until Dec. 7", nor in a sentence that opens with it,
# "Until Thursday, they had not...": a state up to a day now past).
RX_AHEAD_BEFORE = _C(r"\b(?:until|till|effective"
                     r"|(?:extend|postpone|delay|put\s+off|push\w*(?:\s+[\w'’]+){0,3}\s+back)\w*\s+(?:[\w'’]+\s+){0,3}(?:to|through))\s+"
                     r"(?:(?:noon|midnight|\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?)\s+(?:on\s+)?|(?:on|next)\s+)?$", re.I)
# A reporting verb in the past right before the date dates the report: "said in November",
# "told reporters on Monday".
RX_REPORT_PAST = _C(r"(?:said|told)$", re.I)
RX_POSSESSIVE = _C(r"['’]s\b")
# A date that names a deadline ("the Jan. 14 deadline", "a Jan. 14 return date") is set for
# a day near the report, ahead as often as behind: the past tense of the sentence says nothing.
RX_DEADLINE_AFTER = _C(r"[ \t]+(?:deadline|cut-?off|target\s+date|return\s+date|due\s+date|expiry\s+date)\b", re.I)
# An infinitive between a past verb and a date: the date belongs to what was asked, planned or
# ordered ("asked it to respond by Oct. 31", "subpoenaed him to testify on Feb. 10"), not to the
# past verb ("returned to power in May" is no infinitive: a noun follows "to").
RX_INFINITIVE = _C(r"\bto\s+(?:be\s+)?(?:respond|testify|appear|attend|vote|decide|pay|repay|complete|deliver|report"
                   r"|return|resume|begin|start|open|close|end|finish|meet|visit|leave|file|submit|sign|hold|expire"
                   r"|acquire|buy|sell|redeem|launch|release|announce|rule|hear|consider|issue|raise|cut|take|make"
                   r"|comply|reply|act|present|publish|complete|mark|celebrate|reopen|travel|arrive|settle)\b", re.I)
RX_BE_BEFORE = _C(r"\b(?:be|being)\s+$", re.I)


def _passive_participle(text: str, start: int, end: int) -> bool:
    """A participle after "be" ("will be held", "would be rationed"), which says nothing about time."""
    return bool(RX_BE_BEFORE.search(text, max(0, start - 8), start))


RX_SENT_END = _C(r"[.!?…][\"'”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])|\n")
_ABBREV_BEFORE_DOT = _C(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Prof|No|Jr|Sr|Inc|Corp|Co|vs|Ave|Mt|Ft"
                        r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)"
                        r"|\b[A-Z]|\b[A-Z]\.[A-Z]|\b[a-z]\.[a-z])$")


def sentence_starts(text: str) -> list[int]:
    """Rough sentence starts, good enough to find a mention's tense cues."""
    starts = [0]
    for m in RX_SENT_END.finditer(text):
        if m.group(0) != "\n" and _ABBREV_BEFORE_DOT.search(text, max(0, m.start() - 6), m.start()):
            continue
        starts.append(m.end())
    return starts


class SentenceCues:
    """The rough sentences of a text and, found once per sentence, their tense cues."""

    def __init__(self, text: str):
        self.text = text
        self.starts = sentence_starts(text)
        self._cues: dict[int, list[tuple[int, int, str]]] = {}
        low = text.lower()
        self.low = low if len(low) == len(text) and not any(c in text for c in UNFOLDED) else None

    def cue_matches(self, s: int, e: int) -> Iterator[re.Match]:
        """``RX_CUES.finditer(self.text, s, e)``: where the lower-cased text allows it, the
        starts found by ``RX_CUES_LOW`` are matched by RX_CUES, the next search from the end
        of a match or one past a start it refuses (a cue is never empty)."""
        if self.low is None:
            yield from RX_CUES.finditer(self.text, s, e)
            return
        pos = s
        while True:
            hit = RX_CUES_LOW.search(self.low, pos, e)
            if hit is None:
                return
            m = RX_CUES.match(self.text, hit.start(), e)
            if m is None:
                pos = hit.start() + 1
                continue
            yield m
            pos = m.end()

    def bounds(self, pos: int) -> tuple[int, int, int]:
        """The index, start and end of the sentence around ``pos``."""
        i = bisect.bisect_right(self.starts, pos) - 1
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return i, self.starts[i], end

    def _cues_of(self, i: int, s: int, e: int) -> list[tuple[int, int, str]]:
        """The tense cues of sentence ``i`` (from ``s`` to ``e``): (start, end, kind)."""
        if i not in self._cues:
            cues: list[tuple[int, int, str]] = []
            for m in self.cue_matches(s, e):
                kind = m.lastgroup
                assert kind is not None  # every alternative of RX_CUES is a named group
                if kind == "past" and m.group(0).lower() in ED_NOT_PAST:
                    continue
                if (kind == "past" and m.group(0).lower().endswith("ed")
                        and RX_DETERMINER_BEFORE.search(self.text, max(s, m.start() - 8), m.start())):
                    continue  # "its preferred stock", "the armed forces": an adjective, no tense
                if kind == "past" and _passive_participle(self.text, m.start(), m.end()):
                    continue  # "would be rationed", "the system ordered by the court": no tense of its own
                if (cues and cues[-1][2] == "past" and m.start() - cues[-1][1] <= 2
                        and self.text[cues[-1][0]:cues[-1][1]].lower() in AUXILIARIES):
                    cues.pop()  # "was meant to", "had planned": the verb after the auxiliary decides
                cues.append((m.start(), m.end(), kind))
            self._cues[i] = cues
        return self._cues[i]

    def tense(self, start: int, end: int, day_like: bool = True) -> tuple[Optional[str], Optional[str]]:
        """"past", "future" or None from the nearest tense cue in the sentence, and the kind of
        cue that decided (None when none did)."""
        i, s, e = self.bounds(start)
        cues = self._cues_of(i, s, e)
        if (day_like and RX_FOR_DAY.search(self.text, max(s, start - 6), start)
                and not RX_POSSESSIVE.match(self.text, end)):
            return "future", None  # "a protest for Saturday", "talks set for Friday" (not "profit for the quarter")
        if RX_DEADLINE_AFTER.match(self.text, end):
            return None, None  # "the Jan. 14 deadline": the nearest such day, whatever the verb's tense
        ahead = RX_AHEAD_BEFORE.search(self.text, max(s, start - 40), start)
        if ahead and self.text[s:ahead.start()].strip():
            before = [c for c in cues if c[1] <= ahead.start()]
            # "he was at large until Dec. 7": a state that lasted up to a day now past
            if not (before and self.text[before[-1][0]:before[-1][1]].lower() in AUXILIARIES):
                return "future", None
        # "Wednesday's ruling" names a day by what happened on it: only a cue right before it
        # ("ahead of Friday's vote") says otherwise.
        possessive = day_like and RX_POSSESSIVE.match(self.text, end) is not None
        best, best_d = None, None
        best_cue: Optional[tuple[int, int]] = None
        for cs, ce, kind in cues:
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
                best, best_d, best_cue = kind, d, (cs, ce)
        if best == "pastto":
            # "voted to", "agreed to": a past decision about something after it. A weekday
            # names when it was decided ("agreed to the deal on Friday"); a month or a date
            # further off names the plan ("agreed to buy the line in February").
            return ("past" if day_like else "future"), best
        if best in ("fut", "would", "plan"):
            return "future", best
        if best == "past":
            if best_cue is not None and best_cue[1] <= start and RX_INFINITIVE.search(self.text, best_cue[1], start):
                return None, best  # "asked it to respond by Oct. 31": the date is the infinitive's
            return "past", best
        if best == "report" and best_cue is not None and best_cue[1] <= start and start - best_cue[1] <= 22 \
                and RX_REPORT_PAST.search(self.text, best_cue[0], best_cue[1]) \
                and not re.search(r"\b(?:that|the|a|an|it|he|she|they|we|its|their)\b", self.text[best_cue[1]:start], re.I):
            return "past", best  # "said in November", "told reporters Monday": when it was said
        return None, best  # a reporting verb ("said") dates the report, not what is reported
