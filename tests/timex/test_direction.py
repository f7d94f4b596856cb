"""Which side of the publication date a yearless date falls on when the sentence's past verb
is not the date's own (invented sentences)."""

import datetime as dt

import pytest

from storyline.timex import find_mentions

ANCHOR = dt.date(2011, 10, 27)  # a Thursday


def value_of(text, target, anchor=ANCHOR):
    return next(m.value for m in find_mentions(text, anchor) if m.text == target)


@pytest.mark.parametrize("text, target, value", [
    ("The regulator asked the brewery to respond by Oct. 31.", "Oct. 31", "2011-10-31"),
    ("The committee summoned the harbour master to testify on Nov. 9.", "Nov. 9", "2011-11-09"),
    ("The lender agreed last week with the town to redeem the bonds in January.", "January", "2012-01"),
])
def test_a_date_after_an_infinitive_is_not_placed_by_the_past_verb(text, target, value):
    assert value_of(text, target) == value


@pytest.mark.parametrize("text, target, value", [
    ("The ministry gave no reason for the Nov. 4 deadline.", "Nov. 4", "2011-11-04"),
    ("Unions missed the Oct. 20 deadline.", "Oct. 20", "2011-10-20"),
])
def test_a_deadline_is_the_nearest_such_day(text, target, value):
    assert value_of(text, target) == value


@pytest.mark.parametrize("text, target, value", [
    ("The ferry returned to service in November.", "November", "2010-11"),
    ("The council met on Nov. 3 and voted to close the pool.", "Nov. 3", "2010-11-03"),
    ("The fund's preferred shares fell on Oct. 26.", "Oct. 26", "2011-10-26"),
])
def test_a_past_verb_of_its_own_still_places_the_date_behind(text, target, value):
    assert value_of(text, target) == value
