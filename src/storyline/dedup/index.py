"""The candidate index: which stored documents are worth judging against a new one.

Candidates come from MinHash LSH (``BANDS`` bands of ``ROWS`` values) and from shared paragraph
keys, so a trim keeping a third of a long story is found even where its Jaccard similarity is
low. Both are looked up in :class:`Index`, sorted numpy arrays of 8-byte postings that the store
rebuilds from the stored sketches. Why not ``datasketch.MinHashLSH``: it keeps Python dicts of
byte strings, several kilobytes per document; the banding here is the same with each band reduced
to a 32-bit key in a sorted array, so that the index of a million documents fits in a few hundred
megabytes and is rebuilt from the store in seconds.
"""

from __future__ import annotations

from typing import Optional, Sequence

import numpy as np

from .signatures import BANDS, ROWS, Signature, _fmix64, _hashing, paragraphs_of

MAX_CANDIDATES = 30        # candidates judged per document and kind (band keys, paragraph keys): those
                           # sharing most keys. A story reposted 500 times needs a few links per new
                           # copy, not 500; the cap bounds the work per document.
MAX_BUCKET = 200           # postings read per probed key (the latest); bounds the work on giant buckets


def band_keys(hashvalues: np.ndarray) -> np.ndarray:
    """LSH band keys of sketches (n x NUM_PERM uint32) as n x BANDS signed 64-bit integers."""
    h = _hashing()
    hv = hashvalues.reshape(len(hashvalues), BANDS, ROWS).astype(np.uint64)
    with np.errstate(over="ignore"):
        keys = (hv * h.row_mult).sum(axis=2, dtype=np.uint64) + h.band_salt
        return _fmix64(keys).view(np.int64)


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
        """``(position of the probed key, owner)`` for every posting of each key: at most
        MAX_BUCKET per key from each of the two arrays, the latest of each (``lookup`` keeps the
        latest MAX_BUCKET of both)."""
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
        """``(owner, other)`` for the latest MAX_BUCKET postings of each probed key, wherever they
        are held: what a key reads does not depend on when the tail was last merged into the
        main array (the store's history)."""
        probe, other = self.hits(keys)
        if len(self.main) and len(self.tail) and len(probe) and np.bincount(probe).max() > MAX_BUCKET:
            order = np.lexsort((-other, probe))
            probe, other = probe[order], other[order]
            keep = _rank_in_runs(probe) < MAX_BUCKET
            probe, other = probe[keep], other[keep]
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
    keep = _rank_in_runs(own) < limit
    return np.column_stack([own[keep], oth[keep]])


def _rank_in_runs(sorted_keys: np.ndarray) -> np.ndarray:
    """Each element's place within its run of equal keys (``sorted_keys`` sorted): 0, 1, 2, ..."""
    return np.arange(len(sorted_keys)) - np.searchsorted(sorted_keys, sorted_keys, side="left")


def _paragraph_keys(sigs: Sequence[Signature]) -> np.ndarray:
    """The paragraph keys of many signatures, concatenated."""
    return paragraphs_of(sigs)["key"]


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

    def holders(self, keys: np.ndarray, before: int) -> dict[int, set[int]]:
        """For each paragraph key (of distinct ``keys``) that documents numbered below ``before``
        may hold, those documents. Postings keep 32 bits of a key: a holder is to be checked."""
        probe_pos, others = self.paragraphs.hits(keys)
        earlier = others < before
        out: dict[int, set[int]] = {}
        for key, other in zip(np.asarray(keys)[probe_pos[earlier]].tolist(), others[earlier].tolist()):
            out.setdefault(key, set()).add(other)
        return out

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


def candidate_pairs(index: Index, nums: np.ndarray, sigs: Sequence[Signature],
                    first_with_text: dict[int, int]) -> set[tuple[int, int]]:
    """The pairs to judge for documents ``nums`` just stored (``(smaller, larger)`` numbers).

    A document whose normalized text an earlier one has (``first_with_text``: the first
    document number with each one's text) is paired with that one and adds nothing to the
    index; the others are added to ``index`` and paired with the ``MAX_CANDIDATES`` documents
    sharing most LSH band keys and most paragraph keys with each. Documents without words
    are neither.
    """
    pairs: set[tuple[int, int]] = set()
    canonical = np.zeros(len(sigs), bool)
    for i, (num, sig) in enumerate(zip(np.asarray(nums).tolist(), sigs)):
        if sig.words and first_with_text[num] != num:
            pairs.add((first_with_text[num], num))
        elif sig.words:
            canonical[i] = True
    chosen = [s for s, c in zip(sigs, canonical) if c]
    index.add(nums[canonical], chosen)
    for a, b in index.candidates(nums[canonical], chosen).tolist():
        pairs.add((min(a, b), max(a, b)))
    return pairs
