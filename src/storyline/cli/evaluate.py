"""``storyline eval``: storyline scored on the field's benchmarks (timeline summarization, dates, quotes).

The runs and the averaging are :func:`storyline.api.evaluate_tls`, :func:`~storyline.api.tls_rows`,
:func:`~storyline.api.evaluate_timex` and :func:`~storyline.api.evaluate_quotes`; this module shows
their figures as a table or JSON.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.table import Table

from .. import api, contract
from .common import fail, out, row, say

eval_app = typer.Typer(no_args_is_help=True, help="Score storyline on the field's benchmarks.")


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


def eval_tls(dataset: Path = typer.Argument(..., help="A TLS data set folder (T17 or Crisis layout) or one topic folder."),
             method: List[api.TimelineMethod] = typer.Option(["default"], "--method", "-m", help="Method(s) to score; repeat for several."),
             topics: Optional[str] = typer.Option(None, "--topics", help="Comma-separated topic names (default: all)."),
             format: EvalFormat = typer.Option(EvalFormat.table, "--format", "-f"),
             save_dir: Optional[Path] = typer.Option(None, "--save-dir", help="Write every system timeline as DIR/<topic>/<reference>.json."),
             workers: int = typer.Option(2, "--workers", min=1, help="Processes for the pipeline.")) -> None:
    """Timeline ROUGE (align+ m:1, concat, agreement) and date F1 under the field's protocol."""
    if not dataset.is_dir():
        fail(f"{dataset}: not a folder")
    methods = [m.value for m in method]
    try:
        results = api.evaluate_tls(dataset, methods, topics.split(",") if topics else None, save_dir, workers,
                                   progress=lambda msg: say(msg))
    except ValueError as exc:
        fail(str(exc))
    rows = contract.tls_rows_to_dict(api.tls_rows(results, methods))
    if format == EvalFormat.json:
        sys.stdout.write(contract.to_json(rows, ascii=True))
        return
    table = Table("method", "topic", "refs", "AR1-F", "AR2-F", "Date-F1", "R1-F", "R2-F", "s/topic")
    for r in rows:
        row(table, r["method"], r["topic"], str(r["references"]),
            *(f"{r[k]:.3f}" for k in ("AR1-F", "AR2-F", "Date-F1", "R1-F", "R2-F")), f"{r['seconds']:.1f}")
    out.print(table)


def eval_timex(folder: Path = typer.Argument(..., help="A folder of TimeML (.tml) files with document creation times."),
               format: EvalFormat = typer.Option(EvalFormat.table, "--format", "-f")) -> None:
    """TempEval-3 scores of storyline's date resolver on TimeML files."""
    scores = api.evaluate_timex(folder)
    if scores is None:
        fail(f"{folder}: no .tml files found")
    if format == EvalFormat.json:
        sys.stdout.write(contract.to_json(scores, ascii=True))
        return
    table = Table("measure", "value")
    for key in ("strict_p", "strict_r", "strict_f1", "relaxed_p", "relaxed_r", "relaxed_f1", "type_accuracy",
                "value_accuracy", "value_f1"):
        table.add_row(key, f"{scores[key]:.3f}")
    table.add_row("expressions (gold / found)", f"{scores['gold']} / {scores['predicted']}")
    table.add_row("documents", str(scores["documents"]))
    out.print(table)
    errors = Table("error class", "count", "what it is")
    for name, what in api.timex_error_classes().items():
        errors.add_row(name, str(scores["errors"][name]), what)
    out.print(errors)


def eval_quotes(folder: Path = typer.Argument(..., help="A PolNeAR compartment folder (text/ and attributions/)."),
                limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Score only the first N articles."),
                format: EvalFormat = typer.Option(EvalFormat.table, "--format", "-f")) -> None:
    """Quote attribution on PolNeAR: content P/R/F of direct quotes and of all attributions, and
    the share of gold quotes found with the right speaker."""
    reason = api.quotes_unavailable()
    if reason is not None:
        fail(f"quotes need the English pipeline: {reason}")
    scores = api.evaluate_quotes(folder, limit)
    if scores is None:
        fail(f"{folder}: no annotated articles (text/*.txt with attributions/*.ann)")
    if format == EvalFormat.json:
        sys.stdout.write(contract.to_json(scores, ascii=True))
        return
    table = Table("quotes", "P", "R", "F", "right speaker", "gold", "predicted")
    for key in ("direct", "all"):
        s = scores[key]
        table.add_row(key, *(f"{s[k]:.3f}" for k in ("p", "r", "f", "right_speaker")), str(s["gold"]), str(s["predicted"]))
    out.print(table)
    say(f"{scores['articles']} articles")


eval_app.command("tls")(eval_tls)
eval_app.command("timex")(eval_timex)
eval_app.command("quotes")(eval_quotes)
