"""Which language a text is in: ``detect`` by CLD2 (pycld2), and ``is_english`` by stop words.

``detect`` wraps pycld2 (Compact Language Detector 2, its tables compiled into the wheel),
chosen over py3langid, langid, langdetect, lingua and gcld3 by benchmarks/language/run.py: as
accurate on page texts and on their first words, and ten to forty times faster. Our layer adds
only what it names: characters CLD2 refuses as invalid (C0 and C1 control characters, which
mojibake leaves in pages, and lone surrogates) are blanked; too few letters, or a verdict CLD2
calls unreliable or that covers too little of the text, names no language (``CleanParams``);
CLD2's few old codes are given as ISO 639-1 (iw → he, jw → jv) and codes without a two-letter
form as None.

``is_english`` is the cheap test the line rules fall back on when no language was named. Some
line rules read a line by the share of English stop words in it (a run of words with almost
none is a menu; a credit line has few). In a text in another language every line has almost
none, so those rules would take prose for a menu. A text is counted as English when words of
jusText's English stop list (installed with trafilatura) outnumber those of every other listed
language here and make up at least ``min_share`` of its words; a text in a script with no list
(Chinese, Japanese, Thai...) has almost none of them and is not English either.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from typing import Optional

from ..config import DEFAULT_CLEAN, CleanParams
from .patterns import WORD

# What CLD2 refuses as invalid UTF-8 although Python holds it: control characters and surrogates.
CLD2_REFUSED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# CLD2's codes that ISO 639-1 has since replaced.
ISO_CODES = {"iw": "he", "jw": "jv", "in": "id", "ji": "yi"}


# Languages with a Latin or Cyrillic script whose stop words could outnumber English ones.
OTHER_LANGUAGES = ("French", "German", "Spanish", "Italian", "Portuguese", "Dutch", "Polish", "Czech",
                   "Swedish", "Danish", "Norwegian_Bokmal", "Finnish", "Romanian", "Hungarian", "Turkish",
                   "Indonesian", "Vietnamese", "Croatian", "Slovak", "Slovenian", "Catalan", "Russian",
                   "Ukrainian", "Greek")


@lru_cache(maxsize=1)
def _stop_lists() -> tuple[frozenset[str], dict[str, tuple[int, ...]]]:
    """English stop words, and for every other listed language's stop word (not an English one)
    the indices of the languages that list it."""
    import justext  # type: ignore[import-untyped]

    english = frozenset(justext.get_stoplist("English"))
    others: dict[str, list[int]] = {}
    for index, language in enumerate(OTHER_LANGUAGES):
        try:
            words = justext.get_stoplist(language)
        except (ValueError, OSError):  # a list missing from this jusText version
            continue
        for word in words:
            if word not in english:
                others.setdefault(word, []).append(index)
    return english, {word: tuple(indices) for word, indices in others.items()}


def is_english(text: str, min_share: float, sample_words: int = 2000) -> bool:
    """Whether ``text`` (its first ``sample_words`` words) reads as English: English stop words
    at least ``min_share`` of its words and more of them than of any other language's."""
    words = [w.lower() for w in WORD.findall(text[:sample_words * 12])[:sample_words]]
    if not words:
        return True
    english, others = _stop_lists()
    english_count = sum(w in english for w in words)
    if english_count < min_share * len(words):
        return False
    counts = Counter(index for w in words for index in others.get(w, ()))
    return all(count < english_count for count in counts.values())


def detect(text: str, params: CleanParams = DEFAULT_CLEAN) -> Optional[str]:
    """The ISO 639-1 code of the language ``text`` is written in (read from its first
    ``language_sample_chars`` characters), or None when it holds fewer than
    ``language_min_letters`` letters, or CLD2 finds its verdict unreliable or covering under
    ``language_min_percent`` of the text."""
    import pycld2  # type: ignore[import-untyped]

    sample = CLD2_REFUSED.sub(" ", text[:params.language_sample_chars])
    enough = params.language_min_letters
    # letters counted in the first characters first: almost every text has enough there
    if sum(map(str.isalpha, sample[:4 * enough])) < enough and sum(map(str.isalpha, sample)) < enough:
        return None
    try:
        reliable, _, found = pycld2.detect(sample)
    except pycld2.error:  # what else CLD2 refuses as UTF-8
        return None
    _, code, percent, _ = found[0]
    code = ISO_CODES.get(code, code.split("-")[0])
    if not reliable or percent < params.language_min_percent or len(code) != 2 or code == "un":
        return None
    return code


def for_page(text: str, params: CleanParams = DEFAULT_CLEAN) -> CleanParams:
    """``params`` with ``language`` set to the language ``text`` is detected in (None when
    too unsure), for the rules that read a page's numbers and stop words."""
    return replace(params, language=detect(text, params))


def reads_english(text: str, params: CleanParams = DEFAULT_CLEAN) -> bool:
    """Whether the rules that read English stop words apply to ``text``: by the detected
    language (``params.language``) where one was named, else by the stop-word test."""
    if params.language is not None:
        return params.language == "en"
    return is_english(text, params.english_min_share)
