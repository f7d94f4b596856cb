"""Score storyline's cleaners beside trafilatura on article-extraction benchmark pages.

Two sets: the Zyte article-extraction benchmark pages (scored with its published shingle metric,
reimplemented in ``storyline.evaluate.extraction``) and the WCXB article pages (scored with that
benchmark's word-level F1, a mean over pages, and with the Zyte metric beside it). Rows: storyline's HTML path, trafilatura's default
extraction with and without tables and with ``favor_precision``, and on the Zyte pages the
plain-text path and the unchanged text dump as a floor. Every page where storyline's HTML path
scores 0.2 or more below trafilatura's default is listed, and the share of the default text's
words under which storyline keeps the default text (``CleanParams.default_kept_share``) is
cross-validated by site.

    python benchmarks/extraction/run.py [--sets zyte,wcxb] [--limit N] [--save-dir DIR] [--speed-only [--before SRC]]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
import zlib
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Callable
from urllib.parse import urlparse

from storyline.config import DEFAULT_CLEAN, CleanParams
from storyline.evaluate.extraction import score_corpus

# The data lives beside the repository, not inside it.
DATA_ROOT = Path(__file__).resolve().parents[2].parent / "shared" / "data"
DEFAULT_DATA = {"zyte": DATA_ROOT / "extraction", "wcxb": DATA_ROOT / "extraction-wcxb-articles"}
BELOW = 0.2  # a page where storyline scores this much below trafilatura's default is listed
FOLDS = 5
SHARES = [round(0.05 * i, 2) for i in range(20)]  # candidate values of default_kept_share


def site_of(url: str | None) -> str:
    host = urlparse(url or "").netloc.lower()
    return host[4:] if host.startswith("www.") else host


def load_zyte(data: Path, limit: int | None) -> list[dict]:
    """The Zyte pages in id order, with their HTML and the text dump when precomputed."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        with gzip.open(data / "html" / f"{page_id}.html.gz", "rt", encoding="utf-8") as fh:
            html = fh.read()
        dump_path = data / "text" / f"{page_id}.txt"
        dump = dump_path.read_text(encoding="utf-8") if dump_path.is_file() else None
        url = truth[page_id].get("url")
        pages.append({"id": page_id, "url": url, "site": site_of(url), "html": html, "dump": dump,
                      "true": truth[page_id].get("articleBody") or ""})
    return pages


def load_wcxb(data: Path, limit: int | None) -> list[dict]:
    """The WCXB pages in id order: HTML, URL and ``ground_truth.main_content``."""
    pages = []
    for path in sorted((data / "ground-truth").glob("*.json"))[:limit]:
        record = json.loads(path.read_text(encoding="utf-8"))
        truth = record.get("ground_truth")
        if not isinstance(truth, dict):
            continue
        with gzip.open(data / "html" / f"{path.stem}.html.gz", "rt", encoding="utf-8", errors="replace") as fh:
            html = fh.read()
        url = record.get("url")
        page_type = ((record.get("_internal") or {}).get("page_type") or {}).get("primary")
        pages.append({"id": path.stem, "url": url, "site": site_of(url), "html": html, "dump": None,
                      "true": truth.get("main_content") or "", "type": page_type or "article"})
    return pages


# -- scoring -----------------------------------------------------------------------------------

def word_f1(true: str, pred: str) -> float:
    """WCXB's page score: F1 of lower-cased ``\\w+`` tokens as multisets (1.0 when both are empty)."""
    t, p = Counter(re.findall(r"\w+", true.lower())), Counter(re.findall(r"\w+", pred.lower()))
    if not t:
        return 1.0 if not p else 0.0
    overlap = sum((t & p).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(t.values())
    return 2 * precision * recall / (precision + recall)


def shingle_f1(page_score: dict) -> float:
    p, r = page_score["precision"], page_score["recall"]
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def score(set_name: str, pages: list[dict], predictions: dict) -> tuple[float, list[float]]:
    """The set's corpus F1 and each page's F1 under the set's own metric (Zyte: shingles; WCXB: words)."""
    if set_name == "zyte":
        return shingle_score(pages, predictions)
    per_page = [word_f1(p["true"], predictions[p["id"]]) for p in pages]
    return (statistics.fmean(per_page) if per_page else 0.0), per_page


def shingle_score(pages: list[dict], predictions: dict) -> tuple[float, list[float]]:
    """The Zyte benchmark's corpus F1 and each page's F1."""
    result = score_corpus([(p["true"], predictions[p["id"]]) for p in pages], n_bootstrap=0)
    return result["f1"], [shingle_f1(s) for s in result["pages"]]


# -- methods -----------------------------------------------------------------------------------

def render(html: str) -> str:
    """The page as a plain-text dump, the same way the precomputed ``text/`` files were made."""
    import html_text

    return html_text.extract_text(html, guess_layout=True)


def storyline_html(page: dict, params: CleanParams = DEFAULT_CLEAN) -> str:
    from storyline.clean import CleanError, clean_html

    try:
        return clean_html(page["html"], url=page["url"], params=params).text
    except CleanError:
        return ""


def storyline_text(page: dict, params: CleanParams = DEFAULT_CLEAN) -> str:
    from storyline.clean import CleanError, clean_text

    try:
        return clean_text(page["dump"] if page["dump"] is not None else render(page["html"]), params=params).text
    except CleanError:
        return ""


def storyline_text_rules(page: dict) -> str:
    return storyline_text(page, replace(DEFAULT_CLEAN, line_model=False))


def justext_default(page: dict) -> str:
    """jusText's paragraphs that are not boilerplate, with the stop list of the page's language
    (the jusText list that covers most of the dump's words)."""
    import justext  # type: ignore[import-untyped]

    from storyline.clean.line_model import _stop_lists

    words = re.findall(r"\w+", (page["dump"] or "").lower())[:2000]
    language = max(_stop_lists().items(), key=lambda kv: sum(w in kv[1] for w in words))[0]
    paragraphs = justext.justext(page["html"].encode("utf-8"), justext.get_stoplist(language), encoding="utf-8")
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def full_text(page: dict) -> str:
    # Timed as the rendering itself: that is what this baseline does to a page.
    return render(page["html"])


def trafilatura_default(page: dict) -> str:
    import trafilatura

    return trafilatura.extract(page["html"], url=page["url"]) or ""


def trafilatura_no_tables(page: dict) -> str:
    import trafilatura

    return trafilatura.extract(page["html"], url=page["url"], include_tables=False) or ""


def trafilatura_precision(page: dict) -> str:
    import trafilatura

    return trafilatura.extract(page["html"], url=page["url"], favor_precision=True) or ""


# (row name, slug, extraction, sets it runs on)
METHODS: list[tuple[str, str, Callable[[dict], str], tuple[str, ...]]] = [
    ("storyline (HTML)", "storyline-html", storyline_html, ("zyte", "wcxb")),
    ("storyline (plain text, rules)", "storyline-text-rules", storyline_text_rules, ("zyte", "wcxb")),
    ("storyline (plain text, shipped model: in-sample)", "storyline-text", storyline_text, ("zyte", "wcxb")),
    ("full text (html-text)", "html-text", full_text, ("zyte", "wcxb")),
    ("trafilatura default (tables)", "trafilatura", trafilatura_default, ("zyte", "wcxb")),
    ("trafilatura default, no tables", "trafilatura-no-tables", trafilatura_no_tables, ("zyte", "wcxb")),
    ("trafilatura favor_precision", "trafilatura-precision", trafilatura_precision, ("zyte", "wcxb")),
    ("jusText", "justext", justext_default, ("zyte", "wcxb")),
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


def trafilatura_with_metadata(page: dict) -> str:
    """trafilatura's default extraction and its page metadata (title, author, date, site name),
    which storyline's HTML path also reads: the library doing the same job."""
    import trafilatura

    doc = trafilatura.bare_extraction(page["html"], url=page["url"], with_metadata=True)
    return (doc.text or "") if doc is not None else ""


# (row name, extraction) timed side by side: every page through each in turn
SIDE_BY_SIDE: list[tuple[str, Callable[[dict], str]]] = [
    ("storyline (HTML)", storyline_html),
    ("trafilatura default (tables)", trafilatura_default),
    ("trafilatura default with metadata", trafilatura_with_metadata),
]


def before_row(src: Path) -> Callable[[dict], str]:
    """storyline's HTML path from another checkout (``src`` holds its ``storyline`` package),
    imported under another name so that it runs in this process beside this checkout's: the
    before and after rows then share the machine's load page by page."""
    import importlib
    import shutil
    import tempfile

    if not (src / "storyline" / "clean").is_dir():
        sys.exit(f"no storyline package in {src}")
    copy_root = Path(tempfile.mkdtemp(prefix="storyline-before-"))
    shutil.copytree(src / "storyline", copy_root / "storyline_before", ignore=shutil.ignore_patterns("__pycache__"))
    sys.path.insert(0, str(copy_root))
    before = importlib.import_module("storyline_before.clean")

    def extract(page: dict) -> str:
        try:
            return before.clean_html(page["html"], url=page["url"]).text
        except before.CleanError:
            return ""

    return extract


def speed_side_by_side(pages: list[dict]) -> dict[str, tuple[float, float]]:
    """Pages per second of each ``SIDE_BY_SIDE`` row, by the clock and by this process's CPU
    time (which other jobs on a shared machine do not add to), page by page in turn (one untimed
    warm-up call each), so a change in the machine's load falls on every row alike.

    The row that starts is rotated from page to page: trafilatura and htmldate keep caches of the
    strings they trimmed and the dates they parsed, so a row that reads a page right after another
    finds part of its work done, and a fixed order would favour the later rows."""
    names = [name for name, _ in SIDE_BY_SIDE]
    elapsed, cpu = dict.fromkeys(names, 0.0), dict.fromkeys(names, 0.0)
    if pages:
        for _, extract in SIDE_BY_SIDE:
            extract(pages[0])
    for i, page in enumerate(pages):
        shift = i % len(SIDE_BY_SIDE)
        for name, extract in SIDE_BY_SIDE[shift:] + SIDE_BY_SIDE[:shift]:
            start, start_cpu = time.perf_counter(), time.process_time()
            extract(page)
            cpu[name] += time.process_time() - start_cpu
            elapsed[name] += time.perf_counter() - start
    return {name: (len(pages) / elapsed[name] if elapsed[name] > 0 else float("inf"),
                   len(pages) / cpu[name] if cpu[name] > 0 else float("inf")) for name in names}


def print_speed(set_name: str, speeds: dict[str, tuple[float, float]]) -> None:
    base, base_cpu = speeds["trafilatura default (tables)"]
    print(f"\n{set_name}: pages/s side by side (each page through every row in turn, the first row rotated), "
          "by the clock and by CPU time:")
    for name, (speed, speed_cpu) in speeds.items():
        print(f"  {name}: {speed:.1f} pages/s, {speed / base:.2f}x trafilatura default; "
              f"CPU {speed_cpu:.1f} pages/s, {speed_cpu / base_cpu:.2f}x")


# -- the fallback share, cross-validated by site -----------------------------------------------

def fold_of(site: str) -> int:
    return zlib.crc32(site.encode("utf-8")) % FOLDS


def cross_validate(set_name: str, pages: list[dict]) -> dict:
    """``default_kept_share`` chosen on four folds of sites and scored on the fifth.

    Per page the line analysis' own text (share 0: never the default) and the default text
    (share above 1: always the default) are computed once; a share picks the default exactly
    when the first has fewer words (lines dropped as repeats of kept lines counted in) than that
    share of the second's, as ``clean_html`` does.
    """
    from storyline.clean import CleanError, clean_html

    never, always, own_words = {}, {}, {}
    for page in pages:
        for share, texts in ((0.0, never), (2.0, always)):
            try:
                result = clean_html(page["html"], url=page["url"],
                                    params=replace(DEFAULT_CLEAN, default_kept_share=share))
            except CleanError:
                texts[page["id"]] = ""
                continue
            texts[page["id"]] = result.text
            if share == 0.0:  # what clean_html weighs: the kept words and the repeats of kept lines
                own_words[page["id"]] = len(result.text.split()) + sum(
                    len(r.text.split()) for r in result.removed if r.reason == "repeated")
    _, f1_never = score(set_name, pages, never)
    _, f1_always = score(set_name, pages, always)
    words = [(own_words.get(p["id"], 0), len(always[p["id"]].split())) for p in pages]

    def page_f1(i: int, share: float) -> float:
        own, default = words[i]
        return f1_always[i] if own < share * default else f1_never[i]

    folds = [fold_of(p["site"]) for p in pages]
    chosen, held_out = [], [0.0] * len(pages)
    for fold in range(FOLDS):
        train = [i for i in range(len(pages)) if folds[i] != fold]
        best = max(SHARES, key=lambda s: (statistics.fmean(page_f1(i, s) for i in train) if train else 0.0, -s))
        chosen.append(best)
        for i in range(len(pages)):
            if folds[i] == fold:
                held_out[i] = page_f1(i, best)
    in_sample = {s: statistics.fmean(page_f1(i, s) for i in range(len(pages))) for s in SHARES}
    return {"chosen": chosen, "held_out": statistics.fmean(held_out), "in_sample": in_sample,
            "sites": len(set(p["site"] for p in pages))}


# -- output ------------------------------------------------------------------------------------

HEADER = ["set", "method", "F1", "zeroed", "shingle F1", "pages/s"]


def print_tables(rows: list[list[str]]) -> None:
    widths = [max(len(r[i]) for r in [HEADER, *rows]) for i in range(len(HEADER))]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    print(line(HEADER))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))
    print()
    print("| " + " | ".join(HEADER) + " |")
    print("|---|---|" + "---:|" * (len(HEADER) - 2))
    for row in rows:
        print("| " + " | ".join(row) + " |")


def load_set(set_name: str, data: Path, limit: int | None) -> list[dict]:
    """The set's pages, each with its plain-text dump (rendered here, outside every timing)."""
    pages = load_zyte(data, limit) if set_name == "zyte" else load_wcxb(data, limit)
    for page in pages:
        if page["dump"] is None:
            page["dump"] = render(page["html"])
    print(f"{set_name}: {len(pages)} pages from {data.name}/", file=sys.stderr)
    return pages


def run_set(set_name: str, pages: list[dict], args: argparse.Namespace, rows: list[list[str]],
            text_cv: dict | None) -> None:
    if args.speed_only:
        print_speed(set_name, speed_side_by_side(pages))
        return
    per_page: dict[str, list[float]] = {}
    texts: dict[str, dict] = {}
    for name, slug, extract, sets in METHODS:
        if set_name not in sets:
            continue
        predictions, speed = run_method(extract, pages)
        f1, page_f1s = score(set_name, pages, predictions)
        per_page[slug], texts[slug] = page_f1s, predictions
        shingles, _ = shingle_score(pages, predictions) if set_name != "zyte" else (f1, page_f1s)
        rows.append([set_name, name, f"{f1:.3f}", str(sum(f == 0 for f in page_f1s)), f"{shingles:.3f}",
                     f"{speed:.1f}"])
        if args.save_dir is not None:
            args.save_dir.mkdir(parents=True, exist_ok=True)
            out = {page_id: {"articleBody": text} for page_id, text in predictions.items()}
            (args.save_dir / f"{set_name}-{slug}.json").write_text(
                json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")

    if text_cv is not None:
        from text_cv import held_out_rows

        held_out_rows(set_name, pages, text_cv, rows, per_page)
    for slug, label in (("storyline-html", "storyline (HTML)"), ("storyline-text-cv", "storyline (plain text, "
                                                                "shipped combination, held-out)")):
        if slug not in per_page:
            continue
        ours, theirs = per_page[slug], per_page["trafilatura"]
        below = [(p, a, b) for p, a, b in zip(pages, ours, theirs) if a <= b - BELOW]
        print(f"\n{set_name}: pages where {label} is {BELOW} or more below trafilatura default: {len(below)}")
        for page, a, b in below:
            print(f"  {page['id']}  {page['site']}  storyline {a:.3f}  trafilatura {b:.3f}")
    print_speed(set_name, speed_side_by_side(pages))
    types = Counter(p.get("type", "(no type given)") for p in pages)
    print(f"\n{set_name}: page types: " + ", ".join(f"{t} {n}" for t, n in types.items())
          + ("" if len(types) > 1 else " (one type: the table above is the per-type table)"))

    if not args.no_cv:
        cv = cross_validate(set_name, pages)
        print(f"\n{set_name}: default_kept_share by {FOLDS}-fold cross-validation over {cv['sites']} sites: "
              f"chosen per fold {cv['chosen']}, held-out F1 {cv['held_out']:.3f}; "
              f"in-sample F1 at 0 (never the default) {cv['in_sample'][0.0]:.3f}, at "
              f"{DEFAULT_CLEAN.default_kept_share} (the default) "
              f"{cv['in_sample'].get(DEFAULT_CLEAN.default_kept_share, float('nan')):.3f}")
        print("  in-sample F1 by share: " + ", ".join(f"{s}: {f:.3f}" for s, f in cv["in_sample"].items()))
    print(file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="zyte,wcxb", help="comma-separated: zyte, wcxb (default both)")
    parser.add_argument("--zyte-data", type=Path, default=DEFAULT_DATA["zyte"],
                        help="folder with ground-truth.json, html/ and text/ "
                             "(default: ../shared/data/extraction beside the repository)")
    parser.add_argument("--wcxb-data", type=Path, default=DEFAULT_DATA["wcxb"],
                        help="folder with ground-truth/ and html/ "
                             "(default: ../shared/data/extraction-wcxb-articles beside the repository)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages of each set")
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation of the fallback share")
    parser.add_argument("--no-text-cv", action="store_true",
                        help="skip the cross-validation of the plain-text path's line model by site")
    parser.add_argument("--speed-only", action="store_true",
                        help="only time storyline (HTML) beside trafilatura default, page by page in turn")
    parser.add_argument("--before", type=Path, default=None,
                        help="with --speed-only: the src folder of another checkout, whose HTML path is timed "
                             "beside this one's in the same process (a row 'storyline (HTML), before')")
    parser.add_argument("--save-dir", type=Path, default=None,
                        help="write each method's predictions as <set>-<method>.json in the "
                             "Zyte benchmark's output format")
    args = parser.parse_args(argv)

    sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    for set_name in sets:
        if set_name not in DEFAULT_DATA:
            sys.exit(f"unknown set {set_name!r}: zyte or wcxb")
    if "zyte" in sets:
        if not (args.zyte_data / "ground-truth.json").is_file():
            sys.exit(f"extraction data not found: {args.zyte_data} has no ground-truth.json")
        try:
            import html_text  # noqa: F401
        except ImportError:
            sys.exit("html-text is not installed: pip install -e '.[bench]'")
    if "wcxb" in sets and not (args.wcxb_data / "ground-truth").is_dir():
        sys.exit(f"extraction data not found: {args.wcxb_data} has no ground-truth/")

    if args.before is not None:
        SIDE_BY_SIDE.insert(0, ("storyline (HTML), before", before_row(args.before.resolve())))
    pages = {s: load_set(s, args.zyte_data if s == "zyte" else args.wcxb_data, args.limit) for s in sets}
    text_cv = None
    if not args.no_text_cv and not args.speed_only:
        from text_cv import cross_validate_text

        text_cv = cross_validate_text(pages)
    rows: list[list[str]] = []
    for set_name in sets:
        run_set(set_name, pages[set_name], args, rows, text_cv)
    if rows:
        print()
        print_tables(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
