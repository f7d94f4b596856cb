"""Paragraph level: paragraphs found more than once, and who published each first.

A paragraph key seen more than once is wire copy shared across documents or a paragraph repeated
inside one, so that summaries and source counts can see it once while every occurrence stays
citable. These functions take occurrences however they were found (from signatures in memory, or
from the rows the store keeps of them) and say which occurrence came first, where each lies in
its document's text, and which repeat.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Optional

import numpy as np

from ..model import ParagraphCopy, SharedParagraph
from .signatures import Signature


@dataclass
class ParagraphOccurrences:
    """A paragraph key found more than once: (document, paragraph number) of each occurrence."""

    key: int
    occurrences: list[tuple[str, int]]

    @property
    def documents(self) -> list[str]:
        return list(dict.fromkeys(d for d, _ in self.occurrences))


def repeated_paragraphs(signatures: Iterable[Signature]) -> list[ParagraphOccurrences]:
    """Paragraphs found more than once: shared across documents or repeated inside one."""
    seen: dict[int, list[tuple[str, int]]] = {}
    for s in signatures:
        for key, index in zip(s.paragraphs["key"].tolist(), s.paragraphs["index"].tolist()):
            seen.setdefault(key, []).append((s.document, index))
    return [ParagraphOccurrences(k, sorted(v)) for k, v in seen.items() if len(v) > 1]


def paragraph_origins(occurrences: Iterable[ParagraphOccurrences], published: dict[str, Optional[dt.date]],
                      source: dict[str, str]) -> tuple[dict[str, dict[int, str]], dict[str, set[int]]]:
    """For each document, which of its paragraphs another source published first, and which repeat.

    Returns ``(copied, repeats)``: ``copied[doc][paragraph]`` is the source key (duplicate
    group, else document) of the earliest publication of that paragraph when it is not
    ``doc``'s own source; ``repeats[doc]`` the paragraphs that repeat an earlier paragraph of
    the same document. The first publication is the earliest dated occurrence (undated last,
    then by document id), so counting sources counts wire copy once.
    """
    copied: dict[str, dict[int, str]] = {}
    repeats: dict[str, set[int]] = {}
    for occ in occurrences:
        items = _first_published_first(occ, published)
        origin = source.get(items[0][0], items[0][0])
        first_in_doc: dict[str, int] = {}
        for doc, index in items:
            if doc in first_in_doc:
                repeats.setdefault(doc, set()).add(index)
                continue
            first_in_doc[doc] = index
            own = source.get(doc, doc)
            if own != origin:
                copied.setdefault(doc, {})[index] = origin
    return copied, repeats


def _first_published_first(occ: ParagraphOccurrences, published: dict[str, Optional[dt.date]]) -> list[tuple[str, int]]:
    """The occurrences, earliest publication first (undated last, then by document and paragraph)."""
    return sorted(occ.occurrences, key=lambda o: (published.get(o[0]) is None, published.get(o[0]) or dt.date.min,
                                                  o[0], o[1]))


def paragraph_copies(occurrences: Iterable[ParagraphOccurrences], published: dict[str, Optional[dt.date]],
                     source: dict[str, str], texts: dict[str, str]) -> list[SharedParagraph]:
    """The paragraphs found more than once as ``SharedParagraph``s, most sources first.

    Each occurrence gets its span in its document's clean text (``texts``; (0, 0) for a document
    whose text is not given); the paragraph's text is that of the first publication, and
    ``sources`` counts source keys (``source``: duplicate group, else document) once.
    """
    from ..sentences import paragraphs as spans

    span_cache: dict[str, list[tuple[int, int]]] = {}
    out = []
    for occ in occurrences:
        copies = []
        for doc, idx in _first_published_first(occ, published):
            if doc in texts and doc not in span_cache:
                span_cache[doc] = spans(texts[doc])
            start, end = span_cache[doc][idx] if doc in span_cache and idx < len(span_cache[doc]) else (0, 0)
            copies.append(ParagraphCopy(doc, idx, start, end))
        first = copies[0]
        text = texts[first.document][first.start:first.end] if first.document in texts else ""
        out.append(SharedParagraph(key=f"{occ.key & 0xFFFFFFFFFFFFFFFF:016x}", text=text, occurrences=copies,
                                   documents=len({c.document for c in copies}),
                                   sources=len({source.get(c.document, c.document) for c in copies})))
    out.sort(key=lambda p: (-p.sources, -p.documents, p.key))
    return out


def with_keys(paragraphs: np.ndarray, keys: Iterable[int]) -> list[tuple[int, int]]:
    """``(paragraph number, key)`` of the keyed paragraphs (``PARAGRAPH_DTYPE``) whose key is one of
    ``keys`` (the full 64-bit key: what a 32-bit posting only suggested)."""
    hit = np.isin(paragraphs["key"], np.fromiter(keys, np.int64))
    return list(zip(paragraphs["index"][hit].tolist(), paragraphs["key"][hit].tolist()))
