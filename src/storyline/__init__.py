"""storyline: raw news documents in, a clean, deduplicated, dated and sourced timeline out.

Library first: ``storyline.build(paths, db=...)``, ``storyline.documents(db)``,
``storyline.duplicate_groups(db)``, ``storyline.duplicate_paragraphs(db)``,
``storyline.timeline(db, query=...)``; the command line
calls only these. The timeline's own stages live in ``storyline.chronology``, so
``storyline.timeline`` is always the function.

The library's names are loaded from :mod:`storyline.api` on first use (PEP 562), so that importing
one part of the package (the store, the timeline's stages) does not import the build pipeline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lazy import first_use

__version__ = "0.1.0"

__all__ = ["DEFAULT_DB", "BuildReport", "add_files", "build", "clean_files", "find_dates", "document", "documents",
           "duplicate_group", "duplicate_groups", "duplicate_paragraphs", "search", "timeline", "__version__"]

if TYPE_CHECKING:
    from .api import (DEFAULT_DB, BuildReport, add_files, build, clean_files, document, documents, duplicate_group,
                      duplicate_groups, duplicate_paragraphs, find_dates, search, timeline)


__getattr__ = first_use(globals(), dict.fromkeys(__all__, ".api"))


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
