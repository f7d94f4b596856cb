"""The stored documents: their page (``/documents``, with the upload form), their JSON, and the
files that could not be stored (``/api/errors``).

:func:`documents_view` renders the page for the uploads and for a form the app did not understand too.
"""

from __future__ import annotations

from typing import Annotated, Optional

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ... import api, contract
from .. import limits, schemas
from ..site import Site, SiteDep

router = APIRouter()


def documents_view(site: Site, request: Request, status: int = 200, upload: Optional[api.UploadReport] = None,
                   upload_errors: Optional[list[str]] = None, page_number: int = 1) -> Response:
    """One page of the documents (``limits.DOCUMENTS_PAGE`` a page), the failed files, and what an upload did."""
    page_size = limits.DOCUMENTS_PAGE
    total = api.count_documents(site.db)
    pages = max(1, -(-total // page_size))
    if page_number > pages:
        raise StarletteHTTPException(404, f"There is no page {page_number} of documents: the store holds "
                                          f"{total} document{'' if total == 1 else 's'}, {pages} "
                                          f"page{'' if pages == 1 else 's'} of {page_size}.")
    offset = (page_number - 1) * page_size
    docs = api.documents(site.db, limit=page_size, offset=offset)
    build_errors = api.build_errors(site.db)
    return site.page(request, "documents.html", status=status, docs=docs, total=total, offset=offset,
                     page_number=page_number, pages=pages,
                     prev_url=None if page_number == 1 else f"/documents?page={page_number - 1}" if page_number > 2
                     else "/documents",
                     next_url=f"/documents?page={page_number + 1}" if page_number < pages else None,
                     build_errors=build_errors[:limits.ERRORS_SHOWN], n_build_errors=len(build_errors),
                     upload=upload, upload_errors=upload_errors or [],
                     added={d.id for d in upload.added} if upload else set())


@router.get("/documents", response_class=HTMLResponse, tags=["pages"], summary="Documents page, with the upload form",
            responses={404: {"description": "A page past the last one"}})
def documents_page(request: Request, site: SiteDep, page_number: Annotated[int, Query(
        alias="page", ge=1, le=1_000_000, description=f"Page ({limits.DOCUMENTS_PAGE} documents each), from 1")] = 1
                   ) -> Response:
    return documents_view(site, request, page_number=page_number)


@router.get("/api/documents", tags=["api"], summary="All documents (storyline documents --format json)",
            responses={200: {"model": list[schemas.Document]}})
def documents_json(site: SiteDep, limit: Annotated[Optional[int], Query(
                       ge=1, le=10_000, description="At most this many documents (default: all)")] = None,
                   offset: Annotated[int, Query(
                       ge=0, le=1_000_000_000, description="Skip this many first")] = 0) -> JSONResponse:
    docs = api.documents(site.db, limit=limit, offset=offset)
    headers = {"x-total-count": str(api.count_documents(site.db))} if limit is not None or offset else None
    return JSONResponse(contract.documents_to_dict(docs), headers=headers)


@router.get("/api/errors", tags=["api"], summary="Files and records that could not be stored, with the reason",
            responses={200: {"model": list[schemas.BuildError]}})
def errors_json(site: SiteDep) -> JSONResponse:
    return JSONResponse(contract.build_errors_to_dict(api.build_errors(site.db)))
