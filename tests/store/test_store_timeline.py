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
