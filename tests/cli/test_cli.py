"""The command line: thin layers over the API, JSON on stdout, messages on stderr."""

import json

from typer.testing import CliRunner

from storyline.cli import app

runner = CliRunner()

ARTICLE = """Kessel dam talks open

By Lena Hartmann | March 12, 2022 09:05 AM CET | Nordwire

KESSEL (Nordwire) — Negotiators from Veldra and Ostmark opened talks on Tuesday over the water held back by the Kessel dam, officials said.

The two governments have argued for years about how much water the reservoir may keep in the dry season, and farmers on both banks have protested since it began filling.

The delegations agreed to exchange flow data every week and to meet again on March 29, a step diplomats on both sides called modest but useful.

Share on Facebook
Copyright 2022 Nordwire. All rights reserved.
"""


def test_build_documents_and_timeline_json_contract(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    db = str(tmp_path / "s.db")
    result = runner.invoke(app, ["build", str(tmp_path), "--db", db, "-q"])
    assert result.exit_code == 3  # one document stored, one failed
    assert "holds 1 document (0 duplicate/version groups)" in " ".join(result.output.split())
    docs = json.loads(runner.invoke(app, ["documents", "--db", db, "--format", "json"]).stdout)
    assert len(docs) == 1
    doc = docs[0]
    for key in ("id", "path", "title", "published", "byline", "dateline", "source", "text", "group", "relation", "removed"):
        assert key in doc
    assert (doc["title"], doc["published"], doc["byline"], doc["dateline"]) == (
        "Kessel dam talks open", "2022-03-12", "Lena Hartmann", "KESSEL")
    assert {r["reason"] for r in doc["removed"]} >= {"share", "copyright"}
    assert "Share on Facebook" not in doc["text"]
    timeline = json.loads(runner.invoke(app, ["timeline", "--db", db, "--format", "json"]).stdout)
    dates = [e["date"] for e in timeline["entries"]]
    assert "2022-03-08" in dates  # "on Tuesday" before a Saturday publication
    for entry in timeline["entries"]:
        for line in entry["summary"]:
            assert line["sources"] and all(s["document"] == doc["id"] for s in line["sources"])


def test_timeline_html_is_written_to_a_file_and_escapes_text(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE.replace("officials said", "officials said <script>alert(1)</script>"),
                                    encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["build", str(tmp_path), "--db", db, "-q"]).exit_code == 0
    out = tmp_path / "t.html"
    result = runner.invoke(app, ["timeline", "--db", db, "--format", "html", "-o", str(out)])
    assert result.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_bad_fts_query_is_a_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "s.db")
    runner.invoke(app, ["build", str(tmp_path), "--db", db, "-q"])
    result = runner.invoke(app, ["timeline", "--db", db, "--query", '"unbalanced'])
    assert result.exit_code == 2
    assert "error" in result.stderr.lower()


def test_clean_writes_body_and_json_per_input(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "page.html").write_text(
        "<html><head><title>Dam</title></head><body><nav><a href='/'>Home</a></nav><article><h1>Dam</h1>"
        + "".join(f"<p>Paragraph {i} of the dam story says the flow data will be shared every week by both sides.</p>"
                  for i in range(4)) + "</article></body></html>", encoding="utf-8")
    result = runner.invoke(app, ["clean", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["page.json", "page.txt", "story.json", "story.txt"]
    data = json.loads((tmp_path / "out" / "story.json").read_text(encoding="utf-8"))
    body = (tmp_path / "out" / "story.txt").read_text(encoding="utf-8")
    assert body.rstrip("\n") == data["text"]
    assert data["text"].startswith("KESSEL (Nordwire)") and "\n\n" in data["text"]
    assert {"text": "Share on Facebook", "reason": "share"} in data["removed"]
    assert "Paragraph 3" in (tmp_path / "out" / "page.txt").read_text(encoding="utf-8")


def test_timex_json_offsets_index_the_input(tmp_path):
    text = "“Talks,” she said, “resume Friday and end Dec. 15 and 16.”"
    result = runner.invoke(app, ["timex", "--text", text, "--anchor", "2013-11-01", "--format", "json"])
    assert result.exit_code == 0
    found = json.loads(result.stdout)["timexes"]
    assert [(t["text"], t["value"]) for t in found] == [("Friday", "2013-11-01"), ("Dec. 15", "2013-12-15"),
                                                         ("16", "2013-12-16")]
    assert all(text[t["start"]:t["end"]] == t["text"] for t in found)
    stdin = runner.invoke(app, ["timex", "-", "--format", "json"], input="They met last year.")
    assert json.loads(stdin.stdout)["timexes"][0]["value"] is None  # no anchor, no guessed year


def test_timex_rejects_a_bad_anchor():
    result = runner.invoke(app, ["timex", "--text", "Friday", "--anchor", "next week"])
    assert result.exit_code == 2 and "not a date" in result.stderr


OTHER_OUTLET = """Torvik council backs flood plan

March 14, 2022

By Marta Kiel

Councillors in Torvik voted on Monday to spend more on flood defences along the lower river, after a winter of high water.

The two governments have argued for years about how much water the reservoir may keep in the dry season, and farmers on both banks have protested since it began filling.

Residents who lost property in last winter's floods said the money came too late for them, and asked for help with repairs.

The mayor said the town would ask the national government to pay for a third of the work on the quay wall.
"""


def test_duplicates_lists_groups_with_reasons_and_shared_paragraphs(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    trimmed = ARTICLE.split("\n\nThe delegations")[0] + "\n"
    (tmp_path / "b.txt").write_text(trimmed.replace("Kessel dam talks open", "Talks open in Kessel"), encoding="utf-8")
    (tmp_path / "c.txt").write_text(OTHER_OUTLET, encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["build", str(tmp_path), "--db", db, "-q"]).exit_code == 0
    ids = {d["path"].rsplit("/", 1)[-1]: d["id"] for d in
           json.loads(runner.invoke(app, ["documents", "--db", db, "--format", "json"]).stdout)}
    result = runner.invoke(app, ["duplicates", "--db", db, "--format", "json"])
    assert result.exit_code == 0
    (group,) = json.loads(result.stdout)
    assert group["representative"] == ids["a.txt"]
    trim = next(m for m in group["members"] if m["document"] == ids["b.txt"])
    assert (trim["relation"], trim["shared_paragraphs"], trim["containment"], trim["linked_to"]) == (
        "version", 2, 1.0, ids["a.txt"])
    assert trim["reason"].startswith("version: all 2 paragraphs")
    table = runner.invoke(app, ["duplicates", "--db", db])
    assert table.exit_code == 0 and table.stdout.startswith("1 groups in")
    shared = json.loads(runner.invoke(app, ["duplicates", "--db", db, "--paragraphs", "--format", "json"]).stdout)
    reused = next(p for p in shared if p["text"].startswith("The two governments have argued"))
    # the paragraph is in the wire story, its trim and the other outlet's article: three
    # documents, two independent sources; the wire story (published first) is listed first
    assert (reused["documents"], reused["sources"]) == (3, 2)
    assert reused["occurrences"][0]["document"] in (ids["a.txt"], ids["b.txt"])
    assert {o["document"] for o in reused["occurrences"]} == set(ids.values())


def test_timeline_formats_that_need_no_sentences_give_the_same_output(sample_store):
    import storyline
    from storyline.export import timeline_to_markdown

    full, with_sentences = storyline.timeline(sample_store)
    light, without = storyline.timeline(sample_store, with_sentences=False)
    assert set(with_sentences) == set(without) and all(not d.sentences for d in without.values())
    assert timeline_to_markdown(full, documents=with_sentences) == timeline_to_markdown(light, documents=without)
