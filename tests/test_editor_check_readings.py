"""Readings kept without their text (benchmarks/editor_check/readings): the digest that stands for a
sentence finds it again, and a kept reading holds no sentence."""

from __future__ import annotations

import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "editor_check"
sys.path.insert(0, str(BENCH))

import keep_reading  # noqa: E402
import train_prior  # noqa: E402


def test_the_key_ignores_case_and_punctuation_only():
    a = train_prior.sentence_key("Ann Lee resigned on Monday, the council said.")
    assert a == train_prior.sentence_key("ann lee resigned on monday the council said")
    assert a != train_prior.sentence_key("Tom Reyes resigned on Monday, the council said.")


def test_a_kept_reading_drops_the_text_and_keeps_the_judgement(tmp_path):
    lines = tmp_path / "lines.jsonl"
    row = {"topic": "crisis/ostmark", "date": "2020-03-02", "published": "2020-03-03",
           "sentence": "Ann Lee resigned on Monday, the council said.", "category": "right", "sub": None}
    lines.write_text(json.dumps(row) + "\n", encoding="utf-8")
    out = tmp_path / "kept.jsonl"
    assert keep_reading.main([str(lines), str(out), "--reading", "16"]) == 0
    kept = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert kept == [{"topic": "crisis/ostmark", "date": "2020-03-02", "published": "2020-03-03",
                     "category": "right", "sub": None, "reading": 16,
                     "sentence_key": train_prior.sentence_key(row["sentence"])}]
    assert "Ann Lee" not in out.read_text(encoding="utf-8")


def test_kept_readings_hold_no_text():
    for path in (BENCH / "readings").glob("*.jsonl"):
        for raw in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(raw)
            assert set(row) <= {*keep_reading.KEPT, "sentence_key", "reading"}, path
            assert len(row["sentence_key"]) == 20 and row["category"] in train_prior.CATEGORIES, path
