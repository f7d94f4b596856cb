"""Reporting clauses read from parses given by hand (the parses a model sometimes makes of news text)."""

import spacy
from spacy.tokens import Doc

from storyline.quotes.attribution import clauses

# word, tag, dependency, head (index)
SPEAKER_READ_AS_OBJECT = [
    ("Is", "VBZ", "ROOT", 0), ("the", "DT", "det", 2), ("mayor", "NN", "nsubj", 0), ("listening", "VBG", "acomp", 0),
    ("?", ".", "punct", 0), ("”", "''", "punct", 6), ("reacted", "VBD", "ROOT", 6), ("Reyes", "NNP", "dobj", 6),
    (".", ".", "punct", 6),
]


def parsed(rows):
    words = [w for w, *_ in rows]
    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".", "?", "”") and w != "“" for i, w in enumerate(words)]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, tags=[t for _, t, _, _ in rows], deps=[d for _, _, d, _ in rows],
              heads=[h for *_, h in rows], sent_starts=[i == 0 for i in range(len(words))])
    return doc


def test_a_name_read_as_the_object_of_a_verb_ending_a_quotation_speaks():
    doc = parsed(SPEAKER_READ_AS_OBJECT)
    cue, speaker = "reacted", "Reyes"
    found = [c for c in clauses(doc, 0, doc.text, 0) if doc.text[c.cue[0]:c.cue[1]] == cue]
    assert found and found[0].speaker and doc.text[found[0].speaker[0]:found[0].speaker[1]] == speaker
