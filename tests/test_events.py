"""Dating sentences: a sentence belongs to the date it reports."""

from helpers import make_doc

from storyline.events import date_sentences, group_events


def _dates(doc):
    dated, undated = date_sentences([doc])
    return {(ds.sentence.index, ds.date) for ds in dated}, undated


def test_a_named_day_wins_over_a_coarser_date_in_the_same_sentence():
    doc = make_doc("d1", "The tribunal ruled on Tuesday that the filling in 2021 broke the treaty.",
                   published="2024-05-15", mentions=[("Tuesday", "2024-05-14", "day"), ("2021", "2021", "year")])
    dated, _ = _dates(doc)
    assert dated == {(0, "2024-05-14")}


def test_a_year_naming_a_thing_does_not_date_the_sentence():
    doc = make_doc("d1", "Veldra says it releases more water than the 1998 treaty requires.",
                   published="2023-02-01", mentions=[("1998", "1998", "year")])
    dated, _ = _dates(doc)
    assert dated == {(0, "2023-02-01")}  # falls back to the publication date


def test_a_year_as_the_time_of_an_event_dates_it():
    doc = make_doc("d1", "The two countries signed a treaty in 1998.", published="2023-02-01",
                   mentions=[("1998", "1998", "year")])
    dated, _ = _dates(doc)
    assert dated == {(0, "1998")}


def test_an_undated_document_stays_undated_unless_it_names_a_date():
    doc = make_doc("d1", "The ministers met again. The accord was signed on March 3, 2023.",
                   mentions=[("March 3, 2023", "2023-03-03", "day")])
    dated, undated = _dates(doc)
    assert dated == {(1, "2023-03-03")}
    assert [s.index for _, s in undated] == [0]


def test_same_day_sentences_about_one_happening_form_one_event_across_sources():
    a = make_doc("a", "Ostmark recalled its ambassador from Radev on Monday.", published="2021-11-23",
                 mentions=[("Monday", "2021-11-22", "day")], group=None)
    b = make_doc("b", "Ostmark recalled its ambassador to Veldra on Monday in protest.", published="2021-11-23",
                 mentions=[("Monday", "2021-11-22", "day")])
    c = make_doc("c", "Farmers blocked the road to the dam on Monday.", published="2021-11-23",
                 mentions=[("Monday", "2021-11-22", "day")])
    dated, _ = date_sentences([a, b, c])
    events = group_events(dated)
    sizes = sorted(len(event.groups) for event, _ in events)
    assert sizes == [1, 2]


def test_wire_copy_counts_as_its_first_source_and_a_repeat_is_read_once():
    wire = make_doc("wire", "Talks opened in Kessel on Tuesday.\n\nThe delegations met for six hours.",
                    published="2021-03-02", mentions=[("Tuesday", "2021-03-02", "day")], group="gwire")
    paper = make_doc("paper", "The council met on Monday.\n\nTalks opened in Kessel on Tuesday.\n\nThe council met on Monday.",
                     published="2021-03-04", mentions=[("Tuesday", "2021-03-02", "day")])
    paper.mentions.append(paper.mentions[0].__class__(paper.text.index("Monday"), paper.text.index("Monday") + 6, "Monday",
                                                      "DATE", "2021-03-01", "day", document="paper", sentence=0))
    paper.paragraph_origins = {1: "gwire"}   # its second paragraph is the wire's
    paper.repeated_paragraphs = {2}          # its third repeats its first
    dated, _ = date_sentences([wire, paper])
    by_sentence = {(ds.document.id, ds.sentence.index): ds.source for ds in dated}
    assert by_sentence[("paper", 1)] == "gwire"   # wire copy: one source with the wire
    assert by_sentence[("paper", 0)] == "paper"
    assert ("paper", 2) not in by_sentence         # the repeat is not read again
    events = [e for e, _ in group_events(dated) if e.date == "2021-03-02"]
    assert events and all(e.groups == {"gwire"} for e in events)  # one source reports that day, not two
