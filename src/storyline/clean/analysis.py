"""The page as a whole: where the article body lies and what every other line is.

The body is the contiguous stretch with the most prose; lines above it are the header
(title, byline, date, chrome), lines below it the tail (related lists, comments, footer).
Every pending state is settled here by the zone the line stands in, so that only
``Reason``s reach the result; the metadata of the header lines is gathered on the way. The
lengths and penalties are ``CleanParams``'.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Optional

from ..config import DEFAULT_CLEAN, CleanParams
from ..model import Removed
from .classify import mark_captions, mark_repeats, strong_reason
from .language import reads_english
from .line_model import relabel
from .lexicon import AGENCIES
from .lines import Line, normalize, split_lines
from .metadata import _is_name as is_name
from .metadata import agency_of, dateline_of, ends_with_date
from .patterns import COPYRIGHT_HOLDER, LIST_HEADING, LIST_ITEM, TRUNCATED, WORD
from .reasons import LineState, Pending, Reason


def region_penalties(params: CleanParams = DEFAULT_CLEAN) -> dict[LineState, int]:
    """Penalties a dropped line puts on the body region crossing it: a copyright notice or a
    comment section ends an article for good; lists and menus cost about a short paragraph; the
    rest are neutral. (A line of no known kind that is not prose costs ``non_prose_penalty``, less
    when it is a list item.)"""
    return {Reason.COPYRIGHT: params.hard_stop_penalty, Pending.COMMENTS: params.hard_stop_penalty,
            Reason.RELATED: params.list_penalty, Reason.SPONSORED: params.list_penalty,
            Reason.NAVIGATION: params.list_penalty, Pending.TIMESTAMP: params.list_penalty}


def _among_share_buttons(lines: list[Line], i: int, params: CleanParams = DEFAULT_CLEAN) -> bool:
    """"Comments" as one button of a share bar (Facebook, Twitter, Comments, Print)."""
    return lines[i].n <= params.share_button_words and any(0 <= j < len(lines) and lines[j].reason is Reason.SHARE
                                                           for j in (i - 2, i - 1, i + 1, i + 2))


def _teasers(lines: list[Line]) -> set[int]:
    """The sentences right under the heading of a list of other stories ("Most read", "Related
    stories"; not a "Read more" link), up to the first line that is not a sentence: the list's
    teasers, each a different story."""
    found: set[int] = set()
    for i, line in enumerate(lines):
        if line.reason is not Reason.RELATED or not LIST_HEADING.match(line.text.strip(" :»›>")):
            continue
        j = i + 1
        while j < len(lines) and lines[j].reason is None and lines[j].prose:
            found.add(j)
            j += 1
    return found


def _row_shape(line: Line, params: CleanParams) -> Optional[int]:
    """A short line of numbers (a ``table_number_share`` of its words at least) and no sentence,
    not ending in a date (a dated headline): its count of numbers, the shape rows of one table
    share; else None."""
    if line.reason is not None or line.ends_sentence or not 0 < line.n <= params.table_row_max_words:
        return None
    numbers = sum(any(ch.isdigit() for ch in word) for word in line.words)
    if not numbers or numbers < params.table_number_share * len(line.words) or ends_with_date(line.text):
        return None
    return numbers


def _table_rows(lines: list[Line], params: CleanParams = DEFAULT_CLEAN) -> set[int]:
    """Runs of ``table_min_rows`` or more consecutive lines of one row shape: a table's rows."""
    found: set[int] = set()
    run: list[int] = []
    shape: Optional[int] = None
    for i, line in enumerate([*lines, None]):
        this = _row_shape(line, params) if line is not None else None
        if this is not None and this == shape:
            run.append(i)
            continue
        if len(run) >= params.table_min_rows:
            found.update(run)
        run, shape = ([i], this) if this is not None else ([], None)
    return found


def _body_region(lines: list[Line], from_html: bool = False,
                 params: CleanParams = DEFAULT_CLEAN) -> Optional[tuple[int, int]]:
    """The contiguous stretch with the most prose (maximum-sum run over line scores).

    Text from HTML has already been chosen by trafilatura from the page's structure, so there a
    long line counts as text even without sentence punctuation (a quotation with its reference,
    a recipe line) and short lines (headings, list items) cost nothing. In plain text the teasers
    under a related-list heading count ``teaser_score`` each (a sidebar of long teasers does not
    outweigh an article of short lines) and the rows of a table cost nothing.
    """
    p = params
    penalty = region_penalties(p)
    teasers = set() if from_html else _teasers(lines)
    rows = set() if from_html else _table_rows(lines, p)
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, line in enumerate(lines):
        if i in teasers:
            score = p.teaser_score
        elif i in rows:
            score = 0
        elif line.reason is None:
            if line.prose or (from_html and line.n >= p.html_text_words):
                score = min(line.n, p.line_score_cap)
            elif from_html:
                score = 0
            elif line.n >= p.list_item_min_words and LIST_ITEM.match(line.text):
                score = -p.list_item_penalty
            else:
                score = -p.non_prose_penalty
        else:
            if ((line.reason is Pending.COMMENTS and best >= p.hard_stop_after
                 and not _among_share_buttons(lines, i, p))
                    or (line.reason is Reason.COPYRIGHT and best >= p.copyright_stop_after)):
                break  # readers' comments and the page footer follow the article, never precede it
            score = 0 if line.soft else -penalty.get(line.reason, 0)
        if total <= 0:
            total, start = 0.0, i
        total += score
        if score > 0 and total > best:
            best, best_span = total, (start, i)
    if best_span is None:
        return None
    first, last = best_span
    if not any(lines[i].reason is None and lines[i].prose for i in range(first, last + 1)):
        return None  # a list of headlines (a tag page) has no sentence
    while not (lines[first].reason is None
               and (lines[first].prose or (from_html and lines[first].n >= p.html_text_words))):
        first += 1
    return first, last


def _headline_form(line: Line, params: CleanParams = DEFAULT_CLEAN) -> bool:
    text = line.text
    p = params
    if line.reason is not None or not p.title_min_words <= line.n <= p.title_max_words or len(text) > p.title_max_chars:
        return False
    if text.rstrip("\"'”’").endswith((".", ":", ";", ",")) or TRUNCATED.search(text):
        return False
    if text == text.upper() and line.n <= p.section_label_words:
        return False  # a section label such as "WORLD NEWS"
    first = text.lstrip("\"'“‘")[:1]
    # a letter of a script without case (Chinese, Japanese, Korean...) may open a headline too
    return bool(first) and (first.isupper() or first.isdigit() or (first.isalpha() and first.lower() == first.upper()))


@dataclass
class Analysis:
    kept: list[str]
    removed: list[Removed]
    title: Optional[str] = None
    published: Optional[dt.date] = None
    published_time: Optional[str] = None
    byline: Optional[str] = None
    dateline: Optional[str] = None
    source: Optional[str] = None
    contributors: list[str] = field(default_factory=list)


@dataclass
class RulePass:
    """The lines of a page as the rule layer settled them (``reason`` None: kept), the body
    region it chose, and what it gathered for the page's metadata on the way."""

    lines: list[Line]
    first: int
    last: int
    title_index: Optional[int]
    metas: list[dict] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


def rule_pass(text: str, from_html: bool = False, known_title: Optional[str] = None,
              params: CleanParams = DEFAULT_CLEAN) -> RulePass:
    """Classify every line of ``text`` by the rules and settle it by its zone.

    Text that is not English (by the language detected, ``params.language``; text from HTML with
    none named, by its stop words) is judged without the rules that read English stop words (a
    run of words with few of them is a menu, a credit line has few): in another language every
    line has few.
    """
    if (from_html or params.language) and not reads_english(text, params):
        params = replace(params, menu_stop_share=0.0, credit_stop_share=0.0, prose_run_stop_share=0.0)
    lines = split_lines(normalize(text), params, unwrap=not from_html)
    for line in lines:
        strong_reason(line)
    mark_captions(lines, params)
    mark_repeats(lines, from_html, params)
    if from_html and known_title:
        _mark_leading_title(lines, _key(known_title))
    for line in lines:
        line.own = line.reason
    region = _body_region(lines, from_html, params)
    first, last = region if region else (len(lines), len(lines) - 1)
    _byline_above_date(lines, first, params)
    early = _early_meta(lines, first, last, params)
    title_index = _mark_title(lines, first, known_title, region is not None, params)

    found = RulePass(lines, first, last, title_index)
    _settle_header(lines, list(range(first)) + sorted(early), found.metas, found.sources)
    _settle_body(lines, first, last, from_html, found.sources, params)
    _settle_tail(lines, last, found.sources)
    return found


def analyse(text: str, from_html: bool = False, known_title: Optional[str] = None,
            params: CleanParams = DEFAULT_CLEAN) -> Analysis:
    """Classify every line of ``text``; keep the body, explain the rest.

    Plain text (not from HTML) with page furniture in it then goes through the learned line model
    (``line_model``), which may keep lines the rules dropped and drop lines they kept; the metadata
    stays the rules'.
    """
    found = rule_pass(text, from_html, known_title, params)
    if not from_html and params.line_model and _has_furniture(found.lines):
        relabel(found.lines, found.first, found.last, params)
    kept = [line.text for line in found.lines if line.reason is None and line.note is None]
    return _result(found.lines, kept, found.metas, found.sources, found.title_index, params)


# What only a rendered web page carries around its article: the page's own navigation and offers.
_PAGE_FURNITURE = frozenset({Reason.NAVIGATION, Reason.SHARE, Reason.RELATED, Reason.SPONSORED, Reason.SUBSCRIPTION,
                             Reason.COPYRIGHT})


def _has_furniture(lines: list[Line]) -> bool:
    """Whether the rules found a web page's furniture in the text (navigation, share bars, related
    or sponsored links, subscription pleas, copyright). A text without any is an article as news
    collections store it: the line model, which learned from rendered web pages, leaves it to the
    rules (on the article texts of the T17 collections it cut article lines, and the timelines
    made from them lost dates)."""
    return any(line.reason in _PAGE_FURNITURE for line in lines)


def _mark_leading_title(lines: list[Line], title_key: str) -> None:
    """trafilatura may start the text with the headline; it is the title, not the body."""
    for line in lines:
        if line.reason is None and _key(line.text) == title_key:
            line.reason = Reason.TITLE
        if line.prose:
            break


def _byline_above_date(lines: list[Line], first: int, params: CleanParams = DEFAULT_CLEAN) -> None:
    """A name alone on its line ("Lena Hartmann", no "By") is a byline by its place: in the
    header, below a line of headline form (the title) and right above a date line that names no
    author. Read by itself it cannot be told from a short heading."""
    for i in range(1, min(first, len(lines) - 1)):
        line, below = lines[i], lines[i + 1]
        if (line.reason is None and below.reason is Pending.META and below.meta.get("date")
                and not below.meta.get("byline") and is_name(line.text, params)
                and any(_headline_form(lines[j], params) for j in range(i))):
            line.reason, line.meta = Pending.META, {"byline": line.text}


def _early_meta(lines: list[Line], first: int, last: int, params: CleanParams = DEFAULT_CLEAN) -> set[int]:
    """Byline and date lines among the first lines of the body region (after a standfirst):
    they still belong to the header."""
    early = set()
    seen_body = 0
    for i in range(first, last + 1):
        if lines[i].reason is None:
            seen_body += 1
            if seen_body > params.early_meta_lines:
                break
        elif lines[i].reason is Pending.META:
            early.add(i)
    return early


def _mark_title(lines: list[Line], first: int, known_title: Optional[str], has_body: bool,
                params: CleanParams = DEFAULT_CLEAN) -> Optional[int]:
    """The header line that is the title: the one the page names, else the last one of
    headline form; marked ``title``, its index returned."""
    title_index = None
    title_key = _key(known_title) if known_title else None
    for i in range(first):
        line = lines[i]
        if line.reason is None and title_key and _key(line.text) == title_key:
            line.reason = Reason.TITLE
            title_index = i
    if title_index is None and has_body:
        candidates = [i for i in range(first) if _headline_form(lines[i], params)]
        if candidates:
            title_index = candidates[-1]
            lines[title_index].reason = Reason.TITLE
    return title_index


def _meta_reason(line: Line) -> Reason:
    return Reason.BYLINE if line.meta.get("byline") else Reason.DATE


def _settle_pending(line: Line, sources: list[str], timestamp: Reason) -> None:
    """A header or body line left pending by its own look, settled the same way in both zones:
    metadata by what it holds, an agency line as the source (noted), comments as boilerplate,
    and a time stamp as ``timestamp`` (the date above the body, a related item's inside it)."""
    if line.reason is Pending.META:
        line.reason = _meta_reason(line)
    elif line.reason is Pending.AGENCY:
        sources.append(line.meta["source"])
        line.reason = Reason.SOURCE
    elif line.reason is Pending.TIMESTAMP:
        line.reason = timestamp
    elif line.reason is Pending.COMMENTS:
        line.reason = Reason.BOILERPLATE


def _settle_header(lines: list[Line], indices: list[int], metas: list[dict], sources: list[str]) -> None:
    """Header lines: metadata lines become byline or date, agency lines the source, a time
    stamp the date; anything else above the body is page chrome."""
    for i in indices:
        line = lines[i]
        if line.reason is None:
            line.reason = Reason.NAVIGATION
            continue
        if line.reason is Pending.META:
            metas.append(line.meta)
        _settle_pending(line, sources, Reason.DATE)


def _settle_body(lines: list[Line], first: int, last: int, from_html: bool, sources: list[str],
                 params: CleanParams = DEFAULT_CLEAN) -> list[str]:
    """Body lines: prose is kept; stray short lines are kept only from HTML (headings) or when
    they read as text. Returns the kept lines."""
    kept: list[str] = []
    for i in range(first, last + 1):
        line = lines[i]
        if line.reason is None:
            if (line.prose or from_html
                    or (line.n >= params.body_text_min_words and line.stop_ratio >= params.body_text_stop_share)
                    or (line.n >= params.list_item_min_words and LIST_ITEM.match(line.text))):
                kept.append(line.text)
            else:
                line.reason = Reason.BOILERPLATE
        else:
            _settle_pending(line, sources, Reason.RELATED)
    return kept


def _settle_tail(lines: list[Line], last: int, sources: list[str]) -> None:
    """Tail lines: lists of other stories or sponsored links, unless the line says what it is."""
    list_reason: Optional[Reason] = None
    for i in range(last + 1, len(lines)):
        line = lines[i]
        if line.reason in (Reason.RELATED, Reason.SPONSORED) and not line.soft:
            list_reason = line.reason
        elif line.reason is Pending.COMMENTS:
            line.reason = list_reason = Reason.BOILERPLATE
        elif line.reason is Pending.TIMESTAMP:
            line.reason = list_reason = list_reason or Reason.RELATED
        elif line.reason is Pending.AGENCY:
            if list_reason is None:
                sources.append(line.meta["source"])
                line.reason = Reason.SOURCE
            else:
                line.reason = list_reason
        elif line.reason is Pending.META:
            line.reason = list_reason or _meta_reason(line)
        elif line.reason is None:
            line.reason = list_reason = list_reason or Reason.RELATED


def _recorded(state: LineState) -> str:
    """The reason a settled line is recorded with; every pending state is settled by now."""
    if not isinstance(state, Reason):
        raise AssertionError(f"a line was left in the pending state {state.value!r}")
    return state.value


def _result(lines: list[Line], kept: list[str], metas: list[dict], sources: list[str],
            title_index: Optional[int], params: CleanParams = DEFAULT_CLEAN) -> Analysis:
    """The analysis of the settled lines: what was removed and why, and the page's metadata."""
    result = Analysis(kept=kept, removed=[])
    for line in lines:
        if line.note is not None:
            result.removed.append(Removed(line.text, line.note))
        elif line.reason is not None:
            result.removed.append(Removed(line.text, _recorded(line.reason)))
        result.removed.extend(line.extra)
        if line.reason is Reason.CONTRIBUTOR:
            result.contributors.append(line.text)
        if line.reason is Reason.SOURCE and line.meta.get("source"):
            sources.append(line.meta["source"])

    if title_index is not None:
        result.title = lines[title_index].text
    dated = [m for m in metas if m.get("date")]
    chosen = next((m for m in dated if not m.get("updated")), dated[0] if dated else None)
    if chosen:
        result.published, result.published_time = chosen["date"], chosen.get("time")
    result.byline = next((m["byline"] for m in metas if m.get("byline")), None)
    sources = [m["source"] for m in metas if m.get("source")] + sources

    dateline_source = None
    for paragraph in kept[:params.dateline_paragraphs]:
        found = dateline_of(paragraph)
        if found:
            result.dateline, dateline_source = found
            break
    result.source = dateline_source or (sources[0] if sources else None) or _late_source(lines)
    return result


def _key(text: str) -> str:
    return " ".join(w.lower().strip("'’") for w in WORD.findall(normalize(text)))


def _late_source(lines: list[Line]) -> Optional[str]:
    """The agency named by a copyright or contributor line, when nothing earlier named one."""
    for reason in (Reason.COPYRIGHT, Reason.CONTRIBUTOR):
        for line in lines:
            if line.reason is not reason:
                continue
            if reason is Reason.COPYRIGHT:
                holder = COPYRIGHT_HOLDER.search(line.text)
                if holder and agency_of(holder.group("holder")):
                    return agency_of(holder.group("holder"))
            for name, short in sorted(AGENCIES.items(), key=lambda kv: -len(kv[0])):
                if len(name) > 3 and re.search(r"\b" + re.escape(name) + r"\b", line.text, re.I):
                    return short
                if name in ("ap", "afp", "dpa", "upi") and re.search(r"\b" + name.upper() + r"\b", line.text):
                    return short
    return None
