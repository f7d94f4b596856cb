"""Quotes: who said what, in quotation marks (direct) or reported ("X said that ...").

:func:`find_quotes` pairs the quotation marks of a text (:mod:`.marks`), parses only the sentences
that hold a reporting verb's form or "according" (:mod:`.cues`, :mod:`.attribution`), joins the
two (:mod:`.assemble`) and resolves each speaker to the entity it names (:mod:`.speakers`).
Offsets are Python string indices into the text given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Sequence, cast

from .. import nlp
from ..config import DEFAULT_QUOTES, QuoteParams
from ..model import EntityKind, EntityMention, Quote, Sentence, TextSpan
from ..sentences import split
from .assemble import join
from .attribution import COMPONENTS, Clause, clauses, holder_of
from .cues import has_cue
from .marks import quoted_spans
from .speakers import Names, speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc

_KINDS = ("PERSON", "ORG", "GPE", "LOC", "NORP")


def _mentions(doc: "Doc") -> list[EntityMention]:
    """The recognizer's names in ``doc`` as they are written (no fullest name: the speaker's
    resolution then goes by surname). The entity layer's mentions are better; pass them in."""
    return [EntityMention(e.start_char, e.end_char, e.text, cast(EntityKind, e.label_))
            for e in doc.ents if e.label_ in _KINDS]


def find_quotes(text: str, doc: Optional["Doc"] = None,
                entities: Optional[Sequence[EntityMention]] = None,
                params: QuoteParams = DEFAULT_QUOTES) -> list[Quote]:
    """The quotes of ``text``: direct and reported, each with its cue and speaker where the text
    gives them. ``entities`` are the entity layer's mentions of the text (``name``: the fullest
    name of their referent); without them they are read from ``doc``, a spaCy Doc of the same text
    with named entities (made here when missing); ``params`` the tuning values. Raises
    ``nlp.ModelUnavailable``."""
    sentences = split(text)
    picked = [s for s in sentences if has_cue(s.text)]
    parser = nlp.pipeline(COMPONENTS)
    found: list[Clause] = []
    docs = {}
    for sent, parsed in zip(picked, parser.pipe([s.text for s in picked], batch_size=params.batch)):
        found.extend(clauses(parsed, sent.start, text, sent.index))
        docs[sent.index] = parsed
    if entities is None:
        entities = _mentions(doc if doc is not None else nlp.pipeline(nlp.NER)(text))
    names = Names(entities, params.pronoun_reach)
    quotes = join(text, sentences, quoted_spans(text), found, names, params)
    _held(text, sentences, [q for q in quotes if q.direct and q.cue is None and q.speaker is None], docs, names, params)
    return quotes


def _held(text: str, sentences: list[Sentence], quotes: list[Quote], docs: dict,
          names: Names, params: QuoteParams) -> None:
    """Gives a quotation with no attribution, inside a sentence after a clause of its own, that
    clause's verb as its cue and the verb's subject as its speaker (:func:`.attribution.holder_of`);
    the sentences not parsed yet are parsed here (few: most quotations have an attribution)."""
    inside = [(q, q.sentence) for q in quotes if q.sentence is not None
              and len(text[sentences[q.sentence].start:q.start].split()) >= 2]
    todo = sorted({i for _, i in inside if i not in docs})
    parser = nlp.pipeline(COMPONENTS)
    for index, parsed in zip(todo, parser.pipe([sentences[i].text for i in todo], batch_size=params.batch)):
        docs[index] = parsed
    for q, i in inside:
        sent = sentences[i]
        found = holder_of(docs[i], q.start - sent.start)
        if found is None:
            continue
        verb, subject = found
        at = sent.start + verb.idx
        q.cue = TextSpan(at, at + len(verb.text), verb.text)
        lo = sent.start + subject.left_edge.idx
        hi = sent.start + subject.right_edge.idx + len(subject.right_edge.text)
        q.speaker = speaker(text, lo, hi, subject.text, names, subject.tag_ == "NNP")


__all__ = ["find_quotes"]
