"""storyline: raw news documents in, a clean, deduplicated, dated and sourced timeline out.

Library first: ``storyline.build(paths, db=...)``, ``storyline.documents(db)``,
``storyline.duplicate_groups(db)``, ``storyline.duplicate_paragraphs(db)``,
``storyline.timeline(db, query=...)``; the command line
calls only these. The API functions are bound here eagerly: ``storyline.timeline`` is the
function, the stage module of the same name is ``storyline.timeline`` only as an import path.
"""

__version__ = "0.1.0"

from .api import (DEFAULT_DB, BuildReport, add_files, build, clean_files, document, documents,  # noqa: E402
                  duplicate_group, duplicate_groups, duplicate_paragraphs, find_dates, search, timeline)

__all__ = ["DEFAULT_DB", "BuildReport", "add_files", "build", "clean_files", "find_dates", "document", "documents",
           "duplicate_group", "duplicate_groups", "duplicate_paragraphs", "search", "timeline", "__version__"]
