"""The web app through FastAPI's TestClient: pages, the JSON API and its agreement with the CLI."""

import html
import json
import re
from html.parser import HTMLParser

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

import storyline  # noqa: E402
from storyline.cli import app as cli  # noqa: E402
from storyline.export import PASSAGE_CHARS, short_date, source_label  # noqa: E402
from storyline.web import limits  # noqa: E402
from storyline.web import create_app  # noqa: E402
from test_export import opened_lines  # noqa: E402

runner = CliRunner()

ARTICLE = """Lakeside ferry service resumes

By Mira Holt | 14 June 2024 | Torvik Evening Star

TORVIK — The lakeside ferry between Torvik and Lessing resumed service on Wednesday after four months of repairs to the landing stages damaged in the February flood, the harbour office said.

The first crossing carried 140 passengers, many of them commuters who had driven around the lake since the winter.
"""


@pytest.fixture(scope="module")
def client(sample_store):
    """A client over the sample store, for tests that only read."""
    return TestClient(create_app(sample_store))


def cli_json(*args):
    result = runner.invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


class ElementText(HTMLParser):
    """The text inside the element with a given id, leaving out elements of one class."""

    def __init__(self, element_id: str, skip_class: str):
        super().__init__()
        self.element_id, self.skip_class = element_id, skip_class
        self.depth = self.skip = 0
        self.classes: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth:
            self.depth += 1
            if self.skip or self.skip_class in (attrs.get("class") or "").split():
                self.skip += 1
        elif attrs.get("id") == self.element_id:
            self.depth, self.classes = 1, (attrs.get("class") or "").split()

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            self.skip = max(0, self.skip - 1) if self.skip else 0

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.text.append(data)


def element_text(page: str, element_id: str, skip_class: str = "tx-value") -> tuple[list[str], str]:
    parser = ElementText(element_id, skip_class)
    parser.feed(page)
    return parser.classes, "".join(parser.text)


# -- the JSON API is the CLI's JSON contract ------------------------------------------------

def test_api_timeline_documents_and_duplicates_equal_the_cli_json(client, sample_store):
    db = str(sample_store)
    assert client.get("/api/timeline").json() == cli_json("timeline", "--db", db, "--format", "json")
    assert client.get("/api/documents").json() == cli_json("documents", "--db", db, "--format", "json")
    assert client.get("/api/duplicates").json() == cli_json("duplicates", "--db", db, "--format", "json")
    narrowed = client.get("/api/timeline", params={"q": "tribunal", "dates": 3, "sentences": 1}).json()
    assert narrowed == cli_json("timeline", "--db", db, "--format", "json", "--query", "tribunal", "--dates", "3",
                                "--sentences", "1")
    assert 0 < len(narrowed["entries"]) <= 3
    for method in ("datewise", "pubcount"):
        bounded = client.get("/api/timeline", params={"method": method, "from": "2022-01-01", "to": "2022-12-31"}).json()
        assert bounded == cli_json("timeline", "--db", db, "--format", "json", "--method", method, "--from", "2022-01-01",
                                   "--to", "2022-12-31")
        assert bounded["entries"] and all(e["date"].startswith("2022") for e in bounded["entries"])
    assert client.get("/api/timeline", params={"method": "nonsense"}).status_code == 422
    assert client.get("/api/timeline", params={"from": "2022-13-01"}).status_code == 422


def test_api_article_is_the_documents_contract_for_one_document(client, sample_store):
    docs = cli_json("documents", "--db", str(sample_store), "--format", "json")
    for doc in docs[:5]:
        assert client.get(f"/api/articles/{doc['id']}").json() == doc
    annotations = client.get(f"/api/articles/{docs[0]['id']}/annotations").json()
    text = docs[0]["text"]
    assert annotations["sentences"] and all(text[s["start"]:s["end"]] == s["text"] for s in annotations["sentences"])
    assert all(text[m["start"]:m["end"]] == m["text"] for m in annotations["timexes"])


def test_annotations_say_how_each_sentence_is_dated_and_why_one_is_never_a_line(client):
    timeline = client.get("/api/timeline").json()
    cited = {(s["document"], s["sentence"]) for e in timeline["entries"] for line in e["summary"] for s in line["sources"]}
    doc_id, index = sorted(cited)[0]
    sentences = client.get(f"/api/articles/{doc_id}/annotations").json()["sentences"]
    line = next(s for s in sentences if s["index"] == index)["timeline"]
    assert line["refused"] is None and line["kind"] in ("report", "state") and line["reason"]
    for s in sentences:
        t = s["timeline"]
        assert t["kind"] in ("report", "preview", "state", "none")
        assert (t["date"] is None) == (t["granularity"] is None)


def test_openapi_schema_lists_the_api(client):
    schema = client.get("/openapi.json").json()
    for path in ("/api/timeline", "/api/articles/{doc_id}", "/api/search", "/api/documents", "/api/duplicates"):
        assert path in schema["paths"]
    assert "post" in schema["paths"]["/api/documents"]
    assert "multipart/form-data" in schema["paths"]["/api/documents"]["post"]["requestBody"]["content"]


# -- timeline page ---------------------------------------------------------------------------

def test_timeline_page_groups_by_year_and_month_and_shows_granularity(client):
    data = client.get("/api/timeline").json()
    page = client.get("/").text
    years = sorted({e["date"][:4] for e in data["entries"]})
    assert [m for m in re.findall(r'<section class="year" id="y(\d{4})"', page)] == years
    for entry in data["entries"]:
        assert f'class="entry gran-{entry["granularity"]}" id="d{entry["date"]}"' in page
        if entry["granularity"] == "day":
            assert f'<time datetime="{entry["date"]}"' in page
    month_entries = [e for e in data["entries"] if e["granularity"] == "month"]
    assert month_entries, "the sample timeline has month-only dates"
    block = page.split(f'id="d{month_entries[0]["date"]}"')[1].split('<div class="what">')[0]
    assert re.search(r'<span class="gran" title="[^"]*: the sources name only the month">month</span>', block) and "<time" not in block
    # month headings: every month with a day entry gets one
    for entry in data["entries"]:
        if entry["granularity"] == "day":
            month = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                     "October", "November", "December"][int(entry["date"][5:7]) - 1]
            assert f'<h3 class="period-head">{month}</h3>' in page


def test_timeline_counts_a_story_and_its_versions_as_one_source(client):
    docs = {d["id"]: d for d in client.get("/api/documents").json()}
    data = client.get("/api/timeline").json()
    page = client.get("/").text
    shown = {line["text"]: (line["count"], line["chips"]) for line in opened_lines(page)}
    several_versions = 0
    for entry in [*data["entries"], *data["undated"]]:
        for line in entry["summary"]:
            groups = {docs[s["document"]]["group"] or s["document"] for s in line["sources"]}
            assert shown[line["text"]] == (len(groups), len(groups))
            several_versions += len(line["sources"]) > len(groups)
    assert several_versions, "some line cites several versions of one story"


def test_timeline_citations_link_to_the_cited_sentence(client):
    data = client.get("/api/timeline").json()
    page = client.get("/").text
    source = data["entries"][0]["summary"][0]["sources"][0]
    assert f'href="/articles/{source["document"]}?sentence={source["sentence"]}#s{source["sentence"]}"' in page


def test_a_line_opens_to_its_sentence_in_its_paragraph_with_every_source(client, sample_store):
    data = client.get("/api/timeline").json()
    page = client.get("/").text
    lines = {line["text"]: line for line in opened_lines(page)}
    docs = {}
    several = 0
    for entry in [*data["entries"], *data["undated"]]:
        for line in entry["summary"]:
            shown = lines[line["text"]]
            assert shown["details"] == '<details class="in-context" name="line">'  # closed, one open at a time
            assert len(shown["sources"]) == len(line["sources"])
            several += len(line["sources"]) > 1
            for n, (source, cited) in enumerate(zip(shown["sources"], line["sources"])):
                doc_id, index = cited["document"], cited["sentence"]
                doc = docs.setdefault(doc_id, storyline.document(sample_store, doc_id))
                sentence = next(s for s in doc.sentences if s.index == index)
                assert source["lead"] == (n == 0)
                assert source["outlet"] == source_label(doc) and source["title"] == (doc.title or "Untitled document")
                assert source["published"] == (doc.published.isoformat() if doc.published else None)
                assert source["date"] == (short_date(doc) or "")
                assert source["sentence"] == " ".join(sentence.text.split())
                assert source["links"][0] == f"/articles/{doc_id}?sentence={index}#s{index}"
                if n == 0:  # the representative: the sentence inside its paragraph
                    paragraph = [s for s in doc.sentences if s.paragraph == sentence.paragraph]
                    whole = " ".join(" ".join(s.text for s in paragraph).split())
                    if len(whole) <= PASSAGE_CHARS:
                        assert source["passage"] == whole
                    else:
                        assert source["sentence"] in source["passage"]
                else:  # the others: their own sentence, and a link to it in the article
                    assert source["passage"] == source["sentence"]
    assert several, "some line has several sources"
    assert "open" not in re.findall(r"<details[^>]*>", page)[0]


def test_undated_material_has_its_own_section(client):
    data = client.get("/api/timeline").json()
    page = client.get("/").text
    assert data["undated"]
    undated = page.split('id="undated"')[1]
    for entry in data["undated"]:
        for line in entry["summary"]:
            assert html.escape(line["text"], quote=False) in undated


def test_a_query_narrows_the_timeline(client, sample_store):
    page = client.get("/", params={"q": "territorial dispute OR tribunal"}).text
    matching = client.get("/api/search", params={"q": "territorial dispute OR tribunal"}).json()["total"]
    n_total = len(client.get("/api/documents").json())
    assert f"Only documents matching <q>territorial dispute OR tribunal</q>: {matching} of {n_total}" in page
    data = client.get("/api/timeline", params={"q": "territorial dispute OR tribunal"}).json()
    cited = {s["document"] for e in [*data["entries"], *data["undated"]] for line in e["summary"] for s in line["sources"]}
    assert f"citing {len(cited)} documents" in page
    assert client.get("/timeline", params={"q": "tribunal"}).text == client.get("/", params={"q": "tribunal"}).text
    everything = client.get("/api/timeline").json()
    narrowed = client.get("/api/timeline", params={"q": "tribunal"}).json()
    tribunal_docs = {d["id"] for d in cli_json("documents", "--db", str(sample_store), "--format", "json")
                     if "tribunal" in (d["text"] + " " + (d["title"] or "")).lower()}
    cited = {s["document"] for e in narrowed["entries"] for line in e["summary"] for s in line["sources"]}
    assert cited and cited <= tribunal_docs
    assert narrowed != everything


def test_dates_from_and_to_bound_the_timeline_page(client):
    page = client.get("/", params={"from": "2023-01-01", "to": "2023-12-31", "method": "datewise"}).text
    assert re.findall(r'<section class="year" id="y(\d{4})"', page) == ["2023"]
    assert "Dates from 2023-01-01 to 2023-12-31" in page and "Method: datewise" in page
    assert '<input type="hidden" name="method" value="datewise">' in page
    assert 'name="from" value="2023-01-01"' in page


def test_an_empty_store_says_so(tmp_path):
    client = TestClient(create_app(tmp_path / "new.db"))
    page = client.get("/")
    assert page.status_code == 200 and "The store is empty" in page.text
    assert client.get("/api/timeline").json() == {"entries": [], "undated": []}


# -- article page ----------------------------------------------------------------------------

def group_member(client):
    groups = client.get("/api/duplicates").json()
    return next(g for g in groups if len(g["members"]) >= 3)


def test_article_page_highlights_the_cited_sentence_and_shows_metadata(client):
    group = group_member(client)
    doc_id = group["representative"]
    doc = client.get(f"/api/articles/{doc_id}").json()
    sentences = client.get(f"/api/articles/{doc_id}/annotations").json()["sentences"]
    page = client.get(f"/articles/{doc_id}", params={"sentence": 2}).text
    classes, shown = element_text(page, "s2")
    assert classes == ["s", "cited"] and shown == sentences[2]["text"]
    assert page.count('class="s cited"') == 1
    assert element_text(page, "s3") == (["s"], sentences[3]["text"])
    for key in ("title", "byline", "dateline"):
        assert html.escape(doc[key]) in page
    assert doc["published"] in page


def test_article_page_marks_resolved_dates_in_the_text(client):
    group = group_member(client)
    doc_id = group["representative"]
    timexes = client.get(f"/api/articles/{doc_id}/annotations").json()["timexes"]
    page = client.get(f"/articles/{doc_id}").text
    day = next(m for m in timexes if m["type"] == "DATE" and m["granularity"] == "day")
    y, mo, d = day["value"].split("-")
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]
    assert re.search(rf'<span class="tx" title="date {day["value"]}[^"]*">{re.escape(day["text"])}'
                     rf'<span class="tx-value">{int(d)} {months[int(mo) - 1]} {y}</span></span>', page)


def test_article_page_shows_its_group_with_reasons_and_what_cleaning_removed(client):
    group = group_member(client)
    doc_id = group["representative"]
    doc = client.get(f"/api/articles/{doc_id}").json()
    page = client.get(f"/articles/{doc_id}").text
    side = page.split("Same story")[1].split("</section>")[0]
    for member in group["members"]:
        assert html.escape(member["reason"]) in side
        if member["document"] != doc_id:
            assert f'href="/articles/{member["document"]}"' in side
    assert doc["removed"]
    removed = page.split('<details class="removed">')[1].split("</details>")[0]
    assert f"What cleaning removed · {len(doc['removed'])} blocks" in removed
    assert html.escape(doc["removed"][0]["reason"]) in removed


def test_unknown_article_and_sentence(client):
    assert client.get("/articles/0123456789abcdef").status_code == 404
    assert client.get("/api/articles/0123456789abcdef").json()["detail"].startswith("No document")
    doc_id = client.get("/api/documents").json()[0]["id"]
    page = client.get(f"/articles/{doc_id}", params={"sentence": 9999})
    assert page.status_code == 200 and "has no sentence 9999" in page.text and "s cited" not in page.text
    assert client.get(f"/articles/{doc_id}", params={"sentence": -1}).status_code == 422


# -- search ----------------------------------------------------------------------------------

def test_search_ranks_articles_and_sentences_with_match_offsets(client):
    data = client.get("/api/search", params={"q": "tribunal"}).json()
    assert data["total"] >= 3 and len(data["results"]) == min(data["total"], 20)
    scores = [r["score"] for r in data["results"]]
    assert scores == sorted(scores)  # bm25: lower is better
    for result in data["results"]:
        for part in [result["title"], result["snippet"], *[s["text"] for s in result["sentences"]]]:
            for start, end in part["matches"]:
                assert part["text"][start:end].lower() == "tribunal"
        assert result["sentences"]
        doc = client.get(f"/api/articles/{result['document']['id']}/annotations").json()
        for hit in result["sentences"]:
            assert doc["sentences"][hit["sentence"]]["text"] == hit["text"]["text"]


def test_search_stems_and_pages(client):
    data = client.get("/api/search", params={"q": "rulings"}).json()  # porter: ruling, ruled, rules
    words = {r["snippet"]["text"][s:e].lower() for r in data["results"] for s, e in r["snippet"]["matches"]}
    assert words & {"ruled", "rules", "ruling"}
    first = client.get("/api/search", params={"q": "dam", "limit": 2}).json()
    second = client.get("/api/search", params={"q": "dam", "limit": 2, "offset": 2}).json()
    assert len(first["results"]) == 2 and first["total"] > 4
    assert {r["document"]["id"] for r in first["results"]}.isdisjoint(r["document"]["id"] for r in second["results"])


def test_search_page_marks_matches_and_links_sentences_and_timeline(client):
    page = client.get("/search", params={"q": "tribunal"}).text
    assert re.search(r"<mark>[Tt]ribunal</mark>", page)
    assert re.search(r'href="/articles/[0-9a-f]{16}\?sentence=\d+#s\d+"', page)
    assert 'href="/?q=tribunal"' in page
    assert "Search the articles" in client.get("/search").text


@pytest.mark.parametrize("query", ['"unbalanced', "Kessel-dam", "AND", "title:", "(", "*", "Article 9's", "foo:bar"])
def test_fts_syntax_errors_are_400_with_a_message(client, query):
    api = client.get("/api/search", params={"q": query})
    assert api.status_code == 400 and "invalid search query" in api.json()["detail"]
    assert client.get("/api/timeline", params={"q": query}).status_code == 400
    for url in ("/search", "/"):
        page = client.get(url, params={"q": query})
        assert page.status_code == 400 and "The query could not be run" in page.text


def test_a_failed_query_suggests_quoting_the_words(client):
    page = client.get("/search", params={"q": "Kessel-dam"}).text
    assert 'href="/search?q=%22Kessel-dam%22"' in page
    assert client.get("/api/search", params={"q": '"Kessel-dam"'}).json()["total"] > 0


# -- documents, duplicates, uploads ----------------------------------------------------------

def test_documents_and_duplicates_pages_list_the_store(client):
    docs = client.get("/api/documents").json()
    page = client.get("/documents").text
    assert f"{len(docs)} documents" in page
    for doc in docs:
        assert f'href="/articles/{doc["id"]}"' in page
    groups = client.get("/api/duplicates").json()
    page = client.get("/duplicates").text
    for group in groups:
        for member in group["members"]:
            assert html.escape(member["reason"]) in page


def listed_ids(page: str) -> list[str]:
    return re.findall(r'<td class="title"><a href="/articles/([0-9a-f]+)"', page)


def test_documents_page_comes_in_pages(sample_store, monkeypatch):
    monkeypatch.setattr(limits, "DOCUMENTS_PAGE", 10)
    client = TestClient(create_app(sample_store))
    everything = [d["id"] for d in client.get("/api/documents").json()]
    assert len(everything) == 29
    seen = []
    for number in (1, 2, 3):
        response = client.get("/documents", params={"page": number})
        assert response.status_code == 200
        page = response.text
        ids = listed_ids(page)
        assert len(ids) == (10 if number < 3 else 9)
        seen += ids
        assert "<h1>29 documents</h1>" in page and f"page {number} of 3" in page
        assert f"<strong>{(number - 1) * 10 + 1}–{(number - 1) * 10 + len(ids)}</strong> of 29" in page
        assert '<form class="upload" action="/documents" method="post"' in page  # the upload form on every page
        assert "Files that could not be stored · 1" in page
        previous = re.search(r'<a class="button secondary" href="([^"]*)" rel="prev">', page)
        following = re.search(r'<a class="button secondary" href="([^"]*)" rel="next">', page)
        assert (previous and previous.group(1)) == {1: None, 2: "/documents", 3: "/documents?page=2"}[number]
        assert (following and following.group(1)) == {1: "/documents?page=2", 2: "/documents?page=3", 3: None}[number]
    assert seen == everything  # the order of `storyline documents`, each document once
    assert listed_ids(client.get("/documents").text) == everything[:10]
    past = client.get("/documents", params={"page": 4})
    assert past.status_code == 404 and "There is no page 4 of documents" in past.text and "3 pages of 10" in past.text
    for bad in ("0", "-1", "two"):
        assert client.get("/documents", params={"page": bad}).status_code == 422
    monkeypatch.setattr(limits, "DOCUMENTS_PAGE", 100)
    page = client.get("/documents").text
    assert listed_ids(page) == everything and 'rel="next"' not in page and "page 1 of" not in page


def test_documents_page_caps_the_failed_files(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "ERRORS_SHOWN", 2)
    client = TestClient(create_app(tmp_path / "s.db"))
    assert upload(client, *[(f"empty-{n}.txt", b"", "text/plain") for n in range(5)]).status_code == 422
    assert len(client.get("/api/errors").json()) == 5
    page = client.get("/documents")
    assert page.status_code == 200 and "<h1>0 documents</h1>" in page.text
    assert "Files that could not be stored · 5" in page.text and "… and 3 more" in page.text
    assert page.text.count("empty file") == 2 and 'href="/api/errors"' in page.text
    assert client.get("/documents", params={"page": 2}).status_code == 404


def test_api_documents_takes_limit_and_offset(client, sample_store):
    everything = client.get("/api/documents").json()
    assert everything == cli_json("documents", "--db", str(sample_store), "--format", "json")
    assert "x-total-count" not in client.get("/api/documents").headers
    response = client.get("/api/documents", params={"limit": 5, "offset": 3})
    assert response.json() == everything[3:8] and response.headers["x-total-count"] == str(len(everything))
    assert client.get("/api/documents", params={"offset": 27}).json() == everything[27:]
    assert client.get("/api/documents", params={"offset": 1000}).json() == []
    assert client.get("/api/documents", params={"limit": 0}).status_code == 422
    assert client.get("/api/documents", params={"offset": -1}).status_code == 422
    assert [d.id for d in storyline.documents(sample_store, limit=4, offset=2)] == [d["id"] for d in everything[2:6]]


def upload(client, *files, url="/api/documents"):
    return client.post(url, files=[("files", f) for f in files])


def test_upload_builds_the_file_and_records_its_name(store_copy):
    client = TestClient(create_app(store_copy))
    before = len(client.get("/api/documents").json())
    assert client.get("/api/timeline", params={"q": '"landing stages"'}).json() == {"entries": [], "undated": []}
    response = upload(client, ("lakeside-ferry.txt", ARTICLE.encode(), "text/plain"))
    assert response.status_code == 200, response.text
    body = response.json()
    assert [d["path"] for d in body["added"]] == ["lakeside-ferry.txt"]
    assert body["added"][0]["title"] == "Lakeside ferry service resumes" and body["errors"] == []
    assert body["documents"] == before + 1
    doc = client.get(f"/api/articles/{body['added'][0]['id']}").json()
    assert doc["paths"] == ["lakeside-ferry.txt"] and doc["published"] == "2024-06-14"
    timeline = client.get("/api/timeline", params={"q": '"landing stages"'}).json()  # not the one from before
    assert any(s["document"] == doc["id"] for e in timeline["entries"] for line in e["summary"] for s in line["sources"])
    again = upload(client, ("copy.txt", ARTICLE.encode(), "text/plain")).json()
    assert again["added"] == [] and [d["id"] for d in again["unchanged"]] == [doc["id"]]
    assert client.get(f"/api/articles/{doc['id']}").json()["paths"] == ["lakeside-ferry.txt", "copy.txt"]


def test_upload_of_json_and_jsonl_records(tmp_path):
    client = TestClient(create_app(tmp_path / "s.db"))
    records = [{"title": "Ferry resumes", "published": "2024-06-12", "source": "Star", "text": ARTICLE},
               {"title": "Second", "published": "2024-06-13", "text": "The harbour office reopened on Thursday."}]
    body = upload(client, ("feed.json", json.dumps(records).encode(), "application/json"),
                  ("feed.jsonl", (json.dumps({"text": "Farmers met on Monday to plan the harvest.",
                                              "published": "2024-06-10"}) + "\n").encode(), "application/jsonl")).json()
    assert sorted(d["path"] for d in body["added"]) == ["feed.json#1", "feed.json#2", "feed.jsonl#1"]
    assert {d["source"] for d in body["added"]} >= {"Star"}


def test_html_upload_form_shows_what_was_added(store_copy):
    client = TestClient(create_app(store_copy))
    page = upload(client, ("ferry.txt", ARTICLE.encode(), "text/plain"), url="/documents")
    assert page.status_code == 200
    assert "Added 1 document" in page.text and "Lakeside ferry service resumes" in page.text
    assert '<tr class="new">' in page.text


def test_upload_errors_are_reported_per_file(tmp_path):
    client = TestClient(create_app(tmp_path / "s.db"))
    response = upload(client, ("empty.txt", b"", "text/plain"), ("bad.jsonl", b"{not json\n", "application/jsonl"))
    assert response.status_code == 422
    errors = {e["path"]: e["reason"] for e in response.json()["errors"]}
    assert errors["empty.txt"] == "empty file" and "not a JSON object" in errors["bad.jsonl#1"]
    mixed = upload(client, ("ok.txt", ARTICLE.encode(), "text/plain"), ("empty.txt", b"", "text/plain"))
    assert mixed.status_code == 200 and len(mixed.json()["added"]) == 1 and len(mixed.json()["errors"]) == 1
    page = upload(client, ("empty.txt", b"", "text/plain"), url="/documents")
    assert page.status_code == 422 and "empty file" in page.text


def test_serve_refuses_a_file_that_is_not_a_store(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("just some text, not SQLite")
    result = runner.invoke(cli, ["serve", "--db", str(bad)])
    assert result.exit_code == 2 and "not a storyline database" in result.output.replace("\n", " ")


def test_static_export_uses_the_web_templates(sample_store, client):
    from storyline.export import timeline_to_html
    import storyline

    tl, docs = storyline.timeline(sample_store)
    export = timeline_to_html(tl, docs, title="Sample")
    web = client.get("/").text
    css = client.get("/static/storyline.css").text
    assert css.strip() and css.strip() in export

    def body(page):
        """The timeline without what opening a line shows (links on the web, paragraphs in the
        export) and with the web's chip links as the export's plain chips."""
        part = page.split('<div class="timeline">')[1].split("</div><!-- /timeline -->")[0]
        part = re.sub(r'<div class="context">.*?</details>', "</details>", part, flags=re.S)
        part = re.sub(r'<a href="[^"]*" title=', '<span class="chip-source" title=', part)
        part = re.sub(r'<a class="chip-version" href="[^"]*"', '<span class="chip-version"', part)
        return part.replace("</a>", "</span>")

    assert body(export) == body(web) and 'class="entry gran-day"' in body(web)
    exported, shown = opened_lines(export), opened_lines(web)
    assert [line["text"] for line in exported] == [line["text"] for line in shown]
    for ex, sh in zip(exported, shown):
        assert [s["sentence"] for s in ex["sources"]] == [s["sentence"] for s in sh["sources"]]
        assert ex["sources"][0]["passage"] == sh["sources"][0]["passage"]
        assert all(link.startswith(("http://", "https://")) for s in ex["sources"] for link in s["links"])


def test_serve_listens_on_loopback_and_warns_when_bound_elsewhere(tmp_path, monkeypatch):
    import uvicorn

    served = []
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, **kw: served.append((self.config.app, self.config.host,
                                                                                  self.config.port)))
    db = str(tmp_path / "story.db")
    result = runner.invoke(cli, ["serve", "--db", db])
    assert result.exit_code == 0, result.output
    app, host, port = served[-1]
    assert (host, port) == ("127.0.0.1", 8000)
    said = " ".join(result.output.split())
    assert "warning" not in said and "created an empty one" in said and "at http://127.0.0.1:8000/" in said
    local = TestClient(app, base_url="http://127.0.0.1:8000")
    assert local.get("/").status_code == 200
    assert local.get("/", headers={"host": "attacker.example"}).status_code == 400  # DNS rebinding

    result = runner.invoke(cli, ["serve", "--db", db, "--host", "0.0.0.0", "--port", "8123",
                                 "--allow-host", "story.example"])
    assert result.exit_code == 0 and served[-1][1:] == ("0.0.0.0", 8123)
    said = " ".join(result.output.split())
    assert "warning: listening on 0.0.0.0, not on loopback" in said and "story.example" in said
    assert TestClient(served[-1][0], base_url="http://story.example:8123").get("/").status_code == 200
    assert TestClient(served[-1][0], base_url="http://127.0.0.1:8123").get("/").status_code == 200
    # bound to every address, the server still answers only to its own names: no DNS rebinding
    assert TestClient(served[-1][0], base_url="http://attacker.example:8123").get("/").status_code == 400


def test_previews_are_left_out_unless_asked_for(client):
    default = client.get("/api/timeline").json()
    with_previews = client.get("/api/timeline", params={"previews": "true"}).json()
    def lines(tl):
        return {(s["document"], s["sentence"]) for e in tl["entries"] for x in e["summary"] for s in x["sources"]}
    assert lines(default) != lines(with_previews)
    page = client.get("/", params={"previews": "true"}).text
    assert 'name="previews" value="true" checked' in page
