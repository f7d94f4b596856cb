import gzip
import json

import pytest

from storyline import ingest
from storyline.model import RawDocument


def _read(*paths, **kw):
    items = list(ingest.read(paths, **kw))
    return [i for i in items if isinstance(i, RawDocument)], [i for i in items if isinstance(i, ingest.IngestError)]


def test_text_html_and_folder_discovery(tmp_path):
    (tmp_path / "a.txt").write_text("Plain text article body.", encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body><p>Hi</p></body></html>", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c.htm").write_text("<p>x</p>", encoding="utf-8")
    docs, errors = _read(tmp_path)
    assert [d.path.rsplit("/", 1)[-1] for d in docs] == ["a.txt", "b.html", "c.htm"]
    assert [d.kind for d in docs] == ["text", "html", "html"]
    assert errors == []


def test_same_bytes_same_id_different_content_different_id(tmp_path):
    (tmp_path / "a.txt").write_text("Same words here.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Same words here.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Other words here.", encoding="utf-8")
    docs, _ = _read(tmp_path)
    assert docs[0].id == docs[1].id != docs[2].id
    assert len(docs[0].id) == 16


def test_latin1_is_detected_not_assumed(tmp_path):
    text = "José Müller said the café in Ærøskøbing would reopen on Friday after the long winter closure."
    (tmp_path / "latin.txt").write_bytes(text.encode("latin-1"))
    docs, errors = _read(tmp_path / "latin.txt")
    assert errors == []
    assert docs[0].content == text
    assert docs[0].encoding != "utf-8"


def test_bad_input_named_with_reason(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("   \n\n  ", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "big.txt").write_bytes(b"word " * 300_000)
    (tmp_path / "ok.txt").write_text("A fine article.", encoding="utf-8")
    docs, errors = _read(tmp_path, max_bytes=1_000_000)
    reasons = {e.path.rsplit("/", 1)[-1]: e.reason for e in errors}
    assert [d.path.rsplit("/", 1)[-1] for d in docs] == ["ok.txt"]
    assert "empty" in reasons["empty.txt"]
    assert "empty" in reasons["blank.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "too large" in reasons["big.txt"] and "(1.4 MB; the limit is 1.0 MB" in reasons["big.txt"]  # MB of 1024 x 1024 bytes


def test_missing_and_unsupported_paths(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    docs, errors = _read(tmp_path / "nope.txt", tmp_path / "x.pdf")
    assert docs == []
    assert {e.reason.split(" ")[0] for e in errors} == {"no", "unsupported"}


def test_jsonl_records_keep_given_metadata_and_report_bad_lines(tmp_path):
    lines = [
        json.dumps({"text": "Body one.", "title": "T1", "published": "2021-03-04", "source": "Wire", "url": "http://x/1"}),
        "",
        "{not json",
        json.dumps({"html": "<p>Body two</p>", "title": "T2"}),
        json.dumps({"title": "no body"}),
        json.dumps(["a", "list"]),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = _read(tmp_path / "feed.jsonl")
    assert [d.path.rsplit("#", 1)[-1] for d in docs] == ["1", "4"]
    assert docs[0].given == {"url": "http://x/1", "title": "T1", "published": "2021-03-04", "source": "Wire"}
    assert docs[0].kind == "text" and docs[1].kind == "html"
    assert sorted(e.path.rsplit("#", 1)[-1] for e in errors) == ["3", "5", "6"]
    assert all(e.path.startswith(str(tmp_path / "feed.jsonl")) for e in errors)


def test_gzipped_html_and_html_saved_as_txt(tmp_path):
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(b"<html><body><p>Zipped</p></body></html>"))
    (tmp_path / "saved.txt").write_text("<!DOCTYPE html><html><body><p>Saved page</p></body></html>", encoding="utf-8")
    (tmp_path / "broken.html.gz").write_bytes(b"not gzip at all")
    docs, errors = _read(tmp_path)
    kinds = {d.path.rsplit("/", 1)[-1]: d.kind for d in docs}
    assert kinds == {"page.html.gz": "html", "saved.txt": "html"}
    assert "gzip" in errors[0].reason


def test_json_files_are_read_when_named_not_from_folders(tmp_path):
    records = [{"text": "The dam opened on Monday.", "title": "Dam", "published": "2021-03-01"},
               {"html": "<p>Second</p>"}, {"title": "no body"}, ["not", "an", "object"]]
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    items = list(ingest.read([path]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, ingest.IngestError)]
    assert [d.path for d in docs] == [f"{path}#1", f"{path}#2"] and [d.kind for d in docs] == ["text", "html"]
    assert docs[0].given == {"title": "Dam", "published": "2021-03-01"}
    assert [e.path for e in errors] == [f"{path}#3", f"{path}#4"]
    reformatted = tmp_path / "same.json"
    reformatted.write_text(json.dumps(records, indent=4, sort_keys=True), encoding="utf-8")
    assert [d.id for d in ingest.read([reformatted]) if isinstance(d, RawDocument)] == [d.id for d in docs]
    one = tmp_path / "one.json"
    one.write_text(json.dumps(records[0]), encoding="utf-8")
    assert [d.path for d in ingest.read([one])] == [str(one)]
    assert ingest.discover([tmp_path]) == ([], [])  # in a folder, .json is often something else
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    assert "not JSON" in next(ingest.read([tmp_path / "broken.json"])).reason


def test_gzip_is_decompressed_only_up_to_the_limit(tmp_path):
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"<p>" + b"a" * 5_000_000 + b"</p>"))
    (item,) = ingest.read([path], max_bytes=100_000)
    assert isinstance(item, ingest.IngestError) and "too large when decompressed" in item.reason


def test_storyline_s_errors_share_one_base():
    import pickle

    from storyline.clean import CleanError
    from storyline.errors import StorylineError
    from storyline.pipeline import BudgetExceeded
    from storyline.store import QueryError, StoreError

    assert all(issubclass(cls, StorylineError) for cls in (CleanError, BudgetExceeded, StoreError, QueryError,
                                                            ingest.IngestError))
    error = ingest.IngestError("a.txt", "file is empty")
    assert str(error) == "a.txt: file is empty" and pickle.loads(pickle.dumps(error)) == error


@pytest.mark.parametrize("controls, binary", [(0, False), (10, False), (11, False), (12, True), (40, True)])
def test_binary_text_is_told_by_its_share_of_control_characters(controls, binary):
    # 1,100 characters: more than 1 % of them control characters (other than line breaks, tabs and
    # form feeds, which never count) is binary data
    text = "\x01\x1b\x0b" * (controls // 3) + "\x01" * (controls % 3)
    text += "word\n\t\r\f " * ((1100 - len(text)) // 10)
    text += "x" * (1100 - len(text))
    assert ingest._binary(text) is binary
