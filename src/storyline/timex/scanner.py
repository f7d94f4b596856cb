"""Where the candidate rules run their patterns.

Most patterns start with optional words, which defeats the regex engine's fast scan for a
first character. They are therefore only run in windows around cheap trigger hits (a
month name, four digits, a time word): every match contains its trigger.
A rule names where it looks: around the hits of a trigger pattern, around the trigger
words (all of them, or only some), or in the whole text when it holds a rare word.

An ignore-case pattern of ASCII words is run minding case over the lower-cased text, which
finds the same spans faster (the engine compares characters without folding them); each one
is then matched again with the pattern itself at its start, so a rule reads the same match.

Two more shortcuts skip work that cannot find anything, so the matches stay the same: a rule
may name words one of which every match of its pattern holds (a window without any of them
is not searched), and a trigger whose every match holds a literal at a fixed place (the slash
of "5/6") is tried only where that literal stands, in the order the engine's own search would
try them, instead of at every position of the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional, Union

from .patterns import MON

_C = re.compile
TRIG_MONTH = _C(MON)
TRIG_DIGITS = _C(r"(?:1[6-9]|20)\d\d")
TRIG_DECADE = _C(r"\d0s\b")
TRIG_SLASH = _C(r"\d/\d")
TRIG_CLOCK = _C(r"\d\s*[aApP]\.?[mM]|\d[:.]\d\d")
TRIG_UTC4 = _C(r"\(\d{4}[ \t]+(?:GMT|UTC)\b")
TRIG_HALF = _C(r"[Hh]alf\b(?![ \t]+of\b)|1/2|½")  # not "half of"
TRIG_QCODE = _C(r"Q[1-4]")
TRIG_WORDS = ("second|minute|hour|period|day|week|fortnight|month|year|decade|centur|daily|nightly|annual|biennial|"
              "quarter|morning|afternoon|evening|night|now|current|present|recent|lately|past|soon|future|"
              "coming|ago|spring|summer|autumn|fall|winter|noon|midday|midnight|tomorrow")
UNIT_TRIGGERS = ("second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "centur")
TRIG_WORDS_LOW = _C(TRIG_WORDS)
TRIG_WORDS_ANY = _C(TRIG_WORDS, re.I)

# The only characters an ignore-case pattern matches to an ASCII letter that ``str.lower`` does
# not turn into that letter, or that lower-case to more than one character (a test checks every
# code point): in a text without them an ignore-case pattern matches where its lower-case twin
# matches the lower-cased text.
UNFOLDED = ("İ", "ı", "ſ")
# what a pattern may not hold to have a lower-case twin: an escape that lower-casing changes
# (\S, \W ...) or that names a character by its code (\x41, \N{...}, \101), or a group minding
# case "(?-i:"
_TWIN_UNSAFE = re.compile(r"\\[A-Zxu0-9]|\(\?[a-zA-Z]*-")
_twins: dict[re.Pattern, Optional[re.Pattern]] = {}


def twin(rx: re.Pattern) -> Optional[re.Pattern]:
    """The pattern that finds, minding case, in a lower-cased text what the ignore-case ``rx``
    finds in the text (see ``UNFOLDED``), or None when ``rx`` has none."""
    if rx not in _twins:
        source = rx.pattern
        cased = any(c.lower() != c.upper() for c in source if not c.isascii())
        lowered = source.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")  # group names in lower case
        _twins[rx] = (re.compile(lowered, rx.flags & ~re.I)
                      if rx.flags & re.I and not cased and not _TWIN_UNSAFE.search(source) else None)
    return _twins[rx]


def word_hits(low: str) -> list[tuple[int, int]]:
    """The spans of ``TRIG_WORDS_LOW.finditer(low)``, found with ``str.find`` (the C substring
    search passes over the text once a word, much faster than the regex engine trying forty
    words at every position): at each position the first word of the alternation that starts
    there, then on from its end, as the engine chooses."""
    first: dict[int, int] = {}  # position: end of the first word of the alternation there
    for word in _TRIG_WORD_LIST:
        at = low.find(word)
        while at >= 0:
            first.setdefault(at, at + len(word))
            at = low.find(word, at + 1)
    spans = []
    end = 0
    for at in sorted(first):
        if at >= end:
            end = first[at]
            spans.append((at, end))
    return spans


_TRIG_WORD_LIST = TRIG_WORDS.split("|")

# Literals every match of a trigger holds, with their distance from the match's start: the
# trigger can only start that far before one of them. Triggers without an entry are searched.
TRIGGER_LITERALS: dict[re.Pattern, tuple[tuple[str, int], ...]] = {
    TRIG_DECADE: (("0s", 1),),
    TRIG_SLASH: (("/", 1),),
    TRIG_UTC4: (("(", 0),),
    TRIG_HALF: (("Half", 0), ("half", 0), ("1/2", 0), ("½", 0)),
    TRIG_QCODE: (("Q", 0),),
}


def literal_hits(text: str, trigger: re.Pattern, literals: tuple[tuple[str, int], ...]) -> list[tuple[int, int]]:
    """The spans of ``trigger.finditer(text)``, matched only where a match could start (each of
    ``literals`` stands at its distance after every match's start): from left to right, as the
    engine's search finds them, the next try after a match at its end."""
    starts = set()
    for literal, offset in literals:
        at = text.find(literal, offset)
        while at >= 0:
            starts.add(at - offset)
            at = text.find(literal, at + 1)
    spans = []
    end = 0
    for at in sorted(starts):
        if at >= end:
            m = trigger.match(text, at)
            if m is not None:
                spans.append(m.span())
                end = m.end()
    return spans


@dataclass(frozen=True)
class TimeWords:
    """Around the trigger-word hits that are one of ``only`` (around all of them when empty)."""

    only: tuple[str, ...] = ()


@dataclass(frozen=True)
class WholeText:
    """The whole text, when its lower-cased form holds one of ``words`` or a match of ``gate``
    (for rare patterns). ``starts``: every match starts with one of ``words``, so the pattern
    is tried only there."""

    words: tuple[str, ...]
    gate: Optional[re.Pattern] = None
    starts: bool = False

    def found_in(self, low: str) -> bool:
        return any(word in low for word in self.words) or (self.gate is not None and self.gate.search(low) is not None)


@dataclass(frozen=True)
class Around:
    """Around the hits of ``trigger``, in windows of its own size (a pattern whose matches
    sit close to their trigger scans less text)."""

    trigger: re.Pattern
    before: int
    after: int


Near = Union[re.Pattern, TimeWords, WholeText, Around]


class Windows:
    """The hits of a trigger, their starts, and the merged windows around them (built once per
    text and trigger: several rules share one)."""

    def __init__(self, hits: list[tuple[int, int]], size: int, before: int = 45, after: int = 45):
        self.hits = hits
        self.starts = [s for s, _ in hits]
        spans: list[list[int]] = []
        for s, e in hits:
            lo, hi = max(0, s - before), min(size, e + after)
            if spans and lo <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], hi)
            else:
                spans.append([lo, hi])
        self.spans = spans


class Scanner:
    """Runs patterns over a text, only in windows around trigger hits."""

    def __init__(self, text: str):
        self.text = text
        low = text.lower()
        self.words = (word_hits(low) if len(low) == len(text)
                      else [m.span() for m in TRIG_WORDS_ANY.finditer(text)])
        self.word_keys = [text[s:e].lower() for s, e in self.words]  # what each hit says, once
        self.low = low
        self.folds = len(low) == len(text) and not any(c in text for c in UNFOLDED)  # twins find the same
        self._windows: dict[object, Windows] = {}  # several rules share a trigger

    def matches(self, rx: re.Pattern, near: Near, needles: tuple[str, ...] = ()) -> Iterable[re.Match]:
        """The matches of ``rx`` where ``near`` says to look. ``needles``: lower-case words one
        of which every match of ``rx`` holds (a window without any is not searched)."""
        if isinstance(near, WholeText):
            if not near.found_in(self.low):
                return ()
            if near.starts and self.folds:
                return self.matched_at(rx, near.words)
            return self.finditer(rx, 0, len(self.text))
        if isinstance(near, Around):
            return self.scan(rx, Windows(self.hits(near.trigger), len(self.text), near.before, near.after), needles)
        if near not in self._windows:
            if isinstance(near, TimeWords):
                hits = self.words_among(*near.only) if near.only else self.words
            else:
                hits = self.hits(near)
            self._windows[near] = Windows(hits, len(self.text))
        return self.scan(rx, self._windows[near], needles)

    def hits(self, trigger: re.Pattern) -> list[tuple[int, int]]:
        literals = TRIGGER_LITERALS.get(trigger)
        if literals is not None:
            return literal_hits(self.text, trigger, literals)
        return [m.span() for m in trigger.finditer(self.text)]

    def words_among(self, *words: str) -> list[tuple[int, int]]:
        """The trigger-word hits that are one of ``words``: patterns that always hold one of
        them (a season, "century") then scan far less text than around every time word."""
        return [span for span, key in zip(self.words, self.word_keys) if key in words]

    def scan(self, rx: re.Pattern, windows: Windows, needles: tuple[str, ...] = ()) -> Iterator[re.Match]:
        """Matches of ``rx`` that overlap a hit, found in the merged windows around the hits (a
        window without one of ``needles``, when given, holds none)."""
        hits, starts = windows.hits, windows.starts
        lower = twin(rx) if self.folds else None
        finder, text = (rx, self.text) if lower is None else (lower, self.low)
        find = self.low.find
        gate = needles if self.folds else ()  # lower-cased, the text keeps every offset
        for lo, hi in windows.spans:
            if gate:
                for word in gate:
                    if find(word, lo, hi) >= 0:
                        break
                else:
                    continue
            for m in finder.finditer(text, lo, hi):
                i = bisect.bisect_left(starts, m.end())  # hits do not overlap: the last one before
                if i and hits[i - 1][1] > m.start():     # the match's end reaches furthest
                    yield m if lower is None else rx.match(self.text, m.start(), hi)  # type: ignore[misc]

    def matched_at(self, rx: re.Pattern, words: tuple[str, ...]) -> Iterator[re.Match]:
        """``rx.finditer(self.text)`` for a pattern whose every match starts with one of
        ``words`` (lower-cased): tried where they stand, from left to right, the next try after
        a match at its end (no match is empty)."""
        starts = set()
        for word in words:
            at = self.low.find(word)
            while at >= 0:
                starts.add(at)
                at = self.low.find(word, at + 1)
        end = 0
        for at in sorted(starts):
            if at >= end:
                m = rx.match(self.text, at)
                if m is not None:
                    yield m
                    end = m.end()

    def finditer(self, rx: re.Pattern, lo: int, hi: int) -> Iterator[re.Match]:
        """``rx.finditer(self.text, lo, hi)``, through its twin where it has one."""
        lower = twin(rx) if self.folds else None
        if lower is None:
            return rx.finditer(self.text, lo, hi)
        return (rx.match(self.text, m.start(), hi) for m in lower.finditer(self.low, lo, hi))  # type: ignore[misc]
