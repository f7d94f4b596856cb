"""The library API: what the CLI and the web app call, and nothing else.

The front ends reach the pipeline, the store, ingest and the evaluation only through here:
the choices they offer (timeline methods, file types, limits) and every decision that is not
about showing a result (which documents, how scores are averaged) come from this module.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional, Union

from . import ingest
from .highlight import parse_marked
from .ingest import DEFAULT_MAX_BYTES, TYPES_TEXT, IngestError
from .errors import EngineError, StorylineError
from .model import (EXCLUSION_REASONS, CleanResult, Document, DuplicateGroup, EntitySummary, Exclusion, Quote,
                    QuoteSource, RawDocument, SearchHit, SearchResults, SentenceHit, SharedParagraph, TimeMention,
                    Timeline, UploadReport)
from .config import DEFAULT_BUILD, DEFAULT_TIMELINE, BuildOptions, CleanParams, TimelineParams
from .engine import ENGINES
from .store import MAX_QUERY_TERMS, Interrupted, LineNotFound, QueryError, Store, StoreError, StoreVersion, check_query
from .chronology import METHODS, default_timeline, make_timeline
from .lazy import first_use

if TYPE_CHECKING:
    from .pipeline import BATCH_SIZE, Budget, BuildReport, build

# the build pipeline's names, imported on first use: a timeline or a search never loads the build
_PIPELINE_NAMES = ("BATCH_SIZE", "Budget", "BuildReport", "build", "clean_raw")


__getattr__ = first_use(globals(), dict.fromkeys(_PIPELINE_NAMES, ".pipeline"))


DEFAULT_DB = "storyline.db"
Pathish = Union[str, Path]

# The timeline methods (``storyline.chronology.METHODS``) as a choice for an option or a query
# parameter; named "Method" (the name the web app's OpenAPI schema shows).
# mypy reads a functional Enum()'s members only from a literal; these come from METHODS at run time
TimelineMethod = Enum("Method", {name: name for name in METHODS}, type=str)  # type: ignore[misc]
BuildEngine = Enum("BuildEngine", {name: name for name in ENGINES}, type=str)  # type: ignore[misc]


def timeline_methods() -> tuple[str, ...]:
    """The names ``timeline(method=...)`` takes, the default first."""
    return tuple(METHODS)


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
        found = per_document.setdefault(doc_id, [])
        if len(found) < sentences:
            found.append(SentenceHit(doc_id, index, score, parse_marked(marked)))
    hits = [SearchHit(docs[doc_id], score, parse_marked(title), parse_marked(snippet), per_document.get(doc_id, []))
            for doc_id, score, title, snippet in rows if doc_id in docs]
    return SearchResults(query, total, offset, hits)


UPLOAD_SUFFIXES = tuple(ingest.FILE_TYPES)


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
              max_bytes: Optional[int] = None, options: Optional[BuildOptions] = None) -> UploadReport:
    """Build uploaded files ``(file name, content)`` into the store at ``db``.

    Each file is saved under its own name in a temporary folder and built from there; the
    store records the file name (``name.jsonl#3`` for a record), never where it was saved. The
    build runs by ``options`` (``config.BuildOptions``; ``max_bytes``, when given, takes the place
    of its size limit).
    """
    from .pipeline import build

    options = (options or DEFAULT_BUILD).with_given(max_bytes=max_bytes)
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
            for item in ingest.read_file(Path(where), options.max_bytes):
                if isinstance(item, RawDocument) and item.id not in ids:
                    ids.append(item.id)
        with Store(db) as store:
            known_before = {i for i in ids if store.known(i)}
        report.build = build([Path(where) for where, _ in saved], db=db, options=options, name=shown)
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


class EntityNotFound(StorylineError):
    """No entity of the store is named so; the message says which name."""


def _entities_named(store: Store, name: str) -> list[int]:
    """The entities ``name`` names: its key under any kind, else mentions written like it."""
    from .entities.names import key

    found = list(dict.fromkeys(e for kind in ("PERSON", "ORG", "GPE", "LOC", "NORP")
                               for e in store.entities_named(kind, key(kind, name))))
    found = found or store.entities_written(name.strip(), limit=1)
    if not found:
        raise EntityNotFound(f"no entity named {name!r} in the store")
    return found


def entities(db: Pathish = DEFAULT_DB, kind: Optional[str] = None, limit: Optional[int] = None,
             offset: int = 0) -> list[EntitySummary]:
    """The store's entities (of one kind, or all), most mentioned first; one page with ``limit``/``offset``."""
    with Store(db, readonly=True) as store:
        rows = [r for r in store.entity_rows() if kind is None or r[1] == kind]
        page = rows[offset:offset + limit if limit is not None else None]
        return [EntitySummary(*r, names=[n for n, _ in store.entity_names(r[0])]) for r in page]  # type: ignore[arg-type]


def entity(db: Pathish, entity_id: int) -> Optional[tuple[EntitySummary, list[QuoteSource]]]:
    """One entity with every name it is written with, and the quotes attributed to it in time order."""
    with Store(db, readonly=True) as store:
        rows = store.entity_rows([entity_id])
        if not rows:
            return None
        summary = EntitySummary(*rows[0], names=[n for n, _ in store.entity_names(entity_id)])  # type: ignore[arg-type]
        return summary, [QuoteSource(d, p, q) for d, p, q in store.entity_quotes(entity_id)]


def entity_facets(db: Pathish, query: str, limit: int = 12) -> list[tuple[int, str, str, int]]:
    """The entities most named in the documents matching an FTS5 ``query``: (id, kind, name, documents)."""
    query = query.strip()
    if not query:
        return []
    check_query(query)
    with Store(db, readonly=True) as store:
        return store.entity_facets(store.search(query), limit)


def find_entities(db: Pathish, name: str) -> list[int]:
    """The ids of the entities ``name`` names (none: EntityNotFound)."""
    with Store(db, readonly=True) as store:
        return _entities_named(store, name)


class LineRefError(StorylineError, ValueError):
    """A line reference that is not written as a timeline cites one ("DOCUMENT#SENTENCE"), or an
    exclusion's reason or note the store does not take; the message says which."""


_LINE_REF = re.compile(r"([0-9A-Za-z_.\-]+)#(\d{1,9})")
MAX_NOTE = 500  # characters of an editor's note on an exclusion


def line_ref(ref: str) -> tuple[str, int]:
    """A line as a timeline cites it ("906d83b6382db693#0": document and sentence) as a pair; the
    brackets and commas of a Markdown timeline's citations ("[906d83b6382db693#0,") are left out."""
    m = _LINE_REF.fullmatch(ref.strip().strip("[],").strip())
    if m is None:
        raise LineRefError(f"{ref!r} is not a line reference: write DOCUMENT#SENTENCE, as the timeline cites lines")
    return m.group(1), int(m.group(2))


def exclude_lines(db: Pathish, refs: Iterable[str], reason: str = "other", note: str = "") -> int:
    """Exclude the lines ``refs`` ("DOCUMENT#SENTENCE") from every timeline of the store at ``db``,
    for ``reason`` (one of ``EXCLUSION_REASONS``): how many were not excluded before. The dates
    they were lines of take their next candidates; an exclusion holds when the store is built
    again (it names the sentence by its text). Raises :class:`LineRefError` or, for a line the
    store does not hold, ``store.LineNotFound``; nothing is excluded then."""
    lines = [line_ref(r) for r in refs]
    _check_exclusion(reason, note)
    with Store(db) as store:
        return store.exclude(lines, reason, note.strip())


def exclude_documents(db: Pathish, ids: Iterable[str], reason: str = "other", note: str = "") -> int:
    """Exclude every line of the articles ``ids`` (an article off the story, a page of briefs): how
    many were not excluded before. The articles still count for the dates they report. Raises as
    ``exclude_lines`` does."""
    ids = [i.strip() for i in ids]
    _check_exclusion(reason, note)
    with Store(db) as store:
        return store.exclude_documents(ids, reason, note.strip())


def restore_documents(db: Pathish, ids: Iterable[str]) -> int:
    """Take back the exclusion of the articles ``ids`` (lines excluded one by one stay so)."""
    with Store(db) as store:
        return store.restore_documents([i.strip() for i in ids])


def _check_exclusion(reason: str, note: str) -> None:
    if reason not in EXCLUSION_REASONS:
        raise LineRefError(f"{reason!r} is not a reason to exclude a line (choose one of: {', '.join(EXCLUSION_REASONS)})")
    if len(note) > MAX_NOTE:
        raise LineRefError(f"the note has {len(note)} characters; at most {MAX_NOTE}")


def restore_lines(db: Pathish, refs: Iterable[str]) -> int:
    """Take back the exclusion of the lines ``refs``: how many were excluded."""
    lines = [line_ref(r) for r in refs]
    with Store(db) as store:
        return store.restore(lines)


def exclusions(db: Pathish = DEFAULT_DB, document: Optional[str] = None) -> list[Exclusion]:
    """The lines excluded from the store's timelines (of one ``document``), latest first."""
    with Store(db, readonly=True) as store:
        return store.exclusions(document)


def timeline(db: Pathish = DEFAULT_DB, query: Optional[str] = None, max_dates: Optional[int] = None,
             sentences_per_date: Optional[int] = None, method: str = "default",
             start: Optional[dt.date] = None, end: Optional[dt.date] = None,
             previews: bool = False, with_sentences: bool = True,
             stop: Optional[Callable[[], Optional[str]]] = None,
             settings: TimelineParams = DEFAULT_TIMELINE,
             entity: Optional[str] = None, with_documents: bool = True) -> tuple[Timeline, dict[str, Document]]:
    """The timeline of the stored documents (or of those matching an FTS5 ``query``).

    ``method`` is one of ``storyline.chronology.METHODS``; ``start``/``end`` bound the dates;
    ``previews`` lets sentences about what was still to come be lines. Returns the timeline
    and the documents it cites, by id, with their sentences unless ``with_sentences`` is
    false (what needs only titles, outlets and dates: Markdown), none unless ``with_documents``
    (what needs only the timeline: JSON). Its queries stop
    (:class:`Interrupted`) as soon as ``stop()`` gives a reason. ``settings`` are the timeline's
    tuning values (``config.TimelineParams``); the store keeps the timeline of the defaults only.
    With ``entity`` (a name), only lines that name that entity or quote it; :class:`EntityNotFound`
    when the store knows no entity of that name. Lines that are quotes carry their speakers.
    """
    if query:
        check_query(query)
    with Store(db, readonly=True) as store, store.stoppable(stop):
        if (query, max_dates, sentences_per_date, method, start, end, previews, settings, entity) == (
                None, None, None, "default", None, None, False, DEFAULT_TIMELINE, None):
            tl = default_timeline(store)  # kept in the store while it is unchanged
        else:
            docs_in = store.search(query) if query else None
            lines = None
            if entity is not None:
                lines = store.entity_sentences(_entities_named(store, entity))
                wanted = {d for d, _ in lines}
                docs_in = [d for d in docs_in if d in wanted] if docs_in is not None else sorted(wanted)
            store.set_scope(docs_in, lines)
            tl = make_timeline(store, method, max_dates=max_dates, sentences_per_date=sentences_per_date,
                               start=start, end=end, previews=previews, settings=settings)
        cited = {s.document for entry in [*tl.entries, *tl.undated] for line in entry.summary for s in line.sources}
        docs = (store.documents(sorted(cited), with_sentences=with_sentences, with_annotations=False)
                if cited and with_documents else [])
    return tl, {d.id: d for d in docs}


# How ``clean_files`` reads each file type, as told to a user.
CLEAN_TYPES_TEXT = (", ".join(ingest.suffixes_of("text")) + " as plain text; " + ", ".join(ingest.suffixes_of("html", "html.gz"))
                    + " as HTML; " + ", ".join(ingest.suffixes_of("jsonl", "json")) + " by each record's text or html; "
                    + ", ".join(ingest.suffixes_of("warc")) + " by each page's type")


def clean_files(paths: Iterable[Pathish], max_bytes: Optional[int] = None, budget: Optional[Budget] = None,
                options: Optional[BuildOptions] = None, params: Optional[CleanParams] = None
                ) -> Iterator[tuple[str, Union[CleanResult, ingest.IngestError]]]:
    """Clean every document under ``paths`` without storing anything.

    ``.txt`` files are cleaned as plain text and ``.html``/``.htm``/``.html.gz`` as HTML,
    whatever their content looks like; JSONL records by their ``text``/``html`` field.
    Yields ``(path, result)`` where a failure is an :class:`IngestError` naming the reason.
    Files are read by ``options`` (``config.BuildOptions``: the size limit and the budget per
    document; ``max_bytes`` and ``budget``, when given, take their place) and cleaned by ``params``
    (``config.CleanParams``).
    """
    from .clean import CleanError
    from .pipeline import clean_raw

    options = (options or DEFAULT_BUILD).with_given(max_bytes=max_bytes, budget=budget)
    files, errors = ingest.discover(paths)
    for error in errors:
        yield error.path, error
    for path in files:
        for item in ingest.read_file(path, options.max_bytes):
            if isinstance(item, ingest.IngestError):
                yield item.path, item
                continue
            if isinstance(item, ingest.ReadNote):  # what of a web archive was no page
                continue
            kind = item.kind
            if ingest.file_kind(path) == "text":
                kind = "text"
            try:
                result, _ = clean_raw(item, options.budget, kind, params=params)
            except CleanError as exc:
                yield item.path, ingest.IngestError(item.path, str(exc))
                continue
            except Exception as exc:  # one document's failure must not stop the others
                yield item.path, ingest.IngestError(item.path, f"could not clean ({type(exc).__name__}: {exc})")
                continue
            yield item.path, result


def clean_output_stem(path: str, used: set[str]) -> str:
    """The stem a cleaned document is written under (``DIR/<stem>.txt`` and ``.json``): its file
    name without the type ending, ``-<record>`` for a JSONL record, a number added when ``used``
    (the stems taken so far, which this one joins) already holds it."""
    file, _, record = path.partition("#")
    name = Path(file).name
    name = name[: len(name) - len(ingest.type_suffix(name))]
    stem = f"{name}-{record}" if record else name
    candidate, n = stem, 2
    while candidate in used:
        candidate, n = f"{stem}-{n}", n + 1
    used.add(candidate)
    return candidate


def find_dates(text: str, anchor: Optional[dt.date] = None, language: Optional[str] = None) -> list[TimeMention]:
    """Date expressions in ``text``, resolved against ``anchor`` (a publication date) if given;
    none in a text whose ``language`` (ISO 639-1) is known and not English."""
    from .timex import find_mentions
    return find_mentions(text, anchor=anchor, language=language)


def quotes_unavailable() -> Optional[str]:
    """Why quotes cannot be found here (spaCy or its English pipeline is missing), or None."""
    from . import nlp
    return nlp.unavailable()


def find_quotes(text: str) -> list[Quote]:
    """The quotes of ``text`` (direct and reported, with cue and speaker), offsets into ``text``,
    speakers resolved with the entity layer's names. Raises ``nlp.ModelUnavailable`` (a
    StorylineError) when the English pipeline is missing."""
    from .entities import mentions_of, parse
    from .quotes import find_quotes as find
    doc = parse([text])[0]
    return find(text, doc, mentions_of(doc))


def quotes_of_files(paths: Iterable[Pathish]) -> Iterator[tuple[Path, Union[list[Quote], str]]]:
    """Each file's quotes, the file read as UTF-8 text exactly as it is (no cleaning, no newline
    translation, so offsets index its characters), or the reason it could not be read."""
    for path in map(Path, paths):
        try:
            text = path.read_bytes().decode("utf-8")
        except OSError as exc:
            yield path, f"cannot read ({exc.strerror or type(exc).__name__})"
            continue
        except UnicodeDecodeError as exc:
            yield path, f"not UTF-8 text (byte {exc.start})"
            continue
        yield path, find_quotes(text)


@contextmanager
def sample_corpus() -> Iterator[Path]:
    """The bundled sample corpus as a folder, for as long as the block runs."""
    with resources.as_file(resources.files("storyline") / "sample" / "corpus") as folder:
        yield Path(folder)


# -- evaluation on the field's benchmarks --------------------------------------------------------

@dataclass
class TlsRow:
    """One method's scores on one topic, or (``topic`` "mean") over all its topics: the
    figures the field reports (``summary``), every measure (``scores``), the references
    scored and the seconds a topic took (pipeline share and timeline)."""

    method: str
    topic: str
    references: int
    seconds: float
    summary: dict[str, float]
    scores: dict


def evaluate_tls(dataset: Pathish, methods: Iterable[str] = ("default",), topics: Optional[Iterable[str]] = None,
                 save_dir: Optional[Path] = None, workers: int = 2,
                 progress: Optional[Callable[[str], None]] = None) -> list:
    """Every method on every topic of a TLS data set (T17 or Crisis layout), under the field's
    protocol; the per-topic results (``evaluate.tls_run.TopicResult``). Raises ``ValueError``
    for an unknown method or a folder without topics."""
    from .evaluate.tls_run import evaluate_dataset
    return evaluate_dataset(dataset, list(methods), topics, save_dir, workers, progress=progress)


def tls_rows(results: list, methods: Iterable[str]) -> list[TlsRow]:
    """Per method, a row per topic and one for their mean (averaged over every (topic,
    reference) pair, as news-tls does; seconds averaged over topics)."""
    from .evaluate.tls import average_scores
    from .evaluate.tls_run import summary_row

    rows = []
    for method in methods:
        mine = [r for r in results if r.method == method]
        for r in mine:
            mean = r.mean
            rows.append(TlsRow(method, r.topic, len(r.scores), r.seconds, summary_row(mean), mean))
        mean = average_scores([s for r in mine for s in r.scores])
        rows.append(TlsRow(method, "mean", sum(len(r.scores) for r in mine),
                           sum(r.seconds for r in mine) / max(1, len(mine)), summary_row(mean), mean))
    return rows


def evaluate_timex(folder: Pathish) -> Optional[dict]:
    """TempEval-3 scores of the date resolver on the TimeML (``.tml``) files under ``folder``,
    with the documents, characters and seconds it took and the disagreements by class
    (``errors``, see ``evaluate.timex.ERROR_CLASSES``); None when there is no such file."""
    from .evaluate.timex import classify_errors, load_timeml_dir, score_timexes

    docs = load_timeml_dir(folder)
    if not docs:
        return None
    start = time.perf_counter()
    predicted = [find_dates(d.text, d.dct) for d in docs]
    seconds = time.perf_counter() - start
    scores = score_timexes([(d.timexes, p) for d, p in zip(docs, predicted)])
    scores.update(documents=len(docs), characters=sum(len(d.text) for d in docs), seconds=round(seconds, 3))
    scores["errors"] = classify_errors([(d.timexes, p, d.dct) for d, p in zip(docs, predicted)])
    return scores


def evaluate_quotes(folder: Pathish, limit: Optional[int] = None) -> Optional[dict]:
    """Quote scores on a PolNeAR compartment folder (``text/`` and ``attributions/``): direct and
    all attributions' content P/R/F and the share found with the right speaker; None when the
    folder holds no annotated article."""
    from .evaluate.quotes import evaluate
    return evaluate(Path(folder), limit)


def timex_error_classes() -> dict[str, str]:
    """The classes ``evaluate_timex`` counts disagreements in (its ``errors``), each with what it means."""
    from .evaluate.timex import ERROR_CLASSES
    return dict(ERROR_CLASSES)


__all__ = ["clean_files", "find_dates", "BuildReport", "build", "documents", "document", "duplicate_groups",
           "duplicate_group", "duplicate_paragraphs", "build_errors", "search", "add_files", "upload_name", "UploadReport",
           "UPLOAD_SUFFIXES", "QueryError", "StoreError", "Interrupted", "IngestError", "MAX_QUERY_TERMS", "timeline",
           "open_store", "count_documents", "check_query", "StoreVersion", "DEFAULT_DB", "DEFAULT_MAX_BYTES",
           "BATCH_SIZE", "TYPES_TEXT", "CLEAN_TYPES_TEXT", "TimelineMethod", "timeline_methods", "clean_output_stem",
           "sample_corpus", "quotes_unavailable", "find_quotes", "quotes_of_files", "evaluate_quotes", "TlsRow", "evaluate_tls", "tls_rows", "evaluate_timex", "timex_error_classes", "BuildOptions", "DEFAULT_BUILD",
           "CleanParams", "TimelineParams", "DEFAULT_TIMELINE", "entities", "entity", "find_entities", "entity_facets", "EntityNotFound",
           "EntitySummary", "QuoteSource", "BuildEngine", "ENGINES", "EngineError", "EXCLUSION_REASONS", "Exclusion",
           "LineNotFound", "LineRefError", "MAX_NOTE", "exclude_documents", "exclude_lines", "exclusions", "line_ref",
           "restore_documents", "restore_lines"]
