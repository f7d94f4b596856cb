"""The clean stage: plain-text line classifier, metadata from text, and the HTML path.

Fixtures are invented (Veldra, Ostmark, Lena Hartmann...); the seed pages are read through
the ``seeds_dir`` fixture and checked by position and metadata, never by quoting them.
"""

import datetime as dt

import pytest

from storyline.clean import REASONS, CleanError, clean_html, clean_text

BODY = [
    "The governments of Veldra and Ostmark agreed on Tuesday to share the waters of the "
    "Amsel river for thirty years, ending a quarrel that had lasted a generation.",
    "The accord was signed in the border town of Kessel after four years of talks that "
    "stalled twice over the size of a planned dam.",
    "\u201cThis is a good day for both our peoples,\u201d said the Veldran foreign minister, "
    "Jonas Pirel, after the ceremony.",
    "Farmers on both banks have complained for years that the river runs dry in late summer, "
    "and the new accord sets out how much water each side may take in a dry year.",
    "The accord must still be ratified by both parliaments, which are expected to vote on it "
    "before the summer recess.",
]


def page(*blocks: str) -> str:
    """A plain-text page: blocks separated by blank lines."""
    return "\n\n".join(blocks)


def paragraphs(result) -> list[str]:
    return result.text.split("\n\n") if result.text else []


def reasons(result) -> dict[str, str]:
    return {r.text: r.reason for r in result.removed}


def check_invariants(result) -> None:
    """Every removed block has a documented reason and none of it is left in the text.

    A ``repeated`` block is the second copy of something kept, so only it may match the body.
    """
    assert {r.reason for r in result.removed} <= REASONS
    assert result.text == result.text.strip()
    assert "\n\n\n" not in result.text
    body = paragraphs(result)
    for p in body:
        assert p == p.strip() and "\n" not in p
    assert len(body) == len(set(body))
    for r in result.removed:
        if r.reason == "repeated":
            continue
        assert r.text not in body
        if len(r.text) >= 30:
            assert r.text not in result.text


# --- seed pages ---------------------------------------------------------------------------

def seed_lines(seeds_dir, prefix) -> list[str]:
    """The non-blank lines of a raw seed page, for checks by position."""
    path = next(seeds_dir.glob(prefix + "_*"))
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def seed(seeds_dir, prefix):
    path = next(seeds_dir.glob(prefix + "_*"))
    return clean_text(path.read_text(encoding="utf-8"))


def test_seed_000_wire_story_with_byline_line(seeds_dir):
    r = seed(seeds_dir, "000")
    check_invariants(r)
    assert r.title == "Japan, Russia to keep talking territorial issue"
    assert r.published == dt.date(2013, 11, 1)
    assert r.published_time == "08:30-05:00"
    assert r.byline == "Mari Yamaguchi"
    assert (r.dateline, r.source) == ("TOKYO", "AP")
    assert paragraphs(r)[0].startswith("TOKYO (AP)")
    got = reasons(r)
    assert got["iOS app Android app More"] == "navigation"
    assert [r.reason for r in r.removed if r.text.startswith("stumbleupon:")] == ["share"]
    assert "Compare other versions »" in got
    assert len(r.contributors) == 1 and r.contributors[0].endswith("contributed to this report.")
    assert "contributed to this report" not in r.text


def test_seed_001_related_tail_is_dropped(seeds_dir):
    r = seed(seeds_dir, "001")
    check_invariants(r)
    assert r.title == "Japan, Russia agree to expand defense ties"
    assert r.published == dt.date(2013, 11, 2)
    assert r.published_time == "11:16"
    assert (r.dateline, r.source) == ("TOKYO", "AP")
    got = reasons(r)
    assert got["WORLD NEWS"] == "navigation"
    assert [x.reason for x in r.removed if x.text.startswith("(Copyright")] == ["copyright"]
    assert "Princess of Wales" not in r.text and "days ago" not in r.text
    assert "Sponsored" not in r.text
    body = paragraphs(r)
    assert body[0].startswith("TOKYO (AP)")
    raw = seed_lines(seeds_dir, "001")
    assert body[-1] == raw[raw.index("___") - 1]  # the last paragraph before the separator
    # the headline printed again at the very end is a repeat, not body
    assert r.removed[-1].reason == "repeated" and r.removed[-1].text == r.title


def test_seed_002_caption_block_inside_body(seeds_dir):
    r = seed(seeds_dir, "002")
    check_invariants(r)
    assert r.title == "Japan, Russia talk security, territorial dispute"
    assert r.published == dt.date(2017, 3, 20)
    assert (r.dateline, r.source) == ("TOKYO", "AP")
    assert r.removed[0].reason == "navigation" and r.removed[0].text.startswith("navigation-background")
    kinds = [x.reason for x in r.removed]
    assert kinds.count("photo credit") == 2 and kinds.count("caption") == 2
    caption_at = kinds.index("caption")
    assert kinds[caption_at:caption_at + 3] == ["caption", "caption", "photo credit"]
    assert "third from left" not in r.text and "Photo Credit" not in r.text
    assert reasons(r)["Next Article"] == "related"
    body = paragraphs(r)
    assert body[0].startswith("TOKYO \u2014")
    # the paragraph right after the caption block survives
    raw = seed_lines(seeds_dir, "002")
    after_credit = next(raw[i + 1] for i, line in enumerate(raw) if line.startswith("Photo Credit:"))
    assert after_credit in body
    assert len(r.contributors) == 1


def test_seed_003_body_printed_twice(seeds_dir):
    r = seed(seeds_dir, "003")
    check_invariants(r)
    assert r.published is None
    body = paragraphs(r)
    assert len(body) == len(set(body)) == 8
    assert sum(x.reason == "repeated" for x in r.removed) == 7
    assert [x.reason for x in r.removed if x.text == "Compiled from agency reports"] == ["source", "source"]
    assert not r.text.endswith("Compiled from agency reports")


def test_seed_004_agency_line_and_subscription_plea(seeds_dir):
    r = seed(seeds_dir, "004")
    check_invariants(r)
    assert r.published is None
    assert r.source == "Kyodo"
    assert r.removed[0].reason == "source"
    assert [x.reason for x in r.removed[-2:]] == ["subscription", "subscription"]
    assert paragraphs(r)[0] == seed_lines(seeds_dir, "004")[1]  # the paragraph after the agency line
    assert "subscribing" not in r.text


# --- headers: title, byline, date ---------------------------------------------------------

WIRE_PAGE = page(
    "Home World Politics Business Sport",
    "Share this article\nFacebook\nTwitter\nEmail",
    "Veldra and Ostmark agree to share the Amsel river",
    "By Lena Hartmann and Jonas Pirel, Associated Press",
    "Published: March 5, 2024 2:20 PM EST",
    "KESSEL, Veldra (AP) \u2014 " + BODY[0],
    BODY[1],
    "It is the first such deal.",
    BODY[2],
    "Negotiators said the next round of talks would begin on June 12, 2025, in the Ostmark capital.",
    "Photo: Anna Ruiz / Veldra Press Agency",
    "Advertisement",
    BODY[3],
    BODY[4],
    "Associated Press writer Tomas Brandt in Ostmark contributed to this report.",
    "\u00a9 2024 The Associated Press. All rights reserved.",
    "Related stories\nOstmark elects a new parliament\nVeldra floods leave thousands homeless\n2 hours ago",
    "Sponsored\nThis one trick will lower your energy bill\nPromoted content",
)


def test_wire_page_metadata():
    r = clean_text(WIRE_PAGE)
    check_invariants(r)
    assert r.title == "Veldra and Ostmark agree to share the Amsel river"
    assert r.byline == "Lena Hartmann and Jonas Pirel"
    assert r.published == dt.date(2024, 3, 5)
    assert r.published_time == "14:20-05:00"
    assert r.dateline == "KESSEL, Veldra"
    assert r.source == "AP"
    assert r.contributors == ["Associated Press writer Tomas Brandt in Ostmark contributed to this report."]


def test_wire_page_reasons():
    got = reasons(clean_text(WIRE_PAGE))
    assert got["Home World Politics Business Sport"] == "navigation"
    for line in ("Share this article", "Facebook", "Twitter", "Email"):
        assert got[line] == "share"
    assert got["Photo: Anna Ruiz / Veldra Press Agency"] == "photo credit"
    assert got["Advertisement"] == "sponsored"
    assert got["\u00a9 2024 The Associated Press. All rights reserved."] == "copyright"
    assert got["Related stories"] == "related"
    assert got["Ostmark elects a new parliament"] == "related"
    assert got["2 hours ago"] == "related"
    assert got["Sponsored"] == "sponsored"
    assert got["This one trick will lower your energy bill"] == "sponsored"
    assert got["Promoted content"] == "sponsored"
    assert got["By Lena Hartmann and Jonas Pirel, Associated Press"] == "byline"
    assert got["Published: March 5, 2024 2:20 PM EST"] == "date"
    assert got["Veldra and Ostmark agree to share the Amsel river"] == "title"


def test_wire_page_body_keeps_short_sentences_and_quotes():
    r = clean_text(WIRE_PAGE)
    body = paragraphs(r)
    assert body[0].startswith("KESSEL, Veldra (AP) \u2014 The governments")
    assert "It is the first such deal." in body
    assert BODY[2] in body  # curly quotes untouched
    assert body[-1] == BODY[4]  # the body runs past the advertisement to the last paragraph


def test_a_date_in_a_body_sentence_is_not_the_publication_date():
    r = clean_text(WIRE_PAGE)
    assert "June 12, 2025" in r.text
    assert r.published == dt.date(2024, 3, 5)
    undated = clean_text(page("Veldra and Ostmark agree to share the Amsel river",
                              "The accord was first proposed on March 3, 2019, by a commission of "
                              "engineers from both countries.", *BODY))
    assert undated.published is None and undated.published_time is None
    assert "March 3, 2019" in undated.text


@pytest.mark.parametrize("line, byline, source", [
    ("By Lena Hartmann", "Lena Hartmann", None),
    ("BY LENA HARTMANN", "Lena Hartmann", None),
    ("By Lena Hartmann and Jonas Pirel", "Lena Hartmann and Jonas Pirel", None),
    ("By Lena Hartmann, Staff Writer", "Lena Hartmann", None),
    ("By Anna de Vries, Reuters", "Anna de Vries", "Reuters"),
    ("LENA HARTMANN | March 5, 2024 | AFP", "Lena Hartmann", "AFP"),
])
def test_byline_formats(line, byline, source):
    r = clean_text(page("Veldra and Ostmark agree to share the Amsel river", line, *BODY))
    check_invariants(r)
    assert r.byline == byline
    assert r.source == source
    assert reasons(r)[line] == "byline"
    assert paragraphs(r) == BODY


@pytest.mark.parametrize("line, date, time_", [
    ("November 1, 2013 08:30 AM EST", "2013-11-01", "08:30-05:00"),
    ("March 5, 2024 8:30 a.m. EDT", "2024-03-05", "08:30-04:00"),
    ("Tuesday, 5 March 2024 14:20 GMT", "2024-03-05", "14:20+00:00"),
    ("Published: 2024-03-05 14:20 UTC", "2024-03-05", "14:20+00:00"),
    ("2024-03-05T09:15:00+09:00", "2024-03-05", "09:15+09:00"),
    ("Mar. 5, 2024, 9:15 p.m. JST", "2024-03-05", "21:15+09:00"),
    ("Nov 2, 2013, 11:16 AM", "2013-11-02", "11:16"),
    ("Posted on 5 March 2024", "2024-03-05", None),
    ("05.03.2024", "2024-03-05", None),
])
def test_date_lines_with_time_zones(line, date, time_):
    r = clean_text(page("Veldra and Ostmark agree to share the Amsel river", line, *BODY))
    assert r.published == dt.date.fromisoformat(date)
    assert r.published_time == time_
    assert reasons(r)[line] == "date"
    assert paragraphs(r) == BODY


def test_first_published_wins_over_updated():
    r = clean_text(page("Veldra and Ostmark agree to share the Amsel river",
                        "Updated: March 7, 2024 10:00 GMT", "Published: March 5, 2024 09:00 GMT", *BODY))
    assert r.published == dt.date(2024, 3, 5)
    assert r.published_time == "09:00+00:00"


def test_date_line_with_photo_credit_is_split():
    r = clean_text(page("Veldra and Ostmark agree to share the Amsel river",
                        "March 5, 2024 (Photo Credit: Anna Ruiz/Pool via AP)\nKESSEL \u2014 " + BODY[0],
                        *BODY[1:]))
    assert r.published == dt.date(2024, 3, 5)
    got = reasons(r)
    assert got["March 5, 2024"] == "date"
    assert got["(Photo Credit: Anna Ruiz/Pool via AP)"] == "photo credit"
    assert r.dateline == "KESSEL" and r.source is None
    assert paragraphs(r)[0].startswith("KESSEL \u2014")


def test_section_label_is_not_the_title():
    r = clean_text(page("VELDRA NEWS", *BODY))
    assert r.title is None
    assert reasons(r)["VELDRA NEWS"] == "navigation"


def test_no_title_when_the_page_starts_with_the_body():
    r = clean_text(page(*BODY))
    assert r.title is None and r.removed == []
    assert paragraphs(r) == BODY


# --- datelines and agencies ---------------------------------------------------------------

@pytest.mark.parametrize("dash", ["\u2014", "\u2013", "--", "-"])
@pytest.mark.parametrize("agency, source", [("AP", "AP"), ("Reuters", "Reuters"), ("AFP", "AFP"),
                                            ("Wire", "Wire"), ("Kyodo", "Kyodo")])
def test_dateline_dash_forms_and_agencies(dash, agency, source):
    first = f"KESSEL ({agency}) {dash} {BODY[0]}"
    r = clean_text(page(first, *BODY[1:]))
    assert r.dateline == "KESSEL"
    assert r.source == source
    assert paragraphs(r)[0] == first  # the dateline stays part of the first sentence


def test_dateline_without_agency_and_with_region():
    assert clean_text(page("OSTMARK CITY \u2014 " + BODY[0], *BODY[1:])).dateline == "OSTMARK CITY"
    r = clean_text(page("BRANDT, Ostmark (Associated Press) -- " + BODY[0], *BODY[1:]))
    assert (r.dateline, r.source) == ("BRANDT, Ostmark", "AP")


def test_body_sentence_with_dash_is_not_a_dateline():
    r = clean_text(page("Separately, the ministers \u2014 Pirel and Brandt \u2014 agreed to meet again "
                        "in the autumn to review the accord.", *BODY))
    assert r.dateline is None


def test_source_from_lone_agency_line_and_from_contributor_line():
    r = clean_text(page("\u2022 Xinhua", *BODY))
    assert r.source == "Xinhua" and reasons(r)["\u2022 Xinhua"] == "source"
    r = clean_text(page(*BODY, "Associated Press writers Lena Hartmann in Kessel and Jonas Pirel "
                               "contributed to this report."))
    assert r.source == "AP"
    assert len(r.contributors) == 1 and "contributed" not in r.text


def test_source_from_copyright_line():
    r = clean_text(page(*BODY, "(Copyright 2024 Reuters. All rights reserved.)"))
    assert r.source == "Reuters"
    assert r.removed[-1].reason == "copyright"


def test_compiled_from_agency_reports_is_a_source_line():
    r = clean_text(page(*BODY, "Compiled from agency reports"))
    assert reasons(r)["Compiled from agency reports"] == "source"
    assert paragraphs(r) == BODY


# --- boilerplate kinds --------------------------------------------------------------------

CONTACT_DESK = ("The Kessel Courier reader service desk answers questions about deliveries, digital "
                "editions and archive orders from Monday to Friday between eight in the morning and six "
                "in the evening, and on Saturdays until noon, apart from public holidays in Ostmark: "
                "Telephone: 0800 555 0100 Fax: 0800 555 0199 E-mail: readers@courier.example "
                "Letters to the editor are answered by post within two weeks of their arrival.")
SITE_NOTICES = [
    "The information provided on this website was written for readers in Ostmark and may not apply "
    "where you live; rules in your country may differ from the ones described here.",
    "Veldra Sun, the sun logo and the Riverside app are registered trademarks of Veldra Media Group.",
]


def test_contact_desk_after_a_short_article_is_not_the_body():
    """Two paragraphs of news, then a footer whose long contact line reads like prose: the contact
    block (telephone, fax, e-mail) is the site talking about itself, not the article."""
    r = clean_text(page("Veldra and Ostmark sign river accord", BODY[0], BODY[1],
                        "More news\nSport\nWeather", CONTACT_DESK))
    assert paragraphs(r) == [BODY[0], BODY[1]]
    assert reasons(r)[CONTACT_DESK] == "boilerplate"


@pytest.mark.parametrize("notice", SITE_NOTICES)
def test_site_legal_notices(notice):
    r = clean_text(page(*BODY, notice))
    assert paragraphs(r) == BODY
    assert reasons(r)[notice] == "boilerplate"


def test_a_body_line_naming_a_telephone_or_a_trademark_dispute_stays():
    lines = ["Residents can reach the flood hotline by telephone: the line is open day and night, "
             "the council said on Tuesday.",
             "Veldra Media argued that the sun logo was registered in 2019 and that the rival's mark "
             "copied it, in a dispute over trademarks that has run for three years."]
    r = clean_text(page(*BODY, *lines))
    assert paragraphs(r) == BODY + lines

def test_share_widgets():
    r = clean_text(page("Share on Facebook", "Tweet", "Email",
                        "facebook: Veldra accord twitter: Veldra accord signed reddit: the accord",
                        *BODY, "Share this article\nFacebook Twitter Email"))
    check_invariants(r)
    assert {x.reason for x in r.removed} == {"share"}
    assert len(r.removed) == 6
    assert paragraphs(r) == BODY


def test_related_lists_and_next_article():
    r = clean_text(page(*BODY, "Read more: Ostmark drought deepens", "Next Article",
                        "You may also like", "Veldra opens new rail line to the coast",
                        "Ostmark central bank holds rates steady", "3 days ago"))
    check_invariants(r)
    assert {x.reason for x in r.removed} == {"related"}
    assert paragraphs(r) == BODY


def test_sponsored_and_advertisement_inside_body():
    r = clean_text(page(BODY[0], BODY[1], "ADVERTISEMENT", BODY[2], BODY[3],
                        "Story continues below advertisement", BODY[4],
                        "Sponsored Content", "Ostmark Energy Partners", "Why thousands are switching their boiler",
                        "Paid Post"))
    check_invariants(r)
    assert paragraphs(r) == BODY
    assert {x.reason for x in r.removed} == {"sponsored"}


@pytest.mark.parametrize("credit", ["(AP Photo/Anna Ruiz)", "Photo: Anna Ruiz / Veldra Press Agency",
                                    "Getty Images", "Anna Ruiz/Getty Images", "AFP via Getty Images",
                                    "REUTERS/Anna Ruiz", "(Photo: Anna Ruiz)"])
def test_photo_credit_variants(credit):
    r = clean_text(page(BODY[0], BODY[1], credit, *BODY[2:]))
    assert reasons(r)[credit] == "photo credit"
    assert paragraphs(r) == BODY


def test_caption_with_embedded_credit_and_caption_next_to_credit():
    caption = ("Veldran foreign minister Jonas Pirel, left, shakes hands with his Ostmark "
               "counterpart in Kessel on Tuesday, March 5, 2024. (AP Photo/Anna Ruiz)")
    r = clean_text(page(BODY[0], caption, *BODY[1:]))
    assert reasons(r)[caption] == "caption"
    assert paragraphs(r) == BODY
    block = ("Amsel accord signing\nForeign ministers Jonas Pirel, second from right, and Edda Brandt "
             "are seen upon arriving at the town hall in Kessel.\nPhoto Credit: Anna Ruiz/AP")
    r = clean_text(page(BODY[0], BODY[1], block, *BODY[2:]))
    check_invariants(r)
    assert [x.reason for x in r.removed] == ["caption", "caption", "photo credit"]
    assert paragraphs(r) == BODY


@pytest.mark.parametrize("plea", ["Subscribe to our newsletter", "Support independent journalism",
                                  "Subscribe now for unlimited access to Veldra Daily.",
                                  "Sign up for our daily newsletter to get the top stories."])
def test_subscription_pleas(plea):
    r = clean_text(page(BODY[0], BODY[1], plea, *BODY[2:], plea + " "))
    assert [x.reason for x in r.removed] == ["subscription", "repeated"] or \
        [x.reason for x in r.removed] == ["subscription", "subscription"]
    assert paragraphs(r) == BODY


def test_separator_and_ui_lines_are_boilerplate():
    r = clean_text(page("Skip to content", *BODY[:3], "___", *BODY[3:], "Back to top"))
    assert {x.reason for x in r.removed} == {"boilerplate"}
    assert paragraphs(r) == BODY


def test_icon_name_run_is_navigation():
    icons = ("menu-circle arrow-left arrow-right close-square search share facebook-circle "
             "twitter-square email print bookmark star heart-circle gear play-circle")
    r = clean_text(page(icons, *BODY))
    assert reasons(r)[icons] == "navigation"
    assert paragraphs(r) == BODY


# --- repetition and body boundaries -------------------------------------------------------

def test_body_printed_twice_keeps_one_copy():
    text = "\n".join([BODY[0]] + BODY[1:] + ["Compiled from agency reports"] + BODY[1:])
    r = clean_text(text)
    check_invariants(r)
    assert paragraphs(r) == BODY
    assert [x.reason for x in r.removed].count("repeated") == len(BODY) - 1


def test_repeated_headline_at_the_end():
    title = "Veldra and Ostmark agree to share the Amsel river"
    r = clean_text(page(title, *BODY, title))
    assert r.title == title
    assert [(x.text, x.reason) for x in r.removed] == [(title, "title"), (title, "repeated")]


def test_short_sentence_paragraphs_and_crossheads_inside_body():
    r = clean_text(page(BODY[0], "The vote is due in May.", BODY[1], "Dry summers", BODY[2], BODY[3]))
    body = paragraphs(r)
    assert "The vote is due in May." in body
    assert "Dry summers" not in body
    assert reasons(r)["Dry summers"] == "boilerplate"


def test_teaser_list_after_the_body_is_related_not_body():
    r = clean_text(page(*BODY, "Ostmark",
                        "Flood defences along the Amsel are being raised by two metres, officials say...",
                        "Veldra Daily", "Kessel mayor resigns after a row over the new bridge",
                        "The mayor of Kessel resigned on Friday after the town council rejected the "
                        "plan for a second bridge across the Amsel river.", "5 hours ago"))
    check_invariants(r)
    assert paragraphs(r) == BODY
    assert {x.reason for x in r.removed} == {"related"}


def test_hard_wrapped_paragraphs_are_joined():
    wrapped = page(
        "The governments of Veldra and Ostmark agreed on Tuesday to share the\n"
        "waters of the Amsel river for thirty years, ending a long quarrel.",
        "The accord was signed in the border town of Kessel after four years of\n"
        "talks that stalled twice over the size of a planned dam on the river.",
        "Farmers on both banks have complained for years that the river runs dry\n"
        "in late summer. The accord sets out how much water each side may take.")
    body = paragraphs(clean_text(wrapped))
    assert len(body) == 3
    assert body[0].endswith("ending a long quarrel.") and "\n" not in body[0]


def test_page_without_article_text_returns_empty_text():
    r = clean_text("Home\nWorld\nPolitics\n\nLog in\nSubscribe\n\n\u00a9 2024 Veldra Daily")
    assert r.text == ""
    assert r.removed and {x.reason for x in r.removed} <= REASONS


def test_empty_input_raises():
    with pytest.raises(CleanError):
        clean_text("")
    with pytest.raises(CleanError):
        clean_text(" \n\u00a0\n\u200b\n")


def test_unicode_normalisation():
    r = clean_text(page("The\u00a0governments of Veldra and Ostmark agreed\u200b on Tuesday to share "
                        "the \u201cAmsel\u201d waters for thirty years.", *BODY[1:]))
    first = paragraphs(r)[0]
    assert first.startswith("The governments of Veldra and Ostmark agreed on Tuesday")
    assert "\u201cAmsel\u201d" in first and "\u00a0" not in r.text and "\u200b" not in r.text


def test_windows_line_endings():
    r = clean_text("\r\n\r\n".join(["By Lena Hartmann", *BODY]))
    assert r.byline == "Lena Hartmann" and paragraphs(r) == BODY


def test_a_five_thousand_line_dump_keeps_every_body_paragraph():
    lines = []
    for i in range(1000):
        lines += [f"In report {i}, " + BODY[i % 5][0].lower() + BODY[i % 5][1:], "Share on Facebook", f"Related {i}",
                  "Advertisement", ""]
    text = "\n".join(lines)
    r = clean_text(text)
    assert len(paragraphs(r)) == 1000


# --- HTML ---------------------------------------------------------------------------------

ARTICLE_HTML = """<!DOCTYPE html>
<html><head><title>Veldra and Ostmark sign river accord | Veldra Daily</title>
<meta name="author" content="Lena Hartmann">
<meta property="article:published_time" content="2024-03-05T14:20:00+01:00">
<meta property="og:site_name" content="Veldra Daily">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Veldra and Ostmark sign river accord</h1>
<p>KESSEL (Wire) \u2014 The governments of Veldra and Ostmark signed an accord on Tuesday that shares the waters of the Amsel river between the two countries for the next thirty years.</p>
<p>The agreement follows four years of negotiations that stalled twice over the size of a planned dam near the border town of Kessel, which lies on the river.</p>
<p>\u201cThis is a good day for both our peoples,\u201d said the Veldran foreign minister, Jonas Pirel, after the ceremony on March 1, 2024.</p>
<p>The accord must still be ratified by both parliaments.</p>
<p>Subscribe to our newsletter</p>
<p>Wire reporter Tomas Brandt contributed to this report.</p>
</article>
<footer><p>\u00a9 2024 Veldra Daily. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>
"""


def test_clean_html_article():
    r = clean_html(ARTICLE_HTML, url="https://veldra-daily.example/world/accord")
    check_invariants(r)
    assert r.title == "Veldra and Ostmark sign river accord"
    assert r.byline == "Lena Hartmann"
    assert r.published == dt.date(2024, 3, 5)
    assert r.published_time == "14:20+01:00"
    assert (r.dateline, r.source) == ("KESSEL", "Wire")
    body = paragraphs(r)
    assert body[0].startswith("KESSEL (Wire) \u2014 The governments")
    assert body[-1] == "The accord must still be ratified by both parliaments."
    assert len(body) == 4
    assert r.contributors == ["Wire reporter Tomas Brandt contributed to this report."]
    assert "Home" not in r.text and "Privacy" not in r.text and "rights reserved" not in r.text
    assert reasons(r).get("Subscribe to our newsletter") == "subscription"


def test_clean_html_falls_back_to_site_name_and_text_date():
    html = ("<html><head><title>Ostmark votes on accord</title>"
            "<meta property=\"og:site_name\" content=\"Ostmark Herald\"></head><body><article>"
            "<h1>Ostmark votes on accord</h1><p>By Jonas Pirel</p>"
            "<p>The parliament of Ostmark voted on Thursday to ratify the river accord with Veldra by a "
            "wide margin after a long debate.</p>"
            "<p>Opposition members said the accord gave away too much water in dry years and promised "
            "to revisit it after the next election.</p></article></body></html>")
    r = clean_html(html)
    assert r.source == "Ostmark Herald"
    assert r.byline == "Jonas Pirel"
    assert r.published is None
    assert paragraphs(r)[0].startswith("The parliament of Ostmark voted")


def test_clean_html_nav_only_page_raises():
    html = ("<html><head><title>Veldra Daily</title></head><body><nav><ul>"
            "<li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
            "<footer><p>\u00a9 2024 Veldra Daily. All rights reserved.</p></footer></body></html>")
    with pytest.raises(CleanError, match="no article text found"):
        clean_html(html)


def test_clean_html_keeps_lists_headings_and_repeated_list_lines():
    """Structure chosen by the page: short headings, list items and lines that recur in a plan."""
    days = "".join(
        f"<h2>Day {n}</h2><ul><li>Walk the dike path at dawn</li>"
        f"<li>Check the gauge at the Kessel weir and note the level in the log book kept there</li></ul>"
        for n in (1, 2, 3))
    html = ("<html><head><title>A week on the Amsel dikes</title></head><body><article>"
            "<h1>A week on the Amsel dikes</h1>"
            "<p>The volunteers who watch the Amsel dikes in spring follow the same plan every day, "
            "and the water board published it so that new helpers know what to expect.</p>"
            + days +
            "<p>The board says the plan has not changed in ten years because it works.</p>"
            "</article></body></html>")
    r = clean_html(html)
    body = paragraphs(r)
    assert body.count("- Walk the dike path at dawn") == 3
    assert "Day 2" in body
    assert body[-1] == "The board says the plan has not changed in ten years because it works."
    assert "A week on the Amsel dikes" not in body  # the headline is the title, not the body


def test_clean_html_keeps_long_unpunctuated_lines_at_the_start_of_the_article():
    """An opening that leads into a quotation or list, without a full stop, is still the article."""
    opening = "What the water board wants every household on the lower Aran to know before the floods:"
    reference = "From the flood chronicle of the town of Torvik written in 1871 chapter four"
    html = ("<html><head><title>Aran flood notes</title></head><body><article>"
            "<h1>Aran flood notes</h1>"
            f"<p>{opening}</p><p>{reference}</p>"
            "<p>The river rose through the night and the spillways at Kessel were opened at dawn, "
            "the first time since the dam was finished.</p>"
            "<p>By noon the water at Torvik had reached the steps of the town hall, and the mayor "
            "asked people in the lower streets to leave.</p>"
            "</article></body></html>")
    body = paragraphs(clean_html(html))
    assert body[:2] == [opening, reference]
    assert len(body) == 4


def test_clean_html_empty_raises():
    with pytest.raises(CleanError):
        clean_html("")


def test_body_paragraph_next_to_a_photo_credit_is_not_a_caption():
    para = "The minister poses a hard question to Ostmark and arrives in Kessel on Friday for more talks."
    r = clean_text(page(BODY[0], para, "Photo: Anna Ruiz / Veldra Press Agency", *BODY[1:]))
    assert para in paragraphs(r)
    assert [x.reason for x in r.removed] == ["photo credit"]


def test_comment_section_is_not_body():
    r = clean_text(page(*BODY, "12 comments",
                        "Karl M: The accord gives away far too much water and the farmers in the east will pay for it.",
                        "Petra S: Finally some good news from Kessel, and about time too after all these years."))
    assert paragraphs(r) == BODY
    assert {x.reason for x in r.removed} == {"boilerplate"}


def test_reuters_style_dateline_with_date_and_bullets_in_body():
    r = clean_text(page("OSTMARK CITY, March 5 (Reuters) - " + BODY[0], BODY[1],
                        "- Rates rise to 4.5 percent\n- Third rise this year", "It is the first such deal.",
                        "Reporting by Lena Hartmann; Editing by Jonas Pirel"))
    assert (r.dateline, r.source) == ("OSTMARK CITY", "Reuters")
    body = paragraphs(r)
    assert body[2:] == ["- Rates rise to 4.5 percent", "- Third rise this year", "It is the first such deal."]
    assert r.contributors == ["Reporting by Lena Hartmann; Editing by Jonas Pirel"]
    assert r.published is None  # "March 5" in a dateline has no year and is not a date line


def test_posted_by_line_gives_byline_and_date():
    r = clean_text(page("Posted by Lena Hartmann on March 5, 2024 at 10:12 am",
                        "Why the Amsel accord matters", *BODY))
    assert r.byline == "Lena Hartmann"
    assert (r.published, r.published_time) == (dt.date(2024, 3, 5), "10:12")
    assert r.title == "Why the Amsel accord matters"


# --- header lines of less common shapes -------------------------------------------------


def test_header_lines_of_other_sites():
    r = clean_text(page("RIVERWATCH", "Home   About   Archive", "Notes from a flooded quay",
                        "Posted by Karl Ebner in Floods, Torvik", *BODY))
    assert (r.title, r.byline) == ("Notes from a flooded quay", "Karl Ebner")
    r = clean_text(page("Dam talks stall again", "17 Jan 2023 · 19:25", "JONAS PELL, Nordwire",
                        "Teilen: Facebook | X | E-Mail | Drucken", *BODY))
    assert (r.title, r.published.isoformat(), r.published_time, r.byline) == (
        "Dam talks stall again", "2023-01-17", "19:25", "Jonas Pell")
    assert reasons(r)["Teilen: Facebook | X | E-Mail | Drucken"] == "share"


def test_outlet_named_in_a_byline_or_bullet_line_is_the_source():
    r = clean_text(page("Dam talks stall again", "By Anna Roth | Ostmark Daily", *BODY))
    assert (r.byline, r.source) == ("Anna Roth", "Ostmark Daily")
    r = clean_text(page("Dam talks stall again", "• RVB News", "By Nils Tamm", *BODY))
    assert (r.byline, r.source) == ("Nils Tamm", "RVB News")


def test_a_menu_with_place_names_is_not_a_byline():
    r = clean_text(page("THE ARAN COURIER · Torvik · Lower Aran · Ostmark · Opinion · Sport",
                        "Dam talks stall again", "By Marta Kiel", *BODY))
    assert r.byline == "Marta Kiel" and r.source is None
    assert reasons(r)["THE ARAN COURIER · Torvik · Lower Aran · Ostmark · Opinion · Sport"] == "navigation"


def test_a_plain_caption_above_a_photo_credit_is_removed():
    caption = "Engineers inspect the sluice gates of the dam on the river Aran."
    r = clean_text(page(BODY[0], BODY[1], caption, "Photo Credit: Edda Lund/The Aran Courier", *BODY[2:]))
    assert reasons(r)[caption] == "caption"
    assert paragraphs(r) == BODY


# --- readers' comments and other languages ----------------------------------------------

LONG_COMMENTS = [
    "riverfan88 says:", "March 5, 2024 at 6:34 am",
    "This accord is a disaster for the farmers in the east and everybody in the valley knows it already.",
    "ostmark_watch says:", "March 5, 2024 at 6:51 am",
    "Finally some sense from both governments after all these years of shouting across the river at each other.",
    "kessel_local says:", "March 5, 2024 at 7:02 am",
    "The dam should never have been built in the first place, and no accord will change what it did to the town.",
    "amsel_angler says:", "March 5, 2024 at 7:40 am",
    "I fish below the dam every week and the water has been lower every year since they closed the gates.",
]


@pytest.mark.parametrize("header", ["14 responses to “Veldra and Ostmark share the Amsel”", "[ 14 comments ]",
                                    "Top Rated Comments", "Comments"])
def test_a_comment_section_longer_than_the_article_is_not_the_article(header):
    r = clean_text(page(*BODY, header, *LONG_COMMENTS))
    assert paragraphs(r) == BODY


def test_a_comments_button_in_a_share_bar_before_the_article_does_not_end_it():
    r = clean_text(page("Share on Facebook", "Share on Twitter", "Comments", "Print", *BODY))
    assert paragraphs(r) == BODY


def test_text_in_scripts_without_spaces_or_case_is_prose():
    japanese = ["ヴェルドラとオストマルクの両政府は火曜日、アムゼル川の水を三十年間分け合うことで合意し、"
                "一世代続いた対立に終止符を打った。",
                "協定は国境の町ケッセルで署名され、計画中のダムの規模をめぐって二度にわたり停滞した四年間の交渉が実を結んだ。"]
    korean = ["벨드라와 오스트마르크 정부는 화요일 암젤강의 물을 삼십 년 동안 나누어 쓰기로 합의하며 한 세대 동안 이어진 "
              "갈등을 끝냈다고 양국 관계자들이 밝혔다.",
              "협정은 국경 도시 케셀에서 서명되었으며 계획된 댐의 규모를 둘러싸고 두 차례 중단되었던 사 년간의 협상이 "
              "마침내 결실을 맺었다고 외교부가 설명했다."]
    for body in (japanese, korean):
        r = clean_text(page("ホーム", "ニュース", "Home", "News", *body, "Facebook Twitter Email"))
        assert paragraphs(r) == body


GATED_POSITIVES = [
    "Copyright 2031 Amsel Media Group", "© Kessel Courier", "All rights reserved.",
    "This material may not be published, broadcast, rewritten or redistributed.",
    "Lena Hartmann contributed reporting for this article.", "Additional reporting by Jonas Pirel",
    "Writing by Mara Osk; editing by Ivo Brand", "Compiled by the newsroom",
    "By subscribing you agree to our terms", "Subscribe now", "Already a subscriber? Log in",
    "Become a member today", "Support independent journalism", "Sign up for our daily newsletter",
    "Get our morning newsletter", "Unlimited digital access for 1 euro", "To continue reading, log in",
    "You can help us", "Make a contribution", "Donate now", "Sign in to read the full story",
    "Start your free trial",
    "Comments", "12 comments", "[ 3 Comments ]", "Leave a reply", "View all 40 responses",
    "Join the conversation", "Discuss this article", "river_watcher says:",
    "Mara Osk on March 3, 2031 at 10:14 pm said:",
    "Photo: Lena Hartmann / Kessel Courier", "Image courtesy of the ministry", "Credit: Jonas Pirel",
    "AP Photo/Ivo Brand", "Jonas Pirel / AFP", "REUTERS/Mara Osk", "Getty Images", "Shutterstock",
    "Courtesy of the Amsel Basin Authority", "File photo", "Reuters Photos",
    "Ministers, second from left, sign the accord", "The delegations (L-R) at the signing",
    "FILE - A dam on the Amsel river", "In this file photo, the river runs low",
    "Image caption The new sluice gates",
]


def test_keyword_gates_never_hide_a_match():
    """The gated line patterns skip text without any of their keys; on every line of the
    sample corpus, of this module and of the positives above, they answer as the bare pattern."""
    import pathlib

    import storyline.clean as clean_module

    gated = {name: obj for name, obj in vars(clean_module).items() if isinstance(obj, clean_module._Gated)}
    assert len(gated) >= 5
    corpus = pathlib.Path(clean_module.__file__).parent / "sample" / "corpus"
    lines = list(GATED_POSITIVES) + pathlib.Path(__file__).read_text(encoding="utf-8").splitlines()
    for path in sorted(corpus.rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".html", ".jsonl"):
            lines += path.read_text(encoding="utf-8", errors="replace").splitlines()
    lines += [line.upper() for line in GATED_POSITIVES]
    hits = 0
    for name, gate in gated.items():
        for line in lines:
            for probe in (line, line.lower().strip(" :»›>")):
                expect = gate.pattern.search(probe) is not None
                hits += expect
                assert (gate.search(probe) is not None) == expect, (name, probe)
                assert (gate.match(probe) is not None) == (gate.pattern.match(probe) is not None), (name, probe)
    for line in GATED_POSITIVES:
        assert any(gate.pattern.search(line) for gate in gated.values()), line
    assert hits >= len(GATED_POSITIVES)
