"""An editor's exclusions in the web app: the timeline's forms, the list of excluded lines, the JSON API."""

import re

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from storyline.web import create_app  # noqa: E402

SAME_SITE = {"Origin": "http://localhost"}


@pytest.fixture
def client(store_copy):
    return TestClient(create_app(store_copy), base_url="http://localhost")


def first_form(page: str) -> list[str]:
    form = re.search(r'<form class="exclude".*?</form>', page, re.S).group(0)
    return re.findall(r'name="line" value="([^"]+)"', form)


def test_each_line_has_a_form_that_excludes_it_and_the_page_can_put_it_back(client):
    page = client.get("/").text
    assert page.count('action="/timeline/exclude"') == page.count('class="line"') > 0
    refs = first_form(page)
    sent = client.post("/timeline/exclude", data={"line": refs, "reason": "furniture", "back": "/?previews=true"},
                       headers=SAME_SITE, follow_redirects=False)
    assert sent.status_code == 303 and sent.headers["location"] == "/?previews=true"
    page = client.get("/").text
    assert first_form(page) != refs and "Excluded by an editor" in page
    document, sentence = refs[0].split("#")
    annotated = client.get(f"/api/articles/{document}/annotations").json()["sentences"][int(sentence)]
    assert annotated["timeline"]["refused"] == "excluded"
    excluded = client.get("/api/exclusions").json()
    assert sorted(x["line"] for x in excluded) == sorted(refs) and {x["reason"] for x in excluded} == {"furniture"}
    back = client.post("/timeline/restore", data={"line": refs}, headers=SAME_SITE, follow_redirects=False)
    assert back.status_code == 303 and back.headers["location"] == "/"
    assert first_form(client.get("/").text) == refs and client.get("/api/exclusions").json() == []


def test_the_form_goes_back_only_to_a_page_of_this_site(client):
    refs = first_form(client.get("/").text)
    for back in ("//evil.example/x", "https://evil.example/", "javascript:alert(1)"):
        sent = client.post("/timeline/exclude", data={"line": refs, "back": back}, headers=SAME_SITE,
                           follow_redirects=False)
        assert sent.headers["location"] == "/"
        client.post("/timeline/restore", data={"line": refs}, headers=SAME_SITE)


def test_a_cross_site_form_cannot_exclude_a_line(client):
    refs = first_form(client.get("/").text)
    sent = client.post("/timeline/exclude", data={"line": refs}, headers={"Origin": "http://evil.example"},
                       follow_redirects=False)
    assert sent.status_code == 403 and client.get("/api/exclusions").json() == []


def test_the_json_api_excludes_restores_and_refuses_unknown_lines(client):
    refs = first_form(client.get("/").text)
    made = client.post("/api/exclusions", json={"lines": refs, "reason": "duplicate", "note": "same as the day before"},
                       headers=SAME_SITE)
    assert made.status_code == 200 and made.json() == {"changed": len(refs)}
    assert {x["note"] for x in client.get("/api/exclusions").json()} == {"same as the day before"}
    assert client.post("/api/exclusions/restore", json={"lines": refs}, headers=SAME_SITE).json() == {"changed": len(refs)}
    missing = client.post("/api/exclusions", json={"lines": ["nosuch#1"]}, headers=SAME_SITE)
    assert missing.status_code == 400 and "nosuch#1" in missing.json()["detail"]
    page = client.post("/timeline/exclude", data={"line": ["nosuch#1"]}, headers=SAME_SITE)
    assert page.status_code == 400 and "nosuch#1" in page.text


def test_an_excluded_sentence_is_shown_escaped(client, store_copy):
    from storyline import api
    from storyline.store import Store

    refs = first_form(client.get("/").text)
    document, sentence = refs[0].split("#")
    with Store(store_copy) as store:  # a sentence text holding markup, as an article may
        store.db.execute("UPDATE sentences SET text = '<script>x</script>' WHERE document = ? AND idx = ?",
                         (document, int(sentence)))
    api.exclude_lines(store_copy, [refs[0]], "other", '<b onclick="x">note</b>')
    page = client.get("/").text
    assert "<script>x</script>" not in page and "&lt;script&gt;x&lt;/script&gt;" in page
    assert '<b onclick="x">' not in page


def test_the_article_page_says_its_cited_sentence_was_excluded_and_can_put_it_back(client):
    refs = first_form(client.get("/").text)
    document, sentence = refs[0].split("#")
    client.post("/timeline/exclude", data={"line": refs, "reason": "wrong-date", "note": "a year off"}, headers=SAME_SITE)
    url = f"/articles/{document}?sentence={sentence}"
    page = client.get(url).text
    assert "An editor excluded this sentence from the timeline (wrong date: a year off)" in page
    back = client.post("/timeline/restore", data={"line": refs[0], "back": url + f"#s{sentence}"}, headers=SAME_SITE,
                       follow_redirects=False)
    assert back.headers["location"] == url + f"#s{sentence}"
    assert "An editor excluded" not in client.get(url).text


def test_an_article_page_excludes_every_line_of_its_article_and_puts_them_back(client):
    refs = first_form(client.get("/").text)
    document = refs[0].split("#")[0]
    page = client.get(f"/articles/{document}").text
    assert f'action="/articles/{document}/exclude"' in page
    sent = client.post(f"/articles/{document}/exclude", data={"reason": "not-an-event"}, headers=SAME_SITE,
                       follow_redirects=False)
    assert sent.status_code == 303 and sent.headers["location"] == f"/articles/{document}"
    assert "An editor excluded every line of this article" in client.get(f"/articles/{document}").text
    timeline = client.get("/").text
    assert f'value="{document}#' not in timeline.split('<section class="excluded"')[0]
    assert f"Every line of <a href=\"/articles/{document}\">" in timeline
    assert [x["whole"] for x in client.get("/api/exclusions").json()] == [True]
    back = client.post(f"/articles/{document}/restore", data={"back": "/"}, headers=SAME_SITE, follow_redirects=False)
    assert back.status_code == 303 and back.headers["location"] == "/"
    assert first_form(client.get("/").text) == refs
    made = client.post("/api/exclusions", json={"documents": [document]}, headers=SAME_SITE)
    assert made.json() == {"changed": 1}
    assert client.post("/api/exclusions/restore", json={"documents": [document]}, headers=SAME_SITE).json() == {"changed": 1}
    assert client.post("/api/exclusions", json={}, headers=SAME_SITE).status_code == 400
