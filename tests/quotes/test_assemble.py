"""Quoted spans joined to reporting clauses given by hand (no parse needed)."""

from storyline.quotes.assemble import join
from storyline.quotes.attribution import Clause
from storyline.quotes.marks import quoted_spans
from storyline.quotes.speakers import Names
from storyline.sentences import split


def _span(text, words, after=0):
    start = text.index(words, after)
    return start, start + len(words)


def test_a_clause_after_a_quotation_that_reports_on_speaks_it_too():
    text = "“The cranes are old and the ships are late,” Lee said before adding: “The council will pay for it.”"
    content = _span(text, "The council will pay for it", 50)
    clause = Clause(_span(text, "said"), "say", _span(text, "Lee"), "Lee", content, 0, proper=True)
    quotes = join(text, split(text), quoted_spans(text), [clause], Names([]))
    first = next(q for q in quotes if "cranes" in q.text)
    assert first.text == "“The cranes are old and the ships are late,”"
    assert first.cue is not None and first.cue.text == "said" and first.speaker.text == "Lee"
    assert any("council" in q.text and q.speaker.text == "Lee" for q in quotes if q is not first)


def test_a_short_title_before_a_clause_that_reports_on_is_not_spoken_by_it():
    text = "On “Morning Rounds,” Lee said the harbour would reopen in May."
    content = _span(text, "the harbour would reopen in May")
    clause = Clause(_span(text, "said"), "say", _span(text, "Lee"), "Lee", content, 0, proper=True)
    quotes = join(text, split(text), quoted_spans(text), [clause], Names([]))
    assert not [q for q in quotes if "Morning" in q.text and q.speaker is not None]
