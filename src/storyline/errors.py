"""The base of storyline's own errors, so that a caller can tell them from Python's.

``CleanError`` (no article text, or a document over its budget), ``StoreError`` (a store that
cannot be read or written, a query it cannot run) and ``IngestError`` (a file that could not be
read, as reported in a build's errors) all derive from ``StorylineError``.
"""

from __future__ import annotations

__all__ = ["StorylineError"]


class StorylineError(Exception):
    """Something storyline could not do with a given document, store or query; the message says why."""
