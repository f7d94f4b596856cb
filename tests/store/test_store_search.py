"""Full-text search of documents and sentences (``storyline.store.search``)."""

import pytest
from stored_stories import entry

from storyline.store import Store, StoreError


def test_sentence_search_follows_saves_and_says_what_is_wrong_with_a_query(tmp_path):
    db = tmp_path / "s.db"
    with Store(db) as store:
        store.save([entry("d1", "The dam commission met in Kessel. Farmers protested at the gate.")], "1")
        store.save([entry("d1", "The dam commission met in Kessel. Farmers protested at the gate.")], "1")  # re-derived
        store.save([entry("d2", "Farmers in Torvik counted their losses.")], "1")
        hits = store.search_sentences("farmers", ["d1", "d2", "d1"])
        assert sorted((doc, idx) for doc, idx, _, _ in hits) == [("d1", 1), ("d2", 0)]
        assert "\x02Farmers\x03 protested" in next(text for doc, _, _, text in hits if doc == "d1")
        assert [h[2] for h in hits] == sorted(h[2] for h in hits) and all(h[2] < 0 for h in hits)  # best first
        assert [h[0] for h in store.search_sentences("farmers", ["d2"])] == ["d2"]  # only the documents asked for
        (doc_id, score, title, snippet), = store.search_documents("torvik")
        assert doc_id == "d2" and score < 0 and "\x02Torvik\x03" in snippet
        assert title == ""  # a document without a title (the index reads its NULL)
        store.db.execute("DELETE FROM sentences WHERE document = 'd2'")
        assert [h[0] for h in store.search_sentences("farmers", ["d1", "d2"])] == ["d1"]
        assert [(h[0], h[1]) for h in store.search_sentences("kessel", ["d1"])] == [("d1", 0)]
        assert store.search_sentences("kessel", []) == []
        with pytest.raises(StoreError, match="invalid search query"):
            store.search_sentences("kessel-dam", ["d1"])
        with pytest.raises(StoreError, match="invalid search query"):
            store.search_sentences("title:kessel", ["d1"])  # sentences have no title
        with pytest.raises(StoreError, match="invalid search query"):
            store.search_sentences("k\ud800", ["d1"])
