"""Who is in the story: people, organisations, places and groups, and the quotes attributed to them.

spaCy's small English pipeline finds the names (NER alone, batched with ``nlp.pipe``); the
quote finder (``storyline.quotes``) parses only the sentences that can hold an attribution;
``storyline.attribution`` runs both over a build's documents.
``document`` ties each name to the fullest name its document gives the referent, ``link`` ties
those across documents into one entity per referent, and the store keeps mentions and quotes
per sentence. Without the pipeline installed the build goes on and says entities are off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Optional, Sequence

from ..config import DEFAULT_ENTITIES, EntityParams
from ..model import Document
from . import names
from .document import mentions_of
from .link import Linker, link

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Bump when what is derived here changes: stored documents analysed by another version are
# analysed again on the next build (their text and sentences are not re-derived).
ENTITY_VERSION = "1"
ENGLISH = (None, "en")  # the languages the pipeline reads (None: not detected)


def off_reason() -> Optional[str]:
    """Why names and quotes cannot be found here (in words), or None."""
    from .. import nlp

    return nlp.unavailable()


def readable(doc: Document) -> Optional[str]:
    """Why the English pipeline leaves this document alone (its language), or None when it reads it."""
    return None if doc.language in ENGLISH else f"not English (language {doc.language})"


def _chunks(text: str, size: int) -> Iterator[tuple[int, str]]:
    """The text in pieces of at most about ``size`` characters, cut after paragraph breaks: (offset, piece)."""
    at = 0
    while at < len(text):
        end = min(len(text), at + size)
        if end < len(text):
            cut = text.rfind("\n\n", at, end)
            end = cut + 2 if cut > at else end
        yield at, text[at:end]
        at = end


def parse(texts: Sequence[str], params: EntityParams = DEFAULT_ENTITIES) -> list["Doc"]:
    """spaCy documents (named entities only) of ``texts``, batched; long texts run in pieces and
    are joined back, so every offset is one into the text given."""
    from spacy.tokens import Doc

    from .. import nlp

    pipeline = nlp.pipeline(nlp.NER)
    pieces = [(i, piece) for i, text in enumerate(texts) for _, piece in _chunks(text, params.chunk_chars)]
    parsed: list[list[Doc]] = [[] for _ in texts]
    for (i, _), doc in zip(pieces, pipeline.pipe((p for _, p in pieces), batch_size=params.pipe_batch)):
        parsed[i].append(doc)
    return [docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False) if docs
            else pipeline.make_doc("") for docs in parsed]


def link_documents(docs: Sequence[Document], linker: Linker) -> None:
    """Set each name's key and the key of the entity it is linked to (across the store, through ``linker``)."""
    for doc in docs:
        for mention in doc.entities or []:
            mention.key = names.key(mention.kind, mention.name)
        canonical = link(doc.entities or [], linker)
        for mention in doc.entities or []:
            mention.canonical = canonical[(mention.kind, mention.key)]


__all__ = ["ENTITY_VERSION", "Linker", "link_documents", "mentions_of", "off_reason", "parse", "readable"]
