"""The build: ingest → clean → sentences → timex → dedup signatures → store, in batches.

Each batch of documents is stored in one transaction together with its dedup signatures and
the links the store finds between them and what it already holds; duplicate groups are then
updated for the documents whose links changed. A document that
fails names itself and its reason and the build goes on with the rest. How a build runs
(batch size, size limits, the budget per document, processes) is a ``config.BuildOptions``.
"""

from __future__ import annotations

import bisect
import collections
import datetime as dt
import functools
import hashlib
import itertools
import signal
import sqlite3
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional, Sequence, Union

from . import dedup, engine, entities, ingest
from .clean import CleanError, clean_html, clean_text
from .config import DEFAULT_BUDGET, DEFAULT_BUILD, Budget, BuildOptions, CleanParams
from .model import BuildReport, CleanResult, Document, RawDocument, Removed
from .sentences import split
from .entities import ENTITY_VERSION
from .store import DocumentRows, Store, document_rows

if TYPE_CHECKING:
    from .attribution import Analyzer

# Bump when a change to cleaning, sentence splitting, date resolution or the timeline's
# sentence features (event dating, furniture) changes what is derived from a document: stored
# documents of older versions are re-derived from their raw content on the next build
# (sentence indexes are stable within one version).
PIPELINE_VERSION = "25"
BATCH_SIZE = DEFAULT_BUILD.batch_size  # the default's name before BuildOptions (the command line's default)


# Publication dates a document may have: dates are resolved against it, with room on both sides
# for "in 50 years" or "a century ago" within the calendar's years 1 to 9999.
EARLIEST, LATEST = dt.date(1000, 1, 1), dt.date(8999, 12, 31)


def parse_given_date(value: str) -> dt.date:
    """A given ``published`` value: ``YYYY-MM-DD`` or an ISO 8601 timestamp, between the years
    1000 and 8999; ValueError for anything else."""
    value = value.strip()
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        day = dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    if not EARLIEST <= day <= LATEST:
        raise ValueError(f"{day.isoformat()} is outside the years {EARLIEST.year}–{LATEST.year}")
    return day


class BudgetExceeded(CleanError):
    """A document over its budget (``Budget``); the message says which limit and by how much."""


_TIMER = threading.local()  # ``armed``: a timer signal set by ``_time_limit`` guards this thread's work


@contextmanager
def _time_limit(seconds: float, stage: list[str], budget: Optional[float] = None):
    """Stop the work after ``seconds`` (where a timer signal can reach it: the main thread of a
    process, with no timer of its own running); elsewhere ``_check`` between stages bounds it, and
    the HTML cleaning, the one stage that can run long inside a library, runs in a child process
    that is stopped at the budget. ``budget``: the whole budget the message names, where
    ``seconds`` is what is left of it."""
    usable = (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
              and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0))
    if not usable:
        yield
        return

    def expired(signum, frame):
        raise BudgetExceeded(f"took longer than {budget or seconds:g} s (the budget per document) while {stage[0]}")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    _TIMER.armed = True
    try:
        yield
    finally:
        _TIMER.armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _elements(html: str) -> int:
    """How many elements a page opens (start tags), counted without parsing it."""
    return html.count("<") - html.count("</") - html.count("<!")


def _cut(text: str, limit: int) -> tuple[str, str]:
    """``text`` cut at the last paragraph break (else sentence end, else space) before ``limit``; and the rest."""
    head = text[:limit]
    at = max(head.rfind("\n\n"), 0) or max(head.rfind(". "), 0) or max(head.rfind(" "), 0) or limit
    return text[:at].rstrip(), text[at:].lstrip()


@contextmanager
def _budgeted(raw: RawDocument, budget: Budget, kind: Optional[str] = None, started: Optional[float] = None,
              stage_name: str = "cleaning") -> Iterator[Callable[[str], None]]:
    """The element count checked before any parsing, then the time budget around the block, which
    calls ``check(next stage)`` between its stages. A document's later stages run in a block of
    their own (``work``): ``started``, when its first began, and ``stage_name``, the first stage."""
    stage = [stage_name]
    started = time.monotonic() if started is None else started

    def check(next_stage: str) -> None:
        if time.monotonic() - started > budget.seconds:
            raise BudgetExceeded(f"took longer than {budget.seconds:g} s (the budget per document) while {stage[0]}")
        stage[0] = next_stage

    if (kind or raw.kind) == "html" and _elements(raw.content) > budget.max_elements:
        raise BudgetExceeded(f"too many HTML elements ({_elements(raw.content):,}; the budget is "
                             f"{budget.max_elements:,} per document)")
    check(stage_name)  # a later block starts past the budget: stopped at once, its stage named
    with _time_limit(max(budget.seconds - (time.monotonic() - started), 0.001), stage, budget.seconds):
        yield check


def _clean_in_child(conn, content: str, url: Optional[str], limit: int, params: Optional[CleanParams]) -> None:
    try:
        conn.send(("ok", clean_html(content, url=url, limit=limit, params=params)))
    except CleanError as exc:
        conn.send(("clean", str(exc)))
    except Exception as exc:  # reported to the parent as this document's failure
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def _clean_html_apart(content: str, url: Optional[str], limit: int, seconds: float,
                      params: Optional[CleanParams] = None) -> CleanResult:
    """``clean_html`` in a child process, stopped after ``seconds``: a thread (a web upload) cannot
    be interrupted by a timer signal, and a page can keep the extractor busy for minutes. The
    child is forked, so it starts with the cleaning modules loaded and never re-runs the program
    that started the server; should it ever hang for a lock held at the fork, the budget stops it."""
    import multiprocessing

    fork = multiprocessing.get_context("fork")
    receive, send = fork.Pipe(duplex=False)
    child = fork.Process(target=_clean_in_child, args=(send, content, url, limit, params), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(seconds):
            raise BudgetExceeded(f"took longer than {seconds:g} s (the budget per document) while cleaning")
        outcome, value = receive.recv()
    except EOFError:
        raise CleanError("cleaning stopped without a result") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        receive.close()
    if outcome == "ok":
        return value
    raise CleanError(value if outcome == "clean" else f"could not clean ({value})")


def clean_raw(raw: RawDocument, budget: Budget = DEFAULT_BUDGET, kind: Optional[str] = None,
              check: Optional[Callable[[str], None]] = None, params: Optional[CleanParams] = None
              ) -> tuple[CleanResult, list[str]]:
    """The clean stage of one raw document within ``budget`` (as HTML or as plain text by ``kind``,
    default the document's own; by ``params``, default ``config.DEFAULT_CLEAN``), text past the
    budget cut off; and the warnings. Raises CleanError when there is no article, BudgetExceeded
    when the document is over its budget."""
    if check is None:
        with _budgeted(raw, budget, kind) as check:
            return clean_raw(raw, budget, kind, check, params)
    warnings: list[str] = []
    # the page text analysed is bounded too, with room for what cleaning drops
    limit = budget.page_factor * budget.max_chars
    if (kind or raw.kind) == "html" and not getattr(_TIMER, "armed", False):
        result = _clean_html_apart(raw.content, raw.given.get("url"), limit, budget.seconds, params)
    elif (kind or raw.kind) == "html":
        result = clean_html(raw.content, url=raw.given.get("url"), limit=limit, params=params)
    else:
        result = clean_text(raw.content, limit=limit, params=params)
    if not result.text.strip():
        raise CleanError("no article text found")
    if len(result.text) > budget.max_chars:
        kept, rest = _cut(result.text, budget.max_chars)
        reason = f"past the budget of {budget.max_chars:,} characters of text per document"
        result.removed.append(Removed(f"{rest[:200]}… ({len(rest):,} characters)", reason))
        warnings.append(f"{raw.path}: the text is {len(result.text):,} characters long; the {len(rest):,} past the "
                        f"budget of {budget.max_chars:,} per document are left out")
        result.text = kept
    check("cleaned")
    return result, warnings


def process(raw: RawDocument, budget: Budget = DEFAULT_BUDGET) -> tuple[Document, dedup.Signature, list[str]]:
    """Derive a Document from a raw one. Raises CleanError when there is no article, and
    BudgetExceeded (a CleanError) when the document is over its ``budget``."""
    with _budgeted(raw, budget) as check:
        doc, warnings = _derive(raw, budget, check)
        check("comparing with other documents")
        sig = dedup.signature(doc.id, doc.text, doc.published)
        _weigh(doc, sig, check)
        return doc, sig, warnings


def _derive(raw: RawDocument, budget: Budget, check: Callable[[str], None]) -> tuple[Document, list[str]]:
    """The stages before the signature: the clean document, its sentences and dates; and the warnings."""
    result, warnings = clean_raw(raw, budget, check=check)
    check("reading dates")
    given = raw.given
    published = result.published
    published_time = result.published_time
    if published is not None and not EARLIEST <= published <= LATEST:
        warnings.append(f"{raw.path}: publication date {published.isoformat()} read from the page is outside the "
                        f"years {EARLIEST.year}–{LATEST.year}; ignored")
        published = published_time = None
    for problem in raw.problems:
        warnings.append(f"{raw.path}: {problem}")
    if "published" in given:
        try:
            published = parse_given_date(given["published"])
            published_time = None
        except ValueError as exc:
            warnings.append(f"{raw.path}: given 'published' value {given['published']!r} is not a usable date "
                            f"({exc}); ignored")
    doc = Document(
        id=raw.id, path=raw.path, kind=raw.kind, text=result.text, paths=[raw.path],
        url=given.get("url"), title=given.get("title", result.title), published=published,
        published_time=published_time, byline=given.get("byline", result.byline),
        dateline=given.get("dateline", result.dateline), source=given.get("source", result.source),
        contributors=list(result.contributors), removed=list(result.removed), encoding=raw.encoding,
        language=result.language)
    annotate(doc)
    return doc, warnings


def _weigh(doc: Document, sig: dedup.Signature, check: Callable[[str], None]) -> None:
    """The stage after the signature: each sentence's timeline features (which read the
    paragraphs the signature found repeated)."""
    from .chronology.features import repeated_in, sentence_features  # the build's, not every import's

    check("dating sentences")
    doc.features = sentence_features(doc, repeated_in(sig))
    check("done")


def annotate(doc: Document) -> Document:
    """Split a document's clean text into sentences and resolve its date mentions."""
    from .timex import find_mentions  # compiled on first use: reading a store needs none of it

    doc.sentences = split(doc.text, doc.id)
    starts = [s.start for s in doc.sentences]
    doc.mentions = find_mentions(doc.text, anchor=doc.published, language=doc.language)
    for mention in doc.mentions:
        mention.document = doc.id
        i = bisect.bisect_right(starts, mention.start) - 1
        mention.sentence = doc.sentences[i].index if i >= 0 else None
    return doc


Progress = Callable[[str, int, int], None]
# What one document's content can make the store refuse (text it cannot encode, a date out of
# range); the store's own failures (a full disk, a damaged file) stop the build instead.
_DOCUMENT_FAULTS = (ValueError, OverflowError, TypeError, sqlite3.InterfaceError)


@dataclass
class Processed:
    """What the per-document stages made of one raw document (in whichever process ran them);
    ``raw`` is None where the caller keeps the raw documents it sent (a build's writer)."""

    raw: Optional[RawDocument]
    doc: Document
    sig: dedup.Signature
    warnings: list[str]


@dataclass
class Failed:
    """A raw document the per-document stages could not make a document of, and why."""

    path: str
    reason: str


def work(raws: list[RawDocument], budget: Budget = DEFAULT_BUDGET, names: bool = False,
         send_raw: bool = True) -> list[Union[Processed, Failed]]:
    """The per-document stages over one chunk, one outcome per raw document in its order: each
    processed (``process``) and, with ``names``, its names and quotes found (linking them to the
    store's entities is the writer's). Runs wherever the build's engine puts it; without
    ``send_raw`` an outcome leaves out the raw document (a fifth of what a worker sends back)."""
    out: list[Union[Processed, Failed]] = []
    derived: list[tuple[int, RawDocument, Document, list[str], float]] = []
    for raw in raws:
        started = time.monotonic()
        try:
            with _budgeted(raw, budget) as check:
                doc, warnings = _derive(raw, budget, check)
        except Exception as exc:  # one document's failure must not stop the others
            out.append(_failure(raw, exc))
        else:
            derived.append((len(out), raw, doc, warnings, time.monotonic() - started))
            out.append(Failed(raw.path, ""))  # its place until it is done
    # the chunk's signatures in one call: alone, NumPy's cost per call is most of a document's
    try:
        sigs: Sequence[Optional[dedup.Signature]] = dedup.signatures(
            [(doc.id, doc.text, doc.published) for _, _, doc, _, _ in derived])
    except Exception:  # a text the signatures cannot read (a lone surrogate): each then fails alone
        sigs = [None] * len(derived)
    for (at, raw, doc, warnings, spent), one in zip(derived, sigs):
        try:  # in what is left of the document's time budget (the other documents' first pass not counted)
            with _budgeted(raw, budget, "text", time.monotonic() - spent, "comparing with other documents") as check:
                sig = one if one is not None else dedup.signature(doc.id, doc.text, doc.published)
                _weigh(doc, sig, check)
        except Exception as exc:
            out[at] = _failure(raw, exc)
        else:
            out[at] = Processed(raw if send_raw else None, doc, sig, warnings)
    done = [o for o in out if isinstance(o, Processed)]
    if names and done:
        from . import attribution  # spaCy and the quote finder, only where names are found

        try:
            attribution.analyze([o.doc for o in done])
        except Exception as exc:  # stored without names: a later build catches them up
            for o in done:
                o.doc.entities = o.doc.quotes = o.doc.statements = None
            done[0].warnings.append(f"names and quotes not found in {len(done)} documents "
                                    f"({type(exc).__name__}: {exc})")
    return out


def _failure(raw: RawDocument, exc: Exception) -> Failed:
    """What a document's failure is reported as (a CleanError says its own reason)."""
    if isinstance(exc, CleanError):
        return Failed(raw.path, str(exc))
    return Failed(raw.path, f"could not process ({type(exc).__name__}: {exc})")


@dataclass
class Prepared:
    """What a worker sends the build's writer for one document: the rows the store writes
    (``store.document_rows``), made on the worker, and the warnings."""

    rows: DocumentRows
    warnings: list[str]


def prepare(raws: list[RawDocument], budget: Budget = DEFAULT_BUDGET, names: bool = False
            ) -> list[Union[Prepared, Failed]]:
    """``work`` over one chunk, each document then made into the rows the store writes: on the
    worker, so that the one writer only inserts them (and unpickles plain tuples, not objects)."""
    return [Prepared(document_rows(raw, o.doc, o.sig), o.warnings) if isinstance(o, Processed) else o
            for raw, o in zip(raws, work(raws, budget, names))]


def _load_names() -> None:
    from . import attribution

    attribution.load_pipelines()


def _lost(raws: list[RawDocument], reason: str) -> list[Union[Processed, Failed]]:
    return [Failed(raw.path, f"could not process ({reason})") for raw in raws]


# What a chunk's outcomes are (``prepare``'s records): part of a chunk's name, so that a shard
# written by a build whose records were another shape is not loaded by this one.
RECORD_FORMAT = "rows-1"


def _chunk_key(raws: list[RawDocument], names: bool) -> str:
    """A chunk's name: its documents and what derives them (shards of another version are not its)."""
    h = hashlib.sha256(f"{PIPELINE_VERSION}/{ENTITY_VERSION if names else '-'}/{RECORD_FORMAT}".encode())
    for raw in raws:
        h.update(raw.id.encode())
    return h.hexdigest()[:32]


@dataclass
class _Item:
    """A raw document on its way through the engine; ``stale_paths`` for a stored one re-derived."""

    raw: RawDocument
    stale_paths: Optional[list[str]] = None


def build(paths: Iterable[Union[str, Path]], db: Union[str, Path] = "storyline.db",
          batch_size: Optional[int] = None, max_bytes: Optional[int] = None,
          progress: Optional[Progress] = None, on_error: Optional[Callable[[ingest.IngestError], None]] = None,
          name: Optional[Callable[[str], str]] = None, budget: Optional[Budget] = None,
          options: Optional[BuildOptions] = None) -> BuildReport:
    """Add the documents under ``paths`` to the store at ``db`` (created if needed).

    Already stored documents (same content) are not redone; documents derived by an older
    pipeline version are re-derived. ``progress(path, done, total)`` is called per file read;
    ``on_error`` per failed document. ``name(path)`` gives the path a document is recorded
    under (default: the path as found; an upload records its file name, not where it was
    saved). Ctrl-C stops after rolling back the current batch. The build runs by ``options``
    (default ``config.DEFAULT_BUILD``; its ``engine`` says where the per-document stages run,
    ``storyline.engine``); ``batch_size``, ``max_bytes`` and ``budget``, when given, take the
    place of those fields. Whatever the engine, documents are stored in the order they are read.
    """
    opts = (options or DEFAULT_BUILD).with_given(batch_size=batch_size, max_bytes=max_bytes, budget=budget)
    report = BuildReport()
    report.entities_off = _entities_off(opts)
    entity_version = None if report.entities_off else ENTITY_VERSION
    with Store(db) as store, _CtrlC() as ctrl_c:
        run = _Run(store, opts, report, entity_version, on_error, name or (lambda path: path), ctrl_c)
        run_engine = engine.make(opts, Path(db), _load_names if entity_version else None, ctrl_c.check)
        try:
            files, problems = ingest.discover(paths)
            for err in problems:
                run.fail(run.shown(err.path), err.reason)
            names = entity_version is not None
            chunks = run.chunks(files, progress)
            for outcomes in run_engine.map(functools.partial(prepare, budget=opts.budget, names=names),
                                           chunks, _lost, functools.partial(_chunk_key, names=names)):
                ctrl_c.check()
                run.take(outcomes)
            ctrl_c.check()
            run.flush()
            run.catch_up()
            ctrl_c.check()
            if run.changed or store.groups_stale():
                store.update_groups(opts.regroup_documents)
                ctrl_c.check()
                from .chronology import default_timeline

                try:  # made now, so the first reader of a large store does not wait
                    default_timeline(store)
                except Exception as exc:  # the documents are stored: a reader will make it
                    report.warnings.append(f"the default timeline was not made ahead ({type(exc).__name__}: {exc})")
        except KeyboardInterrupt:
            report.interrupted = True
            report.added -= sum(item.stale_paths is None for item, _ in run.batch)
            run.batch.clear()
        finally:
            run_engine.close()
            run.names.close()
        report.documents = store.count()
        report.groups = len(store.groups())
    return report


class _CtrlC:
    """Ctrl-C during a build, noted by the handler and acted on where the build can stop cleanly
    (between chunks, batches and steps) rather than wherever the main thread happens to be: a
    KeyboardInterrupt raised inside a finalizer is lost (the build went on to the end), and one
    raised inside the process pool's or a queue's bookkeeping can leave the build waiting for
    ever. A second Ctrl-C stops at once. Only in the main thread, and only when Ctrl-C has
    Python's default handling (a program that set its own keeps it)."""

    def __init__(self) -> None:
        self.pressed = False
        self.installed = False

    def __enter__(self) -> "_CtrlC":
        if (engine.in_main_thread()
                and signal.getsignal(signal.SIGINT) is signal.default_int_handler):
            signal.signal(signal.SIGINT, self._note)
            self.installed = True
        return self

    def _note(self, signum: int, frame: object) -> None:
        self.pressed = True
        signal.signal(signal.SIGINT, signal.default_int_handler)

    def check(self) -> None:
        """Stop here (KeyboardInterrupt) when Ctrl-C was pressed."""
        if self.pressed:
            raise KeyboardInterrupt

    def __exit__(self, *exc: object) -> None:
        if self.installed:
            signal.signal(signal.SIGINT, signal.default_int_handler)


class _Run:
    """One build's reading (in order, skipping what is stored) and writing (in batches, through the
    one store), around an engine that runs the per-document stages in between."""

    def __init__(self, store: Store, options: BuildOptions, report: BuildReport, entity_version: Optional[str],
                 on_error: Optional[Callable[[ingest.IngestError], None]], shown: Callable[[str], str],
                 ctrl_c: _CtrlC):
        self.store, self.options, self.report, self.on_error, self.shown = store, options, report, on_error, shown
        self.ctrl_c = ctrl_c
        self.entity_version = entity_version
        self.names = _Names(store, options, report, entity_version, self.ctrl_c.check)
        self.sent: collections.deque[list[_Item]] = collections.deque()  # chunks in the engine, in order
        self.awaiting: dict[str, list[str]] = {}  # documents read and not yet stored → more paths of each
        self.batch: list[tuple[_Item, Prepared]] = []
        self.changed = False

    def fail(self, path: str, reason: str, record: bool = False) -> None:
        err = ingest.IngestError(path, reason, repeated=record and self.store.recorded_error(path) == reason)
        self.report.errors.append(err)
        if self.on_error:
            self.on_error(err)
        if record and not err.repeated:
            self.store.record_error(path, reason)

    def _items(self, files: list[Path], progress: Optional[Progress]) -> Iterator[_Item]:
        """Stored documents of an older pipeline version, then every document read that is not stored."""
        for raw, known_paths in self.store.stale(PIPELINE_VERSION):
            yield _Item(raw, known_paths)
        for done, path in enumerate(files, start=1):
            self.ctrl_c.check()
            for item in ingest.read_file(path, options=self.options):
                item.path = self.shown(item.path)
                if isinstance(item, ingest.IngestError):
                    self.fail(item.path, item.reason, record=True)
                elif isinstance(item, ingest.ReadNote):
                    self.report.warnings.append(str(item))
                elif item.id in self.awaiting:  # the same content twice in one build
                    self.awaiting[item.id].append(item.path)
                    self.report.new_paths += 1
                    self.report.unchanged += 1
                elif self.store.known(item.id):
                    self.report.new_paths += self.store.add_path(item.id, item.path)
                    self.report.unchanged += 1
                else:
                    self.awaiting[item.id] = []
                    yield _Item(item)
            if progress:
                progress(str(path), done, len(files))

    def chunks(self, files: list[Path], progress: Optional[Progress]) -> Iterator[list[RawDocument]]:
        """The raw documents to process in chunks, each remembered (``sent``) until its outcomes come."""
        items = self._items(files, progress)
        while chunk := list(itertools.islice(items, self.options.engine_chunk)):
            self.sent.append(chunk)
            yield [item.raw for item in chunk]

    def take(self, outcomes: list[Union[Prepared, Failed]]) -> None:
        """The outcomes of the oldest chunk sent: into the batch (stored whole per chunk, so a
        resumed build makes the same chunks) or reported. A batch larger than a chunk holds whole
        chunks, stored once it has ``batch_size`` documents: the writer's cost per document falls
        with the size of its transactions."""
        whole_chunks = self.options.batch_size > self.options.engine_chunk
        for item, outcome in zip(self.sent.popleft(), outcomes):
            if isinstance(outcome, Failed) and item.stale_paths is not None:
                self.fail(item.raw.path, f"could not re-derive stored document: {outcome.reason}")
            elif isinstance(outcome, Failed):
                for path in [outcome.path, *self.awaiting.pop(item.raw.id, [])]:
                    self.fail(path, outcome.reason, record=True)
            elif item.stale_paths is not None:
                outcome.rows.paths = item.stale_paths
                self.report.rederived += 1
                self.batch.append((item, outcome))
            else:
                self.report.warnings.extend(outcome.warnings)
                self.report.added += 1
                self.batch.append((item, outcome))
            if not whole_chunks and len(self.batch) >= self.options.batch_size:
                self.flush()
        if not whole_chunks or len(self.batch) >= self.options.batch_size:
            self.flush()

    def flush(self) -> None:
        """Store the batch in one transaction (a document the store refuses: the others one by one)."""
        if not self.batch:
            return
        rows = [outcome.rows for _, outcome in self.batch]
        for row in rows:
            row.paths.extend(self.awaiting.pop(row.id, []))
        self.names.link(rows)
        try:
            self.store.save(rows, PIPELINE_VERSION, self.entity_version)
            self.changed = True
        except _DOCUMENT_FAULTS:
            for (item, _), row in zip(self.batch, rows):
                try:
                    self.store.save([row], PIPELINE_VERSION, self.entity_version)
                    self.changed = True
                except _DOCUMENT_FAULTS as exc:
                    if item.stale_paths is None:
                        self.report.added -= 1
                    self.fail(row.path, f"could not be stored ({type(exc).__name__}: {exc})", record=True)
        self.batch.clear()

    def catch_up(self) -> None:
        """Names and quotes for stored documents without them (stored by ``--no-entities``)."""
        if self.entity_version is None:
            return
        pending = self.store.without_entities(self.entity_version)
        size = self.options.batch_size
        for i in range(0, len(pending), size):
            self.ctrl_c.check()
            # with the features: furniture sentences are not read for names, as in a build that finds them
            docs = self.store.documents(pending[i:i + size], with_sentences=True)
            self.names.analyze(docs)
            self.store.save_entities([d for d in docs if d.entities is not None], self.entity_version)
            self.report.entities_caught_up += sum(d.entities is not None for d in docs)


class _Names:
    """The entity layer within one build: names found by the engine's workers (``work``), or here
    for stored documents caught up (on every core, by ``attribution.Analyzer``), linked to the
    entities the store knows. The linker (it reads every known key) and the processes are made when
    first needed; documents the layer fails on are stored without names, which a later build
    catches up."""

    def __init__(self, store: Store, options: BuildOptions, report: BuildReport, version: Optional[str],
                 stop: Optional[Callable[[], None]] = None):
        self.store, self.options, self.report, self.version = store, options, report, version
        self.stop = stop  # raises when the build is to stop (Ctrl-C): looked at while names are found
        self.linker: Optional[entities.Linker] = None
        self.analyzer: Optional["Analyzer"] = None

    def link(self, docs: Sequence[Union[Document, DocumentRows]]) -> None:
        found = [d.entities for d in docs if d.entities is not None]
        if self.version is None or not found:
            return
        if self.linker is None:
            self.linker = entities.Linker(self.store.entity_keys())
        for names in found:
            entities.link(names, self.linker)

    def analyze(self, docs: list[Document]) -> None:
        if self.version is None:
            return
        if self.analyzer is None:
            from . import attribution  # spaCy and the quote finder, only for a build that finds names

            self.analyzer = attribution.Analyzer(self.options.entity_workers, stop=self.stop)
        try:
            self.analyzer.analyze(docs)
        except Exception as exc:
            for doc in docs:
                doc.entities = doc.quotes = doc.statements = None
            self.report.warnings.append(f"names and quotes not found in {len(docs)} documents "
                                        f"({type(exc).__name__}: {exc})")
            return
        self.link(docs)

    def close(self) -> None:
        if self.analyzer is not None:
            self.analyzer.close()


def _entities_off(options: BuildOptions) -> Optional[str]:
    """Why this build finds no names and quotes (in words), or None when it does."""
    if not options.entities:
        return "turned off (--no-entities)"
    reason = entities.off_reason()
    return f"the English pipeline cannot be loaded: {reason}" if reason else None


def parallel_chunks(n: int, options: BuildOptions = DEFAULT_BUILD) -> int:
    """Documents handed to a worker process at a time, for ``n`` documents: about
    ``chunks_per_worker`` chunks a process."""
    return max(1, n // (options.chunks_per_worker * options.workers))


def process_all(raws: Iterable[RawDocument], on_error: Optional[Callable[[ingest.IngestError], None]] = None,
                workers: Optional[int] = None, options: Optional[BuildOptions] = None) -> list[Document]:
    """Clean, date and group documents in memory, without a store (evaluation, one-off runs).

    Returns the documents that have an article, each with ``group``/``relation`` set from
    dedup the way the store would set them. Failures are passed to ``on_error``. With
    ``workers`` > 1 (default: the ``options``' workers, else ``config.DEFAULT_BUILD``'s) the
    documents are processed in that many processes; each within the options' budget.
    """
    opts = (options or DEFAULT_BUILD).with_given(workers=workers)
    unique: dict[str, RawDocument] = {}
    extra_paths: dict[str, list[str]] = {}
    for raw in raws:
        if raw.id in unique:
            extra_paths.setdefault(raw.id, []).append(raw.path)
        else:
            unique[raw.id] = raw
    items = list(unique.values())
    if opts.workers > 1 and len(items) > opts.parallel_min_documents:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(opts.workers) as pool:
            size = parallel_chunks(len(items), opts)
            chunks = pool.map(functools.partial(work, budget=opts.budget),
                              [items[i:i + size] for i in range(0, len(items), size)])
        results = [outcome for chunk in chunks for outcome in chunk]
    else:
        results = work(items, opts.budget)
    docs: dict[str, Document] = {}
    sigs = []
    for result in results:
        if isinstance(result, Failed):
            if on_error:
                on_error(ingest.IngestError(result.path, result.reason))
            continue
        doc, sig = result.doc, result.sig
        doc.paths.extend(extra_paths.get(doc.id, []))
        docs[doc.id] = doc
        sigs.append(sig)
    for grp in dedup.group(sigs):
        for member in grp.members:
            docs[member.document].group = grp.id
            docs[member.document].relation = member.relation
    copied, repeats = dedup.paragraph_origins(dedup.repeated_paragraphs(sigs),
                                              {d.id: d.published for d in docs.values()},
                                              {d.id: d.group or d.id for d in docs.values()})
    for doc in docs.values():
        doc.paragraph_origins = copied.get(doc.id, {})
        doc.repeated_paragraphs = repeats.get(doc.id, set())
    return list(docs.values())
