"""A busy or hostile client: bounded searches, one shared timeline per store version, no bare 500, clean stops."""

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

import storyline  # noqa: E402
from storyline import api, store as store_module  # noqa: E402
from storyline.cli import app as cli  # noqa: E402
from storyline.store import MAX_QUERY_TERMS, Interrupted, QueryError  # noqa: E402
from storyline.web import create_app  # noqa: E402
from storyline.web.cache import SharedCache  # noqa: E402
from storyline.web.guard import same_origin  # noqa: E402
from test_hostile import article, corrupt_gzip  # noqa: E402

runner = CliRunner()
TOO_MANY = " ".join(["a*"] * (MAX_QUERY_TERMS + 1))


# -- uploads ------------------------------------------------------------------------------------
def test_an_upload_holding_a_corrupt_gzip_page_stores_the_good_files_beside_it(store_copy):
    client = TestClient(create_app(store_copy))
    files = [("files", ("bad.html.gz", corrupt_gzip(), "application/gzip")),
             ("files", ("good.txt", article().encode(), "text/plain"))]
    response = client.post("/api/documents", files=files)
    assert response.status_code == 200, response.text
    body = response.json()
    assert [d["path"] for d in body["added"]] == ["good.txt"]
    assert [(e["path"], "not a valid gzip file" in e["reason"]) for e in body["errors"]] == [("bad.html.gz", True)]
    page = client.post("/documents", files=files)
    assert page.status_code == 200 and "bad.html.gz" in page.text


def test_a_failure_nobody_foresaw_is_a_plain_500_with_the_security_headers(store_copy, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("something nobody foresaw")

    monkeypatch.setattr(api, "add_files", broken)
    client = TestClient(create_app(store_copy), raise_server_exceptions=False)
    response = client.post("/api/documents", files=[("files", ("a.txt", b"text", "text/plain"))])
    assert response.status_code == 500
    assert "content-security-policy" in response.headers and "nothing nobody" not in response.text
    assert "something nobody foresaw" not in response.text  # no internals shown


# -- search ---------------------------------------------------------------------------------------
def test_a_query_of_too_many_words_is_a_clear_400(sample_store):
    client = TestClient(create_app(sample_store))
    for url in ("/search", "/api/search", "/", "/api/timeline"):
        response = client.get(url, params={"q": TOO_MANY})
        assert response.status_code == 400, (url, response.status_code)
        assert f"the limit is {MAX_QUERY_TERMS}" in response.text
    words = " ".join(f"w{n}" for n in range(MAX_QUERY_TERMS))
    assert client.get("/api/search", params={"q": words}).status_code == 200


def test_query_words_are_counted_as_fts5_reads_them():
    assert store_module.query_terms('dam AND "water flow" OR NOT title:accord NEAR(a b, 5) ( x* )') == 8


def test_the_command_line_refuses_a_query_of_too_many_words(sample_store):
    result = runner.invoke(cli, ["timeline", "--db", str(sample_store), "--query", TOO_MANY])
    assert result.exit_code == 2
    assert f"the limit is {MAX_QUERY_TERMS}" in " ".join(result.stderr.split())
    with pytest.raises(QueryError):
        storyline.search(sample_store, TOO_MANY)


def test_a_search_told_to_stop_stops_with_the_reason(sample_store, monkeypatch):
    monkeypatch.setattr(store_module, "PROGRESS_STEPS", 1)
    with pytest.raises(Interrupted, match="its reader left"):
        storyline.search(sample_store, "dam OR water", stop=lambda: "its reader left")
    with pytest.raises(Interrupted, match="took longer than"):
        storyline.search(sample_store, "dam OR water", seconds=0)
    assert storyline.search(sample_store, "dam OR water", stop=lambda: None).total > 0


def test_the_pages_shown_get_their_snippets_and_sentences(sample_store):
    everything = storyline.search(sample_store, "dam OR water", limit=100)
    page = storyline.search(sample_store, "dam OR water", limit=3, offset=2)
    assert [h.document.id for h in page.hits] == [h.document.id for h in everything.hits[2:5]]
    assert all(h.snippet.matches for h in page.hits) and any(h.sentences for h in page.hits)


@pytest.mark.parametrize("event", ["client leaves", "server stops"])
def test_a_search_whose_client_left_or_whose_server_stops_is_stopped(sample_store, monkeypatch, event):
    """The search runs in a worker thread; when the client goes or the server is told to stop
    (what ``storyline serve`` does on SIGTERM or Ctrl-C), it is told so and stops."""
    seen = []

    def slow_search(db, q, stop=None, **kwargs):
        for _ in range(1000):  # at most ten seconds: the stop comes long before
            if event == "server stops":
                app.state.stopping.set()
            reason = stop()
            if reason:
                seen.append(reason)
                raise Interrupted(f"the search was stopped: {reason}")
            time.sleep(0.01)
        raise AssertionError("never told to stop")

    monkeypatch.setattr(api, "search", slow_search)
    app = create_app(sample_store)
    sent = []
    messages = [{"type": "http.request", "body": b"", "more_body": False}]
    if event == "client leaves":
        messages.append({"type": "http.disconnect"})

    async def receive():
        if messages:
            return messages.pop(0)
        await asyncio.sleep(3600)

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": "/api/search", "raw_path": b"/api/search", "query_string": b"q=dam", "root_path": "",
             "headers": [(b"host", b"testserver")], "client": ("127.0.0.1", 5000), "server": ("testserver", 80)}
    asyncio.run(app(scope, receive, send))
    assert seen == ["its reader left" if event == "client leaves" else "the server is shutting down"]
    assert sent[0]["status"] == 503


# -- the timeline cache ----------------------------------------------------------------------------
def test_the_timeline_is_made_once_per_store_version_however_many_read_it(store_copy):
    app = create_app(store_copy)
    client = TestClient(app)
    first = [client.get("/api/timeline").json() for _ in range(3)]
    client.get("/")
    assert app.state.timelines.computed == 1 and first[0] == first[1] == first[2]
    client.post("/api/documents", files=[("files", ("new.txt", article("Sunday").encode(), "text/plain"))])
    client.get("/api/timeline")
    client.get("/api/timeline")
    assert app.state.timelines.computed == 2  # the store changed: made again, once


def test_readers_asking_at_once_share_one_computation():
    cache = SharedCache(size=4, concurrent=2)
    release = threading.Event()
    calls = []

    def compute():
        calls.append(1)
        release.wait(10)
        return object()

    results = []
    threads = [threading.Thread(target=lambda: results.append(cache.get("k", compute))) for _ in range(8)]
    for t in threads:
        t.start()
    while not cache.pending:
        time.sleep(0.001)
    release.set()
    for t in threads:
        t.join()
    assert len(calls) == 1 and len(results) == 8 and len({id(r) for r in results}) == 1


def test_at_most_so_many_timelines_are_made_at_once_and_a_failure_is_not_kept():
    cache = SharedCache(size=16, concurrent=2)
    lock = threading.Lock()
    running, most = [0], [0]

    def compute(n):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.02)
        with lock:
            running[0] -= 1
        if n == 3:
            raise ValueError("bad key")
        return n

    errors = []

    def ask(n):
        try:
            cache.get(n, lambda: compute(n))
        except ValueError as exc:
            errors.append(exc)

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert most[0] <= 2 and len(errors) == 1 and 3 not in cache.values and not cache.pending


# -- cross-site posts ------------------------------------------------------------------------------
@pytest.mark.parametrize("origin, allowed", [("http://testserver", True), ("http://testserver:80", True),
                                             ("http://testserver:9999", False), ("https://testserver", False),
                                             ("http://evil.example", False), ("null", False)])
def test_a_post_from_another_port_or_scheme_is_refused(store_copy, origin, allowed):
    client = TestClient(create_app(store_copy))
    response = client.post("/api/documents", headers={"origin": origin},
                           files=[("files", ("x.txt", article("Saturday").encode(), "text/plain"))])
    assert (response.status_code != 403) == allowed, response.text


def test_same_origin_compares_scheme_host_and_port():
    assert same_origin("http://127.0.0.1:8000", "http", "127.0.0.1:8000")
    assert not same_origin("http://127.0.0.1:9999", "http", "127.0.0.1:8000")
    assert not same_origin("https://127.0.0.1:8000", "http", "127.0.0.1:8000")
    assert same_origin("http://[::1]:8000", "http", "[::1]:8000")
    assert not same_origin("http://127.0.0.1:bad", "http", "127.0.0.1:8000")


# -- stopping the server ---------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_stops_cleanly_on_sigterm(sample_store, tmp_path):
    from helpers import copy_store

    db = copy_store(sample_store, tmp_path / "s.db")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "storyline", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(300):  # up to a minute for the server to come up
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/timeline", timeout=5) as response:
                    assert response.status == 200
                break
            except OSError:
                time.sleep(0.2)
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    finally:
        if server.poll() is None:
            os.kill(server.pid, signal.SIGKILL)
            server.wait()
    # stopped by its signal after a clean shutdown (uvicorn passes the signal on as the exit status)
    assert server.returncode in (0, -signal.SIGTERM)
    assert "Traceback" not in server.stderr.read()


# -- a long article ----------------------------------------------------------------------------------
def test_a_long_article_page_shows_its_beginning_and_says_where_the_rest_is(tmp_path, monkeypatch):
    from storyline.web import limits
    from test_hostile import long_article

    monkeypatch.setattr(limits, "ARTICLE_CHARS", 1500)
    (tmp_path / "long.txt").write_text(long_article(60), encoding="utf-8")
    storyline.build([tmp_path / "long.txt"], db=tmp_path / "s.db")
    client = TestClient(create_app(tmp_path / "s.db"))
    [doc] = client.get("/api/documents").json()
    page = client.get(f"/articles/{doc['id']}").text
    assert "Paragraph 3:" in page and "Paragraph 59:" not in page
    assert "The text goes on past the first 1,500 of its" in page
    assert "Paragraph 59:" in client.get(f"/api/articles/{doc['id']}").json()["text"]
    late = next(s["index"] for s in client.get(f"/api/articles/{doc['id']}/annotations").json()["sentences"]
                if s["text"].startswith("Paragraph 59:"))
    cited = client.get(f"/articles/{doc['id']}", params={"sentence": late}).text
    assert f'id="s{late}"' in cited  # a cited sentence is always on the page


def test_a_slow_upload_does_not_hold_up_another(store_copy, monkeypatch):
    release, slow_done = threading.Event(), threading.Event()
    real = api.add_files

    def add_files(files, **kwargs):
        if files[0][0] == "slow.txt":
            release.wait(30)  # until the other upload is through (bounded, should it never come)
            try:
                return real(files, **kwargs)
            finally:
                slow_done.set()
        return real(files, **kwargs)

    monkeypatch.setattr(api, "add_files", add_files)
    slow_status = []
    with TestClient(create_app(store_copy)) as client:
        slow = threading.Thread(target=lambda: slow_status.append(client.post(
            "/api/documents", files=[("files", ("slow.txt", article("Monday").encode(), "text/plain"))]).status_code))
        slow.start()
        fast = client.post("/api/documents", files=[("files", ("fast.txt", article("Friday").encode(), "text/plain"))])
        fast_while_slow_waits = not slow_done.is_set()
        release.set()
        slow.join()
    assert fast.status_code == 200 and fast_while_slow_waits
    assert slow_status == [200]


def test_a_timeline_told_to_stop_stops_and_the_page_says_so(sample_store, monkeypatch):
    monkeypatch.setattr(store_module, "PROGRESS_STEPS", 1)
    with pytest.raises(Interrupted, match="the server is shutting down"):
        api.timeline(sample_store, max_dates=5, stop=lambda: "the server is shutting down")
    app = create_app(sample_store)
    app.state.stopping.set()
    response = TestClient(app).get("/api/timeline", params={"dates": 7})
    assert response.status_code == 503 and "shutting down" in response.json()["detail"]
