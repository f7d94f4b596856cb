"""Untrusted article text renders inert everywhere; queries, paths and uploads cannot hurt the server."""

import json
from html.parser import HTMLParser

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

import storyline  # noqa: E402
import storyline.api  # noqa: E402
from storyline.export import timeline_to_html  # noqa: E402
from storyline.web import create_app  # noqa: E402
from test_export import opened_lines  # noqa: E402

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(2)>'
LINK = "[click here](javascript:alert(3))"
ANCHOR = '<a href="javascript:alert(4)">read more</a>'
EVIL = f"{SCRIPT} {IMG} {LINK} {ANCHOR}"

PAGE = f"""Dam talks

By Eve Marsh | 12 March 2022 | Nordwire

KESSEL (Nordwire) — Negotiators met on Tuesday over the dam and agreed on nothing, while someone painted {SCRIPT} and {IMG} on the wall of the visitor centre.

A leaflet handed out at the gate said {LINK} and {ANCHOR} about the protest planned for Friday.
"""

UNDATED = f"""An undated note about the dam said {SCRIPT} and {IMG} on Tuesday, and pointed readers to {LINK} for more.

The note was pinned to the door of the harbour office for a week.
"""

HTML_PAGE = """<!doctype html><html><head><title>Accord &lt;script&gt;alert(5)&lt;/script&gt;</title>
<meta name="author" content="&quot;&gt;&lt;img src=x onerror=alert(6)&gt;"></head><body><article>
<h1>Accord signed &lt;script&gt;alert(7)&lt;/script&gt;</h1>
<p>Published 20 September 2023.</p>
<p>The foreign ministers signed the water accord at the dam on Wednesday, ending a dispute that had lasted two years
and brought the neighbours close to a rupture; the text &lt;script&gt;alert(8)&lt;/script&gt; was projected on the wall.</p>
<p>Protesters outside held a banner reading &quot;&gt;&lt;img src=x onerror=alert(9)&gt; and
<a href="javascript:alert(10)">a link</a> was handed around on leaflets for the rest of the afternoon.</p>
</article></body></html>"""


def feed_record():
    return {"title": f"Flow {SCRIPT} {IMG}", "byline": f"{SCRIPT} {IMG}", "source": f"{IMG} Wire",
            "url": "javascript:alert(11)", "dateline": SCRIPT, "published": "2022-03-09",
            "text": f"Ministers met on Monday and said {SCRIPT} was written on the dam wall, next to {IMG} and "
                    f"a {LINK} link.\n\nThe meeting ended with {ANCHOR} on Wednesday."}


def echo_record():
    """Another outlet repeating the feed's first sentence: a second source of its timeline line,
    inside a paragraph of its own, with a hostile title, outlet and URL."""
    return {"title": f"Echo {ANCHOR} {SCRIPT}", "source": f"{SCRIPT} Echo", "published": "2022-03-10",
            "url": 'https://echo.example/story?"><script>alert(12)</script>',
            "text": f"Witnesses in Kessel said {ANCHOR} as the talks began.\n\n"
                    f"Ministers met on Monday and said {SCRIPT} was written on the dam wall, next to {IMG} and a {LINK} "
                    f"link. Police said {IMG} again.\n\n"
                    "The weather in Kessel stayed cold and wet for the rest of the week, and the ferry did not run."}


@pytest.fixture(scope="module")
def evil_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("evil")
    (folder / "evil-page.txt").write_text(PAGE, encoding="utf-8")
    (folder / "evil-undated.txt").write_text(UNDATED, encoding="utf-8")
    (folder / "evil.html").write_text(HTML_PAGE, encoding="utf-8")
    (folder / f"{IMG[2:12]}feed.jsonl").write_text(json.dumps(feed_record()) + "\n" + json.dumps(echo_record()) + "\n",
                                                   encoding="utf-8")
    db = folder / "evil.db"
    report = storyline.build([folder], db=db)
    assert report.added == 5, report.errors
    return db


@pytest.fixture(scope="module")
def client(evil_store):
    return TestClient(create_app(evil_store))


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def assert_inert(page: str, allow_style: bool = False, shown: str = "&lt;script&gt;") -> None:
    """No element or attribute that could run script, whatever the article said."""
    parser = Tags()
    parser.feed(page)
    for tag, attrs in parser.tags:
        assert tag not in ("script", "img", "iframe", "object", "embed", "base", "svg", "math", "form") or (
            tag == "form" and attrs.get("action", "").startswith("/")), (tag, attrs)
        assert tag != "style" or allow_style
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, attrs)
            if name in ("href", "src", "action", "formaction", "xlink:href"):
                target = (value or "").strip().lower()
                assert target.startswith(("/", "#", "http://", "https://")) and "javascript:" not in target, (tag, attrs)
            assert name != "style", (tag, attrs)
        if tag == "meta":
            assert attrs.get("http-equiv", "").lower() in ("", "content-security-policy"), attrs
    assert shown in page  # the text is shown, escaped, not dropped


def documents(client):
    return client.get("/api/documents").json()


def test_the_evil_text_is_stored_as_written(client):
    docs = documents(client)
    feed = next(d for d in docs if d["url"] == "javascript:alert(11)")
    assert feed["title"] == f"Flow {SCRIPT} {IMG}" and feed["byline"] == f"{SCRIPT} {IMG}"
    assert SCRIPT in feed["text"]
    assert any(SCRIPT in d["text"] and not d["published"] for d in docs)


def test_timeline_page_is_inert(client):
    data = client.get("/api/timeline").json()
    assert data["entries"] and data["undated"]
    for url in ("/", "/?q=alert", "/timeline?q=script"):
        assert_inert(client.get(url).text)


def test_article_pages_are_inert(client):
    for doc in documents(client):
        page = client.get(f"/articles/{doc['id']}", params={"sentence": 0}).text
        assert_inert(page)
    feed = next(d for d in documents(client) if d["url"] == "javascript:alert(11)")
    page = client.get(f"/articles/{feed['id']}").text
    assert "javascript:alert(11)" in page and 'href="javascript' not in page  # shown as text, not a link


def test_search_snippets_are_escaped_then_marked(client):
    for query in ("alert", "script", "img OR onerror", "javascript", '"script alert"'):
        page = client.get("/search", params={"q": query}).text
        assert_inert(page, shown="&lt;")
        assert "<mark>" in page
    page = client.get("/search", params={"q": "onerror"}).text
    assert "&lt;img src=x <mark>onerror</mark>=alert(" in page
    data = client.get("/api/search", params={"q": "alert"}).json()
    snippet = data["results"][0]["snippet"]
    assert all(snippet["text"][s:e].lower() == "alert" for s, e in snippet["matches"])


def test_list_pages_and_error_pages_are_inert(client, evil_store):
    assert_inert(client.get("/documents").text)
    evil_query = client.get("/search", params={"q": f'{SCRIPT} "'})
    assert evil_query.status_code == 400
    assert_inert(evil_query.text)
    missing = client.get("/articles/%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E")
    assert missing.status_code == 404
    assert_inert(missing.text, shown="&#39;&#34;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;")
    upload = client.post("/documents", files=[("files", (f"{SCRIPT}.exe", b"x", "text/plain"))])
    assert upload.status_code == 415
    assert_inert(upload.text)


def test_static_export_is_inert(evil_store):
    timeline, docs = storyline.timeline(evil_store)
    page = timeline_to_html(timeline, docs, title=f"Story {SCRIPT}")
    assert_inert(page, allow_style=True)
    assert "<title>Story &lt;script&gt;" in page


HOSTILE_SENTENCE = f"Ministers met on Monday and said {SCRIPT} was written on the dam wall, next to {IMG} and a {LINK} link."


def hostile_timeline(db):
    """A line citing the feed's sentence and the echo's copy of it (a hand-made timeline, so the
    test does not depend on which lines a method picks), with the two documents it cites."""
    from storyline.model import Source, SummaryLine, Timeline, TimelineEntry

    docs = storyline.documents(db, with_sentences=True)
    feed = next(d for d in docs if d.url == "javascript:alert(11)")
    echo = next(d for d in docs if d.source == f"{SCRIPT} Echo")
    sources = [Source(d.id, next(s.index for s in d.sentences if s.text == HOSTILE_SENTENCE)) for d in (feed, echo)]
    line = SummaryLine(HOSTILE_SENTENCE, sources)
    return Timeline([TimelineEntry("2022-03-07", "day", [line])], []), {feed.id: feed, echo.id: echo}


def test_opened_lines_show_hostile_titles_outlets_and_sentences_as_text(evil_store, monkeypatch):
    monkeypatch.setattr(storyline.api, "timeline", lambda db, **options: hostile_timeline(db))
    web = TestClient(create_app(evil_store)).get("/")
    assert web.status_code == 200
    pages = {"web": web.text, "export": timeline_to_html(*hostile_timeline(evil_store), title="Story")}
    for where, page in pages.items():
        assert_inert(page, allow_style=where == "export")
        (line,) = opened_lines(page)
        feed, echo = line["sources"]
        # the parts parse back to the text as written: escaped, never markup
        assert (feed["outlet"], feed["title"]) == (f"{IMG} Wire", f"Flow {SCRIPT} {IMG}")
        assert (echo["outlet"], echo["title"]) == (f"{SCRIPT} Echo", f"Echo {ANCHOR} {SCRIPT}")
        assert feed["sentence"] == echo["sentence"] == line["text"] == HOSTILE_SENTENCE
        assert '<strong class="outlet">&lt;script&gt;alert(1)&lt;/script&gt; Echo</strong>' in page
        assert "Echo &lt;a href=&#34;javascript:alert(4)&#34;&gt;read more&lt;/a&gt;" in page
        # a javascript: URL is no link; a plain https one is, with its quotes and brackets escaped
        assert not any("javascript" in link for s in (feed, echo) for link in s["links"])
        assert 'href="https://echo.example/story?&#34;&gt;&lt;script&gt;alert(12)&lt;/script&gt;"' in page
    (web_line,) = opened_lines(pages["web"])
    assert all(s["links"][0].startswith("/articles/") for s in web_line["sources"])
    assert web_line["sources"][1]["passage"] == HOSTILE_SENTENCE  # on the web, the sentence and its link
    (export_line,) = opened_lines(pages["export"])
    assert export_line["sources"][1]["passage"] == f"{HOSTILE_SENTENCE} Police said {IMG} again."  # its paragraph
    assert "Police said &#34;&gt;&lt;img src=x onerror=alert(2)&gt; again." in pages["export"]
    assert not any(link.startswith(("/", "#")) for s in export_line["sources"] for link in s["links"])


def test_every_response_forbids_scripts(client):
    for url in ("/", "/search?q=dam", "/documents", "/api/timeline", "/nowhere", "/static/storyline.css"):
        response = client.get(url)
        csp = response.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp and "unsafe" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"


# -- paths ---------------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "/static/../pyproject.toml", "/static/..%2F..%2F..%2Fpyproject.toml", "/static/%2e%2e/%2e%2e/pyproject.toml",
    "/static/storyline.css/../../../../etc/passwd", "/articles/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
    "/api/articles/..%2f..%2f..%2fetc%2fpasswd", "/api/articles/%2Fetc%2Fpasswd", "/favicon.svg%2F..%2F..%2Fapi.py",
    "/articles/....//....//etc/passwd", "/static/%5c..%5c..%5cpyproject.toml"])
def test_no_path_traversal_through_urls(client, url):
    response = client.get(url)
    assert response.status_code in (404, 405, 422)
    assert "[project]" not in response.text and "root:" not in response.text and "def " not in response.text


@pytest.mark.parametrize("name", ["../../escaped.txt", "..\\..\\escaped.txt", "/tmp/../../escaped.txt",
                                  "folder/../../../escaped.txt", "..%2F..%2Fescaped.txt"])
def test_upload_names_cannot_leave_the_upload_folder(tmp_path, name):
    client = TestClient(create_app(tmp_path / "s.db"))
    target = tmp_path / "deep" / "er"
    target.mkdir(parents=True)
    body = client.post("/api/documents", files=[("files", (name.replace("escaped", str(target / "escaped")[1:])
                                                           if name.startswith("/tmp") else name,
                                                           PAGE.encode(), "text/plain"))]).json()
    (added,) = body["added"]
    assert "/" not in added["path"] and "\\" not in added["path"] and added["path"].endswith("escaped.txt")
    assert not list(tmp_path.rglob("escaped.txt"))
    doc = client.get(f"/api/articles/{added['id']}").json()
    assert doc["paths"] == [added["path"]]


def test_query_parameters_never_name_files(client):
    for params in ({"q": "../../../etc/passwd"}, {"q": "/etc/passwd"}, {"db": "/etc/passwd"}, {"path": "../pyproject.toml"}):
        for url in ("/", "/search", "/api/timeline", "/api/search", "/documents"):
            response = client.get(url, params=params)
            assert response.status_code in (200, 400, 422)
            assert "root:" not in response.text and "[project]" not in response.text


# -- uploads -------------------------------------------------------------------------------

def small_app(tmp_path, limit=4000):
    return TestClient(create_app(tmp_path / "s.db", max_upload_bytes=limit))


def test_upload_size_limit_holds(tmp_path):
    client = small_app(tmp_path)
    big = ("big.txt", PAGE.encode() * 10, "text/plain")  # ~6 kB: over the file limit, under the body slack
    response = client.post("/api/documents", files=[("files", big)])
    assert response.status_code == 413 and "limit" in response.json()["detail"]
    huge = ("huge.txt", b"word " * 40_000, "text/plain")  # 200 kB: refused while the body is read
    assert client.post("/api/documents", files=[("files", huge)]).status_code == 413
    page = client.post("/documents", files=[("files", huge)])
    assert page.status_code == 413 and "larger than the limit" in page.text
    part = (PAGE * 5).encode()[:2500]
    two = [("files", ("a.txt", part, "text/plain")), ("files", ("b.txt", part, "text/plain"))]
    assert client.post("/api/documents", files=two).status_code == 413  # the limit is for all files together
    assert client.get("/api/documents").json() == []


def test_a_streamed_body_is_cut_off_at_the_limit(tmp_path):
    client = small_app(tmp_path)
    def body():  # no Content-Length: the server must count as it reads
        yield b'--b\r\nContent-Disposition: form-data; name="files"; filename="s.txt"\r\nContent-Type: text/plain\r\n\r\n'
        for _ in range(1000):
            yield b"word " * 200
        yield b"\r\n--b--\r\n"

    response = client.post("/api/documents", content=body(), headers={"content-type": "multipart/form-data; boundary=b"})
    assert response.status_code == 413 and "limit" in response.json()["detail"]
    assert client.get("/api/documents").json() == []
    ok = client.post("/api/documents", files=[("files", ("ok.txt", PAGE.encode(), "text/plain"))])
    assert ok.status_code == 200 and len(ok.json()["added"]) == 1


@pytest.mark.parametrize("name", ["setup.exe", "page.php", "notes.pdf", "archive.zip", "story.txt.sh", "noext", ".txt"])
def test_upload_type_limit_holds(tmp_path, name):
    client = small_app(tmp_path)
    response = client.post("/api/documents", files=[("files", (name, PAGE.encode(), "text/plain"))])
    assert response.status_code in (415, 422)
    assert client.get("/api/documents").json() == []
    if response.status_code == 415:
        assert "Not a supported file type" in response.json()["detail"]


def test_upload_count_and_empty_form(tmp_path):
    client = small_app(tmp_path, limit=1_000_000)
    many = [("files", (f"n{i}.txt", PAGE.encode(), "text/plain")) for i in range(21)]
    assert client.post("/api/documents", files=many).status_code == 400
    assert client.post("/api/documents").status_code == 422
    empty = client.post("/documents", files=[("files", ("", b"", "application/octet-stream"))])
    assert empty.status_code == 400 and "Choose at least one file" in empty.text


def test_binary_and_gzip_bombs_are_refused_per_file(tmp_path):
    import gzip

    client = small_app(tmp_path, limit=200_000)
    bomb = gzip.compress(b"<p>" + b"a" * 30_000_000 + b"</p>")
    response = client.post("/api/documents", files=[("files", ("bomb.html.gz", bomb, "application/gzip")),
                                                    ("files", ("bin.txt", bytes(range(256)) * 20, "text/plain"))])
    assert response.status_code == 422
    reasons = " ".join(e["reason"] for e in response.json()["errors"])
    assert "too large" in reasons and "binary" in reasons


def test_cross_site_posts_and_foreign_hosts_are_refused(tmp_path):
    client = TestClient(create_app(tmp_path / "s.db"))
    files = [("files", ("a.txt", PAGE.encode(), "text/plain"))]
    assert client.post("/api/documents", files=files, headers={"origin": "https://evil.example"}).status_code == 403
    assert client.post("/documents", files=files, headers={"sec-fetch-site": "cross-site"}).status_code == 403
    assert client.post("/documents", files=files, headers={"sec-fetch-site": "same-site"}).status_code == 403
    assert client.post("/documents", files=files, headers={"origin": "null"}).status_code == 403
    assert client.get("/api/documents").json() == []
    same = client.post("/api/documents", files=files, headers={"origin": "http://testserver"})
    assert same.status_code == 200
    guarded = TestClient(create_app(tmp_path / "s.db", allowed_hosts=["127.0.0.1", "localhost"]),
                         base_url="http://127.0.0.1:8000")
    assert guarded.get("/").status_code == 200
    assert guarded.get("/", headers={"host": "rebound.example"}).status_code == 400
    assert guarded.get("/", headers={"host": "localhost:8000"}).status_code == 200
