"""How the web app answers what went wrong: a page for a reader, JSON for the JSON API.

Unknown addresses, wrong methods, parameters that fail their checks, search queries FTS5
cannot run, stopped work and a store that cannot be used each get a status and words a reader
can act on, never a traceback.
"""

from __future__ import annotations

from typing import cast

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import HTTPExceptionHandler

from .. import api, contract
from .routes.documents import documents_view
from .site import wants_json


async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
    site = request.app.state.site
    if exc.status_code == 413:
        return site.error_page(request, 413, "Upload too large", site.too_large_message)
    if exc.status_code == 404:
        return site.error_page(request, 404, "Not found", str(exc.detail) if exc.detail != "Not Found" else
                               "There is nothing at this address.")
    if exc.status_code == 405:
        return site.error_page(request, 405, "Method not allowed", str(exc.detail))
    return site.error_page(request, exc.status_code, "Request not understood", str(exc.detail))


async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
    site = request.app.state.site
    problems = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
        problems.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
    if wants_json(request):
        return JSONResponse(contract.validation_errors_to_dict(exc.errors()), status_code=422)
    if request.url.path == "/documents" and request.method == "POST":
        return documents_view(site, request, status=400, upload_errors=["Choose at least one file to add."])
    return site.page(request, "error.html", status=422, status_code=422, heading="Request not understood",
                     message="; ".join(problems) or "invalid request")


async def bad_query(request: Request, exc: api.QueryError) -> Response:
    return request.app.state.site.error_page(request, 400, "Search query not understood", str(exc))


async def no_entity(request: Request, exc: api.EntityNotFound) -> Response:
    return request.app.state.site.error_page(request, 404, "No such entity", str(exc))


async def interrupted(request: Request, exc: api.Interrupted) -> Response:
    return request.app.state.site.error_page(request, 503, "Stopped", str(exc))


async def store_error(request: Request, exc: api.StoreError) -> Response:
    return request.app.state.site.error_page(request, 503, "Store unavailable", str(exc))


def add_error_handlers(app: FastAPI) -> None:
    """The handlers above, on ``app`` (Starlette picks the one for the nearest class of an error)."""
    handlers = ((StarletteHTTPException, http_error), (RequestValidationError, invalid_request),
                (api.QueryError, bad_query), (api.EntityNotFound, no_entity), (api.Interrupted, interrupted), (api.StoreError, store_error))
    for cls, handler in handlers:
        # Starlette types a handler as taking any Exception, but calls it only with the class it is added for
        app.add_exception_handler(cls, cast(HTTPExceptionHandler, handler))
