"""One article: its page (``/articles/{id}``), its JSON and its annotations (sentences and dates).

The page shows the clean text as paragraphs of sentences with their dates marked
(:mod:`storyline.web.views`), the sentence a timeline line cites highlighted, and the
article's duplicate/version group.
"""

from __future__ import annotations

from typing import Annotated, Optional

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ... import api, contract
from ...model import Document
from .. import limits, schemas
from ..params import DocIdParam
from ..site import Site, SiteDep
from ..views import article_paragraphs, date_rows, group_rows

router = APIRouter()


def _document(site: Site, doc_id: str) -> Document:
    doc = api.document(site.db, doc_id)
    if doc is None:
        raise StarletteHTTPException(404, f"No document with id {doc_id!r} in this store.")
    return doc


@router.get("/articles/{doc_id}", response_class=HTMLResponse, tags=["pages"], summary="Article page")
def article_page(request: Request, site: SiteDep, doc_id: DocIdParam,
                 sentence: Annotated[Optional[int], Query(ge=0, le=1_000_000, description="Sentence to highlight")] = None
                 ) -> Response:
    doc = _document(site, doc_id)
    group = api.duplicate_group(site.db, doc.group) if doc.group else None
    members = {d.id: d for d in api.documents(site.db, ids=[m.document for m in group.members])} if group else {}
    cited = next((s for s in doc.sentences if s.index == sentence), None) if sentence is not None else None
    # a very long text is shown up to ARTICLE_CHARS (and on to the cited sentence); the rest is in the JSON
    shown = max(limits.ARTICLE_CHARS, cited.end if cited else 0)
    paragraphs = article_paragraphs(doc, shown)
    dates = date_rows(doc)
    excluded = api.exclusions(site.db, document=doc.id)
    return site.page(request, "article.html", doc=doc, paragraphs=paragraphs, dates=dates[:limits.ARTICLE_ROWS],
                     n_dates=len(dates), removed=doc.removed[:limits.ARTICLE_ROWS], cut=len(doc.text) > shown,
                     shown_chars=shown, group=group, members=group_rows(group, members), cited=cited,
                     sentence=sentence, excluded=next((e for e in excluded if cited is not None and e.sentence == cited.index),
                                                      None),
                     whole_excluded=next((e for e in excluded if e.whole), None), exclusion_reasons=api.EXCLUSION_REASONS)


@router.get("/api/articles/{doc_id}", tags=["api"], summary="One document (an element of storyline documents --format json)",
            responses={200: {"model": schemas.Document}, 404: {"model": schemas.Error}})
def article_json(site: SiteDep, doc_id: DocIdParam) -> JSONResponse:
    return JSONResponse(contract.document_to_dict(_document(site, doc_id)))


@router.get("/api/articles/{doc_id}/annotations", tags=["api"],
            summary="A document's sentences and resolved date expressions",
            responses={200: {"model": schemas.Annotations}, 404: {"model": schemas.Error}})
def annotations_json(site: SiteDep, doc_id: DocIdParam) -> JSONResponse:
    return JSONResponse(contract.annotations_to_dict(_document(site, doc_id)))
