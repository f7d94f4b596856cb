"""Score storyline's cleaners on the article-extraction benchmark pages.

Compares the HTML path, the plain-text path (on pages rendered to text the way scraped dumps
look), the unchanged text dump as a floor, and trafilatura with default settings as the
reference the HTML path builds on. Scoring is the benchmark's published metric, reimplemented
in ``storyline.evaluate.extraction``, so the figures sit beside the published ones.

    python benchmarks/extraction/run.py [--data DIR] [--limit N] [--save-dir DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path
from typing import Callable

from storyline.evaluate.extraction import score_corpus

# The data lives beside the repository, not inside it.
DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "extraction"


def load_pages(data: Path, limit: int | None) -> list[dict]:
    """The ground-truth pages in id order, with their HTML and the text dump when precomputed."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        with gzip.open(data / "html" / f"{page_id}.html.gz", "rt", encoding="utf-8") as fh:
            html = fh.read()
        dump_path = data / "text" / f"{page_id}.txt"
        dump = dump_path.read_text(encoding="utf-8") if dump_path.is_file() else None
        pages.append({"id": page_id, "url": truth[page_id].get("url"), "html": html, "dump": dump,
                      "true": truth[page_id].get("articleBody") or ""})
    return pages


def render(html: str) -> str:
    """The page as a plain-text dump, the same way the precomputed ``text/`` files were made."""
    import html_text

    return html_text.extract_text(html, guess_layout=True)


def storyline_html(page: dict) -> str:
    from storyline.clean import CleanError, clean_html

    try:
        return clean_html(page["html"], url=page["url"]).text
    except CleanError:
        return ""


def storyline_text(page: dict) -> str:
    from storyline.clean import CleanError, clean_text

    try:
        return clean_text(page["dump"]).text
    except CleanError:
        return ""


def full_text(page: dict) -> str:
    # Timed as the rendering itself: that is what this baseline does to a page.
    return render(page["html"])


def trafilatura_html(page: dict) -> str:
    import trafilatura

    return trafilatura.extract(page["html"], url=page["url"]) or ""


METHODS: list[tuple[str, str, Callable[[dict], str]]] = [
    ("storyline (HTML)", "storyline-html", storyline_html),
    ("storyline (plain text)", "storyline-text", storyline_text),
    ("full text (html-text)", "html-text", full_text),
    ("trafilatura (HTML)", "trafilatura", trafilatura_html),
]


def run_method(extract: Callable[[dict], str], pages: list[dict]) -> tuple[dict, float]:
    """Predictions by page id and pages per second, timing only the extraction call.

    One untimed call first, so imports and lazy set-up are not charged to whichever page
    happens to come first.
    """
    if pages:
        extract(pages[0])
    predictions, elapsed = {}, 0.0
    for page in pages:
        start = time.perf_counter()
        predictions[page["id"]] = extract(page)
        elapsed += time.perf_counter() - start
    return predictions, (len(pages) / elapsed if elapsed > 0 else float("inf"))


def page_f1(page: dict) -> float:
    p, r = page["precision"], page["recall"]
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def table_rows(results: list[tuple[str, dict, float]]) -> list[list[str]]:
    rows = []
    for name, score, speed in results:
        rows.append([name,
                     f"{score['precision']:.3f} ± {score['precision_ci']:.3f}",
                     f"{score['recall']:.3f} ± {score['recall_ci']:.3f}",
                     f"{score['f1']:.3f} ± {score['f1_ci']:.3f}",
                     f"{speed:.1f}"])
    return rows


HEADER = ["method", "precision", "recall", "F1", "pages/s"]


def print_tables(rows: list[list[str]]) -> None:
    widths = [max(len(r[i]) for r in [HEADER, *rows]) for i in range(len(HEADER))]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                         for i, (c, w) in enumerate(zip(cells, widths)))

    print(line(HEADER))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))
    print()
    print("| " + " | ".join(HEADER) + " |")
    print("|---|" + "---:|" * (len(HEADER) - 1))
    for row in rows:
        print("| " + " | ".join(row) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="folder with ground-truth.json, html/ and text/ "
                             "(default: ../shared/data/extraction beside the repository)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    parser.add_argument("--save-dir", type=Path, default=None,
                        help="write each method's predictions as <method>.json in the "
                             "benchmark's output format")
    args = parser.parse_args(argv)

    if not (args.data / "ground-truth.json").is_file():
        sys.exit(f"extraction data not found: {args.data} has no ground-truth.json "
                 "(get the article-extraction-benchmark pages or pass --data)")
    try:
        import html_text  # noqa: F401
    except ImportError:
        sys.exit("html-text is not installed: pip install -e '.[bench]'")

    pages = load_pages(args.data, args.limit)
    for page in pages:
        if page["dump"] is None:
            page["dump"] = render(page["html"])
    print(f"{len(pages)} pages from {args.data.name}/\n", file=sys.stderr)

    results, plain_pages = [], None
    for name, slug, extract in METHODS:
        predictions, speed = run_method(extract, pages)
        score = score_corpus([(p["true"], predictions[p["id"]]) for p in pages])
        results.append((name, score, speed))
        if slug == "storyline-text":
            plain_pages = score["pages"]
        if args.save_dir is not None:
            args.save_dir.mkdir(parents=True, exist_ok=True)
            out = {page_id: {"articleBody": text} for page_id, text in predictions.items()}
            (args.save_dir / f"{slug}.json").write_text(
                json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")

    print_tables(table_rows(results))

    print("\nstoryline (plain text): 10 worst pages by F1")
    worst = sorted(zip(pages, plain_pages), key=lambda item: page_f1(item[1]))[:10]
    for page, score in worst:
        print(f"  {page['id']}  P {score['precision']:.3f}  R {score['recall']:.3f}  "
              f"F1 {page_f1(score):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
