"""Every engine stores the same documents, groups, names and timeline as a build in one process."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from storyline import api, pipeline
from storyline.config import BuildOptions
from storyline.contract import timeline_to_dict
from storyline.engine import make, shards
from storyline.engine.local import LocalEngine

# what a build stores, row by row, without the times it was stored at
TABLES = {
    "documents": "SELECT id, path, kind, url, title, published, published_time, byline, dateline, source,"
                 " contributors, text, removed, encoding, pipeline, language FROM documents ORDER BY id",
    "paths": "SELECT document, path FROM paths ORDER BY document, path",
    "sentences": 'SELECT document, idx, start, "end", paragraph, text FROM sentences ORDER BY document, idx',
    "mentions": 'SELECT document, sentence, start, "end", text, type, value FROM mentions ORDER BY 1, 2, 3, 4',
    "signatures": "SELECT num, document, text_hash FROM signatures ORDER BY num",
    "links": "SELECT a, b, relation, jaccard, reason FROM links ORDER BY a, b",
    "groups": "SELECT document, grp, relation, similarity, linked_to FROM groups ORDER BY document",
    "entities": "SELECT id, kind, key FROM entities ORDER BY id",
    "entity_mentions": 'SELECT document, sentence, start, "end", entity, name, role FROM entity_mentions ORDER BY 1, 2, 3',
    "quotes": 'SELECT * FROM quotes ORDER BY 1, 2, 3',
}


def _contents(db: Path) -> dict[str, list]:
    con = sqlite3.connect(db)
    try:
        return {name: con.execute(sql).fetchall() for name, sql in TABLES.items()}
    finally:
        con.close()


def _timeline(db: Path) -> dict:
    return timeline_to_dict(api.timeline(db)[0])


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sample") / "corpus"
    with api.sample_corpus() as corpus:
        shutil.copytree(corpus, folder)
    return folder


@pytest.fixture(scope="module")
def one_process(sample, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("one") / "s.db"
    report = api.build([sample], db=db, options=BuildOptions(build_workers=1))
    assert report.added > 10 and not report.interrupted
    return db


@pytest.mark.parametrize("options", [
    BuildOptions(build_workers=2, engine_chunk=2),   # a pool of two processes, many chunks in flight
    BuildOptions(build_workers=2),                     # the default chunks
    BuildOptions(engine="dask", build_workers=2, engine_chunk=3),  # a two-worker LocalCluster
], ids=["local-2-small-chunks", "local-2", "dask-local-cluster"])
def test_every_engine_stores_the_same(sample, one_process, tmp_path, options):
    db = tmp_path / "s.db"
    report = api.build([sample], db=db, options=options)
    expected = _contents(one_process)
    got = _contents(db)
    for table in TABLES:
        assert got[table] == expected[table], table
    assert any(expected["entity_mentions"]) and any(expected["groups"])
    assert _timeline(db) == _timeline(one_process)
    assert report.added == len(expected["documents"])
    assert not list(tmp_path.glob("s.db.shards/*.parquet"))  # loaded, then removed


def test_a_build_of_one_chunk_starts_no_process(monkeypatch):
    engine = LocalEngine(4)
    monkeypatch.setattr(engine, "_start", lambda: pytest.fail("a pool was started"))
    assert list(engine.map(lambda c: [x * 2 for x in c], iter([[1, 2]]), None, None)) == [[2, 4]]  # type: ignore[arg-type]


def _double(chunk: list) -> list:
    return [2 * x for x in chunk]


def _die_on_seven(chunk: list) -> list:
    if 7 in chunk:
        import os

        os._exit(3)  # a worker killed in the middle of a chunk (out of memory, a crash in a library)
    return [2 * x for x in chunk]


def test_results_come_in_the_chunks_order_from_many_processes():
    engine = LocalEngine(2)
    chunks = [[i, i + 1] for i in range(0, 200, 2)]
    try:
        assert list(engine.map(_double, iter(chunks), None, None)) == [_double(c) for c in chunks]  # type: ignore[arg-type]
    finally:
        engine.close()


def test_a_chunk_that_kills_its_worker_is_reported_and_the_others_go_on():
    engine = LocalEngine(2)
    chunks = [[i] for i in range(12)]
    try:
        out = list(engine.map(_die_on_seven, iter(chunks), lambda chunk, why: [f"lost {chunk}: {why}"], None))  # type: ignore[arg-type]
    finally:
        engine.close()
    assert out[:7] == [[2 * i] for i in range(7)] and out[8:] == [[2 * i] for i in range(8, 12)]
    assert out[7][0].startswith("lost [7]: a worker process stopped")


def test_a_chunk_that_kills_its_dask_worker_loses_only_its_own_results(tmp_path):
    """Chunks run several to a task: when a task's worker dies on one of them, the chunks before it
    are loaded from the shards it wrote, the others are run again alone, and only that chunk is lost."""
    import dask
    import distributed  # noqa: F401  (its settings loaded before they are changed below)

    from storyline.engine import cluster

    def die_on_seven(chunk: list) -> list:  # defined here: sent to the workers by value
        if 7 in chunk:
            import os

            os._exit(3)
        return [2 * x for x in chunk]

    chunks = [[i] for i in range(12)]
    engine = cluster.DaskEngine(None, 2, tmp_path / "shards")
    try:
        with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
            out = list(engine.map(die_on_seven, iter(chunks), lambda chunk, why: [f"lost {chunk}: {why}"],
                                  lambda chunk: f"c{chunk[0]}"))
    finally:
        engine.close()
    assert cluster.CHUNKS_PER_TASK > 1 and 7 % cluster.CHUNKS_PER_TASK  # 7 shares its task with others before it
    assert out[:7] == [[2 * i] for i in range(7)] and out[8:] == [[2 * i] for i in range(8, 12)]
    assert out[7][0].startswith("lost [7]: its task failed on the cluster")
    assert not list((tmp_path / "shards").glob("*.parquet"))


def _slow_once(chunk: list) -> list:
    """A chunk that takes long (a page at its time limit): it leaves a mark when it ends."""
    import time

    if chunk[0] == 1:
        time.sleep(20)
        Path(chunk[1]).write_text("ended")
    return chunk


class _Told:
    """A build told to stop (Ctrl-C) once the engine is waiting for a chunk."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> None:
        self.calls += 1
        if self.calls >= 2:
            raise KeyboardInterrupt


@pytest.mark.parametrize("kind", ["local", "dask"])
def test_a_build_told_to_stop_does_not_wait_for_the_chunk_in_hand(tmp_path, kind):
    """Ctrl-C is noted by a build and looked at while its engine waits: a chunk that takes long
    (one page can take up to the budget's time) is given up, not waited for."""
    from storyline.engine import cluster

    mark = tmp_path / "ended"
    chunks = [[0, str(mark)], [1, str(mark)], [2, str(mark)]]
    told = _Told()
    engine = (LocalEngine(2, stop=told) if kind == "local"
              else cluster.DaskEngine(None, 2, tmp_path / "shards", stop=told))
    out = []
    try:
        with pytest.raises(KeyboardInterrupt):
            for result in engine.map(_slow_once, iter(chunks), None, lambda chunk: f"c{chunk[0]}"):  # type: ignore[arg-type]
                out.append(result)
    finally:
        engine.close()
    assert chunks[1] not in out and chunks[2] not in out  # the slow chunk was given up, not waited for
    assert told.calls >= 2 and not mark.exists()


def _half_sent(chunk: list) -> list:
    """A worker stopped while sending its result: it writes the header of a message to the pool's
    result pipe (as ``send_bytes`` does) and never the rest."""
    import struct
    import sys
    import time

    frame = sys._getframe()
    while frame is not None and "result_queue" not in frame.f_locals:
        frame = frame.f_back
    if chunk[0] == 1 and frame is not None:
        go = Path(chunk[1] + ".go")  # once the first chunk's result is read: its bytes must not follow the header
        for _ in range(1200):
            if go.exists():
                break
            time.sleep(0.05)
        frame.f_locals["result_queue"]._writer._send(struct.pack("!i", 1 << 20))
        Path(chunk[1]).write_text("half sent")
        time.sleep(60)
    return chunk


def test_a_pool_stopped_while_a_worker_sends_its_result_closes(tmp_path):
    """Ctrl-C lands while a worker is half-way through sending a result: the pool's thread waited
    for the rest of the message for ever, and so did closing the engine and the program's exit."""
    import threading
    import time

    mark = tmp_path / "half"
    engine = LocalEngine(2)
    results = engine.map(_half_sent, iter([[i, str(mark)] for i in range(4)]), None, None)  # type: ignore[arg-type]
    assert next(results) == [0, str(mark)]
    Path(f"{mark}.go").touch()
    for _ in range(600):
        if mark.exists():
            break
        time.sleep(0.05)
    assert mark.exists()  # the second chunk's worker has written its half message
    closing = threading.Thread(target=engine.close, daemon=True)
    closing.start()
    closing.join(30)
    assert not closing.is_alive(), "closing the engine hung"
    assert engine.pool is None


def _allocator_settings(chunk: list) -> list:
    import os
    import signal

    return [(os.environ.get("MALLOC_TRIM_THRESHOLD_"), os.environ.get("OMP_NUM_THREADS"),
             signal.getsignal(signal.SIGINT) == signal.SIG_IGN) for _ in chunk]


def test_the_local_cluster_leaves_the_allocator_as_it_is(tmp_path, monkeypatch):
    """Dask sets MALLOC_TRIM_THRESHOLD_ for its workers, which costs the names stage about a fifth
    more CPU; the cluster a build starts does not (and keeps one thread per numeric library). Its
    workers leave Ctrl-C to the build, which closes the cluster in order."""
    from storyline.engine import cluster

    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    engine = cluster.DaskEngine(None, 1, tmp_path / "shards")
    try:
        out = list(engine.map(_allocator_settings, iter([[0]]), lambda chunk, why: [why], lambda chunk: "c0"))
    finally:
        engine.close()
    assert out == [[(None, "1", True)]]


def test_the_build_process_keeps_only_a_few_of_the_tasks_it_sent(tmp_path):
    """Dask keeps the last messages of every stream for debugging, each a task's pickled chunks:
    1,000 a stream by default, some hundreds of MB in the build's own process. The client's stream
    and the LocalCluster scheduler's streams to its workers and to the client keep a few."""
    from storyline.engine import cluster

    engine = cluster.DaskEngine(None, 1, tmp_path / "shards")
    try:
        chunks = [[i, "x" * 1000] for i in range(40 * cluster.CHUNKS_PER_TASK)]
        out = list(engine.map(lambda chunk: chunk, iter(chunks), lambda chunk, why: [why],
                              lambda chunk: f"c{chunk[0]}"))
        scheduler = engine.cluster.scheduler
        streams = [engine.client.scheduler_comm, *scheduler.stream_comms.values(), *scheduler.client_comms.values()]
        logs = [stream.recent_message_log for stream in streams]
    finally:
        engine.close()
    assert out == chunks
    kept = cluster.LOG_CONFIG["distributed.admin.low-level-log-length"]
    assert len(logs) >= 3 and all(log.maxlen == kept for log in logs)
    assert len(logs[0]) == kept  # the client sent more than that: the oldest were let go


def test_a_dask_build_beside_another_cluster_is_not_warned_about_its_port(tmp_path):
    """The scheduler's HTTP server takes a free port, not Dask's dashboard port (8787), which
    another cluster (another build, a notebook's) may hold."""
    import socket
    import warnings

    from storyline.engine import cluster

    other = socket.socket()
    try:
        other.bind(("", 8787))
        other.listen()
    except OSError:
        pass  # taken already
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            engine = cluster.DaskEngine(None, 1, tmp_path / "shards")
            try:
                out = list(engine.map(lambda chunk: chunk, iter([[1]]), lambda chunk, why: [why], lambda chunk: "c1"))
            finally:
                engine.close()
    finally:
        other.close()
    assert out == [[1]]
    assert not [w for w in caught if "already in use" in str(w.message)]


def test_a_dask_task_runs_several_chunks_each_in_its_own_shard(tmp_path, monkeypatch):
    from storyline.engine import cluster

    written: list[str] = []
    monkeypatch.setattr(cluster.shards, "write", lambda path, records: written.append(path.name))
    monkeypatch.setattr(cluster.shards, "read", lambda path: [path.name])
    (tmp_path / "c1.parquet").write_bytes(b"")  # chunk 1's shard, from an interrupted build
    calls: list[list] = []
    cluster.run_chunks(lambda chunk: calls.append(chunk) or chunk, [[0], [1], [2]],
                       [str(tmp_path / f"c{i}.parquet") for i in range(3)])
    assert calls == [[0], [2]] and written == ["c0.parquet", "c2.parquet"]  # a rerun keeps the shards it has


def test_shards_keep_their_records_in_order(tmp_path):
    records = [{"n": i, "text": "é" * i} for i in range(50)]
    shards.write(tmp_path / "x" / "a.parquet", records)
    assert shards.read(tmp_path / "x" / "a.parquet") == records
    assert [p.name for p in (tmp_path / "x").iterdir()] == ["a.parquet"]  # no temporary file left


def test_a_resumed_dask_build_loads_the_shards_it_made_instead_of_running_them(sample, tmp_path, monkeypatch):
    db = tmp_path / "s.db"
    options = BuildOptions(engine="dask", build_workers=1, engine_chunk=4, entities=False)
    # the first chunks were run by an interrupted build: their shards are there, nothing stored
    raws = [r for r in api.ingest.read([sample]) if isinstance(r, api.RawDocument)][:8]
    folder = tmp_path / "s.db.shards"
    for chunk in (raws[:4], raws[4:8]):
        shards.write(folder / f"{pipeline._chunk_key(chunk, names=False)}.parquet", pipeline.prepare(chunk))
    ran: list[int] = []
    engine = make(options, db)
    submit = engine._connect().submit
    monkeypatch.setattr(engine.client, "submit", lambda *a, **k: ran.append(sum(map(len, a[2]))) or submit(*a, **k))
    monkeypatch.setattr(pipeline.engine, "make", lambda *_: engine)
    report = api.build([sample], db=db, options=options)
    assert report.added == report.documents > 8
    assert sum(ran) == report.added + len(report.errors) - 8  # the two chunks in shards were not run again
    assert not list(folder.glob("*.parquet"))


def test_a_finished_dask_build_leaves_no_shard_of_an_interrupted_one(tmp_path):
    """Shards of chunks an interrupted build had stored (so not asked for again) and a task's
    unfinished write are removed once every chunk of the build is loaded."""
    from storyline.engine import cluster

    folder = tmp_path / "shards"
    shards.write(folder / "stored-before.parquet", [1, 2])
    (folder / ".c9.parquet.0123.tmp").write_bytes(b"half")
    engine = cluster.DaskEngine(None, 1, folder)
    try:
        out = list(engine.map(lambda chunk: [x + 1 for x in chunk], iter([[0], [1]]),
                              lambda chunk, why: [], lambda chunk: f"c{chunk[0]}"))
    finally:
        engine.close()
    assert out == [[1], [2]]
    assert not list(folder.iterdir())


def test_a_scheduler_out_of_reach_is_a_clear_error_and_the_store_keeps_what_it_held(sample, one_process, tmp_path):
    db = tmp_path / "s.db"
    shutil.copy(one_process, db)
    before = _contents(db)
    new = tmp_path / "new"
    new.mkdir()
    for i in range(3):
        (new / f"n{i}.txt").write_text(f"Talks on the dam resumed on Monday, day {i} of the new round, officials "
                                       "said in a statement.\n\nThe two sides met in the border town.", encoding="utf-8")
    with pytest.raises(api.EngineError, match="cannot use the Dask scheduler at tcp://127.0.0.1:9"):
        api.build([new], db=db, options=BuildOptions(engine="dask", scheduler="tcp://127.0.0.1:9",
                                                                 connect_seconds=2, entities=False))
    assert _contents(db) == before


def test_the_command_line_says_when_the_scheduler_is_out_of_reach(sample, tmp_path):
    from typer.testing import CliRunner

    from storyline.cli import app

    result = CliRunner().invoke(app, ["build", str(sample / "blog"), "--db", str(tmp_path / "s.db"), "--engine",
                                      "local", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code != 0 and "--scheduler is for --engine dask" in result.output
