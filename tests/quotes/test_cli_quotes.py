"""``storyline quotes`` and ``storyline eval quotes``: the JSON contract, files written, errors."""

import json

import pytest
from typer.testing import CliRunner

from storyline import nlp
from storyline.cli import app

runner = CliRunner()
needs_model = pytest.mark.skipif(nlp.unavailable() is not None, reason="the English pipeline is not installed")
TEXT = "Lena Hart visited the plant.\r\n\r\n“Production doubles next year,” she said.\n"


@needs_model
def test_json_contract_with_offsets_into_the_file(tmp_path):
    path = tmp_path / "plant.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    result = runner.invoke(app, ["quotes", str(path), "--format", "json", "--published", "2024-03-01"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["quotes"] and len(data["quotes"]) == 1
    q = data["quotes"][0]
    assert set(q) == {"start", "end", "text", "direct", "cue", "speaker"}
    assert TEXT[q["start"]:q["end"]] == q["text"] == "“Production doubles next year,”"
    assert q["direct"] is True
    assert set(q["cue"]) == {"start", "end", "text"} and TEXT[q["cue"]["start"]:q["cue"]["end"]] == "said"
    assert set(q["speaker"]) == {"start", "end", "text", "entity", "kind"}
    assert q["speaker"]["text"] == "she" and q["speaker"]["entity"] == "Lena Hart"


@needs_model
def test_out_dir_gets_one_file_per_text_and_unreadable_files_are_skipped(tmp_path):
    good = tmp_path / "plant.txt"
    good.write_text(TEXT, encoding="utf-8")
    bad = tmp_path / "latin.txt"
    bad.write_bytes("caf\xe9 said".encode("latin-1"))
    out = tmp_path / "out"
    result = runner.invoke(app, ["quotes", str(bad), str(tmp_path / "missing.txt"), str(good), "--out", str(out)])
    assert result.exit_code == 0
    said = " ".join(result.stderr.split())  # the console wraps long lines
    assert f"skipped {bad}: not UTF-8 text" in said
    assert f"skipped {tmp_path / 'missing.txt'}: cannot read" in said
    assert [p.name for p in out.iterdir()] == ["plant.json"]
    assert json.loads((out / "plant.json").read_text(encoding="utf-8"))["quotes"][0]["direct"] is True


def test_a_bad_published_date_is_refused(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["quotes", str(path), "--published", "2024-13-40"])
    assert result.exit_code == 2 and "not a date" in result.stderr


def test_a_missing_model_is_a_clear_error(tmp_path, monkeypatch):
    from storyline import api
    monkeypatch.setattr(api, "quotes_unavailable", lambda: "spaCy is not installed")
    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["quotes", str(path)])
    assert result.exit_code == 2 and "spaCy is not installed" in result.stderr


@needs_model
def test_eval_quotes_on_an_invented_folder(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    text = "“The dam holds,” the engineer said."
    (tmp_path / "text" / "dam.txt").write_text(text, encoding="utf-8")
    (tmp_path / "attributions" / "dam_a1.ann").write_text(
        "T1\tSource 17 29\tthe engineer\nT2\tContent 0 16\tx\nE1\tAttribution:T3 Source:T1 Content:T2\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "quotes", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["direct"]["f"] == 1.0 and scores["direct"]["right_speaker"] == 1.0 and scores["articles"] == 1
    empty = runner.invoke(app, ["eval", "quotes", str(tmp_path / "text")])
    assert empty.exit_code == 2
