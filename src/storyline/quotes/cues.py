"""The words that mark an attribution: reporting verbs, their inflected forms, and the nouns of
anonymous sources.

The verbs are listed as lemmas. Their inflected forms are listed too (regular endings made here,
irregular ones written out) so that a sentence can be picked for parsing by a cheap word test, and
so that the parse need not run spaCy's lemmatizer, which costs as much as the parser itself; a
test checks every form against spaCy's lemmatizer.
"""

from __future__ import annotations

import re

# Verbs that report speech or a stated position ("said", "told", "denied", "warned" ...).
SPEECH_VERBS = frozenset("""
say tell add announce warn argue claim insist deny state explain note write declare
acknowledge admit allege assert concede confirm contend report reveal stress suggest predict
promise vow pledge urge caution complain charge counter describe emphasize maintain observe
recall remark reply respond tweet testify ask accuse shout yell chant scream exclaim call label brand dub term characterize boast joke quip lament concur estimate conclude continue liken cite
indicate reiterate recount answer assure mention show find herald hail refer read interject
believe think disclose dispute demand
""".split())
# Verbs that name or describe someone in words of the speaker ("called him a “blowhard”",
# "described the deal as “a disaster”", "accused him of “lying”", "likened it to “a circus”"):
# the object and what is said of it are the content.
NAMING_VERBS = frozenset("call describe label brand dub term characterize accuse liken cite herald hail refer".split())
# The speech verbs that report words someone said, for a reader who asks who says something in a
# sentence: not those that also report what a study found, data show or someone believes.
# Of the stance verbs, those that are said aloud ("condemned the attack", "criticised the draft as
# “odious”") are sayings too; wanting, agreeing, proposing or backing are not.
SAYING_VERBS = (SPEECH_VERBS - frozenset("believe think show find read estimate conclude continue indicate suggest".split())
                | frozenset("criticize condemn denounce decry slam blast praise blame mock".split()))
# Verbs of a stated stance or state of mind, which PolNeAR-style attribution counts ("endorsed
# Smith", "wants to run", "fears that ..."): their clause, infinitive or object is the content.
STANCE_VERBS = frozenset("""
feel fear hope expect want plan know worry consider doubt wonder criticize endorse support praise
blame attack question oppose reject dismiss slam defend denounce decry blast condemn mock back seek
decline refuse agree propose offer express
""".split())
# Verbs of how something seems ("the plan seemed to falter", "it appears that ..."), which
# PolNeAR-style attribution counts with no source: the subject and its complement are the content.
SEEMING_VERBS = frozenset("seem appear".split())
# Verbs that report only with a particle or a preposition ("pointed out that ...", "pointed to the
# polls", "sees him as a leader", "talked about the wall", "spoke of his plan"): :data:`PARTICLES`
# gives each the words it needs.
PARTICLE_VERBS = frozenset("point see talk speak".split())
PARTICLES = {"point": ("out", "to"), "see": ("as",), "talk": ("about",), "speak": ("about", "of")}
# "reportedly": a cue without a verb, and without a source.
REPORTEDLY = "reportedly"
# Verbs whose object, not a clause, is what was said ("denied the report", "announced a plan",
# "noted the floods").
OBJECT_VERBS = frozenset("""
deny announce confirm reveal promise pledge predict acknowledge admit report note mention reiterate recount
disclose dispute demand
""".split())

# quipped, concurred, admitted, referred, dubbed, planned, slammed
_DOUBLED = frozenset({"quip", "concur", "admit", "refer", "dub", "plan", "slam"})
_IRREGULAR = {
    "show": ("showed", "shown", "shows", "showing"),
    "label": ("labels", "labeled", "labelled", "labeling", "labelling"),  # American and British
    "feel": ("felt", "feels", "feeling"), "read": ("reads", "reading"), "find": ("found", "finds", "finding"),
    "seek": ("sought", "seeks", "seeking"), "know": ("knew", "known", "knows", "knowing"),
    "say": ("said", "says", "saying"), "tell": ("told", "tells", "telling"),
    "write": ("wrote", "written", "writes", "writing"), "think": ("thought", "thinks", "thinking"),
    "see": ("saw", "seen", "sees", "seeing"), "speak": ("spoke", "spoken", "speaks", "speaking"),
}


def _forms(lemma: str) -> set[str]:
    """The inflected forms of a regular verb: -s, -ed, -ing (with the spelling rules English uses)."""
    if lemma in _IRREGULAR:
        return {lemma, *_IRREGULAR[lemma]}
    if lemma.endswith("ee"):
        return {lemma, lemma + "s", lemma + "d", lemma + "ing"}  # agreed, agreeing
    if lemma.endswith("e"):
        stem = lemma[:-1]
        return {lemma, lemma + "s", lemma + "d", stem + "ing"}
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        stem = lemma[:-1]
        return {lemma, stem + "ies", stem + "ied", lemma + "ing"}
    if lemma.endswith(("s", "sh", "ch", "x")):
        return {lemma, lemma + "es", lemma + "ed", lemma + "ing"}
    if lemma in _DOUBLED:
        return {lemma, lemma + "s", lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return {lemma, lemma + "s", lemma + "ed", lemma + "ing"}


FORMS: dict[str, str] = {form: lemma for lemma in SPEECH_VERBS | STANCE_VERBS for form in _forms(lemma)}
# The forms of the verbs of seeming and of those that report only with a particle, kept apart from
# :data:`FORMS`: the rules that test whether a word is a reporting verb's form do not count them
# ("“...,” he spoke softly." is attributed by the clause after the quotation, whatever its verb).
OTHER_FORMS: dict[str, str] = {form: lemma for lemma in SEEMING_VERBS | PARTICLE_VERBS for form in _forms(lemma)}
# "according to X" is a cue without a verb.
ACCORDING = "according"
# The words that pick a sentence for parsing: the forms of the verbs that report alone, "according"
# and "reportedly"; a verb that reports only with a particle is picked with it (:data:`_PARTICLE_CUE`).
_PICKS = (frozenset(FORMS) | {form for form, lemma in OTHER_FORMS.items() if lemma in SEEMING_VERBS}
          | {ACCORDING, REPORTEDLY})
_PARTICLE_CUE = re.compile(r"\bpoint(?:s|ed|ing)?\s+(?:out|to)\b|\b(?:see|sees|saw|seen|seeing)\s+(?:\S+\s+){1,6}?as\b"
                           r"|\btalk(?:s|ed|ing)?\s+about\b|\b(?:speak|speaks|speaking|spoke|spoken)\s+(?:about|of)\b",
                           re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]+")
_OPENS_QUOTATION = re.compile(r"[:,]\s*“|:\s*\"|,\s+\"|[,?!][\"”]\s|:\s*$")


def lemma_of(word: str) -> str:
    """The lemma of a reporting verb's form ("" when the word is none)."""
    return FORMS.get(word.lower(), "")


def cue_lemma(word: str) -> str:
    """The lemma of a cue word's form: a reporting verb's, a verb of seeming's or one that reports
    with a particle ("" when the word is none)."""
    word = word.lower()
    return FORMS.get(word) or OTHER_FORMS.get(word, "")


def reports_speech(cue: str, word_before: str = "") -> bool:
    """Whether a quote's cue says that its speaker said something: "according to", or a form of a
    verb of :data:`SAYING_VERBS` not in an infinitive ("hard-pressed to explain", "failing to
    report", "urged him to say" tell what was not, or not yet, said). A stance, an intention or an
    act ("wants", "agreed to buy", "proposed $10 million") is no saying, though attribution counts it."""
    if cue.lower().startswith(ACCORDING):
        return True
    words = cue.split()
    if not words or word_before.lower() == "to":
        return False
    word = words[-1].lower()
    british = re.sub(r"is(e|es|ed|ing)$", r"iz\1", word)  # "criticised", "characterising"
    return (FORMS.get(word) or FORMS.get(british, "")) in SAYING_VERBS


def has_cue(sentence: str) -> bool:
    """Whether a sentence can hold a reporting clause: it has a reporting verb's form or
    "according" or "reportedly", a colon opens a quotation ("She turned to the crowd: “...”") or a quotation ends
    in a comma or a question ("“...,” he shot back"). The cheap test
    that decides which sentences are parsed (a quotation mark alone needs no parse: the clause
    attributing a quotation has a cue)."""
    return (any(w.lower() in _PICKS for w in _WORD.findall(sentence))
            or _OPENS_QUOTATION.search(sentence) is not None or _PARTICLE_CUE.search(sentence) is not None)


# Nouns of sources that are not named ("officials said", "a spokesman said", "sources familiar
# with the talks").
ANONYMOUS_NOUNS = frozenset("""
official officials source sources spokesman spokeswoman spokesperson spokespeople aide aides
person people insider insiders diplomat diplomats analyst analysts expert experts observer observers
witness witnesses resident residents adviser advisers advisor advisors staffer staffers
representative representatives lawmaker lawmakers member members investigator investigators
authorities authority police officer officers critic critics supporter supporters
""".split())
PRONOUNS = {"he": "PERSON", "she": "PERSON", "him": "PERSON", "her": "PERSON", "i": "PERSON",
            "they": "ANY", "we": "ANY", "it": "ORG", "you": "ANY"}
# Relative pronouns that stand for the name right before them ("Smith, who said ...").
RELATIVES = frozenset({"who", "which", "that"})
