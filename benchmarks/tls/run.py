"""Run every timeline method on every TLS topic and record the table.

    python benchmarks/tls/run.py [--data DIR] [--methods default,datewise,clust,pubcount]
                                 [--sets t17,crisis] [--save-dir DIR] [--no-write]

For each data set under ``--data`` (default: ``shared/data/tls`` beside the repository) the
protocol of the field is applied (see ``storyline.evaluate.tls_run``); the per-topic and mean
AR1-F, AR2-F, Date-F1, concat R1-F/R2-F and seconds per topic are printed and written to
``docs/benchmarks.md`` between the ``tls`` markers (``--no-write`` only prints).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from storyline.evaluate.report import write_block
from storyline.evaluate.tls import average_scores
from storyline.evaluate.tls_run import evaluate_dataset, summary_row

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "tls"
DOCS = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- tls:start -->", "<!-- tls:end -->"
FIGURES = ("AR1-F", "AR2-F", "Date-F1", "R1-F", "R2-F")


def table(results, methods) -> list[str]:
    lines = ["| method | topic | refs | AR1-F | AR2-F | Date-F1 | R1-F | R2-F | s/topic |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for method in methods:
        mine = [r for r in results if r.method == method]
        for r in mine:
            row = summary_row(r.mean)
            lines.append(f"| {method} | {r.topic} | {len(r.scores)} | " + " | ".join(f"{row[k]:.3f}" for k in FIGURES)
                         + f" | {r.seconds:.1f} |")
        mean = summary_row(average_scores([s for r in mine for s in r.scores]))
        seconds = sum(r.seconds for r in mine) / max(1, len(mine))
        lines.append(f"| **{method}** | **mean** | {sum(len(r.scores) for r in mine)} | "
                     + " | ".join(f"**{mean[k]:.3f}**" for k in FIGURES) + f" | {seconds:.1f} |")
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--methods", default="default,datewise,clust,pubcount")
    parser.add_argument("--sets", default="t17,crisis")
    parser.add_argument("--save-dir", type=Path, default=None)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    methods = args.methods.split(",")
    if not args.data.is_dir():
        sys.exit(f"TLS data not found at {args.data} (pass --data)")
    sections = []
    for name in args.sets.split(","):
        folder = args.data / name
        if not folder.is_dir():
            print(f"skipping {name}: {folder} not found", file=sys.stderr)
            continue
        start = time.perf_counter()
        results = evaluate_dataset(folder, methods, save_dir=args.save_dir / name if args.save_dir else None,
                                   workers=args.workers, progress=lambda m: print(m, file=sys.stderr))
        print(f"{name}: {time.perf_counter() - start:.0f}s", file=sys.stderr)
        lines = table(results, methods)
        print("\n".join([f"### {name}", ""] + lines), flush=True)
        sections += [f"#### {name}", ""] + lines + [""]
    if args.no_write or not sections:
        return 0
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    header = [START, "", f"- Date: {dt.date.today().isoformat()}, code at commit `{commit}`.",
              f"- Machine: {os.cpu_count()} CPUs, Python {platform.python_version()}; pipeline on {args.workers} processes.",
              f"- Command: `python benchmarks/tls/run.py --methods {args.methods} --sets {args.sets}`", ""]
    write_block(DOCS, START, END, "\n".join(header + sections + [END]), "## Timeline summarization")
    print(f"wrote {DOCS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
