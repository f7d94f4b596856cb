"""``storyline exclude``: an editor's exclusions of timeline lines, made, taken back and listed."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from .. import api, contract
from .common import DbOption, DocFormat, counted, fail, out, plain, row, say

# mypy reads a functional Enum()'s members only from a literal; these come from the model at run time
ExclusionReason = Enum("ExclusionReason", {r: r for r in api.EXCLUSION_REASONS}, type=str)  # type: ignore[misc]


def exclude(lines: Optional[list[str]] = typer.Argument(
                None, help="Lines as the timeline cites them: DOCUMENT#SENTENCE (all of a line's citations, "
                           "so that no copy of it takes its place)."),
            db: Path = DbOption,
            reason: ExclusionReason = typer.Option("other", "--reason", help="Why the line is not right."),
            note: str = typer.Option("", "--note", help="The editor's note, kept with the exclusion."),
            restore: bool = typer.Option(False, "--restore", help="Take back the exclusion of these lines."),
            format: DocFormat = typer.Option(DocFormat.table, "--format", "-f")) -> None:
    """Exclude timeline lines an editor judged wrong, or --restore them; with no line, list the excluded lines."""
    try:
        if lines and restore:
            n = api.restore_lines(db, lines)
            say(f"{counted(n, 'line')} restored to the timeline of {db}.")
            return
        if lines:
            n = api.exclude_lines(db, lines, reason.value, note)
            say(f"{counted(n, 'line')} excluded from the timeline of {db} ({reason.value}); "
                f"take it back with --restore.")
            return
        if restore:
            fail("name the lines to restore (DOCUMENT#SENTENCE), as listed by `storyline exclude`")
        items = api.exclusions(db)
    except (api.StoreError, api.LineRefError) as exc:
        fail(str(exc))
    if format == DocFormat.json:
        sys.stdout.write(contract.to_json(contract.exclusions_to_dict(items)))
        return
    table = Table(title=plain(f"{counted(len(items), 'line')} excluded from the timeline of {db}"))
    for col in ("line", "reason", "note", "when", "text"):
        table.add_column(col, overflow="fold")
    for e in items:
        row(table, f"{e.document}#{e.sentence}" if e.sentence is not None else f"{e.document} (sentence gone)",
            e.reason, e.note, e.at, e.text)
    out.print(table)
