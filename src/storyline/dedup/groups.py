"""From judged pairs to groups: the connected components of the links, each made a ``DuplicateGroup``.

Groups are the connected components of the pairs judged to be one story (joined with the one
union-find of the package, ``storyline.unionfind``). A group keeps every member, names the most
complete, latest version its representative, and explains each member against the
representative (Jaccard, containment, shared paragraphs). The same grouping serves documents held
in memory (:func:`group`) and the store, which finds the components around the documents whose
links changed a step at a time (:class:`LinkGraph`) and regroups only those.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable, Iterable, Sequence

import numpy as np

from ..model import DuplicateGroup, GroupMember
from ..unionfind import UnionFind
from .index import Index
from .pairs import Link, compare
from .rule import DEFAULT_RULE, DedupRule
from .signatures import Signature


def find_links(sigs: Sequence[Signature], rule: DedupRule = DEFAULT_RULE) -> list[Link]:
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
            link = compare(sigs[first[s.text_hash]], s, rule=rule)
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
        found = compare(sigs[key[0]], sigs[key[1]], rule=rule)
        if found:
            links.append(found)
    return links


def judge(pairs: Iterable[tuple[int, int]], sigs: dict[int, Signature],
          rule: DedupRule = DEFAULT_RULE) -> list[tuple[int, int, Link]]:
    """The pairs of document numbers judged one story, in sorted order, each with its link. A pair
    with a document missing from ``sigs`` (removed by another process meanwhile) is skipped."""
    out = []
    for a, b in sorted(pairs):
        if a not in sigs or b not in sigs:
            continue
        link = compare(sigs[a], sigs[b], rule=rule)
        if link is not None:
            out.append((a, b, link))
    return out


def components(docs: Iterable[str], links: Iterable[Link]) -> list[list[str]]:
    """Connected components of the link graph with more than one member."""
    sets = UnionFind(docs)
    for link in links:
        sets.union(link.a, link.b)
    return [sorted(m) for m in sets.sets() if len(m) > 1]


class LinkGraph:
    """The components of the link graph that hold some starting documents, explored a frontier at a
    time: ``links_of(numbers)`` returns the links ``(a, b)`` touching those document numbers (the
    store answers it with one indexed query), so only the part of the graph reached is read."""

    def __init__(self, start: Iterable[int], links_of: Callable[[list[int]], Iterable[tuple[int, int]]]):
        frontier = list(start)
        self.sets: UnionFind[int] = UnionFind()
        self.reached = set(frontier)  # every document number met, linked or not
        while frontier:
            found = links_of(frontier)
            frontier = []
            for a, b in found:
                self.sets.union(a, b)
                for n in (a, b):
                    if n not in self.reached:
                        self.reached.add(n)
                        frontier.append(n)

    def components(self) -> list[list[int]]:
        """The components of more than one document, by their smallest number; members in the
        order they were met."""
        comps = [c for c in self.sets.sets() if len(c) > 1]
        return sorted(comps, key=min)

    def component_of(self, num: int) -> int:
        """A name of ``num``'s component (its smallest number)."""
        return self.sets.find(num)


def _representative_key(sig: Signature, longest: int):
    complete = sig.shingles >= 0.8 * longest
    return (complete, sig.published or dt.date.min, sig.shingles, sig.document)


def make_group(members: Sequence[Signature], links: Iterable[Link], rule: DedupRule = DEFAULT_RULE) -> DuplicateGroup:
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
        found = compare(rep, sigs[doc], rule=rule)
        if found is not None:
            out.append(GroupMember(doc, found.relation, round(found.jaccard, 3), found.reason,
                                   containment=round(found.containment, 3), shared_paragraphs=found.shared_paragraphs,
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


def group(signatures: Iterable[Signature], rule: DedupRule = DEFAULT_RULE) -> list[DuplicateGroup]:
    """Group documents that are one story; singletons are not returned."""
    sigs = {s.document: s for s in signatures}
    links = find_links(list(sigs.values()), rule)
    by_doc: dict[str, list[Link]] = {}
    for link in links:
        by_doc.setdefault(link.a, []).append(link)
    groups = []
    for comp in components(sigs, links):
        inside = [k for d in comp for k in by_doc.get(d, [])]
        groups.append(make_group([sigs[d] for d in comp], inside, rule))
    groups.sort(key=lambda g: g.id)
    return groups
