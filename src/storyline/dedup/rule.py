"""The decision rule: when two documents are one story, with every threshold in one ``DedupRule``.

The thresholds were chosen on the benchmark in ``benchmarks/dedup`` (see docs/benchmarks.md).
They live in a frozen dataclass rather than in module globals so that a rule is a value: the
benchmark's threshold sweep judges the same candidate pairs under many rules, and a caller can
pass its own rule to :func:`storyline.dedup.compare` and :func:`storyline.dedup.group`.

The rule reads only :class:`PairFeatures`, numbers measured on a pair (``storyline.dedup.pairs``
measures them on two signatures), and each test works elementwise on numpy arrays of them as
well as on single numbers, so the sweep applies the very rule the build applies, to all its
pairs at once, instead of a copy of it.

Not here: what decides the stored signatures and the candidate index (shingle length, LSH bands,
the shortest keyed paragraph, candidates per document; ``signatures`` and ``index``): changing
those changes what is stored, not how a pair is judged.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Sequence

import numpy as np

# What joined a pair (``DedupRule.verdict``): the first test of the rule it passes, in this order.
NOT_ONE_STORY, IDENTICAL, EDITED, CONTAINED, PARAGRAPHS, ESTIMATED = range(6)


@dataclass(frozen=True)
class PairFeatures:
    """What the rule reads of a pair of documents: each field a number, or for many pairs a numpy
    array (one value per pair). "Shorter" is the document with fewer keyed paragraph words."""

    identical: Any        # the same normalized text
    short_words: Any      # words of the document with fewer words
    long_words: Any       # words of the other
    jaccard: Any          # estimated Jaccard similarity of the shingle sets
    containment: Any      # estimated share of the smaller shingle set in the larger one
    shared: Any           # distinct keyed paragraphs in both
    short_paragraphs: Any  # distinct keyed paragraphs of the shorter document (for the reason only)
    short_share: Any      # share of the shorter document's paragraph words in shared paragraphs
    short_extra: Any      # words of the shorter document in paragraphs the other lacks
    long_extra: Any       # words of the longer document in paragraphs the other lacks
    shared_shingles: Any  # shingles inside the shared paragraphs
    common: Any           # estimated shingles in common

    @classmethod
    def stack(cls, features: Sequence[PairFeatures]) -> PairFeatures:
        """The features of many pairs as one ``PairFeatures`` of numpy arrays (one value per pair)."""
        return cls(**{f.name: np.asarray([getattr(x, f.name) for x in features], bool if f.name == "identical" else None)
                      for f in fields(cls)})


def _larger(a, b):
    return np.maximum(a, b) if isinstance(b, np.ndarray) else max(a, b)


@dataclass(frozen=True)
class DedupRule:
    """The thresholds that decide whether two documents are one story (defaults: the build's).

    A pair is one story when both documents have at least ``min_words`` words and:

    - they have the same normalized text: a duplicate;
    - estimated Jaccard at least ``near_duplicate`` and lengths within ``same_length``: a
      duplicate, edited;
    - all the shorter text's paragraphs (at least ``min_shared_paragraphs``) are in the longer
      one, which has more: a version (an update of the shorter, or a trim of the longer);
    - at least ``min_shared_paragraphs`` shared paragraphs hold ``version_paragraphs`` of the
      shorter text's words: a version (trimmed, updated, partly rewritten); one shared
      paragraph is a quote, not a version;
    - else Jaccard at least ``version_jaccard`` and estimated containment at least
      ``version_containment``, with at least ``min_common_shingles`` estimated shingles in
      common and, when they share exactly one paragraph, more than that paragraph's shingles
      plus ``quote_margin`` (or half as many again): a version rewritten too much for its
      paragraphs to match.
    """

    near_duplicate: float = 0.6       # estimated Jaccard at or above, with lengths within same_length:
    same_length: float = 0.95         # the same text, edited (a duplicate rather than a version)
    version_paragraphs: float = 0.6   # share of the shorter text's paragraph words found in the longer ...
    min_shared_paragraphs: int = 2    # ... over at least this many shared paragraphs (one is a quote)
    version_containment: float = 0.5  # estimated share of the shorter text's shingles in the longer ...
    version_jaccard: float = 0.25     # ... with at least this Jaccard (the estimate is too noisy below) ...
    min_common_shingles: int = 40     # ... and about this many shingles in common (two sentences or so) ...
    quote_margin: int = 30            # ... beyond those of a single shared paragraph (else it is a quote)
    min_words: int = 50               # shorter documents join no group: too short to tell a copy of a story
    #                                   from boilerplate (a paywall notice or a footer taken for the article)

    # Each test below takes numbers or numpy arrays; combined with & and | (never `not`/`~`),
    # which mean the same on Python booleans and on boolean arrays.
    def long_enough(self, f: PairFeatures) -> Any:
        return f.short_words >= self.min_words

    def edited(self, f: PairFeatures) -> Any:
        return (f.jaccard >= self.near_duplicate) & (f.short_words >= self.same_length * f.long_words)

    def contained(self, f: PairFeatures) -> Any:
        return (f.shared >= self.min_shared_paragraphs) & (f.short_extra == 0) & (f.long_extra > 0)

    def paragraph_version(self, f: PairFeatures) -> Any:
        return (f.shared >= self.min_shared_paragraphs) & (f.short_share >= self.version_paragraphs)

    def estimated_version(self, f: PairFeatures) -> Any:
        beyond_quote = (f.shared != 1) | (f.common >= f.shared_shingles + _larger(self.quote_margin,
                                                                                  0.5 * f.shared_shingles))
        return ((f.jaccard >= self.version_jaccard) & (f.containment >= self.version_containment)
                & (f.common >= self.min_common_shingles) & beyond_quote)

    def duplicate(self, f: PairFeatures) -> Any:
        """Whether a pair judged one story is a duplicate (else it is a version)."""
        return f.identical | self.edited(f)

    def verdict(self, f: PairFeatures) -> Any:
        """What makes the pair one story: ``IDENTICAL``, ``EDITED``, ``CONTAINED``, ``PARAGRAPHS``,
        ``ESTIMATED`` (the first test passed, in that order), or ``NOT_ONE_STORY`` (0). An int,
        or an int array for arrays of features."""
        tests = (f.identical, self.edited(f), self.contained(f), self.paragraph_version(f), self.estimated_version(f))
        long_enough = self.long_enough(f)
        if isinstance(long_enough, np.ndarray):
            codes = np.select([np.asarray(t, bool) for t in tests], [IDENTICAL, EDITED, CONTAINED, PARAGRAPHS, ESTIMATED],
                              NOT_ONE_STORY)
            return np.where(long_enough, codes, NOT_ONE_STORY)
        if not long_enough:
            return NOT_ONE_STORY
        return next((code for code, passed in enumerate(tests, IDENTICAL) if passed), NOT_ONE_STORY)

    def joins(self, f: PairFeatures) -> Any:
        """Whether the pair is one story (a boolean, or a boolean array)."""
        return self.verdict(f) != NOT_ONE_STORY


DEFAULT_RULE = DedupRule()
