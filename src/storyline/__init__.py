"""storyline: raw news documents in, a clean, deduplicated, dated and sourced timeline out.

Library first: ``storyline.build(paths, db=...)``, ``storyline.documents(db)``,
``storyline.duplicate_groups(db)``, ``storyline.duplicate_paragraphs(db)``,
``storyline.timeline(db, query=...)``; the command line
calls only these. The timeline's own stages live in ``storyline.chronology``, so
``storyline.timeline`` is always the function.
"""

__version__ = "0.1.0"

from .api import (DEFAULT_DB, BuildReport, add_files, build, clean_files, document, documents,  # noqa: E402
                  duplicate_group, duplicate_groups, duplicate_paragraphs, find_dates, search, timeline)

__all__ = ["DEFAULT_DB", "BuildReport", "add_files", "build", "clean_files", "find_dates", "document", "documents",
           "duplicate_group", "duplicate_groups", "duplicate_paragraphs", "search", "timeline", "__version__"]
