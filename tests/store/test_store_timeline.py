"""The timeline's reads (``storyline.store.timeline``)."""

from stored_stories import entry

from storyline.model import SentenceFeatures
from storyline.store import Store

TEXT = " ".join(f"Sentence number {i} of the report says something new." for i in range(6))


def undated_doc(doc_id, dated=(), refused=()):
    """An undated document whose sentences ``dated`` name a date and ``refused`` are furniture."""
    raw, doc, sig = entry(doc_id, TEXT)
    doc.features = [SentenceFeatures(s.index, "2024-05-01" if s.index in dated else None,
                                     "day" if s.index in dated else None, s.index in dated,
                                     "report" if s.index in dated else "none", "",
                                     "caption" if s.index in refused else None, 0.5, 8, False)
                    for s in doc.sentences]
    return raw, doc, sig


def expected(docs, per_document):
    """The first ``per_document`` undated, unrefused lines of each document, by path."""
    out = []
    for _, doc, _ in sorted(docs, key=lambda d: (d[1].path, d[1].id)):
        lines = [f.sentence for f in doc.features if f.date is None and f.refused is None][:per_document]
        out.extend((doc.id, i) for i in lines)
    return out


def test_undated_candidates_are_each_documents_first_undated_lines(tmp_path):
    docs = [undated_doc("c", dated={0}), undated_doc("a", refused={1, 2}), undated_doc("b", dated={0, 1}, refused={3})]
    with Store(tmp_path / "s.db") as store:
        store.save(docs + [entry("dated", TEXT, "2024-05-02")], "1")
        for k in (1, 2, 4):
            rows = store.undated_candidates(k)
            assert [(r[0], r[1]) for r in rows] == expected(docs, k)
            assert all(r[6] == f"{r[0]}.txt" and r[4] == r[0] for r in rows)  # path; its own source, no group
        store.set_scope(["a", "c"])
        assert [(r[0], r[1]) for r in store.undated_candidates(2)] == expected([docs[0], docs[1]], 2)
        store.set_scope(["a", "c"], [("a", 0), ("a", 4), ("a", 5), ("c", 3)])
        assert [(r[0], r[1]) for r in store.undated_candidates(2)] == [("a", 0), ("a", 4), ("c", 3)]


def test_candidate_documents_give_each_documents_publication_and_independent_source(tmp_path):
    from stored_stories import OTHER, UPDATE, WIRE, story

    with Store(tmp_path / "s.db") as store:
        store.save([story("wire", WIRE, "2021-03-02"), story("update", UPDATE, "2021-03-03"),
                    story("other", OTHER, "2021-03-02"), entry("undated", TEXT)], "1")
        store.update_groups()
        group = {g.id: {m.document: m.relation for m in g.members} for g in store.groups()}
        (grp, relations), = group.items()
        facts = store.candidate_documents(["wire", "update", "other", "undated", "wire", "missing"])
    assert set(facts) == {"wire", "update", "other", "undated"}  # each once; an unknown id gives nothing
    assert facts["wire"] == ("2021-03-02", grp, relations["wire"])
    assert facts["update"] == ("2021-03-03", grp, relations["update"])
    assert facts["other"] == ("2021-03-02", "other", None)  # in no group: its own source
    assert facts["undated"] == (None, "undated", None)


def test_candidates_name_the_sentence_its_text_and_what_the_build_stored(tmp_path):
    raw, doc, sig = undated_doc("u", dated={0, 2, 4}, refused={2})
    with Store(tmp_path / "s.db") as store:
        store.save([(raw, doc, sig)], "1")
        rows = store.candidates("2024-05-01", 10)
        assert store.candidates("2024-05-01", 1) == rows[:1]
    by_sentence = {s.index: s for s in doc.sentences}
    assert [r[1] for r in rows] == [0, 4]  # the refused one is no candidate; ties by sentence
    for document, index, start, end, paragraph, text, named, kind, prior, words, chronology in rows:
        s = by_sentence[index]
        assert (document, start, end, paragraph, text) == ("u", s.start, s.end, s.paragraph, s.text)
        assert (named, kind, prior, words, chronology) == (1, "report", 0.5, "8", 0)


def _stated(weights=(0.5, 0.45, 0.3), statements=(0,)):
    """A document whose first three sentences are candidates of one date with these priors, its
    ``statements`` found by the entity layer (no names, no quotes: the rows only)."""
    raw, doc, sig = undated_doc("s", dated={0, 1, 2})
    for f, prior in zip(doc.features, weights):
        f.prior = prior
    doc.entities, doc.quotes, doc.statements = [], [], list(statements)
    return raw, doc, sig


def test_a_statement_is_weighed_down_in_the_pool_and_its_prior(tmp_path):
    raw, doc, sig = _stated()
    with Store(tmp_path / "s.db") as store:
        store.save([(raw, doc, sig)], "1", "e")
        assert store.db.execute("SELECT document, idx FROM statements").fetchall() == [("s", 0)]
        plain = store.candidates("2024-05-01", 10)
        assert store.candidates("2024-05-01", 10, statement_weight=1.0) == plain
        assert [(r[1], r[8]) for r in plain] == [(0, 0.5), (1, 0.45), (2, 0.3)]
        weighed = store.candidates("2024-05-01", 10, statement_weight=0.8)
        assert [(r[1], round(r[8], 6)) for r in weighed] == [(1, 0.45), (0, 0.4), (2, 0.3)]
        # the pool's limit is taken on the weighed rank: the statement is not among the best one
        assert [r[1] for r in store.candidates("2024-05-01", 1, statement_weight=0.8)] == [1]
        assert [r[1] for r in store.candidates("2024-05-01", 1)] == [0]


def test_statements_go_with_the_entity_rows(tmp_path):
    raw, doc, sig = _stated()
    with Store(tmp_path / "s.db") as store:
        store.save([(raw, doc, sig)], "1", "e")
        doc.statements = [2]
        store.save_entities([doc], "e2")  # the entity layer run again replaces them
        assert store.db.execute("SELECT idx FROM statements").fetchall() == [(2,)]
        doc.entities = doc.quotes = doc.statements = None
        store.save([(raw, doc, sig)], "2")  # stored again without names: none left
        assert store.db.execute("SELECT count(*) FROM statements").fetchone()[0] == 0
        assert [r[1] for r in store.candidates("2024-05-01", 10, statement_weight=0.5)] == [0, 1, 2]


def test_the_weighed_pool_reads_only_rows_that_can_be_in_it(tmp_path):
    """Reading the rows down to the weight times the pool's last rank gives the pool that weighing
    every row of the date gives, whatever the limit and the weight."""
    import random

    text = " ".join(f"Line {i} of the long report tells of another thing." for i in range(40))
    raw, doc, sig = entry("long", text)
    rng = random.Random(3)
    doc.features = [SentenceFeatures(s.index, "2024-05-01", "day", True, "report", "", None,
                                     round(rng.random(), 3), 8, False) for s in doc.sentences]
    doc.entities, doc.quotes = [], []
    doc.statements = sorted(rng.sample(range(len(doc.sentences)), 15))
    with Store(tmp_path / "s.db") as store:
        store.save([(raw, doc, sig)], "1", "e")
        for weight in (0.0, 0.5, 0.8, 0.95):
            weighed = sorted(((f.prior * (weight if f.sentence in doc.statements else 1.0), f.sentence)
                              for f in doc.features), reverse=True)
            for limit in (1, 5, 12, 40, 60):
                got = store.candidates("2024-05-01", limit, statement_weight=weight)
                assert len(got) == min(limit, len(weighed))
                assert sorted(round(r[8], 6) for r in got) == sorted(round(w, 6) for w, _ in weighed[:limit])
