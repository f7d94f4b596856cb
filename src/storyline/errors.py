"""The base of storyline's own errors, so that a caller can tell them from Python's.

``CleanError`` (no article text, or a document over its budget), ``StoreError`` (a store that
cannot be read or written, a query it cannot run) and ``IngestError`` (a file that could not be
read, as reported in a build's errors) and ``EngineError`` (a build's engine that cannot start: a
Dask scheduler out of reach) all derive from ``StorylineError``.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["StorylineError", "IngestError", "EngineError"]


class StorylineError(Exception):
    """Something storyline could not do with a given document, store or query; the message says why."""


@dataclass
class IngestError(StorylineError):
    """A document that could not be read, and why: reported in a build's errors (and raisable)."""

    path: str
    reason: str
    repeated: bool = False  # the store had recorded this failure, for the same reason, before this build

    def __post_init__(self) -> None:
        super().__init__(self.path, self.reason)

    __hash__ = Exception.__hash__  # an error is itself, not its fields (dataclass equality stays)

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class EngineError(StorylineError):
    """A build's engine that cannot run (a Dask scheduler that cannot be reached, a cluster that
    does not start); nothing was processed by it."""
