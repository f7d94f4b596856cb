"""``storyline build``: documents into the store, with a progress bar and a summary.

The build itself is :func:`storyline.api.build`; this module shows its progress and errors and
turns its report into a message and an exit code. ``demo`` builds through it too.
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional


import typer

from .. import api
from .common import DbOption, MaxSizeOption, counted, err, fail, megabytes, plain, say


def run_build(paths: list[Path], db: Path, max_size_mb: float, quiet: bool = False,
              batch_size: int = api.DEFAULT_BUILD.batch_size, entities: bool = True, engine: str = "local",
              workers: Optional[int] = None, scheduler: Optional[str] = None) -> api.BuildReport:
    """Build ``paths`` into ``db`` with a progress bar on stderr (none when ``quiet``); every
    file skipped is named as it happens, the build's warnings at the end."""
    # imported here: the other commands (a timeline) have no progress bar to show
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=True, disable=quiet) as progress:
        task = progress.add_task("building", total=None)

        def on_progress(path: str, done: int, total: int) -> None:
            progress.update(task, completed=done, total=total, description=f"building {plain(Path(path).name[:40])}")

        def on_error(e) -> None:
            label = "[dim]skipped again[/dim]" if e.repeated else "[yellow]skipped[/yellow]"
            progress.console.print(f"{label} {plain(e.path)}: {plain(e.reason)}", markup=True, highlight=False)

        options = api.DEFAULT_BUILD.with_given(max_bytes=megabytes(max_size_mb), batch_size=batch_size,
                                               entities=entities, engine=engine, build_workers=workers,
                                               scheduler=scheduler)
        report = api.build(paths, db=db, options=options, progress=on_progress, on_error=on_error)
    for warning in report.warnings:
        say(warning, "warning:", "yellow")
    return report


def build(paths: List[Path] = typer.Argument(..., help=f"Files or folders ({api.TYPES_TEXT})."),
          db: Path = DbOption,
          max_size: float = MaxSizeOption,
          batch_size: int = typer.Option(api.DEFAULT_BUILD.batch_size, "--batch-size", min=1, help="Documents per transaction."),
          quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
          entities: bool = typer.Option(True, "--entities/--no-entities",
                                        help="Find names and quotes (when the English pipeline is installed)."),
          engine: api.BuildEngine = typer.Option(api.DEFAULT_BUILD.engine, "--engine",
                                                 help="Where documents are processed: local processes, or a Dask cluster."),
          workers: Optional[int] = typer.Option(None, "--workers", min=1,
                                                help="Processes (local) or LocalCluster workers (dask); every core when not given."),
          scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADDRESS",
                                                  help="dask: a running scheduler (default: start a LocalCluster).")) -> None:
    """Add documents to the store; documents already stored are not redone."""
    if scheduler and engine.value != "dask":
        fail("--scheduler is for --engine dask")
    try:
        report = run_build(paths, db, max_size, quiet, batch_size, entities, engine.value, workers, scheduler)
    except (api.StoreError, api.EngineError) as exc:
        fail(str(exc))
    new_errors = [e for e in report.errors if not e.repeated]
    again = len(report.errors) - len(new_errors)
    failed = f"{len(new_errors)} failed" + (f" ({again} more failed as in an earlier build)" if again else "")
    summary = (f"{report.added} added, {report.rederived} re-derived, {report.unchanged} already stored, "
               f"{failed}; the store {db} holds {counted(report.documents, 'document')} "
               f"({counted(report.groups, 'duplicate/version group')})")
    if report.entities_off and entities:
        say(f"names and quotes are off: {report.entities_off}", "note:", "yellow")
    elif report.entities_caught_up:
        summary += f"; names and quotes found in {report.entities_caught_up} documents stored without them"
    if report.interrupted:
        say(f"{summary}. Run the same build again to finish.", "interrupted:", "red")
        raise typer.Exit(130)
    say(summary)
    stored = report.added or report.unchanged or report.rederived
    if report.errors and not stored:
        raise typer.Exit(1)
    if new_errors:  # failures already reported by an earlier build of the same files do not fail it again
        raise typer.Exit(3)
