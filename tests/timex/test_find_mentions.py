"""Tests for the temporal tagger: spans, TIMEX3 values, tense-aware anchoring, false friends.

All sentences are invented (Veldra, Ostmark, minister Lena Hartmann ...). The default
anchor, 2013-11-01, is a Friday.
"""

import datetime as dt

import pytest

from storyline.timex import find_mentions

FRIDAY = dt.date(2013, 11, 1)


def mention(text: str, target: str, anchor=FRIDAY, nth: int = 0):
    """The ``nth`` mention whose text is exactly ``target``."""
    found = [m for m in find_mentions(text, anchor) if m.text == target]
    assert len(found) > nth, f"{target!r} not found in {[m.text for m in find_mentions(text, anchor)]}"
    return found[nth]


# (sentence, mention text, type, value, granularity, mod) with the anchor 2013-11-01
CASES = [
    # absolute dates in newsroom styles
    ("Veldra signed the accord on Nov. 2, 2013.", "Nov. 2, 2013", "DATE", "2013-11-02", "day", None),
    ("Veldra signed the accord on November 2, 2013.", "November 2, 2013", "DATE", "2013-11-02", "day", None),
    ("Veldra signed the accord on Nov 2 2013 in Ostmark.", "Nov 2 2013", "DATE", "2013-11-02", "day", None),
    ("Veldra signed the accord on 2 November 2013.", "2 November 2013", "DATE", "2013-11-02", "day", None),
    ("The filing is dated 2013-11-02 in the registry.", "2013-11-02", "DATE", "2013-11-02", "day", None),
    ("The filing is dated 11/02/2013 in the registry.", "11/02/2013", "DATE", "2013-11-02", "day", None),
    ("The filing is dated 25/12/2012 in the registry.", "25/12/2012", "DATE", "2012-12-25", "day", None),
    ("Hartmann arrived on Sept. 9, 2012.", "Sept. 9, 2012", "DATE", "2012-09-09", "day", None),
    ("Hartmann arrived on Sept 9, 2012.", "Sept 9, 2012", "DATE", "2012-09-09", "day", None),
    ("Hartmann arrived on Sep. 9, 2012.", "Sep. 9, 2012", "DATE", "2012-09-09", "day", None),
    ("The council first sat on Friday, Nov. 1, 2013.", "Friday, Nov. 1, 2013", "DATE", "2013-11-01", "day", None),
    ("The pact was sealed on March 3rd, 2012.", "March 3rd, 2012", "DATE", "2012-03-03", "day", None),
    ("The pact was sealed on the 3rd of March 2012.", "the 3rd of March 2012", "DATE", "2012-03-03", "day", None),
    ("MARCH 20, 2017 — Ostmark voted.", "MARCH 20, 2017", "DATE", "2017-03-20", "day", None),
    ("The port reopened in November 2013.", "November 2013", "DATE", "2013-11", "month", None),
    ("The port reopened in March of 2012.", "March of 2012", "DATE", "2012-03", "month", None),
    ("The port reopened in late January 2014.", "late January 2014", "DATE", "2014-01", "month", "END"),
    # years, decades, centuries
    ("Hartmann was elected in 2012.", "2012", "DATE", "2012", "year", None),
    ("The reform dates from 2009, officials said.", "2009", "DATE", "2009", "year", None),
    ("Veldra's 2012's harvest was poor.", "2012", "DATE", "2012", "year", None),
    ("Ostmark passed the 2013 budget.", "2013", "DATE", "2013", "year", None),
    ("Growth returned in early 2014.", "early 2014", "DATE", "2014", "year", "START"),
    ("Growth returned in mid-2012.", "mid-2012", "DATE", "2012", "year", "MID"),
    ("Veldra was poor in the 1990s.", "the 1990s", "DATE", "199", "decade", None),
    ("Veldra was poor in the '90s.", "the '90s", "DATE", "199", "decade", None),
    ("Veldra was poor in the late 1980s.", "the late 1980s", "DATE", "198", "decade", "END"),
    ("Ostmark rose in the 20th century.", "the 20th century", "DATE", "19", "century", None),
    ("Ostmark rose in the twenty-first century.", "the twenty-first century", "DATE", "20", "century", None),
    ("The mill was built in the 1800s.", "the 1800s", "DATE", "18", "century", None),
    # months, seasons and quarters without a year: tense decides
    ("Hartmann visited Veldra in January.", "January", "DATE", "2013-01", "month", None),
    ("Hartmann will visit Veldra in January.", "January", "DATE", "2014-01", "month", None),
    ("Talks stalled in mid-March.", "mid-March", "DATE", "2013-03", "month", "MID"),
    ("Talks will resume at the end of March.", "the end of March", "DATE", "2014-03", "month", "END"),
    ("Hartmann has been minister since May.", "May", "DATE", "2013-05", "month", None),
    ("Ostmark plans to open the bridge next March.", "next March", "DATE", "2014-03", "month", None),
    ("Ostmark opened the bridge last March.", "last March", "DATE", "2013-03", "month", None),
    ("The visit is planned for the spring.", "the spring", "DATE", "2014-SP", "season", None),
    ("Floods hit Veldra last spring.", "last spring", "DATE", "2013-SP", "season", None),
    ("Floods hit Veldra this summer.", "this summer", "DATE", "2013-SU", "season", None),
    ("Floods will hit Veldra next summer.", "next summer", "DATE", "2014-SU", "season", None),
    ("The bridge opens in spring 2014.", "spring 2014", "DATE", "2014-SP", "season", None),
    ("The bridge opened in the summer of 2012.", "the summer of 2012", "DATE", "2012-SU", "season", None),
    ("The harvest failed last fall.", "last fall", "DATE", "2012-FA", "season", None),
    ("The harvest failed in the fall.", "the fall", "DATE", "2013-FA", "season", None),
    ("The harvest is due in fall 2014.", "fall 2014", "DATE", "2014-FA", "season", None),
    ("Exports rose in the first quarter.", "the first quarter", "DATE", "2013-Q1", "quarter", None),
    ("Exports rose in Q3 2015.", "Q3 2015", "DATE", "2015-Q3", "quarter", None),
    ("Exports rose in the third quarter of 2015.", "the third quarter of 2015", "DATE", "2015-Q3", "quarter", None),
    ("Ostmark Steel reported third-quarter losses.", "third-quarter", "DATE", "2013-Q3", "quarter", None),
    ("Ostmark Steel expects profit in the first quarter of next year.", "the first quarter of next year",
     "DATE", "2014-Q1", "quarter", None),
    # relative to the anchor
    ("Hartmann resigned yesterday.", "yesterday", "DATE", "2013-10-31", "day", None),
    ("Hartmann resigns today.", "today", "DATE", "2013-11-01", "day", None),
    ("Hartmann will resign tomorrow.", "tomorrow", "DATE", "2013-11-02", "day", None),
    ("Hartmann speaks tonight.", "tonight", "DATE", "2013-11-01", "day", None),
    ("Hartmann spoke this morning.", "this morning", "DATE", "2013-11-01", "day", None),
    ("Shots were heard last night.", "last night", "DATE", "2013-10-31", "day", None),
    ("Ostmark voted last week.", "last week", "DATE", "2013-W43", "week", None),
    ("Ostmark votes this week.", "this week", "DATE", "2013-W44", "week", None),
    ("Ostmark will vote next week.", "next week", "DATE", "2013-W45", "week", None),
    ("Ostmark voted last month.", "last month", "DATE", "2013-10", "month", None),
    ("Ostmark will vote next month.", "next month", "DATE", "2013-12", "month", None),
    ("Ostmark voted earlier this month.", "this month", "DATE", "2013-11", "month", None),
    ("Missiles were deployed late last month.", "late last month", "DATE", "2013-10", "month", "END"),
    ("Ostmark will vote later this year.", "this year", "DATE", "2013", "year", None),
    ("Ostmark grew last year.", "last year", "DATE", "2012", "year", None),
    ("Ostmark will grow early next year.", "early next year", "DATE", "2014", "year", "START"),
    ("Ostmark grew by the end of the year.", "the end of the year", "DATE", "2013", "year", "END"),
    ("Ostmark voted this weekend.", "this weekend", "DATE", "2013-W44-WE", "week", None),
    ("Prices rose three years ago.", "three years ago", "DATE", "2010", "year", None),
    ("Prices rose two months ago.", "two months ago", "DATE", "2013-09", "month", None),
    ("Prices rose 10 days ago.", "10 days ago", "DATE", "2013-10-22", "day", None),
    ("Prices rose two weeks ago.", "two weeks ago", "DATE", "2013-10-18", "day", "APPROX"),
    ("Prices rose about two weeks ago.", "about two weeks ago", "DATE", "2013-10-18", "day", "APPROX"),
    ("Veldra will vote in three days.", "in three days", "DATE", "2013-11-04", "day", None),
    ("Hartmann is now minister.", "now", "DATE", "PRESENT_REF", None, None),
    ("Hartmann currently leads.", "currently", "DATE", "PRESENT_REF", None, None),
    ("Hartmann recently resigned.", "recently", "DATE", "PAST_REF", None, None),
    ("Veldra was poorer in the past.", "the past", "DATE", "PAST_REF", None, None),
    ("Veldra will be richer in the future.", "the future", "DATE", "FUTURE_REF", None, None),
    ("Veldra will soon be richer.", "soon", "DATE", "FUTURE_REF", None, None),
    ("Prices rose in recent years.", "recent years", "DURATION", "PXY", None, None),
    # tense-aware weekdays (anchor is a Friday)
    ("Veldra and Ostmark began talks Friday in Tokyo.", "Friday", "DATE", "2013-11-01", "day", None),
    ("Main discussions are scheduled for Saturday.", "Saturday", "DATE", "2013-11-02", "day", None),
    ("The ministers will meet Saturday.", "Saturday", "DATE", "2013-11-02", "day", None),
    ("The ministers met Tuesday.", "Tuesday", "DATE", "2013-10-29", "day", None),
    ("On Monday the vote was held.", "Monday", "DATE", "2013-10-28", "day", None),
    ("Ostmark is expected to vote Monday.", "Monday", "DATE", "2013-11-04", "day", None),
    ("Hartmann raised it at Friday's working dinner.", "Friday", "DATE", "2013-11-01", "day", None),
    ("Hartmann spoke last Friday.", "last Friday", "DATE", "2013-10-25", "day", None),
    ("Hartmann speaks next Friday.", "next Friday", "DATE", "2013-11-08", "day", None),
    ("The ministers dined Thursday evening.", "Thursday evening", "TIME", "2013-10-31TEV", "time", None),
    ("Hartmann spoke yesterday afternoon.", "yesterday afternoon", "TIME", "2013-10-31TAF", "time", None),
    # clock times
    ("The vote opened at 8:30 a.m. in Veldra.", "8:30 a.m.", "TIME", "2013-11-01T08:30", "time", None),
    ("The vote opened at 08:30 AM EST in Veldra.", "08:30 AM EST", "TIME", "2013-11-01T08:30", "time", None),
    ("The vote will close at 7 p.m. on Saturday.", "7 p.m.", "TIME", "2013-11-02T19:00", "time", None),
    ("The vote closed at 14:30 GMT.", "14:30 GMT", "TIME", "2013-11-01T14:30Z", "time", None),
    # durations and sets
    ("Hartmann held a two-hour meeting.", "two-hour", "DURATION", "PT2H", None, None),
    ("Hartmann served for three years.", "three years", "DURATION", "P3Y", None, None),
    ("Two weeks of talks produced nothing.", "Two weeks", "DURATION", "P2W", None, None),
    ("The strike lasted about two weeks.", "about two weeks", "DURATION", "P2W", None, "APPROX"),
    ("The strike lasted more than three years.", "more than three years", "DURATION", "P3Y", None, "MORE_THAN"),
    ("The strike lasted several years.", "several years", "DURATION", "PXY", None, None),
    ("Ostmark adopted a 10-year plan.", "10-year", "DURATION", "P10Y", None, None),
    ("Prices rose over the past year.", "the past year", "DURATION", "P1Y", None, None),
    ("The talks took a decade.", "a decade", "DURATION", "P10Y", None, None),
    ("The council meets every week.", "every week", "SET", "P1W", None, None),
    ("The council meets weekly.", "weekly", "SET", "P1W", None, None),
    ("The council meets each year.", "each year", "SET", "P1Y", None, None),
    ("The summit is held annually.", "annually", "SET", "P1Y", None, None),
    ("The council meets twice a year.", "twice a year", "SET", "P1Y", None, None),
    ("The council meets every Monday.", "every Monday", "SET", "XXXX-WXX-1", None, None),
    ("The council meets every two weeks.", "every two weeks", "SET", "P2W", None, None),
]


@pytest.mark.parametrize("sentence,target,type_,value,granularity,mod", CASES,
                         ids=[f"{c[1]}|{c[0][:30]}" for c in CASES])
def test_mentions_have_exact_span_type_value_granularity_and_mod(sentence, target, type_, value, granularity, mod):
    m = mention(sentence, target)
    assert sentence[m.start:m.end] == target
    assert (m.type, m.value, m.granularity, m.mod) == (type_, value, granularity, mod)


def test_there_are_enough_hand_written_cases():
    assert len(CASES) >= 80


# ---------------------------------------------------------------- anchors


@pytest.mark.parametrize("sentence,target", [
    ("Veldra acted on Friday.", "Friday"), ("Veldra grew last year.", "last year"),
    ("The envoy came on March 20.", "March 20"), ("The envoy came in January.", "January"),
    ("The envoy came yesterday.", "yesterday"), ("The envoy came two weeks ago.", "two weeks ago"),
    ("The envoy comes in the spring.", "the spring"), ("Profits fell in the first quarter.", "the first quarter"),
    ("The envoy came this week.", "this week"), ("The envoy arrives at 8 a.m.", "8 a.m."),
    ("The envoy came on Dec. 15 and 16.", "16"),
])
def test_without_an_anchor_relative_expressions_keep_span_and_type_but_no_value(sentence, target):
    m = mention(sentence, target, anchor=None)
    assert m.value is None and m.anchor is None
    assert m.type in ("DATE", "TIME")


def test_without_an_anchor_absolute_dates_still_resolve():
    m = mention("The envoy came on March 20, 2017.", "March 20, 2017", anchor=None)
    assert (m.value, m.anchor) == ("2017-03-20", None)
    assert mention("Veldra voted in 2012.", "2012", anchor=None).value == "2012"


def test_without_an_anchor_nothing_is_resolved_against_one():
    text = ("Hartmann met Lavric on Saturday and later this month, as in May and late last month, "
            "the leaders meet on Dec. 15 and 16. Work is currently underway.")
    for m in find_mentions(text, None):
        assert m.anchor is None
        assert m.value in (None, "PRESENT_REF")


def test_relative_values_record_the_anchor_and_absolute_ones_do_not():
    ms = {m.text: m for m in find_mentions("On Nov. 2, 2013 Veldra voted; Ostmark votes Friday.", FRIDAY)}
    assert ms["Nov. 2, 2013"].anchor is None
    assert ms["Friday"].anchor == "2013-11-01"


def test_a_datetime_anchor_is_taken_as_its_date():
    m = mention("Ostmark voted yesterday.", "yesterday", anchor=dt.datetime(2013, 11, 1, 23, 59))
    assert m.value == "2013-10-31"


# ---------------------------------------------------------------- year choice for dates without a year


def test_month_day_in_a_past_sentence_is_the_latest_on_or_before_the_anchor():
    assert mention("Hartmann met the envoy on March 20.", "March 20").value == "2013-03-20"


def test_month_day_in_a_future_sentence_is_the_next_one():
    assert mention("Hartmann will meet the envoy on March 20.", "March 20").value == "2014-03-20"


def test_a_past_date_a_few_days_after_the_anchor_keeps_the_anchor_year():
    assert mention("Hartmann met the envoy on Nov. 3.", "Nov. 3").value == "2013-11-03"


def test_a_weekday_given_with_the_date_picks_the_year():
    # Nov. 2 was a Saturday in 2013 and a Sunday in 2014.
    assert mention("The envoy arrives Sunday, Nov. 2.", "Sunday, Nov. 2").value == "2014-11-02"


def test_month_in_january_resolves_across_the_year_boundary():
    anchor = dt.date(2014, 1, 10)
    assert mention("The cabinet met in December.", "December", anchor).value == "2013-12"
    assert mention("The cabinet will meet in December.", "December", anchor).value == "2014-12"
    assert mention("Snow fell in Veldra this winter.", "this winter", anchor).value == "2013-WI"


# ---------------------------------------------------------------- lists and ranges


def test_day_list_gives_one_mention_per_day_with_the_month_carried_over():
    text = "The two leaders will meet on Dec. 15 and 16 in Veldra."
    ms = [m for m in find_mentions(text, dt.date(2016, 12, 3)) if m.type == "DATE"]
    assert [(m.text, m.value, m.granularity) for m in ms] == [("Dec. 15", "2016-12-15", "day"), ("16", "2016-12-16", "day")]
    assert text[ms[1].start:ms[1].end] == "16"


def test_day_range_with_a_dash_gives_two_mentions():
    text = "Delegates gathered Dec. 15-16 in Ostmark."
    ms = find_mentions(text, dt.date(2016, 12, 20))
    assert [(m.text, m.value) for m in ms] == [("Dec. 15", "2016-12-15"), ("16", "2016-12-16")]


def test_day_list_with_a_year_resolves_absolutely():
    ms = find_mentions("Delegates gathered Dec. 15 and 16, 2011 in Ostmark.", None)
    assert [m.value for m in ms] == ["2011-12-15", "2011-12-16"]
    assert all(m.anchor is None for m in ms)


def test_number_after_a_date_that_counts_people_is_not_a_day():
    ms = find_mentions("On March 3 and 4 others were hurt in Veldra.", FRIDAY)
    assert [m.text for m in ms] == ["March 3"]


def test_late_january_or_february_are_two_mentions_in_the_next_year():
    text = "The diplomats agreed to hold talks in late January or February, ahead of a planned visit."
    ms = find_mentions(text, FRIDAY)
    assert [(m.text, m.value, m.mod) for m in ms] == [("late January", "2014-01", "END"), ("February", "2014-02", None)]


def test_range_members_are_placed_in_order():
    anchor = dt.date(2014, 3, 10)
    ms = find_mentions("The strike ran from November to February.", anchor)
    assert [(m.text, m.value) for m in ms] == [("November", "2013-11"), ("February", "2014-02")]


def test_year_ranges_give_two_mentions():
    assert [(m.text, m.value) for m in find_mentions("Between 2010 and 2012 prices fell.", None)] == [
        ("2010", "2010"), ("2012", "2012")]
    assert [(m.text, m.value) for m in find_mentions("The 2013-14 season was wet.", None)] == [
        ("2013", "2013"), ("14", "2014")]


def test_from_month_to_month_gives_two_mentions():
    ms = find_mentions("The ferry ran from March to May.", FRIDAY)
    assert [(m.text, m.value) for m in ms] == [("March", "2013-03"), ("May", "2013-05")]


# ---------------------------------------------------------------- tense-aware weekdays


@pytest.mark.parametrize("sentence,value", [
    ("The ministers met on Wednesday.", "2013-10-30"),
    ("The ministers will meet on Wednesday.", "2013-11-06"),
    ("Hartmann said the ministers would meet on Wednesday.", "2013-11-06"),
    ("The ministers meet on Wednesday.", "2013-10-30"),  # no cue: news reports the past
    ("The ministers began talks on Friday.", "2013-11-01"),
    ("The ministers are set to begin talks on Friday.", "2013-11-01"),
])
def test_weekday_direction_follows_the_tense_of_its_clause(sentence, value):
    assert mention(sentence, next(w for w in ("Wednesday", "Friday") if w in sentence)).value == value


def test_holiday_names_are_not_weekdays():
    assert find_mentions("Shoppers crowded Ostmark on Black Friday.", FRIDAY) == []


# ---------------------------------------------------------------- paragraph-local anchoring


def test_the_next_day_is_anchored_on_the_last_date_of_its_paragraph():
    text = "On March 3 the army entered Veldra. The next day it withdrew."
    m = mention(text, "The next day", dt.date(2014, 5, 1))
    assert (m.value, m.anchor, m.granularity) == ("2014-03-04", "2014-03-03", "day")


def test_paragraph_reference_does_not_cross_a_blank_line():
    text = "On March 3 the army entered Veldra.\n\nThe next day the minister resigned."
    m = mention(text, "The next day", dt.date(2014, 5, 1))
    assert (m.value, m.anchor) == ("2014-05-02", "2014-05-01")


def test_shifts_chain_from_date_to_date_and_work_without_a_document_anchor():
    text = "Ostmark voted on June 4, 2012. A day earlier, protesters gathered. Three days later the result came."
    ms = {m.text: m for m in find_mentions(text, None)}
    assert (ms["A day earlier"].value, ms["A day earlier"].anchor) == ("2012-06-03", "2012-06-04")
    assert (ms["Three days later"].value, ms["Three days later"].anchor) == ("2012-06-06", "2012-06-03")


def test_the_following_year_after_a_year_and_that_day_after_a_month_is_too_coarse():
    text = "Veldra joined in 2009. The following year it left. In May 2010 it was hard; that day ended."
    ms = {m.text: m for m in find_mentions(text, FRIDAY)}
    assert (ms["The following year"].value, ms["The following year"].anchor) == ("2010", "2009")
    assert ms["that day"].value is None


# ---------------------------------------------------------------- false friends


@pytest.mark.parametrize("sentence", [
    "Ostmark may raise taxes.",
    "The march on the capital was peaceful.",
    "Thousands joined a protest march.",
    "The deal is worth $33 billion.",
    "The deal is worth 33 billion euros.",
    "Article 9 forbids it.",
    "They lost the fifth test.",
    "Veldra is No. 1 in the league.",
    "The Boeing 777 landed.",
    "Ostmark won a 2-1 win.",
    "Some 1,500 people marched.",
    "Jan Kowalski said the plan failed.",
    "The Sun reported the story.",
    "They wed in a chapel.",
    "Theresa May said nothing.",
    "Prices may fall sharply.",
    "He sat down; the Sat. show was cancelled.",
    "The fall of the old regime was swift.",
    "Call 555-2013 for details.",
    "Section 2012 of the code applies.",
    "Flight 2012 landed safely.",
    "A 30-year-old man was arrested.",
    "The Arab Spring changed Veldra.",
    "He scored 2013 points.",
    "About 2012 people marched and 1850 workers struck.",
    "Room 2012 is on the left; it cost $1990.",
])
def test_false_friends_give_no_date(sentence):
    assert [m for m in find_mentions(sentence, FRIDAY) if m.type in ("DATE", "TIME")] == []


def test_naming_adjectives_and_current_account_are_no_times():
    text = "The annual meeting approved a quarterly dividend and looked at the current account."
    assert find_mentions(text, FRIDAY) == []


@pytest.mark.parametrize("sentence,year", [
    ("Iraq's 1990 invasion of Kuwait led to sanctions.", "1990"),
    ("A 1996 law tightened the embargo.", "1996"),
    ("Analysts cut their 1990 Veldra Steel earnings estimates.", "1990"),
    ("The company's 1989 operating results were restated.", "1989"),
])
def test_attributive_years_are_dates(sentence, year):
    assert [(m.type, m.value) for m in find_mentions(sentence, FRIDAY)] == [("DATE", year)]


def test_current_is_the_present():
    [m] = find_mentions("The board blamed current market conditions.", FRIDAY)
    assert (m.text, m.value) == ("current", "PRESENT_REF")


def test_a_count_of_years_is_a_duration_never_a_date():
    types = {m.text: m.type for m in find_mentions("The two-hour talks ended a feud of three years.", FRIDAY)}
    assert types == {"two-hour": "DURATION", "three years": "DURATION"}


# ---------------------------------------------------------------- offsets and determinism


def test_offsets_index_the_input_even_after_curly_quotes_and_non_ascii():
    text = "“Ça suffit,” said Hartmann in Zürich — Ostmark’s envoy — on Nov. 2, 2013 and again Friday."
    ms = find_mentions(text, FRIDAY)
    assert [m.text for m in ms] == ["Nov. 2, 2013", "Friday"]
    for m in ms:
        assert text[m.start:m.end] == m.text


def test_offsets_survive_characters_that_change_length_when_lower_cased():
    text = "İstanbul talks ended yesterday; the next round is due next week."
    ms = find_mentions(text, FRIDAY)
    assert [(m.text, m.value) for m in ms] == [("yesterday", "2013-10-31"), ("next week", "2013-W45")]
    for m in ms:
        assert text[m.start:m.end] == m.text


ARTICLE = """TOKYO — Veldra and Ostmark agreed on Friday to resume talks, as their ministers began a two-day visit.

The diplomats agreed to hold vice-ministerial talks in late January or February, ahead of Hartmann's planned visit to Veldra in the spring.

Main discussions are scheduled for Saturday. The two leaders, who will meet on Dec. 15 and 16, last met in November 2012.

The dispute dates from the 1950s. On March 3, 2011, the border closed; the next day, trade stopped. It reopened three years ago.
Every year since 2012 the council has met weekly, often at 8:30 a.m.
"""


def test_mentions_are_sorted_non_overlapping_and_exact():
    ms = find_mentions(ARTICLE, FRIDAY)
    assert len(ms) >= 15
    for a, b in zip(ms, ms[1:]):
        assert a.end <= b.start
    for m in ms:
        assert ARTICLE[m.start:m.end] == m.text
        assert m.type in ("DATE", "TIME", "DURATION", "SET")


def test_the_function_is_deterministic():
    first = find_mentions(ARTICLE, FRIDAY)
    for _ in range(3):
        assert find_mentions(ARTICLE, FRIDAY) == first


def test_article_values():
    got = [(m.text, m.value) for m in find_mentions(ARTICLE, FRIDAY)]
    assert got == [
        ("Friday", "2013-11-01"), ("two-day", "P2D"), ("late January", "2014-01"), ("February", "2014-02"),
        ("the spring", "2014-SP"), ("Saturday", "2013-11-02"), ("Dec. 15", "2013-12-15"), ("16", "2013-12-16"),
        ("November 2012", "2012-11"), ("the 1950s", "195"), ("March 3, 2011", "2011-03-03"),
        ("the next day", "2011-03-04"), ("three years ago", "2010"), ("Every year", "P1Y"), ("2012", "2012"),
        ("weekly", "P1W"), ("8:30 a.m.", "2013-11-01T08:30"),
    ]


def test_empty_and_dateless_texts_give_nothing():
    assert find_mentions("", FRIDAY) == []
    assert find_mentions("The minister spoke to reporters in Veldra.", FRIDAY) == []


@pytest.mark.parametrize("sentence,anchor,surface,value", [
    # "for <weekday>" names a planned day
    ("The farmers' union has called a protest for Saturday.", "2021-08-04", "Saturday", "2021-08-07"),
    # a passive participle after "be" carries no tense; "would" does
    ("Water would be rationed from Thursday, the ministry said.", "2021-08-03", "Thursday", "2021-08-05"),
    # the verb a date belongs to comes before it, not after
    ("The barrier ordered by the court in May would be tested soon.", "2024-07-03", "May", "2024-05"),
    ("He said the team would stay in Radev until Wednesday in case the others returned.", "2023-01-16",
     "Wednesday", "2023-01-18"),
    # an auxiliary gives way to the verb after it
    ("The round was meant to produce a draft text by the spring.", "2023-01-16", "the spring", "2023-SP"),
    ("The commission hoped a deal could be ready to sign in the autumn.", "2022-03-08", "the autumn", "2022-FA"),
    # a plan told in the past may be over already: the nearer day
    ("Hartmann said she planned to raise it at Friday's dinner.", "2013-11-02", "Friday", "2013-11-01"),
    # a reporting verb dates the report, not what is reported
    ("“Talks resume Friday and end Dec. 15,” she said.", "2013-11-01", "Dec. 15", "2013-12-15"),
])
def test_tense_cues_in_reported_and_planned_speech(sentence, anchor, surface, value):
    found = {m.text: m.value for m in find_mentions(sentence, dt.date.fromisoformat(anchor))}
    assert found[surface] == value


# --- expressions added from the TimeBank error analysis --------------------------------------


def values(text, anchor=FRIDAY):
    return [(m.text, m.type, m.value) for m in find_mentions(text, anchor)]


@pytest.mark.parametrize("text,expected", [
    ("Officials said over the weekend that the talks had failed.", ("the weekend", "DATE", "2013-W43-WE")),
    ("Talks will resume over the weekend.", ("the weekend", "DATE", "2013-W44-WE")),
    ("Shops were busy before Christmas.", ("Christmas", "DATE", "2012-12-25")),
    ("The parade will be held on Thanksgiving Day.", ("Thanksgiving Day", "DATE", "2013-11-28")),
    ("He will return at Easter.", ("Easter", "DATE", "2014-04-20")),
    ("In nineteen ninety-six the plan failed.", ("nineteen ninety-six", "DATE", "1996")),
    ("The system must be ready by the year two thousand.", ("the year two thousand", "DATE", "2000")),
    ("The dam was finished in July last year.", ("July last year", "DATE", "2012-07")),
    ("The minister must decide by Monday.", ("Monday", "DATE", "2013-11-04")),
    ("Opponents would look for ways around Wednesday's ruling.", ("Wednesday", "DATE", "2013-10-30")),
    ("The shelling began at 10 p.m. Wednesday.", ("10 p.m. Wednesday", "TIME", "2013-10-30T22:00")),
])
def test_weekends_holidays_spoken_years_and_combined_expressions(text, expected):
    assert values(text) == [expected]


def test_two_thousand_people_is_a_number():
    assert values("Two thousand people came to the square.") == []


def test_a_possessive_day_right_after_a_future_cue_looks_ahead():
    wednesday = dt.date(2013, 10, 30)
    assert values("Parties campaigned ahead of Friday's vote.", wednesday) == [("Friday", "DATE", "2013-11-01")]


def test_the_reported_quarter_and_its_year_ago_comparison():
    text = ("Veldra Steel posted a third-quarter loss of $5 million. Sales in the quarter fell 3%, "
            "after a profit of $2 million a year ago. In the year-ago quarter it also had a tax credit.")
    assert values(text) == [("third-quarter", "DATE", "2013-Q3"), ("the quarter", "DATE", "2013-Q3"),
                            ("a year ago", "DATE", "2012-Q3"), ("the year-ago quarter", "DATE", "2012-Q3")]


def test_a_quarter_just_ended_is_the_one_a_company_expects_to_report():
    assert values("The company expects to report a loss for the third quarter.") == [
        ("the third quarter", "DATE", "2013-Q3")]


def test_a_period_without_a_quarter_named_is_no_date():
    assert values("Sales in the latest period rose.") == []


def test_a_possessive_year_before_a_quarter_is_one_expression():
    anchor = dt.date(1989, 11, 1)
    assert values("Sales for this year's third quarter fell.", anchor) == [
        ("this year's third quarter", "DATE", "1989-Q3")]


@pytest.mark.parametrize("text", [
    "Parents worry about today's youth and today's world.",
    "The party daily Pravda ran the story.",
    "Average daily volume was thin.",
])
def test_generic_today_and_daily_as_a_noun_are_no_times(text):
    assert values(text) == []


def test_this_month_name_is_the_anchor_year():
    assert values("The election is due this September.", dt.date(1998, 2, 5)) == [
        ("this September", "DATE", "1998-09")]


def test_a_possessive_month_after_a_day_is_no_range():
    assert values("After a revision Friday to December's figures, jobs grew.", dt.date(1998, 2, 6)) == [
        ("Friday", "DATE", "1998-02-06"), ("December", "DATE", "1997-12")]


def test_a_date_before_a_colon_is_still_a_date():
    assert values("The paper said in an editorial on Saturday, April 25: the court erred.",
                  dt.date(1998, 4, 24)) == [("Saturday, April 25", "DATE", "1998-04-25")]


def test_an_adjective_in_ed_after_a_determiner_is_no_past_tense():
    assert values("The company said it will redeem its preferred stock on Oct. 31.", dt.date(1989, 10, 27)) == [
        ("Oct. 31", "DATE", "1989-10-31")]


def test_day_first_may_after_a_preposition_is_a_date_but_not_before_a_verb():
    assert values("The vote was held on 6 May and counted on 18 May.", dt.date(2015, 5, 20)) == [
        ("6 May", "DATE", "2015-05-06"), ("18 May", "DATE", "2015-05-18")]
    assert values("Officials said 5 May be hurt.", dt.date(2015, 7, 1)) == []


@pytest.mark.parametrize("text, span, value, granularity", [
    ("Hartmann was elected on June 25th , 2009 in Ostmark.", "June 25th , 2009", "2009-06-25", "day"),
    ("The dam was opened on 25 June , 2009 by the minister.", "25 June , 2009", "2009-06-25", "day"),
    ("The vote fell on Thursday , June 25 , 2009 after a long debate.", "Thursday , June 25 , 2009",
     "2009-06-25", "day"),
    ("Veldra joined the union in June , 2009.", "June , 2009", "2009-06", "month"),
])
def test_a_space_before_the_comma_keeps_the_year(text, span, value, granularity):
    m = mention(text, span, dt.date(2010, 3, 5))
    assert (m.value, m.granularity) == (value, granularity)
    assert [x.text for x in find_mentions(text, dt.date(2010, 3, 5))] == [span]


def test_a_comma_after_a_date_does_not_swallow_a_following_number():
    assert values("The vote was held on June 25 , 12 members abstained.", dt.date(2009, 7, 1)) == [
        ("June 25", "DATE", "2009-06-25")]


# --------------------------------------------------------------------------- durations inside date phrases


def _found(text: str, anchor=FRIDAY) -> list[tuple]:
    return [(m.text, m.type, m.value, m.mod) for m in find_mentions(text, anchor)]


@pytest.mark.parametrize("text, expected", [
    # "from now": the duration and the present, two expressions (TimeML)
    ("Veldra will vote three days from now.", [("three days", "DURATION", "P3D", None), ("now", "DATE", "PRESENT_REF", None)]),
    ("Kessel hopes to have its port ten years from now.", [("ten years", "DURATION", "P10Y", None),
                                                           ("now", "DATE", "PRESENT_REF", None)]),
    # a length only roughly known names no date: the duration, without "later"
    ("The Ostmark council met again some two weeks later.", [("some two weeks", "DURATION", "P2W", "APPROX")]),
    ("About three months later, Veldra signed the accord.", [("About three months", "DURATION", "P3M", "APPROX")]),
    ("A few days later, the Kessel dam opened.", [("A few days", "DURATION", "PXD", None)]),
    ("Hartmann resigned several weeks earlier.", [("several weeks", "DURATION", "PXW", None)]),
    # an exact count still dates: "two days later" is a day
    ("Hartmann arrived on Oct. 20 and left two days later.", [("Oct. 20", "DATE", "2013-10-20", None),
                                                              ("two days later", "DATE", "2013-10-22", None)]),
    ("Ostmark plans to finish the bridge within three years.", [("three years", "DURATION", "P3Y", None)]),
])
def test_a_duration_inside_a_date_phrase(text, expected):
    assert _found(text) == expected


# --------------------------------------------------------------------------- direction from tense cues


@pytest.mark.parametrize("text, value", [
    # a past decision ("agreed to", "voted to") dates a weekday in the past
    ("The Ostmark union agreed to the deal on Tuesday.", "2013-10-29"),
    ("The Veldra board voted to close the mill on Tuesday.", "2013-10-29"),
    # ... and still lets a plan further off lie ahead
    ("The Kessel board agreed to buy the ferry line in February.", "2014-02"),
    # a past reporting verb right before the date dates the report
    ("The Veldra mayor said in December that the plan had failed.", "2012-12"),
    ("Kessel officials told reporters in December that the mine would close.", "2012-12"),
    # ... but says nothing of a date further on in what is reported
    ("The ministers said the Ostmark bridge opens in December.", "2013-12"),
    # an end point or a start in a past sentence lies ahead
    ("The Veldra court postponed the hearing until Tuesday.", "2013-11-05"),
    ("The council said the road would stay closed until Dec. 15.", "2013-12-15"),
    ("The new Kessel rules, announced last month, become effective Dec. 1.", "2013-12-01"),
    ("The ban was extended through Dec. 12.", "2013-12-12"),
    ("The ministry pushed the vote back to Dec. 3.", "2013-12-03"),
    # ... but not a state that lasted up to a day now past
    ("Hartmann was at large until Oct. 7, when she was found in Kessel.", "2013-10-07"),
    ("Until Tuesday, the Veldra police had not named a suspect.", "2013-10-29"),
])
def test_direction_from_tense_cues(text, value):
    found = [m for m in find_mentions(text, FRIDAY) if m.type in ("DATE", "TIME") and m.value and m.value[0].isdigit()]
    assert found[-1].value.startswith(value), _found(text)


def test_a_clock_time_before_a_weekday_after_until_lies_ahead():
    assert _found("The Ostmark vote was delayed until noon Tuesday.") == [
        ("noon Tuesday", "TIME", "2013-11-05T12:00", None)]


# --------------------------------------------------------------------------- not times at all


@pytest.mark.parametrize("text", [
    "A 3-year-old boy was found safe in Kessel.",
    "The girl, aged 18 months, was unharmed.",
    "The Veldra farm is a ten-minute drive from Ostmark.",
    "The mill lies a two-hour walk away from the harbour.",
    "The 1986 squad still holds the Kessel record.",
    "A second protest followed in Veldra.",
    "Ostmark sent a second delegation to the talks.",
])
def test_ages_distances_named_years_and_ordinals_are_no_times(text):
    assert find_mentions(text, FRIDAY) == []


@pytest.mark.parametrize("text, expected", [
    ("Hartmann spoke after a 16-hour flight to Veldra.", [("16-hour", "DURATION", "PT16H", None)]),
    ("The Kessel bus took a second longer than the train.", [("a second", "DURATION", "PT1S", None)]),
    ("Ostmark won the 1986 season opener.", [("1986", "DATE", "1986", None)]),
])
def test_their_look_alikes_still_are(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Posted: Oct. 30, 2013, 4:12 PM | Veldra votes", [("Oct. 30, 2013, 4:12 PM", "TIME", "2013-10-30T16:12", None)]),
    ("Ostmark Gazette | 30 October 2013 at 09:15 GMT", [("30 October 2013 at 09:15 GMT", "TIME", "2013-10-30T09:15Z", None)]),
    ("Updated Oct. 30, 2013 | 8:20 am", [("Oct. 30, 2013 | 8:20 am", "TIME", "2013-10-30T08:20", None)]),
    # a day without its year, or a clock time further on, stays apart
    ("Veldra voted on Oct. 30, 4 p.m. being the deadline.", [("Oct. 30", "DATE", "2013-10-30", None),
                                                               ("4 p.m.", "TIME", "2013-10-30T16:00", None)]),
])
def test_a_full_date_with_its_clock_time_is_one_time(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Veldra talks may take years.", [("years", "DURATION", "PXY", None)]),
    ("Ostmark expects a ruling within days.", [("days", "DURATION", "PXD", None)]),
    ("Kessel grew for the first time in months.", [("months", "DURATION", "PXM", None)]),
    ("The accord ended decades of quarrels over the Kessel fisheries.", [("decades", "DURATION", "PXDE", None)]),
    ("The crews worked for hours.", [("hours", "DURATION", "PTXH", None)]),
    # not after other words, nor before a possessive "of"
    ("The Veldra library extended its opening hours.", []),
    ("Hartmann remembered the years of the blockade.", []),
    ("Ostmark stores years as two digits.", []),
])
def test_a_bare_plural_unit_is_a_stretch_of_unknown_length(text, expected):
    assert _found(text) == expected
