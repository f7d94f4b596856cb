"""TimeML's conventions for lengths, weeks, fiscal years, universal time and a general "today",
each on invented sentences."""

import datetime as dt

import pytest

from storyline.timex import find_mentions

FRIDAY = dt.date(2013, 11, 1)  # a Friday in ISO week 2013-W44
MONDAY = dt.date(2013, 11, 4)  # the Monday after it, ISO week 2013-W45


def found(text, anchor=FRIDAY):
    return [(m.text, m.type, m.value, m.mod) for m in find_mentions(text, anchor)]


@pytest.mark.parametrize("text, expected", [
    ("The harbour dredging lasted two and a half years.", ("two and a half years", "DURATION", "P2Y6M", None)),
    ("The ferry crossing takes 2 1/2 hours in calm weather.", ("2 1/2 hours", "DURATION", "PT2H30M", None)),
    ("The ovation went on for a minute and a half.", ("a minute and a half", "DURATION", "PT1M30S", None)),
    ("Queues at the depot moved after an hour and a half.", ("an hour and a half", "DURATION", "PT1H30M", None)),
    ("The generator ran for about half an hour.", ("about half an hour", "DURATION", "PT30M", "APPROX")),
    ("The winner finished in two hours and 51 minutes.", ("two hours and 51 minutes", "DURATION", "PT2H51M", None)),
    ("The mayor served three years and two months.", ("three years and two months", "DURATION", "P3Y2M", None)),
])
def test_a_length_with_a_half_or_in_two_units_is_one_duration(text, expected):
    assert found(text) == [expected]


def test_a_half_after_an_age_is_no_length():
    assert found("The foal, aged two and a half years, won again.") == []


@pytest.mark.parametrize("text, expected", [
    ("Grain exports will double in the coming decade.", ("the coming decade", "DURATION", "P10Y", None)),
    ("Wages stalled over the past decade.", ("the past decade", "DURATION", "P10Y", None)),
    ("The canal took less than a decade to dig.", ("less than a decade", "DURATION", "P10Y", "LESS_THAN")),
    ("The abbey has stood for three centuries.", ("three centuries", "DURATION", "P300Y", None)),
    ("The dispute lasted decades.", ("decades", "DURATION", "PXDE", None)),
])
def test_a_counted_decade_or_century_is_a_number_of_years(text, expected):
    assert found(text) == [expected]


def test_next_decade_without_the_is_still_the_calendar_decade():
    assert found("The plant should be replaced next decade.") == [("next decade", "DATE", "202", None)]


@pytest.mark.parametrize("text, anchor, week", [
    ("Bread prices rose sharply in the past week.", FRIDAY, "2013-W44"),
    ("Over the last week, three ferries were cancelled.", FRIDAY, "2013-W44"),
    ("Bread prices rose sharply in the past week.", MONDAY, "2013-W44"),  # most of those days lie in W44
])
def test_the_past_week_is_the_calendar_week_that_holds_most_of_it(text, anchor, week):
    (mention,) = find_mentions(text, anchor)
    assert (mention.type, mention.value, mention.granularity) == ("DATE", week, "week")


def test_the_past_weeks_and_the_last_week_of_a_month_keep_their_own_readings():
    assert found("Over the past two weeks the river rose.") == [("the past two weeks", "DURATION", "P2W", None)]
    assert [m[0] for m in found("The fair opens in the last week of June.")] == ["June"]


@pytest.mark.parametrize("text, expected", [
    ("The brewery expects losses in the current fiscal year.", ("the current fiscal year", "DATE", "2013", None)),
    ("Exports fell in the latest fiscal year.", ("the latest fiscal year", "DATE", "2012", None)),
    ("The council will cut spending next fiscal year.", ("next fiscal year", "DATE", "2014", None)),
])
def test_a_fiscal_year_named_by_its_place_is_that_year(text, expected):
    assert found(text) == [expected]


def test_the_fiscal_year_ending_on_a_date_is_left_to_the_date():
    assert [m[0] for m in found("Sales for the fiscal year ending June 30 rose.")] == ["June 30"]


@pytest.mark.parametrize("text, expected", [
    ("The polls closed at 21:00 GMT.", ("21:00 GMT", "TIME", "2013-11-01T21:00Z", None)),
    ("The first ferry left at 6 a.m. UTC.", ("6 a.m. UTC", "TIME", "2013-11-01T06:00Z", None)),
    ("Shelling resumed at 3 p.m. (1200 GMT) on Friday.", ("3 p.m. (1200 GMT)", "TIME", "2013-11-01T12:00Z", None)),
    ("The count began at 8 p.m. EST.", ("8 p.m. EST", "TIME", "2013-11-01T20:00", None)),
])
def test_a_clock_time_in_universal_time_is_written_with_z(text, expected):
    assert found(text)[0] == expected


def test_four_digits_before_gmt_are_a_time_only_beside_a_local_one():
    assert [m for m in find_mentions("At 1815 GMT the board met.", FRIDAY) if m.type == "TIME"] == []


@pytest.mark.parametrize("text", [
    "Surgeons can do more than is possible today in most clinics.",
    "The old mill looks much as it stands today.",
    "Even today, the wreck lies where it sank.",
    "Children today read fewer printed books.",
])
def test_today_in_a_general_statement_is_the_present(text):
    assert [(m.text.lower(), m.value) for m in find_mentions(text, FRIDAY)] == [("today", "PRESENT_REF")]


@pytest.mark.parametrize("text", [
    "The ministry said today that the bridge would reopen.",
    "Fares rose today, as the operator announced today.",
    "As of today, 30 ferries have been cancelled.",
    "Today, the union called off the strike.",
])
def test_today_as_the_day_of_the_report_stays_the_day(text):
    assert all(m.value == "2013-11-01" for m in find_mentions(text, FRIDAY) if m.text.lower() == "today")


@pytest.mark.parametrize("text, expected", [
    ("Harbour reopens. Published: March 12, 2013 02:03", ("March 12, 2013 02:03", "TIME", "2013-03-12T02:03", None)),
    ("Updated 12 March 2013 | 23:51 The ferry sailed.", ("12 March 2013 | 23:51", "TIME", "2013-03-12T23:51", None)),
    ("Posted 12 January 2010 @ 09:29 pm. The ferry sailed.", ("12 January 2010 @ 09:29 pm", "TIME", "2010-01-12T21:29", None)),
])
def test_a_byline_stamp_with_a_24_hour_clock_is_one_time(text, expected):
    assert found(text)[0] == expected


def test_a_clock_after_a_bare_year_is_no_stamp():
    assert [m for m in find_mentions("In 2012 10:30 was the usual start.", FRIDAY) if m.type == "TIME"] == []
