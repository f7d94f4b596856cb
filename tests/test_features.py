"""Build-time timeline features and what the store aggregates from them."""

import datetime as dt

from helpers import make_doc

from storyline.inmemory import memory_store, timeline_of
from storyline.chronology.events import group_events
from storyline.chronology.features import sentence_features, support_rows
from storyline.chronology.settings import DEFAULT


def _features(doc):
    return {f.sentence: f for f in sentence_features(doc)}


def test_a_sentence_is_dated_by_the_day_it_reports_and_others_fall_back_to_publication():
    doc = make_doc("d1", "The tribunal ruled on Tuesday that the filling broke the treaty. "
                         "Both governments said they would study the ruling carefully.",
                   published="2024-05-15", mentions=[("Tuesday", "2024-05-14", "day")])
    f = _features(doc)
    assert (f[0].date, f[0].named, f[0].kind) == ("2024-05-14", True, "report")
    assert (f[1].date, f[1].named) == ("2024-05-15", False)


def test_an_undated_document_gives_no_date_unless_a_sentence_names_one():
    doc = make_doc("d1", "The ministers met again in the capital for long talks. The accord was signed on March 3, 2023.",
                   mentions=[("March 3, 2023", "2023-03-03", "day")])
    f = _features(doc)
    assert f[0].date is None
    assert f[1].date == "2023-03-03"


def test_support_rows_count_reports_per_date_and_the_lead_supports_the_day_before():
    doc = make_doc("d1", "Floodwater reached the town hall of Torvik late in the evening yesterday. "
                         "The mayor ordered the lower streets evacuated on Thursday night. "
                         "Residents said the water rose faster than anyone had expected.",
                   published="2024-02-09", mentions=[("Thursday", "2024-02-08", "day")])
    rows = {r.date: r for r in support_rows(doc, sentence_features(doc))}
    assert rows["2024-02-08"].named == 1 and rows["2024-02-08"].delta == 1
    assert rows["2024-02-09"].fallback == 0          # the undated lead falls back to its day
    assert rows["2024-02-08"].next_day == 0           # and is the day-before material of a next-day report


def test_the_store_counts_a_duplicate_group_once_per_date():
    text = "Ministers of Veldra and Ostmark agreed on Tuesday to set up a joint commission on the dam."
    docs = [make_doc("a", text, "2021-03-02", [("Tuesday", "2021-03-02", "day")], group="g", relation="representative"),
            make_doc("b", text + " More follows.", "2021-03-02", [("Tuesday", "2021-03-02", "day")], group="g",
                     relation="version"),
            make_doc("c", "The joint dam commission agreed on Tuesday was welcomed by farmers' unions in Ostmark.",
                     "2021-03-03", [("Tuesday", "2021-03-02", "day")])]
    with memory_store(docs) as store:
        rows = {r[0]: r for r in store.date_support(DEFAULT.support_weights())}
    assert rows["2021-03-02"][3] == 2     # named by two independent sources, not three documents


def test_query_scope_restricts_the_aggregates():
    docs = [make_doc("a", "Ministers signed the river accord in Kessel on Monday after long talks.", "2023-09-18",
                     [("Monday", "2023-09-18", "day")]),
            make_doc("b", "Floodwater reached the town hall of Torvik on Thursday as the river burst its banks.",
                     "2023-09-21", [("Thursday", "2023-09-21", "day")])]
    with memory_store(docs) as store:
        store.set_scope(["b"])
        dates = {r[0] for r in store.date_support(DEFAULT.support_weights())}
        store.set_scope(None)
        every = {r[0] for r in store.date_support(DEFAULT.support_weights())}
    assert dates == {"2023-09-21"}
    assert dates < every


def test_wire_copy_counts_as_its_first_source_and_a_repeat_is_read_once():
    wire = make_doc("wire", "Talks opened in Kessel on Tuesday between the two delegations.\n\n"
                            "The delegations met for six hours in the old town hall.",
                    published="2021-03-02", mentions=[("Tuesday", "2021-03-02", "day")])
    paper = make_doc("paper", "The city council met on Monday to discuss the budget.\n\n"
                              "Talks opened in Kessel on Tuesday between the two delegations.\n\n"
                              "The city council met on Monday to discuss the budget.",
                     published="2021-03-04", mentions=[("Tuesday", "2021-03-02", "day")])
    for surface in ("Monday",):
        for start in (paper.text.index(surface), paper.text.rindex(surface)):
            sent = next(s for s in paper.sentences if s.start <= start < s.end)
            paper.mentions.append(paper.mentions[0].__class__(start, start + 6, surface, "DATE", "2021-03-01", "day",
                                                              document="paper", sentence=sent.index))
    tl = timeline_of([wire, paper], sentences_per_date=3)
    tuesday = next(e for e in tl.entries if e.date == "2021-03-02")
    # the wire's sentence and its copy in the paper are one line, citing the wire first
    line = next(x for x in tuesday.summary if x.text.startswith("Talks opened"))
    assert [s.document for s in line.sources] == ["wire", "paper"]
    cited = [(s.document, s.sentence) for e in tl.entries for x in e.summary for s in x.sources]
    assert ("paper", 2) not in cited      # the repeated paragraph is read once


def test_same_day_sentences_about_one_happening_form_one_event_across_sources():
    from storyline.chronology.events import DatedSentence
    from storyline.chronology.candidates import content_words
    from storyline.model import Sentence

    def ds(doc, text):
        return DatedSentence(Sentence(doc, 0, 0, len(text), text, 0), dt.date(2021, 11, 23), None, doc,
                             "2021-11-22", "day", True, "report", 1.0, False, content_words(text))

    events = group_events([ds("a", "Ostmark recalled its ambassador from Radev on Monday."),
                           ds("b", "Ostmark recalled its ambassador to Veldra on Monday in protest."),
                           ds("c", "Farmers blocked the road to the dam on Monday.")], DEFAULT.event_link)
    assert sorted(len(event.groups) for event, _ in events) == [1, 2]


def test_fragments_and_garbled_text_are_never_lines():
    from storyline.chronology.candidates import content_words, refusal

    def refused(text):
        return refusal(text, len(content_words(text)))

    assert refused("The vote was postponed.") == "fragment"
    assert refused("m n c t m cao c a qu n th ng i vi t b nh") == "garbled"
    assert refused("have just decided to extend the flood relief mission for another ninety days.") == "fragment"
    assert refused("eBay suspended sales of sandbags in Ostmark on Monday after prices tripled.") is None
    # what is left once a lead is cut opens on a lower-case word: the lead took the sentence's start
    assert refused(", chairman of the water board, to decide whether the minister should keep "
                   "her powers.") == "fragment"
    assert refused("The health agency raised its pandemic alert level to five on Monday evening.") is None


def test_a_caption_supports_its_day_but_is_no_line():
    doc = make_doc("d1", "Farmers gather outside the dam gates in Kessel on Thursday. "
                         "The water board closed the dam gates to farmers on February 8 after a week of protests.",
                   published="2024-02-09", mentions=[("Thursday", "2024-02-08", "day"), ("February 8", "2024-02-08", "day")])
    f = _features(doc)
    assert f[0].refused == "present-tense" and f[0].date == "2024-02-08"
    assert f[1].refused is None
    rows = {r.date: r for r in support_rows(doc, sentence_features(doc))}
    assert rows["2024-02-08"].named == 1   # the caption is no report of its own


def test_a_date_in_a_headline_run_into_the_sentence_does_not_date_it():
    text = ("Five Days That Shook Kessel: March 1 - 5, 2024 The water level at the Kessel dam fell by two metres "
            "on Friday, March 5, after the spillway gates were opened.")
    doc = make_doc("d1", text, published="2024-03-06",
                   mentions=[("March 1", "2024-03-01", "day"), ("Friday, March 5", "2024-03-05", "day")])
    assert _features(doc)[0].date == "2024-03-05"


def test_a_chronology_item_keeps_its_opening_day():
    text = "March 27, 2024-The Veldra government accepts the tribunal's plan to end the dispute over the dam."
    doc = make_doc("d1", text, published="2024-04-02", mentions=[("March 27, 2024", "2024-03-27", "day")])
    assert _features(doc)[0].date == "2024-03-27"


def test_a_document_published_on_the_calendar_s_first_day_has_no_day_before():
    doc = make_doc("d1", "Floodwater reached the town hall of Torvik late in the evening after the storm.",
                   published="0001-01-01")
    rows = support_rows(doc, sentence_features(doc))
    assert [r.date for r in rows] == ["0001-01-01"]


def test_bounds_keep_the_days_inside_and_the_months_and_years_overlapping_them():
    docs = [make_doc(k, text, published, [(span, value, granularity)]) for k, text, published, span, value, granularity in [
        ("a", "Ministers of Veldra and Ostmark signed the river accord in Kessel on Monday after talks.", "2023-09-19",
         "Monday", "2023-09-18", "day"),
        ("b", "Engineers began filling the Kessel reservoir in September, officials of the water board said.",
         "2023-10-02", "September", "2023-09", "month"),
        ("c", "The water board said in August that the Kessel reservoir would reach its level by winter.",
         "2023-10-03", "August", "2023-08", "month"),
        ("d", "Floodwater reached the town hall of Torvik on Thursday as the river burst its banks.", "2023-10-06",
         "Thursday", "2023-10-05", "day")]]
    with memory_store(docs) as store:
        dates = {r[0] for r in store.date_support(DEFAULT.support_weights(), "2023-09-10", "2023-09-30")}
        assert "2023-09-18" in dates and "2023-09" in dates  # the day inside, the month overlapping
        assert not dates & {"2023-08", "2023-10-05"}        # a month before, a day after
        days = {r[0] for r in store.date_support(DEFAULT.support_weights(), "2023-09-10", "2023-09-30", days_only=True)}
        assert days == {"2023-09-18"}


REPORT = ("The water board closed the Kessel dam on Monday, officials said. "
          "Farmers blocked the road to the spillway for six hours, police said. "
          "The minister told reporters the gates would reopen within a week. "
          "About 300 families were moved from the valley, according to the Red Cross. "
          "Engineers found two cracks in the wall on Sunday. "
          "The board said repairs would cost 40 million. "
          "\"We will not leave,\" one farmer said.")
COLUMN = ("The Kessel dam was closed on Monday, and nobody should pretend that this was a surprise. "
          "For three years the water board has ignored every warning about the spillway. "
          "Farmers have paid for that neglect with their harvests and their homes. "
          "Is this how a modern country looks after its rivers? "
          "The minister now promises a new start for the valley. "
          "We have heard such promises before, and the valley deserves better than another inquiry. "
          "\"Trust us,\" the board said last year.")


def test_commentary_is_told_from_a_report_by_attribution_and_questions():
    from storyline.chronology.candidates import commentary

    def sentences(text):
        return [s.text for s in make_doc("x", text).sentences]

    assert not commentary(sentences(REPORT))
    assert commentary(sentences(COLUMN))      # attributes once, inside a quotation, and asks its reader
    assert not commentary(sentences(COLUMN)[:4])  # too short to tell
    # the thresholds are FeatureParams': a report that attributes in half its sentences is
    # commentary to a reader who asks for attribution in nine of ten
    from dataclasses import replace

    from storyline.chronology.settings import FEATURES
    assert commentary(sentences(REPORT), replace(FEATURES, commentary_attribution=0.9))


def test_sentences_of_commentary_are_weaker_lines_never_refused():
    mentions = [("Monday", "2024-03-04", "day")]
    from dataclasses import replace

    from storyline.chronology.candidates import prior
    from storyline.chronology.settings import FEATURES

    hand = replace(FEATURES, event_prior=0.0)  # the hand rule alone, without the learned event prior
    report = {f.sentence: f for f in sentence_features(make_doc("r", REPORT, published="2024-03-05", mentions=mentions),
                                                       params=hand)}
    column = {f.sentence: f for f in sentence_features(make_doc("c", COLUMN, published="2024-03-05", mentions=mentions),
                                                       params=hand)}
    assert column[0].refused is None and column[0].date == "2024-03-04"
    first = make_doc("c", COLUMN).sentences[0].text
    assert column[0].prior == round(FEATURES.commentary_prior * prior(first), 4) < prior(first)
    assert report[0].prior == round(prior(make_doc("r", REPORT).sentences[0].text), 4)


def test_content_words_of_an_ascii_text_are_the_unicode_pattern_s_words_less_stop_words_and_single_letters():
    import random

    from storyline.chronology.candidates import _WORD, STOPWORDS, content_words

    rng = random.Random(5)
    pieces = ["Ann", "Lee", "a", "I", "X", "the", "The", "Ostmark's", "Kessel’s", "don't", "o'", "Q", "said", "MR",
              "Westhaven", "2012", "x1", "“", "”", "—", ",", ".", " ", "  ", "'", "’", "é", "Ünal", "_", "-"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " ", "-", "'"]) for _ in range(rng.randint(0, 14)))
        expected = {w for w in set(map(str.lower, _WORD.findall(text))) - STOPWORDS if len(w) > 1}
        assert content_words(text) == expected, text
