"""Full-text search: its page (``/search``, a page of hits at a time) and its JSON (``/api/search``).

Searches run in a worker thread and stop when the reader leaves, the server stops or they run
past ``limits.SEARCH_SECONDS`` (:meth:`Site.until_gone`).
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from ... import api, contract
from .. import limits, schemas
from ..limits import MAX_QUERY, PAGE_SIZE
from ..params import QueryParam
from ..site import SiteDep, query_hint

router = APIRouter()


@router.get("/search", response_class=HTMLResponse, tags=["pages"], summary="Search page")
async def search_page(request: Request, site: SiteDep, q: QueryParam = None,
                      page_number: Annotated[int, Query(alias="page", ge=1, le=500)] = 1) -> Response:
    q = (q or "").strip()
    try:
        results = await site.until_gone(request, api.search, site.db, q, limit=limits.PAGE_SIZE,
                                        offset=(page_number - 1) * limits.PAGE_SIZE, seconds=limits.SEARCH_SECONDS)
    except api.QueryError as exc:
        return site.page(request, "search.html", status=400, q=q, results=None, error=str(exc), hint=query_hint(q))
    more = results.offset + len(results.hits) < results.total
    facets = await run_in_threadpool(api.entity_facets, site.db, q) if results.total else []
    return site.page(request, "search.html", q=q, results=results, error=None, page_number=page_number, facets=facets,
                     next_url=f"/search?{urlencode({'q': q, 'page': page_number + 1})}" if more else None,
                     prev_url=f"/search?{urlencode({'q': q, 'page': page_number - 1})}" if page_number > 1 else None,
                     timeline_url=f"/?{urlencode({'q': q})}")


@router.get("/api/search", tags=["api"], summary="Full-text search over articles and sentences (bm25)",
            responses={200: {"model": schemas.SearchResults}, 400: {"model": schemas.Error}})
async def search_json(request: Request, site: SiteDep,
                      q: Annotated[str, Query(max_length=MAX_QUERY, description="FTS5 query")],
                      limit: Annotated[int, Query(ge=1, le=100)] = PAGE_SIZE,
                      offset: Annotated[int, Query(ge=0, le=100_000)] = 0) -> JSONResponse:
    results = await site.until_gone(request, api.search, site.db, q, limit=limit, offset=offset,
                                    seconds=limits.SEARCH_SECONDS)
    return JSONResponse(contract.search_results_to_dict(results))
