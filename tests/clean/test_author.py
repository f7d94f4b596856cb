"""The one-pass author search answers as trafilatura's ``extract_author`` does."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from storyline.clean import author
from storyline.clean.author import find_author, transcription_holds

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"

# One element per test of trafilatura's author XPaths (and a few it must not take).
BYLINES = [
    '<a rel="author" href="/p/mv">Mara Vell</a>', '<div id="author">Mara Vell</div>',
    '<span class="author">Mara Vell</span>', '<span itemprop="author name">Mara Vell</span>',
    '<p><rel>me</rel>Mara Vell</p>', '<div data-testid="AuthorCard">Mara Vell</div>',
    '<a data-testid="AuthorURL" href="/mv">Mara Vell</a>', '<strong class="post-authorname">Mara Vell</strong>',
    '<address class="author-name">Mara Vell</address>', '<link class="AuthorName">',
    '<span class="x authorName">Mara Vell</span>', '<author>Mara Vell</author>',
    '<h3 class="byline">Mara Vell</h3>', '<h4 class="username">mvell</h4>', '<p class="byl">By Mara Vell</p>',
    '<span class="BBL">Mara Vell</span>', '<div itemprop="creator author">Mara Vell</div>',
    '<div id="post-author-7">Mara Vell</div>', '<span id="zuozhe">Mara Vell</span>',
    '<p class="channel-name">Harbour desk</p>', '<span class="submitted-by">Mara Vell</span>',
    '<span class="posted-by">Mara Vell</span>', '<div class="journalist-name">Mara Vell</div>',
    '<li data-component="Byline">Mara Vell</li>', '<em itemprop="author">Mara Vell</em>',
    '<b id="mainAuthor">Mara Vell</b>', '<td class="screenname">mvell</td>', '<i class="writer">Mara Vell</i>',
    '<section class="Byline">By Mara Vell</section>', '<h5 class="byline-wrap">By Mara Vell</h5>',
    '<span class="by">Mara Vell</span>', '<span class="AUTHOR">Mara Vell</span>',
    '<div class="author">M</div>', '<div class="author">' + "Mara Vell " * 15 + '</div>',
    '<span class="author">Mara <time>March 5</time> Vell <figure>photo</figure>of Aran</span>',
    '<span class="author">Mara <span class="print">x</span>Vell<span class="quote">y</span> desk</span>',
    '<span class="author"><span class="date">5 March</span></span><p class="byline">Tomas Brandt</p>',
]
# Containers trafilatura prunes from its copy before searching (and some it keeps).
AROUND = [
    "{}", '<div class="sidebar">{}</div>', '<div id="comments">{}</div>', '<section class="comments-list">{}</section>',
    '<span class="Comments">{}</span>', '<div id="comment-list-2">{}</div>', '<div class="title">{}</div>',
    '<a class="meta-date">{}</a>', '<div data-component="FigureBlock">{}</div>', "<figure>{}</figure>",
    "<time>{}</time>", '<div class="article-share">{}</div>', '<div id="ProductReviews">{}</div>',
    '<article class="sidebar">{}</article>', '<div class="no-comments">{}</div>',
]


def page(*parts: str) -> str:
    return ("<html><head><title>Ferry times</title></head><body><article><h1>Ferry times</h1>"
            + "".join(parts) + "<p>The morning ferry leaves earlier from Monday.</p></article></body></html>")


def both(html: str) -> tuple:
    from trafilatura.metadata import extract_author
    from trafilatura.utils import load_html

    return extract_author(load_html(html)), find_author(load_html(html))


def test_the_transcribed_xpaths_are_the_installed_trafilaturas():
    assert transcription_holds()  # else the library's own, slower search runs


@pytest.mark.parametrize("byline", BYLINES)
def test_each_test_of_the_xpaths_answers_as_trafilatura(byline):
    for around in AROUND:
        theirs, ours = both(page(around.format(byline)))
        assert ours == theirs, (around, byline)


def test_the_xpaths_are_tried_in_trafilaturas_order():
    found = set()
    for first, second in itertools.permutations(BYLINES[::3], 2):
        theirs, ours = both(page(first.replace("Mara Vell", "Tomas Brandt"), "<p>x</p>", second))
        assert ours == theirs, (first, second)
        found.add(ours)
    assert {"Tomas Brandt", "Mara Vell"} <= found


def test_a_page_without_author_markup_has_none():
    assert both(page("<p class='lead'>Boats pass the weir again.</p>")) == (None, None)


def test_a_second_root_left_by_malformed_markup_is_not_read():
    """lxml can leave a second <html> beside the root; trafilatura's copy of the root leaves it out."""
    from trafilatura.utils import load_html

    html = page("<p>Boats</p>") + '<html><body><div class="author">Mara Vell</div></body></html>'
    tree = load_html(html)
    if len(tree.getroottree().xpath("/html")) < 2:
        pytest.skip("this libxml2 keeps one root")
    assert both(html) == (None, None)


def test_another_trafilatura_gets_its_own_search(monkeypatch):
    monkeypatch.setattr(author, "transcription_holds", lambda: False)
    theirs, ours = both(page('<div class="sidebar"><span class="author">Tomas Brandt</span></div>',
                             '<p class="byline">Mara Vell</p>'))
    assert ours == theirs == "Mara Vell"


@pytest.mark.skipif(not (DATA / "extraction" / "ground-truth.json").is_file()
                    or not (DATA / "extraction-wcxb-articles" / "html").is_dir(),
                    reason="benchmark pages not available")
def test_the_benchmark_pages_get_trafilaturas_authors():
    import gzip

    from trafilatura.metadata import extract_author
    from trafilatura.utils import load_html

    # the Zyte pages and every fourth WCXB page (all 822 agree; a quarter keeps the suite short)
    paths = [*sorted((DATA / "extraction" / "html").glob("*.html.gz")),
             *sorted((DATA / "extraction-wcxb-articles" / "html").glob("*.html.gz"))[::4]]
    found = 0
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8", errors="replace") as fh:
            tree = load_html(fh.read())
        if tree is None:
            continue
        theirs = extract_author(tree)
        assert find_author(tree) == theirs, path.name
        found += theirs is not None
    assert found >= 50  # the comparison covers pages where an author is found
