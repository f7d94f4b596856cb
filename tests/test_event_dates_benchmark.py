"""The event-date labels (benchmarks/event_dates/labels.jsonl): a valid schema everywhere, and,
where the T17/Crisis data in ../shared/data is present, every sentence found as labelled."""

from __future__ import annotations

import collections
import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "event_dates"


def _load_run():
    spec = importlib.util.spec_from_file_location("event_dates_run", BENCH / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


run = _load_run()
LABELS = run.load_labels(BENCH / "labels.jsonl")


def test_every_record_is_valid():
    problems = [(i, p) for i, rec in enumerate(LABELS) for p in run.check_label(rec)]
    assert not problems, problems[:10]


def test_size_sets_and_kinds():
    assert len(LABELS) >= 300
    sets = collections.Counter(rec["set"] for rec in LABELS)
    assert set(sets) == {"t17", "crisis", "sample"}
    assert {rec["topic"] for rec in LABELS if rec["set"] == "t17"} == {"egypt", "finan", "h1n1", "haiti", "iraq"}
    assert {rec["topic"] for rec in LABELS if rec["set"] == "crisis"} == {"egypt", "libya", "syria", "yemen"}
    kinds = collections.Counter(rec["kind"] for rec in LABELS)
    assert set(kinds) <= set(run.KINDS)
    assert kinds["furniture"] and kinds["preview"]  # both must occur


def test_records_point_at_distinct_sentences():
    keys = [tuple(sorted((k, v) for k, v in rec.items() if k in ("set", "topic", "row", "line", "date", "index",
                                                                  "path", "sentence"))) for rec in LABELS]
    assert len(set(keys)) == len(keys)


@pytest.mark.parametrize("value, ok", [
    ("2011-01-28", True), ("2011-01", True), ("2011", True), ("2011-W05", True), (None, True),
    ("2011-02-30", False), ("2011-13", False), ("2011-W54", False), ("28 Jan 2011", False), ("2011-SU", False),
])
def test_event_date_values(value, ok):
    rec = {"set": "sample", "path": "a.txt", "sentence": 0, "sha1": "0" * 12, "published": "2011-01-28",
           "event_date": value, "kind": "report", "names_date": False}
    assert (not run.check_label(rec)) == ok


def test_a_state_background_or_furniture_sentence_has_no_event_date():
    rec = {"set": "sample", "path": "a.txt", "sentence": 0, "sha1": "0" * 12, "published": None,
           "event_date": "2011", "kind": "state", "names_date": True}
    assert run.check_label(rec)


@pytest.mark.parametrize("predicted, gold, expected", [
    ("2011-01-28", "2011-01-28", True), ("2011-01-28", "2011-01", True), ("2011-01-28", "2011", True),
    ("2011-01", "2011-01-28", False), ("2011", "2011-01", False), ("2011-01-27", "2011-01-28", False),
    (None, None, True), ("2011-01-28", None, False), (None, "2011", False),
    ("2011-02-02", "2011-W05", True), ("2011-02-07", "2011-W05", False), ("2011-W05", "2011-W05", True),
])
def test_right_compares_at_the_gold_precision(predicted, gold, expected):
    assert run.right(predicted, gold) == expected


def test_baseline_prefers_a_named_day_and_falls_back_to_publication():
    from storyline import find_dates

    published = dt.date(2023, 1, 17)
    text = "The 1998 treaty was reopened in March, and talks collapsed on Monday."
    assert run.baseline(text, find_dates(text, anchor=published), published).value == "2023-01-16"
    text = "The talks collapsed."
    assert run.baseline(text, find_dates(text, anchor=published), published).value == "2023-01-17"
    assert run.baseline(text, [], None).value is None


def test_every_sample_sentence_is_found():
    problems = [rec for rec in LABELS if rec["set"] == "sample" and run.sha1_12(run.sentence_text(rec)) != rec["sha1"]]
    assert not problems, problems[:5]


@pytest.mark.skipif(not run.data_available(), reason="T17/Crisis data not found in ../shared/data")
def test_every_t17_and_crisis_sentence_is_found():
    problems = []
    for rec in LABELS:
        if rec["set"] == "sample":
            continue
        sentences, i, published = run.locate(rec)
        if run.sha1_12(sentences[i]) != rec["sha1"] or published != rec["published"]:
            problems.append(rec)
    assert not problems, problems[:5]
