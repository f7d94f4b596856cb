"""A headline run into the story, found where no punctuation marks it: "Syria death toll hits
5,000 a month Five thousand people a month are dying ...".

News collections often store a page's headline (and sometimes its standfirst) in the same line as
the story's first sentence, with nothing between them; a sentence splitter cannot see the seam
and the timeline would show the headline as part of its line. ``furniture`` cuts the seams it can
name by a rule (a dateline, an echo of the headline's words, a sentence-opening word after a
lower-case one). What is left has no single rule: the seam is a capitalized word after a word
that can end a headline, and telling it from a name inside a sentence ("... said on Friday Russia
does not ...") takes several weak cues together: how headline-like the words before it are
(capitalized words, no articles, no past tense), how sentence-like the words after it are, the
words on each side of the seam, and whether the story repeats the headline's words.

Boosted trees weigh those cues, one row per possible seam, behind a quick logistic screen that
spares them most seams. Both were trained on headlines glued to the first sentence of their own
article, from pages and news collections with a separate headline
(``benchmarks/editor_check/train_headline.py``; no word of any story is a feature), and ship as
plain JSON (``headline_model.json``: feature names, the screen's standardization, coefficients and
bar, the trees, the cut threshold), evaluated here and in ``storyline.trees``, so a build imports
no scikit-learn. A seam is cut only when the trees are sure (``threshold``, chosen by the training
script for few false cuts in sentences with no headline) and a sentence remains after it. Where
the trees are unsure, one hand rule still cuts: a headline in headlinese (no articles, no day)
before a lead that opens on its subject, named, then its apposition or verb
(``subject_lead_cut``).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional, Sequence

import numpy as np

from ..trees import Forest

__all__ = ["HEADLINE_FEATURES", "MODEL_FILE", "HeadlineModel", "best_seam", "headline_cut", "seam_rows", "seams",
           "shipped_model", "subject_lead_cut"]

MODEL_FILE = "headline_model.json"
MIN_WORDS = 10     # shorter texts are not searched
MAX_HEAD = 30      # a headline (with a standfirst) is at most this many words
MIN_REST = 6       # a seam leaves at least this many words after it
MIN_STORY = 10     # a cut leaves at least this many (a story's first sentence)
MAX_PARTS = 3      # a headline, a standfirst or caption, the story: cut at most this many times

HEADLINE_FEATURES = [
    "head words", "rest words", "prev lower", "prev digit", "prev capitals", "prev quote", "prev function",
    "prev speech", "seam opener", "seam function", "seam capitals", "seam possessive", "seam quote", "seam digit",
    "names after", "names before", "next lower", "head capitalized share", "head title case", "head article",
    "head speech", "head comma", "head past", "head present", "rest sentence", "rest article", "rest speech",
    "rest capitalized share", "rest dateline", "echo", "first seam", "seams", "prev lower x opener",
    "prev lower x function", "head title x names after", "head copula", "head digit", "words", "lower before",
    "rest past",
]

# Words written lower-case inside a sentence: articles, prepositions, conjunctions, auxiliaries, pronouns.
_FUNCTION = frozenset("""
the a an of in on at to for with by from into over under about after before as and or but nor so yet
is are was were be been being has have had do does did will would can could may might should must
he she it they we i you his her its their our my your this that these those who which what when where
while since until than then there here not no all some any many more most other such only also just
""".split())
# Capitalized, these open a sentence far more often than they stand inside a name.
_OPENERS = frozenset("""
The A An In On At As After When While Before Since Despite Amid Following Meanwhile He She They It Its His Her
Their This These Those Some Many Several More Most Thousands Hundreds Dozens Two Three Four Five Six Seven Eight
Nine Ten There But And If Although Though Once Under With Without For From By During Nearly About Almost
""".split())
_SPEECH = frozenset("""
said says say told tells added adds wrote writes asked asks announced announces warned warns claimed claims
reported reports according insisted insists stated states explained explains declared declares
""".split())
# Words a headline never ends on: articles, prepositions, conjunctions, auxiliaries, possessives, number
# words (before a capitalized word they count it: "two Portuguese students").
_NEVER_LAST = frozenset("""
the a an of in on at to for with by from into under and or but nor as is are was were be been being has have had
do does did will would can could may might should must his her its their our my your against between through
toward towards upon within during among amid despite than onto via because although though unless whereas
whether if that two three four five six seven eight nine ten dozen hundred thousand million billion
""".split())
_PAST = frozenset("was were had did said told went came made took gave left won lost".split())
_PRESENT = frozenset("is are has says faces gets makes takes calls wants".split())
_CODE = re.compile(r"[^\W\d_]\d|\d[^\W\d_]")  # a letter next to a digit: H1N1, G20, 4G
_CALENDAR = frozenset("""
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
""".split())
_COPULA = frozenset("is are was were".split())
# lower-case roles written before a name ("president Lee", "researcher Halvorsen")
_ROLES = frozenset("""
president minister secretary spokesman spokeswoman spokesperson researcher scientist professor doctor senator
governor general colonel chairman chief director leader premier king queen prince judge ambassador envoy commander
official officer analyst economist expert adviser advisor correspondent reporter editor columnist activist
""".split())
_POSSESSIVE = ("'s", "’s")  # a possessive is followed by what it owns, not by a story
_QUOTES = "\"'“”‘’"
_STRIP = ".,;:!?()[]" + _QUOTES


def _bare(word: str) -> str:
    return word.strip(_STRIP)


def _capitalized(word: str) -> bool:
    bare = word.lstrip(_QUOTES + "(")
    return bare[:1].isupper()


def _all_capitals(word: str) -> bool:
    bare = _bare(word)
    return len(bare) >= 2 and bare.isupper() and any(c.isalpha() for c in bare)


def seams(words: Sequence[str]) -> list[int]:
    """The word indices where a story could begin after a headline run into it: a capitalized
    word (or a number, or a quotation opening on one) after a word that no sentence mark ends
    and that can end a headline."""
    found = []
    for k in range(2, min(MAX_HEAD + 1, len(words) - MIN_REST + 1)):
        word, prev = words[k], words[k - 1]
        if not prev or not word or prev[-1] in ".!?;:,-–—/&" or prev.lower() in _NEVER_LAST:
            continue
        head = word.lstrip(_QUOTES)
        if head[:1].isupper() or head[:1].isdigit():
            found.append(k)
    return found


def _first(flags: Sequence[bool]) -> int:
    """The first index where ``flags`` holds (its length when none does)."""
    for i, flag in enumerate(flags):
        if flag:
            return i
    return len(flags)


def _last(flags: Sequence[bool]) -> int:
    """The last index where ``flags`` holds (-1 when none does)."""
    for i in range(len(flags) - 1, -1, -1):
        if flags[i]:
            return i
    return -1


class _Text:
    """A text's words, measured once for all its seams."""

    def __init__(self, words: Sequence[str]):
        self.words = words
        self.bare = [_bare(w) for w in words]
        self.low = [b.lower() for b in self.bare]
        self.cap = [_capitalized(w) for w in words]
        self.lower = [w[:1].islower() for w in words]
        caps, total = [0], 0
        for c in self.cap[1:]:
            total += c
            caps.append(total)
        self.caps_before = caps  # capitalized words among words[1:i] (index i)
        lowered = [lw if low else "" for lw, low in zip(self.low, self.lower)]
        speech = [w in _SPEECH for w in lowered]
        past = [w in _PAST or w.endswith("ed") for w in lowered]
        self.first_article = _first([w in ("the", "a", "an") for w in lowered])
        self.first_speech = _first(speech)
        self.first_past = _first(past)
        self.first_present = _first([w in _PRESENT for w in lowered])
        self.first_copula = _first([w in _COPULA for w in lowered])
        self.first_comma = _first(["," in w for w in words])
        self.first_digit = _first([any(c.isdigit() for c in w) for w in words])
        self.first_long_lower = _first([i > 0 and low and len(b) > 3
                                        for i, (low, b) in enumerate(zip(self.lower, self.bare))])
        self.first_long_upper = _first([i > 0 and not low and len(b) > 3
                                        for i, (low, b) in enumerate(zip(self.lower, self.bare))])
        self.last_speech = _last(speech)
        self.last_past = _last(past)
        lowers, total = [0], 0
        for low in self.lower:
            total += low
            lowers.append(total)
        self.lowers_before = lowers  # lower-case words among words[:i]
        self.stems = [lw[:5] if len(b) > 3 else "" for lw, b in zip(self.low, self.bare)]

    def run(self, start: int, step: int, flags: Sequence[bool]) -> int:
        """How many words with ``flags`` follow one another from ``start`` (up to four)."""
        n, k = 0, start
        while 0 <= k < len(flags) and n < 4 and flags[k]:
            n += 1
            k += step
        return n

    def features(self, k: int, all_seams: Sequence[int]) -> list[float]:
        """The cues of a seam before word ``k``, in ``HEADLINE_FEATURES`` order."""
        words, n = self.words, len(self.words)
        prev, word = words[k - 1], words[k]
        nxt = words[k + 1] if k + 1 < n else ""
        prev_low, word_bare = self.low[k - 1], self.bare[k]
        head_caps = self.caps_before[k] / (k - 1) if k > 1 else 0.0
        has_long = self.first_long_lower < k or self.first_long_upper < k
        title_case = float(has_long and self.first_long_lower >= k)
        head_stems = {st for st in self.stems[:k] if st}
        echo = len(head_stems & set(self.stems[k:2 * k + 12])) / len(head_stems) if head_stems else 0.0
        after = self.run(k, 1, self.cap)
        prev_lower = float(self.lower[k - 1])
        opener = float(word_bare in _OPENERS)
        function = float(self.low[k] in _FUNCTION)
        rest_ten = self.cap[k:k + 10]
        rest_lower = self.lowers_before[n] - self.lowers_before[k]
        return [
            min(k, MAX_HEAD) / 10, min(n - k, 60) / 20, prev_lower, float(prev[:1].isdigit()),
            float(_all_capitals(prev)), float(prev[-1] in _QUOTES), float(prev_low in _FUNCTION),
            float(prev_low in _SPEECH), opener, function, float(_all_capitals(word)),
            float(word_bare.endswith(("'s", "’s"))), float(word[:1] in _QUOTES), float(word[:1].isdigit()),
            after / 4, self.run(k - 1, -1, self.cap) / 4, float(nxt[:1].islower()), head_caps, title_case,
            float(self.first_article < k), float(self.first_speech < k), float(self.first_comma < k),
            float(self.first_past < k), float(self.first_present < k),
            float(n - k >= MIN_REST and rest_lower >= 2),
            float(any(self.lower[i] and self.low[i] in ("the", "a", "an") for i in range(k + 1, min(n, k + 6)))),
            float(self.last_speech >= k), sum(rest_ten) / len(rest_ten),
            float(_all_capitals(word) and (word[-1:] in ",(" or nxt[:1] in "(—–-")),
            echo, float(k == all_seams[0]), min(len(all_seams), 10) / 5, prev_lower * opener, prev_lower * function,
            title_case * after / 4, float(self.first_copula < k), float(self.first_digit < k),
            min(n, 80) / 40, self.run(k - 1, -1, self.lower) / 4, float(self.last_past >= k),
        ]


def seam_rows(words: Sequence[str]) -> tuple[list[int], list[list[float]]]:
    """The seams of a text and the cues of each (``HEADLINE_FEATURES``)."""
    found = seams(words)
    if not found:
        return found, []
    measured = _Text(words)
    return found, [measured.features(k, found) for k in found]


@dataclass(frozen=True)
class HeadlineModel:
    """A quick logistic screen and the boosted trees that decide, over ``HEADLINE_FEATURES``.

    Only seams the screen gives at least ``screen_bar`` reach the trees (most sentences have no
    such seam, and the trees cost more); a seam is cut when the trees give it ``threshold``.
    """

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    screen_bar: float
    forest: Forest
    threshold: float

    def screen(self, x: Sequence[float]) -> float:
        z = self.intercept + sum(c * (v - m) / s for c, v, m, s in zip(self.coef, x, self.mean, self.scale))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        return self.forest.probability(np.asarray(rows, float)).tolist()

    @classmethod
    def from_dict(cls, data: dict) -> "HeadlineModel":
        """The model in ``data`` (as the training script writes it); refuses another feature set."""
        if data.get("features") != HEADLINE_FEATURES:
            raise ValueError(f"{MODEL_FILE}: the features it was trained on are not this module's")
        screen = data["screen"]
        return cls(tuple(screen["mean"]), tuple(screen["scale"]), tuple(screen["coef"]), float(screen["intercept"]),
                   float(screen["bar"]), Forest.from_dict(data["trees"]), float(data["threshold"]))


@lru_cache(maxsize=1)
def shipped_model() -> HeadlineModel:
    """The model that ships in the package, read once."""
    text = resources.files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return HeadlineModel.from_dict(json.loads(text))


def _inside_noun_phrase(words: Sequence[str], k: int) -> bool:
    """The seam word continues a noun phrase: an acronym counted by the number before it ("and 120
    US soldiers")."""
    return _bare(words[k - 1]).replace(",", "").isdigit() and _all_capitals(words[k]) and words[k + 1][:1].islower()


def _may_cut(words: Sequence[str], k: int) -> bool:
    """A story's first sentence has ``MIN_STORY`` words or more, lower-case ones among them, and does
    not open on a day or month name (those stand inside sentences: "came under pressure Wednesday
    as ..."), a code of letters and digits or a letter before one ("to combat H1N1 swine flu",
    "type A (H1N1) virus"), nor follow a possessive ("Ostmark Radio 4's Today programme"), continue a noun
    phrase (``_inside_noun_phrase``) or name the person a lower-case role before it titles ("which
    researcher Halvorsen called"); between two capitalized words
    a seam is read only where the second opens sentences ("The", "In" ...) or is a capitals
    dateline: elsewhere the two are taken for one name ("... Ambassador Christopher Smith, ...")."""
    if len(words) - k < MIN_STORY or sum(1 for w in words[k:] if w[:1].islower()) < 2:
        return False
    prev, word = words[k - 1], words[k]
    bare = _bare(word)
    if bare in _CALENDAR or _CODE.search(bare) or (len(bare) == 1 and not words[k + 1][:1].isalpha()):
        return False
    if prev.endswith(_POSSESSIVE) or _inside_noun_phrase(words, k):
        return False
    if prev.lower() in _ROLES and bare not in _OPENERS and not _all_capitals(word):
        return False  # "... which researcher Halvorsen called ...": a role before the name it titles
    if prev[:1].isupper() and prev[-1:] not in _QUOTES:
        return bare in _OPENERS or _all_capitals(word)
    return True


def _best(words: Sequence[str], model: HeadlineModel) -> tuple[Optional[int], float]:
    """The likeliest seam of ``words`` that may be cut and its probability (None, 0.0 when none
    passes the screen). Every seam counts for the cues (how many, which first); only those
    ``_may_cut`` allows are measured."""
    if len(words) < MIN_WORDS:
        return None, 0.0
    found = seams(words)
    allowed = [k for k in found if _may_cut(words, k)]
    if not allowed:
        return None, 0.0
    measured = _Text(words)
    kept = [(k, x) for k in allowed if model.screen(x := measured.features(k, found)) >= model.screen_bar]
    if not kept:
        return None, 0.0
    p = model.probabilities([x for _, x in kept])
    best = max(range(len(kept)), key=p.__getitem__)
    return kept[best][0], p[best]


def best_seam(text: str, model: Optional[HeadlineModel] = None) -> tuple[Optional[int], float]:
    """The likeliest seam of ``text`` (a word index into ``text.split(" ")``) and its probability
    (0 when no seam passes the screen)."""
    return _best(text.split(" "), model or shipped_model())


# A news lead opens on its subject: a person named (perhaps after a title), then either the verb
# ("President Ann Lee conceded yesterday ...") or an apposition closed by a comma and then the verb
# ("Ann Lee, the former foreign secretary, died ..."); or a country's or body's role-holder
# named after a possessive ("Ostmark's prime minister, Ann Lee, yesterday announced ...").
_NAME = r"[A-Z][\w'’.\-]*[\w.]"
_NAMES = _NAME + r"(?: " + _NAME + r"){0,2}"
_TITLES = (r"(?:President|Prime Minister|Premier|Chancellor|Senator|Governor|General|Secretary|Minister|King|Queen"
           r"|Prince|Judge|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)")
_WHEN = r"(?:(?:yesterday|today|tonight|last night|on \w+day|\w+day) )?"
_AUX = r"(?:(?:has|had|have|was|were|is|will|would) (?:been )?)?"
_VERB = (r"[a-z]{2,}(?:ed|ied)\b|(?:said|says|told|tells|met|won|lost|left|made|took|gave|came|went|led|fled|hit"
         r"|held|sent|spoke|chose|rose|fell|began|became|sought|brought|struck|warned|offered)\b")
_APPOSITION = r", (?:the|a|an) [^,;:]{3,80}, "
_SUBJECT_LEAD = re.compile(
    r"(?:" + _TITLES + r" " + _NAMES + r" " + _WHEN + _AUX + r"(?:" + _VERB + r")"
    r"|" + _NAMES + _APPOSITION + _WHEN + _AUX + r"(?:" + _VERB + r")"
    r"|" + _NAME + r"(?:'s|’s) [a-z][\w\-]*(?: [a-z][\w\-]*){0,2}, " + _NAMES + r", " + _WHEN + _AUX
    + r"(?:" + _VERB + r"))")
# The last form on its own: a possessive, a role, the holder's name between commas, the verb. No role
# before it titles it ("killing of officer | Ostmark's prime minister, ...": a possessive is not a name
# a role is written before), and a headline's dropped auxiliary ("PM forced into pledge ...") is no
# clause of the sentence: only a participle opening the words before shows a fronted phrase.
_OWNER_LEAD = re.compile(r"[A-Z][\w'’.\-]*[\w.](?:'s|’s) [a-z]")
_HEAD_VERB = re.compile(r"\b(?:" + _VERB + r")")


def subject_lead_cut(text: str) -> Optional[int]:
    """Where the story begins after a headline run into a lead that opens on its subject
    (``_SUBJECT_LEAD``), or None. Headlines the model leaves under its threshold often end this
    way: a headline (and its standfirst), then the lead's subject. The seam is a capitalized word
    after a word a headline can end on (``seams``), and not after a role, a possessive, a verb, a
    word a sentence goes on from (``_JOINS``: "until after | Ann Lee, the ..., had visited"), a
    word a title is written after (``_TITLE_PARTS``) or a quotation closed by a comma. What
    precedes it reads as headlinese (``_head_clause``: no article, reporting verb, weekday, time
    word, comma before a lower-case word, nor a past or a participle before a function word), does
    not open on a joining word unless it is a title-case headline, and after a capitalized word it
    is a title-case headline of at least ``_TITLE_HEAD`` words with no title of its own before a
    seam opening on a title ("... for Flood Recovery | President Ann Lee offered ...")."""
    words = text.split(" ")
    if len(words) < MIN_WORDS:
        return None
    for k in seams(words):
        if k < 3 or len(words) - k < MIN_STORY:
            continue
        prev = words[k - 1]
        bare = prev.strip(_STRIP)
        owner = _OWNER_LEAD.match(words[k] + " " + words[k + 1]) is not None
        if (prev.endswith(_POSSESSIVE) or (bare.lower() in _ROLES and not owner) or bare.lower() in _JOINS
                or prev.rstrip(_QUOTES).endswith(",") or _HEAD_VERB.fullmatch(bare) or bare.lower() in _TITLE_PARTS):
            continue
        at = len(" ".join(words[:k])) + 1
        if not _SUBJECT_LEAD.match(text, at):
            continue
        head = words[:k]
        if prev[:1].isupper() and not (k >= _TITLE_HEAD and _TITLE_START.match(text, at) and _title_head(head)
                                       and not _TITLE_IN.search(" ".join(head))):
            continue  # a title in the words before: "French President Ann Lee and Ostmark | Prime Minister ..."
        if any(_head_clause(head, i, verbs=not owner) for i in range(len(head))):
            continue
        first = _bare(head[0]).lower()
        if owner and (first.endswith("ing") or _HEAD_VERB.fullmatch(first)):
            continue  # "Speaking after the talks | Ostmark's prime minister, ...": a fronted phrase
        if not _title_head(head) and first in _JOINS:
            continue  # "But at a press conference | Mr Lee said": a sentence's fronted phrase
        return at
    return None


# Words a sentence goes on from (a conjunction, a preposition, a relative word): the name after them
# is inside the sentence ("until after | Ann Lee, the ..., had visited", "It was when | Mr Lee ...").
_JOINS = _FUNCTION | frozenset("""
how why whom whose whether because although though unless once after before until where when while if as
bin ibn al el de da del van von der
""".split())
# Words a title is written after as one title ("Former Treasury | Secretary Ann Lee", "Foreign | Minister").
_TITLE_PARTS = frozenset(w.lower() for w in """
Army Navy Military Former Vice Deputy Acting Foreign Interior Defense Defence Treasury Finance State Prime Chief Attorney Assistant
Under Lord Health Home Trade Energy Justice Education Labor Labour Commerce Senior Junior Minority Majority
""".split())
_TITLE_HEAD = 6  # a title-case headline before a title ("... Economic Recovery | President ...") has this many words
_TITLE_START = re.compile(_TITLES + r" ")
_TITLE_IN = re.compile(r"\b" + _TITLES + r"\b")
# Words of a sentence's own time adverbial ("Talking to reporters yesterday | Ann Lee, the ..., said")
_TIME_WORDS = frozenset("yesterday today tonight ago".split())
_SMALL = frozenset("a an the and or but nor for of to in on at by as with from into over via vs per up off".split())


def _title_head(head: Sequence[str]) -> bool:
    """Every word of the headline but the small ones is capitalized."""
    return all(_capitalized(w) or w.lower() in _SMALL or not w[:1].isalpha() for w in head)


def _head_clause(head: Sequence[str], i: int, verbs: bool = True) -> bool:
    """Word ``i`` of what precedes the seam shows it to be a sentence's own clause, not a headline: an
    article, a reporting verb, a weekday or time word, a comma before a lower-case word, or a past
    tense or participle before a function word ("erupted in", "revealed that", "talking to"; not read
    when ``verbs`` is false)."""
    word = head[i]
    bare = _bare(word)
    low = bare.lower()
    if bare in _CALENDAR and bare.endswith("day"):
        return True
    if word.endswith(",") and i + 1 < len(head) and head[i + 1][:1].islower():
        return True  # a comma before a lower-case word: a clause goes on
    if not word[:1].islower():
        return False
    if low in _SPEECH or low in ("the", "a", "an") or low in _TIME_WORDS:
        return True  # a headline drops its articles, and tells no day
    if not verbs or (_bare(head[i + 1]).lower() if i + 1 < len(head) else "") not in _FUNCTION:
        return False
    # "Talking to", "working for": a participle clause of the sentence; "erupted in": a past
    return low.endswith("ing") or bool(_HEAD_VERB.fullmatch(low))


def headline_cut(text: str, model: Optional[HeadlineModel] = None) -> Optional[int]:
    """Where the story begins (a character offset) after a headline run into it, or None. What
    is left is searched again (up to ``MAX_PARTS`` times): a headline may carry a standfirst or
    a caption glued after it ("Flu deaths rise to 17 in Ostmark The health worker fell ill ...
    Ninety-five new flu cases ..."). Where the model finds no seam it is sure of, the hand rule of
    ``subject_lead_cut`` may still find one."""
    model = model or shipped_model()
    at = 0
    for _ in range(MAX_PARTS):
        words = text[at:].split(" ")
        k, p = _best(words, model)
        if k is None or p < model.threshold:
            lead = subject_lead_cut(text[at:])
            if lead is None:
                break
            at += lead
            continue
        at += len(" ".join(words[:k])) + 1
    return at or None
