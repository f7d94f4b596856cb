"""The HTML path starts from trafilatura's default extraction with tables and never keeps much
less than it: tables stay, a text the line analysis would cut to almost nothing stands whole
(with the reason recorded), and prose in another language is not read with English cues."""

import pytest
from clean_pages import check_invariants, paragraphs, reasons

from storyline.clean import CleanError, FALLBACK_REASON, clean_html
from storyline.clean.analysis import analyse
from storyline.clean.language import is_english
from storyline.config import DEFAULT_CLEAN

HEAD = ("<html><head><title>{title}</title></head><body><nav><ul><li><a href='/'>Home</a></li>"
        "<li><a href='/news'>News</a></li></ul></nav><article><h1>{title}</h1>")
END = "</article><footer><p>\u00a9 2024 Amsel Courier. All rights reserved.</p></footer></body></html>"

GAUGES = [("Kessel", "412 cm", "rising"), ("Torvik", "388 cm", "steady"), ("Brenn", "290 cm", "falling"),
          ("Ostfeld", "305 cm", "rising")]
TABLE_PAGE = (HEAD.format(title="Amsel river levels this morning")
              + "<p>The water board measured the Amsel at four gauges at six o'clock this morning.</p>"
              + "<table><thead><tr><th>Gauge</th><th>Level</th><th>Trend</th></tr></thead><tbody>"
              + "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in GAUGES)
              + "</tbody></table><p>The next readings will be published at noon.</p>" + END)

STORY = ["The council of Kessel approved the new harbour budget on Monday after a debate that lasted most "
         "of the day.",
         "Fishermen had asked for a second quay because the old one floods every spring and boats wait for days.",
         "The budget sets aside money for the quay, a fuel depot and a small market hall near the ferry landing.",
         "Work is due to start in the autumn, when the fishing season ends, and should take two years."]
NOTICE = "This article may be reprinted free of charge with a link to the Amsel Courier and the author's name."
# The story sits in a bordered box, which trafilatura's precision mode discards as page furniture.
NOTICE_PAGE = (HEAD.format(title="Kessel approves harbour budget")
               + "<div class='story-text' style='border-left: 1px solid #ddd'>"
               + "".join(f"<p>{p}</p>" for p in STORY) + f"</div><p>{NOTICE}</p>" + END)

STEPS = [f"{step} in the {place}" for step in
         ("Pack a torch with spare batteries", "Fill two bottles of drinking water per person",
          "Keep copies of papers in a sealed bag", "Move the car to the upper town car park",
          "Put sandbags in front of cellar windows", "Switch off the power at the main fuse",
          "Take medicines for three days", "Write down the numbers of your neighbours")
         for place in ("lower town", "harbour quarter")]
LIST_PAGE = (HEAD.format(title="Sixteen things to do before the flood")
             + "<h2>Before the water comes</h2><ul>" + "".join(f"<li>{s}</li>" for s in STEPS[:8]) + "</ul>"
             + "<h2>When the sirens sound</h2><ul>" + "".join(f"<li>{s}</li>" for s in STEPS[8:]) + "</ul>" + END)

GERMAN = ["Die alte Schleuse bei Kessel wird ab dem Frühjahr erneuert und bleibt dafür zwei Jahre lang geschlossen.",
          "Schiffe müssen in dieser Zeit den Umweg über den Kanal bei Torvik nehmen, der etwa drei Stunden "
          "länger dauert.",
          "Welche Fragen die Anwohner im Rathaus zur Sperrung der Brücke über den Fluss stellen wollen",
          "Der Wasserverband rechnet mit Kosten von rund vierzig Millionen Euro, die zur Hälfte vom Land "
          "getragen werden.",
          "Die Anwohner werden im März bei einer Versammlung im Rathaus über die Bauarbeiten informiert."]
GERMAN_PAGE = (HEAD.format(title="Die Schleuse bei Kessel wird erneuert")
               + "".join(f"<p>{p}</p>" for p in GERMAN) + END)


def test_a_table_article_keeps_its_table():
    r = clean_html(TABLE_PAGE)
    check_invariants(r)
    for gauge, level, trend in GAUGES:
        assert f"| {gauge} | {level} | {trend} |" in paragraphs(r)
    assert paragraphs(r)[0].startswith("The water board measured")
    assert paragraphs(r)[-1] == "The next readings will be published at noon."


def test_a_page_precision_extraction_cuts_to_a_notice_keeps_its_article():
    import trafilatura

    precise = trafilatura.extract(NOTICE_PAGE, favor_precision=True, fast=True) or ""
    assert NOTICE in precise and STORY[0] not in precise  # what the precision pass alone keeps
    r = clean_html(NOTICE_PAGE)
    check_invariants(r)
    assert paragraphs(r)[:4] == STORY


def test_a_list_article_is_kept_whole_with_the_reason():
    """No line of a list of steps reads as a sentence: the line analysis finds no article, so
    trafilatura's default text stands and the result says why."""
    r = clean_html(LIST_PAGE)
    body = paragraphs(r)
    assert [f"- {s}" for s in STEPS] == [p for p in body if p.startswith("- ")]
    assert "When the sirens sound" in body
    notes = [x.reason for x in r.removed if x.reason.startswith(FALLBACK_REASON)]
    assert len(notes) == 1 and "kept 0 of the" in notes[0]


def test_no_fallback_when_the_line_analysis_keeps_the_article():
    r = clean_html(TABLE_PAGE)
    assert not any(x.reason.startswith(FALLBACK_REASON) for x in r.removed)


def test_the_fallback_share_is_a_parameter():
    from dataclasses import replace

    with pytest.raises(CleanError):
        clean_html(LIST_PAGE, params=replace(DEFAULT_CLEAN, default_kept_share=0.0))


def test_prose_in_another_language_is_not_taken_for_a_menu():
    r = clean_html(GERMAN_PAGE)
    check_invariants(r)
    assert paragraphs(r) == GERMAN
    assert "navigation" not in reasons(r).values()


def test_english_cues_still_apply_to_english_text():
    menu = "Home World Business Markets Technology Science Health Sport Culture Travel Weather Video Podcasts"
    text = "\n".join([STORY[0], STORY[1], menu, STORY[2], STORY[3]])
    found = analyse(text, from_html=True)
    assert menu not in found.kept
    assert is_english(text, DEFAULT_CLEAN.english_min_share)
    assert not is_english("\n".join(GERMAN), DEFAULT_CLEAN.english_min_share)


def test_a_body_printed_three_times_is_kept_once_without_falling_back():
    """Later copies of the story are a named removal (``repeated``), not a loss of text."""
    copy = "".join(f"<p>{p}</p>" for p in STORY)
    html = (HEAD.format(title="Kessel approves harbour budget") + copy
            + "<div class='print-version'>" + copy + "</div><div class='amp-version'>" + copy + "</div>" + END)
    r = clean_html(html)
    check_invariants(r)
    assert paragraphs(r) == STORY
    assert sum(x.reason == "repeated" for x in r.removed) == 2 * len(STORY)
    assert not any(x.reason.startswith(FALLBACK_REASON) for x in r.removed)
