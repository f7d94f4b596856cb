"""Dedup: exact duplicates, near duplicates and versions of one story, grouped with reasons.

A news scrape holds the same wire story many times: reposted whole, trimmed, updated with new
paragraphs, lightly edited, or with some of its paragraphs reused inside another outlet's
article. This stage tells those apart from different stories and says why it joined each pair.

What is compared (all derived from the clean text, so the site furniture the clean stage
removed plays no part):

- the **normalized text** (lower-cased ``\\w+`` words): equal → identical text;
- a **MinHash** sketch of the word 5-shingles taken inside paragraphs (datasketch's
  ``affine32`` scheme with 128 permutations; the values are exactly those of
  ``datasketch.MinHash(num_perm=128, seed=1, scheme="affine32")`` fed the 32-bit shingle hashes,
  which a test checks): estimates the Jaccard similarity of two texts and, with the two
  shingle counts, the share of the shorter text found in the longer one (containment);
- the **paragraph keys**: a 64-bit hash of each paragraph's normalized words (paragraphs of
  at least ``MIN_PARAGRAPH_WORDS`` words): exact counts of the paragraphs two documents share,
  which is what tells a trimmed or updated version (most of its paragraphs in the other) from an
  article that quotes one paragraph of another (one shared paragraph among its own).

Candidates come from MinHash LSH (``BANDS`` bands of ``ROWS`` values) and from shared
paragraph keys, so a trim keeping a third of a long story is found even where its Jaccard
similarity is low; both are looked up in :class:`Index`, sorted numpy arrays of 8-byte
postings that the store rebuilds from the stored sketches. Each candidate pair is judged by
:func:`compare`; groups are the connected components of the pairs judged to be one story. A
group keeps every member, names the most complete, latest version its representative, and
explains each member against the representative (Jaccard, containment, shared paragraphs).

Paragraph level: a paragraph key seen more than once is wire copy shared across documents or
a paragraph repeated inside one (:func:`repeated_paragraphs`), so that summaries and source
counts can see it once while every occurrence stays citable.

Why hand-written parts: datasketch hashes shingles one Python call at a time
(``MinHash.update_batch`` loops over ``hashfunc``; ``MinHash.bulk`` too), about 500 news pages
a second on one core. Here the tokenizing, shingle hashing and MinHash of a whole batch of
documents run as a few numpy array operations (polynomial prefix hashes over the code points
of the batch), with datasketch's permutations and pre-mix, so the sketches are datasketch
sketches (``Signature.minhash()``). ``datasketch.MinHashLSH`` keeps Python dicts of byte
strings, several kilobytes per document; the banding here is the same (``BANDS`` bands of
``ROWS`` rows) with each band reduced to a 32-bit key in a sorted array, so that the index of
a million documents fits in a few hundred megabytes and is rebuilt from the store in seconds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

import numpy as np

from .model import DuplicateGroup, GroupMember
from .unionfind import UnionFind

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"        # stored hash values are only comparable under one scheme and seed
SHINGLE = 5                # words per shingle
BANDS, ROWS = 32, 4        # LSH: a pair with Jaccard s is a candidate with probability 1-(1-s^4)^32
MIN_PARAGRAPH_WORDS = 8    # shorter paragraphs (sub-heads, "Advertisement") are not matched as paragraphs
MAX_CANDIDATES = 30        # candidates judged per document and kind (band keys, paragraph keys): those
                           # sharing most keys. A story reposted 500 times needs a few links per new
                           # copy, not 500; the cap bounds the work per document.
MAX_BUCKET = 200           # postings read per probed key (the latest); bounds the work on giant buckets

# Judging a candidate pair (chosen on the benchmark in benchmarks/dedup; see docs/benchmarks.md)
NEAR_DUPLICATE = 0.6       # estimated Jaccard at or above, with lengths within SAME_LENGTH: the
SAME_LENGTH = 0.95         # same text, edited (a duplicate rather than a version)
VERSION_PARAGRAPHS = 0.6   # share of the shorter text's paragraph words found in the longer one ...
MIN_SHARED_PARAGRAPHS = 2  # ... over at least this many shared paragraphs (one is a quote)
VERSION_CONTAINMENT = 0.5  # estimated share of the shorter text's shingles in the longer one ...
VERSION_JACCARD = 0.25     # ... with at least this Jaccard (the estimate is too noisy below) ...
MIN_COMMON_SHINGLES = 40   # ... and about this many shingles in common (two sentences or so) ...
QUOTE_MARGIN = 30          # ... beyond those of a single shared paragraph (else it is a quote)
MIN_WORDS = 50             # shorter documents join no group: too short to tell a copy of a story
                           # from boilerplate (a paywall notice or a footer taken for the article)

# --- the signature --------------------------------------------------------------------------

PARAGRAPH_DTYPE = np.dtype([("key", "<i8"), ("index", "<i4"), ("words", "<i4")])


@dataclass
class Signature:
    """What dedup keeps about a document; stored, so builds compare new documents with it.

    ``text_hash`` identifies the normalized text; ``shingles`` is the number of distinct
    shingles; ``hashvalues`` the MinHash sketch (``NUM_PERM`` uint32); ``paragraphs`` the keyed
    paragraphs (``PARAGRAPH_DTYPE``: key, paragraph number in the clean text, word count).
    """

    document: str
    text_hash: str
    shingles: int
    hashvalues: np.ndarray
    published: Optional[dt.date] = None
    words: int = 0
    paragraphs: np.ndarray = field(default_factory=lambda: np.zeros(0, PARAGRAPH_DTYPE))

    @property
    def paragraph_words(self) -> int:
        cached = self.__dict__.get("_paragraph_words")
        if cached is None:
            cached = self.__dict__["_paragraph_words"] = int(self.paragraphs["words"].sum())
        return cached

    def minhash(self):
        """The sketch as a datasketch ``LeanMinHash``."""
        from datasketch import LeanMinHash
        return LeanMinHash(seed=SEED, hashvalues=self.hashvalues, scheme=SCHEME)


def _fmix64(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finalizer (an avalanching bijection), in place on a uint64 array."""
    h ^= h >> np.uint64(33)
    h *= np.uint64(0xFF51AFD7ED558CCD)
    h ^= h >> np.uint64(33)
    h *= np.uint64(0xC4CEB9FE1A85EC53)
    h ^= h >> np.uint64(33)
    return h


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer: datasketch's pre-mix of input hashes (affine32)."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


class _Hashing:
    """Constants shared by every signature: the permutations and the polynomial bases."""

    def __init__(self) -> None:
        from datasketch import MinHash  # imported when first hashing: reading a store needs none of it

        a, b = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashfunc=_identity).permutations
        self.a = np.ascontiguousarray(a, dtype=np.uint32)[:, None]
        self.b = np.ascontiguousarray(b, dtype=np.uint32)[:, None]
        # odd bases for polynomial hashes modulo 2^64, and their inverses
        self.p = np.uint64(0x100000001B3)                    # over code points
        self.q = np.uint64(0x9E3779B97F4A7C15)               # over word hashes
        self.q2 = np.uint64(0xD6E8FEB86659FD93)              # second text hash
        self.band_salt = _fmix64(np.arange(1, BANDS + 1, dtype=np.uint64) * np.uint64(0x2545F4914F6CDD1D))
        self.row_mult = np.array([pow(0xC6A4A7935BD1E995, r + 1, 1 << 64) for r in range(ROWS)], dtype=np.uint64)
        self._pow: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        word = np.zeros(0x10000, dtype=bool)
        for c in range(0x10000):
            ch = chr(c)
            word[c] = ch.isalnum() or ch == "_"
        word[0xD800:0xE000] = False
        self.word_bmp = word
        self.space_bmp = np.array([chr(c).isspace() for c in range(0x10000)], dtype=bool)

    def powers(self, base: np.uint64, n: int) -> tuple[np.ndarray, np.ndarray]:
        """base^i and base^-i (mod 2^64) for i < n."""
        key = int(base)
        have = self._pow.get(key)
        if have is None or len(have[0]) < n:
            size = max(n, 1 << 16, 2 * len(have[0]) if have else 0)
            inv = np.uint64(pow(int(base), -1, 1 << 64))
            up = np.empty(size, np.uint64)
            down = np.empty(size, np.uint64)
            up[0] = down[0] = 1
            with np.errstate(over="ignore"):
                np.multiply.accumulate(np.full(size - 1, base, np.uint64), out=up[1:])
                np.multiply.accumulate(np.full(size - 1, inv, np.uint64), out=down[1:])
            have = self._pow[key] = (up, down)
        return have[0][:n], have[1][:n]

    def is_word(self, cp: np.ndarray) -> np.ndarray:
        out = self.word_bmp[np.minimum(cp, 0xFFFF)]
        astral = np.flatnonzero(cp > 0xFFFF)
        if len(astral):
            out[astral] = [chr(c).isalnum() for c in cp[astral].tolist()]
        return out


def _identity(x):
    return x


_H: Optional[_Hashing] = None


def _hashing() -> _Hashing:
    global _H
    if _H is None:
        _H = _Hashing()
    return _H


def _range_hashes(values: np.ndarray, starts: np.ndarray, ends: np.ndarray, base: np.uint64) -> np.ndarray:
    """Polynomial hashes sum(values[i] * base^(end-1-i)) of the ranges [start, end), mod 2^64."""
    h = _hashing()
    up, down = h.powers(base, len(values) + 1)
    with np.errstate(over="ignore"):
        prefix = np.empty(len(values) + 1, np.uint64)
        prefix[0] = 0
        np.cumsum(values * down[:len(values)], out=prefix[1:])
        return (prefix[ends] - prefix[starts]) * up[np.maximum(ends, 1) - 1]


def signatures(items: Iterable[tuple[str, str, Optional[dt.date]]], chunk_chars: int = 1 << 17) -> list[Signature]:
    """Signatures of ``(document, clean text, published)`` items, computed a batch at a time."""
    out: list[Signature] = []
    chunk: list[tuple[str, str, Optional[dt.date]]] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += len(item[1])
        if size >= chunk_chars:
            out.extend(_signature_chunk(chunk))
            chunk, size = [], 0
    if chunk:
        out.extend(_signature_chunk(chunk))
    return out


def signature(document: str, text: str, published: Optional[dt.date] = None) -> Signature:
    return _signature_chunk([(document, text, published)])[0]


def shingle_sets(texts: Sequence[str]) -> list[np.ndarray]:
    """The distinct 32-bit shingle hashes of each text (what the sketches summarize); for checks."""
    shingles: list[np.ndarray] = []
    _signature_chunk([("", t, None) for t in texts], shingles)
    return shingles


def _signature_chunk(items: Sequence[tuple[str, str, Optional[dt.date]]],
                     keep: Optional[list] = None) -> list[Signature]:
    """Signatures of a batch, computed over the code points of all its texts at once.

    The texts are joined with blank lines and lower-cased; words are maximal runs of ``\\w``
    characters, paragraphs are separated by whitespace holding two or more line breaks (as in
    :func:`storyline.sentences.paragraphs`, so paragraph numbers match sentence paragraphs).
    Words, shingles, paragraphs and texts are hashed with polynomial prefix sums modulo 2^64.
    """
    h = _hashing()
    n_docs = len(items)
    lowered = [text.lower() for _, text, _ in items]
    big = "\n\n" + "\n\n".join(lowered)
    cp = np.frombuffer(big.encode("utf-32-le"), dtype=np.uint32)
    lengths = np.fromiter(map(len, lowered), dtype=np.int64, count=n_docs)
    doc_start = 2 + np.concatenate([[0], np.cumsum(lengths + 2)[:-1]]).astype(np.int64)

    isw = h.is_word(cp)
    edges = np.flatnonzero(np.diff(np.concatenate([[False], isw, [False]]).view(np.int8)))
    w_start, w_end = edges[0::2], edges[1::2]
    # paragraph breaks: runs of whitespace holding at least two line breaks
    ws = h.space_bmp[np.minimum(cp, 0xFFFF)]
    s_edges = np.flatnonzero(np.diff(np.concatenate([[False], ws, [False]]).view(np.int8)))
    newlines = np.concatenate([[0], np.cumsum(cp == 10)])
    s_start, s_end = s_edges[0::2], s_edges[1::2]
    breaks = s_start[newlines[s_end] - newlines[s_start] >= 2]
    w_doc = np.searchsorted(doc_start, w_start, side="right") - 1
    w_para = np.searchsorted(breaks, w_start, side="left")       # global paragraph number
    doc_b0 = np.searchsorted(breaks, doc_start, side="left")     # breaks before each document
    d_first = np.searchsorted(w_doc, np.arange(n_docs), side="left")
    d_last = np.searchsorted(w_doc, np.arange(n_docs), side="right")
    d_words = d_last - d_first

    with np.errstate(over="ignore"):
        wh = _range_hashes(cp.astype(np.uint64), w_start, w_end, h.p)
        wh = _fmix64(wh ^ (w_end - w_start).astype(np.uint64))
        # shingles: windows of SHINGLE words inside one paragraph
        n_w = len(wh)
        sh_vals, sh_docs = [], []
        have = np.zeros(n_docs, bool)
        if n_w >= SHINGLE:
            starts = np.flatnonzero(w_para[:n_w - SHINGLE + 1] == w_para[SHINGLE - 1:])
            sh_vals.append(_range_hashes(wh, starts, starts + SHINGLE, h.q))
            sh_docs.append(w_doc[starts])
            have[w_doc[starts]] = True
        # documents without a full window inside a paragraph: windows across paragraphs, or
        # one shingle of all their words when they have fewer than SHINGLE
        for d in np.flatnonzero(~have & (d_words > 0)).tolist():
            a, b = int(d_first[d]), int(d_last[d])
            s = np.arange(a, b - SHINGLE + 1) if b - a >= SHINGLE else np.array([a])
            e = s + SHINGLE if b - a >= SHINGLE else np.array([b])
            sh_vals.append(_range_hashes(wh, s, e, h.q))
            sh_docs.append(np.full(len(s), d, np.int64))
        if sh_vals:
            sh = _fmix64(np.concatenate(sh_vals))
            keyed = (np.concatenate(sh_docs).astype(np.uint64) << np.uint64(32)) | (sh >> np.uint64(32))
            keyed.sort()
            keyed = keyed[np.concatenate([[True], keyed[1:] != keyed[:-1]])]
            u_doc = (keyed >> np.uint64(32)).astype(np.int64)
            u_val = (keyed & np.uint64(0xFFFFFFFF)).astype(np.uint32)
        else:
            u_doc = np.zeros(0, np.int64)
            u_val = np.zeros(0, np.uint32)
        counts = np.bincount(u_doc, minlength=n_docs)
        if keep is not None:
            keep.extend(np.split(u_val, np.cumsum(counts)[:-1]))
        hashvalues = np.full((n_docs, NUM_PERM), np.uint32(0xFFFFFFFF), dtype=np.uint32)
        nonempty = np.flatnonzero(counts)
        if len(nonempty):
            offsets = np.concatenate([[0], np.cumsum(counts)[:-1]])
            mixed = _fmix32(u_val)
            # NUM_PERM x (shingles of a slice of documents) uint32 at a time
            ends = offsets[nonempty] + counts[nonempty]
            step = 1 << 15
            i = 0
            while i < len(nonempty):
                lo = offsets[nonempty[i]]
                j = max(i + 1, int(np.searchsorted(ends, lo + step, side="right")))
                hi = ends[j - 1]
                if hi - lo > step:  # one long document: its shingles a slice at a time, so memory stays flat
                    sketch = hashvalues[nonempty[i]]
                    for a in range(int(lo), int(hi), step):
                        phv = h.a * mixed[None, a:min(a + step, int(hi))]
                        phv += h.b
                        np.minimum(sketch, phv.min(axis=1), out=sketch)
                    hashvalues[nonempty[i]] = sketch
                else:
                    phv = h.a * mixed[None, lo:hi]
                    phv += h.b
                    hashvalues[nonempty[i:j]] = np.minimum.reduceat(phv, offsets[nonempty[i:j]] - lo, axis=1).T
                i = j

        # paragraphs (those with words) and their keys; the normalized text hash
        p_first = np.flatnonzero(np.concatenate([[True], w_para[1:] != w_para[:-1]])) if n_w else np.zeros(0, np.int64)
        p_last = np.concatenate([p_first[1:], [n_w]]).astype(np.int64)
        p_words = p_last - p_first
        p_doc = w_doc[p_first]
        p_index = w_para[p_first] - doc_b0[p_doc]
        p_keys = _fmix64(_range_hashes(wh, p_first, p_last, h.q) ^ p_words.astype(np.uint64))
        t1 = _fmix64(_range_hashes(wh, d_first, d_last, h.q) ^ d_words.astype(np.uint64))
        t2 = _fmix64(_range_hashes(wh, d_first, d_last, h.q2) + d_words.astype(np.uint64))

    sel = np.flatnonzero(p_words >= MIN_PARAGRAPH_WORDS)
    paras = np.zeros(len(sel), PARAGRAPH_DTYPE)
    paras["key"] = p_keys[sel].view(np.int64)
    paras["index"] = p_index[sel]
    paras["words"] = p_words[sel]
    cuts = np.searchsorted(p_doc[sel], np.arange(n_docs + 1), side="left")
    out = []
    for d, (doc, _, published) in enumerate(items):
        out.append(Signature(doc, f"{int(t1[d]):016x}{int(t2[d]):016x}", int(counts[d]), hashvalues[d],
                             published, int(d_words[d]), paras[cuts[d]:cuts[d + 1]].copy()))
    return out


def band_keys(hashvalues: np.ndarray) -> np.ndarray:
    """LSH band keys of sketches (n x NUM_PERM uint32) as n x BANDS signed 64-bit integers."""
    h = _hashing()
    hv = hashvalues.reshape(len(hashvalues), BANDS, ROWS).astype(np.uint64)
    with np.errstate(over="ignore"):
        keys = (hv * h.row_mult).sum(axis=2, dtype=np.uint64) + h.band_salt
        return _fmix64(keys).view(np.int64)


# --- judging a pair ---------------------------------------------------------------------------

@dataclass
class Link:
    """Why two documents are one story."""

    a: str
    b: str
    relation: str          # duplicate or version
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


def compare(a: Signature, b: Signature, j: Optional[float] = None) -> Optional[Link]:
    """Whether two documents are one story, and why; None when they are not.

    - the same normalized text: a duplicate;
    - estimated Jaccard at least ``NEAR_DUPLICATE`` and lengths within ``SAME_LENGTH``: a
      duplicate, edited;
    - all the shorter text's paragraphs (at least ``MIN_SHARED_PARAGRAPHS``) in the longer one,
      which has more: a version (an update of the shorter, or a trim of the longer);
    - at least ``MIN_SHARED_PARAGRAPHS`` shared paragraphs holding ``VERSION_PARAGRAPHS`` of
      the shorter text's words: a version (trimmed, updated, partly rewritten); one shared
      paragraph is a quote, not a version;
    - else Jaccard at least ``VERSION_JACCARD`` and estimated containment at least
      ``VERSION_CONTAINMENT``, with at least ``MIN_COMMON_SHINGLES`` estimated shingles in
      common and, when they share exactly one paragraph, clearly more than that paragraph: a
      version rewritten too much for its paragraphs to match.

    Documents of fewer than ``MIN_WORDS`` words are never linked.
    """
    if a.words < MIN_WORDS or b.words < MIN_WORDS:
        return None
    if a.text_hash == b.text_hash:
        return Link(a.document, b.document, "duplicate", 1.0, 1.0, len(_key_words(a)), "identical text")
    j = jaccard(a, b) if j is None else j
    c = containment(a, b, j)
    o = paragraph_overlap(a, b)
    if j >= NEAR_DUPLICATE and min(a.words, b.words) >= SAME_LENGTH * max(a.words, b.words):
        return Link(a.document, b.document, "duplicate", j, c, o.shared,
                    f"the same text, edited (Jaccard {j:.2f}, {_paragraphs(o.shared)} unchanged)")
    if o.shared >= MIN_SHARED_PARAGRAPHS and o.short_extra == 0 and o.long_extra > 0:
        return Link(a.document, b.document, "version", j, 1.0, o.shared,
                    f"version: all {o.shared} paragraphs of the shorter text are in the other, "
                    f"which has {o.long_extra} more words (Jaccard {j:.2f})")
    if o.shared >= MIN_SHARED_PARAGRAPHS and o.short_share >= VERSION_PARAGRAPHS:
        return Link(a.document, b.document, "version", j, max(c, o.short_share), o.shared,
                    f"version: {o.shared} of {o.short_paragraphs} paragraphs of the shorter text "
                    f"({o.short_share:.0%} of its words) are in the other (Jaccard {j:.2f})")
    if j >= VERSION_JACCARD and c >= VERSION_CONTAINMENT:
        common = j / (1.0 + j) * (a.shingles + b.shingles)  # estimated shingles in common
        if common < MIN_COMMON_SHINGLES:
            return None  # too little text in common to call it one story
        if o.shared == 1 and common < o.shared_shingles + max(QUOTE_MARGIN, 0.5 * o.shared_shingles):
            return None  # the overlap is the one paragraph they share: a quote
        return Link(a.document, b.document, "version", j, c, o.shared,
                    f"version: about {c:.0%} of the shorter text is in the other (Jaccard {j:.2f})")
    return None


# --- finding candidates and links -----------------------------------------------------------------

def _merge_sorted(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    if not len(a):
        return b
    if not len(b):
        return a
    return np.insert(a, np.searchsorted(a, b), b)


class Postings:
    """Key → owner lookups in memory: sorted ``key << 32 | owner`` uint64 values, 8 bytes a posting.

    Keys are cut to 32 bits (a rare false hit only adds a candidate that is then judged); owners
    are document numbers below 2^32. New postings go to a small sorted tail that is merged into
    the main array when it reaches an eighth of it, so adding stays cheap as the index grows.
    """

    def __init__(self) -> None:
        self.main = np.zeros(0, np.uint64)
        self.tail = np.zeros(0, np.uint64)

    def __len__(self) -> int:
        return len(self.main) + len(self.tail)

    @property
    def nbytes(self) -> int:
        return self.main.nbytes + self.tail.nbytes

    @staticmethod
    def _key32(keys: np.ndarray) -> np.ndarray:
        return (np.asarray(keys).astype(np.int64).view(np.uint64) >> np.uint64(32))

    def add(self, keys: np.ndarray, owners: np.ndarray) -> None:
        if not len(keys):
            return
        packed = (self._key32(keys) << np.uint64(32)) | np.asarray(owners, np.uint64)
        packed.sort()
        self.tail = _merge_sorted(self.tail, packed)
        if len(self.tail) > max(1 << 18, len(self.main) // 8):
            self.main = _merge_sorted(self.main, self.tail)
            self.tail = np.zeros(0, np.uint64)

    def hits(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``(position of the probed key, owner)`` for every posting of each key (at most
        MAX_BUCKET per key, the latest)."""
        lo_key = self._key32(keys) << np.uint64(32)
        order = np.argsort(lo_key, kind="stable")  # sorted probes search a big array far faster
        lo_key = lo_key[order]
        hi_key = lo_key | np.uint64(0xFFFFFFFF)
        probes, others = [], []
        for arr in (self.main, self.tail):
            if not len(arr):
                continue
            hi = np.empty(len(order), np.int64)
            lo = np.empty(len(order), np.int64)
            hi[order] = np.searchsorted(arr, hi_key, side="right")
            lo[order] = np.searchsorted(arr, lo_key, side="left")
            lo = np.maximum(lo, hi - MAX_BUCKET)
            counts = hi - lo
            total = int(counts.sum())
            if not total:
                continue
            starts = np.repeat(lo - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts)
            probes.append(np.repeat(np.arange(len(lo)), counts))
            others.append((arr[starts + np.arange(total)] & np.uint64(0xFFFFFFFF)).astype(np.int64))
        if not probes:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        return np.concatenate(probes), np.concatenate(others)

    def lookup(self, keys: np.ndarray, owners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``(owner, other)`` for every posting of each probed key."""
        probe, other = self.hits(keys)
        return np.asarray(owners, np.int64)[probe], other


def _top_pairs(owner: np.ndarray, other: np.ndarray, limit: int) -> np.ndarray:
    """Distinct ``(owner, other)`` pairs, owner != other, keeping per owner the ``limit`` others
    sharing most keys with it; as an n x 2 array."""
    keep = owner != other
    owner, other = owner[keep], other[keep]
    if not len(owner):
        return np.zeros((0, 2), np.int64)
    pair, hits = np.unique((owner.astype(np.uint64) << np.uint64(32)) | other.astype(np.uint64), return_counts=True)
    own = (pair >> np.uint64(32)).astype(np.int64)
    oth = (pair & np.uint64(0xFFFFFFFF)).astype(np.int64)
    order = np.lexsort((-oth, -hits, own))
    own, oth = own[order], oth[order]
    first = np.searchsorted(own, own, side="left")
    rank = np.arange(len(own)) - first
    keep = rank < limit
    return np.column_stack([own[keep], oth[keep]])


def _paragraph_keys(sigs: Sequence[Signature]) -> np.ndarray:
    """The paragraph keys of many signatures, concatenated (through bytes: concatenating
    structured arrays one by one is slow)."""
    return np.frombuffer(b"".join(s.paragraphs.tobytes() for s in sigs), dtype=PARAGRAPH_DTYPE)["key"]


class Index:
    """The candidate index: LSH band keys and paragraph keys → document numbers.

    ``bytes_per_posting`` is 8: about ``8 * (BANDS + paragraphs)`` bytes per document (about
    400 for a news article). Documents identical to one already indexed are linked to it by
    their text hash and add no band postings.
    """

    bytes_per_posting = 8

    def __init__(self) -> None:
        self.bands = Postings()
        self.paragraphs = Postings()

    @property
    def nbytes(self) -> int:
        return self.bands.nbytes + self.paragraphs.nbytes

    def add(self, nums: np.ndarray, sigs: Sequence[Signature], banded: Optional[np.ndarray] = None) -> None:
        """Index documents ``nums`` (their band keys where ``banded``, and their paragraph keys)."""
        nums = np.asarray(nums, np.int64)
        if banded is None:
            banded = np.array([s.shingles > 0 for s in sigs], bool)
        if banded.any():
            keys = band_keys(np.stack([s.hashvalues for s, b in zip(sigs, banded) if b]))
            self.bands.add(keys.ravel(), np.repeat(nums[banded], BANDS))
        counts = [len(s.paragraphs) for s in sigs]
        if sum(counts):
            self.paragraphs.add(_paragraph_keys(sigs), np.repeat(nums, counts))

    def candidates(self, nums: np.ndarray, sigs: Sequence[Signature], limit: int = 0) -> np.ndarray:
        """Candidate pairs ``(num, other)`` for documents ``nums``: for each kind of key, the
        ``limit`` (default MAX_CANDIDATES) documents sharing most keys with each."""
        limit = limit or MAX_CANDIDATES
        nums = np.asarray(nums, np.int64)
        out = []
        banded = np.array([s.shingles > 0 for s in sigs], bool)
        if banded.any():
            keys = band_keys(np.stack([s.hashvalues for s, b in zip(sigs, banded) if b]))
            owner, other = self.bands.lookup(keys.ravel(), np.repeat(nums[banded], BANDS))
            out.append(_top_pairs(owner, other, limit))
        counts = [len(s.paragraphs) for s in sigs]
        if sum(counts):
            keys = _paragraph_keys(sigs)
            owners = np.repeat(nums, counts)
            uniq = np.unique(np.column_stack([keys, owners]), axis=0)
            owner, other = self.paragraphs.lookup(uniq[:, 0], uniq[:, 1])
            out.append(_top_pairs(owner, other, limit))
        if not out:
            return np.zeros((0, 2), np.int64)
        return np.concatenate(out)


def find_links(sigs: Sequence[Signature]) -> list[Link]:
    """Every pair of the given signatures judged one story (candidates from LSH and paragraphs)."""
    sigs = [s for s in sigs if s.words]
    if len(sigs) < 2:
        return []
    links: list[Link] = []
    # identical texts: link each to the first with that text, and look for candidates once per text
    first: dict[str, int] = {}
    distinct: list[int] = []
    for i, s in enumerate(sigs):
        if s.text_hash in first:
            link = compare(sigs[first[s.text_hash]], s)
            if link:
                links.append(link)
        else:
            first[s.text_hash] = i
            distinct.append(i)
    nums = np.asarray(distinct, np.int64)
    chosen = [sigs[i] for i in distinct]
    index = Index()
    index.add(nums, chosen)
    pairs = index.candidates(nums, chosen)
    seen = set()
    for x, y in pairs.tolist():
        key = (min(x, y), max(x, y))
        if key in seen:
            continue
        seen.add(key)
        link = compare(sigs[key[0]], sigs[key[1]])
        if link:
            links.append(link)
    return links


def components(docs: Iterable[str], links: Iterable[Link]) -> list[list[str]]:
    """Connected components of the link graph with more than one member."""
    sets = UnionFind(docs)
    for link in links:
        sets.union(link.a, link.b)
    return [sorted(m) for m in sets.sets() if len(m) > 1]


def _representative_key(sig: Signature, longest: int):
    complete = sig.shingles >= 0.8 * longest
    return (complete, sig.published or dt.date.min, sig.shingles, sig.document)


def make_group(members: Sequence[Signature], links: Iterable[Link]) -> DuplicateGroup:
    """One group from its members' signatures and the links that joined them.

    The representative is the most complete, latest version: among members with at least 80 %
    of the longest member's shingles, the latest published, then the longest. Every other
    member is explained against the representative; a member that joined through another
    member (a trim of an update, say) is explained by that link.
    """
    sigs = {s.document: s for s in members}
    longest = max(s.shingles for s in members)
    rep = max(members, key=lambda s: _representative_key(s, longest))
    by_member: dict[str, list[Link]] = {}
    for link in links:
        by_member.setdefault(link.a, []).append(link)
        by_member.setdefault(link.b, []).append(link)
    out = [GroupMember(rep.document, "representative", 1.0, "most complete, latest version",
                       containment=1.0, shared_paragraphs=len(rep.paragraphs), linked_to=None)]
    for doc in sorted(d for d in sigs if d != rep.document):
        link = compare(rep, sigs[doc])
        if link is not None:
            out.append(GroupMember(doc, link.relation, round(link.jaccard, 3), link.reason,
                                   containment=round(link.containment, 3), shared_paragraphs=link.shared_paragraphs,
                                   linked_to=rep.document))
            continue
        best = max(by_member.get(doc, []), key=lambda k: (k.jaccard + k.containment, k.a, k.b), default=None)
        if best is None:
            out.append(GroupMember(doc, "version", 0.0, "linked through the group", linked_to=rep.document))
            continue
        other = best.b if best.a == doc else best.a
        out.append(GroupMember(doc, best.relation, round(best.jaccard, 3), f"{best.reason}, with {other}",
                               containment=round(best.containment, 3), shared_paragraphs=best.shared_paragraphs,
                               linked_to=other))
    return DuplicateGroup(id=group_id(sigs), representative=rep.document, members=out)


def group_id(documents: Iterable[str]) -> str:
    return "g" + min(documents)[:12]


def group(signatures: Iterable[Signature]) -> list[DuplicateGroup]:
    """Group documents that are one story; singletons are not returned."""
    sigs = {s.document: s for s in signatures}
    links = find_links(list(sigs.values()))
    by_doc: dict[str, list[Link]] = {}
    for link in links:
        by_doc.setdefault(link.a, []).append(link)
    groups = []
    for comp in components(sigs, links):
        inside = [k for d in comp for k in by_doc.get(d, [])]
        groups.append(make_group([sigs[d] for d in comp], inside))
    groups.sort(key=lambda g: g.id)
    return groups


# --- paragraph level ------------------------------------------------------------------------

@dataclass
class ParagraphOccurrences:
    """A paragraph key found more than once: (document, paragraph number) of each occurrence."""

    key: int
    occurrences: list[tuple[str, int]]

    @property
    def documents(self) -> list[str]:
        return list(dict.fromkeys(d for d, _ in self.occurrences))


def repeated_paragraphs(signatures: Iterable[Signature]) -> list[ParagraphOccurrences]:
    """Paragraphs found more than once: shared across documents or repeated inside one."""
    seen: dict[int, list[tuple[str, int]]] = {}
    for s in signatures:
        for key, index in zip(s.paragraphs["key"].tolist(), s.paragraphs["index"].tolist()):
            seen.setdefault(key, []).append((s.document, index))
    return [ParagraphOccurrences(k, sorted(v)) for k, v in seen.items() if len(v) > 1]


def paragraph_origins(occurrences: Iterable[ParagraphOccurrences], published: dict[str, Optional[dt.date]],
                      source: dict[str, str]) -> tuple[dict[str, dict[int, str]], dict[str, set[int]]]:
    """For each document, which of its paragraphs another source published first, and which repeat.

    Returns ``(copied, repeats)``: ``copied[doc][paragraph]`` is the source key (duplicate
    group, else document) of the earliest publication of that paragraph when it is not
    ``doc``'s own source; ``repeats[doc]`` the paragraphs that repeat an earlier paragraph of
    the same document. The first publication is the earliest dated occurrence (undated last,
    then by document id), so counting sources counts wire copy once.
    """
    copied: dict[str, dict[int, str]] = {}
    repeats: dict[str, set[int]] = {}
    for occ in occurrences:
        items = sorted(occ.occurrences, key=lambda o: (published.get(o[0]) is None,
                                                       published.get(o[0]) or dt.date.min, o[0], o[1]))
        origin = source.get(items[0][0], items[0][0])
        first_in_doc: dict[str, int] = {}
        for doc, index in items:
            if doc in first_in_doc:
                repeats.setdefault(doc, set()).add(index)
                continue
            first_in_doc[doc] = index
            own = source.get(doc, doc)
            if own != origin:
                copied.setdefault(doc, {})[index] = origin
    return copied, repeats
