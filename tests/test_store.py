import sqlite3
from dataclasses import replace

import pytest
from helpers import make_doc

from storyline import dedup
from storyline.model import DuplicateGroup, GroupMember, RawDocument, Removed
from storyline.store import SCHEMA_VERSION, Store, StoreError

from conftest import SAMPLE


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


# --- the dedup index in the store ------------------------------------------------------------

WIRE = [
    "Ministers from Veldra and Ostmark met in the border town of Kessel on Tuesday to discuss the future of the dam.",
    "The talks lasted six hours and ended with a joint statement promising a technical commission before the summer.",
    "Veldra's foreign minister, Anja Brenner, said the commission would examine water flows and compensation claims.",
    "Ostmark has long argued that the dam reduces the river's flow to its farms in the dry season.",
    "Farmers on both sides of the border have staged protests since the reservoir began filling three years ago.",
    "Analysts said the commission could take a year to report, and that neither government wanted an early clash.",
]
UPDATE = WIRE[:2] + ["On Wednesday, the commission's first members were named by both governments, officials said."] + WIRE[2:]
OTHER = [
    "Councillors in Torvik voted on Monday to spend more on flood defences along the lower river.",
    "The council's plan adds two pumping stations and raises the quay wall by half a metre over three years.",
    WIRE[3],
    "Residents who lost property in last winter's floods said the money came too late for them.",
    "The mayor said the town would ask the national government to pay for a third of the work.",
]


def story(doc_id, paragraphs, published):
    return entry(doc_id, "\n\n".join(paragraphs), published)


def members(store):
    return {g.representative: sorted(m.document for m in g.members) for g in store.groups()}


def test_new_documents_are_compared_with_the_stored_index_after_reopening(tmp_path):
    db = tmp_path / "s.db"
    with Store(db) as store:
        store.save([story("wire", WIRE, "2021-03-02"), story("other", OTHER, "2021-03-02")], "1")
        store.update_groups()
        assert store.groups() == []
    with Store(db) as store:  # a new process: the candidate index is rebuilt from the stored rows
        store.save([story("update", UPDATE, "2021-03-03")], "1")
        assert store.groups_stale()
        store.update_groups()
        assert not store.groups_stale()
        assert members(store) == {"update": ["update", "wire"]}
        (group,) = store.groups()
        wire = next(m for m in group.members if m.document == "wire")
        assert (wire.relation, wire.shared_paragraphs, wire.containment, wire.linked_to) == ("version", 6, 1.0, "update")
    with Store(db) as store:
        store.save([story("trim", WIRE[:3], "2021-03-04")], "1")
        store.update_groups()
        assert members(store) == {"update": ["trim", "update", "wire"]}


def test_exact_copies_are_linked_by_their_text_and_rederiving_keeps_the_group(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.save([story("a", WIRE, "2021-03-02"), story("b", [p.upper() for p in WIRE], "2021-03-02")], "1")
        store.update_groups()
        (group,) = store.groups()
        assert {m.reason for m in group.members} == {"most complete, latest version", "identical text"}
        store.save([story("a", WIRE, "2021-03-02")], "2")  # re-derived: removed and indexed again
        store.update_groups()
        assert members(store) == {"b": ["a", "b"]} or members(store) == {"a": ["a", "b"]}
        assert store.db.execute("SELECT count(*) FROM signatures").fetchone()[0] == 2


def test_shared_and_repeated_paragraphs_are_stored_with_their_spans(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.save([story("wire", WIRE, "2021-03-02")], "1")
        store.save([story("other", OTHER + [OTHER[0]], "2021-03-05")], "1")
        store.update_groups()
        found = {p.text: p for p in store.duplicate_paragraphs()}
        assert set(found) == {WIRE[3], OTHER[0]}
        wire_copy = found[WIRE[3]]
        assert [(o.document, o.paragraph) for o in wire_copy.occurrences] == [("wire", 3), ("other", 2)]
        assert (wire_copy.documents, wire_copy.sources) == (2, 2)
        repeat = found[OTHER[0]]
        assert [(o.document, o.paragraph) for o in repeat.occurrences] == [("other", 0), ("other", 5)]
        docs = {d.id: d for d in store.documents()}
        text = docs["other"].text
        assert [text[o.start:o.end] for o in repeat.occurrences] == [OTHER[0], OTHER[0]]
        assert docs["other"].paragraph_origins == {2: "wire"}
        assert docs["other"].repeated_paragraphs == {5}
        assert docs["wire"].paragraph_origins == {} and docs["wire"].repeated_paragraphs == set()


def test_indexing_a_document_twice_names_it_and_keeps_what_is_stored(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add_signatures([dedup.signature("a", "\n\n".join(WIRE))])
        with pytest.raises(StoreError, match="'a'"):
            store.add_signatures([dedup.signature("b", "\n\n".join(OTHER)), dedup.signature("a", "\n\n".join(WIRE))])
        assert [s.document for s in store.signatures()] == ["a"]
        bad = dedup.signature("c", "\n\n".join(OTHER))
        bad.hashvalues = bad.hashvalues[:10]
        with pytest.raises(StoreError, match="'c'"):
            store.add_signatures([bad])
        assert [s.document for s in store.signatures()] == ["a"]


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
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
        assert store.count() == 3
        assert sorted(s.document for s in store.signatures()) == ["other", "update", "wire"]
        assert members(store) == {"update": ["update", "wire"]}
        assert not store.groups_stale()


def test_a_failed_batch_leaves_no_trace_in_the_index(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.save([story("wire", WIRE, "2021-03-02")], "1")
        good = story("update", UPDATE, "2021-03-03")
        bad = story("other", OTHER, "2021-03-03")
        bad[1].sentences = [bad[1].sentences[0], bad[1].sentences[0]]  # duplicate key: fails mid-transaction
        with pytest.raises(sqlite3.IntegrityError):
            store.save([good, bad], "1")
        assert store.db.execute("SELECT count(*) FROM signatures").fetchone()[0] == 1
        store.save([story("trim", WIRE[:3], "2021-03-04")], "1")
        store.update_groups()
        assert members(store) == {"wire": ["trim", "wire"]}
        assert store.db.execute("SELECT count(*) FROM links").fetchone()[0] == 1


def test_a_schema_3_store_gets_its_timeline_features_and_the_same_timeline(tmp_path):
    import storyline
    from storyline.export import timeline_to_dict

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


def test_the_default_timeline_is_kept_in_the_store_until_it_changes(tmp_path):
    import json

    import storyline
    from storyline.chronology import DEFAULT, make_timeline
    from storyline.export import timeline_to_dict

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
