"""Which dates a timeline shows: the most important ones, a story's burst of reports always."""

from storyline.chronology.selection import (DateInfo, auto_dates, auto_sentences, choose_dates, coarser, eligible,
                                           salience)
from storyline.chronology.settings import DEFAULT


def info(date, named_score=0.0, named_sources=0, reporting=0, fallback=0.0, granularity="day"):
    return DateInfo(date, granularity, named_score, named_sources, int(named_score), fallback, 0, reporting,
                    max(named_sources, reporting), reporting)


def test_the_most_salient_dates_are_chosen_wherever_they_are_in_the_story():
    infos = [info(f"2021-01-{d:02d}", named_score=1.0 + d % 7, named_sources=2, reporting=1) for d in range(1, 29)]
    chosen = choose_dates(infos, 5, DEFAULT)
    best = sorted(infos, key=lambda i: -salience(i, DEFAULT))[:5]
    assert {i.date for i in chosen} == {i.date for i in best}
    assert max(i.date for i in chosen) > "2021-01-14"  # not the earliest five


def test_a_burst_of_reports_is_kept_even_when_background_mentions_outweigh_it():
    # early days named again and again as background by many later articles
    background = [info(f"2021-03-{d:02d}", named_score=20.0, named_sources=12, reporting=1) for d in range(1, 21)]
    climax = info("2021-09-14", named_score=8.0, named_sources=7, reporting=7)
    chosen = choose_dates(background + [climax], 10, DEFAULT)
    assert len(chosen) == 10
    assert climax in chosen


def test_coarse_dates_need_two_sources_and_automatic_counts_stay_in_bounds():
    assert not eligible(info("2021", named_score=3.0, named_sources=1, granularity="year"), DEFAULT)
    assert eligible(info("2021", named_score=3.0, named_sources=2, granularity="year"), DEFAULT)
    few = [info(f"2021-01-{d:02d}", named_score=2.0, named_sources=2) for d in range(1, 4)]
    assert auto_dates(few, DEFAULT) == 3
    many = [info(f"2021-{m:02d}-{d:02d}", named_score=2.0, named_sources=2) for m in range(1, 13) for d in range(1, 28)]
    assert auto_dates(many, DEFAULT) == DEFAULT.auto_max_dates


def test_every_part_of_a_long_story_keeps_some_dates():
    # a story whose early days are named far more (background) than its later, steadily reported days
    early = [info(f"2021-01-{d:02d}", named_score=30.0, named_sources=10, reporting=2) for d in range(1, 29)]
    late = [DateInfo(f"2022-{m:02d}-15", "day", 2.0, 2, 2, 0.0, 0, 6, 6, 2) for m in range(1, 13)]
    early = [DateInfo(i.date, "day", i.named_score, i.named_sources, 30, 0.0, 0, 2, 10, 2) for i in early]
    chosen = {i.date for i in choose_dates(early + late, 10, DEFAULT)}
    assert any(d.startswith("2022") for d in chosen)
    # without the spread, the budget goes to the early days only
    from dataclasses import replace
    assert not any(d.startswith("2022") for d in
                   {i.date for i in choose_dates(early + late, 10, replace(DEFAULT, spread_share=0.0))})


def test_a_date_gets_further_lines_only_when_reported_far_more_widely_than_the_story_usually_is():
    # a story whose shown dates usually have 10 sources: 12 is an ordinary day, 20 and 40 are not
    assert auto_sentences(12, usual=10) == 1
    assert auto_sentences(20, usual=10) == 2
    assert auto_sentences(40, usual=10) == 3
    # a small collection: at least 3 and 6 sources for a second and third line
    assert [auto_sentences(n, usual=1) for n in (1, 2, 3, 6)] == [1, 1, 2, 3]


def test_the_story_starts_a_month_before_its_first_reports_and_a_date_counts_by_its_middle():
    from storyline.chronology.selection import after_start, story_start

    infos = [info(f"2010-01-{d:02d}", reporting=5) for d in range(12, 31)] + [info("1999-05-01", reporting=1)]
    start = story_start(infos, DEFAULT)
    assert start == "2009-12-12"  # one stray early document does not move it
    assert after_start(info("2010"), start) and after_start(info("2010-01"), start)
    assert not after_start(info("2009"), start) and not after_start(info("2009-11"), start)
    assert after_start(info("2009-WI"), start)  # December 2009 to February 2010
    assert story_start([info("2010-01-12")], DEFAULT) is None  # no publication dates


def test_which_dates_span_more_than_another():
    assert coarser("year", "season") and coarser("season", "month") and coarser("decade", "year")
    assert not coarser("day", "season") and not coarser("season", "season") and not coarser("month", "year")
