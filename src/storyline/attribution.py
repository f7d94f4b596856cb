"""Names and quotes of documents: the entity layer (``storyline.entities``) and the quote finder
(``storyline.quotes``) run over documents as a build runs them, sharing one spaCy parse.

Apart from both packages because the quote finder uses the entity layer's names.
"""

from __future__ import annotations

import bisect
from typing import Sequence

from .config import DEFAULT_ENTITIES, EntityParams
from .entities import mentions_of, parse, readable
from .model import Document
from .quotes import find_quotes


def analyze(docs: Sequence[Document], params: EntityParams = DEFAULT_ENTITIES) -> None:
    """Fill ``entities`` and ``quotes`` of each document the English pipeline reads (others get
    empty lists). Raises ``nlp.ModelUnavailable`` when the pipeline is not installed."""
    readable_docs = [d for d in docs if readable(d) is None]
    for doc in docs:
        doc.entities, doc.quotes = [], []
    for doc, parsed in zip(readable_docs, parse([d.text for d in readable_docs], params)):
        doc.entities = mentions_of(parsed, doc.sentences)
        doc.quotes = find_quotes(doc.text, parsed, doc.entities)
        starts = [s.start for s in doc.sentences]
        for quote in doc.quotes:
            if quote.sentence is None and starts:
                quote.sentence = doc.sentences[max(0, bisect.bisect_right(starts, quote.start) - 1)].index

__all__ = ["analyze"]
