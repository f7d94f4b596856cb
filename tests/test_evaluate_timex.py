"""TempEval-3 style scoring and the TimeML reader, on small documents written by hand, and
the two hand-annotated sets shipped with the timex benchmark."""

import datetime as dt
from pathlib import Path

import pytest

from storyline.evaluate.timex import load_timeml_dir, parse_timeml, score_timexes

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>veldra-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-03-08" functionInDocument="CREATION_TIME">2024-03-08</TIMEX3></DCT>
<TEXT>
Veldra &amp; Ostmark met <TIMEX3 tid="t1" type="DATE" value="2024-03-05">Tuesday</TIMEX3> for <EVENT eid="e1">talks</EVENT>
lasting <TIMEX3 tid="t2" type="DURATION" value="P2D" mod="APPROX">about two days</TIMEX3>.<TIMEX3 tid="t3" type="DATE" value="" />
They meet again <TIMEX3 tid="t4" type="DATE" value="">next month</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_timeml_reader_gives_plain_text_offsets_dct_and_empty_values():
    doc = parse_timeml(TML)
    assert doc.id == "veldra-1"
    assert doc.dct == dt.date(2024, 3, 8)
    assert "<" not in doc.text and "Veldra & Ostmark met Tuesday for talks" in doc.text
    assert [(t.text, t.type, t.value, t.mod) for t in doc.timexes] == [
        ("Tuesday", "DATE", "2024-03-05", None),
        ("about two days", "DURATION", "P2D", "APPROX"),
        ("next month", "DATE", None, None),  # an empty value: it needs an anchor
    ]
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text  # the empty, non-consuming tag is skipped


def test_timeml_without_text_is_an_error_naming_the_document():
    with pytest.raises(ValueError, match="veldra-2"):
        parse_timeml("<TimeML><DOCID>veldra-2</DOCID></TimeML>")


def test_scores_by_hand():
    gold = [
        {"start": 0, "end": 7, "type": "DATE", "value": "2024-03-05"},          # exact, right value
        {"start": 20, "end": 34, "type": "DURATION", "value": "P2D"},           # overlap, right value
        {"start": 50, "end": 60, "type": "DATE", "value": "2024-04"},           # exact, wrong value
        {"start": 70, "end": 80, "type": "SET", "value": "P1W"},                # missed
    ]
    predicted = [
        {"start": 0, "end": 7, "type": "DATE", "value": "2024-03-05"},
        {"start": 26, "end": 34, "type": "DURATION", "value": "P2D"},
        {"start": 50, "end": 60, "type": "DATE", "value": "2024-05"},
        {"start": 90, "end": 95, "type": "DATE", "value": "2024"},              # spurious
    ]
    s = score_timexes([(gold, predicted)])
    assert s["strict_p"] == pytest.approx(2 / 4) and s["strict_r"] == pytest.approx(2 / 4)
    assert s["relaxed_p"] == pytest.approx(3 / 4) and s["relaxed_r"] == pytest.approx(3 / 4)
    assert s["relaxed_f1"] == pytest.approx(0.75)
    assert s["type_accuracy"] == pytest.approx(1.0)
    assert s["value_accuracy"] == pytest.approx(2 / 3)
    assert s["value_f1"] == pytest.approx(0.75 * 2 / 3)


def test_counts_are_pooled_over_documents_and_each_span_is_used_once():
    gold_a = [{"start": 0, "end": 10, "type": "DATE", "value": "2024"}]
    pred_a = [{"start": 0, "end": 4, "type": "DATE", "value": "2024"},
              {"start": 5, "end": 10, "type": "DATE", "value": "2024"}]  # two predictions, one gold
    gold_b = [{"start": 3, "end": 8, "type": "TIME", "value": "2024-03-05T10:00"}]
    s = score_timexes([(gold_a, pred_a), (gold_b, [])])
    assert s["relaxed_p"] == pytest.approx(1 / 2) and s["relaxed_r"] == pytest.approx(1 / 2)
    assert s["strict_f1"] == 0.0


BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "timex"


@pytest.mark.parametrize("folder, expected", [("gold", 580), ("heldout", 259)])
def test_the_hand_annotated_sets_load_with_consistent_spans(folder, expected):
    docs = load_timeml_dir(BENCH / folder)
    assert sum(len(d.timexes) for d in docs) == expected
    for doc in docs:
        spans = [(t.start, t.end) for t in doc.timexes]
        assert spans == sorted(spans)
        assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))
        for t in doc.timexes:
            assert t.type in ("DATE", "TIME", "DURATION", "SET")
            assert t.text == t.text.strip() and t.text
            assert t.value is not None or doc.dct is None  # only a document without a date leaves values empty


def test_error_classes_from_gold_and_predicted_pairs():
    import datetime as dt

    from storyline.evaluate.timex import ERROR_CLASSES, classify_errors, error_class

    dct = dt.date(2021, 6, 9)

    def t(type_, value, start=0, end=5):
        return {"start": start, "end": end, "type": type_, "value": value}

    assert error_class(t("DATE", "2021-06-08"), t("DATE", "2021-06-08"), dct) is None
    assert error_class(t("DURATION", "P2W"), t("DATE", "2021-06-23"), dct) == "duration_vs_date"
    assert error_class(t("SET", "P1Y"), t("DATE", "2021"), dct) == "convention"
    assert error_class(t("SET", "P1Y"), t("DURATION", "P1Y"), dct) is None  # the value is right
    assert error_class(t("DATE", "PRESENT_REF"), t("DATE", "2021-06-09"), dct) == "convention"
    assert error_class(t("DATE", "2021-06-04"), t("DATE", "2021-06-11"), dct) == "direction"
    assert error_class(t("DATE", "2020-11"), t("DATE", "2021-11"), dct) == "direction"
    assert error_class(t("DATE", "2021-06"), t("DATE", "2021-06-04"), dct) == "other_value"
    assert error_class(t("DATE", "2021-06-04"), t("DATE", "2021-06-11"), None) == "other_value"
    assert error_class(t("DATE", "2021"), None) == "missed" and error_class(None, t("DATE", "2021")) == "spurious"
    gold = [t("DATE", "2021-06-04", 0, 6), t("DURATION", "P3Y", 10, 20)]
    pred = [t("DATE", "2021-06-11", 0, 6), t("DATE", "2024", 12, 20), t("DATE", "2021", 30, 34)]
    counts = classify_errors([(gold, pred, dct), ([t("DATE", "2020")], [], dct)])
    assert list(counts) == list(ERROR_CLASSES)
    assert counts == {"missed": 1, "spurious": 1, "duration_vs_date": 1, "convention": 0, "direction": 1,
                      "other_value": 0}
