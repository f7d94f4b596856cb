"""ROUGE-1 and ROUGE-2 counts as the timeline-summarization (TLS) field computes them.

Reimplemented, not imported, from ``tilse`` 0.2.1 (Martschat & Markert 2017/2018;
``tilse/evaluation/rouge.py``, class ``RougeReimplementation``), the scorer behind the timeline
metrics in :mod:`storyline.evaluate.tls` and the one ``TimelineRougeEvaluator`` uses with
``rouge_computation="reimpl"``. tilse is a Python-2-era package that pulls spaCy, textacy, numba
and a bundled pyrouge/ROUGE-1.5.5 Perl script; storyline needs a scorer with no such dependency,
and one fast enough to call in a loop. Its numbers are checked against tilse's to three decimals
in ``tests/test_evaluate_tls.py`` (run where ``tilse`` is installed: ``pip install -e .[test]``).

The computation, step by step as tilse does it (ROUGE-1.5.5 run with ``-m -s``, i.e. Porter
stemming and stop-word removal, approximated in Python):

1. tokens are the whitespace-separated tokens of each sentence (``str.split``): the text is
   expected to be Penn-Treebank tokenized already, as the T17 and Crisis references are (see
   :func:`storyline.evaluate.tls.ptb_tokenize` for system text);
2. a token is dropped when its lowercased form is one of ROUGE-1.5.5's SMART stop words
   (``data/smart_common_words.txt``, shipped with this module) or one of the eight punctuation
   tokens ``. , ; : `` '' - "`` (other punctuation, e.g. ``-LRB-``, ``'s``, ``?``, is kept);
3. the remaining lowercased tokens are stemmed with NLTK's Porter stemmer in its default
   ``NLTK_EXTENSIONS`` mode (reimplemented here as :func:`porter_stem`, equal to NLTK 3.10's on
   every token of the T17 and Crisis data; NLTK itself is not a dependency);
4. the tokens of all sentences of a summary are concatenated before n-grams are formed, so a
   ROUGE-2 bigram can span two sentences (and, after stop-word removal, words that were not
   adjacent);
5. hits are clipped per reference: ``sum over references of sum over n-grams of
   min(count in system, count in reference)``; the precision denominator is the number of
   references times the system's n-gram count, the recall denominator the sum of the references'
   n-gram counts. P = hits / precision denominator, R = hits / recall denominator.

This is tilse's approximation of ROUGE-1.5.5, not the Perl script itself: the Perl script also
strips non-alphanumeric characters from tokens and stems with its own Porter implementation and
WordNet exceptions, so its scores differ slightly. The TLS metrics built on these counts (concat,
agreement, align+ m:1) are in :mod:`storyline.evaluate.tls`.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, NamedTuple, Sequence

__all__ = [
    "STOPWORDS", "PUNCTUATION", "porter_stem", "rouge_tokens", "ngram_counts", "clipped_hits",
    "RougeCounts", "rouge_counts", "rouge_n", "f_score",
]

_DATA = Path(__file__).resolve().parent / "data"

#: ROUGE-1.5.5's stop words (SMART list), read as tilse reads them: one word a line, as a set.
STOPWORDS: frozenset[str] = frozenset(
    (_DATA / "smart_common_words.txt").read_text(encoding="ascii").splitlines())

#: The punctuation tokens tilse's reimplementation drops (compared after lowercasing).
PUNCTUATION: frozenset[str] = frozenset([".", ",", ";", ":", "``", "''", "-", '"'])

_IGNORED = STOPWORDS | PUNCTUATION


# --------------------------------------------------------------------------------------------
# Porter stemmer, as NLTK's PorterStemmer(mode=NLTK_EXTENSIONS) computes it.
#
# The algorithm is Porter (1980) with the extensions Martin Porter published and those NLTK
# added: a table of irregular forms, words of one or two characters left alone, 'ies'/'ied' on
# four-letter words kept as 'ie', 'y' -> 'i' only after a consonant, 'alli' handled first,
# 'fulli' and 'logi' rules, and a two-letter vowel-consonant stem counted as cvc. The rule
# lists are applied with NLTK's semantics: the first rule whose suffix matches decides, whether
# or not its condition holds.
# --------------------------------------------------------------------------------------------

_VOWELS = frozenset("aeiou")

_IRREGULAR = {
    "sky": "sky", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie",
    "news": "news", "innings": "inning", "inning": "inning", "outings": "outing",
    "outing": "outing", "cannings": "canning", "canning": "canning", "howe": "howe",
    "proceed": "proceed", "exceed": "exceed", "succeed": "succeed",
}


def _consonants(word: str) -> list[bool]:
    """For each character: is it a consonant? ('y' is one at the start or after a vowel.)"""
    flags: list[bool] = []
    for i, ch in enumerate(word):
        if ch in _VOWELS:
            flags.append(False)
        elif ch == "y":
            flags.append(True if i == 0 else not flags[i - 1])
        else:
            flags.append(True)
    return flags


def _measure(stem: str) -> int:
    """Porter's m: the number of vowel-run/consonant-run pairs in [C](VC){m}[V]."""
    flags = _consonants(stem)
    return sum(1 for a, b in zip(flags, flags[1:]) if not a and b)


def _has_vowel(stem: str) -> bool:
    return not all(_consonants(stem))


def _ends_double_consonant(word: str) -> bool:
    return len(word) >= 2 and word[-1] == word[-2] and _consonants(word)[-1]


def _ends_cvc(word: str) -> bool:
    flags = _consonants(word)
    if len(word) >= 3 and flags[-3] and not flags[-2] and flags[-1] and word[-1] not in "wxy":
        return True
    return len(word) == 2 and not flags[0] and flags[1]


def _positive_measure(stem: str) -> bool:
    return _measure(stem) > 0


def _measure_above_one(stem: str) -> bool:
    return _measure(stem) > 1


def _apply_rules(word: str, rules) -> str:
    """The first rule whose suffix matches is applied if its condition holds; no rule after it is tried.

    A rule is (suffix, replacement, condition or None); the suffix ``*d`` stands for "ends in a
    double consonant" and strips both letters before the replacement is added.
    """
    for suffix, replacement, condition in rules:
        if suffix == "*d" and _ends_double_consonant(word):
            stem = word[:-2]
            return stem + replacement if condition is None or condition(stem) else word
        if word.endswith(suffix):
            stem = word[:-len(suffix)] if suffix else word
            return stem + replacement if condition is None or condition(stem) else word
    return word


def _step1a(word: str) -> str:
    if word.endswith("ies") and len(word) == 4:
        return word[:-3] + "ie"
    return _apply_rules(word, [("sses", "ss", None), ("ies", "i", None), ("ss", "ss", None),
                               ("s", "", None)])


def _step1b(word: str) -> str:
    if word.endswith("ied"):
        return word[:-3] + ("ie" if len(word) == 4 else "i")
    if word.endswith("eed"):
        stem = word[:-3]
        return stem + "ee" if _measure(stem) > 0 else word
    for suffix in ("ed", "ing"):
        if word.endswith(suffix) and _has_vowel(word[:-len(suffix)]):
            stem = word[:-len(suffix)]
            break
    else:
        return word
    last = stem[-1]
    return _apply_rules(stem, [
        ("at", "ate", None),
        ("bl", "ble", None),
        ("iz", "ize", None),
        ("*d", last, lambda _s: last not in ("l", "s", "z")),
        ("", "e", lambda s: _measure(s) == 1 and _ends_cvc(s)),
    ])


def _step1c(word: str) -> str:
    return _apply_rules(word, [("y", "i", lambda s: len(s) > 1 and _consonants(s)[-1])])


_STEP2 = [
    ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
    ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
    ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
    ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
    ("fulli", "ful"),
]


def _step2(word: str) -> str:
    if word.endswith("alli") and _positive_measure(word[:-4]):
        return _step2(word[:-4] + "al")
    rules: list[tuple[str, str, Callable[[str], bool]]] = [(suffix, repl, _positive_measure) for suffix, repl in _STEP2]
    rules.append(("logi", "log", lambda _s: _positive_measure(word[:-3])))
    return _apply_rules(word, rules)


def _step3(word: str) -> str:
    return _apply_rules(word, [
        ("icate", "ic", _positive_measure), ("ative", "", _positive_measure),
        ("alize", "al", _positive_measure), ("iciti", "ic", _positive_measure),
        ("ical", "ic", _positive_measure), ("ful", "", _positive_measure),
        ("ness", "", _positive_measure),
    ])


_STEP4 = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion",
          "ou", "ism", "ate", "iti", "ous", "ive", "ize"]


def _step4(word: str) -> str:
    rules = []
    for suffix in _STEP4:
        if suffix == "ion":
            rules.append((suffix, "", lambda s: _measure(s) > 1 and s[-1] in ("s", "t")))
        else:
            rules.append((suffix, "", _measure_above_one))
    return _apply_rules(word, rules)


def _step5a(word: str) -> str:
    if word.endswith("e"):
        stem = word[:-1]
        m = _measure(stem)
        if m > 1 or (m == 1 and not _ends_cvc(stem)):
            return stem
    return word


def _step5b(word: str) -> str:
    return _apply_rules(word, [("ll", "l", lambda _s: _measure(word[:-1]) > 1)])


@lru_cache(maxsize=1 << 17)
def porter_stem(word: str) -> str:
    """The Porter stem of ``word`` exactly as NLTK's default ``PorterStemmer().stem(word)`` gives it.

    The word is lowercased; irregular forms come from a small table; words of at most two
    characters are returned lowercased and otherwise unchanged.
    """
    stem = word.lower()
    if stem in _IRREGULAR:
        return _IRREGULAR[stem]
    if len(word) <= 2:
        return stem
    try:
        for step in (_step1a, _step1b, _step1c, _step2, _step3, _step4, _step5a, _step5b):
            stem = step(stem)
    except IndexError:  # tilse keeps the word as it is when NLTK's stemmer fails
        return word
    return stem


# --------------------------------------------------------------------------------------------
# ROUGE counts
# --------------------------------------------------------------------------------------------

def rouge_tokens(sentences: Iterable[str]) -> list[str]:
    """The tokens ROUGE counts in a summary: split, lowercased, stop words and punctuation dropped, stemmed.

    The sentences of the summary are concatenated in order.
    """
    out = []
    for sentence in sentences:
        for token in sentence.split():
            low = token.lower()
            if low not in _IGNORED:
                out.append(porter_stem(low))
    return out


def ngram_counts(tokens: Sequence[str], n: int) -> Counter:
    """Counts of the n-grams of ``tokens``: strings for n = 1, tuples for n >= 2."""
    if n == 1:
        return Counter(tokens)
    return Counter(zip(*(tokens[i:] for i in range(n))))


def clipped_hits(system: Counter, reference: Counter) -> int:
    """``sum(min(system[g], reference[g]))`` over the n-grams the two share."""
    if len(reference) < len(system):
        system, reference = reference, system
    return sum(min(c, reference[g]) for g, c in system.items() if g in reference)


class RougeCounts(NamedTuple):
    """ROUGE-N as counts: P = hits / system_total, R = hits / reference_total (as ROUGE-1.5.5's -t 2)."""

    hits: int
    system_total: int
    reference_total: int

    @property
    def precision(self) -> float:
        return self.hits / self.system_total if self.system_total else 0.0

    @property
    def recall(self) -> float:
        return self.hits / self.reference_total if self.reference_total else 0.0


def rouge_counts(system: Counter, references: Sequence[Counter]) -> RougeCounts:
    """Counts of one system summary against reference summaries, given as n-gram counters.

    Hits are clipped per reference and summed over references; the system total is counted
    once per reference.
    """
    hits = sum(clipped_hits(system, ref) for ref in references)
    return RougeCounts(hits, len(references) * sum(system.values()),
                       sum(sum(ref.values()) for ref in references))


def f_score(precision: float, recall: float, beta: float = 1.0) -> float:
    """F_beta as tilse computes it; 0 when precision and recall are both 0."""
    if precision + recall == 0:
        return 0.0
    return (1 + beta ** 2) * precision * recall / (beta ** 2 * precision + recall)


def rouge_n(system: Sequence[str], references: Sequence[Sequence[str]], n: int = 1) -> dict[str, float]:
    """ROUGE-N of a system summary against reference summaries: ``{"precision", "recall", "f1"}``.

    ``system`` is a list of (tokenized) sentences; ``references`` a list of such lists, one per
    reference summary. N is 1 or 2 in the field's usage; any N >= 1 works.
    """
    counts = rouge_counts(ngram_counts(rouge_tokens(system), n),
                          [ngram_counts(rouge_tokens(ref), n) for ref in references])
    p, r = counts.precision, counts.recall
    return {"precision": p, "recall": r, "f1": f_score(p, r)}
