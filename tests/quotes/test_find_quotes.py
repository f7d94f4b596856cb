"""Direct quotes, reported speech and speakers on invented sentences (needs the English pipeline)."""

import pytest

from storyline import nlp
from storyline.config import QuoteParams
from storyline.model import EntityMention
from storyline.quotes import find_quotes

pytestmark = pytest.mark.skipif(nlp.unavailable() is not None, reason="the English pipeline is not installed")


def by_text(quotes, fragment):
    found = [q for q in quotes if fragment in q.text]
    assert found, f"no quote with {fragment!r} in {[q.text for q in quotes]}"
    return found[0]


def assert_exact(text, quotes):
    for q in quotes:
        assert text[q.start:q.end] == q.text
        for span in (q.cue, q.speaker):
            if span is not None:
                assert text[span.start:span.end] == span.text


def test_direct_quote_with_pronoun_speaker_resolved_to_the_person_before():
    text = "Maria Lopez, the harbour master, inspected the docks on Monday.\n\n“The cranes are safe again,” she said."
    quotes = find_quotes(text)
    assert_exact(text, quotes)
    q = by_text(quotes, "cranes")
    assert q.direct and q.text == "“The cranes are safe again,”"
    assert q.cue.text == "said" and q.speaker.text == "she"
    assert q.speaker.kind == "pronoun" and q.speaker.entity == "Maria Lopez"


def test_surname_resolves_to_the_fullest_name_in_the_text():
    text = "Peter Okafor opened the new clinic.\n\n“We waited ten years for this,” Okafor said."
    q = by_text(find_quotes(text), "ten years")
    assert q.speaker.text == "Okafor" and q.speaker.entity == "Peter Okafor" and q.speaker.kind == "named"


def test_entities_passed_in_give_the_name():
    text = "“The lake is frozen,” Brandt said."
    start = text.index("Brandt")
    mention = EntityMention(start, start + 6, "Brandt", "PERSON", name="Ilse Brandt")
    q = by_text(find_quotes(text, entities=[mention]), "frozen")
    assert q.speaker.entity == "Ilse Brandt"


def test_quote_interrupted_by_its_attribution_is_one_quote():
    text = "“We will rebuild the school,” the governor said, “and we will do it before winter.”"
    quotes = find_quotes(text)
    assert_exact(text, quotes)
    q = by_text(quotes, "rebuild")
    assert q.start == 0 and q.end == len(text) and q.speaker.text == "the governor"


def test_quote_of_several_paragraphs_with_the_newspaper_convention():
    text = ("The coach spoke after the match.\n\nHelen Park said: “We lost the first half badly.\n\n"
            "“In the second half we found our rhythm and scored twice.”\n\nThe team flies home tomorrow.")
    quotes = find_quotes(text)
    assert_exact(text, quotes)
    q = by_text(quotes, "first half")
    assert "second half" in q.text and q.direct and q.speaker.entity == "Helen Park"
    assert "flies home" not in q.text


def test_unbalanced_mark_does_not_swallow_the_article():
    text = ("The mayor said “the pier will reopen in spring.\n\nThe pier was built in 1902 and burned in May. "
            "Repairs cost four million dollars, the council said.")
    quotes = find_quotes(text)
    assert_exact(text, quotes)
    assert all("1902" not in q.text for q in quotes if q.direct)


def test_mixed_quote_is_direct():
    text = "Senator Alan Reeve said the plan was 'dead on arrival' and ‘a waste of money’."
    q = by_text(find_quotes(text), "plan")
    assert q.direct and "waste of money" in q.text and q.speaker.entity == "Alan Reeve"


@pytest.mark.parametrize("text, content, cue, speaker", [
    ("Tom Ferris said that the bridge would close for a month.", "the bridge would close", "said", "Tom Ferris"),
    ("The bridge will close for a month, Tom Ferris said.", "The bridge will close", "said", "Tom Ferris"),
    ("According to Tom Ferris, the bridge will close for a month.", "the bridge will close", "According to",
     "Tom Ferris"),
    ("Tom Ferris told reporters the bridge would close for a month.", "the bridge would close", "told",
     "Tom Ferris"),
    ("Tom Ferris denied the report about the bridge.", "the report about the bridge", "denied", "Tom Ferris"),
    ("Tom Ferris announced that the bridge would close.", "the bridge would close", "announced", "Tom Ferris"),
    ("Tom Ferris warned that the bridge would close.", "the bridge would close", "warned", "Tom Ferris"),
    ("Tom Ferris argued that the bridge should close.", "the bridge should close", "argued", "Tom Ferris"),
    ("Tom Ferris claimed that the bridge was unsafe.", "the bridge was unsafe", "claimed", "Tom Ferris"),
    ("Tom Ferris insisted that the bridge was safe.", "the bridge was safe", "insisted", "Tom Ferris"),
    ("Tom Ferris added that the bridge was old.", "the bridge was old", "added", "Tom Ferris"),
])
def test_reported_speech_patterns(text, content, cue, speaker):
    quotes = find_quotes(text)
    assert_exact(text, quotes)
    q = by_text(quotes, content)
    assert not q.direct
    assert q.cue.text == cue
    assert speaker in q.speaker.text


@pytest.mark.parametrize("text, source", [
    ("Officials said the border crossing would reopen on Friday.", "Officials"),
    ("A spokesman said the border crossing would reopen on Friday.", "A spokesman"),
    ("Sources familiar with the talks said the border crossing would reopen.", "Sources familiar with the talks"),
])
def test_anonymous_sources(text, source):
    q = by_text(find_quotes(text), "border crossing")
    assert q.speaker.text == source and q.speaker.kind == "anonymous" and q.speaker.entity is None


def test_it_resolves_to_an_organisation():
    text = "Northwind Airlines cut its routes to the islands.\n\nIt said that fuel costs had doubled."
    q = by_text(find_quotes(text), "fuel costs")
    assert q.speaker.kind == "pronoun" and q.speaker.entity == "Northwind Airlines"


def test_speech_quoted_inside_a_quote_is_not_a_second_attribution():
    text = "“My father always said that hard work pays,” Ana Ruiz said."
    quotes = find_quotes(text)
    assert len(quotes) == 1 and quotes[0].speaker.text == "Ana Ruiz"


def test_a_short_title_in_quotes_is_no_quote():
    assert find_quotes("The band played “Blue Morning” twice at the fair.") == []


def test_offsets_index_the_text_with_line_breaks_and_non_ascii_characters():
    text = "Résumé:\r\n\r\n“Ça va très bien,” said Zoë Martin.\n\nThe café, Martin said, opens at noon."
    quotes = find_quotes(text)
    assert quotes
    assert_exact(text, quotes)


def test_params_change_the_join():
    """The tuning values come from QuoteParams: how short a quotation standing alone may be."""
    text = "The crowd waited in the rain. “Build the bridge now.”"
    assert find_quotes(text) == []
    assert by_text(find_quotes(text, params=QuoteParams(standalone_words=3)), "bridge").speaker is None


def test_went_on_to_say_takes_the_subject_of_went():
    text = "Mayor Ellen Brooks went on to say, “The bridge will open in May and the tolls will stay low.”"
    q = by_text(find_quotes(text), "tolls")
    assert q.speaker is not None and "Brooks" in q.speaker.text


def test_participle_on_a_reported_clause_is_the_reporters():
    text = ("Ellen Brooks wrote that the engineers knew the risks, saying, “Nobody on the crew was "
            "surprised by the cracks in the old pier.”")
    q = by_text(find_quotes(text), "cracks")
    assert q.speaker is not None and "Brooks" in q.speaker.text


def test_quotation_interrupted_by_its_attribution_is_one():
    text = "“If the council wants a vote,” Brooks said, “why would it wait until the spring session?”"
    quotes = find_quotes(text)
    q = by_text(quotes, "council")
    assert "spring session" in q.text and q.speaker is not None and q.speaker.text == "Brooks"
    assert_exact(text, quotes)


def test_a_single_line_break_ends_a_paragraph():
    text = ("“The pier is safe for now and we will keep watching it,” Brooks said.\n"
            "“We need the money before winter comes to the harbor.”\nThe council did not answer her.")
    quotes = find_quotes(text)
    first = by_text(quotes, "pier is safe")
    assert "money" not in first.text


def test_a_colon_ending_a_paragraph_introduces_the_next():
    text = ("Ellen Brooks spoke last and went on to say:\n\n"
            "“The harbor has waited long enough for this bridge and the town knows it.”")
    q = by_text(find_quotes(text), "harbor")
    assert q.speaker is not None and "Brooks" in q.speaker.text


def test_accusing_and_likening_report_their_object():
    text = "The mayor accused the council of “playing games with the harbor” before the vote."
    q = by_text(find_quotes(text), "playing games")
    assert q.direct and "council" in q.text and q.speaker is not None and q.speaker.text == "The mayor"


def test_stances_and_findings_are_attributions():
    text = "The survey found that most residents want the bridge. The mayor defended the plan on Tuesday."
    quotes = find_quotes(text)
    assert by_text(quotes, "most residents").speaker.text == "The survey"
    assert by_text(quotes, "the plan").speaker.text == "The mayor"


def test_the_sentence_before_a_quotation_introduces_it():
    text = ("“The bridge is overdue,” said Ellen Brooks, the mayor. Council member Tom Reyes agreed. "
            "“We have argued about this harbor crossing for far too many years.”")
    q = by_text(find_quotes(text), "harbor crossing")
    assert q.speaker is not None and "Reyes" in q.speaker.text


def test_a_reported_clause_goes_on_in_quotation_marks():
    text = ("The mayor says the bridge will open in May. “It is the biggest job this town has taken on "
            "in a generation.”")
    quotes = find_quotes(text)
    q = by_text(quotes, "biggest job")
    assert "open in May" in q.text and q.speaker is not None and q.speaker.text == "The mayor"


def test_a_second_reporting_participle_is_not_part_of_the_first_report():
    text = "Smith said the council “had wasted a whole year on the pier,” adding, “Nobody wants another study.”"
    quotes = find_quotes(text)
    first = by_text(quotes, "wasted")
    assert "another study" not in first.text
    assert by_text(quotes, "another study").speaker.text == "Smith"


def test_a_name_and_a_colon_attribute_the_quotation_after_them():
    text = "Harbor news in brief - Ellen Brooks: “The bridge will open in May and the tolls will stay low.”"
    start = text.index("Ellen")
    quotes = find_quotes(text, entities=[EntityMention(start, start + 12, "Ellen Brooks", "PERSON")])
    q = by_text(quotes, "tolls")
    assert q.speaker is not None and q.speaker.text == "Ellen Brooks" and q.cue is not None and q.cue.text == ":"


def test_referring_reports_its_object():
    text = "The mayor kept referring to the pier as “a disgrace to the harbor” during the meeting."
    q = by_text(find_quotes(text), "disgrace")
    assert q.direct and q.speaker is not None and q.speaker.text == "The mayor"


@pytest.mark.parametrize("text, content", [
    ("The mayor said the bridge was “unsafe for lorries,” a claim the engineers rejected.",
     "the bridge was “unsafe for lorries,”"),
    ("The mayor said the bridge was “unsafe” for lorries, which angered the hauliers.",
     "the bridge was “unsafe” for lorries"),
    ("The mayor said the bridge was “unsafe” for lorries — and she closed it at noon.",
     "the bridge was “unsafe” for lorries"),
])
def test_a_remark_after_the_last_quotation_is_not_what_was_said(text, content):
    q = by_text(find_quotes(text), "unsafe")
    assert q.text == content and q.direct


@pytest.mark.parametrize("text, content", [
    ("The mayor said the bridge was “unsafe” for buses, lorries and vans.",
     "the bridge was “unsafe” for buses, lorries and vans"),
    ("The mayor said the bridge - “unsafe” for lorries - would close.",
     "the bridge - “unsafe” for lorries - would close"),
])
def test_a_list_or_an_aside_in_dashes_stays_in_what_was_said(text, content):
    assert by_text(find_quotes(text), "unsafe").text == content


def test_a_quotation_after_a_colon_with_its_own_attribution_is_its_own_quote():
    text = "Ana Ruiz argued that the levy had failed: “Nobody pays it,” she said."
    quotes = find_quotes(text)
    q = by_text(quotes, "Nobody")
    assert q.text == "“Nobody pays it,”" and q.cue.text == "said" and q.speaker.text == "she"
    assert by_text(quotes, "levy").text == "that the levy had failed"


@pytest.mark.parametrize("text, speaker", [
    ("As one dock worker told the Harbour Weekly, “She wants to scare us, and she has done that.”", "one dock worker"),
    ("As Lena Holm said last week in Oslo, “She wants to scare us, and she has done that.”", "Lena Holm"),
])
def test_whom_where_and_when_between_the_cue_and_its_quotation(text, speaker):
    q = by_text(find_quotes(text), "scare")
    assert q.text == "“She wants to scare us, and she has done that.”" and q.speaker.text == speaker


def test_a_speaker_named_after_the_cue_inside_a_quotation():
    text = ("“The risk,” said Tomas Berg, an economist who has studied the port for years, "
            "“is that the ships will go elsewhere.”")
    q = by_text(find_quotes(text), "ships")
    assert q.text == text and q.speaker.text.startswith("Tomas Berg")


def test_a_participle_before_a_quotation_is_not_read_from_inside_it():
    text = "Weaver did not seem impressed with the plan, telling reporters, “Many people said the mayor should resign.”"
    q = by_text(find_quotes(text), "resign")
    assert q.speaker is not None and q.speaker.text == "Weaver"


@pytest.mark.parametrize("text, speaker", [
    ("Halvorsen turned to the crowd again, with a grin: “We are not finished yet.”", "Halvorsen"),
    ("The harbour board's letter makes the case plainly:  “We are not finished yet.”", "The harbour board's letter"),
])
def test_a_clause_whose_colon_opens_a_quotation_attributes_it(text, speaker):
    q = by_text(find_quotes(text), "finished")
    assert q.text == "“We are not finished yet.”" and q.direct and q.speaker.text == speaker


@pytest.mark.parametrize("text, content, speaker", [
    ("The governor has often boasted of her plan to spend “whatever it takes” on the dams.",
     "of her plan to spend “whatever it takes” on the dams", "The governor"),
    ("Ms. Berg praised the volunteers for their “quiet courage” during the floods.",
     "the volunteers for their “quiet courage”", "Ms. Berg"),
    ("She took aim at Halvorsen, who the mayor dubbed “the little admiral.”",
     "who the mayor dubbed “the little admiral.”", "the mayor"),
])
def test_a_partial_quotation_in_a_cues_complement_is_what_was_said(text, content, speaker):
    q = by_text(find_quotes(text), "“")
    assert q.text == content and q.direct and q.speaker.text == speaker


def test_a_relative_clause_without_a_speaker_of_its_own_is_no_attribution():
    text = "The council passed the bill, which called for “a fair share” from the ports."
    assert all(q.speaker is None or q.speaker.text != "which" for q in find_quotes(text))


@pytest.mark.parametrize("text, speaker, cue", [
    ("Halvorsen looked at the river. “The numbers are clear,” he points out.", "he", "points"),
    ("Halvorsen looked at the river. “We will not leave the valley,” Halvorsen shot back.", "Halvorsen", "shot"),
])
def test_a_short_clause_ending_a_quotation_attributes_it_whatever_its_verb(text, speaker, cue):
    q = by_text(find_quotes(text), "“")
    assert q.speaker.text == speaker and q.cue.text == cue


def test_a_cue_misread_as_a_modifier_of_the_name_before_it():
    text = "De Blasio, speaking on the radio, called Halvorsen a “blowhard,” and said his remarks were useless."
    q = by_text(find_quotes(text), "blowhard")
    assert q.text == "Halvorsen a “blowhard,”" and q.speaker.text == "De Blasio, speaking on the radio"
    assert by_text(find_quotes(text), "useless").speaker.text == "De Blasio, speaking on the radio"


def test_a_passive_naming_is_no_attribution():
    assert find_quotes("The Dream Act, called “a lifeline” by its backers, failed.") == []


def test_a_clause_joined_to_what_was_said_goes_with_it_when_it_quotes():
    text = "Ms. Berg said the plan was costly, and the council would need “years, not months” to pay for it."
    q = by_text(find_quotes(text), "years")
    assert q.text == "the plan was costly, and the council would need “years, not months” to pay for it"
    quotes = find_quotes("The mayor says the dam is safe, but the engineers call it “a ticking bomb.”")
    assert by_text(quotes, "safe").text == "the dam is safe"  # the joined clause has its own cue
    assert by_text(quotes, "bomb").speaker.text == "the engineers"


def test_a_speaker_after_the_cue_read_as_its_object():
    text = "“Look, she needed to split the first two primaries,” added a South Carolina Democrat."
    assert by_text(find_quotes(text), "primaries").speaker.text == "a South Carolina Democrat"


def test_what_a_statement_someone_issued_says_is_theirs():
    text = "The union issued a statement saying it would strike “until the mines reopen.”"
    q = by_text(find_quotes(text), "mines")
    assert q.text == "it would strike “until the mines reopen.”" and q.speaker.text == "The union"


@pytest.mark.parametrize("text, speaker, entity", [
    ("Ann Marsh, who tweeted, “The bridge will not reopen before the spring floods.”", "who", "Ann Marsh"),
    ("The council released a report, which notes, “Half of the roads need repair within five years.”", "which", None),
    ("The union sent its members a text message reading “Strike vote passed, stay home on Monday.”", "The union", None),
])
def test_a_cue_right_before_a_quotation_attributes_it_without_a_subject_of_its_own(text, speaker, entity):
    q = by_text(find_quotes(text), "“")
    assert q.direct and q.text.startswith("“") and q.speaker.text == speaker and q.speaker.entity == entity


def test_the_object_of_the_verb_an_infinitive_completes_speaks():
    q = by_text(find_quotes("The storm forced the harbour master to declare that “no boat leaves tonight.”"), "boat")
    assert q.speaker.text == "the harbour master"


@pytest.mark.parametrize("text, speaker", [
    ("As the harbour master put it, “Nobody sails out in weather like this, not even the ferry.”", "the harbour master"),
    ("The mayor issued a statement, “Our city will recover and the schools will open on Monday.”", "The mayor"),
])
def test_a_clause_whose_comma_opens_a_quotation_attributes_it_whatever_its_verb(text, speaker):
    q = by_text(find_quotes(text), "“")
    assert q.direct and q.text.startswith("“") and q.speaker.text == speaker


def test_a_short_quotation_after_a_comma_is_a_title_not_speech():
    assert [q for q in find_quotes("Dana Ruiz starred in the play, “Lanterns.”") if q.direct] == []


def test_a_left_mark_closing_a_quotation_leaves_its_attribution_out():
    q = by_text(find_quotes("“The ferry is late,“ said Tom Berg, the captain. “We sail at noon.”"), "ferry")
    assert q.speaker.text.startswith("Tom Berg") and "noon" in q.text


@pytest.mark.parametrize("text, speaker, cue", [
    ("“We need the bridge by winter,” Hana Levy, a retired engineer, said at the meeting.",
     "Hana Levy, a retired engineer", "said"),
    ("“The count is wrong in three districts,” Omar Pell, the analyst who ran the survey, tweeted on Friday.",
     "Omar Pell, the analyst who ran the survey", "tweeted"),
    ("“They never listened to the farmers,” Vance fumed on Tuesday.", "Vance", "fumed"),
])
def test_a_speaker_named_between_a_quotation_and_its_cue(text, speaker, cue):
    q = by_text(find_quotes(text), "“")
    assert q.text.startswith("“") and q.text.endswith("”") and q.speaker.text == speaker and q.cue.text == cue


def test_a_quotation_as_long_as_a_sentence_inside_a_sentence_is_someones_words():
    text = ("“The river is rising fast,” Ida Moss said on Monday. Then she warned the council, because "
            "“the old levee on the east bank will not hold another week of rain like this one.”")
    q = by_text(find_quotes(text), "levee")
    assert q.direct and q.text.startswith("“the old levee") and q.speaker.entity == "Ida Moss"
    short = "The council filed the “modest proposal” of the mayor with its minutes."
    assert [q for q in find_quotes(short) if q.direct] == []


def test_a_short_clause_ending_a_quotation_with_its_subject_after_the_verb():
    q = by_text(find_quotes("“We are the biggest fans of the team,” mused Lena Ortiz, a radio host."), "fans")
    assert q.speaker.text.startswith("Lena Ortiz") and q.cue.text == "mused"


@pytest.mark.parametrize("text, name", [
    ('Rep. Nora Quist (D-Ore.):"We asked the agency twice and it never answered the letters."', "Nora Quist"),
    ("The hearing went on for hours.\n\nSaid Walter Brandt:\n\n“We will appeal the ruling in the spring.”",
     "Walter Brandt"),
])
def test_a_name_and_a_colon_before_a_quotation_past_brackets_or_a_paragraph_break(text, name):
    q = by_text(find_quotes(text), "We ")
    assert q.direct and q.speaker is not None and name in q.speaker.entity


def test_a_reported_clause_whose_subject_the_parse_made_the_cues_object():
    q = by_text(find_quotes("Hemsley, the co-author of a book about rumours, said the days when the nation had "
                            '"a somewhat unifying story" from newspapers are gone.'), "unifying")
    assert q.direct and q.text.startswith("the days when") and q.text.endswith("are gone")


def test_a_report_goes_on_to_a_quotation_ending_its_sentence():
    text = ("Ruth Okoye said she would stay in the race, so she could bring to the convention "
            "“the strongest plan for the river towns.” The vote is in May.")
    q = by_text(find_quotes(text), "strongest")
    assert q.text.startswith("she would stay") and q.text.endswith("towns.”") and q.speaker.text == "Ruth Okoye"


@pytest.mark.parametrize("text, speaker", [
    ("In a statement to the Gazette, her senior policy adviser, Jonas Reed, said: "
     "“The mayor believes the bridge must be rebuilt before winter comes.”", "Jonas Reed"),
    ('"I am impressed by the size of the crowd tonight," screenwriter Cole Haddon wrote on Twitter.',
     "screenwriter Cole Haddon"),
])
def test_a_name_right_before_a_cue_the_parse_left_without_a_subject(text, speaker):
    q = by_text(find_quotes(text), "the ")
    assert q.direct and q.speaker.text == speaker


def test_a_sentence_ending_in_a_colon_introduces_the_quotation_opening_the_next_paragraph():
    text = ("When the mill closed in 1998, Mayor Hilda Varga released the following statement:\n\n"
            "“We owe the workers of this town more than a plaque and a speech.”")
    q = by_text(find_quotes(text), "workers")
    assert q.direct and q.speaker.text == "Mayor Hilda Varga"


@pytest.mark.parametrize("text, cue", [
    ("The mayor said she thought the contractors had “cut every corner they could find.”", "said"),
    ("Officials told reporters that the minister believes the reform is “a bridge too far.”", "told"),
])
def test_a_cue_inside_what_another_cue_reports_is_one_attribution(text, cue):
    quotes = [q for q in find_quotes(text) if q.direct]
    assert len(quotes) == 1 and quotes[0].cue.text == cue


def test_a_relative_clause_quoting_inside_a_report_keeps_its_own_attribution():
    text = ("Dana Whitfield said the council had approved the budget, which she called “a betrayal of "
            "every family on the east side.”")
    quotes = find_quotes(text)
    assert any(q.cue.text == "called" and q.direct for q in quotes)


@pytest.mark.parametrize("text, speaker, cue", [
    ("Nadia Ferro welcomed “the recognition that we do not yet have every tool we need to cut emissions deeply.”",
     "Nadia Ferro", "welcomed"),
    ("The harbour board anticipated that the hardest part would be “dealing with the many problems the old "
     "managers are going to leave behind.”", "The harbour board", "anticipated"),
])
def test_a_quotation_inside_a_clause_of_any_verb_is_its_subjects(text, speaker, cue):
    q = by_text(find_quotes(text), "“")
    assert q.direct and q.speaker.text == speaker and q.cue.text == cue


def test_a_quotation_after_a_copula_has_no_speaker_from_its_subject():
    q = by_text(find_quotes("The new slogan of the campaign is “a future that every working family in the whole of the valley can afford.”"), "“")
    assert q.speaker is None


@pytest.mark.parametrize("text, speaker, cue, content", [
    ("In March, Tomas Reyes ridiculed the ferry company for its “reckless practices” on the northern route.",
     "Tomas Reyes", "ridiculed", "the ferry company for its “reckless practices” on the northern route"),
    ("She also referenced the “river clause” in her speech to the council.", "She", "referenced", "the “river clause”"),
])
def test_a_short_quotation_in_what_a_verb_says_of_something_is_its_subjects(text, speaker, cue, content):
    q = by_text(find_quotes(text), "“")
    assert q.direct and q.speaker.text == speaker and q.cue.text == cue and q.text == content


@pytest.mark.parametrize("text", [
    "Marta Sands watched a new episode of “Harbour Lights” on Sunday.",
    "The weather turned “really strange” over the lake on Sunday.",
])
def test_a_title_or_a_thing_speaking_for_no_one_is_no_quote(text):
    assert not [q for q in find_quotes(text) if q.direct]


def test_a_quotation_after_a_report_is_the_reporters_not_the_reported_subjects():
    text = ("Greta Holm added that the council wants to settle the matter before the vote. “They do not like to "
            "talk about it, but I think they will move for political reasons.”")
    q = by_text(find_quotes(text), "political reasons")
    assert q.speaker.text == "Greta Holm"


@pytest.mark.parametrize("text, speaker", [
    ("The mayor, a top aide said, “is very confident, very confident in the plan” for the harbour.", "a top aide"),
    ("These rulings, the lawyers said, “all command the same conclusion” that the plan is lawful.", "the lawyers"),
])
def test_a_cue_interrupting_a_clause_reports_the_whole_clause(text, speaker):
    q = by_text(find_quotes(text), "“")
    assert q.start == 0 and q.text.rstrip(".").endswith(text.rstrip(".")[-12:]) and q.speaker.text == speaker


@pytest.mark.parametrize("signature, name", [("- Marta Sands.", "Marta Sands"), ("— Oskar Vel, Lyon", "Oskar Vel")])
def test_a_name_on_a_dash_under_a_quotation_says_it(signature, name):
    text = f"Quotable.\n\n“We will fix the roads before the snow comes, and we will pay for it ourselves.”\n\n{signature}"
    q = by_text(find_quotes(text), "roads")
    assert q.speaker.text == name


def test_a_name_after_the_cue_that_the_parse_made_the_subject_of_a_later_clause_speaks():
    text = ("Farmers were angry on Monday. “One man came in and said we should sell the land before winter,” said "
            "the woman, who like many in the village did not want to be named.")
    q = by_text(find_quotes(text), "sell the land")
    assert q.speaker is not None and q.speaker.text.startswith("the woman")


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Mona Diaz said Monday that she will “try to form a stable council” and insisted that her party was "
     "“still the first force in the city.”", "first force", "Mona Diaz"),
    ("Karl Moss says he would sit the board down and tell them “no more delays” on the bridge.", "delays",
     "Karl Moss"),
])
def test_he_or_she_in_a_reported_clause_speaks_as_the_reporter(text, fragment, speaker):
    quotes = [q for q in find_quotes(text) if fragment in q.text]
    assert quotes and all(q.speaker.text == speaker for q in quotes)


@pytest.mark.parametrize("text, name", [
    ("Compare that with Ann Lee, who has called the new harbour tax “a disaster,” and Tom Reyes, who says it "
     "is fine.", "Ann Lee"),
    ("The mayor, Tom Reyes, who described the plan as “the best deal this city has seen,” left early.", "Tom Reyes"),
])
def test_who_in_a_relative_clause_quoting_speaks_for_the_name_before(text, name):
    q = by_text(find_quotes(text), "“")
    assert q.cue is not None and q.speaker.text == "who" and q.speaker.entity == name


def test_which_in_a_relative_clause_quoting_is_no_speaker():
    text = "The council passed the bill, which called the old tax “a mistake from the start,” on Friday."
    assert all(q.speaker is None or q.speaker.text != "which" for q in find_quotes(text))


@pytest.mark.parametrize("text, end", [
    ('Mara Quint said Friday that it would "have been nice" had the mayor thanked him for doing something nobody '
     "has done before.", "done before"),
    ("Tom Reyes said on Monday that the count would “have been fine” had the clerks not been tired.", "been tired"),
])
def test_a_reported_clause_the_parse_split_in_two_is_reported_to_its_end(text, end):
    q = by_text(find_quotes(text), "“" if "“" in text else '"')
    assert q.text.endswith(end)


@pytest.mark.parametrize("text", [
    "But polls did predict the Democratic caucus - Ann Lee: “While the caucuses provided an upset on one side, most "
    "pollsters fared much better with the other results.”",
    "Signs of momentum were there all along - Ann Lee: “Data collected by our firm helps confirm that both issues "
    "were in play for polling this year.”",
])
def test_a_name_and_colon_after_a_dash_speaks_the_quotation_not_the_clause_before(text):
    q = by_text(find_quotes(text), "“")
    assert q.speaker.text == "Ann Lee"


def test_whom_a_cue_addresses_before_a_colon_is_no_speaker():
    text = "Ann Lee told Fox News on Sunday: “We will not sell the harbour to anyone, whatever they offer us.”"
    q = by_text(find_quotes(text), "harbour")
    assert q.speaker.text == "Ann Lee"


def test_a_passive_cue_speaks_through_its_agent():
    text = "Ann Lee was asked by host Tom Reyes, “Do you think the harbour will ever reopen, or is it gone for good?”"
    q = by_text(find_quotes(text), "harbour")
    assert q.speaker.entity == "Tom Reyes"


def test_a_participle_with_no_subject_passes_its_quotation_to_the_verb_it_completes():
    text = "Ann Lee also criticised the new mayor for making “very rude statements” about the harbour."
    q = by_text(find_quotes(text), "rude statements")
    assert q.cue.text == "criticised" and q.speaker.text == "Ann Lee"


def test_a_name_right_after_a_verb_ending_a_quotation_speaks():
    text = "“Imagine the mayor going up against the council on the same stage,” mused radio host Tom Reyes."
    q = by_text(find_quotes(text), "mayor")
    assert q.speaker.entity == "Tom Reyes"


def test_a_day_after_the_cue_is_no_speaker():
    q = by_text(find_quotes("“We will win this,” said Monday."), "win")
    assert q.speaker is None


def test_a_short_clause_after_a_question_that_the_splitter_cut_off_attributes_it():
    text = "“Would it be negotiable about the harbour?” Reyes pressed. “Maybe let some people stay if they register?”"
    q = by_text(find_quotes(text), "negotiable")
    assert q.cue.text == "pressed" and q.speaker.text == "Reyes"


def test_a_quotation_going_on_with_no_attribution_takes_the_newest_speaker():
    text = ("“The harbour will reopen in May,” Ann Lee said.\n\nTom Reyes said that the council had doubts about the "
            "plan.\n\n“That is because nobody has seen the budget for the new cranes yet.”")
    q = by_text(find_quotes(text), "budget")
    assert q.speaker.text == "Tom Reyes"


def test_a_sentence_of_narration_between_two_quotations_parts_them_the_speaker_going_on():
    text = ("“The cranes are safe again,” Ann Lee said, pointing at the docks. Tom Reyes shook his head. "
            "“We will see about that in the spring when the ships come back.”")
    quotes = find_quotes(text)
    assert_exact(text, quotes)
    first, second = by_text(quotes, "cranes"), by_text(quotes, "ships")
    assert first is not second
    assert "shook" not in first.text and "shook" not in second.text
    assert second.direct and second.speaker is not None and second.speaker.text == "Ann Lee"


def test_a_quotation_in_the_next_sentence_after_a_title_stop_is_one_span():
    text = ("“The cranes are safe again,” said Rep. Ann Lee. “We will see about the ships in the spring when "
            "the weather turns.”")
    quotes = [q for q in find_quotes(text) if q.direct]
    assert len(quotes) == 1 and "cranes" in quotes[0].text and "ships" in quotes[0].text


def test_a_reporting_verb_inside_the_quotation_is_not_the_reporter_of_the_clause_after_it():
    text = "Tom Reyes spoke to the crowd.\n\n“The cranes are old. I think if we fix them, we can open by May,” she said."
    q = by_text(find_quotes(text), "cranes are old")
    assert q.cue.text == "said" and q.speaker.text == "she"


@pytest.mark.parametrize("text, fragment, speaker", [
    ("“The harbour will stay open all winter, and the cranes are safe,” tweeted another.", "cranes", "another"),
    ("Six banners hung from the bridge. “Ostmark is great, and Kessel is grand,” read one. “Go home now,” read "
     "another.", "Kessel", "one"),
    ("Six banners hung from the bridge. “Ostmark is great, and Kessel is grand,” read one. “Go home now,” read "
     "another.", "Go home", "another"),
    ("“The harbour will stay open all winter,” say critics of the plan.", "winter", "critics of the plan"),
])
def test_a_speaker_after_a_quotation_and_a_cue_spelled_as_a_base_form_or_a_pronoun(text, fragment, speaker):
    q = by_text(find_quotes(text), fragment)
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize("text, fragment", [
    ("Ann Lee said the harbour tax would raise money for the poor, and called him “the loudest friend of the rich.”",
     "loudest friend"),
    ("Ann Lee said the cut was made by the council and said, “Whom would you rather believe about the docks?”",
     "believe"),
    ("Ann Lee pushed back on those claims, saying that the plan had the right parts but was stalled by mistrust - "
     "and arguing that she and Reyes held “most of the same plans for the docks.”", "same plans"),
])
def test_a_cue_the_parse_joined_to_the_reported_clause_speaks_as_the_reporter(text, fragment):
    quotes = find_quotes(text)
    assert_exact(text, quotes)
    inner = min((q for q in quotes if fragment in q.text), key=lambda q: q.end - q.start)
    assert inner.speaker.text == "Ann Lee"


def test_a_capitalized_modal_before_a_cue_is_a_name():
    text = "“The harbour is open and the cranes are safe and the ships will come,” May wrote."
    q = by_text(find_quotes(text), "cranes")
    assert q.cue.text == "wrote" and q.speaker.text == "May"


def test_a_modal_opening_a_sentence_is_no_speaker():
    quotes = find_quotes("Will you come? Ann Lee said she would.")
    assert all(q.speaker is None or q.speaker.text != "Will" for q in quotes)


def test_a_noun_phrase_headed_by_an_adjective_after_a_quotation_speaks():
    text = ("Reyes posted the photo on Thursday.\n\n“Has anyone asked the dockers what they think of the cranes?” "
            "the 61-year-old asked in her post.")
    q = by_text(find_quotes(text), "dockers")
    assert q.speaker is not None and q.speaker.text == "the 61-year-old"


@pytest.mark.parametrize("signature, name", [("- Marta Sands.", "Marta Sands"), ("-Oskar Vel, Lyon.", "Oskar Vel")])
def test_a_name_signing_a_quotation_overrides_the_speaker_it_would_go_on_with(signature, name):
    text = ("“The harbour will reopen,” Tom Reyes said.\n\n“We will fix the roads before the snow comes, and we will "
            f"pay for it ourselves.”\n\n{signature}")
    q = by_text(find_quotes(text), "roads")
    assert q.speaker.text == name


def test_a_heading_on_a_dash_under_a_quotation_is_no_signature():
    text = ("“The harbour will reopen,” Tom Reyes said.\n\n“We will fix the roads before the snow comes, and we will "
            "pay for it ourselves.”\n\n– A view from the docks –.")
    q = by_text(find_quotes(text), "roads")
    assert q.speaker is None or q.speaker.text != "A"


@pytest.mark.parametrize("dash", ["―", "—", "\u00a0―"])
def test_a_name_on_a_dash_closing_the_quotation_line_says_it(dash):
    text = ("Voices from the harbour.\n\n“We will fix the roads before the snow comes, and we will pay for it "
            f"ourselves.” {dash} Oskar Vel, Kessel\n\n“The harbour must stay open all winter.”\n")
    assert by_text(find_quotes(text), "roads").speaker.text == "Oskar Vel"


def test_a_sentence_after_a_dash_on_the_quotation_line_is_no_signature():
    text = ("“The harbour will reopen,” Tom Reyes said.\n\n“We will fix the roads before the snow comes,” — Ann Lee "
            "and her deputy walked out of the hall before the vote on the harbour tax was even taken that night.\n")
    q = by_text(find_quotes(text), "roads")
    assert q.speaker is None or q.speaker.text != "Ann Lee"


def test_a_question_put_to_someone_leaves_the_answer_to_the_one_answering():
    text = ("Tom Reyes kept away from the vote.\n\nWhen asked why, Reyes responded in a text message: “Ann Lee will "
            "be the party's nominee.”\n")
    q = by_text(find_quotes(text), "nominee")
    assert q.speaker.text == "Reyes" and q.cue.text == "responded"


def test_a_cue_after_an_aside_the_parse_read_as_the_verb_speaks_for_the_name_before():
    text = ("Ann Lee lost her patience.\n\nLee, exasperated, famously responded: “What difference, at this point, "
            "does it make to the harbour?” Her critics were quick to seize on it.\n")
    assert by_text(find_quotes(text), "What difference").speaker.text == "Lee"


def test_according_to_at_the_end_of_joined_clauses_attributes_them_all():
    text = "Ann Lee was paid $5; Tom Reyes was paid $7; and the mayor was paid $9, according to the filings.\n"
    q = by_text(find_quotes(text), "$9")
    assert q.text.startswith("Ann Lee was paid $5") and q.speaker.text == "the filings"


def test_a_remark_of_the_writers_ending_a_reported_clause_is_left_out():
    text = "The court said the council had hired Tom Reyes, who worked on the harbour of Kessel before 2009.\n"
    q = by_text(find_quotes(text), "hired")
    assert q.text == "the council had hired Tom Reyes" and q.speaker.text == "The court"


@pytest.mark.parametrize("text, content", [
    ("In the past few days, the mayor of Kessel seemed to be shrinking in stature.", "the mayor of Kessel"),
    ("Enthusiasm for Ann Lee appears to have fallen since the spring.", "Enthusiasm for Ann Lee"),
    ("The council is expected to pass the harbour bill later this week.", "The council"),
])
def test_a_verb_of_seeming_attributes_its_subject_and_complement_to_no_one(text, content):
    q = by_text(find_quotes(text), content)
    assert q.text.startswith(content) and q.speaker is None and not q.direct


def test_a_verb_of_seeming_with_no_complement_reports_nothing():
    assert find_quotes("Ann Lee appeared on the radio in Kessel on Monday.") == []


def test_a_headline_with_a_name_and_a_colon_is_that_names():
    text = "Ann Lee: The Harbour of Kessel Will Stay Open All Winter.\n\nThe mayor spoke on Monday in Westhaven.\n"
    q = by_text(find_quotes(text), "Harbour")
    assert q.text == "The Harbour of Kessel Will Stay Open All Winter" and q.speaker.text == "Ann Lee"
    assert q.cue.text == ":"


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Ann Lee pointed out that the ferry to Kessel was late again.", "ferry", "Ann Lee"),
    ("Tom Reyes pointed to his strong showing in Westhaven.", "showing", "Tom Reyes"),
    ("Voters in Kessel see Tom Reyes as a safe pair of hands.", "safe pair", "Voters in Kessel"),
])
def test_point_out_point_to_and_see_as_report(text, fragment, speaker):
    assert by_text(find_quotes(text), fragment).speaker.text == speaker


def test_the_points_of_a_game_are_no_report():
    assert find_quotes("Ann Lee scored ten points and pointed the way home.") == []


def test_reportedly_attributes_its_clause_to_no_one():
    q = by_text(find_quotes("Tom Reyes is reportedly weighing a run for mayor of Kessel."), "weighing")
    assert q.cue.text == "reportedly" and q.speaker is None
    assert q.text == "Tom Reyes is reportedly weighing a run for mayor of Kessel"  # not the sentence's stop


def test_a_remark_after_a_quotations_own_comma_is_left_out_of_the_report():
    text = ("Ann Lee has called on Tom Reyes to back a bill to close what some call the “Kessel loophole,” which "
            "lets ferries skip the harbour checks when the office is closed.\n")
    q = by_text(find_quotes(text), "loophole")
    assert q.direct and q.text.endswith("“Kessel loophole,”")


def test_a_short_clause_after_a_quotation_with_point_out_attributes_it():
    text = ("Tom Reyes spoke at the docks.\n\n“The ferries to Kessel have run late every week since the spring,” "
            "he points out.\n")
    q = by_text(find_quotes(text), "ferries")
    assert q.cue.text == "points" and q.speaker.text == "he" and q.speaker.entity == "Tom Reyes"


@pytest.mark.parametrize("text, content, speaker", [
    ("Ann Lee shook hands and asked the workers if they planned to vote in Kessel.", "if they planned to vote in Kessel",
     "Ann Lee"),
    ("Tom Reyes asked the council to close the harbour of Westhaven.", "to close the harbour of Westhaven", "Tom Reyes"),
    ("Ann Lee asked Reyes about statements he had made the night before.",
     "about statements he had made the night before", "Ann Lee"),
])
def test_what_a_question_or_a_request_is_about(text, content, speaker):
    q = by_text(find_quotes(text), content)
    assert q.text == content and q.speaker.text == speaker and q.cue.text == "asked"


@pytest.mark.parametrize("text, content, speaker", [
    ("Tom Reyes launched his campaign by talking about the harbour and the ferries.", "the harbour and the ferries",
     "Tom Reyes"),
    ("Ann Lee spoke of her plan for the docks of Kessel.", "her plan for the docks of Kessel", "Ann Lee"),
])
def test_talk_about_and_speak_of_report_what_they_are_about(text, content, speaker):
    q = by_text(find_quotes(text), content)
    assert q.text == content and q.speaker.text == speaker


def test_talking_alone_reports_nothing():
    assert find_quotes("Ann Lee and Tom Reyes talked for an hour in Kessel.") == []
