"""The classes ``benchmarks/editor_check/statements.py`` reads from the quote layer, on invented
sentences (needs the English pipeline)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from storyline import nlp
from storyline.api import find_quotes

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "editor_check"
sys.path.insert(0, str(BENCH))

import not_event  # noqa: E402
import statements  # noqa: E402


def test_cue_words_fall_in_their_class():
    assert statements.cue_class("said") == "neutral"
    assert statements.cue_class("announced") == "neutral"
    assert statements.cue_class("warned") == "stance"
    assert statements.cue_class("condemned") == "stance"
    assert statements.cue_class("according to") == "according"
    assert statements.cue_class("walked") == "other"


def _line(text: str) -> dict:
    doc = SimpleNamespace(quotes=find_quotes(text))
    line = {"text": text, "quotes": not_event._quotes_in(doc, 0, len(text))}
    statements.quote_features([line])
    return line


@pytest.mark.skipif(nlp.unavailable() is not None, reason="the English pipeline is not installed")
def test_a_statement_and_a_reported_happening_are_told_apart():
    said = _line("Ann Lee said on Friday that the harbour in Kessel would stay open for the rest of the winter.")
    assert said["q"]["quoted"] and said["q"]["main clause speech"] and said["q"]["cue neutral"]
    assert not said["q"]["content head event"]
    assert statements.statement(said["q"])
    arrested = _line("Police in Westhaven arrested Tom Reyes on Friday, officials said.")
    assert arrested["q"]["speaker anonymous"]
    assert arrested["q"]["event outside"] or arrested["q"]["content head event"]
    assert not statements.statement(arrested["q"])
    plain = _line("Soldiers crossed the river into Ostmark on Tuesday and took the bridge at Halvorsen.")
    assert not plain["q"]["quoted"] and plain["q"]["main clause event"]
    assert statements.clause(plain["q"]) == "main clause a happening"
