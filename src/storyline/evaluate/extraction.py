"""Article-extraction scoring: the published metric of scrapinghub/article-extraction-benchmark.

Reimplemented here from the benchmark's documented scoring so that our numbers are directly
comparable with the figures published for trafilatura, readability, newspaper and others,
without depending on the benchmark's own code at test or run time.

The metric: texts are split into ``\\w+`` tokens (Unicode, case kept), tokens form 4-gram
shingles counted as a multiset, and per page the shingle true positives, false positives and
false negatives are normalized to sum to 1 so that every page weighs the same however long
it is. Corpus precision and recall are means of page values; F1 is taken of those means.
"""

from __future__ import annotations

import random
import re
import statistics
from collections import Counter
from typing import Iterable, Sequence

__all__ = ["SHINGLE_SIZE", "tokens", "shingles", "shingle_counts", "page_scores",
           "corpus_scores", "score_corpus"]

SHINGLE_SIZE = 4
_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    """Word tokens as the benchmark sees them: runs of Unicode word characters."""
    return _TOKEN.findall(text or "")


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter:
    """Token n-grams as a multiset; a short text is one shorter shingle, an empty one none."""
    words = tokens(text)
    if not words:
        return Counter()
    if len(words) < size:
        return Counter([tuple(words)])
    return Counter(tuple(words[i:i + size]) for i in range(len(words) - size + 1))


def shingle_counts(true: str, pred: str) -> tuple[float, float, float]:
    """(tp, fp, fn) of one page, divided by their sum so each page counts once."""
    expected, predicted = shingles(true), shingles(pred)
    tp = fp = fn = 0
    for key in expected.keys() | predicted.keys():
        t, p = expected[key], predicted[key]
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    if total > 0:
        return tp / total, fp / total, fn / total
    return float(tp), float(fp), float(fn)


def _precision_recall(tp: float, fp: float, fn: float) -> tuple[float, float]:
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    precision = 0.0 if tp == 0 and fp == 0 else tp / (tp + fp)
    recall = 0.0 if tp == 0 and fn == 0 else tp / (tp + fn)
    return precision, recall


def page_scores(true: str, pred: str) -> dict:
    """One page's normalized counts with its precision and recall."""
    tp, fp, fn = shingle_counts(true, pred)
    precision, recall = _precision_recall(tp, fp, fn)
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall}


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0


def corpus_scores(pages: Sequence[dict]) -> tuple[float, float, float]:
    """(P, R, F1) of page scores: P over pages that predicted something, R over pages with a truth."""
    precisions = [p["precision"] for p in pages if p["tp"] + p["fp"] > 0]
    recalls = [p["recall"] for p in pages if p["tp"] + p["fn"] > 0]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    return precision, recall, _f1(precision, recall)


def score_corpus(pairs: Iterable[tuple[str, str]], n_bootstrap: int = 200, seed: int = 0) -> dict:
    """Corpus P, R, F1 of (true, pred) pairs with bootstrap 95% half-intervals over pages.

    The half-interval is 1.96 standard deviations of the metric over ``n_bootstrap``
    resamples of the pages (with replacement, seeded so runs repeat exactly).
    """
    pages = [page_scores(true, pred) for true, pred in pairs]
    precision, recall, f1 = corpus_scores(pages)
    result = {"precision": precision, "recall": recall, "f1": f1,
              "precision_ci": 0.0, "recall_ci": 0.0, "f1_ci": 0.0, "pages": pages}
    if pages and n_bootstrap > 1:
        rng = random.Random(seed)
        samples = [corpus_scores(rng.choices(pages, k=len(pages))) for _ in range(n_bootstrap)]
        for index, name in enumerate(("precision", "recall", "f1")):
            result[name + "_ci"] = 1.96 * statistics.stdev(s[index] for s in samples)
    return result
