"""Judging one pair of documents: what is measured on two signatures, and the ``Link`` made of it.

The measures (estimated Jaccard and containment from the MinHash sketches, exact counts of the
keyed paragraphs two documents share) become :class:`~storyline.dedup.rule.PairFeatures`; the
rule (``rule.DedupRule``) decides on those numbers alone, and :func:`compare` turns its verdict
into a link that says in words why the two are one story. Shared paragraphs are what tell a
trimmed or updated version (most of its paragraphs in the other) from an article that quotes one
paragraph of another (one shared paragraph among its own).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import numpy as np

from ..model import Relation
from .rule import CONTAINED, DEFAULT_RULE, EDITED, IDENTICAL, NOT_ONE_STORY, PARAGRAPHS, DedupRule, PairFeatures
from .signatures import NUM_PERM, SHINGLE, Signature


@dataclass
class Link:
    """Why two documents are one story."""

    a: str
    b: str
    relation: Relation     # duplicate or version
    jaccard: float         # estimated Jaccard similarity of the shingle sets
    containment: float     # share of the shorter text found in the longer one
    shared_paragraphs: int
    reason: str


def jaccard(a: Signature, b: Signature) -> float:
    return float(np.count_nonzero(a.hashvalues == b.hashvalues)) / NUM_PERM


def containment(a: Signature, b: Signature, jaccard: float) -> float:
    """Estimated share of the smaller shingle set contained in the larger one."""
    inter = jaccard / (1.0 + jaccard) * (a.shingles + b.shingles)
    return min(1.0, inter / max(1, min(a.shingles, b.shingles)))


def _key_words(sig: Signature) -> dict[int, int]:
    """A signature's paragraph keys with the words they hold (cached on the signature)."""
    cached = sig.__dict__.get("_key_words")
    if cached is None:
        cached = {}
        for k, w in zip(sig.paragraphs["key"].tolist(), sig.paragraphs["words"].tolist()):
            cached[k] = cached.get(k, 0) + w
        sig.__dict__["_key_words"] = cached
    return cached


@dataclass
class ParagraphOverlap:
    """The keyed paragraphs two documents share, seen from the shorter one."""

    shared: int            # distinct paragraphs in both
    short_paragraphs: int  # distinct paragraphs of the shorter document
    short_share: float     # share of the shorter document's paragraph words in shared paragraphs
    short_extra: int       # words of the shorter document in paragraphs the other lacks
    long_extra: int        # words of the longer document in paragraphs the other lacks
    shared_shingles: int   # shingles inside the shared paragraphs (about words - 4 each)


def paragraph_overlap(a: Signature, b: Signature) -> ParagraphOverlap:
    short, long = (a, b) if a.paragraph_words <= b.paragraph_words else (b, a)
    sk, lk = _key_words(short), _key_words(long)
    shared = sk.keys() & lk.keys()
    short_words = sum(sk[k] for k in shared)
    long_words = sum(lk[k] for k in shared)
    shingles = sum(max(1, sk[k] - SHINGLE + 1) for k in shared)
    return ParagraphOverlap(len(shared), len(sk), short_words / max(1, short.paragraph_words),
                            short.paragraph_words - short_words, long.paragraph_words - long_words, shingles)


def shared_paragraphs(a: Signature, b: Signature) -> tuple[int, float]:
    """Paragraphs of the shorter document found in the longer: how many, and their share of its words."""
    o = paragraph_overlap(a, b)
    return o.shared, o.short_share


def _paragraphs(n: int) -> str:
    return f"{n} paragraph" if n == 1 else f"{n} paragraphs"


def pair_features(a: Signature, b: Signature, j: Optional[float] = None) -> PairFeatures:
    """What the rule reads of two documents; ``j`` replaces the estimated Jaccard (the benchmark
    passes the exact one). Documents with the same normalized text are not measured further: their
    sketches and paragraphs are the same, and the rule takes them as duplicates before looking."""
    short_words, long_words = min(a.words, b.words), max(a.words, b.words)
    if a.text_hash == b.text_hash:
        shared = len(_key_words(a))
        return PairFeatures(True, short_words, long_words, 1.0, 1.0, shared, shared, 1.0, 0, 0, 0, 0.0)
    j = jaccard(a, b) if j is None else j
    o = paragraph_overlap(a, b)
    common = j / (1.0 + j) * (a.shingles + b.shingles)  # estimated shingles in common
    return PairFeatures(False, short_words, long_words, j, containment(a, b, j), o.shared, o.short_paragraphs,
                        o.short_share, o.short_extra, o.long_extra, o.shared_shingles, common)


def compare(a: Signature, b: Signature, j: Optional[float] = None, rule: DedupRule = DEFAULT_RULE) -> Optional[Link]:
    """Whether two documents are one story under ``rule``, and why; None when they are not.

    The tests are those of :class:`~storyline.dedup.rule.DedupRule`, in its order: the same
    text, the same text edited (duplicates); all the shorter text's paragraphs in the longer,
    most of its paragraph words in shared paragraphs, or a high estimated containment
    (versions). ``j`` replaces the estimated Jaccard.
    """
    f = pair_features(a, b, j)
    verdict = rule.verdict(f)
    if verdict == NOT_ONE_STORY:
        return None
    j, c, shared = f.jaccard, f.containment, f.shared
    if verdict == IDENTICAL:
        return Link(a.document, b.document, "duplicate", 1.0, 1.0, shared, "identical text")
    if verdict == EDITED:
        return Link(a.document, b.document, "duplicate", j, c, shared,
                    f"the same text, edited (Jaccard {j:.2f}, {_paragraphs(shared)} unchanged)")
    if verdict == CONTAINED:
        return Link(a.document, b.document, "version", j, 1.0, shared,
                    f"version: all {shared} paragraphs of the shorter text are in the other, "
                    f"which has {f.long_extra} more words (Jaccard {j:.2f})")
    if verdict == PARAGRAPHS:
        return Link(a.document, b.document, "version", j, max(c, f.short_share), shared,
                    f"version: {shared} of {f.short_paragraphs} paragraphs of the shorter text "
                    f"({f.short_share:.0%} of its words) are in the other (Jaccard {j:.2f})")
    return Link(a.document, b.document, "version", j, c, shared,
                f"version: about {c:.0%} of the shorter text is in the other (Jaccard {j:.2f})")
