"""Dedup: exact duplicates, near duplicates and versions of one story, grouped.

Signatures are MinHash sketches (datasketch) of word 5-shingles of the clean text; candidate
pairs come from MinHash LSH at a low threshold and are then judged on two estimates:
Jaccard similarity (near duplicates) and containment of the shorter text in the longer
(versions: a wire story updated with new paragraphs, or trimmed). Containment is derived
from the Jaccard estimate and the two shingle counts, so only the sketches need storing.
Groups keep every member; the representative is the most complete, latest version.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import Iterable, Optional

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from .model import DuplicateGroup, GroupMember

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # stored hash values are only comparable under one scheme and seed
SHINGLE = 5
LSH_THRESHOLD = 0.2       # candidate pairs; judged below
NEAR_DUPLICATE = 0.8      # estimated Jaccard at or above: the same text, lightly edited
VERSION_CONTAINMENT = 0.4  # share of the shorter text's shingles found in the longer one
VERSION_JACCARD = 0.25

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Signature:
    """What dedup needs to know about a document; stored so builds stay incremental."""

    document: str
    text_hash: str
    shingles: int
    hashvalues: np.ndarray
    published: Optional[dt.date] = None


def normalized_words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def signature(document: str, text: str, published: Optional[dt.date] = None) -> Signature:
    words = normalized_words(text)
    text_hash = hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()[:32]
    if len(words) >= SHINGLE:
        shingles = {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}
    else:
        shingles = {" ".join(words).encode("utf-8")}
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch(list(shingles))
    return Signature(document, text_hash, len(shingles), minhash.hashvalues.copy(), published)


def _jaccard(a: Signature, b: Signature) -> float:
    return float(np.count_nonzero(a.hashvalues == b.hashvalues)) / NUM_PERM


def containment(a: Signature, b: Signature, jaccard: float) -> float:
    """Estimated share of the smaller shingle set contained in the larger one."""
    inter = jaccard / (1.0 + jaccard) * (a.shingles + b.shingles)
    return min(1.0, inter / max(1, min(a.shingles, b.shingles)))


def _relation(a: Signature, b: Signature) -> Optional[tuple[str, float, str]]:
    if a.text_hash == b.text_hash:
        return "duplicate", 1.0, "identical text"
    j = _jaccard(a, b)
    if j >= NEAR_DUPLICATE:
        return "duplicate", j, f"near-identical text (Jaccard {j:.2f})"
    c = containment(a, b, j)
    if c >= VERSION_CONTAINMENT or j >= VERSION_JACCARD:
        return "version", j, f"version of the same story ({c:.0%} of the shorter text shared, Jaccard {j:.2f})"
    return None


def _representative_key(sig: Signature, longest: int):
    complete = sig.shingles >= 0.8 * longest
    return (complete, sig.published or dt.date.min, sig.shingles, sig.document)


def group(signatures: Iterable[Signature]) -> list[DuplicateGroup]:
    """Group documents that are one story; singletons are not returned."""
    sigs = {s.document: s for s in signatures}
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    by_hash: dict[str, str] = {}
    parent = {d: d for d in sigs}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    links: dict[tuple[str, str], tuple[str, float, str]] = {}
    for doc in sorted(sigs):
        sig = sigs[doc]
        if sig.text_hash in by_hash:
            other = by_hash[sig.text_hash]
            links[(other, doc)] = ("duplicate", 1.0, "identical text")
            parent[find(doc)] = find(other)
            continue
        by_hash[sig.text_hash] = doc
        minhash = LeanMinHash(seed=SEED, hashvalues=sig.hashvalues, scheme=SCHEME)
        for other in lsh.query(minhash):
            rel = _relation(sigs[other], sig)
            if rel:
                links[(other, doc)] = rel
                parent[find(doc)] = find(other)
        lsh.insert(doc, minhash)

    members: dict[str, list[str]] = {}
    for doc in sigs:
        members.setdefault(find(doc), []).append(doc)
    groups = []
    for docs in members.values():
        if len(docs) < 2:
            continue
        longest = max(sigs[d].shingles for d in docs)
        rep = max(docs, key=lambda d: _representative_key(sigs[d], longest))
        out = [GroupMember(rep, "representative", 1.0, "most complete, latest version")]
        for doc in sorted(d for d in docs if d != rep):
            rel = _relation(sigs[rep], sigs[doc])
            if rel is None:  # joined through another member: explain by its strongest link
                linked = [v for k, v in links.items() if doc in k]
                rel = max(linked, key=lambda r: r[1]) if linked else ("version", 0.0, "linked through the group")
                rel = ("version" if rel[0] == "version" else rel[0], rel[1], rel[2] + " (through another member)")
            out.append(GroupMember(doc, rel[0], round(rel[1], 3), rel[2]))
        groups.append(DuplicateGroup(id="g" + min(docs)[:12], representative=rep, members=out))
    groups.sort(key=lambda g: g.id)
    return groups
