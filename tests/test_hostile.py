"""Hostile and unlucky input: every bad file is named with its reason, the build goes on, nothing stored is lost."""

import gzip
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import zlib

import pytest
from typer.testing import CliRunner

import storyline
from storyline import api, ingest
from storyline.cli import app, plain
from storyline.store import Store, StoreError

runner = CliRunner()


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch):
    """Messages on one line each, however long the temporary paths."""
    from storyline.cli import common

    monkeypatch.setattr(common.err, "_width", 1000)
    monkeypatch.setattr(common.out, "_width", 1000)

ARTICLE = """Kessel dam talks open

KESSEL (Nordwire) — Negotiators from Veldra and Ostmark opened talks on {day} over the water held back by the Kessel dam, officials said.

The two governments have argued for years about how much water the reservoir may keep in the dry season.
"""


def article(day: str = "Tuesday") -> str:
    return ARTICLE.format(day=day)


def corrupt_gzip() -> bytes:
    """A gzip header with a deflate stream SQLite's zlib refuses (an invalid block type)."""
    return gzip.compress(b"x")[:10] + b"\xff" * 64


def test_a_corrupt_gzip_page_is_an_error_naming_it_and_the_good_files_are_stored(tmp_path):
    with pytest.raises(zlib.error):  # what the file does to a plain reader
        gzip.decompress(corrupt_gzip())
    (tmp_path / "bad.html.gz").write_bytes(corrupt_gzip())
    (tmp_path / "good.txt").write_text(article(), encoding="utf-8")
    db = tmp_path / "s.db"
    result = runner.invoke(app, ["build", str(tmp_path), "--db", str(db), "-q"])
    assert result.exit_code == 3, result.output
    assert "bad.html.gz" in result.stderr and "not a valid gzip file" in result.stderr
    assert len(api.documents(db)) == 1
    assert [e.path.endswith("bad.html.gz") for e in api.build_errors(db)] == [True]


def test_clean_reports_a_corrupt_gzip_page_and_cleans_the_rest(tmp_path):
    (tmp_path / "bad.html.gz").write_bytes(corrupt_gzip())
    (tmp_path / "good.txt").write_text(article(), encoding="utf-8")
    result = runner.invoke(app, ["clean", str(tmp_path), "--format", "json"])
    assert result.exit_code == 3
    assert "bad.html.gz" in result.stderr and "gzip" in result.stderr
    assert len(json.loads(result.stdout)) == 1


def test_a_reader_failing_in_an_unforeseen_way_names_the_file(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(article(), encoding="utf-8")

    def broken(*args):
        raise MemoryError("out of memory in the decoder")

    monkeypatch.setattr(ingest, "decode", broken)
    [item] = list(ingest.read([tmp_path]))
    assert isinstance(item, ingest.IngestError) and item.path.endswith("a.txt")
    assert "MemoryError" in item.reason


def test_a_file_name_that_is_not_utf8_is_stored_under_a_readable_name(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9.txt", "wb") as handle:
        handle.write(article("Monday").encode())
    (tmp_path / "good.txt").write_text(article(), encoding="utf-8")
    db = tmp_path / "s.db"
    result = runner.invoke(app, ["build", str(tmp_path), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    paths = sorted(os.path.basename(d.path) for d in api.documents(db))
    assert paths == ["caf\\xe9.txt", "good.txt"]


def test_an_unreadable_sub_folder_is_reported(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(article(), encoding="utf-8")
    (tmp_path / "b.txt").write_text(article("Monday"), encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files, errors = ingest.discover([tmp_path])
    assert [f.name for f in files] == ["b.txt"]
    assert [(e.path.endswith("sub"), e.reason) for e in errors] == [(True, "cannot read folder (Permission denied)")]


@pytest.mark.skipif(shutil.which("setpriv") is None or os.geteuid() != 0, reason="needs root and setpriv to drop rights")
def test_an_unreadable_sub_folder_is_reported_by_the_build(open_dir):
    tmp_path = open_dir
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(article(), encoding="utf-8")
    (tmp_path / "b.txt").write_text(article("Monday"), encoding="utf-8")
    (tmp_path / "sub").chmod(0o000)
    tmp_path.chmod(0o777)  # the store may be written
    for parent in tmp_path.parents:
        if parent.stat().st_mode & 0o005 != 0o005:
            pytest.skip("a parent folder is closed to other users")
    out = subprocess.run([*AS_NOBODY, sys.executable, "-m",
                          "storyline", "build", str(tmp_path), "--db", str(tmp_path / "s.db"), "-q"],
                         capture_output=True, text=True)
    (tmp_path / "sub").chmod(0o755)
    assert out.returncode == 3, out.stderr
    assert "sub: cannot read folder (Permission denied)" in out.stderr.replace("\n", "")


def test_rich_markup_and_control_characters_in_titles_and_names_are_shown_as_written(tmp_path):
    (tmp_path / "[on]x.txt").write_text(article(), encoding="utf-8")
    (tmp_path / "esc\x1b[31m.txt").write_text(article("Monday"), encoding="utf-8")
    record = {"text": article("Friday"), "title": "[/bold] closing [red]tag"}
    (tmp_path / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (tmp_path / "[bold]empty.txt").write_text("", encoding="utf-8")
    db = tmp_path / "s.db"
    built = runner.invoke(app, ["build", str(tmp_path), "--db", str(db), "-q"])
    assert built.exit_code == 3, built.output
    assert "[bold]empty.txt: empty file" in built.stderr
    shown = runner.invoke(app, ["documents", "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    flat = shown.stdout.replace("│", "").replace("\n", "").replace(" ", "")
    assert "[/bold]closing[red]tag" in flat and "[on]x.txt" in flat
    assert "\x1b" not in shown.stdout and "\x1b" not in built.stderr


def test_plain_strips_control_and_bidi_characters_and_escapes_markup():
    from rich.console import Console

    console = Console(record=True, width=200, file=open(os.devnull, "w"))
    for given, shown in [("a\x1b[2Jb\u202e\x07c\nd", "a[2Jbc d"), ("[/bold] [on]x.txt", "[/bold] [on]x.txt"),
                         ("caf\udce9.txt", "caf\\udce9.txt")]:
        console.print(plain(given), markup=True)
        assert console.export_text().rstrip("\n") == shown


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_a_publication_date_at_the_ends_of_the_calendar_is_ignored_not_the_document(tmp_path, published):
    record = {"text": article("yesterday"), "published": published}
    other = {"text": article("Monday"), "published": "2022-03-14"}
    (tmp_path / "feed.jsonl").write_text(json.dumps(record) + "\n" + json.dumps(other) + "\n", encoding="utf-8")
    report = storyline.build([tmp_path], db=tmp_path / "s.db")
    assert report.added == 2 and not report.errors
    assert any(published in w and "outside the years" in w for w in report.warnings)
    assert sorted(str(d.published) for d in api.documents(tmp_path / "s.db")) == ["2022-03-14", "None"]


@pytest.mark.parametrize("anchor", ["0001-01-01", "9999-12-31"])
def test_timex_with_an_anchor_at_the_ends_of_the_calendar(anchor):
    text = "They met Friday, next year and in 3 years, yesterday, tomorrow at 5pm, last week, next month and in spring."
    result = runner.invoke(app, ["timex", "--text", text, "--anchor", anchor, "--format", "json"])
    assert result.exit_code == 0, result.output
    values = [t["value"] for t in json.loads(result.stdout)["timexes"]]
    assert len(values) >= 8
    assert all(v is None or (v[:4].isdigit() and not v.startswith("0000")) or not v[0].isdigit() for v in values)


def test_a_document_the_store_cannot_take_fails_alone(tmp_path, monkeypatch):
    """A batch holding one document the store refuses stores the others of the batch."""
    for day in ("Monday", "Tuesday", "Wednesday"):
        (tmp_path / f"{day}.txt").write_text(article(day), encoding="utf-8")
    real_save = Store.save

    def save(self, batch, *args):
        batch = list(batch)
        if any(rows.path.endswith("Tuesday.txt") for rows in batch):  # a build stores its documents' rows
            raise OverflowError("date value out of range")
        return real_save(self, batch, *args)

    monkeypatch.setattr(Store, "save", save)
    report = storyline.build([tmp_path], db=tmp_path / "s.db")
    assert report.added == 2
    assert [(e.path.endswith("Tuesday.txt"), "OverflowError" in e.reason) for e in report.errors] == [(True, True)]
    assert len(api.documents(tmp_path / "s.db")) == 2


def test_jsonl_lone_surrogates_are_replaced_and_a_non_string_date_is_reported(tmp_path):
    text = article().replace("officials said", "officials \\ud800 said").replace("\n", "\\n")
    line = '{"text": "%s", "published": 20220314}' % text
    (tmp_path / "feed.jsonl").write_text(line + "\n", encoding="utf-8")
    report = storyline.build([tmp_path], db=tmp_path / "s.db")
    assert report.added == 1, report.errors
    assert "officials \ufffd said" in api.documents(tmp_path / "s.db")[0].text
    assert any("lone surrogate" in w for w in report.warnings)
    assert any("'published' is a number, not a string; ignored" in w for w in report.warnings)


def test_size_messages_use_the_unit_the_limit_is_given_in(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"word " * (5 * 1024 * 1024 // 5 + 10))
    [error] = list(ingest.read([tmp_path / "big.txt"], max_bytes=4 * 1024 * 1024))
    assert "the limit is 4 MB per document" in error.reason and "(5.0 MB;" in error.reason


def test_a_rebuild_reports_old_failures_as_such_and_succeeds(tmp_path):
    (tmp_path / "good.txt").write_text(article(), encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    db = str(tmp_path / "s.db")
    first = runner.invoke(app, ["build", str(tmp_path), "--db", db, "-q"])
    again = runner.invoke(app, ["build", str(tmp_path), "--db", db, "-q"])
    assert (first.exit_code, again.exit_code) == (3, 0)
    assert "skipped again" in again.stderr and "empty.txt" in again.stderr
    assert "0 failed (1 more failed as in an earlier build)" in again.stderr.replace("\n", " ")
    (tmp_path / "also-empty.txt").write_text("", encoding="utf-8")
    assert runner.invoke(app, ["build", str(tmp_path), "--db", db, "-q"]).exit_code == 3


AS_NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


@pytest.fixture
def open_dir():
    """A temporary folder other users may enter (for a command run with fewer rights), where
    another user can run storyline at all (its installation may be private to its owner)."""
    import tempfile
    from pathlib import Path

    probe = subprocess.run([*AS_NOBODY, sys.executable, "-c", "import storyline.cli"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("another user cannot run this installation of storyline")

    path = Path(tempfile.mkdtemp(prefix="storyline-test-"))
    path.chmod(0o755)
    yield path
    for root, dirs, _ in os.walk(path):
        for d in dirs:
            os.chmod(os.path.join(root, d), 0o755)
    shutil.rmtree(path)


def damaged_store(tmp_path):
    db = tmp_path / "s.db"
    (tmp_path / "in").mkdir()
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday"):
        (tmp_path / "in" / f"{day}.txt").write_text(article(day) * 40, encoding="utf-8")
    storyline.build([tmp_path / "in"], db=db)
    with sqlite3.connect(db) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    page = 4096
    for start in range(3 * page, len(data), page):
        data[start:start + 64] = b"\x55" * 64
    db.write_bytes(bytes(data))
    return db


@pytest.mark.parametrize("command", [["documents"], ["timeline"], ["duplicates"], ["build", "."]])
def test_a_damaged_store_is_a_clear_error_with_exit_code_2(tmp_path, command):
    db = damaged_store(tmp_path)
    result = runner.invoke(app, [*command, "--db", str(db)])
    assert result.exit_code == 2, result.output
    assert "is damaged or not a storyline database" in result.stderr.replace("\n", " ")
    assert "Traceback" not in result.output


def test_a_missing_folder_for_the_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="cannot be opened .*the folder does not exist"):
        Store(tmp_path / "no" / "such" / "s.db")


@pytest.mark.skipif(shutil.which("setpriv") is None or os.geteuid() != 0, reason="needs root and setpriv to drop rights")
@pytest.mark.parametrize("closed", ["file", "folder"])
def test_a_read_only_store_is_a_clear_error_with_exit_code_2(open_dir, closed):
    folder = open_dir / "store"
    folder.mkdir()
    (folder / "in.txt").write_text(article(), encoding="utf-8")
    db = folder / "s.db"
    storyline.build([folder / "in.txt"], db=db)
    with sqlite3.connect(db) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for extra in ("s.db-wal", "s.db-shm"):
        (folder / extra).unlink(missing_ok=True)
    for parent in folder.parents:
        if parent.stat().st_mode & 0o005 != 0o005:
            pytest.skip("a parent folder is closed to other users")
    db.chmod(0o444 if closed == "file" else 0o644)
    folder.chmod(0o555 if closed == "folder" else 0o777)
    try:
        out = subprocess.run([*AS_NOBODY, sys.executable, "-m",
                              "storyline", *(["build", str(folder / "in.txt")] if closed == "file" else ["documents"]),
                              "--db", str(db)], capture_output=True, text=True)
    finally:
        folder.chmod(0o755)
    assert out.returncode == 2, out.stderr
    assert "cannot be written" in out.stderr and "read-only" in out.stderr.replace("\n", " ")


# -- the per-document budget -------------------------------------------------------------------------
def long_article(paragraphs: int) -> str:
    body = "\n\n".join(f"Paragraph {n}: the ministers met again on Tuesday over the dam and the water it holds back, "
                       "officials said." for n in range(paragraphs))
    return "Kessel dam talks\n\n" + body + "\n"


def test_text_past_the_budget_is_cut_at_a_paragraph_and_the_reason_recorded(tmp_path):
    from storyline.pipeline import Budget

    (tmp_path / "long.txt").write_text(long_article(200), encoding="utf-8")
    report = storyline.build([tmp_path], db=tmp_path / "s.db", budget=Budget(max_chars=2000))
    assert report.added == 1 and not report.errors
    [doc] = api.documents(tmp_path / "s.db")
    assert 1000 < len(doc.text) <= 2000 and doc.text.endswith("officials said.")
    assert any("past the budget of 2,000 characters" in r.reason for r in doc.removed)
    assert any("are left out" in w for w in report.warnings)


def test_a_page_of_too_many_elements_is_refused_before_it_is_parsed(tmp_path, monkeypatch):
    from storyline import clean, pipeline
    from storyline.pipeline import Budget

    parsed = []
    monkeypatch.setattr(pipeline, "clean_html", lambda *a, **k: parsed.append(1) or clean.clean_html(*a, **k))
    (tmp_path / "many.html").write_text("<html><body>" + "<p>x</p>" * 5000 + "</body></html>", encoding="utf-8")
    (tmp_path / "good.txt").write_text(article(), encoding="utf-8")
    report = storyline.build([tmp_path], db=tmp_path / "s.db", budget=Budget(max_elements=1000))
    assert report.added == 1 and not parsed
    [error] = report.errors
    assert error.path.endswith("many.html") and "too many HTML elements (5,002; the budget is 1,000" in error.reason
    assert [e.reason for e in api.build_errors(tmp_path / "s.db")] == [error.reason]


def slow_clean(text):
    for _ in range(2000):  # at most 20 s: the budget stops it long before
        time.sleep(0.01)
    raise AssertionError("the time budget did not stop the work")


def test_a_document_over_its_time_is_stopped_and_the_build_goes_on(tmp_path, monkeypatch):
    from storyline import clean, pipeline
    from storyline.pipeline import Budget

    monkeypatch.setattr(pipeline, "clean_text", lambda text, **kw: slow_clean(text) if "Saturday" in text
                        else clean.clean_text(text, **kw))
    (tmp_path / "slow.txt").write_text(article("Saturday"), encoding="utf-8")
    (tmp_path / "good.txt").write_text(article(), encoding="utf-8")
    # two seconds: the good document must finish inside it on a loaded machine too (its first
    # document loads word lists on first use); the slow one sleeps far longer
    report = storyline.build([tmp_path], db=tmp_path / "s.db", budget=Budget(seconds=2))
    assert report.added == 1
    [error] = report.errors
    assert error.path.endswith("slow.txt") and "took longer than 2 s (the budget per document) while cleaning" in error.reason


def test_away_from_the_main_thread_the_time_budget_is_checked_between_stages(monkeypatch):
    import threading

    from storyline import pipeline
    from storyline.model import RawDocument
    from storyline.pipeline import Budget, BudgetExceeded

    raw = RawDocument(id="x", path="x.txt", kind="text", content=article())
    outcome = []

    def run():
        try:
            pipeline.process(raw, Budget(seconds=0))
        except BudgetExceeded as exc:
            outcome.append(str(exc))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert outcome == ["took longer than 0 s (the budget per document) while cleaning"]


# -- encodings and links ------------------------------------------------------------------------------
def test_utf16_without_a_byte_order_mark_is_read(tmp_path):
    for encoding in ("utf-16-le", "utf-16-be"):
        (tmp_path / f"{encoding}.txt").write_bytes(article("Monday" if encoding.endswith("le") else "Friday")
                                                   .encode(encoding))
    docs = [d for d in ingest.read([tmp_path]) if not isinstance(d, ingest.IngestError)]
    assert sorted(d.encoding for d in docs) == ["utf-16-be", "utf-16-le"]
    assert all("Negotiators from Veldra" in d.content for d in docs)


def test_one_nul_byte_in_good_text_does_not_cost_the_document(tmp_path):
    (tmp_path / "nul.txt").write_bytes(article().encode().replace(b"officials said", b"officials\x00 said"))
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 50)
    items = {os.path.basename(i.path): i for i in ingest.read([tmp_path])}
    assert "officials said" in items["nul.txt"].content
    assert isinstance(items["binary.txt"], ingest.IngestError) and "binary" in items["binary.txt"].reason


def test_a_file_mixing_utf8_and_windows_1252_reads_right_in_both_parts():
    data = "Café in Zürich — the talks went on. ".encode() + "Señor Müller said “no”.".encode("cp1252")
    text, encoding = ingest.decode(data)
    assert text == "Café in Zürich — the talks went on. Señor Müller said “no”."
    assert encoding == "utf-8+cp1252"
    assert ingest.decode("José Müller in São Paulo".encode("cp1252")) == ("José Müller in São Paulo", "cp1252")


@pytest.mark.parametrize("url, linked", [
    ("https://news.example/a", True), ("https://user@news.example/a", True),
    ("https://news.example/\u202egpj.exe", False), ("https://user@evil.example@news.example/", False),
    ("http://news.example\\@evil.example/", False), ("https://news.example:notaport/", False),
    ("https://news.example/a\u200bb", False), ("javascript:alert(1)", False)])
def test_only_plain_unambiguous_http_urls_are_linked(url, linked):
    from storyline.export import safe_url

    assert (safe_url(url) == url) is linked


def test_clean_keeps_to_the_budget_too(tmp_path):
    (tmp_path / "many.html").write_text("<html><body>" + "<p>x</p>" * 300_000 + "</body></html>", encoding="utf-8")
    (tmp_path / "good.txt").write_text(article(), encoding="utf-8")
    result = runner.invoke(app, ["clean", str(tmp_path), "--format", "json"])
    assert result.exit_code == 3
    assert "many.html: too many HTML elements (300,002; the budget is 200,000 per document)" in result.stderr


def test_two_processes_creating_one_new_store_at_once_both_open_it(tmp_path, monkeypatch):
    """The second found the file empty, then waited for the first's migration: it must not redo it."""
    db = tmp_path / "s.db"
    Store(db).close()  # the first process, done
    monkeypatch.setattr(Store, "_schema", lambda self: (0, 0))  # what the second read before that
    with Store(db) as second:
        assert second.count() == 0
    monkeypatch.undo()
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == storyline.store.SCHEMA_VERSION


def test_control_characters_in_article_text_never_reach_the_terminal(tmp_path):
    (tmp_path / "esc.txt").write_text(article("Tuesday \x1b[2J\x9b31m"), encoding="utf-8")
    record = {"text": article("Friday \x1b]0;owned\x07"), "title": "Title \x1b[31m red"}
    (tmp_path / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    assert storyline.build([tmp_path], db=db).added == 2
    for doc in api.documents(db):
        assert not any(ord(c) < 32 and c not in "\n\t" or 0x7f <= ord(c) <= 0x9f for c in doc.text + (doc.title or ""))
    shown = runner.invoke(app, ["timeline", "--db", str(db)])
    assert shown.exit_code == 0 and "\x1b" not in shown.stdout and "\x9b" not in shown.stdout


def test_only_a_bounded_stretch_of_a_huge_page_is_analysed():
    from storyline.clean import clean_html, clean_text

    text = long_article(400)
    result = clean_text(text, limit=3000)
    assert len(result.text) <= 3000 and "Paragraph 0:" in result.text and "Paragraph 399:" not in result.text
    assert any("past the budget of 3,000 characters of page text" in r.reason for r in result.removed)
    html = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in text.split("\n\n")) + "</article></body></html>"
    result = clean_html(html, limit=3000)
    assert len(result.text) <= 3000 and "Paragraph 399:" not in result.text
    assert any("past the budget" in r.reason for r in result.removed)


def test_away_from_the_main_thread_html_cleaning_runs_apart_and_is_stopped_at_the_budget():
    from storyline.clean import clean_html
    from storyline.pipeline import BudgetExceeded, _clean_html_apart

    page = ("<html><body><article><h1>Dam talks</h1>" + "".join(
        f"<p>{article()} Paragraph {k} of the report on the river talks.</p>" for k in range(5))
        + "</article></body></html>")
    apart = _clean_html_apart(page, None, 2_000_000, seconds=60)
    assert apart.text == clean_html(page, limit=2_000_000).text  # the same result as in this process
    with pytest.raises(BudgetExceeded, match="took longer than 0.001 s"):
        _clean_html_apart(page, None, 2_000_000, seconds=0.001)  # the child is stopped, not waited for


def test_in_a_build_s_main_thread_html_is_cleaned_in_process_under_the_timer(tmp_path, monkeypatch):
    from storyline import pipeline

    def no_child(*args, **kwargs):
        raise AssertionError("a child process was started where the timer signal guards the work")

    monkeypatch.setattr(pipeline, "_clean_html_apart", no_child)
    (tmp_path / "page.html").write_text("<html><body><article><h1>Dam talks</h1>" + "".join(
        f"<p>{article()} Paragraph {k}.</p>" for k in range(3)) + "</article></body></html>", encoding="utf-8")
    report = storyline.build([tmp_path], db=tmp_path / "s.db")
    assert report.added == 1 and not report.errors
