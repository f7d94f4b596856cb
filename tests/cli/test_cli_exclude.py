"""``storyline exclude``: an editor's exclusions from the command line."""

import json

from typer.testing import CliRunner

from storyline.cli import app

runner = CliRunner()


def cited(db):
    """Each timeline line's citations, as the JSON timeline gives them."""
    data = json.loads(runner.invoke(app, ["timeline", "--db", db, "--format", "json"]).stdout)
    return [[f"{s['document']}#{s['sentence']}" for s in line["sources"]]
            for entry in data["entries"] for line in entry["summary"]]


def test_exclude_lists_and_restores_lines(store_copy):
    db = str(store_copy)
    before = cited(db)
    refs = before[0]
    result = runner.invoke(app, ["exclude", *refs, "--db", db, "--reason", "not-an-event", "--note", "background"])
    assert result.exit_code == 0, result.output
    assert "excluded from the timeline" in " ".join(result.output.split())
    assert refs not in cited(db)
    told = runner.invoke(app, ["timeline", "--db", db])
    assert f"{len(refs)} lines excluded by an editor not shown" in " ".join(told.output.split())
    listed = json.loads(runner.invoke(app, ["exclude", "--db", db, "--format", "json"]).stdout)
    assert sorted(x["line"] for x in listed) == sorted(refs)
    assert {(x["reason"], x["note"]) for x in listed} == {("not-an-event", "background")}
    table = runner.invoke(app, ["exclude", "--db", db])
    assert table.exit_code == 0 and "not-an-event" in table.stdout
    assert runner.invoke(app, ["exclude", *refs, "--db", db, "--restore"]).exit_code == 0
    assert cited(db) == before


def test_exclude_refuses_a_line_it_cannot_find_and_a_reason_it_does_not_know(store_copy):
    db = str(store_copy)
    missing = runner.invoke(app, ["exclude", "nosuch#2", "--db", db])
    assert missing.exit_code == 2 and "no sentence nosuch#2" in missing.output
    badly = runner.invoke(app, ["exclude", "nosuch", "--db", db])
    assert badly.exit_code == 2 and "DOCUMENT#SENTENCE" in badly.output
    assert runner.invoke(app, ["exclude", "nosuch#2", "--db", db, "--reason", "boring"]).exit_code != 0
    assert runner.invoke(app, ["exclude", "--restore", "--db", db]).exit_code == 2


def test_exclude_articles_takes_every_line_of_them_out(store_copy):
    db = str(store_copy)
    before = cited(db)
    document = before[0][0].split("#")[0]
    result = runner.invoke(app, ["exclude", "--articles", document, "--db", db, "--reason", "not-an-event"])
    assert result.exit_code == 0 and "1 article excluded" in " ".join(result.output.split())
    assert not any(r.startswith(document + "#") for refs in cited(db) for r in refs)
    listed = json.loads(runner.invoke(app, ["exclude", "--db", db, "--format", "json"]).stdout)
    assert [(x["document"], x["whole"], x["line"]) for x in listed] == [(document, True, None)]
    assert runner.invoke(app, ["exclude", "--articles", document, "--db", db, "--restore"]).exit_code == 0
    assert cited(db) == before
