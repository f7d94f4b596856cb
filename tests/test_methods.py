import datetime as dt
import json

import pytest
from helpers import make_doc
from typer.testing import CliRunner

from storyline.cli import app
from storyline import nlp
from storyline.chronology import METHODS, make_timeline
from storyline.inmemory import timeline_of

runner = CliRunner()

# Four independent outlets on a (fictional) dam dispute, over one week.
A = ("Veldra and Ostmark signed the Kessel water accord on Monday after two years of talks. "
     "The accord guarantees a minimum flow on the river Aran at the border. "
     "Would the farmers accept it?")
B = ("The Kessel water accord signed Monday guarantees a minimum flow on the Aran, officials said. "
     "Farmers' unions in Ostmark welcomed the accord on Tuesday but asked for compensation.")
C = ("Ostmark farmers' unions welcomed the Kessel accord on Tuesday and asked for compensation for dry years. "
     "I think we won something, one farmer said.")
D = ("Floodwater reached the town hall of Torvik on Thursday as the river Aran burst its banks. "
     "The mayor ordered the lower streets evacuated late on Thursday.")
E = ("The Aran flooded Torvik on Thursday, reaching the steps of the town hall. "
     "Residents of the lower streets left their homes before dark.")


def corpus():
    return [
        make_doc("a", A, "2023-09-18", [("Monday", "2023-09-18", "day")]),
        make_doc("b", B, "2023-09-19", [("Monday", "2023-09-18", "day"), ("Tuesday", "2023-09-19", "day")]),
        make_doc("c", C, "2023-09-19", [("Tuesday", "2023-09-19", "day")]),
        make_doc("d", D, "2023-09-21", [("Thursday", "2023-09-21", "day"), ("late on Thursday", "2023-09-21", "day")]),
        make_doc("e", E, "2023-09-22", [("Thursday", "2023-09-21", "day")]),
    ]


@pytest.mark.parametrize("method", sorted(METHODS))
def test_every_method_gives_cited_dated_lines_within_the_limits(method):
    docs = {d.id: d for d in corpus()}
    tl = timeline_of(docs.values(), method, max_dates=2, sentences_per_date=1)
    assert 1 <= len(tl.entries) <= 2
    for entry in tl.entries:
        assert len(entry.summary) == 1
        dt.date.fromisoformat(entry.date)
        for line in entry.summary:
            assert line.sources
            cited = docs[line.sources[0].document].sentences[line.sources[0].sentence].text
            assert line.text in cited  # the line is the cited sentence (a dateline at most removed)


def test_default_chooses_the_dates_most_sources_name():
    tl = timeline_of(corpus(), "default", max_dates=1, sentences_per_date=1)
    assert [e.date for e in tl.entries] == ["2023-09-21"]  # named by two outlets, three times


def test_default_prefers_a_reported_statement_to_a_question_or_first_person_talk():
    tl = timeline_of(corpus(), "default", sentences_per_date=3)
    texts = [line.text for e in tl.entries for line in e.summary]
    assert not any(t.endswith("?") for t in texts[:3])
    monday = next(e for e in tl.entries if e.date == "2023-09-18")
    assert monday.summary[0].text.startswith(("Veldra and Ostmark signed", "The Kessel water accord signed"))


def test_nothing_is_said_twice_across_dates():
    tl = timeline_of(corpus(), "default", sentences_per_date=3)
    keys = [(s.document, s.sentence) for e in tl.entries for line in e.summary for s in line.sources]
    assert len(keys) == len(set(keys))


def test_a_span_bounds_the_dates():
    tl = timeline_of(corpus(), "default", start=dt.date(2023, 9, 20), end=dt.date(2023, 9, 30), days_only=True)
    assert [e.date for e in tl.entries] == ["2023-09-21"]


def test_unknown_method_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown timeline method"):
        timeline_of(corpus(), "magic")


def _tls_dataset(root):
    """A one-topic data set in the T17 layout, written for this test."""
    topic = root / "dam"
    (topic / "timelines").mkdir(parents=True)
    rows = [("2023-09-18", A), ("2023-09-19", B), ("2023-09-19", C), ("2023-09-21", D), ("2023-09-22", E)]
    lines = ["date,text"] + [f'{d},"{t}"' for d, t in rows]
    (topic / "articles.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (topic / "timelines" / "ref.txt").write_text(
        "2023-09-18\nVeldra and Ostmark sign the Kessel water accord .\n" + "-" * 32 + "\n"
        "2023-09-21\nThe Aran floods Torvik .\n" + "-" * 32 + "\n", encoding="utf-8")
    return root


def test_eval_tls_scores_every_method_and_saves_the_timelines(tmp_path):
    data = _tls_dataset(tmp_path / "data")
    result = runner.invoke(app, ["eval", "tls", str(data), "-m", "default", "-m", "pubcount", "--format", "json",
                                 "--save-dir", str(tmp_path / "out"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {(r["method"], r["topic"]) for r in rows} == {("default", "dam"), ("default", "mean"),
                                                         ("pubcount", "dam"), ("pubcount", "mean")}
    default = next(r for r in rows if r["method"] == "default" and r["topic"] == "mean")
    assert default["Date-F1"] == 1.0  # both reference days found
    assert 0 < default["AR1-F"] <= 1
    saved = json.loads((tmp_path / "out" / "default" / "dam" / "ref.json").read_text())
    assert [e["date"] for e in saved["entries"]] == ["2023-09-18", "2023-09-21"]


def test_eval_timex_scores_a_timeml_folder(tmp_path):
    (tmp_path / "a.tml").write_text(
        '<TimeML><DOCID>a</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="2013-11-01">2013-11-01</TIMEX3></DCT>'
        '<TEXT>They met <TIMEX3 tid="t1" type="DATE" value="2013-10-29">Tuesday</TIMEX3> and will meet again '
        '<TIMEX3 tid="t2" type="DATE" value="2013-11-04">Monday</TIMEX3>.</TEXT></TimeML>', encoding="utf-8")
    result = runner.invoke(app, ["eval", "timex", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert (scores["gold"], scores["strict_matches"], scores["value_f1"]) == (2, 2, 1.0)


def test_timeline_method_option_and_bad_dates(tmp_path):
    result = runner.invoke(app, ["timeline", "--db", str(tmp_path / "x.db"), "--from", "yesterday"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


# A "key events" factbox inside one article: each item opens with its day.
FACTBOX = ("Key events in the Kessel dispute. "
           "Sept. 18 : Veldra and Ostmark sign the Kessel water accord after two years of talks. "
           "Sept. 21 - The river Aran floods Torvik and reaches the town hall.")


def test_a_chronology_item_about_the_date_is_preferred_and_shown_without_its_day_label():
    docs = corpus() + [make_doc("f", FACTBOX, "2023-09-25", [("Sept. 18", "2023-09-18", "day"),
                                                             ("Sept. 21", "2023-09-21", "day")])]
    tl = timeline_of(docs, "default", max_dates=3, sentences_per_date=1)
    by_date = {e.date: e.summary[0] for e in tl.entries}
    monday = by_date["2023-09-18"]
    assert monday.text == "Veldra and Ostmark sign the Kessel water accord after two years of talks."
    assert (monday.sources[0].document, monday.sources[0].sentence) == ("f", 1)  # still cites the item
    assert by_date["2023-09-21"].text == "The river Aran floods Torvik and reaches the town hall."


def test_a_sentence_that_only_mentions_a_day_in_passing_is_no_chronology_item():
    text = ("The farmers, who met on Sept. 18 in Torvik, asked for compensation for the dry years. "
            "The unions' meeting lasted the whole afternoon.")
    docs = [make_doc("g", text, "2023-09-25", [("Sept. 18", "2023-09-18", "day")])]
    tl = timeline_of(docs, "default", sentences_per_date=2)
    lines = [line.text for e in tl.entries for line in e.summary]
    assert any(line.startswith("The farmers, who met on Sept. 18") for line in lines)  # kept whole


def test_the_lead_of_a_next_day_report_is_material_for_the_day_before():
    # One sentence names Thursday; the morning-after report tells what happened without naming
    # the day. Within a span ending on Thursday, the report still speaks for Thursday.
    passing = ("Officials said the water level of the river Aran rose sharply on Thursday. "
               "The meeting will take place in the capital.")
    report = ("The river Aran burst its banks and flooded the centre of Torvik, reaching the town hall. "
              "The mayor ordered the lower streets evacuated.")
    docs = [make_doc("p", passing, "2023-09-22", [("Thursday", "2023-09-21", "day")]),
            make_doc("r", report, "2023-09-22", [])]
    thursday = dict(max_dates=1, sentences_per_date=3, start=dt.date(2023, 9, 21), end=dt.date(2023, 9, 21))
    tl = timeline_of(docs, "default", **thursday)
    assert [e.date for e in tl.entries] == ["2023-09-21"]
    assert "r" in {line.sources[0].document for line in tl.entries[0].summary}
    # other methods keep to sentences naming the day or published on it
    tl = timeline_of(docs, "datewise", **thursday)
    assert {line.sources[0].document for e in tl.entries for line in e.summary} == {"p"}


def test_a_preview_is_no_line_unless_previews_are_asked_for():
    preview = make_doc("a", "The two leaders are due to sign a river declaration in Lessing on Friday next week.",
                       "2022-10-20", [("Friday next week", "2022-10-28", "day")])
    report = make_doc("b", "The two leaders signed a river declaration in Lessing on Friday after long talks.",
                      "2022-10-29", [("Friday", "2022-10-28", "day")])
    def cited(tl):
        return {s.document for e in tl.entries for line in e.summary for s in line.sources}
    assert cited(timeline_of([preview, report], sentences_per_date=3)) == {"b"}
    assert "a" in cited(timeline_of([preview, report], sentences_per_date=3, previews=True))


_SAME_WHATEVER_THE_HASH_SEED = """
import json, sys
sys.path.insert(0, {tests!r})
from test_methods import corpus
from storyline.contract import timeline_to_dict
from storyline.inmemory import timeline_of
print(json.dumps([timeline_to_dict(timeline_of(corpus(), m, sentences_per_date=2)) for m in {methods!r}]))
"""


def test_every_method_gives_the_same_timeline_whatever_the_hash_seed():
    """Python salts string hashes per process: a set of words iterated in a different order must
    not change a line (it once changed the TF-IDF columns' order, and with it near ties)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = _SAME_WHATEVER_THE_HASH_SEED.format(tests=str(Path(__file__).parent), methods=sorted(METHODS))
    outputs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(outputs) == 1 and json.loads(outputs.pop())


@pytest.mark.parametrize("enabled", [True, False])
def test_making_a_timeline_holds_off_the_garbage_collector_and_leaves_it_as_it_was(monkeypatch, enabled):
    import gc

    from storyline.chronology import methods

    made = methods._make
    during = []

    def make(*args):
        during.append(gc.isenabled())
        return made(*args)

    monkeypatch.setattr(methods, "_make", make)
    reference = timeline_of(corpus(), "default")
    (gc.enable if enabled else gc.disable)()
    try:
        assert timeline_of(corpus(), "default") == reference
        assert gc.isenabled() == enabled
    finally:
        gc.enable()
    assert during == [False, False]


@pytest.mark.skipif(nlp.unavailable() is not None, reason="the English pipeline is not installed")
def test_a_build_stores_its_statements_and_weight_one_shows_the_timeline_without_them(store_copy):
    """The entity layer stores the candidate lines that report a statement (each overlapping a
    quote); at ``statement_weight`` 1.0 the timeline is the one of the same store without them at
    the default weight."""
    from dataclasses import replace

    from storyline.chronology.settings import DEFAULT
    from storyline.contract import timeline_to_dict
    from storyline.store import Store

    with Store(store_copy) as store:
        stored = store.db.execute(
            "SELECT s.document, s.idx, f.refused IS NULL AND f.date IS NOT NULL,"
            " EXISTS (SELECT 1 FROM quotes q JOIN sentences t ON t.document = q.document AND t.idx = s.idx"
            "         WHERE q.document = s.document AND q.start < t.\"end\" AND q.\"end\" > t.start)"
            " FROM statements s JOIN features f ON f.document = s.document AND f.idx = s.idx").fetchall()
        assert stored and all(candidate and quoted for _, _, candidate, quoted in stored)
        off = timeline_to_dict(make_timeline(store, settings=replace(DEFAULT, statement_weight=1.0)))
        store.db.execute("DELETE FROM statements")
        assert timeline_to_dict(make_timeline(store)) == off


def test_the_cli_passes_the_statement_weight(store_copy):
    from dataclasses import replace

    from storyline import api
    from storyline.chronology.settings import DEFAULT
    from storyline.contract import timeline_to_dict, to_json

    runner = CliRunner()
    shown = runner.invoke(app, ["timeline", "--db", str(store_copy), "--format", "json", "--statement-weight", "1"])
    assert shown.exit_code == 0, shown.output
    tl, _ = api.timeline(store_copy, settings=replace(DEFAULT, statement_weight=1.0), with_documents=False)
    assert json.loads(shown.stdout) == json.loads(to_json(timeline_to_dict(tl)))
    refused = runner.invoke(app, ["timeline", "--db", str(store_copy), "--statement-weight", "2"])
    assert refused.exit_code != 0


@pytest.mark.skipif(nlp.unavailable() is not None, reason="the English pipeline is not installed")
def test_a_date_whose_only_reports_are_captions_leaves_its_place_to_the_next():
    caption = "Farmers shout slogans during a protest outside the water board in Kessel, Ostmark, on Wednesday."
    pictures = [make_doc(f"p{k}", caption, "2023-09-20", [("Wednesday", "2023-09-20", "day")]) for k in range(3)]
    tl = timeline_of(corpus() + pictures, "default", max_dates=3, sentences_per_date=1)
    dates = [e.date for e in tl.entries]
    assert len(dates) == 3 and "2023-09-20" not in dates  # the captions count for their day, but are no line
