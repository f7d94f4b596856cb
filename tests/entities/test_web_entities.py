"""The entity pages and their JSON, entity facets in search, the timeline of one entity, speakers shown."""

import pytest
from fastapi.testclient import TestClient

import storyline
from storyline import nlp
from storyline.web import create_app

pytestmark = pytest.mark.skipif(nlp.unavailable() is not None, reason="the English pipeline is not installed")

ARTICLE = """Talks on the river resume

Foreign Minister Sergei Antonov said on Monday, March 2, 2020, that the talks in Lisbon would go on.

"We will not <b>give up</b>," Antonov told reporters in Lisbon on Monday.
"""


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("in")
    (folder / "a.txt").write_text(ARTICLE)
    db = folder / "s.db"
    storyline.build([folder], db=db)
    return TestClient(create_app(db))


def test_the_entity_list_and_page_name_the_person_and_role(client):
    listed = client.get("/api/entities").json()
    person = next(e for e in listed if e["name"] == "Sergei Antonov")
    assert person["kind"] == "PERSON" and person["role"] == "foreign minister" and person["documents"] == 1
    page = client.get(f"/entities/{person['id']}")
    assert page.status_code == 200 and "Sergei Antonov" in page.text and "foreign minister" in page.text
    assert "<b>give up</b>" not in page.text  # article text is escaped wherever it is shown
    assert client.get("/entities").status_code == 200
    assert client.get("/api/entities/999999").status_code == 404


def test_search_shows_who_is_named_and_the_timeline_narrows_to_an_entity(client):
    assert "Sergei Antonov" in client.get("/search", params={"q": "talks"}).text
    lines = [line for e in client.get("/api/timeline", params={"entity": "Antonov"}).json()["entries"]
             for line in e["summary"]]
    assert lines and all("Antonov" in line["text"] for line in lines)
    assert client.get("/api/timeline", params={"entity": "Nobody Atall"}).status_code == 404


def test_markdown_and_html_say_who_a_line_quotes():
    from storyline.export import timeline_to_html, timeline_to_markdown
    from storyline.model import Source, SummaryLine, Timeline, TimelineEntry

    line = SummaryLine("We will not give up, the minister said.", [Source("d1", 0)], ["Sergei <Antonov>"])
    tl = Timeline([TimelineEntry("2020-03-02", "day", [line])], [])
    markdown = timeline_to_markdown(tl)
    assert "said by Sergei &lt;Antonov&gt;" in markdown and "<Antonov>" not in markdown  # escaped as text
    html = timeline_to_html(tl, {})
    assert "said by Sergei &lt;Antonov&gt;" in html and "<Antonov>" not in html
