import json

from helpers import make_doc

from storyline.contract import document_to_dict, timeline_to_dict
from storyline.export import human_date, timeline_to_html, timeline_to_markdown
from storyline.inmemory import timeline_of

EVIL = '<script>alert(1)</script> "><img src=x onerror=alert(2)> [click](javascript:alert(3))'


def evil_corpus():
    text = f"Ministers met on Tuesday in Kessel and signed the accord. {EVIL} was painted on a wall nearby."
    doc = make_doc("e1", text, "2021-03-02", [("Tuesday", "2021-03-02", "day")], title=EVIL, byline=EVIL, source=EVIL)
    undated = make_doc("u1", f"An undated note says {EVIL} here too.", title=EVIL)
    return [doc, undated]


def test_html_export_escapes_untrusted_text_and_is_self_contained():
    docs = evil_corpus()
    page = timeline_to_html(timeline_of(docs, sentences_per_date=3), {d.id: d for d in docs}, title=EVIL)
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;" in page
    assert 'href="javascript' not in page
    assert "http://" not in page and "https://" not in page and "<link" not in page


def test_markdown_export_escapes_html_and_links():
    docs = evil_corpus()
    md = timeline_to_markdown(timeline_of(docs, sentences_per_date=3), title="T", documents={d.id: d for d in docs})
    assert "<script>" not in md and "<img" not in md
    assert "[click](javascript" not in md and "\\[click\\]" in md
    assert "e1#0" in md


def test_json_contract_shape():
    docs = evil_corpus()
    data = json.loads(json.dumps(timeline_to_dict(timeline_of(docs))))
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


# -- a timeline line opened: its cited sentences in their paragraphs -----------------------------

def opened_lines(page: str) -> list[dict]:
    """Each timeline line of a page as shown: its text, its chips, and what opening it shows
    (per cited source: outlet, date, title, links, the passage and its marked sentence)."""
    import html
    import re

    def text(fragment):
        return html.unescape(re.sub(r"<[^>]+>", "", fragment or "")).strip()

    def find(pattern, chunk):
        found = re.search(pattern, chunk, flags=re.S)
        return found.group(1) if found else None

    body = page.split('<div class="timeline">')[1].split("</div><!-- /timeline -->")[0]
    out = []
    for chunk in body.split('<div class="line">')[1:]:
        details = find(r'(<details[^>]*>)', chunk)
        context, _, rest = chunk.partition("</details>")
        sources = []
        for part in context.split('<div class="cited-source')[1:]:
            title = find(r'<p class="src-title">(.*?)</p>', part)
            sources.append({
                "lead": part.startswith(" lead"), "outlet": text(find(r'<strong class="outlet">(.*?)</strong>', part)),
                "published": find(r'<time datetime="([^"]*)"', part), "date": text(find(r"<time[^>]*>(.*?)</time>", part)),
                "title": text(re.sub(r'<a class="original".*?</a>', "", title or "")),
                "links": re.findall(r'href="([^"]*)"', part),
                "passage": text(find(r'<blockquote class="passage"><p>(.*?)</p>', part)),
                "sentence": text(find(r'<mark class="cited">(.*?)</mark>', part)),
                "same": "in the same paragraph as above" in part})
        chips = rest.split('<div class="sources">')[1].split("</div>")[0]
        out.append({"details": details, "text": text(find(r'<summary><span class="text">(.*?)</span>', chunk)),
                    "sources": sources, "chips": len(re.findall(r'<span class="chip">', chips)),
                    "count": int(find(r'class="count[^"]*">(\d+) source', chips)), "chip_html": chips})
    return out


def reporting_corpus():
    """One event reported by a wire story, a version of it and another outlet, each sentence
    inside a paragraph of several; plus a paragraph elsewhere that must stay out."""
    lead = ("Engineers at the Kessel dam opened two sluice gates on Monday to lower the reservoir. "
            "The water authority said the level had risen by four metres in a week.")
    wire = (f"Far away, a ferry sank in the harbour of Torvik last spring.\n\n"
            f"KESSEL (Nordwire) — Officials had warned of flooding. {lead} Farmers downstream welcomed the move.\n\n"
            f"A vote on the dam budget is expected in parliament later this year.")
    version = f"Officials had warned of flooding. {lead}\n\nMore to follow."
    other = ("Downstream villages braced for high water.\n\n"
             "Engineers at the Kessel dam opened two sluice gates on Monday to lower the reservoir, residents said. "
             "Local shops moved their stock upstairs.")
    mention = [("Monday", "2022-03-07", "day")]
    docs = [make_doc("w1", wire, "2022-03-08", mention, group="g1", relation="representative", title="Gates opened at Kessel",
                     source="Nordwire", url="https://news.example/kessel-gates"),
            make_doc("w0", version, "2022-03-07", mention, group="g1", relation="version", title="Kessel gates (first take)",
                     source="Nordwire", url="javascript:alert(1)"),
            make_doc("c1", other, "2022-03-09", mention, title="Villages brace for water", source="Aran Courier")]
    return docs


def sentence_of(doc, start_of_text):
    return next(s for s in doc.sentences if s.text.startswith(start_of_text))


def reporting_timeline(docs):
    from storyline.model import Source, SummaryLine, Timeline, TimelineEntry

    w1, w0, c1 = docs
    sources = [Source(d.id, sentence_of(d, "Engineers").index) for d in (w1, w0, c1)]
    line = SummaryLine(sentence_of(w1, "Engineers").text, sources)
    return Timeline([TimelineEntry("2022-03-07", "day", [line])], [])


def test_an_opened_line_shows_the_cited_sentence_in_its_paragraph_and_every_source():
    docs = reporting_corpus()
    w1, w0, c1 = docs
    page = timeline_to_html(reporting_timeline(docs), {d.id: d for d in docs}, title="Kessel")
    (line,) = opened_lines(page)
    assert line["details"] == '<details class="in-context" name="line">'  # closed; one open at a time
    assert line["chips"] == 2 and line["count"] == 2
    lead, version, other = line["sources"]
    assert [s["lead"] for s in line["sources"]] == [True, False, False]
    # the representative: its title, outlet, date, and the cited sentence marked inside its paragraph
    assert (lead["outlet"], lead["title"], lead["published"], lead["date"]) == (
        "Nordwire", "Gates opened at Kessel", "2022-03-08", "8 Mar 2022")
    assert lead["sentence"] == sentence_of(w1, "Engineers").text
    assert lead["passage"] == ("KESSEL (Nordwire) — Officials had warned of flooding. Engineers at the Kessel dam opened two "
                               "sluice gates on Monday to lower the reservoir. The water authority said the level had risen "
                               "by four metres in a week. Farmers downstream welcomed the move.")
    assert "ferry" not in page and "vote on the dam budget" not in page  # the paragraph, not the article
    # the other sources, each with its outlet, title, date and its own sentence in its paragraph
    assert (version["outlet"], version["title"], version["published"]) == ("Nordwire", "Kessel gates (first take)", "2022-03-07")
    assert version["sentence"] == sentence_of(w0, "Engineers").text and "version" in page
    assert (other["outlet"], other["title"], other["published"], other["date"]) == (
        "Aran Courier", "Villages brace for water", "2022-03-09", "9 Mar 2022")
    assert other["sentence"] == sentence_of(c1, "Engineers").text
    assert other["passage"].endswith("Local shops moved their stock upstairs.") and "braced" not in other["passage"]
    # no server: nothing links to ids or files; only a plain http(s) URL becomes a link
    assert lead["links"] == ["https://news.example/kessel-gates"] and version["links"] == [] and other["links"] == []
    assert 'href="#doc-' not in page and "<a" not in line["chip_html"]


def test_an_opened_line_repeats_no_paragraph_and_cuts_a_long_one():
    docs = reporting_corpus()
    w1, w0, c1 = docs
    w0.text, w0.sentences = w1.text, w1.sentences  # a copy: the same paragraph twice
    for s in w0.sentences:
        s.document = "w0"
    page = timeline_to_html(reporting_timeline(docs), {d.id: d for d in docs})
    lead, copy, _ = opened_lines(page)[0]["sources"]
    assert copy["same"] and copy["passage"] == copy["sentence"] == sentence_of(w1, "Engineers").text
    filler = " ".join(f"Filler sentence number {n} says little about the dam." for n in range(60))
    long = make_doc("l1", f"{filler} The gates opened on Monday at the Kessel dam, officials said. {filler}", "2022-03-08",
                    [("Monday", "2022-03-07", "day")], source="Courier")
    from storyline.model import Source, SummaryLine, Timeline, TimelineEntry

    cited = sentence_of(long, "The gates")
    tl = Timeline([TimelineEntry("2022-03-07", "day", [SummaryLine(cited.text, [Source("l1", cited.index)])])], [])
    (source,) = opened_lines(timeline_to_html(tl, {"l1": long}))[0]["sources"]
    assert source["sentence"] == cited.text and cited.text in source["passage"]
    assert source["passage"].startswith("… Filler") and source["passage"].endswith("dam. …")
    assert 400 < len(source["passage"]) < 1100


def test_the_view_needs_only_the_cited_documents():
    from storyline.export import timeline_view

    docs = reporting_corpus()
    tl = reporting_timeline(docs)

    class OnlyLookups(dict):
        def __iter__(self):
            raise AssertionError("the timeline view went through every document")

        values = items = keys = __iter__

    view = timeline_view(tl, OnlyLookups({d.id: d for d in docs}))
    line = view.years[0].periods[0].entries[0].lines[0]
    assert [s.document for s in line.context] == ["w1", "w0", "c1"]
    assert line.context[0].passage.sentence == sentence_of(docs[0], "Engineers").text
