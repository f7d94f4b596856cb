"""Names in one document: spaCy's entities, each tied to the fullest name the document gives its referent.

spaCy finds the spans; what is written here is what a reader of one article does with them and no
library does: "Lavrov" three paragraphs after "Russian Foreign Minister Sergei Lavrov" is the same
man, "the IMF" after "the International Monetary Fund (IMF)" the same body, and "foreign minister"
is his role, not part of his name.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Iterable, Optional, Sequence

from ..model import EntityKind, EntityMention, Sentence
from . import names

if TYPE_CHECKING:
    from spacy.tokens import Doc

# spaCy's labels kept, and the kind each is stored as.
KINDS: dict[str, EntityKind] = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP"}

# A role is a run of these words right before a name ("Foreign Minister Sergei Lavrov") or an
# apposition after it ("Sergei Lavrov, the foreign minister,") that holds at least one head.
ROLE_HEADS = frozenset("""minister president secretary spokesman spokeswoman spokesperson chief director governor
senator general leader chairman chairwoman chair ambassador mayor king queen prince princess judge attorney
commissioner chancellor premier envoy commander lawmaker representative candidate official ceo executive founder
head manager coach captain officer lawyer prosecutor analyst professor economist adviser advisor dictator ruler emir
sheikh pope bishop archbishop cardinal imam cleric mp congressman congresswoman diplomat activist journalist reporter
correspondent editor president-elect nominee speaker superintendent inspector sergeant colonel lieutenant major
admiral marshal deputy emperor monarch director-general secretary-general administrator negotiator mediator
researcher scientist expert spokesperson founder owner chairperson""".split())
ROLE_WORDS = ROLE_HEADS | frozenset("""foreign prime vice defense defence interior finance justice state home health
trade energy economy education labour labor agriculture environment transport information culture treasury
general executive former acting interim senior top assistant press national security homeland deputy chief of
supreme federal central human rights army military police intelligence party opposition rebel union council
district attorney white house campaign communications""".split())
_WORD = re.compile(r"[\w.'’-]+")
_APPOSITION = re.compile(r"\s*,\s+(?:(?:the|a|an|his|her|their)\s+)?([^,.;:()\"“”]{2,80}?)\s*[,.;]")
_ADJECTIVE = re.compile(r"(?i)(?:pro|anti|non|ex|post|pre)[-‐‑]")
_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z&.]{1,9})\)")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without a leading "the", outer punctuation and a possessive "'s"."""
    span = text[start:end]
    shown = names.display(span)
    at = span.find(shown) if shown else -1
    return (start + at, start + at + len(shown)) if at >= 0 else (start, end)


def _role_before(text: str, start: int) -> Optional[str]:
    """A title written right before a name: the run of role words ending at ``start``, if it has a head."""
    words: list[str] = []
    edge = start
    for match in reversed(list(_WORD.finditer(text, max(0, start - 80), start))):
        if text[match.end():edge].strip():
            break
        word = match.group().lower().rstrip(".")
        if word not in ROLE_WORDS:
            break
        words.insert(0, word)
        edge = match.start()
    while words and words[0] in ("of", "the"):
        words.pop(0)
    return " ".join(words) if any(w in ROLE_HEADS for w in words) else None


def _role_after(text: str, end: int) -> Optional[str]:
    """A role in apposition after a name (", the foreign minister,"): its role words, if it ends in a head."""
    match = _APPOSITION.match(text, end)
    if not match:
        return None
    words = _WORD.findall(match.group(1))
    if len(words) > 6 or not words or words[-1].lower() not in ROLE_HEADS:
        return None
    # the role without the places and possessors that qualify it ("the Russian foreign minister")
    kept = [w.lower() for w in words if not w[0].isupper() and not w.endswith(("'s", "’s"))]
    return " ".join(kept) if kept else None


def _fullest(candidates: Iterable[str], counts: Counter) -> str:
    """The name to stand for a referent: most words, then most often written, then first in order."""
    return max(candidates, key=lambda n: (len(names.person_parts(n)), counts[n]))


def mentions_of(doc: "Doc", sentences: Sequence[Sentence] = (), dateline: Optional[str] = None) -> list[EntityMention]:
    """The names in a spaCy document (with its entities), each with the document's fullest name
    for its referent, the referent's role where the document gives one, and its sentence. The
    document's ``dateline`` ("TOKYO") is a place wherever it is named, whatever the tagger says
    of a capitalized word at the head of a story."""
    text = doc.text
    starts = [s.start for s in sentences]
    found: list[EntityMention] = []
    for ent in doc.ents:
        kind = KINDS.get(ent.label_)
        if kind is None:
            continue
        start, end = _trimmed(text, ent.start_char, ent.end_char)
        shown = text[start:end]
        if (not any(c.isalpha() for c in shown) or shown.islower() or not names.key(kind, shown)
                or _ADJECTIVE.match(shown)  # "pro-Mubarak" crowds, "anti-Assad" protests: not the person
                or shown.lower() in ROLE_WORDS):  # "State" of "Secretary of State" taken for a body
            continue
        at = bisect.bisect_right(starts, start) - 1
        found.append(EntityMention(start, end, shown, kind, name=names.display(shown),
                                   sentence=sentences[at].index if at >= 0 else None))
    if dateline:
        for mention in found:
            if names.fold(mention.name) == names.fold(dateline):
                mention.kind = "GPE"
    _agree_on_kind(found)
    _name_people(found, text)
    _name_acronyms(found, text)
    return found


def _agree_on_kind(found: list[EntityMention]) -> None:
    """One kind for one name within a document: the tagger calls the same word a person here and a
    place there; a lone surname of a person the document names in full is that person, and
    otherwise the kind given the name most often (the first given on a tie) stands."""
    surnames = {names.person_parts(m.name)[-1] for m in found
                if m.kind == "PERSON" and len(names.person_parts(m.name)) >= 2}
    for mention in found:  # "Antonov" alone, after "Sergei Antonov", is him, not the aircraft maker
        if mention.kind != "PERSON" and " " not in mention.name and names.fold(mention.name) in surnames:
            mention.kind = "PERSON"
    votes: dict[str, Counter] = defaultdict(Counter)
    for mention in found:
        votes[names.fold(mention.name)][mention.kind] += 1
    for mention in found:
        counts = votes[names.fold(mention.name)]
        if len(counts) > 1:
            mention.kind = counts.most_common(1)[0][0]


def _name_people(found: list[EntityMention], text: str) -> None:
    """A person's mentions named by the fullest name of the same person in the document, with a role."""
    people = [m for m in found if m.kind == "PERSON"]
    counts = Counter(m.name for m in people)
    full = [n for n in counts if len(names.person_parts(n)) >= 2]
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in full:
        by_surname[names.person_parts(name)[-1]].append(name)
    for mention in people:
        parts = names.person_parts(mention.name)
        if not parts:
            continue
        same = [n for n in by_surname.get(parts[-1], [])
                if len(parts) == 1 or names.person_parts(n)[0] == parts[0]]
        if same:
            mention.name = _fullest(same, counts)
    roles: dict[str, Counter] = defaultdict(Counter)
    for mention in people:
        role = _role_before(text, mention.start) or _role_after(text, mention.end)
        if role:
            roles[mention.name][role] += 1
    for mention in people:
        if roles.get(mention.name):
            mention.role = roles[mention.name].most_common(1)[0][0]


def _name_acronyms(found: list[EntityMention], text: str) -> None:
    """An acronym named by the many-word name it abbreviates in the document ("IMF" → "International
    Monetary Fund"), whether defined in brackets after it or only matching its initials."""
    expansions: dict[str, str] = {}
    for mention in found:
        if mention.kind in ("ORG", "GPE", "LOC") and names.initials(mention.name):
            expansions.setdefault(names.initials(mention.name), mention.name)
            match = _ACRONYM.match(text, mention.end)
            if match and names.fold(match.group(1)).replace(" ", "") == names.initials(mention.name):
                expansions[names.fold(match.group(1)).replace(" ", "")] = mention.name
    for mention in found:
        short = names.fold(mention.name).replace(" ", "")
        if mention.kind in ("ORG", "GPE", "LOC") and mention.name.replace(".", "").isupper() and short in expansions:
            mention.name = expansions[short]
