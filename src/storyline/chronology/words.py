"""One record of a sentence's words, made once and read by every module that judges the sentence.

A build judges each sentence in several places in turn (the lead cut and its headline cuts, the
dating rules, content words, readability, the event prior), and each used to lower-case and split
the sentence for itself. ``sentence_words`` makes the record once and keeps the last one: the
modules ask for the same sentence one after another, so one kept record serves them, and looking
it up costs less than an ``lru_cache`` (whose misses cost about what they would save on sentences
of ~120 characters). What each module derives from it is what it derived before (a test compares).
"""

from __future__ import annotations

__all__ = ["SentenceWords", "sentence_words"]


class SentenceWords:
    """A text's lower-cased form and its words, as the modules read them (tuples: shared, never changed)."""

    __slots__ = ("text", "low", "low_split", "low_set", "spaced")

    def __init__(self, text: str):
        self.text = text
        self.low = low = text.lower()
        self.low_split: tuple[str, ...] = tuple(low.split())  # as many words as ``text.split()``, lower-cased
        self.low_set = frozenset(self.low_split)  # the same words as a set (``text.strip()`` splits the same)
        self.spaced: tuple[str, ...] = tuple(text.split(" "))  # words and the empty strings between two spaces


_last = SentenceWords("")


def sentence_words(text: str) -> SentenceWords:
    """The record of ``text``: the one kept when it is of the same text, else a new one, kept.
    (Read once into a local name: another thread may keep its own sentence's record meanwhile.)"""
    global _last
    last = _last
    if last.text == text:
        return last
    last = _last = SentenceWords(text)
    return last
