"""Turn a raw page into a clean article body plus the metadata the page states.

This layer is hand-written because no library cleans plain-text page dumps: trafilatura,
readability and their kind need a DOM to tell the article from the menus, and a page that
reached us as text has lost it. So plain text goes through an explainable line classifier:
every line is judged on features a person can check (length, sentence punctuation,
stop-word density, capitals, UI vocabulary, position before/after the body, repetition),
the body is the largest contiguous region of prose lines, and every dropped line is kept in
``removed`` with one reason from ``REASONS``.

HTML goes to trafilatura for the main text and page metadata (htmldate as the date
fallback); the same line layer then runs over trafilatura's paragraphs to find the
dateline, agency, contributors and leftover boilerplate. Page metadata wins over guesses
from the text.

Publication dates come only from standalone date/byline lines before the body (or from
page markup), never from dates mentioned in body sentences.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

from .errors import StorylineError
from .model import CleanResult, Removed

__all__ = ["CleanError", "REASONS", "clean_text", "clean_html"]


class CleanError(StorylineError, ValueError):
    """The input holds no article text at all."""


REASONS = frozenset({
    "navigation", "share", "related", "sponsored", "subscription", "copyright", "photo credit",
    "caption", "repeated", "title", "byline", "date", "contributor", "source", "boilerplate",
})

# --- word lists -----------------------------------------------------------------------

STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers him his how i if in into is it its itself just
me more most my no nor not now of off on once only or other our out over own said same she
should so some such than that the their them then there these they this those through to too
under until up very was we were what when where which while who whom why will with would you
your has had its it's
""".split())

# Words of site chrome: menus, icon names, app and account links.
UI_WORDS = frozenset("""
home menu search login log sign signin signout register account profile settings close open
back next previous prev more less show hide toggle skip content main navigation nav background
icon icons arrow down up left right circle square add remove check chat bubble reply heart
delete edit star trash gear load loading monitor play pause video player film trailer person
contact us faq credit card drag email embed share share2 history readlist calendar app apps
ios android download facebook twitter instagram linkedin pinterest youtube snapchat google
googleplus whatsapp tiktok rss feed print comments comment wiki subscribe newsletter
newsletters notifications bell bookmark save saved like follow mobile site sitemap map cookie
cookies privacy policy terms service about help advertise careers jobs store shop podcast
podcasts listen watch mute unmute volume fullscreen expand collapse view all see x
""".split())

# Section labels of news sites ("WORLD NEWS", "Politics").
SECTION_WORDS = frozenset("""
world news politics business economy markets money tech technology science health sport sports
football entertainment culture arts lifestyle travel food opinion opinions editorial editorials
analysis features local national international nation u.s. uk europe asia africa americas
middle east latin america australia pacific weather videos photos live latest breaking top
stories today climate environment education crime media obituaries region regional
""".split())

# Words that may sit between UI words without making a line prose.
FILLER_WORDS = frozenset("the and of & to in on for a an our your with this my".split())

SHARE_WORDS = frozenset("""
share shares sharing tweet retweet email e-mail mail facebook twitter x linkedin whatsapp
pinterest reddit messenger telegram print copy link url sms flipboard pocket tumblr
stumbleupon digg delicious google+ googleplus this article story page on via the to with
friend friends post
""".split())
SHARE_CORE = frozenset("""
share tweet retweet email e-mail facebook twitter linkedin whatsapp pinterest reddit messenger
telegram print flipboard tumblr stumbleupon digg delicious
""".split())

# News agencies under the names they are written with, mapped to one short name.
AGENCIES = {
    "ap": "AP", "a.p.": "AP", "associated press": "AP", "the associated press": "AP",
    "reuters": "Reuters", "thomson reuters": "Reuters", "afp": "AFP",
    "agence france-presse": "AFP", "agence france presse": "AFP", "kyodo": "Kyodo",
    "kyodo news": "Kyodo", "xinhua": "Xinhua", "xinhua news agency": "Xinhua",
    "bloomberg": "Bloomberg", "bloomberg news": "Bloomberg", "dpa": "dpa", "upi": "UPI",
    "united press international": "UPI", "tass": "TASS", "itar-tass": "TASS",
    "ria novosti": "RIA Novosti", "interfax": "Interfax", "yonhap": "Yonhap", "jiji": "Jiji",
    "jiji press": "Jiji", "pti": "PTI", "ani": "ANI", "ians": "IANS", "efe": "EFE",
    "ansa": "ANSA", "anadolu": "Anadolu", "anadolu agency": "Anadolu", "aap": "AAP",
    "australian associated press": "AAP", "the canadian press": "CP", "canadian press": "CP",
    "pa media": "PA", "press association": "PA", "bernama": "Bernama", "antara": "Antara",
    "nhk": "NHK",
}

# Time-zone abbreviations used in news datelines, as UTC offsets; "ET" and friends depend on
# the date and are resolved through zoneinfo.
TZ_OFFSETS = {
    "UTC": "+00:00", "GMT": "+00:00", "Z": "+00:00", "WET": "+00:00", "BST": "+01:00",
    "CET": "+01:00", "CEST": "+02:00", "EET": "+02:00", "EEST": "+03:00", "MSK": "+03:00",
    "IST": "+05:30", "WIB": "+07:00", "ICT": "+07:00", "HKT": "+08:00", "SGT": "+08:00",
    "PHT": "+08:00", "AWST": "+08:00", "JST": "+09:00", "KST": "+09:00", "AEST": "+10:00",
    "AEDT": "+11:00", "NZST": "+12:00", "NZDT": "+13:00", "HST": "-10:00", "AKST": "-09:00",
    "AKDT": "-08:00", "PST": "-08:00", "PDT": "-07:00", "MST": "-07:00", "MDT": "-06:00",
    "CST": "-06:00", "CDT": "-05:00", "EST": "-05:00", "EDT": "-04:00", "AST": "-04:00",
}
TZ_REGIONS = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
              "PT": "America/Los_Angeles"}

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}

# Words allowed around a date on a date line ("Published: Friday, 5 March 2024, 14:20 GMT").
DATE_LINE_WORDS = frozenset("""
published publication posted updated update modified last first on at date dated time local
created issued released release am pm a.m. p.m. monday tuesday wednesday thursday friday
saturday sunday mon tue tues wed thu thur thurs fri sat sun t
""".split())

NAME_PARTICLES = frozenset("and & de del della der den van von da di du la le bin al el y".split())

# Penalties a dropped line puts on the body region crossing it: a copyright notice or a comment
# section ends an article for good; lists and menus cost about a short paragraph; the rest are
# neutral. A line of no known kind that is not prose costs less when it is a list item.
REGION_PENALTY = {"copyright": 10_000, "comments": 10_000, "related": 30, "sponsored": 30,
                  "navigation": 30, "timestamp": 30}
NON_PROSE_PENALTY = 15
# An HTML extraction shorter than this is checked against trafilatura's fallback extractors.
SHORT_EXTRACTION_WORDS = 100
HARD_STOP_AFTER = 40  # prose words before a comments or copyright line that make it the end
LIST_ITEM_PENALTY = 1

# --- patterns ---------------------------------------------------------------------------

_SPACES = re.compile(r"[ \t\f\v\u00a0\u2007\u202f\u2000-\u200a\u3000]+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_WORD = re.compile(r"[^\W_][\w'’.&+-]*")
_TERMINAL = re.compile(r"[.!?…。！？][\"'”’»)\]」』）]*$|[\"”’」』]$")
# Chinese and Japanese write no spaces: two characters count as one word.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_TRUNCATED = re.compile(r"\w(?:\.\.\.|…)$")
_SEPARATOR = re.compile(r"^[\W_]+$")
_BULLET = re.compile(r"^[•·▪■●◦*]\s*")
_LIST_ITEM = re.compile(r"^(?:[•·▪■●◦*–-]|\d{1,2}[.)])\s+\S")


class _Gated:
    """A pattern tried only on text that holds one of its keys (casefolded). Every alternative
    of the pattern contains a key, so the answer is the same; a substring test costs far less
    than a search, and almost every line of an article holds none of the keys."""

    def __init__(self, keys: tuple[str, ...], pattern: re.Pattern):
        self.keys, self.pattern = keys, pattern

    def _may(self, text: str) -> bool:
        folded = text.casefold()
        return any(key in folded for key in self.keys)

    def search(self, text: str) -> Optional[re.Match]:
        return self.pattern.search(text) if self._may(text) else None

    def match(self, text: str) -> Optional[re.Match]:
        return self.pattern.match(text) if self._may(text) else None


_COPYRIGHT = _Gated(
    ("©", "(c)", "copyright", "all rights reserved", "may not be"),
    re.compile(
    r"^\W{0,3}(?:©|\(c\)|copyright\b)|\ball rights reserved\b|"
    r"\bmay not be (?:published|reproduced), broadcast", re.I))
_COPYRIGHT_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[\s,]*(?P<holder>[^.,;()©]+)",
    re.I)
_CONTRIBUTOR = _Gated(
    ("contribut", "reporting by", "writing by", "editing by", "compiled by"),
    re.compile(
    r"\bcontribut(?:ed|ing)\b.{0,40}\b(?:report|reporting|story|article)\b|"
    r"^(?:additional |further )?reporting by\b|^(?:writing|editing|compiled) by\b", re.I))
_SUBSCRIPTION = _Gated(
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
_SPONSORED = re.compile(
    r"^(?:sponsored|promoted|paid|partner)(?:\s+(?:content|articles?|stories|posts?|links?|"
    r"headlines|by\b.*))?$|^ads by\b|^around the web$|"
    r"^from our partners$|^(?:promoted links?|recommended) by (?:outbrain|taboola|revcontent)$|"
    r"^(?:outbrain|taboola)$|^sponsored\s*:", re.I)
# Markers that sit between paragraphs of an article and must not end it.
_AD_MARKER = re.compile(
    r"^(?:advertisement|advertising|ad|story continues below(?: advertisement)?|"
    r"(?:article )?content continues below(?: advertisement)?|scroll to continue(?: with content)?)$", re.I)
_INLINE_LINK = re.compile(
    r"^(?:related|read more|read also|see also|also read|more|watch|listen|read next)\s*:\s*\S", re.I)
_RELATED = re.compile(
    r"^related(?:\s+(?:stories|articles|news|coverage|content|links|topics|videos?|reading))?$|"
    r"^more (?:stories|news|headlines|from\b.{1,40}|on this (?:story|topic)|in\b.{1,30}|to read)$|"
    r"^(?:read|see) (?:more|next|also)$|^also (?:read|see)$|^(?:next|previous) (?:article|story|post)$|"
    r"^up next$|^recommended(?:\s+(?:for you|stories|reading|articles))?$|"
    r"^you (?:may|might) (?:also )?(?:like|enjoy|be interested in)$|"
    r"^most (?:read|popular|viewed|shared|commented)$|^trending(?: now| stories)?$|^top stories$|"
    r"^latest (?:news|stories|headlines)$|^editor'?s'? picks?$|^don'?t miss$|"
    r"^further reading$|^what to read next$|^(?:compare )?other versions$|^in other news$|"
    r"^keep reading$", re.I)
_COMMENTS = _Gated(
    ("comment", "repl", "respons", "conversation", "discuss", ":"),
    re.compile(
    r"^\[?\s*(?:\d+\s+)?(?:(?:reader|top rated|most recent|latest|all|user|\d+) )?comments?(?:\s*\(\d+\))?\s*\]?$|"
    r"^(?:leave|post|add|view|show|read|see) "
    r"(?:a |the |all )?(?:\d+ )?(?:comments?|replies|reply|responses)$|"
    r"^join the (?:conversation|discussion)$|^discuss this (?:article|story)$|^\d+ (?:responses?|replies|comments)\b.{0,120}$|"
    r"^[\w.\-]{2,40} (?:says|said|wrote)\s*:$|"
    r"^.{2,60}?\s+(?:on\s+)?\S.{4,40}?\s+(?:at\s+)?\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?\s+(?:said|says|wrote)\s*:?$", re.I))
# The site speaking about itself: contact desks and legal notices in the page footer.
_CONTACT_FIELD = re.compile(r"\b(tel(?:ephone)?|phone|fax|e-?mail)\s*:", re.I)
_SITE_NOTICE = _Gated(
    ("this site", "this web", "trademark"),
    re.compile(
        r"\b(?:information|content|material)s?\s+(?:provided\s+|published\s+|contained\s+)?on\s+this\s+"
        r"(?:web\s?site|site)\b|\buse\s+of\s+this\s+(?:web\s?site|site)\b|"
        r"\bthis\s+(?:web\s?site|site)\s+(?:uses|is\s+not|does\s+not|may\s+(?:not|contain|use))\b|"
        r"\bare\s+(?:registered\s+)?trademarks\s+of\b", re.I))


def _site_notice(text: str) -> bool:
    """A contact block (two of telephone, fax, e-mail) or the site's legal notice."""
    if ":" in text and len({m.group(1).lower().replace("-", "")[:3] for m in _CONTACT_FIELD.finditer(text)}) >= 2:
        return True
    return _SITE_NOTICE.search(text) is not None


_TIMESTAMP = re.compile(
    r"^(?:(?:updated|published|posted)\s*:?\s*)?(?:(?:\d+|an?|one)\s+"
    r"(?:sec|second|min|minute|hr|hour|day|week|month|year)s?\s+ago|yesterday|just now)$", re.I)
_SHARE_FIELDS = re.compile(
    r"\b(?:stumbleupon|digg|reddit|delicious|facebook|twitter|linkedin|pinterest|google\+?|"
    r"tumblr|email|whatsapp)\s*:", re.I)
_SHARE_PREFIX = re.compile(r"^(?:share (?:this|on|via|the)\b|click to (?:share|email|print)\b)",
                           re.I)
_UI_PHRASE = re.compile(
    r"^(?:skip to (?:main )?content|back to top|loading\.*|click here\b.*|we use cookies\b.*|"
    r"accept (?:all )?cookies|(?:please )?enable javascript\b.*|javascript (?:is )?(?:disabled|required)\b.*|"
    r"your browser does not support\b.*|this video is no longer available\.?|"
    r"(?:image|photo|slide) \d+ (?:of|/) \d+|\d+ (?:of|/) \d+|open in (?:app|new window)|"
    r"your email address will not be published\b.*|required fields are marked\b.*|"
    r"listen to (?:this )?article|\d+ min(?:ute)?s? read|reading time\b.*|text size|font size|"
    r"print this (?:page|article))$", re.I)

_CREDIT_AGENCY = (r"(?:AP|AFP|EPA|EPA-EFE|Reuters|REUTERS|Getty Images|Getty|Pool|Bloomberg|"
                  r"Xinhua|Kyodo(?: News)?|Shutterstock|Alamy|Sipa|NurPhoto|Anadolu)")
_PHOTO_CREDIT = _Gated(
    ("photo", "image", "pic", "video", "graphic", "illustration", "credit", "courtesy", "/", "shutterstock"),
    re.compile(
    r"^\(?\s*(?:(?:photo|photograph|image|picture|pic|video|graphic|illustration)s?"
    r"(?:\s+(?:credit|source|courtesy))?s?\s*(?::|/|\bby\b|\bcourtesy\b)|credits?\s*:|"
    r"courtesy(?: of)?\b|image source\b|file photo\b)|"
    r"\b" + _CREDIT_AGENCY + r"\s+(?:Photos?|Images)\b|"
    r"^\(?[\w .'’-]{2,40}\s*/\s*(?:[\w .'’-]{0,30}\b(?:via|for)\s+)?" + _CREDIT_AGENCY + r"\)?$|"
    r"^\(?(?:REUTERS|AFP|AP|EPA)\s*/\s*[\w .'’-]+\)?$|^\(?(?:Getty Images|Shutterstock)\)?$",
    re.I))
_TRAILING_PAREN = re.compile(r"\s*\(([^()]{2,120})\)\s*$")
_CAPTION_STRONG = _Gated(
    ("from ", "(l-r)", "file", "in this", "caption"),
    re.compile(
    r",\s*(?:second|third|fourth|fifth) from (?:left|right)\b|\bfrom left\b|\(L-R\)|"
    r"^FILE\s*[-–—]\s|\bin this (?:file )?(?:photo|image|picture)\b|"
    r"^(?:image|photo|picture|video) caption\b", re.I))
_CAPTION_CUE = re.compile(
    r",\s*(?:left|right|center|centre|front|top|bottom|foreground|background)\s*,|"
    r"\b(?:is|are|was|were) seen\b|\bupon arriving\b|\bposes? for\b|\blooks on\b|\bgestures\b|"
    r"\bpictured\b|\bshakes? hands\b|\breviews? (?:an |the )?honou?r guard\b", re.I)
_SOURCE_LINE = re.compile(
    r"^(?:compiled from|with|from|based on) (?:wire|agency|news agency|agencies'?) (?:reports|services|inputs)$|"
    r"^(?:with )?(?:inputs|reporting) from agencies$|^agencies$|^wire services$|^(?:source|sources)\s*:\s*.{1,60}$",
    re.I)
_AGENCY_LINE = re.compile(r"^[-–—]?\s*(?:(?:source|sources|via|courtesy)\s*:?\s*)?\(?([^():]{2,40}?)\)?$",
                          re.I)

_MON = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
        r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE_PATTERNS = [
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"),
    re.compile(r"\b" + _MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b", re.I),
    re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r",?\s+(?P<y>\d{4})\b", re.I),
    re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b"),
    re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})\b"),
]
_TZ_NAMES = "|".join(sorted(list(TZ_OFFSETS) + list(TZ_REGIONS), key=len, reverse=True))
_TIME = re.compile(
    r"(?<![\d:.])(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?"
    r"(?:\s*(?P<ap1>[AaPp])\.?\s?[Mm]\.?)?|\s*(?P<ap2>[AaPp])\.?\s?[Mm]\.?(?![A-Za-z]))"
    r"(?:\s*\(?(?P<tz>[+-]\d{2}:?\d{2}\b|(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?|"
    r"(?:" + _TZ_NAMES + r")(?![A-Za-z]))\)?)?")
_BY = re.compile(r"^(?:(?:posted|written|words|story|text|reported|report|photos?)\s+)?by\s+(?P<rest>.+)$", re.I)
_ROLE = re.compile(
    r"\b(?:(?:staff|senior|chief|special|foreign|political|diplomatic|business|medical|science|"
    r"economics|sports|national|international|investigative)\s+)*"
    r"(?:writer|reporter|correspondent|editor|contributor|journalist|columnist)s?\b", re.I)

_PLACE = r"[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+)*"
_DASH = r"(?:\s*[—–]|\s*--|\s+-(?=\s))\s*"
_DATELINE_CAPS = re.compile(
    r"^(?P<place>" + _PLACE + r"(?:,\s+[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,2})?)"
    r"(?:,\s+(?i:" + _MON + r")\s+\d{1,2})?"
    r"(?:\s*\((?P<agency>[^()]{1,40})\))?" + _DASH + r"(?=\S)")
_DATELINE_AGENCY = re.compile(
    r"^(?P<place>[A-Z][\w.'’\-]+(?:,?\s+[A-Z][\w.'’\-]+){0,3})\s*\((?P<agency>[^()]{1,40})\)"
    + _DASH + r"(?=\S)")


# --- lines and their features -----------------------------------------------------------

@dataclass
class _Line:
    text: str
    blank_before: bool
    reason: Optional[str] = None  # from REASONS, or pending: meta, agency, timestamp, comments
    soft: bool = False  # dropped, but does not weigh against the body region around it
    meta: dict = field(default_factory=dict)
    extra: list[Removed] = field(default_factory=list)  # parts split off the line (a photo credit)

    def __post_init__(self) -> None:
        self.words = _WORD.findall(self.text)
        lower = [w.lower().rstrip(".'’") for w in self.words]
        self.lower = lower
        unspaced = len(_UNSPACED.findall(self.text))
        self.n = len(self.words) + (unspaced // 2 - len([w for w in self.words if _UNSPACED.match(w)])
                                    if unspaced else 0)
        self.stop_ratio = sum(w in STOP_WORDS for w in lower) / self.n if self.n else 0.0
        tail = self.text[-8:]  # the end patterns need only the last characters
        self.truncated = bool(_TRUNCATED.search(tail))
        self.ends_sentence = bool(_TERMINAL.search(tail)) and not self.truncated
        self.prose = _is_prose(self)


def _is_prose(line: _Line) -> bool:
    """A line that reads as article text: a sentence, or a long run of ordinary words."""
    if line.truncated:
        return False
    # Scripts without letter case (Hangul, kana, Chinese, Arabic...) count as lower case.
    has_lower = any(w[0].islower() or (w[0].isalpha() and not w[0].isupper()) for w in line.words)
    if line.n >= 4 and line.ends_sentence and has_lower:
        return True
    if line.n >= 20 and line.stop_ratio >= 0.1:
        return True
    # Text in other languages has none of our stop words: a long line of many words
    return line.n >= 12 and len(line.text) >= 80 and has_lower and line.ends_sentence


def _normalize(text: str) -> str:
    """NBSP-like spaces to plain spaces, zero-width characters out, one line ending."""
    text = _INVISIBLE.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    blank = True
    for raw in text.split("\n"):
        if not raw:
            blank = True
            continue
        lines.append(_Line(raw, blank))
        blank = False
    return _unwrap(lines)


def _unwrap(lines: list[_Line]) -> list[_Line]:
    """Join hard-wrapped paragraphs (text filled to a fixed width) back into one line each.

    A document counts as wrapped when its longest line is at most 100 characters and many
    lines are close to that width; a line that fills the width continues on the next line
    of the same block.
    """
    if len(lines) < 4:
        return lines
    width = max(len(line.text) for line in lines)
    full = sum(len(line.text) >= 0.8 * width for line in lines)
    if width > 100 or full < max(3, len(lines) // 4):
        return lines
    out: list[_Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if (prev is not None and not line.blank_before and len(prev.text) >= 0.6 * width
                and _parse_meta(prev.text) is None and _parse_meta(line.text) is None):
            out[-1] = _Line(prev.text + " " + line.text, prev.blank_before)
        else:
            out.append(line)
    return out


# --- dates, bylines and agencies --------------------------------------------------------

def _agency(text: str) -> Optional[str]:
    """The normalized agency name when ``text`` is just an agency, else None."""
    key = re.sub(r"\s+", " ", text.strip(" .,;:()[]-–—•·*")).lower()
    return AGENCIES.get(key)


def _find_date(text: str) -> Optional[tuple[dt.date, int, int]]:
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            try:
                year = int(groups["y"])
                if groups.get("mon"):
                    month = MONTHS[groups["mon"].lower().rstrip(".")]
                    day = int(groups["d"])
                elif groups.get("a"):
                    a, b = int(groups["a"]), int(groups["b"])
                    if a > 12 >= b:
                        day, month = a, b
                    elif b > 12 >= a:
                        month, day = a, b
                    else:
                        continue  # 03/05/2024: day and month cannot be told apart
                else:
                    month, day = int(groups["m"]), int(groups["d"])
                if not 1800 <= year <= 2200:
                    continue
                return dt.date(year, month, day), match.start(), match.end()
            except (KeyError, ValueError):
                continue
    return None


def _offset(tz: str, day: dt.date, hour: int, minute: int) -> Optional[str]:
    """A time-zone token as "+hh:mm"."""
    tz = tz.strip("() ").upper()
    if tz in TZ_OFFSETS:
        return TZ_OFFSETS[tz]
    if tz in TZ_REGIONS:
        try:
            from zoneinfo import ZoneInfo
            offset = dt.datetime(day.year, day.month, day.day, hour, minute,
                                 tzinfo=ZoneInfo(TZ_REGIONS[tz])).utcoffset()
        except Exception:  # no time-zone database on this system
            return None
        return _format_offset(offset)
    match = re.match(r"^(?:GMT|UTC)?\s*([+-])\s*(\d{1,2}):?(\d{2})?$", tz)
    if match:
        sign, hours, minutes = match.group(1), int(match.group(2)), int(match.group(3) or 0)
        if hours <= 14 and minutes < 60:
            return f"{sign}{hours:02d}:{minutes:02d}"
    return None


def _format_offset(offset: Optional[dt.timedelta]) -> Optional[str]:
    if offset is None:
        return None
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _find_time(text: str, day: dt.date) -> Optional[tuple[str, int, int]]:
    for match in _TIME.finditer(text):
        hour = int(match.group("h"))
        minute = int(match.group("mi") or 0)
        second = int(match.group("s") or 0)
        ampm = (match.group("ap1") or match.group("ap2") or "").lower()
        if ampm:
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if ampm == "p" else 0)
        if hour > 23 or minute > 59 or second > 59:
            continue
        value = f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if second else "")
        if match.group("tz"):
            offset = _offset(match.group("tz"), day, hour, minute)
            if offset:
                value += offset
        return value, match.start(), match.end()
    return None


def _parse_date_line(text: str) -> Optional[dict]:
    """A line that is only a date (with time, zone and a label such as "Published:")."""
    found = _find_date(text)
    if not found:
        return None
    day, start, end = found
    rest = text[:start] + " " * (end - start) + text[end:]
    found_time = _find_time(rest, day)
    time = None
    if found_time:
        time, t_start, t_end = found_time
        rest = rest[:t_start] + rest[t_end:]
    leftover = [w for w in _WORD.findall(rest) if w.lower().rstrip(".:,") not in DATE_LINE_WORDS]
    if leftover:
        return None
    label = text[:start].lower()
    updated = "updat" in label or "modif" in label
    return {"date": day, "time": time, "updated": updated}


def _title_case(name: str) -> str:
    if name != name.upper():
        return name
    words = name.title().split()
    return " ".join(w.lower() if w.lower() in NAME_PARTICLES else w for w in words)


def _is_name(text: str) -> bool:
    """Two to ten capitalized words ("Lena Hartmann", "MARI YAMAGUCHI", "A. de Vries and J. Pirel")."""
    words = text.split()
    if not 2 <= len(words) <= 10 or any(ch.isdigit() for ch in text):
        return False
    capitalized = 0
    for word in words:
        if word.lower() in NAME_PARTICLES:
            continue
        if not word[0].isupper():
            return False
        if word.lower() in UI_WORDS or word.lower() in SECTION_WORDS or word.lower() in STOP_WORDS:
            return False
        capitalized += 1
    return capitalized >= 2 and words[-1].lower() not in NAME_PARTICLES


def _parse_byline(rest: str) -> Optional[dict]:
    """What follows "By": names, maybe an agency or role after a comma, maybe a date."""
    info: dict = {}
    found = _find_date(rest)
    if found:
        day, start, _ = found
        parsed = _parse_date_line(rest[start:])
        if parsed is None:
            return None
        info.update(parsed)
        rest = re.sub(r"[\s,;]+(?:on|updated|published|posted)?[\s:]*$", "", rest[:start], flags=re.I)
    filed_under = re.match(r"^(?P<name>.+?)\s+(?:in|under|filed under)\s+[A-Z].*$", rest)
    if filed_under and _is_name(filed_under.group("name")):
        rest = filed_under.group("name")  # "Karl Ebner in Floods, Torvik": the rest are categories
    chunks = [c.strip() for c in re.split(r",|;|\s+[-–—]\s+", rest) if c.strip()]
    if not chunks:
        return None
    names = chunks[0]
    agency = _agency(names)
    if agency:
        info["source"] = agency
        return info
    if not _is_name(names) and not (len(names.split()) == 1 and names[:1].isupper() and len(chunks) == 1):
        return None
    for chunk in chunks[1:]:
        role_free = _ROLE.sub("", chunk).strip()
        agency = _agency(role_free)
        if agency:
            info.setdefault("source", agency)
        elif role_free and not _is_name(role_free) and len(role_free.split()) > 4:
            return None
    info["byline"] = _title_case(names)
    return info


_BULLET_OUTLET = re.compile(r"^[•·▪■●]\s*((?:[A-Z][\w&'’.-]*)(?:\s+[A-Z][\w&'’.-]*){0,2})$")
_BARE_TIME = re.compile(r"^\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?$", re.I)
# A name in capitals followed by an outlet or role: "JONAS PELL, Nordwire" (a capitals line
# alone is more often a masthead than a byline).
_CAPS_BYLINE = re.compile(r"^(?P<name>[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){1,3})\s*,\s*[^,]{2,40}$")


def _parse_meta(text: str) -> Optional[dict]:
    """A byline, date or "NAME | date | AGENCY" line: its parts, or None."""
    text = _BULLET.sub("", text).strip()
    if not text or len(text) > 200:
        return None
    parts = [p.strip() for p in re.split(r"\s*[|•·]\s*", text) if p.strip()]
    if len(parts) > 1:
        info: dict = {}
        outlets: list[str] = []
        for part in parts:
            by = _BY.match(part)
            date = _parse_date_line(part)
            if _BARE_TIME.match(part) and info.get("date") and not info.get("time"):
                found = _find_time(part, info["date"])
                info["time"] = found[0] if found else None
            elif date:
                info.setdefault("date", date["date"])
                info.setdefault("time", date["time"])
                info.setdefault("updated", date["updated"])
            elif _agency(part):
                info.setdefault("source", _agency(part))
            elif by and _parse_byline(by.group("rest")):
                for key, value in _parse_byline(by.group("rest")).items():
                    info.setdefault(key, value)
            elif _is_name(part):
                if "byline" in info:
                    outlets.append(part)  # "By Anna Roth | Ostmark Daily"
                else:
                    info["byline"] = _title_case(part)
            elif part.lower().rstrip(":") in DATE_LINE_WORDS:
                continue
            elif len(part.split()) <= 4 and part[:1].isupper() and not _TERMINAL.search(part):
                outlets.append(part)  # an outlet we do not know by name ("Nordwire", "The Aran Courier")
            else:
                return None
        if "date" not in info and "byline" not in info:
            return None
        if len(outlets) > 1 or (len(parts) >= 4 and "date" not in info):
            return None  # a menu ("Home · Torvik · Lower Aran · Opinion"), not a byline
        if outlets and "source" not in info:
            info["source"] = outlets[0]
        return info
    by = _BY.match(text)
    if by:
        return _parse_byline(by.group("rest"))
    caps = _CAPS_BYLINE.match(text)
    if caps and _is_name(caps.group("name")):
        return _parse_byline(text)
    return _parse_date_line(text)


# --- classifying lines ------------------------------------------------------------------

def _vocabulary_only(line: _Line, vocabulary: frozenset, core: frozenset) -> bool:
    """Every word is from ``vocabulary`` (or filler) and at least one from ``core``."""
    hits = 0
    for word in line.lower:
        parts = [p for p in re.split(r"[-/]", word) if p and not p.isdigit()]
        if all(p in vocabulary or p in FILLER_WORDS for p in parts):
            hits += any(p in core for p in parts)
        else:
            return False
    return hits > 0


def _mostly_share_services(line: _Line) -> bool:
    """"Teilen: Facebook | X | E-Mail | Drucken": two or more services, few other words."""
    words = [w for w in line.lower if w not in FILLER_WORDS]
    core = sum(1 for w in words if w in SHARE_CORE)
    known = sum(1 for w in words if w in SHARE_WORDS)
    return core >= 2 and known >= 0.6 * len(words)


def _is_navigation(line: _Line) -> bool:
    if line.ends_sentence or line.n == 0:
        return False
    menu_words = UI_WORDS | SECTION_WORDS
    if _vocabulary_only(line, menu_words, menu_words) and line.n <= 12:
        return True
    if line.n >= 12:  # a run of icon names or menu entries
        ui = sum(all(p in UI_WORDS or p.isdigit() for p in re.split(r"[-/]", w) if p) for w in line.lower)
        hyphenated = sum("-" in w for w in line.lower)
        if ui / line.n >= 0.4 or (hyphenated / line.n >= 0.2 and line.stop_ratio < 0.05):
            return True
        if line.stop_ratio < 0.05 and not any(ch in line.text for ch in ",;"):
            return True
    return False


def _photo_credit(text: str) -> bool:
    """A short credit line ("Photo: Name / Agency", "AP Photo/Name", "Getty Images")."""
    if not _PHOTO_CREDIT.search(text):
        return False
    words = _WORD.findall(text)
    if not 0 < len(words) <= 15:
        return False
    stop_ratio = sum(w.lower() in STOP_WORDS for w in words) / len(words)
    return stop_ratio < 0.3 or not _TERMINAL.search(text)


def _strong_reason(line: _Line) -> None:
    """Reasons that hold wherever the line stands; sets ``line.reason`` (and ``meta``)."""
    text = line.text
    lower = text.lower().strip(" :»›>")
    if _SEPARATOR.match(text):
        line.reason = "boilerplate"
    elif line.n <= 60 and _COPYRIGHT.search(text):
        line.reason = "copyright"
    elif line.n <= 60 and _CONTRIBUTOR.search(text):
        line.reason = "contributor"
    elif line.n <= 40 and _SUBSCRIPTION.search(text):
        line.reason = "subscription"
    elif _AD_MARKER.match(lower):
        line.reason, line.soft = "sponsored", True
    elif _SPONSORED.match(lower):
        line.reason = "sponsored"
    elif line.n <= 30 and _INLINE_LINK.match(lower):
        line.reason, line.soft = "related", True
    elif (line.n <= 30 and _RELATED.match(lower)) or (text.rstrip().endswith(("»", "›")) and line.n <= 8):
        line.reason = "related"
    elif _COMMENTS.match(lower):
        line.reason = "comments"
    elif _TIMESTAMP.match(lower):
        line.reason = "timestamp"
    elif (":" in text and len(_SHARE_FIELDS.findall(text)) >= 2) or (
            line.n <= 10 and (_SHARE_PREFIX.match(text) or _vocabulary_only(line, SHARE_WORDS, SHARE_CORE)
                              or _mostly_share_services(line))):
        line.reason = "share"
    elif _UI_PHRASE.match(lower) or _site_notice(text):
        line.reason = "boilerplate"
    elif _is_navigation(line):
        line.reason = "navigation"
    elif _photo_credit(text):
        line.reason = "photo credit"
    elif _SOURCE_LINE.match(lower):
        line.reason = "source"
        line.meta = {"source": _agency(text.split(":", 1)[-1])} if ":" in text else {}
    else:
        agency_match = _AGENCY_LINE.match(_BULLET.sub("", text))
        if agency_match and _agency(agency_match.group(1)):
            line.reason = "agency"
            line.meta = {"source": _agency(agency_match.group(1))}
            return
        outlet = _BULLET_OUTLET.match(text)
        if outlet:  # "• RVB News": an outlet we do not know by name, set off as a source line
            line.reason = "agency"
            line.meta = {"source": outlet.group(1)}
            return
        meta = _parse_meta(text) if line.n <= 24 else None
        if meta:
            line.reason, line.meta = "meta", meta
            return
        _split_trailing_credit(line)


def _split_trailing_credit(line: _Line) -> None:
    """A line ending in "(Photo: ...)": a caption, or a date line with the credit split off."""
    match = _TRAILING_PAREN.search(line.text) if line.text.endswith(")") else None
    if match and _photo_credit(match.group(1)):
        head = line.text[:match.start()].strip()
        credit = line.text[match.start():].strip()
        meta = _parse_meta(head) if head else None
        if not head:
            line.reason = "photo credit"
        elif meta:
            line.reason, line.meta = "meta", meta
            line.extra.append(Removed(credit, "photo credit"))
            line.text = head
        else:
            line.reason = "caption"
    elif line.n <= 80 and _CAPTION_STRONG.search(line.text):
        line.reason = "caption"


_REPORTED = re.compile(r"[\"“”]|\b(?:said|says|told|according)\b", re.I)
# What a photo caption rarely holds and a news sentence usually does: a past tense or a day.
_NEWS_SENTENCE = re.compile(
    r"\b(?:[a-z]{3,}(?<!e|b)ed|was|were|had|has|have|will|would|did|began|met|held|took|made|went|came|said"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow)\b", re.I)
_INNER_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+[A-Z]")


_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her|our|this|that)\s+$", re.I)  # "a flooded house"


def _plain_caption(line: _Line) -> bool:
    """The line just above a photo credit that reads as a caption: one short present-tense or
    verbless sentence ("Engineers inspect the sluice gates"), quoting nobody, naming no day."""
    return (4 <= line.n <= 30 and not _INNER_SENTENCE_END.search(line.text)
            and not _REPORTED.search(line.text) and not any(
                not _DETERMINER_BEFORE.search(line.text, 0, m.start()) for m in _NEWS_SENTENCE.finditer(line.text)))


def _mark_captions(lines: list[_Line]) -> None:
    """Captions sit next to a photo credit: the caption line, and a short caption headline."""
    for i, line in enumerate(lines):
        if line.reason != "photo credit":
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(lines) or lines[j].reason is not None:
                continue
            near = lines[j]
            same_block = not (line.blank_before if j < i else near.blank_before)
            if near.n <= 80 and _CAPTION_CUE.search(near.text) and (same_block or near.n >= 6):
                near.reason = "caption"
            elif j == i - 1 and _plain_caption(near):
                near.reason = "caption"
    for i, line in enumerate(lines):
        if line.reason != "caption" or i == 0 or line.blank_before:
            continue
        head = lines[i - 1]
        if head.reason is None and head.n <= 12 and not head.ends_sentence:
            head.reason = "caption"


def _mark_repeats(lines: list[_Line], from_html: bool = False) -> None:
    """The second copy of a line seen earlier in the document (a body printed twice).

    In text from HTML only sentences count: lists and tables repeat their short lines (a meal
    plan's "Eat every 2-3 hours") and the page structure already kept them apart from chrome.
    """
    seen: set[str] = set()
    for line in lines:
        if line.reason is not None or line.n < 4 or (from_html and not line.prose):
            continue
        key = " ".join(w.lower().strip("'’") for w in line.words)
        if key in seen:
            line.reason = "repeated"
        else:
            seen.add(key)


def _among_share_buttons(lines: list[_Line], i: int) -> bool:
    """"Comments" as one button of a share bar (Facebook, Twitter, Comments, Print)."""
    return lines[i].n <= 3 and any(0 <= j < len(lines) and lines[j].reason == "share"
                                   for j in (i - 2, i - 1, i + 1, i + 2))


def _body_region(lines: list[_Line], from_html: bool = False) -> Optional[tuple[int, int]]:
    """The contiguous stretch with the most prose (maximum-sum run over line scores).

    Text from HTML has already been chosen by trafilatura from the page's structure, so there a
    long line counts as text even without sentence punctuation (a quotation with its reference,
    a recipe line) and short lines (headings, list items) cost nothing.
    """
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, line in enumerate(lines):
        if line.reason is None:
            if line.prose or (from_html and line.n >= 8):
                score = min(line.n, 80)
            elif from_html:
                score = 0
            elif line.n >= 3 and _LIST_ITEM.match(line.text):
                score = -LIST_ITEM_PENALTY
            else:
                score = -NON_PROSE_PENALTY
        else:
            if ((line.reason == "comments" and best >= HARD_STOP_AFTER and not _among_share_buttons(lines, i))
                    or (line.reason == "copyright" and best >= 150)):
                break  # readers' comments and the page footer follow the article, never precede it
            score = 0 if line.soft else -REGION_PENALTY.get(line.reason, 0)
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
    while not (lines[first].reason is None and (lines[first].prose or (from_html and lines[first].n >= 8))):
        first += 1
    return first, last


def _headline_form(line: _Line) -> bool:
    text = line.text
    if line.reason is not None or not 2 <= line.n <= 25 or len(text) > 200:
        return False
    if text.rstrip("\"'”’").endswith((".", ":", ";", ",")) or _TRUNCATED.search(text):
        return False
    if text == text.upper() and line.n <= 4:
        return False  # a section label such as "WORLD NEWS"
    first = text.lstrip("\"'“‘")[:1]
    return bool(first) and (first.isupper() or first.isdigit())


@dataclass
class _Analysis:
    kept: list[str]
    removed: list[Removed]
    title: Optional[str] = None
    published: Optional[dt.date] = None
    published_time: Optional[str] = None
    byline: Optional[str] = None
    dateline: Optional[str] = None
    source: Optional[str] = None
    contributors: list[str] = field(default_factory=list)


def _analyse(text: str, from_html: bool = False, known_title: Optional[str] = None) -> _Analysis:
    """Classify every line of ``text``; keep the body, explain the rest."""
    lines = _split_lines(_normalize(text))
    for line in lines:
        _strong_reason(line)
    _mark_captions(lines)
    _mark_repeats(lines, from_html)
    if from_html and known_title:
        # trafilatura may start the text with the headline; it is the title, not the body
        title_key = _key(known_title)
        for line in lines:
            if line.reason is None and _key(line.text) == title_key:
                line.reason = "title"
            if line.prose:
                break
    region = _body_region(lines, from_html)
    first, last = region if region else (len(lines), len(lines) - 1)

    metas: list[dict] = []
    sources: list[str] = []
    # Byline and date lines among the first lines of the body region (after a standfirst) still
    # belong to the header.
    early = set()
    seen_body = 0
    for i in range(first, last + 1):
        if lines[i].reason is None:
            seen_body += 1
            if seen_body > 3:
                break
        elif lines[i].reason == "meta":
            early.add(i)

    # Header: metadata lines, the title, and page chrome.
    title_index = None
    title_key = _key(known_title) if known_title else None
    for i in range(first):
        line = lines[i]
        if line.reason is None and title_key and _key(line.text) == title_key:
            line.reason = "title"
            title_index = i
    if title_index is None and region is not None:
        candidates = [i for i in range(first) if _headline_form(lines[i])]
        if candidates:
            title_index = candidates[-1]
            lines[title_index].reason = "title"
    for i in list(range(first)) + sorted(early):
        line = lines[i]
        if line.reason == "meta":
            metas.append(line.meta)
            line.reason = "byline" if line.meta.get("byline") else "date"
        elif line.reason == "agency":
            sources.append(line.meta["source"])
            line.reason = "source"
        elif line.reason == "timestamp":
            line.reason = "date"
        elif line.reason == "comments":
            line.reason = "boilerplate"
        elif line.reason is None:
            line.reason = "navigation"

    # Body: prose is kept; stray short lines are kept only from HTML (headings) or when they
    # read as text.
    kept: list[str] = []
    for i in range(first, last + 1):
        line = lines[i]
        if line.reason is None:
            if (line.prose or from_html or (line.n >= 6 and line.stop_ratio >= 0.2)
                    or (line.n >= 3 and _LIST_ITEM.match(line.text))):
                kept.append(line.text)
            else:
                line.reason = "boilerplate"
        elif line.reason == "meta":
            line.reason = "byline" if line.meta.get("byline") else "date"
        elif line.reason == "agency":
            sources.append(line.meta["source"])
            line.reason = "source"
        elif line.reason == "timestamp":
            line.reason = "related"
        elif line.reason == "comments":
            line.reason = "boilerplate"

    # Tail: lists of other stories or sponsored links, unless the line says what it is.
    list_reason = None
    for i in range(last + 1, len(lines)):
        line = lines[i]
        if line.reason in ("related", "sponsored") and not line.soft:
            list_reason = line.reason
        elif line.reason == "comments":
            line.reason = list_reason = "boilerplate"
        elif line.reason == "timestamp":
            line.reason = list_reason = list_reason or "related"
        elif line.reason == "agency":
            if list_reason is None:
                sources.append(line.meta["source"])
                line.reason = "source"
            else:
                line.reason = list_reason
        elif line.reason == "meta":
            line.reason = list_reason or ("byline" if line.meta.get("byline") else "date")
        elif line.reason is None:
            line.reason = list_reason = list_reason or "related"

    result = _Analysis(kept=kept, removed=[])
    for line in lines:
        if line.reason is not None:
            result.removed.append(Removed(line.text, line.reason))
        result.removed.extend(line.extra)
        if line.reason == "contributor":
            result.contributors.append(line.text)
        if line.reason == "source" and line.meta.get("source"):
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
    for paragraph in kept[:3]:
        found = _dateline(paragraph)
        if found:
            result.dateline, dateline_source = found
            break
    result.source = dateline_source or (sources[0] if sources else None) or _late_source(lines)
    return result


def _key(text: str) -> str:
    return " ".join(w.lower().strip("'’") for w in _WORD.findall(_normalize(text)))


def _dateline(paragraph: str) -> Optional[tuple[str, Optional[str]]]:
    """ "TOKYO (AP) — ..." → ("TOKYO", "AP"); the agency is None when not given."""
    match = _DATELINE_CAPS.match(paragraph)
    if not match:
        match = _DATELINE_AGENCY.match(paragraph)
        if not match or not _agency(match.group("agency")):
            return None
    place = match.group("place").strip(" ,")
    if len(re.sub(r"[^A-Za-z]", "", place)) < 2:
        return None
    agency = match.group("agency")
    source = (_agency(agency) or agency.strip()) if agency else None
    return place, source


def _late_source(lines: list[_Line]) -> Optional[str]:
    """The agency named by a copyright or contributor line, when nothing earlier named one."""
    for reason in ("copyright", "contributor"):
        for line in lines:
            if line.reason != reason:
                continue
            if reason == "copyright":
                holder = _COPYRIGHT_HOLDER.search(line.text)
                if holder and _agency(holder.group("holder")):
                    return _agency(holder.group("holder"))
            for name, short in sorted(AGENCIES.items(), key=lambda kv: -len(kv[0])):
                if len(name) > 3 and re.search(r"\b" + re.escape(name) + r"\b", line.text, re.I):
                    return short
                if name in ("ap", "afp", "dpa", "upi") and re.search(r"\b" + name.upper() + r"\b", line.text):
                    return short
    return None


# --- public API -------------------------------------------------------------------------

def _within(text: str, limit: Optional[int]) -> tuple[str, list[Removed]]:
    """The text to analyse: all of it, or with ``limit`` only what comes before the last line
    break under it (the rest recorded as removed, for the budget), so the line analysis of a
    huge page costs no more than that of a long one."""
    if limit is None or len(text) <= limit:
        return text, []
    at = text.rfind("\n", 0, limit)
    at = at if at > 0 else limit
    rest = text[at:].strip()
    return text[:at], [Removed(f"{rest[:200]}… ({len(rest):,} characters)",
                               f"past the budget of {limit:,} characters of page text per document")]


def clean_text(text: str, limit: Optional[int] = None) -> CleanResult:
    """Clean a page that was dumped to plain text (with ``limit``, its first ``limit`` characters).

    Raises CleanError for empty input. When no line reads as article text the result has an
    empty ``text`` and every line in ``removed``.
    """
    if not _normalize(text or "").strip():
        raise CleanError("no article text found: the input is empty")
    text, cut = _within(text, limit)
    found = _analyse(text)
    found.removed.extend(cut)
    return CleanResult(
        text="\n\n".join(found.kept), removed=found.removed, title=found.title,
        published=found.published, published_time=found.published_time, byline=found.byline,
        dateline=found.dateline, source=found.source, contributors=found.contributors)


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
        return text + (_format_offset(stamp.utcoffset()) or "")
    return None


def _byline_from_author(author: Optional[str]) -> Optional[str]:
    if not author:
        return None
    names = [a.strip() for a in author.split(";") if a.strip()]
    if not names:
        return None
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def clean_html(html: str, url: str | None = None, limit: Optional[int] = None) -> CleanResult:
    """Clean an HTML page: trafilatura finds the article, the line layer tidies it up (with
    ``limit``, the first ``limit`` characters of the text trafilatura found).

    Raises CleanError when the page has no main text (only navigation, a footer...).
    """
    import trafilatura
    from htmldate import find_date

    if not html or not html.strip():
        raise CleanError("no article text found: the page is empty")
    options = dict(url=url, with_metadata=True, include_comments=False, include_tables=False,
                   date_extraction_params={"original_date": True, "extensive_search": False})
    doc = None
    # trafilatura's own extractor alone first; its comparison with readability and jusText costs
    # a third of the time and changes the result only where the first text came out short.
    for fast, precision in ((True, True), (False, True), (False, False)):
        try:
            found_doc = trafilatura.bare_extraction(html, favor_precision=precision, fast=fast, **options)
        except Exception as exc:  # trafilatura gives up on some malformed markup
            raise CleanError(f"no article text found: the page could not be parsed ({exc})") from exc
        words = len((found_doc.text or "").split()) if found_doc is not None else 0
        if words:
            doc = found_doc
        if words >= SHORT_EXTRACTION_WORDS or (words and not fast):
            break
    if doc is None or not (doc.text or "").strip():
        raise CleanError("no article text found: the page holds no main text")

    title = _normalize(doc.title).strip() if doc.title else None
    text, cut = _within(doc.text, limit)
    found = _analyse(text, from_html=True, known_title=title)
    found.removed.extend(cut)
    if not found.kept:
        raise CleanError("no article text found: the page's text is all navigation or boilerplate")

    published = None
    if doc.date:
        try:
            published = dt.date.fromisoformat(doc.date[:10])
        except ValueError:
            published = None
    if published is None:
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
        source=found.source or (_normalize(doc.sitename).strip() if doc.sitename else None),
        contributors=found.contributors)
