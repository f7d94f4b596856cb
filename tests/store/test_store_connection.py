"""The store's connection: files that are no storyline store, and the generation that makes a
kept value stale (``storyline.store.connection``)."""

import sqlite3
from dataclasses import replace

import pytest

from storyline.store import Store, StoreError

from conftest import SAMPLE


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


def test_the_default_timeline_is_kept_in_the_store_until_it_changes(tmp_path):
    import json

    import storyline
    from storyline.chronology import DEFAULT, make_timeline
    from storyline.contract import timeline_to_dict

    name = "timeline " + DEFAULT.key()  # kept under the timeline code's version and settings
    db = tmp_path / "s.db"
    storyline.build([SAMPLE], db=db)
    with Store(db) as store:
        assert store.cached("timeline " + replace(DEFAULT, pool=1).key()) is None  # other settings: not kept
        kept = store.cached(name)  # made at the end of the build
        assert kept is not None
        assert json.loads(kept) == timeline_to_dict(make_timeline(store))
    assert timeline_to_dict(storyline.timeline(db)[0]) == json.loads(kept)
    # a change of the store makes it stale; the next reader makes it again, from the new content
    extra = tmp_path / "new" / "late-report.txt"
    extra.parent.mkdir()
    extra.write_text("Floodwater reached the old harbour of Torvik again on Tuesday, March 4, 2025, officials said, "
                     "and the lower streets were evacuated for the second time in a year.\n", encoding="utf-8")
    with Store(db) as store:
        before = store.generation()
    storyline.build([extra], db=db)
    with Store(db) as store:
        assert store.generation() > before
        remade = store.cached(name)  # the build that changed the store made it again
        assert remade is not None and json.loads(remade) == timeline_to_dict(make_timeline(store))
    with Store(db) as store:
        store.db.execute("DELETE FROM meta WHERE key = ?", ("cache:" + name,))
        generation = store.generation()
        store.db.execute("UPDATE meta SET value = value + 1 WHERE key = 'generation'")  # a write in between
        assert not store.cache(name, generation, "{}")
        assert store.cached(name) is None


def test_sqlite_errors_are_told_apart_by_their_result_code(tmp_path):
    """The error's SQLite result code decides what the user is told, not words of its message."""
    import sqlite3

    from storyline.store.connection import describe

    def error(message: str, code: int) -> sqlite3.Error:
        exc = sqlite3.OperationalError(message)
        exc.sqlite_errorcode = code  # as SQLite sets it on a real failure
        return exc

    db = tmp_path / "s.db"
    assert "damaged or not a storyline database" in describe(db, error("something odd", 26))      # NOTADB
    assert "read-only" in describe(db, error("attempt to write", 8 | (3 << 8)))                # READONLY_ROLLBACK
    assert "is busy" in describe(db, error("database table is locked", 6))                      # LOCKED
    assert "disk failed or is full" in describe(db, error("whatever", 13))                     # FULL
    # a message naming another failure does not mislead: the code says the disk is full
    assert "disk failed or is full" in describe(db, error("file is not a database", 13))
    # a real error from SQLite carries its code
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 100)
    try:
        sqlite3.connect(bad).execute("SELECT * FROM sqlite_master").fetchall()
    except sqlite3.DatabaseError as exc:
        assert "damaged or not a storyline database" in describe(bad, exc)
    else:
        raise AssertionError("SQLite read a file that is not a database")


def test_a_temporary_table_is_filled_in_one_go_and_left_as_it_was_when_that_fails(tmp_path):
    def ids(store):
        return sorted(r[0] for r in store.db.execute("SELECT id FROM temp._t"))

    with Store(tmp_path / "s.db") as store:
        store._temp("_t", "id TEXT PRIMARY KEY", [("a",), ("b",)])
        assert ids(store) == ["a", "b"] and not store.db.in_transaction
        with pytest.raises(sqlite3.IntegrityError):
            store._temp("_t", "id TEXT PRIMARY KEY", [("c",), ("c",)])
        assert ids(store) == ["a", "b"] and not store.db.in_transaction
        with store.transaction(changes=False):  # within a transaction already open: part of it
            store._temp("_t", "id TEXT PRIMARY KEY", [("d",)])
            assert store.db.in_transaction
        assert ids(store) == ["d"]
