"""Statements: sentences that report what someone said rather than a happening.

A sentence is a statement when it is mostly a direct quotation (at least half its characters in
quotation marks), or when a reporting or stance verb heads its main clause over quote content
whose own head reports no happening ("Lee said the harbour would stay open", "Reyes warned that
talks could fail"; not "Lee said the harbour was closed on Monday"). A happening is a verb of no
reporting, stance, seeming or copula class in a past, perfect or passive form and not under a
modal. The timeline prefers, within a date, a candidate reporting a happening
(``Settings.statement_weight``): readers file statements as "not an event" far more often.

The quotes are the quote layer's (their content, cue and speaker spans); the sentence is parsed
here with spaCy's parser and lemmatizer, which the quote layer's own parse leaves out (a cue's
lemma comes from its form there), and only for the sentences a quote overlaps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Sequence

import numpy as np

from .cues import ACCORDING, OTHER_FORMS, PARTICLE_VERBS, SEEMING_VERBS, SPEECH_VERBS, STANCE_VERBS, cue_lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..model import Document

# Reporting verbs that say only that something was said or made known; the quote layer's other
# cue verbs take a stance or react (warn, urge, vow, accuse, condemn, praise, fear ...).
NEUTRAL = frozenset("""
say tell add announce state report confirm reveal explain note write declare describe testify reply respond tweet
cite indicate mention answer recount recall find show conclude estimate continue acknowledge admit read refer
""".split())
COPULA = frozenset({"be", "become", "remain", "seem", "appear", "look", "have", "do", "get"})
NOT_EVENT_VERBS = SPEECH_VERBS | STANCE_VERBS | SEEMING_VERBS | PARTICLE_VERBS | COPULA
PAST = frozenset({"VBD", "VBN"})
MOSTLY = 0.5  # share of a sentence's characters inside quotation marks for "mostly a direct quotation"

# A quote of a sentence, its spans relative to the sentence: {"start", "end", "direct", "cue":
# (start, end, text) or None, "speaker": (start, end, kind) or None}.
QuoteSpans = dict


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


def _event(tok: "Token") -> bool:
    """A happening: a verb of no reporting, stance, seeming or copula class, past or passive, no modal."""
    return (tok.pos_ == "VERB" and tok.tag_ in PAST and tok.lemma_.lower() not in NOT_EVENT_VERBS
            and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children))


def _main_clause(tok: "Token") -> list["Token"]:
    """A head and the verbs conjoined to it: what its clause reports."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))
    return out


def describe(text: str, quotes: Sequence[QuoteSpans], doc: "Doc") -> dict[str, float]:
    """What the quote layer and the parse ``doc`` (of ``text``, a sentence) say of a sentence with
    ``quotes`` (``quotes_in``): its shape, its cues' classes, its speakers' kinds, and where a
    happening is reported (named cues, booleans but for the shares)."""
    n = len(text)
    direct = _covered(n, [(q["start"], q["end"]) for q in quotes if q["direct"]])
    reported = _covered(n, [(q["start"], q["end"]) for q in quotes if not q["direct"]])
    content = direct | reported
    cues = [q["cue"] for q in quotes if q["cue"] is not None and 0 <= q["cue"][0] < n]
    cue_spans = _covered(n, [(c[0], c[1]) for c in cues])
    classes = {cue_class(c[2]) for c in cues}
    kinds = {q["speaker"][2] for q in quotes if q["speaker"] is not None and 0 <= q["speaker"][0] < n}

    def heads(mask: np.ndarray) -> list["Token"]:
        """The tokens inside ``mask`` whose head is outside it (each quote content's heads), with
        the verbs conjoined to them."""
        tops = [t for t in doc if t.idx < n and mask[t.idx] and (t.head is t or not mask[min(t.head.idx, n - 1)])]
        return [x for t in tops for x in _main_clause(t)]

    root = max(doc.sents, key=len).root
    main = [t for t in _main_clause(root) if not (t.idx < n and content[t.idx])]
    speech_root = root.lemma_.lower() in SPEECH_VERBS | STANCE_VERBS
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
        "event in content": any(_event(t) for t in inside),
        "event outside": any(_event(t) for t in outside),
        "event anywhere": any(_event(t) for t in doc),
        "main clause event": any(_event(t) for t in main),
        "main clause speech": speech_root and not (root.idx < n and content[root.idx]),
        "content head event": any(_event(t) for t in heads(content)),
        "content head modal": any(c.tag_ == "MD" or (c.dep_ == "aux" and c.lower_ == "to")
                                  for t in heads(content) for c in t.children),
    }


def statement(q: dict) -> bool:
    """Whether a described sentence (``describe``) is a statement: mostly a direct quotation, or a
    reporting or stance verb heading it over a quote whose content reports no happening."""
    return bool(q["mostly direct"] or (q["main clause speech"] and q["quoted"] and not q["content head event"]))


def statements(doc: "Document", batch: int = 64) -> list[int]:
    """The indexes of ``doc``'s statements among its sentences that a quote overlaps and, when its
    features are computed, that are candidate lines (dated, not refused): only those are parsed.
    A sentence mostly in quotation marks is one without a parse. Raises ``nlp.ModelUnavailable``."""
    from .. import nlp

    if not doc.quotes:
        return []
    wanted: Optional[set[int]] = None
    if doc.features:
        wanted = {f.sentence for f in doc.features if f.refused is None and f.date is not None}
    found, picked = [], []
    for sent in doc.sentences:
        if wanted is not None and sent.index not in wanted:
            continue
        quotes = quotes_in(doc, sent.start, sent.end)
        if not quotes:
            continue
        if _mostly_direct(len(sent.text), quotes):
            found.append(sent.index)  # a statement whatever its parse says
        else:
            picked.append((sent, quotes))
    if picked:
        parser = nlp.pipeline(nlp.PARSE)
        found += [sent.index for (sent, quotes), parsed in zip(picked, parser.pipe((s.text for s, _ in picked),
                                                                                    batch_size=batch))
                  if statement(describe(sent.text, quotes, parsed))]
    return sorted(found)


def _mostly_direct(n: int, quotes: Sequence[QuoteSpans]) -> bool:
    """Whether at least ``MOSTLY`` of a sentence of ``n`` characters is inside direct quotes (as ``describe``)."""
    direct = _covered(n, [(q["start"], q["end"]) for q in quotes if q["direct"]])
    return bool(n) and float(direct[:n].mean()) >= MOSTLY


__all__ = ["MOSTLY", "NEUTRAL", "cue_class", "describe", "quotes_in", "statement", "statements"]
