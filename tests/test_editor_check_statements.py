"""The classes ``benchmarks/editor_check/statements.py`` reads from the quote layer, on invented
sentences (needs the English pipeline)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from storyline import nlp
from storyline.api import find_quotes
from storyline.quotes.attribution import COMPONENTS

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "editor_check"
sys.path.insert(0, str(BENCH))

import not_event  # noqa: E402
import statements  # noqa: E402


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


def _both(text: str) -> tuple[dict, dict]:
    """The line's description from the full parse and from the quote layer's own parse."""
    full = _line(text)
    cheap = {"text": text, "quotes": full["quotes"]}
    statements.quote_features([cheap], statements.QuoteParse)
    return full["q"], cheap["q"]


@pytest.mark.skipif(nlp.unavailable() is not None, reason="the English pipeline is not installed")
def test_the_quote_parse_classes_as_the_full_parse_does():
    said, said_cheap = _both("Ann Lee said on Friday that the harbour in Kessel would stay open all winter.")
    assert statements.statement(said_cheap) and said_cheap == said
    warned, warned_cheap = _both("Tom Reyes warned that the talks in Westhaven were not going well.")
    assert warned_cheap["main clause speech"] and warned_cheap == warned
    arrested, arrested_cheap = _both("Police in Westhaven arrested Tom Reyes on Friday, officials said.")
    assert not statements.statement(arrested_cheap) and arrested_cheap == arrested
    plain, plain_cheap = _both("Soldiers had crossed the river into Ostmark and were stopped at Halvorsen.")
    assert plain_cheap["main clause event"] and plain_cheap == plain


@pytest.mark.skipif(nlp.unavailable() is not None, reason="the English pipeline is not installed")
def test_the_quote_parse_reads_verbs_by_tag_and_form():
    doc = nlp.pipeline(COMPONENTS)("Ann Lee has said the soldiers were stopped and crossed the bridge.")
    by_word = {t.text: t for t in doc}
    assert statements.QuoteParse.auxiliary(by_word["has"]) and statements.QuoteParse.auxiliary(by_word["were"])
    assert statements.QuoteParse.speech(by_word["said"]) and statements.QuoteParse.not_event_verb(by_word["said"])
    for word in ("stopped", "crossed"):
        assert statements.QuoteParse.verb(by_word[word]) and not statements.QuoteParse.not_event_verb(by_word[word])
    assert statements.QuoteParse.verbal(by_word["crossed"]) and not statements.QuoteParse.verb(by_word["bridge"])
