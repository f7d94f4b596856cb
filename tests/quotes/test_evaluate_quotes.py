"""The PolNeAR scorer on invented texts and annotations."""

from storyline.evaluate.quotes import GoldQuote, load, matches, parse_ann, pieces, score
from storyline.model import Quote, Speaker, TextSpan

TEXT = "“The dam holds,” the engineer said. Farmers said the water was rising."


def test_parse_ann_reads_pieces_sources_and_directness():
    ann = ("T1\tSource 17 29\tthe engineer\nT2\tCue 30 34\tsaid\nT3\tContent 0 16\t“The dam holds,”\n"
           "T4\tContent 36 43;48 69\tFarmers the water was rising\n"
           "E1\tAttribution:T9 Source:T1 Cue:T2 Content:T3\nE2\tAttribution:T8 Content:T4\n")
    gold = parse_ann(TEXT, ann)
    assert gold[0] == GoldQuote([(0, 16)], [(17, 29)], True)
    assert gold[1] == GoldQuote([(36, 43), (48, 69)], [], False)


def test_a_match_needs_half_of_each_span():
    assert matches((0, 10), [(0, 10)]) == 10
    assert matches((0, 10), [(0, 25)]) == 0      # covers under half of the gold
    assert matches((0, 30), [(0, 12)]) == 0      # the gold is under half of the prediction
    assert matches((0, 20), [(0, 8), (12, 20)]) == 16


def test_scores_count_direct_and_all_and_the_right_speaker():
    gold = [GoldQuote([(0, 16)], [(17, 29)], True), GoldQuote([(44, 69)], [(36, 43)], False)]
    right = Quote(0, 16, TEXT[0:16], True, speaker=Speaker(17, 29, "the engineer"))
    wrong_speaker = Quote(44, 69, TEXT[44:69], False, speaker=Speaker(0, 3, "“Th"))
    spurious = Quote(30, 34, "said", False)
    s = score([(gold, [right, wrong_speaker, spurious])])
    assert s["direct"]["p"] == 1.0 and s["direct"]["r"] == 1.0 and s["direct"]["right_speaker"] == 1.0
    assert s["all"]["p"] == round(2 / 3, 4) and s["all"]["r"] == 1.0 and s["all"]["right_speaker"] == 0.5


def test_one_prediction_matches_one_gold_only():
    gold = [GoldQuote([(0, 10)]), GoldQuote([(0, 10)])]
    s = score([(gold, [Quote(0, 10, "x" * 10, False)])])
    assert s["all"]["r"] == 0.5 and s["all"]["p"] == 1.0


def test_load_uses_the_first_annotator_of_an_article(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "story.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "story_b2.ann").write_text("T1\tContent 0 16\tx\nE1\tAttribution:T2 Content:T1\n",
                                                           encoding="utf-8")
    (tmp_path / "attributions" / "story_a1.ann").write_text("", encoding="utf-8")
    articles = load(tmp_path)
    assert len(articles) == 1 and articles[0].annotator == "a1" and articles[0].gold == []


def test_an_interrupting_attribution_is_not_part_of_the_predicted_content():
    text = "“The dam,” said Ann Lee, an engineer who has watched it for forty years, “holds.”"
    cue, who = text.index("said"), text.index("Ann")
    end = text.index(", “holds")
    quote = Quote(0, len(text), text, True, cue=TextSpan(cue, cue + 4, "said"),
                  speaker=Speaker(who, end, text[who:end]))
    assert [text[a:b] for a, b in pieces(quote)] == ["“The dam,” ", " ", ", “holds.”"]
    assert matches(pieces(quote), [(0, 10), (end + 2, len(text))])  # as PolNeAR marks it
    assert pieces(Quote(0, 9, text[:9], True, speaker=Speaker(0, 3, "“Th"))) == [(0, 9)]  # at an end: kept
