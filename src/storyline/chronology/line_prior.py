"""The learned event prior: how likely a candidate sentence is a line an editor keeps.

The hand rules (``furniture``, ``candidates``) each refuse or weaken a named class of text. What
they leave is mostly analysis, opinion, background, forecasts, status lines and captions, which
no single rule names. Editors filed the lines of many default timelines as right, wrong date,
furniture or no event; this module measures each candidate on cues that do not depend on the
story (tense and aspect, modal and future words, attribution and quotation, numbers, capitals,
questions, first person, position in its document, the document's attribution share, the kind
and distance of its event date, the build's own flags and prior) and turns them into the
probability that the sentence is a real event filed under its date, with a logistic model
trained on those readings (``benchmarks/editor_check/train_prior.py``). The probability
multiplies the sentence's stored prior (``FeatureParams.event_prior``).

The model is a logistic regression fitted by scikit-learn and stored as plain JSON
(``line_prior.json``: feature names, standardization and coefficients); evaluating it is a dot
product written here, so a build imports no scikit-learn.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Optional, Sequence

from ..model import DateKind, Granularity
from .candidates import ATTRIBUTION, QUOTED, ascii_words, attribution, display_text, ends_sentence, outside_quotes
from .words import sentence_words

__all__ = ["LINE_PRIOR_FEATURES", "MODEL_FILE", "DocumentCues", "SentenceCues", "document_cues", "line_features",
           "LinePrior", "shipped_prior"]

MODEL_FILE = "line_prior.json"

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d[\d,.]*", re.UNICODE)
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|[0-9][0-9,.]*")  # the same where ``ascii_words``, faster
_FUTURE = re.compile(r"\b(?:will|is due to|are due to|is set to|are set to|is expected to|are expected to|plans? to|"
                     r"is to|are to|is scheduled|are scheduled|is likely to|are likely to|next (?:week|month|year)|"
                     r"later this|tomorrow|upcoming|forthcoming|going to)\b", re.I)
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?(?:been|\w+ed|\w+en)\b", re.I)
_PROGRESSIVE = re.compile(r"\b(?:is|are|was|were)\s+\w+ing\b", re.I)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+\w+ed\b", re.I)
_DAY_WORDS = re.compile(r"\b(?:today|yesterday|tonight|last night|this morning|this afternoon|this evening|"
                        r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
_PERCENT = re.compile(r"%|\bper ?cent\b|\bpercent\b", re.I)
_MONEY = re.compile(r"[$£€]|\b(?:dollars?|euros?|pounds?|billion|million)\b", re.I)
_DASH = re.compile(r"\s[-–—]{1,2}\s")

# The one-word cues (modal, hedge, past and present auxiliaries, background and linking words,
# first and second person, caption words) as sets of \w runs: a pattern ``\b(?:a|b)\b`` matches
# exactly the runs of word characters equal to one of its words, so counting runs in a set gives
# that pattern's count in one pass over a sentence's runs instead of a scan per cue (a test
# checks the counts against such patterns). Only the cues' forms with an apostrophe or a space
# are searched for as patterns.
_RUN = re.compile(r"\w+")
_ASCII_RUN = re.compile(r"[A-Za-z0-9_]+")
_MODAL_WORDS = frozenset("will would could may might should must shall can cannot".split())
_MODAL_REST = re.compile(r"\b(?:won't|wouldn't|couldn't)\b", re.I)
_HEDGE_WORDS = frozenset("likely unlikely probably perhaps possibly appear appears seem seems may might could expected "
                         "analyst analysts expert experts observer observers critic critics arguably suggest suggests"
                         .split())
_PAST_WORDS = frozenset("was were had did said told announced".split())
_PRESENT_WORDS = frozenset("is are am has have does do says".split())
_BACKGROUND_WORDS = frozenset("since ago former formerly previously earlier history historic decade decades year years "
                              "once long".split())
_BACKGROUND_REST = re.compile(r"\bfirst time\b", re.I)
_LINKING_WORDS = frozenset("because therefore thus however although while but".split())
_LINKING_REST = re.compile(r"\bas a result\b", re.I)
_FIRST_WORDS = frozenset("I me my we We our Our us".split())
_SECOND_WORDS = frozenset("you You your Your".split())
_CAPTION_WORDS = frozenset("photo pictured picture image AP AFP Reuters Getty caption file".split())

_KINDS = ("report", "state", "preview", "none")
_GRANULARITIES = ("day", "month", "year")
_REASONS = ("publication date", "main-clause date", "relative-clause date", "attributive date", "attributive year",
            "parenthetical")

_KIND_NAMES = tuple((k, f"kind {k}") for k in _KINDS)
_GRANULARITY_NAMES = tuple((g, f"granularity {g}") for g in _GRANULARITIES)
_REASON_NAMES = tuple((r, f"reason {r}") for r in _REASONS)


def _one_hot(names: tuple[tuple[str, str], ...]) -> tuple[list[float], dict[Optional[str], list[float]]]:
    """The features of each value in the order of ``names`` (1.0 for its name, 0.0 for the others),
    and of any other value."""
    return [0.0] * len(names), {value: [float(n == name) for _, n in names] for value, name in names}


_ONE_HOT = tuple(_one_hot(names) for names in (_KIND_NAMES, _GRANULARITY_NAMES, _REASON_NAMES))

# The features in the model's order, in the four groups ``line_features`` writes them in: the
# sentence's own words (``_text_features``: its first three, then the rest), its place in its
# document and the document's cues, and its event date with the build's flags; then the one-hot
# kind, granularity and reason.
_TEXT_HEAD = ["log words", "lead cut", "cut share"]
_PLACE = ["position", "lead sentence", "log index", "doc log sentences", "doc attribution share", "doc asks",
          "doc commentary"]
_TEXT_BODY = [
    "attributed", "quoted share", "opens with quote", "modal", "future", "hedge", "past aux", "present aux", "perfect",
    "progressive", "passive", "ed share", "background words", "day word", "linking words", "first person",
    "second person", "question", "exclamation", "years named", "number share", "percent", "money", "caption words",
    "capitalised share", "capitalised run", "all capitals", "parentheses", "colon", "dash", "no sentence end",
]
_DATED = ["named date", "prior", "chronology", "other dates", "date after publication", "log days before publication",
          "undated document"]
LINE_PRIOR_FEATURES = [*_TEXT_HEAD, *_PLACE, *_TEXT_BODY, *_DATED,
                       *(name for names in (_KIND_NAMES, _GRANULARITY_NAMES, _REASON_NAMES) for _, name in names)]


@dataclass(frozen=True)
class DocumentCues:
    """What the prior reads of a sentence's document (once per document)."""

    sentences: int
    attribution: float     # share of its sentences attributing outside quotation marks
    asks: bool             # a sentence of it, outside quotation marks, asks its reader a question
    commentary: bool       # it reads as commentary (``candidates.commentary``)


@dataclass(frozen=True)
class SentenceCues:
    """What the build found of one sentence: its place, its event date and the hand rules' prior."""

    index: int
    kind: DateKind
    named: bool
    granularity: Optional[Granularity]
    date: Optional[str]
    reason: str
    prior: float
    chronology: bool
    other_dates: int


def document_cues(texts: list[str], is_commentary: bool, said: Optional[tuple[float, bool]] = None) -> DocumentCues:
    """The document-level cues of a document's sentence texts (``said``: their ``attribution``
    when known)."""
    share, asks = said or attribution(texts)
    return DocumentCues(len(texts), share, asks, is_commentary)


def _days_before(published: Optional[dt.date], date: Optional[str]) -> Optional[int]:
    """Days from the event date (mid-month, mid-year for coarser dates) to publication."""
    if published is None or not date or len(date) < 4 or not date[:4].isdigit():
        return None
    try:
        if len(date) == 10:
            day = dt.date.fromisoformat(date)
        elif len(date) == 7 and date[5:].isdigit():
            day = dt.date(int(date[:4]), int(date[5:]), 15)
        else:
            day = dt.date(int(date[:4]), 7, 1)
    except ValueError:
        return None
    return (published - day).days


_COUNTED = (_MODAL_WORDS, _HEDGE_WORDS, _PAST_WORDS, _PRESENT_WORDS, _BACKGROUND_WORDS, _LINKING_WORDS)
# each word of a counted cue: the places in ``_COUNTED`` of the cues it belongs to ("may" is modal and hedge)
_COUNTED_IN = {word: tuple(i for i, words in enumerate(_COUNTED) if word in words)
               for word in frozenset().union(*_COUNTED)}


def _counts(runs: list[str]) -> list[int]:
    """How many of ``runs``, lower-cased, each set of ``_COUNTED`` holds (one pass over the runs;
    the few that are a cue's word counted for each cue they belong to)."""
    counts = [0] * len(_COUNTED)
    for hit in [_COUNTED_IN[r] for r in map(str.lower, runs) if r in _COUNTED_IN]:
        for i in hit:
            counts[i] += 1
    return counts


# The only characters an ignore-case pattern matches to an ASCII letter that ``str.lower`` does
# not turn into that letter (a test checks every code point). In a text without them, an
# ignore-case pattern of lower-case ASCII words matches where the same pattern, minding case,
# matches the lower-cased text, and only where that text has one of the pattern's needles.
_UNFOLDED = ("İ", "ı", "ſ")


class _Cue:
    """A cue's pattern and its needles: substrings the lower-cased text has wherever it matches.

    An ignore-case pattern is run minding case over the lower-cased text (the same matches,
    faster), or its ``twin`` there: the same pattern with each ``\\b`` before a word written after
    the word's first letter as "no word character before that letter" (``\\bhas`` as
    ``h(?<!\\wh)as``), which matches where it does, but lets the engine skip to where such a
    letter stands instead of trying every position (a test compares the spans)."""

    def __init__(self, pattern: re.Pattern, needles: tuple[str, ...], twin: Optional[str] = None):
        self.pattern = pattern
        self.needles = needles
        self.lower = re.compile(twin or pattern.pattern, pattern.flags & ~re.I) if pattern.flags & re.I else None

    def matches(self, text: str, lowered: Optional[str]) -> list[str]:
        """The pattern's matches in ``text``, whose lower-cased form is ``lowered`` (None when
        ``text`` has characters of ``_UNFOLDED``: then the pattern itself is run)."""
        if lowered is None:
            return self.pattern.findall(text)
        for needle in self.needles:
            if needle in lowered:
                return self.lower.findall(lowered) if self.lower is not None else self.pattern.findall(text)
        return []

    def search(self, text: str, lowered: Optional[str]) -> bool:
        """Whether the pattern matches ``text`` (``lowered`` as for ``matches``)."""
        if lowered is None:
            return self.pattern.search(text) is not None
        for needle in self.needles:
            if needle in lowered:
                found = self.lower.search(lowered) if self.lower is not None else self.pattern.search(text)
                return found is not None
        return False


_CUES = {pattern: _Cue(pattern, needles) for pattern, needles in (
    (_FUTURE, ("will", "due to", "set to", "expected to", "plan", "is to", "are to", "scheduled", "likely to", "next ",
               "later this", "tomorrow", "upcoming", "forthcoming", "going to")),
    (_DAY_WORDS, ("day", "night", "morning", "afternoon", "evening")), (_PERCENT, ("%", "cent")),
    (_MONEY, ("$", "£", "€", "dollar", "euro", "pound", "billion", "million")),
    (_MODAL_REST, ("n't",)), (_BACKGROUND_REST, ("first time",)), (_LINKING_REST, ("as a result",)),
    (ATTRIBUTION, ("said", "say", "told", "tell", "according to", "announced", "report", "added", "stated",
                   "confirmed", "denied", "claimed", "warned", "quoted")),
)}
_CUES[_PERFECT] = _Cue(_PERFECT, ("has", "have", "had"), r"h(?<!\wh)a(?:s|ve|d)\s+(?:\w+ly\s+)?(?:been|\w+ed|\w+en)\b")
_CUES[_PROGRESSIVE] = _Cue(_PROGRESSIVE, ("ing",), r"i(?<!\wi)s\s+\w+ing\b|a(?<!\wa)re\s+\w+ing\b|"
                           r"w(?<!\ww)as\s+\w+ing\b|w(?<!\ww)ere\s+\w+ing\b")
_CUES[_PASSIVE] = _Cue(_PASSIVE, ("ed",), r"w(?<!\ww)as\s+\w+ed\b|w(?<!\ww)ere\s+\w+ed\b|b(?<!\wb)een\s+\w+ed\b|"
                       r"b(?<!\wb)eing\s+\w+ed\b|i(?<!\wi)s\s+\w+ed\b|a(?<!\wa)re\s+\w+ed\b")


_ATTRIBUTED, _FUTURE_CUE, _PERFECT_CUE, _PROGRESSIVE_CUE, _PASSIVE_CUE = (
    _CUES[p] for p in (ATTRIBUTION, _FUTURE, _PERFECT, _PROGRESSIVE, _PASSIVE))
_DAY_CUE, _PERCENT_CUE, _MONEY_CUE, _MODAL_CUE, _BACKGROUND_CUE, _LINKING_CUE = (
    _CUES[p] for p in (_DAY_WORDS, _PERCENT, _MONEY, _MODAL_REST, _BACKGROUND_REST, _LINKING_REST))


def _capital_run(capitals: bytes) -> int:
    """The longest run of ones in ``capitals`` (one byte per word: 1 when it opens on a capital)."""
    return max(map(len, capitals.split(b"\0")))


# ``bytes.translate``'s table of a word's first character, ASCII, to its byte for ``_capital_run``:
# 1 for a capital, else 0 (as ``str.isupper``)
_CAPITAL = bytes(int(chr(c).isupper()) for c in range(256))
_DASHES = ("-", "–", "—")


def _text_features(text: str) -> tuple[list[float], list[float]]:
    """The cues of the sentence's own words, as shown (its glued lead cut): ``_TEXT_HEAD`` and
    ``_TEXT_BODY``. Each word run is read once; a cue's pattern is run only on a sentence that has
    one of its needles (``_CUES``); a pattern that cannot match for want of its characters (a
    quotation mark, a dash) is not run."""
    shown = display_text(text)
    ascii_only = ascii_words(shown)
    run = _ASCII_RUN if ascii_only else _RUN
    words = (_ASCII_WORD if ascii_only else _WORD).findall(shown)
    n = max(len(words), 1)
    outside = outside_quotes(shown)
    runs = run.findall(outside)
    plain = shown.isascii() or not any([c in shown for c in _UNFOLDED])
    low_shown = sentence_words(shown).low if plain else None
    low_outside = low_shown if outside is shown else outside.lower() if plain else None
    modal, hedge, past, present, background, linking = _counts(runs)
    firsts = "".join([w[0] for w in words])
    capitals = firsts.encode().translate(_CAPITAL) if firsts.isascii() else bytes(map(str.isupper, firsts))
    digits = sum(map(str.isdigit, firsts))
    shown_runs = runs if outside == shown else run.findall(shown)
    head = [math.log1p(len(words)), float(shown != text), 1 - len(shown) / max(len(text), 1)]
    body = [
        float(_ATTRIBUTED.search(outside, low_outside)),
        sum([len(q) for q in QUOTED.findall(shown)]) / max(len(shown), 1) if outside != shown else 0.0,
        float(shown[:1] in "\"“'‘"),
        (modal + len(_MODAL_CUE.matches(outside, low_outside))) / n * 10,
        float(_FUTURE_CUE.search(outside, low_outside)),
        hedge / n * 10, past / n * 10, present / n * 10,
        float(_PERFECT_CUE.search(outside, low_outside)),
        float(_PROGRESSIVE_CUE.search(outside, low_outside)),
        float(_PASSIVE_CUE.search(outside, low_outside)),
        len([r for r in runs if r.endswith("ed") and len(r) >= 5]) / n,
        (background + len(_BACKGROUND_CUE.matches(outside, low_outside))) / n * 10,
        float(_DAY_CUE.search(shown, low_shown)),
        (linking + len(_LINKING_CUE.matches(outside, low_outside))) / n * 10,
        float(not _FIRST_WORDS.isdisjoint(runs)), float(not _SECOND_WORDS.isdisjoint(runs)),
        float("?" in shown), float("!" in shown),
        float(len(_YEAR.findall(shown)) if digits else 0), digits / n,
        float(_PERCENT_CUE.search(shown, low_shown)), float(_MONEY_CUE.search(shown, low_shown)),
        float(not _CAPTION_WORDS.isdisjoint(shown_runs)),
        capitals[1:].count(1) / n,
        min(_capital_run(capitals), 10) / 10,
        len([w for w in words if w.isupper() and len(w) > 1]) / n,
        float("(" in shown), float(":" in shown),
        float(any([d in shown for d in _DASHES]) and _DASH.search(shown) is not None),
        float(not ends_sentence(shown)),
    ]
    return head, body


def line_features(text: str, cues: SentenceCues, document: DocumentCues, published: Optional[dt.date]) -> list[float]:
    """The prior's features of one sentence, in ``LINE_PRIOR_FEATURES`` order."""
    head, body = _text_features(text)
    delta = _days_before(published, cues.date)
    last = max(document.sentences - 1, 1)
    place = [cues.index / last, float(cues.index <= 1), math.log1p(cues.index), math.log1p(document.sentences),
             document.attribution, float(document.asks), float(document.commentary)]
    dated = [float(cues.named), cues.prior, float(cues.chronology), float(min(cues.other_dates, 3)),
             float(delta is not None and delta < 0), math.log1p(max(delta, 0)) if delta is not None else 0.0,
             float(published is None)]
    out = head + place + body + dated
    for (others, by_value), value in zip(_ONE_HOT, (cues.kind, cues.granularity, cues.reason)):
        out += by_value.get(value, others)  # a None granularity: no value, all 0.0
    return out


@dataclass(frozen=True)
class LinePrior:
    """A logistic model over standardized ``LINE_PRIOR_FEATURES``."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float

    @classmethod
    def from_dict(cls, data: dict) -> "LinePrior":
        """The model as the training script writes it; refuses another feature set."""
        if data.get("features") != LINE_PRIOR_FEATURES:
            raise ValueError(f"{MODEL_FILE}: the features it was trained on are not this module's")
        return cls(tuple(data["mean"]), tuple(data["scale"]), tuple(data["coef"]), float(data["intercept"]))

    @cached_property
    def _terms(self) -> tuple[tuple[float, float, float], ...]:
        return tuple(zip(self.mean, self.scale, self.coef))

    def probability(self, features: Sequence[float]) -> float:
        """The probability that the sentence is a real event filed under its date."""
        z = self.intercept + sum([c * (x - m) / s for x, (m, s, c) in zip(features, self._terms)])
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def shipped_prior() -> LinePrior:
    """The model that ships in the package, read once."""
    text = resources.files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return LinePrior.from_dict(json.loads(text))
