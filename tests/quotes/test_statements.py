"""Statements told apart from reported happenings (``storyline.quotes.statements``), on invented
sentences (needs the English pipeline)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from storyline import nlp
from storyline.model import SentenceFeatures
from storyline.quotes import find_quotes
from storyline.quotes.statements import cue_class, quotes_in, statements
from storyline.sentences import split

pytestmark = pytest.mark.skipif(nlp.unavailable() is not None, reason="the English pipeline is not installed")


def _doc(text: str, candidates=None):
    """A document of ``text`` with its quotes; ``candidates``: the sentences its features date (None: no features)."""
    sentences = split(text)
    features = [] if candidates is None else [
        SentenceFeatures(s.index, "2024-05-01" if s.index in candidates else None, "day", True, "report", "", None,
                         0.5, "", False) for s in sentences]
    return SimpleNamespace(quotes=find_quotes(text), sentences=sentences, features=features)


def test_cue_words_fall_in_their_class():
    assert cue_class("said") == cue_class("announced") == "neutral"
    assert cue_class("warned") == cue_class("condemned") == "stance"
    assert cue_class("according to") == "according"
    assert cue_class("walked") == "other"


def test_a_statement_is_found_and_a_reported_happening_is_not():
    text = ("Ann Lee said on Friday that the harbour in Kessel would stay open for the rest of the winter. "
            "Police in Westhaven arrested Tom Reyes on Friday, officials said. "
            "Soldiers crossed the river into Ostmark on Tuesday and took the bridge at Halvorsen. "
            "“We will not give up the port, whatever it costs us,” Reyes told reporters.")
    doc = _doc(text)
    assert len(doc.sentences) == 4
    assert statements(doc) == [0, 3]  # what Lee said would be; a quotation; not the arrest nor the crossing


def test_a_reporting_verb_over_a_reported_happening_is_no_statement():
    doc = _doc("Ann Lee said the ferry to Kessel was seized by the coast guard on Monday.")
    assert quotes_in(doc, 0, len(doc.sentences[0].text))  # a reported quote ...
    assert statements(doc) == []  # ... whose content reports a happening


def test_only_candidate_lines_are_read_when_features_are_known():
    text = ("Ann Lee said the harbour in Kessel would stay open for the winter. "
            "Tom Reyes warned that the talks in Westhaven could fail next week.")
    assert statements(_doc(text)) == [0, 1]
    assert statements(_doc(text, candidates={1})) == [1]
    assert statements(SimpleNamespace(quotes=[], sentences=split(text), features=[])) == []
