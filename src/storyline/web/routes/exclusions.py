"""An editor's exclusions of timeline lines: the timeline page's forms (``POST /timeline/exclude``,
``POST /timeline/restore``, each going back to the timeline read), the article page's for every
line of an article (``POST /articles/{id}/exclude``, ``/restore``) and their JSON twins
(``/api/exclusions``).

An excluded line leaves every timeline of the store; its date takes its next candidate. The
exclusion is kept by the sentence's text, so it holds when the store is built again
(:func:`storyline.api.exclude_lines`).
"""

from __future__ import annotations

from typing import Annotated, Callable, Optional

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from ... import api, contract
from .. import schemas
from ..params import DocIdParam
from ..site import Site, SiteDep

router = APIRouter()

Lines = Annotated[list[str], Form(description="The line's citations, as the timeline gives them: DOCUMENT#SENTENCE")]
Reason = Annotated[str, Form(description="Why the line is not right: " + ", ".join(api.EXCLUSION_REASONS))]
Note = Annotated[str, Form(max_length=api.MAX_NOTE, description="The editor's note")]
Back = Annotated[Optional[str], Form(description="The timeline page to go back to (a path on this site)")]


def _back(path: Optional[str]) -> str:
    """Where the form goes back to: a path on this site (the timeline being read, with its filters),
    never another site's address."""
    if path and path.startswith("/") and not path.startswith("//") and "\\" not in path and "\n" not in path:
        return path
    return "/"


async def _change(site: Site, request: Request, work: Callable[..., int], *args: object) -> Optional[Response]:
    """``work(site.db, *args)`` in a worker thread; the error page or JSON when the lines are refused."""
    try:
        await run_in_threadpool(work, site.db, *args)
    except (api.LineRefError, api.LineNotFound) as exc:
        return site.error_page(request, 400, "The line could not be changed", str(exc))
    return None


@router.post("/timeline/exclude", response_class=RedirectResponse, status_code=303, tags=["pages"],
             summary="Exclude a line from the timeline (the timeline page's form), then back to the page")
async def exclude_form(request: Request, site: SiteDep, line: Lines, reason: Reason = "other", note: Note = "",
                       back: Back = None) -> Response:
    refused = await _change(site, request, api.exclude_lines, line, reason, note)
    return refused or RedirectResponse(_back(back), status_code=303)


@router.post("/timeline/restore", response_class=RedirectResponse, status_code=303, tags=["pages"],
             summary="Put an excluded line back (the timeline page's form), then back to the page")
async def restore_form(request: Request, site: SiteDep, line: Lines, back: Back = None) -> Response:
    refused = await _change(site, request, api.restore_lines, line)
    return refused or RedirectResponse(_back(back), status_code=303)


@router.post("/articles/{doc_id}/exclude", response_class=RedirectResponse, status_code=303, tags=["pages"],
             summary="Exclude every line of an article (the article page's form), then back to the page")
async def exclude_article_form(request: Request, site: SiteDep, doc_id: DocIdParam, reason: Reason = "other",
                               note: Note = "") -> Response:
    refused = await _change(site, request, api.exclude_documents, [doc_id], reason, note)
    return refused or RedirectResponse(f"/articles/{doc_id}", status_code=303)


@router.post("/articles/{doc_id}/restore", response_class=RedirectResponse, status_code=303, tags=["pages"],
             summary="Put an excluded article's lines back (the page's form), then back to a page")
async def restore_article_form(request: Request, site: SiteDep, doc_id: DocIdParam, back: Back = None) -> Response:
    refused = await _change(site, request, api.restore_documents, [doc_id])
    return refused or RedirectResponse(_back(back or f"/articles/{doc_id}"), status_code=303)


class ExclusionRequest(BaseModel):
    lines: list[str] = Field([], description="The line's citations: DOCUMENT#SENTENCE")
    documents: list[str] = Field([], description="Articles every line of which is excluded")
    reason: str = Field("other", description="One of: " + ", ".join(api.EXCLUSION_REASONS))
    note: str = Field("", max_length=api.MAX_NOTE)


class RestoreRequest(BaseModel):
    lines: list[str] = Field([], description="The lines to put back: DOCUMENT#SENTENCE")
    documents: list[str] = Field([], description="Articles whose lines are put back")


@router.get("/api/exclusions", tags=["api"], summary="The lines excluded from the timeline (storyline exclude --format json)",
            responses={200: {"model": list[schemas.ExcludedLine]}})
def exclusions_json(site: SiteDep) -> JSONResponse:
    return JSONResponse(contract.exclusions_to_dict(api.exclusions(site.db)))


async def _json_change(site: Site, lines: list[str], documents: list[str], on_lines: Callable[..., int],
                       on_documents: Callable[..., int], what: str, *args: object) -> Response:
    """``on_lines`` over the lines and ``on_documents`` over the documents, in a worker thread: how
    many changed, or why they were refused."""
    if not lines and not documents:
        return JSONResponse(contract.error_to_dict(f"give the lines or the documents {what}"), status_code=400)
    try:
        n = await run_in_threadpool(on_lines, site.db, lines, *args) if lines else 0
        n += await run_in_threadpool(on_documents, site.db, documents, *args) if documents else 0
    except (api.LineRefError, api.LineNotFound) as exc:
        return JSONResponse(contract.error_to_dict(str(exc)), status_code=400)
    return JSONResponse({"changed": n})


@router.post("/api/exclusions", tags=["api"], summary="Exclude lines from the timeline",
             responses={200: {"model": schemas.Changed}, 400: {"model": schemas.Error}})
async def exclude_json(site: SiteDep, body: ExclusionRequest) -> Response:
    return await _json_change(site, body.lines, body.documents, api.exclude_lines, api.exclude_documents,
                              "to exclude", body.reason, body.note)


@router.post("/api/exclusions/restore", tags=["api"], summary="Put excluded lines back in the timeline",
             responses={200: {"model": schemas.Changed}, 400: {"model": schemas.Error}})
async def restore_json(site: SiteDep, body: RestoreRequest) -> Response:
    return await _json_change(site, body.lines, body.documents, api.restore_lines, api.restore_documents,
                              "to put back")
