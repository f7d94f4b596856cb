"""The learned line model of the plain-text path: it ships and is used, it keeps an article of
short lines over a sidebar of long teasers, keeps a list inside the article, stops at a
comments label, and every line it drops carries a reason. The pages are invented."""

from dataclasses import replace

import numpy as np
from clean_pages import BODY, check_invariants, page, reasons

from storyline.clean import REASONS, clean_text
from storyline.clean import line_model
from storyline.clean.line_model import LINE_FEATURES, Forest, line_features, shipped_model
from storyline.clean.reasons import LINE_MODEL_REASON
from storyline.config import DEFAULT_CLEAN

TEASERS = [
    "Harbour authority opens talks with the ferry operators over the winter timetable, which "
    "residents of the outer islands say leaves them without a crossing for days at a time.",
    "A second bakery in the old town closes its doors as flour prices climb for the fourth month "
    "running and the owners say that the bank would not extend their loan again.",
    "The regional orchestra announces a season of free concerts in village halls, hoping to win "
    "back the audience it lost when the concert hall shut for repairs two years ago.",
    "Volunteers count more storks than ever on the marshes this spring, and the wardens say the "
    "new ponds dug by farmers along the river are the main reason for the rise.",
]

TIMETABLE = [
    "Kessel 06:10 07:45",
    "Amselfurt 06:40 08:15",
    "Veldra Port 07:05 08:40",
    "Ostmark Quay 07:30 09:05",
    "Nordbrück 07:55 09:30",
    "Lindau Ferry 08:20 09:55",
]


HEADER = ["Veldra Daily", "Home", "News", "World", "Business", "Sport", "Culture", "Weather", "Search",
          "Sign in", "Menu"]
FOOTER = ["About us", "Contact", "Careers", "Advertise with us", "Privacy policy", "Terms of use",
          "Cookie settings", "\u00a9 2024 Veldra Daily. All rights reserved."]


def web_page(*blocks: str) -> str:
    """A page as a web page renders to text: a menu above the blocks, a footer below (the line
    model judges only pages of ``line_model_min_lines`` lines or more)."""
    return page(*HEADER, *blocks, *FOOTER)


def _constant(logit: float) -> Forest:
    """A one-leaf ensemble: the same log-odds for every line."""
    return Forest(logit, np.zeros(1, np.intp), np.zeros(1), np.zeros(1, np.intp), np.zeros(1, np.intp),
                  np.zeros(1), np.zeros(1, np.intp), 1)


def test_the_shipped_model_loads_once_with_this_modules_features():
    model = shipped_model()
    assert model is shipped_model()
    assert isinstance(model, Forest)
    assert len(model.roots) > 1 and model.feature.max() < len(LINE_FEATURES)


def test_features_are_one_row_per_line_in_the_documented_order():
    from storyline.clean.analysis import rule_pass

    found = rule_pass(web_page(*BODY))
    x = line_features(found.lines, found.first, found.last)
    assert x.shape == (len(found.lines), len(LINE_FEATURES))
    assert np.isfinite(x).all()


def test_clean_text_asks_the_model(monkeypatch):
    # A model that finds no article line anywhere: every line the rules kept goes, with its reason.
    monkeypatch.setattr(line_model, "shipped_model", lambda: _constant(-5.0))
    result = clean_text(web_page("Rivers agree", *BODY))
    assert result.text == ""
    for paragraph in BODY:
        reason = reasons(result)[paragraph]
        assert reason.startswith(LINE_MODEL_REASON) and "p=0.99" in reason


def test_the_model_does_not_run_when_switched_off(monkeypatch):
    monkeypatch.setattr(line_model, "shipped_model", lambda: _constant(-5.0))
    result = clean_text(web_page("Rivers agree", *BODY), params=replace(DEFAULT_CLEAN, line_model=False))
    assert result.text.split("\n\n") == BODY


def test_a_short_text_is_left_to_the_rules(monkeypatch):
    # A text of a few lines is most often the article alone: the model, which learned from
    # rendered web pages, does not judge it.
    monkeypatch.setattr(line_model, "shipped_model", lambda: _constant(-5.0))
    assert clean_text(page("Rivers agree", *BODY)).text.split("\n\n") == BODY


def test_an_article_text_without_page_furniture_is_left_to_the_rules(monkeypatch):
    # Long, but no menu, share bar, related links or copyright: an article as news collections
    # store it, which the model (learned from rendered web pages) does not judge.
    monkeypatch.setattr(line_model, "shipped_model", lambda: _constant(-5.0))
    long_article = [f"{paragraph} ({n})" for n in range(3) for paragraph in BODY] + BODY
    assert len(long_article) >= DEFAULT_CLEAN.line_model_min_lines
    assert clean_text(page("Rivers agree", *long_article)).text.split("\n\n") == long_article


def test_a_line_the_rules_dropped_is_kept_only_when_the_model_is_confident(monkeypatch):
    # "Map of the new reservoirs" stands below the body and is dropped for its place only;
    # the share bar is a kind the rules named, which the model never overturns.
    text = web_page("Rivers agree", *BODY, "Map of the new reservoirs", "Share this article")
    monkeypatch.setattr(line_model, "shipped_model", lambda: _constant(5.0))  # p = 0.993 for every line
    kept = clean_text(text).text
    assert "Map of the new reservoirs" in kept and "Share this article" not in kept
    strict = clean_text(text, params=replace(DEFAULT_CLEAN, line_model_overturn=0.999)).text
    assert "Map of the new reservoirs" not in strict


def test_dropped_lines_carry_a_reason_and_model_reasons_name_a_cue(monkeypatch):
    result = clean_text(web_page("Rivers agree", *BODY, "Share", "Facebook", "Twitter"))
    check_invariants(result)
    assert "\n\n".join(BODY) in result.text
    for removed in result.removed:
        assert removed.reason in REASONS or removed.reason.startswith(LINE_MODEL_REASON)
    monkeypatch.setattr(line_model, "shipped_model", lambda: _constant(-5.0))
    dropped = clean_text(web_page(*BODY, "Click here")).removed
    cues = [r.reason for r in dropped if r.reason.startswith(LINE_MODEL_REASON)]
    assert cues and all(r.endswith(")") for r in cues)


def test_an_article_of_short_rows_beats_a_sidebar_of_long_teasers():
    text = web_page("Most read", *TEASERS,
                "New ferry timetable for the Amsel crossing",
                "The ferry company has published the timetable that applies from Monday.",
                *TIMETABLE,
                "Tickets can be bought on board or at the harbour office.")
    result = clean_text(text)
    check_invariants(result)
    for row in TIMETABLE:
        assert row in result.text
    assert "The ferry company has published the timetable that applies from Monday." in result.text
    for teaser in TEASERS:
        assert teaser not in result.text


def test_a_list_inside_the_article_stays():
    items = ["- a limit on the water each side may take in a dry year,",
             "- a joint commission to measure the river's flow,",
             "- and a court of arbitration for disputes."]
    text = web_page("Rivers agree", *BODY[:3], "The accord sets out three things:", "\n".join(items), *BODY[3:])
    result = clean_text(text)
    check_invariants(result)
    for item in items:
        assert item in result.text
    assert BODY[-1] in result.text


def test_the_article_ends_at_a_comments_label():
    comments = ["Great news for the farmers, about time the two governments agreed on something.",
                "I doubt the parliaments will ratify it before the summer, they never do."]
    result = clean_text(web_page("Rivers agree", *BODY, "Comments", *comments))
    check_invariants(result)
    assert BODY[-1] in result.text
    for comment in comments:
        assert comment not in result.text


def test_a_read_more_link_inside_an_article_does_not_make_teasers_of_it():
    # "Read more" is a link, not the heading of a list of stories: the paragraphs after it stay
    # the article's, and the teasers of a real list heading above still lose to it.
    text = web_page("Most read", *TEASERS[:2], "Rivers agree", *BODY[:2], "Read more", *BODY[2:])
    result = clean_text(text, params=replace(DEFAULT_CLEAN, line_model=False))
    for paragraph in BODY:
        assert paragraph in result.text
    for teaser in TEASERS[:2]:
        assert teaser not in result.text


def test_numbered_headlines_are_not_table_rows():
    # Headlines that start with a number ("27 odd cases") are a list of other stories, not a
    # table: they still end the article.
    headlines = ["27 Oddest River Accords in History", "10 Strangest Border Quarrels", "11 Dams That Never Opened"]
    text = web_page("Rivers agree", *BODY, *headlines, "Get the news from the Amsel valley in your inbox every "
                    "morning, free and without spam.")
    result = clean_text(text, params=replace(DEFAULT_CLEAN, line_model=False))
    assert BODY[-1] in result.text
    for headline in headlines:
        assert headline not in result.text


def test_a_line_s_characters_are_counted_as_one_by_one_tests_count_them():
    import random
    import sys

    from storyline.clean.lines import Line

    assert not any(chr(c).isalnum() and chr(c).isspace() for c in range(sys.maxunicode + 1))
    pieces = ["a", "Z", "7", "²", "٣", "é", "Ω", " ", "\u00a0", "\u3000", ",", ";", ".", "'", "’", "—", "€", "_",
              "Menu", "Home", "the", "and", "News", "2031", "©", "中", "\u0301"]
    stops = frozenset({"the", "and"})
    rng = random.Random(17)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))).strip() or "a"
        line = Line(text, rng.random() < 0.5)
        row = line_model._line_row(line, stops)
        n, chars = max(line.n, 1), max(len(text), 1)
        assert row[5] == sum(w in stops for w in line.lower) / n
        assert row[6] == sum(not (ch.isalnum() or ch.isspace()) for ch in text) / chars
        assert row[8] == sum(ch.isdigit() for ch in text) / chars
        assert row[9] == sum(w[:1].isupper() for w in line.words) / n
        assert row[11] == sum(w in line_model.MENU_WORDS for w in line.lower) / n


def test_the_page_s_stop_list_is_the_one_covering_most_of_its_words():
    import random

    from storyline.clean.lines import Line

    lists = list(line_model._stop_lists().values())
    vocabulary = sorted(set().union(*lists))[:3000] + ["Kessel", "Amsel", "2031"]
    rng = random.Random(19)
    for _ in range(200):
        lines = [Line(" ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 30))), False) for _ in range(20)]
        words = [w for line in lines for w in line.lower]  # fewer than the 2,000 it reads at most
        best = max(lists, key=lambda stops: sum(w in stops for w in words))
        assert line_model.page_stop_words(lines) is best
