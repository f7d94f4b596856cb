"""Furniture: sentences that come from the page around an article rather than from its reporting.

Cleaning keeps the article's text, but what sits inside or beside it on the page often comes
along: reader comments and their stamps ("Jane Doe wrote: ...", "... | Report abuse"), page and
live-blog stamps ("Last updated at 15:41 GMT"), bylines and credits ("Reporting by ...;
Editing by ..."), photo captions and their credits ("Photograph: AP", "In this photo released
by ..."), factboxes ("Born: 12 May 1950, Leeds", "Key facts"), calls to act on the page ("Read
more:", "Click here", "Share this article") and notes about the publication itself (a print
edition note, a copyright line, an outlet's name alone). None of it is something that happened,
so none of it may be a timeline line: ``furniture_reason`` names the kind, from ``REASONS``.

Furniture is often glued to the front of a real sentence (a dateline, a byline, an update
stamp, a photo credit, a factbox line, a headline run into the story). ``strip_lead`` cuts
that part off, and a sentence whose furniture is only glued before reporting is judged by what
is left: it is reporting, shown without its lead.

Every rule describes a class of text by its form (a label, a colon and a short nominal value; a
stamp of clock time, timezone and date with no verb; a call to the reader to act on the page),
and each is written so that reporting about the same things ("He wrote that ...", "Born in
1950, ...", "Photographs published on Tuesday showed ...") does not match. The rules are
written by hand because no library classifies sentence-level page furniture offline: the
boilerplate removers work on whole pages and markup, not on a sentence of text. They run on
every sentence at build time, so each is guarded by a cheap test before its expression runs.

One class needs the tense of its verbs: a wire photo caption closed by its place and day ("...
during a protest in Sanaa, Yemen, on Sunday.") is told in the present, reporting that ends the
same way in the past. Only sentences with that ending (a few in a thousand) are tagged, by the
part-of-speech tagger of spaCy's small English pipeline, the one the quote layer loads (about
130 MB and a second, once per process); without it the class is not judged. So does a headline
run into a story that opens on a possessive name ("... in defiance of army Egypt's judges demanded
..."): ``possessive_lead_cut``, asked only of the lines a timeline shows.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Sequence

from .settings import FEATURES
from .words import sentence_words

__all__ = ["DAY_PICTURE", "REASONS", "furniture_reason", "possessive_lead_cut", "section_label_cut", "strip_lead"]

DAY_PICTURE = "dated-caption"  # the one refusal that still counts for its date (``features.support_rows``)

REASONS: dict[str, str] = {
    "comment": "a reader's comment or its stamp, a comment count, the comment section's rules or invitations",
    "stamp": "a page, post or live-blog stamp: publication or update time, live-coverage header",
    "byline": "only a byline, credit line, dateline or author contact, with no reporting",
    "caption": "a photo or video caption or its credit",
    "dated-caption": "a news photo's caption closed by its place and day: what it shows happened that day, so it "
                     "counts for the day, but it is no line",
    "factbox": "a factbox: a label with a short value, or a factbox heading",
    "navigation": "a call to act on the page (share, read more, click, sign up, follow) or a link list",
    "imprint": "a note about the publication, not the story: print edition, copyright, disclaimer, transcript note",
    "heading": "a headline, outlet or section name standing alone: a few capitalized words, no sentence",
}

# --- shared vocabulary -------------------------------------------------------------------

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
            r"|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?")
_TZ = (r"(?:GMT|UTC|BST|CET|CEST|EET|EEST|WET|ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|HKT|JST|KST"
       r"|IST|AEST|AEDT|MSK|SAST|WAT|EAT|AST|UK)")
_AMPM = r"(?:[AaPp]\.?[Mm]\b\.?)"
_CLOCK = (r"(?:\d{1,2}[:.]\d\d(?:[:.]\d\d)?\s*" + _AMPM + r"?|\d{1,2}\s*" + _AMPM
          + r"|[012]\d[0-5]\d(?=\s*\(?" + _TZ + r"\b(?!-)))")  # not "1535 UK-based"
_DATE = (r"(?:" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH
         + r",?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d\d-\d\d)")

# Words a sentence of reporting opens with, and so where glued furniture ends.
_OPENERS = frozenset("""
The A An This That These Those His Her Its Their Our He She It They We I There Here In On At After
Before When While Since As But And If Although Though Despite During For From With Without Under Over
Following Amid Amidst Among Some Many Most Several More Thousands Hundreds Dozens Tens Police Officials
Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. President Prime Protesters Troops Rebels Government Residents Witnesses
Authorities Security Forces Opposition Government Egyptian Syrian Libyan Yemeni U.S. US UN One Two Three
Four Five Six Seven Eight Nine Ten Only Even Just Today Yesterday Earlier Later Last Next Now Meanwhile
""".split())
# Lower-case words a short nominal value (a factbox value, a credit) may hold.
_VALUE_WORDS = frozenset("""
and of de da del der den van von al el bin ibn la le du y in at per cent percent million billion
trillion bn m km sq square miles mi kg years year old aged est est. approx. approx about c. ca. to from
or & - – — bc ad a.m. p.m. am pm for di della dos das abu ben via
""".split())
_SPEECH_VERBS = frozenset("""
said says say added adds told tells wrote writes asked asks replied replies insisted insists warned warns
declared declares stated states explained explains continued continues announced announces tweeted
noted notes argued argues claimed claims read reads concluded concludes recalled recalls
""".split())
_NOT_LABEL = frozenset("""
The A An This That These Those He She It They We I You His Her Its Their Our My One Another Some Many
Then Now Here There What Why How Who When Where
""".split())
_NOT_NAME = frozenset("""
The A An This That These Those Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
March April May June July August September October November December Christmas Easter Then Now Contrast
Comparison Far Law Way Noon Midnight Morning Evening Night Dawn Day Midday Tonight Today Tomorrow Now
""".split())

_TOKEN = re.compile(r"\S+")


def _variants_of(words: list[str]) -> set[str]:
    """Each word as whitespace splitting leaves it: with punctuation before and after."""
    return {b + w + a for w in words for b in ("", "(", "[", "\"", "“", "'", "‘", "|", "-", "—")
            for a in ("", ":", ",", ".", ")", ";", "]", "!", "?", "|", ").", "),", "):", "'s", "’s", "\"", "”", "...", "…")}
_LOWER_WORD = re.compile(r"[a-z][a-z'’\-]+")


def _strip_glued(current: str, words: frozenset[str]) -> str:
    """``current`` without the datelines, bylines, stamps, credits and labels glued before it, as
    long as enough is left."""
    for _ in range(6):
        nxt = _strip_once(current, words).lstrip(" \t-–—:|,;")
        if nxt == current or len(nxt) < _MIN_REST or len(nxt.split()) < 3:
            break
        current = nxt
    return current


def _is_caps_word(tok: str) -> bool:
    return tok[:1].isupper()


def _reads_as_sentence(rest: str) -> bool:
    """What is left after a cut is a sentence of reporting: opens like one, has words enough
    and lower-case words (a verb somewhere), not just more names."""
    rest = rest.strip()
    if len(rest) < 20 or not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“‘'("):
        return False
    words = rest.split()
    if len(words) < 5:
        return False
    return sum(1 for w in words if _LOWER_WORD.match(w)) >= 2


def _value_cut(text: str, start: int, max_tokens: int = 8) -> Optional[int]:
    """Where a short nominal value (a factbox value, a photo credit, a byline's name) that
    starts at ``start`` ends and a sentence begins, or None when there is no such place.

    The sentence begins at the first opening word (The, In, Police ...) or, failing that, at
    the capitalized word before the first lower-case word that a value cannot hold; after a
    credit's "Agency/First Last", at the word after the last name.
    """
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text, start)]
    if not tokens or not (tokens[0][1][:1].isupper() or tokens[0][1][:1].isdigit()):
        return None  # a value opens on a name or a number, never on "the"
    first_lower = None
    for i, (pos, tok) in enumerate(tokens[:max_tokens + 1]):
        bare = tok.strip(",;:()[]\"“”'‘’")
        if i >= 1 and bare in _OPENERS and tok[:1].isupper():
            return pos
        if bare and bare[0].islower() and bare.lower() not in _VALUE_WORDS and "/" not in bare:
            first_lower = i
            break
    if first_lower is None or first_lower < 2:
        return None
    for i in range(first_lower - 2, -1, -1):  # the credit's last slash
        tok = tokens[i][1]
        slash = tok.find("/")
        if 0 < slash < len(tok) - 1:
            # "Jane Doe/AP Mexico City ...": the agency ends the credit; "Reuters/Ann Lee Port Kessel
            # lowered ...": the photographer's name is two words, the sentence's subject may be two more
            after = i + 1 if _AGENCY_WORD.fullmatch(tok[slash + 1:].strip(",;:()[]")) else i + 2
            after += after < first_lower and tokens[after][1] in ("Images", "IMAGES")  # "Getty Images"
            if after < first_lower and tokens[after][1][:1].isupper():
                return tokens[after][0]
            break
    pos, tok = tokens[first_lower - 1]
    if not _is_caps_word(tok):
        return None
    return pos


# --- strip_lead -------------------------------------------------------------------------

# A dateline: "TOKYO (AP) —", "CAIRO, Egypt (CNN) --", "Benghazi, Libya (CNN) --", "BEIRUT:", and with
# the day, as some papers print it: "PARIS, March 17 --", "NEW YORK, Sept. 19 --".
_PLACE_CAPS = r"[A-Z][A-Z.'’\-]{2,}(?: [A-Z][A-Z.'’\-]{1,})*"
_DAY_PART = r"(?:,\s*" + _MONTH + r"\.?\s+\d{1,2}(?:,\s*\d{4})?)"
_PLACE_MIXED = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}"
_REGION = r"(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2})"
_AGENCY = r"\((?:[A-Z][\w.&]*(?:\s[A-Z][\w.&]*){0,3})\)"
_DASH = r"(?:--|—|–|-)"
_DATELINE = re.compile(
    r"(?:" + _PLACE_CAPS + _REGION + r"?" + _DAY_PART + r"?\s*(?:" + _AGENCY + r")?\s*(?:" + _DASH + r"|:)"
    r"|" + _PLACE_MIXED + _REGION + r"?\s*" + _AGENCY + r"\s*" + _DASH
    + r"|Reporting\s+from\s+[A-Z][\w.'’\-]*(?:,?\s+(?:and\s+)?[A-Z][\w.'’\-]*){0,5}\s*(?:--|—|–))\s+(?=[A-Z0-9\"“‘'(])")
_DATELINE_AT_END = re.compile(
    r"(?:^|\s)(?:" + _PLACE_CAPS + _REGION + r"?\s*(?:" + _AGENCY + r")?\s*(?:" + _DASH + r"|:)?"
    r"|" + _PLACE_MIXED + _REGION + r"?\s*" + _AGENCY + r"\s*" + _DASH + r"?)\s*$")
# The same dateline after a headline run into the story ("Minister resigns CAIRO — ...").
# Found from the agency's bracket or the dash, the only cheap places to start looking.
_GLUED_AGENCY = re.compile(_AGENCY + r"\s*(?:--|—|–|-|:)(?:(?<=--)\s*|\s+)(?=[A-Z\"“‘'])")
_GLUED_PLACE = re.compile(r"\s" + _PLACE_CAPS + _REGION + r"?" + _DAY_PART + r"?\s*$")
_AFTER_DASH = re.compile(r"(?:--|—|–)\s*(?=[A-Z\"“‘'])")
# ... or glued by a hyphen, as some wires print it ("Police and protesters clash for 5th day CAIRO-Egyptian
# troops ...", "... at U.S. embassy SANAA, Yemen-Armed with guns ..."): a word of four capitals or more (not
# a company's initials, "SNC-Lavalin", nor an initialism with stops, "U.S.-Mexico"), its region, a hyphen
# and a capitalized word with no space.
_GLUED_HYPHEN_PLACE = re.compile(r"\s[A-Z]{4,}[A-Z'’]*(?:\s[A-Z][A-Z'’]+)*(?:,\s*[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?)?"
                                 r"-(?=[A-Z][a-z])")
# A section label or a headline ending on a name, run into a lead that opens on the same name's
# possessive: "Egypt Egypt's top judges suspended work ...", "... football riot in Egypt Egypt's top
# prosecutor has charged ...". The name said twice in a row is the seam.
_DOUBLED_NAME = re.compile(r"(?:^|\s)([A-Z][a-z]+)\s+(?=\1(?:'s|’s)\s)")
# A word before such a capitals word that makes it part of the sentence, whatever its case: "The NHIS-Teen
# data", "from NHIS-Teen", "a NATO-Russia council".
_INSIDE_BEFORE = re.compile(r"(?i:\b(?:and|or|the|of|to|in|on|at|a|an|by|for|with|from|into|about|over|after|before"
                            r"|between|against|under|as|than|its|their|his|her|this|that|said|says))\s*$")
_HEADLINE_TAIL = re.compile(r"(?:\b(?:and|or|the|of|to|in|on|at|a|an|by|for|with|said|says)|[.!?,;:\"”])\s*$")

# A live-update stamp in brackets ("(Update 4:33 a.m. Thursday in Cairo)", "(UPDATED)") and a
# wire headline's update number ("UPDATE 2-").
_UPDATE_BRACKET = re.compile(r"[(\[]\s*(?:Update|Updated|UPDATE|UPDATED)\b[^()\[\]]*(?:\([^()]*\)[^()\[\]]*)*[)\]]\s*")
_UPDATE_NUMBER = re.compile(r"^UPDATE\s*\d*\s*-\s*")
# A run of stamp words: clock times, dates, weekdays, timezones, "Updated:", "Posted", "|".
_STAMP_WORD = (r"(?:(?:Page\s+)?(?:[Ll]ast\s+)?(?:[Uu]pdated|UPDATED|[Pp]ublished|PUBLISHED|Posted|POSTED|Added"
               r"|Modified|Created|First\s+published)(?:\s+(?:at|on))?\s*:?)")
_STAMP_TOKEN = (r"(?:" + _STAMP_WORD + r"|" + _DATE + r"|" + _CLOCK + r"|" + _WEEKDAY + r"|" + _MONTH
                + r"|" + _TZ + r"\b(?!-)|\d{1,2}(?:st|nd|rd|th)?\b|(?:19|20)\d\d\b|at\b|on\b|local\s+time\b)")
_STAMP_RUN = re.compile(r"(?:[\s,;|()\-–—:]*" + _STAMP_TOKEN + r")+[\s,;)\-–—:]*")
_HAS_STAMP_SIGNAL = re.compile(_CLOCK + r"|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}")
_PLACE_BAR = re.compile(r"^" + _PLACE_CAPS + _REGION + r"?\s*\|\s*")

# A byline: "By Jane Doe", "By Jane Doe and John Roe, Staff Writers", "By the CNN Wire Staff".
_NAME = r"(?:[A-Z][\w'’.\-]*|de|da|del|van|von|der|al|el|bin|ibn|la|le|du)"
_TITLE_HEAD = (r"(?:Writers?|Correspondents?|Editors?|Reporters?|Staff|Contributors?|Columnist|Producer|Analyst"
               r"|Chief|Bureau|Desk|Service|Press|News|Wire|Agency|Online|Times|Post|Journal)")
_BY = r"^\(?(?:By|BY|by)\s*:?\s+"
_BYLINE_HEAD = re.compile(_BY + r"(?:the\s+)?(?P<name>" + _NAME + r"(?:\s+" + _NAME + r"){0,4})")
_BYLINE_TITLE = re.compile(r"\s*,\s*(?:(?:Special|Exclusive)\s+to\s+(?:the\s+)?(?:[A-Z]{2,}|[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)"
                           r"|(?:[A-Z][\w'’.\-]*\s+|(?:and|of|for|the|at|in|&)\s+){0,5}" + _TITLE_HEAD + r")\b\)?")
_BYLINE_ALONE = re.compile(
    _BY + r"(?:the\s+)?" + _NAME + r"(?:\s+" + _NAME + r"){0,5}(?:\s*(?:,|and|&)\s*(?:the\s+)?" + _NAME
    + r"(?:\s+(?:" + _NAME + r"|and|of|for|to|the|in|at|&)){0,7})*\s*\)?\s*\.?\s*$")

# A label with a colon at the start: a factbox line ("Born: ...") or a credit ("Photograph: ...").
_LEAD_LABEL = re.compile(r"^(?P<label>[A-Z][a-z]+(?:[ -][a-z]+){0,2})\s?:\s+")
_CREDIT_LABEL = re.compile(r"^\(?(?:(?:Photo(?:graph)?s?|Pictures?|Images?|Credit|Photo credit|Video|Source)\s*:"
                           r"|(?:Photo(?:graph)?s?|Pictures?|Images?|Video)\s+(?:by|courtesy(?:\s+of)?|credit)\b:?)\s*")
# A photo credit closing a caption that runs into the story: "... [ Reuters ] Police said ...".
_AGENCIES = r"(?:AFP|AP|Reuters|REUTERS|EPA|Getty(?:\s*Images)?|GETTY(?:\s*IMAGES)?|PA|Xinhua|Bloomberg|Corbis|Rex|ANSA|Sipa|SIPA|AAP|GALLO|Al\s+Jazeera|Pool)"
_AGENCY_WORD = re.compile(r"[A-Z]{2,}|" + _AGENCIES)  # after a credit's slash: the agency, not a name
_CREDIT_BRACKET = re.compile(r"\[\s*" + _AGENCIES + r"[^\[\]]{0,40}\]\s*")
_CREDIT_PAREN = re.compile(r"\((?:AP\s*Photo|Photo|Reuters|AFP|Getty)[^()]{0,60}\)\s*"
                           r"|\((?:[A-Z][\w.'’\-]*\s+){0,3}[A-Z][\w.'’\-]*\s*/\s*" + _AGENCIES + r"[^()]{0,30}\)\s*")
_CREDIT_LABELLED = re.compile(r"(?:Photograph|Photo|Picture)\s*:\s*(?:(?:[A-Z][\w.'’\-]*\s*/?\s*){1,4}/\s*)?" + _AGENCIES
                              + r"\b(?:\s*/\s*" + _AGENCIES + r"\b)*\s*")
_CREDIT_GETTY = re.compile(r"/\s*Getty\s*Images\b\s*")
_CREDIT_WORDS = frozenset(_variants_of(["photo:", "photograph:", "picture:"]))
# An all-capitals crosshead or kicker run into the story ("WHY IT MATTERS The vote ...").
_CAPS_RUN = re.compile(r"^(?:[A-Z][A-Z'’\-]+\s+){3,}(?=[A-Z][a-z])")
_GLUED_LABEL = re.compile(r"^(?:Advertisement|ADVERTISEMENT|Story continues below|Story highlights|STORY HIGHLIGHTS"
                          r"|(?:NEW|BREAKING(?:\s+NEWS)?|UPDATE|UPDATED|LATEST|LIVE|WATCH|VIDEO)\s*:"
                          r"|\((?:Read|Click|Watch|See|Listen)\b[^()]{0,40}\)|\((?:VIDEO|PHOTOS?|AUDIO)\)"
                          r"|(?:The\s+)?(?:views|opinions)\s+expressed\s+(?:in\s+this\s+\w+\s+)?are\s+(?:solely\s+)?"
                          r"(?:his|her|their|my|the\s+author's|the\s+writer's)\s+own\s*(?:--|—|–|-|\.))\s*")
# A photo credit with a slash opening the sentence: "Jane Doe / Reuters Police said ...".
_LEAD_CREDIT = re.compile(r"^\(?(?:[A-Z][\w.'’\-]*\s+){0,3}[A-Z][\w.'’\-]*\s*/\s*(?:[A-Z][\w.\-]*\s*/\s*)*" + _AGENCIES
                          + r"(?:\s*/\s*[A-Z][\w.\-]*(?:\s+Images)?)*\)?\s+"
                          r"|^\(?(?:AFP|AP|EPA|REUTERS|Reuters|AP\s+Photo)\s*/\s*(?:[A-Z][\w.'’\-]*\s+){0,2}[A-Z][\w.'’\-]*\)?\s+")
# A stamp after a headline, before the story: "Headline updated: Fri Jan 21 2011 00:49:00 The ...".
_MID_STAMP_START = re.compile(r"\s(?:(?:Last\s+)?[Uu]pdated|UPDATED|Published|PUBLISHED|Posted|POSTED)\b\s*:?"
                              r"|\s\((?=Update|UPDATE)"
                              r"|\s(?=(?:" + _WEEKDAY + r"\s+)?(?:\d{1,2}\s+" + _MONTH + r"|" + _MONTH + r"\s+\d{1,2},?)\s+\d{4},?\s+"
                              r"\d{1,2}[:.]\d\d)")

_MIN_REST = FEATURES.min_lead_rest
_MID_STAMP_WORDS = frozenset(_variants_of("updated updated: published published: posted: gmt bst utc et edt est (update".split()))


# First words after which a stamp may follow at the start of a sentence.
_STAMP_FIRST = frozenset("""
Updated UPDATED updated Published PUBLISHED Posted POSTED Last LAST Page First Added Modified Created
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
January February March April May June July August September October November December Jan Feb Mar Apr
Jun Jul Aug Sep Sept Oct Nov Dec ET GMT UTC EDT EST BST
""".split())
_LEAD_LABEL_FIRST = frozenset("Advertisement ADVERTISEMENT Story STORY NEW BREAKING UPDATE UPDATED LATEST LIVE WATCH VIDEO "
                              "Views Opinions".split())
_DISCLAIMER_START = ("The views", "The opinions")
_BY_FIRST = frozenset("By BY by (By By:".split())
_CREDIT_FIRST = frozenset("Photo Photos Photograph Photographs Picture Pictures Image Images Video (Photo (Picture".split())


def _strip_start(text: str, first: str, word: str, bare: str, caps: bool, paren: int) -> Optional[str]:
    """The text after a lead that opens it (update stamp, label, byline, stamp, credit,
    dateline, crosshead), or None."""
    if first in "([":
        m = _UPDATE_BRACKET.match(text)
        if m:
            return text[m.end():]
    elif word == "UPDATE" or word.startswith("UPDATE"):
        m = _UPDATE_NUMBER.match(text)
        if m:
            return text[m.end():]
    if bare in _LEAD_LABEL_FIRST or first == "(" or text.startswith(_DISCLAIMER_START):
        m = _GLUED_LABEL.match(text)
        if m and _reads_as_sentence(text[m.end():]):
            return text[m.end():]
    if word in _BY_FIRST:
        cut = _byline_cut(text)
        if cut:
            return text[cut:]
    if first.isdigit() or bare in _STAMP_FIRST or first in "(#" or (caps and text.find("|", 0, 60) > 0):
        m = _PLACE_BAR.match(text) if caps else None
        start = m.end() if m else 0
        m = _STAMP_RUN.match(text, start)
        if m and m.end() > start and _HAS_STAMP_SIGNAL.search(text, start, m.end()):
            rest = text[m.end():]
            if rest[:1] not in "|" and not rest.startswith(("Report", "Reply")) and not rest[:1].islower():
                return rest  # not "1998 | was the year ...": a stamp ends where a sentence begins
    if 0 < text.find(":", 0, 40) or bare in _CREDIT_FIRST:
        m = _CREDIT_LABEL.match(text)
        if m:
            cut = _value_cut(text, m.end(), 6)
            if cut and _reads_as_sentence(text[cut:]):
                return text[cut:]
        m = _LEAD_LABEL.match(text)
        if m and _is_label(m.group("label")):
            cut = _value_cut(text, m.end(), 8)
            if cut and _reads_as_sentence(text[cut:]):
                return text[cut:]
    if text.find("/", 0, 80) > 0:
        m = _LEAD_CREDIT.match(text)
        if m and _reads_as_sentence(text[m.end():]):
            return text[m.end():]
    if (caps and bare != "FILE") or 0 <= paren < 60 or word == "Reporting":  # "FILE -" opens a caption
        m = _DATELINE.match(text)
        if m:
            return text[m.end():]
    if caps:
        m = _CAPS_RUN.match(text)
        if m and any(len(w) >= 4 for w in m.group().split()) and _reads_as_sentence(text[m.end():]):
            return text[m.end():]
    return None


# First words a lead may open with (a quick test before the expressions that cut leads).
_LEAD_FIRST = _LEAD_LABEL_FIRST | _BY_FIRST | _STAMP_FIRST | _CREDIT_FIRST | {"Reporting", "UPDATE", "FILE", "by"}


def _strip_once(text: str, words: frozenset[str]) -> str:
    """One piece of lead furniture cut off, or the text unchanged (``words``: the lower-cased
    words of the whole sentence, for cheap tests)."""
    first = text[0]
    space = text.find(" ", 0, 40)
    word = text[:space] if space > 0 else text[:40]
    bare = word.rstrip(":,.;|")
    caps = len(bare) >= 2 and bare.isupper()
    paren = text.find("(", 0, 220)
    if (caps or first in "([#|" or first.isdigit() or bare in _LEAD_FIRST or 0 <= paren < 60
            or 0 < text.find(":", 0, 40) or 0 < text.find("/", 0, 80) or text.startswith(_DISCLAIMER_START)):
        cut = _strip_start(text, first, word, bare, caps, paren)
        if cut is not None:
            return cut
    head = text[:220]
    if paren >= 0:  # "Minister resigns CAIRO (Reuters) - ...", "... (AP) — ..."
        m = _GLUED_AGENCY.search(head)
        if m and m.start() > 0 and not _HEADLINE_TAIL.search(text, 0, m.start()):
            return text[m.end():]
    if "—" in head or "--" in head or "–" in head:  # "Minister resigns CAIRO — ..."
        m = _AFTER_DASH.search(head)
        place = _GLUED_PLACE.search(text, max(0, m.start() - 60), m.start()) if m and m.start() > 0 else None
        if m and place is not None:
            if place.start() > 0 and not _HEADLINE_TAIL.search(text, 0, place.start()):
                return text[m.end():]
    if "'s " in head or "’s " in head:
        m = _DOUBLED_NAME.search(head)
        if m and _reads_as_sentence(text[m.end():]):
            return text[m.end():]
    if "-" in head:
        m = _GLUED_HYPHEN_PLACE.search(head)
        if m and not _HEADLINE_TAIL.search(text, 0, m.start()) and not _INSIDE_BEFORE.search(text, 0, m.start()) \
                and _reads_as_sentence(text[m.end():]):
            return text[m.end():]
    if not words.isdisjoint(_MID_STAMP_WORDS):
        m = _MID_STAMP_START.search(head)
        if m and m.start() > 0 and not _HEADLINE_TAIL.search(text, 0, m.start()):
            run = _STAMP_RUN.match(text, m.start())
            if m.group().strip() == "(":
                run = _UPDATE_BRACKET.match(text, m.end() - 1)
            if run and run.end() > m.end() and _reads_as_sentence(text[run.end():]):
                return text[run.end():]
    if "[" in head:
        m = _CREDIT_BRACKET.search(text, 0, 320)
        if m and _reads_as_sentence(text[m.end():]):
            return text[m.end():]
    if paren >= 0:
        m = _CREDIT_PAREN.search(text, 0, 320)
        if m and _reads_as_sentence(text[m.end():]):
            return text[m.end():]
    if not words.isdisjoint(_CREDIT_WORDS):
        m = _CREDIT_LABELLED.search(text, 0, 320)
        if m and _reads_as_sentence(text[m.end():]):
            return text[m.end():]
    if "Getty" in head:
        m = _CREDIT_GETTY.search(text, 0, 320)
        if m and _reads_as_sentence(text[m.end():]):
            return text[m.end():]
    return text


def _byline_cut(text: str) -> Optional[int]:
    """Where the sentence starts after a leading byline ("By Jane Doe, Staff Writer CAIRO — ..."),
    or None when the text does not open with one."""
    m = _BYLINE_HEAD.match(text)
    if not m or m.group("name").split()[0] in _NOT_NAME:
        return None
    name_start = m.start("name")
    t = _BYLINE_TITLE.match(text, m.end())
    if t:  # a title after a comma closes the byline
        return t.end() if _reads_as_sentence(text[t.end():]) or _DATELINE.match(text[t.end():].lstrip()) else None
    rest_start = m.end()
    if text[rest_start:rest_start + 1] == ")":
        return rest_start + 1
    cut = _value_cut(text, name_start, 8)
    if cut is not None and cut - name_start >= 3 and _reads_as_sentence(text[cut:]):
        return cut
    # the name ran into an all-capitals dateline: "By Jane Doe CAIRO — ..."
    for tok in _TOKEN.finditer(text, name_start):
        if tok.start() - name_start > 60:
            break
        if tok.group().isupper() and len(tok.group()) >= 3 and _DATELINE.match(text, tok.start()):
            return tok.start()
    return None


def _is_label(label: str) -> bool:
    words = label.split()
    return (words[0] not in _NOT_LABEL and words[-1].lower() not in _SPEECH_VERBS
            and words[0] not in _NOT_NAME)


def strip_lead(text: str) -> str:
    """The sentence without what is glued before the reporting: a dateline ("TOKYO (AP) —"), a byline
    ("By Jane Doe, Staff Writer"), a live-update stamp ("(Update 4:33 a.m. Thursday)"), a headline run
    into the story ("Minister resigns CAIRO — ...", "... retake port city Mail Online Government troops
    ..."); the text unchanged when nothing is glued or too little would remain.

    Also cut: a page stamp ("Updated 0055 GMT (0855 HKT)"), a photo credit or a caption closed
    by its credit ("Photograph: AP", "... [Reuters]"), a factbox line ("Born: 12 May 1950, Leeds")
    and an all-capitals crosshead, each only when a real sentence follows.
    """
    return _lead(text)[0]


@lru_cache(maxsize=1024)  # a sentence is judged (furniture_reason), then shown (strip_lead)
def _lead(text: str) -> tuple[str, frozenset[str]]:
    """The sentence without its lead (``strip_lead``) and its lower-cased words."""
    current = text.strip()
    words = sentence_words(text).low_set  # stripping splits the same
    if not current:
        return text, words
    for _ in range(2):  # a title cut may bare a dateline or a byline: "... Mail Online WESTHAVEN - Troops"
        current = _strip_glued(current, words)
        before = current
        for cut in (_label_cut, _place_dash_cut, _agency_word_cut, _bullet_cut, _outlet_cut, _headline_echo_cut,
                    _glued_headline_cut):
            at = cut(current)
            if at is not None:
                current = current[at:]
        if current == before:
            break
    if current == text.strip():
        return text, words
    return current, sentence_words(current).low_set


# A label run into the sentence: a live blog's day stamp ("Friday At least 30 civilians ..."), a
# section name ("Africa Gaddafi's son warns ..."), a print page ("Page A23 The ..."), a live
# blog's clock stamp before a name or acronym ("1535 UK-based aid agency ..."), a capitals
# dateline glued by a hyphen ("SANAA, YEMEN-Tens of thousands ...", "RAS LANUF, LIBYA-Forces ...";
# not before a word in capitals: "BAN SHORT-SELLING ..."), the tail of an agency credit
# ("Reuters)- - Nobel ...") or a photo credit in brackets ("(Jane Doe - AP) President ..."), a
# running kicker naming the coverage ("Uprising in Egypt -- ElBaradei is ...": capitalized words
# joined by a small word, then a dash; a name with a dashed apposition has no "in" or "of" inside),
# a list or ticker marker ("L) MedImmune ...") and a web server's include error left in the page.
_LABEL_LEAD = re.compile(
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+"
    r"(?!(?:Times|Telegraph|Express|Mirror|Mail|Post|Herald|Tribune|Independent|Star|Observer|People|Sport)\b)"
    r"|(?:Middle East|Africa|Europe|Asia|Americas|Asia Pacific|World News|Opinion|Analysis|Comment|Live)\s+"
    r"|Page\s+[A-Z]?\d{1,3}\s+"
    r"|[012]\d[0-5]\d\s+(?=[A-Z][a-z]*[A-Z\-])"
    r"|\((?:By\s+)?[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}\s*(?:--?|—|–|/)\s*[A-Z][\w.&'’\-]*"
    r"(?:\s+[A-Z][\w.&'’\-]*){0,3}\)\s*"
    r"|[A-Z]{3,}(?:\s[A-Z]{2,})*(?:,\s*[A-Z]{3,}(?:\s[A-Z]{2,})*)*\s*-(?!-|[A-Z]{2})"
    r"|[A-Za-z]+\)\s*[-–—](?:\s*[-–—])*\s*"
    r"|[A-Z][a-z]+(?:\s+[A-Z][\w'’]*)*\s+(?:in|on|of|over|for)\s+(?:the\s+)?[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)?"
    r"\s+(?:--|—)\s+"
    r"|[A-Za-z]{1,2}\)\s+"
    r"|[\[(]?[Aa]n error occurred while processing this directive[\])]?\s*)"
    r"(?=[A-Z\"“])")


def _label_cut(text: str) -> Optional[int]:
    m = _LABEL_LEAD.match(text)
    return m.end() if m and _reads_as_sentence(text[m.end():]) else None


# A bare place dateline or kicker, no agency, run into the sentence by a spaced dash: "Kessel — Soldiers
# opened fire ...", "Ostmark -- The uprising ...". One or two capitalized words (not a pronoun or a
# spoken opener, as in a transcript's "So -- ...") open the text; a name with
# a dashed apposition closes it with a second dash ("Kessel — Ostmark's capital — was ..."), so a
# spaced dash soon after refuses the cut.
_PLACE_DASH_LEAD = re.compile(r"(?!(?:So|We|I|You|He|She|It|They|But|And|Or|Well|Now|Yes|No|Oh|Then|This|That)\b)"
                              r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s+(?:--|—|–)\s+(?=[A-Z\"“])")
_SPACED_DASH = re.compile(r"\s(?:--|—|–)\s")


def _place_dash_cut(text: str) -> Optional[int]:
    m = _PLACE_DASH_LEAD.match(text)
    if m is None or _SPACED_DASH.search(text, m.end(), m.end() + 100):
        return None
    return m.end() if _reads_as_sentence(text[m.end():]) else None


# An agency or outlet name in capitals run into the sentence: "AP The administration ...",
# "SANA Eight soldiers ...". An acronym that is the sentence's subject is not followed by a
# determiner or a number word, so only those openers count.
_AGENCY_WORD_LEAD = re.compile(r"[A-Z]{2,6}\s+(?=(?:The|A|An|At least|More than|Some|Two|Three|Four|Five|Six|Seven|"
                               r"Eight|Nine|Ten|Dozens|Hundreds|Thousands)\s)"
                               # a capitals dateline with no dash before a lead opening on a possessive
                               # ("KESSEL Ostmark's opposition called ..."): an acronym subject is not
                               # followed by another owner; four letters or more ("WHO Europe's" is a name)
                               r"|[A-Z]{4,}(?:\s[A-Z]{2,})*\s+(?=[A-Z][a-z]+(?:'s|’s)\s+[a-z])")


def _agency_word_cut(text: str) -> Optional[int]:
    m = _AGENCY_WORD_LEAD.match(text)
    return m.end() if m and _reads_as_sentence(text[m.end():]) else None


# A standfirst set off by a bullet after the headline ("<headline> • <standfirst> <lead>"): a bullet
# stands between lines of a page, never inside a sentence, so the text after the last one near the
# start is what the page says below its headline; only after a headline (no closing stop, a few
# words), and only when a sentence follows.
_BULLET = "• "
_BULLET_SPAN = 300   # characters from the start in which a bullet closes the headline's lines
_BULLET_HEAD = 40    # at most this many words before it


def _bullet_cut(text: str) -> Optional[int]:
    at = text.rfind(_BULLET, 0, _BULLET_SPAN)
    if at <= 0 or text[at - 1] != " ":
        return None
    head = text[:at].rstrip()
    if not head or head[-1] in ".!?" or len(head.split()) > _BULLET_HEAD or text.rstrip()[-1:] in "•–—":
        return None  # a line of the page's bullets ("... • Rebels flee the town •"), all of it headlines
    return at + len(_BULLET) if _reads_as_sentence(text[at + len(_BULLET):]) else None


# The outlet name a site appends to its page titles, run into the story with the title before it
# ("<headline> Israel News Haaretz Forces loyal to the government ...", "<headline> Mail Online
# Government troops retook ..."): named sites and the forms their title
# suffix takes. Only after a word a headline can end on (not "told", "the", "on" ...: "told the Los
# Angeles Times The ..." is reporting) and before a capitalized word that is not a day or month
# ("said on CNN Sunday").
_OUTLET_SUFFIX = re.compile(
    r"(?<=[\w'’\"”?!)]) (?:Mail Online|MailOnline|Israel News Haaretz|Haaretz\.com|GlobalPost|NY Daily News"
    r"|New York Daily News|Los Angeles Times|latimes(?:\.com)?|Al Jazeera English|BBC News|CNN\.com|Sky News"
    r"|NBC News|CBS News|ABC News|Fox News|Arab News|Al Arabiya|TIME\.com|guardian\.co\.uk|Telegraph\.co\.uk"
    r"|Reuters\.com|Ahram Online|Gulf News|Jerusalem Post|Times of Israel|Huffington Post)"
    r"(?:\s*[-|–—:]\s*|\s+)(?=[A-Z\"“‘'])(?!" + _WEEKDAY + r"\b|" + _MONTH + r"\b)")
_NOT_TITLE_END = frozenset("""
the a an of in on at to for with by from as and or but told tells said says say according via reported
reports wrote writes interview interviewed after before since during into over under about against between
through without within amid despite upon like than
""".split())
# a word of every name above, tested before the expression runs (most sentences hold none)
_OUTLET_CUES = ("News", "Online", "Post", "imes", "Haaretz", "Jazeera", "Arabiya", ".co")
_OUTLET_WORDS = 35  # a page title with its suffix is at most this many words


def _outlet_cut(text: str) -> Optional[int]:
    """Where the story begins after a page title closed by its outlet's name (``_OUTLET_SUFFIX``)."""
    for cue in _OUTLET_CUES:
        if cue in text:
            break
    else:
        return None
    m = _OUTLET_SUFFIX.search(text)
    if m is None:
        return None
    before = text[:m.start()].split()
    if not before or len(before) > _OUTLET_WORDS or before[-1].lower().strip("\"'“”‘’") in _NOT_TITLE_END or before[-1][-1:] in ".;:,":
        return None
    return m.end() if _reads_as_sentence(text[m.end():]) else None


def _stem(word: str) -> str:
    return word.strip("\"'“”‘’:,.()").lower()[:5]


# Titles a story's first words give a person the headline names bare ("Hadi warns rivals ... | President
# Abdrabuh Mansur Hadi warned ...").
_OPENING_TITLES = frozenset("President Prime Minister Secretary Chancellor Governor Senator Ambassador General Gen. "
                            "King Queen Prince Mr Mr. Mrs Mrs. Ms Ms. Dr Dr.".split())


def _titled(words: Sequence[str], k: int, first: str) -> bool:
    """Whether the story opening at ``words[k]`` names, after a title and within its first five
    capitalized words, the headline's first word. The headline ends on a lower-case word that does
    not take the title into its own phrase ("... ire of Egypt opposition A warning from | President
    Mohamed Morsi"; "... Departure Of | President Ali Abdullah Saleh")."""
    before = words[k - 1]
    if words[k] not in _OPENING_TITLES or not before[:1].islower() or _INSIDE_BEFORE.search(before):
        return False
    for w in words[k + 1:k + 5]:
        if not w[:1].isupper():
            return False
        if _stem(w) == first:
            return True
    return False


def _headline_echo_cut(text: str) -> Optional[int]:
    """Where the story begins after a headline run into it that it echoes: "Russia and China
    again veto Syria resolution Russia and China again vetoed a U.N. resolution ...". The story
    opens (within its first two words) with the headline's first word, after a capitalized word
    boundary with no punctuation, and repeats at least half of the headline's longer words. The
    headline may carry a label before it ("Friday Rebels attack oil port Rebels attacked ..."):
    one of its first three words opens the story."""
    words = sentence_words(text).spaced
    if len(words) < 10:
        return None
    first = _stem(words[0])
    echo = len(first) >= 2
    label: Optional[set[str]] = None  # stems after a label word, found when first needed
    stems: Optional[list[str]] = None  # stems of the first words, found when first needed
    for k in range(3, min(16, len(words) - 6)):
        if not words[k][:1].isupper() or words[k - 1][-1:] in ".!?;,":
            continue
        opening = _stem(words[k])
        share, least = 0.5, 2  # the share of the headline's words the story repeats, of at least this many
        if not (echo and (opening == first or _stem(words[k + 1]) == first or _titled(words, k, first))):
            if label is None:
                label = {w for w in map(_stem, words[1:3]) if len(w) >= 2}
            labelled = opening in label
            if not labelled and len(opening) < 4:
                continue
            before = words[k - 1]  # the headline ends before the story, on a word a sentence goes on from
            if not ((before[:1].islower() and before.lower() not in _INSIDE_CLAUSE) or before[-1:] in "*)"):
                continue
            if not labelled:  # the story opens on another of its words: "Crisis could sink Ostmark
                #               transition | Ostmark's crisis could sink ..."
                if stems is None:
                    stems = [_stem(w) for w in words[:16]]
                if opening not in stems[:k]:
                    continue
                share, least = _ECHO_ANYWHERE
        if _HEADLINE_TAIL.search(" ".join(words[:k])):
            continue  # "Loyalists of | Yemeni President ...": a sentence, not a headline, ends there
        head = {_stem(w) for w in words[:k] if len(w) > 3}
        rest = {_stem(w) for w in words[k:k + 2 * k + 12] if len(w) > 3}
        if len(head) >= least and len(head & rest) >= share * len(head) and _reads_as_sentence(" ".join(words[k:])):
            return len(" ".join(words[:k])) + 1
    return None


# The share of a headline's longer words its story must repeat, and how many it must have, when the
# story opens on a word of the headline other than its first.
_ECHO_ANYWHERE = (0.75, 3)


# A word that opens a sentence and is written lower-case inside one: capitalized after a
# lower-case word with no punctuation between, it starts a sentence run into a headline
# ("Syria death toll hits 5,000 a month Five thousand people ...", "Main players in the crisis
# The military removed ...").
_TENS = "Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety".split()
_OPENERS_INSIDE = frozenset("""
The A An In On At As After When While Before Since Despite Amid Following Meanwhile He She They It Its His Her
Their This These Those Some Many Several More Most Thousands Hundreds Dozens Two Three Four Five Six Seven Eight
Nine Ten Eleven Twelve Thirteen Fourteen Fifteen Sixteen Seventeen Eighteen Nineteen
""".split() + _TENS) | frozenset(  # a number in words, written lower-case inside a sentence: "Ninety-five new cases ..."
    f"{tens}-{unit}" for tens in _TENS for unit in "one two three four five six seven eight nine".split())
# Words after which a capitalized "The ..." is a name, not a new sentence ("told The Associated
# Press", "the newspaper The Independent", "in The Hague").
_BEFORE_NAME = frozenset("""
of in on at for with by from about after before into over under than to against and or but as told said says
tells reported reports wrote writes quoted quoting cited citing according newspaper daily weekly magazine paper
tabloid journal programme program show website site channel station network film movie book novel album song
series play band called named titled dubbed edition column
""".split())
# Words after which a capitalized word goes on the same sentence ("from the Arab League", "said what I").
_INSIDE_CLAUSE = _BEFORE_NAME | frozenset("""
the a an this that these those its his her their our my your what which who whose ongoing
""".split())
# Words before a single capitalized word that make it part of a name or title, not the end of a phrase.
_NAME_LEADS = frozenset("the of de del da van von al el bin".split())
_HEAD_END = ".!?;:,()\"“”‘’'"
_ARTICLES = frozenset("the a an".split())


# A person's title and name closing what comes before the seam: a pull quote's or a caption's speaker
# ("... can not come soon enough UN Secretary General Ann Lee | Some 14,000 meals ..."); inside a
# sentence a named person is not followed by a word that opens sentences.
_TITLED_NAME_END = re.compile(r"(?:^|\s)(?:President|Prime\s+Minister|Secretary[- ]General|Secretary|Minister|Chancellor"
                              r"|Governor|Senator|Ambassador|General|Colonel|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)"
                              r"(?:\s[A-Z][\w'’.\-]+){1,3}$")
# Only a sentence's subject opens there: a preposition after a name may be part of a title-case headline
# ("... Ann Lee Testifies Before the ...") or of the name itself.
_AFTER_TITLED_NAME = frozenset("""
The Some He She They It This These Those Many Several More Most Thousands Hundreds Dozens Two Three Four Five Six
Seven Eight Nine Ten
""".split())


# A reporting verb this close before the seam makes what follows its words ("he told reporters The
# ..."); further back, a clause of its own lies between ("A rescuer said the man had water | A
# Kessel man was pulled ...": a caption, then the story). Before "A" and a lower-case word, which
# may be a letter naming a type ("said it was influenza A virus"), a reporting verb anywhere.
_SPEECH_SPAN = 4


def _glued_headline_cut(text: str) -> Optional[int]:
    """Where the story begins after a headline run into it that it does not echo: a word that
    opens sentences, capitalized after a lower-case word with no punctuation between, within the
    first twenty words, a reporting sentence after it and no reporting verb before it."""
    words = sentence_words(text).spaced
    if len(words) < 12 or _OPENERS_INSIDE.isdisjoint(words[3:21]):  # no opener where one may start the story
        return None
    for k in range(3, min(21, len(words) - 7)):
        word, before = words[k], words[k - 1]
        if word not in _OPENERS_INSIDE or not before[-1:].isalnum():
            continue
        # after a lower-case word, or after one name closing a lower-case phrase ("... in Haiti The EU
        # has pledged ..."), never inside a run of capitalized words ("Hope For Haiti The ...")
        lower = before[:1].islower() or before[:1].isdigit()
        if not lower and not (word not in ("A", "An") and before[:1].isupper() and before[1:].islower()
                              and words[k - 2][:1].islower() and words[k - 2].lower() not in _NAME_LEADS
                              and sum(w[:1].islower() for w in words[k + 1:k + 7]) >= 4) \
                and not (word in _AFTER_TITLED_NAME and _TITLED_NAME_END.search(" ".join(words[max(0, k - 6):k]))):
            continue
        if before.lower() in _BEFORE_NAME or before.lower() in _ARTICLES:
            continue  # "the raid on the | In Amenas plant": a headline never ends on an article
        head = words[:k]
        span = head if word in ("A", "An") and not words[k + 1][:1].isupper() else head[-_SPEECH_SPAN:]
        if any(w.lower().strip(_HEAD_END) in _SPEECH_VERBS for w in span):
            return None  # "..., he told reporters The ...": the sentence itself, what was said
        if _reads_as_sentence(" ".join(words[k:])):
            return len(" ".join(head)) + 1
        return None
    return None


# A headline run into a story that opens on a possessive name: "Thinktank says war boosts al-Qaida |
# Britain's involvement in the wars ... contributed to ...". Inside a sentence a noun is not followed
# by another noun phrase's possessive, except in the forms the checks below leave out (an object's
# second noun: "hand rebels Gaddafi's billions"; a relative clause without "that": "the way Ostmark's
# leaders should deal with it", which a headline in the present with no full stop rarely has before it).
_HEAD_OPENERS = frozenset("""
He She It They We I You There This That These Those For With While If When As Although Though Because Since In On
At After Before Still But And Yet So Or Unlike Like Despite
""".split())
_NOUN_TAGS = frozenset("NN NNS NNP NNPS".split())
# Words that are not a noun closing a headline, weeded out before the tagger is run.
_NOT_HEADLINE_END = frozenset("""
since near during between around through behind among outside across along toward towards despite down up off out
beyond within without upon inside underneath beneath above below past via amid amidst including following
regarding concerning when where whether while whom why how what is was be are were been being am has have had do
does did will would can could may might must shall should not also even just only still then there here than
say says tell tells see sees
""".split())
_PHRASE_TAGS = frozenset("NN NNS NNP NNPS JJ JJR JJS VBN VBG CD HYPH POS".split())  # a noun phrase's words after its opener
# Verbs whose object, a noun, may be followed by what was said with no "that".
_TELLING_VERBS = frozenset("tell tells told telling ask asks asked warn warns warned remind reminds reminded assure "
                           "assures assured inform informs informed urge urges urged".split())
_POSSESSIVE_SEAM_WORDS = 21  # the seam lies within a headline's length of the start
_POSSESSIVE_HEAD_CHARS = 250  # ... and so within these characters (21 words of 11 characters)
_POSSESSIVE_AFTER_LOWER = re.compile(r"[a-z] [A-Z][a-z]+['’]s\s")
_SENTENCE_END = re.compile(r"[a-z]{3}[.!?](?![\w.])")  # not an abbreviation ("U.S.", "Mr.")
_POSSESSIVE_SUBJECT = 12  # the tokens of the possessive's phrase ("Britain's involvement in the wars in Iraq")
_POSSESSIVE_TAGGED = 160  # characters tagged past the seam: enough for the possessive's phrase and its verb


def _possessive_name(word: str) -> bool:
    """"Egypt's", "Gaddafi’s": a capitalized name with a possessive ending."""
    return len(word) > 4 and word[-2:] in ("'s", "’s") and word[0].isupper() and word[1:-2].isalpha() \
        and word[1:-2].islower()


def possessive_lead_cut(text: str) -> Optional[int]:
    """Where a story that opens on a possessive name ("Egypt's army ...") starts after a headline run
    into it: the word before it a noun closing the headline, the headline told in the present with no
    full stop, the possessive's phrase followed by its own verb, by spaCy's small English tagger.
    Without the pipeline: None. Asked only of the lines a timeline shows (``candidates.shown_text``):
    the tagger costs about 2 ms a text it reads, too much for every sentence of a build."""
    if not _POSSESSIVE_AFTER_LOWER.search(text, 0, _POSSESSIVE_HEAD_CHARS):
        return None
    words = sentence_words(text).spaced
    if len(words) < 12 or words[0].strip(",:") in _HEAD_OPENERS:
        return None
    tokens: Optional[list] = None
    for k in range(1, min(_POSSESSIVE_SEAM_WORDS, len(words) - 7)):
        word, before = words[k], words[k - 1]
        if _SENTENCE_END.search(before):
            return None  # a headline has no full stop
        if k < 3 or not _possessive_name(word) or not (before[:1].islower() and before.replace("-", "").isalpha()) \
                or before in _INSIDE_CLAUSE or before in _NAME_LEADS:
            continue
        if before in _NOT_HEADLINE_END or before.endswith(("ed", "ly")):
            continue  # a preposition, an adverb, a verb's past: the sentence goes on (tagging is the cost)
        if "-" in before and before.split("-", 1)[1][:1].isupper() and words[k - 2][:1].isupper():
            continue  # inside a name: "Saif al-Islam | Gadhafi's"
        at = len(" ".join(words[:k])) + 1
        if not _reads_as_sentence(text[at:]):
            continue
        if tokens is None:
            tokens = _tagged(text[:at + _POSSESSIVE_TAGGED])
            if tokens is None:
                return None
        if _possessive_seam(tokens, at):
            return at
    return None


def _possessive_seam(tokens: list, at: int) -> bool:
    """Whether the possessive name at character ``at`` opens a sentence of its own after a headline."""
    i = next((j for j, t in enumerate(tokens) if t.idx == at), None)
    if i is None or i + 1 >= len(tokens) or tokens[i - 1].tag_ not in _NOUN_TAGS or tokens[i + 1].tag_ != "POS":
        return False  # "There's", "Haiti's had": not a possessive
    j = i - 1
    while j > 0 and tokens[j - 1].tag_ in _PHRASE_TAGS:
        j -= 1
    opener = tokens[j - 1].lower_ if j > 0 else ""
    if opener in _ARTICLES or opener in _SUBORDINATORS:
        # "the only reason | Blair's email was developed", "as tanks | Gaddafi's forces launched": a
        # clause inside the sentence (a headline has no articles)
        return False
    head = tokens[:i]
    if not any(t.tag_ in ("VBZ", "VBP") for t in head) or any(t.tag_ == "VBD" for t in head):
        return False  # a headline is told in the present
    told = [j for j, t in enumerate(head) if t.lower_ in _TELLING_VERBS]
    if told and not any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in head[told[-1] + 1:]):
        return False  # "... tells reporters | Egypt's army must ...": what they were told
    for t in tokens[i + 1:i + 1 + _POSSESSIVE_SUBJECT]:  # the possessive's phrase, then its verb
        if t.tag_ in _FINITE:
            return True
        if t.tag_ not in _NOMINAL_TAGS and t.tag_ not in ("IN", "CC"):
            return False
    return False


# A section label run into the line: one place name alone ("Yemen | Loyalists of Yemeni President ...
# shot dead ...", "Syria | Rebels losing support in Aleppo"), before a capitalized plural noun and a
# lower-case word, the plural opening a sentence with a verb of its own. A name of two words ("United
# States officials") is one entity to the recognizer, not a place and a noun; a headline's verb after
# a place ("Yemen Prepares for Another ...") leaves the rest with no verb.
_LABEL_PLURAL = re.compile(r"[A-Z][a-z]+ [A-Z][a-z]+s [a-z]")
_PLACE_LABELS = frozenset(("GPE", "LOC"))
_LABEL_TAGGED = 160  # characters read by the recognizer and the tagger: the label and the sentence's start


def section_label_cut(text: str) -> Optional[int]:
    """Where the sentence starts after a one-word place label run into it, by spaCy's small English
    recognizer (the place, alone an entity) and tagger (a plural noun after it). Without the
    pipeline: None. Asked only of the lines a timeline shows, as ``possessive_lead_cut``."""
    if not _LABEL_PLURAL.match(text):
        return None
    at = text.index(" ") + 1
    if not _reads_as_sentence(text[at:]):
        return None
    from .. import nlp

    try:
        recognizer = nlp.pipeline(nlp.NER)
    except nlp.ModelUnavailable:
        return None
    ents = recognizer(text[:_LABEL_TAGGED]).ents
    if not ents or (ents[0].start, ents[0].end) != (0, 1) or ents[0].label_ not in _PLACE_LABELS:
        return None
    if any(e.start <= 1 < e.end and e.label_ != "CARDINAL" for e in ents):
        return None  # the plural is a name's ("Ostmark | Kessel Farmers Union"); "Thousands of" is not
    tokens = _tagged(text[:_LABEL_TAGGED])
    if tokens is None or len(tokens) < 3 or tokens[1].tag_ not in _NOUN_TAGS \
            or not any(t.tag_ in _FINITE for t in tokens[2:]):
        return None  # "Yemen Prepares for Another ...": the place is the headline's subject, its verb tagged a noun
    return at


# --- furniture_reason -------------------------------------------------------------------
# A rule runs only when one of its gate words is among the sentence's words (and one of its
# ``also`` words, when it has them) or, for a rule without words, one of its marks is in the
# text: a regular expression scans the sentence character by character, a set lookup does not.

class _Rule:
    __slots__ = ("reason", "pattern", "how", "words", "also", "marks", "pre", "check")

    def __init__(self, reason: str, pattern: str, words: str = "", also: str = "", marks: tuple[str, ...] = (),
                 how: str = "search", pre=None, check=None):
        self.reason = reason
        self.pattern = re.compile(pattern)
        # "search"; "match" (at the start); "tail" (in the last 60 characters); "pre" (``pre`` decides)
        self.how = how
        self.words = frozenset(words.split())
        self.also = frozenset(_variants(also.split())) if also else None
        self.marks: tuple[str, ...] = marks
        self.pre = pre  # a further test of (text, words), or the whole rule when ``how`` is "pre"
        self.check = check  # a test of (text, match) each match must pass

    def fires(self, body: str, words: frozenset[str]) -> bool:
        if self.also is not None and words.isdisjoint(self.also):
            return False
        if self.pre is not None and not self.pre(body, words):
            return False
        how = self.how
        if how == "pre":
            return True
        if how == "match":
            return self.pattern.match(body) is not None
        start = max(0, len(body) - 60) if how == "tail" else 0
        if self.check is None:
            return self.pattern.search(body, start) is not None
        return any(self.check(body, m) for m in self.pattern.finditer(body, start))


_variants = _variants_of


def _piped(body: str, m: re.Match) -> bool:
    """A comment-thread action: at either end of the text or next to a "|"."""
    before = body[:m.start()].rstrip()
    after = body[m.end():].lstrip()
    return not before or before[-1] == "|" or not after or after[0] == "|"


def _word_start(body: str, m: re.Match) -> bool:
    return m.start() == 0 or body[m.start() - 1].isspace()


# Words before a date that make it part of a sentence ("on May 4, 2011 at 9:30").
_DATE_LEADS = frozenset("on at by of since until before after from to dated".split())


def _no_date_lead(body: str, m: re.Match) -> bool:
    before = body[max(0, m.start() - 12):m.start()].split()
    return not before or before[-1].lower() not in _DATE_LEADS and not before[-1].endswith(("day", "day,"))


_AGENCY_WORDS = r"(?:AFP|AP|EPA|REUTERS|Reuters|Xinhua|PA|ANSA|AAP)"
_AGENCY_BEFORE_SLASH = re.compile(r"(?:^|[\s(\[])" + _AGENCY_WORDS + r"\s*$")
_NAME_AFTER_SLASH = re.compile(r"\s*[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,2}\s*(?:[)\]]|$)")
_NAME_BEFORE_SLASH = re.compile(r"[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,2}\s*$")
_AGENCY_AFTER_SLASH = re.compile(r"\s*(?:" + _AGENCY_WORDS[3:-1] + r"|Pool)\b(?:\s*/\s*[A-Z][\w.\-]*)*\s*(?:[)\]]|$|[A-Z])")


def _slash_credit(body: str, words: frozenset[str]) -> bool:
    """A photo credit written with a slash: "Jane Doe / Reuters", "(AFP/Jane Doe)", "REUTERS /"."""
    end = len(body)
    p = body.find("/")
    while p >= 0:
        pre = body[max(0, p - 40):p]
        post_end = min(end, p + 60)
        if _AGENCY_BEFORE_SLASH.search(pre):
            m = _NAME_AFTER_SLASH.match(body, p + 1, post_end)
            if m and (body[m.end() - 1:m.end()] in (")", "]") or m.end() == end) or not body[p + 1:].strip():
                return True
        if _NAME_BEFORE_SLASH.search(pre):
            m = _AGENCY_AFTER_SLASH.match(body, p + 1, post_end)
            if m and (m.end() == end or body[m.end() - 1] in ")]" or body[m.end() - 1].isupper()
                      or m.end() == post_end):
                return True
        p = body.find("/", p + 1)
    return False


_DATE_CLOCK = re.compile(r"(?:" + _WEEKDAY + r",?\s+)?(?:" + _MONTH + r"\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+" + _MONTH
                         + r",?\s+\d{4}),?\s+(?:-+\s+)?(?:\d{1,2}[:.]\d\d\s*" + _AMPM + r"?(?:\s*" + _TZ + r")?|[012]\d[0-5]\d\s*"
                         + _TZ + r")(?![\w:.]*\s+(?:local\s+time|when|as)\b)")
_YEAR_THEN_DIGIT = re.compile(r"[12][09]\d\d,?\s+(?:-+\s+)?\d")


def _date_clock(body: str, words: frozenset[str]) -> bool:
    """A date run straight into a clock time with no "on" or "at" before it ("Tuesday 5 May
    2009 17.42 BST", "March 9, 2011 10:46 pm"): a page stamp inside the sentence."""
    if ":" not in body and words.isdisjoint(_CLOCK_WORDS):
        return False
    year = _YEAR_THEN_DIGIT.search(body)
    while year:
        for m in _DATE_CLOCK.finditer(body, max(0, year.start() - 30), min(len(body), year.end() + 40)):
            if _no_date_lead(body, m):
                return True
        year = _YEAR_THEN_DIGIT.search(body, year.end())
    return False


_MONTH_WORDS = ("january february march april may june july august september october november december "
                "jan jan. feb feb. mar mar. apr apr. jun jul aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.")
_CLOCK_WORDS = frozenset(_variants("gmt utc bst cet eet et est edt pst pdt hkt ist am pm a.m. p.m.".split()))

# Every expression a rule searches with starts with a literal or a small set of characters:
# Python's engine then skips ahead to the places they occur instead of trying every position.
_RULES: list[_Rule] = [
    # Comments: the stamp and action links of a comment thread, "name wrote:", counts, policies.
    _Rule("comment", r"Report\s+[Aa]buse\b", "abuse", check=_piped),
    _Rule("comment", r"Reply\b(?!\s+(?:to|from|by)\b)", "reply", check=_piped),
    _Rule("comment", r"(?:At\s+" + _CLOCK + r"\s+on\s+[^,]{4,30},\s+)?[\w.@\-]{2,30}(?:\s[A-Z][\w.\-]*){0,3}"
                     r"\s+wrote\s?:\s*(?![\"“'‘`])", "wrote", how="match"),
    _Rule("comment", r"At\s+" + _CLOCK + r"\s+on\s+\d{1,2}\s+" + _MONTH + r"\s+\d{4},\s+\S+\s+wrote\b", "wrote"),
    _Rule("comment", r"Posted\s+by\s*:?\s*[\w.\-]+(?:\s+[\w.\-]+){0,3}\s*(?:[|]|\bat\s+\d|$)", "posted", also="by by:"),
    _Rule("comment", r"[Cc]omments?(?:\s*\(\d+\)|\s+(?:was|were|has\s+been|have\s+been)\s+(?:removed|deleted|closed)"
                     r"|\s+(?:are|is)\s+(?:closed|moderated|pre-moderated)|\s+(?:may|will)\s+(?:be\s+)?(?:edited|moderated|published)"
                     r"|\s+do\s+not\s+represent)"
                     r"|(?:View|Read|Show|Add|Post|Leave|Load)\s+(?:all\s+|more\s+|a\s+|your\s+)?comments?\b"
                     r"|(?:edit|moderate)\s+(?:your\s+)?comments\b", "comment comments"),
    _Rule("comment", r"\d+\s+(?:[Cc]omments?|(?:people\s+)?recommend(?:ed|s|ations)?(?:\s+this)?)\s*\.?$",
          "comment comments recommend recommended recommends recommendations", how="match"),
    _Rule("comment", r"Recommend(?:ed)?\s*(?:\(\d+\)|\d+)?\s*(?:[|]|$)", "recommend recommended", check=_piped),
    _Rule("comment", r"Permalink\b", "permalink", check=_piped),
    _Rule("comment", r"broke\s+the\s+House\s+Rules\b|removed\s+by\s+(?:a\s+|the\s+)?moderators?\b", "rules moderator moderators"),
    _Rule("comment", r"\d\d\d\d,?\s+at\s+" + _CLOCK + r"\s*[|]", marks=("|",)),

    # Stamps: a page or post's time, a live blog's header.
    _Rule("stamp", r"(?:Page\s+last\s+updated|Last\s+[Uu]pdated|LAST\s+UPDATED)\s*(?::|at\b|on\b)?\s*"
                   r"(?:\d|" + _WEEKDAY + r"|" + _MONTH + r"|$|[)|])"
                   r"|last\s+updated\s*:"
                   r"|(?:Updated|UPDATED)\s*:?\s*(?:at\s+)?(?:" + _CLOCK + r"|" + _DATE
                   + r"|" + _WEEKDAY + r"|" + _MONTH + r"\s+\d|\d{1,2}/\d{1,2}|\d{4}\s*" + _TZ + r"|$)", "updated"),
    _Rule("stamp", r"(?:Published|PUBLISHED|Posted|POSTED|Added|Modified|Last\s+modified|First\s+published)\s*:\s*(?:on\s+|at\s+)?"
                   r"(?:\d|" + _WEEKDAY + r"|" + _MONTH + r"|$)|First\s+published\s+(?:on\s+)?(?:" + _WEEKDAY + r"\s+)?"
                   + _DATE + r"\s+" + _CLOCK, "published posted added modified"),
    _Rule("stamp", r"Live\s+(?:coverage|updates?|blog|text\s+commentary|commentary|reporting)\b"
                   r"(?!\s+(?:of\s+the\s+\w+\s+)?(?:will|was|is|has|had|were|showed|shows)\b)|LIVE\s*:", "live live:"),
    _Rule("stamp", r"(?:NEW|UPDATE|UPDATED|BREAKING(?:\s+NEWS)?|LATEST)\s?:\s", "new: update: updated: breaking: latest: news:",
          check=_word_start),
    _Rule("stamp", r"(?:Auto[\s-]?[Rr]efresh|Refresh(?:\s+(?:the|this))?\s+page|refresh(?:\s+(?:the|this))?\s+page)\b"
                   r"|[|]\s*Refresh\b", "refresh auto-refresh autorefresh"),
    _Rule("stamp", r"Refresh\b", "refresh", how="match"),
    _Rule("stamp", r"(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\s*\.?\s*$", "ago ago.",
          how="match"),
    _Rule("stamp", "", _MONTH_WORDS, pre=_date_clock, how="pre"),

    # Bylines and credits that close a story or stand alone.
    _Rule("byline", r"(?:Additional\s+reporting|Further\s+reporting|Extra\s+reporting|Reporting|REPORTING|Writing|Editing|Compiled"
                    r"|Edited|Reported|Produced|Written|Research|Graphics)(?:\s+and\s+\w+)?\s+by\s+[A-Z][\w'’.\-]*"
                    r"(?:\s+(?:[A-Z][\w'’.\-]*|and|&|de|al|el|bin|van|von|in|at|from))*\s*(?:[;,)]|$|\.$|\s+(?:Editing|Writing|Additional)\b)",
          "reporting writing editing compiled edited reported produced written research graphics", also="by"),
    _Rule("byline", r"\(?(?:Additional|Further)\s+reporting\s+by\b", "additional further", also="reporting", how="match"),
    _Rule("byline", r"Reporting\s+from\s+[A-Z][^.]{0,60}?(?:--|—|–)?\s*$", "reporting", how="match"),
    _Rule("byline", r"contributed\s+(?:to\s+)?(?:this\s+)?(?:report|reporting|story|article)\b", "contributed"),
    _Rule("byline", r"(?:Compiled|Adapted)\s+(?:from|by)\s+(?:\w+\s+){0,2}(?:reports|staff|wires|services|agencies)\s*\.?$",
          "compiled adapted", how="match"),
    _Rule("byline", r"(?:Contact|Email|E-mail|e-mail|Write\s+to|Follow)\s+(?:the\s+)?(?:author|authors|reporter|reporters|writer|columnist)\b"
                    r"|To\s+contact\s+the\s+(?:reporters?|editors?|writers?)\b", "author authors reporter reporters writer columnist editor editors"),
    _Rule("byline", r"can\s+be\s+(?:reached|contacted|e-?mailed)\s+at\s+\S+@|is\s+on\s+Twitter\s+at\s+@\w+"
                    r"|Follow\s+(?:him|her|them|me|[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){0,2})\s+on\s+Twitter\b", "reached contacted twitter"),

    # Captions and their credits.
    _Rule("caption", r"(?:Photo\s+credit|Picture\s+credit|Photographs|Photograph|Photos|Photo|PHOTOGRAPHS|PHOTOGRAPH|PHOTOS|PHOTO"
                     r"|Pictures|Picture|Images|Image|Credit|Video|VIDEO|Caption|Illustration|Graphic|Source)\s*:\s*(?:[A-Z(]|$)"
                     r"|Image\s+(?:copyright|caption)\b|Media\s+caption\b|Pictured\s*:"
                     r"|(?:Photo|Picture|Image)s?\s+(?:by|courtesy\s+of)\s+[A-Z]",
          "photo photos photograph photographs picture pictures image images credit video caption illustration graphic "
          "source pictured"),
    _Rule("caption", r"AP\s*Photos?\s*/|\(AP\s+Photos?\b|Getty\s*Images\b|GETTY\s*IMAGES\b|/\s*Getty\b|GettyImages\b",
          marks=("Getty", "GETTY", "AP Photo")),
    _Rule("caption", r"\((?:PHOTOS?|VIDEOS?|SLIDESHOW|GALLERY|WATCH|PICTURES|GRAPHIC)\)"
                     r"|\((?:[A-Z][\w.&’'\-]*\s+){1,4}(?:Photo|Graphic|Illustration|Image|Video|File\s+Photo)s?\)", marks=("(",)),
    _Rule("caption", r"FILE\s*[-–—]\s", "file", how="match"),
    _Rule("caption", r"(?:is|are)\s+pictured\b|(?:is|are)\s+seen\s+(?:sitting|standing|walking|leaving|arriving|visiting|speaking"
                     r"|talking|waving|holding|gesturing|smiling|posing|attending|carrying|entering|greeting|listening|praying"
                     r"|shouting|chanting|driving|riding|during|through)\b", "pictured seen"),
    _Rule("caption", r",\s+(?:(?:second|third|fourth|fifth|2nd|3rd|4th|5th)\s+from\s+|far\s+)?(?:left|right|center|centre)\s*,",
          "left, right, center, centre,", check=lambda body, m: body[:m.start()].rsplit(None, 1)[-1][:1].isupper()),
    _Rule("caption", "", marks=("/",), pre=_slash_credit, how="pre"),
    _Rule("caption", r"\[\s*" + _AGENCIES + r"(?:\s*/\s*[A-Za-z ]{2,20})?\s*\]", marks=("[",)),
    # AP and Reuters caption conventions: "In this Friday, April 12, 2013 photo, ...", "This photo
    # released by ...", "(L) ... (R)" position markers, a caption ending on place and full date.
    _Rule("caption", r"(?:FILE\s*[-–—]\s*)?In\s+this\s+(?:[\w.,'’\-]+\s+){0,10}?(?:photo|image|picture|photograph|frame\s+grab"
                     r"|video\s+image|handout|file\s+photo)s?\b", "photo image picture photograph grab handout", also="in file",
          how="match"),
    _Rule("caption", r"[Tt]his\s+(?:[\w'’\-]+\s+){0,4}(?:photo|image|picture|photograph|frame\s+grab|video\s+image)s?"
                     r"\s*,?\s+(?:provided|released|made|obtained|distributed|taken|posted|issued|shot|supplied)\b",
          "photo image picture photograph grab", also="this"),
    _Rule("caption", r"in\s+this\s+(?:[\w.,'’\-]+\s+){0,6}?(?:handout|file)\s+(?:photo|picture|image|photograph)s?\b",
          "handout file", also="this"),
    _Rule("caption", r"\((?:(?<=[a-z.’'] \()|(?<=[a-z.’']\())(?:L|R|C|2nd\s+[LR]|3rd\s+[LR]|centre|center|front|left|right|top|bottom"
                     r"|second\s+(?:left|right)|foreground|background)\)(?!\s*[-,]?\s*[A-Z]{2,})", marks=("(",)),
    _Rule("caption", r"[Pp]ictured\s+(?:from\s+)?(?:left\s+to\s+right|l-r|L-R|from\s+left)\b", "pictured"),
    _Rule("caption", r"(?:Video|video|Frame|frame|Screen|screen|Image|image|TV)\s*-?\s*grabs?\b|Screengrab|screengrab"
                     r"|(?:Handout|handout|File|file)\s+(?:photo|picture|image|photograph)s?\s+(?:shows?|released|provided|taken|made)\b",
          "grab grabs screengrab handout file"),
    _Rule("caption", r"(?:A|This)\s+(?:general|handout|file|still)\s+(?:view|photo|picture|image)\s+(?:shows|of)\b",
          "general handout file still", how="match"),
    _Rule("caption", r"(?:(?<=[A-Za-z],\s)|(?<=[A-Za-z]\s))(?:" + _WEEKDAY + r",?\s+)?" + _MONTH + r"\s+\d{1,2},\s+(?:19|20)\d\d\.?\s*$",
          also=_MONTH_WORDS, how="tail", check=_no_date_lead),
    _Rule("caption", r"(?:Watch|WATCH|Video|VIDEO|Listen|LISTEN|Audio|AUDIO)\s*:|Watch\s+(?!out\b|for\b|over\b)"
                     r"|(?:Video|Audio)\s+(?:Feed\b|[A-Z])", "watch video listen audio", how="match"),

    # Factbox headings.
    _Rule("factbox", r"(?:Key\s+[Ff]acts|KEY\s+FACTS|Fact\s?box|FACTBOX|FACT\s+BOX|Fact\s?file|FACTFILE|Fast\s+[Ff]acts|FAST\s+FACTS"
                     r"|Quick\s+[Ff]acts|Facts\s+and\s+figures|Key\s+(?:dates|events))\b"
                     r"|(?:Timeline|TIMELINE|Profile|PROFILE|Q&A|Q\s&\sA)(?:\s*:|\s*$|\s+(?=[A-Z])(?!(?:Of|For|Is|Was)\b))",
          "key fact factbox factfile fast quick facts timeline profile q&a q", how="match"),
    _Rule("factbox", r"(?:At\s+a\s+glance|AT\s+A\s+GLANCE|In\s+numbers|By\s+the\s+numbers)\b", "glance numbers", how="match"),
    _Rule("factbox", r"Key\s+facts\b", "facts"),

    # Navigation: calls to act on the page, link lists, gallery counters.
    _Rule("navigation", r"Share\s*(?:$|[|:])|Share\s+(?:this|these|your|on|via|with|it|Back|the\s+(?:story|article|video)"
                        r"|article|story|page|video|photo|link|Tweet|Email|E-mail|Facebook|Twitter)\b", "share", how="match"),
    _Rule("navigation", r"\(?Read\s+(?:more|the\s+full|full|on)\b|Continue\s+reading\b|(?:Full\s+story|More\s+on\s+this\s+story)\b"
                        r"|READ\s*:", "read continue full more", how="match"),
    _Rule("navigation", r"Read\s+more\s*[:>]|\(Read\s+more|Continue\s+reading\s*(?:the\s+main\s+story|[>»]|$)",
          "more reading", also="read continue"),
    _Rule("navigation", r"(?:Click|click)\s+(?:here\b|(?:on\s+)?(?:the\s+)?(?:link|image|button|icon|play)\b|on\s+\()"
                        r"|(?:Tap|tap)\s+here\b", "click tap"),
    _Rule("navigation", r"Click\s+(?:here|on|to|the|for|below|above|through|this|a)\b", "click", how="match"),
    _Rule("navigation", r"(?:Sign\s+(?:up|in)|Log\s+in|Subscribe|Register)\b(?:\s+(?:for|to|now|here|today|free)\b|\s*$)",
          "sign log subscribe register", how="match"),
    _Rule("navigation", r"(?:Sign\s+up|Subscribe)\s+(?:for|to)\s+(?:our|the)\s+(?:free\s+)?(?:\w+\s+)?(?:newsletter|email|e-mail|alerts?|feed)",
          "newsletter newsletters email e-mail alert alerts feed"),
    _Rule("navigation", r"Follow\s+(?:us|@|the\s+latest|our|live|all|along)\b|Follow\b[^.]{0,60}?\bon\s+(?:Twitter|Facebook|Instagram)\b",
          "follow", how="match"),
    _Rule("navigation", r"(?:Follow|follow)\s+(?:us\s+on\b|@\w+)|Like\s+us\s+on\s+Facebook\b", "follow like"),
    _Rule("navigation", r"(?:Most|most|Top|top)\s+(?:\w+\s+)?(?:popular|read|viewed|shared|e-?mailed|watched)\s+(?:stories|articles|videos|news)\b",
          "popular read viewed shared emailed e-mailed watched", also="stories articles videos news"),
    _Rule("navigation", r"(?:Related|RELATED)(?:\s+(?:video|videos|articles?|stories|story|content|links?|coverage|topics|news|searches))?\s*(?::|$)"
                        r"|(?:Related|RELATED)\s+(?:video|videos|articles?|stories|content|links|coverage|topics)\b"
                        r"|(?:See\s+also|Also\s+(?:read|see)|More\s+from\s+[A-Z][\w ]{1,30}:|Most\s+(?:read|popular|viewed|shared|e-?mailed|commented)"
                        r"|Top\s+stories|Next\s+(?:story|article|page|slide|>)|Previous\s+(?:story|article|page|slide)"
                        r"|Back\s+to\s+(?:top|slideshow|gallery|article|story|the\s+top)"
                        r"|Advertisement|ADVERTISEMENT|Scroll\s+(?:down|up)|Skip\s+to|Jump\s+to|Print\s+this|E-?mail\s+this|Tags\s*:|Topics\s*:"
                        r"|Filed\s+under\s*:|Download\s+(?:PDF|the\s+(?:free\s+)?app|our|now)|Enlarge\s+this)\b",
          "related see also more most top next previous back advertisement scroll skip jump print email e-mail tags topics "
          "filed download enlarge", how="match"),
    _Rule("navigation", r"(?:iOS|Android|iPhone|iPad)\s+[Aa]pps?\b.{0,40}\b(?:iOS|Android|iPhone|iPad|Kindle)\b", "app apps"),
    _Rule("navigation", r"(?:arrow|chevron|caret)-(?:up|down|left|right)\b|Icon\b[^.]*\bIcon\b", "icon", also="icon"),
    _Rule("navigation", r"(?:digg|reddit|stumbleupon|delicious|facebook|twitter|linkedin|pinterest|whatsapp|email)\s*:"
                        r"[^:]{0,160}\b(?:digg|reddit|stumbleupon|delicious|facebook|twitter|linkedin|pinterest|whatsapp|email)\s*:",
          "digg: reddit: stumbleupon: delicious: facebook: twitter: linkedin: pinterest: whatsapp:"),
    _Rule("navigation", r"By\s+subscribing\b|Subscribe\s+(?:now|today)\b", "subscribing subscribe", how="match"),
    _Rule("navigation", r"Back\s+to\s+slideshow\b|Download\s+PDF\b|with\s+CNN\s+iReport\b|Have\s+your\s+say\b"
                        r"|Tell\s+us\s+what\s+you\s+think\b|Get\s+in\s+touch\b", "slideshow pdf ireport say think touch"),
    _Rule("navigation", r"(?:Send|Share)\s+(?:us\s+)?your\s+(?:pictures|photos|images|videos?|stories|story|comments|views|experiences?"
                        r"|thoughts|protest\s+photos)\b"
                        r"|you\s+can\s+(?:send|upload|share)\s+(?:your\s+|them\s+|it\s+)?(?:pictures|photos|videos?|images)\b"
                        r"|wish\s+to\s+share\s+with\s+the\s+\w+", "your you wish", also="send share upload"),
    _Rule("navigation", r"\(?For\s+(?:more|a|an|the|full|all|our|complete|latest|further)\b[^.]{0,120}?(?:\bclick\b|\bgo\s+to\s*:"
                        r"|\bgo\s+to\s+(?:here|http|www)|\bvisit\s+(?:http|www|our)|\bsee\s+(?:here|http|www))",
          "for", also="click go visit see", how="match"),
    _Rule("navigation", r"(?<![\d,.])1\s+of\s+\d{1,3}\s*\.?\s*$|\(\d{1,3}\s+of\s+\d{1,3}\)\s*\.?\s*$", how="tail"),
    _Rule("navigation", r"(?:Photo|Image|Picture|Slide|Page|Video)s?\s+\d{1,3}\s+of\s+\d{1,3}\b",
          "photo image picture slide page video photos images pictures slides pages videos", also="of"),

    # Imprint: notes about the publication.
    _Rule("imprint", r"appeared\s+in\s+print\b|in\s+(?:the\s+)?print\s+edition\b|on\s+page\s+[A-Z]?\d+\s+of\s+the\b", "print page"),
    _Rule("imprint", r"(?:©|\(c\)|Copyright|COPYRIGHT)\s*(?:\d{4}|[A-Z])|All\s+[Rr]ights\s+[Rr]eserved\b", "copyright reserved ©",
          marks=("©", "(c)")),
    _Rule("imprint", r"may\s+not\s+be\s+(?:published|reproduced|broadcast|rewritten|redistributed|republished)",
          "published reproduced broadcast rewritten redistributed republished", also="may"),
    _Rule("imprint", r"is\s+not\s+responsible\s+for\s+the\s+content\b|views\s+expressed\s+(?:in\s+this|here|are)\b"
                     r"|opinions\s+expressed\s+(?:in\s+this|here|are)\b"
                     r"|RUSH\s+TRANSCRIPT\b|THIS\s+IS\s+A\s+(?:RUSH\s+)?TRANSCRIPT\b|This\s+(?:is\s+a\s+)?(?:rush\s+)?transcript\b"
                     r"|This\s+(?:press\s+)?release\s+was\s+(?:issued|distributed)\s+(?:through|by|via)\b"
                     r"|The\s+(?:press\s+)?release\s+was\s+(?:issued|distributed)\s+(?:through|by|via)\b",
          "responsible expressed transcript release"),
    _Rule("imprint", r"(?:This|An\s+earlier\s+version\s+of\s+this)\s+(?:article|story|column|post|piece|editorial)\s+"
                     r"(?:has\s+been\s+(?:amended|corrected|updated)|was\s+(?:amended|corrected|updated|originally\s+published"
                     r"|first\s+published|published\s+on|published\s+in)|misstated|misidentified|incorrectly|originally\s+appeared"
                     r"|first\s+appeared|appeared\s+in)\b",
          "article story column post piece editorial", also="this"),
]


@lru_cache(maxsize=None)
def _gates() -> tuple[dict[str, list[int]], frozenset[str]]:
    """Each gate word, as whitespace splitting leaves it (``_variants``), → the rules it opens.
    Made when the first sentence is judged, not on import: a timeline shows lines, judges none."""
    by_word: dict[str, list[int]] = {}
    for i, rule in enumerate(_RULES):
        for w in _variants(sorted(rule.words)):
            by_word.setdefault(w, []).append(i)
    return by_word, frozenset(by_word)


_BY_MARK: dict[str, list[int]] = {}
for _i, _rule in enumerate(_RULES):
    for _m in _rule.marks:
        _BY_MARK.setdefault(_m, []).append(_i)
_TAIL = [i for i, rule in enumerate(_RULES) if rule.how == "tail"]


def _rule_reason(body: str, words: frozenset[str]) -> Optional[str]:
    """The reason of the first rule that fires on the sentence, in the order of ``_RULES``."""
    todo: list[int] = []
    by_word, gate_words = _gates()
    for w in words & gate_words:
        todo += by_word[w]
    if "(" in body:
        todo += _BY_MARK["("]
    if "/" in body:
        todo += _BY_MARK["/"]
    if "[" in body:
        todo += _BY_MARK["["]
    if "|" in body:
        todo += _BY_MARK["|"]
    if "Getty" in body or "GETTY" in body or "AP Photo" in body:
        todo += _BY_MARK["Getty"]
    if "©" in body or "(c)" in body:
        todo += _BY_MARK["©"]
    if body.rstrip(" .)”\"")[-1:].isdigit():
        todo += _TAIL
    if not todo:
        return None
    for i in sorted(set(todo)):
        rule = _RULES[i]
        if rule.fires(body, words):
            return rule.reason
    return None


# A byline's credit with nothing after it, or a dateline alone ("A look at Syria's war BEIRUT (AP)").
_STAMP_ONLY = re.compile(r"^[\s(\[]*(?:" + _STAMP_TOKEN + r"[\s,;|()\[\]\-–—:/.]*)+$")
_STAMP_ONLY_SIGNAL = re.compile(r"\d|" + _STAMP_WORD + r"|" + _WEEKDAY + r"|" + _MONTH)
# A label and a short value, alone or in a run ("Born: 12 May 1950, Leeds", "Age: 52").
_LABEL_VALUE = re.compile(r"(?P<label>[A-Z][a-z]+(?:[ -][a-z]+){0,2})\s?:\s+")
_VALUE_TOKEN = re.compile(r"^(?:[\d$£€¥#~≈<>+\-–.,%/()]+[\w%]{0,4}[.,;)]?|[A-Z][\w'’.\-/&()]*[,;.)]?|\(?[A-Z][\w.]*\)?[,;.]?)$")
_CAPS_OR_AGENCY = re.compile(r"[A-Z]{3,}|\(\w+\)")
_CHRONOLOGY_DAY = re.compile(r"^(?:[-–—•*]+\s*)?(?:" + _MONTH + r"\s+\d|\d{1,2}\s+" + _MONTH + r")")


def _value_is_short_nominal(value: str, limit: int = 10) -> bool:
    tokens = value.split()
    if not tokens or len(tokens) > limit or value[:1] in "\"“'‘`":
        return False
    for tok in tokens:
        if tok.lower().strip(",;.") in _VALUE_WORDS:
            continue
        if not _VALUE_TOKEN.match(tok):
            return False
    return True


def _factbox(text: str) -> bool:
    """A label and a short nominal value ("Age: 52"), or a run of them; never a quotation
    ("The minister said: ...") or a sentence after the colon."""
    labels = [m for m in _LABEL_VALUE.finditer(text) if m.start() == 0 or text[m.start() - 1].isspace()]
    if not labels:
        return False
    if labels[0].start() == 0 and _is_label(labels[0].group("label")) and not _CHRONOLOGY_DAY.match(text):
        end = labels[1].start() if len(labels) > 1 else len(text)
        if _value_is_short_nominal(text[labels[0].end():end]):
            if len(labels) == 1:
                return True
    good = 0
    for i, m in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        if _is_label(m.group("label")) and _value_is_short_nominal(text[m.end():end], 8):
            good += 1
    return good >= 2 and good >= len(labels) - 1


# Lower-case words a headline in title case keeps lower-case.
_TITLE_SMALL = frozenset("a an the and or but nor for of to in on at by as with from into over via vs vs. per up off than "
                         "amid after says say".split())


def _title_case(text: str) -> bool:
    """A headline, outlet or section name: a few words, every word but the small ones
    capitalized ("Syrian Rebels Battle Jihadi Groups", "Los Angeles Times")."""
    words = text.split()
    if not 1 <= len(words) <= 16:
        return False
    capitalized = 0
    for w in words:
        c = w.lstrip("\"“‘'(#$-–—")[:1]
        if not c:
            continue
        if c.isupper():
            capitalized += 1
        elif c.islower() and w.lower().strip(",;:") not in _TITLE_SMALL:
            return False
    return capitalized >= 1 and capitalized * 2 >= len(words)


def _byline_alone(text: str) -> bool:
    m = _BYLINE_ALONE.match(text)
    if not m:
        return False
    head = _BYLINE_HEAD.match(text)
    return head is not None and head.group("name").split()[0] not in _NOT_NAME


# A photo caption's closing date, as agencies write it: "... in Alexandria, Egypt, Friday, Dec. 14,
# 2012." or "... in Tahrir Square on June 24, 2012 in Cairo, Egypt." (a report says "on Friday").
_CAPTION_DATE = re.compile(r"(?:,\s*" + _WEEKDAY + r",\s*" + _MONTH + r"\s+\d{1,2},\s*\d{4}\s*\.?"
                           r"|\bon\s+" + _MONTH + r"\s+\d{1,2},\s*\d{4},?\s+in\s+[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?"
                           r"(?:,\s*[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?)?\s*\.?)"
                           r"\s*(?:\(?\s*\.?\s*\((?:AP|AFP|Reuters|EPA|Getty)[^()]*\)?\s*\)?)?\s*$")
_CAPTION_DAY_YEAR = re.compile(r"\d,\s*\d{4}")  # in every match of it: a quick test first

# A wire photo caption's last words: the place, its country or state, and the day the picture was
# taken ("... during a protest in Sanaa, Yemen, on Sunday.", "... in Aden, Yemen, on Feb. 21, 2012.").
# Reporting ends so too ("Obama spoke at a news conference in Pretoria, South Africa, on Saturday"),
# but in the past tense; a caption tells its picture in the present ("Protesters shout slogans ...").
_PLACE_DAY_END = re.compile(r"\bin\s+[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3},\s+[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,2},?\s+"
                            r"(?:on\s+)?(?:" + _WEEKDAY + r"|" + _MONTH + r"\.?\s+\d{1,2}(?:,\s*\d{4})?)\s*\.?[\"”]?\s*$")
# Words opening a clause inside the sentence: a past verb after one is not the sentence's own
# ("... as they heard rumors", "... who were killed in a bombing").
_SUBORDINATORS = frozenset("as after when while because since before until who that which where once if".split())
_CLAUSE_BREAKS = frozenset(", ; : — – -".split())
_PAST_AUXILIARIES = frozenset("was were had".split())
# Present verbs that tell no action a picture shows: being, having, saying ("the claim is that ...").
_NOT_ACTIONS = frozenset("is are am 's 're has have does do says say".split())
_FINITE = frozenset("VBD VBZ VBP MD".split())
_DOUBLE_QUOTES = frozenset(['"', "“", "”", "``", "''"])  # a single one may be an apostrophe
_NOMINAL_TAGS = frozenset("NN NNS NNP NNPS JJ DT PRP$ CD HYPH POS".split())
_SUBJECT_TOKENS = 8  # the words a glued caption's subject may take before its verb
_UNTAGGED = ["parser", "attribute_ruler", "lemmatizer"]  # the quote layer's pipeline, run to its tags only
# A caption is a line or two, even with a headline glued before it (the longest on the nine TLS topics:
# 381 characters): a longer text is not tagged for it.
_CAPTION_CHARS = 600
# The AP's caption marker after a headline, then a caption's first word and a lower-case word, a comma
# or a day: not a name ("... File-Sharing Act")
_FILE_MARK = re.compile(r"\sFile-(?=[A-Z][\w'’.\-]*(?:,|\s+[a-z\d]))")


def _base_after_noun(tokens: list, i: int) -> bool:
    """A verb's base form right after a noun: the tagger's usual reading of a plural subject's
    present ("Engineers inspect ...")."""
    return tokens[i].tag_ == "VB" and i > 0 and tokens[i - 1].tag_ in ("NNS", "NNPS", "NN", "NNP")


def _present_clause(tokens: list, start: int) -> bool:
    """Whether ``tokens[start:]`` tell something done in the present and no verb of their own
    clauses is in the past tense. A quotation's words are not the sentence's (a slogan: "Ali
    escaped"); the tagger marks where one opens and closes."""
    own, quoted = [], False
    for i in range(start, len(tokens)):
        tag = tokens[i].tag_
        if tag in ("``", "''") and tokens[i].text in _DOUBLE_QUOTES:
            quoted = tag == "``"
        elif not quoted:
            own.append(i)
    if not any(tokens[i].lower_ not in _NOT_ACTIONS and (tokens[i].tag_ in ("VBZ", "VBP") or _base_after_noun(tokens, i))
               for i in own):
        return False  # no verb of something done in the picture
    for i in own:
        token = tokens[i]
        if (token.tag_ == "VBD" or (token.tag_ == "VBN" and i > start and tokens[i - 1].lower_ in _PAST_AUXILIARIES)) \
                and not _subordinate(tokens, start, i):
            return False
    return True


def _subordinate(tokens: list, start: int, i: int) -> bool:
    """Whether the verb ``tokens[i]`` is in a clause opened by a subordinating word ("... as they
    heard rumors", "after the president, wounded in a blast, left ..."): looking back from it to
    the clause's start, over a participle phrase set off by commas."""
    j = i - 1
    while j >= start:
        word = tokens[j]
        if word.lower_ in _SUBORDINATORS:
            return True
        if word.text in _CLAUSE_BREAKS:
            k = j - 1  # the phrase this comma closes: skipped when a participle opens it
            while k >= start and tokens[k].text not in _CLAUSE_BREAKS:
                k -= 1
            if k < start or k + 1 >= j or tokens[k + 1].tag_ not in ("VBN", "VBG"):
                return False
            j = k
        j -= 1
    return False




def _glued_caption(tokens: list, start: int) -> bool:
    """Whether a caption starts at ``tokens[start]``, run onto the sentence before it with nothing
    between: a capitalized word after a lower-case one, its subject's words, then its verb in the
    present ("... a riot that killed 74 people Egyptian protesters clash with security forces ...")."""
    before, first = tokens[start - 1], tokens[start]
    if not (first.text[:1].isupper() and before.is_alpha and before.text[:1].islower()):
        return False
    for i in range(start, min(len(tokens), start + _SUBJECT_TOKENS)):
        if tokens[i].tag_ in ("VBZ", "VBP") or _base_after_noun(tokens, i):
            return i > start and tokens[i].lower_ not in _NOT_ACTIONS and _present_clause(tokens, start)
        if tokens[i].tag_ not in _NOMINAL_TAGS:
            return False
    return False


def _tagged(text: str) -> Optional[list]:
    """The tokens of ``text`` with spaCy's part-of-speech tags, from the pipeline the quote layer
    parses with (loaded once for both) run to its tags only; None without the pipeline."""
    from .. import nlp

    try:
        tagger = nlp.pipeline(nlp.PARSE)
    except nlp.ModelUnavailable:
        return None
    return list(tagger(text, disable=_UNTAGGED))


def _told_in_present(body: str) -> bool:
    """Whether the sentence is a caption told in the present (or with no clause at all), or ends in
    one glued to it, by the part-of-speech tags of spaCy's small English pipeline (tagger only).
    Without the pipeline: False (not judged)."""
    tokens = _tagged(body)
    if tokens is None:
        return False
    if not any(t.tag_ in _FINITE for t in tokens):
        return True  # no clause at all: a picture's subject and where and when it was taken
    if _present_clause(tokens, 0):
        return True
    return any(_glued_caption(tokens, k) for k in range(2, len(tokens) - 4))


# A name and what it is, and nothing else: "Ann Lee, former Ostmark harbour master." A factbox's or a
# chronology's entry, or a caption's line: no verb, so nothing that happened. The name is two to four
# capitalized words (a particle such as "al-" or "bin" inside), not a fronted phrase ("In Kessel,
# ...", "On Friday, ..."); the apposition is a few words with no comma and nothing that may be a
# verb (an auxiliary, a reporting verb, a word ending in -ed or -s), a relative or a pronoun.
_NAME_LINE_CHARS = 90
_NAME_LINE = re.compile(r"(?P<name>[A-Z][a-z][\w'’\-]*(?: (?:[A-Z][\w'’\-]+|(?:al|el|bin|ibn|de|da|van|von)(?:-[A-Z][\w'’]+)?)){1,3})"
                        r", (?P<apposition>[^,;:()\"“”]{3,60})\.")
_NAME_LINE_NOT_FIRST = _NOT_LABEL | _NOT_NAME | _OPENERS | _STAMP_FIRST | frozenset("""
In On At After Before When While Since As But And If Although Though Despite During For From With Without Under Over
Following Amid Meanwhile However Instead Later Earlier Also Still Yet So Thus Moreover Furthermore Indeed Dear Thank
Thanks Hello Sorry Please Yes No Welcome Well Oh Last Next Early Late
""".split())
_NAME_LINE_VERBS = frozenset("""
is are was were be been being am has have had will would can could may might must shall should do does did said
says say told tells who whom whose which that where when while he she it they we you i his her their its our my
your this these those there here not
""".split())


_CONTRACTION = re.compile(r"\w['’](?:m|re|ve|ll|d|s\s+(?:a|an|the|not|been|in|on|at))\b|n['’]t\b")


def _name_and_apposition(body: str) -> bool:
    m = _NAME_LINE.fullmatch(body)
    if m is None or m.group("name").split(" ", 1)[0] in _NAME_LINE_NOT_FIRST:
        return False
    words = m.group("apposition").split()
    if len(words) > 7:
        return False
    if _CONTRACTION.search(body):
        return False  # "I'm Ann Lee, ...", "Ann Lee, you're ...": a verb
    for w in words:
        low = w.lower().strip("'’")
        if low in _NAME_LINE_VERBS or (w[:1].islower() and (low.endswith("ed") or (low.endswith("s") and not low.endswith("ss")))):
            return False
    return True


def furniture_reason(text: str) -> Optional[str]:
    """The reason code when this sentence is page furniture rather than reporting, else None.

    A sentence whose furniture is only glued before its reporting (a byline, a dateline, a
    credit, a factbox line) is judged without it (see ``strip_lead``): it is reporting.
    """
    s = text.strip()
    if not s:
        return None
    body, words = _lead(s)
    reason = _rule_reason(body, words)
    if reason is not None:
        return reason
    if ":" in body and _factbox(body):
        return "factbox"
    if body[-1:] == "." and "," in body and len(body) <= _NAME_LINE_CHARS and _name_and_apposition(body):
        return "factbox"
    tail = max(0, len(body) - 90)
    if _CAPTION_DAY_YEAR.search(body, tail) and _CAPTION_DATE.search(body, tail):
        return "caption"
    if len(body) <= _CAPTION_CHARS and _PLACE_DAY_END.search(body, tail) and _told_in_present(body):
        return DAY_PICTURE
    if "File-" in body:  # the AP's caption marker after a headline: "... beyond crisis File-Supporters of ..."
        m = _FILE_MARK.search(body)
        if m and len(body[:m.start()].split()) >= 3 and not _INSIDE_BEFORE.search(body, 0, m.start()):
            return "caption"
    if body[-1] in "»›" or body[0] in "«‹":  # a link: "Compare other versions »"
        return "navigation"
    n = len(body)
    if n <= 120:
        space = body.find(" ")
        word = (body[:space] if space > 0 else body).rstrip(":,.;|")
        if (body[0].isdigit() or body[0] in "(|[#" or word in _STAMP_FIRST) and _STAMP_ONLY.match(body) \
                and _STAMP_ONLY_SIGNAL.search(body):
            return "stamp"
        if word in _BY_FIRST and _byline_alone(body):
            return "byline"
    if body[-1] not in ".!?\"”'’":
        if _DATELINE_AT_END.search(body, max(0, n - 60)) and _CAPS_OR_AGENCY.search(body, max(0, n - 40)):
            return "byline"  # a dateline with nothing after it: "Minister resigns CAIRO (AP) —"
        if n <= 120 and _title_case(body):
            return "heading"
    return None
