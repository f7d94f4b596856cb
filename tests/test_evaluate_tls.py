"""The TLS metrics (storyline.evaluate.rouge / .tls): hand-computed cases, and a cross-check against tilse.

The hand-computed tests run everywhere. The cross-check against ``tilse`` (in the test extra) runs
on invented timelines in every run, and also on the T17/Crisis references where the data in
``../shared/data/tls`` is present.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest

from storyline.evaluate.rouge import (
    PUNCTUATION, STOPWORDS, clipped_hits, f_score, ngram_counts, porter_stem, rouge_n, rouge_tokens)
from storyline.evaluate.tls import (
    METRICS, PreparedTimeline, agreement_rouge, align_m1_rouge, average_scores, concat_rouge,
    date_f1, load_reference_timeline, prepare_timeline, ptb_tokenize, ptb_tokens, score_timeline)
from storyline.evaluate.tls_data import crisis_documents, detokenize, load_topic, raw_documents

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "tls"
TLS_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "tls"

D = dt.date


def approx(value):
    return pytest.approx(value, abs=1e-12)


# ------------------------------------------------------------------------------------------
# ROUGE building blocks
# ------------------------------------------------------------------------------------------

# Porter's own examples (1980) and NLTK's extensions, as NLTK 3.10's PorterStemmer gives them.
PORTER = {
    "caresses": "caress", "ponies": "poni", "ties": "tie", "flies": "fli", "dies": "die",
    "cats": "cat", "feed": "feed", "agreed": "agre", "plastered": "plaster", "bled": "bled",
    "motoring": "motor", "sing": "sing", "conflated": "conflat", "troubled": "troubl",
    "sized": "size", "hopping": "hop", "tanned": "tan", "falling": "fall", "hissing": "hiss",
    "fizzed": "fizz", "failing": "fail", "filing": "file", "happy": "happi", "sky": "sky",
    "enjoy": "enjoy", "relational": "relat", "conditional": "condit", "rational": "ration",
    "digitizer": "digit", "radicalli": "radic", "differentli": "differ", "analogousli": "analog",
    "vietnamization": "vietnam", "predication": "predic", "operator": "oper",
    "feudalism": "feudal", "decisiveness": "decis", "hopefulness": "hope",
    "callousness": "callous", "sensibiliti": "sensibl", "triplicate": "triplic",
    "formative": "form", "electrical": "electr", "goodness": "good", "revival": "reviv",
    "allowance": "allow", "inference": "infer", "airliner": "airlin", "adjustable": "adjust",
    "defensible": "defens", "irritant": "irrit", "replacement": "replac", "dependent": "depend",
    "adoption": "adopt", "communism": "commun", "activate": "activ", "homologous": "homolog",
    "effective": "effect", "bowdlerize": "bowdler", "probate": "probat", "rate": "rate",
    "cease": "ceas", "controll": "control", "roll": "roll", "dying": "die", "news": "news",
    "innings": "inning", "generously": "gener", "protesters": "protest", "is": "is", "as": "as",
    "Police": "polic", "GAS": "ga",
}


def test_porter_stem_matches_the_published_examples_and_nltk_extensions():
    assert {w: porter_stem(w) for w in PORTER} == PORTER


def test_stop_words_are_rouge_smart_list():
    assert len(STOPWORDS) == 596
    assert {"the", "in", "at", "'s", "reuters", "would"} <= STOPWORDS
    assert "cairo" not in STOPWORDS
    assert PUNCTUATION == {".", ",", ";", ":", "``", "''", "-", '"'}


def test_rouge_tokens_lowercase_drop_stopwords_and_punctuation_then_stem():
    # 's, in, go and the are SMART stop words; -LRB- and ! are not in tilse's punctuation list
    sents = ["Egypt 's protesters , in Cairo -LRB- Tahrir -RRB- : `` Mubarak go ! ''", "The End ."]
    assert rouge_tokens(sents) == ["egypt", "protest", "cairo", "-lrb-", "tahrir", "-rrb-",
                                   "mubarak", "!", "end"]


def test_ngram_counts_and_clipped_hits():
    tokens = ["a", "b", "a", "b", "a"]
    assert ngram_counts(tokens, 1) == {"a": 3, "b": 2}
    assert ngram_counts(tokens, 2) == {("a", "b"): 2, ("b", "a"): 2}
    assert ngram_counts(["a"], 2) == {}
    assert clipped_hits(ngram_counts(tokens, 1), ngram_counts(["a", "a", "c"], 1)) == 2


def test_rouge_1_and_2_by_hand():
    # system tokens: thousand march cairo; reference: protest march cairo ("in" is a stop word)
    system = ["Thousands march in Cairo ."]
    reference = ["Protesters march in Cairo ."]
    r1 = rouge_n(system, [reference], 1)
    assert (r1["precision"], r1["recall"], r1["f1"]) == approx((2 / 3, 2 / 3, 2 / 3))
    r2 = rouge_n(system, [reference], 2)          # bigrams: (march, cairo) shared of 2 each
    assert (r2["precision"], r2["recall"]) == approx((0.5, 0.5))
    # two references: hits clipped per reference and summed, system counted once per reference
    two = rouge_n(system, [reference, ["Cairo march ."]], 1)
    assert (two["precision"], two["recall"]) == approx((4 / 6, 4 / 5))


def test_f_score():
    assert f_score(0.0, 0.0) == 0.0
    assert f_score(0.5, 0.25) == approx(1 / 3)
    assert f_score(0.5, 0.25, beta=2) == approx(5 * 0.125 / (4 * 0.5 + 0.25))


# ------------------------------------------------------------------------------------------
# Penn Treebank tokenization
# ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Egypt's president (Mubarak) quits.", "Egypt 's president -LRB- Mubarak -RRB- quits ."),
    ("Protesters don't stop; 100,000 gather at 10:30.",
     "Protesters do n't stop ; 100,000 gather at 10:30 ."),
    ('He said "we won\'t leave" on Jan. 25.', "He said `` we wo n't leave '' on Jan. 25 ."),
    ("He said: \u201cIt\u2019s over\u201d \u2014 and left\u2026",
     "He said : `` It 's over '' -- and left ..."),
    ("They cannot go, I'm sure, they'll say 'no'!",
     "They can not go , I 'm sure , they 'll say ` no ' !"),
    ("AT&T paid $5 million (50%) for a 1/2 stake?", "AT&T paid $ 5 million -LRB- 50 % -RRB- for a 1\\/2 stake ?"),
    ("[Updated] {a} b--c", "-LSB- Updated -RSB- -LCB- a -RCB- b -- c"),
])
def test_ptb_tokenize(text, expected):
    assert ptb_tokenize(text) == expected
    assert ptb_tokens(text) == expected.split()


def test_ptb_tokenize_keeps_tokenized_text_unchanged():
    line = "Egypt 's military says it wo n't use force against `` peaceful '' protesters -LRB- AP -RRB- ."
    assert ptb_tokenize(line) == line


# ------------------------------------------------------------------------------------------
# Loading reference timelines
# ------------------------------------------------------------------------------------------

def test_load_reference_timeline():
    ref = load_reference_timeline(FIXTURES / "reference.txt")
    assert ref == {D(2011, 1, 25): ["Protesters march in Cairo ."],
                   D(2011, 1, 28): ["Police fire tear gas ."]}


def test_load_reference_timeline_duplicate_and_empty_dates():
    last = load_reference_timeline(FIXTURES / "duplicates.txt")
    assert last == {D(2011, 2, 1): ["Second block for the same date ."], D(2011, 2, 3): []}
    merged = load_reference_timeline(FIXTURES / "duplicates.txt", duplicates="merge")
    assert merged[D(2011, 2, 1)] == ["First block , first sentence .", "First block , second sentence .",
                                     "Second block for the same date ."]
    with pytest.raises(ValueError):
        load_reference_timeline(FIXTURES / "duplicates.txt", duplicates="first")


# ------------------------------------------------------------------------------------------
# Timeline metrics on a two-date timeline, computed by hand
#
# reference  2011-01-25 Protesters march in Cairo .    -> protest march cairo
#            2011-01-28 Police fire tear gas .          -> polic fire tear ga
# system     2011-01-25 Thousands march in Cairo .      -> thousand march cairo
#            2011-01-29 Police fire water cannons .     -> polic fire water cannon
# ------------------------------------------------------------------------------------------

@pytest.fixture
def pair():
    return (load_reference_timeline(FIXTURES / "system.txt"),
            load_reference_timeline(FIXTURES / "reference.txt"))


def test_concat_by_hand(pair):
    system, reference = pair
    scores = concat_rouge(system, [reference])
    # unigrams: march cairo polic fire shared, 7 on each side
    assert scores["rouge_1"] == approx({"precision": 4 / 7, "recall": 4 / 7, "f1": 4 / 7})
    # bigrams run across dates: (march cairo) (cairo polic) (polic fire) shared, 6 on each side
    assert scores["rouge_2"] == approx({"precision": 0.5, "recall": 0.5, "f1": 0.5})


def test_agreement_by_hand(pair):
    system, reference = pair
    scores = agreement_rouge(system, [reference])
    # only 2011-01-25 is in both: 2 unigram hits, 1 bigram hit; denominators count all dates
    assert scores["rouge_1"] == approx({"precision": 2 / 7, "recall": 2 / 7, "f1": 2 / 7})
    assert scores["rouge_2"] == approx({"precision": 1 / 5, "recall": 1 / 5, "f1": 1 / 5})


def test_align_m1_by_hand(pair):
    system, reference = pair
    scores = align_m1_rouge(system, [reference])
    # 01-29 aligns with 01-28 (cost (1 - 1/2) * (1 - 0.5) = 0.25, raw-token F1 of
    # {Police fire water cannons} and {Police fire tear gas} is 0.5) rather than with 01-25
    # (cost (1 - 1/5) * (1 - 0) = 0.8); its two unigram hits count 1/2 each, so
    # P = R = (2 + 2/2) / 7, and for bigrams (1 + 1/2) / 5.
    assert scores["rouge_1"] == approx({"precision": 3 / 7, "recall": 3 / 7, "f1": 3 / 7})
    assert scores["rouge_2"] == approx({"precision": 0.3, "recall": 0.3, "f1": 0.3})


def test_date_f1_by_hand(pair):
    system, reference = pair
    assert date_f1(system, [reference]) == approx({"precision": 0.5, "recall": 0.5, "f1": 0.5})


def test_score_timeline_gathers_the_metrics(pair):
    system, reference = pair
    scores = score_timeline(system, [reference])
    assert list(scores) == list(METRICS)
    assert scores["align_m1"] == align_m1_rouge(system, [reference])
    assert scores["date"]["f1"] == approx(0.5)
    # one reference may be passed bare, prepared timelines are accepted as they are
    assert score_timeline(prepare_timeline(system), prepare_timeline(reference)) == scores
    assert score_timeline(system, [reference], metrics=["date"]) == {"date": scores["date"]}
    with pytest.raises(ValueError):
        score_timeline(system, [reference], metrics=["bleu"])


def test_identical_timelines_score_one(pair):
    _, reference = pair
    scores = score_timeline(reference, [reference])
    for metric in ("concat", "agreement", "align_m1"):
        for measure in ("rouge_1", "rouge_2"):
            assert scores[metric][measure]["f1"] == approx(1.0)
    assert scores["date"]["f1"] == 1.0


def test_alignment_follows_content_between_equally_distant_dates():
    reference = {D(2020, 1, 1): ["Rebels seize the airport ."],
                 D(2020, 1, 3): ["Parliament votes on the budget ."]}
    system = {D(2020, 1, 2): ["Parliament votes on the budget ."]}
    scores = align_m1_rouge(system, [reference])
    # both reference dates are a day away; content picks 2020-01-03, whose 3 tokens
    # (parliament vote budget) hit with weight 1/2; recall divides by all 6 reference tokens
    assert scores["rouge_1"]["precision"] == approx(0.5)
    assert scores["rouge_1"]["recall"] == approx(1.5 / 6)
    # the content cost compares raw tokens, case kept: in capitals the summary shares nothing
    # with either date, the two costs tie at 0.5, and the tie goes to the earlier date, whose
    # ROUGE hits (stemmed, lowercased) are none
    shouted = {D(2020, 1, 2): ["PARLIAMENT VOTES ON THE BUDGET ."]}
    assert align_m1_rouge(shouted, [reference])["rouge_1"]["precision"] == 0.0


def test_several_references_sum_hits_like_tilse_groundtruth(pair):
    system, reference = pair
    scores = concat_rouge(system, [reference, reference])
    assert scores["rouge_1"]["precision"] == approx(8 / 14)
    assert scores["rouge_1"]["recall"] == approx(8 / 14)
    assert date_f1(system, [reference, {D(2011, 1, 29): ["x"]}])["recall"] == approx(2 / 3)


def test_empty_system_scores_zero(pair):
    _, reference = pair
    scores = score_timeline({}, [reference])
    assert scores["align_m1"]["rouge_1"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert scores["concat"]["rouge_2"]["f1"] == 0.0
    assert scores["date"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    with pytest.raises(ValueError):
        score_timeline({}, [])


def test_prepared_timeline_accepts_datetimes_strings_and_raw_text():
    tl = PreparedTimeline({"2011-01-25": ["Egypt's protests grow."],
                           dt.datetime(2011, 1, 25, 18, 30): ["More (many) march."]}, tokenize=True)
    assert tl.dates == [D(2011, 1, 25)]
    assert tl.timeline[D(2011, 1, 25)] == ["Egypt 's protests grow .", "More -LRB- many -RRB- march ."]
    assert len(tl) == 1


def test_average_scores_averages_precision_and_recall_then_computes_f():
    a = {"date": {"precision": 1.0, "recall": 0.2, "f1": f_score(1.0, 0.2)},
         "concat": {"rouge_1": {"precision": 0.4, "recall": 0.4, "f1": 0.4}}}
    b = {"date": {"precision": 0.0, "recall": 0.6, "f1": 0.0},
         "concat": {"rouge_1": {"precision": 0.2, "recall": 0.0, "f1": 0.0}}}
    avg = average_scores([a, b])
    assert avg["date"] == approx({"precision": 0.5, "recall": 0.4, "f1": 2 * 0.5 * 0.4 / 0.9})
    assert avg["concat"]["rouge_1"] == approx({"precision": 0.3, "recall": 0.2, "f1": 0.24})
    with pytest.raises(ValueError):
        average_scores([])


# ------------------------------------------------------------------------------------------
# Cross-check against tilse 0.2.1 (rouge_computation="reimpl") on the T17 and Crisis references
# ------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def tls_references() -> dict[str, list[tuple[str, dict]]]:
    """{"t17/h1n1": [(file name, timeline), ...], ...}; skipped where the data is absent."""
    if not TLS_DATA.is_dir():
        pytest.skip("../shared/data/tls is not present")
    refs: dict[str, list[tuple[str, dict]]] = {}
    for path in sorted(TLS_DATA.glob("*/*/timelines/*.txt")):
        topic = f"{path.parents[2].name}/{path.parents[1].name}"
        refs.setdefault(topic, []).append((path.name, load_reference_timeline(path)))
    if not refs:
        pytest.skip("no reference timelines under ../shared/data/tls")
    return refs


def _article_system(topic_dir: Path, reference: dict, rng: random.Random) -> dict:
    """A PUBCOUNT-like system: for half the reference's dates, the first sentences published that day."""
    by_date: dict[D, list[str]] = {}
    csv.field_size_limit(1 << 30)
    with open(topic_dir / "articles.csv", encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.DictReader(fh):
            try:
                day = D.fromisoformat(row["date"][:10])
            except ValueError:
                continue
            sents = [s.strip() for s in row["text"].splitlines() if 6 <= len(s.split()) <= 50]
            by_date.setdefault(day, []).extend(sents[:3])
    dates = sorted(reference)
    chosen = sorted(rng.sample(dates, max(1, len(dates) // 2)))
    system = {}
    for day in chosen:
        near = min(by_date, key=lambda d: (abs((d - day).days), d)) if by_date else None
        if near is not None and by_date[near]:
            system[near] = by_date[near][:2]
    return system


def _cross_check_pairs(refs: dict[str, list[tuple[str, dict]]]) -> list[tuple[str, dict, list[dict]]]:
    """(description, system timeline, reference timelines): 50-odd varied, realistic pairs."""
    rng = random.Random(2020)
    pairs = []
    # one journalist's timeline as the system against another's for the same topic
    for topic, items in refs.items():
        if len(items) < 2:
            continue
        for k, (name, ref) in enumerate(items):
            other_name, other = items[(k + 1) % len(items)]
            pairs.append((f"{topic}: {other_name} vs {name}", other, [ref]))
    # perturbations of each T17 reference
    for topic, items in refs.items():
        if not topic.startswith("t17/"):
            continue
        for name, ref in items:
            dates = sorted(ref)
            subset = {d: ref[d][:1] for d in rng.sample(dates, max(1, len(dates) // 3))}
            shifted: dict = {}
            for d, sents in ref.items():
                shifted.setdefault(d + dt.timedelta(days=rng.randint(-3, 3)), []).extend(sents)
            dropped = {d: [" ".join(w for i, w in enumerate(s.split()) if i % 3) for s in sents]
                       for d, sents in ref.items() if rng.random() < 0.7}
            pairs += [(f"{topic}/{name}: a third of the dates, first sentences", subset, [ref]),
                      (f"{topic}/{name}: dates shifted by up to 3 days", shifted, [ref]),
                      (f"{topic}/{name}: dates and words dropped", dropped, [ref])]
            articles = TLS_DATA / topic / "articles.csv"
            if articles.is_file():
                pairs.append((f"{topic}/{name}: sentences from the articles",
                              _article_system(articles.parent, ref, rng), [ref]))
    # several references at once (tilse's GroundTruth of several timelines)
    for topic in ("crisis/syria", "t17/h1n1"):
        if len(refs.get(topic, [])) >= 3:
            (name, system), *others = refs[topic]
            pairs.append((f"{topic}: {name} vs all the others", system, [r for _, r in others]))
    return [p for p in pairs if p[1]]


# Words of invented news sentences: stop words, names, numbers, hyphenated and inflected forms,
# punctuation, so that tokenizing, stemming and stop-word removal are all exercised.
_WORDS = ("the a of in on to and said says were was has have had will would not ministers minister "
          "farmers farmer's dam dams river Veldra Ostmark Kessel Torvik flood floods flooded flooding "
          "water-board spillway 40 1,200 3.5 percent talks talked agreed agreement signed sign treaty "
          "police cleared road roads protest protesters protested killed injured U.S. $12 million -- "
          "( ) , ; : ' \" ? ! won't it's they're commission report reports reported compensation").split()


def _invented_timeline(rng: random.Random, days: int, start: D) -> dict:
    timeline: dict = {}
    for _ in range(days):
        day = start + dt.timedelta(days=rng.randint(0, 60))
        timeline.setdefault(day, []).extend(
            " ".join(rng.choice(_WORDS) for _ in range(rng.randint(4, 25))) for _ in range(rng.randint(1, 3)))
    return timeline


def _invented_pairs() -> list[tuple[str, dict, list[dict]]]:
    """Timelines of invented sentences: one against another, against a perturbed copy of itself,
    and against several references at once."""
    rng = random.Random(7)
    pairs = []
    for k in range(30):
        start = D(2021, 1, 1) + dt.timedelta(days=rng.randint(0, 300))
        ref = _invented_timeline(rng, rng.randint(3, 15), start)
        other = _invented_timeline(rng, rng.randint(1, 15), start)
        shifted: dict = {}
        for d, sents in ref.items():
            shifted.setdefault(d + dt.timedelta(days=rng.randint(-3, 3)),
                               []).extend(" ".join(w for w in x.split() if rng.random() < 0.7) for x in sents)
        pairs += [(f"invented {k}: another timeline", other, [ref]),
                  (f"invented {k}: dates shifted, words dropped", shifted, [ref])]
        if k % 5 == 0:
            pairs.append((f"invented {k}: several references", other,
                          [ref, _invented_timeline(rng, 8, start), _invented_timeline(rng, 4, start)]))
    return [p for p in pairs if p[1] and all(p[2])]


def test_metrics_equal_tilse_on_invented_timelines():
    """Runs wherever tilse is installed (the test extra installs it): no data set needed."""
    _assert_equal_to_tilse(_invented_pairs())


def test_metrics_equal_tilse_to_three_decimals(tls_references):
    _assert_equal_to_tilse(_cross_check_pairs(tls_references))


def _assert_equal_to_tilse(pairs):
    rouge = pytest.importorskip("tilse.evaluation.rouge")
    tilse_dates = pytest.importorskip("tilse.evaluation.dates")
    from tilse.data.timelines import GroundTruth, Timeline

    evaluator = rouge.TimelineRougeEvaluator(measures={"rouge_1", "rouge_2"}, rouge_computation="reimpl")
    assert len(pairs) >= 20
    worst: dict[tuple, float] = {}
    failures = []
    for description, system, references in pairs:
        ours = score_timeline(system, references)
        pred, truth = Timeline(system), GroundTruth([Timeline(r) for r in references])
        theirs = {
            "concat": evaluator.evaluate_concat(pred, truth),
            "agreement": evaluator.evaluate_agreement(pred, truth),
            "align_m1": evaluator.evaluate_align_date_content_costs_many_to_one(pred, truth),
            "date": {"_": tilse_dates.evaluate_dates(pred, truth)},
        }
        for metric, measures in theirs.items():
            for measure, prf in measures.items():
                mine = ours[metric] if metric == "date" else ours[metric][measure]
                for key, our_key in (("precision", "precision"), ("recall", "recall"), ("f_score", "f1")):
                    diff = abs(prf[key] - mine[our_key])
                    worst[metric, measure, key] = max(worst.get((metric, measure, key), 0.0), diff)
                    if diff >= 5e-4:
                        failures.append(f"{description}: {metric} {measure} {key} "
                                        f"tilse {prf[key]:.5f} ours {mine[our_key]:.5f}")
    assert not failures, "\n".join(failures[:20])
    assert worst  # every metric was compared


def test_loader_equals_tilse_timeline_from_file(tls_references):
    pytest.importorskip("tilse.evaluation.rouge")
    from tilse.data.timelines import Timeline

    for path in sorted(TLS_DATA.glob("*/*/timelines/*.txt")):
        with open(path, encoding="utf-8") as fh:
            theirs = Timeline.from_file(fh).dates_to_summaries
        # tilse keeps a date's missing or blank lines as "" sentences, which score nothing
        assert load_reference_timeline(path) == {d: [s for s in v if s] for d, v in theirs.items()}, path


def test_porter_stem_equals_nltk_on_every_reference_token(tls_references):
    nltk_porter = pytest.importorskip("nltk.stem.porter")
    stemmer = nltk_porter.PorterStemmer()
    words = {w.lower() for items in tls_references.values() for _, tl in items
             for sents in tl.values() for s in sents for w in s.split()}
    mismatches = {w: (stemmer.stem(w), porter_stem(w)) for w in words if stemmer.stem(w) != porter_stem(w)}
    assert not mismatches


# ------------------------------------------------------------------------------------------
# Undoing the data sets' tokenization (storyline.evaluate.tls_data.detokenize)
# ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("tokenized, expected", [
    ("The mayor -LRB- who was re-elected -RRB- said it wo n't close .",
     "The mayor (who was re-elected) said it won't close."),
    ("`` We 're staying , '' she said ; `` they 've gone ! ''",
     "\"We're staying,\" she said; \"they've gone!\""),
    ("He called it ` a farce ' : I 'd agree , and I 'm sure you 'll too ?",
     "He called it 'a farce': I'd agree, and I'm sure you'll too?"),
    ("Prices rose 4 % to $ 12 -LSB- sic -RSB- -LCB- x -RCB- in 2\\/3 of towns",
     "Prices rose 4% to $12 [sic] {x} in 2/3 of towns"),
    ("The ferry left at 9 p.m. -- an hour late -- for the U.S. .",
     "The ferry left at 9 p.m. -- an hour late -- for the U.S."),
    ("the farmers ' union met the mill - owners", "the farmers' union met the mill - owners"),
    ("a river port , \" the captain said .", "a river port,\" the captain said."),
    ("He said \" go home \" and left .", "He said \"go home\" and left."),
    ("I 'm gon na stay", "I'm gonna stay"),
])
def test_detokenize(tokenized, expected):
    assert detokenize(tokenized) == expected


def test_detokenize_keeps_lines_and_joins_split_hyphens_only_when_asked():
    text = "A cease - fire began .\n\nThe town , rebel - held , fell -- quickly ."
    assert detokenize(text) == "A cease - fire began.\n\nThe town, rebel - held, fell -- quickly."
    assert detokenize(text, join_hyphens=True) == "A cease-fire began.\n\nThe town, rebel-held, fell -- quickly."


@pytest.mark.parametrize("text", [
    "The dam's gates (four of six) closed on Tuesday, officials said.",
    "\"It isn't over,\" the minister said; \"we'll talk again in May.\"",
    "About 40% of the $3.5 billion fund went to Torvik's flood defences.",
    "She asked: 'Who pays?'",
])
def test_detokenize_undoes_ptb_tokenize(text):
    assert detokenize(ptb_tokenize(text)) == text


def test_loaders_hand_the_pipeline_detokenized_text(tmp_path):
    t17 = tmp_path / "t17" / "dam"
    (t17 / "timelines").mkdir(parents=True)
    (t17 / "articles.csv").write_text(
        'date,text\n2023-09-18,"The river port -LRB- Torvik -RRB- did n\'t flood .\nIt \'s dry ."\n', encoding="utf-8")
    raw = raw_documents(load_topic(t17))[0]
    assert raw.content == "The river port (Torvik) didn't flood.\nIt's dry."
    assert raw.given == {"published": "2023-09-18"}

    crisis = tmp_path / "crisis" / "dam"
    (crisis / "timelines").mkdir(parents=True)
    sentences = repr(["Talks on the cease - fire resumed Monday .", "`` No , '' he said ."])
    with (crisis / "sentences_by_date.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["time", "Sentences"], ["2023-09-19", sentences]])
    doc = crisis_documents(load_topic(crisis))[0]
    assert doc.text == "Talks on the cease-fire resumed Monday.\n\n\"No,\" he said."
    assert doc.published == D(2023, 9, 19)
