"""The HTML entry point, ``clean_html``: trafilatura finds the article, the line layer tidies it.

trafilatura's default extraction, tables included (with htmldate as the date fallback), reads
the page's structure and metadata; the same line analysis as for plain text then runs over the
paragraphs it returns to find the dateline, agency, contributors and leftover boilerplate, each
removal with its reason. When that analysis keeps much less than the default text, the default
text stands and the result records why. Page metadata wins over
guesses from the text. Both libraries are imported on first use.

The page is parsed once: trafilatura's metadata steps (only those for the fields read here) and
its extraction share the tree, and htmldate is asked again only when a different URL could
give another answer. trafilatura's author search over the markup is evaluated in one pass
(``author``), with its answer.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Optional, cast

from ..config import DEFAULT_CLEAN, CleanParams
from ..model import CleanResult, Removed
from .analysis import analyse
from .api import CleanError, within
from .author import find_author
from .language import for_page
from .lines import normalize
from .metadata import ends_with_date, format_offset
from .reasons import FALLBACK_REASON, Reason

if TYPE_CHECKING:
    from lxml.html import HtmlElement  # type: ignore[import-untyped]
    from trafilatura.settings import Document as ExtractedPage


_PUBLISHED_META = re.compile(
    r"<meta\b[^>]*?(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|"
    r"og:article:published_time|datePublished|pubdate|publishdate|publish-date|"
    r"dc\.date\.issued)[\"'][^>]*>", re.I)
_CONTENT_ATTR = re.compile(r"\bcontent\s*=\s*[\"']([^\"']+)[\"']", re.I)
_JSONLD_PUBLISHED = re.compile(r"\"datePublished\"\s*:\s*\"([^\"]+)\"")


def _page_time(html: str, published: Optional[dt.date]) -> Optional[str]:
    """The publication time stated in the page markup, when it is for the publication day."""
    values = [m.group(1) for tag in _PUBLISHED_META.finditer(html)
              for m in [_CONTENT_ATTR.search(tag.group(0))] if m]
    values += _JSONLD_PUBLISHED.findall(html)
    for value in values:
        value = value.strip()
        if len(value) <= 10 or not re.match(r"\d{4}-\d{2}-\d{2}[T ]\d", value):
            continue
        try:
            stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            continue
        if published is not None and stamp.date() != published:
            continue
        text = stamp.strftime("%H:%M") + (stamp.strftime(":%S") if stamp.second else "")
        return text + (format_offset(stamp.utcoffset()) or "")
    return None


def _byline_from_author(author: Optional[str]) -> Optional[str]:
    if not author:
        return None
    names = [a.strip() for a in author.split(";") if a.strip()]
    if not names:
        return None
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _page_metadata(tree: HtmlElement, url: str | None) -> tuple[ExtractedPage, Optional[str]]:
    """trafilatura's ``extract_metadata`` for the fields read here (title, author, date, site
    name, canonical URL): its own steps in its order, without the categories, tags, licence and
    host name nothing here reads (a third of what the metadata cost on the benchmark pages), and
    with trafilatura's author search over the markup evaluated in one pass (``author``). Also
    the URL the date search was given (the page's canonical one when it names one)."""
    from trafilatura.metadata import (META_URL, examine_meta, extract_meta_json, extract_sitename, extract_title,
                                      extract_url, find_date)

    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    try:
        meta = extract_meta_json(tree, meta)
    except Exception:  # trafilatura logs and skips a JSON-LD block it cannot read
        pass
    meta.title = meta.title or extract_title(tree)
    meta.author = meta.author or find_author(tree)
    meta.url = meta.url or extract_url(tree, url)
    searched = meta.url
    meta.date = find_date(tree, original_date=True, extensive_search=False, url=searched)
    meta.sitename = meta.sitename or extract_sitename(tree)
    if meta.sitename:
        meta.sitename = meta.sitename.lstrip("@")
        if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
            meta.sitename = meta.sitename.title()
    elif meta.url and (match := META_URL.match(meta.url)):
        meta.sitename = match[1]
    meta.clean_and_trim()
    return meta, searched


def _extract_in_place(tree: HtmlElement, url: str | None) -> Optional[str]:
    """The text of ``trafilatura.bare_extraction(tree, url=url, include_comments=False,
    include_tables=True)`` (None where it returns None), without the copy of the tree it makes
    to leave a caller's tree intact (2.5 % of trafilatura default's time on the benchmark
    pages): nothing here reads the tree after the extraction, which changes it (a tree that is
    not alone in its document is still copied, as the copy leaves out what is beside it). These are the
    steps ``bare_extraction`` takes for these options and no metadata (trafilatura's cascade,
    its tree size and output size checks, its text serialization); tests/clean compares the two
    page by page."""
    from copy import copy

    from lxml.etree import strip_tags  # type: ignore[import-untyped]
    from trafilatura.core import trafilatura_sequence
    from trafilatura.settings import DEFAULT_CONFIG, Extractor
    from trafilatura.xml import xmltotxt

    if tree.getparent() is not None or tree.getprevious() is not None or tree.getnext() is not None:
        tree = copy(tree)  # not alone in its document (a second root, a comment beside it): as bare_extraction
    options = Extractor(config=DEFAULT_CONFIG, output_format="python", comments=False, tables=True, url=url)
    try:
        postbody, text, _, comments = trafilatura_sequence(tree, options, options.url)
        if options.max_tree_size and len(postbody) > options.max_tree_size:
            strip_tags(postbody, "hi")
            if len(postbody) > options.max_tree_size:
                return None
        if len(text) < options.min_output_size and len(comments) < options.min_output_comm_size:
            return None
    except (TypeError, ValueError):  # what bare_extraction takes for no document
        return None
    return cast(str, xmltotxt(postbody, options.formatting))


def _default_extraction(html: str, url: str | None) -> Optional[tuple[ExtractedPage, Optional[str]]]:
    """trafilatura's default extraction (tables kept, readers' comments left out) with the page
    metadata, and the URL the metadata's date search was given (the page's canonical one when
    it names one). The page is parsed once for both, and the metadata read before the
    extraction changes the tree."""
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
        if tree is None:
            return None
        try:
            meta, searched = _page_metadata(tree, url)
        except (TypeError, ValueError):  # what trafilatura's own call takes for no document
            return None
        text = _extract_in_place(tree, url or meta.url)
    except Exception as exc:  # trafilatura gives up on some malformed markup
        raise CleanError(f"no article text found: the page could not be parsed ({exc})") from exc
    if text is None:
        return None
    meta.text = text
    return meta, searched


def _headline_list(text: str) -> bool:
    """A list of other stories (a tag or section page): most of its lines end with a date."""
    lines = [line for line in normalize(text).split("\n") if line.strip()]
    return len(lines) >= 3 and sum(ends_with_date(line) for line in lines) * 2 >= len(lines)


def _words(text: str) -> int:
    return len(text.split())


def fallback_note(kept_words: int, default_words: int, share: float) -> str:
    """The reason recorded when trafilatura's default text stands instead of the line layer's."""
    return (f"{FALLBACK_REASON}: the line analysis kept {kept_words} of the {default_words} words of "
            f"trafilatura's default extraction (under {share:.0%}), so the default text stands")


def clean_html(html: str, url: str | None = None, limit: Optional[int] = None,
               params: Optional[CleanParams] = None) -> CleanResult:
    """Clean an HTML page: trafilatura's default extraction (with tables) finds the article, the
    line layer removes what it can name (with ``limit``, reading the first ``limit`` characters of
    the text trafilatura found), judging lines by ``params`` (default ``config.DEFAULT_CLEAN``).

    The result never falls far below the library underneath: when the line layer keeps under
    ``params.default_kept_share`` of the default text's words (or declares it no article), the
    default text stands (when it has ``params.default_min_words`` and is not a list of dated
    headlines), and ``removed`` records why (reason starting ``FALLBACK_REASON``).

    Raises CleanError when the page has no main text (only navigation, a footer...).
    """
    from htmldate import find_date

    params = params or DEFAULT_CLEAN
    if not html or not html.strip():
        raise CleanError("no article text found: the page is empty")
    doc, searched = _default_extraction(html, url) or (None, None)
    if doc is None or not doc.text or not doc.text.strip():
        raise CleanError("no article text found: the page holds no main text")

    title = normalize(doc.title).strip() if doc.title else None
    text, cut = within(doc.text, limit)
    params = for_page(text, params)
    found = analyse(text, from_html=True, known_title=title, params=params)
    # a second copy of a kept line is no loss: it counts as kept
    kept_words = sum(_words(k) for k in found.kept) + sum(
        _words(r.text) for r in found.removed if r.reason == Reason.REPEATED.value)
    default_words = _words(text)
    if (kept_words < params.default_kept_share * default_words and default_words >= params.default_min_words
            and not _headline_list(text)):
        # what the line analysis would drop is not dropped: the default text stands, and why is kept
        note = fallback_note(kept_words, default_words, params.default_kept_share)
        found.kept = [line for line in normalize(text).split("\n") if line.strip()]
        found.removed = [Removed("", note)]  # nothing is removed; the record says why
    found.removed.extend(cut)
    if not found.kept:
        raise CleanError("no article text found: the page holds no main text")

    published = None
    if doc.date:
        try:
            published = dt.date.fromisoformat(doc.date[:10])
        except ValueError:
            published = None
    if published is None and not (url and url == searched):  # that search already found nothing
        try:
            value = find_date(html, original_date=True, extensive_search=False, url=url)
            published = dt.date.fromisoformat(value) if value else None
        except (ValueError, TypeError):
            published = None
    published_time = _page_time(html, published) if published else None
    if published is None:
        published, published_time = found.published, found.published_time

    return CleanResult(
        text="\n\n".join(found.kept), removed=found.removed, title=title or found.title,
        published=published, published_time=published_time,
        byline=_byline_from_author(doc.author) or found.byline, dateline=found.dateline,
        source=found.source or (normalize(doc.sitename).strip() if doc.sitename else None),
        contributors=found.contributors, language=params.language)
