"""How often the plain-text path reads a page's publication date and byline right.

Pages: the WCXB development article pages whose ground truth gives ``publish_date`` (and, for
bylines, ``author``). Each page is rendered to a plain-text dump the extraction benchmark's way
(``html_text.extract_text(html, guess_layout=True)``) and cleaned with ``clean_text``; only the
header lines of the dump are read, so the HTML's own metadata (which ``clean_html`` takes from
trafilatura and htmldate) plays no part. The header-line rules were written without these pages,
so the figures are held out. A date is right when it is the gold date; a byline when it equals the
gold author or opens the gold list of authors (case and spacing aside). The detected language is
counted too.

    python benchmarks/language/meta_lines.py [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "extraction-wcxb-articles"


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


def main() -> None:
    import html_text  # type: ignore[import-untyped]

    from storyline.clean import CleanError, clean_text

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    counts: Counter = Counter()
    languages: Counter = Counter()
    seconds = 0.0
    for path in sorted((DATA / "ground-truth").glob("*.json"))[:args.limit]:
        truth = json.loads(path.read_text(encoding="utf-8")).get("ground_truth")
        if not isinstance(truth, dict) or not truth.get("publish_date"):
            continue
        with gzip.open(DATA / "html" / f"{path.stem}.html.gz", "rt", encoding="utf-8", errors="replace") as fh:
            dump = html_text.extract_text(fh.read(), guess_layout=True)
        start = time.perf_counter()
        try:
            result = clean_text(dump)
        except CleanError:
            result = None
        seconds += time.perf_counter() - start
        counts["pages"] += 1
        found = result.published.isoformat() if result and result.published else None
        counts["date right" if found == truth["publish_date"][:10] else "date none" if found is None
               else "date wrong"] += 1
        languages[getattr(result, "language", None) if result else None] += 1
        if truth.get("author"):
            counts["with author"] += 1
            byline = result.byline if result else None
            if byline and (_key(truth["author"]) == _key(byline) or _key(truth["author"]).startswith(_key(byline))):
                counts["byline right"] += 1
            elif byline:
                counts["byline wrong"] += 1
    print(f"{counts['pages']} pages with a gold date ({counts['with author']} with an author)")
    print(f"date: right {counts['date right']}, wrong {counts['date wrong']}, none {counts['date none']}")
    print(f"byline: right {counts['byline right']}, wrong {counts['byline wrong']} "
          f"(of {counts['with author']})")
    print(f"languages: {dict(languages.most_common())}")
    print(f"clean_text: {counts['pages'] / seconds:.1f} pages/s")


if __name__ == "__main__":
    main()
