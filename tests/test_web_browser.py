"""End to end in a real headless Chromium: read the timeline, open a line in context, follow a
citation, search, upload.

Needs the ``playwright`` package and a Chromium binary (Debian's ``chromium``; set
``STORYLINE_CHROMIUM`` to use another). Skipped, with the reason, when either is missing.
With ``STORYLINE_SCREENSHOTS=DIR`` the timeline screenshot is also saved as
``DIR/screenshot-timeline.png`` (the one in ``docs/`` is made that way).
"""

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
uvicorn = pytest.importorskip("uvicorn")
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
from helpers import copy_store  # noqa: E402

from storyline.web import create_app  # noqa: E402

ARTICLE = """Ferry returns to Lessing harbour

By Mira Holt | 14 June 2024 | Torvik Evening Star

TORVIK — The lakeside ferry between Torvik and Lessing resumed service on Wednesday after four months of repairs to landing stages damaged in the February flood, the harbour office said.

The first crossing carried 140 passengers, many of them commuters who had driven around the lake since the winter.
"""


def chromium_path() -> str:
    for candidate in (os.environ.get("STORYLINE_CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser"),
                      "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    pytest.skip("no Chromium binary found (install Debian's chromium package or set STORYLINE_CHROMIUM)")


@pytest.fixture(scope="module")
def server(sample_store, tmp_path_factory):
    """The web app over a copy of the sample store, served by uvicorn on a free loopback port."""
    db = copy_store(sample_store, tmp_path_factory.mktemp("browser") / "story.db")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(db, title="The Kessel dam dispute", allowed_hosts=["127.0.0.1", "localhost"]),
                            host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    else:
        pytest.fail("uvicorn did not start")
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    path = chromium_path()
    with sync_api.sync_playwright() as p:
        try:
            browser = p.chromium.launch(executable_path=path, args=["--no-sandbox"])
        except Exception as exc:  # a broken or incompatible browser install
            pytest.skip(f"Chromium at {path} does not start under Playwright: {exc}")
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 860})
    page = context.new_page()
    page.problems = []
    page.on("console", lambda msg: page.problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: page.problems.append(str(exc)))
    yield page
    context.close()


def test_timeline_citation_leads_to_the_highlighted_sentence(server, page, tmp_path):
    page.goto(server + "/")
    assert page.title().startswith("The Kessel dam dispute")
    assert page.locator("h2.year-head").first.is_visible()
    # the stylesheet loaded under the Content-Security-Policy: the timeline rail is laid out as a grid
    assert page.locator(".entry").first.evaluate("e => getComputedStyle(e).display") == "grid"
    shot = tmp_path / "timeline.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("STORYLINE_SCREENSHOTS"):
        page.set_viewport_size({"width": 1100, "height": 1400})
        opened = page.locator("details.in-context").filter(has=page.locator(".also")).first
        opened.locator("summary .text").click()  # one line opened in context
        page.screenshot(path=str(Path(os.environ["STORYLINE_SCREENSHOTS"]) / "screenshot-timeline.png"))
        opened.locator("summary .text").click()
        page.set_viewport_size({"width": 1200, "height": 860})

    entry = page.locator("li.entry.gran-day").first
    line_text = entry.locator(".line .text").first.inner_text()
    chip = entry.locator(".chip a").first
    href = chip.get_attribute("href")
    doc_id, sentence = href.split("/articles/")[1].split("?sentence=")
    sentence = sentence.split("#")[0]
    chip.click()
    page.wait_for_url(f"**/articles/{doc_id}?sentence={sentence}#s{sentence}")
    cited = page.locator("span.s.cited")
    assert cited.count() == 1 and cited.get_attribute("id") == f"s{sentence}"
    assert cited.is_visible() and cited.evaluate(
        "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
    assert cited.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 244, 194)"
    shown = cited.evaluate("e => { const c = e.cloneNode(true); c.querySelectorAll('.tx-value').forEach(x => x.remove());"
                           " return c.textContent; }")
    assert shown.strip().endswith(line_text.strip()[-40:])  # the summary line is the sentence (without a dateline)
    assert page.locator("span.s:not(.cited)").first.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"
    page.locator("details.removed summary").click()
    assert page.locator("details.removed li").first.is_visible()
    assert page.problems == []


def test_a_line_opens_to_its_sentence_in_its_paragraph(server, page, tmp_path, sample_store):
    page.goto(server + "/")
    lines = page.locator("details.in-context")
    assert lines.count() > 5 and page.locator("details.in-context[open]").count() == 0
    line = None
    for n in range(lines.count()):
        candidate = lines.nth(n)
        lead = candidate.locator(".cited-source.lead")
        if candidate.locator(".also").count() and len(lead.locator(".passage").text_content()) > len(
                lead.locator("mark.cited").text_content()):
            line = candidate  # several sources, and a paragraph longer than the cited sentence
            break
    assert line is not None
    assert not line.locator(".context").is_visible()
    line.locator("summary .text").click()
    assert line.evaluate("e => e.open") and line.locator(".context").is_visible()
    lead = line.locator(".cited-source.lead")
    passage, mark = lead.locator("blockquote.passage"), lead.locator("mark.cited")
    assert passage.is_visible() and mark.is_visible()
    assert mark.inner_text() in passage.inner_text() and len(passage.inner_text()) > len(mark.inner_text())
    assert mark.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 244, 194)"
    assert lead.locator(".outlet").inner_text() and lead.locator(".src-title a").inner_text()
    others = line.locator(".cited-source:not(.lead)")
    assert others.count() >= 1 and others.first.locator("mark.cited").is_visible()
    href = others.first.locator(".src-title a").get_attribute("href")
    assert href.startswith("/articles/") and "?sentence=" in href
    # one line open at a time
    other_line = lines.nth(0) if lines.nth(0).evaluate("e => !e.open") else lines.nth(1)
    other_line.locator("summary .text").click()
    assert other_line.evaluate("e => e.open") and not line.evaluate("e => e.open")
    other_line.locator("summary .text").click()
    assert page.locator("details.in-context[open]").count() == 0
    # a source's title leads to the sentence in its article
    line.locator("summary .text").click()
    others.first.locator(".src-title a").click()
    page.wait_for_url("**" + href)
    assert page.locator("span.s.cited").is_visible()
    assert page.problems == []

    # the static export: the same, with every source's paragraph inline and no server to link to
    import storyline
    from storyline.export import timeline_to_html

    export = tmp_path / "timeline.html"
    export.write_text(timeline_to_html(*storyline.timeline(sample_store), title="Sample"), encoding="utf-8")
    page.goto(export.as_uri())
    line = page.locator("details.in-context").filter(has=page.locator(".also")).first
    line.locator("summary .text").click()
    assert line.locator(".cited-source.lead blockquote.passage").is_visible()
    assert line.locator(".cited-source:not(.lead) mark.cited").first.is_visible()
    assert line.locator(".context a:not(.original)").count() == 0
    assert page.problems == []


def test_search_then_narrow_the_timeline(server, page):
    page.goto(server + "/")
    page.fill("#top-q", "tribunal")
    page.press("#top-q", "Enter")
    page.wait_for_url("**/search?q=tribunal")
    results = page.locator("ol.results > li")
    assert results.count() >= 3
    assert page.locator("ol.results mark").first.inner_text().lower() == "tribunal"
    page.locator("ul.hits a").first.click()
    page.wait_for_url("**/articles/*?sentence=*")
    assert "tribunal" in page.locator("span.s.cited").inner_text().lower()
    page.go_back()
    page.click("text=Timeline of these articles")
    page.wait_for_url("**/?q=tribunal")
    assert "Only documents matching" in page.locator(".filter").inner_text()
    page.fill("#top-q", "Kessel-dam")
    page.press("#top-q", "Enter")
    assert "The query could not be run" in page.content()
    page.click('a[href="/search?q=%22Kessel-dam%22"]')
    assert page.locator("ol.results > li").count() >= 1
    assert [p for p in page.problems if "status of 400" not in p] == []  # the failed query is a 400 page


def test_upload_a_file_and_see_it_appear(server, page, tmp_path):
    upload = tmp_path / "ferry-returns.txt"
    upload.write_text(ARTICLE, encoding="utf-8")
    page.goto(server + "/documents")
    before = page.locator("table.list tbody tr").count()
    page.set_input_files("#files", str(upload))
    page.click("text=Add to the store")
    page.wait_for_load_state()
    assert "Added 1 document" in page.locator(".notice.ok").inner_text()
    assert page.locator("table.list tbody tr").count() == before + 1
    new_row = page.locator("table.list tr.new")
    assert "Ferry returns to Lessing harbour" in new_row.inner_text() and "ferry-returns.txt" in new_row.inner_text()
    new_row.locator("a").click()
    assert page.locator("h1").inner_text() == "Ferry returns to Lessing harbour"
    page.goto(server + "/?q=ferry")
    assert "resumed service" in page.locator(".timeline").inner_text()
    bad = tmp_path / "notes.pdf"
    bad.write_bytes(b"%PDF-1.4")
    page.goto(server + "/documents")
    page.set_input_files("#files", str(bad))
    page.click("text=Add to the store")
    assert "Not a supported file type: notes.pdf" in page.locator(".notice.error").inner_text()
    assert [p for p in page.problems if "status of 415" not in p] == []


def test_narrow_screen_keeps_the_timeline_readable(server, browser, tmp_path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
    page = context.new_page()
    page.goto(server + "/")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    page.screenshot(path=str(tmp_path / "timeline-narrow.png"))
    context.close()
