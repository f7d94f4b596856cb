"""Names in one document: spans, the fullest name of each referent, roles, acronyms, kinds agreed."""

import pytest

from storyline import nlp
from storyline.entities import mentions_of, parse
from storyline.sentences import split

pytestmark = pytest.mark.skipif(nlp.unavailable() is not None, reason="the English pipeline is not installed")

TEXT = ("Foreign Minister Anna Kowalczyk said on Monday that talks with the Fenwick Group would go on.\n\n"
        "Kowalczyk told reporters in Lisbon that the International Monetary Fund (IMF) had agreed. "
        "Daniel Okafor, the central bank governor, said the IMF would lend. Mr. Okafor left Lisbon on Tuesday.")


def _mentions():
    sentences = split(TEXT, "d1")
    return mentions_of(parse([TEXT])[0], sentences), sentences


def test_spans_index_the_text_and_sentences_hold_them():
    found, sentences = _mentions()
    assert found
    for m in found:
        assert TEXT[m.start:m.end] == m.text
        s = next(s for s in sentences if s.index == m.sentence)
        assert s.start <= m.start and m.end <= s.end


def test_a_surname_takes_the_fullest_name_and_the_role():
    found, _ = _mentions()
    people = {m.text: m for m in found if m.kind == "PERSON"}
    assert people["Kowalczyk"].name == "Anna Kowalczyk"
    assert people["Anna Kowalczyk"].role == "foreign minister"
    assert people["Okafor"].name == "Daniel Okafor"
    assert people["Okafor"].role == "central bank governor"


def test_an_acronym_takes_the_name_it_abbreviates():
    found, _ = _mentions()
    imf = [m for m in found if m.text == "IMF"]
    assert imf and all(m.name == "International Monetary Fund" for m in imf)


def test_long_texts_are_parsed_in_pieces_with_offsets_kept():
    from storyline.config import EntityParams

    text = "\n\n".join(f"Paragraph {i}: Daniel Okafor met Anna Kowalczyk in Lisbon." for i in range(30))
    whole = parse([text])[0]
    pieces = parse([text], EntityParams(chunk_chars=200))[0]
    assert whole.text == pieces.text == text
    assert [(e.start_char, e.label_) for e in pieces.ents] == [(e.start_char, e.label_) for e in whole.ents]


def test_sentences_that_cannot_name_anyone_skip_the_recognizer_and_offsets_hold():
    from storyline.entities import _may_name, _pieces

    assert not _may_name("the talks will go on, he said.")
    assert not _may_name("It rained all day.")
    assert _may_name("Kowalczyk left early.") and _may_name("It rained in Lisbon.")
    assert not _may_name("\u201cWell, I'm sure it will rain,\u201d he said.")  # capitalized common words only
    assert _may_name("US officials left early.")  # a common word in capitals is an acronym
    sentences = split(TEXT, "d1")
    assert "".join(piece for _, piece in _pieces(TEXT, sentences, 10_000)) == TEXT
    with_sentences = parse([TEXT], sentences=[sentences])[0]
    assert with_sentences.text == TEXT
    assert [(e.start_char, e.label_) for e in with_sentences.ents] == [(e.start_char, e.label_) for e in parse([TEXT])[0].ents]


def test_the_dateline_is_a_place_wherever_it_is_named():
    text = "TOKYO (AP) — Talks resumed in Tokyo on Monday, officials said."
    found = mentions_of(parse([text])[0], split(text, "d"), dateline="TOKYO")
    assert {m.kind for m in found if names_fold(m.name) == "tokyo"} == {"GPE"}


def names_fold(name):
    from storyline.entities.names import fold

    return fold(name)
