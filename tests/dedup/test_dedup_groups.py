"""Which documents are one story, and the groups they make (``storyline.dedup.pairs``, ``groups``)."""

import datetime as dt

from dedup_stories import BASE, BRIEF, CARRIES_WIRE, FOOTER, LONG, OTHER_OUTLET, UPDATE, sig

from storyline import dedup


def test_exact_duplicate_ignores_case_and_spacing():
    a = sig("a", BASE)
    b = sig("b", ["  " + p.upper() + "  " for p in BASE])
    groups = dedup.group([a, b])
    assert len(groups) == 1
    rel = {m.document: m.relation for m in groups[0].members}
    assert sorted(rel.values()) == ["duplicate", "representative"]
    assert any("identical" in m.reason for m in groups[0].members)


def test_update_is_a_version_and_the_representative():
    first = sig("first", BASE, dt.date(2021, 3, 2))
    update = sig("update", UPDATE, dt.date(2021, 3, 3))
    groups = dedup.group([first, update])
    assert len(groups) == 1
    g = groups[0]
    assert g.representative == "update"
    member = next(m for m in g.members if m.document == "first")
    assert member.relation == "version"
    assert "version" in member.reason


def test_trimmed_repost_is_a_version():
    full = sig("full", UPDATE, dt.date(2021, 3, 3))
    trimmed = sig("trim", UPDATE[:4], dt.date(2021, 3, 4))
    groups = dedup.group([full, trimmed])
    assert len(groups) == 1
    assert groups[0].representative == "full"  # the most complete wins over the later trim


def test_same_event_by_another_outlet_is_not_a_duplicate():
    groups = dedup.group([sig("wire", BASE), sig("paper", OTHER_OUTLET)])
    assert groups == []


def test_article_quoting_one_paragraph_is_not_a_version():
    quoting = OTHER_OUTLET + [BASE[2]]
    groups = dedup.group([sig("wire", BASE), sig("quote", quoting)])
    assert groups == []


def test_group_ids_are_stable_and_singletons_are_left_out():
    sigs = [sig("b1", BASE), sig("a1", BASE), sig("c1", OTHER_OUTLET)]
    groups = dedup.group(sigs)
    assert [g.id for g in groups] == ["ga1"]
    assert {m.document for m in groups[0].members} == {"a1", "b1"}
    assert dedup.group(list(reversed(sigs)))[0].id == "ga1"


def test_near_duplicate_with_one_word_changed():
    edited = list(LONG)
    edited[5] = edited[5].replace("a year", "eighteen months")
    groups = dedup.group([sig("a", LONG, dt.date(2021, 3, 2)), sig("b", edited, dt.date(2021, 3, 2))])
    (g,) = groups
    member = next(m for m in g.members if m.relation != "representative")
    assert member.relation == "duplicate"
    assert member.reason.startswith("the same text, edited")
    assert member.similarity >= dedup.NEAR_DUPLICATE
    assert member.shared_paragraphs == 11  # every paragraph but the edited one


def test_update_reason_counts_the_shared_paragraphs():
    groups = dedup.group([sig("first", BASE, dt.date(2021, 3, 2)), sig("update", UPDATE, dt.date(2021, 3, 3))])
    member = next(m for m in groups[0].members if m.document == "first")
    assert member.shared_paragraphs == 6          # all six paragraphs of the first version
    assert member.containment == 1.0
    assert member.linked_to == "update"
    # the three new paragraphs hold 14 + 20 + 20 words (\w+ runs: "commission's" is two)
    assert "all 6 paragraphs of the shorter text are in the other, which has 54 more words" in member.reason


def test_a_trim_keeping_a_quarter_is_a_version_though_its_jaccard_is_low():
    full = sig("full", LONG, dt.date(2021, 3, 3))
    trim = sig("trim", LONG[:3], dt.date(2021, 3, 3))
    a, b = (set(x.tolist()) for x in dedup.shingle_sets(["\n\n".join(LONG), "\n\n".join(LONG[:3])]))
    assert len(a & b) / len(a | b) < dedup.VERSION_JACCARD  # exact Jaccard: too low to call a version on its own
    (g,) = dedup.group([full, trim])
    assert g.representative == "full"
    member = next(m for m in g.members if m.document == "trim")
    assert (member.relation, member.shared_paragraphs, member.containment) == ("version", 3, 1.0)


def test_wire_copy_inside_another_article_is_not_a_version():
    wire = sig("wire", LONG, dt.date(2021, 3, 2))
    paper = sig("paper", CARRIES_WIRE, dt.date(2021, 3, 4))
    n, share = dedup.shared_paragraphs(wire, paper)
    assert n == 2 and share < dedup.VERSION_PARAGRAPHS
    assert dedup.group([wire, paper]) == []


def test_a_quote_of_a_paragraph_also_in_a_trim_joins_nothing():
    trim = sig("trim", LONG[:3], dt.date(2021, 3, 3))
    quoting = sig("quote", OTHER_OUTLET + [LONG[0]], dt.date(2021, 3, 5))
    groups = dedup.group([sig("full", LONG, dt.date(2021, 3, 2)), trim, quoting])
    assert [sorted(m.document for m in g.members) for g in groups] == [["full", "trim"]]


def test_same_site_neighbours_sharing_a_footer_stay_apart():
    a = sig("a", BASE[:4] + FOOTER)
    b = sig("b", OTHER_OUTLET + FOOTER)
    assert dedup.shared_paragraphs(a, b)[0] == 2
    assert dedup.group([a, b]) == []


def test_empty_and_wordless_texts_join_nothing():
    sigs = [sig("e1", ["— — —"]), sig("e2", ["* * *"]), sig("w", BASE)]
    assert sigs[0].words == 0 and sigs[0].shingles == 0
    assert dedup.group(sigs) == []


def test_an_article_quoting_most_of_a_brief_is_not_a_version_of_it():
    brief = sig("brief", BRIEF, dt.date(2021, 6, 3))
    quoting = sig("column", OTHER_OUTLET + [BRIEF[0]], dt.date(2021, 6, 9))
    a, b = (set(x.tolist()) for x in dedup.shingle_sets(["\n\n".join(BRIEF), "\n\n".join(OTHER_OUTLET + [BRIEF[0]])]))
    # by shingles alone it looks like a version: most of the brief is in the column ...
    assert len(a & b) / len(a | b) >= dedup.VERSION_JACCARD and len(a & b) / len(a) >= dedup.VERSION_CONTAINMENT
    # ... but all they share is one paragraph, word for word: a quote
    assert dedup.shared_paragraphs(brief, quoting)[0] == 1
    assert dedup.group([brief, quoting]) == []


def test_texts_too_short_to_be_a_story_are_not_grouped():
    footer = ["The Valley Courier is published by Lower Aran Media Group, Quay Street, Torvik. All rights reserved."]
    a, b = sig("a", footer), sig("b", footer)
    assert a.text_hash == b.text_hash and a.words < dedup.MIN_WORDS
    assert dedup.group([a, b]) == []
