"""Compare language-identification libraries on page texts whose language is known.

Texts: the gold article bodies of the Zyte and WCXB extraction pages, labelled by the page's own
``<html lang>`` attribute (its primary subtag; pages without one are left out). That label is
what the site declares for its template, not a reading of the article: a site may declare "en"
over an article in another language, or declare nothing. Every text is scored twice: the whole
body, and its first ``SHORT_WORDS`` words (the length of a header line or a short item).

Rows: each installed candidate (py3langid, langid, langdetect, lingua, pycld2, gcld3; a missing
one is reported and skipped), storyline's own ``clean.language.detect`` and, for English or not,
the stop-word test ``clean.language.is_english`` that the line layer used before: it is also the
baseline of the speed ratio. Each row runs in its own process so that its load time and memory
are its own.

Last, the date lines: storyline's header-line reader (``clean.metadata.parse_meta``) beside
dateparser (``dateparser.parse``, installed with htmldate) on invented date lines in the six
languages and in Chinese, Japanese and Korean: dates right and lines per second.

    python benchmarks/language/run.py [--sets zyte,wcxb] [--rows a,b] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable, Optional

DATA_ROOT = Path(__file__).resolve().parents[2].parent / "shared" / "data"
DEFAULT_DATA = {"zyte": DATA_ROOT / "extraction", "wcxb": DATA_ROOT / "extraction-wcxb-articles"}
SHORT_WORDS = 12
HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.I)
# Invented date lines, each with the date a reader takes from it (2019-03-05).
DATE_LINES = [
    "Published: 05 Mar 2019, 14:20 GMT", "Tuesday, March 5, 2019 10:30 AM EST", "5. März 2019, 14:20 Uhr",
    "Veröffentlicht am 05.03.2019", "Publié le 5 mars 2019 à 14h20", "mardi 5 mars 2019",
    "5 de marzo de 2019", "martes, 5 de marzo de 2019", "martedì 5 marzo 2019 - 14:20",
    "Pubblicato il: 05/03/2019 14:20", "Publicado em 5 de março de 2019 às 14:20", "terça-feira, 5 de março de 2019",
    "2019年3月5日 14時20分", "发布时间：2019-03-05 14:20", "2019년 3월 5일 14:20", "입력 2019.03.05 14:20",
]
ROWS = ("is_english", "storyline", "py3langid", "langid", "langdetect", "lingua", "lingua_low", "pycld2", "gcld3")


def load_texts(sets: list[str], limit: Optional[int]) -> list[dict]:
    """Gold bodies with the page's declared language: ``{set, id, lang, text}``."""
    texts = []
    for name in sets:
        data = DEFAULT_DATA[name]
        if name == "zyte":
            truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
            items = [(page_id, truth[page_id].get("articleBody") or "") for page_id in sorted(truth)]
        else:
            items = []
            for path in sorted((data / "ground-truth").glob("*.json")):
                record = json.loads(path.read_text(encoding="utf-8")).get("ground_truth")
                if isinstance(record, dict):
                    items.append((path.stem, record.get("main_content") or ""))
        for page_id, body in items[:limit]:
            with gzip.open(data / "html" / f"{page_id}.html.gz", "rt", encoding="utf-8", errors="replace") as fh:
                match = HTML_LANG.search(fh.read(50000))
            if match and body.strip():
                texts.append({"set": name, "id": page_id, "lang": match.group(1).lower(), "text": body})
    return texts


def detector(row: str) -> Callable[[str], Optional[str]]:
    """A function text → ISO 639-1 code (or None) for one row; ImportError when not installed."""
    if row == "storyline":
        from storyline.clean.language import detect
        return detect
    if row == "py3langid":
        import py3langid  # type: ignore[import-not-found]
        py3langid.classify("warm up")
        return lambda text: py3langid.classify(text)[0]
    if row == "langid":
        import langid  # type: ignore[import-not-found]
        langid.classify("warm up")
        return lambda text: langid.classify(text)[0]
    if row == "langdetect":
        from langdetect import DetectorFactory, detect  # type: ignore[import-not-found]
        from langdetect.lang_detect_exception import LangDetectException  # type: ignore[import-not-found]
        DetectorFactory.seed = 0

        def run_langdetect(text: str) -> Optional[str]:
            try:
                return detect(text).split("-")[0]
            except LangDetectException:
                return None
        return run_langdetect
    if row in ("lingua", "lingua_low"):
        from lingua import LanguageDetectorBuilder  # type: ignore[import-not-found]
        builder = LanguageDetectorBuilder.from_all_languages()
        lingua = (builder.with_low_accuracy_mode() if row == "lingua_low" else builder).build()

        def run_lingua(text: str) -> Optional[str]:
            found = lingua.detect_language_of(text)
            return found.iso_code_639_1.name.lower() if found else None
        return run_lingua
    if row == "pycld2":
        import pycld2  # type: ignore[import-not-found]

        def run_cld2(text: str) -> Optional[str]:
            try:
                code = pycld2.detect(text)[2][0][1]
            except pycld2.error:
                return None
            return None if code == "un" else code.split("-")[0]
        return run_cld2
    if row == "gcld3":
        import gcld3  # type: ignore[import-not-found]
        identifier = gcld3.NNetLanguageIdentifier(min_num_bytes=0, max_num_bytes=5000)

        def run_cld3(text: str) -> Optional[str]:
            code = identifier.FindLanguage(text=text).language
            return None if code == "und" else code.split("-")[0]
        return run_cld3
    if row == "is_english":
        from storyline.clean.language import is_english
        from storyline.config import DEFAULT_CLEAN
        return lambda text: "en" if is_english(text, DEFAULT_CLEAN.english_min_share) else "xx"
    raise ValueError(f"unknown row {row!r}")


def run_row(row: str, texts: list[dict]) -> dict:
    """One row's answers on the whole and short texts, its load time, speed and peak memory."""
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    try:
        detect = detector(row)
    except ImportError as error:
        return {"row": row, "missing": str(error)}
    load_s = time.perf_counter() - start
    answers: dict[str, list[Optional[str]]] = {}
    seconds = {}
    for kind in ("whole", "short"):
        inputs = [t["text"] if kind == "whole" else " ".join(t["text"].split()[:SHORT_WORDS]) for t in texts]
        start = time.perf_counter()
        answers[kind] = [detect(text) for text in inputs]
        seconds[kind] = time.perf_counter() - start
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"row": row, "load_s": load_s, "seconds": seconds, "answers": answers,
            "rss_mb": (rss_after - rss_before) / 1024}


def score(answers: list[Optional[str]], texts: list[dict], english_only: bool) -> dict:
    """Accuracy on all texts, on the non-English ones, and of English-or-not; abstentions."""
    gold = [t["lang"] for t in texts]
    if english_only:
        answers = [None if a is None else ("en" if a == "en" else "xx") for a in answers]
    right = [a == g for a, g in zip(answers, gold)]
    other = [a == g for a, g in zip(answers, gold) if g != "en"]
    binary = [(a == "en") == (g == "en") for a, g in zip(answers, gold) if a is not None]
    return {"accuracy": sum(right) / len(right), "other": (sum(other), len(other)),
            "english_or_not": sum(binary) / max(1, len(binary)), "none": sum(a is None for a in answers)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="zyte,wcxb")
    parser.add_argument("--rows", default=",".join(ROWS))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one row, print JSON
    args = parser.parse_args()
    texts = load_texts(args.sets.split(","), args.limit)
    if args.one:
        print(json.dumps(run_row(args.one, texts)))
        return
    langs = Counter(t["lang"] for t in texts)
    print(f"{len(texts)} texts with a declared language: {dict(langs.most_common())}")
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d')}")
    results = []
    for row in args.rows.split(","):
        command = [sys.executable, __file__, "--sets", args.sets, "--one", row]
        if args.limit:
            command += ["--limit", str(args.limit)]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode:
            print(f"{row}: failed\n{done.stderr[-2000:]}")
            continue
        results.append(json.loads(done.stdout))
    report(results, texts)
    date_lines()


def date_lines(rounds: int = 20) -> None:
    """parse_meta beside dateparser on ``DATE_LINES``: dates right and lines per second."""
    import datetime as dt

    import dateparser  # type: ignore[import-untyped]

    from storyline.clean.metadata import parse_meta

    def ours(line: str) -> Optional[dt.date]:
        found = parse_meta(line)
        return found.get("date") if found else None

    def theirs(line: str) -> Optional[dt.date]:
        found = dateparser.parse(line)
        return found.date() if found else None

    print("\n| date lines | right | lines/s | × dateparser |\n|---|---|---|---|")
    speeds = {}
    for name, read in (("dateparser.parse", theirs), ("storyline parse_meta", ours)):
        read(DATE_LINES[0])  # warm-up: loading tables
        right = sum(read(line) == dt.date(2019, 3, 5) for line in DATE_LINES)
        start = time.perf_counter()
        for _ in range(rounds):
            for line in DATE_LINES:
                read(line)
        speeds[name] = rounds * len(DATE_LINES) / (time.perf_counter() - start)
        ratio = speeds[name] / speeds["dateparser.parse"]
        print(f"| {name} | {right}/{len(DATE_LINES)} | {speeds[name]:,.0f} | {ratio:.1f} |")


def report(results: list[dict], texts: list[dict]) -> None:
    """The Markdown table, then each disagreement of the best rows with the declared language."""
    base = next((r for r in results if r["row"] == "is_english" and "missing" not in r), None)
    print("\n| row | whole: accuracy | non-English right | English or not | none | short: accuracy "
          "| non-English right | English or not | none | texts/s (whole) | × is_english | load s | memory MB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for result in results:
        if "missing" in result:
            print(f"| {result['row']} | not installed ({result['missing']}) |")
            continue
        english_only = result["row"] == "is_english"
        cells = []
        for kind in ("whole", "short"):
            found = score(result["answers"][kind], texts, english_only)
            accuracy = "–" if english_only else f"{found['accuracy']:.3f}"
            other = "–" if english_only else f"{found['other'][0]}/{found['other'][1]}"
            cells += [accuracy, other, f"{found['english_or_not']:.3f}", str(found["none"])]
        speed = len(texts) / result["seconds"]["whole"]
        ratio = f"{result['seconds']['whole'] and base['seconds']['whole'] / result['seconds']['whole']:.2f}" \
            if base else "–"
        print(f"| {result['row']} | " + " | ".join(cells) +
              f" | {speed:,.0f} | {ratio} | {result['load_s']:.2f} | {result['rss_mb']:.0f} |")
    print("\nDisagreements with the declared language (whole text), by row:")
    for result in results:
        if "missing" in result or result["row"] == "is_english":
            continue
        wrong = [f"{t['set']}/{t['id']} {t['lang']}→{a}" for t, a in zip(texts, result["answers"]["whole"])
                 if a != t["lang"]]
        print(f"  {result['row']} ({len(wrong)}): {', '.join(wrong)}")


if __name__ == "__main__":
    main()
