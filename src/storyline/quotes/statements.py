"""Statements: sentences that report what someone said rather than a happening.

A sentence is a statement when it is mostly a direct quotation (at least half its characters in
quotation marks), or when a reporting or stance verb heads its main clause over quote content
whose own head reports no happening ("Lee said the harbour would stay open", "Reyes warned that
talks could fail"; not "Lee said the harbour was closed on Monday"). A happening is a verb of no
reporting, stance, seeming or copula class in a past, perfect or passive form and not under a
modal. The timeline prefers, within a date, a candidate reporting a happening
(``Settings.statement_weight``): readers file statements as "not an event" far more often.

The quotes are the quote layer's (their content, cue and speaker spans), and so is the parse: the
quote layer parses the sentences with a cue word (fine tags and dependencies, no lemmatizer), which
are nearly all the sentences a quote overlaps; only the others are parsed here. A verb is read by
its tag and its class by its form (:class:`QuoteParse`), which classes the nine read topics' quoted
candidates as spaCy's lemmatizer does but for 5 in 43,834 (``docs/benchmarks.md``). Written here:
no library classes a sentence's report this way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, Optional, Sequence

import numpy as np

from ..config import DEFAULT_QUOTES
from .cues import ACCORDING, FORMS, OTHER_FORMS, SPEECH_VERBS, STANCE_VERBS, cue_lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..model import Document

# Reporting verbs that say only that something was said or made known; the quote layer's other
# cue verbs take a stance or react (warn, urge, vow, accuse, condemn, praise, fear ...).
NEUTRAL = frozenset("""
say tell add announce state report confirm reveal explain note write declare describe testify reply respond tweet
cite indicate mention answer recount recall find show conclude estimate continue acknowledge admit read refer
""".split())
PAST = frozenset({"VBD", "VBN"})
MOSTLY = 0.5  # share of a sentence's characters inside quotation marks for "mostly a direct quotation"

# The forms of the copula-like verbs (be, become, remain, look, have, do, get): never a happening.
COPULA_FORMS = frozenset("""
be is am are was were been being 's 're 'm ’s ’re ’m become becomes became becoming remain remains remained
remaining look looks looked looking have has had having 've 'd ’ve ’d do does did done doing get gets got gotten
getting
""".split())
# Be is read as an auxiliary wherever it stands (a parse making it a main verb changes no class: be
# is a copula, never a happening); any other verb where it is an auxiliary dependency ("has said",
# "got arrested").
BE_FORMS = frozenset("be is am are was were been being 's 're 'm ’s ’re ’m".split())
# The lemma of a reporting, stance, seeming or particle verb's form: the quote layer's table.
VERB_FORMS: dict[str, str] = {**OTHER_FORMS, **FORMS}
_SPEAKING = SPEECH_VERBS | STANCE_VERBS

# A quote of a sentence, its spans relative to the sentence: {"start", "end", "direct", "cue":
# (start, end, text) or None, "speaker": (start, end, kind) or None}.
QuoteSpans = dict


class QuoteParse:
    """Reads a token of the quote layer's parse (``quotes.attribution.COMPONENTS``: fine tags,
    dependencies and forms, no coarse POS or lemmas): a verb by its VB* tag, not an auxiliary
    (``BE_FORMS``), and a verb's class by its form (``VERB_FORMS``, ``COPULA_FORMS``)."""

    @staticmethod
    def auxiliary(tok: "Token") -> bool:
        return tok.tag_ == "MD" or tok.lower_ in BE_FORMS or tok.dep_ in ("aux", "auxpass")

    @staticmethod
    def verb(tok: "Token") -> bool:
        return tok.tag_.startswith("VB") and not QuoteParse.auxiliary(tok)

    @staticmethod
    def verbal(tok: "Token") -> bool:
        return tok.tag_.startswith("VB") or tok.tag_ == "MD"

    @staticmethod
    def not_event_verb(tok: "Token") -> bool:
        return tok.lower_ in VERB_FORMS or tok.lower_ in COPULA_FORMS

    @staticmethod
    def speech(tok: "Token") -> bool:
        return VERB_FORMS.get(tok.lower_, "") in _SPEAKING


def _covered(n: int, spans: list[tuple[int, int]]) -> np.ndarray:
    mask = np.zeros(max(n, 1), dtype=bool)
    for a, b in spans:
        mask[max(a, 0):max(min(b, n), 0)] = True
    return mask


def cue_class(word: str) -> str:
    """A cue word's class: neutral report, stance or reaction, "according to", or other."""
    if word.lower().startswith(ACCORDING):
        return "according"
    lemma = cue_lemma(word.split()[-1]) if word.split() else ""
    if not lemma:
        return "other"
    if lemma in NEUTRAL:
        return "neutral"
    if lemma in OTHER_FORMS.values():
        return "other"
    return "stance"


def quotes_in(doc: "Document", start: int, end: int) -> list[QuoteSpans]:
    """The quotes of ``doc`` that overlap its text from ``start`` to ``end`` (a sentence), their
    spans made relative to ``start``."""
    out = []
    for q in doc.quotes or []:
        if q.start < end and q.end > start:
            out.append({"start": q.start - start, "end": q.end - start, "direct": q.direct,
                        "cue": (q.cue.start - start, q.cue.end - start, q.cue.text) if q.cue else None,
                        "speaker": ((q.speaker.start - start, q.speaker.end - start, q.speaker.kind)
                                    if q.speaker else None)})
    return out


def describe(text: str, quotes: Sequence[QuoteSpans], doc: "Doc", read: Any = QuoteParse) -> dict[str, float]:
    """What the quote layer and the parse ``doc`` (of ``text``, a sentence, its tokens read by
    ``read``) say of a sentence with ``quotes`` (``quotes_in``): its shape, its cues' classes, its
    speakers' kinds, and where a happening is reported (named cues, booleans but for the shares).
    ``read``: :class:`QuoteParse` or a class with the same static methods."""
    n = len(text)
    direct = _covered(n, [(q["start"], q["end"]) for q in quotes if q["direct"]])
    reported = _covered(n, [(q["start"], q["end"]) for q in quotes if not q["direct"]])
    content = direct | reported
    cues = [q["cue"] for q in quotes if q["cue"] is not None and 0 <= q["cue"][0] < n]
    cue_spans = _covered(n, [(c[0], c[1]) for c in cues])
    classes = {cue_class(c[2]) for c in cues}
    kinds = {q["speaker"][2] for q in quotes if q["speaker"] is not None and 0 <= q["speaker"][0] < n}

    def event(tok: "Token") -> bool:
        return (read.verb(tok) and tok.tag_ in PAST and not read.not_event_verb(tok)
                and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children))

    def main_clause(tok: "Token") -> list["Token"]:
        """A head and the verbs conjoined to it: what its clause reports."""
        out, todo = [], [tok]
        while todo:
            t = todo.pop()
            out.append(t)
            todo.extend(c for c in t.children if c.dep_ == "conj" and read.verbal(c))
        return out

    def heads(mask: np.ndarray) -> list["Token"]:
        """The tokens inside ``mask`` whose head is outside it (each quote content's heads), with
        the verbs conjoined to them."""
        tops = [t for t in doc if t.idx < n and mask[t.idx] and (t.head is t or not mask[min(t.head.idx, n - 1)])]
        return [x for t in tops for x in main_clause(t)]

    root = max(doc.sents, key=len).root
    main = [t for t in main_clause(root) if not (t.idx < n and content[t.idx])]
    content_heads = heads(content)
    inside = [t for t in doc if t.idx < n and content[t.idx]]
    outside = [t for t in doc if t.idx < n and not content[t.idx] and not cue_spans[t.idx]]
    share_direct = float(direct[:n].mean()) if n else 0.0
    share = float(content[:n].mean()) if n else 0.0
    return {
        "quoted": bool(quotes), "direct": any(x["direct"] for x in quotes),
        "reported": any(not x["direct"] for x in quotes),
        "mostly direct": share_direct >= MOSTLY, "direct share": share_direct,
        "content share": share, "cue in sentence": bool(cues),
        "cue neutral": "neutral" in classes, "cue stance": "stance" in classes,
        "cue according": "according" in classes,
        "speaker named": "named" in kinds, "speaker pronoun": "pronoun" in kinds,
        "speaker anonymous": "anonymous" in kinds, "speaker other": "other" in kinds,
        "no speaker": bool(quotes) and not kinds,
        "event in content": any(event(t) for t in inside),
        "event outside": any(event(t) for t in outside),
        "event anywhere": any(event(t) for t in doc),
        "main clause event": any(event(t) for t in main),
        "main clause speech": read.speech(root) and not (root.idx < n and content[root.idx]),
        "content head event": any(event(t) for t in content_heads),
        "content head modal": any(c.tag_ == "MD" or (c.dep_ == "aux" and c.lower_ == "to")
                                  for t in content_heads for c in t.children),
    }


def statement(q: Mapping[str, float]) -> bool:
    """Whether a described sentence (``describe``) is a statement: mostly a direct quotation, or a
    reporting or stance verb heading it over a quote whose content reports no happening."""
    return bool(q["mostly direct"] or (q["main clause speech"] and q["quoted"] and not q["content head event"]))


def statements(doc: "Document", parses: Optional[Mapping[int, "Doc"]] = None,
               batch: int = DEFAULT_QUOTES.batch) -> list[int]:
    """The indexes of ``doc``'s statements among its sentences that a quote overlaps and, when its
    features are computed, that are candidate lines (dated, not refused). ``parses``: the quote
    layer's parses by sentence index (``quotes.quotes_and_parses``); one is used where it is of the
    sentence's text alone, the other sentences are parsed here. A sentence mostly in quotation
    marks is one without a parse. Raises ``nlp.ModelUnavailable``."""
    from .. import nlp
    from .attribution import COMPONENTS

    if not doc.quotes:
        return []
    wanted: Optional[set[int]] = None
    if doc.features:
        wanted = {f.sentence for f in doc.features if f.refused is None and f.date is not None}
    parses = {} if parses is None else parses
    found: list[int] = []
    todo: list[tuple[int, str, list[QuoteSpans]]] = []
    for sent in doc.sentences:
        if wanted is not None and sent.index not in wanted:
            continue
        quotes = quotes_in(doc, sent.start, sent.end)
        if not quotes:
            continue
        parsed = parses.get(sent.index)
        if _mostly_direct(len(sent.text), quotes):
            found.append(sent.index)  # a statement whatever its parse says
        elif parsed is not None and parsed.text == sent.text:
            if statement(describe(sent.text, quotes, parsed)):
                found.append(sent.index)
        else:
            todo.append((sent.index, sent.text, quotes))
    if todo:
        parser = nlp.pipeline(COMPONENTS)
        found += [index for (index, text, quotes), parsed in zip(todo, parser.pipe((t for _, t, _ in todo),
                                                                                   batch_size=batch))
                  if statement(describe(text, quotes, parsed))]
    return sorted(found)


def _mostly_direct(n: int, quotes: Sequence[QuoteSpans]) -> bool:
    """Whether at least ``MOSTLY`` of a sentence of ``n`` characters is inside direct quotes (as ``describe``)."""
    direct = _covered(n, [(q["start"], q["end"]) for q in quotes if q["direct"]])
    return bool(n) and float(direct[:n].mean()) >= MOSTLY


__all__ = ["MOSTLY", "NEUTRAL", "QuoteParse", "cue_class", "describe", "quotes_in", "statement", "statements"]
