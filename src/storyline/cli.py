"""The ``storyline`` command: a thin layer over the library API.

JSON and Markdown go to stdout; progress bars, messages and errors go to stderr, so the
commands compose in shell pipelines.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import tempfile
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import List, Optional

import typer
import typer.core
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import api, ingest
from .export import (clean_result_to_dict, document_to_dict, groups_to_dict, paragraphs_to_dict, timex_to_dict,
                     timeline_to_dict, timeline_to_html, timeline_to_markdown)
from .chronology import METHODS
from .ingest import DEFAULT_MAX_BYTES
from .pipeline import BATCH_SIZE
from .store import StoreError

class _Commands(typer.core.TyperGroup):
    """Every command: a store that cannot be used is a clear message and exit code 2, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except StoreError as exc:
            _say(str(exc), "error:", "red")
            raise typer.Exit(2)


app = typer.Typer(cls=_Commands, add_completion=False, no_args_is_help=True,
                  help="Turn raw news documents into a clean, deduplicated, dated and sourced timeline.")
err = Console(stderr=True)
out = Console(highlight=False, soft_wrap=True)

DbOption = typer.Option(api.DEFAULT_DB, "--db", help="SQLite store file.")


class DocFormat(str, Enum):
    json = "json"
    table = "table"


class CleanFormat(str, Enum):
    text = "text"
    json = "json"


class TimelineFormat(str, Enum):
    md = "md"
    json = "json"
    html = "html"


# Control characters (C0, DEL, C1) and the bidirectional overrides, which would let a file name
# or a title move the cursor, recolour the terminal or show text reversed.
_UNSHOWN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def plain(value: object) -> str:
    """Text from a document, a file name or a store, fit for the terminal: control characters
    dropped (line breaks and tabs become spaces) and Rich markup escaped, so that a title
    holding "[/bold]" or a file named "[on]x.txt" is shown as it is."""
    text = str(value).encode("utf-8", errors="backslashreplace").decode("utf-8")  # a file name's stray bytes
    text = _UNSHOWN.sub("", text.replace("\n", " ").replace("\t", " ").replace("\r", " "))
    return escape(text)


def _say(message: str, label: str = "", style: str = "") -> None:
    """One message on stderr; ``message`` is shown as plain text."""
    prefix = f"[{style}]{label}[/{style}] " if label else ""
    err.print(prefix + plain(message), markup=True, highlight=False)


def _row(table: Table, *cells: object) -> None:
    table.add_row(*(plain(c) for c in cells))


def _fail(message: str, code: int = 2) -> None:
    _say(message, "error:", "red")
    raise typer.Exit(code)


def _run_build(paths: list[Path], db: Path, max_size_mb: float, quiet: bool = False,
               batch_size: int = BATCH_SIZE) -> api.BuildReport:
    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=True, disable=quiet) as progress:
        task = progress.add_task("building", total=None)

        def on_progress(path: str, done: int, total: int) -> None:
            progress.update(task, completed=done, total=total, description=f"building {plain(Path(path).name[:40])}")

        def on_error(e) -> None:
            label = "[dim]skipped again[/dim]" if e.repeated else "[yellow]skipped[/yellow]"
            progress.console.print(f"{label} {plain(e.path)}: {plain(e.reason)}", markup=True, highlight=False)

        report = api.build(paths, db=db, max_bytes=int(max_size_mb * 1024 * 1024), batch_size=batch_size,
                           progress=on_progress, on_error=on_error)
    for warning in report.warnings:
        _say(warning, "warning:", "yellow")
    return report


@app.command()
def build(paths: List[Path] = typer.Argument(..., help=f"Files or folders ({ingest.TYPES_TEXT})."),
          db: Path = DbOption,
          max_size: float = typer.Option(DEFAULT_MAX_BYTES / 1024 / 1024, "--max-size", help="Largest document in MB."),
          batch_size: int = typer.Option(BATCH_SIZE, "--batch-size", min=1, help="Documents per transaction."),
          quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar.")) -> None:
    """Add documents to the store; documents already stored are not redone."""
    try:
        report = _run_build(paths, db, max_size, quiet, batch_size)
    except StoreError as exc:
        _fail(str(exc))
    new_errors = [e for e in report.errors if not e.repeated]
    again = len(report.errors) - len(new_errors)
    failed = f"{len(new_errors)} failed" + (f" ({again} more failed as in an earlier build)" if again else "")
    summary = (f"{report.added} added, {report.rederived} re-derived, {report.unchanged} already stored, "
               f"{failed}; the store {db} holds {report.documents} documents "
               f"in {report.groups} duplicate/version groups")
    if report.interrupted:
        _say(f"{summary}. Run the same build again to finish.", "interrupted:", "red")
        raise typer.Exit(130)
    _say(summary)
    stored = report.added or report.unchanged or report.rederived
    if report.errors and not stored:
        raise typer.Exit(1)
    if new_errors:  # failures already reported by an earlier build of the same files do not fail it again
        raise typer.Exit(3)


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
    table = Table(title=plain(f"{len(docs)} documents in {db}"))
    for col in ("id", "published", "source", "title", "group", "relation", "path"):
        table.add_column(col, overflow="fold")
    for d in docs:
        _row(table, d.id, d.published.isoformat() if d.published else "—", d.source or "", d.title or "",
                      d.group or "", d.relation or "", d.path)
    out.print(table)


@app.command()
def duplicates(db: Path = DbOption, format: DocFormat = typer.Option(DocFormat.table, "--format", "-f"),
               paragraphs: bool = typer.Option(False, "--paragraphs", help="List paragraphs found more than once instead.")) -> None:
    """List duplicate and version groups, with why each member joined (or, with --paragraphs, shared paragraphs)."""
    try:
        items = api.duplicate_paragraphs(db) if paragraphs else api.duplicate_groups(db)
    except StoreError as exc:
        _fail(str(exc))
    if format == DocFormat.json:
        data = paragraphs_to_dict(items) if paragraphs else groups_to_dict(items)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    if paragraphs:
        table = Table(title=plain(f"{len(items)} paragraphs found more than once in {db}"))
        for col in ("key", "sources", "documents", "occurrences (document:paragraph, first publication first)", "text"):
            table.add_column(col, overflow="fold")
        for p in items:
            text = p.text if len(p.text) <= 120 else p.text[:117] + "..."
            _row(table, p.key, str(p.sources), str(p.documents),
                          " ".join(f"{o.document}:{o.paragraph}" for o in p.occurrences), text)
        out.print(table)
        return
    table = Table(title=plain(f"{len(items)} groups in {db}"))
    for col in ("group", "document", "relation", "similarity", "containment", "shared ¶", "reason"):
        table.add_column(col, overflow="fold")
    for g in items:
        for m in g.members:
            _row(table, g.id, m.document, m.relation, f"{m.similarity:.2f}", f"{m.containment:.2f}",
                          str(m.shared_paragraphs), m.reason)
    out.print(table)


Method = Enum("Method", {name: name for name in METHODS}, type=str)


def _render(fmt: TimelineFormat, db: Path, query: Optional[str], max_dates: Optional[int],
            sentences: Optional[int], title: str, method: str = "default",
            start: Optional[dt.date] = None, end: Optional[dt.date] = None, previews: bool = False) -> str:
    tl, docs = api.timeline(db, query=query, max_dates=max_dates, sentences_per_date=sentences,
                            method=method, start=start, end=end, previews=previews,
                            with_sentences=fmt == TimelineFormat.html)
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
             method: Method = typer.Option("default", "--method", "-m", help="How dates and sentences are chosen."),
             start: Optional[str] = typer.Option(None, "--from", help="Only dates on or after this day (YYYY-MM-DD)."),
             end: Optional[str] = typer.Option(None, "--to", help="Only dates on or before this day (YYYY-MM-DD)."),
             previews: bool = typer.Option(False, "--previews", help="Also lines about what was still to come when written (\"is due to be sentenced on ...\")."),
             title: str = typer.Option("Timeline", "--title")) -> None:
    """Write the timeline: dated entries, each line citing document and sentence."""
    try:
        first = dt.date.fromisoformat(start) if start else None
        last = dt.date.fromisoformat(end) if end else None
    except ValueError as exc:
        _fail(f"--from/--to must be dates as YYYY-MM-DD ({exc})")
    try:
        text = _render(format, db, query, max_dates, sentences, title, method.value, first, last, previews)
    except StoreError as exc:
        _fail(str(exc))
    if output:
        output.write_text(text, encoding="utf-8")
        _say(f"wrote {output}")
    else:
        sys.stdout.write(text)


@app.command()
def demo(output: Path = typer.Option(Path("timeline.html"), "-o", "--output", help="Where to write the HTML timeline.")) -> None:
    """Build the bundled sample corpus into a temporary store and show its timeline."""
    corpus = resources.files("storyline") / "sample" / "corpus"
    with tempfile.TemporaryDirectory() as tmp:
        with resources.as_file(corpus) as corpus_dir:
            db = Path(tmp) / "demo.db"
            _say(f"building the sample corpus ({sum(1 for p in Path(corpus_dir).rglob('*') if p.is_file())} files) into a temporary store")
            report = _run_build([Path(corpus_dir)], db, DEFAULT_MAX_BYTES / 1024 / 1024)
            _say(f"{report.added} documents stored, {len(report.errors)} skipped (the corpus holds some bad input "
                 f"on purpose), {report.groups} duplicate/version groups")
        title = "Sample corpus timeline"
        output.write_text(_render(TimelineFormat.html, db, None, None, None, title), encoding="utf-8")
        sys.stdout.write(_render(TimelineFormat.md, db, None, None, None, title))
    _say(f"wrote {output}")


@app.command()
def serve(db: Path = DbOption,
          host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default: only this machine)."),
          port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
          max_upload: float = typer.Option(DEFAULT_MAX_BYTES / 1024 / 1024, "--max-upload", min=0.001,
                                           help="Largest upload (all files together) in MB."),
          title: str = typer.Option("Timeline", "--title", help="Title of the timeline page."),
          allow_host: List[str] = typer.Option([], "--allow-host", help="Another host name this server answers to "
                                               "(with --host other than loopback: the name others reach it by).")
          ) -> None:
    """Open the story in a browser: timeline, articles, search and uploads (and a JSON API)."""
    try:
        import uvicorn

        from .web.app import create_app, host_names, is_loopback
    except ImportError as exc:  # pragma: no cover - the web dependencies are part of the install
        _fail(f"the web app needs its dependencies ({exc.name}); reinstall storyline")
    existed = db.exists()
    try:
        loopback = is_loopback(host)
        web = create_app(db, max_upload_bytes=int(max_upload * 1024 * 1024), title=title,
                         allowed_hosts=host_names(host, allow_host))
        count = api.count_documents(db)
    except StoreError as exc:
        _fail(str(exc))
    if not existed:
        _say(f"no store at {db}: created an empty one; add documents from the Documents page")
    if not loopback:
        _say(f"listening on {host}, not on loopback: anyone who can reach this machine can read the store and "
             "add documents to it (there is no login)", "warning:", "yellow")
    shown = f"[{host}]" if ":" in host else host
    _say(f"serving {db} ({count} documents) at http://{shown}:{port}/ — Ctrl-C to stop")
    if not loopback:
        _say("answering to the host names " + ", ".join(host_names(host, allow_host)) + " (add others with --allow-host)")

    class Server(uvicorn.Server):
        def handle_exit(self, sig, frame) -> None:  # Ctrl-C or SIGTERM: running searches and timelines stop now
            web.state.stopping.set()
            super().handle_exit(sig, frame)

    Server(uvicorn.Config(web, host=host, port=port, log_level="warning", timeout_graceful_shutdown=5)).run()


def _output_stem(path: str, used: set[str]) -> str:
    file, _, record = path.partition("#")
    name = Path(file).name
    name = name[: len(name) - len(ingest.type_suffix(name))]
    stem = f"{name}-{record}" if record else name
    candidate, n = stem, 2
    while candidate in used:
        candidate, n = f"{stem}-{n}", n + 1
    used.add(candidate)
    return candidate


@app.command()
def clean(paths: List[Path] = typer.Argument(..., help="Files or folders (.txt as plain text; .html, .htm, .html.gz as HTML; .jsonl)."),
          format: CleanFormat = typer.Option(CleanFormat.text, "--format", "-f"),
          out_dir: Optional[Path] = typer.Option(None, "--out", help="Write DIR/<stem>.txt (clean body) and DIR/<stem>.json per input."),
          max_size: float = typer.Option(DEFAULT_MAX_BYTES / 1024 / 1024, "--max-size", help="Largest document in MB.")) -> None:
    """Clean documents without storing them: the body, its metadata and what was removed and why."""
    failed = succeeded = 0
    results = []
    used: set[str] = set()
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    for path, result in api.clean_files(paths, max_bytes=int(max_size * 1024 * 1024)):
        if isinstance(result, api.ingest.IngestError):
            failed += 1
            _say(f"{result.path}: {result.reason}", "skipped", "yellow")
            continue
        succeeded += 1
        data = clean_result_to_dict(path, result)
        if out_dir:
            stem = _output_stem(path, used)
            (out_dir / f"{stem}.txt").write_text(result.text + "\n", encoding="utf-8")
            (out_dir / f"{stem}.json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        elif format == CleanFormat.json:
            results.append(data)
        else:
            meta = [f"{k}: {data[k]}" for k in ("title", "published", "published_time", "byline", "dateline", "source")
                    if data[k]]
            lines = [f"==> {_UNSHOWN.sub('', path)}", *meta, "", result.text, ""]
            lines += [f"  removed ({r.reason}): {r.text if len(r.text) <= 100 else r.text[:97] + '...'}"
                      for r in result.removed]
            sys.stdout.write("\n".join(lines) + "\n\n")
    if format == CleanFormat.json and not out_dir:
        sys.stdout.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    if out_dir:
        _say(f"cleaned {succeeded} documents into {out_dir}, {failed} skipped")
    if failed:
        raise typer.Exit(3 if succeeded else 1)


@app.command()
def timex(file: Optional[str] = typer.Argument(None, help="A text file, or - for stdin."),
          text: Optional[str] = typer.Option(None, "--text", "-t", help="The text to read (instead of a file)."),
          anchor: Optional[str] = typer.Option(None, "--anchor", "-a", help="Publication date YYYY-MM-DD that relative dates resolve against."),
          format: DocFormat = typer.Option(DocFormat.table, "--format", "-f")) -> None:
    """Find and resolve the date expressions in a text."""
    import datetime as dt
    if text is None:
        if file is None:
            _fail("give a FILE, - for stdin, or --text")
        if file == "-":
            text = sys.stdin.read()
        else:
            try:
                text = Path(file).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                _fail(f"{file}: cannot read ({exc})")
    anchor_date = None
    if anchor:
        try:
            anchor_date = dt.date.fromisoformat(anchor)
        except ValueError:
            _fail(f"--anchor {anchor!r} is not a date (YYYY-MM-DD)")
    mentions = api.find_dates(text, anchor=anchor_date)
    if format == DocFormat.json:
        sys.stdout.write(json.dumps(timex_to_dict(mentions), ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=f"{len(mentions)} date expressions" + (f" (anchor {anchor_date})" if anchor_date else " (no anchor)"))
    for col in ("start", "end", "text", "type", "value", "granularity", "mod"):
        table.add_column(col, overflow="fold")
    for m in mentions:
        _row(table, str(m.start), str(m.end), m.text, m.type, m.value or "—", m.granularity or "", m.mod or "")
    out.print(table)


eval_app = typer.Typer(no_args_is_help=True, help="Score storyline on the field's benchmarks.")
app.add_typer(eval_app, name="eval")


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


@eval_app.command("tls")
def eval_tls(dataset: Path = typer.Argument(..., help="A TLS data set folder (T17 or Crisis layout) or one topic folder."),
             method: List[Method] = typer.Option(["default"], "--method", "-m", help="Method(s) to score; repeat for several."),
             topics: Optional[str] = typer.Option(None, "--topics", help="Comma-separated topic names (default: all)."),
             format: EvalFormat = typer.Option(EvalFormat.table, "--format", "-f"),
             save_dir: Optional[Path] = typer.Option(None, "--save-dir", help="Write every system timeline as DIR/<topic>/<reference>.json."),
             workers: int = typer.Option(2, "--workers", min=1, help="Processes for the pipeline.")) -> None:
    """Timeline ROUGE (align+ m:1, concat, agreement) and date F1 under the field's protocol."""
    from .evaluate.tls import average_scores
    from .evaluate.tls_run import evaluate_dataset, summary_row

    if not dataset.is_dir():
        _fail(f"{dataset}: not a folder")
    try:
        results = evaluate_dataset(dataset, [m.value for m in method], topics.split(",") if topics else None,
                                   save_dir, workers, progress=lambda msg: _say(msg))
    except ValueError as exc:
        _fail(str(exc))
    rows = []
    for m in [x.value for x in method]:
        mine = [r for r in results if r.method == m]
        for r in mine:
            rows.append({"method": m, "topic": r.topic, "references": len(r.scores), "seconds": round(r.seconds, 2),
                         **{k: round(v, 4) for k, v in summary_row(r.mean).items()}, "scores": r.mean})
        mean = average_scores([s for r in mine for s in r.scores])
        rows.append({"method": m, "topic": "mean", "references": sum(len(r.scores) for r in mine),
                     "seconds": round(sum(r.seconds for r in mine) / max(1, len(mine)), 2),
                     **{k: round(v, 4) for k, v in summary_row(mean).items()}, "scores": mean})
    if format == EvalFormat.json:
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return
    table = Table("method", "topic", "refs", "AR1-F", "AR2-F", "Date-F1", "R1-F", "R2-F", "s/topic")
    for r in rows:
        _row(table, r["method"], r["topic"], str(r["references"]), *(f"{r[k]:.3f}" for k in ("AR1-F", "AR2-F", "Date-F1", "R1-F", "R2-F")),
                      f"{r['seconds']:.1f}")
    out.print(table)


@eval_app.command("timex")
def eval_timex(folder: Path = typer.Argument(..., help="A folder of TimeML (.tml) files with document creation times."),
               format: EvalFormat = typer.Option(EvalFormat.table, "--format", "-f")) -> None:
    """TempEval-3 scores of storyline's date resolver on TimeML files."""
    import time

    from .evaluate.timex import load_timeml_dir, score_timexes

    docs = load_timeml_dir(folder)
    if not docs:
        _fail(f"{folder}: no .tml files found")
    start = time.perf_counter()
    predicted = [api.find_dates(d.text, d.dct) for d in docs]
    seconds = time.perf_counter() - start
    scores = score_timexes([(d.timexes, p) for d, p in zip(docs, predicted)])
    scores.update(documents=len(docs), characters=sum(len(d.text) for d in docs), seconds=round(seconds, 3))
    if format == EvalFormat.json:
        sys.stdout.write(json.dumps(scores, indent=2) + "\n")
        return
    table = Table("measure", "value")
    for key in ("strict_p", "strict_r", "strict_f1", "relaxed_p", "relaxed_r", "relaxed_f1", "type_accuracy",
                "value_accuracy", "value_f1"):
        table.add_row(key, f"{scores[key]:.3f}")
    table.add_row("expressions (gold / found)", f"{scores['gold']} / {scores['predicted']}")
    table.add_row("documents", str(len(docs)))
    out.print(table)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
