"""Search matches as character offsets, never as markup.

SQLite's ``highlight()`` and ``snippet()`` return the article text with marker characters
around each match. The markers are split off here into ``(start, end)`` offsets into the
plain text, so whatever shows a match (a Jinja2 template, a JSON client) escapes the text
itself and adds its own emphasis: no HTML ever comes from the article or from SQLite.
"""

from __future__ import annotations

from typing import Optional

from .model import Highlighted
from .store import MARK_CLOSE, MARK_OPEN


def parse_marked(marked: Optional[str], open_mark: str = MARK_OPEN, close_mark: str = MARK_CLOSE) -> Highlighted:
    """Split ``open_mark``/``close_mark`` pairs out of ``marked`` into match offsets.

    Stray markers (a text that itself held a marker character) are dropped; the worst they
    can do is move a highlight.
    """
    text: list[str] = []
    matches: list[tuple[int, int]] = []
    length = 0
    start: Optional[int] = None
    for ch in marked or "":
        if ch == open_mark:
            if start is None:
                start = length
        elif ch == close_mark:
            if start is not None and length > start:
                matches.append((start, length))
            start = None
        else:
            text.append(ch)
            length += 1
    return Highlighted("".join(text), matches)
