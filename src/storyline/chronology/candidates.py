"""Candidates: which sentences may become a timeline line, and how well each reads alone.

A line is a sentence an editor could print under its date: reporting, not page furniture
(``furniture``: refused with its reason), readable alone (not a fragment, not a run-on
paragraph, not opening on a pronoun that needs the sentence before), and written as a report
rather than as talk (questions, first and second person, transcript labels, comment stamps).
All of this depends on the sentence alone, so it is computed once at build time and stored
as the sentence's ``prior``; what depends on the collection (centrality, corroboration,
relevance) is left to the summarizer.
"""

from __future__ import annotations

import functools
import re
from typing import Optional

from .furniture import furniture_reason, possessive_lead_cut, section_label_cut, strip_lead
from .headline import headline_cut
from .settings import FEATURES, FeatureParams
from .words import sentence_words

__all__ = ["ascii_words", "ends_sentence", "display_text", "shown_text", "prior", "attribution", "commentary", "QUOTED", "ATTRIBUTION", "refusal", "chronology_item", "content_words",
           "jaccard", "outside_quotes", "MIN_WORDS"]

MIN_WORDS = FEATURES.min_words  # fewer content words than this: not a line

_PRONOUN_START = re.compile(r"^(?:He|She|It|They|This|That|These|Those|His|Her|Their|Its)\b")
_CLOSERS = "\"”’')"
_ENDS = (".", "!", "?")
_SPOKEN_START = re.compile(r"^(?:And|But|So|Well|Yes|No|Oh|Now|Look|Okay|OK|Um|Uh)\b")
_PERSONAL = re.compile(r"\b(?:I|I'm|me|my|we|We|our|Our|us|you|You|your|Your)\b")
_SPEAKER = re.compile(r"^[A-Z][A-Z .'-]{1,30}\s?:")

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# A chronology item, as in a "key events" factbox: the sentence opens with its day, then says
# what happened ("July 1: Large-scale demonstrations continue ...", "- 3 Feb 2011 - Crowds ...").
_CHRONOLOGY = re.compile(r"^(?:[-–—•*]+\s*)?(?:" + _MONTH + r"\s+\d{1,2}(?:\s*,?\s*\d{4})?|\d{1,2}\s+" + _MONTH
                         + r"(?:\s*,?\s*\d{4})?|\d{4}-\d{2}-\d{2})\s*(?:[:–—-]+\s*|,\s+)?(?=[A-Z\"“])")

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
nor not now of off on once only or other our ours ourselves out over own same she should so some such than
that the their theirs them themselves then there these they this those through to too under until up very
was we were what when where which while who whom why will with would you your yours yourself yourselves
said says say told according mr mrs ms s t one two also would could may might must shall
""".split())
# what ``content_words`` drops of an ASCII text's lower-cased words at once: the stop words and the
# single letters (a lower-cased ASCII word of one character is one of these)
_NOT_CONTENT = STOPWORDS | frozenset("abcdefghijklmnopqrstuvwxyz")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
# The same pattern for a text whose word characters are all ASCII (most news text, curly quotes
# and dashes being no word characters): there a letter is [A-Za-z], so it finds the same
# matches, about a third faster.
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_NON_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]")


def ascii_words(text: str) -> bool:
    """Whether every word character of ``text`` is ASCII: then \\w is [A-Za-z0-9_], \\d [0-9] and a
    letter [A-Za-z] in it, and a word pattern's ASCII twin finds what the pattern finds."""
    return text.isascii() or _NON_ASCII_WORD.search(text) is None


def content_words(text: str) -> set[str]:
    """The sentence's words that carry content (lower-cased, stop words and single letters out).
    Where every word character is ASCII the words are found in the lower-cased text: lower-casing
    turns no other character into a word character or an apostrophe (a test checks every code
    point), so they are the words found, lower-cased, and its words of one letter are ASCII letters."""
    if ascii_words(text):
        return set(_ASCII_WORD.findall(sentence_words(text).low)) - _NOT_CONTENT
    return {w for w in set(map(str.lower, _WORD.findall(text))) - STOPWORDS if len(w) > 1}


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends as a sentence does, as ``[.!?]["”’')]*$`` finds it (a mark, closing
    quotes or brackets after it, then the end or a last newline), without trying every position
    as a search does."""
    return text.rstrip(_CLOSERS).endswith(_ENDS) or (text.endswith("\n") and text[:-1].rstrip(_CLOSERS).endswith(_ENDS))


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@functools.lru_cache(maxsize=4096)
def display_text(text: str) -> str:
    """A sentence as shown in a summary: without what is glued before the reporting (a
    dateline, a byline, an update stamp, a headline run into the story). Remembered for the
    last texts: a build asks it of each sentence several times (refusal, prior, event prior)."""
    return strip_lead(text)


@functools.lru_cache(maxsize=4096)
def shown_text(text: str) -> str:
    """A line as the timeline shows it: ``display_text``, and also without a headline run into it
    before a story opening on a possessive name (``furniture.possessive_lead_cut``) or that no rule
    names but the learned model finds (``headline``). Asked only of the lines a timeline shows: the
    tagger and the model cost several times the rules, too much for every sentence of a build, so
    what a build derives (refusals, dates, priors) reads the rules' cut alone."""
    shown = display_text(text)
    for cut in (headline_cut, section_label_cut, possessive_lead_cut):  # the model first: it reads the whole seam
        at = cut(shown)
        if at is not None:
            shown = strip_lead(shown[at:])
    return shown


_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
_ASCII_TOKEN = re.compile(r"[A-Za-z]+")


def _garbled(text: str) -> bool:
    """Text whose words are mostly one- or two-letter scraps: a page in another script decoded
    wrongly or stripped of its letters ("m n c # m cao c a qu n th ng i"), not prose."""
    tokens = (_ASCII_TOKEN if ascii_words(text) else _TOKEN).findall(text)
    return len(tokens) >= 8 and len([t for t in tokens if len(t) <= 2]) > 0.6 * len(tokens)


def _lower_start(text: str) -> bool:
    """A sentence opening on a lower-case word ("have just decided to extend ...", "government
    supporters chant ..."): the tail of a sentence split in two, or a transcript written without
    capitals; a name written lower-case ("eBay", "iPhone") has a capital inside."""
    first = text.lstrip().split(" ", 1)[0]
    return first[:1].islower() and first.islower()


def refusal(text: str, words: int) -> Optional[str]:
    """Why this sentence can never be a line (page furniture, too few words, not prose), or None."""
    reason = furniture_reason(text)
    if reason is not None:
        return reason
    if words < MIN_WORDS:
        return "fragment"
    if _garbled(text):
        return "garbled"
    if _lower_start(text) or _lower_start(display_text(text)):  # also once its lead is cut
        return "fragment"
    return None


def _readability(text: str, shown: str) -> float:
    n = len(sentence_words(text).low_split)  # as many as text.split()
    factor = 1.0
    if n < 8 or n > 55:
        factor *= 0.5
    if text[:1] in "\"“'‘":
        factor *= 0.7
    if _PRONOUN_START.match(shown):
        factor *= 0.8
    if not ends_sentence(text):
        factor *= 0.6
    return factor


def _register(text: str) -> float:
    """How much a sentence reads as a reported statement of fact, the register of a timeline.

    Questions, first- and second-person talk, transcript speaker labels, spoken openers
    ("And so ...") and comment-thread stamps ("6:39 pm |") read as conversation, not report.
    """
    factor = 1.0
    if "?" in text:
        factor *= 0.3
    if "|" in text:
        factor *= 0.3
    if _SPEAKER.match(text):
        factor *= 0.3
    if _SPOKEN_START.match(text):
        factor *= 0.5
    if _PERSONAL.search(text):
        factor *= 0.5
    return factor


def prior(text: str) -> float:
    """How well the sentence reads alone as a report, 0–1 (readability × register)."""
    shown = display_text(text)
    return _readability(text, shown) * _register(text)


# What reads as commentary rather than a report: ``FeatureParams.commentary_*``.
QUOTED = re.compile(r'"[^"]*"|“[^”]*”')
ATTRIBUTION = re.compile(r"\b(?:said|says|say|told|tells|according to|announced|reported|reports|added|stated|"
                         r"confirmed|denied|claimed|warned|quoted)\b")


def outside_quotes(text: str) -> str:
    """``text`` with its quotations (``QUOTED``) blanked out; ``text`` itself when it has no
    opening mark, as a quotation needs one."""
    return QUOTED.sub(" ", text) if '"' in text or "“" in text else text


def attribution(sentences: list[str]) -> tuple[float, bool]:
    """The share of a document's sentences that attribute outside quotation marks, and whether
    one of them asks its reader a question there."""
    outside = list(map(outside_quotes, sentences))
    attributed = sum([ATTRIBUTION.search(s) is not None for s in outside]) / max(len(outside), 1)
    return attributed, any([s.rstrip().endswith("?") for s in outside])


def commentary(sentences: list[str], params: FeatureParams = FEATURES,
               said: Optional[tuple[float, bool]] = None) -> bool:
    """Whether a document's sentences read as commentary rather than a report
    (``FeatureParams.commentary_*``); ``said`` is their ``attribution`` when known."""
    if len(sentences) < params.commentary_min_sentences:
        return False
    attributed, asks = said or attribution(sentences)
    return attributed < params.commentary_attribution or (asks and attributed < params.commentary_asking)


def chronology_item(text: str) -> Optional[str]:
    """The text after the day label when the sentence is a chronology item ("July 1: ..."), else None."""
    match = _CHRONOLOGY.match(text)
    if match is None:
        return None
    rest = text[match.end():]
    return rest if len(rest.split()) >= MIN_WORDS else None
