"""The web app's routes, a module per resource; each page has its JSON twin beside it.

``ROUTERS`` is the order the app includes them in (the order of the OpenAPI schema).
"""

from __future__ import annotations

from . import articles, assets, documents, duplicates, entities, exclusions, search, timeline, uploads

ROUTERS = [assets.router, timeline.router, exclusions.router, articles.router, search.router, documents.router, uploads.router,
           duplicates.router, entities.router]

__all__ = ["ROUTERS"]
