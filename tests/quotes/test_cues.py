"""The reporting verbs' forms agree with spaCy's lemmatizer, and the cheap test picks sentences."""

import pytest

from storyline import nlp
from storyline.quotes.cues import FORMS, OTHER_FORMS, cue_lemma, has_cue, lemma_of


@pytest.mark.skipif(nlp.unavailable() is not None, reason="the English pipeline is not installed")
def test_every_listed_form_is_what_spacys_lemmatizer_makes_of_it():
    pipeline = nlp.pipeline(nlp.PARSE)
    lemmatizer = pipeline.get_pipe("lemmatizer")
    wrong = {}
    for form, lemma in {**FORMS, **OTHER_FORMS}.items():
        if form == lemma:
            continue  # a base form is its own lemma (spaCy's rules read a bare "stress" as a plural)
        token = pipeline.make_doc(form)[0]
        token.pos_ = "VERB"
        if lemma not in lemmatizer.rule_lemmatize(token):
            wrong[form] = (lemma, lemmatizer.rule_lemmatize(token))
    assert not wrong


def test_the_cheap_test():
    assert lemma_of("Said") == "say" and lemma_of("insisted") == "insist" and lemma_of("table") == ""
    assert has_cue("According to the survey, prices fell.")
    assert has_cue("The minister denied it.")
    assert not has_cue("Prices fell sharply in May.")
    assert has_cue("She turned to the crowd: “Not yet.”") and has_cue('The letter is blunt: "Not yet."')
    assert not has_cue("Prices: up by a tenth in May.")
    assert has_cue("As the ferryman put it, “Nobody crosses today.”") and has_cue('As he put it, "Nobody crosses."')
    assert not has_cue("Prices rose, fell, and rose again.")


def test_a_verb_that_reports_only_with_its_particle_picks_a_sentence_with_it():
    assert cue_lemma("pointed") == "point" and cue_lemma("sees") == "see" and cue_lemma("seemed") == "seem"
    assert lemma_of("pointed") == "" and lemma_of("spoke") == "" and lemma_of("seemed") == ""
    assert has_cue("Ann Lee pointed out that the ferry was late.") and has_cue("Lee pointed to the polls.")
    assert has_cue("Voters in Kessel see Tom Reyes as a safe pair of hands.")
    assert not has_cue("The team scored ten points in May.") and not has_cue("We saw the harbour at dawn.")
    assert has_cue("The mayor is reportedly weighing a run.") and has_cue("The plan seemed to falter.")


def test_doubled_consonants_ee_verbs_and_shown_are_forms():
    assert lemma_of("planned") == "plan" and lemma_of("slamming") == "slam" and lemma_of("dubbed") == "dub"
    assert lemma_of("labelled") == lemma_of("labeled") == "label"
    assert lemma_of("agreeing") == lemma_of("agreed") == "agree" and lemma_of("agring") == ""
    assert lemma_of("shown") == lemma_of("showed") == "show"
    assert has_cue("Tom Reyes slammed the harbour plan on Monday.")


def test_which_cues_report_speech():
    from storyline.quotes.cues import reports_speech

    assert reports_speech("said") and reports_speech("according to") and reports_speech("warned")
    assert not reports_speech("agreed") and not reports_speech("wants") and not reports_speech("proposed")
    assert not reports_speech("found") and not reports_speech("believes")  # a study's finding, a belief
    assert not reports_speech("explain", "to") and reports_speech("explained", "he")
    assert reports_speech("condemned") and reports_speech("criticised")  # said aloud, in either spelling
