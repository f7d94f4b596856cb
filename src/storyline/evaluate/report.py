"""Benchmark tables in ``docs/benchmarks.md``: each script owns a block between two markers.

Written by hand: a benchmark replaces its own block, or adds its section when the file has
none yet, and leaves the rest of the file as it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

__all__ = ["write_block"]


def write_block(docs: Path, start: str, end: str, block: str, section: str,
                intro: str = "", after: Optional[str] = None) -> None:
    """Replace the text from ``start`` to ``end`` in ``docs`` with ``block`` (which holds both
    markers). Without the markers, add ``section`` (a heading), ``intro`` and the block: after
    the section headed ``after`` when given and present, else at the end of the file."""
    text = docs.read_text(encoding="utf-8") if docs.exists() else "# Benchmarks\n"
    if start in text and end in text:
        text = text[:text.index(start)] + block + text[text.index(end) + len(end):]
    else:
        added = f"{section}\n\n" + (f"{intro}\n\n" if intro else "") + f"{block}\n"
        at = text.find(after) if after else -1
        nxt = text.find("\n## ", at + len(after)) if after and at >= 0 else -1
        text = text.rstrip("\n") + "\n\n" + added if nxt < 0 else text[:nxt + 1] + added + "\n" + text[nxt + 1:]
    docs.write_text(text, encoding="utf-8")
