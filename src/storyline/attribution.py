"""Names and quotes of documents: the entity layer (``storyline.entities``) and the quote finder
(``storyline.quotes``) run over documents as a build runs them, sharing one spaCy parse.

Apart from both packages because the quote finder uses the entity layer's names. The layer is
by far the costliest stage of a build, so a build runs it on every core: :class:`Analyzer` keeps
a pool of processes (the local build engine's, ``engine.local``: ordered results, a stop on
Ctrl-C, a worker's crash reported), each with the English pipeline loaded once, and hands them
documents.
"""

from __future__ import annotations

import bisect
import functools
import os
from typing import TYPE_CHECKING, Callable, Optional, Sequence

from .config import DEFAULT_ENTITIES, EntityParams
from .engine import in_main_thread
from .entities import mentions_of, parse, readable
from .model import Document
from .quotes import quotes_and_parses
from .quotes.statements import statements

if TYPE_CHECKING:
    from .engine.local import LocalEngine

# Page furniture whose names are nobody in the story (a commenter's handle, a byline's reporter, a
# share button's network): sentences the timeline refuses for these are not read for names.
# Captions and headlines keep theirs.
NOT_REPORTING = frozenset({"comment", "stamp", "byline", "navigation", "imprint"})


def analyze(docs: Sequence[Document], params: EntityParams = DEFAULT_ENTITIES) -> None:
    """Fill ``entities``, ``quotes`` and ``statements`` of each document the English pipeline reads
    (others get empty lists). Raises ``nlp.ModelUnavailable`` when the pipeline is not installed."""
    readable_docs = [d for d in docs if readable(d) is None]
    for doc in docs:
        doc.entities, doc.quotes, doc.statements = [], [], []
    skip = [{f.sentence for f in d.features if f.refused in NOT_REPORTING} for d in readable_docs]
    for doc, parsed in zip(readable_docs, parse([d.text for d in readable_docs], params,
                                                [d.sentences for d in readable_docs], skip)):
        doc.entities = mentions_of(parsed, doc.sentences, doc.dateline)
        doc.quotes, parses = quotes_and_parses(doc.text, parsed, doc.entities)
        starts = [s.start for s in doc.sentences]
        for quote in doc.quotes:
            if quote.sentence is None and starts:
                quote.sentence = doc.sentences[max(0, bisect.bisect_right(starts, quote.start) - 1)].index
        doc.statements = statements(doc, parses)


def _analyzed(docs: list[Document], params: EntityParams = DEFAULT_ENTITIES
              ) -> list[tuple[Optional[list], Optional[list], Optional[list]]]:
    analyze(docs, params)
    return [(doc.entities, doc.quotes, doc.statements) for doc in docs]


def _lost(docs: list[Document], reason: str) -> list[tuple[None, None, None]]:
    """A document whose worker died: stored without names, found by a later build's catch-up."""
    return [(None, None, None) for _ in docs]


def load_pipelines() -> None:
    """Both pipelines the layer runs, loaded once per process (a forked worker inherits them)."""
    from . import nlp
    from .quotes.attribution import COMPONENTS

    nlp.pipeline(nlp.NER)
    nlp.pipeline(COMPONENTS)


class Analyzer:
    """``analyze`` for a build: in ``workers`` processes (None: every core) when the build runs in
    its process's main thread, else (a web upload's thread, one core) in this process. Use as a
    context manager; the processes start with the first documents and stop at its end. ``stop``
    is called while the processes work, and stops the wait by raising (a build's Ctrl-C)."""

    def __init__(self, workers: Optional[int] = None, params: EntityParams = DEFAULT_ENTITIES,
                 stop: Optional[Callable[[], None]] = None):
        self.workers = workers or os.cpu_count() or 1
        self.params = params
        self.stop = stop
        self.pool: Optional["LocalEngine"] = None

    def __enter__(self) -> "Analyzer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Stop the processes (a later ``analyze`` starts them again)."""
        if self.pool is not None:
            self.pool.close()
            self.pool = None

    def analyze(self, docs: Sequence[Document]) -> None:
        """As :func:`analyze`, spread over the processes when there are enough documents; a
        document whose process died twice is left without names (``None``)."""
        parallel = self.workers > 1 and len(docs) > 1 and in_main_thread()
        if not parallel:
            analyze(docs, self.params)
            return
        if self.pool is None:
            from .engine.local import LocalEngine

            self.pool = LocalEngine(self.workers, load_pipelines, self.stop)
        slim = [[Document(id=d.id, path=d.path, kind=d.kind, text=d.text, sentences=d.sentences, language=d.language,
                          features=d.features, dateline=d.dateline)] for d in docs]
        work = functools.partial(_analyzed, params=self.params)
        found = [r for rs in self.pool.map(work, slim, _lost, lambda chunk: chunk[0].id) for r in rs]
        for doc, (names, quotes, said) in zip(docs, found):
            doc.entities, doc.quotes, doc.statements = names, quotes, said


__all__ = ["Analyzer", "analyze", "load_pipelines"]
