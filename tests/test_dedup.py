import datetime as dt

from storyline import dedup

BASE = [
    "Ministers from Veldra and Ostmark met in the border town of Kessel on Tuesday to discuss the future of the dam.",
    "The talks lasted six hours and ended with a joint statement promising a technical commission before the summer.",
    "Veldra's foreign minister, Anja Brenner, said the commission would examine water flows and compensation claims.",
    "Ostmark has long argued that the dam reduces the river's flow to its farms in the dry season.",
    "Farmers on both sides of the border have staged protests since the reservoir began filling three years ago.",
    "Analysts said the commission could take a year to report, and that neither government wanted an early clash.",
]
UPDATE = BASE[:2] + [
    "On Wednesday, the commission's first members were named by both governments, officials said.",
] + BASE[2:] + [
    "Ostmark's parliament is due to vote on the arrangement next month, and opposition parties have called it a surrender.",
    "The dam's operator said it would publish daily flow figures on its website from the start of the month.",
]
OTHER_OUTLET = [
    "A dispute over a river dam between two neighbouring states moved a step closer to arbitration this week.",
    "Government officials in Ostmark described the meeting in Kessel as cordial but said little had been settled.",
    "Environmental groups warned that any deal must protect wetlands downstream, which host migrating birds.",
    "Water engineers told this newspaper that flows had fallen by a fifth since the dam opened.",
]


def sig(doc, paras, published=None):
    return dedup.signature(doc, "\n\n".join(paras), published)


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
