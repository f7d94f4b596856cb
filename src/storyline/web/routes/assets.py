"""The files every page loads (the stylesheet and the icon), and ``/api`` pointing to the schema."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import RedirectResponse, Response

from ..site import SiteDep

router = APIRouter()


@router.get("/static/storyline.css", include_in_schema=False)
def stylesheet(site: SiteDep) -> Response:
    return Response(site.css, media_type="text/css", headers={"cache-control": "public, max-age=300"})


@router.get("/favicon.svg", include_in_schema=False)
@router.get("/favicon.ico", include_in_schema=False)
def icon(site: SiteDep) -> Response:
    return Response(site.favicon, media_type="image/svg+xml", headers={"cache-control": "public, max-age=86400"})


@router.get("/api", include_in_schema=False)
def api_root() -> RedirectResponse:
    return RedirectResponse("/openapi.json")
