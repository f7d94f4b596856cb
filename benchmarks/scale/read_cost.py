"""CPU time to read documents out of input files, per document and per megabyte of their text.

Reading runs in the build's own process (it hands the documents to the workers), so on a cluster
its cost per document adds to the one writer's and bounds the build as the writer does. Web pages
are larger than the scale generator's (about 6 KB of HTML each): ``--synthetic N OUT.warc.gz``
first writes N pages of about 47 KB (a script, 600 navigation links and 800 words of text) as
HTTP responses of a WARC, with warcio. Each file is read three times; the fastest counts.

    python benchmarks/scale/read_cost.py FILE... [--synthetic 300 pages.warc.gz]
"""

from __future__ import annotations

import argparse
import io
import random
import time
from pathlib import Path

from storyline import ingest
from storyline.config import DEFAULT_BUILD
from storyline.model import RawDocument


def synthetic_warc(out: Path, n: int, seed: int = 1) -> None:
    """``n`` large HTML pages as WARC responses."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(seed)
    words = [f"{rng.choice('bcdfghklmnprstvw')}{rng.choice('aeiou')}{rng.choice('lmnrst')}{i % 97}" for i in range(5000)]
    with out.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for i in range(n):
            body = " ".join(rng.choice(words) for _ in range(800))
            nav = "".join(f'<li><a href="/s/{k}">{rng.choice(words)} {rng.choice(words)}</a></li>' for k in range(600))
            page = (f"<html><head><title>Page {i}</title><script>{'var x=1;' * 2000}</script></head><body>"
                    f"<ul>{nav}</ul><article><p>{body}</p></article></body></html>")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://example.com/{i}", "response",
                                                          payload=io.BytesIO(page.encode()), http_headers=headers,
                                                          warc_headers_dict={"WARC-Date": "2024-01-01T00:00:00Z"}))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--synthetic", nargs=2, metavar=("N", "OUT"))
    args = parser.parse_args(argv)
    files = list(args.files)
    if args.synthetic:
        out = Path(args.synthetic[1])
        synthetic_warc(out, int(args.synthetic[0]))
        files.append(out)
    print("| file | documents | KB a document | CPU ms a document | CPU ms a MB |")
    print("|---|---:|---:|---:|---:|")
    for path in files:
        best, docs = float("inf"), []
        for _ in range(3):
            started = time.process_time()
            docs = [d for d in ingest.read_file(path, options=DEFAULT_BUILD) if isinstance(d, RawDocument)]
            best = min(best, time.process_time() - started)
        size = sum(len(d.content) for d in docs)
        if docs:
            print(f"| {path.name} | {len(docs)} | {size / len(docs) / 1000:.1f} | {best / len(docs) * 1000:.3f} "
                  f"| {best / size * 1e9:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
