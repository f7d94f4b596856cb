"""A story told from another time than the publication date: a letter's or an email's date, or
a flashback's year, is what the relative expressions after it count from (invented sentences)."""

import datetime as dt

import pytest

from storyline.timex import find_mentions

ANCHOR = dt.date(2013, 11, 1)  # a Friday


def values(text, anchor=ANCHOR):
    return {m.text: m.value for m in find_mentions(text, anchor)}


def test_a_letter_dated_to_the_day_places_what_it_says():
    text = ('In an email dated March 3, 2009, the harbour master wrote: "The dredger arrives tomorrow '
            'and the survey starts next week." The port reopened on Friday.')
    found = values(text)
    assert found["tomorrow"] == "2009-03-04"
    assert found["next week"] == "2009-W11"
    assert found["Friday"] == "2013-11-01"  # after the quotation the story is told from the anchor again


def test_the_mention_notes_the_date_it_counts_from():
    text = 'In a memo dated May 4, 2010, the mayor wrote that the bridge would shut "on Monday".'
    (monday,) = [m for m in find_mentions(text, ANCHOR) if m.text == "Monday"]
    assert monday.anchor == "2010-05-04" and monday.value == "2010-05-10"


@pytest.mark.parametrize("text, target", [
    ("In a letter written in 2009, the widow said she would see the captain on Friday evening.", "Friday evening"),
    ("In a 2009 letter, the widow promised to sail next Tuesday.", "next Tuesday"),
    ("Back in 2009, the crew left port on a Monday and came back on Thursday.", "Thursday"),
])
def test_a_story_known_only_to_the_year_leaves_a_day_unresolved(text, target):
    found = values(text)
    assert target in found and found[target] is None  # not a day of the publication week


def test_a_story_known_to_the_year_still_places_a_year():
    assert values("In a 2009 letter, the widow promised to visit next year.")["next year"] == "2010"


@pytest.mark.parametrize("text, target, value", [
    ("The company, founded in 1990, said on Friday that profit rose.", "Friday", "2013-11-01"),
    ("In 2012, the plant closed. On Friday the council said it would reopen.", "Friday", "2013-11-01"),
    ("In October, the ministers exchanged letters and spoke on Saturday.", "Saturday", "2013-10-26"),
    ("A letter sent last week said the ferry would resume on Monday.", "Monday", "2013-11-04"),
])
def test_a_past_date_without_a_letter_or_a_flashback_opening_changes_nothing(text, target, value):
    assert values(text)[target] == value
