"""The plain-text path's line model cross-validated by site, for ``run.py``.

The sites of both sets fall into five folds (``run.fold_of``: CRC32 of the host); for each fold
the line model is fitted on the labelled lines of the other four (``train_lines.fit_model``) and
gives the probabilities of the fold's lines. Two held-out rows come of them:

- learned: a line is kept when its probability is at least 0.5, whatever the rules said;
- shipped combination: the rules' verdict stands unless the model is confident (a line the rules
  kept is dropped under ``line_model_keep``, one they dropped for its place is kept from
  ``line_model_overturn``; a line of a kind they named stays dropped),
  with ``line_model_keep`` and ``line_model_overturn`` chosen together for each fold on the
  other four folds' held-out probabilities (the best mean page F1, each page under its own
  set's metric).

The rules' own thresholds were set by hand on the Zyte pages and are not refitted: their row is
in-sample on Zyte, and so a hard bar for the learned rows there.
"""

from __future__ import annotations

import statistics
import sys

from run import FOLDS, score
from train_lines import held_out_probabilities, kept_text, page_record

from storyline.config import DEFAULT_CLEAN

# candidates for (line_model_keep, line_model_overturn); 0.0 and 1.01: the rules' verdict stands
BARS = [(k, t) for k in (0.0, 0.2, 0.3, 0.4, 0.5) for t in (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)]


def _page_f1(record: dict, text: str) -> float:
    _, per_page = score(record["set"], [{"id": record["id"], "true": record["true"]}], {record["id"]: text})
    return per_page[0]


def cross_validate_text(pages: dict[str, list[dict]]) -> dict:
    """Held-out texts of the learned and the shipped-combination rows, by (set, page id)."""
    records = [page_record(page, set_name) for set_name, set_pages in pages.items() for page in set_pages]
    print(f"plain-text line model: {sum(len(r['y']) for r in records)} labelled lines, fitting 5 folds",
          file=sys.stderr)
    held = held_out_probabilities(records)
    f1 = {(r["set"], r["id"], bars): _page_f1(r, kept_text(r, held[(r["set"], r["id"])], *bars))
          for r in records for bars in BARS}
    chosen = []
    combination, learned = {}, {}
    for fold in range(FOLDS):
        train = [r for r in records if r["fold"] != fold]
        best = max(BARS, key=lambda b: (statistics.fmean(f1[(r["set"], r["id"], b)] for r in train)
                                        if train else 0.0, -b[0], -b[1]))
        chosen.append(best)
        for r in records:
            if r["fold"] == fold:
                p = held[(r["set"], r["id"])]
                combination[(r["set"], r["id"])] = kept_text(r, p, *best)
                learned[(r["set"], r["id"])] = "\n\n".join(t for t, q in zip(r["texts"], p) if q >= 0.5)
    in_sample = {b: statistics.fmean(f1[(r["set"], r["id"], b)] for r in records) for b in BARS}
    return {"chosen": chosen, "combination": combination, "learned": learned, "in_sample": in_sample,
            "sites": len({r["site"] for r in records})}


def held_out_rows(set_name: str, pages: list[dict], cv: dict, rows: list[list[str]],
                  per_page: dict[str, list[float]]) -> None:
    """The set's two held-out rows, and the overturn bar chosen per fold."""
    for name, slug, key in (("storyline (plain text, learned, held-out)", "storyline-text-learned", "learned"),
                            ("storyline (plain text, shipped combination, held-out)", "storyline-text-cv",
                             "combination")):
        predictions = {p["id"]: cv[key][(set_name, p["id"])] for p in pages}
        f1, page_f1s = score(set_name, pages, predictions)
        per_page[slug] = page_f1s
        shingles = score("zyte", pages, predictions)[0] if set_name != "zyte" else f1
        rows.append([set_name, name, f"{f1:.3f}", str(sum(f == 0 for f in page_f1s)), f"{shingles:.3f}", ""])
    best = max(cv["in_sample"], key=lambda b: (cv["in_sample"][b], -b[0], -b[1]))
    print(f"\n{set_name}: (line_model_keep, line_model_overturn) by {FOLDS}-fold cross-validation over "
          f"{cv['sites']} sites of both sets: chosen per fold {cv['chosen']}; on all folds {best}; "
          f"mean page F1 of both sets in-sample at the default "
          f"{cv['in_sample'].get((DEFAULT_CLEAN.line_model_keep, DEFAULT_CLEAN.line_model_overturn), float('nan')):.3f}, "
          f"at the best {cv['in_sample'][best]:.3f}")
