"""People, organisations and places: their list (``/entities``), one entity's page with its quotes in
time order (``/entities/{id}``), and their JSON (``/api/entities``, ``/api/entities/{id}``), the
command line's ``storyline entities --format json``."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from ... import api, contract
from ..limits import PAGE_SIZE
from ..params import EntityIdParam
from ..site import SiteDep

router = APIRouter()


@router.get("/entities", response_class=HTMLResponse, tags=["pages"], summary="People, organisations and places")
def entities_page(request: Request, site: SiteDep) -> Response:
    return site.page(request, "entities.html", entities=api.entities(site.db, limit=10 * PAGE_SIZE))


@router.get("/entities/{entity_id}", response_class=HTMLResponse, tags=["pages"], summary="One entity and its quotes")
def entity_page(request: Request, site: SiteDep, entity_id: EntityIdParam) -> Response:
    found = api.entity(site.db, entity_id)
    if found is None:
        raise HTTPException(404, f"no entity {entity_id}")
    summary, quotes = found
    return site.page(request, "entity.html", entity=summary, quotes=quotes)


@router.get("/api/entities", tags=["api"], summary="Entities, most mentioned first (storyline entities --format json)")
def entities_json(site: SiteDep) -> JSONResponse:
    return JSONResponse([contract.entity_summary_to_dict(e) for e in api.entities(site.db)])


@router.get("/api/entities/{entity_id}", tags=["api"], summary="One entity with its quotes in time order")
def entity_json(site: SiteDep, entity_id: EntityIdParam) -> JSONResponse:
    found = api.entity(site.db, entity_id)
    if found is None:
        raise HTTPException(404, f"no entity {entity_id}")
    return JSONResponse(contract.entity_to_dict(*found))
