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
"""

from __future__ import annotations

import re
from typing import Optional

__all__ = ["REASONS", "furniture_reason", "strip_lead"]

REASONS: dict[str, str] = {
    "comment": "a reader's comment or its stamp, a comment count, the comment section's rules or invitations",
    "stamp": "a page, post or live-blog stamp: publication or update time, live-coverage header",
    "byline": "only a byline, credit line, dateline or author contact, with no reporting",
    "caption": "a photo or video caption or its credit",
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
          + r"|[012]\d[0-5]\d(?=\s*\(?" + _TZ + r"\b))")
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
and of the de da del der den van von al el bin ibn la le du y in at per cent percent million billion
trillion bn m km sq square miles mi kg years year old aged est est. approx. approx about c. ca. to from
or & - – — bc ad a.m. p.m. am pm for
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
_LOWER_WORD = re.compile(r"[a-z][a-z'’\-]+")


def _is_caps_word(tok: str) -> bool:
    return tok[:1].isupper()


def _reads_as_sentence(rest: str) -> bool:
    """What is left after a cut is a sentence of reporting: opens like one, has words enough
    and lower-case words (a verb somewhere), not just more names."""
    rest = rest.strip()
    if len(rest) < 20 or not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“‘'("):
        return False
    words = rest.split()
    if len(words) < 4:
        return False
    return sum(1 for w in words if _LOWER_WORD.match(w)) >= 2


def _value_cut(text: str, start: int, max_tokens: int = 8) -> Optional[int]:
    """Where a short nominal value (a factbox value, a photo credit, a byline's name) that
    starts at ``start`` ends and a sentence begins, or None when there is no such place.

    The sentence begins at the first opening word (The, In, Police ...) or, failing that, at
    the capitalized word before the first lower-case word that a value cannot hold.
    """
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text, start)]
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
    pos, tok = tokens[first_lower - 1]
    if not _is_caps_word(tok):
        return None
    return pos


# --- strip_lead -------------------------------------------------------------------------

# A dateline: "TOKYO (AP) —", "CAIRO, Egypt (CNN) --", "Benghazi, Libya (CNN) --", "BEIRUT:".
_PLACE_CAPS = r"[A-Z][A-Z.'’\-]{2,}(?: [A-Z][A-Z.'’\-]{1,})*"
_PLACE_MIXED = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}"
_REGION = r"(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2})"
_AGENCY = r"\((?:[A-Z][\w.&]*(?:\s[A-Z][\w.&]*){0,3})\)"
_DASH = r"(?:--|—|–|-)"
_DATELINE = re.compile(
    r"(?:" + _PLACE_CAPS + _REGION + r"?\s*(?:" + _AGENCY + r")?\s*(?:" + _DASH + r"|:)"
    r"|" + _PLACE_MIXED + _REGION + r"?\s*" + _AGENCY + r"\s*" + _DASH + r")\s+(?=[A-Z0-9\"“‘'(])")
_DATELINE_AT_END = re.compile(
    r"(?:^|\s)(?:" + _PLACE_CAPS + _REGION + r"?\s*(?:" + _AGENCY + r")?\s*(?:" + _DASH + r"|:)?"
    r"|" + _PLACE_MIXED + _REGION + r"?\s*" + _AGENCY + r"\s*" + _DASH + r"?)\s*$")
# The same dateline after a headline run into the story ("Minister resigns CAIRO — ...").
_GLUED_DATELINE = re.compile(
    r"\s(?:" + _PLACE_CAPS + _REGION + r"?\s*(?:" + _AGENCY + r"\s*)?(?:--|—|–)"
    r"|" + _PLACE_CAPS + _REGION + r"?\s*" + _AGENCY + r"\s*(?:" + _DASH + r"|:)"
    r"|" + _PLACE_MIXED + _REGION + r"?\s*" + _AGENCY + r"\s*" + _DASH
    + r"|" + _AGENCY + r"\s*(?:--|—|–|-))\s+(?=[A-Z\"“‘'])")
_HEADLINE_TAIL = re.compile(r"(?:\b(?:and|or|the|of|to|in|on|at|a|an|by|for|with|said|says)|[.!?,;:\"”])\s*$")

# A live-update stamp in brackets ("(Update 4:33 a.m. Thursday in Cairo)", "(UPDATED)") and a
# wire headline's update number ("UPDATE 2-").
_UPDATE_BRACKET = re.compile(r"^[(\[]\s*(?:Update|Updated|UPDATE|UPDATED)\b[^()\[\]]*(?:\([^()]*\)[^()\[\]]*)*[)\]]\s*")
_UPDATE_NUMBER = re.compile(r"^UPDATE\s*\d*\s*-\s*")
# A run of stamp words: clock times, dates, weekdays, timezones, "Updated:", "Posted", "|".
_STAMP_WORD = (r"(?:(?:Page\s+)?(?:[Ll]ast\s+)?(?:[Uu]pdated|UPDATED|[Pp]ublished|PUBLISHED|Posted|POSTED|Added"
               r"|Modified|Created|First\s+published)(?:\s+(?:at|on))?\s*:?)")
_STAMP_TOKEN = (r"(?:" + _STAMP_WORD + r"|" + _DATE + r"|" + _CLOCK + r"|" + _WEEKDAY + r"|" + _MONTH
                + r"|" + _TZ + r"\b|\d{1,2}(?:st|nd|rd|th)?\b|(?:19|20)\d\d\b|at\b|on\b|local\s+time\b)")
_STAMP_RUN = re.compile(r"(?:[\s,;|()\-–—:]*" + _STAMP_TOKEN + r")+[\s,;)\-–—:]*")
_HAS_STAMP_SIGNAL = re.compile(_CLOCK + r"|" + _STAMP_WORD + r"|\d{1,2}/\d{1,2}/\d{2,4}")
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
_CREDIT_LABEL = re.compile(r"^\(?(?:Photo(?:graph)?s?|Pictures?|Images?|Credit|Photo credit|Video|Source)\s*:\s*")
# A photo credit closing a caption that runs into the story: "... [ Reuters ] Police said ...".
_AGENCIES = r"(?:AFP|AP|Reuters|REUTERS|EPA|Getty(?:\s*Images)?|GETTY(?:\s*IMAGES)?|PA|Xinhua|Bloomberg|Corbis|Rex|ANSA|Sipa|SIPA|AAP|GALLO|Al\s+Jazeera|Pool)"
_CREDIT_END = re.compile(r"\[\s*" + _AGENCIES + r"[^\[\]]{0,40}\]\s*"
                         r"|\((?:AP\s*Photo|Photo|Reuters|AFP|Getty)[^()]{0,60}\)\s*"
                         r"|\b(?:Photo(?:graph)?|Picture)\s*:\s*(?:[A-Z][\w.'’\-]*\s*/?\s*){1,4}/\s*" + _AGENCIES + r"\b\s*"
                         r"|/\s*Getty\s*Images\b\s*")
# An all-capitals crosshead or kicker run into the story ("WHY IT MATTERS The vote ...").
_CAPS_RUN = re.compile(r"^(?:[A-Z][A-Z'’\-]+\s+){3,}(?=[A-Z][a-z])")
_GLUED_LABEL = re.compile(r"^(?:Advertisement|ADVERTISEMENT|Story continues below|Story highlights|STORY HIGHLIGHTS)\s+")

_MIN_REST = 20


# First words after which a stamp may follow at the start of a sentence.
_STAMP_FIRST = frozenset("""
Updated UPDATED updated Published PUBLISHED Posted POSTED Last LAST Page First Added Modified Created
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
January February March April May June July August September October November December Jan Feb Mar Apr
Jun Jul Aug Sep Sept Oct Nov Dec ET GMT UTC EDT EST BST
""".split())
_LEAD_LABEL_FIRST = frozenset("Advertisement ADVERTISEMENT Story STORY".split())
_BY_FIRST = frozenset("By BY by (By By:".split())


def _strip_once(text: str) -> str:
    """One piece of lead furniture cut off, or the text unchanged."""
    first = text[0]
    space = text.find(" ", 0, 40)
    word = text[:space] if space > 0 else text[:40]
    bare = word.rstrip(":,.;|")
    if first in "([":
        m = _UPDATE_BRACKET.match(text)
        if m:
            return text[m.end():]
    elif word == "UPDATE" or word.startswith("UPDATE"):
        m = _UPDATE_NUMBER.match(text)
        if m:
            return text[m.end():]
    if bare in _LEAD_LABEL_FIRST:
        m = _GLUED_LABEL.match(text)
        if m:
            return text[m.end():]
    if word in _BY_FIRST:
        cut = _byline_cut(text)
        if cut:
            return text[cut:]
    caps = len(bare) >= 2 and bare.isupper()
    if first.isdigit() or bare in _STAMP_FIRST or first in "(#" or (caps and "|" in text[:60]):
        m = _PLACE_BAR.match(text) if caps else None
        start = m.end() if m else 0
        m = _STAMP_RUN.match(text, start)
        if m and m.end() > start and _HAS_STAMP_SIGNAL.search(text, start, m.end()):
            rest = text[m.end():]
            if rest[:1] not in "|" and not rest.startswith(("Report", "Reply")):
                return rest
    if 0 < text.find(":", 0, 40):
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
    if caps or "(" in text[:60]:
        m = _DATELINE.match(text)
        if m:
            return text[m.end():]
    if caps:
        m = _CAPS_RUN.match(text)
        if m and any(len(w) >= 4 for w in m.group().split()) and _reads_as_sentence(text[m.end():]):
            return text[m.end():]
    head = text[:220]
    if "—" in head or "--" in head or "–" in head or ") " in head or "):" in head:
        m = _GLUED_DATELINE.search(head)
        if m and m.start() > 0 and not _HEADLINE_TAIL.search(text, 0, m.start()):
            return text[m.end():]
    if "[" in head or "/" in head or "hoto" in head or "icture" in head:
        m = _CREDIT_END.search(text, 0, 320)
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
    cut = _value_cut(text, name_start, 5)
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
    into the story ("Minister resigns CAIRO — ..."); the text unchanged when nothing is glued or too little
    would remain.

    Also cut: a page stamp ("Updated 0055 GMT (0855 HKT)"), a photo credit or a caption closed
    by its credit ("Photograph: AP", "... [Reuters]"), a factbox line ("Born: 12 May 1950, Leeds")
    and an all-capitals crosshead, each only when a real sentence follows.
    """
    current = text.strip()
    if not current:
        return text
    for _ in range(6):
        nxt = _strip_once(current).lstrip(" \t-–—:|,;")
        if nxt == current:
            break
        if len(nxt) < _MIN_REST or len(nxt.split()) < 3:
            break
        current = nxt
    return current if current != text.strip() else text


# --- furniture_reason -------------------------------------------------------------------
# A rule runs only when one of its gate words is among the sentence's words (and one of its
# ``also`` words, when it has them) or, for a rule without words, one of its marks is in the
# text: a regular expression scans the sentence character by character, a set lookup does not.

_PUNCT_BEFORE = ("", "(", "[", "\"", "“", "'", "‘", "|", "-", "—")
_PUNCT_AFTER = ("", ":", ",", ".", ")", ";", "]", "!", "?", "|", ").", "),", "):", "'s", "’s", "\"", "”", "...", "…")


class _Rule:
    __slots__ = ("reason", "pattern", "how", "words", "also", "marks", "pre")

    def __init__(self, reason: str, pattern: str, words: str = "", also: str = "", marks: tuple[str, ...] = (),
                 how: str = "search", pre=None):
        self.reason = reason
        self.pattern = re.compile(pattern)
        self.how = how  # "search"; "match" (at the start); "tail" (in the last 60 characters)
        self.words = frozenset(words.split())
        self.also = frozenset(_variants(also.split())) if also else None
        self.marks = marks
        self.pre = pre  # a further cheap test of (text, words)

    def fires(self, body: str, words: set[str]) -> bool:
        if self.also is not None and words.isdisjoint(self.also):
            return False
        if self.pre is not None and not self.pre(body, words):
            return False
        if self.how == "match":
            return self.pattern.match(body) is not None
        if self.how == "tail":
            return self.pattern.search(body, max(0, len(body) - 60)) is not None
        return self.pattern.search(body) is not None


def _variants(words: list[str]) -> set[str]:
    """Each gate word as whitespace splitting leaves it: with punctuation before and after."""
    return {b + w + a for w in words for b in _PUNCT_BEFORE for a in _PUNCT_AFTER}


_YEAR_THEN_DIGIT = re.compile(r"[12][09]\d\d,?\s+(?:-+\s+)?\d")


def _has_clock(body: str, words: set[str]) -> bool:
    return (":" in body or not words.isdisjoint(_CLOCK_WORDS)) and _YEAR_THEN_DIGIT.search(body) is not None


_MONTH_WORDS = ("january february march april may june july august september october november december "
                "jan jan. feb feb. mar mar. apr apr. jun jul aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.")
_CLOCK_WORDS = frozenset(_variants("gmt utc bst cet eet et est edt pst pdt hkt ist am pm a.m. p.m.".split()))

_RULES: list[_Rule] = [
    # Comments: the stamp and action links of a comment thread, "name wrote:", counts, policies.
    _Rule("comment", r"(?:^|[|]\s*)Report\s+[Aa]buse\b|\bReport\s+[Aa]buse\s*(?:[|]|$)", "abuse"),
    _Rule("comment", r"[|]\s*Reply\b|\bReply\s*[|]|^Reply\b(?!\s+(?:to|from)\b)", "reply"),
    _Rule("comment", r"(?:At\s+" + _CLOCK + r"\s+on\s+[^,]{4,30},\s+)?[\w.@\-]{2,30}(?:\s[A-Z][\w.\-]*){0,3}"
                     r"\s+wrote\s?:\s*(?![\"“'‘`])", "wrote", how="match"),
    _Rule("comment", r"\bAt\s+" + _CLOCK + r"\s+on\s+\d{1,2}\s+" + _MONTH + r"\s+\d{4},\s+\S+\s+wrote\b", "wrote"),
    _Rule("comment", r"\bPosted\s+by\s*:?\s*[\w.\-]+(?:\s+[\w.\-]+){0,3}\s*(?:[|]|\bat\s+\d|$)", "posted", also="by by:"),
    _Rule("comment", r"\bComments?\s*\(\d+\)|^\d+\s+[Cc]omments?\s*$|\bcomments?\s+(?:was|were|has\s+been|have\s+been)"
                     r"\s+(?:removed|deleted|closed)|\b(?:View|Read|Show|Add|Post|Leave|Load)\s+(?:all\s+|more\s+|a\s+|your\s+)?"
                     r"comments?\b|\bcomments?\s+(?:are|is)\s+(?:closed|moderated|pre-moderated)"
                     r"|\b(?:edit|moderate)\s+(?:your\s+)?comments\b|\bin\s+the\s+comments\s+do\s+not\s+represent\b"
                     r"|\bcomments?\s+(?:may|will)\s+(?:be\s+)?(?:edited|moderated|published)", "comment comments"),
    _Rule("comment", r"(?:^|[|])\s*Recommend(?:ed)?\s*(?:\(\d+\)|\d+)?\s*(?:[|]|$)|^\d+\s+(?:people\s+)?recommend"
                     r"(?:ed|s|ations)?(?:\s+this)?\s*\.?$", "recommend recommended recommends recommendations"),
    _Rule("comment", r"[|]\s*Permalink\b|^Permalink\b", "permalink"),
    _Rule("comment", r"\bbroke\s+the\s+House\s+Rules\b|\bremoved\s+by\s+(?:a\s+|the\s+)?moderators?\b", "rules moderator moderators"),
    _Rule("comment", r"\d{4},?\s+at\s+" + _CLOCK + r"\s*[|]", marks=("|",)),

    # Stamps: a page or post's time, a live blog's header.
    _Rule("stamp", r"(?:\bPage\s+last\s+updated|\bLast\s+[Uu]pdated|\bLAST\s+UPDATED)\s*(?::|at\b|on\b)?\s*"
                   r"(?:\d|" + _WEEKDAY + r"|" + _MONTH + r"|$|[)|])"
                   r"|\blast\s+updated\s*:"
                   r"|(?:^|[\s|(\-–—])(?:Updated|UPDATED)\s*:?\s*(?:at\s+)?(?:" + _CLOCK + r"|" + _DATE
                   + r"|" + _WEEKDAY + r"|" + _MONTH + r"\s+\d|\d{1,2}/\d{1,2}|\d{4}\s*" + _TZ + r"|$)", "updated"),
    _Rule("stamp", r"\b(?:Published|PUBLISHED|Posted|POSTED|Added|Modified|Last\s+modified|First\s+published)\s*:\s*(?:on\s+|at\s+)?"
                   r"(?:\d|" + _WEEKDAY + r"|" + _MONTH + r"|$)|\bFirst\s+published\s+(?:on\s+)?(?:" + _WEEKDAY + r"\s+)?"
                   + _DATE + r"\s+" + _CLOCK, "published posted added modified"),
    _Rule("stamp", r"\bLive\s+(?:coverage|updates?|blog|text\s+commentary|commentary|reporting)\b"
                   r"(?!\s+(?:of\s+the\s+\w+\s+)?(?:will|was|is|has|had|were|showed|shows)\b)|^LIVE\s*:", "live"),
    _Rule("stamp", r"^(?:Auto[\s-]?)?[Rr]efresh\b|\b(?:Auto[\s-]?)?[Rr]efresh(?:\s+(?:the|this))?\s+page\b"
                   r"|\bAuto[\s-]?refresh\b|[|]\s*Refresh\b", "refresh auto-refresh autorefresh"),
    # a date run straight into a clock time, no "on" or "at" before it: a stamp inside the sentence
    _Rule("stamp", r"(?<!\bon\s)(?<!\bat\s)(?<!\bby\s)(?<!\bof\s)(?<!\bsince\s)(?<!\buntil\s)(?<!\bbefore\s)(?<!\bafter\s)"
                   r"(?<!\bfrom\s)(?<!\bto\s)(?<!day,\s)(?<!day\s)\b(?:" + _WEEKDAY + r",?\s+)?"
                   r"(?:" + _MONTH + r"\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+" + _MONTH + r",?\s+\d{4}),?\s+"
                   r"(?:-+\s+)?(?:\d{1,2}[:.]\d\d\s*" + _AMPM + r"?(?:\s*" + _TZ + r")?|[012]\d[0-5]\d\s*" + _TZ
                   + r")(?![\w:.]*\s+(?:local\s+time|when|as)\b)", _MONTH_WORDS, pre=_has_clock),

    # Bylines and credits that close a story or stand alone.
    _Rule("byline", r"\b(?:(?:Additional|Further|Extra)\s+reporting|Reporting|REPORTING|Writing|Editing|Compiled|Edited"
                    r"|Reported|Produced|Written|Research|Graphics)(?:\s+and\s+\w+)?\s+by\s+[A-Z][\w'’.\-]*"
                    r"(?:\s+(?:[A-Z][\w'’.\-]*|and|&|de|al|el|bin|van|von|in|at|from))*\s*(?:[;,)]|$|\.$|\s+(?:Editing|Writing|Additional)\b)"
                    r"|^\(?(?:Additional|Further)\s+reporting\s+by\b",
          "reporting writing editing compiled edited reported produced written research graphics", also="by"),
    _Rule("byline", r"\bcontributed\s+(?:to\s+)?(?:this\s+)?(?:report|reporting|story|article)\b", "contributed"),
    _Rule("byline", r"\b(?:Contact|Email|E-mail|e-mail|Write\s+to|Follow)\s+(?:the\s+)?(?:author|authors|reporter|reporters|writer|columnist)\b"
                    r"|\bTo\s+contact\s+the\s+(?:reporters?|editors?|writers?)\b", "author authors reporter reporters writer columnist editor editors"),
    _Rule("byline", r"\bcan\s+be\s+(?:reached|contacted|e-?mailed)\s+at\s+\S+@|\bis\s+on\s+Twitter\s+at\s+@\w+"
                    r"|\bFollow\s+(?:him|her|them|me|[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){0,2})\s+on\s+Twitter\b", "reached contacted twitter"),

    # Captions and their credits.
    _Rule("caption", r"(?:^|[\s(\[])(?:Photo(?:graph)?s?|PHOTO(?:GRAPH)?S?|Pictures?|Images?|Credit|Photo\s+credit|Picture\s+credit"
                     r"|Video|VIDEO|Caption|Illustration|Graphic|Source)\s*:\s*(?:[A-Z(]|$)"
                     r"|\bImage\s+(?:copyright|caption)\b|\bMedia\s+caption\b|\bPictured\s*:",
          "photo photos photograph photographs picture pictures image images credit video caption illustration graphic "
          "source pictured"),
    _Rule("caption", r"\bAP\s*Photos?\s*/|\(AP\s+Photos?\b|\bGetty\s*Images\b|\bGETTY\s*IMAGES\b|/\s*Getty\b|\bGettyImages\b",
          marks=("Getty", "GETTY", "AP Photo")),
    _Rule("caption", r"\((?:PHOTOS?|VIDEOS?|SLIDESHOW|GALLERY|WATCH|PICTURES|GRAPHIC)\)",
          marks=("(",)),
    _Rule("caption", r"\b(?:AFP|AP|EPA|REUTERS|Reuters|Xinhua|PA|ANSA|AAP)\s*/\s*[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,2}\s*(?:[)\]]|$)"
                     r"|\b[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,2}\s*/\s*(?:AFP|AP|EPA|REUTERS|Reuters|Xinhua|PA|ANSA|AAP|Pool)\b"
                     r"(?:\s*/\s*[A-Z][\w.\-]*)*\s*(?:[)\]]|$|[A-Z])"
                     r"|^(?:REUTERS|Reuters|AFP|AP|EPA)\s*/\s*$", marks=("/",)),
    _Rule("caption", r"\[\s*" + _AGENCIES + r"(?:\s*/\s*[A-Za-z ]{2,20})?\s*\]", marks=("[",)),
    # AP and Reuters caption conventions: "In this Friday, April 12, 2013 photo, ...", "This photo
    # released by ...", "(L) ... (R)" position markers, a caption ending on place and full date.
    _Rule("caption", r"(?:FILE\s*[-–—]\s*)?In\s+this\s+(?:[\w.,'’\-]+\s+){0,10}?(?:photo|image|picture|photograph|frame\s+grab"
                     r"|video\s+image|handout|file\s+photo)s?\b", "photo image picture photograph grab handout", also="in file",
          how="match"),
    _Rule("caption", r"\b[Tt]his\s+(?:[\w'’\-]+\s+){0,4}(?:photo|image|picture|photograph|frame\s+grab|video\s+image)s?"
                     r"\s*,?\s+(?:provided|released|made|obtained|distributed|taken|posted|issued|shot|supplied)\b"
                     r"|\bin\s+this\s+(?:[\w.,'’\-]+\s+){0,6}?(?:handout|file)\s+(?:photo|picture|image|photograph)s?\b",
          "photo image picture photograph grab", also="this"),
    _Rule("caption", r"\((?:(?<=[a-z.’'] \()|(?<=[a-z.’']\())(?:L|R|C|2nd\s+[LR]|3rd\s+[LR]|centre|center|front|left|right|top|bottom"
                     r"|second\s+(?:left|right)|foreground|background)\)(?!\s*[-,]?\s*[A-Z]{2,})",
          marks=("(",)),
    _Rule("caption", r"\b(?:[Aa]lso\s+)?[Pp]ictured\s+(?:from\s+)?(?:left\s+to\s+right|l-r|L-R|from\s+left)\b", "pictured"),
    _Rule("caption", r"(?<!\bon\s)(?<!\bsince\s)(?<!\buntil\s)(?<!\bby\s)(?<!\bbefore\s)(?<!\bafter\s)(?<!\bfrom\s)"
                     r"(?<!\bto\s)(?<!\bof\s)(?<!\bdated\s)(?<!day,\s)(?<!day\s)(?:(?<=[A-Za-z],\s)|(?<=[A-Za-z]\s))"
                     r"(?:" + _WEEKDAY + r",?\s+)?" + _MONTH + r"\s+\d{1,2},\s+(?:19|20)\d\d\.?\s*$", also=_MONTH_WORDS, how="tail"),
    _Rule("caption", r"(?:Watch|WATCH|Video|VIDEO|Listen|LISTEN|Audio|AUDIO)\s*:|Watch\s+(?!out\b|for\b|over\b)"
                     r"|(?:Video|Audio)\s+(?:Feed\b|[A-Z])", "watch video listen audio", how="match"),

    # Factbox headings.
    _Rule("factbox", r"(?:Key\s+[Ff]acts|KEY\s+FACTS|Fact\s?box|FACTBOX|FACT\s+BOX|Fact\s?file|FACTFILE|Fast\s+[Ff]acts|FAST\s+FACTS"
                     r"|Quick\s+[Ff]acts|Facts\s+and\s+figures|Key\s+(?:dates|events))\b"
                     r"|(?:Timeline|TIMELINE|Profile|PROFILE|Q&A|Q\s&\sA)\b(?!\s+(?:of|for|is|was|has|had|will|shows?|says?)\b)",
          "key fact factbox factfile fast quick facts timeline profile q&a q", how="match"),
    _Rule("factbox", r"(?:At\s+a\s+glance|AT\s+A\s+GLANCE|In\s+numbers|By\s+the\s+numbers)\b", "glance numbers", how="match"),
    _Rule("factbox", r"\bKey\s+facts\b", "facts"),

    # Navigation: calls to act on the page, link lists, gallery counters.
    _Rule("navigation", r"Share\s*(?:$|[|:])|Share\s+(?:this|these|your|on|via|with|it|Back|the\s+(?:story|article|video)"
                        r"|article|story|page|video|photo|link|Tweet|Email|E-mail|Facebook|Twitter)\b", "share", how="match"),
    _Rule("navigation", r"\(?Read\s+(?:more|the\s+full|full|on)\b|Continue\s+reading\b|(?:Full\s+story|More\s+on\s+this\s+story)\b"
                        r"|READ\s*:", "read continue full more", how="match"),
    _Rule("navigation", r"\bRead\s+more\s*[:>]|\(Read\s+more|\bContinue\s+reading\s*(?:the\s+main\s+story|[>»]|$)",
          "more reading", also="read continue"),
    _Rule("navigation", r"\b[Cc]lick\s+here\b|\b[Cc]lick\s+(?:on\s+)?(?:the\s+)?(?:link|image|button|icon|play)\b"
                        r"|^Click\b|\bclick\s+on\s+\(|\b[Tt]ap\s+here\b", "click tap"),
    _Rule("navigation", r"(?:Sign\s+(?:up|in)|Log\s+in|Subscribe|Register)\b(?:\s+(?:for|to|now|here|today|free)\b|\s*$)",
          "sign log subscribe register", how="match"),
    _Rule("navigation", r"\b(?:Sign\s+up|Subscribe)\s+(?:for|to)\s+(?:our|the)\s+(?:free\s+)?(?:\w+\s+)?(?:newsletter|email|e-mail|alerts?|feed)",
          "newsletter newsletters email e-mail alert alerts feed"),
    _Rule("navigation", r"^Follow\s+(?:us|@|the\s+latest|our|live|all|along)\b|\bFollow\s+us\s+on\b|\bLike\s+us\s+on\s+Facebook\b"
                        r"|\b[Ff]ollow\s+@\w+", "follow like"),
    _Rule("navigation", r"(?:Related|RELATED)(?:\s+(?:video|videos|articles?|stories|story|content|links?|coverage|topics|news|searches))?\s*(?::|$)"
                        r"|(?:Related|RELATED)\s+(?:video|videos|articles?|stories|content|links|coverage|topics)\b"
                        r"|(?:See\s+also|Also\s+(?:read|see)|More\s+from\s+[A-Z][\w ]{1,30}:|Most\s+(?:read|popular|viewed|shared|e-?mailed|commented)"
                        r"|Top\s+stories|Next\s+(?:story|article|page|slide|>)|Previous\s+(?:story|article|page|slide)"
                        r"|Back\s+to\s+(?:top|slideshow|gallery|article|story|the\s+top)"
                        r"|Advertisement|ADVERTISEMENT|Scroll\s+(?:down|up)|Skip\s+to|Jump\s+to|Print\s+this|E-?mail\s+this|Tags\s*:|Topics\s*:"
                        r"|Filed\s+under\s*:|Download\s+(?:PDF|the\s+(?:free\s+)?app|our|now)|Enlarge\s+this)\b",
          "related see also more most top next previous back advertisement scroll skip jump print email e-mail tags topics "
          "filed download enlarge", how="match"),
    _Rule("navigation", r"\bBack\s+to\s+slideshow\b|\bDownload\s+PDF\b|\bwith\s+CNN\s+iReport\b|\bHave\s+your\s+say\b"
                        r"|\bTell\s+us\s+what\s+you\s+think\b|\bGet\s+in\s+touch\b", "slideshow pdf ireport say think touch"),
    _Rule("navigation", r"\b(?:Send|Share)\s+(?:us\s+)?your\s+(?:pictures|photos|images|videos?|stories|story|comments|views|experiences?"
                        r"|thoughts|protest\s+photos)\b"
                        r"|\byou\s+can\s+(?:send|upload|share)\s+(?:your\s+|them\s+|it\s+)?(?:pictures|photos|videos?|images)\b"
                        r"|\bwish\s+to\s+share\s+with\s+the\s+\w+", "your you wish", also="send share upload"),
    _Rule("navigation", r"\(?For\s+(?:more|a|an|the|full|all|our|complete|latest|further)\b[^.]{0,120}?(?:\bclick\b|\bgo\s+to\s*:"
                        r"|\bgo\s+to\s+(?:here|http|www)|\bvisit\s+(?:http|www|our)|\bsee\s+(?:here|http|www))",
          "for", also="click go visit see", how="match"),
    _Rule("navigation", r"\b1\s+of\s+\d{1,3}\s*\.?\s*$|\(\d{1,3}\s+of\s+\d{1,3}\)\s*\.?\s*$", how="tail"),
    _Rule("navigation", r"(?:^|[\s(])(?:Photo|Image|Picture|Slide|Page|Video)s?\s+\d{1,3}\s+of\s+\d{1,3}\b",
          "photo image picture slide page video photos images pictures slides pages videos", also="of"),

    # Imprint: notes about the publication.
    _Rule("imprint", r"\bappeared\s+in\s+print\b|\bin\s+(?:the\s+)?print\s+edition\b|\bon\s+page\s+[A-Z]?\d+\s+of\s+the\b",
          "print page"),
    _Rule("imprint", r"(?:©|\(c\)|\bCopyright\b|\bCOPYRIGHT\b)\s*(?:\d{4}|[A-Z])|\bAll\s+[Rr]ights\s+[Rr]eserved\b|^Copyright\b",
          "copyright reserved ©"),
    _Rule("imprint", r"©\s*(?:\d{4}|[A-Z])|\(c\)\s*\d{4}", marks=("©", "(c)")),
    _Rule("imprint", r"\bmay\s+not\s+be\s+(?:published|reproduced|broadcast|rewritten|redistributed|republished)",
          "published reproduced broadcast rewritten redistributed republished", also="may"),
    _Rule("imprint", r"\bis\s+not\s+responsible\s+for\s+the\s+content\b|\b(?:views|opinions)\s+expressed\s+(?:in\s+this|here|are)\b"
                     r"|\bRUSH\s+TRANSCRIPT\b|\bTHIS\s+IS\s+A\s+(?:RUSH\s+)?TRANSCRIPT\b|\bThis\s+(?:is\s+a\s+)?(?:rush\s+)?transcript\b"
                     r"|\b(?:This|The)\s+(?:press\s+)?release\s+was\s+(?:issued|distributed)\s+(?:through|by|via)\b",
          "responsible expressed transcript release"),
    _Rule("imprint", r"\b(?:This|An\s+earlier\s+version\s+of\s+this)\s+(?:article|story|report|column|post|piece|editorial)\s+"
                     r"(?:has\s+been|was|is|misstated|incorrectly|originally|appeared|first)\b(?!\s+(?:about|based|written\s+by))",
          "article story report column post piece editorial", also="this"),
]

_BY_WORD: dict[str, list[int]] = {}
for _i, _rule in enumerate(_RULES):
    for _w in _variants(sorted(_rule.words)):
        _BY_WORD.setdefault(_w, []).append(_i)
_BY_MARK: dict[str, list[int]] = {}
for _i, _rule in enumerate(_RULES):
    for _m in _rule.marks:
        _BY_MARK.setdefault(_m, []).append(_i)
_TAIL = [i for i, rule in enumerate(_RULES) if rule.how == "tail"]
_GATE_WORDS = frozenset(_BY_WORD)


def _rule_reason(body: str) -> Optional[str]:
    """The reason of the first rule that fires on the sentence, in the order of ``_RULES``."""
    words = set(body.lower().split())
    hits = words & _GATE_WORDS
    todo: set[int] = set()
    for w in hits:
        todo.update(_BY_WORD[w])
    for mark, ids in _BY_MARK.items():
        if mark in body:
            todo.update(ids)
    if body.rstrip(" .)”\"")[-1:].isdigit():
        todo.update(_TAIL)
    for i in sorted(todo):
        rule = _RULES[i]
        if rule.fires(body, words):
            return rule.reason
    return None


# A byline's credit with nothing after it, or a dateline alone ("A look at Syria's war BEIRUT (AP)").
_STAMP_ONLY = re.compile(r"^[\s(\[]*(?:" + _STAMP_TOKEN + r"[\s,;|()\[\]\-–—:/.]*)+$")
_STAMP_ONLY_SIGNAL = re.compile(r"\d|" + _STAMP_WORD + r"|" + _WEEKDAY + r"|" + _MONTH)
# A label and a short value, alone or in a run ("Born: 12 May 1950, Leeds", "Age: 52").
_LABEL_VALUE = re.compile(r"(?:^|(?<=\s))(?P<label>[A-Z][a-z]+(?:[ -][a-z]+){0,2})\s?:\s+")
_VALUE_TOKEN = re.compile(r"^(?:[\d$£€¥#~≈<>+\-–.,%/()]+[\w%]{0,4}[.,;)]?|[A-Z][\w'’.\-/&()]*[,;.)]?|\(?[A-Z][\w.]*\)?[,;.]?)$")
# A headline's, outlet's or section's name alone: a few capitalized words, no end mark.
_NAME_ALONE = re.compile(r"^(?:The\s+)?[A-Z][\w'’.&\-]*(?:\s+(?:[A-Z][\w'’.&\-]*|of|the|and|&|de|al|for|on)){0,4}\s*[|:/]?$")
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
    labels = list(_LABEL_VALUE.finditer(text))
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


def _byline_alone(text: str) -> bool:
    m = _BYLINE_ALONE.match(text)
    if not m:
        return False
    head = _BYLINE_HEAD.match(text)
    return head is not None and head.group("name").split()[0] not in _NOT_NAME


def furniture_reason(text: str) -> Optional[str]:
    """The reason code when this sentence is page furniture rather than reporting, else None.

    A sentence whose furniture is only glued before its reporting (a byline, a dateline, a
    credit, a factbox line) is judged without it (see ``strip_lead``): it is reporting.
    """
    s = text.strip()
    if not s:
        return None
    body = strip_lead(s)
    reason = _rule_reason(body)
    if reason is not None:
        return reason
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
                return "byline"
            if len(body.split()) <= 5 and _NAME_ALONE.match(body):
                return "heading"
    if ":" in body and _factbox(body):
        return "factbox"
    return None
