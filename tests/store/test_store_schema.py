"""Older stores brought up to date when opened (``storyline.store.schema``)."""

import sqlite3

from stored_stories import OTHER, UPDATE, WIRE, members

from storyline.store import SCHEMA_VERSION, Store

from conftest import SAMPLE


def test_a_schema_1_store_is_migrated_and_regrouped(tmp_path):
    """A store written before the dedup index (schema 1) gets signatures from its texts and new groups."""
    from storyline import store as store_module

    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    con.executescript(store_module._MIGRATIONS[1])
    for doc_id, paras, pub in (("wire", WIRE, "2021-03-02"), ("update", UPDATE, "2021-03-03"), ("other", OTHER, None)):
        con.execute("INSERT INTO documents(id, path, kind, text, published, pipeline, added) VALUES (?,?,?,?,?,?,?)",
                    (doc_id, f"{doc_id}.txt", "text", "\n\n".join(paras), pub, "1", "2021-01-01"))
        con.execute("INSERT INTO signatures(document, text_hash, shingles, hashvalues) VALUES (?,?,?,?)",
                    (doc_id, "x", 1, b"\0" * 512))
    con.execute("INSERT INTO groups(document, grp, relation, similarity, reason) VALUES ('wire', 'gold', 'version', 0.5, 'old')")
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    with Store(db, readonly=True) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.count() == 3
        assert sorted(s.document for s in store.signatures()) == ["other", "update", "wire"]
        assert members(store) == {"update": ["update", "wire"]}
        assert not store.groups_stale()


def test_a_schema_3_store_gets_its_timeline_features_and_the_same_timeline(tmp_path):
    import storyline
    from storyline.contract import timeline_to_dict

    db = tmp_path / "s.db"
    storyline.build([SAMPLE], db=db)
    before = timeline_to_dict(storyline.timeline(db)[0])
    with Store(db) as store:
        store.db.execute("DROP TABLE features")
        store.db.execute("DROP TABLE date_support")
        store.db.execute("PRAGMA user_version = 3")
    with Store(db) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.db.execute("SELECT count(*) FROM features").fetchone()[0] == \
            store.db.execute("SELECT count(*) FROM sentences").fetchone()[0]
    assert timeline_to_dict(storyline.timeline(db)[0]) == before


def test_a_schema_6_store_gets_the_statements_table_and_its_documents_are_read_again(tmp_path):
    """Statements are written by the entity layer: a store from before them gets the table, empty,
    and the new ``ENTITY_VERSION`` has a build read its documents again."""
    from storyline.entities import ENTITY_VERSION

    db = tmp_path / "s.db"
    with Store(db) as store:
        store.db.execute("INSERT INTO documents(id, path, kind, text, pipeline, added) VALUES ('a','a','text','x','1','t')")
        store.db.execute("INSERT INTO entity_layer(document, version) VALUES ('a', '11')")
        store.db.execute("DROP TABLE statements")
        store.db.execute("PRAGMA user_version = 6")
    with Store(db) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.db.execute("SELECT count(*) FROM statements").fetchone()[0] == 0
        assert store.without_entities(ENTITY_VERSION) == ["a"]


def test_a_schema_7_store_searches_its_documents_without_a_copy_of_them(tmp_path):
    """Document search kept its own copy of every title and text before schema 8: the index is made
    again over the documents table, with the same matches, ranks and snippets, and the copy is gone."""
    import storyline

    db = tmp_path / "s.db"
    storyline.build([SAMPLE], db=db)
    queries = ("flood", "dam OR commission", "tribunal NOT drought", '"Kessel dam"', "torvik")
    with Store(db) as store:
        before = {q: store.search_documents(q, limit=50) for q in queries}
        rows = store.db.execute("SELECT rowid, coalesce(title, ''), text FROM documents").fetchall()
        store.db.execute("DROP TABLE documents_fts")  # as schema 7 made it, with its copy of the texts
        store.db.execute("CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, tokenize='porter unicode61')")
        store.db.executemany("INSERT INTO documents_fts(rowid, title, text) VALUES (?,?,?)", rows)
        assert {q: store.search_documents(q, limit=50) for q in queries} == before
        store.db.execute("PRAGMA user_version = 7")
    with Store(db) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert not store.db.execute("SELECT name FROM sqlite_master WHERE name = 'documents_fts_content'").fetchall()
        store.db.execute("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
        after = {q: store.search_documents(q, limit=50) for q in queries}
    assert after == before and all(before.values())


def test_a_schema_8_store_keeps_its_sentence_features_in_the_order_stored(tmp_path):
    """Sentence features were clustered by document id (a table without rowid) before schema 9:
    the same rows move to a table kept in the order stored, found by document through its own
    index, and the timeline is the same."""
    import storyline
    from storyline.contract import timeline_to_dict
    from storyline.store.schema import _TIMELINE_FEATURES

    db = tmp_path / "s.db"
    storyline.build([SAMPLE], db=db)
    before = timeline_to_dict(storyline.timeline(db)[0])
    with Store(db) as store:
        rows = sorted(store.db.execute("SELECT * FROM features"))
        store.db.execute("DROP TABLE features")
        store.db.execute("DROP TABLE date_support")
        store._apply(_TIMELINE_FEATURES)  # as schema 4 made them
        assert "WITHOUT ROWID" in store.db.execute("SELECT sql FROM sqlite_master WHERE name = 'features'").fetchone()[0]
        store.db.executemany(f"INSERT INTO features VALUES ({','.join('?' * len(rows[0]))})", rows)
        store._refeature_all()  # the support rows too (the features written again, the same)
        store.db.execute("PRAGMA user_version = 8")
    with Store(db) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        sql = store.db.execute("SELECT sql FROM sqlite_master WHERE name = 'features'").fetchone()[0]
        assert "WITHOUT ROWID" not in sql and "UNIQUE (document, idx)" in sql
        assert sorted(store.db.execute("SELECT * FROM features")) == rows
        plan = " ".join(r[-1] for r in store.db.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM features WHERE document = 'x' AND idx = 1"))
        assert "INDEX" in plan  # found by document and sentence through the unique index, not a scan
    assert timeline_to_dict(storyline.timeline(db)[0]) == before


def test_a_schema_9_store_gets_the_editors_exclusions_table(tmp_path):
    """Exclusions came with schema 10: an older store gets the (empty) table and the same timeline."""
    import storyline
    from storyline.contract import timeline_to_dict

    db = tmp_path / "s.db"
    storyline.build([SAMPLE], db=db)
    before = timeline_to_dict(storyline.timeline(db)[0])
    with Store(db) as store:
        store.db.execute("DROP TABLE exclusions")
        store.db.execute("PRAGMA user_version = 9")
    with Store(db) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.exclusions() == []
    assert timeline_to_dict(storyline.timeline(db)[0]) == before


# The sentence index stores of schema 10 kept (and the statements that made it)
_SCHEMA_10_SENTENCE_INDEX = [
    "CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='rowid',"
    " tokenize='porter unicode61')",
    "INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')",
    "CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN"
    " INSERT INTO sentences_fts(rowid, text) VALUES (new.rowid, new.text); END",
    "CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN"
    " INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text); END",
]


def test_a_schema_10_store_drops_its_sentence_index_and_finds_the_same_sentences(tmp_path):
    """Schema 11 searches a page's sentences in memory: a store's index of every sentence goes, and
    the sentences a query finds in each document are those the index found."""
    import storyline

    db = tmp_path / "s.db"
    storyline.build([SAMPLE], db=db)
    queries = ["dam", "kessel AND tribunal", '"minimum flow"', "treat*", "ostmark NOT veldra", "text:spillways"]
    with Store(db) as store:
        for statement in _SCHEMA_10_SENTENCE_INDEX:
            store.db.execute(statement)
        store.db.execute("PRAGMA user_version = 10")
        ids = [r[0] for r in store.db.execute("SELECT id FROM documents ORDER BY id")]
        marks = ",".join("?" * len(ids))
        indexed = {q: sorted(store.db.execute(
            "SELECT s.document, s.idx, highlight(sentences_fts, 0, '[', ']') FROM sentences_fts"
            f" JOIN sentences s ON s.rowid = sentences_fts.rowid WHERE sentences_fts MATCH ? AND s.document IN ({marks})",
            (q, *ids))) for q in queries}
    assert all(indexed.values())
    with Store(db) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.db.execute("SELECT name FROM sqlite_master WHERE name LIKE 'sentences_fts%'").fetchall() == []
        for q in queries:
            found = sorted((d, i, text.replace("\x02", "[").replace("\x03", "]"))
                           for d, i, _, text in store.search_sentences(q, ids))
            assert found == indexed[q], q
