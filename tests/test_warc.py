"""Web archives (WARC) as input: pages become documents, everything else is skipped and counted,
damage is reported by offset and the rest of the file is read."""

import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import storyline
from storyline import ingest
from storyline.store import Store

PAGE = (b"<html><head><title>Dam talks resume</title></head><body><article><p>Negotiators from Veldra and "
        b"Ostmark resumed talks on Tuesday, March 4, 2025, over the future of the Kessel dam, officials said "
        b"after the first session ended in the evening.</p><p>The two governments have argued for years about "
        b"how much water the reservoir may hold back in the dry season.</p></article></body></html>")
TEXT = (b"Farmers on both banks of the river staged protests on Wednesday, March 5, 2025, as the talks went "
        b"on in the capital, and the police said the crowds were peaceful.\n")


def write_warc(path, gz=True):
    """A small archive: a page, an image, a plain-text page, a 404 page, requests and a metadata record."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for i, (status, ctype, body) in enumerate([("200 OK", "text/html; charset=utf-8", PAGE),
                                                   ("200 OK", "image/png", b"\x89PNG\r\n"),
                                                   ("200 OK", "text/plain", TEXT),
                                                   ("404 Not Found", "text/html", b"<html>gone</html>")]):
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://news.example/{i}", "response",
                                                          payload=io.BytesIO(body), http_headers=http))
            writer.write_record(writer.create_warc_record(f"https://news.example/{i}", "request",
                                                          payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
        writer.write_record(writer.create_warc_record("https://news.example/0", "metadata",
                                                      payload=io.BytesIO(b"via: crawler"),
                                                      warc_content_type="application/warc-fields"))
    return path


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_pages_become_documents_with_their_url_and_crawl_time(tmp_path, name):
    path = write_warc(tmp_path / name, gz=name.endswith(".gz"))
    items = list(ingest.read_file(path))
    docs = [i for i in items if isinstance(i, ingest.RawDocument)]
    assert [d.kind for d in docs] == ["html", "text"]
    assert docs[0].given["url"] == "https://news.example/0" and "crawled" in docs[0].given
    assert "published" not in docs[0].given  # a fetch time is never a publication date
    assert all(d.path.startswith(str(path) + "#") for d in docs)
    note, = [i for i in items if isinstance(i, ingest.ReadNote)]
    assert "2 pages read" in note.message and "4 requests" in note.message and "1 metadata records" in note.message
    assert "1 image/png responses" in note.message and "1 HTTP 404 responses" in note.message
    assert not [i for i in items if isinstance(i, ingest.IngestError)]


def test_a_build_stores_the_pages_and_says_what_was_skipped(tmp_path):
    path = write_warc(tmp_path / "crawl.warc.gz")
    db = tmp_path / "s.db"
    report = storyline.build([path], db=db)
    assert report.added == 2 and not report.errors
    assert any("records that are no page skipped" in w for w in report.warnings)
    with Store(db, readonly=True) as store:
        urls = sorted(d.url for d in store.documents())
        assert urls == ["https://news.example/0", "https://news.example/2"]


def test_damage_is_reported_by_offset_and_the_rest_is_read(tmp_path):
    whole = write_warc(tmp_path / "whole.warc.gz").read_bytes()
    starts = [i for i in range(len(whole)) if whole.startswith(b"\x1f\x8b\x08", i)]
    broken = tmp_path / "broken.warc.gz"  # the image's record replaced by bytes no reader can inflate
    broken.write_bytes(whole[:starts[2]] + b"\x1f\x8b\x08 not deflate data" + whole[starts[3]:])
    items = list(ingest.read_file(broken))
    errors = [i for i in items if isinstance(i, ingest.IngestError)]
    assert len(errors) == 1 and errors[0].path == f"{broken}#{starts[2]}"
    assert [i.given["url"] for i in items if isinstance(i, ingest.RawDocument)] == ["https://news.example/0",
                                                                                  "https://news.example/2"]
    plain = write_warc(tmp_path / "plain.warc", gz=False).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(plain[:plain.index(b"text/plain") + 40])  # ends inside the plain-text page
    items = list(ingest.read_file(cut))
    assert [i.given["url"] for i in items if isinstance(i, ingest.RawDocument)] == ["https://news.example/0"]
    error, = [i for i in items if isinstance(i, ingest.IngestError)]
    assert "truncated" in error.reason and error.path.startswith(f"{cut}#")
