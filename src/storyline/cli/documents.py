"""``storyline documents`` and ``storyline duplicates``: what the store holds, as a table or JSON.

The JSON is :mod:`storyline.contract`'s (the same as the web app's ``/api/documents`` and
``/api/duplicates``); the tables are for reading in a terminal.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.table import Table

from .. import api, contract
from .common import DbOption, DocFormat, fail, out, plain, row


def documents(db: Path = DbOption, format: DocFormat = typer.Option(DocFormat.table, "--format", "-f")) -> None:
    """List the stored documents (JSON: the documented document contract)."""
    try:
        docs = api.documents(db)
    except api.StoreError as exc:
        fail(str(exc))
    if format == DocFormat.json:
        sys.stdout.write(contract.to_json(contract.documents_to_dict(docs)))
        return
    table = Table(title=plain(f"{len(docs)} documents in {db}"))
    for col in ("id", "published", "source", "title", "group", "relation", "path"):
        table.add_column(col, overflow="fold")
    for d in docs:
        row(table, d.id, d.published.isoformat() if d.published else "—", d.source or "", d.title or "",
            d.group or "", d.relation or "", d.path)
    out.print(table)


def duplicates(db: Path = DbOption, format: DocFormat = typer.Option(DocFormat.table, "--format", "-f"),
               paragraphs: bool = typer.Option(False, "--paragraphs", help="List paragraphs found more than once instead.")) -> None:
    """List duplicate and version groups, with why each member joined (or, with --paragraphs, shared paragraphs)."""
    try:
        shared = api.duplicate_paragraphs(db) if paragraphs else []
        groups = [] if paragraphs else api.duplicate_groups(db)
    except api.StoreError as exc:
        fail(str(exc))
    if format == DocFormat.json:
        data = contract.paragraphs_to_dict(shared) if paragraphs else contract.groups_to_dict(groups)
        sys.stdout.write(contract.to_json(data))
        return
    out.print(_paragraphs_table(shared, db) if paragraphs else _groups_table(groups, db))


def _paragraphs_table(items, db: Path) -> Table:
    table = Table(title=plain(f"{len(items)} paragraphs found more than once in {db}"))
    for col in ("key", "sources", "documents", "occurrences (document:paragraph, first publication first)", "text"):
        table.add_column(col, overflow="fold")
    for p in items:
        text = p.text if len(p.text) <= 120 else p.text[:117] + "..."
        row(table, p.key, str(p.sources), str(p.documents),
            " ".join(f"{o.document}:{o.paragraph}" for o in p.occurrences), text)
    return table


def _groups_table(items, db: Path) -> Table:
    table = Table(title=plain(f"{len(items)} groups in {db}"))
    for col in ("group", "document", "relation", "similarity", "containment", "shared ¶", "reason"):
        table.add_column(col, overflow="fold")
    for g in items:
        for m in g.members:
            row(table, g.id, m.document, m.relation, f"{m.similarity:.2f}", f"{m.containment:.2f}",
                str(m.shared_paragraphs), m.reason)
    return table
