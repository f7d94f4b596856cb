"""The web app: server-rendered pages and the JSON API behind them, over :mod:`storyline.api`.

Every page has a JSON twin under ``/api`` that returns exactly what the command line's
``--format json`` prints (the same :mod:`storyline.contract` functions). Article text is
untrusted: pages are rendered with autoescaping, search matches arrive as offsets (never as
markup), links from article metadata are shown only when they are plain http(s), and every
response carries a Content-Security-Policy that allows no scripts at all (:mod:`.guard`).

This module only assembles the app: the routes are in :mod:`.routes` (a module per resource),
what they share in :mod:`.site`, the answers to errors in :mod:`.errors`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from fastapi import FastAPI

from .. import __version__, api
from .errors import add_error_handlers
from .guard import Guard
from .routes import ROUTERS
from .site import Site


def create_app(db: Union[str, Path], *, max_upload_bytes: int = api.DEFAULT_MAX_BYTES,
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
    site = Site(db, title, max_upload_bytes)
    app.state.site = site
    app.state.stopping = site.stopping  # ``storyline serve`` sets it when told to stop
    app.state.timelines = site.timelines
    # Multipart overhead (boundaries, part headers) rides on top of the files' own bytes.
    app.add_middleware(Guard, allowed_hosts=allowed_hosts, max_body=max_upload_bytes + 64 * 1024,
                       too_large=site.too_large)
    add_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    return app


__all__ = ["create_app"]
