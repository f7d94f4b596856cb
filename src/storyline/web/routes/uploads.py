"""Adding documents: the upload form's target (``POST /documents``) and its JSON twin
(``POST /api/documents``).

Uploads are checked (count, file types, total size) before anything is built, then built
into the store a few at a time (``limits.UPLOAD_BUILDS``) by :func:`storyline.api.add_files`.
"""

from __future__ import annotations

from typing import Optional, Union

from fastapi import APIRouter, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from ... import api, contract
from .. import limits, schemas
from ..params import UploadFiles
from ..site import Site, SiteDep
from .documents import documents_view

router = APIRouter()


async def _receive_upload(site: Site, files: list[UploadFile]
                          ) -> tuple[list[tuple[str, bytes]], Optional[tuple[int, str]]]:
    """The uploaded files' names and contents, or the status and message refusing them."""
    chosen = [f for f in files if f.filename or f.size]
    if not chosen:
        return [], (400, "Choose at least one file to add.")
    if len(chosen) > limits.MAX_FILES:
        return [], (400, f"Too many files ({len(chosen)}); add at most {limits.MAX_FILES} at a time.")
    refused = [f.filename or "(no name)" for f in chosen
               if not (f.filename or "").lower().endswith(api.UPLOAD_SUFFIXES)]
    if refused:
        return [], (415, "Not a supported file type: " + ", ".join(refused) +
                    ". Add " + ", ".join(api.UPLOAD_SUFFIXES) + " files.")
    out = []
    total = 0
    for f in chosen:
        data = await f.read(site.max_upload_bytes + 1)
        total += len(data)
        if total > site.max_upload_bytes:
            return [], (413, site.too_large_message)
        out.append((f.filename or "", data))
    return out, None


def _add(site: Site, files: list[tuple[str, bytes]]) -> api.UploadReport:
    with site.upload_slots:
        return api.add_files(files, db=site.db, options=api.DEFAULT_BUILD.with_given(max_bytes=site.max_upload_bytes))


@router.post("/documents", response_class=HTMLResponse, tags=["pages"], summary="Upload form target")
async def upload_page(request: Request, site: SiteDep, files: UploadFiles) -> Response:
    received, refusal = await _receive_upload(site, files)
    if refusal:
        return documents_view(site, request, status=refusal[0], upload_errors=[refusal[1]])
    report = await run_in_threadpool(_add, site, received)
    stored = report.added or report.unchanged
    return documents_view(site, request, status=200 if stored else 422, upload=report)


@router.post("/api/documents", tags=["api"], summary="Add documents: build uploaded files into the store",
             responses={200: {"model": schemas.UploadReport}, 400: {"model": schemas.Error}, 403: {"model": schemas.Error},
                        413: {"model": schemas.Error}, 415: {"model": schemas.Error},
                        422: {"model": Union[schemas.UploadReport, schemas.ValidationErrors],
                              "description": "No document could be stored (the report says why), or the form was "
                                             "not understood"}})
async def upload_json(site: SiteDep, files: UploadFiles) -> JSONResponse:
    received, refusal = await _receive_upload(site, files)
    if refusal:
        return JSONResponse(contract.error_to_dict(refusal[1]), status_code=refusal[0])
    report = await run_in_threadpool(_add, site, received)
    return JSONResponse(contract.upload_report_to_dict(report), status_code=200 if report.added or report.unchanged else 422)
