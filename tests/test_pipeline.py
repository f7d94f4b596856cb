import os
import pickle
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import storyline
from storyline import api
from storyline.store import Store

ARTICLE = """Dam talks resume in Kessel

By Lena Hartmann

KESSEL (Wire) — Negotiators from Veldra and Ostmark resumed talks on Tuesday over the future of the Kessel dam, {n} officials said after the first session ended in the evening.

The two governments have argued for years about how much water the reservoir may hold back in the dry season, and farmers on both banks of the river have staged protests since it began filling.

Veldra's chief negotiator said the delegations had agreed to exchange flow data every week, a step that diplomats on both sides described as modest but useful.

The talks are expected to continue next month in the Ostmark capital, where a technical commission is due to present its first report.
"""


def write_corpus(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"doc{i:04d}.txt").write_text(ARTICLE.format(n=f"reference {i},"), encoding="utf-8")


def test_build_is_incremental_and_idempotent(tmp_path):
    corpus, db = tmp_path / "c", tmp_path / "s.db"
    write_corpus(corpus, 3)
    first = storyline.build([corpus], db=db)
    assert (first.added, first.unchanged, first.errors) == (3, 0, [])
    again = storyline.build([corpus], db=db)
    assert (again.added, again.unchanged) == (0, 3)
    (corpus / "copy.txt").write_bytes((corpus / "doc0000.txt").read_bytes())
    write_corpus(tmp_path / "more", 0)
    (corpus / "new.txt").write_text(ARTICLE.format(n="reference new,"), encoding="utf-8")
    third = storyline.build([corpus], db=db)
    assert (third.added, third.unchanged, third.new_paths) == (1, 4, 1)
    with Store(db, readonly=True) as store:
        assert store.count() == 4
        doc0 = next(d for d in store.documents() if d.path.endswith("doc0000.txt"))
        assert [Path(p).name for p in doc0.paths] == ["doc0000.txt", "copy.txt"]


def test_bad_input_is_reported_and_the_rest_is_built(tmp_path):
    corpus = tmp_path / "c"
    write_corpus(corpus, 2)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(os.urandom(4096) + b"\x00" * 100)
    (corpus / "latin1.txt").write_bytes(ARTICLE.format(n="said José Müller,").replace("\u2014", "--").encode("latin-1"))
    with open(corpus / "huge.txt", "wb") as fh:
        fh.write(b"The dam talks went on and on. " * (50 * 1024 * 1024 // 30 + 1))
    (corpus / "nav.html").write_text(
        "<html><head><title>Tags</title></head><body><nav><a href='/'>Home</a> <a href='/world'>World</a>"
        " <a href='/sport'>Sport</a></nav><footer>© Example</footer></body></html>", encoding="utf-8")
    errors = []
    report = storyline.build([corpus], db=tmp_path / "s.db", on_error=errors.append)
    reasons = {Path(e.path).name: e.reason for e in report.errors}
    assert set(reasons) == {"empty.txt", "binary.txt", "huge.txt", "nav.html"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "too large" in reasons["huge.txt"]
    assert "no article" in reasons["nav.html"]
    assert errors == report.errors
    assert report.added == 3
    docs = storyline.documents(tmp_path / "s.db")
    latin = next(d for d in docs if d.path.endswith("latin1.txt"))
    assert "José Müller" in latin.text


def _build_cmd(corpus, db):
    return [sys.executable, "-m", "storyline", "build", str(corpus), "--db", str(db), "--batch-size", "4", "-q"]


def _count(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _as_from_a_terminal() -> None:
    """In the build's process before it starts: Ctrl-C as a terminal delivers it (not blocked, not
    ignored), whatever a thread of this test process had set when it started the build."""
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_killed_build_leaves_a_consistent_store_and_the_next_build_finishes(tmp_path, sig):
    corpus, db = tmp_path / "c", tmp_path / "s.db"
    total = 400
    write_corpus(corpus, total)
    proc = subprocess.Popen(_build_cmd(corpus, db), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=_as_from_a_terminal)
    deadline, seen, polls = time.time() + 120, 0, 0
    while seen < 8 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.005)
        seen, polls = _count(db), polls + 1
    ended_first = proc.poll() is not None
    proc.send_signal(sig)
    _, stderr = proc.communicate(timeout=60)
    partial = _count(db)
    assert 0 < partial < total, (f"the build should have been stopped midway: {partial} of {total} stored, {seen} seen"
                                 f" after {polls} polls, ended before the signal: {ended_first}, exit"
                                 f" {proc.returncode}, stderr {stderr[-2000:]!r}")
    if sig == signal.SIGINT:
        assert proc.returncode == 130
        assert b"interrupted" in stderr
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # every stored document is complete: it has its sentences, signature and path
    assert con.execute("SELECT count(*) FROM documents WHERE id NOT IN (SELECT document FROM sentences)").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM documents WHERE id NOT IN (SELECT document FROM signatures)").fetchone()[0] == 0
    con.close()
    done = subprocess.run(_build_cmd(corpus, db), capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == total
    assert con.execute("SELECT count(DISTINCT path) FROM paths").fetchone()[0] == total
    assert con.execute("SELECT count(*) FROM paths").fetchone()[0] == total
    con.execute("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")  # raises if not
    assert con.execute("SELECT count(*) FROM meta WHERE key = 'groups_stale'").fetchone()[0] == 0
    con.close()


class _PressesCtrlCWhenCollected:
    """Ctrl-C arriving while the garbage collector runs a finalizer: a KeyboardInterrupt raised
    there is printed and lost."""

    def __del__(self) -> None:
        os.kill(os.getpid(), signal.SIGINT)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the second press, lost as it should be
@pytest.mark.parametrize("presses", [1, 2])
@pytest.mark.parametrize("where", ["reading", "finalizer"])
def test_ctrl_c_stops_a_build_wherever_it_lands(tmp_path, where, presses):
    corpus = tmp_path / "c"
    write_corpus(corpus, 12)
    pressed = []

    def progress(path: str, done: int, total: int) -> None:
        if done == 3 and not pressed:
            pressed.append(done)
            for _ in range(presses):
                if where == "finalizer":
                    _PressesCtrlCWhenCollected()  # collected at once
                else:
                    os.kill(os.getpid(), signal.SIGINT)

    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    options = api.DEFAULT_BUILD.with_given(build_workers=1, batch_size=1, engine_chunk=1, entities=False)
    report = storyline.build([corpus], db=tmp_path / "s.db", options=options, progress=progress)
    assert pressed and report.interrupted
    assert 0 < report.documents < 12
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # as the build found it
    again = storyline.build([corpus], db=tmp_path / "s.db", options=options)
    assert not again.interrupted and again.documents == 12


WIRE_STORY = """Dam commission named

By Lena Hartmann | March 3, 2021 | Nordwire

KESSEL (Nordwire) — Veldra and Ostmark named the first members of a technical commission on the Kessel dam on Wednesday, a day after ministers met in the border town.

The commission will examine water flows and the compensation claims of farmers on both banks of the river, officials from the two capitals said.

Ostmark has long argued that the dam reduces the river's flow to its farms in the dry season, when the reservoir is filling.

Farmers on both sides of the border have staged protests since the reservoir began filling three years ago.

Analysts said the commission could take a year to report, and that neither government wanted an early clash.
"""

UPDATE_PARAGRAPHS = [
    "Ostmark's parliament is due to vote on the arrangement next month, and opposition parties have called it a surrender.",
    "The dam's operator said it would publish daily flow figures on its website from the start of the month.",
]


def test_a_later_build_groups_new_versions_with_stored_documents(tmp_path):
    first, second, db = tmp_path / "first", tmp_path / "second", tmp_path / "s.db"
    first.mkdir()
    second.mkdir()
    (first / "wire.txt").write_text(WIRE_STORY, encoding="utf-8")
    report = storyline.build([first], db=db)
    assert (report.added, report.groups) == (1, 0)
    head, body = WIRE_STORY.split("\n\nKESSEL", 1)
    updated = head.replace("March 3", "March 4") + "\n\nKESSEL" + body.rstrip("\n") + "\n\n" + "\n\n".join(UPDATE_PARAGRAPHS) + "\n"
    (second / "update.txt").write_text(updated, encoding="utf-8")
    trimmed = head + "\n\nKESSEL" + "\n\n".join(body.split("\n\n")[:2]) + "\n\nRead the full story at Nordwire\n"
    (second / "trim.txt").write_text(trimmed, encoding="utf-8")
    report = storyline.build([second], db=db)
    assert (report.added, report.unchanged, report.groups) == (2, 0, 1)
    (group,) = storyline.duplicate_groups(db)
    names = {d.id: Path(d.path).name for d in storyline.documents(db)}
    assert names[group.representative] == "update.txt"
    assert {names[m.document]: m.relation for m in group.members} == {
        "update.txt": "representative", "wire.txt": "version", "trim.txt": "version"}


def test_a_worker_sends_the_writer_plain_rows_not_the_models_objects(tmp_path):
    """Unpickling the model's objects (a document's sentences, dates and features) cost the one
    writer a third of its time: a worker sends the store's rows as plain tuples instead."""
    import pickletools

    from storyline import pipeline
    from storyline.model import RawDocument

    raw = RawDocument(id="k1", path="kessel.txt", kind="text", content=ARTICLE.format(n="two"))
    sent = pickle.dumps(pipeline.prepare([raw]))
    modules = {arg.split()[0] if isinstance(arg, str) and " " in arg else arg
               for op, arg, _ in pickletools.genops(sent) if op.name in ("GLOBAL", "STACK_GLOBAL", "SHORT_BINUNICODE")}
    assert "storyline.model" not in modules
    (record,) = pickle.loads(sent)
    assert isinstance(record, pipeline.Prepared) and record.rows.sentences and record.rows.features
    assert all(type(row) is tuple for row in record.rows.sentences + record.rows.features + record.rows.mentions)

    with Store(tmp_path / "s.db") as store:
        store.save([record.rows], pipeline.PIPELINE_VERSION)
        (doc,) = store.documents()
    made = pipeline.process(raw)[0]
    assert (doc.text, doc.title, len(doc.sentences)) == (made.text, made.title, len(made.sentences))
    assert [(s.start, s.end, s.text) for s in doc.sentences] == [(s.start, s.end, s.text) for s in made.sentences]


def test_a_chunks_documents_are_made_as_each_alone():
    """A worker signs a chunk's documents in one pass: the same documents, signatures and
    features as each made alone, and a document the signatures cannot read (a lone surrogate)
    fails alone, as it did, the others made."""
    from storyline import pipeline
    from storyline.model import RawDocument

    raws = [RawDocument(id=f"k{i}", path=f"k{i}.txt", kind="text", content=ARTICLE.format(n=n))
            for i, n in enumerate(["two", "\ud800 three", "four"])]
    raws.insert(1, RawDocument(id="e", path="empty.txt", kind="text", content="\n\n"))
    outcomes = pipeline.work(raws)
    for raw, outcome in zip(raws, outcomes):
        try:
            doc, sig, warnings = pipeline.process(raw)
        except Exception as exc:
            assert isinstance(outcome, pipeline.Failed) and outcome.path == raw.path
            assert str(exc) in outcome.reason
            continue
        assert isinstance(outcome, pipeline.Processed) and outcome.warnings == warnings
        assert (outcome.doc.text, outcome.doc.sentences, outcome.doc.features) == (doc.text, doc.sentences, doc.features)
        assert (outcome.sig.text_hash, outcome.sig.words, outcome.sig.shingles) == (sig.text_hash, sig.words, sig.shingles)
        assert (outcome.sig.hashvalues == sig.hashvalues).all() and (outcome.sig.paragraphs == sig.paragraphs).all()
    assert [type(o).__name__ for o in outcomes] == ["Processed", "Failed", "Failed", "Processed"]


def test_a_documents_time_budget_holds_across_a_chunks_passes(monkeypatch):
    """A worker's chunk runs in two passes (the signatures between): what a document spent in the
    first counts against its budget in the second, what the chunk's other documents spent does not."""
    from storyline import pipeline
    from storyline.chronology import features
    from storyline.config import Budget
    from storyline.model import RawDocument

    raw = RawDocument(id="k1", path="kessel.txt", kind="text", content=ARTICLE.format(n="two"))
    other = RawDocument(id="k2", path="other.txt", kind="text", content=ARTICLE.format(n="three"))
    assert isinstance(pipeline.work([raw], Budget(seconds=60))[0], pipeline.Processed)  # loaded once
    delays = {"k1": 0.3}  # seconds each pass of a document takes more
    annotate, weigh = pipeline.annotate, features.sentence_features
    monkeypatch.setattr(pipeline, "annotate", lambda doc: (time.sleep(delays.get(doc.id, 0)), annotate(doc))[1])
    monkeypatch.setattr(features, "sentence_features",
                        lambda doc, *a: (time.sleep(delays.get(doc.id, 0)), weigh(doc, *a))[1])
    (outcome,) = pipeline.work([raw], Budget(seconds=0.5))
    assert isinstance(outcome, pipeline.Failed)
    assert "took longer than 0.5 s (the budget per document) while dating sentences" in outcome.reason
    delays = {"k2": 0.6}  # stopped in its first pass, after the other's
    first, second = pipeline.work([raw, other], Budget(seconds=0.5))
    assert isinstance(first, pipeline.Processed) and isinstance(second, pipeline.Failed)
    assert "while reading dates" in second.reason


def test_a_batch_larger_than_a_chunk_stores_whole_chunks(tmp_path, monkeypatch):
    """Above the chunk size, a transaction holds whole chunks (a resumed build makes the same
    chunks) and is stored once it has the batch size; at or below it, as many as the batch size."""
    import dataclasses

    from storyline import pipeline
    from storyline.config import DEFAULT_BUILD

    write_corpus(tmp_path / "c", 20)
    stored: list[int] = []
    save = Store.save
    monkeypatch.setattr(Store, "save", lambda self, batch, *a: (stored.append(len(batch)), save(self, batch, *a))[1])
    for size, batches in [(10, [12, 8]), (3, [3, 1] * 5)]:
        stored.clear()
        options = dataclasses.replace(DEFAULT_BUILD, batch_size=size, engine_chunk=4, build_workers=1, entities=False)
        report = pipeline.build([tmp_path / "c"], db=tmp_path / f"{size}.db", options=options)
        assert report.added == 20 and stored == batches
