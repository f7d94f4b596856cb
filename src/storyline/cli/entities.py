"""``storyline entities``: the people, organisations, places and groups of a store, as a table or JSON.

The list is :func:`storyline.api.entities`'s and its JSON :mod:`storyline.contract`'s (the same
as the web app's ``/api/entities``).
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from .. import api, contract
from .common import DbOption, DocFormat, fail, out, plain, row


class EntityKindChoice(str, Enum):
    PERSON = "PERSON"
    ORG = "ORG"
    GPE = "GPE"
    LOC = "LOC"
    NORP = "NORP"


def entities(db: Path = DbOption, format: DocFormat = typer.Option(DocFormat.table, "--format", "-f"),
             kind: Optional[EntityKindChoice] = typer.Option(None, "--kind", help="Only entities of this kind."),
             limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Only the N most mentioned.")) -> None:
    """List the entities named in the store: kind, names, mentions, first and last date, quotes."""
    try:
        found = api.entities(db, kind=kind.value if kind else None, limit=limit)
    except api.StoreError as exc:
        fail(str(exc))
    if format == DocFormat.json:
        sys.stdout.write(contract.to_json([contract.entity_summary_to_dict(e) for e in found]))
        return
    table = Table(title=plain(f"{len(found)} entities in {db}"))
    for col in ("id", "kind", "name", "role", "mentions", "documents", "first", "last", "quotes", "also written"):
        table.add_column(col, overflow="fold")
    for e in found:
        row(table, str(e.id), e.kind, e.name, e.role or "", str(e.mentions), str(e.documents), e.first or "—",
            e.last or "—", str(e.quotes), ", ".join(n for n in e.names if n != e.name)[:120])
    out.print(table)
