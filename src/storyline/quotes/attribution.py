"""Reporting clauses read from a dependency parse: the cue, who speaks and what is said.

Only the sentences that can hold an attribution (a reporting verb's form or "according") are
parsed, each on its own, with tokens mapped back to offsets in the whole text. The parse needs
neither the lemmatizer nor the attribute ruler (a reporting verb's lemma comes from its form,
:mod:`.cues`), which halves its cost.

Patterns: "X said (that) ...", "..., X said", "The move, X said, was ..." (the whole clause it
interrupts), "X told reporters ...", "X denied the report",
"according to X, ...", a cue verb that shares its subject with an earlier verb ("X smiled and
said ..."), and a speaker named right after the cue ("“...,” said X, an economist, “...”") that
the parse made the subject of the quotation's verb. A clause whose colon opens a quotation
attributes it to its subject whatever its verb ("She turned to the crowd: “...”"), and so does a
short clause ending a quotation ("“...,” he shot back."); such sentences are parsed too. A clause
whose comma opens a quotation does as well ("As the paper put it, “...”"), for a quotation as long
as speech. A cue right before a quotation attributes it even with no subject of its own: the noun
a relative clause or participle hangs on speaks ("the report, which notes, “...”", "a sign
reading “...”"), and the object of a verb an infinitive completes ("prompted X to state"); a name
between a quotation and its cue speaks also when the parse put it inside the quotation or hung the
cue on it ("“...,” Ann Lee, an economist, said", "“...,” Ann Lee, who ..., tweeted"), and so does a
name set off right before a cue the parse left without a subject ("her adviser, Jake Sullivan,
said: “...”"), and a name after a cue ending a quotation that the parse made its object or the
subject of a later clause ("“...?” reacted Reyes"). A passive cue speaks through its agent ("was
asked by Y"); "he" or "she" of a clause another reporting verb reports speaks as that verb's
subject ("Lee said he believes “...”", not across a quotation: "“... I think we can,” she said");
a relative clause's "who" that quotes is a cue. A cue joined by the parse to the verb of the
clause another cue reports, whose tense it cannot share, speaks as that cue's subject ("Lee said
the tax would rise and called him “...”"); after a quotation, a cue spelled as its base form
("“...,” read one") and a speaker that is an indefinite pronoun or an adjective after an article
("“...,” wrote another", "“...?” the 61-year-old asked") speak, and a capitalized modal before a
cue is a name ("“...,” May wrote"). A question put to someone that the parse read as holding
the answer leaves the answer to its own clause ("When asked why, Reyes responded: “...”"), and a
cue the parse hung on an aside before it speaks for the aside's subject ("Lee, exasperated,
responded: “...”"). "According to X" ending the last of joined clauses attributes them all; a
reported clause ends before a remark of the writer's that closes it (", who ...", ", echoing
..."). With no source: a verb of seeming and a passive "expected" ("the plan seemed to falter",
"the bill is expected to pass": subject and complement) and "reportedly" (its clause); "point
out", "point to", "see ... as", "talk about", "speak about" and "speak of" report, and so does
"ask" what its "if" clause, infinitive or "about" phrase says ("asked the board to resign"). A cue
with no content of its own may still attribute a quotation next to it; that is decided with the
quotation marks (:mod:`storyline.quotes`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Optional

from .cues import (ACCORDING, NAMING_VERBS, OBJECT_VERBS, PARTICLE_VERBS, PARTICLES, REPORTEDLY, SEEMING_VERBS,
                   STANCE_VERBS, cue_lemma, lemma_of)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# The components the parse runs (no lemmatizer: see the module's docstring).
COMPONENTS = ("tok2vec", "tagger", "parser")
SUBJECTS = ("nsubj", "nsubjpass")
_EDGE_PUNCT = " \t\n,;:—–-"
_QUOTATION_MARKS = ('"', "“", "”")
# A verb's complements after it that may carry a partial quotation.
_COMPLEMENTS = ("dobj", "prep", "xcomp", "attr", "oprd", "dative", "acomp")


@dataclass
class Clause:
    """A reporting clause: offsets into the whole text; ``content`` None when the cue has none of
    its own (a quotation beside it may be what it reports); ``head`` the speaker's head word."""

    cue: tuple[int, int]
    lemma: str
    speaker: Optional[tuple[int, int]]
    head: str
    content: Optional[tuple[int, int]]
    sentence: int
    proper: bool = False  # the speaker's head is a proper noun
    reach: int = 0  # where the cue's own words after it end ("told reporters on Monday"), 0: at the cue
    # a clause of any verb whose comma opens a quotation ("As the paper put it, “...”") attributes it
    # only when it is as long as speech (a shorter one is a title: "the play, “Eclipsed.”")
    speech_only: bool = False
    # the cue's clause stands beside what another cue reports rather than inside it: a relative
    # clause or one joined by a conjunction ("said X, which he called “...”", "said X and called Y “...”")
    beside: bool = False


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without edge spaces and separating punctuation."""
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    return start, end


def _span(tokens: Iterable["Token"]) -> tuple[int, int]:
    """Character extent [start, end) of some tokens within their sentence."""
    toks = sorted(tokens, key=lambda t: t.i)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _subtree(tok: "Token", without: Optional["Token"] = None) -> tuple[int, int]:
    """A token's subtree as a character span, less the subtree of ``without`` where that lies at
    one of its ends."""
    toks = list(tok.subtree)
    if without is not None:
        cut = {t.i for t in without.subtree}
        kept = [t for t in toks if t.i not in cut]
        left = [t for t in kept if t.i < without.left_edge.i]
        right = [t for t in kept if t.i > without.right_edge.i]
        toks = left if len(left) >= len(right) else right
        if not toks:
            return (0, 0)
    return _span(toks)


def _subject(verb: "Token", hops: int = 3) -> Optional["Token"]:
    """The subject of a verb, or of the verb it is conjoined to, qualifies or completes ("X smiled
    and said", "X said, adding that ...", "X went on to say", "X followed by saying"), or the
    object of the verb an infinitive completes ("prompted X to state"). A participle
    hung on the verb of a reported clause ("X wrote the agents knew it, saying ...") is the
    reporter's: its subject is the reporting verb's. What a thing someone put out says is theirs
    ("X issued a statement saying ...")."""
    if (agent := _agent(verb)) is not None:
        return agent
    subjects = [child for child in verb.children if child.dep_ in SUBJECTS]
    if _urged(verb):
        return None
    if any(child.dep_ == "nsubjpass" for child in subjects) and _confirmed_thing(verb):
        return None  # "20 cases were confirmed": what is made known, and no one named making it known
    if subjects:  # the nearest: one inside a quotation before the verb is the quotation's own
        return _reporter(verb, min(subjects, key=lambda child: abs(child.i - verb.i)))
    if (named := _name_read_as_modal(verb)) is not None:
        return named
    if (inverted := _inverted(verb)) is not None:
        return inverted
    if (participle := _reduced_relative(verb)) is not None:
        return next(c for c in participle.children if c.dep_ == "nsubj" and c.i < participle.i)
    if _misread_as_modifier(verb):
        return verb.head
    if (aside := _after_aside(verb)) is not None:
        return aside
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ == "dobj" and hops > 0:
        return _subject(verb.head.head, hops - 1)  # "X issued a statement saying ...": X
    head = verb.head
    if hops <= 0 or head.i == verb.i or verb.dep_ not in ("conj", "advcl", "xcomp", "pcomp", "prep"):
        return None
    if (reporting := _joined_to_reporter(verb)) is not None:
        return _subject(reporting, hops - 1)
    if verb.dep_ == "xcomp" and (obj := next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)):
        return obj  # "prompted the board to state": the board
    if verb.dep_ == "advcl" and head.dep_ == "ccomp" and head.head.i < head.i and lemma_of(head.head.text):
        return _subject(head.head, hops - 1)
    return _subject(head, hops - 1)


def _after_aside(verb: "Token") -> Optional["Token"]:
    """The subject of a cue the parse hung, as an unlabelled dependent, on a word set off before it
    that it read as the sentence's verb ("Lee, exasperated, responded: “...”", read with
    "exasperated" the verb of "Lee"): that word's subject before it."""
    head = verb.head
    if verb.dep_ != "dep" or head.i >= verb.i or not head.tag_.startswith("VB") \
            or not any(t.text == "," for t in verb.doc[head.i + 1:verb.i]):
        return None
    return next((c for c in head.children if c.dep_ in SUBJECTS and c.i < head.i), None)


def _reduced_relative(verb: "Token") -> Optional["Token"]:
    """A participle phrase after the speaker that the parse read as a clause of its own ("Thousands
    of protesters gathered in the square said ...", read as reporting "thousands gathered"; or with
    "gathered" the sentence's verb and the cue hung on it): a past form with a subject before it, no
    auxiliary and no object (with one it is a caption run into the next sentence: "X took donations
    ... journalist Y told"), whose words run into the cue with nothing between. Two clauses are never
    joined so; a report fronted before its cue is set off ("X resigned, the paper said"). The
    participle's verb, whose subject is the speaker."""
    if not any(c.dep_ in ("ccomp", "parataxis") and c.i > verb.i for c in verb.children):
        return None  # nothing reported after the cue: "X resigned said the paper" is X's report, inverted
    if verb.dep_ == "dep" and verb.head.i < verb.i:
        candidates = [verb.head]
    else:
        candidates = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    for clause in candidates:
        if clause.tag_ not in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass", "dobj") for c in clause.children):
            continue
        if not any(c.dep_ == "nsubj" and c.i < clause.i for c in clause.children):
            continue
        words = [t for t in clause.subtree if t.i < verb.i]
        last = max(t.i for t in words)
        if last == verb.i - 1 and not verb.doc[last].is_punct \
                and not any(t.text in _QUOTATION_MARKS for t in words):
            return clause
    return None


def _name_read_as_modal(verb: "Token") -> Optional["Token"]:
    """A capitalized modal inside a sentence before a verb with no subject, which is a name the
    tagger read as the modal it is spelled like ("“...,” May wrote.", "which May claims")."""
    for c in verb.children:
        if c.dep_ == "aux" and c.tag_ == "MD" and c.i < verb.i and c.text[:1].isupper() and c.text[1:].islower() \
                and c.i > verb.sent.start and c.doc[c.i - 1].text not in ("“", '"', "‘", "'"):
            return c
    return None


def _joined_to_reporter(verb: "Token") -> Optional["Token"]:
    """The reporting verb a cue with no subject is joined to when the parse joined it to the verb
    of the clause that verb reports instead, whose tense it cannot share ("Lee said the tax would
    raise money and called him “...”", "Lee said the move was made by Reyes and said, “...”",
    "saying that the plan had ... but was stalled ... and arguing that ...": Lee called, Lee said,
    the one saying argued): the reporting verb, whose form the cue has; None otherwise."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ", "VBG"):
        return None
    clause = head
    while clause.dep_ == "conj" and clause.head.i < clause.i:
        clause = clause.head  # "saying that the plan had ... but was stalled ... and arguing that ..."
    outer = clause.head
    if clause.dep_ != "ccomp" or outer.i > clause.i or outer.tag_ != verb.tag_ or not lemma_of(outer.text):
        return None
    auxiliary = any(c.dep_ in ("aux", "auxpass") and c.i < head.i for c in head.children)
    return outer if auxiliary or head.tag_ != verb.tag_ else None


# Verbs whose passive subject is what is made known or who is told, never who speaks ("20 cases
# were confirmed", "the search was declared over", "the school was told that ..."); other passive
# cues can have their speaker as subject ("X was quoted as saying", and PolNeAR's annotators often
# name the subject of a passive report).
_MADE_KNOWN = frozenset({"confirm", "declare", "announce", "reveal", "disclose", "verify", "tell", "assure", "warn"})


def _urged(verb: "Token") -> bool:
    """An "urged to" with no one urged between: a headline's passive with its auxiliary dropped
    ("Passengers urged to come forward"), whose subject is who is urged, not who urges (the active
    names whom: "Lee urged passengers to come forward")."""
    return lemma_of(verb.text) == "urge" and verb.tag_ in ("VBD", "VBN") and verb.i + 1 < len(verb.doc) \
        and verb.doc[verb.i + 1].lower_ == "to" and not any(c.dep_ in ("dobj", "dative") for c in verb.children)


def _confirmed_thing(verb: "Token") -> bool:
    """Whether ``verb`` is a passive cue of ``_MADE_KNOWN`` that does not go on to a verb of speech."""
    if lemma_of(verb.text) not in _MADE_KNOWN:
        return False
    for child in verb.children:
        if child.dep_ in ("prep", "advcl", "xcomp", "ccomp") and child.i > verb.i:
            if any(tok.i > verb.i and tok.tag_.startswith("VB") and lemma_of(tok.text) for tok in (child, *child.children)):
                return False
    return True


def _agent(verb: "Token") -> Optional["Token"]:
    """Who a passive cue names as the one speaking ("Lee was asked by host Tom Reyes, “...”":
    Maher)."""
    if not any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _reporter(verb: "Token", subject: "Token") -> "Token":
    """Who speaks through a clause whose subject is "he" or "she" when that clause is what another
    reporting verb with a subject reports ("Lee said he believes “...”", "Reyes said he will
    try and insisted that ...": Lee, Reyes): the reporter, whom the pronoun stands for."""
    if subject.lower_ not in ("he", "she"):
        return subject
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.i > clause.i or not lemma_of(clause.head.text) \
            or _quotation_between(clause.head, subject):
        return subject
    outer = next((c for c in clause.head.children if c.dep_ in SUBJECTS and c.i < clause.head.i), None)
    return outer if outer is not None and outer.tag_ not in ("WDT", "WP") and outer.lower_ != "that" else subject


def _quotation_between(outer: "Token", subject: "Token") -> bool:
    """Whether a quotation mark stands between a reporting verb and the subject of a clause the
    parse hung on it: the verb is inside a quotation that the clause attributes ("“... I think we
    can win,” she said.", read with "she said" as what "I think"), not its reporter."""
    return any(t.text in _QUOTATION_MARKS for t in outer.doc[outer.i + 1:subject.i])


# How the parse may hang a speaker named right after a cue that follows a quotation ("“...,” added
# a Democrat", "“...,” mused Ann Lee" read as the cue's object or modifier).
_INVERTED_AS = ("dobj", "attr", "dative", "advmod", "dep")
# Words that stand alone for someone, tagged as a determiner or a number ("“...,” wrote another.",
# "“...,” read one.").
_INDEFINITE = frozenset({"one", "another", "some", "many", "several", "both", "each"})
# Tags of a cue's base form that after a quotation is a past one spelled alike ("“...,” read the
# sign") or a plural's present ("“...,” say critics").
_BASE_AFTER_QUOTATION = ("VB", "VBP")


def _inverted(verb: "Token") -> Optional["Token"]:
    """The speaker named right after a cue that follows a quotation or a comma ("“...,” said Ann
    Lee, an economist, “...”") when the parse made it the subject of another verb or the cue's
    object."""
    doc = verb.doc
    if verb.i == 0 or verb.i + 1 >= len(doc) or not doc[verb.i - 1].is_punct:
        return None
    after_quotation = verb.i >= 2 and doc[verb.i - 1].text in _QUOTATION_MARKS and doc[verb.i - 2].text in (",", "?", "!")
    if verb.tag_ not in ("VBD", "VBZ") and not (after_quotation and verb.tag_ in _BASE_AFTER_QUOTATION):
        return None
    tok = doc[verb.i + 1]
    while tok.dep_ in ("compound", "amod", "det", "nmod", "poss") and tok.head.i > tok.i:
        tok = tok.head
    if tok.left_edge.i != verb.i + 1 or tok.tag_ not in ("NN", "NNS", "NNP", "NNPS") and tok.lower_ not in _INDEFINITE:
        return None
    if tok.dep_ in SUBJECTS and tok.head.i == verb.head.i != verb.i:
        return tok
    if _subject_of_its_clause(verb, tok):
        return tok
    # "“...,” added a South Carolina Democrat." read with the speaker as the cue's object
    return tok if after_quotation and tok.head.i == verb.i and tok.dep_ in _INVERTED_AS else None


def _subject_of_its_clause(verb: "Token", name: "Token") -> bool:
    """Whether the name right after a cue is the subject of a clause the parse hung on the cue after
    the name ("“...,” said the woman, who did not want to be named." read with "the woman" the
    subject of "want"): the name is the cue's speaker."""
    return name.dep_ in SUBJECTS and name.head.head.i == verb.i and name.head.i > name.i


def _named_after_quotation(verb: "Token") -> Optional[tuple["Token", int, int]]:
    """The speaker between a quotation and its cue when the parse put the name inside what was said
    ("“...,” Ann Lee, an economist, said."): the name's head word and the token range of the
    speaker's words; None when a verb stands before a comma between them (another clause)."""
    doc = verb.doc
    at = verb.i - 1
    while at > 0 and doc[at].text not in _QUOTATION_MARKS:
        at -= 1
    if at <= 0 or at == verb.i - 1 or doc[at - 1].text not in (",", "?", "!") or verb.i - at > 16:
        return None
    words = [t for t in doc[at + 1:verb.i] if not t.is_space]
    while words and words[-1].is_punct:
        words.pop()
    name = []
    for t in words:
        if t.text == ",":
            break
        name.append(t)
    proper = bool(name) and name[-1].tag_ in ("NNP", "NNPS")  # a title before a name may be misread as a verb
    if not name or any(t.tag_.startswith("VB") and not proper or t.is_punct and t.text != "." and t.tag_ != "HYPH"
                       for t in name) or name[-1].tag_ not in ("NN", "NNS", "NNP", "NNPS") and not _adjective_noun(name):
        return None
    return name[-1], words[0].i, words[-1].i + 1


def _adjective_noun(words: list["Token"]) -> bool:
    """Whether some words are a noun phrase whose head is an adjective after an article ("the
    61-year-old", "the elder"), which names someone."""
    return len(words) >= 2 and words[0].lower_ in ("the", "a", "an") and words[-1].tag_ in ("JJ", "JJR", "JJS")


def _name_before(verb: "Token") -> Optional["Token"]:
    """A name set off right before a cue the parse gave no subject ("In a statement, her adviser,
    Jake Sullivan, said: “...”"): the name's last word."""
    doc = verb.doc
    at = verb.i - 1
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # "in Paris, noting ...": a participle's subject is elsewhere
    if at > 0 and doc[at].text == ",":
        at -= 1
    return doc[at] if at >= 0 and doc[at].tag_ in ("NNP", "NNPS") and doc[at].text[:1].isupper() else None


def _reach(verb: "Token") -> int:
    """The end of the cue's own words after it and before any quotation: whom it was told, where
    and when ("told Fox News on Sunday, “...”", "said in a statement: “...”")."""
    end = verb.idx + len(verb.text)
    for child in verb.children:
        if child.i < verb.i or child.dep_ not in ("dative", "dobj", "prep", "npadvmod", "advmod", "agent"):
            continue
        words = list(child.subtree)
        if any(t.tag_ in ("``", "''") or t.text in "\"“”" for t in words):
            break
        end = max(end, words[-1].idx + len(words[-1].text))
    return end


def _after_quotations(sent: "Doc | Span") -> list["Token"]:
    """Verbs of the short clauses that end a quotation, whatever the verb ("“...,” Trump shot
    back.", "“...?” she pressed", "“...,” he points out."): a subject and a verb right after a
    mark closing on a comma or a question, the verb ending the clause but for when and where
    ("“...,” she fumed on Tuesday.") or a subject after it ("“...,” mused Ann Lee, a host.")."""
    doc = sent.doc if hasattr(sent, "doc") else sent
    end = sent[-1].i + 1 if len(sent) else 0
    found = []
    for tok in sent:
        if tok.text not in ('"', "”") or tok.i == sent[0].i or doc[tok.i - 1].text not in (",", "?", "!"):
            continue
        verb = next((t for t in doc[tok.i + 1:min(end, tok.i + 6)] if t.tag_.startswith("VB")), None)
        if verb is None or lemma_of(verb.text):
            continue
        when = {t.i for c in verb.rights if c.dep_ in ("prt", "advmod", "prep", "npadvmod", "nsubj") for t in c.subtree}
        if verb.i == tok.i + 1 and (named := _inverted(verb)) is not None:
            when |= {t.i for t in named.subtree}  # "“...?” reacted Reyes." read with Reyes as the object
        rest = next((t for t in doc[verb.i + 1:end] if t.i not in when), None)
        if rest is None or rest.is_punct:
            found.append(verb)
    return found


def _introduces(sent: "Doc | Span", then: str = "") -> list[tuple["Token", "Token", "Token"]]:
    """Clauses whose colon or comma opens a quotation ("She turned to the crowd again: “...”", "The
    report makes it clear: “...”", "As the paper put it, “...”", "He issued a statement, “...”"),
    also one ending the sentence with a colon when ``then`` (what the text goes on with) opens a
    quotation ("He issued the following statement:" / "“...”"): each one's verb, the verb's
    subject and the colon or comma; the quotation is what the subject says, whatever the verb."""
    doc = sent.doc if hasattr(sent, "doc") else sent
    found = []
    for tok in sent:
        if tok.text not in (":", ",") or tok.i == sent[0].i:
            continue
        nxt = next((t for t in doc[tok.i + 1:tok.i + 3] if not t.is_space), None)
        opens = nxt.text in ('"', "“") if nxt is not None else tok.text == ":" and then[:1] in ('"', "“")
        if not opens:
            continue
        verb = doc[tok.i - 1]
        while verb.head.i < tok.i and verb.head.i != verb.i:
            verb = verb.head  # the clause ending at the colon: "turned to them, with a smile: “...”"
        if verb.i >= tok.i or not verb.tag_.startswith("VB"):
            continue
        subject = _subject(verb)
        if subject is not None and subject.i < verb.i:
            found.append((verb, subject, tok))
    return found


def _opens_quotation(verb: "Token") -> bool:
    """Whether a quotation opens right after a cue verb and its particle or object pronoun, set off
    by a comma or a colon or not at all ("which notes, “...”", "remarking, “...”", "as X put it,
    “...”", "a sign that read “...”"): the quotation is what the cue reports."""
    doc = verb.doc
    i = verb.i + 1
    while i < len(doc) and (doc[i].dep_ in ("prt", "advmod") or doc[i].lower_ == "it") and doc[i].head.i == verb.i:
        i += 1
    if i < len(doc) and doc[i].text in (",", ":"):
        i += 1
    return i < len(doc) and doc[i].text in ('"', "“")


def _holder(verb: "Token") -> Optional["Token"]:
    """Who speaks through a cue that has no subject of its own: the noun a relative clause or a
    participle hangs on ("a sign reading “...”")."""
    head = verb.head
    return head if verb.dep_ in ("relcl", "acl") and head.tag_.startswith("NN") else None


def _speaker_span(subject: "Token", verb: Optional["Token"] = None) -> tuple[int, int]:
    """A speaker's words: its subtree less a reporting modifier hung on it ("De Blasio, on the
    radio, called him a “blowhard,” and said ...": De Blasio, on the radio), or less the cue
    ``verb`` that hangs on it ("the report, which notes, “...”": the report)."""
    late = [c for c in subject.children if c.i > subject.i and (_misread_as_modifier(c) or c.i == getattr(verb, "i", -1)
                                                                   or verb is not None and c.i < verb.i <= c.right_edge.i
                                                                   and c.dep_ in ("relcl", "acl"))]
    start, end = _subtree(subject, without=late[0]) if late else _subtree(subject)
    doc = subject.doc
    if (after := _after_brackets(doc[subject.left_edge.i:subject.i])) is not None:
        start = doc[after].idx
    words = _chars(doc, start, end)
    lo, hi = 0, len(words)
    while hi > lo and words[lo] in "“”\"":  # a closing mark the parse hung on the name after it
        lo += 1
    while hi > lo and words[hi - 1] in "“”\"":
        hi -= 1
    return start + lo, start + hi


def _after_brackets(before: "Span") -> Optional[int]:
    """Where a speaker's words start after what brackets before its head hold: the end of a bracket
    the span starts inside ("7:04 a.m. ET) Protesters"), then of stamps, credits or asides opening
    it ("(Update 2:04 p.m.) Protesters", "(AP Photo) (Lee - AP) The bank"); None when nothing is
    cut. An aside after words of the speaker's own stays ("The (now former) minister")."""
    words = [t.text for t in before]
    cut, depth = None, 0
    for k, word in enumerate(words):
        if word in ("(", "["):
            depth += 1
        elif word in (")", "]"):
            if depth == 0:
                cut = k + 1  # closes a bracket opened before the span
            else:
                depth -= 1
    k = cut or 0
    while k < len(words) and words[k] in ("(", "["):
        depth, j = 0, k
        for j in range(k, len(words)):
            depth += words[j] in ("(", "[")
            depth -= words[j] in (")", "]")
            if depth == 0:
                break
        if depth != 0:
            break  # still open at the head
        k = cut = j + 1
    return None if cut is None else before.start + cut


def _chars(doc: "Doc", start: int, end: int) -> str:
    """The text of a parsed sentence from ``start`` to ``end``, both token edges, read off those
    tokens alone (``Doc.text`` joins every token of the sentence each time it is read)."""
    span = doc.char_span(start, end)
    return span.text if span is not None else doc.text[start:end]


def _misread_as_modifier(verb: "Token") -> bool:
    """A cue the parse hung on the name before it as a modifier though it has an object of its own
    and no agent, so not a passive ("Act, called “a lifeline” by its backers") ("Beruff, a Scott ally, called the standards “strong.”", "De Blasio, speaking on
    the radio, called Trump a “blowhard,” and said ..."): the name is its subject."""
    return (verb.dep_ == "acl" and verb.head.tag_ in ("NNP", "NNPS") and verb.i > 0
            and verb.doc[verb.i - 1].text == "," and verb.i + 1 < len(verb.doc)
            and verb.doc[verb.i + 1].text not in _QUOTATION_MARKS and not any(t.lower_ == "by" for t in verb.subtree)
            and any(c.dep_ in ("dobj", "oprd", "ccomp", "dative") and c.i > verb.i for c in verb.children))


def _speaks_in_relative(verb: "Token") -> bool:
    """A cue in a relative clause with a speaker of its own and a quotation ("Rubio, who he dubbed
    “the little senator”"), or whose "who" speaks ("Ann Lee, who has called the harbour tax “a disaster”"; not
    "the bill, which called for ...")."""
    return verb.dep_ == "relcl" and _holds_quotation(verb.subtree) and any(
        c.dep_ == "nsubj" and (c.tag_ not in ("WDT", "WP") and c.lower_ != "that" or _who_speaks(c))
        for c in verb.children)


def _who_speaks(subject: "Token") -> bool:
    """Whether a relative clause's subject is "who", a person who speaks through its cue (not
    "which" or "that": a thing, "the bill, which called for ...")."""
    return subject.lower_ == "who"


def _tokens_in(doc: "Doc", span: tuple[int, int]) -> Iterable["Token"]:
    """The tokens of a parsed sentence that start within a character span whose edges are tokens'."""
    if span[0] >= span[1]:
        return ()
    chars = doc.char_span(span[0], span[1])
    return chars if chars is not None else [t for t in doc if span[0] <= t.idx < span[1]]


def _holds_quotation(tokens: Iterable["Token"]) -> bool:
    return any(t.text in _QUOTATION_MARKS for t in tokens)


def _content(verb: "Token", lemma: str) -> Optional[tuple[int, int]]:
    """What a cue verb reports (:func:`_own_content`); when that holds no quotation but the verb's
    complements do, the complements up to the quotation: a partial quotation inside a broad
    attribution ("boasted of his will to spend “whatever it takes”", "slammed the president for
    not using the term “...”", "who he dubbed “the little senator”")."""
    if verb.dep_ == "relcl" and _holds_quotation(verb.subtree):
        return _subtree(verb)
    own = _own_content(verb, lemma)
    if own is not None and _holds_quotation(_tokens_in(verb.doc, own)):
        return own
    complements = [c for c in verb.children if c.i > verb.i and c.dep_ in _COMPLEMENTS]
    holding = [c for c in complements if _holds_quotation(c.subtree)]
    if not holding:
        return own
    last = max(c.i for c in holding)
    return _span([t for c in complements if c.i <= last for t in c.subtree])


def _own_content(verb: "Token", lemma: str) -> Optional[tuple[int, int]]:
    """What a cue verb reports: its clause ("said that ...", with a clause joined to it that
    quotes: "said A, and B “...”"), its object for verbs such as "deny", or, when the cue is a
    parenthetical ("..., X said"), the clause it interrupts."""
    misparsed = _reduced_relative(verb)
    for child in verb.children:
        if misparsed is not None and child.i == misparsed.i:
            continue  # the speaker's own words, not what is reported
        if child.dep_ in ("ccomp", "parataxis") or (child.dep_ == "xcomp" and lemma in ("promise", "vow", "pledge", "urge")):
            reported = _subtree(child, without=_nested(child))
            # "said the days when ... are gone" read with the clause's subject as the cue's object
            misread = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < child.i and child.dep_ == "ccomp"
                       and not any(t.dep_ in SUBJECTS for t in child.children)]
            if misread and reported[1] > reported[0]:
                reported = (_subtree(misread[0])[0], reported[1])
            if (rest := _split_clause(verb, child)) is not None and reported[1] > reported[0]:
                reported = (reported[0], _subtree(rest)[1])
            joined = [c for c in verb.children if c.dep_ == "conj" and c.i > child.i and not lemma_of(c.text)
                      and any(t.dep_ in SUBJECTS for t in c.children) and _holds_quotation(c.subtree)]
            if joined and reported[1] > reported[0]:
                return (reported[0], _subtree(joined[-1])[1])
            return _less_remark(child, reported)
    if lemma in NAMING_VERBS:
        said = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "oprd", "prep", "attr", "xcomp")]
        if said:
            return _span([t for c in said for t in c.subtree])
        return None
    if lemma in STANCE_VERBS:
        for child in verb.children:
            if child.dep_ in ("xcomp", "dobj"):
                return _subtree(child)
        return None
    if lemma in OBJECT_VERBS:
        for child in verb.children:
            if child.dep_ == "dobj":
                return _subtree(child)
    if lemma in PARTICLE_VERBS:  # "pointed out the flaw", "pointed to the polls", "sees him as a leader"
        said = [t for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "prep") and c.lower_ != "out"
                for t in c.subtree if t.i != c.i or c.dep_ == "dobj" or c.lower_ == "as"]
        return _span(said) if said else None
    if lemma == "ask" and (asked := _asked(verb)) is not None:
        return _subtree(asked)
    if verb.dep_ in ("parataxis", "ccomp", "advcl") and verb.head.i != verb.i:
        if any(t.dep_ in SUBJECTS for t in verb.children) and verb.head.i < verb.i:
            return _subtree(verb.head, without=verb)
        return _interrupted(verb)
    return None


def _less_remark(clause: "Token", span: tuple[int, int]) -> tuple[int, int]:
    """A reported clause's ``span`` less a remark of the writer's that ends it, set off by a comma:
    a relative clause on its last noun or a participle ("said the council hired Tom Reyes, who
    built the harbour", "said Lee should quit, echoing a memo ..."); not one holding a quotation,
    nor a reporting participle (:func:`_nested`)."""
    doc = clause.doc
    for tok in clause.subtree:
        if tok.i <= clause.i or tok.dep_ not in _REMARKS or tok.left_edge.i < 1:
            continue
        comma = doc[tok.left_edge.i - 1]
        right = tok.right_edge
        while right.i + 1 < len(doc) and doc[right.i + 1].is_punct and doc[right.i + 1].text not in _QUOTATION_MARKS:
            right = doc[right.i + 1]
        if comma.text != "," or right.idx + len(right.text) < span[1] or comma.idx <= span[0] \
                or (tok.dep_ != "relcl" and (tok.tag_ != "VBG" or lemma_of(tok.text))) \
                or _holds_quotation(tok.subtree):
            continue
        return (span[0], comma.idx)
    return span


# The clauses that may end a reported clause as a remark of the writer's (:func:`_less_remark`).
_REMARKS = ("relcl", "advcl", "acl")


def _asked(verb: "Token") -> Optional["Token"]:
    """What a question or a request is about when it is no clause of the verb's own ("asked the
    crowd if they would vote", "asked the board to resign", "asked Lee about the tax"): the clause
    opened by "if" or "whether", the infinitive, or the "about" phrase after the verb."""
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ == "xcomp" or child.dep_ == "prep" and child.lower_ == "about" \
                or child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in child.children):
            return child
    return None


def _split_clause(verb: "Token", reported: "Token") -> Optional["Token"]:
    """The last of further clauses the parse hung on a cue after the clause it reports ("said that
    the count would “have been fine” had the clerks not been tired", read as two clauses of
    "said"): what is reported goes on to its end."""
    if reported.i < verb.i or reported.dep_ != "ccomp":
        return None
    more = [c for c in verb.children if c.dep_ == "ccomp" and c.i > reported.i]
    if not more or any(t.text in (",", ";", ":") for t in verb.doc[reported.right_edge.i:more[0].left_edge.i]):
        return None  # set off by a comma: a remark of the writer's ("“...,” a claim the engineers rejected")
    return more[-1]


def _interrupted(verb: "Token") -> Optional[tuple[int, int]]:
    """The clause a cue with a subject of its own interrupts ("The move, Carr said, was the result
    of ...", "These rulings, the lawyers said, “all command ...” that ..."): the whole clause, the
    cue and speaker in it (a quote's content leaves them out)."""
    if verb.dep_ == "parataxis" and any(t.dep_ in SUBJECTS for t in verb.children) \
            and verb.left_edge.i > verb.head.left_edge.i:
        return _subtree(verb.head)
    return None


def _nested(head: "Token") -> Optional["Token"]:
    """A reporting clause of its own hung at the end of a reported clause ("... that X had a plan,
    adding, “...”"): the participle, which is not part of what the first verb reports."""
    late = [c for c in head.children if c.i > head.i and c.dep_ in ("advcl", "conj") and c.tag_ == "VBG"
            and lemma_of(c.text)]
    return late[-1] if late else None


def _according(tok: "Token") -> Optional[tuple["Token", Optional[tuple[int, int]], tuple[int, int]]]:
    """For "according to X": (X's head, the clause it qualifies, the cue span), or None."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    source = next((c for c in nxt.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    phrase = tok if tok.head.i != nxt.i else nxt
    root = phrase.head if phrase.head.i != phrase.i else phrase
    if root.i != phrase.i:
        root = _first_conjunct(root, phrase)
    content = _subtree(root, without=phrase) if root.i != phrase.i else None
    return source, content, _span([tok, nxt])


def _first_conjunct(clause: "Token", phrase: "Token") -> "Token":
    """The first of the clauses joined to ``clause`` when "according to X" ends the last of them
    ("Lee was paid $5, Reyes $7 and the mayor $9, according to the filings": all of them)."""
    while clause.dep_ == "conj" and clause.head.i < clause.i < phrase.i and clause.head.tag_.startswith("VB"):
        clause = clause.head
    return clause


def _length(sent: "Doc | Span") -> int:
    """The characters of a parsed sentence, as ``len(sent.text)`` but read off its last token
    (``Doc.text`` joins every token each time it is read)."""
    if not len(sent):
        return 0
    last = sent[-1]
    return last.idx + len(last.text_with_ws if sent is last.doc else last.text) - sent[0].idx


def clauses(sent: "Doc | Span", offset: int, text: str, index: int) -> list[Clause]:
    """The reporting clauses of one parsed sentence starting at ``offset`` in ``text``."""
    out: list[Clause] = []

    def shifted(span: Optional[tuple[int, int]]) -> Optional[tuple[int, int]]:
        if span is None or span[0] >= span[1]:
            return None
        start, end = _trim(text, span[0] + offset, span[1] + offset)
        return (start, end) if end > start else None

    end = offset + _length(sent)
    introduced = _introduces(sent, text[end:end + 40].lstrip())
    for tok in sent:
        if tok.lower_ == ACCORDING:
            found = _according(tok)
            if found:
                source, content, words = found
                phrase = shifted(words)
                assert phrase is not None
                out.append(Clause(phrase, "according to", shifted(_subtree(source)), source.text,
                                  shifted(content), index, proper=source.tag_ == "NNP"))
            continue
        if tok.lower_ == REPORTEDLY:
            if tok.head.i != tok.i and tok.head.tag_.startswith("VB") and not _holds_quotation(tok.head.subtree):
                clause = list(tok.head.subtree)
                while clause and clause[-1].is_punct:
                    clause.pop()  # the sentence's stop
                out.append(Clause(_cue(tok, offset), REPORTEDLY, None, "", shifted(_span(clause)), index))
            continue
        lemma = cue_lemma(tok.text)
        if lemma in PARTICLE_VERBS and not any(c.lower_ in PARTICLES[lemma] and c.dep_ in ("prt", "prep")
                                               for c in tok.children):
            continue  # "the points", "saw the harbour": no report
        if (lemma in SEEMING_VERBS or tok.lower_ == "expected") and (seems := _seeming(tok)) is not None:
            out.append(Clause(_cue(tok, offset), lemma, None, "", shifted(seems), index))
            continue
        if lemma in SEEMING_VERBS or _urged(tok):
            continue
        opens = lemma != "" and lemma not in NAMING_VERBS and _opens_quotation(tok)
        if not lemma or not tok.tag_.startswith("VB") or tok.dep_ in ("amod", "acl", "relcl") and lemma != "say" \
                and not _speaks_in_relative(tok) and not _misread_as_modifier(tok) and not opens \
                and not (tok.dep_ == "acl" and _named_after_quotation(tok)):
            continue
        subject = _subject(tok)
        if subject is None and _answered(tok):
            continue
        relative = subject is None or subject.tag_ in ("WDT", "WP") or subject.lower_ == "that"
        if opens and subject is None:
            subject = _holder(tok)
        content = None if opens and relative and tok.dep_ in ("relcl", "acl") else _content(tok, lemma)
        named = _named_after_quotation(tok) if subject is None else None
        if subject is None and named is None and (ends := _name_before(tok)) is not None:
            begins = ends.i
            while begins > 0 and tok.doc[begins - 1].tag_ in ("NNP", "NNPS") and tok.doc[begins - 1].text[:1].isupper():
                begins -= 1
            named = (ends, begins, ends.i + 1)
        if subject is None and content is None and not opens and named is None:
            continue
        verb = shifted((tok.idx, tok.idx + len(tok.text)))
        assert verb is not None
        speaker = shifted(_speaker_span(subject, tok)) if subject is not None else None
        if named is not None:  # the name is no part of what was said
            subject, first, last = named
            speaker = shifted(_span(tok.doc[first:last]))
            if content and content[0] < tok.doc[first].idx:
                content = (content[0], min(content[1], tok.doc[first - 1].idx))
        out.append(Clause(verb, lemma, speaker, subject.text if subject is not None else "", shifted(content), index,
                          proper=subject is not None and subject.tag_ == "NNP", reach=_reach(tok) + offset,
                          beside=tok.dep_ in ("relcl", "conj")))
    for after in _after_quotations(sent):
        cue = shifted((after.idx, after.idx + len(after.text)))
        subject = _subject(after)
        if cue is not None and subject is not None and not any(c.cue == cue for c in out):
            out.append(Clause(cue, after.lower_, shifted(_subtree(subject)), subject.text, None, index,
                              proper=subject.tag_ == "NNP"))
    for opener, subject, colon in introduced:
        cue = shifted((opener.idx, opener.idx + len(opener.text)))
        assert cue is not None
        last_word = all(t.is_punct or t.is_space for t in colon.doc[colon.i + 1:])
        if (colon.text == "," or last_word) and any(cue[1] <= c.cue[0] and c.cue[1] <= colon.idx + offset for c in out):
            continue  # a cue nearer the quotation attributes it ("bottles that said, “...”")
        same = [c for c in out if c.cue == cue]
        for c in same:
            c.reach = max(c.reach, colon.idx + offset)
        if not same:
            out.append(Clause(cue, opener.lower_, shifted(_subtree(subject)), subject.text, None, index,
                              proper=subject.tag_ == "NNP", reach=colon.idx + offset,
                              speech_only=colon.text == "," and not lemma_of(opener.text)))
    return out


_COPULAS = frozenset("be is are was were been being 's ’s am".split())


def _answered(verb: "Token") -> bool:
    """Whether a participle with no subject is a question put to someone whose answer the parse
    made what was asked ("When asked why, Reyes responded: “...”", read with "Reyes responded" as
    the clause of "asked"): a reporting clause with a subject of its own, after a comma, is the
    participle's clause; that clause, not the question, attributes the answer."""
    if verb.tag_ not in ("VBN", "VBG"):
        return False
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i < verb.i or not lemma_of(clause.text):
            continue
        subject = next((c for c in clause.children if c.dep_ in SUBJECTS and c.i < clause.i), None)
        if subject is not None and any(t.text == "," for t in verb.doc[verb.i + 1:subject.left_edge.i]):
            return True
    return False


def _cue(tok: "Token", offset: int) -> tuple[int, int]:
    return offset + tok.idx, offset + tok.idx + len(tok.text)


# What follows a verb of seeming as what it says of its subject ("seemed to falter", "appears
# weak", "it seems that ...").
_SEEMS_WHAT = ("xcomp", "acomp", "ccomp", "attr", "oprd")


def _seeming(verb: "Token") -> Optional[tuple[int, int]]:
    """What a verb of seeming or a passive "expected" says, with no source of its own ("the plan
    seemed to falter", "the council appears divided", "it seems that ...", "the vote is expected to
    pass"): its subject and complement (PolNeAR's attribution without a source); None when it has
    no complement ("appeared on the radio") or has an agent ("expected by Lee")."""
    if not verb.tag_.startswith("VB"):
        return None
    what = [c for c in verb.children if c.dep_ in _SEEMS_WHAT and c.i > verb.i]
    if not what:
        return None
    if verb.lower_ == "expected":
        passive = any(c.dep_ == "nsubjpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)
        if not passive or what[0].dep_ != "xcomp":
            return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS + ("expl",) and c.i < verb.i), None)
    start = subject.left_edge if subject is not None and subject.dep_ != "expl" else what[0].left_edge
    if _holds_quotation(verb.doc[start.i:what[-1].right_edge.i + 1]):
        return None  # a quotation is someone's words: its own attribution speaks it
    return _span([start, what[-1].right_edge])


def holder_of(sent: "Doc | Span", at: int) -> Optional[tuple["Token", "Token"]]:
    """For a quotation that opens at character ``at`` of a parsed sentence, after a clause of its
    own and with no attribution beside it ("Ann Lee welcomed “the recognition that …”", "He
    anticipated that the task would be “…”"): the verb whose clause holds the quotation and that
    verb's subject before it, who is saying it; None when the clause has none (or is a copula's:
    "the slogan is “…”")."""
    mark = next((t for t in sent if t.idx == at), None)
    if mark is None:
        return None
    tok, hops = mark, 0
    while tok.head.i != tok.i and hops < 8:
        tok, hops = tok.head, hops + 1
        if tok.tag_.startswith("VB") and tok.i < mark.i:
            subject = next((c for c in tok.children if c.dep_ in SUBJECTS and c.i < tok.i), None)
            if subject is None and _shares_subject(tok):
                continue
            if subject is None or tok.lower_ in _COPULAS or subject.tag_ in ("WDT", "WP", "EX"):
                return None
            return tok, _reporter(tok, subject)
    return None


def _shares_subject(verb: "Token") -> bool:
    """Whether a verb with no subject of its own is a participle whose subject is the verb's it
    completes ("Reyes criticised the mayor for making “rude remarks”": Reyes's)."""
    return verb.tag_ == "VBG" and verb.dep_ in ("pcomp", "xcomp", "advcl")


def said_in(sent: "Doc | Span", at: int) -> Optional[tuple["Token", "Token", tuple[int, int]]]:
    """For a short quotation opening at character ``at`` of a parsed sentence inside what a verb
    says of something ("Trump blasted Disney for its “outrageous practices”", "She referenced the
    “Charleston loophole”"): the verb, its subject and the verb's complements up to the one
    holding the quotation (what PolNeAR's broad attribution takes as said); None when the
    quotation is no complement of a verb with a subject before it."""
    found = holder_of(sent, at)
    if found is None:
        return None
    verb, subject = found
    mark = next(t for t in sent if t.idx == at)
    complements = [c for c in verb.children if c.i > verb.i and c.dep_ in _COMPLEMENTS + ("ccomp", "advcl")]
    holding = [c for c in complements if c.left_edge.i <= mark.i <= c.right_edge.i]
    if not holding:
        return None
    last = holding[0].i
    words = [t for c in complements if c.i <= last for t in c.subtree]
    return verb, subject, _span(words)
