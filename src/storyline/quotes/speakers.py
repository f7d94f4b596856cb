"""Who a speaker span names: a name, a pronoun, an anonymous source or another noun phrase, and
the entity it resolves to.

Written by hand because the resolution is this small: a name resolves to the fullest name the
document gives its referent (the entity layer's ``EntityMention.name`` when it is passed in, else
the longest PERSON name in the text that ends in the same word); a pronoun to the nearest fitting
name before it ("he"/"she" a person, "it" an organisation, "they" either). A coreference model
would do better on pronouns; none ships with the small English pipeline.
"""

from __future__ import annotations

from typing import Optional, Sequence

from ..config import DEFAULT_QUOTES
from ..model import EntityMention, Speaker
from .cues import ANONYMOUS_NOUNS, PRONOUNS, RELATIVES


class Names:
    """The names of one text, in order, with the fullest name of each referent."""

    def __init__(self, mentions: Sequence[EntityMention], reach: int = DEFAULT_QUOTES.pronoun_reach):
        self.reach = reach  # how far back (characters) a pronoun looks for the name it stands for
        self.mentions = sorted(mentions, key=lambda m: m.start)
        people = [m.text for m in self.mentions if m.kind == "PERSON"]
        self._fullest: dict[str, str] = {}
        for name in sorted(people, key=len):
            self._fullest[name.split()[-1]] = name  # the longest name wins its surname

    def fullest(self, mention: EntityMention) -> str:
        """The fullest name of a mention's referent."""
        if mention.name:
            return mention.name
        words = mention.text.split()
        if words and (mention.kind == "PERSON" or len(words) == 1):  # a lone surname the recognizer mislabelled
            return self._fullest.get(words[-1], mention.text)
        return mention.text

    def by_surname(self, name: str) -> str:
        """The fullest person's name ending in the last word of ``name`` (else ``name``)."""
        words = name.split()
        return self._fullest.get(words[-1], name) if words else name

    def inside(self, start: int, end: int) -> list[EntityMention]:
        """The mentions within [start, end)."""
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    def before(self, pos: int, kinds: tuple[str, ...]) -> Optional[EntityMention]:
        """The nearest mention of one of ``kinds`` ending before ``pos`` within reach."""
        for m in reversed(self.mentions):
            if m.end <= pos and m.kind in kinds:
                return m if pos - m.end <= self.reach else None
        return None


def speaker(text: str, start: int, end: int, head: str, names: Names, proper: bool = False) -> Speaker:
    """The speaker span [start, end) of ``text`` whose head word is ``head`` (``proper``: a proper
    noun), classified and resolved. A proper noun the recognizer missed still names someone: its
    name is the words of the span up to the head."""
    span = text[start:end]
    word = head.lower()
    if word in PRONOUNS and len(span.split()) <= 2:
        kinds = {"PERSON": ("PERSON",), "ORG": ("ORG",), "ANY": ("PERSON", "ORG", "NORP", "GPE")}[PRONOUNS[word]]
        if word in ("they", "we"):
            kinds = ("ORG", "NORP", "GPE")
        if word == "i":
            return Speaker(start, end, span, kind="pronoun")
        found = names.before(start, kinds)
        return Speaker(start, end, span, kind="pronoun", entity=names.fullest(found) if found else None)
    if word in RELATIVES and len(span.split()) == 1:  # "Smith, who said": Smith
        found = names.before(start, ("PERSON", "ORG", "NORP", "GPE"))
        near = found is not None and text[found.end:start].strip(" ,") == ""
        return Speaker(start, end, span, kind="pronoun", entity=names.fullest(found) if near and found else None)
    inside = names.inside(start, end)
    if word in ANONYMOUS_NOUNS and not any(m.kind == "PERSON" for m in inside):
        return Speaker(start, end, span, kind="anonymous")
    named = [m for m in inside if m.kind in ("PERSON", "ORG", "GPE", "NORP")]
    if named:
        person = [m for m in named if m.kind == "PERSON"]
        return Speaker(start, end, span, kind="named", entity=names.fullest((person or named)[0]))
    if proper and head in span:
        name = span[:span.index(head) + len(head)].strip()
        words = name.split()
        while words and words[0].lower() in ("the", "a", "an"):
            words = words[1:]
        return Speaker(start, end, span, kind="named", entity=names.by_surname(" ".join(words) or head))
    return Speaker(start, end, span, kind="other")
