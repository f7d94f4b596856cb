"""Train the plain-text path's line model (``storyline/clean/line_model.json``) on labelled lines.

Every development page (Zyte and WCXB) is rendered to a text dump the benchmark's way
(``html_text.extract_text(html, guess_layout=True)``), run through the rule layer
(``analysis.rule_pass``) and cut into its lines; each line is labelled article or not by
aligning it with the page's gold body:

- its lower-cased ``\\w+`` tokens; a line of three or more tokens is article when at least
  ``LABEL_SHARE`` of its token 3-grams occur in the gold body's 3-grams;
- a line of one or two tokens is article when that token sequence occurs in the gold body's
  token sequence (a heading, a list entry or a table cell of the body);
- a line without tokens is not article.

The features are ``line_model.line_features`` (the line's, and its neighbours'); the model is a
gradient-boosted tree ensemble on them. Lines weigh by their words, each page as much as any
other. Everything is deterministic: pages in id order, a fixed seed.

    python benchmarks/extraction/train_lines.py [--sets zyte,wcxb] [--out FILE] [--labels-out DIR]

The labelled lines (``--labels-out``) stay outside the repository: the pages are licensed for
evaluation only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import DEFAULT_DATA, fold_of, load_wcxb, load_zyte, render  # noqa: E402

from storyline.clean.analysis import rule_pass  # noqa: E402
from storyline.clean.line_model import (LINE_FEATURES, Forest, line_features, overturnable,  # noqa: E402
                                        probabilities)
from storyline.config import DEFAULT_CLEAN  # noqa: E402

SEED = 13
LABEL_SHARE = 0.5
TREES, DEPTH, RATE = 100, 4, 0.1  # boosting rounds (at most: early stopping on a 10% split), depth, step
FOLDS = 5
OUT = Path(__file__).resolve().parents[2] / "src" / "storyline" / "clean" / "line_model.json"
TOKEN = re.compile(r"\w+")


def label_lines(texts: list[str], gold: str) -> np.ndarray:
    """1 for a line aligned with the gold body, 0 otherwise (the rule in the module docstring)."""
    gold_tokens = TOKEN.findall(gold.lower())
    grams = {tuple(gold_tokens[i:i + 3]) for i in range(len(gold_tokens) - 2)}
    joined = " " + " ".join(gold_tokens) + " "
    labels = []
    for text in texts:
        tokens = TOKEN.findall(text.lower())
        if len(tokens) >= 3:
            own = [tuple(tokens[i:i + 3]) for i in range(len(tokens) - 2)]
            labels.append(sum(g in grams for g in own) >= LABEL_SHARE * len(own))
        else:
            labels.append(bool(tokens) and f" {' '.join(tokens)} " in joined)
    return np.array(labels, float)


def page_record(page: dict, set_name: str) -> dict:
    """One page's lines, features, labels and rule verdicts."""
    dump = page["dump"] if page["dump"] is not None else render(page["html"])
    found = rule_pass(dump, params=DEFAULT_CLEAN)
    texts = [line.text for line in found.lines]
    x = line_features(found.lines, found.first, found.last)
    n = np.array([line.n for line in found.lines], float)
    return {"id": page["id"], "set": set_name, "site": page["site"], "fold": fold_of(page["site"]),
            "true": page["true"], "texts": texts, "x": x, "y": label_lines(texts, page["true"]),
            "rules": np.array([line.reason is None for line in found.lines], bool),
            "open": np.array(overturnable(found.lines, found.first, found.last, DEFAULT_CLEAN.line_model_shape_repeats),
                             bool),
            "words": n}


def load_records(sets: list[str], limit: int | None = None) -> list[dict]:
    records = []
    for set_name in sets:
        pages = load_zyte(DEFAULT_DATA["zyte"], limit) if set_name == "zyte" else load_wcxb(DEFAULT_DATA["wcxb"], limit)
        for page in pages:
            records.append(page_record(page, set_name))
        print(f"{set_name}: {len(pages)} pages labelled", file=sys.stderr)
    return records


def _weights(records: list[dict]) -> np.ndarray:
    """Lines weigh by their words (a line without words as one), each page the same in all."""
    out = []
    for r in records:
        w = np.minimum(r["words"], 80) + 1.0
        out.append(w / w.sum() * len(w) if len(w) else w)
    return np.concatenate(out) if out else np.zeros(0)


def fit_forest(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> Forest:
    """One boosted ensemble, packed into the flat node arrays ``line_model.Forest`` walks."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(max_iter=TREES, max_depth=DEPTH, learning_rate=RATE, random_state=SEED)
    model.fit(x, y, sample_weight=w)
    feature, threshold, left, right, value, roots = [], [], [], [], [], []
    for (tree,) in model._predictors:
        nodes, base = tree.nodes, len(feature)
        roots.append(base)
        for k, node in enumerate(nodes):
            leaf = bool(node["is_leaf"])
            feature.append(0 if leaf else int(node["feature_idx"]))
            threshold.append(0.0 if leaf else float(node["num_threshold"]))
            left.append(base + k if leaf else base + int(node["left"]))
            right.append(base + k if leaf else base + int(node["right"]))
            value.append(float(node["value"]) if leaf else 0.0)
    depth = max(int(n["depth"]) for (tree,) in model._predictors for n in tree.nodes)
    forest = Forest(float(np.ravel(model._baseline_prediction)[0]), np.array(feature, np.intp), np.array(threshold),
                    np.array(left, np.intp), np.array(right, np.intp), np.array(value), np.array(roots, np.intp),
                    depth)
    check = x[:: max(len(x) // 500, 1)]
    if not np.allclose(forest.logit(check), model.decision_function(check), atol=1e-6):
        raise AssertionError("the packed trees do not reproduce scikit-learn's decisions")
    return forest


def fit_model(records: list[dict]) -> Forest:
    """The model on the labelled lines of ``records``."""
    records = [r for r in records if len(r["y"])]
    return fit_forest(np.vstack([r["x"] for r in records]), np.concatenate([r["y"] for r in records]),
                      _weights(records))


def model_dict(model: Forest) -> dict:
    trees = {"baseline": round(model.baseline, 10), "depth": model.depth, "roots": model.roots.tolist(),
             "feature": model.feature.tolist(), "threshold": [float(v) for v in model.threshold],
             "left": model.left.tolist(), "right": model.right.tolist(),
             "value": [round(float(v), 10) for v in model.value]}
    return {"format": 1, "line_features": LINE_FEATURES, "trees": trees}


def kept_text(record: dict, p: np.ndarray, keep: float = DEFAULT_CLEAN.line_model_keep,
              overturn: float = DEFAULT_CLEAN.line_model_overturn) -> str:
    """The text the plain-text path keeps of the page given the model's probabilities ``p``
    (the rules' verdict stands unless the model is confident, and their named kinds stand
    always, as ``line_model.decide``)."""
    if len(record["texts"]) < DEFAULT_CLEAN.line_model_min_lines:  # left to the rules
        return "\n\n".join(t for t, k in zip(record["texts"], record["rules"]) if k)
    keeps = np.where(record["rules"], p >= keep, record["open"] & (p >= overturn))
    return "\n\n".join(t for t, k in zip(record["texts"], keeps) if k)


def held_out_probabilities(records: list[dict]) -> dict[tuple[str, str], np.ndarray]:
    """Each page's line probabilities from a model fitted without its fold (folds by site, over
    both sets)."""
    out = {}
    for fold in range(FOLDS):
        model = fit_model([r for r in records if r["fold"] != fold])
        for r in records:
            if r["fold"] == fold:
                out[(r["set"], r["id"])] = probabilities(model, r["x"]) if len(r["texts"]) else np.zeros(0)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="zyte,wcxb")
    parser.add_argument("--out", type=Path, default=OUT, help="where the model is written")
    parser.add_argument("--labels-out", type=Path, default=None,
                        help="also write the labelled lines as <set>-lines.jsonl here (outside the repository)")
    args = parser.parse_args(argv)
    records = load_records([s.strip() for s in args.sets.split(",") if s.strip()])
    model = fit_model(records)
    args.out.write_text(json.dumps(model_dict(model), indent=1) + "\n", encoding="utf-8")
    print(f"model written to {args.out} ({sum(len(r['y']) for r in records)} lines, "
          f"{len(records)} pages)", file=sys.stderr)
    if args.labels_out is not None:
        args.labels_out.mkdir(parents=True, exist_ok=True)
        for set_name in {r["set"] for r in records}:
            with (args.labels_out / f"{set_name}-lines.jsonl").open("w", encoding="utf-8") as fh:
                for r in (r for r in records if r["set"] == set_name):
                    for text, label, rules in zip(r["texts"], r["y"], r["rules"]):
                        fh.write(json.dumps({"page": r["id"], "text": text, "article": int(label),
                                             "rules_keep": bool(rules)}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
