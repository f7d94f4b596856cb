"""The plain-text entry point, ``clean_text``, and what both entry points share.

``CleanError`` is raised for input with no article text at all; ``within`` cuts a huge
page to the stretch the line analysis is allowed to read.
"""

from __future__ import annotations

from typing import Optional

from ..config import DEFAULT_CLEAN, CleanParams
from ..errors import StorylineError
from ..model import CleanResult, Removed
from .analysis import analyse
from .language import for_page
from .lines import blank


class CleanError(StorylineError, ValueError):
    """The input holds no article text at all."""


def within(text: str, limit: Optional[int]) -> tuple[str, list[Removed]]:
    """The text to analyse: all of it, or with ``limit`` only what comes before the last line
    break under it (the rest recorded as removed, for the budget), so the line analysis of a
    huge page costs no more than that of a long one."""
    if limit is None or len(text) <= limit:
        return text, []
    at = text.rfind("\n", 0, limit)
    at = at if at > 0 else limit
    rest = text[at:].strip()
    return text[:at], [Removed(f"{rest[:200]}… ({len(rest):,} characters)",
                               f"past the budget of {limit:,} characters of page text per document")]


def clean_text(text: str, limit: Optional[int] = None, params: Optional[CleanParams] = None) -> CleanResult:
    """Clean a page that was dumped to plain text (with ``limit``, its first ``limit`` characters),
    judging its lines by ``params`` (default ``config.DEFAULT_CLEAN``).

    Raises CleanError for empty input. When no line reads as article text the result has an
    empty ``text`` and every line in ``removed``.
    """
    if blank(text or ""):
        raise CleanError("no article text found: the input is empty")
    text, cut = within(text, limit)
    params = for_page(text, params or DEFAULT_CLEAN)
    found = analyse(text, params=params)
    found.removed.extend(cut)
    return CleanResult(
        text="\n\n".join(found.kept), removed=found.removed, title=found.title,
        published=found.published, published_time=found.published_time, byline=found.byline,
        dateline=found.dateline, source=found.source, contributors=found.contributors, language=params.language)
