"""The library API on its own: what the CLI and the web app call, checked without either."""

import datetime as dt
import json

import pytest

from storyline import api
from storyline.chronology import METHODS
from storyline.evaluate.tls import average_scores, score_timeline
from storyline.evaluate.tls_run import TopicResult, summary_row
from storyline.ingest import FILE_TYPES, TYPES_TEXT

ARTICLE = """Lakeside ferry service resumes

By Mira Holt | 14 June 2024 | Torvik Evening Star

TORVIK — The lakeside ferry between Torvik and Lessing resumed service on Wednesday after four months of repairs to the landing stages damaged in the February flood, the harbour office said.

The first crossing carried 140 passengers, many of them commuters who had driven around the lake since the winter.
"""


# -- choices the front ends offer ----------------------------------------------------------------

def test_the_choices_come_from_the_library():
    assert api.timeline_methods() == tuple(METHODS) and api.timeline_methods()[0] == "default"
    assert [m.value for m in api.TimelineMethod] == list(METHODS)
    assert api.TimelineMethod.__name__ == "Method"  # the name the OpenAPI schema shows
    assert api.TimelineMethod("pubcount").value == "pubcount"
    assert api.UPLOAD_SUFFIXES == tuple(FILE_TYPES)
    assert api.TYPES_TEXT == TYPES_TEXT
    assert all(suffix in api.TYPES_TEXT for suffix in (".txt", ".html", ".jsonl", ".json"))


# -- reading a store -----------------------------------------------------------------------------

def test_documents_pages_and_single_documents_agree(sample_store):
    docs = api.documents(sample_store)
    assert api.count_documents(sample_store) == len(docs) == 29
    assert [d.id for d in api.documents(sample_store, limit=5, offset=3)] == [d.id for d in docs[3:8]]
    assert api.documents(sample_store, offset=100) == []
    assert all(not d.sentences for d in docs)  # without sentences unless asked for
    one = api.document(sample_store, docs[0].id)
    assert one is not None and one.id == docs[0].id and one.sentences and one.text == docs[0].text
    assert api.document(sample_store, "0000000000000000") is None
    picked = api.documents(sample_store, ids=[docs[2].id, docs[0].id])
    assert {d.id for d in picked} == {docs[0].id, docs[2].id}


def test_duplicate_groups_name_their_members(sample_store):
    groups = api.duplicate_groups(sample_store)
    assert len(groups) == 3
    ids = {d.id for d in api.documents(sample_store)}
    for g in groups:
        assert g.members[0].document == g.representative and g.members[0].relation == "representative"
        assert {m.document for m in g.members} <= ids
        assert api.duplicate_group(sample_store, g.id) == g
    assert api.duplicate_group(sample_store, "nothing") is None
    shared = api.duplicate_paragraphs(sample_store)
    assert shared and all(len(p.occurrences) >= 2 for p in shared)


def test_build_errors_are_what_the_build_could_not_store(sample_store):
    [error] = api.build_errors(sample_store)
    assert error.path.endswith("veldra-post-tag-kessel-dam.html") and "no article text" in error.reason


def test_open_store_creates_a_missing_store_and_refuses_a_foreign_file(tmp_path):
    assert api.open_store(tmp_path / "new.db") == 0
    assert api.count_documents(tmp_path / "new.db") == 0
    (tmp_path / "notes.db").write_text("not a database " * 100)
    with pytest.raises(api.StoreError, match="not a storyline database"):
        api.open_store(tmp_path / "notes.db")
    with pytest.raises(api.StoreError, match="no storyline database"):
        api.documents(tmp_path / "missing.db")


def test_the_store_version_moves_with_every_write(tmp_path):
    db = tmp_path / "s.db"
    api.open_store(db)
    version = api.StoreVersion(db)
    before = version.current()
    assert version.current() == before  # reading changes nothing
    api.add_files([("ferry.txt", ARTICLE.encode())], db=db)
    assert version.current() > before
    version.close()


# -- search --------------------------------------------------------------------------------------

def test_search_finds_marks_and_pages(sample_store):
    results = api.search(sample_store, "flood", limit=3)
    assert results.total > 3 and len(results.hits) == 3 and results.offset == 0
    for hit in results.hits:
        assert hit.title.matches or hit.snippet.matches
        for marked in (hit.title, hit.snippet, *(s.text for s in hit.sentences)):
            for start, end in marked.matches:  # offsets into plain text, never markup
                assert marked.text[start:end].lower().startswith("flood")
        assert len(hit.sentences) <= 3
    more = api.search(sample_store, "flood", limit=3, offset=3)
    assert not {h.document.id for h in results.hits} & {h.document.id for h in more.hits}
    assert api.search(sample_store, "flood", sentences=0).hits[0].sentences == []


def test_search_refuses_what_it_cannot_run_and_finds_nothing_for_nothing(sample_store, monkeypatch):
    blank = api.search(sample_store, "   ")
    assert (blank.total, blank.hits) == (0, [])
    with pytest.raises(api.QueryError):
        api.search(sample_store, '"unbalanced')
    with pytest.raises(api.QueryError):
        api.search(sample_store, " ".join(f"w{n}" for n in range(api.MAX_QUERY_TERMS + 1)))
    monkeypatch.setattr("storyline.store.PROGRESS_STEPS", 1)  # look at stop() at every step
    with pytest.raises(api.Interrupted, match="told to stop"):
        api.search(sample_store, "flood", stop=lambda: "told to stop")


# -- timelines -----------------------------------------------------------------------------------

def test_the_timeline_cites_only_documents_it_returns(sample_store):
    tl, docs = api.timeline(sample_store)
    cited = {s.document for e in [*tl.entries, *tl.undated] for line in e.summary for s in line.sources}
    assert tl.entries and set(docs) == cited
    assert all(d.sentences for d in docs.values())
    _, bare = api.timeline(sample_store, with_sentences=False)
    assert set(bare) == cited and all(not d.sentences for d in bare.values())
    alone, none = api.timeline(sample_store, with_documents=False)  # what JSON needs: the timeline only
    assert alone == tl and none == {}


def test_timeline_options_bound_it(sample_store):
    tl, _ = api.timeline(sample_store, max_dates=3, sentences_per_date=1)
    assert len(tl.entries) <= 3 and all(len(e.summary) == 1 for e in tl.entries)
    start, end = dt.date(2022, 1, 1), dt.date(2022, 12, 31)
    tl, _ = api.timeline(sample_store, start=start, end=end)
    assert tl.entries and all(e.date.startswith("2022") for e in tl.entries)
    flood, _ = api.timeline(sample_store, query="flood")
    assert flood.entries and flood != api.timeline(sample_store)[0]
    for method in api.timeline_methods():
        assert api.timeline(sample_store, method=method)[0].entries, method
    with pytest.raises(api.QueryError):
        api.timeline(sample_store, query='"unbalanced')


# -- adding files ----------------------------------------------------------------------------------

@pytest.mark.parametrize("given, kept", [
    ("story.txt", "story.txt"), ("../../etc/passwd.txt", "passwd.txt"), ("C:\\Users\\x\\feed.jsonl", "feed.jsonl"),
    (".hidden.txt", "hidden.txt"), ("a\x00b\u202e.txt", "ab.txt"), ("", ""), (None, ""), ("..", ""),
])
def test_upload_names_are_last_components_without_control_characters(given, kept):
    assert api.upload_name(given) == kept


def test_a_long_upload_name_keeps_its_type():
    name = api.upload_name("x" * 300 + ".html.gz")
    assert len(name) == 200 and name.endswith(".html.gz")


def test_add_files_reports_new_known_and_failed_documents(tmp_path):
    db = tmp_path / "s.db"
    first = api.add_files([("ferry.txt", ARTICLE.encode()), ("empty.txt", b""), ("", b"x")], db=db)
    assert [d.path for d in first.added] == ["ferry.txt"] and first.unchanged == []
    assert {e.path for e in first.errors} == {"empty.txt", "(no name)"}
    assert first.build.documents == 1
    again = api.add_files([("ferry-copy.txt", ARTICLE.encode())], db=db)
    assert again.added == [] and [d.id for d in again.unchanged] == [first.added[0].id]
    assert api.count_documents(db) == 1


# -- cleaning and dates --------------------------------------------------------------------------

def test_clean_files_cleans_without_storing(tmp_path):
    (tmp_path / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    results = dict(api.clean_files([tmp_path, tmp_path / "missing.txt"]))
    ferry = results[str(tmp_path / "ferry.txt")]
    assert not isinstance(ferry, api.IngestError)
    assert ferry.title == "Lakeside ferry service resumes" and ferry.published == dt.date(2024, 6, 14)
    assert "140 passengers" in ferry.text and "By Mira Holt" not in ferry.text
    assert isinstance(results[str(tmp_path / "empty.txt")], api.IngestError)
    assert isinstance(results[str(tmp_path / "missing.txt")], api.IngestError)
    assert not list(tmp_path.glob("*.db"))


def test_clean_output_stems_are_unique_and_drop_the_type():
    used: set[str] = set()
    assert api.clean_output_stem("in/story.html.gz", used) == "story"
    assert api.clean_output_stem("other/story.txt", used) == "story-2"
    assert api.clean_output_stem("feed.jsonl#3", used) == "feed-3"
    assert api.clean_output_stem("x/feed.jsonl#3", used) == "feed-3-2"
    assert used == {"story", "story-2", "feed-3", "feed-3-2"}


def test_find_dates_resolves_against_the_anchor():
    anchored = api.find_dates("They met on Tuesday.", anchor=dt.date(2022, 3, 12))
    assert [(m.text, m.value, m.anchor) for m in anchored] == [("Tuesday", "2022-03-08", "2022-03-12")]
    assert [m.value for m in api.find_dates("They met on Tuesday.")] == [None]


def test_the_sample_corpus_is_a_folder_of_every_kind_of_input():
    with api.sample_corpus() as folder:
        files = [p for p in folder.rglob("*") if p.is_file()]
        assert len(files) > 20
        assert {".txt", ".html", ".jsonl"} <= {p.suffix for p in files}


# -- evaluation ----------------------------------------------------------------------------------

def _result(method, topic, systems, seconds):
    reference = {dt.date(2023, 9, 18): ["veldra and ostmark sign the accord ."],
                 dt.date(2023, 9, 21): ["the aran floods torvik ."]}
    return TopicResult(topic, method, [score_timeline(s, [reference]) for s in systems], seconds)


def test_tls_rows_average_over_every_reference_and_seconds_over_topics():
    good = {dt.date(2023, 9, 18): ["veldra and ostmark sign the accord ."]}
    bad = {dt.date(2023, 9, 19): ["nothing happened ."]}
    results = [_result("default", "dam", [good, bad], 2.0), _result("default", "flood", [good], 4.0),
               _result("pubcount", "dam", [bad], 1.0)]
    rows = api.tls_rows(results, ["default", "pubcount"])
    assert [(r.method, r.topic, r.references) for r in rows] == [
        ("default", "dam", 2), ("default", "flood", 1), ("default", "mean", 3), ("pubcount", "dam", 1),
        ("pubcount", "mean", 1)]
    mean = rows[2]
    assert mean.seconds == 3.0
    assert mean.scores == average_scores([s for r in results[:2] for s in r.scores])
    assert mean.summary == summary_row(mean.scores)
    assert rows[0].summary == summary_row(average_scores(results[0].scores))
    assert 0 < mean.summary["Date-F1"] < rows[1].summary["Date-F1"] == 2 / 3


def test_evaluate_tls_refuses_an_unknown_method_and_a_folder_without_topics(tmp_path):
    with pytest.raises(ValueError, match="unknown timeline method"):
        api.evaluate_tls(tmp_path, ["magic"])
    with pytest.raises(ValueError, match="no topics found"):
        api.evaluate_tls(tmp_path, ["default"])


def test_evaluate_timex_scores_a_timeml_folder(tmp_path):
    assert api.evaluate_timex(tmp_path) is None
    (tmp_path / "a.tml").write_text(
        '<TimeML><DOCID>a</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="2013-11-01">2013-11-01</TIMEX3></DCT>'
        '<TEXT>They met <TIMEX3 tid="t1" type="DATE" value="2013-10-29">Tuesday</TIMEX3> and will meet again '
        '<TIMEX3 tid="t2" type="DATE" value="2013-11-04">Monday</TIMEX3>.</TEXT></TimeML>', encoding="utf-8")
    scores = api.evaluate_timex(tmp_path)
    assert (scores["gold"], scores["strict_matches"], scores["value_f1"]) == (2, 2, 1.0)
    assert scores["documents"] == 1 and scores["characters"] > 20 and scores["seconds"] >= 0
    assert scores["errors"]["missed"] == 0 and sum(scores["errors"].values()) == 0
    json.dumps(scores)  # the CLI prints it as it is


def test_parameter_objects_pass_through_the_api(tmp_path):
    """The tuning values reach the library through the API: a timeline's settings, a build's
    options, the clean stage's parameters."""
    import dataclasses

    from storyline.config import DEFAULT_CLEAN

    db = tmp_path / "s.db"
    with api.sample_corpus() as sample:
        report = api.build([sample], db=db, options=dataclasses.replace(api.DEFAULT_BUILD, batch_size=3))
    assert report.added > 0
    default, _ = api.timeline(db)
    one_date = dataclasses.replace(api.DEFAULT_TIMELINE, auto_min_dates=1, auto_max_dates=1)
    narrow, _ = api.timeline(db, settings=one_date)
    assert len(narrow.entries) == 1 < len(default.entries)
    page = tmp_path / "page.txt"
    page.write_text("Flood waters rise in Torvik\n\nBy Anna Roth\n\nThe city opened three shelters on Monday "
                    "and asked residents of the lower streets to leave their homes before nightfall.\n",
                    encoding="utf-8")
    (_, kept), = api.clean_files([page])
    (_, short_titles), = api.clean_files([page], params=dataclasses.replace(DEFAULT_CLEAN, title_max_words=3))
    assert not isinstance(kept, api.IngestError) and "three shelters" in kept.text
    assert kept.title == "Flood waters rise in Torvik"
    assert not isinstance(short_titles, api.IngestError) and short_titles.title is None
    (_, too_big), = api.clean_files([page], options=api.DEFAULT_BUILD.with_given(max_bytes=10))
    assert isinstance(too_big, api.IngestError)
