"""Sentence segmentation with character spans into the clean text.

syntok does the splitting (it knows abbreviations such as "Dec." and "U.S."); this module
only keeps paragraphs apart and joins fragments that syntok cuts off before a dash, as in
the dateline "TOKYO (AP) — ...", so every sentence is a span of the document's text.

syntok tokenizes and walks every word, which made it the slowest stage of a build. Its
decisions look only at the tokens next to a sentence mark (and after an opening bracket, up to
the bracket that closes it, at most 50 tokens on), and its tokenizer reads each
whitespace-separated run alone, so ``_reduced`` hands
it a paragraph without the runs of plain words far from any mark: the same boundaries, at the
same places once mapped back (checked against the whole paragraph on real text by
``benchmarks/scale/cpu_per_doc.py --check-sentences``). This reduction is ours; no library
does it. Its tokenizer runs a regular expression over every run and builds its tokens in
generators; ``_tokens`` gives a run of ASCII letters and digits (and the marks after it) its
tokens directly and hands every other run to syntok's own steps: the same tokens.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterator

import syntok.segmenter as segmenter
from syntok.tokenizer import Token, Tokenizer

from .model import Sentence

_PARAGRAPH = re.compile(r"\n\s*\n")
# Where a sentence could end inside a paragraph; paragraphs without one skip the segmenter,
# which is the slow part of the pipeline on text already laid out a sentence per paragraph.
_MAYBE_BOUNDARY = re.compile(r"[.!?…][\"'”’)\]]*\s+\S|\n")
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")

# syntok's tokenizer splits text into runs at whitespace (its ``Tokenizer._spaces``: the regex
# module's \s and the zero-width space) and tokenizes each run alone. The regex module's classes
# are written out for the standard library's engine, which finds them three times faster
# (``tests/test_sentences.py`` compares both on every code point).
_SPACES = r"\u0009-\u000d\u0020\u0085\u00a0\u1680\u2000-\u200b\u2028-\u2029\u202f\u205f\u3000"
_SPACE, _RUN = f"[{_SPACES}]", f"[^{_SPACES}]"
# The regex module's \p{Ps} and \p{Pe} (opening and closing punctuation).
_PS_PE = (r"\u0028-\u0029\u005b\u005d\u007b\u007d\u0f3a-\u0f3d\u169b-\u169c\u201a\u201e\u2045-\u2046\u207d-\u207e"
          r"\u208d-\u208e\u2308-\u230b\u2329-\u232a\u2768-\u2775\u27c5-\u27c6\u27e6-\u27ef\u2983-\u2998\u29d8-\u29db"
          r"\u29fc-\u29fd\u2e22-\u2e29\u2e42\u2e55-\u2e5c\u2e62-\u2e63\u3008-\u3011\u3014-\u301b\u301d-\u301f"
          r"\ufd3e-\ufd3f\ufe17-\ufe18\ufe35-\ufe44\ufe47-\ufe48\ufe59-\ufe5e\uff08-\uff09\uff3b\uff3d\uff5b\uff5d"
          r"\uff5f-\uff60\uff62-\uff63")
# What syntok acts on by itself: a sentence mark or a bracket (its tokenizer splits off every
# bracket). A run without one is only moved past, unless it is next to one.
_MARK = re.compile("[" + re.escape("".join(sorted(c for c in segmenter.State.terminals if len(c) == 1)))
                   + _PS_PE + re.escape("".join(sorted(segmenter.State.opening_brackets
                                                       | segmenter.State.closing_brackets))) + "]")
_OPENING = segmenter.State.opening_brackets
_BRACKET = re.compile("[" + re.escape("".join(sorted(_OPENING | segmenter.State.closing_brackets))) + "]")
_IN_RUN = re.compile(f"{_RUN}*")
# Runs kept around a mark: syntok reads the token before a mark and the token after it and the
# marks that follow (each in a run kept for its own mark); once it has split, the token after
# the next one only matters when it is a mark, whose run before is kept. After an opening
# bracket it scans up to 50 tokens for the closing one (each run is a token or more, so as many
# runs cover them; ``_bracket_end`` stops at that bracket). A paragraph's first and last runs
# are kept too.
_BEFORE, _AFTER, _AFTER_BRACKET, _HEAD, _TAIL = 1, 1, 55, 3, 2


# A run syntok's tokenizer leaves whole (its sub-split needs a lower-case letter before a capital,
# an apostrophe, a bracket, "..." or a comma, semicolon, underscore or hyphen inside a word):
# ASCII letters and digits with no lower-case letter before a capital (group 1), then the rest
# of the run (group 2); ``_tokens`` checks that the rest holds no letter or digit, which syntok
# splits off one character a token.
_PLAIN_RUN = re.compile(f"(?={_RUN})([A-Z0-9]*[a-z0-9]*)({_RUN}*)")
_TOKENIZER = Tokenizer(replace_not_contraction=False)  # as ``segmenter.analyze`` makes it


def _tokens(text: str, base_offset: int = 0) -> Iterator[Token]:
    """``Tokenizer(replace_not_contraction=False).tokenize(text, base_offset)``: the same tokens,
    a plain word's without syntok's sub-split (its regular expression and generators), which is
    most of the tokenizer's time."""
    if base_offset > 0:
        text = " " * base_offset + text
    offset = base_offset
    for mo in _PLAIN_RUN.finditer(text):
        word, tail = mo.groups()
        at = mo.start()
        if word and (not tail or not any(map(str.isalnum, tail))):
            yield Token(text[offset:at], word, at)
            if tail:
                end = at + len(word)
                if tail.startswith("..."):
                    yield Token("", "...", end)
                    tail, end = tail[3:], end + 3
                for i, c in enumerate(tail):
                    yield Token("", c, end + i)
        else:  # syntok's own steps for this run
            start = Tokenizer._find_start(at, mo.end(), text)
            if start == mo.end():
                yield Token(text[offset:at], mo.group(), at)
            else:
                end = Tokenizer._find_end(start, mo.end(), text)
                if start > at:
                    offset = yield from Tokenizer._split_nonword_prefix(mo, offset, start, text)
                if start != end:
                    yield from _TOKENIZER._split_word(text[offset:start], text[start:end], start)
                tail = text[end:mo.end()]
                if tail.startswith("..."):
                    yield Token("", "...", end)
                    end += 3
                    tail = tail[3:]
                yield from [Token("", c, idx + end) for idx, c in enumerate(tail)]
        offset = mo.end()
    if offset < len(text):
        yield Token(text[offset:], "", len(text))


def _analyze(text: str) -> Iterator[Iterator[list[Token]]]:
    """``segmenter.analyze(text)`` with ``_tokens`` for its tokenizer."""
    for offset, paragraph in segmenter.preprocess_with_offsets(text):
        yield segmenter.segment(_tokens(paragraph, offset))


def _runs_ahead(n: int) -> re.Pattern:
    """From inside a run: the rest of it and the ``n`` runs after it."""
    return re.compile(f"{_RUN}*(?:{_SPACE}+{_RUN}+){{0,{n}}}")


def _runs_behind(n: int) -> re.Pattern:
    """On the reversed text, from inside a run: the rest of it, the ``n`` runs before it and the
    whitespace before those."""
    return re.compile(f"{_RUN}*(?:{_SPACE}+{_RUN}+){{0,{n}}}{_SPACE}*")


_AHEAD, _AHEAD_BRACKET, _BEHIND = _runs_ahead(_AFTER), _runs_ahead(_AFTER_BRACKET), _runs_behind(_BEFORE)
_FIRST = re.compile(f"{_SPACE}*{_RUN}+(?:{_SPACE}+{_RUN}+){{0,{_HEAD - 1}}}")
_LAST = re.compile(f"{_SPACE}*{_RUN}+(?:{_SPACE}+{_RUN}+){{0,{_TAIL - 1}}}{_SPACE}*")


def _bracket_token(chunk: str, backwards: str, at: int) -> bool:
    """Whether syntok's tokenizer makes the bracket at ``at`` a token of its own, as it does in a
    run of that one character or a run holding a letter or digit (a run of symbols only, such
    as ")." or "()", is one token)."""
    size = len(chunk)
    start = at - (_IN_RUN.match(backwards, size - at).end() - (size - at))  # type: ignore[union-attr]
    end = _IN_RUN.match(chunk, at).end()  # type: ignore[union-attr]
    return end - start == 1 or any(c.isalnum() for c in chunk[start:end])


def _bracket_end(chunk: str, backwards: str, at: int) -> int:
    """How far syntok may read after the opening bracket at ``at``: it looks for the bracket that
    closes it (counting the brackets that are tokens, nested ones too) at most 50 tokens on, and
    reads on from there as after any mark. So: to that bracket when it is within the runs kept
    after an opening bracket (and at least as far as after any mark), else all those runs."""
    limit = _AHEAD_BRACKET.match(chunk, at).end()  # type: ignore[union-attr]
    if not _bracket_token(chunk, backwards, at):
        return limit
    depth = 0
    for bracket in _BRACKET.finditer(chunk, at, limit):
        if _bracket_token(chunk, backwards, bracket.start()):
            depth += 1 if bracket.group() in _OPENING else -1
            if depth == 0:
                return max(_AHEAD.match(chunk, at).end(), bracket.end())  # type: ignore[union-attr]
    return limit


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


def _reduced(chunk: str) -> tuple[str, list[int], list[int]]:
    """``chunk`` without the runs of words syntok would only move past, and where each kept
    piece starts in the reduced text and in ``chunk`` (pieces start with the whitespace before
    their first run, so no two runs are joined)."""
    size = len(chunk)
    first = _FIRST.match(chunk)
    if first is None:  # whitespace only
        return chunk, [0], [0]
    backwards = chunk[::-1]
    spans = [(0, first.end())]
    for mark in _MARK.finditer(chunk):
        at = mark.start()
        behind = _BEHIND.match(backwards, size - at)
        assert behind is not None  # every part of it is optional
        if mark.group() in _OPENING:
            spans.append((size - behind.end(), _bracket_end(chunk, backwards, at)))
        else:
            spans.append((size - behind.end(), _AHEAD.match(chunk, at).end()))  # type: ignore[union-attr]
    spans.append((size - _LAST.match(backwards).end(), size))  # type: ignore[union-attr]  # a run exists
    spans.sort()
    pieces: list[str] = []
    reduced_at: list[int] = []
    chunk_at: list[int] = []
    start, end = spans[0]
    length = 0
    for lo, hi in spans[1:] + [(size + 1, size + 1)]:
        if lo <= end:
            end = max(end, hi)
            continue
        pieces.append(chunk[start:end])
        reduced_at.append(length)
        chunk_at.append(start)
        length += end - start
        start, end = lo, hi
    return "".join(pieces), reduced_at, chunk_at


def boundaries(chunk: str, whole: bool = False) -> list[tuple[int, int]]:
    """syntok's sentences of one paragraph as (start, end) offsets into it, found on the
    paragraph without the runs syntok only moves past (``whole``: on all of it)."""
    text, reduced_at, chunk_at = (chunk, [0], [0]) if whole else _reduced(chunk)

    def back(offset: int) -> int:
        k = bisect.bisect_right(reduced_at, offset) - 1
        return chunk_at[k] + offset - reduced_at[k]

    out = []
    for para in segmenter.analyze(text) if whole else _analyze(text):
        for sent in para:
            if sent:
                last = sent[-1]
                out.append((back(sent[0].offset), back(last.offset + len(last.value) - 1) + 1 if last.value
                            else back(last.offset)))
    return out


def split(text: str, document: str = "") -> list[Sentence]:
    """Split a clean text into sentences, each with its span and paragraph number."""
    out: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(paragraphs(text)):
        chunk = text[p_start:p_end]
        spans: list[list[int]] = []
        if not _MAYBE_BOUNDARY.search(chunk):
            spans.append([0, len(chunk)])  # one sentence: no end mark followed by more text
        for start, end in (boundaries(chunk) if not spans else ()):
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
