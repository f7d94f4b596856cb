"""The date resolver's speed at two commits, measured in one process.

On a shared machine the load changes from one run to the next, so two runs of ``run.py``
(one per version) compare badly. This script loads the resolver of both commits side by side
(each commit's ``src/storyline`` extracted with ``git archive`` into a temporary folder and
imported under a package name of its own, without the package's ``__init__`` and what it
imports, so that both are loaded the same way) and times both on the same
documents, one after the other in alternating order, several rounds, in CPU time of the
process; the ratio of the two totals is the change in speed under the same load.

    python benchmarks/timex/speed.py BEFORE [AFTER] [--sets gold,heldout,tbaq] [--rounds 5] [--data DIR]
"""

from __future__ import annotations

import argparse
import importlib
import io
import subprocess
import sys
import tarfile
import tempfile
import time
import types
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import DEFAULT_TBAQ, GOLD_DIR, load_set  # noqa: E402


def load_at(rev: str, folder: Path, name: str) -> Callable:
    """``find_mentions`` of commit ``rev``, extracted into ``folder`` and imported as ``name``."""
    root = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=HERE, capture_output=True, text=True,
                          check=True).stdout.strip()
    archive = subprocess.run(["git", "archive", rev, "src/storyline"], cwd=root, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    (folder / "src" / "storyline").rename(folder / name)
    package = types.ModuleType(name)  # the package without its __init__: only what timex imports
    package.__path__ = [str(folder / name)]
    sys.modules[name] = package
    return importlib.import_module(f"{name}.timex").find_mentions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", help="the earlier commit")
    parser.add_argument("after", nargs="?", default="HEAD", help="the later commit (default HEAD)")
    parser.add_argument("--sets", default="gold,heldout,tbaq")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--data", type=Path, default=DEFAULT_TBAQ)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        old = load_at(args.before, Path(tmp) / "before", "storyline_before")
        find_mentions = load_at(args.after, Path(tmp) / "after", "storyline_after")
        print(f"| set | characters | chars/s at {args.before} | chars/s at {args.after} | after / before |")
        print("|---|---:|---:|---:|---:|")
        for name in args.sets.split(","):
            docs = load_set(name, GOLD_DIR, args.data, None)
            chars = sum(len(d.text) for d in docs) * args.rounds
            spent = {"then": 0.0, "now": 0.0}
            for d in docs:  # warm-up: patterns compiled, caches filled
                old(d.text, d.dct), find_mentions(d.text, d.dct)
            for r in range(args.rounds):
                for i, d in enumerate(docs):
                    order = (("then", old), ("now", find_mentions)) if (i + r) % 2 else (("now", find_mentions), ("then", old))
                    for label, tag in order:
                        start = time.process_time()
                        tag(d.text, d.dct)
                        spent[label] += time.process_time() - start
            then, now = chars / spent["then"], chars / spent["now"]
            print(f"| {name} | {chars // args.rounds:,} | {then:,.0f} | {now:,.0f} | {now / then:.2f} |")


if __name__ == "__main__":
    main()
