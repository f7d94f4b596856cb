"""The word lists of the clean stage.

Stop words, the vocabulary of site chrome (menus, share bars, section labels), news agencies
under the names they are written with, time zones and month names of datelines: what the
line classifier and the metadata readers compare words against, kept in one place.
"""

from __future__ import annotations

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
