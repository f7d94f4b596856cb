"""Quotation marks paired into spans (no model needed); the texts are invented."""

from storyline.quotes.marks import quoted_spans


def spans(text):
    return [text[q.start:q.end] for q in quoted_spans(text)]


def test_straight_and_curly_double_marks():
    text = 'He said "we are ready" and she said “so are we.”'
    assert spans(text) == ['"we are ready"', "“so are we.”"]


def test_nested_quotes_belong_to_the_outer_quote():
    text = "“She told me ‘never again’ and left,” he said."
    assert spans(text) == ["“She told me ‘never again’ and left,”"]


def test_single_curly_marks_as_quote_marks_but_not_apostrophes():
    text = "The minister called the plan ‘dead on arrival’ on Tuesday. It’s the council’s view."
    assert spans(text) == ["‘dead on arrival’"]


def test_a_quote_runs_across_sentences():
    text = "“The river rose. We moved the animals first,” the farmer said."
    assert spans(text) == ["“The river rose. We moved the animals first,”"]


def test_newspaper_convention_for_quotes_of_several_paragraphs():
    text = "“The first paragraph of the speech.\n\n“The second one goes on.\n\n“The last one closes,” he said.\n\nLater text."
    found = quoted_spans(text)
    assert len(found) == 1
    assert text[found[0].start:found[0].end].endswith("closes,”")
    assert found[0].start == 0


def test_an_unbalanced_mark_stops_at_its_paragraph():
    text = "The mayor said “we will rebuild the pier this year.\n\nThe pier was built in 1902. It burned in May."
    found = quoted_spans(text)
    assert len(found) == 1 and not found[0].closed
    assert text[found[0].start:found[0].end] == "“we will rebuild the pier this year."


def test_a_stray_closing_mark_opens_nothing():
    assert spans("The crowd cheered.” Then it rained for hours.") == []


def test_a_left_mark_printed_where_a_right_one_belongs_closes_the_quote():
    text = "“The ferry is late,“ the captain said. “We sail at noon.”"
    assert spans(text) == ["“The ferry is late,“", "“We sail at noon.”"]


def test_a_straight_mark_after_a_no_break_space_opens():
    text = '"We sue," he said.\xa0"Everybody sues, right?"'
    assert spans(text) == ['"We sue,"', '"Everybody sues, right?"']
