"""The one entry point of the package: ``find_mentions``.

Kept apart from the stages it chains (rules, selection, resolution, clock-and-day merging)
so that callers import a single small function and the stages can change behind it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Optional

from ..model import TimeMention
from .candidate import select
from .resolver import merge_clock_and_day, resolve
from .rules import candidates


def reads_as_english(language: Optional[str]) -> bool:
    """Whether a text of ``language`` (ISO 639-1, maybe with a region: "en-GB"; None when
    unknown) is read by the English rules."""
    if language is None:
        return True
    return language.strip().lower().replace("_", "-").split("-")[0] in ("en", "")


# Letters a case-insensitive pattern takes for an ASCII one ("fıve" matches "five", "ſunday"
# "sunday") although no word list holds them: each is read as that ASCII letter, one character
# for one, so offsets are unchanged and a mention keeps its text as written.
_CASE_TWINS = str.maketrans({"ı": "i", "İ": "I", "ſ": "s", "\u212a": "K"})
_TWIN_LETTERS = "ıİſ\u212a"  # looked for first: translating a text beyond ASCII reads it letter by letter


def find_mentions(text: str, anchor: Optional[dt.date] = None, language: Optional[str] = None) -> list[TimeMention]:
    """Every time expression of ``text``, sorted by start, none overlapping another.

    ``anchor`` is the publication date; without it relative expressions keep value None.
    ``language`` is the text's ISO 639-1 code when known: the rules are English, so a text
    in another language gets no mentions rather than English readings of its look-alike
    words; None (unknown) reads the text as English.
    """
    if not reads_as_english(language):
        return []
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    folded = text.translate(_CASE_TWINS) if any(c in text for c in _TWIN_LETTERS) else text
    cands = select(candidates(folded))
    found = merge_clock_and_day(folded, resolve(folded, anchor, cands))
    if folded != text:
        found = [replace(m, text=text[m.start:m.end]) for m in found]
    return found
