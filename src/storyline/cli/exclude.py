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
            articles: bool = typer.Option(False, "--articles",
                                          help="The arguments are document ids: every line of those articles."),
            format: DocFormat = typer.Option(DocFormat.table, "--format", "-f")) -> None:
    """Exclude timeline lines (or --articles) an editor judged wrong, or --restore them; with none, list them."""
    try:
        what = "article" if articles else "line"
        if lines and restore:
            n = (api.restore_documents if articles else api.restore_lines)(db, lines)
            say(f"{counted(n, what)} restored to the timeline of {db}.")
            return
        if lines:
            if articles:
                n = api.exclude_documents(db, lines, reason.value, note)
            else:
                n = api.exclude_lines(db, lines, reason.value, note)
            say(f"{counted(n, what)} excluded from the timeline of {db} ({reason.value}); "
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
        where = (f"{e.document} (every line)" if e.whole else
                 f"{e.document}#{e.sentence}" if e.sentence is not None else f"{e.document} (sentence gone)")
        row(table, where, e.reason, e.note, e.at, e.text)
    out.print(table)
