"""Experiment: a learned "is this a reportable event line" prior for the timeline, from lines editors judged.

    python benchmarks/editor_check/event_prior.py --labels LINES.jsonl [--data DIR] [--tls t17,crisis]

``LINES.jsonl`` holds one judged timeline line a row, as the readings of ``README.md`` file them:
``{"topic": "crisis/egypt", "date": "2011-01-28", "published": "2011-01-29", "sentence": "...",
"category": "right"}`` (``topic``: the set and topic folder under ``--data``; ``sentence``: the cited
sentence shown first; ``published``: its article's date). It stays outside the repository: the
sentences are licensed text.

Each topic is built in memory with the library; every judged sentence is found again in its
article (same text, same publication date; lines not found are dropped) and measured with
``line_prior.line_features`` (no word of any story), as ``train_prior.py`` does: the data set,
the model and the cross-validated figures are that script's, the event prior of the build off. A line judged in several readings counts
once, under the category most readers gave it; ``near_duplicate`` says how a line stands to the
lines before it, not what it is, so it is left out of the vote (a line only ever judged a
near-duplicate is dropped), and a tie is dropped. The target is ``right`` against wrong date,
furniture and no event.

The model is a logistic regression on standardized features, cross-validated leaving one topic
out. On the lines that are candidates of their date today it is compared with the score the
timeline gives them (``summarize.default_score``), and that score times the out-of-fold
probability p, plainly or as min(1, p / AT) (a likely event keeps its score, an unlikely one is
weighed down): AUC per topic, the share of right lines among each topic's better half, how often
a right line scores above one that is not among lines judged under the same date (the choice the
prior would change), and bootstrap intervals of the gains (dates resampled). With ``--tls``, the
model fitted on every line multiplies each candidate's stored prior (plainly, and capped) and the
TLS protocol (``benchmarks/tls/run.py``) scores the default timelines.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import Optional

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_prior import DEFAULT_DATA, _auc, _model, _same_date_pairs, built, judged_lines, report  # noqa: E402

from storyline.chronology.candidates import commentary  # noqa: E402
from storyline.chronology.line_prior import SentenceCues, document_cues, line_features  # noqa: E402
from storyline.evaluate.tls import average_scores  # noqa: E402
from storyline.evaluate.tls_data import load_topic  # noqa: E402
from storyline.evaluate.tls_run import _evaluate_method, summary_row  # noqa: E402
from storyline.inmemory import memory_store  # noqa: E402

AT = 0.3    # the capped prior: min(1, p / AT)


def _intervals(score: np.ndarray, oof: np.ndarray, y: np.ndarray, where: list[tuple[str, str]], ok: np.ndarray,
               rounds: int = 500) -> None:
    """Bootstrap 95 % intervals of the gains over today's score, resampling (topic, date) groups."""
    groups = defaultdict(list)
    for i in np.nonzero(ok)[0].tolist():
        groups[where[i]].append(i)
    keys = list(groups)
    rng = np.random.default_rng(13)
    for name, s in (("score × p", score * oof), (f"score × min(1, p / {AT})", score * np.minimum(1.0, oof / AT))):
        auc, pairs = [], []
        for _ in range(rounds):
            sel = np.array([i for k in rng.integers(0, len(keys), len(keys)) for i in groups[keys[k]]])
            at = [where[i] for i in sel]
            auc.append(_auc(s[sel], y[sel]) - _auc(score[sel], y[sel]))
            pairs.append(_same_date_pairs(s[sel], y[sel], at)[0] - _same_date_pairs(score[sel], y[sel], at)[0])
        print(f"Gain of {name} over today's score: AUC {np.mean(auc):+.3f} [{np.percentile(auc, 2.5):+.3f}, "
              f"{np.percentile(auc, 97.5):+.3f}], same date {np.mean(pairs):+.3f} [{np.percentile(pairs, 2.5):+.3f}, "
              f"{np.percentile(pairs, 97.5):+.3f}]")


def fitted(lines: list[dict]):
    """The model fitted on every line."""
    return _model().fit(np.array([r["x"] for r in lines]), np.array([r["y"] for r in lines]))


def _weigh(docs, model, cap: Optional[float]) -> None:
    """Each candidate's stored prior times p (capped: min(1, p / cap)); ``cap`` 0 leaves the hand prior."""
    for doc in docs:
        if not hasattr(doc, "hand"):  # the build's priors and the model's p of every candidate, once
            texts = [s.text for s in doc.sentences]
            cues = document_cues(texts, commentary(texts))
            doc.hand = [f.prior for f in doc.features]
            xs = [line_features(doc.sentences[f.sentence].text, SentenceCues(
                f.sentence, f.kind, f.named, f.granularity, f.date, f.reason, f.prior, f.chronology,
                len(f.other_dates)), cues, doc.published) for f in doc.features]
            doc.p = model.predict_proba(np.array(xs))[:, 1].tolist() if xs else []
        for f, hand, p in zip(doc.features, doc.hand, doc.p):
            weight = 1.0 if cap == 0 or f.refused is not None else p if cap is None else min(1.0, p / cap)
            f.prior = round(hand * weight, 4)


def tls(data: Path, sets: list[str], model) -> None:
    """TLS figures of the default timeline with the hand prior, times p, and times min(1, p / AT)."""
    variants = {"hand prior": 0.0, "× p": None, f"× min(1, p / {AT})": AT}
    print("\n| set | prior | AR1-F | AR2-F | Date-F1 | R1-F | R2-F |\n|---|---|---:|---:|---:|---:|---:|")
    for name in sets:
        scores: dict[str, list] = defaultdict(list)
        for folder in sorted((data / name).iterdir()):
            topic = load_topic(folder)
            docs = built(topic)
            for label, cap in variants.items():
                _weigh(docs, model, cap)
                with memory_store(docs) as store:
                    scores[label].extend(_evaluate_method(topic, "default", store, 0.0, None, False, None).scores)
        for label in variants:
            row = summary_row(average_scores(scores[label]))
            print(f"| {name} | {label} | " + " | ".join(f"{v:.3f}" for v in row.values()) + " |")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labels", type=Path, required=True)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--tls", default="", help="also score the default timelines of these TLS sets (t17,crisis)")
    args = parser.parse_args(argv)
    _, lines, dropped = judged_lines(args.labels, args.data)
    oof = report(lines, dropped, AT, exponent=1.0)  # the capped form as this experiment measured it
    where = [(r["topic"], r["date"]) for r in lines]
    score = np.array([np.nan if r["score"] is None else r["score"] for r in lines])
    _intervals(score, oof, np.array([r["y"] for r in lines]), where, ~np.isnan(score))
    if args.tls:
        tls(args.data, args.tls.split(","), fitted(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
