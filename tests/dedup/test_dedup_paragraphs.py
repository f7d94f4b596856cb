"""Paragraphs found more than once, and who published each first (``storyline.dedup.paragraphs``)."""

import datetime as dt

from dedup_stories import CARRIES_WIRE, LONG, OTHER_OUTLET, sig

from storyline import dedup


def test_wire_copy_and_repeats_at_paragraph_level():
    wire = sig("wire", LONG, dt.date(2021, 3, 2))
    paper = sig("paper", CARRIES_WIRE, dt.date(2021, 3, 4))
    repeats = sig("rep", OTHER_OUTLET[:2] + [OTHER_OUTLET[0]] + OTHER_OUTLET[2:], dt.date(2021, 3, 5))
    found = {o.key: o.occurrences for o in dedup.repeated_paragraphs([wire, paper, repeats])}
    assert sorted(found.values()) == [[("paper", 2), ("wire", 3)], [("paper", 3), ("wire", 4)], [("rep", 0), ("rep", 2)]]
    published = {"wire": dt.date(2021, 3, 2), "paper": dt.date(2021, 3, 4), "rep": dt.date(2021, 3, 5)}
    copied, repeated = dedup.paragraph_origins(dedup.repeated_paragraphs([wire, paper, repeats]), published,
                                               {"wire": "gwire", "paper": "paper", "rep": "rep"})
    assert copied == {"paper": {2: "gwire", 3: "gwire"}}  # the paper's two wire paragraphs count as the wire
    assert repeated == {"rep": {2}}
