"""The article-extraction benchmark metric, checked on cases computed by hand."""

import pytest

from storyline.evaluate.extraction import (
    page_scores, score_corpus, shingle_counts, shingles, tokens)

TRUE = "a b c d e"          # shingles: abcd, bcde
EXTRA = "a b c d e f g"     # shingles: abcd, bcde, cdef, defg
LONG = " ".join(f"w{i}" for i in range(100))  # 97 shingles


def test_tokens_are_unicode_word_runs_with_case_kept():
    assert tokens("Café über-alles, The 3rd!") == ["Café", "über", "alles", "The", "3rd"]
    assert shingle_counts("The a b c", "the a b c") == (0.0, 0.5, 0.5)


def test_identical_texts_score_one():
    assert shingle_counts(TRUE, TRUE) == (1.0, 0.0, 0.0)
    result = score_corpus([(TRUE, TRUE), (LONG, LONG)])
    assert (result["precision"], result["recall"], result["f1"]) == (1.0, 1.0, 1.0)
    assert (result["precision_ci"], result["recall_ci"], result["f1_ci"]) == (0.0, 0.0, 0.0)


def test_empty_prediction_has_zero_recall():
    assert shingle_counts(TRUE, "") == (0.0, 0.0, 1.0)
    page = page_scores(TRUE, "")
    assert (page["precision"], page["recall"]) == (0.0, 0.0)
    result = score_corpus([(TRUE, "")])
    # no page predicted anything, so precision has no pages to average
    assert (result["precision"], result["recall"], result["f1"]) == (0.0, 0.0, 0.0)


def test_extra_text_lowers_precision_exactly():
    # tp 2, fp 2, fn 0 -> normalized 0.5 / 0.5 / 0
    assert shingle_counts(TRUE, EXTRA) == (0.5, 0.5, 0.0)
    page = page_scores(TRUE, EXTRA)
    assert page["precision"] == 0.5
    assert page["recall"] == 1.0
    assert score_corpus([(TRUE, EXTRA)])["f1"] == pytest.approx(2 / 3)


def test_missing_text_lowers_recall_exactly():
    # true abcd bcde cdef defg, pred abcd: tp 1, fp 0, fn 3
    assert shingle_counts(EXTRA, "a b c d") == (0.25, 0.0, 0.75)
    page = page_scores(EXTRA, "a b c d")
    assert (page["precision"], page["recall"]) == (1.0, 0.25)


def test_short_texts_are_one_shorter_shingle():
    assert shingles("a b") == {("a", "b"): 1}
    assert shingles("") == {}
    assert shingles("  ,;  ") == {}
    assert shingle_counts("a b", "a b") == (1.0, 0.0, 0.0)
    # ("a","b","c") against ("a","b"): different shingles, tp 0, fp 1, fn 1
    assert shingle_counts("a b c", "a b") == (0.0, 0.5, 0.5)
    # a 3-token truth never matches inside a 4-token prediction
    assert shingle_counts("a b c", "a b c d") == (0.0, 0.5, 0.5)
    page = page_scores("a b c", "a b")
    assert (page["precision"], page["recall"]) == (0.0, 0.0)


def test_repeated_shingles_count_as_a_multiset():
    # "a b c d a b c d": abcd x2, bcda, cdab, dabc -> 5 shingles
    assert shingles("a b c d a b c d")[("a", "b", "c", "d")] == 2
    # truth has abcd twice, prediction once: tp 1, fp 0, fn 4
    assert shingle_counts("a b c d a b c d", "a b c d") == (0.2, 0.0, 0.8)
    # prediction repeats the article: tp 1, fp 4, fn 0
    assert shingle_counts("a b c d", "a b c d a b c d") == (0.2, 0.8, 0.0)
    page = page_scores("a b c d", "a b c d a b c d")
    assert page["precision"] == pytest.approx(0.2)
    assert page["recall"] == 1.0
    # both repeat twice: tp 2 of abcd + 3 others = 5, nothing missed or extra
    assert shingle_counts("a b c d a b c d", "a b c d a b c d") == (1.0, 0.0, 0.0)


def test_pages_weigh_the_same_whatever_their_length():
    # long page perfect (P 1, R 1), short page P 0.5, R 1.
    # Pooling shingles would give P 99/101; page means give 0.75.
    result = score_corpus([(LONG, LONG), (TRUE, EXTRA)])
    assert result["precision"] == pytest.approx(0.75)
    assert result["recall"] == 1.0
    assert result["f1"] == pytest.approx(6 / 7)
    assert len(result["pages"]) == 2


def test_pages_without_prediction_are_left_out_of_precision():
    # P over pages 1 and 3 only: (1 + 0.5) / 2; R over all three: (1 + 0 + 1) / 3
    result = score_corpus([(TRUE, TRUE), (TRUE, ""), (TRUE, EXTRA)])
    assert result["precision"] == pytest.approx(0.75)
    assert result["recall"] == pytest.approx(2 / 3)
    assert result["f1"] == pytest.approx(12 / 17)


def test_pages_without_truth_are_left_out_of_recall():
    # empty truth, some prediction: tp 0, fp 1, fn 0 -> P 0, R 0 but only P counts it
    assert page_scores("", TRUE)["precision"] == 0.0
    result = score_corpus([(TRUE, TRUE), ("", TRUE)])
    assert result["precision"] == 0.5
    assert result["recall"] == 1.0
    assert result["f1"] == pytest.approx(2 / 3)


def test_both_empty_counts_as_perfect_but_enters_no_mean():
    page = page_scores("", "")
    assert (page["tp"], page["fp"], page["fn"]) == (0.0, 0.0, 0.0)
    assert (page["precision"], page["recall"]) == (1.0, 1.0)
    result = score_corpus([("", ""), (TRUE, EXTRA)])
    assert (result["precision"], result["recall"]) == (0.5, 1.0)


def test_bootstrap_is_seeded_and_zero_when_pages_agree():
    pairs = [(TRUE, TRUE), (TRUE, EXTRA), (TRUE, ""), (LONG, LONG[:200])]
    first, again = score_corpus(pairs, seed=3), score_corpus(pairs, seed=3)
    assert first["precision_ci"] == again["precision_ci"]
    assert first["f1_ci"] == again["f1_ci"]
    assert first["precision_ci"] > 0.0
    # precisions lie in [0.5, 1], so the spread of their means is below 1.96 * 0.25
    assert first["precision_ci"] < 0.49
    assert score_corpus(pairs, n_bootstrap=0)["f1_ci"] == 0.0
    same = score_corpus([(TRUE, EXTRA)] * 5)
    assert (same["precision_ci"], same["recall_ci"], same["f1_ci"]) == (0.0, 0.0, 0.0)
