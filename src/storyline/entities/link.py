"""One entity per referent across a story's documents, linked incrementally as documents arrive.

Each document names its referents by their fullest name in it (``entities.document``); here those
names are tied to the entities already known. A name's key (``names.key``) that is known is that
entity; a person's full name that is not is linked to a known full name spelt alike ("Sergey
Lavrov" to "Sergei Lavrov", "Moammar Gadhafi" to "Muammar Gaddafi"); an acronym to the one known
name it abbreviates ("UN" to "United Nations"); anything else starts an entity of its own. The
decisions are made in terms of keys, so the store only maps keys to ids.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable, Optional

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ..config import DEFAULT_ENTITIES, EntityParams
from ..model import EntityMention
from . import names


class Linker:
    """The keys of the entities known so far, and the rule that ties a new name to one of them."""

    def __init__(self, known: Iterable[tuple[str, str, str]] = (), params: EntityParams = DEFAULT_ENTITIES):
        """``known``: (kind, key, canonical key) of every key the store holds."""
        self.params = params
        self.canonical: dict[tuple[str, str], str] = {}
        self.people: list[str] = []        # keys of people with a first name and a surname
        self.surnames: list[str] = []      # their surnames, in the same order
        self.by_surname: dict[str, set[str]] = defaultdict(set)   # surname → canonical keys of full names
        self.acronyms: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.seen: Counter = Counter()  # documents naming each canonical key in this run
        for kind, key, canonical in known:
            self._learn(kind, key, canonical)

    def _learn(self, kind: str, key: str, canonical: str) -> None:
        if (kind, key) in self.canonical:
            return
        self.canonical[(kind, key)] = canonical
        if kind == "PERSON" and len(key.split()) >= 2:
            self.people.append(key)
            self.surnames.append(key.split()[-1])
            self.by_surname[key.split()[-1]].add(canonical)
        if names.initials(key):
            self.acronyms[(kind, names.initials(key))].add(canonical)

    def resolve(self, kind: str, key: str) -> str:
        """The canonical key a name's key belongs to (itself for a new referent); remembered."""
        canonical = self.canonical.get((kind, key))
        if canonical is None:
            canonical = self._match(kind, key) or key
            self._learn(kind, key, canonical)
        self.seen[canonical] += 1
        return canonical

    def _match(self, kind: str, key: str) -> Optional[str]:
        parts = key.split()
        if kind == "PERSON" and len(parts) >= 2:
            return self._person(parts)
        if kind == "PERSON":  # a surname alone: the person known by a full name of that surname
            return self._dominant(self.by_surname.get(key, set()))
        if len(parts) == 1 and kind in ("ORG", "GPE", "LOC"):
            spelt_out = self.acronyms.get((kind, key), set())
            return next(iter(spelt_out)) if len(spelt_out) == 1 else None
        short = names.initials(key)  # a name whose acronym came first ("U.S." before "United States")
        if kind in ("ORG", "GPE", "LOC") and short and not self.acronyms.get((kind, short)):
            return self.canonical.get((kind, short))
        return None

    def _dominant(self, candidates: set[str]) -> Optional[str]:
        """The one candidate, or the one named in far more documents than all the others together
        ("Obama" is Barack Obama beside a stray "Umm Obama"; "Clinton" stays apart between two)."""
        if len(candidates) <= 1:
            return next(iter(candidates), None)
        ranked = sorted(candidates, key=lambda c: (-self.seen[c], c))
        rest = sum(self.seen[c] for c in ranked[1:])
        return ranked[0] if self.seen[ranked[0]] >= self.params.dominant_share * max(rest, 1) else None

    def _person(self, parts: list[str]) -> Optional[str]:
        """A full name: a known full name spelt alike, else the surname known alone when no full
        name of that surname is known yet."""
        if self.people:
            threshold = self.params.spelling_similarity
            close = process.extract(parts[-1], self.surnames, scorer=Levenshtein.normalized_similarity,
                                    score_cutoff=threshold, limit=self.params.fuzzy_candidates)
            for _, _, at in sorted(close, key=lambda c: (-c[1], c[2])):
                if names.same_person(parts, self.people[at].split(), threshold):
                    return self.canonical[("PERSON", self.people[at])]
        if not self.by_surname.get(parts[-1]):
            return self.canonical.get(("PERSON", parts[-1]))
        return None


def link(mentions: list[EntityMention], linker: Linker) -> None:
    """Set each of a document's names its key and the key of the entity it is linked to (the store
    maps keys to ids)."""
    resolved: dict[tuple[str, str], str] = {}  # each name once per document: the linker counts documents
    for mention in mentions:
        mention.key = names.key(mention.kind, mention.name)
        k = (mention.kind, mention.key)
        if k not in resolved:
            resolved[k] = linker.resolve(*k)
        mention.canonical = resolved[k]
