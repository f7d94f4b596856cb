"""Dating sentences: the date of the event a sentence reports, and what kind of statement it is.

Every sentence is invented (Brenholm, Lake Sava, minister Ida Marek ...). Most tests run the
whole path, ``find_mentions`` then ``event_date``, as the build does; a few hand the rule a
mention directly, to pin down what it does with a value the resolver might give.
"""

import dataclasses
import datetime as dt

import pytest

from storyline.chronology.dating import EventDate, event_date
from storyline.model import TimeMention
from storyline.timex import find_mentions

FRIDAY = dt.date(2024, 1, 12)


def dated(text: str, published=FRIDAY) -> EventDate:
    return event_date(text, find_mentions(text, published), published)


def mention(text: str, span: str, value: str, granularity: str) -> TimeMention:
    start = text.index(span)
    return TimeMention(start, start + len(span), span, "DATE", value, granularity)


def assert_publication(result: EventDate, published=FRIDAY, kind="report"):
    assert (result.value, result.granularity, result.kind, result.named, result.mention) == (
        published.isoformat(), "day", kind, False, None)


# --------------------------------------------------------------------------- the API


def test_the_result_is_a_frozen_record_with_the_agreed_fields():
    result = dated("The two countries signed the treaty in 1998.")
    assert [f.name for f in dataclasses.fields(EventDate)] == ["value", "granularity", "kind", "named",
                                                                "mention", "reason", "others", "present"]
    assert result == EventDate("1998", "year", "report", True, 0, "main-clause date")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.value = "1999"


def test_further_days_a_sentence_reports_are_kept_for_salience():
    result = dated("Protesters clashed with police on Monday and again on Tuesday.", published=dt.date(2011, 1, 27))
    assert result.kind == "report" and result.value is not None
    assert len(result.others) == 1 and result.others[0][1] == "day" and result.others[0][0] != result.value
    thing = dated("The court ruled on Tuesday that the 2019 floods were not the dam's fault.", published=dt.date(2021, 3, 5))
    assert thing.others == ()


def test_mention_is_the_index_of_the_mention_used():
    text = "Results of the 2004 census were released yesterday."
    mentions = find_mentions(text, FRIDAY)
    result = event_date(text, mentions, FRIDAY)
    assert result.mention == 1 and mentions[result.mention].text == "yesterday"
    assert (result.value, result.named) == ("2024-01-11", True)


def test_a_datetime_publication_is_read_as_its_day():
    result = event_date("The minister resigned.", [], dt.datetime(2024, 1, 12, 8, 30))
    assert result.value == "2024-01-12"


# --------------------------------------------------------------------------- rule 1: dates that name things


@pytest.mark.parametrize("text, reason", [
    ("The tribunal ruled that the 2021 drought was caused by the dam.", "attributive year"),
    ("The appeals court found that his 2005 trial had been unfair.", "attributive year"),
    ("Auditors criticised its 2021 budget in a report.", "attributive year"),
    ("Observers said the 2004 election campaign was marred by fraud.", "attributive year"),
    ("Minister Ida Marek said 2021's drought was the worst on record.", "attributive year"),
    ("The ruling blamed the drought of 2021 for the crop losses.", "attributive year"),
    ("Farmers said they were still paying for the floods of March 2019.", "attributive date"),
    ("The class of 2005 held a reunion in the old hall.", "attributive year"),
    ("Ida Marek (born 1961) resigned as minister.", "parenthetical"),
    ("The brewery reported fiscal 2023 results.", "compound"),
    ("The 2024 season opened with a record crowd.", "attributive year"),
    ("Fans queued for 2024 season tickets.", "compound"),
    ("Exports rose 4 percent compared with 2019.", "comparison"),
    ("The utility posted a profit for 2023.", "period of a figure"),
    ("The museum showed a poster from 1989 in its entrance hall.", "origin"),
])
def test_a_date_naming_a_thing_does_not_date_the_sentence(text, reason):
    result = dated(text)
    assert_publication(result)
    assert result.reason == reason


def test_an_event_noun_in_a_date_inside_a_reported_clause_names_the_event():
    result = dated("The tribunal ruled that the floods in March 2019 were caused by negligence.")
    assert_publication(result)


@pytest.mark.parametrize("text, value, granularity", [
    ("The two countries signed the treaty in 1998.", "1998", "year"),
    ("In 2019, the dam on Lake Sava burst.", "2019", "year"),
    ("Parliament passed the water law in March 2019.", "2019-03", "month"),
    # the head of the sentence doing something in the past: its date is when it did it
    ("The floods in March 2019 destroyed the old bridge.", "2019-03", "month"),
    ("The floods of March 2019 destroyed the old bridge.", "2019-03", "month"),
    ("The 2019 floods destroyed the old bridge.", "2019", "year"),
    # a noun's date inside "at"/"during": the time of the clause
    ("At the 2012 Games she won two medals.", "2012", "year"),
    # the possessive after a preposition of time
    ("Lawmakers approved the bill in Wednesday's vote.", "2024-01-10", "day"),
])
def test_a_date_as_the_time_of_the_clause_dates_it(text, value, granularity):
    result = dated(text)
    assert (result.value, result.granularity, result.kind, result.named) == (value, granularity, "report", True)


def test_the_1998_treaty_versus_signed_in_1998():
    assert_publication(dated("Brenholm says it releases more water than the 1998 treaty requires."))
    assert dated("Brenholm signed the water treaty in 1998.").value == "1998"


def test_a_possessive_day_at_the_head_of_a_passive_names_a_thing():
    assert_publication(dated("Monday's ruling was appealed."))


def test_a_sentence_initial_day_dates_the_sentence():
    result = dated("On March 3, police arrested the mayor of Brenholm.", dt.date(2024, 4, 2))
    assert (result.value, result.kind, result.named) == ("2024-03-03", "report", True)


# --------------------------------------------------------------------------- rule 2: states and ranges


@pytest.mark.parametrize("text", [
    "The journalist has been detained since March 3.",
    "Since 2019, 400 people have died in the clashes.",
    "Prices have risen since last year.",
    "The reporter has been held since his 2022 arrest.",
    "He has lived abroad since he was released in 2019.",
])
def test_since_starts_a_state_and_never_dates_the_sentence(text):
    published = dt.date(2024, 4, 2)
    result = dated(text, published)
    assert_publication(result, published, kind="state")
    assert result.reason == "since: state start"


def test_on_a_day_versus_since_that_day():
    published = dt.date(2024, 4, 2)
    on = dated("The journalist was detained on March 3.", published)
    since = dated("The journalist has been detained since March 3.", published)
    assert (on.value, on.kind) == ("2024-03-03", "report")
    assert (since.value, since.kind) == ("2024-04-02", "state")


def test_another_event_date_wins_over_since():
    result = dated("Police, who have held him since March 3, charged him on Tuesday.", dt.date(2024, 4, 5))
    assert (result.value, result.kind) == ("2024-04-02", "report")


def test_as_of_dates_a_state_at_that_date():
    result = dated("As of Jan. 10, 40 people had been arrested.")
    assert (result.value, result.kind, result.named, result.reason) == ("2024-01-10", "state", True, "as of: state")


def test_a_simple_past_range_is_reported_at_its_start():
    result = dated("The talks ran from March 3 until March 9.", dt.date(2024, 4, 2))
    assert (result.value, result.kind, result.reason) == ("2024-03-03", "report", "range start")


def test_a_range_with_a_perfect_is_a_state():
    result = dated("Prices have doubled between 2019 and 2023.")
    assert_publication(result, kind="state")
    assert result.reason == "range: state"


def test_a_range_end_alone_is_no_event_date():
    result = dated("The court extended the deadline until March 4.", dt.date(2024, 4, 2))
    assert_publication(result, dt.date(2024, 4, 2))
    assert result.reason == "range end: publication date"
    result = dated("The bridge remained closed until Monday.")
    assert_publication(result, kind="state")


def test_not_until_names_the_day_it_happened():
    result = dated("It was not until Tuesday that the ministry confirmed the leak.")
    assert (result.value, result.kind) == ("2024-01-09", "report")


# --------------------------------------------------------------------------- rule 3: several dates


def test_a_day_wins_over_a_coarser_date():
    result = dated("The tribunal ruled on Tuesday that the filling in 2021 broke the treaty.")
    assert (result.value, result.granularity, result.mention) == ("2024-01-09", "day", 0)


def test_a_date_in_a_relative_clause_gives_way_to_the_main_clause():
    result = dated("The dam, which was completed in 1998, burst last year.")
    assert (result.value, result.granularity, result.mention) == ("2023", "year", 1)


def test_the_main_clause_of_a_relative_without_comma():
    result = dated("The man who attacked the depot on Monday was arrested on Wednesday.")
    assert result.value == "2024-01-10"
    result = dated("The man who set fire to the depot on Monday was arrested on Wednesday.")
    assert result.value == "2024-01-10"


def test_a_date_only_in_a_relative_clause_dates_the_noun_not_the_sentence():
    result = dated("Marek, who took office in 2019, resigned.")
    assert_publication(result)
    assert result.reason == "relative-clause date"
    assert_publication(dated("The report blamed the floods that swept through Brenholm in February."))


def test_of_two_coarse_dates_the_earlier_one_in_the_main_clause():
    result = dated("In January the minister resigned, and in March the government fell.", dt.date(2024, 6, 1))
    assert (result.value, result.mention) == ("2024-01", 0)


def test_a_that_clause_after_a_reporting_verb_is_no_relative_clause():
    result = dated("Officials said that the reservoir was filled in March.", dt.date(2024, 6, 1))
    assert result.value == "2024-03"


# --------------------------------------------------------------------------- rule 4: no date named


@pytest.mark.parametrize("text", [
    "The minister resigned.",
    "Police have arrested three men.",
    "The utility said it had repaired the pipe.",
    "Marek said she would appeal.",
    "Parliament voted to hold a referendum.",
    "Brenholm is a country in crisis, the minister said.",
    "The company made a loss.",
])
def test_a_report_without_a_date_falls_back_to_publication(text):
    result = dated(text)
    assert_publication(result)
    assert result.reason == "publication date"


def test_without_a_publication_date_a_report_stays_undated():
    assert event_date("The minister resigned.", [], None) == EventDate(None, None, "report", False, None, "no date")


@pytest.mark.parametrize("text", [
    "Brenholm is a country of 4 million people.",
    "The company makes wind turbines.",
    "Lake Sava is one of the deepest lakes in the region.",
    "The Sava dam is located on the upper river.",
])
def test_background_is_marked_and_dates_nothing(text):
    assert dated(text) == EventDate(None, None, "none", False, None, "background")


@pytest.mark.parametrize("text", [
    "Brenholm is a country in crisis, the minister said.",
    "The company made wind turbines until 2019.",
    "\"Brenholm is a country of laws,\" Marek said.",
    "The company is a supplier that was fined last year.",
])
def test_background_needs_a_present_definition_without_a_report_or_date(text):
    assert dated(text).kind != "none"


# --------------------------------------------------------------------------- rule 5: previews


@pytest.mark.parametrize("text, value", [
    ("Marek is due to be sentenced on May 4.", "2024-05-04"),
    ("The strike is set for Feb. 2.", "2024-02-02"),
    ("The government will publish the report in March.", "2024-03"),
    ("The ministry is expected to announce the winner on Monday.", "2024-01-15"),
    ("The union plans to strike in the spring.", "2024-SP"),
    ("The court said the hearing would be held in March.", "2024-03"),
])
def test_a_coming_event_is_a_preview_of_its_date(text, value):
    result = dated(text)
    assert (result.value, result.kind, result.named, result.reason) == (value, "preview", True, "future: preview")


@pytest.mark.parametrize("text", [
    "Parliament will vote next week.",
    "The minister is to resign.",
    "Marek is due to be sentenced.",
    "Brenholm plans to build a second dam.",
])
def test_a_future_main_clause_without_a_date_is_a_preview_without_one(text):
    assert dated(text) == EventDate(None, None, "preview", False, None, "future: preview")


def test_a_past_report_is_never_a_preview():
    result = dated("The utility agreed to pay a fine in March.")
    assert_publication(result)
    assert result.reason == "past report of a later date: publication date"
    result = dated("Brenholm agreed in January to pay the fine.", dt.date(2024, 2, 20))
    assert (result.value, result.kind) == ("2024-01", "report")
    result = dated("The council voted on Tuesday to close the plant.")
    assert (result.value, result.kind) == ("2024-01-09", "report")


def test_a_statement_made_today_about_the_future_is_a_report_of_the_statement():
    result = dated("The minister said on Tuesday that the hearing would be held on March 4.")
    assert (result.value, result.kind, result.mention) == ("2024-01-09", "report", 0)


def test_the_aim_is_to_is_no_future():
    assert dated("The main aim is to stop the leak.").kind == "report"


# --------------------------------------------------------------------------- rule 6: reported future


def test_a_weekday_placed_before_publication_in_a_future_in_the_past_moves_a_week_on():
    wednesday = dt.date(2024, 1, 10)
    text = "The talks were expected to resume on Monday."
    assert [m.value for m in find_mentions(text, wednesday)] == ["2024-01-08"]  # the resolver's choice
    result = dated(text, wednesday)
    assert (result.value, result.kind, result.named) == ("2024-01-15", "preview", True)
    assert result.reason == "reported future: moved forward"


def test_a_date_something_was_put_off_to_lies_ahead():
    text = "The ministry has postponed the vote to March 4."
    assert [m.value for m in find_mentions(text, FRIDAY)] == ["2024-03-04"]  # the resolver reads "put off to" ahead
    result = dated(text)
    assert (result.value, result.kind) == ("2024-03-04", "preview")


@pytest.mark.parametrize("text, span, value, granularity, moved", [
    ("The court said the hearing would be held in March.", "March", "2023-03", "month", "2024-03"),
    ("The hearing was due to start on Monday.", "Monday", "2024-01-08", "day", "2024-01-15"),
    ("The ministry said the vote was scheduled for March 4.", "March 4", "2023-03-04", "day", "2024-03-04"),
    ("The minister said the dam would open in the spring.", "the spring", "2023-SP", "season", "2024-SP"),
])
def test_a_yearless_date_of_a_reported_future_is_the_next_one(text, span, value, granularity, moved):
    result = event_date(text, [mention(text, span, value, granularity)], FRIDAY)
    assert (result.value, result.granularity, result.kind, result.named, result.mention) == (
        moved, granularity, "preview", True, 0)


@pytest.mark.parametrize("text, span, value, granularity", [
    # the date belongs to the report, not to the future inside it
    ("The court said in March that the hearing would be held soon.", "March", "2023-03", "month"),
    # a year is written: nothing to move
    ("The court said the hearing would be held in March 2023.", "March 2023", "2023-03", "month"),
    # no future: a past event
    ("The hearing was held in March.", "March", "2023-03", "month"),
])
def test_a_date_outside_a_reported_future_stays_where_it_is(text, span, value, granularity):
    result = event_date(text, [mention(text, span, value, granularity)], FRIDAY)
    assert (result.value, result.kind, result.named) == (value, "report", True)


# --------------------------------------------------------------------------- rule 7: weekdays after the fact


@pytest.mark.parametrize("text, value", [
    ("Protesters marched on parliament on Thursday.", "2024-01-11"),
    ("Police raided the offices on Thursday night.", "2024-01-11"),
    ("The minister resigned Monday after a week of protests.", "2024-01-08"),
])
def test_a_past_weekday_reported_on_friday_keeps_its_own_day(text, value):
    assert FRIDAY.weekday() == 4
    result = dated(text, FRIDAY)
    assert (result.value, result.granularity, result.kind, result.named) == (value, "day", "report", True)


@pytest.mark.parametrize("text", [
    "The president spoke to the nation early Saturday as crowds filled the square.",
    "The ministry shut down the station's office in the capital on Saturday.",
])
def test_a_bare_weekday_six_days_back_is_the_day_after_publication(text):
    result = dated(text, FRIDAY)
    assert (result.value, result.kind, result.reason) == ("2024-01-13", "report", "weekday after publication")


def test_last_weekday_keeps_the_week_back():
    result = dated("The ministry shut down the station's office last Saturday.", FRIDAY)
    assert result.value == "2024-01-06"


# --------------------------------------------------------------------------- the resolver's year after " , "


def test_a_space_before_the_comma_keeps_the_year_of_the_event():
    result = dated("Marek was elected on June 25th , 2009 in a close vote.")
    assert (result.value, result.granularity) == ("2009-06-25", "day")


def test_a_day_in_a_relative_clause_dates_a_past_main_clause_that_names_none():
    result = dated("The farmers, who met on Tuesday in Brenholm, asked for compensation.")
    assert (result.value, result.named, result.reason) == ("2024-01-09", True, "relative-clause date")
    assert_publication(dated("The farmers, who met in December, asked for compensation."))
    assert_publication(dated("The farmers, who met on Tuesday, have asked for compensation."))


def test_mentions_that_date_nothing_leave_the_publication_date():
    text = "Prices are rising now, and the market has traded for three hours."
    mentions = find_mentions(text, FRIDAY)
    assert {m.value for m in mentions} >= {"PRESENT_REF"}
    assert_publication(event_date(text, mentions, FRIDAY))
    text = "The minister resigned on Monday."
    unanchored = [mention(text, "Monday", None, "day")]
    assert_publication(event_date(text, unanchored, FRIDAY))


def test_document_mentions_shifted_to_the_sentence_give_the_same_result():
    doc = "The dam opened in 2019. The tribunal ruled on Tuesday that the 2021 drought broke the treaty."
    start = doc.index("The tribunal")
    sentence = doc[start:]
    shifted = [TimeMention(m.start - start, m.end - start, m.text, m.type, m.value, m.granularity, m.mod, m.anchor)
               for m in find_mentions(doc, FRIDAY) if m.start >= start]
    assert event_date(sentence, shifted, FRIDAY) == dated(sentence)


def test_would_have_is_a_past_not_a_reported_future():
    text = "Engineers said the dam would have burst on Monday without the spillway."
    result = event_date(text, [mention(text, "Monday", "2024-01-08", "day")], FRIDAY)
    assert (result.value, result.kind) == ("2024-01-08", "report")


@pytest.mark.parametrize("text", [
    "The mayor said the town had no warning, as required under the accord signed in September.",
    "The drought emergency declared in August remains in force.",
    "The court ordered a warning system, citing the floods at Brenholm in February.",
])
def test_a_participle_or_place_after_a_noun_keeps_its_date_for_the_noun(text):
    assert dated(text, dt.date(2024, 5, 15)).value == "2024-05-15"


@pytest.mark.parametrize("text, value", [
    ("The company announced in March it would close the plant.", "2024-03"),
    ("Officials said the army attacked in March.", "2024-03"),
    ("The dam completed in 2020 began filling in July 2021.", "2021-07"),
])
def test_a_past_verb_after_a_noun_can_still_be_the_main_verb(text, value):
    assert dated(text, dt.date(2024, 5, 15)).value == value


def test_from_a_day_starts_a_coming_state():
    result = dated("The ministry said water would be rationed from Thursday.", dt.date(2021, 8, 3))
    assert (result.value, result.kind) == ("2021-08-05", "preview")


def test_at_the_games_dates_the_clause_only_when_it_opens_the_sentence():
    assert dated("At the 2012 Games she won two medals.").value == "2012"
    assert_publication(dated("The lawsuit seeks damages for losses during the 2021 drought."))


def test_without_a_publication_date_a_day_in_a_relative_clause_is_better_than_nothing():
    result = dated("The water accord, signed on Sept. 20, 2023, sets a minimum flow.", None)
    assert (result.value, result.kind, result.named) == ("2023-09-20", "report", True)


def test_a_report_from_a_day_and_a_figure_a_year_earlier_date_nothing():
    assert_publication(dated("The agency's report from that day described the damage."))
    assert_publication(dated("Sales were 348 million crowns compared with 307 million a year earlier."))


# --------------------------------------------------------------------------- rule 8: present tense


@pytest.mark.parametrize("text", [
    "Farmers gather outside the dam gates in Kessel on Thursday.",
    "Cars burn during clashes between farmers and police in Torvik, Ostmark, on March 3, 2021.",
    "A police officer fires tear gas at protesters near the reservoir Thursday.",
    "Farmers take cover as a shell fired by the army explodes near the dam gates in Kessel on Thursday.",  # participle
])
def test_a_past_day_told_in_the_present_is_a_caption_or_headline(text):
    result = dated(text)
    assert result.kind == "report" and result.named and result.present


@pytest.mark.parametrize("text", [
    "Farmers gathered outside the dam gates in Kessel on Thursday.",            # past
    "Farmers have gathered outside the dam gates in Kessel since Thursday.",    # perfect
    "A bomb hit the dam's control room in Kessel on Thursday, police say.",    # past written like the present
    "Farmers were attacked by the police outside the dam gates in Kessel on Thursday.",  # a passive past
    "The inspector undercut the grounds offered by the board in Kessel on Thursday.",  # past like the present
    "On Thursday, farmers gather outside the dam gates in Kessel.",             # a chronology item opens with its day
    "Farmers will gather outside the dam gates in Kessel on Saturday.",         # a preview
    "Farmers gather outside the dam gates in Kessel every week.",               # no day named
])
def test_a_report_or_a_dated_chronology_item_is_not_present_tense_furniture(text):
    assert not dated(text).present


@pytest.mark.parametrize("text", [
    "Rebel fighters run for cover from shelling near the front line in Brega, Ostmark.",
    "A farmer waves the national flag during a rally outside the dam board in Kessel, Ostmark.",
    "Members of the farmers' union marching during a protest in Westhaven Square, Kessel.",  # no finite verb
    "A girl waves a flag as farmers gather in Torvik, Ostmark, on Friday.",
])
def test_a_caption_closed_by_its_place_and_country_is_present_tense_furniture(text):
    result = dated(text)
    assert result.present and result.kind == "report"


@pytest.mark.parametrize("text", [
    "Ann Lee was killed while reporting in Brega, Ostmark.",                  # past
    "Farmers have gathered outside the dam board in Kessel, Ostmark.",        # perfect
    "The board will meet farmers in Kessel, Ostmark.",                        # future
    "Farmers gather outside the dam board in Kessel every week.",             # no place and country
    "Farmers gather outside the dam board, Tom Reyes says.",                  # a comma, no place after it
    "Tom Reyes says he's been trying for days to reach his family in Kessel, Ostmark.",  # someone's words
])
def test_a_report_closed_by_a_place_is_no_caption(text):
    assert not dated(text).present


@pytest.mark.parametrize("text, published", [
    ("The board's chair, Ann Lee, played down fears of a clash with the farmers who have blocked the dam "
     "since the levy was raised last year.", dt.date(2024, 3, 8)),                 # the clause's own perfect
    ("The vote will elect Ostmark's first assembly since an uprising last year ousted the board.",
     dt.date(2024, 3, 8)),                                                          # first ... since
    ("The clashes were the worst since the farmers' protests began in January.", dt.date(2024, 3, 8)),
    ("In his first interview since being elected on March 1, Tom Reyes played down the levy.", dt.date(2024, 3, 8)),
])
def test_a_since_clause_of_its_own_perfect_or_after_a_first_or_worst_dates_nothing(text, published):
    result = dated(text, published)
    assert (result.value, result.kind, result.reason) == (published.isoformat(), "state", "since: state start")


def test_a_date_past_a_since_phrase_or_far_after_since_still_dates_the_sentence():
    # "since March 2021" ends the since-phrase: Friday is the coming ceasefire's day
    result = dated("The guns that have pounded Kessel since March 2021 may fall silent on Friday.", dt.date(2024, 3, 6))
    assert (result.value, result.kind) == ("2024-03-08", "preview")
    # a second verb ends the since-clause: the date is the main clause's
    result = dated("Ostmark's first free vote since the board was ousted began on Monday.", dt.date(2024, 3, 6))
    assert (result.value, result.kind) == ("2024-03-04", "report")
    # a superlative far before "since" measures nothing from the date
    assert dated("Farmers held the largest rally in the valley on Tuesday, since the levy rose.",
                 dt.date(2024, 3, 8)).value == "2024-03-05"


def test_a_date_of_those_a_participle_describes_dates_nothing():
    result = dated("Lawyers for families of those killed at a rally in Kessel last year have filed charges.",
                   dt.date(2024, 3, 8))
    assert (result.value, result.reason) == ("2024-03-08", "relative-clause date")
    assert dated("Lawyers for families of those killed at a rally last year filed charges on Monday.",
                 dt.date(2024, 3, 8)).value == "2024-03-04"


def test_four_digits_before_a_time_zone_are_a_clock_time_not_a_year():
    result = dated("At 1815 GMT the water board said the spillway at Kessel had been closed.")
    assert result.reason == "publication date" and result.value == FRIDAY.isoformat()


def test_a_long_since_clause_starts_a_state_too():
    result = dated("More than 400 farmers have been evacuated since the new dam board was formed in March.")
    assert result.kind == "state" and result.value == FRIDAY.isoformat()
    # a since-clause ended by a comma leaves the main clause's own date alone
    assert dated("Since the board was formed, the minister resigned on Tuesday.").value == "2024-01-09"
