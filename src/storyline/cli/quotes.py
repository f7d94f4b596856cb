"""``storyline quotes``: who said what in plain-text files, direct quotes and reported speech.

Each file is read as it is (no cleaning), so the offsets index the file's own characters. The
finding is :func:`storyline.api.quotes_of_files`; this module shows it as a table or the JSON of
:func:`storyline.contract.quotes_to_dict` (one object per file, or ``DIR/<stem>.json`` with ``--out``).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.table import Table

from .. import api, contract
from .common import DocFormat, fail, out, row, say


def quotes(files: List[Path] = typer.Argument(..., help="Plain-text files (read as they are, not cleaned)."),
           published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD of the texts."),
           format: DocFormat = typer.Option(DocFormat.table, "--format", "-f"),
           out_dir: Optional[Path] = typer.Option(None, "--out", help="Write DIR/<stem>.json per file instead of printing.")) -> None:
    """Find the quotes of texts: the content, its cue and its speaker, with offsets into each file."""
    if published is not None:
        try:
            dt.date.fromisoformat(published)
        except ValueError:
            fail(f"--published {published!r} is not a date (YYYY-MM-DD)")
    reason = api.quotes_unavailable()
    if reason is not None:
        fail(f"quotes need the English pipeline: {reason}")
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    for path, found in api.quotes_of_files(files):
        if isinstance(found, str):
            say(f"skipped {path}: {found}")
            continue
        if out_dir is not None:
            target = out_dir / f"{api.clean_output_stem(str(path), used)}.json"
            target.write_text(contract.to_json(contract.quotes_to_dict(found)), encoding="utf-8")
        elif format == DocFormat.json:
            sys.stdout.write(contract.to_json(contract.quotes_to_dict(found)))
        else:
            table = Table(title=f"{path}: {len(found)} quotes")
            for col in ("start", "end", "direct", "speaker", "entity", "cue", "text"):
                table.add_column(col, overflow="fold")
            for q in found:
                who = q.speaker
                row(table, str(q.start), str(q.end), "yes" if q.direct else "no", who.text if who else "—",
                    (who.entity or "") if who else "", q.cue.text if q.cue else "", q.text)
            out.print(table)
