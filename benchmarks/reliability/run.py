"""Reliability: hostile input, concurrent and killed builds, and a busy server, end to end.

    python benchmarks/reliability/run.py [--documents 1500] [--requests 300] [--concurrency 20]
                                         [--timeout 60] [--work DIR] [--keep] [--no-write]

Everything runs through the public command line (``storyline build``, ``clean``, ``serve``) in
child processes, on inputs made on the fly in a temporary folder:

1. **hostile input**: a folder of bad and awkward files (empty, binary, UTF-16 with and without a
   byte-order mark, a gzip bomb, a corrupt ``.html.gz``, 100,000-deep nesting, a million
   elements, broken JSONL, a symbolic-link loop, file names that are not UTF-8 or hold Rich
   markup or an escape character, dates at the calendar's ends, regular-expression traps)
   beside good files, built and cleaned: every bad file must be named with its reason, every
   good file stored, no traceback, exit code 3; then the same files uploaded to a server.
2. **a 20 MB page** built alone: time and peak memory of the build process.
3. **two concurrent builds** of two halves of a corpus into one new store.
4. **kill -9 mid-build**, three times, each followed by an integrity check; then the same build
   run to its end.
5. **a busy server**: ``storyline serve`` on loopback over the store of step 4 (``--documents``,
   made from the bundled sample corpus by ``corpus.py``), ``--requests`` requests
   ``--concurrency`` at a time over the timeline page and JSON (some with one of 20 ``dates=``
   values, some with a query), search (including a query at the word limit and malformed ones)
   and article pages; then 20 distinct ``dates=`` values at once; then SIGTERM. Reported:
   failures (a 5xx, a connection error or no answer within ``--timeout``), p50/p99 latency and the
   server's peak resident memory.

Results go to ``docs/benchmarks.md`` between the ``reliability`` markers (``--no-write`` only
prints them) and, as JSON, to the work folder.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime as dt
import gzip
import json
import os
import platform
import random
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import article_text, write_corpus  # noqa: E402

DOCS = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- reliability:start -->", "<!-- reliability:end -->"
SECTION = "## Reliability: hostile input and a busy server"
INTRO = ("What storyline does with hostile and unlucky input, concurrent and killed builds, and a busy web "
         "server, measured with `benchmarks/reliability/run.py` (see its README) through the command line. "
         "Goals: every bad file named with its reason while the good ones are stored; no traceback; a "
         "store that stays whole through `kill -9`; 300 requests 20 at a time over timeline, search and "
         "article pages on a 1.5k-document store all answered within 60 s with server peak memory under "
         "1.5 GB; a 20 MB page built in under 1 GB.")
STORYLINE = [sys.executable, "-m", "storyline"]


# -- helpers -------------------------------------------------------------------------------------------
def run_measured(args: list[str], timeout: float = 600, **kwargs) -> tuple[subprocess.CompletedProcess, float, int]:
    """Run a child to its end: (result, seconds, peak resident memory in MB)."""
    started = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)
    try:
        out, err = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        out, err = child.communicate()
    seconds = time.perf_counter() - started
    peak = _children_peak_mb()
    return subprocess.CompletedProcess(args, child.returncode, out.decode("utf-8", "replace"),
                                       err.decode("utf-8", "replace")), seconds, peak



def _children_peak_mb() -> int:
    """Peak RSS of the largest waited-for child so far (getrusage keeps the maximum)."""
    import resource

    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024


def peak_of(args: list[str], timeout: float = 600) -> tuple[subprocess.CompletedProcess, float, int]:
    """Like run_measured, with the peak of this child alone (a wrapper process whose only child it is)."""
    wrapper = ("import resource, subprocess, sys, json, time;"
               "t = time.perf_counter(); r = subprocess.run(sys.argv[1:], capture_output=True);"
               "sys.stdout.buffer.write(r.stdout); sys.stderr.buffer.write(r.stderr);"
               "sys.stderr.write('\\nPEAK ' + json.dumps([resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,"
               " time.perf_counter() - t]) + '\\n'); sys.exit(r.returncode)")
    result, _, _ = run_measured([sys.executable, "-c", wrapper, *args], timeout=timeout)
    peak_kb, seconds = json.loads(result.stderr.rsplit("PEAK ", 1)[1]) if "PEAK " in result.stderr else (0, 0.0)
    result.stderr = result.stderr.rsplit("\nPEAK ", 1)[0]
    return result, seconds, peak_kb // 1024


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as con:
        return con.execute("PRAGMA integrity_check").fetchone()[0]


def count(db: Path) -> int:
    with sqlite3.connect(db) as con:
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def peak_rss_mb(pid: int) -> int:
    """A live process's peak resident memory (Linux: VmHWM)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


# -- 1. hostile input ---------------------------------------------------------------------------------
def hostile_inputs(folder: Path) -> tuple[dict[str, str], list[str]]:
    """Write the hostile and the good files; returns {bad file name: what it is} and the good names."""
    folder.mkdir(parents=True, exist_ok=True)
    good = article_text()
    bad: dict[str, str] = {}
    good_names: list[str] = []

    def write(name, data: bytes, what: Optional[str] = None) -> None:
        path = os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else name.encode())
        with open(path, "wb") as handle:
            handle.write(data)
        shown = os.fsdecode(name) if isinstance(name, bytes) else name
        if what:
            bad[shown] = what
        else:
            good_names.append(shown)

    write("empty.txt", b"", "empty")
    write("blank.txt", b" \n\t\n  ", "only whitespace")
    write("binary.txt", random.Random(1).randbytes(50_000), "random bytes")
    write("gzip-bomb.html.gz", gzip.compress(b"<p>" + b"a" * (200 * 1024 * 1024)), "200 MB of HTML in a small gzip")
    write("corrupt.html.gz", gzip.compress(b"x")[:10] + b"\xff" * 200, "gzip header, garbage inside")
    write("deep.html", b"<html><body>" + b"<div>" * 100_000 + b"x" + b"</div>" * 100_000 + b"</body></html>",
          "100,000-deep nesting")
    write("million.html", b"<html><body>" + b"<p>x</p>" * 1_000_000 + b"</body></html>", "a million elements")
    write("not-json.jsonl", b'{"text": "unterminated\n[1, 2]\n' + b"[" * 100_000 + b"\n", "broken JSONL")
    write("traps.txt", ("Jan. " * 20_000 + "1 " * 50_000 + "(" * 20_000 + "a" * 100_000).encode(),
          "regular-expression traps, no article")
    # awkward but good: must be stored
    write("utf16-bom.txt", good.replace("Tuesday", "Monday").encode("utf-16"))
    write("utf16-no-bom.txt", good.replace("Tuesday", "Wednesday").encode("utf-16-le"))
    write("nul-byte.txt", good.replace("Tuesday", "Thursday").encode().replace(b"officials", b"offi\x00cials", 1))
    write("mixed-encoding.txt", good.replace("Tuesday", "Friday").encode() + " Señor Müller.".encode("cp1252"))
    write(b"caf\xe9-not-utf8.txt", good.replace("Tuesday", "Saturday").encode())
    write("[on]markup[bold].txt", good.replace("Tuesday", "Sunday").encode())
    write("esc\x1b[31m.txt", good.replace("Tuesday", "last Tuesday").encode())
    write("xss.html", (f"<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt;</title></head><body><article>"
                       f"<p>{good}</p><p><a href=\"javascript:alert(2)\">x</a></p></article></body></html>").encode())
    records = [{"text": good.replace("Tuesday", "on 3 May"), "published": "0001-01-01", "title": "[/bold] year 1"},
               {"text": good.replace("Tuesday", "on 4 May"), "published": "9999-12-31"},
               {"text": good.replace("Tuesday", "on 5 May"), "published": 20220505},
               {"text": good.replace("Tuesday", "on 6 May") + " \ud800", "url": "https://a@evil.example@good.example/"}]
    write("feed.jsonl", "\n".join(json.dumps(r) for r in records).encode("utf-8", "surrogatepass") + b"\n")
    loop = folder / "loop"
    if not loop.exists():
        os.symlink(".", loop)
    return bad, good_names


def hostile_build(work: Path) -> dict:
    folder = work / "hostile"
    bad, good = hostile_inputs(folder)
    db = work / "hostile.db"
    result, seconds, peak = peak_of([*STORYLINE, "build", str(folder), "--db", str(db), "-q"])
    flat = " ".join(result.stderr.split())
    named = {name: name.replace("\x1b", "") in flat or name in flat for name in bad}
    stored = count(db) if db.exists() else 0
    clean_run, _, _ = run_measured([*STORYLINE, "clean", str(folder), "--format", "json"])
    again, _, _ = run_measured([*STORYLINE, "build", str(folder), "--db", str(db), "-q"])
    return {"bad": len(bad), "bad_named": sum(named.values()), "unnamed": [n for n, ok in named.items() if not ok],
            "good": len(good) + 3, "stored": stored, "exit": result.returncode, "seconds": round(seconds, 1),
            "peak_mb": peak, "traceback": "Traceback" in result.stderr + clean_run.stderr + again.stderr,
            "clean_exit": clean_run.returncode, "rebuild_exit": again.returncode, "integrity": integrity(db)}


def hostile_upload(base: str, folder: Path) -> dict:
    """Upload the hostile folder's files (20 at a time) to a running server; statuses seen."""
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.is_symlink())
    statuses = []
    for i in range(0, len(files), 20):
        statuses.append(upload(base, files[i:i + 20]))
    return {"uploads": len(statuses), "statuses": statuses}


def upload(base: str, files: list[Path]) -> int:
    boundary = "storyline-reliability-boundary"
    body = b""
    for path in files:
        name = os.fsencode(path.name).decode("utf-8", "replace").replace('"', "")
        body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\n"
                 "Content-Type: application/octet-stream\r\n\r\n").encode() + path.read_bytes()[:30_000_000] + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    request = urllib.request.Request(f"{base}/api/documents", data=body, method="POST",
                                     headers={"content-type": f"multipart/form-data; boundary={boundary}"})
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return -1


# -- 2. a 20 MB page ------------------------------------------------------------------------------------
def big_page(work: Path) -> dict:
    rng = random.Random(3)
    words = article_text().split()
    paras, size = [], 0
    while size < 20 * 1024 * 1024 - 64 * 1024:  # just under the default limit of 20 MB per document
        p = " ".join(rng.choice(words) for _ in range(80)) + "."
        paras.append(f"<p>{p}</p>\n")
        size += len(paras[-1].encode("utf-8"))
    page = work / "big.html"
    page.write_text("<html><head><title>A 20 MB page</title></head><body><article><h1>A 20 MB page</h1>"
                    + "".join(paras) + "</article></body></html>", encoding="utf-8")
    db = work / "big.db"
    result, seconds, peak = peak_of([*STORYLINE, "build", str(page), "--db", str(db), "-q"])
    return {"size_mb": round(page.stat().st_size / 1024 / 1024, 1), "exit": result.returncode,
            "seconds": round(seconds, 1), "peak_mb": peak, "stored": count(db) if db.exists() else 0}


# -- 3. two concurrent builds ---------------------------------------------------------------------------
def concurrent_builds(work: Path, corpus: Path) -> dict:
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    halves = [work / "half-a.jsonl", work / "half-b.jsonl"]
    halves[0].write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    halves[1].write_text("".join(lines[len(lines) // 2:]), encoding="utf-8")
    db = work / "concurrent.db"
    started = time.perf_counter()
    children = [subprocess.Popen([*STORYLINE, "build", str(h), "--db", str(db), "-q"], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE) for h in halves]
    outs = [c.communicate() for c in children]
    return {"exits": [c.returncode for c in children], "seconds": round(time.perf_counter() - started, 1),
            "documents": count(db), "expected": len(lines), "integrity": integrity(db),
            "traceback": any(b"Traceback" in err for _, err in outs)}


# -- 4. kill -9 mid-build --------------------------------------------------------------------------------
def killed_builds(work: Path, corpus: Path, kills: int = 3) -> tuple[dict, Path]:
    db = work / "store.db"
    seen = []
    for n in range(kills):
        child = subprocess.Popen([*STORYLINE, "build", str(corpus), "--db", str(db), "-q"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(4 + 2 * n)
        child.send_signal(signal.SIGKILL)
        child.wait()
        seen.append({"documents": count(db) if db.exists() else 0,
                     "integrity": integrity(db) if db.exists() else "no file yet"})
    result, seconds, _ = run_measured([*STORYLINE, "build", str(corpus), "--db", str(db), "-q"])
    lines = sum(1 for _ in corpus.open(encoding="utf-8"))
    return {"kills": seen, "final_exit": result.returncode, "final_seconds": round(seconds, 1),
            "documents": count(db), "expected": lines, "integrity": integrity(db)}, db


# -- 5. a busy server -----------------------------------------------------------------------------------
def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen([*STORYLINE, "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            with urllib.request.urlopen(f"{base}/static/storyline.css", timeout=5):
                return server, base
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the server did not come up")


def fetch(url: str, timeout: float) -> tuple[int, float]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        exc.read()
        status = exc.code
    except (OSError, TimeoutError):
        status = -1
    return status, time.perf_counter() - started


def request_mix(base: str, ids: list[str], n: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    queries = ["dam", "water AND talks", '"flow data"', "tribunal OR court", "accord NOT flood", "minist*",
               " ".join(["a*"] * 32), "title:dam", '"unterminated', "AND OR", "(dam", "x" * 400]
    urls = []
    for k in range(n):
        kind = k % 10
        if kind < 4:
            params = {}
            if rng.random() < 0.5:
                params["dates"] = rng.randint(5, 24)
            if rng.random() < 0.25:
                params["q"] = rng.choice(queries[:6])
            path = rng.choice(["/", "/api/timeline"])
            urls.append(f"{base}{path}?{urllib.parse.urlencode(params)}")
        elif kind < 7:
            path = rng.choice(["/search", "/api/search"])
            urls.append(f"{base}{path}?{urllib.parse.urlencode({'q': rng.choice(queries)})}")
        else:
            urls.append(f"{base}/articles/{rng.choice(ids)}")
    return urls


def load(db: Path, requests: int, concurrency: int, timeout: float, hostile_folder: Path) -> dict:
    with sqlite3.connect(db) as con:
        ids = [r[0] for r in con.execute("SELECT id FROM documents")]
    server, base = start_server(db)
    try:
        urls = request_mix(base, ids, requests)
        started = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
            results = list(pool.map(lambda u: fetch(u, timeout), urls))
        wall = time.perf_counter() - started
        times = sorted(t for _, t in results)
        failures = [(u, s) for u, (s, _) in zip(urls, results) if s < 0 or s >= 500]
        statuses: dict[int, int] = {}
        for s, _ in results:
            statuses[s] = statuses.get(s, 0) + 1
        # twenty distinct timelines at once
        burst_urls = [f"{base}/api/timeline?dates={d}" for d in range(30, 50)]
        with concurrent.futures.ThreadPoolExecutor(20) as pool:
            burst = list(pool.map(lambda u: fetch(u, timeout), burst_urls))
        upload = hostile_upload(base, hostile_folder)
        peak = peak_rss_mb(server.pid)
        stopped = time.perf_counter()
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
        stop_seconds = time.perf_counter() - stopped
    finally:
        if server.poll() is None:
            server.kill()
    err = server.stderr.read().decode("utf-8", "replace")
    return {"requests": len(urls), "concurrency": concurrency, "failures": len(failures),
            "failed": failures[:10], "statuses": statuses, "wall_seconds": round(wall, 1),
            "p50": round(statistics.median(times), 3), "p99": round(times[int(0.99 * (len(times) - 1))], 3),
            "max": round(times[-1], 3),
            "burst": {"requests": len(burst), "failures": sum(1 for s, _ in burst if s < 0 or s >= 500),
                      "max": round(max(t for _, t in burst), 2)},
            "upload": upload, "server_peak_mb": peak, "sigterm_seconds": round(stop_seconds, 2),
            "server_traceback": "Traceback" in err}


# -- report ---------------------------------------------------------------------------------------------
def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")).split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration):
        pass
    return f"{cpu}, {os.cpu_count()} cores{mem}, Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"


def commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def block(r: dict, args) -> str:
    h, b, c, k, w = r["hostile"], r["big_page"], r["concurrent"], r["killed"], r["load"]
    ok = lambda cond: "yes" if cond else "**no**"  # noqa: E731
    kills = "; ".join(f"{x['documents']} documents, integrity {x['integrity']}" for x in k["kills"])
    codes = ", ".join(f"{s}: {n}" for s, n in sorted(w["statuses"].items()))
    return "\n".join([
        START, "",
        f"- Date: {dt.date.today().isoformat()}, code at commit `{r['commit']}`.",
        f"- Machine: {r['machine']} (shared with other work while measured).",
        f"- Command: `python benchmarks/reliability/run.py --documents {args.documents} --requests {args.requests} "
        f"--concurrency {args.concurrency} --timeout {args.timeout:g}`.",
        "",
        "| check | result |",
        "|---|---|",
        f"| hostile input: bad files named with their reason | {h['bad_named']} of {h['bad']}"
        + (f" (not named: {', '.join(h['unnamed'])})" if h["unnamed"] else "") + " |",
        f"| hostile input: good and awkward files stored | {h['stored']} of {h['good']} |",
        f"| hostile input: exit codes (build, clean, build again) | {h['exit']}, {h['clean_exit']}, "
        f"{h['rebuild_exit']} |",
        f"| hostile input: build time, peak memory | {h['seconds']} s, {h['peak_mb']} MB |",
        f"| hostile input: any traceback | {ok(not h['traceback']).replace('yes', 'none')} |",
        f"| hostile files uploaded to the server (20 a request) | HTTP {', '.join(map(str, w['upload']['statuses']))} |",
        f"| a {b['size_mb']} MB page: build time, peak memory | {b['seconds']} s, {b['peak_mb']} MB "
        f"(stored: {b['stored']}) |",
        f"| two concurrent builds of {c['expected'] // 2} documents each | exits {c['exits']}, "
        f"{c['documents']} of {c['expected']} stored, integrity {c['integrity']}, {c['seconds']} s |",
        f"| `kill -9` mid-build, three times | {kills} |",
        f"| the same build run to its end | exit {k['final_exit']}, {k['documents']} of {k['expected']} stored, "
        f"integrity {k['integrity']} |",
        f"| {w['requests']} requests, {w['concurrency']} at a time (timeline, search, articles) | "
        f"{w['failures']} failures; p50 {w['p50']} s, p99 {w['p99']} s, slowest {w['max']} s; "
        f"{w['wall_seconds']} s in all |",
        f"| HTTP statuses of those requests | {codes} (400s: malformed and over-long queries, as meant) |",
        f"| 20 distinct `dates=` timelines at once | {w['burst']['failures']} failures, slowest "
        f"{w['burst']['max']} s |",
        f"| server peak memory (after all of the above) | {w['server_peak_mb']} MB |",
        f"| SIGTERM to exit | {w['sigterm_seconds']} s; traceback: {ok(not w['server_traceback']).replace('yes', 'none')} |",
        "", END])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=1500)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--keep", action="store_true", help="Keep the work folder.")
    parser.add_argument("--no-write", action="store_true", help="Print the results only.")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="storyline-reliability-"))
    work.mkdir(parents=True, exist_ok=True)
    say = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731
    results: dict = {"machine": machine(), "commit": commit()}
    try:
        corpus = write_corpus(work / "corpus.jsonl", args.documents)
        say("1. hostile input")
        results["hostile"] = hostile_build(work)
        say(f"   {results['hostile']}")
        say("2. a 20 MB page")
        results["big_page"] = big_page(work)
        say(f"   {results['big_page']}")
        say("3. two concurrent builds")
        results["concurrent"] = concurrent_builds(work, corpus)
        say(f"   {results['concurrent']}")
        say("4. kill -9 mid-build")
        results["killed"], store = killed_builds(work, corpus)
        say(f"   {results['killed']}")
        say("5. a busy server")
        results["load"] = load(store, args.requests, args.concurrency, args.timeout, work / "hostile")
        say(f"   {results['load']}")
        (work / "results.json").write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
        text = block(results, args)
        print(text)
        if not args.no_write:
            sys.path.insert(0, str(ROOT / "src"))
            from storyline.evaluate.report import write_block

            write_block(DOCS, START, END, text, SECTION, INTRO)
    finally:
        if not args.keep:
            for root, dirs, _ in os.walk(work):
                for d in dirs:
                    try:
                        os.chmod(os.path.join(root, d), 0o755)
                    except OSError:
                        pass
            shutil.rmtree(work, ignore_errors=True)
        else:
            say(f"work folder kept: {work}")


if __name__ == "__main__":
    main()
