"""The shared record of a sentence's words gives each module what it computed for itself before."""

import random
import sys

from storyline.chronology import furniture
from storyline.chronology.candidates import content_words
from storyline.chronology.words import sentence_words

PIECES = ["Ann", "Lee", "Tom", "Reyes", "a", "I", "the", "The", "Ostmark's", "Kessel’s", "don't", "o'", "MR", "WESTHAVEN",
          "Halvorsen", "2012", "x1", "“", "”", "—", "–", "-", "--", ",", ".", ":", "(AP)", "'", "’", "é", "Ünal", "İstanbul",
          "Straße", "ſ", "ΣΟΦΙΑ", "_", "|", "\t", "\n", "\u00a0", "\u2009", "\u3000", "  ", " "]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) + rng.choice(["", " ", " ", " ", "-", "'", "  "]) for _ in range(rng.randint(0, 30)))
            for _ in range(n)]


def test_the_record_holds_what_each_module_split_for_itself_on_varied_text():
    for text in _texts(3000, 18):
        record = sentence_words(text)
        assert record.low == text.lower()                                         # content words, dating's asides, the event prior
        assert list(record.low_split) == text.lower().split()                     # dating's undated sentences
        assert record.low_set == frozenset(text.strip().lower().split())          # the lead cut's words (of the stripped text)
        assert len(record.low_split) == len(text.split())                         # readability's word count
        assert list(record.spaced) == text.split(" ")                             # the headline echo and glued headline cuts


def test_no_character_turns_into_or_out_of_whitespace_when_lower_cased():
    """Why the lower-cased text splits into as many words as the text: lower-casing (which may give
    several characters for one) never makes or unmakes a whitespace character."""
    for c in map(chr, range(sys.maxunicode + 1)):
        low = c.lower()
        assert any(x.isspace() for x in low) == c.isspace(), repr(c)
        assert low == c or not c.isspace(), repr(c)


def test_the_modules_reading_the_record_find_what_they_found_before():
    from storyline.chronology.candidates import _ASCII_WORD, _NOT_CONTENT, ascii_words

    for text in _texts(1500, 7):
        if ascii_words(text):
            assert content_words(text) == set(_ASCII_WORD.findall(text.lower())) - _NOT_CONTENT
        shown, words = furniture._lead(text)
        assert words == frozenset(shown.strip().lower().split()), text  # the words of what is left after a cut
