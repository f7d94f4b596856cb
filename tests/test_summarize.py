from dataclasses import replace

from helpers import make_doc

from storyline.inmemory import timeline_of
from storyline.chronology.candidates import display_text
from storyline.chronology.features import sentence_features
from storyline.chronology.settings import DEFAULT, FEATURES

WIRE_1 = ("KESSEL (AP) — Ministers of Veldra and Ostmark agreed Tuesday to set up a joint commission on the dam. "
          "The commission will report on water flows and compensation claims. "
          "Farmers have protested against the reservoir for three years.")
WIRE_2 = ("KESSEL (AP) — Ministers of Veldra and Ostmark agreed Tuesday to set up a joint commission on the dam. "
          "The commission will report on water flows and compensation claims. "
          "On Wednesday the first commission members were named by both governments in a brief ceremony.")
PAPER = ("The joint dam commission announced on Tuesday was welcomed by farmers' unions across Ostmark province. "
         "Union leaders said trade with Veldra had reached a record level last year despite the dispute.")
OTHER = ("Trade between Veldra and Ostmark rose to a record level last year, customs figures show, "
         "with grain and timber leading exports.")
UNDATED = ("Veldra's parliament debated the dam treaty for six hours before adjourning. "
           "The vote on the dam treaty was postponed to a later session of parliament.")


LONG_MEMORY = replace(DEFAULT, history_days=3650)  # a story whose history counts as its own time


def corpus():
    return [
        make_doc("w1", WIRE_1, "2021-03-02", [("Tuesday", "2021-03-02", "day")], group="gw1", relation="version"),
        make_doc("w2", WIRE_2, "2021-03-03", [("Tuesday", "2021-03-02", "day"), ("Wednesday", "2021-03-03", "day")],
                 group="gw1", relation="representative"),
        make_doc("p1", PAPER, "2021-03-04", [("Tuesday", "2021-03-02", "day"), ("last year", "2020", "year")]),
        make_doc("o1", OTHER, "2021-01-15", [("last year", "2020", "year")]),
        make_doc("u1", UNDATED),
    ]


def test_dates_are_named_dates_and_versions_count_once():
    tl = timeline_of(corpus(), sentences_per_date=2, settings=LONG_MEMORY)
    dates = [(e.date, e.granularity) for e in tl.entries]
    assert ("2021-03-02", "day") in dates
    assert ("2020", "year") in dates  # named by two independent sources
    first = next(e for e in tl.entries if e.date == "2021-03-02")
    line = next(x for x in first.summary if x.text.startswith("Ministers of Veldra"))  # dateline stripped
    # the same sentence in both versions is one line citing both, representative first
    assert [(s.document, s.sentence) for s in line.sources][:2] == [("w2", 0), ("w1", 0)]
    # other outlets' reports of the same event follow the sentence's own copies
    assert all(s.document not in ("w1", "w2") for s in line.sources[2:])


def test_undated_material_is_kept_apart_and_never_dated():
    tl = timeline_of(corpus())
    assert [s.document for e in tl.undated for line in e.summary for s in line.sources] == ["u1", "u1"]
    for entry in tl.entries:
        for line in entry.summary:
            assert all(s.document != "u1" for s in line.sources)


def test_coarse_date_from_one_source_is_not_an_entry():
    docs = [make_doc("o1", OTHER, "2021-01-15", [("last year", "2020", "year")])]
    tl = timeline_of(docs)
    assert all(e.date != "2020" for e in tl.entries)


def test_each_sentence_is_used_once_and_limits_hold():
    tl = timeline_of(corpus(), max_dates=1, sentences_per_date=1)
    assert len(tl.entries) == 1 and len(tl.entries[0].summary) == 1
    tl = timeline_of(corpus())
    cited = [(s.document, s.sentence) for e in tl.entries for line in e.summary for s in line.sources]
    assert len(cited) == len(set(cited))
    assert [e.date for e in tl.entries] == sorted(e.date for e in tl.entries)


def test_display_text_strips_datelines_only():
    assert display_text("KESSEL (AP) — Ministers met on Tuesday to talk.") == "Ministers met on Tuesday to talk."
    assert display_text("NEW YORK — The index fell sharply in early trade.") == "The index fell sharply in early trade."
    assert display_text("Ministers met — briefly — on Tuesday.") == "Ministers met — briefly — on Tuesday."


def test_a_report_after_the_fact_is_chosen_over_a_preview():
    preview = make_doc("a", "The two leaders are due to sign a river declaration on Friday in Lessing.",
                       published="2022-10-27", mentions=[("Friday", "2022-10-28", "day")])
    report = make_doc("b", "The two leaders signed a river declaration on Friday in Lessing after talks.",
                      published="2022-10-28", mentions=[("Friday", "2022-10-28", "day")])
    tl = timeline_of([preview, report], sentences_per_date=1)
    entry = next(e for e in tl.entries if e.date == "2022-10-28")
    assert entry.summary[0].sources[0].document == "b"


def test_the_days_own_report_is_chosen_over_a_later_mention():
    # two later pieces recall the day in the same words; one report was written the next morning
    later = [make_doc(k, "The two leaders signed a river declaration in Lessing on October 28 after long talks.",
                      published=p, mentions=[("October 28", "2022-10-28", "day")])
             for k, p in (("a1", "2022-11-20"), ("a2", "2022-12-02"))]
    report = make_doc("b", "The two leaders signed a river declaration on Friday in Lessing after their talks.",
                      published="2022-10-29", mentions=[("Friday", "2022-10-28", "day")])
    settings = replace(DEFAULT, history_days=3650)
    for doc in later + [report]:  # the rule alone: the learned event prior also weighs a late mention down
        doc.features = sentence_features(doc, params=replace(FEATURES, event_prior=0.0))

    def first_source(settings):
        tl = timeline_of(later + [report], sentences_per_date=1, settings=settings)
        entry = next(e for e in tl.entries if e.date == "2022-10-28")
        return entry.summary[0].sources[0].document

    assert first_source(settings) == "b"
    # without the rule the later mention, told twice, is the better-scored sentence
    assert first_source(replace(settings, retrospective=1.0)) in ("a1", "a2")


def test_two_reports_of_one_particular_thing_on_one_day_are_one_line():
    texts = {"a": "Floodwater breached the Torvik spillway on Tuesday, forcing thousands of villagers downstream "
                  "to leave their homes and farms.",
             "b": "Engineers and firefighters watched helplessly on Tuesday evening as the old Torvik barrier "
                  "finally gave way under enormous pressure from rising water.",
             "c": "Ministers of Veldra signed a long-awaited grain export accord with Ostmark in the capital on "
                  "Tuesday after months of talks."}
    docs = [make_doc(k, t, "2021-03-03", [("Tuesday", "2021-03-02", "day")]) for k, t in texts.items()]

    def lines(settings):
        (entry,) = timeline_of(docs, settings=settings).entries
        return [[s.document for s in line.sources] for line in entry.summary]

    roomy = replace(DEFAULT, more_lines=0.5)  # a date widely enough reported for several lines
    # other words, one place name only the two share: the same event, one line citing both
    assert ["a", "b"] in lines(roomy)
    # without that test the second wording would be a line of its own
    assert ["b"] in lines(replace(roomy, rare_word=0.0))
    # a fixed number of lines per date keeps the looser test: the caller asked for that many
    assert ["a", "b"] not in [[s.document for s in line.sources]
                              for line in timeline_of(docs, sentences_per_date=2).entries[0].summary]


def test_a_winter_runs_from_december_into_the_next_year():
    from storyline.chronology.summarize import _sort_key, overlapping

    assert overlapping("2022-WI", "2023-01-15") and overlapping("2022-WI", "2022-12")
    assert not overlapping("2022-WI", "2022-01-15")
    assert overlapping("2022-SP", "2022-04-02") and not overlapping("2022-SP", "2022-07")
    order = ["2022", "2022-03-01", "2022-SP", "2022-FA", "2022-12-15", "2022-WI", "2023-01-02"]
    assert sorted(reversed(order), key=_sort_key) == order


def test_what_lies_well_before_the_first_reports_is_history():
    # the story's reports begin in 2021; "last year" (2020) is its background
    assert "2020" not in [e.date for e in timeline_of(corpus(), sentences_per_date=2).entries]
    assert "2020" in [e.date for e in timeline_of(corpus(), sentences_per_date=2, settings=LONG_MEMORY).entries]


def test_another_story_of_the_collection_is_no_line():
    # a collection on the dam dispute that also holds an unrelated report of the same day
    dam = ["Ostmark farmers blocked the road to the Kessel dam on Monday to protest against the water cuts.",
           "Veldra police cleared farmers from the Kessel dam road on Monday after the water board complained.",
           "The Kessel dam water board said on Monday that farmers in Ostmark would get more water next month.",
           "Farmers and police clashed near the Kessel dam on Monday as the dispute over water cuts grew.",
           "Ostmark's water minister met farmers near the Kessel dam on Monday and promised compensation."]
    other = "A jazz festival in the northern port city of Lessing drew record crowds of music fans on Monday."
    docs = [make_doc(f"d{k}", text, "2022-05-03", [("Monday", "2022-05-02", "day")]) for k, text in enumerate(dam)]
    docs.append(make_doc("jazz", other, "2022-05-03", [("Monday", "2022-05-02", "day")]))
    wide = replace(DEFAULT, more_lines=0.1, auto_line_floor=0.0, weak_line=0.0)  # room for every line of the day
    cited = {s.document for e in timeline_of(docs, settings=wide).entries for line in e.summary for s in line.sources}
    assert "jazz" not in cited
    cited = {s.document for e in timeline_of(docs, settings=replace(wide, off_topic=0.0, off_topic_story=0.0)).entries
             for line in e.summary for s in line.sources}
    assert "jazz" in cited  # without the tests it would have been a line



def test_a_side_story_of_an_article_about_something_else_is_no_line():
    # ten reports on the dam dispute and a festival report that mentions the farmers once
    dam = ["Ostmark farmers blocked the road to the Kessel dam on Monday to protest against the water cuts.",
           "Veldra police cleared farmers from the Kessel dam road on Monday after the water board complained.",
           "The Kessel dam water board said on Monday that farmers in Ostmark would get more water next month.",
           "Farmers and police clashed near the Kessel dam on Monday as the dispute over water cuts grew.",
           "Ostmark's water minister met farmers near the Kessel dam on Monday and promised compensation."]
    follow = ["Farmers in Ostmark say the water cuts at the Kessel dam ruin their harvest.",
              "The Kessel dam water board blames the drought for the water cuts.",
              "Ostmark farmers have protested against the Kessel dam water cuts for weeks.",
              "Police said the farmers' protest at the Kessel dam had ended peacefully.",
              "The water board and Ostmark farmers will meet again over the Kessel dam cuts."]
    festival = ("A jazz festival in the northern port city of Lessing drew record crowds of music fans on Monday. "
                "Festival organisers in Lessing said on Monday that every concert ticket had sold out within hours. "
                "The Lessing jazz festival closed on Monday night with a concert by the city orchestra. "
                "Many of the festival fans came on Monday from Ostmark, where farmers protest against the water cuts.")
    monday = ("Monday", "2022-05-02", "day")
    docs = [make_doc(f"d{k}", f"{text} {more}", "2022-05-03", [monday])
            for k, (text, more) in enumerate(zip(dam + dam, follow + follow[2:] + follow[:2]))]
    docs.append(make_doc("jazz", festival, "2022-05-03", [monday] * 4))
    wide = replace(DEFAULT, more_lines=0.1, auto_line_floor=0.0, weak_line=0.0)  # room for every line of the day

    def cited(settings):
        tl = timeline_of(docs, settings=settings)
        return {(s.document, s.sentence) for e in tl.entries for line in e.summary for s in line.sources}

    assert not any(doc == "jazz" for doc, _ in cited(wide))
    # the festival's sentence on the farmers is like the story enough alone; its article is not
    assert ("jazz", 3) in cited(replace(wide, off_topic_story=0.0))


def _dated(doc, date, text):
    import datetime as dt

    from storyline.model import DatedSentence, Sentence

    words = {w.strip(".,").lower() for w in text.split() if len(w) > 3}
    return DatedSentence(Sentence(doc, 0, 0, len(text), text), dt.date.fromisoformat(date), None, doc, date, "day",
                         True, "report", 1.0, False, words)


def test_a_date_no_candidate_reports_well_gets_no_line():
    import numpy as np

    from storyline.chronology.summarize import Vectors, entries, usual_best

    texts = {"2022-05-02": "Ostmark farmers blocked the Kessel dam road to protest against water cuts.",
             "2022-05-03": "Veldra police cleared the farmers from the Kessel dam road after talks failed.",
             "2022-05-04": "The Kessel water board restored supplies to Ostmark farms after the blockade.",
             "2022-05-06": "Some farmers say the weather in Ostmark has been unusually dry for a long time."}
    pools = {date: [_dated(f"d{k}", date, text)] for k, (date, text) in enumerate(texts.items())}
    best = {"2022-05-02": 1.0, "2022-05-03": 0.8, "2022-05-04": 1.2, "2022-05-06": 0.2}  # the last: an aside
    vectors = Vectors(list(pools.values()))
    dates = [(date, "day") for date in texts]

    def shown(settings, strict=True):
        made = entries(vectors, settings, dates, pools, lambda d, pool: np.array([best[d]]), lambda d: 1, strict)
        return [e.date for e in made]

    assert usual_best(np.array([s]) for s in best.values()) == 0.9
    assert shown(replace(DEFAULT, weak_line=0.45)) == ["2022-05-02", "2022-05-03", "2022-05-04"]
    assert shown(replace(DEFAULT, weak_line=0.0)) == list(texts)
    # a number of lines asked for per date is given whatever the lines score
    assert shown(replace(DEFAULT, weak_line=0.45), strict=False) == list(texts)


def test_a_year_is_no_entry_of_the_dates_storyline_picks():
    # "last year" named by two sources: a date of the story that places nothing within it
    years = replace(LONG_MEMORY, auto_coarsest="century")
    assert "2020" in [e.date for e in timeline_of(corpus(), settings=years).entries]
    assert "2020" not in [e.date for e in timeline_of(corpus(), settings=LONG_MEMORY).entries]
    # a number of dates or lines asked for is filled from every date
    assert "2020" in [e.date for e in timeline_of(corpus(), max_dates=5, settings=LONG_MEMORY).entries]


def _candidates(word_sets, sources):
    """Candidate lines with these content words and independent sources, as the summarizer reads them."""
    import datetime as dt

    from storyline.model import DatedSentence, Sentence

    return [DatedSentence(Sentence(f"d{k}", 0, 0, 1, "x", 0), dt.date(2024, 5, 1), None, source, "2024-05-01", "day",
                          True, "report", 0.5, False, set(words))
            for k, (words, source) in enumerate(zip(word_sets, sources))]


WORD_SETS = [{"dam", "kessel", "flood"}, {"dam", "kessel", "flood", "ostmark"}, {"dam", "kessel"},
             {"westhaven", "vote"}, {"dam", "kessel", "flood"}, {"halvorsen", "vote", "dam"}]


def test_word_overlaps_with_a_line_are_the_word_sets_jaccard_and_same_words():
    import numpy as np

    from storyline.chronology.candidates import jaccard
    from storyline.chronology.summarize import Vectors, _WordOverlaps, same_words

    pool = _candidates(WORD_SETS, list("abcdef"))
    overlaps = _WordOverlaps(Vectors([pool]).rows(pool))
    for i, mine in enumerate(WORD_SETS):
        jacc, same = overlaps.with_row(i)
        assert jacc.dtype == same.dtype == np.float32
        assert np.allclose(jacc, [jaccard(mine, other) for other in WORD_SETS])
        assert np.allclose(same, [same_words(mine, other) for other in WORD_SETS])


def test_corroboration_counts_the_other_sources_saying_the_same():
    from storyline.chronology.summarize import Vectors, corroboration

    # the first, second and fifth say much the same (the fifth from the first's source), the third a part of it
    pool = _candidates(WORD_SETS, ["a", "b", "c", "d", "a", "e"])
    vectors = Vectors([pool])
    rows = vectors.rows(pool)
    similar = (rows @ rows.T).toarray()
    expected = [len({pool[j].source for j in range(len(pool)) if similar[i, j] >= 0.6 and pool[j].source != pool[i].source})
                for i in range(len(pool))]
    assert corroboration(vectors, pool, 0.6) == expected
    assert expected[0] == expected[4] == 2 and expected[3] == 0  # "b" and "c", not "a" itself; nothing like "d"


def test_an_article_telling_one_happening_under_two_days_gives_one_line():
    import datetime as dt

    import numpy as np

    from storyline.chronology.summarize import Vectors, entries
    from storyline.model import DatedSentence, Sentence

    def line(doc, index, date, published, text):
        words = {w.strip(".,").lower() for w in text.split() if len(w) > 3}
        return DatedSentence(Sentence(doc, index, 0, len(text), text), dt.date.fromisoformat(published), None, doc,
                             date, "day", True, "report", 1.0, False, words)

    told = line("lee", 4, "2022-05-03", "2022-05-03",
                "Gunmen stormed the Kessel consulate on Tuesday and killed the Ostmark envoy and two guards.")
    retold = line("lee", 9, "2022-05-02", "2022-05-03",  # "last night" in the same article: the day before
                  "The Ostmark envoy was shot dead late last night outside the Kessel consulate by gunmen.")
    other = line("reyes", 2, "2022-05-02", "2022-05-02",
                 "Westhaven dockers voted to strike over pay at the harbour of Halvorsen.")
    pools = {"2022-05-03": [told], "2022-05-02": [retold, other]}
    scores = {"lee": 1.0, "reyes": 0.8}
    vectors = Vectors(list(pools.values()))

    def shown(settings):
        made = entries(vectors, settings, [("2022-05-03", "day"), ("2022-05-02", "day")], pools,
                       lambda d, pool: np.array([scores[ds.document] for ds in pool]), lambda d: 1, True)
        return {e.date: [(s.document, s.sentence) for s in e.summary[0].sources] for e in made}

    alone = replace(DEFAULT, redundant=1.1)  # the two tellings are not near repeats in words
    assert shown(alone) == {"2022-05-03": [("lee", 4)], "2022-05-02": [("reyes", 2)]}
    assert shown(replace(alone, echo_days=0))["2022-05-02"] == [("lee", 9)]
    assert shown(replace(alone, echo_words=6))["2022-05-02"] == [("lee", 9)]  # they share five words


def test_a_pools_rows_and_similarities_are_made_once_and_again_when_it_changes():
    import numpy as np

    from storyline.chronology.summarize import Vectors

    pool = _candidates(WORD_SETS, list("abcdef"))
    vectors = Vectors([pool])
    rows = vectors.rows(pool)
    assert vectors.rows(pool) is rows and vectors.similarities(pool) is vectors.similarities(pool)
    assert np.array_equal(vectors.similarities(pool), (rows @ rows.T).toarray())
    assert np.allclose(np.diag(vectors.similarities(pool)), 1.0)  # rows of unit length
    shorter = pool[:3]  # another list: its own rows
    assert vectors.rows(shorter).shape[0] == 3
    pool.pop()  # the same list, changed: made again
    assert vectors.rows(pool).shape[0] == 5 and vectors.similarities(pool).shape == (5, 5)
