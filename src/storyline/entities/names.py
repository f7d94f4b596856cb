"""Names as text: the forms of one name reduced to a key, and when two keys are one person.

Written here because no library does this part for news text: spaCy finds the names, and
rapidfuzz measures how close two spellings are, but which differences still name one person
("Sergei"/"Sergey", "Gaddafi"/"Qaddafi", "al-Assad"/"Assad", an initial for a first name) and which
never do ("Bill Clinton"/"Hillary Clinton") is a rule of how names are written.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Optional

from rapidfuzz.distance import Levenshtein

# Titles and honorifics written before a name; never part of the key.
HONORIFICS = frozenset("""mr mrs ms miss mx dr prof sir dame lord lady rev fr sr sen rep gov gen lt col maj capt
cmdr adm sgt pres president minister secretary senator governor general chancellor premier king queen prince
princess sheikh sheik imam ayatollah pope saint st judge justice mayor ambassador""".split())
# Particles of Arabic, Dutch, German, French and Spanish names that spellings add or drop.
PARTICLES = frozenset("al el ul bin ben ibn abu van von der den de del della da di du la le".split())
SUFFIXES = frozenset("jr sr ii iii iv".split())
_APOSTROPHE_S = re.compile(r"['’]s?$")
_SEPARATOR = re.compile(r"[\s\-‐‑–—]+")
_NOT_LETTER = re.compile(r"[^\w ]+")


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case, accents and punctuation dropped, spaces collapsed: "Sánchez-Pérez" → "sanchez perez".
    Remembered for the last 65,536 texts: the same few names are folded over and over."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _NOT_LETTER.sub("", _SEPARATOR.sub(" ", text.replace(".", "")))
    return " ".join(text.lower().split())


def display(text: str) -> str:
    """A mention as a name to show: no leading "the", no possessive, no outer punctuation."""
    text = " ".join(text.split()).strip(" \"'“”‘’,;:()[]-–—")
    if text.endswith(".") and text[:-1].count(".") == 0:  # a full stop, not the last of "U.S."
        text = text[:-1]
    text = _APOSTROPHE_S.sub("", text)
    if text[:4].lower() == "the ":
        text = text[4:]
    return text.strip()


def person_parts(name: str) -> list[str]:
    """The folded words of a person's name without honorifics, particles and suffixes:
    "President Bashar al-Assad" → ["bashar", "assad"]."""
    words = fold(name).split()
    while words and words[0] in HONORIFICS:
        words = words[1:]
    while words and words[-1] in SUFFIXES:
        words = words[:-1]
    return [w for w in words if w not in PARTICLES] or words


def key(kind: str, name: str) -> str:
    """The key one referent's names share when spelt alike: folded, for a person without titles."""
    if kind == "PERSON":
        return " ".join(person_parts(name))
    folded = fold(name)
    return folded[4:] if folded.startswith("the ") else folded


def initials(name: str) -> str:
    """The initials of a many-word name ("United Nations" → "un"), for acronyms; "" for one word."""
    words = [w for w in fold(name).split() if w not in ("of", "the", "and", "for")]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def spelt_alike(a: str, b: str, threshold: float) -> bool:
    """Two folded words as two spellings of one name (a transliteration, a doubled letter):
    equal, or a normalized Levenshtein similarity of at least ``threshold``."""
    return a == b or Levenshtein.normalized_similarity(a, b) >= threshold


def same_person(a: list[str], b: list[str], threshold: float) -> bool:
    """Whether two full names (``person_parts``) name one person: the surnames spelt alike, and the
    first names spelt alike or one an initial of the other. Names of one word never match here
    (a surname alone is linked within its document, where the text says whose it is)."""
    if len(a) < 2 or len(b) < 2:
        return False
    if not spelt_alike(a[-1], b[-1], threshold):
        return False
    first_a, first_b = a[0], b[0]
    if len(first_a) == 1 or len(first_b) == 1:
        return first_a[0] == first_b[0]
    return spelt_alike(first_a, first_b, threshold)


def surname(name: str) -> Optional[str]:
    """The folded last word of a person's name, or None."""
    parts = person_parts(name)
    return parts[-1] if parts else None
