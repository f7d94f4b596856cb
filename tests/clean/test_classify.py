"""Judging lines by their neighbours: repeats."""

from storyline.clean.classify import mark_repeats
from storyline.clean.lines import split_lines
from storyline.clean.reasons import Reason


def test_a_repeat_is_the_same_words_whatever_their_case_and_quotes():
    text = "\n".join([
        "The weir at Kessel reopened on Thursday after repairs.",
        "The weir at Torvik reopened on Friday after repairs.",  # same length and first word
        "the weir at Kessel reopened on ‘Thursday’ after repairs.",  # the first line again
        "The weir at Torvik reopened on Friday after repairs.",  # the second line again
        "Boats pass the weir again from next week, the board said.",
    ])
    lines = split_lines(text, unwrap=False)
    mark_repeats(lines, from_html=True)
    assert [line.reason for line in lines] == [None, None, Reason.REPEATED, Reason.REPEATED, None]


def test_no_line_of_more_words_than_its_bound_is_an_agency_line():
    """``AGENCY_LINE`` is not tried on lines of more than ``AGENCY_LINE_MAX_WORDS`` words: no
    line it matches has more (random lines of short words and the characters around them), and
    the bound is reached."""
    import random

    from storyline.clean.classify import AGENCY_LINE_MAX_WORDS
    from storyline.clean.patterns import AGENCY_LINE, WORD

    rng = random.Random(7)
    alphabet = ["a", "b", "7", " ", ".", "-", "'", "/", ",", "_", "&", "é"]
    matched = 0
    for _ in range(20000):
        body = "".join(rng.choice(alphabet) for _ in range(rng.randint(2, 44)))
        for prefix in ("", "- ", "Source: ", "—via", "courtesy :(", "sources"):
            text = prefix + body
            if AGENCY_LINE.match(text):
                matched += 1
                assert len(WORD.findall(text)) <= AGENCY_LINE_MAX_WORDS, text
    assert matched > 1000
    longest = "Source: (" + "a " * 19 + "a)"
    assert AGENCY_LINE.match(longest) and len(WORD.findall(longest)) == AGENCY_LINE_MAX_WORDS
