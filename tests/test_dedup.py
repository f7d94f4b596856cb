import datetime as dt
import re

import numpy as np
from datasketch import MinHash

from storyline import dedup
from storyline.sentences import paragraphs, split

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


# A longer wire story for trims (twelve paragraphs) and an article of another outlet that
# carries two of its paragraphs as wire copy.
LONG = BASE + [
    "Officials from the two capitals said a second round of talks could take place in Lessing before the end of the year.",
    "The reservoir behind the dam holds about four hundred million cubic metres when it is full, engineers say.",
    "Fishermen downstream have reported smaller catches in each of the last three summers, a local cooperative said.",
    "A spokesman for the operator said releases had been kept above the minimum agreed in the old treaty at all times.",
    "Ostmark's agriculture ministry estimates that the drought of last summer cost its farmers a fifth of the harvest.",
    "Both delegations declined to say whether the commission would be allowed to inspect the dam's control rooms.",
]
CARRIES_WIRE = [
    "Councillors in Torvik voted on Monday to spend more on flood defences along the lower river.",
    "The council's plan adds two pumping stations and raises the quay wall by half a metre over three years.",
    LONG[3],
    LONG[4],
    "Residents who lost property in last winter's floods said the money came too late for them.",
    "The mayor said the town would ask the national government to pay for a third of the work.",
    "Work on the first pumping station is due to start in the spring, once the ground has dried.",
]
FOOTER = [
    "Support independent journalism in the valley: subscribe today for less than the price of a coffee.",
    "The Valley Courier is published by Lower Aran Media Group, fourteen Quay Street, Torvik, all rights reserved.",
]


def test_sketches_are_datasketch_minhashes_of_the_shingles():
    texts = ["\n\n".join(BASE), "\n\n".join(UPDATE), "Short one.", "Ünïcödé wörds — and ✓ symbols 日本語"]
    sigs = dedup.signatures([(str(i), t, None) for i, t in enumerate(texts)])
    for sig, shingles in zip(sigs, dedup.shingle_sets(texts)):
        ref = MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED, scheme=dedup.SCHEME, hashfunc=lambda x: x)
        ref.update_batch([int(x) for x in shingles])
        assert np.array_equal(ref.hashvalues, sig.hashvalues)
        assert sig.minhash().jaccard(sig.minhash()) == 1.0


def test_shingles_are_five_word_windows_inside_paragraphs():
    text = "One two three four five six.\n\nSeven eight nine ten eleven, twelve!\n\n— * —\n\nTiny line"
    sig = dedup.signature("d", text)
    words = [re.findall(r"\w+", text[s:e].lower()) for s, e in paragraphs(text)]
    windows = {" ".join(w[i:i + 5]) for w in words for i in range(len(w) - 4)}
    assert sig.shingles == len(windows) == 4  # 2 + 2; the dash and the two-word line add none
    assert sig.words == sum(len(w) for w in words) == 14


def test_paragraph_keys_use_the_sentence_paragraph_numbers():
    text = "* * *\n\n" + "\n \n\n".join(LONG[:3]) + "\n\nToo short to key.\n\n" + LONG[3]
    sig = dedup.signature("d", text)
    assert sig.paragraphs["index"].tolist() == [1, 2, 3, 5]
    numbers = {s.paragraph for s in split(text)}
    assert set(sig.paragraphs["index"].tolist()) <= numbers
    alone = dedup.signature("x", LONG[1])
    assert sig.paragraphs["key"][1] == alone.paragraphs["key"][0]  # same words, same key


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


BRIEF = [
    "Engineers at the Kessel dam opened two of the four spillway gates on Thursday night after heavy rain upstream "
    "raised the reservoir above its summer limit, and the operator warned farmers downstream to move livestock "
    "away from the river banks before the water arrives on Friday morning.",
    "The operator said the release would last two days.",
    "Police closed the lower river road as a precaution.",
]


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
