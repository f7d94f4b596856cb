"""The resolver reads English only: a text in another language gets no mentions."""

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.timex import find_mentions

ANCHOR = dt.date(2021, 3, 5)
ENGLISH = "The council met on Friday and will vote again in May."


def test_unknown_language_reads_the_text_as_english():
    assert [m.text for m in find_mentions(ENGLISH, ANCHOR)] == ["Friday", "May"]
    assert find_mentions(ENGLISH, ANCHOR, language=None) == find_mentions(ENGLISH, ANCHOR)


@pytest.mark.parametrize("code", ["en", "EN", "en-GB", "en_US"])
def test_english_codes_read_the_text(code):
    assert [m.text for m in find_mentions(ENGLISH, ANCHOR, language=code)] == ["Friday", "May"]


@pytest.mark.parametrize("code, text", [
    ("de", "Der Rat tagte am Freitag, 5. März 2021, und stimmt im May Hotel 2022 erneut ab."),
    ("es", "El consejo se reunió el viernes y votará de nuevo en 2022 con Ana May."),
    ("fr", "Le conseil se réunira en 2022, a déclaré Theresa May lundi."),
])
def test_another_language_gets_no_mentions(code, text):
    assert find_mentions(text, ANCHOR) != []  # read as English, look-alikes would be tagged
    assert find_mentions(text, ANCHOR, language=code) == []


def test_the_command_takes_the_language():
    runner = CliRunner()
    text = "Le conseil se réunira en 2022, a déclaré Theresa May lundi."
    english = runner.invoke(app, ["timex", "--text", ENGLISH, "--anchor", "2021-03-05", "-f", "json", "--language", "en"])
    assert english.exit_code == 0, english.output
    assert [t["text"] for t in json.loads(english.stdout)["timexes"]] == ["Friday", "May"]
    french = runner.invoke(app, ["timex", "--text", text, "--anchor", "2021-03-05", "-f", "json", "--language", "fr"])
    assert french.exit_code == 0, french.output
    assert json.loads(french.stdout)["timexes"] == []


def test_the_command_refuses_a_language_that_is_no_code():
    result = CliRunner().invoke(app, ["timex", "--text", ENGLISH, "--language", "English"])
    assert result.exit_code != 0
    assert "ISO 639-1" in result.output
