"""Normalizing a page's text: the shortcuts for ASCII text give what the patterns give."""

import random

from storyline.clean.lines import blank, normalize
from storyline.clean.patterns import INVISIBLE, SPACES


def _normalized(text: str) -> str:
    """Every step run on every text, as ``normalize`` was first written."""
    text = INVISIBLE.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return "\n".join(line.strip() for line in SPACES.sub(" ", text).split("\n"))


def test_normalizing_with_the_ascii_shortcuts_gives_what_every_step_gives():
    pieces = ["a", "Word", ".", " ", "  ", "\t", "\f", "\v", "\n", "\r", "\r\n", "\x1c", "\u00a0", "\u2007", "\u202f",
              "\u2003", "\u3000", "\u200b", "\ufeff", "\u00ad", "\u2028", "\u2029", "é", "—"]
    rng = random.Random(3)
    texts = ["", " ", "\u200b", " \u200b \n", "plain text, one space only.\nNext line."]
    for _ in range(20000):
        plain = rng.random() < 0.5  # half of the texts ASCII throughout
        choices = [p for p in pieces if p.isascii()] if plain else pieces
        texts.append("".join(rng.choice(choices) for _ in range(rng.randint(0, 12))))
    for text in texts:
        assert normalize(text) == _normalized(text), repr(text)
        assert blank(text) == (not _normalized(text).strip()), repr(text)
