"""The timeline: its page (``/``, ``/timeline``) and its JSON (``/api/timeline``).

Both come from the same kept timeline (:meth:`Site.timeline`); the JSON is the command
line's ``storyline timeline --format json``.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from ... import api, contract
from ...export import timeline_view
from .. import schemas
from ..params import DatesParam, EntityParam, FromParam, MethodParam, PreviewsParam, QueryParam, SentencesParam, ToParam
from ..site import SiteDep, query_hint

router = APIRouter()


@router.get("/", response_class=HTMLResponse, tags=["pages"], summary="Timeline page")
@router.get("/timeline", response_class=HTMLResponse, tags=["pages"], summary="Timeline page (same as /)")
def timeline_page(request: Request, site: SiteDep, q: QueryParam = None, dates: DatesParam = None,
                  sentences: SentencesParam = None, method: MethodParam = None, start: FromParam = None,
                  end: ToParam = None, previews: PreviewsParam = False, entity: EntityParam = None) -> Response:
    options = {"method": method.value if method else None, "start": start, "end": end, "dates": dates,
               "sentences": sentences, "previews": previews, "entity": entity}
    try:
        tl, docs = site.timeline(q, dates, sentences, method, start, end, previews, entity)
    except (api.QueryError, api.EntityNotFound) as exc:
        return site.page(request, "timeline.html", status=400, view=None, q=q, error=str(exc),
                         hint=query_hint(q or ""), n_documents=0, n_total=api.count_documents(site.db),
                         options=options)
    view = timeline_view(tl, docs)
    n_total = api.count_documents(site.db)
    q = (q or "").strip()
    # ``docs`` may hold only the cited documents: count from the view and the store, never by going through it
    groups = {(docs[c].group if c in docs else None) or c for c in view.cited}
    n_matching = api.search(site.db, q, limit=1, sentences=0).total if q else n_total
    back = "/" + (f"?{request.url.query}" if request.url.query else "")  # / and /timeline are one page
    return site.page(request, "timeline.html", view=view, q=q, n_documents=n_matching, n_cited=len(view.cited),
                     n_total=n_total, n_sources=len(groups), error=None, options=options,
                     cite_url=lambda document, sentence: f"/articles/{document}?sentence={sentence}#s{sentence}",
                     exclude_back=back, exclusion_reasons=api.EXCLUSION_REASONS, exclusions=api.exclusions(site.db))


@router.get("/api/timeline", tags=["api"], summary="The timeline (storyline timeline --format json)",
            responses={200: {"model": schemas.Timeline}, 400: {"model": schemas.Error}})
def timeline_json(site: SiteDep, q: QueryParam = None, dates: DatesParam = None, sentences: SentencesParam = None,
                  method: MethodParam = None, start: FromParam = None, end: ToParam = None,
                  previews: PreviewsParam = False, entity: EntityParam = None) -> JSONResponse:
    tl, _ = site.timeline(q, dates, sentences, method, start, end, previews, entity)
    return JSONResponse(contract.timeline_to_dict(tl))
