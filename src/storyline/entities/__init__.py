"""Who is in the story: people, organisations, places and groups, and the quotes attributed to them.

spaCy's small English pipeline finds the names (NER alone, batched with ``nlp.pipe``); the
quote finder (``storyline.quotes``) parses only the sentences that can hold an attribution;
``storyline.attribution`` runs both over a build's documents.
``document`` ties each name to the fullest name its document gives the referent, ``link`` ties
those across documents into one entity per referent, and the store keeps mentions and quotes
per sentence. Without the pipeline installed the build goes on and says entities are off.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Collection, Iterator, Optional, Sequence

from ..config import DEFAULT_ENTITIES, EntityParams
from ..model import Document, Sentence
from .document import mentions_of
from .link import Linker, link

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Bump when what is derived here changes: stored documents analysed by another version are
# analysed again on the next build (their text and sentences are not re-derived).
ENTITY_VERSION = "22"
_WORDS = re.compile(r"[^\W\d_][\w'’.-]*")
_CLITIC = re.compile("['’]")

ENGLISH = (None, "en")  # the languages the pipeline reads (None: not detected)


def off_reason() -> Optional[str]:
    """Why names and quotes cannot be found here (in words), or None."""
    from .. import nlp

    return nlp.unavailable()


def readable(doc: Document) -> Optional[str]:
    """Why the English pipeline leaves this document alone (its language), or None when it reads it."""
    return None if doc.language in ENGLISH else f"not English (language {doc.language})"


def _chunks(text: str, size: int) -> Iterator[str]:
    """The text in pieces of at most about ``size`` characters, cut after paragraph breaks."""
    at = 0
    while at < len(text):
        end = min(len(text), at + size)
        if end < len(text):
            cut = text.rfind("\n\n", at, end)
            end = cut + 2 if cut > at else end
        yield text[at:end]
        at = end


def _pieces(text: str, sentences: Sequence[Sentence], size: int,
            skip: Collection[int] = ()) -> Iterator[tuple[bool, str]]:
    """The text cut between sentences into runs that may name someone or somewhere and runs that
    cannot (no capitalized word but common ones, or a sentence in ``skip``), each at most about
    ``size`` characters: (may name, piece). The pieces join back into the text."""
    if not sentences:
        yield True, text
        return
    start, named = 0, _may_name(sentences[0].text) and sentences[0].index not in skip
    for sentence in sentences[1:]:
        now = _may_name(sentence.text) and sentence.index not in skip
        if now != named or sentence.start - start > size:
            yield named, text[start:sentence.start]
            start, named = sentence.start, now
    yield named, text[start:]


def _may_name(sentence: str) -> bool:
    """Whether a sentence has a word that may be a name: capitalized and not a common word ("I",
    "The", "Well" after a quotation mark), unless written in capitals ("US", "WHO")."""
    common = _common_words()
    for word in _WORDS.findall(sentence):
        if word[0].isupper():
            base = _CLITIC.split(word, 1)[0]  # "I'm", "It's": the word before the clitic
            if base.lower() not in common or (len(base) > 1 and base.isupper()):
                return True
    return False


@functools.cache
def _common_words() -> frozenset[str]:
    """spaCy's English stop words: a sentence's first word that names no one ("The", "He", "But")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def parse(texts: Sequence[str], params: EntityParams = DEFAULT_ENTITIES,
          sentences: Optional[Sequence[Sequence[Sentence]]] = None,
          skip: Optional[Sequence[Collection[int]]] = None) -> list["Doc"]:
    """spaCy documents (named entities only) of ``texts``, batched; long texts run in pieces and
    are joined back, so every offset is one into the text given. With each text's ``sentences``,
    only the runs of sentences that may name someone go through the recognizer (about one token
    in six does not: "the talks will go on, he said."), and not those of each text's ``skip``
    (sentence indexes: page furniture); the others are only tokenized."""
    from spacy.tokens import Doc

    from .. import nlp

    pipeline = nlp.pipeline(nlp.NER)
    pieces: list[tuple[int, bool, str]] = []
    for i, text in enumerate(texts):
        if sentences is None:
            pieces += [(i, True, piece) for piece in _chunks(text, params.chunk_chars)]
        else:
            pieces += [(i, named, piece) for named, piece in _pieces(text, sentences[i], params.chunk_chars,
                                                                     skip[i] if skip is not None else ())]
    parsed: list[list[Doc]] = [[] for _ in texts]
    recognized = iter(pipeline.pipe((p for _, named, p in pieces if named), batch_size=params.pipe_batch))
    for i, named, piece in pieces:
        parsed[i].append(next(recognized) if named else pipeline.make_doc(piece))
    return [docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False) if docs
            else pipeline.make_doc("") for docs in parsed]


def link_documents(docs: Sequence[Document], linker: Linker) -> None:
    """Set each name's key and the key of the entity it is linked to (across the store, through ``linker``)."""
    for doc in docs:
        link(doc.entities or [], linker)


__all__ = ["ENTITY_VERSION", "Linker", "link_documents", "mentions_of", "off_reason", "parse", "readable"]
