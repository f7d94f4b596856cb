"""Sentence segmentation with character spans into the clean text.

syntok does the splitting (it knows abbreviations such as "Dec." and "U.S."); this module
only keeps paragraphs apart and joins fragments that syntok cuts off before a dash, as in
the dateline "TOKYO (AP) — ...", so every sentence is a span of the document's text.
"""

from __future__ import annotations

import re

import syntok.segmenter as segmenter

from .model import Sentence

_PARAGRAPH = re.compile(r"\n\s*\n")
# Where a sentence could end inside a paragraph; paragraphs without one skip the segmenter,
# which is the slow part of the pipeline on text already laid out a sentence per paragraph.
_MAYBE_BOUNDARY = re.compile(r"[.!?…][\"'”’)\]]*\s+\S|\n")
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs of a clean text (blank-line separated)."""
    spans = []
    pos = 0
    for match in _PARAGRAPH.finditer(text):
        if text[pos:match.start()].strip():
            spans.append((pos, match.start()))
        pos = match.end()
    if text[pos:].strip():
        spans.append((pos, len(text)))
    return spans


def split(text: str, document: str = "") -> list[Sentence]:
    """Split a clean text into sentences, each with its span and paragraph number."""
    out: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(paragraphs(text)):
        chunk = text[p_start:p_end]
        spans: list[list[int]] = []
        if not _MAYBE_BOUNDARY.search(chunk):
            spans.append([0, len(chunk)])  # one sentence: no end mark followed by more text
        for para in (segmenter.analyze(chunk) if not spans else ()):
            for sent in para:
                if not sent:
                    continue
                start = sent[0].offset
                end = sent[-1].offset + len(sent[-1].value)
                if spans and not _TERMINAL.search(chunk[spans[-1][0]:spans[-1][1]]):
                    spans[-1][1] = end  # a fragment without an end mark belongs to what follows
                else:
                    spans.append([start, end])
        for start, end in spans:
            body = chunk[start:end]
            lead = len(body) - len(body.lstrip())
            body = body.strip()
            if not body:
                continue
            s = p_start + start + lead
            out.append(Sentence(document=document, index=len(out), start=s, end=s + len(body),
                                text=body, paragraph=number))
    return out
