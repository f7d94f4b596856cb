import json

from helpers import make_doc

from storyline.export import (document_to_dict, human_date, timeline_to_dict, timeline_to_html,
                              timeline_to_markdown)
from storyline.timeline import build_timeline

EVIL = '<script>alert(1)</script> "><img src=x onerror=alert(2)> [click](javascript:alert(3))'


def evil_corpus():
    text = f"Ministers met on Tuesday in Kessel and signed the accord. {EVIL} was painted on a wall nearby."
    doc = make_doc("e1", text, "2021-03-02", [("Tuesday", "2021-03-02", "day")], title=EVIL, byline=EVIL, source=EVIL)
    undated = make_doc("u1", f"An undated note says {EVIL} here too.", title=EVIL)
    return [doc, undated]


def test_html_export_escapes_untrusted_text_and_is_self_contained():
    docs = evil_corpus()
    page = timeline_to_html(build_timeline(docs, sentences_per_date=3), {d.id: d for d in docs}, title=EVIL)
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;" in page
    assert 'href="javascript' not in page
    assert "http://" not in page and "https://" not in page and "<link" not in page


def test_markdown_export_escapes_html_and_links():
    docs = evil_corpus()
    md = timeline_to_markdown(build_timeline(docs, sentences_per_date=3), title="T", documents={d.id: d for d in docs})
    assert "<script>" not in md and "<img" not in md
    assert "[click](javascript" not in md and "\\[click\\]" in md
    assert "e1#0" in md


def test_json_contract_shape():
    docs = evil_corpus()
    data = json.loads(json.dumps(timeline_to_dict(build_timeline(docs))))
    assert set(data) == {"entries", "undated"}
    entry = data["entries"][0]
    assert set(entry) == {"date", "granularity", "summary"}
    assert entry["date"] == "2021-03-02" and entry["granularity"] == "day"
    assert set(entry["summary"][0]) == {"text", "sources"}
    assert entry["summary"][0]["sources"][0] == {"document": "e1", "sentence": 0}
    assert "date" not in data["undated"][0]
    doc = document_to_dict(docs[0])
    for key in ("id", "path", "title", "published", "byline", "dateline", "source", "text", "group", "relation", "removed"):
        assert key in doc
    assert doc["published"] == "2021-03-02"


def test_human_dates():
    assert human_date("2013-11-01", "day") == "1 November 2013"
    assert human_date("2014-01", "month") == "January 2014"
    assert human_date("2014-SP", "season") == "Spring 2014"
    assert human_date("2012", "year") == "2012"
    assert human_date(None, None) == "Undated"
