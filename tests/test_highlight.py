"""Search matches become offsets into plain text; markup never comes from SQLite or the article."""

from storyline.highlight import parse_marked
from storyline.model import Highlighted


def test_markers_become_offsets_into_the_plain_text():
    h = parse_marked("a \x02dam\x03 on the \x02Aran\x03 river")
    assert h.text == "a dam on the Aran river" and [h.text[s:e] for s, e in h.matches] == ["dam", "Aran"]
    assert h.segments() == [("a ", False), ("dam", True), (" on the ", False), ("Aran", True), (" river", False)]


def test_article_text_that_looks_like_markup_stays_text():
    h = parse_marked("<mark>x</mark> \x02<script>\x03")
    assert h.text == "<mark>x</mark> <script>" and h.segments()[-1] == ("<script>", True)


def test_stray_markers_are_dropped():
    assert parse_marked("a\x03b\x02c") == Highlighted("abc", [])
    assert parse_marked("\x02\x03x") == Highlighted("x", [])
    assert parse_marked(None) == Highlighted("", [])
    assert Highlighted("abcdef", [(1, 3), (2, 5)]).segments() == [("a", False), ("bc", True), ("de", True), ("f", False)]
