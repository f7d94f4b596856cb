"""The HTML path of the clean stage: trafilatura's text tidied by the line layer."""

import datetime as dt
from pathlib import Path

import pytest
from clean_pages import check_invariants, paragraphs, reasons

from storyline.clean import CleanError, clean_html

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"

ARTICLE_HTML = """<!DOCTYPE html>
<html><head><title>Veldra and Ostmark sign river accord | Veldra Daily</title>
<meta name="author" content="Lena Hartmann">
<meta property="article:published_time" content="2024-03-05T14:20:00+01:00">
<meta property="og:site_name" content="Veldra Daily">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Veldra and Ostmark sign river accord</h1>
<p>KESSEL (Wire) \u2014 The governments of Veldra and Ostmark signed an accord on Tuesday that shares the waters of the Amsel river between the two countries for the next thirty years.</p>
<p>The agreement follows four years of negotiations that stalled twice over the size of a planned dam near the border town of Kessel, which lies on the river.</p>
<p>\u201cThis is a good day for both our peoples,\u201d said the Veldran foreign minister, Jonas Pirel, after the ceremony on March 1, 2024.</p>
<p>The accord must still be ratified by both parliaments.</p>
<p>Subscribe to our newsletter</p>
<p>Wire reporter Tomas Brandt contributed to this report.</p>
</article>
<footer><p>\u00a9 2024 Veldra Daily. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>
"""


def test_clean_html_article():
    r = clean_html(ARTICLE_HTML, url="https://veldra-daily.example/world/accord")
    check_invariants(r)
    assert r.title == "Veldra and Ostmark sign river accord"
    assert r.byline == "Lena Hartmann"
    assert r.published == dt.date(2024, 3, 5)
    assert r.published_time == "14:20+01:00"
    assert (r.dateline, r.source) == ("KESSEL", "Wire")
    body = paragraphs(r)
    assert body[0].startswith("KESSEL (Wire) \u2014 The governments")
    assert body[-1] == "The accord must still be ratified by both parliaments."
    assert len(body) == 4
    assert r.contributors == ["Wire reporter Tomas Brandt contributed to this report."]
    assert "Home" not in r.text and "Privacy" not in r.text and "rights reserved" not in r.text
    assert reasons(r).get("Subscribe to our newsletter") == "subscription"


def test_clean_html_falls_back_to_site_name_and_text_date():
    html = ("<html><head><title>Ostmark votes on accord</title>"
            "<meta property=\"og:site_name\" content=\"Ostmark Herald\"></head><body><article>"
            "<h1>Ostmark votes on accord</h1><p>By Jonas Pirel</p>"
            "<p>The parliament of Ostmark voted on Thursday to ratify the river accord with Veldra by a "
            "wide margin after a long debate.</p>"
            "<p>Opposition members said the accord gave away too much water in dry years and promised "
            "to revisit it after the next election.</p></article></body></html>")
    r = clean_html(html)
    assert r.source == "Ostmark Herald"
    assert r.byline == "Jonas Pirel"
    assert r.published is None
    assert paragraphs(r)[0].startswith("The parliament of Ostmark voted")


def test_clean_html_nav_only_page_raises():
    html = ("<html><head><title>Veldra Daily</title></head><body><nav><ul>"
            "<li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
            "<footer><p>\u00a9 2024 Veldra Daily. All rights reserved.</p></footer></body></html>")
    with pytest.raises(CleanError, match="no article text found"):
        clean_html(html)


def test_clean_html_keeps_lists_headings_and_repeated_list_lines():
    """Structure chosen by the page: short headings, list items and lines that recur in a plan."""
    days = "".join(
        f"<h2>Day {n}</h2><ul><li>Walk the dike path at dawn</li>"
        f"<li>Check the gauge at the Kessel weir and note the level in the log book kept there</li></ul>"
        for n in (1, 2, 3))
    html = ("<html><head><title>A week on the Amsel dikes</title></head><body><article>"
            "<h1>A week on the Amsel dikes</h1>"
            "<p>The volunteers who watch the Amsel dikes in spring follow the same plan every day, "
            "and the water board published it so that new helpers know what to expect.</p>"
            + days +
            "<p>The board says the plan has not changed in ten years because it works.</p>"
            "</article></body></html>")
    r = clean_html(html)
    body = paragraphs(r)
    assert body.count("- Walk the dike path at dawn") == 3
    assert "Day 2" in body
    assert body[-1] == "The board says the plan has not changed in ten years because it works."
    assert "A week on the Amsel dikes" not in body  # the headline is the title, not the body


def test_clean_html_keeps_long_unpunctuated_lines_at_the_start_of_the_article():
    """An opening that leads into a quotation or list, without a full stop, is still the article."""
    opening = "What the water board wants every household on the lower Aran to know before the floods:"
    reference = "From the flood chronicle of the town of Torvik written in 1871 chapter four"
    html = ("<html><head><title>Aran flood notes</title></head><body><article>"
            "<h1>Aran flood notes</h1>"
            f"<p>{opening}</p><p>{reference}</p>"
            "<p>The river rose through the night and the spillways at Kessel were opened at dawn, "
            "the first time since the dam was finished.</p>"
            "<p>By noon the water at Torvik had reached the steps of the town hall, and the mayor "
            "asked people in the lower streets to leave.</p>"
            "</article></body></html>")
    body = paragraphs(clean_html(html))
    assert body[:2] == [opening, reference]
    assert len(body) == 4


def test_clean_html_empty_raises():
    with pytest.raises(CleanError):
        clean_html("")


JSON_LD_HTML = """<!DOCTYPE html>
<html><head><title>Kessel weir reopens - Aran Courier</title>
<link rel="canonical" href="https://aran-courier.example/news/2024/05/02/kessel-weir">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Kessel weir reopens after repairs", "datePublished": "2024-05-02T08:00:00Z",
"author": {"@type": "Person", "name": "Mara Vell"}, "publisher": {"@type": "Organization", "name": "Aran Courier"}}
</script></head><body><article><h1>Kessel weir reopens after repairs</h1>
<p class="byline author">Mara Vell</p>
<p>The weir at Kessel reopened on Thursday after six months of repairs to its gates, the water board said.</p>
<p>Boats can pass the weir again from next week, once the lock keepers have tested the new gates.</p>
</article></body></html>
"""

MARKUP_AUTHOR_HTML = """<html><head><title>Dike watch begins</title></head><body><article>
<h1>Dike watch begins</h1><div class="author-name">Tomas Brandt</div>
<time datetime="2024-04-11">April 11, 2024</time>
<p>Volunteers began their spring watch on the Amsel dikes on Monday, walking the paths at dawn.</p>
<p>The water board expects the river to peak in the second week of April, as it does most years.</p>
</article></body></html>
"""


NO_AUTHOR_MARKUP_HTML = """<html><head><title>Ferry timetable changes - Harbour Notes</title>
<meta name="author" content="newsdesk"></head><body><div class="page"><header class="masthead">
<a class="logo" href="/">Harbour Notes</a></header><article class="story" id="main">
<h1 class="headline">Ferry timetable changes</h1><span class="stamp">Published 2024-06-03</span>
<p class="lead">The morning ferry to Lower Aran leaves twenty minutes earlier from Monday, the harbour office said.</p>
<p>The evening crossing keeps its times until the end of the summer season in September.</p>
</article></div></body></html>
"""


def test_a_page_without_author_markup_reads_as_trafilatura_does():
    from trafilatura.metadata import extract_metadata
    from trafilatura.utils import load_html

    from storyline.clean.html_path import _page_metadata

    meta, _ = _page_metadata(load_html(NO_AUTHOR_MARKUP_HTML), "https://harbour.example/ferry")
    theirs = extract_metadata(load_html(NO_AUTHOR_MARKUP_HTML), "https://harbour.example/ferry",
                              {"original_date": True, "extensive_search": False})
    fields = ("title", "author", "date", "sitename", "url")
    assert [getattr(meta, f) for f in fields] == [getattr(theirs, f) for f in fields]
    assert meta.author is None and meta.title == "Ferry timetable changes"


@pytest.mark.parametrize("html, url", [
    (ARTICLE_HTML, "https://veldra-daily.example/world/accord"), (ARTICLE_HTML, None),
    (JSON_LD_HTML, "https://aran-courier.example/?p=12"), (JSON_LD_HTML, None),
    (MARKUP_AUTHOR_HTML, "https://dikes.example/watch"), (MARKUP_AUTHOR_HTML, None)])
def test_the_page_metadata_is_what_trafilatura_reads(html, url):
    """The fields read from trafilatura's metadata steps (skipping the categories, tags and
    licence) and the text extracted from the same parse are those of its own whole call."""
    import trafilatura
    from trafilatura.metadata import extract_metadata
    from trafilatura.utils import load_html

    from storyline.clean.html_path import _default_extraction, _page_metadata

    meta, searched = _page_metadata(load_html(html), url)
    theirs = extract_metadata(load_html(html), url, {"original_date": True, "extensive_search": False})
    fields = ("title", "author", "date", "sitename", "url")
    assert [getattr(meta, f) for f in fields] == [getattr(theirs, f) for f in fields]
    assert meta.title and meta.date and meta.author  # each page gives them, by a different step
    assert searched == theirs.url
    doc, _ = _default_extraction(html, url)
    whole = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                        include_tables=True,
                                        date_extraction_params={"original_date": True, "extensive_search": False})
    assert doc.text == whole.text
    assert [getattr(doc, f) for f in fields] == [getattr(whole, f) for f in fields]


def _bare_text(html: str, url) -> str | None:
    import trafilatura
    from trafilatura.utils import load_html

    doc = trafilatura.bare_extraction(load_html(html), url=url, include_comments=False, include_tables=True)
    return doc.text if doc is not None else None


@pytest.mark.parametrize("html", [
    ARTICLE_HTML, JSON_LD_HTML, MARKUP_AUTHOR_HTML, NO_AUTHOR_MARKUP_HTML,
    "<html><body><nav><a href='/'>Home</a></nav></body></html>",  # no text: None from both
    "<!-- saved page --><html><body><article><p>" + "The weir opens at noon. " * 20 + "</p></article></body></html>",
    ARTICLE_HTML + "<html><body><div class='sidebar'><p>" + "A second root. " * 30 + "</p></div></body></html>"])
def test_the_extraction_in_place_gives_bare_extractions_text(html):
    from trafilatura.utils import load_html

    from storyline.clean.html_path import _extract_in_place

    for url in ("https://veldra-daily.example/world/accord", None):
        assert _extract_in_place(load_html(html), url) == _bare_text(html, url)


@pytest.mark.skipif(not (DATA / "extraction" / "ground-truth.json").is_file()
                    or not (DATA / "extraction-wcxb-articles" / "html").is_dir(),
                    reason="benchmark pages not available")
def test_the_benchmark_pages_get_bare_extractions_text():
    """On every third Zyte page and every eighth WCXB page (all 822 agree; a sample keeps the suite short)."""
    import gzip

    from trafilatura.utils import load_html

    from storyline.clean.html_path import _extract_in_place

    paths = [*sorted((DATA / "extraction" / "html").glob("*.html.gz"))[::3],
             *sorted((DATA / "extraction-wcxb-articles" / "html").glob("*.html.gz"))[::8]]
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8", errors="replace") as fh:
            html = fh.read()
        tree = load_html(html)
        if tree is not None:
            assert _extract_in_place(tree, None) == _bare_text(html, None), path.name
