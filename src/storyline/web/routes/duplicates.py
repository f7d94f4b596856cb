"""Duplicate and version groups: their page (``/duplicates``) and their JSON (``/api/duplicates``),
the command line's ``storyline duplicates --format json``."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from ... import api, contract
from .. import schemas
from ..site import SiteDep
from ..views import group_rows

router = APIRouter()


@router.get("/duplicates", response_class=HTMLResponse, tags=["pages"], summary="Duplicate and version groups")
def duplicates_page(request: Request, site: SiteDep) -> Response:
    groups = api.duplicate_groups(site.db)
    docs = {d.id: d for d in api.documents(site.db, ids=[m.document for g in groups for m in g.members])}
    return site.page(request, "duplicates.html", groups=[(g, group_rows(g, docs)) for g in groups])


@router.get("/api/duplicates", tags=["api"], summary="Duplicate and version groups (storyline duplicates --format json)",
            responses={200: {"model": list[schemas.Group]}})
def duplicates_json(site: SiteDep) -> JSONResponse:
    return JSONResponse(contract.groups_to_dict(api.duplicate_groups(site.db)))
