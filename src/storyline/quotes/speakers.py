"""Who a speaker span names: a name, a pronoun, an anonymous source or another noun phrase, and
the entity it resolves to.

Written by hand because the resolution is this small: a name resolves to the fullest name the
document gives its referent (the entity layer's ``EntityMention.name`` when it is passed in, else
the longest PERSON name in the text that ends in the same word); a pronoun to the nearest fitting
name before it ("he"/"she" a person, "it" an organisation; "they" and "we" stay unresolved: the
nearest name is rarely the group they stand for). A coreference model would do better on
pronouns; none ships with the small English pipeline.

A span naming several speakers joined by "and" ("Jeb Bush and Chris Christie", "the foreign
ministers of Japan and Russia") resolves to none of them alone: it is shown as written. A name
standing before the noun the span is about modifies it ("the New Jersey governor", "the Christie
supporter", "Syrian state TV") and is not the speaker either; a possessor is only through what
speaks for it ("Netanyahu's office", "Clinton's spokesman"), not through a person or an outlet of
its own ("Syria's foreign minister", "Gen Saadi's wife Helma", "Syria's state media"). Among several names the speaker is the person holding the span's head word
("Clinton spokesman Nick Merrill") or named right after it ("his wife Helma"), else the first person, else the name holding the head, else
the first; a nationality or party is a speaker only alone ("Palestinians"), not in a description
("the Wisconsin Republican").
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from ..config import DEFAULT_QUOTES
from ..model import EntityMention, Speaker
from .cues import ANONYMOUS_NOUNS, PRONOUNS, RELATIVES


_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")
# A personal pronoun's sex, for the pronoun a name is followed by and the one a speaker is.
_SEX = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f", "hers": "f"}
_GENDERED = re.compile(r"\b(" + "|".join(_SEX) + r")\b", re.IGNORECASE)
_PRONOUN_REACH = 120  # characters after a name searched for the pronoun that tells its sex


class Names:
    """The names of one text, in order, with the fullest name of each referent."""

    def __init__(self, mentions: Sequence[EntityMention], reach: int = DEFAULT_QUOTES.pronoun_reach):
        self.reach = reach  # how far back (characters) a pronoun looks for the name it stands for
        self.mentions = sorted(mentions, key=lambda m: m.start)
        people = [m.text for m in self.mentions if m.kind == "PERSON"]
        self._fullest: dict[str, str] = {}
        for name in sorted(people, key=len):
            self._fullest[name.split()[-1]] = name  # the longest name wins its surname
        self._genders: Optional[tuple[str, dict[str, str]]] = None

    def fullest(self, mention: EntityMention) -> str:
        """The fullest name of a mention's referent."""
        if mention.name:
            return mention.name
        words = mention.text.split()
        if words and (mention.kind == "PERSON" or len(words) == 1):  # a lone surname the recognizer mislabelled
            return self._fullest.get(words[-1], mention.text)
        return mention.text

    def _surname(self, mention: EntityMention) -> str:
        """The last word of the fullest name of a mention's referent (what ``genders`` is keyed by)."""
        return self.fullest(mention).split()[-1]

    def by_surname(self, name: str) -> str:
        """The fullest person's name ending in the last word of ``name`` (else ``name``)."""
        words = name.split()
        return self._fullest.get(words[-1], name) if words else name

    def inside(self, start: int, end: int) -> list[EntityMention]:
        """The mentions within [start, end)."""
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    def genders(self, text: str) -> dict[str, str]:
        """What the text itself says of each person's sex, by surname: "m" or "f" from an honorific
        before a name ("Mr.", "Mrs.", "Ms.") or from the first personal pronoun after it in its
        sentence with no other name between ("Ayotte would not rule out shifting her position");
        a surname with evidence both ways has none. Remembered for the last text."""
        if self._genders is not None and self._genders[0] is text:
            return self._genders[1]
        votes: dict[str, set[str]] = {}
        people = [m for m in self.mentions if m.kind == "PERSON" and m.text.split()]
        for i, m in enumerate(people):
            surname = self._surname(m)
            honorific = _HONORIFIC.search(text, max(0, m.start - 6), m.start)
            if honorific:
                votes.setdefault(surname, set()).add("m" if honorific.group(1).lower() == "mr" else "f")
                continue
            limit = min(people[i + 1].start if i + 1 < len(people) else len(text), m.end + _PRONOUN_REACH)
            after = _GENDERED.search(text, m.end, limit)
            if after and "." not in text[m.end:after.start()]:
                votes.setdefault(surname, set()).add(_SEX[after.group(1).lower()])
        found = {surname: next(iter(v)) for surname, v in votes.items() if len(v) == 1}
        self._genders = (text, found)
        return found

    def before(self, pos: int, kinds: tuple[str, ...], genders: Optional[dict[str, str]] = None,
               sex: Optional[str] = None) -> Optional[EntityMention]:
        """The nearest mention of one of ``kinds`` ending before ``pos`` within reach; with ``sex``,
        passing over the people whom ``genders`` (``genders()``) gives the other one ("she" is not
        Trump)."""
        for m in reversed(self.mentions):
            if m.end <= pos and m.kind in kinds:
                if pos - m.end > self.reach:
                    return None
                if sex and genders and m.kind == "PERSON" and genders.get(self._surname(m), sex) != sex:
                    continue
                return m
        return None


_SPEAKING = ("PERSON", "ORG", "GPE", "NORP")
# What joins two names of one list: a comma, "and" or both ("Matthews, Seitz-Wald and Lopez").
_LINK = re.compile(r"\s*(?:,\s*(?:(?:and|&)\s+)?|(?:and|&)\s+)", re.IGNORECASE)
# Lower-case words that may stand before the next name of a list besides its titles ("Donald Trump
# and House Speaker Paul Ryan", "both Bolton and Gorka", "Hillary Clinton and former Gov. ...").
_LIST_WORDS = frozenset("both the former then acting fellow".split())
# Words that hang what follows on the word before them: a name after one of these is not a modifier.
_LINKING = frozenset("of for from in at by with on to about like including who which that whose".split())


def _joined(between: str) -> Optional[bool]:
    """How the text between two names joins them: None when it does not (a clause, a description:
    "a Democrat and former state senator who ..."), else whether with "and"."""
    link = _LINK.match(between)
    if link is None:
        return None
    rest = between[link.end():].split()
    if not all(w[0].isupper() or w.lower() in _LIST_WORDS for w in rest):
        return None
    return "," not in link.group() or bool(re.search(r"(?:and|&)\s", link.group(), re.IGNORECASE))


def _coordinated(text: str, named: list[EntityMention], chosen: EntityMention) -> bool:
    """Whether ``chosen`` is one of several names of a list joined by "and" in the span (names of
    any kind: the recognizer often gives two of one list two kinds)."""
    chain, with_and = [named[0]], False
    for previous, m in zip(named, named[1:]):
        how = _joined(text[previous.end:m.start])
        if how is None:
            if chosen in chain and len(chain) > 1 and with_and:
                return True
            chain, with_and = [m], False
            continue
        chain.append(m)
        with_and = with_and or how
    return chosen in chain and len(chain) > 1 and with_and


def _modifier_names(text: str, at: Optional[int], head: str, named: list[EntityMention]) -> bool:
    """Whether every name of the span stands before its head noun ``head`` (at ``at``, in none of
    them: ``_head_at``) with nothing between but words: the names modify it ("the New Jersey governor")."""
    if at is None or not named or any(m.end > at for m in named):
        return False
    last = max(named, key=lambda m: m.end)
    between = text[last.end:at]
    if re.match(r"['’]s?(?!\w)", between) or re.search(r"['’]s?$", last.text):
        # a possessor speaks through its office, campaign or spokesman ("Netanyahu's office"), not
        # through a person or outlet of its own ("Syria's foreign minister", "his wife", "Syria's state media")
        return head.lower() not in _VOICE_NOUNS
    return not re.search(r"[,;:()\[\]\"“”]", between) and _LINKING.isdisjoint(w.lower() for w in between.split())


# What speaks for its possessor: its office or spokesman, and what it says, writes or finds ("X's
# office said", "X's statement says", "X's comments suggest", "X's analysis shows" are X's word); "X's minister said" is the
# minister's, "X's lawyer said" the lawyer's, "X's supporters said" theirs.
_VOICE_NOUNS = frozenset("""office offices campaign camp team government administration spokesman spokeswoman
spokesperson spokespeople spokesmen spokeswomen statement statements tweet tweets post posts letter letters brief
memo remarks comment comments words speech speeches interview testimony message messages response reply answer
announcement warning claim claims argument view views diagnosis website account ad ads proposal proposals plan
plans book memoir column op-ed essay report conference briefing article articles release rhetoric dictum research
analysis reporting study survey poll polls polling average tracker data findings estimates guidelines initiative""".split())
_DETERMINERS = frozenset("the a an some many most few several other both all each every no these those".split())


def _after_link(between: str) -> bool:
    """Whether the words between a span's head and a name after it hang the name on the head by a
    preposition ("a lawyer for ...", "the head of ..."), rather than set it off as who the head is
    ("the spokesman, Nick Merrill")."""
    words = between.replace(",", " ").split()
    return bool(words) and words[0].lower() in ("for", "of", "at", "from", "with", "to")


def _set_off(text: str, name: EntityMention, end: int) -> bool:
    """Whether a person's name is set off by a comma after the span's head, naming who the span is
    ("the director of the FBI, James B. Comey", "The minister of the economy, Mr. Guajardo", "A
    lawyer for the news outlets, David Schulz, said"): at the span's end or before another comma."""
    before = re.sub(r"(?:\s*\b[A-Z][a-z]{0,4}\.)+\s*$", "", text[:name.start])  # "..., Mr. Guajardo", "..., Sen. Leahy"
    after = text[name.end:end].lstrip()
    return before.rstrip().endswith(",") and (not after.strip(" ,0123456789") or after.startswith(","))


def _described(text: str, start: int, end: int, name: EntityMention) -> bool:
    """Whether a nationality or party stands in a description of someone in the span [start, end):
    after a determiner or a lower-case word ("the Wisconsin Republican", "some Democrats") or
    before more words ("Hispanic Republicans"), rather than alone or set off by a comma."""
    before = text[start:name.start].split()
    after = text[name.end:end].lstrip()
    return (any(w[0].islower() or w.lower() in _DETERMINERS for w in before)
            or bool(after) and after[0].isalnum())


def _head_places(text: str, start: int, end: int, head: str) -> list[int]:
    """Where the span's head word stands in the span [start, end) (as a whole word), first first."""
    if not head:
        return []
    return [start + found.start()
            for found in re.finditer(r"(?<![\w'’])" + re.escape(head) + r"(?![\w'’])", text[start:end])]


def _head_at(text: str, start: int, end: int, head: str, named: list[EntityMention]) -> Optional[int]:
    """Where the span's head word first stands, when there it lies in none of its names (a common noun)."""
    places = _head_places(text, start, end, head)
    if not places or any(m.start <= places[0] < m.end for m in named):
        return None
    return places[0]


def _holding(text: str, start: int, end: int, head: str, named: list[EntityMention]) -> Optional[EntityMention]:
    """The name holding the span's head word, if one does."""
    for at in _head_places(text, start, end, head):
        for m in named:
            if m.start <= at < m.end:
                return m
    return None


def speaker(text: str, start: int, end: int, head: str, names: Names, proper: bool = False) -> Speaker:
    """The speaker span [start, end) of ``text`` whose head word is ``head`` (``proper``: a proper
    noun), classified and resolved. A proper noun the recognizer missed still names someone: its
    name is the words of the span up to the head."""
    span = text[start:end]
    word = head.lower()
    if word in PRONOUNS and len(span.split()) <= 2:
        kinds = {"PERSON": ("PERSON",), "ORG": ("ORG",), "ANY": ("PERSON", "ORG", "NORP", "GPE")}[PRONOUNS[word]]
        if word in ("i", "they", "we", "you"):
            # "they" and "we" stand for a group the text rarely names just before: the nearest body,
            # nationality or place was the wrong one in 13 of 20 read ("researchers say they",
            # "Bloomberg"); left unresolved, as "I" and "you"
            return Speaker(start, end, span, kind="pronoun")
        sex = _SEX.get(word)
        found = names.before(start, kinds, names.genders(text), sex) if sex else names.before(start, kinds)
        return Speaker(start, end, span, kind="pronoun", entity=names.fullest(found) if found else None)
    if word in RELATIVES and len(span.split()) == 1:  # "Smith, who said": Smith
        found = names.before(start, ("PERSON", "ORG", "NORP", "GPE"))
        near = found is not None and text[found.end:start].strip(" ,") == ""
        return Speaker(start, end, span, kind="pronoun", entity=names.fullest(found) if near and found else None)
    inside = names.inside(start, end)
    named = [m for m in inside if m.kind in _SPEAKING]
    at = _head_at(text, start, end, head, named)
    modified = _modifier_names(text, at, head, named)
    if modified:
        named = []  # "the Christie supporter": a supporter, not Christie
    listed = named  # a list is read over all its names ("X of New York and Y of Ohio")
    if not modified and at is not None:  # "protesters gathered in Cairo's Tahrir Square": a place after the head is where, not who
        named = [m for m in named if not (m.kind == "GPE" and m.start > at)]
        # "a reporter for USA Today": the reporter's words; "a spokesman for X" are X's; a title inside
        # the span ("County Supervisor of Elections Susan Bucher") is followed by its holder's name
        if word not in _VOICE_NOUNS and not (head[:1].isupper() and at > start):
            named = [m for m in named if m.start < at or not _after_link(text[at + len(head):m.start])
                     or m.kind == "PERSON" and _set_off(text, m, end)]
    if word in ANONYMOUS_NOUNS and not any(m.kind == "PERSON" for m in named):
        return Speaker(start, end, span, kind="anonymous")
    if named:
        person = [m for m in named if m.kind == "PERSON"]
        holding = _holding(text, start, end, head, person or named)
        if holding is None and at is not None:  # "his wife Helma", "the spokesman, Nick Merrill": the person named after the head
            holding = next((m for m in person if m.start >= at + len(head)
                            and not text[at + len(head):m.start].strip(" ,")), None)
        chosen = holding or (person or named)[0]
        if chosen.kind == "NORP" and _described(text, start, end, chosen):
            return Speaker(start, end, span, kind="other")  # "the Wisconsin Republican": someone described
        if _coordinated(text, listed, chosen):  # "Jeb Bush and Chris Christie": both, shown as written
            return Speaker(start, end, span, kind="named")
        return Speaker(start, end, span, kind="named", entity=names.fullest(chosen))
    if proper and head in span:
        name = span[:span.index(head) + len(head)].strip()
        words = name.split()
        if modified:  # "United Auto Workers Secretary-Treasurer Gary Casteel": the capitalized words up to the head
            words = words[len(words) - next((i for i, w in enumerate(reversed(words)) if not w[:1].isupper()),
                                            len(words)):][-3:]
        while words and words[0].lower() in ("the", "a", "an"):
            words = words[1:]
        if words:
            return Speaker(start, end, span, kind="named", entity=names.by_surname(" ".join(words)))
        if not modified:
            return Speaker(start, end, span, kind="named", entity=names.by_surname(head))
    return Speaker(start, end, span, kind="other")
