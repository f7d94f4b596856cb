"""Candidates: the spans the rules propose, before any value is computed, and the choice among them.

A candidate is one stretch of text with one or more parts ("Dec. 15 and 16" has two), each
part of a kind the resolver knows. Rules over-generate; ``select`` keeps the longest
candidates that do not overlap, so "March 3, 2014" wins over "March" and "2014".
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass


@dataclass
class Part:
    start: int
    end: int
    kind: str
    data: dict


@dataclass
class Cand:
    start: int
    end: int
    parts: list[Part]
    rank: int  # lower wins between equally long candidates


class Candidates(list[Cand]):
    """The candidates found so far, in the order the rules found them."""

    def add(self, start: int, end: int, kind: str, rank: int = 5, **data) -> None:
        """A candidate of one part."""
        self.append(Cand(start, end, [Part(start, end, kind, data)], rank))


def select(cands: list[Cand]) -> list[Cand]:
    """Longest candidates first; drop any that overlaps one already kept."""
    kept: list[Cand] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.rank, c.start)):
        i = bisect.bisect_left(taken, (c.start, c.end))
        if i > 0 and taken[i - 1][1] > c.start:
            continue
        if i < len(taken) and taken[i][0] < c.end:
            continue
        taken.insert(i, (c.start, c.end))
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)
