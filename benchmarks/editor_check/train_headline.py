"""Fit and measure the model that finds a headline run into the story's first sentence
(``storyline/chronology/headline.py``, shipped as ``headline_model.json``).

Examples are made from pages and collections that keep the headline apart from the story: the
headline glued to its own article's first sentence with one space (the seam to find), and
sentences of the article bodies alone (no seam). Sources, all under ``../shared/data``:

- ``ecb``: EventStoryLine (ECB+) news documents, whose second sentence is the headline;
- ``zyte``: the extraction benchmark's article pages (the page's own title, the gold body);
- ``wcxb``: the WCXB article pages (the gold title and body);

Timeline17's article lines (``../shared/data/tls/t17``) are never fitted on: they hold glued
headlines, captions and bylines of their own that no one has marked, so the script only counts
the lines the model cuts and prints a random sample of the cuts to read (``--show-t17 N``).

Cross-validated by group (the site, or the ECB+ topic): each fold's model is fitted without the
fold's sites. The threshold is the lowest probability whose false cuts stay under
``--false-cuts`` of the sentences with no seam on the other folds; the shipped model is fitted on
every fitting source with the median of the folds' thresholds. With ``--judged LINES.jsonl`` (the
editors' readings, as ``train_prior.py`` takes them) it also reports how many judged lines of
each category the shipped model cuts, and prints them.

    python benchmarks/editor_check/train_headline.py --write
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import glob
import gzip
import json
import random
import re
import statistics
import sys
import zlib
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlparse
from xml.etree import ElementTree

import numpy as np
from lxml import html as lxml_html
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks" / "extraction"))

from storyline.chronology import headline as H  # noqa: E402
from train_lines import fit_forest, model_dict as forest_model_dict  # noqa: E402
from storyline.evaluate.tls_data import detokenize  # noqa: E402
from storyline.sentences import split  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
FOLDS = 5
NEGATIVES_PER_DOC = 6
_END = re.compile(r"[.!?][\"”’')]*$")


def _good_title(title: str) -> str | None:
    """A headline as it would be glued: one line, 3–25 words, no sentence mark at its end, the
    site's name after a bar or dash taken off."""
    title = " ".join(title.split())
    for bar in (" | ", " - ", " – ", " — ", " :: "):
        if bar in title:
            parts = title.split(bar)
            title = max(parts, key=lambda p: len(p.split()))
    n = len(title.split())
    if not 3 <= n <= 25 or _END.search(title) or title[-1:] in ":;,":
        return None
    return title


def _sentences(body: str) -> list[str]:
    return [" ".join(s.text.split()) for s in split(body)]


def _examples(title: str | None, sentences: list[str], group: str, source: str) -> list[dict]:
    """The glued example of one article (when its headline and first sentence allow) and up to
    ``NEGATIVES_PER_DOC`` of its sentences alone."""
    out = []
    prose = [s for s in sentences if len(s.split()) >= 8 and _END.search(s)]
    if title and prose:
        lead = prose[0]
        text = title + " " + lead
        k = len(title.split(" "))
        if k in H.seams(text.split(" ")):
            out.append({"text": text, "seam": k, "group": group, "source": source})
    for s in prose[:NEGATIVES_PER_DOC]:
        if len(s.split(" ")) >= H.MIN_WORDS:
            out.append({"text": s, "seam": None, "group": group, "source": source})
    return out


def load_ecb() -> list[dict]:
    out = []
    for path in sorted(glob.glob(str(DATA / "timex/eventstoryline-v1.5/annotated_data/v1.5/*/*.xml"))):
        root = ElementTree.parse(path).getroot()
        by_sentence: dict[int, list[str]] = defaultdict(list)
        for tok in root.iter("token"):
            by_sentence[int(tok.get("sentence", 0))].append(tok.text or "")
        lines = [detokenize(" ".join(by_sentence[i])) for i in sorted(by_sentence)]
        if len(lines) < 3:
            continue
        topic = Path(path).parent.name
        out += _examples(_good_title(lines[1]), lines[2:], f"ecb:{topic}", "ecb")
    return out


def _host(url: str) -> str:
    host = urlparse(url).netloc.lower()
    return host[4:] if host.startswith("www.") else host


def _page_title(raw: str) -> str | None:
    tree = lxml_html.fromstring(raw)
    for xpath in ('//meta[@property="og:title"]/@content', "//h1//text()", "//title/text()"):
        found = [t.strip() for t in tree.xpath(xpath) if t.strip()]
        if found:
            return _good_title(" ".join(found[:1]))
    return None


def load_zyte() -> list[dict]:
    out = []
    truth = json.loads((DATA / "extraction/ground-truth.json").read_text())
    for page, gold in sorted(truth.items()):
        path = DATA / "extraction/html" / f"{page}.html.gz"
        if not path.exists():
            continue
        title = _page_title(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
        out += _examples(title, _sentences(gold["articleBody"]), f"site:{_host(gold.get('url', page))}", "zyte")
    return out


def load_wcxb() -> list[dict]:
    out = []
    for path in sorted(glob.glob(str(DATA / "extraction-wcxb-articles/ground-truth/*.json"))):
        page = json.loads(Path(path).read_text())
        gold = page["ground_truth"]
        title = _good_title(gold.get("title") or "")
        out += _examples(title, _sentences(gold.get("main_content") or ""), f"site:{_host(page.get('url', path))}",
                         "wcxb")
    return out


def load_t17() -> list[str]:
    """Lines of Timeline17 articles after their first three (no headline is known for them, so
    they are read, not scored: how many the model cuts, and a sample to read with ``--show-t17``)."""
    out = []
    csv.field_size_limit(1 << 30)
    for path in sorted(glob.glob(str(DATA / "tls/t17/*/articles.csv"))):
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                lines = [" ".join(detokenize(line).split()) for line in row["text"].split("\n") if line.strip()]
                out += [s for s in lines[3:3 + NEGATIVES_PER_DOC] if len(s.split(" ")) >= H.MIN_WORDS]
    return out


def rows(examples: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One row per seam: its features, 1 where it is the true seam, and its example's index."""
    x, y, owner = [], [], []
    for i, ex in enumerate(examples):
        found, features = H.seam_rows(ex["text"].split(" "))
        x += features
        y += [int(k == ex["seam"]) for k in found]
        owner += [i] * len(found)
    return np.array(x, float), np.array(y), np.array(owner)


def fit(x: np.ndarray, y: np.ndarray, keep: float, threshold: float = 0.5) -> H.HeadlineModel:
    """The screen (a logistic model, its bar keeping ``keep`` of the true seams it was fitted on)
    and the trees, fitted on the same rows."""
    scaler = StandardScaler().fit(x)
    screen = LogisticRegression(C=1.0, max_iter=3000).fit(scaler.transform(x), y)
    p = screen.predict_proba(scaler.transform(x))[:, 1]
    bar = float(np.quantile(p[y == 1], 1.0 - keep)) if y.any() else 0.0
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    return H.HeadlineModel(tuple(map(float, scaler.mean_)), tuple(map(float, scale)),
                           tuple(map(float, screen.coef_[0])), float(screen.intercept_[0]), bar,
                           fit_forest(x, y, np.ones(len(y))), threshold)


def with_threshold(model: H.HeadlineModel, threshold: float) -> H.HeadlineModel:
    return dataclasses.replace(model, threshold=threshold)


def threshold_for(examples: list[dict], best: list[tuple[int | None, float]], false_cuts: float) -> float:
    """The lowest probability at which cuts of sentences with no seam stay under ``false_cuts``."""
    negatives = sorted((p for ex, (_, p) in zip(examples, best) if ex["seam"] is None), reverse=True)
    allowed = int(false_cuts * len(negatives))
    return negatives[allowed] + 1e-9 if allowed < len(negatives) else 0.0


def counts(examples: list[dict], best: list[tuple[int | None, float]], threshold: float) -> Counter:
    """Sentences with no seam cut, and glued ones cut at their seam or elsewhere."""
    c: Counter = Counter()
    for ex, (k, p) in zip(examples, best):
        cut = k is not None and p >= threshold
        if ex["seam"] is None:
            c["no seam"] += 1
            c["false cut"] += cut
        else:
            c["glued"] += 1
            c["right cut"] += cut and k == ex["seam"]
            c["wrong cut"] += cut and k != ex["seam"]
    return c


def _fold(group: str) -> int:
    return zlib.crc32(group.encode()) % FOLDS


def cross_validate(examples: list[dict], keep: float, false_cuts: float) -> tuple[dict[str, Counter], list[float]]:
    """Held-out decisions for every example (its fold's model fitted without its sites; the
    fold's threshold set on the other folds' held-out probabilities), counted per source."""
    fold = np.array([_fold(ex["group"]) for ex in examples])
    x, y, owner = rows(examples)
    held: list[tuple[int | None, float]] = [(None, 0.0)] * len(examples)
    for f in range(FOLDS):
        train = fold[owner] != f
        model = fit(x[train], y[train], keep)
        for i in np.flatnonzero(fold == f):
            held[i] = H.best_seam(examples[i]["text"], model)
    thresholds, decided = [], defaultdict(Counter)
    for f in range(FOLDS):
        others = [i for i in range(len(examples)) if fold[i] != f]
        t = threshold_for([examples[i] for i in others], [held[i] for i in others], false_cuts)
        thresholds.append(t)
        for i in np.flatnonzero(fold == f):
            decided[examples[i]["source"]].update(counts([examples[i]], [held[i]], t))
    return decided, thresholds


def _report(name: str, c: Counter) -> str:
    g, n = c["glued"], c["no seam"]
    return (f"{name:8} glued {g:5}  right cut {c['right cut'] / max(1, g):6.1%}  "
            f"wrong place {c['wrong cut'] / max(1, g):6.1%}  no seam {n:5}  "
            f"false cut {c['false cut'] / max(1, n):6.2%}")


def judged(path: Path, model: H.HeadlineModel, show: bool) -> None:
    """How many of the editors' judged lines of each category the model cuts."""
    seen: set[str] = set()
    by_cat: dict[str, Counter] = defaultdict(Counter)
    for line in path.read_text().splitlines():
        r = json.loads(line)
        text = " ".join(r["sentence"].split())
        if text in seen:
            continue
        seen.add(text)
        at = H.headline_cut(text, model)
        by_cat[r["category"]]["lines"] += 1
        by_cat[r["category"]]["cut"] += at is not None
        if show and at is not None:
            print(f"  [{r['category']}] {text[:at].strip()} || {text[at:at + 80]}")
    for cat, c in sorted(by_cat.items()):
        print(f"judged {cat:15} lines {c['lines']:5}  cut {c['cut']:4} ({c['cut'] / c['lines']:.1%})")


def model_dict(model: H.HeadlineModel, fitted_on: dict[str, int]) -> dict:
    return {"features": H.HEADLINE_FEATURES,
            "screen": {"mean": list(model.mean), "scale": list(model.scale), "coef": list(model.coef),
                       "intercept": model.intercept, "bar": model.screen_bar},
            "trees": forest_model_dict(model.forest)["trees"], "threshold": model.threshold, "fitted_on": fitted_on}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", type=float, default=0.99, help="share of true seams the screen lets through")
    ap.add_argument("--false-cuts", type=float, default=0.005,
                    help="share of sentences with no seam the threshold may cut (on other folds)")
    ap.add_argument("--write", action="store_true", help="write the shipped model")
    ap.add_argument("--judged", type=Path, help="the editors' judged lines (JSON lines) to measure on")
    ap.add_argument("--show", action="store_true", help="print the judged lines the model cuts")
    ap.add_argument("--show-t17", type=int, default=0, metavar="N", help="print N of the T17 lines the model cuts")
    args = ap.parse_args(argv)

    fitting = load_ecb() + load_zyte() + load_wcxb()
    t17 = load_t17()
    print("examples:", dict(Counter((ex["source"], ex["seam"] is not None) for ex in fitting)))
    decided, thresholds = cross_validate(fitting, args.keep, args.false_cuts)
    print(f"cross-validated by site ({FOLDS} folds), thresholds {[round(t, 3) for t in thresholds]}:")
    total: Counter = Counter()
    for source, c in sorted(decided.items()):
        print(_report(source, c))
        total.update(c)
    print(_report("all", total))
    x, y, _ = rows(fitting)
    shipped = with_threshold(fit(x, y, args.keep), statistics.median(thresholds))
    print(f"shipped: screen bar {shipped.screen_bar:.4f}, threshold {shipped.threshold:.3f}")
    cut = [(text, at) for text in t17 if (at := H.headline_cut(text, shipped)) is not None]
    print(f"T17 article lines (never fitted on, unmarked): {len(cut)} of {len(t17)} cut ({len(cut) / len(t17):.2%})")
    for text, at in random.Random(0).sample(cut, min(args.show_t17, len(cut))):
        print(f"  {text[:at].strip()} || {text[at:at + 80]}")
    if args.judged:
        judged(args.judged, shipped, args.show)
    if args.write:
        fitted_on = {s: sum(1 for ex in fitting if ex["source"] == s) for s in ("ecb", "zyte", "wcxb")}
        out = ROOT / "src/storyline/chronology" / H.MODEL_FILE
        out.write_text(json.dumps(model_dict(shipped, fitted_on)) + "\n")
        print("wrote", out.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
