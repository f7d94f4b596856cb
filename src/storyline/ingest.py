"""Ingest: turn files and folders into RawDocument objects, one per article.

Formats: ``.txt`` (text as scraped), ``.html``/``.htm`` (and ``.html.gz``), ``.jsonl`` (one
object per line with ``text`` or ``html`` and optional ``url``, ``title``, ``published``,
``source``, ``byline``), and ``.json`` (an array of such objects, or one object; read only
when named explicitly, since a ``.json`` file in a folder is often something else). Encodings are detected (UTF-8 first, then charset-normalizer),
never assumed. Problems are reported as :class:`IngestError` values naming the document
and the reason, so one bad file never stops the others.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import json
import os
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from charset_normalizer import from_bytes

from .config import DEFAULT_BUILD, BuildOptions
from .errors import IngestError
from .model import RawDocument

DEFAULT_MAX_BYTES = DEFAULT_BUILD.max_bytes  # the default's name before BuildOptions (the command line's default)
# Every file type storyline reads, by how a file's name ends, and how it is read: the one list the
# command line, the web app and the exports take their suffixes from.
FILE_TYPES = {".html.gz": "html.gz", ".htm.gz": "html.gz", ".html": "html", ".htm": "html", ".txt": "text",
              ".jsonl": "jsonl", ".warc.gz": "warc", ".warc": "warc", ".json": "json"}
_SUFFIXES = sorted(FILE_TYPES, key=lambda s: ["text", "html", "html.gz", "jsonl", "warc", "json"].index(FILE_TYPES[s]))
TYPES_TEXT = ", ".join(_SUFFIXES[:-1]) + " or " + _SUFFIXES[-1]  # the list as told to a user


def suffixes_of(*kinds: str) -> list[str]:
    """The file suffixes read as these kinds (``FILE_TYPES``), in the order a user is told them."""
    return [s for s in _SUFFIXES if FILE_TYPES[s] in kinds]
_WESTERN = ("cp1252", "latin_1", "iso8859_15")
GIVEN_FIELDS = ("url", "title", "published", "source", "byline", "dateline")


def megabytes(n: int) -> str:
    """A size as the limits are given (``--max-size 20`` is 20 x 1024 x 1024 bytes): "20 MB", "1.5 MB"."""
    value = n / 1024 / 1024
    return f"{value:.0f} MB" if n % (1024 * 1024) == 0 else f"{value:.1f} MB"


def path_name(path: Union[str, Path]) -> str:
    """A path as text that can be stored and shown: bytes of a file name that are not UTF-8
    (kept by the operating system as surrogate escapes) become ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def document_id(data: bytes) -> str:
    """Content-derived id: the same bytes get the same id wherever they live."""
    return hashlib.sha256(data).hexdigest()[:16]


def type_suffix(name: str) -> str:
    """The file-type ending of ``name`` (".html.gz", ".txt", ...), or "" for a type storyline does not read."""
    low = name.lower()
    return next((suffix for suffix in FILE_TYPES if low.endswith(suffix)), "")


def file_kind(path: Path) -> str | None:
    return FILE_TYPES.get(type_suffix(path.name))


def discover(paths: Iterable[Union[str, Path]]) -> tuple[list[Path], list[IngestError]]:
    """Expand folders (recursively, sorted) into the supported files they hold.

    A file named explicitly with an unsupported type is an error; inside folders such
    files (and hidden files) are passed over quietly.
    """
    found: list[Path] = []
    errors: list[IngestError] = []
    seen: set[Path] = set()

    def unreadable(exc: OSError) -> None:
        errors.append(IngestError(path_name(exc.filename or path), f"cannot read folder ({exc.strerror or exc})"))

    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path, onerror=unreadable):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    child = Path(root) / name
                    if not name.startswith(".") and file_kind(child) not in (None, "json") and child not in seen:
                        seen.add(child)
                        found.append(child)
        elif path.is_file():
            if file_kind(path) is None:
                errors.append(IngestError(path_name(path), f"unsupported file type (expected {TYPES_TEXT})"))
            elif path not in seen:
                seen.add(path)
                found.append(path)
        else:
            errors.append(IngestError(path_name(path), "no such file or folder"))
    return found, errors


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes whose encoding is unknown; raise ValueError for binary data."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:65536]:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        if data.count(b"\x00") > max(2, len(data) // 1000):
            raise ValueError("binary file (contains NUL bytes), not text")
        data = data.replace(b"\x00", b"")  # a stray NUL or two in text: dropped, not the whole file
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _mixed_utf8(data)
    if mixed is not None:
        return mixed, "utf-8+cp1252"
    western = _western(data)
    if western is not None:
        return western, "cp1252"
    matches = list(from_bytes(data[: 2 * 1024 * 1024]))
    if not matches:
        raise ValueError("binary file or unknown text encoding")
    # Short texts often tie between code pages; on the web a tie goes to Windows-1252,
    # which browsers use for "Latin-1" (WHATWG encoding standard).
    best = matches[0]
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    encoding = next((m.encoding for pref in _WESTERN for m in tied if m.encoding == pref), best.encoding)
    text = data.decode(encoding, errors="replace")
    if _binary(text):
        raise ValueError("binary file (control characters), not text")
    return text, encoding


def _utf16_without_bom(data: bytes) -> Optional[tuple[str, str]]:
    """UTF-16 text written without a byte-order mark, told by where its NUL bytes fall (the high
    byte of each Latin character); None when the data does not read that way."""
    head = data[: 65536 - (65536 % 2)]
    if len(head) < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    for nuls, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls > 0.3 * half and other < 0.01 * half:
            try:
                text = data[: len(data) - (len(data) % 2)].decode(encoding)
            except UnicodeDecodeError:
                return None
            if "\x00" not in text:
                return text, encoding
    return None


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _mixed_utf8(data: bytes) -> Optional[str]:
    """Text that is UTF-8 with some Windows-1252 pieces (a page pasted together from two sources):
    the UTF-8 read as UTF-8 and each byte that is not UTF-8 as Windows-1252. None when the data
    holds no real UTF-8 sequences (then it is all in a single-byte encoding)."""
    valid = len(_UTF8_SEQUENCE.findall(data[:2_000_000]))
    if not valid:
        return None
    invalid = data.decode("utf-8", errors="replace").count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if valid < 2 and valid < invalid:  # one pair by chance in single-byte text ("É“")
        return None
    return data.decode("utf-8", errors="storyline-cp1252")


def _as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start:exc.end].decode("cp1252", errors="replace"), exc.end


codecs.register_error("storyline-cp1252", _as_cp1252)


_NON_ASCII_WORD = re.compile(r"\w*[^\x00-\x7f]\w*")


def _western(data: bytes) -> Optional[str]:
    """The text as Windows-1252 when that reading is plausible, else None.

    Detectors often pick a rare code page for short Western European text (a Latin-1 page
    with a few accented names). Read as Windows-1252, such text has accented letters inside
    mostly-ASCII words ("José", "Müller"); text in another script read that way has words
    made of accented letters only, and is left to the detector.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    words = _NON_ASCII_WORD.findall(text[:200_000])
    if not words:
        return text
    plausible = 0
    for word in words:
        letters = [ch for ch in word if ch.isalpha()]
        high = sum(1 for ch in letters if ord(ch) > 127)
        if letters and high <= max(1, len(letters) // 3):
            plausible += 1
        elif not letters and len(word) <= 2:  # a lone symbol: "£", "–", "…"
            plausible += 1
    return text if plausible >= 0.8 * len(words) else None


_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Control characters of a binary file: below 32, but line breaks, tabs and form feeds.
_BINARY_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


def _binary(text: str) -> bool:
    """Whether text decoded from a file is binary data: control characters in more than 1 % of
    its first 64k characters (counted by the regular-expression engine: a loop over the
    characters in Python cost about 25 ms a megabyte of every page read)."""
    head = text[:65536]
    return len(_BINARY_CONTROLS.findall(head)) > 0.01 * len(head)


def without_controls(text: str) -> str:
    """Text without control characters other than line breaks, tabs and form feeds: an escape
    sequence in an article must never reach a terminal that shows it."""
    return _CONTROLS.sub("", text)


def _check_text(text: str) -> None:
    if not text.strip():
        raise ValueError("empty document (no text)")
    if _binary(text):
        raise ValueError("binary file (control characters), not text")


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def _read_file(path: Path, kind: str, max_bytes: int) -> Iterator[Union[RawDocument, IngestError, ReadNote]]:
    size = path.stat().st_size
    if size == 0:
        yield IngestError(str(path), "empty file")
        return
    if kind not in ("jsonl", "warc") and size > max_bytes:
        yield IngestError(str(path), f"file too large ({megabytes(size)}; the limit is {megabytes(max_bytes)} per document)")
        return
    if kind == "jsonl":
        yield from _read_jsonl(path, max_bytes)
        return
    if kind == "json":
        yield from _read_json(path, size, max_bytes)
        return
    if kind == "warc":
        yield from _read_warc(path, max_bytes)
        return
    data = path.read_bytes()
    if kind == "html.gz":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
                data = handle.read(max_bytes + 1)  # never more than the limit, however well it compresses
        except (OSError, EOFError, zlib.error) as exc:
            yield IngestError(str(path), f"not a valid gzip file ({exc})")
            return
        kind = "html"
        if len(data) > max_bytes:
            yield IngestError(str(path), f"file too large when decompressed (over the limit of {megabytes(max_bytes)} per document)")
            return
    yield _document(str(path), data, kind)


def _document(where: str, data: bytes, kind: str, given: Optional[dict] = None) -> Union[RawDocument, IngestError]:
    """The bytes of one page or text as a RawDocument (text that is HTML read as HTML), or why not."""
    try:
        text, encoding = decode(data)
        _check_text(text)
    except ValueError as exc:
        return IngestError(where, str(exc))
    if kind == "text" and _looks_like_html(text):
        kind = "html"
    return RawDocument(id=document_id(data), path=where, kind=kind, content=without_controls(text),
                       encoding=encoding, given=given or {})


@dataclass
class ReadNote:
    """Something to know about a file that read well: what of a web archive was not a document."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def _read_warc(path: Path, max_bytes: int) -> Iterator[Union[RawDocument, IngestError, ReadNote]]:
    """The pages of a web archive: each response with HTML or plain text a document, its URL the
    record's target and its fetch time kept as ``crawled`` (never as the publication date)."""
    from . import warc

    skipped = warc.Skipped()
    pages = 0
    for item in warc.read(path, max_bytes, skipped):
        where = f"{path}#{item.offset}"
        if isinstance(item, warc.Damage):
            yield IngestError(where, item.reason)
            continue
        given = {key: value for key, value in (("url", item.url), ("crawled", item.crawled)) if value}
        document = _document(where, item.body, item.kind, given)
        pages += isinstance(document, RawDocument)
        yield document
    if skipped.counts:
        yield ReadNote(str(path), f"{pages} pages read; records that are no page skipped: {skipped}")


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[Union[RawDocument, IngestError]]:
    with open(path, "rb") as handle:
        for lineno, line in enumerate(handle, start=1):
            where = f"{path}#{lineno}"
            if not line.strip():
                continue
            if len(line) > max_bytes:
                yield IngestError(where, f"record too large ({megabytes(len(line))}; the limit is {megabytes(max_bytes)} per document)")
                continue
            try:
                text, encoding = decode(line)
                record = json.loads(text)
            except (ValueError, RecursionError) as exc:
                yield IngestError(where, f"not a JSON object ({exc})")
                continue
            # The id covers content and given metadata: the same line gives the same id.
            yield _record(where, record, document_id(line.rstrip(b"\r\n")), encoding)


def _record(where: str, record, doc_id: str, encoding: str) -> Union[RawDocument, IngestError]:
    """One JSONL/JSON record as a RawDocument, or the reason it is not one."""
    if not isinstance(record, dict):
        return IngestError(where, "not a JSON object")
    problems: list[str] = []
    record = {k: without_controls(_repaired(v, k, problems)) if isinstance(v, str) else v for k, v in record.items()}
    body, kind = record.get("text"), "text"
    if not (isinstance(body, str) and body.strip()):
        body, kind = record.get("html"), "html"
    if not (isinstance(body, str) and body.strip()):
        return IngestError(where, "record has no 'text' or 'html' field with content")
    given = {k: record[k] for k in GIVEN_FIELDS if isinstance(record.get(k), str) and record[k].strip()}
    for k in GIVEN_FIELDS:
        if k in record and record[k] is not None and not isinstance(record[k], str):
            problems.append(f"given {k!r} is {_json_kind(record[k])}, not a string; ignored")
    return RawDocument(id=doc_id, path=where, kind=kind, content=body, encoding=encoding, given=given,
                       problems=problems)


_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _repaired(value: str, key: str, problems: list[str]) -> str:
    """A JSON string without lone surrogates (``"\\ud800"`` is valid JSON but no text): each becomes U+FFFD."""
    repaired, n = _LONE_SURROGATE.subn("\ufffd", value)
    if n:
        problems.append(f"{key!r} held {n} invalid character{'s' if n > 1 else ''} (lone surrogates), "
                        "replaced with \ufffd")
    return repaired


def _json_kind(value) -> str:
    return {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__)


def _read_json(path: Path, size: int, max_bytes: int) -> Iterator[Union[RawDocument, IngestError]]:
    """A JSON file: one record, or an array of records (``file.json#N`` for the N-th, from 1).

    A record's id is a hash of its canonical JSON (sorted keys), so reformatting the file
    does not change it.
    """
    if size > 4 * max_bytes:
        yield IngestError(str(path), f"file too large ({megabytes(size)}; the limit is {megabytes(4 * max_bytes)} for a JSON file)")
        return
    try:
        text, encoding = decode(path.read_bytes())
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        yield IngestError(str(path), f"not JSON ({exc})")
        return
    records = data if isinstance(data, list) else [data]
    if not records:
        yield IngestError(str(path), "empty JSON array")
        return
    for n, record in enumerate(records, start=1):
        where = f"{path}#{n}" if isinstance(data, list) else str(path)
        canonical = json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8")
        if len(canonical) > max_bytes:
            yield IngestError(where, f"record too large ({megabytes(len(canonical))}; the limit is {megabytes(max_bytes)} per document)")
            continue
        yield _record(where, record, document_id(canonical), encoding)


def read_file(path: Path, max_bytes: Optional[int] = None,
              options: Optional[BuildOptions] = None) -> Iterator[Union[RawDocument, IngestError, ReadNote]]:
    """Yield a RawDocument or an IngestError for every document in one file (and, for a web
    archive, a ReadNote saying what of it was no page).

    Whatever goes wrong reading one file becomes an IngestError naming it and the reason;
    documents of the file read before the failure are kept. Paths are given as
    :func:`path_name` makes them (a file name that is not UTF-8 is still stored and shown).
    The size limit is the ``options``' ``max_bytes`` (default ``config.DEFAULT_BUILD``'s);
    ``max_bytes``, when given, takes its place.
    """
    opts = (options or DEFAULT_BUILD).with_given(max_bytes=max_bytes)
    name = path_name(path)
    try:
        # kind is None for a suffix the build refuses, yet api.add_files reads such an upload for its ids
        for item in _read_file(path, file_kind(path), opts.max_bytes):  # type: ignore[arg-type]
            if item.path.startswith(str(path)):
                item.path = name + item.path[len(str(path)):]
            yield item
    except OSError as exc:
        yield IngestError(name, f"cannot read file ({exc.strerror or exc})")
    except Exception as exc:  # a file no reader foresaw must not stop the others
        yield IngestError(name, f"cannot read file ({type(exc).__name__}: {exc})")


def read(paths: Iterable[Union[str, Path]], max_bytes: Optional[int] = None,
         options: Optional[BuildOptions] = None) -> Iterator[Union[RawDocument, IngestError, ReadNote]]:
    """Yield a RawDocument or an IngestError for every document under ``paths`` (size limits as
    for :func:`read_file`)."""
    files, errors = discover(paths)
    yield from errors
    for path in files:
        yield from read_file(path, max_bytes, options)
