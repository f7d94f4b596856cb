"""Whether a text is English, told cheaply by its stop words.

Some line rules read a line by the share of English stop words in it (a run of words with
almost none is a menu; a credit line has few). In a text in another language every line has
almost none, so those rules would take prose for a menu. A text is counted as English when
words of jusText's English stop list (installed with trafilatura) outnumber those of every
other listed language here and make up at least ``min_share`` of its words; a text in a script
with no list (Chinese, Japanese, Thai...) has almost none of them and is not English either.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from .patterns import WORD

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
