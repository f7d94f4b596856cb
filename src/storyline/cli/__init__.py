"""The ``storyline`` command: a thin layer over the library API (:mod:`storyline.api`).

One module per command or group of commands; this one assembles them into ``app`` (the
``storyline`` entry point), in the order ``storyline --help`` lists them.
"""

from __future__ import annotations

import typer

from . import build, clean, demo, documents, entities, evaluate, exclude, quotes, serve, timeline, timex
from .common import Commands, plain

app = typer.Typer(cls=Commands, add_completion=False, no_args_is_help=True,
                  help="Turn raw news documents into a clean, deduplicated, dated and sourced timeline.")
app.command()(build.build)
app.command()(documents.documents)
app.command()(documents.duplicates)
app.command()(entities.entities)
app.command()(timeline.timeline)
app.command()(exclude.exclude)
app.command()(demo.demo)
app.command()(serve.serve)
app.command()(clean.clean)
app.command()(timex.timex)
app.command()(quotes.quotes)
app.add_typer(evaluate.eval_app, name="eval")


def main() -> None:  # pragma: no cover
    app()


__all__ = ["app", "main", "plain"]
