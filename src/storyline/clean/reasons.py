"""The closed set of states a line can be in, and the reasons a dropped line is recorded with.

A line is first judged on its own (``classify``). Some judgements are final (a copyright
notice, a share bar); others wait for the line's place in the page (``Pending``): a date
line above the body is the article's date, but the time stamp of a teaser below it is part
of a list of other stories. ``analysis`` settles every pending state into a ``Reason`` by
the zone the line stands in; only reasons reach ``CleanResult.removed``, as their string
values (``REASONS``).
"""

from __future__ import annotations

from enum import Enum
from typing import Union


class Reason(Enum):
    """Why a line was dropped, as recorded in ``Removed.reason`` (the member's value)."""

    NAVIGATION = "navigation"
    SHARE = "share"
    RELATED = "related"
    SPONSORED = "sponsored"
    SUBSCRIPTION = "subscription"
    COPYRIGHT = "copyright"
    PHOTO_CREDIT = "photo credit"
    CAPTION = "caption"
    REPEATED = "repeated"
    TITLE = "title"
    BYLINE = "byline"
    DATE = "date"
    CONTRIBUTOR = "contributor"
    SOURCE = "source"
    BOILERPLATE = "boilerplate"


class Pending(Enum):
    """A judgement that waits for the line's zone (header, body or tail) to become a ``Reason``."""

    META = "meta"  # a byline or date line: byline or date, or part of a list below the body
    AGENCY = "agency"  # a lone agency or outlet name: the source, or part of a list below the body
    TIMESTAMP = "timestamp"  # "5 hours ago": the date in the header, a teaser's stamp elsewhere
    COMMENTS = "comments"  # a comments header or button: ends the body after enough prose


LineState = Union[Reason, Pending]

REASONS = frozenset(reason.value for reason in Reason)

FALLBACK_REASON = "default text kept"
"""The start of the reason recorded when trafilatura's default text stands instead of the line
analysis' shorter text (``html_path.clean_html``); the rest says how many words each kept."""

LINE_MODEL_REASON = "not article (line model"
"""The start of the reason recorded when the learned line model drops a line the rules kept
(``line_model``); the rest gives the model's probability and the cue that weighed most."""
