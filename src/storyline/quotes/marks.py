"""Quotation marks paired into quoted spans, across sentences and paragraphs.

Written by hand: textacy and spaCy pair marks only inside one paragraph and treat every mark
alike, while news text needs the newspaper convention (a quote of several paragraphs opens each
paragraph with a mark and closes only the last), straight marks whose direction comes from their
neighbours, single curly marks that are also apostrophes, and a mark left open that must not
swallow the rest of the article (an open quote ends with its paragraph unless the next paragraph
opens with a mark).

A span runs from its opening mark to its closing mark, both included (as the quote is printed);
marks inside an open quote (a nested quote, an apostrophe) belong to it. A left mark printed
where a right one belongs ("“It is late,“ she said") closes the quote it ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
STRAIGHT = '"'
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT + SINGLE_OPEN + SINGLE_CLOSE
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# The marks each loop below looks at (the other characters are passed over).
_OPENER = re.compile("[" + re.escape(DOUBLE_OPEN + STRAIGHT + SINGLE_OPEN) + "]")
_DOUBLE_MARK = re.compile("[" + re.escape(DOUBLE_CLOSE + STRAIGHT + "“") + "]")
_SINGLE_OR_DOUBLE = re.compile("[" + re.escape(SINGLE_CLOSE + DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT) + "]")
# Where a straight mark opens: at the start, after a space, an opening bracket or a dash.
_OPENS_AFTER = set(" \t\n([{—–-/:")


@dataclass
class Quoted:
    """A quoted span: ``start`` at its opening mark, ``end`` after its closing mark (or at the end of
    the paragraph where an unbalanced mark stops); ``closed`` whether a closing mark ends it."""

    start: int
    end: int
    closed: bool = True


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: text between blank lines."""
    spans, pos = [], 0
    for match in _PARAGRAPH.finditer(text):
        if text[pos:match.start()].strip():
            spans.append((pos, match.start()))
        pos = match.end()
    if text[pos:].strip():
        spans.append((pos, len(text)))
    return spans


def _straight_opens(text: str, i: int) -> bool:
    """A straight double mark opens when what precedes is a start, a space of any kind (also a
    no-break space) or an opening bracket and what follows is not a space."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in _OPENS_AFTER or before.isspace()) and not after.isspace()


def _single_closes(text: str, i: int) -> bool:
    """A right single mark closes a quote (rather than being an apostrophe inside a word, as in
    "don’t") when no letter or digit follows it."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isalnum()


def _close_double(text: str, start: int, end: int) -> int:
    """Index of the mark closing a double quote opened before ``start``, or -1 before ``end``."""
    for found in _DOUBLE_MARK.finditer(text, start, end):
        i, ch = found.start(), found.group()
        if ch in DOUBLE_CLOSE:
            return i
        if ch == STRAIGHT and not _straight_opens(text, i):
            return i
        if ch == "“" and _misprinted_close(text, i):
            return i
    return -1


def _misprinted_close(text: str, i: int) -> bool:
    """A left double mark printed where a right one belongs: after a word's last letter or a
    comma, stop or question, and before a space or the end ("“It is late,“ she said")."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return i > 0 and (text[i - 1].isalnum() or text[i - 1] in ",.?!") and after.isspace()


def _close_single(text: str, start: int, end: int) -> int:
    """Index of the mark closing a single quote opened before ``start``, or -1 before ``end``."""
    for found in _SINGLE_OR_DOUBLE.finditer(text, start, end):
        i, ch = found.start(), found.group()
        if ch == SINGLE_CLOSE and _single_closes(text, i) and not text[i - 1].isspace():
            return i
        if ch in DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT:
            return -1  # a single quote does not run across a double mark
    return -1


def _opens_paragraph(text: str, start: int) -> str:
    """The opening mark a paragraph starts with ("" when none)."""
    ch = text[start] if start < len(text) else ""
    if ch in DOUBLE_OPEN or (ch == STRAIGHT and _straight_opens(text, start)):
        return "double"
    if ch == SINGLE_OPEN:
        return "single"
    return ""


def quoted_spans(text: str) -> list[Quoted]:
    """The quoted spans of ``text``, in order, outermost only (a nested quote is part of its outer)."""
    out: list[Quoted] = []
    paragraphs = _paragraph_spans(text)
    p = 0
    i = paragraphs[0][0] if paragraphs else 0
    while p < len(paragraphs):
        p_start, p_end = paragraphs[p]
        i = max(i, p_start)
        if i >= p_end:
            p += 1
            continue
        opening = _OPENER.search(text, i, p_end)  # the characters before it open nothing
        if opening is None:
            i = p_end
            continue
        i = opening.start()
        ch = text[i]
        kind = ""
        if ch in DOUBLE_OPEN or (ch == STRAIGHT and _straight_opens(text, i)):
            kind = "double"
        elif ch == SINGLE_OPEN and (i == 0 or not text[i - 1].isalnum()):
            kind = "single"
        if not kind:
            i += 1
            continue
        start, q = i, p
        closer = _close_double if kind == "double" else _close_single
        while True:
            end = closer(text, i + 1, paragraphs[q][1])
            if end >= 0:
                out.append(Quoted(start, end + 1))
                i, p = end + 1, q
                break
            # Open at the end of its paragraph: the quote goes on when the next paragraph opens
            # with the same kind of mark, else it stops here (an unbalanced mark).
            if q + 1 < len(paragraphs) and kind == "double" and _opens_paragraph(text, paragraphs[q + 1][0]) == kind:
                q += 1
                i = paragraphs[q][0]
                continue
            if kind == "double":
                stop = paragraphs[q][1]
                while stop > start + 1 and text[stop - 1].isspace():
                    stop -= 1
                out.append(Quoted(start, stop, closed=False))
                i, p = paragraphs[q][1], q
            else:
                i += 1  # an unpaired left single mark is no quote
            break
    return out
