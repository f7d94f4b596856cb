"""The storyline web app: the timeline, articles, search and uploads in a browser.

A thin layer over :mod:`storyline.api` (FastAPI, server-rendered Jinja2 pages, no
JavaScript), with a JSON API behind every page. Start it with ``storyline serve``, or
serve ``create_app(db)`` with any ASGI server.
"""

from __future__ import annotations


def create_app(*args, **kwargs):
    """Build the ASGI app over a storyline database; see :func:`storyline.web.app.create_app`."""
    from .app import create_app as _create_app
    return _create_app(*args, **kwargs)


__all__ = ["create_app"]
