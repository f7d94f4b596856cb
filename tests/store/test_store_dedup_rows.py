"""The dedup index in the store: signatures, links, paragraph copies and groups
(``storyline.store.dedup_rows``)."""

import sqlite3

import pytest
from stored_stories import OTHER, UPDATE, WIRE, members, story

from storyline import dedup
from storyline.store import Store, StoreError


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


def test_regrouping_a_pass_of_few_documents_at_a_time_makes_the_same_groups(tmp_path):
    def grouped(db, per_load):
        with Store(db) as store:
            for i, day in enumerate(("2021-03-02", "2021-03-03", "2021-03-04")):
                store.save([story(f"wire{i}", WIRE[:6 - i], day), story(f"other{i}", OTHER[:5 - i], day)], "1")
            store.update_groups(per_load)
            return members(store)

    whole = grouped(tmp_path / "a.db", None)
    assert len(whole) == 2 and grouped(tmp_path / "b.db", 1) == whole == grouped(tmp_path / "c.db", 4)


def test_passes_hold_at_most_their_documents_but_a_larger_group_is_one_pass():
    from storyline.store.dedup_rows import _passes

    comps = [[1, 2], [3, 4, 5], [6, 7, 8, 9, 10, 11], [12, 13]]
    assert list(_passes(comps, 5)) == [[[1, 2], [3, 4, 5]], [[6, 7, 8, 9, 10, 11]], [[12, 13]]]
    assert list(_passes(comps, 100)) == [comps] and list(_passes([], 3)) == []
