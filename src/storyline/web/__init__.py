"""The storyline web app: the timeline, articles, search and uploads in a browser.

A thin layer over :mod:`storyline.api` (FastAPI, server-rendered Jinja2 pages, no
JavaScript), with a JSON API behind every page. Start it with ``storyline serve``, or
serve ``create_app(db)`` with any ASGI server.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
