"""The sentence search index a batch save writes in one statement per batch (not a trigger
run per sentence): the same index as the trigger writes, kept in step on re-derivation and
rolled back with a failed batch."""

import sqlite3

import pytest
from stored_stories import OTHER, UPDATE, WIRE, story

from storyline.store import Store, StoreError


def _integrity(store):
    """The document search index holds exactly what its table holds (FTS5 raises otherwise)."""
    store.db.execute("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")


def test_rederived_and_failed_batches_keep_the_sentences_searched_in_step(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.save([story("wire", WIRE, "2024-03-05")], "1")
        store.save([story("wire", UPDATE, "2024-03-05")], "2")  # re-derived: old sentences are not found
        good, bad = story("other", OTHER, "2024-03-04"), story("bad", WIRE[:2], "2024-03-04")
        bad[1].sentences = [bad[1].sentences[0], bad[1].sentences[0]]  # fails mid-batch
        with pytest.raises(sqlite3.IntegrityError):
            store.save([good, bad], "2")
        _integrity(store)
        assert store.db.execute("SELECT name FROM sqlite_master WHERE name LIKE 'sentences_fts%'").fetchall() == []
        texts = {text.replace("\x02", "").replace("\x03", "")
                 for _, _, _, text in store.search_sentences("commission", ["wire", "other", "bad"])}
        assert texts == {s for s in UPDATE if "commission" in s} != set()


def _tables(store):
    """Every row of every table (the sentence index's too, through its vocabulary), rowids with them,
    but for the time each document was added and the store's change count."""
    tables = [r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                             " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'")]
    out = {t: sorted(map(repr, store.db.execute(f'SELECT * FROM "{t}"'))) for t in tables}
    out["documents"] = sorted(map(repr, store.db.execute("SELECT rowid, id, text, pipeline FROM documents")))
    out["sentences"] = sorted(map(repr, store.db.execute("SELECT rowid, * FROM sentences")))
    out["meta"] = [r for r in out["meta"] if "generation" not in r]
    out["sentence search"] = store.search_sentences("commission OR flood", [r[0] for r in store.db.execute(
        "SELECT id FROM documents ORDER BY id")])
    out["document search"] = store.search("commission OR flood")
    return out


def test_a_batch_is_stored_as_its_documents_one_at_a_time(tmp_path):
    """A batch's rows go in one statement per table: the same rows, rowids and index as saving its
    documents one at a time, re-derived ones among them; a batch holding one document twice is
    refused whole."""
    first = [story("wire", WIRE, "2024-03-05"), story("other", OTHER, "2024-03-04")]
    then = [story("third", UPDATE[2:], "2024-03-06"), story("wire", UPDATE, "2024-03-05")]
    with Store(tmp_path / "together.db") as together, Store(tmp_path / "apart.db") as apart:
        together.save(first, "1")
        together.save(then, "2")
        for item in first:
            apart.save([item], "1")
        for item in then:
            apart.save([item], "2")
        _integrity(together)
        assert _tables(together) == _tables(apart)
        assert together.count() == 3
        with pytest.raises(StoreError, match="'other' appears twice"):
            together.save([story("other", OTHER[:2], "2024-03-04"), story("other", OTHER, "2024-03-04")], "3")
        assert _tables(together) == _tables(apart)
        # a new document before one re-derived whose older derivation holds the last rowid: the
        # same documents, rowids and all, and the same search (sentences take their rowids after
        # the batch's deletions, and the duplicate search, which compares a batch's documents with
        # one another, numbers its signatures by batch)
        last = [story("fourth", OTHER[1:], "2024-03-07"), story("wire", WIRE, "2024-03-05")]
        together.save(last, "3")
        for item in last:
            apart.save([item], "3")
        _integrity(together)
        searched = ("documents", "document search", "sentence search")
        assert {t: _tables(together)[t] for t in searched} == {t: _tables(apart)[t] for t in searched}
