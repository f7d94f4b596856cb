"""The regular expressions of the clean stage, compiled once at import.

Line shapes (sentence ends, bullets, separators), the line kinds the classifier recognises
(copyright, share bars, related lists, comments, photo credits, captions), and the parts
of header lines (dates, times, bylines, datelines). The commonest kinds are ``Gated``: tried
only on lines that hold one of their keys.
"""

from __future__ import annotations

import re
from typing import Optional

from .lexicon import TZ_OFFSETS, TZ_REGIONS

_OTHER_SPACES = r"\t\f\v\u00a0\u2007\u202f\u2000-\u200a\u3000"
# A run of spaces that is not one plain space (the same runs as "[ <other spaces>]+" to be
# replaced by one space, without replacing every plain space by itself).
SPACES = re.compile(f" [ {_OTHER_SPACES}]+|[{_OTHER_SPACES}][ {_OTHER_SPACES}]*")
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
WORD = re.compile(r"[^\W_][\w'’.&+-]*")
TERMINAL = re.compile(r"[.!?…。！？][\"'”’»)\]」』）]*$|[\"”’」』]$")
# Chinese and Japanese write no spaces: two characters count as one word.
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
TRUNCATED = re.compile(r"\w(?:\.\.\.|…)$")
SEPARATOR = re.compile(r"^[\W_]+$")
BULLET = re.compile(r"^[•·▪■●◦*]\s*")
LIST_ITEM = re.compile(r"^(?:[•·▪■●◦*–-]|\d{1,2}[.)])\s+\S")


# What an ignore-case pattern matches to "i" and casefolding does not make a plain "i" ("ı", and
# the dot "İ" folds to after its "i"): a text holding one may match without holding a key.
_FOLD_GAPS = ("\u0131", "\u0307")


class Gated:
    """A pattern tried only on text that holds one of its keys (casefolded). Every alternative
    of the pattern contains a key, so the answer is the same; a substring test costs far less
    than a search, and almost every line of an article holds none of the keys."""

    def __init__(self, keys: tuple[str, ...], pattern: re.Pattern):
        self.keys, self.pattern = keys, pattern

    def _may(self, folded: str) -> bool:
        return any(map(folded.__contains__, self.keys)) or (
            not folded.isascii() and any(map(folded.__contains__, _FOLD_GAPS)))

    def search(self, text: str, folded: Optional[str] = None) -> Optional[re.Match]:
        """``pattern.search(text)``; ``folded``, when given, is a casefolded text holding
        ``text`` (a line's, casefolded once for all its patterns)."""
        return self.pattern.search(text) if self._may(text.casefold() if folded is None else folded) else None

    def match(self, text: str, folded: Optional[str] = None) -> Optional[re.Match]:
        return self.pattern.match(text) if self._may(text.casefold() if folded is None else folded) else None

    def findall(self, text: str, folded: Optional[str] = None) -> list:
        return self.pattern.findall(text) if self._may(text.casefold() if folded is None else folded) else []


COPYRIGHT = Gated(
    ("©", "(c)", "copyright", "all rights reserved", "may not be"),
    re.compile(
    r"^\W{0,3}(?:©|\(c\)|copyright\b)|\ball rights reserved\b|"
    r"\bmay not be (?:published|reproduced), broadcast", re.I))
COPYRIGHT_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[\s,]*(?P<holder>[^.,;()©]+)",
    re.I)
CONTRIBUTOR = Gated(
    ("contribut", "reporting by", "writing by", "editing by", "compiled by"),
    re.compile(
    r"\bcontribut(?:ed|ing)\b.{0,40}\b(?:report|reporting|story|article)\b|"
    r"^(?:additional |further )?reporting by\b|^(?:writing|editing|compiled) by\b", re.I))
SUBSCRIPTION = Gated(
    ("subscri", "become a", "support", "journalism", "newsletter", "unlimited", "continue reading", "help us",
     "make a", "donate", "in to", "free trial"),
    re.compile(
    r"\bby subscribing\b|\bsubscribe (?:now|today|here|to|for)\b|^subscribe\b|"
    r"\balready (?:a )?subscriber\b|\bbecome a (?:subscriber|member|supporter)\b|"
    r"\bsupport (?:independent|quality|local|our|trusted) (?:journalism|reporting|news)\b|"
    r"\bquality journalism\b|\bsign up (?:for|to) (?:our|the)\b.{0,30}\bnewsletters?\b|"
    r"^(?:get|sign up for|join) (?:our|the) .{0,30}newsletters?\b|\bnewsletter sign-?up\b|"
    r"\bunlimited (?:digital )?access\b|\bto continue reading\b|\byou can help us\b|"
    r"\bmake a (?:contribution|donation)\b|\bdonate (?:now|today)\b|"
    r"\b(?:log|sign) in to (?:read|continue)\b|\bfree trial\b", re.I))
SPONSORED = re.compile(
    r"^(?:sponsored|promoted|paid|partner)(?:\s+(?:content|articles?|stories|posts?|links?|"
    r"headlines|by\b.*))?$|^ads by\b|^around the web$|"
    r"^from our partners$|^(?:promoted links?|recommended) by (?:outbrain|taboola|revcontent)$|"
    r"^(?:outbrain|taboola)$|^sponsored\s*:", re.I)
# Markers that sit between paragraphs of an article and must not end it.
AD_MARKER = re.compile(
    r"^(?:advertisement|advertising|ad|story continues below(?: advertisement)?|"
    r"(?:article )?content continues below(?: advertisement)?|scroll to continue(?: with content)?)$", re.I)
INLINE_LINK = re.compile(
    r"^(?:related|read more|read also|see also|also read|more|watch|listen|read next)\s*:\s*\S", re.I)
RELATED = re.compile(
    r"^related(?:\s+(?:stories|articles|news|coverage|content|links|topics|videos?|reading))?$|"
    r"^more (?:stories|news|headlines|from\b.{1,40}|on this (?:story|topic)|in\b.{1,30}|to read)$|"
    r"^(?:read|see) (?:more|next|also)$|^also (?:read|see)$|^(?:next|previous) (?:article|story|post)$|"
    r"^up next$|^recommended(?:\s+(?:for you|stories|reading|articles))?$|"
    r"^you (?:may|might) (?:also )?(?:like|enjoy|be interested in)$|"
    r"^most (?:read|popular|viewed|shared|commented)$|^trending(?: now| stories)?$|^top stories$|"
    r"^latest (?:news|stories|headlines)$|^editor'?s'? picks?$|^don'?t miss$|"
    r"^further reading$|^what to read next$|^(?:compare )?other versions$|^in other news$|"
    r"^keep reading$", re.I)
# The headings of a list of other stories (not a "Read more" link inside an article).
LIST_HEADING = re.compile(
    r"^(?:related(?:\s+(?:stories|articles|news|coverage|content|reading))?|more (?:stories|news|headlines)|"
    r"most (?:read|popular|viewed|shared|commented)|trending(?: now| stories)?|top stories|"
    r"latest (?:news|stories|headlines)|recommended(?:\s+(?:for you|stories|reading|articles))?|"
    r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|editor'?s'? picks?|don'?t miss|"
    r"what to read next|in other news)$", re.I)
COMMENTS = Gated(
    ("comment", "repl", "respons", "conversation", "discuss"),
    re.compile(
    r"^\[?\s*(?:\d+\s+)?(?:(?:reader|top rated|most recent|latest|all|user|\d+) )?comments?(?:\s*\(\d+\))?\s*\]?$|"
    r"^(?:leave|post|add|view|show|read|see) "
    r"(?:a |the |all )?(?:\d+ )?(?:comments?|replies|reply|responses)$|"
    r"^join the (?:conversation|discussion)$|^discuss this (?:article|story)$|^\d+ (?:responses?|replies|comments)\b.{0,120}$", re.I))
# A reader's comment's head ("anna_k says:", "Anna on May 5, 2019 at 10:12 am said:"): each
# alternative holds a colon too, which the caller tests first.
COMMENT_AUTHOR = Gated(
    ("says", "said", "wrote"),
    re.compile(
    r"^[\w.\-]{2,40} (?:says|said|wrote)\s*:$|"
    r"^.{2,60}?\s+(?:on\s+)?\S.{4,40}?\s+(?:at\s+)?\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?\s+(?:said|says|wrote)\s*:?$", re.I))
# The site speaking about itself: contact desks and legal notices in the page footer.
CONTACT_FIELD = re.compile(r"\b(tel(?:ephone)?|phone|fax|e-?mail)\s*:", re.I)
SITE_NOTICE = Gated(
    ("this site", "this web", "trademark"),
    re.compile(
        r"\b(?:information|content|material)s?\s+(?:provided\s+|published\s+|contained\s+)?on\s+this\s+"
        r"(?:web\s?site|site)\b|\buse\s+of\s+this\s+(?:web\s?site|site)\b|"
        r"\bthis\s+(?:web\s?site|site)\s+(?:uses|is\s+not|does\s+not|may\s+(?:not|contain|use))\b|"
        r"\bare\s+(?:registered\s+)?trademarks\s+of\b", re.I))


TIMESTAMP = re.compile(
    r"^(?:(?:updated|published|posted)\s*:?\s*)?(?:(?:\d+|an?|one)\s+"
    r"(?:sec|second|min|minute|hr|hour|day|week|month|year)s?\s+ago|yesterday|just now)$", re.I)
SHARE_FIELDS = Gated(
    ("stumbleupon", "digg", "reddit", "delicious", "facebook", "twitter", "linkedin", "pinterest", "google",
     "tumblr", "email", "whatsapp"),
    re.compile(
    r"\b(?:stumbleupon|digg|reddit|delicious|facebook|twitter|linkedin|pinterest|google\+?|"
    r"tumblr|email|whatsapp)\s*:", re.I))
SHARE_PREFIX = re.compile(r"^(?:share (?:this|on|via|the)\b|click to (?:share|email|print)\b)",
                          re.I)
UI_PHRASE = re.compile(
    r"^(?:skip to (?:main )?content|back to top|loading\.*|click here\b.*|we use cookies\b.*|"
    r"accept (?:all )?cookies|(?:please )?enable javascript\b.*|javascript (?:is )?(?:disabled|required)\b.*|"
    r"your browser does not support\b.*|this video is no longer available\.?|"
    r"(?:image|photo|slide) \d+ (?:of|/) \d+|\d+ (?:of|/) \d+|open in (?:app|new window)|"
    r"your email address will not be published\b.*|required fields are marked\b.*|"
    r"listen to (?:this )?article|\d+ min(?:ute)?s? read|reading time\b.*|text size|font size|"
    r"print this (?:page|article))$", re.I)

_CREDIT_AGENCY = (r"(?:AP|AFP|EPA|EPA-EFE|Reuters|REUTERS|Getty Images|Getty|Pool|Bloomberg|"
                  r"Xinhua|Kyodo(?: News)?|Shutterstock|Alamy|Sipa|NurPhoto|Anadolu)")
PHOTO_CREDIT = Gated(
    ("photo", "image", "pic", "video", "graphic", "illustration", "credit", "courtesy", "/", "shutterstock"),
    re.compile(
    r"^\(?\s*(?:(?:photo|photograph|image|picture|pic|video|graphic|illustration)s?"
    r"(?:\s+(?:credit|source|courtesy))?s?\s*(?::|/|\bby\b|\bcourtesy\b)|credits?\s*:|"
    r"courtesy(?: of)?\b|image source\b|file photo\b)|"
    r"\b" + _CREDIT_AGENCY + r"\s+(?:Photos?|Images)\b|"
    r"^\(?[\w .'’-]{2,40}\s*/\s*(?:[\w .'’-]{0,30}\b(?:via|for)\s+)?" + _CREDIT_AGENCY + r"\)?$|"
    r"^\(?(?:REUTERS|AFP|AP|EPA)\s*/\s*[\w .'’-]+\)?$|^\(?(?:Getty Images|Shutterstock)\)?$",
    re.I))
TRAILING_PAREN = re.compile(r"\s*\(([^()]{2,120})\)\s*$")
CAPTION_STRONG = Gated(
    ("from left", "from right", "(l-r)", "file", "in this", "caption"),
    re.compile(
    r",\s*(?:second|third|fourth|fifth) from (?:left|right)\b|\bfrom left\b|\(L-R\)|"
    r"^FILE\s*[-–—]\s|\bin this (?:file )?(?:photo|image|picture)\b|"
    r"^(?:image|photo|picture|video) caption\b", re.I))
CAPTION_CUE = re.compile(
    r",\s*(?:left|right|center|centre|front|top|bottom|foreground|background)\s*,|"
    r"\b(?:is|are|was|were) seen\b|\bupon arriving\b|\bposes? for\b|\blooks on\b|\bgestures\b|"
    r"\bpictured\b|\bshakes? hands\b|\breviews? (?:an |the )?honou?r guard\b", re.I)
SOURCE_LINE = re.compile(
    r"^(?:compiled from|with|from|based on) (?:wire|agency|news agency|agencies'?) (?:reports|services|inputs)$|"
    r"^(?:with )?(?:inputs|reporting) from agencies$|^agencies$|^wire services$|^(?:source|sources)\s*:\s*.{1,60}$",
    re.I)
AGENCY_LINE = re.compile(r"^[-–—]?\s*(?:(?:source|sources|via|courtesy)\s*:?\s*)?\(?([^():]{2,40}?)\)?$",
                         re.I)

_MON = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
        r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
DATE_PATTERNS = [
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"),
    re.compile(r"\b" + _MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b", re.I),
    re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r",?\s+(?P<y>\d{4})\b", re.I),
    re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b"),
    re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})\b"),
]
_TZ_NAMES = "|".join(sorted(list(TZ_OFFSETS) + list(TZ_REGIONS), key=len, reverse=True))
TIME = re.compile(
    r"(?<![\d:.])(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?"
    r"(?:\s*(?P<ap1>[AaPp])\.?\s?[Mm]\.?)?|\s*(?P<ap2>[AaPp])\.?\s?[Mm]\.?(?![A-Za-z]))"
    r"(?:\s*\(?(?P<tz>[+-]\d{2}:?\d{2}\b|(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?|"
    r"(?:" + _TZ_NAMES + r")(?![A-Za-z]))\)?)?")
BY = re.compile(r"^(?:(?:posted|written|words|story|text|reported|report|photos?)\s+)?by\s+(?P<rest>.+)$", re.I)
ROLE = re.compile(
    r"\b(?:(?:staff|senior|chief|special|foreign|political|diplomatic|business|medical|science|"
    r"economics|sports|national|international|investigative)\s+)*"
    r"(?:writer|reporter|correspondent|editor|contributor|journalist|columnist)s?\b", re.I)

_PLACE = r"[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+)*"
_DASH = r"(?:\s*[—–]|\s*--|\s+-(?=\s))\s*"
DATELINE_CAPS = re.compile(
    r"^(?P<place>" + _PLACE + r"(?:,\s+[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,2})?)"
    r"(?:,\s+(?i:" + _MON + r")\s+\d{1,2})?"
    r"(?:\s*\((?P<agency>[^()]{1,40})\))?" + _DASH + r"(?=\S)")
DATELINE_AGENCY = re.compile(
    r"^(?P<place>[A-Z][\w.'’\-]+(?:,?\s+[A-Z][\w.'’\-]+){0,3})\s*\((?P<agency>[^()]{1,40})\)"
    + _DASH + r"(?=\S)")

BULLET_OUTLET = re.compile(r"^[•·▪■●]\s*((?:[A-Z][\w&'’.-]*)(?:\s+[A-Z][\w&'’.-]*){0,2})$")
BARE_TIME = re.compile(r"^\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?$", re.I)
# A name in capitals followed by an outlet or role: "JONAS PELL, Nordwire" (a capitals line
# alone is more often a masthead than a byline).
CAPS_BYLINE = re.compile(r"^(?P<name>[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){1,3})\s*,\s*[^,]{2,40}$")
REPORTED = re.compile(r"[\"“”]|\b(?:said|says|told|according)\b", re.I)
# What a photo caption rarely holds and a news sentence usually does: a past tense or a day.
NEWS_SENTENCE = re.compile(
    r"\b(?:[a-z]{3,}(?<!e|b)ed|was|were|had|has|have|will|would|did|began|met|held|took|made|went|came|said"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow)\b", re.I)
INNER_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+[A-Z]")


DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her|our|this|that)\s+$", re.I)  # "a flooded house"
