"""storyline entities, timeline --entity and build --no-entities from the command line."""

import json

import pytest
from typer.testing import CliRunner

from storyline import nlp
from storyline.cli import app

pytestmark = pytest.mark.skipif(nlp.unavailable() is not None, reason="the English pipeline is not installed")

ARTICLE = """Talks on the river resume

Foreign Minister Sergei Antonov said on Monday, March 2, 2020, that the talks in Lisbon would go on.

The talks ended on Tuesday, March 3, 2020, without an agreement, officials in Lisbon said.
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("in")
    (folder / "a.txt").write_text(ARTICLE)
    db = folder / "s.db"
    result = CliRunner().invoke(app, ["build", str(folder / "a.txt"), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    return db


def test_entities_lists_kind_role_and_dates(db):
    result = CliRunner().invoke(app, ["entities", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0
    person = next(e for e in json.loads(result.stdout) if e["kind"] == "PERSON")
    assert person["name"] == "Sergei Antonov" and person["role"] == "foreign minister"
    assert person["first"] == person["last"] == "2020-03-02" or person["first"] is None
    table = CliRunner().invoke(app, ["entities", "--db", str(db), "--kind", "GPE"], env={"COLUMNS": "200"})
    assert table.exit_code == 0 and "Lisbon" in table.stdout and "Antonov" not in table.stdout


def test_timeline_of_one_entity_and_an_unknown_name(db):
    result = CliRunner().invoke(app, ["timeline", "--db", str(db), "--entity", "Antonov", "--format", "json"])
    assert result.exit_code == 0
    lines = [line["text"] for e in json.loads(result.stdout)["entries"] for line in e["summary"]]
    assert lines and all("Antonov" in text for text in lines)
    unknown = CliRunner().invoke(app, ["timeline", "--db", str(db), "--entity", "Nobody Atall"])
    assert unknown.exit_code == 2 and "no entity named" in unknown.output


def test_no_entities_says_so_and_stores_none(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    db = tmp_path / "s.db"
    result = CliRunner().invoke(app, ["build", str(tmp_path / "a.txt"), "--db", str(db), "--no-entities", "--quiet"])
    assert result.exit_code == 0
    listed = CliRunner().invoke(app, ["entities", "--db", str(db), "--format", "json"])
    assert json.loads(listed.stdout) == []
