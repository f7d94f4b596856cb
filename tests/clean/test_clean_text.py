"""The plain-text path of the clean stage: the line classifier and metadata from text.

Fixtures are invented (Veldra, Ostmark, Lena Hartmann...); the seed pages are read through
the ``seeds_dir`` fixture and checked by position and metadata, never by quoting them.
"""

import datetime as dt

import pytest
from clean_pages import BODY, check_invariants, page, paragraphs, reasons

from storyline.clean import REASONS, CleanError, clean_text

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
