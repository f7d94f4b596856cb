"""Web archives: the HTTP responses of a WARC file (``.warc``, ``.warc.gz``) that hold a page.

fastwarc reads the records (about six times as fast as warcio here). Written here is what no
reader does for us: which records are documents (responses with HTML or plain text; requests,
metadata, revisits, other media and failed fetches are skipped and counted), and reading on past
a damaged record: a record shorter than it says is reported by its offset, and after a record the
reader cannot parse, the file is read on from the next record start found (a gzip member, or a
``WARC/1.`` line in an uncompressed file).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterator, Optional, Union

# Media types read as pages and as plain text; other responses are counted as skipped.
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."
_SCAN = 1 << 20  # bytes read at a time looking for the next record


@dataclass
class Response:
    """One page of the archive: where its record starts, the URL fetched, when, and the body."""

    offset: int
    url: Optional[str]
    crawled: Optional[str]  # the record's WARC-Date, ISO 8601: when it was fetched, not published
    kind: str               # "html" or "text"
    body: bytes
    charset: Optional[str] = None


@dataclass
class Damage:
    """A record that could not be read whole, by the offset where it starts, and why."""

    offset: int
    reason: str


@dataclass
class Skipped:
    """How many records of each kind were not documents."""

    counts: Counter = field(default_factory=Counter)

    def __str__(self) -> str:
        return ", ".join(f"{n} {what}" for what, n in sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0])))


def read(path: Path, max_bytes: int, skipped: Skipped) -> Iterator[Union[Response, Damage]]:
    """The pages of the archive at ``path`` and the damage met, in file order; ``skipped`` counts
    the records that are not pages. A body over ``max_bytes`` is damage of its own (too large)."""
    from fastwarc.warc import ArchiveIterator

    size = path.stat().st_size
    with open(path, "rb") as handle:
        gzipped = handle.read(3) == _GZIP_MAGIC
        base: Optional[int] = 0
        while base is not None and base < size:
            handle.seek(base)
            last: Optional[int] = None  # the start of the last record read whole in this pass
            try:
                for record in ArchiveIterator(handle, parse_http=True):
                    offset = record.stream_pos  # from the start of the file, wherever the pass began
                    stated = record.headers.get("Content-Length")  # the whole block, HTTP headers too
                    if stated is None or (not gzipped and offset + int(stated) > size):
                        raise _Overrun(offset, None if stated is None else int(stated))
                    yield from _record(record, offset, max_bytes, skipped)
                    last = offset
                base = None
            except _Overrun as overrun:
                said = "no length" if overrun.length is None else f"{overrun.length:,} bytes"
                yield Damage(overrun.offset, f"record truncated (it says {said}; the file ends before): "
                                             "read on from the next record")
                base = _next_start(handle, overrun.offset + 1, gzipped)
            except (OSError, ValueError) as exc:
                damaged = base if last is None else _next_start(handle, last + 1, gzipped)
                if damaged is None:
                    break
                yield Damage(damaged, f"a record the reader cannot parse ({exc}): read on from the next record")
                base = _next_start(handle, damaged + 1, gzipped)


class _Overrun(Exception):
    """A record of an uncompressed file longer than what is left of the file."""

    def __init__(self, offset: int, length: Optional[int]):
        super().__init__(offset, length)
        self.offset, self.length = offset, length


def _record(record, offset: int, max_bytes: int, skipped: Skipped) -> Iterator[Union[Response, Damage]]:
    """A record as a page, damage (too large) or a count of what was skipped."""
    from fastwarc.warc import WarcRecordType

    kind = record.record_type
    if kind != WarcRecordType.response:
        skipped.counts[_type_name(kind)] += 1
        return
    status = record.http_headers.status_code if record.http_headers is not None else None
    media = (record.http_content_type or "").lower()
    page = "html" if media in HTML_TYPES else "text" if media in TEXT_TYPES else None
    if status is None or page is None:
        skipped.counts["responses without an HTTP page" if status is None else f"{media or 'untyped'} responses"] += 1
        return
    if not 200 <= status < 300:
        skipped.counts[f"HTTP {status} responses"] += 1
        return
    body = record.reader.read(max_bytes + 1)
    if len(body) > max_bytes:
        yield Damage(offset, f"page too large (over {max_bytes:,} bytes)")
        return
    if len(body) < record.content_length:  # the file ended inside the page
        yield Damage(offset, f"record truncated ({len(body):,} of {record.content_length:,} bytes of its page)")
        return
    date = record.record_date
    yield Response(offset, record.headers.get("WARC-Target-URI"), date.isoformat() if date else None, page, body,
                   record.http_charset)


def _type_name(kind) -> str:
    name = getattr(kind, "name", str(kind)).split(".")[-1]
    return {"request": "requests", "metadata": "metadata records", "revisit": "revisits",
            "warcinfo": "warcinfo records", "resource": "resource records"}.get(name, f"{name} records")


def _next_start(handle: BinaryIO, start: int, gzipped: bool) -> Optional[int]:
    """The offset of the next record at or after ``start``, or None."""
    magic = _GZIP_MAGIC if gzipped else _WARC_MAGIC
    handle.seek(start)
    at = start
    while True:
        chunk = handle.read(_SCAN + len(magic))
        if not chunk:
            return None
        found = chunk.find(magic)
        if found >= 0:
            return at + found
        at += _SCAN
        handle.seek(at)
