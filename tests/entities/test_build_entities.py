"""Names and quotes through a build: stored per sentence, linked across documents, caught up later, off on request."""

import pytest

import storyline
from storyline import attribution, entities, nlp
from storyline.config import BuildOptions
from storyline.store import Store

pytestmark = pytest.mark.skipif(nlp.unavailable() is not None, reason="the English pipeline is not installed")

FIRST = """Talks on the river resume

Foreign Minister Sergei Antonov said on Monday that the talks in Lisbon would go on. Antonov met Daniel Okafor, the central bank governor, after the session.
"""
SECOND = """Minister returns home

Sergey Antonov left Lisbon on Wednesday. The International Monetary Fund (IMF) said the IMF would lend to both countries.
"""


def _corpus(folder):
    folder.mkdir()
    (folder / "a.txt").write_text(FIRST)
    (folder / "b.txt").write_text(SECOND)
    return folder


def _people(db):
    with Store(db, readonly=True) as store:
        return {row[2]: row for row in store.entity_rows() if row[1] == "PERSON"}


def test_a_build_stores_mentions_linked_across_documents(tmp_path):
    db = tmp_path / "s.db"
    report = storyline.build([_corpus(tmp_path / "in")], db=db)
    assert report.entities_off is None and not report.errors
    people = _people(db)
    antonov = people["Sergei Antonov"]
    assert antonov[3] == "foreign minister"                # role
    assert antonov[5] == 2                                 # documents: both spellings are one person
    with Store(db, readonly=True) as store:
        written = {name for name, _ in store.entity_names(antonov[0])}
        assert {"Sergei Antonov", "Antonov", "Sergey Antonov"} <= written
        pairs = store.entity_sentences([antonov[0]])
        texts = {s.text for d in store.documents(sorted({d for d, _ in pairs})) for s in d.sentences
                 if (d.id, s.index) in pairs}
        assert any("Antonov met Daniel Okafor" in t for t in texts)
        assert all("Antonov" in t for t in texts)


def test_off_on_request_and_caught_up_by_the_next_build(tmp_path):
    db = tmp_path / "s.db"
    corpus = _corpus(tmp_path / "in")
    report = storyline.build([corpus], db=db, options=BuildOptions(entities=False))
    assert report.entities_off and "--no-entities" in report.entities_off
    assert _people(db) == {}
    report = storyline.build([corpus], db=db)
    assert report.entities_caught_up == 2 and report.unchanged == 2
    assert "Sergei Antonov" in _people(db)


def test_without_the_pipeline_the_build_goes_on_and_says_why(tmp_path, monkeypatch):
    monkeypatch.setattr(entities, "off_reason", lambda: "spaCy is not installed")
    db = tmp_path / "s.db"
    report = storyline.build([_corpus(tmp_path / "in")], db=db)
    assert report.documents == 2 and "spaCy is not installed" in report.entities_off
    assert _people(db) == {}


def test_a_document_in_another_language_is_left_alone(tmp_path):
    from storyline.model import Document
    from storyline.sentences import split

    text = "Le ministre Pierre Durand a parlé à Paris."
    doc = Document(id="fr", path="fr.txt", kind="text", text=text)
    doc.sentences = split(text, "fr")
    doc.language = "fr"
    attribution.analyze([doc])
    assert doc.entities == [] and doc.quotes == []


def test_the_entity_list_is_kept_until_the_store_changes(tmp_path):
    db = tmp_path / "s.db"
    first = tmp_path / "one"
    first.mkdir()
    (first / "a.txt").write_text(FIRST)
    storyline.build([first], db=db)
    names = {e.name for e in storyline.api.entities(db)}
    assert "Sergei Antonov" in names and "International Monetary Fund" not in names
    with Store(db, readonly=True) as store:
        assert store.cached("entities") is not None
    (first / "b.txt").write_text(SECOND)
    storyline.build([first], db=db)
    assert "International Monetary Fund" in {e.name for e in storyline.api.entities(db)}


def test_names_in_page_furniture_are_not_read():
    from storyline.model import Document, SentenceFeatures
    from storyline.sentences import split

    text = "Posted by Mark Evans at 10:42. Daniel Okafor met Anna Kowalczyk in Lisbon on Monday."
    doc = Document(id="f", path="f.txt", kind="text", text=text)
    doc.sentences = split(text, "f")
    doc.features = [SentenceFeatures(s.index, None, None, False, "none", "", "stamp" if s.index == 0 else None, 1.0, "")
                    for s in doc.sentences]
    attribution.analyze([doc])
    named = {m.text for m in doc.entities}
    assert "Mark Evans" not in named and {"Daniel Okafor", "Anna Kowalczyk"} <= named


def test_a_caught_up_store_holds_the_names_a_build_with_names_stores(tmp_path):
    corpus = _corpus(tmp_path / "in")
    (corpus / "c.txt").write_text("Talks resume\n\nDaniel Okafor met Anna Kowalczyk in Lisbon on Monday, officials "
                                  "said.\n\nThe talks will go on next week in Porto, the ministry said.\n\n"
                                  "Mark Evans wrote: I hope Lisbon gets it right this time.\n")  # a reader's comment
    direct, later = tmp_path / "direct.db", tmp_path / "later.db"
    storyline.build([corpus], db=direct)
    storyline.build([corpus], db=later, options=BuildOptions(entities=False))
    storyline.build([corpus], db=later)

    def rows(db):
        with Store(db, readonly=True) as store:
            return sorted(store.db.execute('SELECT document, sentence, start, "end", text, name, role FROM entity_mentions'))
    assert rows(direct) == rows(later) and rows(direct)
    assert "Mark Evans" not in {row[4] for row in rows(later)}


def _dies_on_b(docs, params=None):
    import os

    if any(d.id == "b" for d in docs):
        os._exit(3)
    return _real_analyzed(docs, params)


_real_analyzed = attribution._analyzed


def _texts(tmp_path):
    from storyline.model import Document
    from storyline.sentences import split

    docs = []
    for i, name in enumerate(["a", "b", "c", "d"]):
        text = f"Daniel Okafor met Anna Kowalczyk in Lisbon on Monday {i}, officials said."
        doc = Document(id=name, path=f"{name}.txt", kind="text", text=text, language="en")
        doc.sentences = split(text, name)
        docs.append(doc)
    return docs


def test_the_analyzers_processes_lose_only_the_document_whose_worker_dies(tmp_path, monkeypatch):
    monkeypatch.setattr(attribution, "_analyzed", _dies_on_b)
    docs = _texts(tmp_path)
    with attribution.Analyzer(2) as analyzer:
        analyzer.analyze(docs)
    assert docs[1].entities is None  # stored without names: a later build catches it up
    assert all("Daniel Okafor" in {m.text for m in d.entities} for d in docs if d.id != "b")


def _slow(docs, params=None):
    import time

    time.sleep(30)
    return _real_analyzed(docs, params)


def test_the_analyzer_stops_waiting_when_the_build_is_told_to_stop(tmp_path, monkeypatch):
    monkeypatch.setattr(attribution, "_analyzed", _slow)
    told = []

    def stop():
        told.append(1)
        raise KeyboardInterrupt

    with attribution.Analyzer(2, stop=stop) as analyzer:
        with pytest.raises(KeyboardInterrupt):
            analyzer.analyze(_texts(tmp_path))
    assert told
