"""Quotes: who said what, in quotation marks (direct) or reported ("X said that ...").

:func:`find_quotes` pairs the quotation marks of a text (:mod:`.marks`), parses only the sentences
that hold a reporting verb's form or "according" (:mod:`.cues`, :mod:`.attribution`; a short
clause the splitter cut off after a quotation's question is parsed with it), joins the two
(:mod:`.assemble`) and resolves each speaker to the entity it names (:mod:`.speakers`). The
quotations left without a speaker then get one from the sentence holding them (parsed now if no
cue word had it parsed: few are): the subject of the clause a quotation stands in, when a short
one is in what that verb says of something and the subject can speak, and a name signing a
quotation on a dash under it or after it on its line (also over the speaker a quotation would
go on with). A headline opening the text with a name and a colon is that name's words ("Ann Lee:
Harbour Will Stay Open"). Offsets are Python string indices into the text given.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Optional, Sequence, cast

from .. import nlp
from ..config import DEFAULT_QUOTES, QuoteParams
from ..model import EntityKind, EntityMention, Quote, Sentence, TextSpan
from ..sentences import split
from .assemble import join
from .attribution import COMPONENTS, Clause, clauses, holder_of, said_in
from .cues import has_cue
from .cues import ANONYMOUS_NOUNS
from .marks import Quoted, quoted_spans
from .speakers import Names, speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc

_KINDS = ("PERSON", "ORG", "GPE", "LOC", "NORP")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


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
    return quotes_and_parses(text, doc, entities, params)[0]


def quotes_and_parses(text: str, doc: Optional["Doc"] = None,
                      entities: Optional[Sequence[EntityMention]] = None,
                      params: QuoteParams = DEFAULT_QUOTES) -> tuple[list[Quote], dict[int, "Doc"]]:
    """``find_quotes``, and the parses it made by sentence index (a parse may hold the short
    clause after a sentence too: see ``_with_answers``), for the statements' class to read
    (``.statements``) without parsing again."""
    sentences = split(text)
    picked = _with_answers(text, sentences, [s for s in sentences if has_cue(s.text)])
    parser = nlp.pipeline(COMPONENTS)
    found: list[Clause] = []
    docs: dict[int, "Doc"] = {}
    for sent, parsed in zip(picked, parser.pipe([s.text for s in picked], batch_size=params.batch)):
        found.extend(clauses(parsed, sent.start, text, sent.index))
        docs[sent.index] = parsed
    if entities is None:
        entities = _mentions(doc if doc is not None else nlp.pipeline(nlp.NER)(text))
    names = Names(entities, params.pronoun_reach)
    left: list[Quoted] = []
    quotes = join(text, sentences, quoted_spans(text), found, names, params, left)
    _signed(text, [q for q in quotes if q.direct and _unattributed(q)], names)
    _held(text, sentences, [q for q in quotes if q.direct and q.cue is None and q.speaker is None], docs, names, params)
    quotes.extend(_said_of(text, sentences, left, docs, names, params))
    quotes.extend(_headline(text, quotes, names))
    return _one_per_span(quotes), docs


def _one_per_span(quotes: list[Quote]) -> list[Quote]:
    """The quotes in text order, one per span: where two clauses report the same words ("a
    puppet saying exactly what people want to hear": "saying" and "want"), the one whose cue lies
    outside them, then one whose speaker names someone (not a pronoun resolved to no one), then the
    cue nearest to them, then the earliest (so the choice never depends on the order the clauses
    were found in)."""
    def rank(q: Quote) -> tuple:
        nameless = q.speaker is None or (q.speaker.kind == "pronoun" and q.speaker.entity is None)
        if q.cue is None:
            return (False, nameless, 0, -1)
        cue_inside = q.start <= q.cue.start < q.end
        gap = q.start - q.cue.end if q.cue.end <= q.start else max(0, q.cue.start - q.end)
        return (cue_inside, nameless, gap, q.cue.start)

    best: dict[tuple[int, int], Quote] = {}
    for q in quotes:
        kept = best.get((q.start, q.end))
        if kept is None or rank(q) < rank(kept):
            best[(q.start, q.end)] = q
    return sorted(best.values(), key=lambda q: (q.start, q.end))


# A headline giving someone's words after their name and a colon ("Ann Lee: Harbour Will Stay Open").
_HEADLINE = re.compile(r"[ \t]*(:)[ \t]+(\S[^\n]*?)[ \t.]*(?:\n|$)")


def _headline(text: str, quotes: list[Quote], names: Names) -> list[Quote]:
    """The words of a headline opening the text with a person's or organisation's name and a colon
    ("Ann Lee: Harbour Will Stay Open": Ann Lee's), when no quote found covers them."""
    first = next((m for m in names.mentions if m.start == len(text) - len(text.lstrip())), None)
    said = _HEADLINE.match(text, first.end) if first is not None and first.kind in ("PERSON", "ORG") else None
    if first is None or said is None or any(q.start < said.end(2) and said.start(2) < q.end for q in quotes):
        return []
    start, end = said.span(2)
    colon = said.start(1)
    return [Quote(start, end, text[start:end], any(c in text[start:end] for c in "“”\""),
                  cue=TextSpan(colon, colon + 1, ":"),
                  speaker=speaker(text, first.start, first.end, first.text.split()[-1], names, proper=True), sentence=0)]


def _unattributed(quote: Quote) -> bool:
    """Whether a quote has no attribution of its own: no speaker, or only the one of the quotation
    it goes on from (no cue), which a name signing it overrides."""
    return quote.speaker is None or quote.cue is None


# A quotation ending in a question or an exclamation, where the sentence splitter ends a sentence
# ("“...?” Reyes pressed.": the short clause after it is a sentence of its own).
_ASKED = re.compile(r"[?!][’'\"”]+\s*$")


def _with_answers(text: str, sentences: list[Sentence], picked: list[Sentence]) -> list[Sentence]:
    """The sentences to parse, a sentence ending in a quotation's question or exclamation joined to
    the short clause after it that the splitter made a sentence of its own and that has no cue word
    ("“...?” Reyes pressed.", "“...!” she fumed."), so that the parse reads that clause as the
    quotation's attribution (a clause with a cue word is parsed anyway and attributes it)."""
    chosen = {s.index: s for s in picked}
    for before, after in zip(sentences, sentences[1:]):
        if after.index not in chosen and _ASKED.search(before.text) and after.text[:1] not in "“\"'‘" \
                and len(after.text.split()) <= 6 \
                and "\n" not in text[before.end:after.start]:
            chosen[before.index] = Sentence(before.document, before.index, before.start, after.end,
                                            text[before.start:after.end], before.paragraph)
    return [chosen[i] for i in sorted(chosen)]


# A line under a quotation naming who said it ("“...”" / "- Ann Lee, Philadelphia."), as lists of
# quotations print it.
# Also on the quotation's own line, closing its paragraph ("“...” ― Ann Lee, Kessel"), the
# horizontal bar being the dash that marks a quotation's source.
_SIGNED = re.compile(r"[ \t\u00a0]*(?:\n\s*)?[-–—―]+[ \t\u00a0]*(?=[A-Z])")
_CAPITALIZED = re.compile(r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)*")


def _signed(text: str, quotes: list[Quote], names: Names) -> None:
    """Gives a quotation with no attribution of its own that ends its paragraph the name on a dash
    opening the next ("“...”" / "- Ann Lee, Philadelphia.": Ann Lee), the recognizer's name there or else its
    capitalized words."""
    for q in quotes:
        dash = _SIGNED.match(text, q.end)
        if dash is None or "\n" not in dash.group() and not _signs_its_line(text, dash.end()):
            continue
        at = dash.end()
        found = next((m for m in names.inside(at, at + 80) if m.start == at and m.kind in ("PERSON", "ORG", "NORP")), None)
        words = _CAPITALIZED.match(text, at)
        end = found.end if found is not None else words.end() if words is not None else at
        if found is None and end - at > 3 and text[end - 1] == "." and text[end - 3] != ".":
            end -= 1  # the stop ending the line, not an initial's ("Ann Lee." but "J.D.")
        if end > at and (found is not None or text[at:end].split()[0].lower() not in _SMALL_WORDS):
            # a line opening with an article is a heading, not a name ("- A view from the docks -")
            q.speaker = speaker(text, at, end, text[at:end].split()[-1], names, proper=True)


_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with".split())


# At most this many words in a signature on a quotation's own line ("― Ann Lee, mayor of Kessel").
_SIGNATURE_WORDS = 8


def _signs_its_line(text: str, at: int) -> bool:
    """Whether what follows a dash after a quotation on its own line is a signature: short, no
    reporting verb, and the paragraph ends with it ("“...” ― Ann Lee, Kessel" but not "“...” —
    Ann Lee said on Monday, ...")."""
    stop = text.find("\n", at)
    line = text[at:stop if stop >= 0 else len(text)]
    return len(_WORD.findall(line)) <= _SIGNATURE_WORDS and not has_cue(line) and not any(c in line for c in "“”\"")


def _title_case(words: str) -> bool:
    """Whether every word of a phrase but small ones opens with a capital (a title, a name), or
    none is a word."""
    found = [w for w in _WORD.findall(words) if w.lower() not in _SMALL_WORDS]
    return all(w[0].isupper() or w[0].isdigit() for w in found)


_SPEAKING_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})


def _said_of(text: str, sentences: list[Sentence], left: list[Quoted], docs: dict,
             names: Names, params: QuoteParams) -> list[Quote]:
    """Short quotations with no attribution inside what a verb says of something, when the verb's
    subject is someone who can speak (a name, a personal pronoun, an anonymous source): PolNeAR's
    broad attribution, the verb as its cue ("Trump blasted Disney for its “outrageous
    practices”")."""
    starts = [s.start for s in sentences]
    at = [(q, bisect.bisect_right(starts, q.start) - 1) for q in left]
    at = [(q, i) for q, i in at if i >= 0 and len(text[sentences[i].start:q.start].split()) >= 2]
    todo = sorted({i for _, i in at if i not in docs})
    parser = nlp.pipeline(COMPONENTS)
    for index, parsed in zip(todo, parser.pipe([sentences[i].text for i in todo], batch_size=params.batch)):
        docs[index] = parsed
    out = []
    for q, i in at:
        sent = sentences[i]
        if _title_case(text[q.start:q.end]):
            continue  # a title or a name ("the show “Fox & Friends”")
        found = said_in(docs[i], q.start - sent.start)
        if found is None:
            continue
        verb, subject, (lo, hi) = found
        s_lo = sent.start + subject.left_edge.idx
        s_hi = sent.start + subject.right_edge.idx + len(subject.right_edge.text)
        if not (subject.lower_ in _SPEAKING_PRONOUNS or subject.tag_ in ("NNP", "NNPS") or subject.lower_ in ANONYMOUS_NOUNS
                or any(m.kind in ("PERSON", "ORG", "NORP", "GPE") for m in names.inside(s_lo, s_hi))):
            continue
        start, end = min(sent.start + lo, q.start), max(sent.start + hi, q.end)
        cue = sent.start + verb.idx
        out.append(Quote(start, end, text[start:end], True, cue=TextSpan(cue, cue + len(verb.text), verb.text),
                         speaker=speaker(text, s_lo, s_hi, subject.text, names, subject.tag_ == "NNP"), sentence=i))
    return out


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


__all__ = ["find_quotes", "quotes_and_parses"]
