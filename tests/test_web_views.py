"""What the web pages show, prepared by storyline.web.views: plain text pieces and flags, no HTML."""

import pytest

from helpers import make_doc

from storyline.model import DuplicateGroup, GroupMember, TimeMention
from storyline.sentences import paragraphs as spans

pytest.importorskip("fastapi")
from storyline.web.views import Run, article_paragraphs, date_rows, group_rows, human_value  # noqa: E402


def mention(value, granularity=None, type="DATE", anchor=None, text="x"):
    return TimeMention(0, len(text), text, type, value, granularity, anchor=anchor)


@pytest.mark.parametrize("value, granularity, type, shown", [
    ("2022-03-08", "day", "DATE", "8 March 2022"),
    ("2022-03", "month", "DATE", "March 2022"),
    ("2022-SU", "season", "DATE", "Summer 2022"),
    ("2022", "year", "DATE", "2022"),
    ("199", "decade", "DATE", "the 1990s"),
    ("2022-W10", "week", "DATE", "week 10 of 2022"),
    ("2022-Q1", "quarter", "DATE", "Q1 2022"),
    ("2022-03-08TMO", "time", "TIME", "8 March 2022, morning"),
    ("2022-03-08T14:30", "time", "TIME", "8 March 2022, 14:30"),
    ("PAST_REF", None, "DATE", "the past"),
    ("FUTURE_REF", None, "DATE", "the future"),
    ("P2D", None, "DURATION", "2 days"),
    ("P1Y", None, "DURATION", "1 year"),
    ("PT3H", None, "DURATION", "3 hours"),
    ("PT1M", None, "DURATION", "1 minute"),
    ("P1M", None, "DURATION", "1 month"),
    ("PXY", None, "DURATION", "some years"),
    ("P1W", None, "SET", "every week"),
    ("P2W", None, "SET", "every 2 weeks"),
    (None, None, "DATE", None),
])
def test_human_values(value, granularity, type, shown):
    assert human_value(mention(value, granularity, type)) == shown


def test_a_run_says_what_a_date_resolved_to_and_against_what():
    relative = Run("Tuesday", mention("2022-03-08", "day", anchor="2022-03-12", text="Tuesday"))
    assert relative.is_date and relative.resolved == "8 March 2022"
    assert relative.tooltip == "date 2022-03-08 · granularity: day · resolved against 2022-03-12"
    absolute = Run("2021", mention("2021", "year"))
    assert absolute.tooltip == "date 2021 · granularity: year · absolute"
    unresolved = Run("Tuesday", mention(None, text="Tuesday"))
    assert unresolved.tooltip == "date: not resolved" and unresolved.resolved is None
    modified = Run("early 2021", TimeMention(0, 10, "early 2021", "DATE", "2021", "year", mod="START"))
    assert "modifier: start" in modified.tooltip
    assert not Run("two days", mention("P2D", type="DURATION")).is_date
    plain = Run("text")
    assert (plain.is_date, plain.resolved, plain.tooltip) == (False, None, "")


TEXT = ("Talks opened on Tuesday in Lessing. They lasted two days.\n\n"
        "A second round is due in March 2022. Nobody expects much.")


def article():
    doc = make_doc("d1", TEXT, published="2022-03-12",
                   mentions=[("Tuesday", "2022-03-08", "day"), ("March 2022", "2022-03", "month")])
    start = TEXT.index("two days")
    doc.mentions.append(TimeMention(start, start + 8, "two days", "DURATION", "P2D", None, document="d1",
                                    sentence=1))
    return doc


def test_article_paragraphs_keep_every_character_and_cut_sentences_at_their_dates():
    doc = article()
    paragraphs = article_paragraphs(doc)
    assert [p.number for p in paragraphs] == [0, 1]
    for p, (start, end) in zip(paragraphs, spans(doc.text)):  # nothing added, left out or reordered
        assert "".join(run.text for piece in p.pieces for run in piece.runs) == doc.text[start:end]
    sentences = [piece for p in paragraphs for piece in p.pieces if piece.index is not None]
    assert [piece.index for piece in sentences] == [s.index for s in doc.sentences]
    first = sentences[0]
    assert [(r.text, r.mention is not None) for r in first.runs] == [
        ("Talks opened on ", False), ("Tuesday", True), (" in Lessing.", False)]
    dated = [r for piece in sentences for r in piece.runs if r.mention]
    assert [(r.text, r.is_date) for r in dated] == [("Tuesday", True), ("two days", False), ("March 2022", True)]


def test_article_paragraphs_stop_at_the_limit():
    doc = article()
    second = doc.text.index("A second round")
    assert [p.number for p in article_paragraphs(doc, max_chars=second)] == [0]
    assert [p.number for p in article_paragraphs(doc, max_chars=second + 1)] == [0, 1]


def test_a_mention_straddling_a_sentence_end_stays_text():
    doc = article()
    end = doc.sentences[0].end
    doc.mentions.append(TimeMention(end - 3, end + 3, doc.text[end - 3:end + 3], "DATE", "2022", "year"))
    runs = [r for p in article_paragraphs(doc) for piece in p.pieces for r in piece.runs]
    assert all(r.mention is None or r.mention.end - r.mention.start == len(r.text) for r in runs)
    assert not any(r.mention and r.mention.start == end - 3 for r in runs)


def test_date_rows_list_dates_and_times_in_text_order():
    doc = article()
    doc.mentions.reverse()
    rows = date_rows(doc)
    assert [(r.mention.text, r.resolved) for r in rows] == [("Tuesday", "8 March 2022"), ("March 2022", "March 2022")]
    assert all(r.tooltip.startswith("date ") for r in rows)


def test_group_rows_pair_members_with_their_documents():
    assert group_rows(None, {}) == []
    group = DuplicateGroup("g1", "a", [GroupMember("a", "representative"),
                                       GroupMember("b", "version", 0.8, "same lead, new ending")])
    doc = make_doc("a", "Text.")
    rows = group_rows(group, {"a": doc})
    assert [(r.document, r.relation, r.similarity, r.reason) for r in rows] == [
        ("a", "representative", 1.0, ""), ("b", "version", 0.8, "same lead, new ending")]
    assert rows[0].doc is doc and rows[1].doc is None
