"""storyline: raw news documents in, a clean, deduplicated, dated and sourced timeline out.

Library first: ``storyline.build(paths, db=...)``, ``storyline.documents(db)``,
``storyline.timeline(db, query=...)``; the command line calls only these. The API is
imported on first use, so a stage module (``storyline.timex``…) loads without the rest.
"""

__version__ = "0.1.0"
__all__ = ["DEFAULT_DB", "BuildReport", "build", "documents", "duplicate_groups", "timeline", "__version__"]


def __getattr__(name):
    if name in __all__:
        from . import api
        return getattr(api, name)
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")
