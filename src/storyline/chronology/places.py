"""Another story's lines told by their places: a collection gathered by keyword ("protests") holds
reports of other countries' protests, which name no place of the story's own.

A story centred on places (its own places are named in most lines that name a place) has lines
naming only other places that are mostly another story's; a story about no place in particular
(a financial crisis, a pandemic) has no such test and keeps every line. Places are the GPE, LOC
and NORP names the entity layer stored per sentence.
"""

from __future__ import annotations

from collections import Counter
from typing import Hashable, Mapping, TypeVar

from .settings import Settings

Line = TypeVar("Line", bound=Hashable)


def other_story_lines(places: Mapping[Line, frozenset[int]], lines: int, settings: Settings) -> set[Line]:
    """Of the candidate lines naming places (``places``: line → the places it names) among ``lines``
    candidates, those naming none of the story's places when the story is centred on places."""
    naming = {key: named for key, named in places.items() if named}
    if not naming or lines <= 0:
        return set()
    counts = Counter(place for named in naming.values() for place in named)
    own = {place for place, n in counts.items() if n >= settings.story_place * lines}
    if not own:
        return set()
    foreign = {key for key, named in naming.items() if not named & own}
    if len(naming) - len(foreign) < settings.place_centred * len(naming):
        return set()
    return foreign
