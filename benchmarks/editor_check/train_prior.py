"""Train the timeline's event prior (``storyline/chronology/line_prior.json``) on lines editors judged.

    python benchmarks/editor_check/train_prior.py --labels LINES.jsonl [--data DIR] [--out FILE] [--no-write]
                                                  [--exponents 0,0.25,0.5,1] [--timelines [--dump DIR]]

``LINES.jsonl`` holds one judged timeline line a row, as the readings of ``README.md`` file them:
``{"topic": "crisis/egypt", "date": "2011-01-28", "published": "2011-01-29", "sentence": "...",
"category": "right"}`` (``topic``: the set and topic folder under ``--data``; ``sentence``: the cited
sentence shown first; ``published``: its article's date). It stays outside the repository: the
sentences are licensed text. A row may give ``sentence_key`` (``sentence_key(sentence)``) instead of
the sentence, as the readings kept in ``readings/`` do (``keep_reading.py``).

Each topic is built in memory with the library, the event prior switched off
(``FeatureParams.event_prior = 0``); every judged sentence is found again in its article (same
text, same publication date; lines not found are dropped) and measured with
``line_prior.line_features``. A line judged in several readings counts once, under the category
most readers gave it; ``near_duplicate`` says how a line stands to the lines before it, not what
it is, so it is left out of the vote (a line only ever judged a near-duplicate is dropped), and a
tie is dropped. The target is ``right`` against wrong date, furniture and no event.

The model is a logistic regression on standardized features. It is cross-validated leaving one
topic out and compared, on the lines that are candidates of their date today, with the score
the timeline gives them today (``summarize.default_score``) and with that score times the
out-of-fold probability, and times it as the build applies it (``FeatureParams.event_prior_at``):
AUC per topic, the share of right lines among each topic's better
half, and, among lines judged under the same date, how often a right line scores above one that
is not. ``--exponents``: the same figures for the score times the out-of-fold probability raised
to each exponent (``FeatureParams.event_prior``). ``--timelines``: each topic's default timeline
made with the model fitted without that topic, at each exponent, and how its lines were judged
(the share judged in some reading, and of those the share right, wrong date, furniture and no
event). Then the model is fitted on every line and written to ``--out``.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np

from storyline import dedup
from storyline.chronology.candidates import commentary
from storyline.chronology.features import repeated_in, sentence_features
from storyline.chronology.line_prior import (LINE_PRIOR_FEATURES, MODEL_FILE, SentenceCues, document_cues,
                                             line_features, shipped_prior)
from storyline.chronology.methods import _Material
from storyline.chronology.selection import DateInfo
from storyline.chronology.settings import DEFAULT, FEATURES
from storyline.chronology.summarize import Vectors, default_score
from storyline.evaluate.tls_data import load_topic
from storyline.evaluate.tls_run import load_documents
from storyline.inmemory import memory_store

from dump import timeline_items

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "tls"
OUT = ROOT / "src" / "storyline" / "chronology" / MODEL_FILE
OFF = replace(FEATURES, event_prior=0.0)
C = 0.1  # inverse L2 strength of the logistic regression
CATEGORIES = ("right", "wrong_date", "furniture", "not_event", "near_duplicate")


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def sentence_key(text: str) -> str:
    """A judged sentence's key: a digest of its words, so that readings can be kept without the text."""
    return hashlib.sha1(_norm(text).encode("utf-8")).hexdigest()[:20]


def _row_key(r: dict) -> str:
    return r["sentence_key"] if "sentence_key" in r else sentence_key(r["sentence"])


def _scores(store, dates: set[str]) -> dict[tuple[str, str, int], float]:
    """Today's score of every candidate of these dates (the default method's, over their pools)."""
    rows = store.date_support(DEFAULT.support_weights(), None, None, False)
    infos = {row[0]: DateInfo.from_row(row) for row in rows}
    pools = _Material(store, DEFAULT, infos, None, None, False).pools([d for d in dates if d in infos])
    vectors = Vectors(list(pools.values()), DEFAULT.rare_word)
    out = {}
    for date, pool in pools.items():
        if pool:
            for ds, s in zip(pool, default_score(vectors, DEFAULT, pool)):
                out[(date, ds.document, ds.sentence.index)] = float(s)
    return out


@functools.lru_cache(maxsize=None)
def _documents(path: Path) -> list:
    """A topic's documents through the pipeline, once per run (the features are set by the caller)."""
    return load_documents(load_topic(path), workers=1, names=False)


def built(topic) -> list:
    """A topic's documents with their sentence features as a build stores them, the event prior off."""
    docs = _documents(topic.path)
    for doc, sig in zip(docs, dedup.signatures((d.id, d.text, d.published) for d in docs)):
        doc.features = sentence_features(doc, doc.repeated_paragraphs | repeated_in(sig), OFF)
    return docs


def topic_rows(data: Path, topic: str, labels: list[dict]) -> list[dict]:
    """The judged lines of one topic found again in its articles, with features and today's score."""
    docs = built(load_topic(data / topic))
    where = defaultdict(list)
    for doc in docs:
        for s in doc.sentences:
            where[(sentence_key(s.text), doc.published.isoformat() if doc.published else None)].append((doc, s.index))
    with memory_store(docs) as store:
        scores = _scores(store, {r["date"] for r in labels})
    cues: dict[str, object] = {}
    out = []
    for r in labels:
        hits = where.get((_row_key(r), r.get("published")))
        if not hits:
            continue
        doc, i = hits[0]
        if doc.id not in cues:
            texts = [s.text for s in doc.sentences]
            cues[doc.id] = document_cues(texts, commentary(texts))
        f = doc.features[i]
        found = SentenceCues(i, f.kind, f.named, f.granularity, f.date, f.reason, f.prior, f.chronology,
                             len(f.other_dates))
        out.append({"topic": topic, "date": r["date"], "key": (doc.id, i), "category": r["category"],
                    "x": line_features(doc.sentences[i].text, found, cues[doc.id], doc.published),  # type: ignore[arg-type]
                    "score": scores.get((r["date"], doc.id, i))})
    print(f"{topic}: {len(out)} of {len(labels)} judged lines found", file=sys.stderr)
    return out


def one_per_line(rows: list[dict]) -> tuple[list[dict], Counter]:
    """Each judged line once, labelled by the readers' vote (see the module docstring)."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        groups[(r["topic"], r["date"], r["key"])].append(r)
    out, dropped = [], Counter()
    for rs in groups.values():
        votes = [r["category"] for r in rs if r["category"] != "near_duplicate"]
        right = votes.count("right")
        if not votes or 2 * right == len(votes):
            dropped["only near-duplicate" if not votes else "tie"] += 1
            continue
        out.append({**rs[0], "y": int(2 * right > len(votes)), "category": Counter(votes).most_common(1)[0][0]})
    return out, dropped


def _model():
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=5000))


def _auc(s: np.ndarray, y: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, s)) if len(set(y.tolist())) == 2 else float("nan")


def _top_half(s: np.ndarray, y: np.ndarray) -> float:
    k = max(1, round(len(s) / 2))
    return float(y[np.argsort(-s, kind="stable")[:k]].mean())


def _same_date_pairs(s: np.ndarray, y: np.ndarray, where: list[tuple[str, str]]) -> tuple[float, int]:
    """Among lines judged under the same date of a topic: how often a right one scores above one that is not."""
    by_date = defaultdict(list)
    for i, key in enumerate(where):
        by_date[key].append(i)
    good = total = 0.0
    for idx in by_date.values():
        for i in idx:
            for j in idx:
                if y[i] == 1 and y[j] == 0:
                    total += 1
                    good += 1.0 if s[i] > s[j] else 0.5 if s[i] == s[j] else 0.0
    return (good / total if total else float("nan")), int(total)


def _fold_model(lines: list[dict], left_out: str):
    """The model fitted on every topic's lines but ``left_out``'s."""
    X = np.array([r["x"] for r in lines])
    y = np.array([r["y"] for r in lines])
    keep = np.array([r["topic"] != left_out for r in lines])
    return _model().fit(X[keep], y[keep])


def _parts(fitted) -> tuple:
    """A fitted model's means, scales (a constant feature scaled by 1), weights and intercept."""
    scaler, logistic = fitted[0], fitted[-1]
    return scaler.mean_, np.where(scaler.scale_ > 0, scaler.scale_, 1.0), logistic.coef_[0], logistic.intercept_[0]


def report(lines: list[dict], dropped: Counter, at: float = FEATURES.event_prior_at,
           exponent: float = FEATURES.event_prior, exponents: tuple[float, ...] = ()) -> np.ndarray:
    """Print the data set and the leave-one-topic-out figures, the build's form as
    min(1, p / ``at``) ** ``exponent``; return the out-of-fold probabilities."""
    X = np.array([r["x"] for r in lines])
    y = np.array([r["y"] for r in lines])
    topic = np.array([r["topic"] for r in lines])
    oof = np.zeros(len(y))
    for t in sorted(set(topic)):
        oof[topic == t] = _fold_model(lines, t).predict_proba(X[topic == t])[:, 1]
    counts = defaultdict(Counter)
    for r in lines:
        counts[r["topic"]][r["category"]] += 1
    print(f"Lines: {len(lines)} (dropped: {dict(dropped)})\n")
    print("| topic | lines | " + " | ".join(CATEGORIES[:4]) + " |\n|---|---:|" + "---:|" * 4)
    for t in sorted(counts):
        print(f"| {t} | {sum(counts[t].values())} | " + " | ".join(str(counts[t][c]) for c in CATEGORIES[:4]) + " |")
    score = np.array([np.nan if r["score"] is None else r["score"] for r in lines])
    ok = ~np.isnan(score)
    prior = X[:, LINE_PRIOR_FEATURES.index("prior")]
    shipped = np.array([shipped_prior().probability(row) for row in X])  # fitted on other lines (earlier readings)
    systems = {"hand prior": prior, "score today": score, "event prior (out of fold)": oof, "score × event prior": score * oof,
               f"score × min(1, event prior / {at}) ^ {exponent}": score * np.minimum(1.0, oof / at) ** exponent,
               "shipped event prior": shipped,
               f"score × min(1, shipped / {at}) ^ {exponent}": score * np.minimum(1.0, shipped / at) ** exponent}
    print(f"\nCandidates of their date today: {ok.sum()} of {len(y)} lines. AUC, leave one topic out:\n")
    print("| topic | lines | right | " + " | ".join(systems) + " |\n|---|---:|---:|" + "---:|" * len(systems))
    halves = defaultdict(list)
    for t in [*sorted(set(topic)), "all"]:
        m = ok & ((topic == t) if t != "all" else True)
        cells = " | ".join(f"{_auc(s[m], y[m]):.3f}" for s in systems.values())
        print(f"| {t} | {m.sum()} | {y[m].mean():.2f} | {cells} |")
        if t != "all":
            for name, s in systems.items():
                halves[name].append(_top_half(s[m], y[m]))
    print("\nRight lines among each topic's better half (mean over topics): "
          + ", ".join(f"{name} {np.mean(v):.3f}" for name, v in halves.items()))
    where = [(r["topic"], r["date"]) for r in lines]
    pairs = {name: _same_date_pairs(s[ok], y[ok], [w for w, k in zip(where, ok) if k]) for name, s in systems.items()}
    print("Same date, right above not right: " + ", ".join(f"{n} {a:.3f}" for n, (a, _) in pairs.items())
          + f" (of {next(iter(pairs.values()))[1]} pairs)")
    if exponents:
        print("\n| score × event prior ^ | AUC | right in better halves | same date |\n|---:|---:|---:|---:|")
        for e in exponents:
            s = score * oof ** e
            half = np.mean([_top_half(s[ok & (topic == t)], y[ok & (topic == t)]) for t in sorted(set(topic))])
            same, _ = _same_date_pairs(s[ok], y[ok], [w for w, k in zip(where, ok) if k])
            print(f"| {e:g} | {_auc(s[ok], y[ok]):.3f} | {half:.3f} | {same:.3f} |")
    return oof


def judged_timelines(data: Path, labels: list[dict], lines: list[dict], exponents: tuple[float, ...],
                     dump: Path | None = None) -> None:
    """Print how the lines of each topic's default timeline were judged, the event prior fitted
    without that topic and raised to each exponent; with ``dump``, write each of these timelines
    there as ``dump.py`` does (``<set>_<topic>.prior-<exponent>.json``), for a blind reading."""
    from storyline.chronology import features, make_timeline
    from storyline.chronology.line_prior import LinePrior

    votes: dict[tuple, list[str]] = defaultdict(list)
    for r in labels:
        if r["category"] != "near_duplicate":
            votes[(r["topic"], r["date"], _row_key(r), r.get("published"))].append(r["category"])
    totals = {e: Counter() for e in exponents}
    shipped = features.shipped_prior
    try:
        for topic in sorted({r["topic"] for r in lines}):
            mean, scale, coef, intercept = _parts(_fold_model(lines, topic))
            fold = LinePrior(tuple(mean), tuple(scale), tuple(coef), float(intercept))
            features.shipped_prior = lambda fold=fold: fold  # type: ignore[assignment]
            docs = _documents(data / topic)
            repeated = {d.id: d.repeated_paragraphs | repeated_in(sig)
                        for d, sig in zip(docs, dedup.signatures((d.id, d.text, d.published) for d in docs))}
            by_id = {d.id: d for d in docs}
            for e in exponents:
                for doc in docs:
                    doc.features = sentence_features(doc, repeated[doc.id], replace(FEATURES, event_prior=e))
                with memory_store(docs) as store:
                    timeline = make_timeline(store)
                if dump is not None:
                    out = dump / f"{topic.replace('/', '_')}.prior-{e:g}.json"
                    out.write_text(json.dumps(timeline_items(timeline, by_id), ensure_ascii=False, indent=1),
                                   encoding="utf-8")
                for entry in timeline.entries:
                    for line in entry.summary:
                        doc = by_id[line.sources[0].document]
                        key = (topic, entry.date, sentence_key(doc.sentences[line.sources[0].sentence].text),
                               doc.published.isoformat() if doc.published else None)
                        totals[e]["lines"] += 1
                        if votes.get(key):
                            totals[e]["judged"] += 1
                            totals[e][Counter(votes[key]).most_common(1)[0][0]] += 1
    finally:
        features.shipped_prior = shipped
    print("\n| event prior ^ | lines | judged | right | wrong date | furniture | not an event |\n|---:|---:|---:|---:|---:|---:|---:|")
    for e, c in totals.items():
        j = max(1, c["judged"])
        print(f"| {e:g} | {c['lines']} | {c['judged'] / max(1, c['lines']):.0%} | "
              + " | ".join(f"{c[k] / j:.1%}" for k in ("right", "wrong_date", "furniture", "not_event")) + " |")


def model_dict(lines: list[dict]) -> dict:
    """The logistic model fitted on every line, as ``line_prior.LinePrior.from_dict`` reads it."""
    X = np.array([r["x"] for r in lines])
    y = np.array([r["y"] for r in lines])
    mean, scale, coef, intercept = _parts(_model().fit(X, y))
    return {"format": 1, "features": LINE_PRIOR_FEATURES, "mean": [round(float(v), 6) for v in mean],
            "scale": [round(float(v), 6) for v in scale], "coef": [round(float(v), 6) for v in coef],
            "intercept": round(float(intercept), 6), "C": C,
            "lines": len(lines), "right": int(y.sum())}


def judged_lines(labels_file: Path, data: Path) -> tuple[list[dict], list[dict], Counter]:
    """The judged rows of ``labels_file``, and each judged line once with its features and vote
    (``one_per_line``) with what was left out."""
    labels = [json.loads(line) for line in labels_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_topic = defaultdict(list)
    for r in labels:
        by_topic[r["topic"]].append(r)
    rows = [row for topic in sorted(by_topic) for row in topic_rows(data, topic, by_topic[topic])]
    return (labels, *one_per_line(rows))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labels", type=Path, required=True)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--exponents", default="", help="e.g. 0,0.25,0.5,1")
    parser.add_argument("--timelines", action="store_true")
    parser.add_argument("--dump", type=Path, help="with --timelines: write those timelines here for a blind reading")
    args = parser.parse_args(argv)
    exponents = tuple(float(e) for e in args.exponents.split(",") if e)
    labels, lines, dropped = judged_lines(args.labels, args.data)
    report(lines, dropped, exponents=exponents)
    if args.timelines:
        judged_timelines(args.data, labels, lines, exponents or (FEATURES.event_prior,), args.dump)
    if not args.no_write:
        args.out.write_text(json.dumps(model_dict(lines), indent=1) + "\n", encoding="utf-8")
        print(f"\nmodel -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
