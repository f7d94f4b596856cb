"""A large raw news corpus for build benchmarks: real articles in varied page furniture, with
versions, syndicated copies and exact duplicates, as JSONL, as a folder of files or as WARC.

    python benchmarks/scale/generate.py OUT N [--format jsonl|files|warc] [--kinds text,html]
                                              [--t17 DIR] [--seed 42]

Articles are Timeline17's (``../shared/data/tls/t17/<topic>/articles.csv``, detokenized as the TLS
benchmark reads them); nothing of them is kept in the repository. Each document is one of:

- an article not used yet (the first pass goes through every article once), in one of five site
  layouts: three plain-text ones (a wire header with byline and date and a copyright line; a blog
  with navigation, a "min read" line, share and related links and a comment count; the bare
  text) and, with ``--kinds`` holding ``html``, two HTML pages (semantic ``<article>`` markup with
  a publication-date meta tag; nested ``<div>`` layout with a sidebar and footer);
- a version of an earlier document (10 % of the words of one or two paragraphs replaced by words
  of the same article, an "Updated" line), in the same layout;
- a syndicated copy: an earlier document's article in another layout;
- an exact duplicate of an earlier document (the same bytes again).

Shares: 60 / 15 / 15 / 10 % once every article has been used, only new articles before. Half of
the records give their publication date as a field; the others carry it in the page only. The
WARC form (written with warcio) holds each page as an HTTP response, with a request record before
every tenth and a metadata record after it (records a build skips and counts).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from storyline.evaluate.tls_data import detokenize  # noqa: E402

T17 = ROOT.parent / "shared" / "data" / "tls" / "t17"
SITES = ["Nordic Ledger", "The Evening Courier", "Metro Daily", "Harbour Times", "Global Wire", "Valley Post"]
NAV = "Home | World | Politics | Business | Sport | Opinion | Contact"


def articles(folder: Path) -> list[tuple[str, list[str]]]:
    """Every T17 article as (publication date, paragraphs of three sentences)."""
    csv.field_size_limit(10 ** 9)
    out = []
    for path in sorted(folder.glob("*/articles.csv")):
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                lines = [detokenize(line.strip()) for line in row["text"].split("\n") if line.strip()]
                if len(lines) >= 3:
                    out.append((row["date"], [" ".join(lines[i:i + 3]) for i in range(0, len(lines), 3)]))
    return out


def headline(paragraphs: list[str]) -> str:
    words = paragraphs[0].split()[:9]
    return " ".join(w.capitalize() if w.islower() and len(w) > 3 else w for w in words).rstrip(",.;:")


def long_date(day: str) -> str:
    d = dt.date.fromisoformat(day)
    return f"{d:%B} {d.day}, {d.year}"


def page(layout: int, site: str, day: str, paragraphs: list[str], updated: bool) -> tuple[str, str]:
    """(kind, content) of an article in one of the five layouts."""
    title = headline(paragraphs)
    note = [f"Updated {long_date(day)}: this story has been updated with new information."] if updated else []
    if layout == 0:
        text = [title, f"By Staff Reporter | {long_date(day)} | {site}", *note, *paragraphs,
                f"Copyright {day[:4]} {site}. All rights reserved."]
        return "text", "\n\n".join(text)
    if layout == 1:
        text = [f"{site} › World", NAV, title, f"{long_date(day)} · 4 min read", *note, *paragraphs,
                "Share this: Facebook | Twitter | Email", f"Related: More from {site} on this story",
                "12 comments"]
        return "text", "\n\n".join(text)
    if layout == 2:
        return "text", "\n\n".join([*note, *paragraphs])
    esc = [p.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for p in [title, *note, *paragraphs]]
    body = "".join(f"<p>{p}</p>" for p in esc[1:])
    if layout == 3:
        html = (f'<html><head><title>{esc[0]} - {site}</title><meta property="article:published_time" '
                f'content="{day}T09:00:00Z"></head><body><nav>{NAV}</nav><article><h1>{esc[0]}</h1>'
                f'<p class="byline">By Staff Reporter</p>{body}</article><aside><h2>Related</h2><ul><li>'
                f'<a href="/a">More from {site}</a></li></ul></aside><footer>&copy; {day[:4]} {site}</footer>'
                '</body></html>')
    else:
        html = (f'<html><head><title>{esc[0]}</title></head><body><div class="header"><div class="menu">{NAV}'
                f'</div></div><div class="main"><div class="story"><h1>{esc[0]}</h1><div class="date">'
                f'{long_date(day)}</div><div class="text">{body}</div></div><div class="sidebar"><div>Most read'
                f'</div><div><a href="/b">Markets close higher</a></div></div></div><div class="footer">Terms | '
                f'Privacy | &copy; {site}</div></body></html>')
    return "html", html


def edited(paragraphs: list[str], rng: random.Random) -> list[str]:
    """A later version: 10 % of the words of one or two paragraphs replaced by words of the article."""
    vocab = [w for p in paragraphs for w in p.split() if w.isalpha() and w.islower()] or ["the"]
    out = list(paragraphs)
    for i in rng.sample(range(len(out)), min(len(out), rng.choice([1, 2]))):
        words = out[i].split()
        out[i] = " ".join(rng.choice(vocab) if w.isalpha() and w.islower() and rng.random() < 0.1 else w
                          for w in words)
    return out


def documents(n: int, kinds: set[str], t17: Path, seed: int):
    """``n`` records ``{"kind", "content", "url", "published"?}`` (a duplicate is an earlier record again)."""
    rng = random.Random(seed)
    pool = articles(t17)
    layouts = [0, 1, 2] + ([3, 4] if "html" in kinds else [])
    made: list[dict] = []  # a bounded sample of earlier records for versions, copies and duplicates
    for k in range(n):
        roll = rng.random() if k >= len(pool) else 0.0
        if roll < 0.6 or not made:
            day, paragraphs = pool[k] if k < len(pool) else rng.choice(pool)
            rec = {"day": day, "paragraphs": paragraphs, "layout": rng.choice(layouts), "site": rng.choice(SITES),
                   "updated": False}
        elif roll < 0.75:
            rec = dict(rng.choice(made), updated=True)
            rec["paragraphs"] = edited(rec["paragraphs"], rng)
        elif roll < 0.9:
            rec = dict(rng.choice(made), layout=rng.choice(layouts), site=rng.choice(SITES))
        else:
            yield dict(rng.choice(made)["record"])
            continue
        kind, content = page(rec["layout"], rec["site"], rec["day"], rec["paragraphs"], rec["updated"])
        record = {"kind": kind, "content": content, "url": f"https://{rec['site'].lower().replace(' ', '')}.example/{k}"}
        if rng.random() < 0.5:
            record["published"] = rec["day"]
        rec["record"] = record
        if len(made) < 5000:
            made.append(rec)
        else:
            made[rng.randrange(len(made))] = rec
        yield record


def write_jsonl(out: Path, records) -> None:
    with open(out, "w", encoding="utf-8") as handle:
        for r in records:
            body = {"text" if r["kind"] == "text" else "html": r["content"], "url": r["url"]}
            if "published" in r:
                body["published"] = r["published"]
            handle.write(json.dumps(body, ensure_ascii=False) + "\n")


def write_files(out: Path, records) -> None:
    for i, r in enumerate(records):
        folder = out / f"{i // 1000:05d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{i:08d}.{'txt' if r['kind'] == 'text' else 'html'}").write_text(r["content"], encoding="utf-8")


def write_warc(out: Path, records) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(out, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for i, r in enumerate(records):
            crawled = f"{r.get('published', '2020-01-01')}T12:00:00Z"
            if i % 10 == 0:
                writer.write_record(writer.create_warc_record(r["url"], "request", payload=io.BytesIO(
                    f"GET / HTTP/1.1\r\nHost: {r['url'].split('/')[2]}\r\n\r\n".encode()),
                    warc_headers_dict={"WARC-Date": crawled}))
            mime = "text/plain" if r["kind"] == "text" else "text/html"
            headers = StatusAndHeaders("200 OK", [("Content-Type", f"{mime}; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(r["url"], "response", payload=io.BytesIO(
                r["content"].encode("utf-8")), http_headers=headers, warc_headers_dict={"WARC-Date": crawled}))
            if i % 10 == 0:
                writer.write_record(writer.create_warc_record(r["url"], "metadata", payload=io.BytesIO(
                    b"fetch-time: 120ms\n"), warc_content_type="text/plain", warc_headers_dict={"WARC-Date": crawled}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--format", choices=["jsonl", "files", "warc"], default="jsonl")
    parser.add_argument("--kinds", default="text", help="text, or text,html")
    parser.add_argument("--t17", type=Path, default=T17)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    records = documents(args.n, set(args.kinds.split(",")), args.t17, args.seed)
    {"jsonl": write_jsonl, "files": write_files, "warc": write_warc}[args.format](args.out, records)
    print(f"{args.n} documents -> {args.out}")


if __name__ == "__main__":
    main()
