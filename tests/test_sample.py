"""The bundled sample corpus against its answer key, written by hand (tests/fixtures/sample_key.json).

The key says, per file, what a careful editor would extract, which files are one story,
which dates the story has and what each relative date expression means.
"""

import json
from pathlib import Path

import pytest

import storyline
from storyline.contract import timeline_to_dict

from conftest import FIXTURES, SAMPLE

KEY = json.loads((FIXTURES / "sample_key.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    db = tmp_path_factory.mktemp("sample") / "s.db"
    report = storyline.build([SAMPLE], db=db)
    docs = storyline.documents(db, with_sentences=True)
    by_path = {relative(p): d for d in docs for p in d.paths}
    return db, report, docs, by_path


def relative(path: str) -> str:
    """A stored path relative to the corpus folder, keeping a JSONL record's ``#line``."""
    file, sep, line = path.partition("#")
    return Path(file).resolve().relative_to(SAMPLE.resolve()).as_posix() + sep + line


def test_only_the_page_without_an_article_is_rejected(built):
    _, report, _, _ = built
    rejected = {relative(e.path): e.reason for e in report.errors}
    assert set(rejected) == set(KEY["rejected"])
    assert all("no article" in reason for reason in rejected.values())


def test_every_file_in_the_key_is_stored(built):
    _, _, _, by_path = built
    assert set(KEY["documents"]) <= set(by_path)


@pytest.mark.parametrize("field", ["title", "published", "byline", "dateline", "source"])
def test_metadata_matches_the_key(built, field):
    _, _, _, by_path = built
    wrong = {}
    for path, expected in KEY["documents"].items():
        if field not in expected:
            continue
        doc = by_path[path]
        got = getattr(doc, field)
        if field == "published" and got is not None:
            got = got.isoformat()
        if got != expected[field]:
            wrong[path] = (got, expected[field])
    assert wrong == {}


def test_clean_bodies_start_and_end_where_the_article_does(built):
    _, _, _, by_path = built
    wrong = {}
    for path, expected in KEY["documents"].items():
        text = by_path[path].text
        if "body_starts" in expected and not text.startswith(expected["body_starts"]):
            wrong[path + " start"] = text[:60]
        if "body_ends" in expected and not text.endswith(expected["body_ends"]):
            wrong[path + " end"] = text[-60:]
        for furniture in expected.get("must_not_contain", []):
            if furniture in text:
                wrong[path + " contains"] = furniture
    assert wrong == {}


def test_paragraphs_are_separated_by_one_blank_line(built):
    _, _, docs, _ = built
    for doc in docs:
        assert "\n\n\n" not in doc.text and doc.text == doc.text.strip()


def test_identical_files_are_one_document_with_every_path(built):
    _, _, _, by_path = built
    for paths in KEY.get("identical_paths", []):
        ids = {by_path[p].id for p in paths}
        assert len(ids) == 1, paths
        assert len(by_path[paths[0]].paths) >= len(paths)


def test_versions_and_reposts_are_grouped_with_the_right_representative(built):
    _, _, _, by_path = built
    for group in KEY["groups"]:
        members = [by_path[p] for p in group["members"]]
        ids = {m.group for m in members}
        assert len(ids) == 1 and None not in ids, (group["members"], [m.group for m in members])
        rep = by_path[group["representative"]]
        assert rep.relation == "representative", group


def test_different_stories_are_not_grouped(built):
    _, _, _, by_path = built
    for a, b, *why in KEY["not_grouped"]:
        ga, gb = by_path[a].group, by_path[b].group
        assert ga is None or ga != gb, (a, b, why)


def test_undated_files_get_no_publication_date(built):
    _, _, _, by_path = built
    for path in KEY["undated_files"]:
        assert by_path[path].published is None, path


def test_relative_dates_resolve_as_the_key_says(built):
    _, _, _, by_path = built
    wrong = {}
    for item in KEY["relative_dates"]:
        doc = by_path[item["file"]]
        found = [m for m in doc.mentions if m.text == item["text"]]
        if not found:
            wrong[f'{item["file"]}: {item["text"]}'] = "not found"
            continue
        values = {m.value for m in found}
        if item["value"] not in values:
            wrong[f'{item["file"]}: {item["text"]}'] = sorted(values, key=str)
    assert wrong == {}


def test_the_timeline_finds_the_story_dates_with_their_sources(built):
    db, _, _, by_path = built
    tl, by_id = storyline.timeline(db)
    entries = {e.date: e for e in tl.entries}
    missing = [e["date"] for e in KEY["events"] if e["date"] not in entries]
    assert missing == []
    for event in KEY["events"]:
        cited = {s.document for line in entries[event["date"]].summary for s in line.sources}
        reporters = {by_path[p].id for p in event["reported_by"]}
        assert cited & reporters, event


def test_every_timeline_line_cites_a_real_sentence_and_undated_files_stay_apart(built):
    db, _, _, by_path = built
    tl, by_id = storyline.timeline(db)
    undated_ids = {by_path[p].id for p in KEY["undated_files"]}
    for entry in tl.entries:
        assert entry.date is not None
        for line in entry.summary:
            assert line.sources
            for src in line.sources:
                doc = by_id[src.document]
                sent = doc.sentences[src.sentence]
                assert doc.text[sent.start:sent.end] == sent.text
                if doc.id in undated_ids:
                    # an undated document may only support a date it names absolutely
                    mentions = [m for m in storyline.document(db, doc.id).mentions
                                if m.sentence == src.sentence and m.value]
                    assert all(m.anchor is None for m in mentions)
                    assert any(m.value.startswith(entry.date) for m in mentions)
    data = timeline_to_dict(tl)
    assert [e["date"] for e in data["entries"]] == sorted(e["date"] for e in data["entries"])
