"""The decision rule as one value: its defaults are the build's, and another rule decides otherwise
(``storyline.dedup.rule``)."""

import datetime as dt
import inspect

import numpy as np
from dedup_stories import BASE, CARRIES_WIRE, LONG, OTHER_OUTLET, UPDATE, sig

from storyline import dedup
from storyline.dedup import DedupRule
from storyline.dedup.rule import CONTAINED, EDITED, IDENTICAL, NOT_ONE_STORY, PARAGRAPHS


def test_the_default_rule_holds_the_thresholds_the_build_judges_with():
    assert DedupRule() == dedup.DEFAULT_RULE
    assert (DedupRule().near_duplicate, DedupRule().same_length, DedupRule().version_paragraphs,
            DedupRule().min_shared_paragraphs, DedupRule().version_containment, DedupRule().version_jaccard,
            DedupRule().min_common_shingles, DedupRule().quote_margin, DedupRule().min_words) == \
        (0.6, 0.95, 0.6, 2, 0.5, 0.25, 40, 30, 50)
    # every function that judges, in memory or for the store, judges with it unless told otherwise
    for judging in (dedup.compare, dedup.group, dedup.find_links, dedup.make_group, dedup.judge):
        assert inspect.signature(judging).parameters["rule"].default is dedup.DEFAULT_RULE, judging.__name__
    # the names the thresholds had as module constants still read the defaults
    assert (dedup.NEAR_DUPLICATE, dedup.SAME_LENGTH, dedup.VERSION_PARAGRAPHS, dedup.MIN_SHARED_PARAGRAPHS,
            dedup.VERSION_CONTAINMENT, dedup.VERSION_JACCARD, dedup.MIN_COMMON_SHINGLES, dedup.QUOTE_MARGIN,
            dedup.MIN_WORDS) == (0.6, 0.95, 0.6, 2, 0.5, 0.25, 40, 30, 50)


def test_another_rule_changes_the_decision():
    full = sig("full", LONG, dt.date(2021, 3, 3))
    trim = sig("trim", LONG[:3], dt.date(2021, 3, 3))  # all three of its paragraphs are in the full story
    assert [sorted(m.document for m in g.members) for g in dedup.group([full, trim])] == [["full", "trim"]]
    stricter = DedupRule(min_shared_paragraphs=4)  # three shared paragraphs no longer make a version
    assert dedup.compare(full, trim, rule=stricter) is None
    assert dedup.group([full, trim], stricter) == []

    edited = list(LONG)
    edited[5] = edited[5].replace("a year", "eighteen months")
    a, b = sig("a", LONG), sig("b", edited)
    assert dedup.compare(a, b).relation == "duplicate"
    assert dedup.compare(a, b, rule=DedupRule(near_duplicate=0.99)).relation == "version"  # 11 of 12 paragraphs

    footer = ["The Valley Courier is published by Lower Aran Media Group, Quay Street, Torvik. All rights reserved."]
    assert dedup.group([sig("x", footer), sig("y", footer)]) == []  # too short under the default rule
    assert len(dedup.group([sig("x", footer), sig("y", footer)], DedupRule(min_words=10))) == 1


def test_the_rule_judges_arrays_of_pairs_as_it_judges_one():
    """The benchmark's threshold sweep judges all candidate pairs at once: the same rule, on arrays."""
    edited = list(LONG)
    edited[5] = edited[5].replace("a year", "eighteen months")
    pairs = [(sig("a", BASE), sig("b", [p.upper() for p in BASE])), (sig("a", LONG), sig("b", edited)),
             (sig("a", BASE), sig("b", UPDATE)), (sig("a", LONG), sig("b", LONG[:3])),
             (sig("a", LONG), sig("b", CARRIES_WIRE)), (sig("a", BASE), sig("b", OTHER_OUTLET))]
    features = [dedup.pair_features(x, y) for x, y in pairs]
    for rule in (DedupRule(), DedupRule(near_duplicate=0.99, version_paragraphs=0.3), DedupRule(min_shared_paragraphs=3)):
        one_by_one = [rule.verdict(f) for f in features]
        at_once = rule.verdict(dedup.PairFeatures.stack(features))
        assert isinstance(at_once, np.ndarray) and at_once.tolist() == one_by_one
        assert rule.joins(dedup.PairFeatures.stack(features)).tolist() == [v != NOT_ONE_STORY for v in one_by_one]
    assert [DedupRule().verdict(f) for f in features] == [IDENTICAL, EDITED, CONTAINED, CONTAINED, NOT_ONE_STORY,
                                                          NOT_ONE_STORY]
    assert DedupRule(near_duplicate=0.99).verdict(features[1]) == PARAGRAPHS
