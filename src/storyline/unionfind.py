"""Disjoint sets (union-find), the one implementation the package groups things with: duplicate
groups from links (``dedup.groups``, in memory and for the store's regrouping) and same-day
sentences into events (``chronology``).

Written by hand because it is twenty lines and the libraries that have one (networkx, scipy's
connected components) would be a heavy import or a conversion for each use. Path halving keeps
finds short; the smaller of two roots becomes the root, so results do not depend on link order.
"""

from __future__ import annotations

from typing import Generic, Iterable, TypeVar

__all__ = ["UnionFind"]

T = TypeVar("T", int, str)  # document ids and row numbers: ordered, so the smaller root is defined


class UnionFind(Generic[T]):
    def __init__(self, items: Iterable[T] = ()):
        self.parent: dict[T, T] = {}
        for item in items:
            self.parent.setdefault(item, item)

    def find(self, x: T) -> T:
        """The root of ``x``'s set (``x`` is added alone when new)."""
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: T, b: T) -> bool:
        """Join the sets of ``a`` and ``b``; whether they were apart."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[max(ra, rb)] = min(ra, rb)
        return True

    def sets(self) -> list[list[T]]:
        """Every set, members in the order they were first seen, sets in the order of their first member."""
        members: dict[T, list[T]] = {}
        for x in list(self.parent):
            members.setdefault(self.find(x), []).append(x)
        return list(members.values())
