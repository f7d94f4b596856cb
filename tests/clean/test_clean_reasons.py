"""The states a line can be in form a closed set: every final reason is a ``Reason``, every
state that waits for the line's zone is a ``Pending``, and every pending state is settled
into a reason in every zone of the page (header, body, tail)."""

import pytest
from clean_pages import BODY, check_invariants, page, reasons

from storyline.clean import REASONS, CleanError, Pending, Reason, clean_html, clean_text
from storyline.clean.analysis import _recorded
from storyline.clean.classify import strong_reason
from storyline.clean.lines import Line

PENDING_LINES = {
    Pending.META: ["By Lena Hartmann", "March 5, 2024"],
    Pending.AGENCY: ["Reuters"],
    Pending.TIMESTAMP: ["5 hours ago"],
    Pending.COMMENTS: ["12 comments"],
}


def test_reasons_are_the_values_of_the_reason_members():
    assert REASONS == {"navigation", "share", "related", "sponsored", "subscription", "copyright",
                       "photo credit", "caption", "repeated", "title", "byline", "date", "contributor",
                       "source", "boilerplate"}
    assert REASONS == {reason.value for reason in Reason}
    assert all(type(value) is str for value in REASONS)


def test_pending_states_are_no_reasons():
    assert {state.value for state in Pending} == {"meta", "agency", "timestamp", "comments"}
    assert not REASONS & {state.value for state in Pending}


@pytest.mark.parametrize("state", list(Pending), ids=lambda state: state.name)
def test_each_pending_state_is_given_by_the_line_classifier(state):
    for text in PENDING_LINES[state]:
        line = Line(text, True)
        strong_reason(line)
        assert line.reason is state, text


# (line, reason in the header, in the body, right after the body, after a list of other stories)
SETTLED = [
    ("By Lena Hartmann", "byline", "byline", "byline", "related"),
    ("March 5, 2024", "date", "date", "date", "related"),
    ("Reuters", "source", "source", "source", "related"),
    ("5 hours ago", "date", "related", "related", "related"),
    ("12 comments", "boilerplate", "boilerplate", "boilerplate", "boilerplate"),
]


@pytest.mark.parametrize("line, header, body, tail, listed", SETTLED)
def test_every_pending_state_is_settled_in_every_zone(line, header, body, tail, listed):
    pages = [
        (header, page(line, *BODY)),
        (body, page(*BODY[:3], line, *BODY[3:])),
        (tail, page(*BODY, line)),
        (listed, page(*BODY, "Related stories", "Floods close the Amsel ferry", line)),
    ]
    for expected, text in pages:
        result = clean_text(text)
        check_invariants(result)
        assert reasons(result).get(line) == expected, (line, text)


def test_a_line_left_pending_would_be_an_error_not_a_reason():
    assert _recorded(Reason.CAPTION) == "caption"
    with pytest.raises(AssertionError):
        _recorded(Pending.META)


def test_the_sample_corpus_gives_only_reasons(sample_dir):
    seen = set()
    for path in sorted(sample_dir.rglob("*")):
        if path.suffix not in (".txt", ".html"):
            continue
        content = path.read_text(encoding="utf-8", errors="replace")
        try:
            result = clean_html(content) if path.suffix == ".html" else clean_text(content)
        except CleanError:  # a page of navigation only
            continue
        seen |= {removed.reason for removed in result.removed}
    assert seen and seen <= REASONS
