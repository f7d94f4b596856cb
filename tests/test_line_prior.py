"""The learned event prior: its features, the shipped model and how the build applies it."""

import json
import re
from dataclasses import replace
from importlib import resources

import pytest
from helpers import make_doc

from storyline.chronology.candidates import prior
from storyline.chronology.features import sentence_features
from storyline.chronology.line_prior import (LINE_PRIOR_FEATURES, MODEL_FILE, LinePrior, SentenceCues, document_cues,
                                             line_features, shipped_prior)
from storyline.chronology.settings import FEATURES

REPORT = "Police fired tear gas at thousands of protesters in the capital on Friday, officials said."
ANALYSIS = ("Analysts say the economy will probably not recover before 2012, as it did not after 1998, 2001 "
            "or 2003.")


def _probability(text, **cues):
    found = SentenceCues(**{"index": 3, "kind": "report", "named": False, "granularity": "day",
                            "date": "2011-01-28", "reason": "publication date", "prior": prior(text),
                            "chronology": False, "other_dates": 0, **cues})
    document = document_cues([REPORT, ANALYSIS, "The minister said the talks would go on."], False)
    return shipped_prior().probability(line_features(text, found, document, None))


def test_the_shipped_model_is_read_for_this_module_s_features_only():
    data = json.loads(resources.files("storyline.chronology").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    assert data["features"] == LINE_PRIOR_FEATURES and len(data["coef"]) == len(LINE_PRIOR_FEATURES)
    with pytest.raises(ValueError, match="features"):
        LinePrior.from_dict({**data, "features": LINE_PRIOR_FEATURES[:-1]})


def test_features_come_in_the_model_s_order_and_a_zero_model_says_even_odds():
    features = line_features(REPORT, SentenceCues(0, "report", True, "day", "2011-01-28", "main-clause date", 1.0,
                                                  False, 0), document_cues([REPORT], False), None)
    assert len(features) == len(LINE_PRIOR_FEATURES)
    assert features[LINE_PRIOR_FEATURES.index("day word")] == 1.0
    assert features[LINE_PRIOR_FEATURES.index("attributed")] == 1.0
    n = len(LINE_PRIOR_FEATURES)
    assert LinePrior((0.0,) * n, (1.0,) * n, (0.0,) * n, 0.0).probability(features) == 0.5


def test_a_report_of_its_day_is_likelier_an_event_than_analysis_of_years_ahead():
    report = _probability(REPORT)
    analysis = _probability(ANALYSIS, kind="preview", date="2012", granularity="year", reason="future: preview")
    assert 0.0 < analysis < report < 1.0


def test_the_build_weighs_a_candidate_by_its_probability_and_leaves_undated_lines_and_furniture_alone():
    text = (f"{REPORT} In my view the economy will probably not recover for years, and we should ask why 1998, "
            "2001 and 2003 taught us so little. Share this article")
    doc = make_doc("d1", text, published="2011-01-29", mentions=[("Friday", "2011-01-28", "day")])
    on = sentence_features(doc, params=replace(FEATURES, event_prior_at=0.3))  # the capped form
    off = sentence_features(doc, params=replace(FEATURES, event_prior=0.0))
    plain = sentence_features(doc)  # the default: times the probability itself
    assert [f.prior for f in off] == [round(prior(s.text), 4) for s in doc.sentences]
    assert [(f.date, f.kind, f.refused) for f in on] == [(f.date, f.kind, f.refused) for f in off]
    report, opinion, furniture = range(3)
    assert off[furniture].refused is not None and on[furniture].prior == off[furniture].prior == plain[furniture].prior
    assert on[report].prior == off[report].prior          # likely an event: the hand rules' prior stands
    assert 0 < plain[report].prior < off[report].prior
    # the opinion names no date it could be a line of: never a line, so its prior is left as it is
    assert on[opinion].date is None and on[opinion].prior == off[opinion].prior == plain[opinion].prior


# The one-word cues as the patterns the model's features were first defined by (and its
# figures measured with): the build counts them as sets of word runs, which must count the same.
MODAL = re.compile(r"\b(?:will|would|could|may|might|should|must|shall|can|cannot|won't|wouldn't|couldn't)\b", re.I)
HEDGE = re.compile(r"\b(?:likely|unlikely|probably|perhaps|possibly|appears?|seems?|may|might|could|expected|"
                    r"analysts?|experts?|observers?|critics?|arguably|suggests?)\b", re.I)
PAST_AUX = re.compile(r"\b(?:was|were|had|did|said|told|announced)\b", re.I)
PRESENT_AUX = re.compile(r"\b(?:is|are|am|has|have|does|do|says)\b", re.I)
ED = re.compile(r"\b\w{3,}ed\b")
BACKGROUND = re.compile(r"\b(?:since|ago|former|formerly|previously|earlier|history|historic|decades?|"
                         r"years?|once|long|first time)\b", re.I)
FIRST = re.compile(r"\b(?:I|I'm|I've|me|my|we|We|our|Our|us)\b")
SECOND = re.compile(r"\b(?:you|You|your|Your)\b")
CAPTION = re.compile(r"\b(?:photo|pictured|picture|image|AP|AFP|Reuters|Getty|caption|file)\b")
LINKING = re.compile(r"\b(?:because|as a result|therefore|thus|however|although|while|but)\b", re.I)


def test_the_word_sets_count_what_the_patterns_match():
    from storyline.chronology import line_prior as lp

    texts = ["I won't go, we can't say. Wouldn't it? As a result, the first time, AP photo by Reuters.",
             "Couldn't WON'T Won’t can't CANNOT years-long decade's history; analysts SUGGEST it may, perhaps.",
             "They were announced; had did says DOES is am Are. Our I'm I've me, You your.",
             "Photograph: the pictured filed file_name caption2 AFP's Getty-Images, however, although, but while.",
             "Straße mayor maybe will_power willing Mayhem formerly since once long ago, therefore thus because."]
    pairs = [(MODAL, lp._MODAL_WORDS, lp._MODAL_REST), (HEDGE, lp._HEDGE_WORDS, None),
             (PAST_AUX, lp._PAST_WORDS, None), (PRESENT_AUX, lp._PRESENT_WORDS, None),
             (BACKGROUND, lp._BACKGROUND_WORDS, lp._BACKGROUND_REST), (LINKING, lp._LINKING_WORDS, lp._LINKING_REST)]
    for text in texts:
        runs = lp._RUN.findall(text)
        counts = dict(zip(lp._COUNTED, lp._counts(runs)))
        for pattern, words, rest in pairs:
            assert counts[words] + (len(rest.findall(text)) if rest else 0) == len(pattern.findall(text))
        for pattern, words in ((FIRST, lp._FIRST_WORDS), (SECOND, lp._SECOND_WORDS), (CAPTION, lp._CAPTION_WORDS)):
            assert (not words.isdisjoint(runs)) == bool(pattern.search(text))
        assert sum(len(r) >= 5 and r.endswith("ed") for r in runs) == len(ED.findall(text))


def test_the_characters_that_fold_otherwise_are_the_timex_scanner_s():
    # checked on every code point there (tests/timex/test_scanner.py)
    from storyline.chronology import line_prior as lp
    from storyline.timex import scanner

    assert lp._UNFOLDED == scanner.UNFOLDED


def test_a_cue_looked_for_by_its_needles_finds_what_its_pattern_finds():
    import random

    from storyline.chronology import line_prior as lp

    vocabulary = ("will WILL Will won't Won't WON’T couldn't n't is are was were has have had been being due to set "
                  "expected plans plan to scheduled likely next week month year later this tomorrow upcoming "
                  "forthcoming going running killed taken today Today yesterday tonight last night this morning "
                  "Monday Sunday evening afternoon % per cent percent PerCent $ £ € dollars euro pounds billion Million "
                  "first time as a result said says say told tells according announced reported reports added stated "
                  "confirmed denied claimed warned quoted İs ıs ſaid Kelvin Straße ΟΔΟΣ the of \" “ ” ' - ( ) : ? !").split()
    rng = random.Random(7)
    for _ in range(3000):
        text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 12)))
        text = text.replace(" ", rng.choice([" ", "", "  ", "-", "\n"]), rng.randint(0, 2))
        lowered = None if any(c in text for c in lp._UNFOLDED) else text.lower()
        for pattern, cue in lp._CUES.items():
            assert cue.search(text, lowered) == bool(pattern.search(text)), (pattern.pattern, text)
            assert len(cue.matches(text, lowered)) == len(pattern.findall(text)), (pattern.pattern, text)
    for pattern, cue in lp._CUES.items():  # looked for minding case in the lower-cased text: written in lower case
        assert cue.lower is None or (pattern.pattern == pattern.pattern.lower() and cue.lower.pattern.islower())
    assert sum(cue.lower is not None and cue.lower.pattern != pattern.pattern for pattern, cue in lp._CUES.items()) == 3


def test_the_ascii_word_patterns_find_what_the_unicode_ones_find_where_every_word_character_is_ascii():
    import random
    import string

    from storyline.chronology import candidates, line_prior as lp

    pairs = [(lp._WORD, lp._ASCII_WORD), (lp._RUN, lp._ASCII_RUN), (candidates._WORD, candidates._ASCII_WORD),
             (candidates._TOKEN, candidates._ASCII_TOKEN)]
    pieces = list(string.printable) + ["don't", "O’Neil’s", "1,200.5", "_x_", "a1b2", "it's'", "''", "3.", "x,y",
                                       "“", "”", "‘", "’", "—", "–", "…", "\u00a0", "€", "©", "·", "\u200b", "\u0301"]
    wide_only = ["é", "Straße", "ſ", "İ", "\u212a", "٣", "²", "½", "Ω", "ǅ", "ΟΔΟΣ"]  # word characters beyond ASCII
    rng = random.Random(11)
    for n in range(6000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        if n % 3 == 0:
            text += rng.choice(wide_only)
            assert not candidates.ascii_words(text), text
            continue
        assert candidates.ascii_words(text), text
        for wide, ascii_only in pairs:
            assert ascii_only.findall(text) == wide.findall(text), (wide.pattern, text)
        assert candidates._ASCII_WORD.findall(text.lower()) == [w.lower() for w in candidates._ASCII_WORD.findall(text)]


def test_lower_casing_makes_no_other_character_a_word_character_or_an_apostrophe():
    # so the words of a lower-cased text are the text's words lower-cased (``content_words``)
    import sys

    word = re.compile(r"\w")
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        if not word.match(c) and c.lower() != c:
            assert not any(word.match(x) or x in "'’" for x in c.lower()), hex(code)


def test_the_sentence_end_and_the_capitals_read_as_their_patterns_do():
    import random

    from storyline.chronology import candidates, line_prior as lp

    end = re.compile(r"[.!?][\"”’')]*$")
    pieces = ["a", "B", ".", "!", "?", '"', "”", "’", "'", ")", "(", "\n", " ", "\r", "É", "1", "…"]
    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        assert candidates.ends_sentence(text) == bool(end.search(text)), repr(text)
    firsts = "".join(chr(c) for c in range(128))
    assert firsts.encode().translate(lp._CAPITAL) == bytes(map(str.isupper, firsts))


def test_a_cue_s_twin_matches_where_its_pattern_matches():
    import random

    from storyline.chronology import line_prior as lp

    twins = [(re.compile(pattern.pattern), cue.lower) for pattern, cue in lp._CUES.items()
             if cue.lower is not None and cue.lower.pattern != pattern.pattern]
    words = "was were is are been being has have had x un é _ 1 killed running newly taken seen ed ing en ly".split()
    rng = random.Random(13)
    for _ in range(20000):
        text = "".join(rng.choice(words) + rng.choice(["", " ", " ", "  ", "\n", "-", "'", "\u00a0"])
                       for _ in range(rng.randint(1, 8)))
        for pattern, twin in twins:
            assert [m.span() for m in twin.finditer(text)] == [m.span() for m in pattern.finditer(text)], text
