"""The EventStoryLine converter (benchmarks/timex/eventstoryline.py) on an invented CAT XML
document: text of the annotated sentences, spans without a leading preposition, values as
given, the DCT-marked expression as the creation time, and the fixed topic split."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from storyline.evaluate.timex import load_timeml

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "timex"


def _load():
    spec = importlib.util.spec_from_file_location("eventstoryline_convert", BENCH / "eventstoryline.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


esl = _load()

WORDS = [  # (sentence, word)
    (0, "http"), (0, ":"), (0, "/"), (0, "/"), (0, "veldra"), (0, "."), (0, "example"),
    (1, "Ostmark"), (1, "dam"), (1, "opens"),
    (2, "March"), (2, "4"), (2, ","), (2, "2011"),
    (3, "The"), (3, "Kessel"), (3, "council"), (3, "voted"), (3, "on"), (3, "Tuesday"), (3, "after"),
    (3, "a"), (3, "90"), (3, "-"), (3, "day"), (3, "review"), (3, "at"), (3, "3"), (3, ":"), (3, "30"),
    (3, "a"), (3, "."), (3, "m"), (3, "."),
    (4, "Nothing"), (4, "here"), (4, "was"), (4, "annotated"), (4, "in"), (4, "2010"), (4, "."),
]


def _cat_xml() -> str:
    tokens = "".join(f'<token t_id="{i}" sentence="{s}" number="{i}">{w}</token>\n'
                     for i, (s, w) in enumerate(WORDS, 1))

    def anchors(*ids: int) -> str:
        return "".join(f'<token_anchor t_id="{i}"/>' for i in ids)

    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<Document doc_name="3_1ecbplus.xml">\n{tokens}<Markables>\n'
            f'<ACTION_OCCURRENCE m_id="1">{anchors(10)}</ACTION_OCCURRENCE>\n'
            f'<TIME_DATE m_id="2" DCT="TRUE" value="2011-03-04">{anchors(11, 12, 13, 14)}</TIME_DATE>\n'
            f'<TIME_DATE m_id="3" DCT="FALSE" value="2011-03-01">{anchors(19, 20)}</TIME_DATE>\n'
            f'<TIME_DURATION m_id="4" value="P90D">{anchors(23, 24, 25)}</TIME_DURATION>\n'
            f'<TIME_DATE m_id="5" RELATED_TO="" TAG_DESCRIPTOR="t3_tuesday" value=""/>\n'
            '</Markables>\n</Document>\n')


def test_converts_one_document(tmp_path):
    src = tmp_path / "3_1ecbplus.xml.xml"
    src.write_text(_cat_xml(), encoding="utf-8")
    tml, n = esl.convert(src)
    assert n == 3
    out = tmp_path / "3_1ecbplus.tml"
    out.write_text(tml, encoding="utf-8")
    doc = load_timeml(out)
    assert doc.id == "3_1ecbplus"
    assert str(doc.dct) == "2011-03-04"
    assert doc.text.splitlines() == ["Ostmark dam opens", "March 4, 2011",
                                     "The Kessel council voted on Tuesday after a 90-day review at 3:30 a.m."]
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("March 4, 2011", "DATE", "2011-03-04"), ("Tuesday", "DATE", "2011-03-01"), ("90-day", "DURATION", "P90D")]


@pytest.mark.parametrize("topic, split", [("1", "tune"), ("41", "tune"), ("4", "heldout"), ("30", "heldout")])
def test_topic_split_is_by_parity(topic, split):
    assert esl.split_of(topic) == split


def test_refuses_to_write_inside_the_repository(tmp_path):
    with pytest.raises(SystemExit):
        esl.main([str(tmp_path), str(BENCH / "converted")])
