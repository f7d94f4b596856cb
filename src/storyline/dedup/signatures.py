"""What dedup keeps of a document: its ``Signature`` (MinHash sketch, paragraph keys, text hash).

A signature is computed once, when a document is built, and stored; every later comparison reads
it instead of the text. This module computes signatures a batch at a time and holds everything
their values depend on (the shingle length, the MinHash permutations, the LSH banding constants,
the shortest keyed paragraph): stored signatures are only comparable with new ones made with the
same values.

- the **normalized text** (lower-cased ``\\w+`` words), hashed: equal → identical text;
- a **MinHash** sketch of the word 5-shingles taken inside paragraphs (datasketch's
  ``affine32`` scheme with 128 permutations; the values are exactly those of
  ``datasketch.MinHash(num_perm=128, seed=1, scheme="affine32")`` fed the 32-bit shingle hashes,
  which a test checks);
- the **paragraph keys**: a 64-bit hash of each paragraph's normalized words (paragraphs of
  at least ``MIN_PARAGRAPH_WORDS`` words).

Why hand-written: datasketch hashes shingles one Python call at a time
(``MinHash.update_batch`` loops over ``hashfunc``; ``MinHash.bulk`` too), about 500 news pages
a second on one core. Here the tokenizing, shingle hashing and MinHash of a whole batch of
documents run as a few numpy array operations (polynomial prefix hashes over the code points
of the batch), with datasketch's permutations and pre-mix, so the sketches are datasketch
sketches (``Signature.minhash()``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

import numpy as np

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"        # stored hash values are only comparable under one scheme and seed
SHINGLE = 5                # words per shingle
BANDS, ROWS = 32, 4        # LSH: a pair with Jaccard s is a candidate with probability 1-(1-s^4)^32
MIN_PARAGRAPH_WORDS = 8    # shorter paragraphs (sub-heads, "Advertisement") are not matched as paragraphs

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


def paragraphs_of(sigs: Sequence[Signature]) -> np.ndarray:
    """The keyed paragraphs of many signatures, concatenated (through bytes: concatenating
    structured arrays one by one is slow)."""
    return np.frombuffer(b"".join(s.paragraphs.tobytes() for s in sigs), dtype=PARAGRAPH_DTYPE)


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
