"""The learned finder of a headline run into the story (``chronology.headline``), on sentences
written for these tests."""

import dataclasses
import json
from importlib import resources

import pytest

from storyline.chronology import headline as H
from storyline.chronology.candidates import display_text, shown_text

GLUED = [
    ("Storm floods coastal towns as rivers burst banks ",
     "Heavy rain flooded three coastal towns on Sunday after two rivers burst their banks, officials said."),
    ("Minister quits over housing scandal ",
     "The housing minister resigned on Tuesday after a report found that his office had misused public funds."),
    ("Union calls strike at car plants ",
     "Workers at the country's two largest car plants will walk out next week, their union announced on Monday."),
]

PLAIN = [
    # a name after a lower-case word, in one sentence
    "The minister said on Friday Russia would not send weapons to the region before the talks in Geneva next week.",
    "She told reporters in London that the company would cut 300 jobs at its plant in Leeds by the end of the year.",
    # two capitalized words are one name
    "The ambassador to Norway, Peter Jones, said the embassy would stay open through the winter months despite it.",
    # a day name inside a sentence
    "Protesters came under new pressure Wednesday as clerics and tribal leaders joined the opposition in the capital.",
    # a code of letters and digits
    "The government asked for more money to combat H1N1 swine flu and to back the credit lines of the fund, he said.",
    # a number word before a capitalized word counts it
    "The court heard that the police had arrested two Portuguese students who were later held for seven years.",
    # a possessive is followed by what it owns
    "Speaking on the Ostmark Radio 4's Today programme, he said the virus would spread around the world by winter.",
    # a role before the name it titles
    "The new technique -- which researcher Halvorsen called the most efficient -- copies genes in a few hours.",
    # an acronym counted by the number before it
    "More than 1,000 Ostmarkers and 120 US soldiers have been killed since the new cabinet was formed in April.",
]


@pytest.mark.parametrize("head,story", GLUED)
def test_a_headline_run_into_the_story_is_cut_at_the_seam(head, story):
    assert H.headline_cut(head + story) == len(head)
    assert shown_text(head + story) == story


@pytest.mark.parametrize("text", PLAIN)
def test_a_sentence_with_names_inside_is_left_whole(text):
    assert H.headline_cut(text) is None
    assert shown_text(text) == display_text(text) == text


def test_what_follows_the_headline_loses_its_dateline_too():
    text = ("Rebels seize oil town in the east TRIPOLI (Reuters) - Rebels seized the oil town on Monday after a day "
            "of fighting with government troops.")
    assert shown_text(text).startswith("Rebels seized the oil town on Monday")


def test_short_texts_and_texts_without_a_seam_are_not_searched():
    assert H.best_seam("Prices rose Sharply") == (None, 0.0)
    assert H.best_seam("prices rose sharply again this year across the whole country as demand grew") == (None, 0.0)


def test_seams_follow_words_a_headline_can_end_on():
    words = "Police arrest two Brothers in Paris raid The police arrested two brothers in Paris on Monday".split()
    found = H.seams(words)
    assert 7 in found  # "raid | The"
    assert 3 not in found  # "two | Brothers": a number word counts what follows
    assert 5 not in found  # "in | Paris": a preposition never ends a headline


def test_the_shipped_model_matches_the_features_and_refuses_others():
    data = json.loads(resources.files("storyline.chronology").joinpath(H.MODEL_FILE).read_text(encoding="utf-8"))
    assert data["features"] == H.HEADLINE_FEATURES
    model = H.shipped_model()
    assert len(model.coef) == len(H.HEADLINE_FEATURES) and 0 < model.threshold < 1
    with pytest.raises(ValueError, match="features"):
        H.HeadlineModel.from_dict({**data, "features": data["features"][:-1]})
    words = (GLUED[0][0] + GLUED[0][1]).split(" ")
    found, rows = H.seam_rows(words)
    assert len(rows) == len(found) and all(len(r) == len(H.HEADLINE_FEATURES) for r in rows)


def test_seams_inside_a_noun_phrase_or_after_a_possessive_are_not_cut():
    possessive = "Speaking on Ostmark Radio 4's Today programme, he said the virus was likely to spread in months.".split()
    counted = "More than 1,000 Ostmarkers and 120 US soldiers have been killed since the cabinet was formed.".split()
    assert not H._may_cut(possessive, possessive.index("Today"))
    assert not H._may_cut(counted, counted.index("US"))
    after_count = "Flu deaths in the capital rise to 95 The health agency confirmed the new cases in the city on Monday.".split()
    assert H._may_cut(after_count, after_count.index("The"))  # a headline may end on a number


def test_what_is_left_after_a_cut_is_searched_again():
    """A headline with a standfirst or caption glued after it: the story begins after the last
    seam the model cuts, each found in what the one before left."""
    model = dataclasses.replace(H.shipped_model(), threshold=0.0)  # cut every seam the screen lets through
    text = ("Flu deaths rise to 17 in Ostmark The health worker fell ill on Wednesday after a trip abroad "
            "Ninety-five new flu cases have been confirmed by the health agency, taking the total to 289.")
    at, passes = 0, 0
    while passes < H.MAX_PARTS:
        k, _ = H.best_seam(text[at:], model)
        if k is None:
            break
        at += len(" ".join(text[at:].split(" ")[:k])) + 1
        passes += 1
    assert passes >= 2
    assert H.headline_cut(text, model) == at
    assert H.headline_cut(text) == len("Flu deaths rise to 17 in Ostmark ")  # the shipped threshold: one cut


# A headline (and standfirst) the model leaves whole, run into a lead that opens on its subject.
SUBJECT_LEADS = [
    ("Kessel mourns sudden death of veteran harbour master and tireless campaigner ",
     "Tom Reyes, the former harbour master, died in hospital last night after collapsing on the quay he loved."),
    ("Ostmark Outlines Its Plans for Flood Recovery at Last ",
     "President Ann Lee offered a grim portrait of the valley's plight in an address to parliament last night."),
    ("Halvorsen 'not selling ships for Kessel war' ",
     "President Tom Reyes said on Friday that Ostmark does not support any side in the war and would sell no ships."),
    # a participle headline ending on a role, before a lead that opens on a possessive and its role-holder
    ("PM forced into pledge after outrage at killing of Westhaven officer ",
     "Ostmark's prime minister, Tom Reyes, yesterday announced that he would begin withdrawing the troops."),
]

# Names and titles inside a sentence, before the verb of the same sentence.
SUBJECT_INSIDE = [
    "When the storm broke the police arrested Tom Reyes, a local activist, and two others outside the town hall.",
    "Talking to reporters in Kessel yesterday Ann Lee, the Ostmark envoy, repeated that the talks would resume soon.",
    "Protesters marched to the harbour to oust President Tom Reyes, who they say has failed the valley for years.",
    "French President Ann Lee and Ostmark Prime Minister Tom Reyes argued at a summit on Friday that aid must wait.",
    "Two months after Ostmark's former President Tom Reyes stepped down, the board appointed a new harbour master.",
    "But at a press conference Mr Reyes said that the board would not meet again before the end of the winter.",
    "Speaking after talks with farmers Ostmark's prime minister, Tom Reyes, said the dam would be finished.",
    "Protesters marched to the harbour after police killed two farmers Ostmark's interior minister, Tom Reyes, "
    "said on Friday that he had ordered an inquiry.",
]


@pytest.mark.parametrize("head, story", SUBJECT_LEADS)
def test_a_headline_before_a_lead_opening_on_its_subject_is_cut(head, story):
    assert H.subject_lead_cut(head + story) == len(head)
    assert shown_text(head + story) == story


@pytest.mark.parametrize("text", SUBJECT_INSIDE)
def test_a_subject_inside_a_sentence_is_not_a_seam(text):
    assert H.subject_lead_cut(text) is None
    assert shown_text(text) == text
