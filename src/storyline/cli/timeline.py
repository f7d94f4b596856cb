"""``storyline timeline``: the timeline as Markdown, JSON or a self-contained HTML page.

The timeline is :func:`storyline.api.timeline`'s; JSON is :mod:`storyline.contract`'s,
Markdown and HTML :mod:`storyline.export`'s. ``demo`` renders through :func:`render`.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from .. import api, contract
from .common import DbOption, counted, fail, say


class TimelineFormat(str, Enum):
    md = "md"
    json = "json"
    html = "html"


def render(fmt: TimelineFormat, db: Path, query: Optional[str], max_dates: Optional[int],
           sentences: Optional[int], title: str, method: str = "default",
           start: Optional[dt.date] = None, end: Optional[dt.date] = None, previews: bool = False,
           entity: Optional[str] = None, statement_weight: Optional[float] = None) -> str:
    """The timeline of ``db`` in the format ``fmt`` (only HTML reads the cited documents' sentences,
    and JSON none of the cited documents); ``statement_weight`` None: the default setting's."""
    settings = (api.DEFAULT_TIMELINE if statement_weight is None
                else replace(api.DEFAULT_TIMELINE, statement_weight=statement_weight))
    tl, docs = api.timeline(db, query=query, max_dates=max_dates, sentences_per_date=sentences,
                            method=method, start=start, end=end, previews=previews,
                            with_sentences=fmt == TimelineFormat.html, entity=entity,
                            with_documents=fmt != TimelineFormat.json, settings=settings)
    if fmt == TimelineFormat.json:
        return contract.to_json(contract.timeline_to_dict(tl))
    from ..export import timeline_to_html, timeline_to_markdown  # jinja2's import, only for these formats

    if fmt == TimelineFormat.html:
        return timeline_to_html(tl, docs, title=title)
    return timeline_to_markdown(tl, title=title, documents=docs)


def timeline(db: Path = DbOption,
             query: Optional[str] = typer.Option(None, "--query", "-q", help="Only documents matching this full-text query (SQLite FTS5 syntax)."),
             format: TimelineFormat = typer.Option(TimelineFormat.md, "--format", "-f"),
             output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write to this file instead of stdout."),
             max_dates: Optional[int] = typer.Option(None, "--dates", min=1, help="Number of dates (default: chosen from the collection)."),
             sentences: Optional[int] = typer.Option(None, "--sentences", min=1, help="Sentences per date (default: by how widely a date is reported)."),
             method: api.TimelineMethod = typer.Option("default", "--method", "-m", help="How dates and sentences are chosen."),
             start: Optional[str] = typer.Option(None, "--from", help="Only dates on or after this day (YYYY-MM-DD)."),
             end: Optional[str] = typer.Option(None, "--to", help="Only dates on or before this day (YYYY-MM-DD)."),
             previews: bool = typer.Option(False, "--previews", help="Also lines about what was still to come when written (\"is due to be sentenced on ...\")."),
             entity: Optional[str] = typer.Option(None, "--entity", "-e", help="Only lines that name this person, organisation or place, or quote them."),
             statement_weight: Optional[float] = typer.Option(
                 None, "--statement-weight", min=0.0, max=1.0,
                 help="Weight of a line that reports what someone said rather than a happening, against one "
                      "that reports a happening of its date (default 0.8; 1 = no preference; read where the "
                      "build found names and quotes)."),
             title: str = typer.Option("Timeline", "--title")) -> None:
    """Write the timeline: dated entries, each line citing document and sentence."""
    try:
        first = dt.date.fromisoformat(start) if start else None
        last = dt.date.fromisoformat(end) if end else None
    except ValueError as exc:
        fail(f"--from/--to must be dates as YYYY-MM-DD ({exc})")
    try:
        text = render(format, db, query, max_dates, sentences, title, method.value, first, last, previews, entity,
                      statement_weight)
        excluded = len(api.exclusions(db))
    except (api.StoreError, api.EntityNotFound) as exc:
        fail(str(exc))
    if excluded:  # a reader of the timeline should know that an editor took lines out
        say(f"{counted(excluded, 'line')} excluded by an editor not shown (`storyline exclude --db {db}` lists them)")
    if output:
        output.write_text(text, encoding="utf-8")
        say(f"wrote {output}")
    else:
        sys.stdout.write(text)
