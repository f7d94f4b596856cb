"""``storyline clean``: documents cleaned without storing them, to see what cleaning keeps.

Each document's clean body and metadata, and every block removed with the reason: as text,
as :mod:`storyline.contract`'s JSON, or written per input into a folder.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from .. import api, contract
from .common import UNSHOWN, MaxSizeOption, megabytes, say


class CleanFormat(str, Enum):
    text = "text"
    json = "json"


def _as_text(path: str, data: dict, result) -> str:
    """One cleaned document for reading: its metadata, the body, and what was removed and why."""
    meta = [f"{k}: {data[k]}" for k in ("title", "published", "published_time", "byline", "dateline", "source")
            if data[k]]
    lines = [f"==> {UNSHOWN.sub('', path)}", *meta, "", result.text, ""]
    lines += [f"  removed ({r.reason}): {r.text if len(r.text) <= 100 else r.text[:97] + '...'}"
              for r in result.removed]
    return "\n".join(lines) + "\n\n"


def clean(paths: List[Path] = typer.Argument(..., help=f"Files or folders ({api.CLEAN_TYPES_TEXT})."),
          format: CleanFormat = typer.Option(CleanFormat.text, "--format", "-f"),
          out_dir: Optional[Path] = typer.Option(None, "--out", help="Write DIR/<stem>.txt (clean body) and DIR/<stem>.json per input."),
          max_size: float = MaxSizeOption) -> None:
    """Clean documents without storing them: the body, its metadata and what was removed and why."""
    failed = succeeded = 0
    results = []
    used: set[str] = set()
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    options = api.DEFAULT_BUILD.with_given(max_bytes=megabytes(max_size))
    for path, result in api.clean_files(paths, options=options):
        if isinstance(result, api.IngestError):
            failed += 1
            say(f"{result.path}: {result.reason}", "skipped", "yellow")
            continue
        succeeded += 1
        data = contract.clean_result_to_dict(path, result)
        if out_dir:
            stem = api.clean_output_stem(path, used)
            (out_dir / f"{stem}.txt").write_text(result.text + "\n", encoding="utf-8")
            (out_dir / f"{stem}.json").write_text(contract.to_json(data), encoding="utf-8")
        elif format == CleanFormat.json:
            results.append(data)
        else:
            sys.stdout.write(_as_text(path, data, result))
    if format == CleanFormat.json and not out_dir:
        sys.stdout.write(contract.to_json(results))
    if out_dir:
        say(f"cleaned {succeeded} documents into {out_dir}, {failed} skipped")
    if failed:
        raise typer.Exit(3 if succeeded else 1)
