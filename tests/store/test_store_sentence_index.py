"""The sentence search index a batch save writes in one statement per document (not a trigger
run per sentence): the same index as the trigger writes, kept in step on re-derivation and
rolled back with a failed batch."""

import sqlite3

import pytest
from stored_stories import OTHER, UPDATE, WIRE, story

from storyline.store import Store


def _index_rows(store):
    """Every (term, sentence rowid) pair of the sentence index, through FTS5's vocabulary view."""
    store.db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.sentence_terms USING fts5vocab(main, sentences_fts, instance)")
    return sorted(store.db.execute("SELECT term, doc, offset FROM temp.sentence_terms"))


def _integrity(store):
    store.db.execute("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)")


def test_saved_sentences_are_indexed_as_the_trigger_indexes_them(tmp_path, monkeypatch):
    batch = [story("wire", WIRE, "2024-03-05"), story("other", OTHER, "2024-03-04")]
    with Store(tmp_path / "batch.db") as saved:
        saved.save(batch, "1")
        _integrity(saved)
        by_statement = _index_rows(saved)
        # the trigger is back for every other writer
        assert saved.db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sentences_fts_insert'").fetchone() == (1,)
    monkeypatch.setattr(Store, "_hold_sentence_index", lambda self: None)  # the trigger indexes each sentence
    with Store(tmp_path / "trigger.db") as triggered:
        triggered.save(batch, "1")
        assert by_statement == _index_rows(triggered) != []


def test_rederived_and_failed_batches_keep_the_index_in_step(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.save([story("wire", WIRE, "2024-03-05")], "1")
        store.save([story("wire", UPDATE, "2024-03-05")], "2")  # re-derived: old sentences leave the index
        good, bad = story("other", OTHER, "2024-03-04"), story("bad", WIRE[:2], "2024-03-04")
        bad[1].sentences = [bad[1].sentences[0], bad[1].sentences[0]]  # fails mid-batch
        with pytest.raises(sqlite3.IntegrityError):
            store.save([good, bad], "2")
        _integrity(store)
        assert store.db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sentences_fts_insert'").fetchone() == (1,)
        texts = {r[0] for r in store.db.execute("SELECT s.text FROM sentences_fts f JOIN sentences s ON s.rowid = f.rowid"
                                                " WHERE sentences_fts MATCH 'commission'")}
        assert texts == {s for s in UPDATE if "commission" in s}
