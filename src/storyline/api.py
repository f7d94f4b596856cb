"""The library API: what the CLI and the web app call, and nothing else."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Union

from . import ingest
from .clean import CleanError
from .highlight import parse_marked
from .model import (CleanResult, Document, DuplicateGroup, SearchHit, SearchResults, SentenceHit, SharedParagraph,
                    TimeMention, Timeline)
from .pipeline import DEFAULT_BUDGET, Budget, BuildReport, build, clean_raw
from .store import MAX_QUERY_TERMS, Interrupted, QueryError, Store, StoreError, check_query
from .chronology import default_timeline, make_timeline

DEFAULT_DB = "storyline.db"
Pathish = Union[str, Path]


def documents(db: Pathish = DEFAULT_DB, with_sentences: bool = False,
              ids: Optional[Iterable[str]] = None, *, limit: Optional[int] = None,
              offset: int = 0) -> list[Document]:
    """All stored documents (or those with the given ids), dated first by publication date;
    ``limit``/``offset`` give one page of that order (default: all)."""
    with Store(db, readonly=True) as store:
        return store.documents(ids, with_sentences=with_sentences, limit=limit, offset=offset)


def open_store(db: Pathish = DEFAULT_DB) -> int:
    """Create the store at ``db`` if missing (or bring an older one up to date); the number
    of documents it holds. Raises :class:`StoreError` for a file that is no storyline store."""
    with Store(db) as store:
        return store.count()


def count_documents(db: Pathish = DEFAULT_DB) -> int:
    with Store(db, readonly=True) as store:
        return store.count()


def document(db: Pathish, document_id: str) -> Optional[Document]:
    """One stored document with its sentences and date mentions, or None."""
    found = documents(db, with_sentences=True, ids=[document_id])
    return found[0] if found else None


def duplicate_groups(db: Pathish = DEFAULT_DB) -> list[DuplicateGroup]:
    """Duplicate and version groups: every member, the representative first, why each joined."""
    with Store(db, readonly=True) as store:
        return store.groups()


def duplicate_group(db: Pathish, group_id: str) -> Optional[DuplicateGroup]:
    """The duplicate/version group with this id, or None."""
    return next((g for g in duplicate_groups(db) if g.id == group_id), None)


def build_errors(db: Pathish = DEFAULT_DB) -> list[ingest.IngestError]:
    """Documents that could not be stored, with the reason, as last recorded."""
    with Store(db, readonly=True) as store:
        return [ingest.IngestError(path, reason) for path, reason in store.errors()]


def search(db: Pathish, query: str, limit: int = 20, offset: int = 0, sentences: int = 3,
           stop: Optional[Callable[[], Optional[str]]] = None, seconds: Optional[float] = None) -> SearchResults:
    """Full-text search (SQLite FTS5 syntax) over titles, texts and sentences, best first (bm25).

    Each hit carries its title and a snippet of its text with the matches as offsets, and
    its ``sentences`` best matching sentences (both made for the hits returned only). Raises
    :class:`QueryError` for a query FTS5 cannot run or one of more than ``MAX_QUERY_TERMS``
    words, and :class:`Interrupted` when ``stop()`` gives a reason to stop or the search
    runs past ``seconds``. A blank query finds nothing.
    """
    query = query.strip()
    if not query:
        return SearchResults(query, 0, offset)
    check_query(query)
    with Store(db, readonly=True) as store, store.stoppable(stop, seconds):
        total = store.search_count(query)
        rows = store.search_documents(query, limit=limit, offset=offset)
        ids = [row[0] for row in rows]
        docs = {d.id: d for d in store.documents(ids, with_sentences=False)}
        try:
            sentence_rows = store.search_sentences(query, ids) if sentences > 0 else []
        except QueryError:  # e.g. a column filter ("title:dam") that sentences do not have
            sentence_rows = []
    per_document: dict[str, list[SentenceHit]] = {}
    for doc_id, index, score, marked in sentence_rows:
        hits = per_document.setdefault(doc_id, [])
        if len(hits) < sentences:
            hits.append(SentenceHit(doc_id, index, score, parse_marked(marked)))
    hits = [SearchHit(docs[doc_id], score, parse_marked(title), parse_marked(snippet), per_document.get(doc_id, []))
            for doc_id, score, title, snippet in rows if doc_id in docs]
    return SearchResults(query, total, offset, hits)


UPLOAD_SUFFIXES = tuple(ingest.FILE_TYPES)


@dataclass
class UploadReport:
    """What adding uploaded files did: documents new to the store, documents it already
    held (same content), and files or records that could not be stored, with the reason."""

    added: list[Document] = field(default_factory=list)
    unchanged: list[Document] = field(default_factory=list)
    errors: list[ingest.IngestError] = field(default_factory=list)
    build: BuildReport = field(default_factory=BuildReport)


def upload_name(name: Optional[str]) -> str:
    """An uploaded file's name fit to store and to save under: its last path component,
    without control characters or leading dots; "" when nothing usable is left."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip().lstrip(". ")
    if len(base) > 200:
        suffix = ingest.type_suffix(base)
        base = base[: 200 - len(suffix)] + suffix
    return base


def add_files(files: Iterable[tuple[str, bytes]], db: Pathish = DEFAULT_DB,
              max_bytes: int = ingest.DEFAULT_MAX_BYTES) -> UploadReport:
    """Build uploaded files ``(file name, content)`` into the store at ``db``.

    Each file is saved under its own name in a temporary folder and built from there; the
    store records the file name (``name.jsonl#3`` for a record), never where it was saved.
    """
    report = UploadReport()
    with tempfile.TemporaryDirectory(prefix="storyline-upload-") as tmp:
        saved: list[tuple[str, str]] = []
        for n, (name, data) in enumerate(files):
            safe = upload_name(name)
            if not safe:
                report.errors.append(ingest.IngestError(name or "(no name)", "not a usable file name"))
                continue
            folder = Path(tmp) / str(n)
            folder.mkdir()
            (folder / safe).write_bytes(data)
            saved.append((str(folder / safe), safe))

        def shown(path: str) -> str:
            for where, safe in saved:
                if path == where or path.startswith(where + "#"):
                    return safe + path[len(where):]
            return Path(path).name

        ids: list[str] = []
        for where, _ in saved:
            for item in ingest.read_file(Path(where), max_bytes):
                if not isinstance(item, ingest.IngestError) and item.id not in ids:
                    ids.append(item.id)
        with Store(db) as store:
            known_before = {i for i in ids if store.known(i)}
        report.build = build([Path(where) for where, _ in saved], db=db, max_bytes=max_bytes, name=shown)
    report.errors.extend(report.build.errors)
    stored = {d.id: d for d in documents(db, ids=ids)}
    report.added = [stored[i] for i in ids if i in stored and i not in known_before]
    report.unchanged = [stored[i] for i in ids if i in stored and i in known_before]
    return report


def duplicate_paragraphs(db: Pathish = DEFAULT_DB) -> list[SharedParagraph]:
    """Paragraphs found more than once: wire copy shared across documents, repeats inside one.

    Each lists every occurrence (document, paragraph number, span in its clean text), the
    first publication first, and how many independent sources (duplicate groups) use it;
    widest spread first.
    """
    with Store(db, readonly=True) as store:
        return store.duplicate_paragraphs()


def timeline(db: Pathish = DEFAULT_DB, query: Optional[str] = None, max_dates: Optional[int] = None,
             sentences_per_date: Optional[int] = None, method: str = "default",
             start: Optional[dt.date] = None, end: Optional[dt.date] = None,
             previews: bool = False, with_sentences: bool = True,
             stop: Optional[Callable[[], Optional[str]]] = None) -> tuple[Timeline, dict[str, Document]]:
    """The timeline of the stored documents (or of those matching an FTS5 ``query``).

    ``method`` is one of ``storyline.chronology.METHODS``; ``start``/``end`` bound the dates;
    ``previews`` lets sentences about what was still to come be lines. Returns the timeline
    and the documents it cites, by id, with their sentences unless ``with_sentences`` is
    false (what needs only titles, outlets and dates: JSON and Markdown). Its queries stop
    (:class:`Interrupted`) as soon as ``stop()`` gives a reason.
    """
    if query:
        check_query(query)
    with Store(db, readonly=True) as store, store.stoppable(stop):
        if (query, max_dates, sentences_per_date, method, start, end, previews) == (
                None, None, None, "default", None, None, False):
            tl = default_timeline(store)  # kept in the store while it is unchanged
        else:
            store.set_scope(store.search(query) if query else None)
            tl = make_timeline(store, method, max_dates=max_dates, sentences_per_date=sentences_per_date,
                               start=start, end=end, previews=previews)
        cited = {s.document for entry in [*tl.entries, *tl.undated] for line in entry.summary for s in line.sources}
        docs = store.documents(sorted(cited), with_sentences=with_sentences, with_annotations=False) if cited else []
    return tl, {d.id: d for d in docs}


def clean_files(paths: Iterable[Pathish], max_bytes: int = ingest.DEFAULT_MAX_BYTES, budget: Budget = DEFAULT_BUDGET
                ) -> Iterator[tuple[str, Union[CleanResult, ingest.IngestError]]]:
    """Clean every document under ``paths`` without storing anything.

    ``.txt`` files are cleaned as plain text and ``.html``/``.htm``/``.html.gz`` as HTML,
    whatever their content looks like; JSONL records by their ``text``/``html`` field.
    Yields ``(path, result)`` where a failure is an :class:`IngestError` naming the reason.
    """
    files, errors = ingest.discover(paths)
    for error in errors:
        yield error.path, error
    for path in files:
        for item in ingest.read_file(path, max_bytes):
            if isinstance(item, ingest.IngestError):
                yield item.path, item
                continue
            kind = item.kind
            if ingest.file_kind(path) == "text":
                kind = "text"
            try:
                result, _ = clean_raw(item, budget, kind)
            except CleanError as exc:
                yield item.path, ingest.IngestError(item.path, str(exc))
                continue
            except Exception as exc:  # one document's failure must not stop the others
                yield item.path, ingest.IngestError(item.path, f"could not clean ({type(exc).__name__}: {exc})")
                continue
            yield item.path, result


def find_dates(text: str, anchor: Optional[dt.date] = None) -> list[TimeMention]:
    """Date expressions in ``text``, resolved against ``anchor`` (a publication date) if given."""
    from .timex import find_mentions
    return find_mentions(text, anchor=anchor)


__all__ = ["clean_files", "find_dates", "BuildReport", "build", "documents", "document", "duplicate_groups",
           "duplicate_group", "duplicate_paragraphs", "build_errors", "search", "add_files", "upload_name", "UploadReport", "UPLOAD_SUFFIXES",
           "QueryError", "StoreError", "Interrupted", "MAX_QUERY_TERMS", "timeline", "open_store", "count_documents", "DEFAULT_DB"]
