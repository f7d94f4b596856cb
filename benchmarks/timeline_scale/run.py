"""Timeline at scale: how long a timeline and the web page take on a store of N documents.

    python benchmarks/timeline_scale/run.py [--sizes 10000,20000,50000] [--work DIR] [--keep]
                                            [--repeat 3] [--timeout 600] [--no-write]

For each size N: a corpus of N documents (``../shared/tools/scale_corpus.py``, T17 articles and
perturbed variants), a store built from it with ``storyline build`` (timed once, not the measured
quantity), then ``--repeat`` rounds of:

- **naive build**: ``../shared/tools/naive_build.py`` on the same corpus into a fresh database (JSON
  parse, regex sentence split, SQLite + FTS insert). The machine is shared and its speed varies, so
  times are reported as a ratio to this yardstick, run in the same rounds.
- **timeline**: ``storyline timeline --format json`` with default settings, then with ``--query``
  of a common word and with ``--from/--to`` bounds.
- **web**: the app of ``storyline.web.app.create_app`` under ``fastapi.testclient.TestClient``:
  ``GET /`` (first view), then ``GET /?dates=...`` (a second view not served from its cache).

Only the public command line and API are used, so the same script measures whatever the current
code does. Each measured step runs in a fresh process whose own peak resident memory is reported
(CLI steps under a small wrapper whose only child is the step; the web step reads its own).
Times are medians over the rounds, memory the largest peak. A step that fails or runs past
``--timeout`` is reported as such and is not retried in later rounds; the run goes on. Results go
to ``docs/benchmarks.md`` between the ``timeline-scale`` markers (``--no-write`` only prints) and,
as JSON, to the work folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import shlex
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SCALE_CORPUS = SHARED / "tools" / "scale_corpus.py"
NAIVE_BUILD = SHARED / "tools" / "naive_build.py"
T17 = SHARED / "data" / "tls" / "t17"
DOCS = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- timeline-scale:start -->", "<!-- timeline-scale:end -->"
SECTION = "## Timeline at scale"
AFTER_SECTION = "## Timeline summarization"      # the new section goes after this one
INTRO = ("How long the default timeline and the web page take on a store of many documents, and their peak "
         "memory, measured with `benchmarks/timeline_scale/run.py` (see its README) through the command line "
         "and the web app. The machine is shared and its speed varies, so times are also given as a ratio to "
         "a naive build of the same corpus (JSON parse, regex sentence split, SQLite + FTS insert) run in the "
         "same rounds. Goals: at 10k documents the default timeline in at most 0.25× the naive build and "
         "1 GB; at 50k in at most 5 s, and the web page in a second or two.")
DEFAULT_WORK = Path(tempfile.gettempdir()) / "storyline-timeline-scale"
STORYLINE = Path(sys.executable).parent / "storyline"   # the command line of this environment

QUERY = "protest"                                # a common word in the T17 topics (egypt, iraq, finan)
SPAN = ("2009-01-01", "2009-12-31")              # one year: the finan and h1n1 topics
SECOND_DATES = 10                                # dates= of the second web view
BUSY = 1.25                                      # load average per CPU above which figures are marked not final
RSS_UNIT = 1024 * 1024 if sys.platform == "darwin" else 1024   # ru_maxrss per MB

# Runs a command as its only child and writes the child's wall time and peak RSS (ru_maxrss of
# RUSAGE_CHILDREN is that child's own, since there is no other) to the report file argv[1].
MEASURE = f"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
rc = subprocess.call(sys.argv[2:])
seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / {RSS_UNIT}
json.dump({{"rc": rc, "seconds": seconds, "rss_mb": rss}}, open(sys.argv[1], "w"))
"""

# The web page in a fresh process: first view, then a view with another dates= value; its own peak
# RSS after each. argv: report, db, second dates.
WEB = f"""
import json, resource, sys, time
rss = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / {RSS_UNIT}
t0 = time.perf_counter()
from fastapi.testclient import TestClient
from storyline.web.app import create_app
with TestClient(create_app(sys.argv[2])) as client:
    t1 = time.perf_counter()
    first = client.get("/")
    t2 = time.perf_counter()
    first_rss = rss()
    second = client.get("/", params={{"dates": int(sys.argv[3])}})
    t3 = time.perf_counter()
json.dump({{"rc": 0 if first.status_code == second.status_code == 200 else 1,
           "status": [first.status_code, second.status_code], "start_s": t1 - t0,
           "seconds": t2 - t1, "rss_mb": first_rss, "second_s": t3 - t2, "second_rss_mb": rss()}},
          open(sys.argv[1], "w"))
"""


# --- running one step ------------------------------------------------------------------------

def run_child(cmd: list, report: Path, log: Path, timeout: float, shown: str, stdout: Optional[Path] = None,
              ok: tuple = (0,)) -> dict:
    """Run ``cmd`` (which writes ``report``) in its own process group; its report, or why there is none.
    ``ok``: exit codes that count as success."""
    report.unlink(missing_ok=True)
    with open(log, "a") as err, open(stdout or os.devnull, "w") as out:
        err.write(f"$ {shown}\n")
        err.flush()
        offset = err.tell()
        proc = subprocess.Popen([str(c) for c in cmd], stdout=out, stderr=err, start_new_session=True)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            return {"error": f"timeout ({timeout:.0f} s)"}
    result = json.loads(report.read_text()) if report.exists() else {"rc": proc.returncode or 1}
    if result.get("rc") not in ok:
        with open(log, errors="replace") as f:
            f.seek(offset)
            last = [line for line in f.read().splitlines() if line.strip()][-1:]
        result["error"] = f"failed (exit {result['rc']})" + (f": {last[0].strip()[:120]}" if last else "")
    return result


def measured(args: list, report: Path, log: Path, timeout: float, stdout: Optional[Path] = None,
             ok: tuple = (0,)) -> dict:
    """A command run under the MEASURE wrapper: wall time and its own peak RSS."""
    return run_child([sys.executable, "-c", MEASURE, report, *args], report, log, timeout,
                     shlex.join(map(str, args)), stdout, ok)


# --- corpus and store ------------------------------------------------------------------------

def count_lines(path: Path) -> int:
    with open(path, "rb") as f:
        return sum(1 for _ in f)


def make_corpus(n: int, work: Path, keep: bool, log: Path, timeout: float) -> tuple[Path, Optional[str]]:
    """The JSONL corpus of ``n`` documents (reused with --keep when complete); path and error, if any."""
    corpus = work / f"corpus-{n}.jsonl"
    if keep and corpus.exists() and count_lines(corpus) == n:
        return corpus, None
    partial = corpus.with_suffix(".partial")
    result = measured([sys.executable, SCALE_CORPUS, T17, partial, n], work / "report.json", log, timeout)
    if "error" in result:
        return corpus, result["error"]
    partial.replace(corpus)
    return corpus, None


def remove_db(db: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(db) + suffix).unlink(missing_ok=True)


def build_store(n: int, corpus: Path, work: Path, keep: bool, log: Path, timeout: Optional[float],
                entities: bool = False) -> tuple[Path, dict, Optional[dict]]:
    """The storyline store of the corpus, built once and timed: path, the build, the update.

    With --keep a finished store is reused (its earlier build time reported) after running the
    same build again, timed apart as the update: stored documents are skipped, and those derived
    by an older version of the pipeline are re-derived, so the store is the current code's. An
    unfinished store is resumed."""
    db, done = work / f"store-{n}.db", work / f"store-{n}.build.json"
    if not keep:
        remove_db(db)
        done.unlink(missing_ok=True)
    finished = done.exists() and db.exists()
    resumed = db.exists() and not finished
    # exit 3: built, with some documents skipped (no article text); the store's count shows how many
    # names and quotes are left out unless asked for: they are timed in benchmarks/entities, and the
    # figures here are the timeline's
    result = measured([STORYLINE, "build", corpus, "--db", db, "--quiet", "--entities" if entities else "--no-entities"],
                      work / "report.json", log, timeout, ok=(0, 3))
    if finished:
        earlier = json.loads(done.read_text())
        note = "built earlier" + (", resumed: the last part only" if earlier.get("resumed") else "")
        return db, {**earlier, "note": note}, result
    if "error" not in result:
        done.write_text(json.dumps({**result, "date": dt.date.today().isoformat(), "resumed": resumed}))
    if resumed:
        result["note"] = "resumed: the last part only"
    return db, result, None


def store_counts(db: Path) -> tuple[Optional[int], Optional[int]]:
    """Documents and sentences in the store, read-only."""
    try:
        con = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "sentences"))
        finally:
            con.close()
    except sqlite3.Error:
        return None, None


# --- the measured steps ----------------------------------------------------------------------

def steps(corpus: Path, db: Path, naive_db: Path) -> dict:
    """Name -> (how to run it, label). Each runs in a fresh process."""
    timeline = [STORYLINE, "timeline", "--db", db, "--format", "json"]
    return {
        "naive": ("cli", [sys.executable, NAIVE_BUILD, corpus, naive_db], "naive build"),
        "timeline": ("cli", timeline, "timeline (default)"),
        "query": ("cli", timeline + ["--query", QUERY], f"timeline --query {QUERY}"),
        "span": ("cli", timeline + ["--from", SPAN[0], "--to", SPAN[1]], f"timeline --from {SPAN[0]} --to {SPAN[1]}"),
        "web": ("web", [db, SECOND_DATES], "web GET / (first view)"),
        "kept": ("web", [db, SECOND_DATES], "web GET / (first view, default timeline kept since the build)"),
    }


def forget_kept(db: Path) -> None:
    """Drop what the store keeps between changes (the default timeline a build makes ahead), so
    that a step measures making it."""
    with sqlite3.connect(db) as con:
        con.execute("DELETE FROM meta WHERE key LIKE 'cache:%'")


def make_kept(db: Path, timeout: float) -> None:
    """Have the store keep its default timeline, as it does after a build (not measured)."""
    subprocess.run([str(STORYLINE), "timeline", "--db", str(db), "--format", "json"], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=timeout, check=False)


def dates_in(output: Path) -> Optional[int]:
    """Dates in a timeline's JSON output (a check that it produced something)."""
    try:
        return len({e.get("date") for e in json.loads(output.read_text())["entries"]})
    except (OSError, ValueError, KeyError, TypeError):
        return None


def measure_size(n: int, args, log: Path) -> dict:
    """Everything for one size: corpus, store, then the measured steps in rounds."""
    work = args.work
    res = {"size": n, "load_before": os.getloadavg()[0]}
    print(f"[{n}] corpus", flush=True)
    corpus, error = make_corpus(n, work, args.keep, log, args.timeout)
    if error:
        res["error"] = f"corpus: {error}"
        return res
    print(f"[{n}] storyline build", flush=True)
    db, res["build"], res["update"] = build_store(n, corpus, work, args.keep, log, args.build_timeout, args.entities)
    store_error = res["build"].get("error") or (res["update"] or {}).get("error")
    res["documents"], res["sentences"] = store_counts(db)
    naive_db = work / f"naive-{n}.db"
    plan = steps(corpus, db, naive_db)
    runs = {name: [] for name in plan}
    failed = {}
    report = work / "report.json"
    for round_ in range(args.repeat):
        for name, (kind, cmd, _) in plan.items():
            if name in failed or (store_error and name != "naive"):
                continue
            print(f"[{n}] round {round_ + 1}/{args.repeat}: {name}", flush=True)
            if name == "kept":
                make_kept(db, args.timeout)
            elif name != "naive":
                forget_kept(db)
            if kind == "web":
                result = run_child([sys.executable, "-c", WEB, report, *cmd], report, log, args.timeout, f"web views of {db}")
            else:
                if name == "naive":
                    remove_db(naive_db)
                out = work / f"out-{n}-{name}.json"
                result = measured(cmd, report, log, args.timeout, stdout=out)
                if name != "naive" and "error" not in result:
                    result["dates"] = dates_in(out)
            res["load_max"] = max(res.get("load_max", 0), os.getloadavg()[0])
            if "error" in result:
                failed[name] = result["error"]
            else:
                runs[name].append(result)
            print(f"    {format_result(result)}", flush=True)
    remove_db(naive_db)
    res["steps"] = {}
    for name, (_, _, label) in plan.items():
        rs = runs[name]
        step = {"label": label, "runs": rs}
        if rs:
            step["seconds"] = statistics.median(r["seconds"] for r in rs)
            step["rss_mb"] = max(r["rss_mb"] for r in rs)
            if "dates" in rs[0]:
                step["dates"] = rs[0]["dates"]
            if name == "web":
                step["second_s"] = statistics.median(r["second_s"] for r in rs)
                step["second_rss_mb"] = max(r["second_rss_mb"] for r in rs)
                step["start_s"] = statistics.median(r["start_s"] for r in rs)
        if name in failed:
            step["error"] = failed[name]
        res["steps"][name] = step
    if store_error:
        res["error"] = f"storyline build: {store_error}"
    res["load_after"] = os.getloadavg()[0]
    return res


def format_result(r: dict) -> str:
    if "error" in r:
        return r["error"]
    return f"{r['seconds']:.2f} s, {r['rss_mb']:.0f} MB" + (f", {r['dates']} dates" if r.get("dates") is not None else "")


# --- report ----------------------------------------------------------------------------------

def table(res: dict, repeat: int) -> list[str]:
    """The table of one size: seconds, ratio to the naive build, peak RSS."""
    def fmt(v, spec):
        return "–" if v is None else format(v, spec)
    head = [f"#### {res['size']:,} documents", ""]
    if "documents" in res:
        busiest = max(res["load_before"], res.get("load_after", 0), res.get("load_max", 0))
        head += [f"Store: {fmt(res.get('documents'), ',')} documents, {fmt(res.get('sentences'), ',')} sentences. "
                 f"Load average (1 min) {res['load_before']:.1f} before, up to {busiest:.1f} during the steps, "
                 f"{res.get('load_after', 0):.1f} after."]
        if busiest > BUSY * (os.cpu_count() or 1):
            head += ["", f"**Not final: the machine was busy (load average {busiest:.1f} on {os.cpu_count()} CPUs); "
                         f"re-run when it is quiet.**"]
        head += [""]
    if "steps" not in res:
        return head + [f"Not measured: {res.get('error', 'unknown error')}."]
    lines = head + [f"| step | s (median of {repeat}) | × naive build | peak RSS MB | dates |",
                    "|---|---:|---:|---:|---:|"]
    naive = res["steps"]["naive"].get("seconds")

    def row(label, seconds, rss, dates=None, error=None, ratio=True):
        if error and seconds is None:
            return f"| {label} | {error} | | | |"
        if error:
            label += f" (a later round: {error})"
        r = fmt(seconds / naive, ".3f") if ratio and naive and seconds is not None else ""
        return f"| {label} | {fmt(seconds, '.2f')} | {r} | {fmt(rss, '.0f')} | {fmt(dates, 'd')} |"

    b = res["build"]
    build_label = "storyline build (once" + (f", {b['note']}" if b.get("note") else "") + ")"
    lines.append(row(build_label, b.get("seconds"), b.get("rss_mb"), error=b.get("error")))
    if res.get("update"):
        u = res["update"]
        lines.append(row("storyline build again (update: skips stored, re-derives older)", u.get("seconds"),
                         u.get("rss_mb"), error=u.get("error")))
    for name, step in res["steps"].items():
        lines.append(row(step["label"], step.get("seconds"), step.get("rss_mb"), step.get("dates"),
                         step.get("error"), ratio=name != "naive"))
        if name == "web" and "second_s" in step:
            lines.append(row(f"web GET /?dates={SECOND_DATES} (second view)", step["second_s"], step["second_rss_mb"]))
    web = res["steps"].get("web", {})
    if "start_s" in web:
        lines += ["", f"Web app start (imports, `create_app`, client) before the first view: {web['start_s']:.2f} s."]
    return lines


def machine() -> str:
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024 ** 3
    return f"{os.cpu_count()} CPUs, {mem:.0f} GB memory, Python {platform.python_version()}"


def command(argv: list[str]) -> str:
    """The command as run, with the work folder (not part of the result) left out."""
    shown, skip = [], False
    for a in argv:
        if skip:
            skip = False
        elif a == "--work":
            skip = True
        elif not a.startswith("--work="):
            shown.append(a)
    return shlex.join(["python", "benchmarks/timeline_scale/run.py", *shown])


def write_docs(block: str) -> None:
    """Replace the marked block, or add the section after the timeline summarization section."""
    from storyline.evaluate.report import write_block

    write_block(DOCS, START, END, block, SECTION, textwrap.fill(INTRO, width=100), AFTER_SECTION)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000", help="comma-separated numbers of documents")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK, help="corpora, stores, logs (not in the repository)")
    parser.add_argument("--keep", action="store_true", help="reuse corpora and stores already built in --work")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of the measured steps (median reported)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before a step is given up")
    parser.add_argument("--build-timeout", type=float, default=None,
                        help="seconds before the storyline build is given up (default: none)")
    parser.add_argument("--entities", action="store_true",
                        help="build with names and quotes (default: --no-entities; the timeline is what is timed)")
    parser.add_argument("--no-write", action="store_true", help="print only; do not touch docs/benchmarks.md")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    args.work = args.work.resolve()
    if args.work == ROOT or ROOT in args.work.parents:
        sys.exit("--work must be outside the repository")
    for needed in (SCALE_CORPUS, NAIVE_BUILD, T17):
        if not needed.exists():
            sys.exit(f"missing {needed.relative_to(ROOT.parent)} beside the repository")
    if not shutil.which(str(STORYLINE)):
        sys.exit(f"no storyline command next to {sys.executable}")
    args.work.mkdir(parents=True, exist_ok=True)
    log = args.work / "run.log"
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "src"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    code = f"code at commit `{commit}`" + (" with uncommitted changes to `src`" if dirty else "")
    package = Path(importlib.util.find_spec("storyline").origin).parents[1]   # what the children import
    if package != ROOT / "src":
        code = f"code: the storyline package in `{package.parent.name}/{package.name}` (on PYTHONPATH), not this repository's `src`"
    started = dt.datetime.now()
    results = [measure_size(n, args, log) for n in sizes]
    (args.work / f"results-{started:%Y%m%d-%H%M%S}.json").write_text(json.dumps(
        {"date": started.isoformat(timespec="seconds"), "commit": commit, "dirty": bool(dirty), "machine": machine(),
         "command": command(argv), "results": results}, indent=1))
    lines = [START, "", f"- Date: {started.date().isoformat()}, {code}.",
             f"- Machine: {machine()}.", f"- Command: `{command(argv)}`", ""]
    for res in results:
        lines += table(res, args.repeat) + [""]
    block = "\n".join(lines + [END])
    print(block)
    print(f"\nwork folder: {args.work} (log: {log.name})")
    if not args.no_write:
        write_docs(block)
        print(f"written to {DOCS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
