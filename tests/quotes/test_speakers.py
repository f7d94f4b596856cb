"""Which entity a speaker span resolves to when it holds several names or names only what
describes the speaker (invented sentences; needs the English pipeline)."""

import pytest

from storyline import nlp
from storyline.model import EntityMention
from storyline.quotes import find_quotes
from storyline.quotes.speakers import Names, speaker

pytestmark = pytest.mark.skipif(nlp.unavailable() is not None, reason="the English pipeline is not installed")


def the_speaker(text):
    quotes = [q for q in find_quotes(text) if q.speaker is not None]
    assert quotes, f"no attributed quote in {text!r}"
    return quotes[0].speaker


@pytest.mark.parametrize("text, span", [
    ("Norway and Chile agreed on Tuesday to share data on fishing fleets.", "Norway and Chile"),
    ("Mayor Ellen Cargill and Governor Tomas Reyes said the bridge would reopen in May.",
     "Mayor Ellen Cargill and Governor Tomas Reyes"),
    ("The trade ministers of Norway and Chile said the tariffs would fall next year.",
     "The trade ministers of Norway and Chile"),
])
def test_several_speakers_joined_by_and_resolve_to_none_of_them_alone(text, span):
    who = the_speaker(text)
    assert who.text == span and who.entity is None  # shown as written


@pytest.mark.parametrize("text, span", [
    ("The Ohio senator said the bill would pass.", "The Ohio senator"),
    ("Norwegian state television said the ferry had sunk.", "Norwegian state television"),
    ("The Cargill campaign said it would appeal the ruling.", "The Cargill campaign"),
])
def test_a_name_modifying_the_speaker_is_not_the_speaker(text, span):
    who = the_speaker(text)
    assert who.text == span and who.entity is None and who.kind in ("other", "anonymous")


def test_a_person_holding_the_head_word_is_the_speaker_not_the_name_before_it():
    who = the_speaker("Cargill spokesman Peter Odum said the bridge would reopen in May.")
    assert who.entity == "Peter Odum"


def test_a_possessor_still_speaks_through_its_office():
    who = the_speaker("Governor Tomas Reyes's office said the bridge would reopen in May.")
    assert who.entity is not None and who.entity.startswith("Tomas Reyes")  # as the recognizer writes it


def test_one_name_with_an_apposition_is_still_that_name():
    who = the_speaker("Ellen Cargill, a Democrat and former state senator, said the law was unfair.")
    assert who.entity == "Ellen Cargill" and who.kind == "named"


def test_a_nationality_alone_speaks_but_not_inside_a_description():
    text = "Some Norwegians said the tax was unfair."
    names = Names([EntityMention(5, 15, "Norwegians", "NORP")])
    assert speaker(text, 0, 15, "Norwegians", names).entity is None
    assert speaker(text, 5, 15, "Norwegians", names).entity == "Norwegians"


def test_lists_are_not_read_into_an_apposition():
    text = "Ellen Cargill, the daughter of Tomas Reyes and Ana Reyes, said she was proud."
    names = Names([EntityMention(0, 13, "Ellen Cargill", "PERSON"), EntityMention(31, 42, "Tomas Reyes", "PERSON"),
                   EntityMention(47, 56, "Ana Reyes", "PERSON")])
    assert speaker(text, 0, 56, "Cargill", names).entity == "Ellen Cargill"


@pytest.mark.parametrize("text, not_speaker", [
    ("The Aran bridge closed on Monday as 20 cracks were confirmed in its piers.", "20 cracks"),
    ("The Torvik school was told on Monday that the bridge would reopen in May.", "The Torvik school"),
])
def test_what_is_confirmed_or_who_is_told_is_not_the_speaker(text, not_speaker):
    assert all(q.speaker is None or not_speaker not in q.speaker.text for q in find_quotes(text))


def test_a_passive_cue_going_on_to_speech_keeps_its_subject_as_speaker():
    assert the_speaker("Ellen Cargill was quoted as saying the bridge would reopen in May.").text == "Ellen Cargill"


def test_she_passes_over_a_man_the_text_calls_he():
    text = ("Maria Lopez praised Peter Okafor for his work on the harbour.\n\n"
            "\u201cThe cranes are safe again,\u201d she said.")
    q = next(q for q in find_quotes(text) if "cranes" in q.text)
    assert q.speaker.text == "she" and q.speaker.entity == "Maria Lopez"


def test_a_surname_called_both_he_and_she_tells_nothing():
    text = "Ann Berg said he would go. Ann Berg said she would stay."
    names = Names([EntityMention(0, 8, "Ann Berg", "PERSON"), EntityMention(27, 35, "Ann Berg", "PERSON")])
    assert names.genders(text) == {}


@pytest.mark.parametrize("text, speaker_span, reported", [
    ("Hundreds of fishermen gathered on the Aran quay said the harbour must stay open.",
     "Hundreds of fishermen", "the harbour must stay open"),
    ("Dockers gathered outside the Torvik town hall said they would strike on Monday.",
     "Dockers", "they would strike on Monday"),
])
def test_a_participle_after_the_speaker_read_as_a_clause_is_not_what_is_reported(text, speaker_span, reported):
    """"X gathered in Y said ...": the parse can read the participle as a clause of its own, with the
    cue left without a subject and the nearest name before it taken for the speaker."""
    q = next(q for q in find_quotes(text) if q.speaker is not None)
    assert q.speaker.text.startswith(speaker_span) and q.text.startswith(reported)


def test_a_fronted_report_run_into_its_cue_keeps_its_own_subject():
    assert all(q.speaker is None or q.speaker.text != "Cargill"
               for q in find_quotes("Cargill resigned said the Torvik Herald."))


@pytest.mark.parametrize("text", [
    "FERRY PASSENGERS URGED TO COME FORWARD The ferry left Torvik on Thursday after a stop in Aran.",
    "Residents urged to leave as the Aran river rises",
])
def test_a_headline_passive_of_urge_has_no_speaker(text):
    assert find_quotes(text) == []


def test_urged_with_whom_keeps_its_speaker():
    assert the_speaker("Ellen Cargill urged passengers to come forward.").text == "Ellen Cargill"


def test_a_bracketed_stamp_before_the_speaker_is_not_its_words():
    q = next(q for q in find_quotes("(Update 2:04 p.m. Torvik, 7:04 a.m. ET) Dockers gathered on the quay "
                                    "said that they would strike.") if q.speaker is not None)
    assert q.speaker.text == "Dockers"


@pytest.mark.parametrize("text, span", [
    ("(AP Photo) (Lee - AP) The Torvik harbour board said that it would close the quay.", "The Torvik harbour board"),
    ("The (now former) harbour master said that the quay would close.", "The (now former) harbour master"),
])
def test_brackets_before_the_speaker(text, span):
    q = next(q for q in find_quotes(text) if q.speaker is not None)
    assert q.speaker.text == span


@pytest.mark.parametrize("before, kept", [
    ("Torvik, 7:04 a.m. ET) ", ""),  # the span starts inside a bracket the sentence opened before it
    ("(Update 2:04 p.m.) (Lee - AP) the ", "the "),
    ("the (now former) ", None),
    ("the ", None),
])
def test_what_brackets_before_a_speaker_cut(before, kept):
    from storyline.quotes.attribution import _after_brackets

    doc = nlp.pipeline(nlp.PARSE)(before + "minister")
    at = _after_brackets(doc[0:len(doc) - 1])
    assert (None if at is None else doc[at:].text[:-len("minister")]) == kept


@pytest.mark.parametrize("text, shown", [
    ("Ostmark's foreign minister said on Monday that the talks had failed.", None),  # the minister, unnamed
    ("Ostmark's state radio said the army had retaken the town.", None),
    ("Governor Tomas Reyes's office said the bridge would reopen in May.", "Tomas Reyes"),
    ("Tomas Reyes's statement said the bridge would reopen in May.", "Tomas Reyes"),
])
def test_a_possessor_speaks_through_its_office_or_words_not_through_its_people(text, shown):
    who = the_speaker(text)
    if shown is None:
        assert who.entity is None
    else:
        assert (who.entity or "").startswith(shown)  # as the recognizer writes it


def test_a_person_named_after_the_head_is_the_speaker():
    who = the_speaker("Tomas Reyes's wife Ellen said on Monday that the family would sue.")
    assert who.entity is not None and "Ellen" in who.entity


@pytest.mark.parametrize("text, entity", [
    ("A reporter for the Torvik Herald said the harbour would close.", None),   # the reporter, unnamed
    ("Supporters of Ellen Cargill said the vote was rigged.", None),
    ("The director of the Torvik Port Authority, Peter Odum, said the harbour would close.", "Peter Odum"),
    ("Torvik County Supervisor of Elections Ann Berg said the count was over.", "Ann Berg"),
])
def test_a_name_hung_on_the_head_by_a_preposition_is_not_the_speaker(text, entity):
    who = the_speaker(text)
    assert who.entity == entity
