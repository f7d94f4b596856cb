"""The web app: server-rendered pages and the JSON API behind them, over :mod:`storyline.api`.

Every page has a JSON twin under ``/api`` that returns exactly what the command line's
``--format json`` prints (the same export functions). Article text is untrusted: pages are
rendered with autoescaping, search matches arrive as offsets (never as markup), links
from article metadata are shown only when they are plain http(s), and every response
carries a Content-Security-Policy that allows no scripts at all.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import logging
import sqlite3
import threading
from collections import OrderedDict
from concurrent.futures import Future
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Annotated, Callable, Optional, Union
from urllib.parse import urlencode, urlsplit

from fastapi import FastAPI, File, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__, api
from ..export import (TEMPLATES, document_to_dict, groups_to_dict, template_environment, timeline_to_dict,
                      timeline_view)
from ..ingest import DEFAULT_MAX_BYTES
from ..chronology import METHODS
from ..model import Document
from ..store import Interrupted, QueryError, StoreError
from . import schemas
from .views import article_paragraphs, date_rows, group_rows

MAX_QUERY = 500          # characters of a search query
MAX_FILES = 20           # files per upload
PAGE_SIZE = 20           # search results per page
DOCUMENTS_PAGE = 100     # rows of the documents page
ERRORS_SHOWN = 100       # failed files listed on the documents page (all of them at /api/errors)
TIMELINE_CACHE = 8       # timelines kept (per query and options) while the store is unchanged
TIMELINE_BUILDS = 2      # timelines made at the same time (others wait their turn): each holds a lot of memory
SEARCH_SECONDS = 30      # a search running longer is stopped (503)
ARTICLE_CHARS = 200_000  # characters of a long article's text shown on its page (all of it in the JSON)
UPLOAD_BUILDS = 2        # uploads built at the same time (others wait their turn)
ARTICLE_ROWS = 500       # dates and removed blocks listed on an article page
CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'")
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")

QueryParam = Annotated[Optional[str], Query(max_length=MAX_QUERY, description=(
    "Full-text query in SQLite FTS5 syntax: words (all must match), \"a phrase\", OR, NOT, prefix*, "
    "title:word. Only documents matching it are used."))]
DatesParam = Annotated[Optional[int], Query(ge=1, le=1000, description="Number of dates (default: chosen from the collection).")]
SentencesParam = Annotated[Optional[int], Query(ge=1, le=100, description="Sentences per date (default: by how widely a date is reported).")]
Method = Enum("Method", {name: name for name in METHODS}, type=str)
MethodParam = Annotated[Optional[Method], Query(description="How dates and sentences are chosen (storyline timeline --method).")]
FromParam = Annotated[Optional[dt.date], Query(alias="from", description="Only dates on or after this day (YYYY-MM-DD).")]
ToParam = Annotated[Optional[dt.date], Query(alias="to", description="Only dates on or before this day (YYYY-MM-DD).")]
PreviewsParam = Annotated[bool, Query(description="Also lines about what was still to come when written (storyline timeline --previews).")]
DocIdParam = Annotated[str, PathParam(max_length=64, description="Document id (16 hex characters)")]
UploadFiles = Annotated[list[UploadFile], File(description="Files to add: " + ", ".join(api.UPLOAD_SUFFIXES))]


def is_loopback(host: str) -> bool:
    """True for a host name or address that only this machine can reach."""
    host = host.strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def host_names(host: str, extra: Optional[list[str]] = None) -> list[str]:
    """The Host names a server listening on ``host`` answers to (any other name is refused, so a web
    page cannot reach it through DNS rebinding): the loopback names and the address itself, and
    for an address others can reach (``0.0.0.0`` included) this machine's names and addresses."""
    import socket

    names = [*LOOPBACK_NAMES]
    if host not in ("0.0.0.0", "::", ""):
        names.append(host)
    if not is_loopback(host):
        for name in (socket.gethostname(), socket.getfqdn()):
            names.append(name)
            try:
                names += [info[4][0] for info in socket.getaddrinfo(name, None)]
            except OSError:
                pass
    names += extra or []
    return list(dict.fromkeys(n.lower().strip("[]") for n in names if n))


def _host_of(value: str) -> str:
    """The host part of a Host header or an origin's netloc, without port or brackets."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


_DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}


def _origin_of(scheme: str, netloc: str) -> Optional[tuple[str, str, int]]:
    """(scheme, host, port) of a URL's netloc or a Host header, the port made explicit; None if unreadable."""
    scheme = scheme.lower()
    try:
        parts = urlsplit(f"{scheme}://{netloc.strip()}")
        port = parts.port
    except ValueError:
        return None
    if not parts.hostname:
        return None
    return scheme, parts.hostname.lower(), port if port is not None else _DEFAULT_PORTS.get(scheme, 0)


def same_origin(origin: str, scheme: str, host_header: str) -> bool:
    """True when a request's Origin header names this very server: scheme, host and port."""
    theirs = urlsplit(origin.strip())
    mine = _origin_of(scheme, host_header)
    return mine is not None and _origin_of(theirs.scheme, theirs.netloc) == mine


class StoreVersion:
    """The store's content version (its ``generation``, which every write bumps), read through one
    connection kept open: cheap enough to read on every request, and the store's files are not
    created and removed again by each reader."""

    def __init__(self, db: Path):
        self.db = db
        self.lock = threading.Lock()
        self.connection: Optional[sqlite3.Connection] = None

    def current(self) -> int:
        with self.lock:
            try:
                if self.connection is None:
                    self.connection = sqlite3.connect(str(self.db), check_same_thread=False, isolation_level=None)
                row = self.connection.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
            except sqlite3.Error as exc:
                if self.connection is not None:
                    self.connection.close()
                    self.connection = None
                raise StoreError(f"{self.db}: {exc}") from exc
            return int(row[0]) if row else 0

    def close(self) -> None:
        with self.lock:
            if self.connection is not None:
                self.connection.close()
                self.connection = None


class SharedCache:
    """Values kept by key (the least recently used dropped past ``size``), each computed once however
    many requests ask for it at the same time, and at most ``concurrent`` computed at once."""

    def __init__(self, size: int, concurrent: int):
        self.size = size
        self.lock = threading.Lock()
        self.values: OrderedDict = OrderedDict()
        self.pending: dict = {}
        self.slots = threading.BoundedSemaphore(concurrent)
        self.computed = 0  # how many values were computed (not shared or kept)

    def get(self, key, compute: Callable[[], object]):
        with self.lock:
            if key in self.values:
                self.values.move_to_end(key)
                return self.values[key]
            future = self.pending.get(key)
            owner = future is None
            if owner:
                future = self.pending[key] = Future()
        if not owner:
            return future.result()  # the same value, computed by the request that asked first
        try:
            with self.slots:
                value = compute()
        except BaseException as exc:
            with self.lock:
                del self.pending[key]
            future.set_exception(exc)
            raise
        with self.lock:
            self.computed += 1
            self.values[key] = value
            while len(self.values) > self.size:
                self.values.popitem(last=False)
            del self.pending[key]
        future.set_result(value)
        return value


class _TooLarge(Exception):
    pass


class Guard:
    """ASGI middleware in front of the app.

    - Security headers on every response (a Content-Security-Policy with no scripts at all).
    - Optionally only the given Host names: a loopback server refuses other names, so a web
      page cannot reach it through DNS rebinding.
    - No state-changing request from another site (a cross-site form post).
    - Request bodies of at most ``max_body`` bytes, whether announced or streamed; a larger one
      gets ``too_large(scope)`` (a page or JSON naming the limit) and is not read further.
    """

    def __init__(self, app: ASGIApp, allowed_hosts: Optional[list[str]] = None, max_body: int = 0,
                 too_large: Optional[Callable[[Scope], Response]] = None):
        self.app = app
        self.allowed_hosts = {h.lower().strip("[]") for h in allowed_hosts} if allowed_hosts else None
        self.max_body = max_body
        self.too_large = too_large or (lambda scope: Response("Content Too Large\n", 413, media_type="text/plain"))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = _host_of(headers.get("host", ""))
        send = self._with_headers(send)
        problem = None
        if self.allowed_hosts is not None and host not in self.allowed_hosts:
            problem = Response(f"This server answers only to {', '.join(sorted(self.allowed_hosts))}.\n",
                               status_code=400, media_type="text/plain")
        elif scope["method"] not in ("GET", "HEAD", "OPTIONS"):
            origin, site = headers.get("origin"), headers.get("sec-fetch-site")
            if (site is not None and site not in ("same-origin", "none")) or (
                    origin is not None and not same_origin(origin, scope.get("scheme", "http"), headers.get("host", ""))):
                problem = Response("Requests that change the store must come from this site's own pages.\n",
                                   status_code=403, media_type="text/plain")
            elif self.max_body:
                length = headers.get("content-length", "")
                if length.isdigit() and int(length) > self.max_body:
                    problem = self.too_large(scope)
        if problem is not None:
            await problem(scope, receive, send)
            return
        if scope["method"] in ("GET", "HEAD", "OPTIONS") or not self.max_body:
            await self._safely(scope, receive, send)
            return

        received = 0
        exceeded = started = False

        async def counted_receive() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    exceeded = True
                    raise _TooLarge()
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if exceeded:
                if not started and message["type"] == "http.response.start":
                    started = True
                    await self.too_large(scope)(scope, receive, send)
                return  # the app's own answer to the broken-off body is dropped
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self._safely(scope, counted_receive, guarded_send)
        except _TooLarge:
            if not started:
                await self.too_large(scope)(scope, receive, send)

    async def _safely(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The app; a failure it did not handle is a plain 500 with the security headers, never a traceback."""
        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watched)
        except _TooLarge:
            raise
        except Exception:
            logging.getLogger("storyline.web").exception("request %s %s failed", scope.get("method"), scope.get("path"))
            if not started:
                await Response("The server could not answer this request; the store is unchanged by it.\n",
                               status_code=500, media_type="text/plain")(scope, receive, send)

    @staticmethod
    def _with_headers(send: Send) -> Send:
        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                         (b"referrer-policy", b"same-origin"), (b"x-frame-options", b"DENY")]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)
        return wrapped


def _summary(doc: Document) -> dict:
    return {"id": doc.id, "path": doc.path, "title": doc.title,
            "published": doc.published.isoformat() if doc.published else None, "source": doc.source}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _query_hint(query: str) -> str:
    """The query with every word quoted: what a reader usually meant when FTS5 syntax failed."""
    words = [w.replace('"', '""') for w in query.split()]
    return " ".join(f'"{w}"' for w in words if w.strip('"'))


def create_app(db: Union[str, Path], *, max_upload_bytes: int = DEFAULT_MAX_BYTES,
               allowed_hosts: Optional[list[str]] = None, title: str = "Timeline") -> FastAPI:
    """The web app over the storyline database ``db`` (created empty if missing).

    ``max_upload_bytes`` caps an upload request (all its files together); ``allowed_hosts``,
    when given, is the list of Host names the server answers to (``storyline serve`` passes
    the loopback names when bound to loopback).
    """
    db = Path(db)
    api.open_store(db)  # create or migrate now, and fail early on a file that is no storyline store
    app = FastAPI(title="storyline", version=__version__, docs_url=None, redoc_url=None,
                  description="The story in a browser: timeline, articles, search and uploads over a storyline "
                              "database. Every page has a JSON twin under /api; the JSON is the command line's "
                              "`--format json` contract.",
                  openapi_tags=[{"name": "api", "description": "JSON, as the command line prints it"},
                                {"name": "pages", "description": "HTML pages (no scripts)"}])
    env = template_environment(ChoiceLoader([PrefixLoader({"web": PackageLoader("storyline.web", "templates")}),
                                             TEMPLATES]))
    css = env.get_template("storyline.css").render()
    favicon = resources.files("storyline.web").joinpath("static/favicon.svg").read_bytes()
    # Uploads are built two at a time (the store takes each batch in its own short transaction), so
    # one slow upload never holds up every other, and memory stays bounded to two builds.
    upload_slots = threading.BoundedSemaphore(UPLOAD_BUILDS)
    stopping = threading.Event()  # set when the server is told to stop: running queries end at once
    app.state.stopping = stopping

    def stopping_reason() -> Optional[str]:
        return "the server is shutting down" if stopping.is_set() else None

    async def until_gone(request: Request, work: Callable, *args, **kwargs):
        """``work(*args, stop=..., **kwargs)`` in a worker thread, told to stop when the client leaves
        or the server stops, so a long search does not run on for nobody."""
        gone = threading.Event()

        async def watch() -> None:
            while True:
                message = await request.receive()
                if message["type"] == "http.disconnect":
                    gone.set()
                    return

        def stop() -> Optional[str]:
            return "its reader left" if gone.is_set() else stopping_reason()

        watcher = asyncio.ensure_future(watch())
        try:
            return await run_in_threadpool(work, *args, stop=stop, **kwargs)
        finally:
            watcher.cancel()
    limit_mb = f"{max_upload_bytes / 1024 / 1024:.0f} MB" if max_upload_bytes >= 1024 * 1024 else f"{max_upload_bytes} bytes"
    too_large_message = f"The upload is larger than the limit of {limit_mb}. Send fewer or smaller files."

    def page(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
        html = env.get_template(f"web/{template}").render(
            request=request, path=request.url.path, app_title=title, version=__version__,
            accept=",".join(api.UPLOAD_SUFFIXES), limit_mb=limit_mb, max_files=MAX_FILES, **context)
        return HTMLResponse(html, status_code=status)

    def error_page(request: Request, status: int, heading: str, message: str, **context) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": message}, status_code=status)
        return page(request, "error.html", status=status, status_code=status, heading=heading, message=message,
                    **context)

    def too_large(scope: Scope) -> Response:
        request = Request(scope)
        if _wants_json(request):
            return JSONResponse({"detail": too_large_message}, status_code=413)
        return page(request, "error.html", status=413, status_code=413, heading="Upload too large",
                    message=too_large_message)

    # Multipart overhead (boundaries, part headers) rides on top of the files' own bytes.
    app.add_middleware(Guard, allowed_hosts=allowed_hosts, max_body=max_upload_bytes + 64 * 1024, too_large=too_large)

    # -- errors ---------------------------------------------------------------------------
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 413:
            return error_page(request, 413, "Upload too large", too_large_message)
        if exc.status_code == 404:
            return error_page(request, 404, "Not found", str(exc.detail) if exc.detail != "Not Found" else
                              "There is nothing at this address.")
        if exc.status_code == 405:
            return error_page(request, 405, "Method not allowed", str(exc.detail))
        return error_page(request, exc.status_code, "Request not understood", str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
            problems.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
        if _wants_json(request):
            return JSONResponse({"detail": [{k: v for k, v in e.items() if k in ("loc", "msg", "type")}
                                            for e in exc.errors()]}, status_code=422)
        if request.url.path == "/documents" and request.method == "POST":
            return _documents_page(request, status=400, upload_errors=["Choose at least one file to add."])
        return page(request, "error.html", status=422, status_code=422, heading="Request not understood",
                    message="; ".join(problems) or "invalid request")

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> Response:
        return error_page(request, 400, "Search query not understood", str(exc))

    @app.exception_handler(Interrupted)
    async def interrupted(request: Request, exc: Interrupted) -> Response:
        return error_page(request, 503, "Stopped", str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return error_page(request, 503, "Store unavailable", str(exc))

    # -- static ---------------------------------------------------------------------------
    @app.get("/static/storyline.css", include_in_schema=False)
    def stylesheet() -> Response:
        return Response(css, media_type="text/css", headers={"cache-control": "public, max-age=300"})

    @app.get("/favicon.svg", include_in_schema=False)
    @app.get("/favicon.ico", include_in_schema=False)
    def icon() -> Response:
        return Response(favicon, media_type="image/svg+xml", headers={"cache-control": "public, max-age=86400"})

    # -- timeline -------------------------------------------------------------------------
    version = StoreVersion(db)
    timelines = SharedCache(TIMELINE_CACHE, TIMELINE_BUILDS)
    app.state.timelines = timelines

    def _timeline(q: Optional[str], dates: Optional[int], sentences: Optional[int], method: Optional[Method] = None,
                  start: Optional[dt.date] = None, end: Optional[dt.date] = None, previews: bool = False):
        """The timeline (and its documents), kept while the store is unchanged: building one reads every
        matching document, and the page, its JSON and the next reader all ask for the same one. Readers
        asking at once share one computation; a timeline being made is stopped only when the server stops."""
        q = (q or "").strip() or None
        if q:
            api.check_query(q)
        name = method.value if method else "default"
        key = (q, dates, sentences, name, start, end, previews, version.current())
        return timelines.get(key, lambda: api.timeline(
            db, query=q, max_dates=dates, sentences_per_date=sentences, method=name, start=start, end=end,
            previews=previews, stop=stopping_reason))

    @app.get("/", response_class=HTMLResponse, tags=["pages"], summary="Timeline page")
    @app.get("/timeline", response_class=HTMLResponse, tags=["pages"], summary="Timeline page (same as /)")
    def timeline_page(request: Request, q: QueryParam = None, dates: DatesParam = None,
                      sentences: SentencesParam = None, method: MethodParam = None, start: FromParam = None,
                      end: ToParam = None, previews: PreviewsParam = False) -> Response:
        options = {"method": method.value if method else None, "start": start, "end": end, "dates": dates,
                   "sentences": sentences, "previews": previews}
        try:
            tl, docs = _timeline(q, dates, sentences, method, start, end, previews)
        except QueryError as exc:
            return page(request, "timeline.html", status=400, view=None, q=q, error=str(exc),
                        hint=_query_hint(q or ""), n_documents=0, n_total=api.count_documents(db), options=options)
        view = timeline_view(tl, docs)
        n_total = api.count_documents(db)
        q = (q or "").strip()
        # ``docs`` may hold only the cited documents: count from the view and the store, never by going through it
        groups = {(docs[c].group if c in docs else None) or c for c in view.cited}
        n_matching = api.search(db, q, limit=1, sentences=0).total if q else n_total
        return page(request, "timeline.html", view=view, q=q, n_documents=n_matching, n_cited=len(view.cited),
                    n_total=n_total, n_sources=len(groups), error=None, options=options,
                    cite_url=lambda document, sentence: f"/articles/{document}?sentence={sentence}#s{sentence}")

    @app.get("/api/timeline", tags=["api"], summary="The timeline (storyline timeline --format json)",
             responses={200: {"model": schemas.Timeline}, 400: {"model": schemas.Error}})
    def timeline_json(q: QueryParam = None, dates: DatesParam = None, sentences: SentencesParam = None,
                      method: MethodParam = None, start: FromParam = None, end: ToParam = None,
                      previews: PreviewsParam = False) -> JSONResponse:
        tl, _ = _timeline(q, dates, sentences, method, start, end, previews)
        return JSONResponse(timeline_to_dict(tl))

    # -- articles -------------------------------------------------------------------------
    def _document(doc_id: str) -> Document:
        doc = api.document(db, doc_id)
        if doc is None:
            raise StarletteHTTPException(404, f"No document with id {doc_id!r} in this store.")
        return doc

    @app.get("/articles/{doc_id}", response_class=HTMLResponse, tags=["pages"], summary="Article page")
    def article_page(request: Request, doc_id: DocIdParam,
                     sentence: Annotated[Optional[int], Query(ge=0, le=1_000_000, description="Sentence to highlight")] = None
                     ) -> Response:
        doc = _document(doc_id)
        group = api.duplicate_group(db, doc.group) if doc.group else None
        members = {d.id: d for d in api.documents(db, ids=[m.document for m in group.members])} if group else {}
        cited = next((s for s in doc.sentences if s.index == sentence), None) if sentence is not None else None
        # a very long text is shown up to ARTICLE_CHARS (and on to the cited sentence); the rest is in the JSON
        shown = max(ARTICLE_CHARS, cited.end if cited else 0)
        paragraphs = article_paragraphs(doc, shown)
        dates = date_rows(doc)
        return page(request, "article.html", doc=doc, paragraphs=paragraphs, dates=dates[:ARTICLE_ROWS],
                    n_dates=len(dates), removed=doc.removed[:ARTICLE_ROWS], cut=len(doc.text) > shown,
                    shown_chars=shown, group=group, members=group_rows(group, members), cited=cited,
                    sentence=sentence)

    @app.get("/api/articles/{doc_id}", tags=["api"], summary="One document (an element of storyline documents --format json)",
             responses={200: {"model": schemas.Document}, 404: {"model": schemas.Error}})
    def article_json(doc_id: DocIdParam) -> JSONResponse:
        return JSONResponse(document_to_dict(_document(doc_id)))

    @app.get("/api/articles/{doc_id}/annotations", tags=["api"],
             summary="A document's sentences and resolved date expressions",
             responses={200: {"model": schemas.Annotations}, 404: {"model": schemas.Error}})
    def annotations_json(doc_id: DocIdParam) -> JSONResponse:
        doc = _document(doc_id)
        features = {f.sentence: f for f in doc.features}

        def timeline(index: int) -> Optional[dict]:
            f = features.get(index)
            return None if f is None else {"date": f.date, "granularity": f.granularity, "named": f.named,
                                           "kind": f.kind, "reason": f.reason, "refused": f.refused}

        return JSONResponse({
            "sentences": [{"index": s.index, "start": s.start, "end": s.end, "paragraph": s.paragraph, "text": s.text,
                           "timeline": timeline(s.index)} for s in doc.sentences],
            "timexes": [{"start": m.start, "end": m.end, "text": m.text, "type": m.type, "value": m.value,
                         "granularity": m.granularity, "mod": m.mod, "anchor": m.anchor, "sentence": m.sentence}
                        for m in doc.mentions]})

    # -- search ---------------------------------------------------------------------------
    @app.get("/search", response_class=HTMLResponse, tags=["pages"], summary="Search page")
    async def search_page(request: Request, q: QueryParam = None,
                          page_number: Annotated[int, Query(alias="page", ge=1, le=500)] = 1) -> Response:
        q = (q or "").strip()
        try:
            results = await until_gone(request, api.search, db, q, limit=PAGE_SIZE,
                                       offset=(page_number - 1) * PAGE_SIZE, seconds=SEARCH_SECONDS)
        except QueryError as exc:
            return page(request, "search.html", status=400, q=q, results=None, error=str(exc), hint=_query_hint(q))
        more = results.offset + len(results.hits) < results.total
        return page(request, "search.html", q=q, results=results, error=None, page_number=page_number,
                    next_url=f"/search?{urlencode({'q': q, 'page': page_number + 1})}" if more else None,
                    prev_url=f"/search?{urlencode({'q': q, 'page': page_number - 1})}" if page_number > 1 else None,
                    timeline_url=f"/?{urlencode({'q': q})}")

    @app.get("/api/search", tags=["api"], summary="Full-text search over articles and sentences (bm25)",
             responses={200: {"model": schemas.SearchResults}, 400: {"model": schemas.Error}})
    async def search_json(request: Request, q: Annotated[str, Query(max_length=MAX_QUERY, description="FTS5 query")],
                          limit: Annotated[int, Query(ge=1, le=100)] = PAGE_SIZE,
                          offset: Annotated[int, Query(ge=0, le=100_000)] = 0) -> JSONResponse:
        results = await until_gone(request, api.search, db, q, limit=limit, offset=offset, seconds=SEARCH_SECONDS)
        return JSONResponse({
            "query": results.query, "total": results.total, "offset": results.offset,
            "results": [{"document": _summary(h.document), "score": h.score,
                         "title": {"text": h.title.text, "matches": [list(m) for m in h.title.matches]},
                         "snippet": {"text": h.snippet.text, "matches": [list(m) for m in h.snippet.matches]},
                         "sentences": [{"sentence": s.sentence, "score": s.score,
                                        "text": {"text": s.text.text, "matches": [list(m) for m in s.text.matches]}}
                                       for s in h.sentences]}
                        for h in results.hits]})

    # -- documents and uploads ------------------------------------------------------------
    def _documents_page(request: Request, status: int = 200, upload=None, upload_errors=None,
                        page_number: int = 1) -> Response:
        total = api.count_documents(db)
        pages = max(1, -(-total // DOCUMENTS_PAGE))
        if page_number > pages:
            raise StarletteHTTPException(404, f"There is no page {page_number} of documents: the store holds "
                                              f"{total} document{'' if total == 1 else 's'}, {pages} "
                                              f"page{'' if pages == 1 else 's'} of {DOCUMENTS_PAGE}.")
        offset = (page_number - 1) * DOCUMENTS_PAGE
        docs = api.documents(db, limit=DOCUMENTS_PAGE, offset=offset)
        build_errors = api.build_errors(db)
        return page(request, "documents.html", status=status, docs=docs, total=total, offset=offset,
                    page_number=page_number, pages=pages,
                    prev_url=None if page_number == 1 else f"/documents?page={page_number - 1}" if page_number > 2
                    else "/documents",
                    next_url=f"/documents?page={page_number + 1}" if page_number < pages else None,
                    build_errors=build_errors[:ERRORS_SHOWN], n_build_errors=len(build_errors),
                    upload=upload, upload_errors=upload_errors or [],
                    added={d.id for d in upload.added} if upload else set())

    @app.get("/documents", response_class=HTMLResponse, tags=["pages"], summary="Documents page, with the upload form",
             responses={404: {"description": "A page past the last one"}})
    def documents_page(request: Request, page_number: Annotated[int, Query(
            alias="page", ge=1, le=1_000_000, description=f"Page ({DOCUMENTS_PAGE} documents each), from 1")] = 1
                       ) -> Response:
        return _documents_page(request, page_number=page_number)

    @app.get("/api/documents", tags=["api"], summary="All documents (storyline documents --format json)",
             responses={200: {"model": list[schemas.Document]}})
    def documents_json(limit: Annotated[Optional[int], Query(
                           ge=1, le=10_000, description="At most this many documents (default: all)")] = None,
                       offset: Annotated[int, Query(
                           ge=0, le=1_000_000_000, description="Skip this many first")] = 0) -> JSONResponse:
        docs = api.documents(db, limit=limit, offset=offset)
        headers = {"x-total-count": str(api.count_documents(db))} if limit is not None or offset else None
        return JSONResponse([document_to_dict(d) for d in docs], headers=headers)

    @app.get("/api/errors", tags=["api"], summary="Files and records that could not be stored, with the reason",
             responses={200: {"model": list[schemas.BuildError]}})
    def errors_json() -> JSONResponse:
        return JSONResponse([{"path": e.path, "reason": e.reason} for e in api.build_errors(db)])

    async def _receive_upload(files: list[UploadFile]) -> tuple[list[tuple[str, bytes]], Optional[tuple[int, str]]]:
        """The uploaded files' names and contents, or the status and message refusing them."""
        chosen = [f for f in files if f.filename or f.size]
        if not chosen:
            return [], (400, "Choose at least one file to add.")
        if len(chosen) > MAX_FILES:
            return [], (400, f"Too many files ({len(chosen)}); add at most {MAX_FILES} at a time.")
        refused = [f.filename or "(no name)" for f in chosen
                   if not (f.filename or "").lower().endswith(api.UPLOAD_SUFFIXES)]
        if refused:
            return [], (415, "Not a supported file type: " + ", ".join(refused) +
                        ". Add " + ", ".join(api.UPLOAD_SUFFIXES) + " files.")
        out = []
        total = 0
        for f in chosen:
            data = await f.read(max_upload_bytes + 1)
            total += len(data)
            if total > max_upload_bytes:
                return [], (413, too_large_message)
            out.append((f.filename or "", data))
        return out, None

    def _add(files: list[tuple[str, bytes]]) -> api.UploadReport:
        with upload_slots:
            return api.add_files(files, db=db, max_bytes=max_upload_bytes)

    @app.post("/documents", response_class=HTMLResponse, tags=["pages"], summary="Upload form target")
    async def upload_page(request: Request, files: UploadFiles) -> Response:
        received, refusal = await _receive_upload(files)
        if refusal:
            return _documents_page(request, status=refusal[0], upload_errors=[refusal[1]])
        report = await run_in_threadpool(_add, received)
        stored = report.added or report.unchanged
        return _documents_page(request, status=200 if stored else 422, upload=report)

    @app.post("/api/documents", tags=["api"], summary="Add documents: build uploaded files into the store",
              responses={200: {"model": schemas.UploadReport}, 400: {"model": schemas.Error}, 403: {"model": schemas.Error},
                         413: {"model": schemas.Error}, 415: {"model": schemas.Error},
                         422: {"model": Union[schemas.UploadReport, schemas.ValidationErrors],
                               "description": "No document could be stored (the report says why), or the form was "
                                              "not understood"}})
    async def upload_json(files: UploadFiles) -> JSONResponse:
        received, refusal = await _receive_upload(files)
        if refusal:
            return JSONResponse({"detail": refusal[1]}, status_code=refusal[0])
        report = await run_in_threadpool(_add, received)
        body = {"added": [_summary(d) for d in report.added], "unchanged": [_summary(d) for d in report.unchanged],
                "errors": [{"path": e.path, "reason": e.reason} for e in report.errors],
                "documents": report.build.documents, "groups": report.build.groups}
        return JSONResponse(body, status_code=200 if report.added or report.unchanged else 422)

    # -- duplicates -----------------------------------------------------------------------
    @app.get("/duplicates", response_class=HTMLResponse, tags=["pages"], summary="Duplicate and version groups")
    def duplicates_page(request: Request) -> Response:
        groups = api.duplicate_groups(db)
        docs = {d.id: d for d in api.documents(db, ids=[m.document for g in groups for m in g.members])}
        return page(request, "duplicates.html", groups=[(g, group_rows(g, docs)) for g in groups])

    @app.get("/api/duplicates", tags=["api"], summary="Duplicate and version groups (storyline duplicates --format json)",
             responses={200: {"model": list[schemas.Group]}})
    def duplicates_json() -> JSONResponse:
        return JSONResponse(groups_to_dict(api.duplicate_groups(db)))

    @app.get("/api", include_in_schema=False)
    def api_root() -> RedirectResponse:
        return RedirectResponse("/openapi.json")

    return app
