"""``storyline demo``: the bundled sample corpus built into a temporary store, and its timeline.

The quickest way to see what storyline does: nothing to prepare and nothing left behind but
the HTML page it writes.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import typer

from .. import api
from .build import run_build
from .common import counted, say
from .timeline import TimelineFormat, render


def demo(output: Path = typer.Option(Path("timeline.html"), "-o", "--output", help="Where to write the HTML timeline.")) -> None:
    """Build the bundled sample corpus into a temporary store and show its timeline."""
    with tempfile.TemporaryDirectory() as tmp:
        with api.sample_corpus() as corpus_dir:
            db = Path(tmp) / "demo.db"
            say(f"building the sample corpus ({sum(1 for p in corpus_dir.rglob('*') if p.is_file())} files) into a temporary store")
            report = run_build([corpus_dir], db, api.DEFAULT_MAX_BYTES / 1024 / 1024)
            say(f"{report.added} documents stored, {len(report.errors)} skipped (the corpus holds some bad input "
                f"on purpose), {counted(report.groups, 'duplicate/version group')}")
        title = "Sample corpus timeline"
        output.write_text(render(TimelineFormat.html, db, None, None, None, title), encoding="utf-8")
        sys.stdout.write(render(TimelineFormat.md, db, None, None, None, title))
    say(f"wrote {output}")
