"""Saving documents a batch per transaction and loading them back (``storyline.store.documents``)."""

import sqlite3

import pytest
from stored_stories import entry

from storyline.model import DuplicateGroup, GroupMember, Removed
from storyline.store import SCHEMA_VERSION, Store, StoreError


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
        assert list(store.stale("1")) == []
        stale = list(store.stale("2"))
        assert sorted(raw.id for raw, _ in stale) == ["d1", "d2"]
        assert [raw.id for raw, _ in store.stale("2", page=1)] == ["d1", "d2"]  # page by page, in id order
        assert stale[0][0].content.startswith("RAW ")
