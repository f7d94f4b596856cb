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
