"""A page as lines, and the features each line is judged on.

Text is normalised (odd spaces, invisible characters, line endings), split into non-blank
lines (hard-wrapped paragraphs joined back) and each line measured once: words, stop-word
share, sentence end, truncation, and whether it reads as prose (by the lengths and shares
of ``CleanParams``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Optional

from ..config import DEFAULT_CLEAN, CleanParams
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
    note: Optional[str] = None  # the learned model's reason when it drops a line the rules kept
    own: Optional[LineState] = None  # the kind the rules named on the line's own look (not by its zone)
    params: CleanParams = field(default=DEFAULT_CLEAN, repr=False, compare=False)  # what reads as prose

    def __post_init__(self) -> None:
        text = self.text
        self.words = words = WORD.findall(text)
        n = len(words)
        if not text.isascii() and UNSPACED.search(text):  # the scripts written without spaces are not ASCII
            n += len(UNSPACED.findall(text)) // 2 - sum(1 for w in words if UNSPACED.match(w))
        self.n = n
        tail = text[-8:]  # the end patterns need only the last characters
        self.truncated = bool(TRUNCATED.search(tail))
        self.ends_sentence = bool(TERMINAL.search(tail)) and not self.truncated
        self.prose = _is_prose(self)

    # Read only by some rules (a sentence is prose before its stop words are counted): found
    # when first asked, from the words of the line as it was made.
    @cached_property
    def lower(self) -> list[str]:
        return [w.lower().rstrip(".'’") for w in self.words]

    @cached_property
    def stop_ratio(self) -> float:
        return sum(map(STOP_WORDS.__contains__, self.lower)) / self.n if self.n else 0.0


def _is_prose(line: Line) -> bool:
    """A line that reads as article text: a sentence, or a long run of ordinary words."""
    if line.truncated:
        return False
    p = line.params
    if line.n >= p.prose_min_words and line.ends_sentence and _has_lower(line.words):
        return True
    if line.n >= p.prose_run_words and line.stop_ratio >= p.prose_run_stop_share:
        return True
    # Text in other languages has none of our stop words: a long line of many words
    return (line.n >= p.prose_foreign_words and len(line.text) >= p.prose_foreign_chars and line.ends_sentence
            and _has_lower(line.words))


def _has_lower(words: list[str]) -> bool:
    """Whether a word starts in lower case; scripts without letter case (Hangul, kana,
    Chinese, Arabic...) count as lower case."""
    return any(w[0].islower() or (w[0].isalpha() and not w[0].isupper()) for w in words)


def normalize(text: str) -> str:
    """NBSP-like spaces to plain spaces, zero-width characters out, one line ending. An ASCII text
    holds no zero-width character, and a run of spaces to replace only where two spaces or a tab,
    form feed or vertical tab stand: the patterns are not run over a text without them."""
    ascii_text = text.isascii()
    if not ascii_text:
        text = INVISIBLE.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    if not ascii_text or "  " in text or "\t" in text or "\f" in text or "\v" in text:
        text = SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))  # no space run holds a line end


def blank(text: str) -> bool:
    """Whether ``normalize(text)`` is only white space: ``text`` is, but for zero-width characters
    (normalizing replaces white space by white space), found without normalizing it."""
    return not (text if text.isascii() else INVISIBLE.sub("", text)).strip()


def split_lines(text: str, params: CleanParams = DEFAULT_CLEAN, unwrap: bool = True) -> list[Line]:
    """Non-blank lines; with ``unwrap``, hard-wrapped paragraphs joined back into one line each
    (text from HTML is never unwrapped: its lines are the page's own blocks, list items among them)."""
    lines: list[Line] = []
    blank = True
    for raw in text.split("\n"):
        if not raw:
            blank = True
            continue
        lines.append(Line(raw, blank, params=params))
        blank = False
    return _unwrap(lines, params) if unwrap else lines


def _unwrap(lines: list[Line], params: CleanParams = DEFAULT_CLEAN) -> list[Line]:
    """Join hard-wrapped paragraphs (text filled to a fixed width) back into one line each.

    A document counts as wrapped when its longest line is at most ``wrap_max_width`` characters
    and many lines are close to that width; a line that fills the width continues on the next
    line of the same block.
    """
    p = params
    if len(lines) < p.wrap_min_lines:
        return lines
    width = max(len(line.text) for line in lines)
    full = sum(len(line.text) >= p.wrap_full_share * width for line in lines)
    if width > p.wrap_max_width or full < max(p.wrap_min_full_lines, len(lines) // p.wrap_full_one_in):
        return lines
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if (prev is not None and not line.blank_before and len(prev.text) >= p.wrap_continue_share * width
                and parse_meta(prev.text, params) is None and parse_meta(line.text, params) is None):
            out[-1] = Line(prev.text + " " + line.text, prev.blank_before, params=params)
        else:
            out.append(line)
    return out
