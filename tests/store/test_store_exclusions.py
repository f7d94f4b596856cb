"""An editor's exclusions of timeline lines: made, applied, kept through a rebuild, taken back."""

import pytest

import storyline
from storyline import api, pipeline
from storyline.store import EXCLUDED, LineNotFound, Store

STORY = """Kessel dam talks open

KESSEL (Nordwire) — Negotiators from Veldra and Ostmark opened talks on Tuesday, March 8, 2022 over the water held back by the Kessel dam, officials said.

Farmers on both banks blocked the road to the dam on Wednesday, March 9, 2022 to demand a share of the reservoir.

The delegations agreed on Thursday, March 10, 2022 to exchange flow data every week.
"""


def lines_of(db):
    tl, _ = storyline.timeline(db)
    return {(e.date, line.text): [f"{s.document}#{s.sentence}" for s in line.sources]
            for e in tl.entries for line in e.summary}


@pytest.fixture
def story(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "talks.txt").write_text(STORY, encoding="utf-8")
    db = tmp_path / "s.db"
    storyline.build([tmp_path / "in"], db=db)
    return db


def test_an_excluded_line_leaves_the_timeline_and_comes_back_when_restored(story):
    before = lines_of(story)
    (date, text), refs = next((k, v) for k, v in before.items() if "Farmers" in k[1])
    assert api.exclude_lines(story, refs, "not-an-event", "a protest, not the talks") == len(refs)
    after = lines_of(story)
    assert (date, text) not in after and set(after) == set(before) - {(date, text)}
    [kept] = api.exclusions(story)
    assert (kept.text, kept.reason, kept.note) == (text, "not-an-event", "a protest, not the talks")
    assert f"{kept.document}#{kept.sentence}" == refs[0]
    assert api.exclude_lines(story, refs, "furniture") == 0  # excluded already: the reason is updated
    assert api.exclusions(story)[0].reason == "furniture"
    assert api.restore_lines(story, refs) == 1
    assert lines_of(story) == before and api.exclusions(story) == []


def test_an_exclusion_holds_when_the_document_is_derived_again(story, monkeypatch):
    refs = next(v for k, v in lines_of(story).items() if "Farmers" in k[1])
    api.exclude_lines(story, refs, "other")
    monkeypatch.setattr(pipeline, "PIPELINE_VERSION", pipeline.PIPELINE_VERSION + "-next")
    report = storyline.build([], db=story)
    assert report.rederived == 1
    assert not any("Farmers" in text for _, text in lines_of(story))
    with Store(story) as store:
        doc, idx = refs[0].split("#")
        assert store.db.execute("SELECT refused FROM features WHERE document = ? AND idx = ?",
                                (doc, int(idx))).fetchone()[0] == EXCLUDED


def test_a_line_the_store_does_not_hold_changes_nothing(story):
    refs = next(iter(lines_of(story).values()))
    with pytest.raises(LineNotFound, match="nosuch#3"):
        api.exclude_lines(story, [*refs, "nosuch#3"], "other")
    assert api.exclusions(story) == []
    with pytest.raises(api.LineRefError, match="DOCUMENT#SENTENCE"):
        api.exclude_lines(story, ["not a line"], "other")
    with pytest.raises(api.LineRefError, match="not a reason"):
        api.exclude_lines(story, refs, "boring")
    with pytest.raises(api.LineRefError, match="at most"):
        api.exclude_lines(story, refs, "other", "x" * (api.MAX_NOTE + 1))


def test_an_exclusion_makes_the_kept_default_timeline_stale(story):
    with Store(story) as store:
        generation = store.generation()
    refs = next(iter(lines_of(story).values()))
    api.exclude_lines(story, refs, "other")
    with Store(story) as store:
        assert store.generation() > generation


def test_a_line_is_taken_as_a_markdown_timeline_cites_it():
    assert api.line_ref("[906d83b6382db693#0,") == ("906d83b6382db693", 0)
    assert api.line_ref(" dd4569bc4b651d32#17]") == ("dd4569bc4b651d32", 17)
    with pytest.raises(api.LineRefError):
        api.line_ref("906d83b6382db693")


def test_every_line_of_an_article_is_excluded_and_put_back_and_a_line_excluded_alone_stays_out(story):
    before = lines_of(story)
    refs = [r for v in before.values() for r in v]
    document = refs[0].split("#")[0]
    farmers = next(v for k, v in before.items() if "Farmers" in k[1])
    api.exclude_lines(story, farmers, "other")
    assert api.exclude_documents(story, [document], "not-an-event", "a page of briefs") == 1
    assert not any(r.startswith(document + "#") for v in lines_of(story).values() for r in v)
    assert [(e.document, e.sentence, e.reason, e.note) for e in api.exclusions(story) if e.whole] == [
        (document, None, "not-an-event", "a page of briefs")]
    report = storyline.build([], db=story)  # nothing to redo: the exclusions stay as they are
    assert report.added == 0 and not any(r.startswith(document + "#") for v in lines_of(story).values() for r in v)
    assert api.restore_documents(story, [document]) == 1
    after = lines_of(story)
    assert set(after) == set(before) - {k for k, v in before.items() if v == farmers}
    with pytest.raises(LineNotFound, match="no document nosuch"):
        api.exclude_documents(story, ["nosuch"], "other")


def test_an_article_excluded_whole_stays_out_when_derived_again(story, monkeypatch):
    document = next(iter(lines_of(story).values()))[0].split("#")[0]
    api.exclude_documents(story, [document], "other")
    monkeypatch.setattr(pipeline, "PIPELINE_VERSION", pipeline.PIPELINE_VERSION + "-next")
    assert storyline.build([], db=story).rederived == 1
    assert lines_of(story) == {}
    with Store(story) as store:  # every candidate row refused (by the exclusion, or by a rule before it)
        assert store.db.execute("SELECT count(*) FROM features WHERE document = ? AND refused IS NULL",
                                (document,)).fetchone()[0] == 0
        assert store.db.execute("SELECT count(*) FROM features WHERE document = ? AND refused = ?",
                                (document, EXCLUDED)).fetchone()[0] > 0
