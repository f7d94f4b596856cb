"""Turn a raw page into a clean article body plus the metadata the page states.

This layer is hand-written because no library cleans plain-text page dumps: trafilatura,
readability and their kind need a DOM to tell the article from the menus, and a page that
reached us as text has lost it. So plain text goes through an explainable line classifier:
every line is judged on features a person can check (length, sentence punctuation,
stop-word density, capitals, UI vocabulary, position before/after the body, repetition),
the body is the largest contiguous region of prose lines, and every dropped line is kept in
``removed`` with one reason from ``REASONS``. A learned line model (``line_model``) then judges
every line of a plain-text page again on features that carry across sites; a line it drops is
recorded with a reason starting ``reasons.LINE_MODEL_REASON``.

HTML goes to trafilatura's default extraction, tables included, for the main text and page
metadata (htmldate as the date fallback); the same line layer then runs over trafilatura's
paragraphs to find the dateline, agency, contributors and leftover boilerplate, without the
cues that read English stop words when the text is in another language (``language``). When
the line layer keeps much less than trafilatura found, trafilatura's text stands and
``removed`` records why (a reason starting ``FALLBACK_REASON``). Page metadata wins over
guesses from the text.

Publication dates come only from standalone date/byline lines before the body (or from
page markup), never from dates mentioned in body sentences.

The package: ``lexicon`` (word lists) and ``patterns`` (regular expressions); ``lines``
(a page as measured lines), ``line_model`` (the learned second look at plain text), ``classify`` (each line judged on its own and by its
neighbours), ``analysis`` (the body region, and every pending state settled by zone) and
``reasons`` (the closed set of line states); ``language`` (English or not); ``metadata`` (dates, bylines, agencies,
datelines); ``api`` (``clean_text``) and ``html_path`` (``clean_html``).
"""

from __future__ import annotations

from .api import CleanError, clean_text
from .html_path import clean_html
from .reasons import FALLBACK_REASON, REASONS, Pending, Reason

__all__ = ["CleanError", "FALLBACK_REASON", "REASONS", "Reason", "Pending", "clean_text", "clean_html"]
