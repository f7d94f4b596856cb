"""The ``storyline`` command: a thin layer over the library API.

JSON and Markdown go to stdout; progress bars, messages and errors go to stderr, so the
commands compose in shell pipelines.
"""

from __future__ import annotations

import json
import sys
import tempfile
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import api
from .export import document_to_dict, timeline_to_dict, timeline_to_html, timeline_to_markdown
from .ingest import DEFAULT_MAX_BYTES
from .pipeline import BATCH_SIZE
from .store import StoreError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn raw news documents into a clean, deduplicated, dated and sourced timeline.")
err = Console(stderr=True)
out = Console(highlight=False, soft_wrap=True)

DbOption = typer.Option(api.DEFAULT_DB, "--db", help="SQLite store file.")


class DocFormat(str, Enum):
    json = "json"
    table = "table"


class TimelineFormat(str, Enum):
    md = "md"
    json = "json"
    html = "html"


def _fail(message: str, code: int = 2) -> None:
    err.print(f"[red]error:[/red] {message}", markup=True, highlight=False)
    raise typer.Exit(code)


def _run_build(paths: list[Path], db: Path, max_size_mb: float, quiet: bool = False,
               batch_size: int = BATCH_SIZE) -> api.BuildReport:
    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=True, disable=quiet) as progress:
        task = progress.add_task("building", total=None)

        def on_progress(path: str, done: int, total: int) -> None:
            progress.update(task, completed=done, total=total, description=f"building {Path(path).name[:40]}")

        def on_error(e) -> None:
            progress.console.print(f"[yellow]skipped[/yellow] {e.path}: {e.reason}", markup=True, highlight=False)

        report = api.build(paths, db=db, max_bytes=int(max_size_mb * 1024 * 1024), batch_size=batch_size,
                           progress=on_progress, on_error=on_error)
    for warning in report.warnings:
        err.print(f"[yellow]warning:[/yellow] {warning}", markup=True, highlight=False)
    return report


@app.command()
def build(paths: List[Path] = typer.Argument(..., help="Files or folders (.txt, .html, .htm, .html.gz, .jsonl)."),
          db: Path = DbOption,
          max_size: float = typer.Option(DEFAULT_MAX_BYTES / 1024 / 1024, "--max-size", help="Largest document in MB."),
          batch_size: int = typer.Option(BATCH_SIZE, "--batch-size", min=1, help="Documents per transaction."),
          quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar.")) -> None:
    """Add documents to the store; documents already stored are not redone."""
    try:
        report = _run_build(paths, db, max_size, quiet, batch_size)
    except StoreError as exc:
        _fail(str(exc))
    summary = (f"{report.added} added, {report.rederived} re-derived, {report.unchanged} already stored, "
               f"{len(report.errors)} failed; the store {db} holds {report.documents} documents "
               f"in {report.groups} duplicate/version groups")
    if report.interrupted:
        err.print(f"[red]interrupted:[/red] {summary}. Run the same build again to finish.", markup=True)
        raise typer.Exit(130)
    err.print(summary, highlight=False)
    if report.errors:
        raise typer.Exit(3 if report.added or report.unchanged or report.rederived else 1)


@app.command()
def documents(db: Path = DbOption, format: DocFormat = typer.Option(DocFormat.table, "--format", "-f")) -> None:
    """List the stored documents (JSON: the documented document contract)."""
    try:
        docs = api.documents(db)
    except StoreError as exc:
        _fail(str(exc))
    if format == DocFormat.json:
        sys.stdout.write(json.dumps([document_to_dict(d) for d in docs], ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=f"{len(docs)} documents in {db}")
    for col in ("id", "published", "source", "title", "group", "relation", "path"):
        table.add_column(col, overflow="fold")
    for d in docs:
        table.add_row(d.id, d.published.isoformat() if d.published else "—", d.source or "", d.title or "",
                      d.group or "", d.relation or "", d.path)
    out.print(table)


@app.command()
def duplicates(db: Path = DbOption, format: DocFormat = typer.Option(DocFormat.table, "--format", "-f")) -> None:
    """List duplicate and version groups, with why each member joined."""
    try:
        groups = api.duplicate_groups(db)
    except StoreError as exc:
        _fail(str(exc))
    if format == DocFormat.json:
        data = [{"group": g.id, "representative": g.representative,
                 "members": [{"document": m.document, "relation": m.relation, "similarity": m.similarity,
                              "reason": m.reason} for m in g.members]} for g in groups]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=f"{len(groups)} groups in {db}")
    for col in ("group", "document", "relation", "similarity", "reason"):
        table.add_column(col, overflow="fold")
    for g in groups:
        for m in g.members:
            table.add_row(g.id, m.document, m.relation, f"{m.similarity:.2f}", m.reason)
    out.print(table)


def _render(fmt: TimelineFormat, db: Path, query: Optional[str], max_dates: Optional[int],
            sentences: Optional[int], title: str) -> str:
    tl, docs = api.timeline(db, query=query, max_dates=max_dates, sentences_per_date=sentences)
    if fmt == TimelineFormat.json:
        return json.dumps(timeline_to_dict(tl), ensure_ascii=False, indent=2) + "\n"
    if fmt == TimelineFormat.html:
        return timeline_to_html(tl, docs, title=title)
    return timeline_to_markdown(tl, title=title, documents=docs)


@app.command()
def timeline(db: Path = DbOption,
             query: Optional[str] = typer.Option(None, "--query", "-q", help="Only documents matching this full-text query (SQLite FTS5 syntax)."),
             format: TimelineFormat = typer.Option(TimelineFormat.md, "--format", "-f"),
             output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write to this file instead of stdout."),
             max_dates: Optional[int] = typer.Option(None, "--dates", min=1, help="Number of dates (default: chosen from the collection)."),
             sentences: Optional[int] = typer.Option(None, "--sentences", min=1, help="Sentences per date (default: by how widely a date is reported)."),
             title: str = typer.Option("Timeline", "--title")) -> None:
    """Write the timeline: dated entries, each line citing document and sentence."""
    try:
        text = _render(format, db, query, max_dates, sentences, title)
    except StoreError as exc:
        _fail(str(exc))
    if output:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output}", highlight=False)
    else:
        sys.stdout.write(text)


@app.command()
def demo(output: Path = typer.Option(Path("timeline.html"), "-o", "--output", help="Where to write the HTML timeline.")) -> None:
    """Build the bundled sample corpus into a temporary store and show its timeline."""
    corpus = resources.files("storyline") / "sample" / "corpus"
    with tempfile.TemporaryDirectory() as tmp:
        with resources.as_file(corpus) as corpus_dir:
            db = Path(tmp) / "demo.db"
            err.print(f"building the sample corpus ({sum(1 for p in Path(corpus_dir).rglob('*') if p.is_file())} files) into a temporary store",
                      highlight=False)
            report = _run_build([Path(corpus_dir)], db, DEFAULT_MAX_BYTES / 1024 / 1024)
            err.print(f"{report.added} documents stored, {len(report.errors)} skipped (the corpus holds some bad input "
                      f"on purpose), {report.groups} duplicate/version groups", highlight=False)
        title = "Sample corpus timeline"
        output.write_text(_render(TimelineFormat.html, db, None, None, None, title), encoding="utf-8")
        sys.stdout.write(_render(TimelineFormat.md, db, None, None, None, title))
    err.print(f"wrote {output}", highlight=False)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
