"""The table of candidate rules and the table of kind handlers: each rule fires on an example
of its own, and every kind a rule names has a handler that resolves it."""

import datetime as dt

import pytest

from storyline.timex import SEASON_CODES, SLACK_DAYS, find_mentions, season_span
from storyline.timex.candidate import Candidates
from storyline.timex.kinds import KIND_HANDLERS
from storyline.timex.rules import RULES, candidates

EXAMPLES = {
    "_month_day": "They met on March 3, 2014.",
    "_day_month": "They met on 3 March 2014.",
    "_iso_date": "Filed 2013-11-01.",
    "_slash_date": "Filed 11/01/2013.",
    "_month_year": "It opened in March 2014.",
    "_month": "It opened in March.",
    "_year_range": "The 2013-14 season ended.",
    "_year": "It opened in 2012.",
    "_decade": "From the 1990s to the '20s.",
    "_century": "In the 20th century.",
    "_season_year": "In spring 2014.",
    "_season": "They met last spring.",
    "_quarter": "Sales rose in the first quarter.",
    "_quarter_code": "Results for Q3 2013.",
    "_weekday": "They met on Friday.",
    "_weekday_set": "The shop closes Mondays.",
    "_day_word": "They met yesterday.",
    "_relative_unit": "They met last week.",
    "_reference_shift": "The next day they left.",
    "_month_relative_year": "It rained in July last year.",
    "_the_weekend": "They met over the weekend.",
    "_spoken_year": "It was in nineteen ninety-six.",
    "_holiday": "They left before Christmas.",
    "_report_period": "Profit fell in the quarter.",
    "_year_ago_adjective": "Sales beat year-earlier results.",
    "_ago": "They met two days ago.",
    "_in_n": "They will meet in two weeks.",
    "_duration": "The talks lasted three years.",
    "_bare_duration": "Prices rose over the past year and the past week.",
    "_half_duration": "The talks lasted two and a half years.",
    "_fiscal_relative": "Profit will rise in the current fiscal year.",
    "_set": "The board meets every week.",
    "_current": "Under current market conditions.",
    "_reference_word": "Prices are rising now.",
    "_clock_12h": "They met at 8:30 a.m.",
    "_clock_24h": "They met at 14:30 GMT.",
    "_clock_utc4": "They met at 3 p.m. (1200 GMT).",
    "_clock_stamp": "Published March 12, 2013 02:03.",
    "_noon": "They met at noon.",
}


def test_every_rule_has_an_example_and_handlers_are_distinct():
    names = [rule.handler.__name__ for rule in RULES]
    assert len(names) == len(set(names))
    assert set(names) == set(EXAMPLES)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.handler.__name__)
def test_each_rule_finds_its_example(rule):
    text = EXAMPLES[rule.handler.__name__]
    out = Candidates()
    for m in rule.pattern.finditer(text):
        rule.handler(m, text, out)
    assert out, text
    assert all(part.kind in KIND_HANDLERS for cand in out for part in cand.parts)


def test_the_rules_name_exactly_the_kinds_that_have_handlers():
    kinds = {part.kind for text in EXAMPLES.values() for cand in candidates(text) for part in cand.parts}
    assert kinds == set(KIND_HANDLERS)


def test_every_example_resolves_with_an_anchor():
    for text in EXAMPLES.values():
        mentions = find_mentions(text, anchor=dt.date(2014, 6, 4))
        assert mentions and all(m.value for m in mentions), text


def test_the_public_names_stay_importable():
    assert SEASON_CODES == ("SP", "SU", "FA", "WI")
    assert season_span(2013, "WI") == (dt.date(2013, 12, 1), dt.date(2014, 2, 28))
    assert SLACK_DAYS == 3


def test_a_weekday_written_in_lower_case_is_still_a_set_of_that_day():
    found = find_mentions("The market opens every sunday at dawn.", anchor=dt.date(2020, 5, 4))
    assert [(m.text, m.value) for m in found] == [("every sunday", "XXXX-WXX-7")]


def test_letters_that_match_ascii_ones_only_without_case_are_read_as_them():
    # a dotless i and a long s match "i" and "s" in a case-insensitive pattern: the words are read
    # as the ASCII ones, and each mention keeps its text as written
    text = "The fıve years ago rule and the fırst quarter of 2019."
    plain = "The five years ago rule and the first quarter of 2019."
    found = find_mentions(text, anchor=dt.date(2020, 5, 4))
    assert [m.text for m in found] == [text[m.start:m.end] for m in found]
    assert [(m.start, m.end, m.value) for m in found] == [
        (m.start, m.end, m.value) for m in find_mentions(plain, anchor=dt.date(2020, 5, 4))]
    assert [m.value for m in found] == ["2015", "2019-Q1"]
