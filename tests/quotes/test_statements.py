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


def test_the_entity_layer_reads_the_class_from_the_quote_layers_parses():
    """The class found inside the entity layer (the quote layer's parses, one sentence's clause
    after a quotation's question joined to it) is the class of each sentence parsed alone."""
    from storyline import attribution
    from storyline.model import Document

    text = ("Ann Lee said on Friday that the harbour in Kessel would stay open for the rest of the winter. "
            "Police in Westhaven arrested Tom Reyes on Friday, officials said. "
            "“Who will pay for the port now?” Reyes asked. "
            "The mayor of Halvorsen warned that the ferries to Ostmark could stop before March.")
    doc = Document(id="a", path="a.txt", kind="text", text=text)
    doc.sentences = split(text, "a")
    doc.features = [SentenceFeatures(s.index, "2024-05-01", "day", True, "report", "", None, 0.5, "", False)
                    for s in doc.sentences]
    attribution.analyze([doc])
    alone = statements(SimpleNamespace(quotes=doc.quotes, sentences=doc.sentences, features=doc.features))
    assert doc.statements == alone
    said = {doc.sentences[i].text.split()[1] for i in alone}
    assert said == {"Lee", "will", "mayor"}  # Lee's words, the question, the mayor's warning; not the arrest


def test_a_layer_reading_a_quotes_parse_needs_no_other():
    """Each sentence the quote layer parsed alone is classed from that parse: nothing is parsed again."""
    from storyline.quotes import quotes_and_parses

    text = ("Ann Lee said the harbour in Kessel would stay open for the winter. "
            "Tom Reyes warned that the talks in Westhaven could fail next week.")
    quotes, parses = quotes_and_parses(text)
    assert set(parses) == {0, 1}
    doc = SimpleNamespace(quotes=quotes, sentences=split(text), features=[])

    class Spent(dict):
        def get(self, key, default=None):  # every sentence's parse, counted
            self.setdefault("read", []).append(key)
            return parses.get(key, default)

    spent = Spent()
    assert statements(doc, spent) == [0, 1] and spent["read"] == [0, 1]


def test_verb_forms_are_the_cue_tables():
    from storyline.quotes.statements import VERB_FORMS

    assert VERB_FORMS["planned"] == "plan" and VERB_FORMS["slammed"] == "slam"
    assert VERB_FORMS["labelled"] == "label" and VERB_FORMS["agreeing"] == "agree" and VERB_FORMS["shown"] == "show"
    assert VERB_FORMS["seemed"] == "seem" and VERB_FORMS["said"] == "say"
