"""What every route shares: the store, the page renderer, the timeline cache and stopping work.

One :class:`Site` per app (``app.state.site``), handed to the routes as the ``SiteDep``
dependency, so that the route modules hold no state of their own and the app is assembled
from them in :func:`storyline.web.app.create_app`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from importlib import resources
from pathlib import Path
from typing import Annotated, Callable, Optional

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader
from starlette.concurrency import run_in_threadpool
from starlette.types import Scope

from .. import __version__, api, contract
from ..export import TEMPLATES, template_environment
from . import limits
from .cache import SharedCache


def wants_json(request: Request) -> bool:
    """Whether the request is for the JSON API (errors answer in JSON there, as pages elsewhere)."""
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def query_hint(query: str) -> str:
    """The query with every word quoted: what a reader usually meant when FTS5 syntax failed."""
    words = [w.replace('"', '""') for w in query.split()]
    return " ".join(f'"{w}"' for w in words if w.strip('"'))


class Site:
    """The app's state and the helpers every route uses, over the store ``db``."""

    def __init__(self, db: Path, title: str, max_upload_bytes: int):
        self.db = db
        self.title = title
        self.max_upload_bytes = max_upload_bytes
        self.env = template_environment(ChoiceLoader([PrefixLoader({"web": PackageLoader("storyline.web", "templates")}),
                                                      TEMPLATES]))
        self.css = self.env.get_template("storyline.css").render()
        self.favicon = resources.files("storyline.web").joinpath("static/favicon.svg").read_bytes()
        # Uploads are built two at a time (the store takes each batch in its own short transaction), so
        # one slow upload never holds up every other, and memory stays bounded to two builds.
        self.upload_slots = threading.BoundedSemaphore(limits.UPLOAD_BUILDS)
        self.stopping = threading.Event()  # set when the server is told to stop: running queries end at once
        self.version = api.StoreVersion(db)
        self.timelines = SharedCache(limits.TIMELINE_CACHE, limits.TIMELINE_BUILDS)
        self.limit_mb = (f"{max_upload_bytes / 1024 / 1024:.0f} MB" if max_upload_bytes >= 1024 * 1024
                         else f"{max_upload_bytes} bytes")
        self.too_large_message = f"The upload is larger than the limit of {self.limit_mb}. Send fewer or smaller files."

    # -- stopping work ------------------------------------------------------------------------
    def stopping_reason(self) -> Optional[str]:
        return "the server is shutting down" if self.stopping.is_set() else None

    async def until_gone(self, request: Request, work: Callable, *args, **kwargs):
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
            return "its reader left" if gone.is_set() else self.stopping_reason()

        watcher = asyncio.ensure_future(watch())
        try:
            return await run_in_threadpool(work, *args, stop=stop, **kwargs)
        finally:
            watcher.cancel()

    # -- pages --------------------------------------------------------------------------------
    def page(self, request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
        html = self.env.get_template(f"web/{template}").render(
            request=request, path=request.url.path, app_title=self.title, version=__version__,
            accept=",".join(api.UPLOAD_SUFFIXES), limit_mb=self.limit_mb, max_files=limits.MAX_FILES, **context)
        return HTMLResponse(html, status_code=status)

    def error_page(self, request: Request, status: int, heading: str, message: str, **context) -> Response:
        """An error as a page, or as JSON for the JSON API."""
        if wants_json(request):
            return JSONResponse(contract.error_to_dict(message), status_code=status)
        return self.page(request, "error.html", status=status, status_code=status, heading=heading, message=message,
                         **context)

    def too_large(self, scope: Scope) -> Response:
        """The answer to a request body over the upload limit (the guard sends it)."""
        request = Request(scope)
        if wants_json(request):
            return JSONResponse(contract.error_to_dict(self.too_large_message), status_code=413)
        return self.page(request, "error.html", status=413, status_code=413, heading="Upload too large",
                         message=self.too_large_message)

    # -- timelines ----------------------------------------------------------------------------
    def timeline(self, q: Optional[str], dates: Optional[int], sentences: Optional[int],
                 method: Optional[api.TimelineMethod] = None, start: Optional[dt.date] = None,
                 end: Optional[dt.date] = None, previews: bool = False, entity: Optional[str] = None):
        """The timeline (and its documents), kept while the store is unchanged: building one reads every
        matching document, and the page, its JSON and the next reader all ask for the same one. Readers
        asking at once share one computation; a timeline being made is stopped only when the server stops."""
        q = (q or "").strip() or None
        if q:
            api.check_query(q)
        name = method.value if method else "default"
        entity = (entity or "").strip() or None
        key = (q, dates, sentences, name, start, end, previews, entity, self.version.current())
        return self.timelines.get(key, lambda: api.timeline(
            self.db, query=q, max_dates=dates, sentences_per_date=sentences, method=name, start=start, end=end,
            previews=previews, stop=self.stopping_reason, entity=entity))


async def _site(request: Request) -> Site:
    return request.app.state.site


SiteDep = Annotated[Site, Depends(_site)]
