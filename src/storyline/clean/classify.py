"""Judging each line on its own and by its neighbours.

``strong_reason`` gives a line the kind that holds wherever it stands (a copyright notice,
a share bar, a photo credit) or a pending state for kinds whose meaning depends on the
line's place (a date line, an agency name); captions are found next to photo credits and
repeats against the lines before them. The lengths and shares are ``CleanParams``' (a line's
own, ``line.params``, for the judgements of one line).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from ..config import DEFAULT_CLEAN, CleanParams
from ..model import Removed
from .lexicon import FILLER_WORDS, SECTION_WORDS, SHARE_CORE, SHARE_WORDS, STOP_WORDS, UI_WORDS
from .lines import Line
from .metadata import agency_of, parse_meta
from .patterns import (AD_MARKER, AGENCY_LINE, BULLET, BULLET_OUTLET, CAPTION_CUE, CAPTION_STRONG,
                       COMMENT_AUTHOR, COMMENTS, CONTACT_FIELD, CONTRIBUTOR, COPYRIGHT, DETERMINER_BEFORE, INLINE_LINK,
                       INNER_SENTENCE_END, NEWS_SENTENCE, PHOTO_CREDIT, RELATED, REPORTED, SEPARATOR,
                       SHARE_FIELDS, SHARE_PREFIX, SITE_NOTICE, SOURCE_LINE, SPONSORED, SUBSCRIPTION,
                       TERMINAL, TIMESTAMP, TRAILING_PAREN, UI_PHRASE, WORD)
from .reasons import Pending, Reason

# The words a menu line is made of.
MENU_WORDS = UI_WORDS | SECTION_WORDS
# The parts of a word the vocabulary tests look up: split at hyphens and slashes.
_WORD_PARTS = re.compile(r"[-/]")


def _parts(word: str) -> list[str]:
    """``word`` split at hyphens and slashes (most words hold neither: no split is run)."""
    return _WORD_PARTS.split(word) if "-" in word or "/" in word else [word]


def _site_notice(text: str, params: CleanParams = DEFAULT_CLEAN, folded: Optional[str] = None) -> bool:
    """A contact block (two of telephone, fax, e-mail) or the site's legal notice."""
    if ":" in text and len({m.group(1).lower().replace("-", "")[:3]
                            for m in CONTACT_FIELD.finditer(text)}) >= params.contact_min_fields:
        return True
    return SITE_NOTICE.search(text, folded) is not None


def _vocabulary_only(line: Line, vocabulary: frozenset, core: frozenset) -> bool:
    """Every word is from ``vocabulary`` (or filler) and at least one from ``core``."""
    hits = 0
    for word in line.lower:
        parts = [p for p in _parts(word) if p and not p.isdigit()]
        if all(p in vocabulary or p in FILLER_WORDS for p in parts):
            hits += any(p in core for p in parts)
        else:
            return False
    return hits > 0


def _mostly_share_services(line: Line) -> bool:
    """"Teilen: Facebook | X | E-Mail | Drucken": two or more services, few other words."""
    words = [w for w in line.lower if w not in FILLER_WORDS]
    core = sum(1 for w in words if w in SHARE_CORE)
    known = sum(1 for w in words if w in SHARE_WORDS)
    return core >= line.params.share_min_services and known >= line.params.share_known_share * len(words)


def _is_navigation(line: Line) -> bool:
    if line.ends_sentence or line.n == 0:
        return False
    p = line.params
    if line.n <= p.menu_max_words and _vocabulary_only(line, MENU_WORDS, MENU_WORDS):
        return True
    if line.n >= p.icon_run_min_words:  # a run of icon names or menu entries
        ui = sum(all(part in UI_WORDS or part.isdigit() for part in _parts(w) if part) for w in line.lower)
        hyphenated = sum("-" in w for w in line.lower)
        if ui / line.n >= p.icon_ui_share or (hyphenated / line.n >= p.icon_hyphen_share
                                              and line.stop_ratio < p.menu_stop_share):
            return True
        if line.stop_ratio < p.menu_stop_share and not any(ch in line.text for ch in ",;"):
            return True
    return False


def _photo_credit(text: str, params: CleanParams = DEFAULT_CLEAN, folded: Optional[str] = None,
                  words: Optional[list[str]] = None) -> bool:
    """A short credit line ("Photo: Name / Agency", "AP Photo/Name", "Getty Images"); ``words``
    are ``text``'s when already found (its length is tested before the pattern)."""
    words = WORD.findall(text) if words is None else words
    if not 0 < len(words) <= params.credit_max_words or not PHOTO_CREDIT.search(text, folded):
        return False
    stop_ratio = sum(w.lower() in STOP_WORDS for w in words) / len(words)
    return stop_ratio < params.credit_stop_share or not TERMINAL.search(text)


def strong_reason(line: Line) -> None:
    """Reasons that hold wherever the line stands; sets ``line.reason`` (and ``meta``)."""
    text = line.text
    lower = text.lower().strip(" :»›>")
    folded = text.casefold()  # holds the casefolded ``lower`` too: the keys of every gated pattern
    p = line.params
    if SEPARATOR.match(text):
        line.reason = Reason.BOILERPLATE
    elif line.n <= p.copyright_max_words and COPYRIGHT.search(text, folded):
        line.reason = Reason.COPYRIGHT
    elif line.n <= p.contributor_max_words and CONTRIBUTOR.search(text, folded):
        line.reason = Reason.CONTRIBUTOR
    elif line.n <= p.subscription_max_words and SUBSCRIPTION.search(text, folded):
        line.reason = Reason.SUBSCRIPTION
    elif AD_MARKER.match(lower):
        line.reason, line.soft = Reason.SPONSORED, True
    elif SPONSORED.match(lower):
        line.reason = Reason.SPONSORED
    elif line.n <= p.inline_link_max_words and INLINE_LINK.match(lower):
        line.reason, line.soft = Reason.RELATED, True
    elif ((line.n <= p.related_max_words and RELATED.match(lower))
          or (text.rstrip().endswith(("»", "›")) and line.n <= p.related_arrow_max_words)):
        line.reason = Reason.RELATED
    elif COMMENTS.match(lower, folded) or (":" in lower and COMMENT_AUTHOR.match(lower, folded)):
        line.reason = Pending.COMMENTS
    elif TIMESTAMP.match(lower):
        line.reason = Pending.TIMESTAMP
    elif (":" in text and len(SHARE_FIELDS.findall(text, folded)) >= p.share_min_fields) or (
            line.n <= p.share_max_words and (SHARE_PREFIX.match(text) or _vocabulary_only(line, SHARE_WORDS, SHARE_CORE)
                                             or _mostly_share_services(line))):
        line.reason = Reason.SHARE
    elif UI_PHRASE.match(lower) or _site_notice(text, p, folded):
        line.reason = Reason.BOILERPLATE
    elif _is_navigation(line) and not (line.n <= p.meta_max_words and parse_meta(text, p)):
        line.reason = Reason.NAVIGATION
    elif _photo_credit(text, p, folded, line.words):
        line.reason = Reason.PHOTO_CREDIT
    elif SOURCE_LINE.match(lower):
        line.reason = Reason.SOURCE
        line.meta = {"source": agency_of(text.split(":", 1)[-1])} if ":" in text else {}
    else:
        _header_line(line, folded)


def _agency_line_max_words() -> int:
    """The most words a line ``AGENCY_LINE`` matches can hold: its name part has at most the
    characters its ``{2,N}`` allows (so at most half of them words, rounded up: a word is followed
    by a character no word holds) and one label word may come before it ("Source:"). The
    pattern is not tried on longer lines."""
    name_chars = re.search(r"\{2,(\d+)\}", AGENCY_LINE.pattern)
    assert name_chars is not None
    return (int(name_chars.group(1)) + 1) // 2 + 1


AGENCY_LINE_MAX_WORDS = _agency_line_max_words()


def _header_line(line: Line, folded: str) -> None:
    """An agency, outlet, byline or date line (pending until its zone is known), else a caption."""
    text = line.text
    agency_match = AGENCY_LINE.match(BULLET.sub("", text)) if len(line.words) <= AGENCY_LINE_MAX_WORDS else None
    if agency_match and agency_of(agency_match.group(1)):
        line.reason = Pending.AGENCY
        line.meta = {"source": agency_of(agency_match.group(1))}
        return
    outlet = BULLET_OUTLET.match(text)
    if outlet:  # "• RVB News": an outlet we do not know by name, set off as a source line
        line.reason = Pending.AGENCY
        line.meta = {"source": outlet.group(1)}
        return
    meta = parse_meta(text, line.params) if line.n <= line.params.meta_max_words else None
    if meta:
        line.reason, line.meta = Pending.META, meta
        return
    _split_trailing_credit(line, folded)


def _split_trailing_credit(line: Line, folded: str) -> None:
    """A line ending in "(Photo: ...)": a caption, or a date line with the credit split off."""
    match = TRAILING_PAREN.search(line.text) if line.text.endswith(")") else None
    if match and _photo_credit(match.group(1), line.params):
        head = line.text[:match.start()].strip()
        credit = line.text[match.start():].strip()
        meta = parse_meta(head, line.params) if head else None
        if not head:
            line.reason = Reason.PHOTO_CREDIT
        elif meta:
            line.reason, line.meta = Pending.META, meta
            line.extra.append(Removed(credit, Reason.PHOTO_CREDIT.value))
            line.text = head
        else:
            line.reason = Reason.CAPTION
    elif line.n <= line.params.caption_max_words and CAPTION_STRONG.search(line.text, folded):
        line.reason = Reason.CAPTION


def _plain_caption(line: Line) -> bool:
    """The line just above a photo credit that reads as a caption: one short present-tense or
    verbless sentence ("Engineers inspect the sluice gates"), quoting nobody, naming no day."""
    p = line.params
    return (p.plain_caption_min_words <= line.n <= p.plain_caption_max_words
            and not INNER_SENTENCE_END.search(line.text)
            and not REPORTED.search(line.text) and not any(
                not DETERMINER_BEFORE.search(line.text, 0, m.start()) for m in NEWS_SENTENCE.finditer(line.text)))


def mark_captions(lines: list[Line], params: CleanParams = DEFAULT_CLEAN) -> None:
    """Captions sit next to a photo credit: the caption line, and a short caption headline."""
    for i, line in enumerate(lines):
        if line.reason is not Reason.PHOTO_CREDIT:
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(lines) or lines[j].reason is not None:
                continue
            near = lines[j]
            same_block = not (line.blank_before if j < i else near.blank_before)
            if (near.n <= params.caption_max_words and CAPTION_CUE.search(near.text)
                    and (same_block or near.n >= params.caption_block_words)):
                near.reason = Reason.CAPTION
            elif j == i - 1 and _plain_caption(near):
                near.reason = Reason.CAPTION
    for i, line in enumerate(lines):
        if line.reason is not Reason.CAPTION or i == 0 or line.blank_before:
            continue
        head = lines[i - 1]
        if head.reason is None and head.n <= params.caption_head_max_words and not head.ends_sentence:
            head.reason = Reason.CAPTION


def _shape(line: Line) -> tuple[int, str]:
    return len(line.words), (line.words[0].lower().strip("'’") if line.words else "")


def mark_repeats(lines: list[Line], from_html: bool = False, params: CleanParams = DEFAULT_CLEAN) -> None:
    """The second copy of a line seen earlier in the document (a body printed twice).

    In text from HTML only sentences count: lists and tables repeat their short lines (a meal
    plan's "Eat every 2-3 hours") and the page structure already kept them apart from chrome.
    """
    candidates = [line for line in lines
                  if line.reason is None and line.n >= params.repeat_min_words and (line.prose or not from_html)]
    # a line's word count and first word, parts of its key: only lines sharing them with another
    # can repeat one, and only theirs are keyed
    shapes = Counter(_shape(line) for line in candidates)
    seen: set[str] = set()
    for line in candidates:
        if shapes[_shape(line)] < 2:
            continue
        key = " ".join([w.lower().strip("'’") for w in line.words])
        if key in seen:
            line.reason = Reason.REPEATED
        else:
            seen.add(key)
