"""The query, path and form parameters the routes share, with their checks and descriptions.

Declared once so that a page and its JSON twin take the same parameters, checked alike and
described alike in the OpenAPI schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Optional

from fastapi import File, Query, UploadFile
from fastapi import Path as PathParam

from .. import api
from .limits import MAX_QUERY

QueryParam = Annotated[Optional[str], Query(max_length=MAX_QUERY, description=(
    "Full-text query in SQLite FTS5 syntax: words (all must match), \"a phrase\", OR, NOT, prefix*, "
    "title:word. Only documents matching it are used."))]
DatesParam = Annotated[Optional[int], Query(ge=1, le=1000, description="Number of dates (default: chosen from the collection).")]
SentencesParam = Annotated[Optional[int], Query(ge=1, le=100, description="Sentences per date (default: by how widely a date is reported).")]
MethodParam = Annotated[Optional[api.TimelineMethod], Query(description="How dates and sentences are chosen (storyline timeline --method).")]
FromParam = Annotated[Optional[dt.date], Query(alias="from", description="Only dates on or after this day (YYYY-MM-DD).")]
ToParam = Annotated[Optional[dt.date], Query(alias="to", description="Only dates on or before this day (YYYY-MM-DD).")]
PreviewsParam = Annotated[bool, Query(description="Also lines about what was still to come when written (storyline timeline --previews).")]
EntityParam = Annotated[Optional[str], Query(max_length=200, description="Only lines that name this entity or quote it (storyline timeline --entity).")]
EntityIdParam = Annotated[int, PathParam(ge=1, le=2**62, description="Entity id (as listed by /api/entities)")]
DocIdParam = Annotated[str, PathParam(max_length=64, description="Document id (16 hex characters)")]
UploadFiles = Annotated[list[UploadFile], File(description="Files to add: " + ", ".join(api.UPLOAD_SUFFIXES))]
