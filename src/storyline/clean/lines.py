"""A page as lines, and the features each line is judged on.

Text is normalised (odd spaces, invisible characters, line endings), split into non-blank
lines (hard-wrapped paragraphs joined back) and each line measured once: words, stop-word
share, sentence end, truncation, and whether it reads as prose.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..model import Removed
from .lexicon import STOP_WORDS
from .metadata import parse_meta
from .patterns import INVISIBLE, SPACES, TERMINAL, TRUNCATED, UNSPACED, WORD
from .reasons import LineState


@dataclass
class Line:
    text: str
    blank_before: bool
    reason: Optional[LineState] = None  # a Reason, or a Pending state until the line's zone is known
    soft: bool = False  # dropped, but does not weigh against the body region around it
    meta: dict = field(default_factory=dict)
    extra: list[Removed] = field(default_factory=list)  # parts split off the line (a photo credit)

    def __post_init__(self) -> None:
        self.words = WORD.findall(self.text)
        lower = [w.lower().rstrip(".'’") for w in self.words]
        self.lower = lower
        unspaced = len(UNSPACED.findall(self.text))
        self.n = len(self.words) + (unspaced // 2 - len([w for w in self.words if UNSPACED.match(w)])
                                    if unspaced else 0)
        self.stop_ratio = sum(w in STOP_WORDS for w in lower) / self.n if self.n else 0.0
        tail = self.text[-8:]  # the end patterns need only the last characters
        self.truncated = bool(TRUNCATED.search(tail))
        self.ends_sentence = bool(TERMINAL.search(tail)) and not self.truncated
        self.prose = _is_prose(self)


def _is_prose(line: Line) -> bool:
    """A line that reads as article text: a sentence, or a long run of ordinary words."""
    if line.truncated:
        return False
    # Scripts without letter case (Hangul, kana, Chinese, Arabic...) count as lower case.
    has_lower = any(w[0].islower() or (w[0].isalpha() and not w[0].isupper()) for w in line.words)
    if line.n >= 4 and line.ends_sentence and has_lower:
        return True
    if line.n >= 20 and line.stop_ratio >= 0.1:
        return True
    # Text in other languages has none of our stop words: a long line of many words
    return line.n >= 12 and len(line.text) >= 80 and has_lower and line.ends_sentence


def normalize(text: str) -> str:
    """NBSP-like spaces to plain spaces, zero-width characters out, one line ending."""
    text = INVISIBLE.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return "\n".join(SPACES.sub(" ", line).strip() for line in text.split("\n"))


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    blank = True
    for raw in text.split("\n"):
        if not raw:
            blank = True
            continue
        lines.append(Line(raw, blank))
        blank = False
    return _unwrap(lines)


def _unwrap(lines: list[Line]) -> list[Line]:
    """Join hard-wrapped paragraphs (text filled to a fixed width) back into one line each.

    A document counts as wrapped when its longest line is at most 100 characters and many
    lines are close to that width; a line that fills the width continues on the next line
    of the same block.
    """
    if len(lines) < 4:
        return lines
    width = max(len(line.text) for line in lines)
    full = sum(len(line.text) >= 0.8 * width for line in lines)
    if width > 100 or full < max(3, len(lines) // 4):
        return lines
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if (prev is not None and not line.blank_before and len(prev.text) >= 0.6 * width
                and parse_meta(prev.text) is None and parse_meta(line.text) is None):
            out[-1] = Line(prev.text + " " + line.text, prev.blank_before)
        else:
            out.append(line)
    return out
