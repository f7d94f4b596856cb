"""What every command shares: where output goes, text made safe for a terminal, the --db option.

JSON and Markdown go to stdout; progress bars, messages and errors go to stderr, so the
commands compose in shell pipelines. A store that cannot be used is a clear message and exit
code 2 in every command (:class:`Commands`), never a traceback.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import NoReturn

import typer
import typer.core
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .. import api

err = Console(stderr=True)
out = Console(highlight=False, soft_wrap=True)

DbOption = typer.Option(api.DEFAULT_DB, "--db", help="SQLite store file.")
MaxSizeOption = typer.Option(api.DEFAULT_MAX_BYTES / 1024 / 1024, "--max-size", help="Largest document in MB.")


class DocFormat(str, Enum):
    json = "json"
    table = "table"


# Control characters (C0, DEL, C1) and the bidirectional overrides, which would let a file name
# or a title move the cursor, recolour the terminal or show text reversed.
UNSHOWN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def plain(value: object) -> str:
    """Text from a document, a file name or a store, fit for the terminal: control characters
    dropped (line breaks and tabs become spaces) and Rich markup escaped, so that a title
    holding "[/bold]" or a file named "[on]x.txt" is shown as it is."""
    text = str(value).encode("utf-8", errors="backslashreplace").decode("utf-8")  # a file name's stray bytes
    text = UNSHOWN.sub("", text.replace("\n", " ").replace("\t", " ").replace("\r", " "))
    return escape(text)


def counted(n: int, noun: str) -> str:
    """"1 document", "2 documents"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def say(message: str, label: str = "", style: str = "") -> None:
    """One message on stderr; ``message`` is shown as plain text."""
    prefix = f"[{style}]{label}[/{style}] " if label else ""
    err.print(prefix + plain(message), markup=True, highlight=False)


def row(table: Table, *cells: object) -> None:
    """A table row of text from documents or files, each cell shown as plain text."""
    table.add_row(*(plain(c) for c in cells))


def fail(message: str, code: int = 2) -> NoReturn:
    """An error message on stderr, and the command ends with ``code``."""
    say(message, "error:", "red")
    raise typer.Exit(code)


def megabytes(value: float) -> int:
    """A size given in MB (``--max-size 20``) in bytes."""
    return int(value * 1024 * 1024)


class Commands(typer.core.TyperGroup):
    """Every command: a store that cannot be used is a clear message and exit code 2, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except api.StoreError as exc:
            say(str(exc), "error:", "red")
            raise typer.Exit(2)
