import sqlite3

import pytest
from helpers import make_doc

from storyline import dedup
from storyline.model import DuplicateGroup, GroupMember, RawDocument, Removed
from storyline.store import SCHEMA_VERSION, Store, StoreError


def entry(doc_id, text, published=None):
    doc = make_doc(doc_id, text, published, [("Tuesday", published, "day")] if published and "Tuesday" in text else [])
    doc.removed = [Removed("Share this", "share")]
    raw = RawDocument(id=doc_id, path=doc.path, kind="text", content="RAW " + text)
    return raw, doc, dedup.signature(doc_id, text, doc.published)


def test_roundtrip_schema_version_and_wal(tmp_path):
    db = tmp_path / "s.db"
    with Store(db) as store:
        store.save([entry("d1", "Ministers met on Tuesday in Kessel. They agreed to talk again.", "2021-03-02")], "1")
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Store(db, readonly=True) as store:
        (doc,) = store.documents()
    assert doc.published.isoformat() == "2021-03-02"
    assert [s.text for s in doc.sentences] == ["Ministers met on Tuesday in Kessel.", "They agreed to talk again."]
    assert doc.mentions[0].value == "2021-03-02" and doc.mentions[0].sentence == 0
    assert doc.removed == [Removed("Share this", "share")]
    assert doc.paths == ["d1.txt"]


def test_batch_is_all_or_nothing(tmp_path):
    db = tmp_path / "s.db"
    with Store(db) as store:
        good = entry("d1", "A first article about the dam.")
        bad = entry("d2", "A second article about the dam.")
        bad[1].sentences = [bad[1].sentences[0], bad[1].sentences[0]]  # duplicate key: fails mid-transaction
        with pytest.raises(sqlite3.IntegrityError):
            store.save([good, bad], "1")
        assert store.count() == 0
        store.save([good], "1")
        assert store.count() == 1


def test_paths_groups_search_and_stale(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.save([entry("d1", "The dam commission met in Kessel."), entry("d2", "Farmers protested near the border.")], "1")
        assert store.add_path("d1", "copy/d1.txt") is True
        assert store.add_path("d1", "copy/d1.txt") is False
        assert store.paths("d1") == ["d1.txt", "copy/d1.txt"]
        assert store.groups_stale()
        store.save_groups([DuplicateGroup("gd1", "d1", [GroupMember("d1", "representative"), GroupMember("d2", "version", 0.5, "test")])])
        assert not store.groups_stale()
        assert [(m.document, m.relation) for m in store.groups()[0].members] == [("d1", "representative"), ("d2", "version")]
        assert store.search("farmers") == ["d2"]
        assert store.search("commissions") == ["d1"]  # porter stemming
        with pytest.raises(StoreError, match="invalid search query"):
            store.search('"unbalanced')
        assert store.stale("1") == []
        stale = store.stale("2")
        assert sorted(raw.id for raw, _ in stale) == ["d1", "d2"]
        assert stale[0][0].content.startswith("RAW ")


def test_not_a_storyline_database(tmp_path):
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE x(y)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="not a storyline database"):
        Store(other)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError):
        Store(junk)
    with pytest.raises(StoreError, match="run 'storyline build' first"):
        Store(tmp_path / "missing.db", readonly=True)


def test_sentence_search_follows_saves_and_an_older_store_is_migrated(tmp_path):
    db = tmp_path / "s.db"
    with Store(db) as store:
        store.save([entry("d1", "The dam commission met in Kessel. Farmers protested at the gate.")], "1")
        store.save([entry("d1", "The dam commission met in Kessel. Farmers protested at the gate.")], "1")  # re-derived
        store.save([entry("d2", "Farmers in Torvik counted their losses.")], "1")
        hits = store.search_sentences("farmers", ["d1", "d2"])
        assert sorted((doc, idx) for doc, idx, _, _ in hits) == [("d1", 1), ("d2", 0)]
        assert "\x02Farmers\x03 protested" in next(text for doc, _, _, text in hits if doc == "d1")
        (doc_id, score, title, snippet), = store.search_documents("torvik")
        assert doc_id == "d2" and score < 0 and "\x02Torvik\x03" in snippet
        store.db.execute("DELETE FROM sentences WHERE document = 'd2'")
        assert [h[0] for h in store.search_sentences("farmers", ["d1", "d2"])] == ["d1"]
        # as a store written before sentence search existed
        for name in ("sentences_fts_insert", "sentences_fts_delete", "sentences_fts_update"):
            store.db.execute(f"DROP TRIGGER {name}")
        store.db.execute("DROP TABLE sentences_fts")
        store.db.execute("PRAGMA user_version = 1")
    with Store(db) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [(h[0], h[1]) for h in store.search_sentences("kessel", ["d1"])] == [("d1", 0)]
        with pytest.raises(StoreError, match="invalid search query"):
            store.search_sentences("kessel-dam", ["d1"])
