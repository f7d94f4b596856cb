"""``storyline timex``: the date expressions in a text, found and resolved, for a closer look.

What the build finds in every sentence, for any text: each expression's span, type, value
and granularity, resolved against a publication date when one is given.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from .. import api, contract
from .common import DocFormat, fail, out, row


def _read(file: Optional[str], text: Optional[str]) -> str:
    """The text to read: ``--text``, else the file (``-`` for stdin)."""
    if text is not None:
        return text
    if file is None:
        fail("give a FILE, - for stdin, or --text")
    if file == "-":
        return sys.stdin.read()
    try:
        return Path(file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"{file}: cannot read ({exc})")


def timex(file: Optional[str] = typer.Argument(None, help="A text file, or - for stdin."),
          text: Optional[str] = typer.Option(None, "--text", "-t", help="The text to read (instead of a file)."),
          anchor: Optional[str] = typer.Option(None, "--anchor", "-a", help="Publication date YYYY-MM-DD that relative dates resolve against."),
          language: Optional[str] = typer.Option(None, "--language", "-l", help="The text's language (ISO 639-1, e.g. en); the rules are English, so any other finds nothing. Unknown by default (read as English)."),
          format: DocFormat = typer.Option(DocFormat.table, "--format", "-f")) -> None:
    """Find and resolve the date expressions in a text."""
    text = _read(file, text)
    anchor_date = None
    if anchor:
        try:
            anchor_date = dt.date.fromisoformat(anchor)
        except ValueError:
            fail(f"--anchor {anchor!r} is not a date (YYYY-MM-DD)")
    if language is not None and not re.fullmatch(r"[A-Za-z]{2}(?:[-_][A-Za-z0-9]{2,8})?", language):
        fail(f"--language {language!r} is not an ISO 639-1 code (en, de, fr ...)")
    mentions = api.find_dates(text, anchor=anchor_date, language=language)
    if format == DocFormat.json:
        sys.stdout.write(contract.to_json(contract.timex_to_dict(mentions)))
        return
    table = Table(title=f"{len(mentions)} date expressions" + (f" (anchor {anchor_date})" if anchor_date else " (no anchor)"))
    for col in ("start", "end", "text", "type", "value", "granularity", "mod"):
        table.add_column(col, overflow="fold")
    for m in mentions:
        row(table, str(m.start), str(m.end), m.text, m.type, m.value or "—", m.granularity or "", m.mod or "")
    out.print(table)
