"""Page furniture: every class caught, the reporting that resembles it left alone, the lead
glued before a sentence cut off."""

import time

import pytest

from storyline import nlp
from storyline.chronology.candidates import display_text, shown_text
from storyline.chronology import furniture
from storyline.chronology.furniture import REASONS, furniture_reason, strip_lead
from storyline.sentences import split

needs_model = pytest.mark.skipif(nlp.unavailable() is not None, reason="the English pipeline is not installed")

FURNITURE = [
    # a name and what it is, and no verb: a factbox's, a chronology's or a caption's entry
    ("Ann Lee, former Ostmark harbour master.", "factbox"),
    ("-- March 3, 2011: Tom Reyes, radical Kessel-born cleric.", "factbox"),
    # reader comments, their stamps and action links
    ("Mara Lind wrote: I think the council got this one badly wrong", "comment"),
    ("kestrel_77 wrote : nobody asked the farmers what they wanted", "comment"),
    ("At 10:14 am on 03 Apr 2019, riverwatcher wrote: The dam should never have been built.", "comment"),
    ("14 Mar 2019 9:14pm | Report abuse", "comment"),
    ("Great piece, thanks for writing it | Reply", "comment"),
    ("March 4, 2019 at 6:02 pm | Reply", "comment"),
    ("Posted by: dunmore | March 4, 2019 7:55 PM", "comment"),
    ("Comments (42)", "comment"),
    ("This comment was removed by a moderator.", "comment"),
    ("Recommend (12)", "comment"),
    # page, post and live-blog stamps
    ("Last updated at 15:41 GMT", "stamp"),
    ("Page last updated at 08:02 GMT, Monday, 6 May 2019", "stamp"),
    ("Published: 09:12 GMT, 6 May 2019 | Updated: 11:40 GMT, 6 May 2019", "stamp"),
    ("Updated 0412 GMT (1212 HKT)", "stamp"),
    ("Kessel dam talks collapse Last updated: May 6, 2019 4:20 pm", "stamp"),
    ("Tuesday 7 May 2019 08.15 BST", "stamp"),
    ("Live coverage Refresh", "stamp"),
    ("Farmers walk out of the dam talks May 6, 2019 4:20 pm", "stamp"),
    ("3 hours ago", "stamp"),
    # bylines, credits and contacts with nothing else
    ("By Mara Lind", "byline"),
    ("By Tomas Reyes and Ana Weiss, Staff Writers", "byline"),
    ("(Reporting by Ana Weiss; Editing by Tomas Reyes)", "byline"),
    ("Additional reporting by Jonas Berg in Kessel", "byline"),
    ("Contact the author at mara.lind@example.com", "byline"),
    ("Ostmark Herald staff contributed to this report.", "byline"),
    ("Compiled from agency reports", "byline"),
    ("KESSEL (AP) —", "byline"),
    ("Reporting from Kessel, Ostmark —", "byline"),
    # photo and video captions and their credits
    ("Farmers march towards the dam on Friday. (Photo: Reuters)", "caption"),
    ("Photograph: AP", "caption"),
    ("Pictured: the Aran reservoir at dusk", "caption"),
    ("Image copyright Getty Images", "caption"),
    ("Getty Images", "caption"),
    ("Video: Floodwater reaches the town hall", "caption"),
    ("Watch: the moment the barrier gave way", "caption"),
    ("In this Saturday, May 4, 2019 photo, farmers block the road to the dam.", "caption"),
    ("This image provided by the Ostmark water board shows the breach in the barrier.", "caption"),
    ("Farmers block the road to the dam near Kessel, Ostmark, Saturday, May 4, 2019.", "caption"),
    ("Minister Ana Weiss (L) greets protest leader Jonas Berg at the dam.", "caption"),
    ("Jonas Berg / Reuters", "caption"),
    ("Engineers inspect the cracked spillway [ AFP ]", "caption"),
    ("Photo by AFP", "caption"),
    ("FILE - Farmers block the road to the dam near Kessel.", "caption"),
    ("Farmers vow to return to the dam File-Farmers block the road to the dam near Kessel.", "caption"),
    ("Board chief quits over dam crisis File-March 3, 2023, Ana Weiss gestures at a news conference in Kessel.",
     "caption"),
    ("Water board chief Ana Weiss, second from left, inspects the spillway.", "caption"),
    ("Minister Tomas Reyes is seen leaving the water board offices in Kessel.", "caption"),
    # factboxes
    ("Born: 3 June 1961, Kessel", "factbox"),
    ("Age: 58", "factbox"),
    ("Population: 4.2 million", "factbox"),
    ("Capital: Kessel Population: 4.2 million Currency: Ostmark crown", "factbox"),
    ("Key facts", "factbox"),
    ("FAST FACTS", "factbox"),
    ("Factbox: the Kessel dam in numbers", "factbox"),
    # calls to act on the page
    ("Share this article", "navigation"),
    ("Read more: Farmers vow to keep up dam protest", "navigation"),
    ("Click here to see the full map of the flooded area.", "navigation"),
    ("Sign up for our morning newsletter", "navigation"),
    ("Follow us on Twitter", "navigation"),
    ("Related: How the Kessel accord was won", "navigation"),
    ("Next story", "navigation"),
    ("Advertisement", "navigation"),
    ("Photo 3 of 12", "navigation"),
    ("Send us your pictures of the flood", "navigation"),
    ("See all our coverage of the dam »", "navigation"),
    ("Get the news on our iOS app and Android app", "navigation"),
    # notes about the publication
    ("A version of this article appeared in print on May 5, 2019, on page A8.", "imprint"),
    ("© 2019 Ostmark Herald. All rights reserved.", "imprint"),
    ("This material may not be published, broadcast, rewritten or redistributed.", "imprint"),
    ("An earlier version of this article misstated the height of the dam.", "imprint"),
    # a headline, outlet or section name alone
    ("Ostmark Herald", "heading"),
    ("Dam Talks Collapse As Farmers Walk Out", "heading"),
    # agency captions, closed by their date
    ("Farmers march past the dam gates during a protest in Kessel, Ostmark, Friday, March 3, 2023.", "caption"),
    ("Residents watch the floodwater in Torvik on Feb. 5, 2024 in Torvik, Ostmark.", "caption"),
    ("A family sits outside a shelter in Torvik, Tuesday, Feb. 6, 2024 .(AP Photo/Jonas Berg)", "caption"),
]

REPORTING = [
    "Lawmakers in Kessel passed the Peer-to-Peer File-Sharing Act on Friday after a long debate.",
    "He told the Los Angeles Times The army would not move on the square this week, officials said.",
    "After Sky News Arabia posted the letter on Wednesday, the minister spoke to reporters in Kessel.",
    "The talks ended on June 24, 2012 in Kessel, officials said.",
    "Ostmark filed its claim on March 3, 2023, seven weeks after the talks collapsed.",
    "NATO forces struck targets near the border on Monday, the alliance said.",
    "He wrote that the ruling was unfair.",
    "The minister said: 'We will reply.'",
    "Born in 1950, Smith grew up in Leeds.",
    "Photographs published on Tuesday showed the damage.",
    "The page was last updated by officials on Friday, the ministry said.",
    "Lind wrote in a letter to the council that the dam was unsafe.",
    'In his resignation letter, Reyes wrote: "I can no longer defend this project."',
    "Farmers were urged to report abuse by contractors to the police.",
    "The council did not reply to requests for comment.",
    "The ministry declined to comment on the leaked report.",
    "Officials updated the casualty figures on Monday evening.",
    "Updated figures released on Monday showed 40 homes were flooded.",
    "The report was published on Tuesday, a day before the vote.",
    "Live coverage of the vote was shown on state television.",
    "By Monday, the water had reached the town hall.",
    "By contrast, Veldra's farmers were compensated within a month.",
    "Reporting by local media suggested the barrier had cracked.",
    "A photographer for the Ostmark Herald was injured in the crush.",
    "The picture that emerged from the hearing was one of confusion.",
    "Residents shared photos of the flood on social media.",
    "Age is no barrier, the 81-year-old farmer said.",
    "Key to the deal was a guaranteed minimum flow on the river.",
    "The population of Kessel has doubled since the dam was built.",
    "His key point: the river belongs to both countries.",
    "Farmers say they will follow the minister to the capital.",
    "Readers of the Herald were asked to share their stories with the inquiry.",
    "The court will hear the case on May 14, 2019.",
    "The accord was signed in Kessel on Tuesday, May 7, 2019.",
    "The barrier failed at 4:53 p.m. on Tuesday, officials said.",
    "The first breach was reported on May 6, 2019 at 4:20 pm by a night watchman.",
    "Sign language interpreters were provided at the hearing.",
    "Click beetles were found in the drained reservoir.",
    "More than 300 homes were flooded, the water board said.",
    "Most of the farmers returned home on Sunday.",
    "Next week the council will vote on the accord.",
    "Related talks on grain exports will resume next month.",
    "Timeline for the withdrawal of troops was agreed on Monday.",
    "Profile pictures of the protest leaders circulated online.",
    "Watch out for falling debris, police warned residents.",
    "Video footage showed the barrier collapsing into the river.",
    "Copyright lawyers for the Herald filed the complaint on Friday.",
    "This report is the first to document the damage to the spillway.",
    "Share prices of the dam's builder fell 12 percent on Monday.",
    "Pictures taken by residents show water pouring over the barrier.",
    "July 1: Farmers begin a sit-in at the dam.",
    "Photos by residents show the breach in the dam wall.",
    "The opinions expressed at the hearing were divided along party lines.",
    "Reyes is seen as a moderate by both governments.",
    "The party moved to the left, alienating many of its rural voters.",
    "Veldra and Ostmark signed the Kessel water accord on Monday after two years of talks.",
    # a name and an apposition with a verb, a fronted phrase, a contraction
    "Tom Reyes, who resigned.",
    "In Kessel, police fired tear gas.",
    "Meanwhile, tensions rise.",
    "Ann Lee, the harbour master, resigned.",
    "I'm Ann Lee, the board's correspondent.",
    "Tom Reyes, the ousted harbour master.",
]

STRIPPED = [
    # a headline echoed by a story that gives its subject a title first
    ("Weiss warns farmers over dam road Minister Ana Weiss warned farmers on Monday against blocking the dam road again.",
     "Minister Ana Weiss warned farmers on Monday against blocking the dam road again."),
    ("Weiss warning draws ire of Ostmark farmers A warning from Minister Ana Weiss that protesters could be fined "
     "drew the ire of the farmers on Monday.",
     "A warning from Minister Ana Weiss that protesters could be fined drew the ire of the farmers on Monday."),
    # a section label, or a headline ending on a name, before a lead opening on the same name's possessive
    ("Ostmark Ostmark's farmers blocked the dam road on Friday.", "Ostmark's farmers blocked the dam road on Friday."),
    ("Farmers charged after riot at the dam in Ostmark Ostmark’s top prosecutor has charged 75 farmers.",
     "Ostmark’s top prosecutor has charged 75 farmers."),
    # a capitals dateline glued by a hyphen after a headline, with or without its region
    ("Farmers and police clash for a fifth day in Ostmark KESSEL-Ostmark troops raided the dam camp early on Tuesday.",
     "Ostmark troops raided the dam camp early on Tuesday."),
    ("Protests spread to the border as farmers breach the gate TORVIK, Ostmark-Armed with pitchforks, farmers "
     "trapped the board's engineers in the dam house.",
     "Armed with pitchforks, farmers trapped the board's engineers in the dam house."),
    # a capitals dateline with no dash before a lead opening on a possessive
    ("KESSEL Ostmark's opposition called on its followers Wednesday to vote no in the referendum.",
     "Ostmark's opposition called on its followers Wednesday to vote no in the referendum."),
    # a headline's lines set off by bullets, then the story
    ("Ostmark in crisis: the main points • Protesters marched on the harbour at Kessel on Friday, police said.",
     "Protesters marched on the harbour at Kessel on Friday, police said."),
    ("Here is a summary of the day: • Tom Reyes called for the board to step down at once on Friday.",
     "Tom Reyes called for the board to step down at once on Friday."),
    # a pull quote and its speaker's title and name run into the story
    ("For those who have lost everything, help can not come soon enough Ostmark Minister Ann Lee Some 14,000 "
     "meals were dropped north of Kessel on Monday, the board said.",
     "Some 14,000 meals were dropped north of Kessel on Monday, the board said."),
    # a caption run into the story, which opens on a number written in words
    ("The farmer fell ill on Wednesday Ninety-five new flu cases have been confirmed by the health agency, "
     "taking the total to 289.",
     "Ninety-five new flu cases have been confirmed by the health agency, taking the total to 289."),
    # a bare place dateline or kicker run in by a spaced dash, and a capitals dateline of two words
    ("Kessel — Soldiers opened fire at protesters on Friday in the north, killing four people.",
     "Soldiers opened fire at protesters on Friday in the north, killing four people."),
    ("Ostmark -- The uprising in the country continued Friday as police fired tear gas into crowds.",
     "The uprising in the country continued Friday as police fired tear gas into crowds."),
    ("Lower Kessel – Officials at the airport say the former president left the country on Sunday.",
     "Officials at the airport say the former president left the country on Sunday."),
    ("PORT HALVORSEN, OSTMARK-Forces loyal to the government escalated a counterattack on Sunday in two towns.",
     "Forces loyal to the government escalated a counterattack on Sunday in two towns."),
    # a page title closed by its outlet's name
    ("Troops retake northern port city Mail Online Government troops retook the port of Westhaven on Monday, "
     "officials said.", "Government troops retook the port of Westhaven on Monday, officials said."),
    ("At least 40 killed as troops recapture rebel-held city Israel News Haaretz Forces loyal to the government "
     "recaptured Westhaven on Wednesday.", "Forces loyal to the government recaptured Westhaven on Wednesday."),
    ("Ostmark and Veldra again clash over dam Ostmark and Veldra clashed again on Friday over the release of water.",
     "Ostmark and Veldra clashed again on Friday over the release of water."),
    ("Tribunal orders flood warning system The tribunal ordered both countries to set up a flood warning system.",
     "The tribunal ordered both countries to set up a flood warning system."),
    ("NW The tribunal ordered both countries to set up a joint flood warning system.",
     "The tribunal ordered both countries to set up a joint flood warning system."),
    ("KESSEL (AP) — Ministers agreed on Tuesday to set up a joint commission.",
     "Ministers agreed on Tuesday to set up a joint commission."),
    ("By Mara Lind, Staff Writer KESSEL — Farmers blocked the road to the dam on Friday.",
     "Farmers blocked the road to the dam on Friday."),
    ("(Update 4:33 a.m. Thursday) Floodwater reached the town hall overnight.",
     "Floodwater reached the town hall overnight."),
    ("Dam talks collapse KESSEL — Talks between Veldra and Ostmark broke down on Monday.",
     "Talks between Veldra and Ostmark broke down on Monday."),
    ("Born: 3 June 1961, Kessel The minister resigned on Friday after a week of pressure.",
     "The minister resigned on Friday after a week of pressure."),
    ("Photograph: Jonas Berg/AFP The barrier gave way shortly after midnight, engineers said.",
     "The barrier gave way shortly after midnight, engineers said."),
    # a place of two capitalized words after the credit's name
    ("Photograph: AFP/Jonas Berg Port Kessel lowered its flood alert from red to amber late last night.",
     "Port Kessel lowered its flood alert from red to amber late last night."),
    ("Photograph: Jonas Berg/Getty Images Port Kessel lowered its flood alert from red to amber last night.",
     "Port Kessel lowered its flood alert from red to amber last night."),
    ("Updated 0412 GMT (1212 HKT) Rescue teams reached the flooded villages at dawn.",
     "Rescue teams reached the flooded villages at dawn."),
    ("Kessel, Ostmark (CNN) -- Rescue teams reached the flooded villages at dawn.",
     "Rescue teams reached the flooded villages at dawn."),
    ("Farmers gather at the dam [ Reuters ] Talks between the two countries broke down on Monday.",
     "Talks between the two countries broke down on Monday."),
    ("Jonas Berg / Reuters Ministers agreed to reopen the border crossing on Friday.",
     "Ministers agreed to reopen the border crossing on Friday."),
    ("Dam deal signed updated: Tue May 7 2019 09:12:00 Veldra and Ostmark signed the accord on Tuesday.",
     "Veldra and Ostmark signed the accord on Tuesday."),
    ("By Mara Lind and Jonas Berg Engineers warned of cracks in the spillway last year.",
     "Engineers warned of cracks in the spillway last year."),
    ("NEW: Rescue teams reached the flooded villages at dawn, officials said.",
     "Rescue teams reached the flooded villages at dawn, officials said."),
    ("Reporting from Kessel and Torvik — Floodwater reached the town hall on Thursday night.",
     "Floodwater reached the town hall on Thursday night."),
    ("Farmers block the dam road … (Jonas Berg / Reuters) Talks between the two countries broke down on Monday.",
     "Talks between the two countries broke down on Monday."),
    ("Photo by Jonas Berg Engineers inspected the spillway on Monday morning.",
     "Engineers inspected the spillway on Monday morning."),
    ("The views expressed are her own -- Two years after the flood, Kessel is still rebuilding its harbour.",
     "Two years after the flood, Kessel is still rebuilding its harbour."),
    # a headline the story does not echo, run into its first sentence
    ("Flood toll rises to 40 a week Forty people a week are dying in the flooded valley, aid workers said Tuesday.",
     "Forty people a week are dying in the flooded valley, aid workers said Tuesday."),
    ("Key players in the dam dispute The Ostmark army took control of the spillway on Wednesday.",
     "The Ostmark army took control of the spillway on Wednesday."),
    ("As the reservoir fills, the treaty still stands On the first anniversary of the flood, Veldra refused talks.",
     "On the first anniversary of the flood, Veldra refused talks."),
    # a live blog's day stamp, a section name, a capitals dateline glued by a hyphen, a credit's tail
    ("Friday At least 30 farmers were hurt when police cleared the dam road, the water board said.",
     "At least 30 farmers were hurt when police cleared the dam road, the water board said."),
    ("Europe Ministers of Veldra and Ostmark signed the river accord in Kessel on Tuesday.",
     "Ministers of Veldra and Ostmark signed the river accord in Kessel on Tuesday."),
    ("KESSEL, OSTMARK-Thousands of farmers marched on the dam on Tuesday to demand compensation.",
     "Thousands of farmers marched on the dam on Tuesday to demand compensation."),
    ("Reuters)- - The tribunal ordered both countries to set up a joint flood warning system.",
     "The tribunal ordered both countries to set up a joint flood warning system."),
    ("1535 UK-based aid agency Save the Children says many children in Torvik are in danger.",
     "UK-based aid agency Save the Children says many children in Torvik are in danger."),
    ("Page A23 The water board was at first not keen on this weekend's meeting of the two ministers.",
     "The water board was at first not keen on this weekend's meeting of the two ministers."),
    ("(Jonas Berg - Kessel Daily) Ministers agreed yesterday to host an emergency meeting on the dam.",
     "Ministers agreed yesterday to host an emergency meeting on the dam."),
    # a dateline with its day, at the start or after a headline run into the story
    ("KESSEL, March 17 -- Veldra and Ostmark appealed to the river commission on Tuesday.",
     "Veldra and Ostmark appealed to the river commission on Tuesday."),
    ("Two Neighbours Unite to Urge Dam Inspection KESSEL, Sept. 19 -- The water board closed the dam on Friday.",
     "The water board closed the dam on Friday."),
    # a running kicker of the coverage, a ticker marker, a web server's include error
    ("Flood in Torvik -- Nobel laureate Ida Marek is returning to Kessel to join the protest.",
     "Nobel laureate Ida Marek is returning to Kessel to join the protest."),
    ("L) The Kessel water board has won an initial $90 million order from the Ostmark government.",
     "The Kessel water board has won an initial $90 million order from the Ostmark government."),
    ("(an error occurred while processing this directive) Jonas Berg was born in Torvik in 1972.",
     "Jonas Berg was born in Torvik in 1972."),
    # a caption run into the story, closed by a place name
    ("Rescuers are among teams from many nations in Torvik The water board has pledged 40m to rebuild the dam.",
     "The water board has pledged 40m to rebuild the dam."),
    # a headline the story echoes from its second word, after a label
    ("Friday Ostmark farmers block dam road Farmers blocked the road to the Torvik dam for six hours on Friday.",
     "Farmers blocked the road to the Torvik dam for six hours on Friday."),
    # a headline the story echoes, opening on another of its words
    ("Flood crisis could sink Ostmark accord Ostmark's forgotten flood crisis could sink its river accord, "
     "an aid official warned Thursday.",
     "Ostmark's forgotten flood crisis could sink its river accord, an aid official warned Thursday."),
    # a caption saying what someone said, run into the story
    ("A rescue worker said the man may have had water A Kessel man was pulled alive from the rubble of a "
     "hotel after 11 days, officials said.",
     "A Kessel man was pulled alive from the rubble of a hotel after 11 days, officials said."),
    ("Ann Lee says the board has failed the valley The board has pledged 40m to rebuild the dam at Torvik.",
     "The board has pledged 40m to rebuild the dam at Torvik."),
]

UNCHANGED = [
    # capitals hyphenated to a capitalized word inside a sentence: a company's initials, a data set, a council
    "An SNC-Lavalin executive who left the company last week denied any part in the dam contract.",
    "The NHIS-Teen data does not break down the farmers' children by region.",
    "Ministers met at a NATO-Russia council in Kessel on Friday.",
    # a possessive after an acronym of three letters (a name); bullets that are all headlines; a bullet after a
    # sentence's stop
    "WHO Europe's director said on Monday that the flu season had started early in Ostmark.",
    "Ostmark rebels retreat from Kessel • Board meets in Westhaven • Talks resume on Friday •",
    "The board met on Friday. • Tom Reyes said the talks would go on until the end of the month.",
    # a preposition after a titled name: a title-case headline goes on, or the name does
    "Ostmark President Ann Lee Testifies Before the Kessel Committee on the dam and the floods of the spring.",
    # an apposition closed by a second dash; a transcript's spoken opener; a hyphen before a word in capitals
    "Kessel — Ostmark's second city — was quiet on Friday as the talks went on in the capital.",
    "So -- The question is whether the talks will go on after the vote on Friday.",
    "NINETY-ONE protesters were hurt in the square on Friday, the ministry said in a statement.",
    "By Mara Lind",
    "KESSEL (AP) —",
    "Age: 52",
    "The minister said: 'We will reply.'",
    "Veldra and Ostmark signed the accord on Tuesday.",
    "He said NATO — not the UN — would decide on the mission.",
    "The two banks (which fund the dam) - both based abroad - said they would pay.",
    "In Kessel, Ostmark, the water board said the dam was safe.",
    # a capitalized "The ..." or "A" inside a sentence that is a name, not a new sentence
    "In an interview, the minister told the Veldra newspaper The Courier that she would not step down.",
    "The two ministers met envoys in The Hague on Monday to discuss the dam treaty and its ratification.",
    "Aid workers said vitamin A tablets were handed to children in the flooded villages on Monday.",
    "Ostmark Army Urges More Rigorous Checks Of The Dam After The Spring Floods Destroyed Two Bridges.",
    "Envoys from the Ostmark Farmers Union and the Veldra Farmers League met the minister on Friday.",
    "Friday was the worst day of the flood, with the water rising a metre in Torvik in six hours.",
    "Sunday Times reporters reached the flooded villages of Torvik on Monday by boat.",
    "NATO-led engineers reinforced the Torvik dam on Monday with sandbags and steel plates.",
    "1998 was the year the Aran treaty was signed by both countries in Kessel.",
    "World Bank President Ida Marek confirmed on Monday that she would not attend the Kessel talks.",
    "(The vote was close) Ministers said the dam would be finished by the end of next year.",
    "Ida Marek -- the minister of water since 2019 -- resigned on Monday after the flood.",
    "The rally in Kessel, March 17 -- a Tuesday -- drew thousands of farmers to the square.",
    "Bank of Ostmark -- the largest lender in Kessel -- said on Monday it would fund the dam.",
    "Minister of Water Ida Marek -- Kessel's envoy -- met the farmers on Monday.",
    "Loyalists of Ostmark's President Ida Marek shot dead five farmers at the Kessel dam on Thursday.",
    "Ostmark Faces Hurdles in Reviving Its Farms After The Worst Flood Since The War, Officials Say.",
    # a reporting verb just before the capitalized word: what follows is what was said
    "Ann Lee told reporters on Monday The situation is grave and the board must act now.",
    # a letter naming a type after a reporting verb, and a name after an article
    "The board said the farmer had tested positive for type A flu and was having further tests.",
    "Tom Reyes said Ostmark would join the hunt for those behind the raid on the In Amenas gas plant last week.",
    # the story opens on a word of what comes before but repeats too little of it to echo it
    "Farmers marched on the dam at Kessel today Kessel police said about 300 people joined on Monday.",
]


def test_reason_codes_are_described():
    assert {"comment", "stamp", "byline", "caption", "factbox", "navigation"} <= set(REASONS)
    assert all(isinstance(text, str) and text for text in REASONS.values())


@pytest.mark.parametrize("text,reason", FURNITURE)
def test_furniture_is_caught_with_its_reason(text, reason):
    assert furniture_reason(text) == reason


@pytest.mark.parametrize("text", REPORTING)
def test_reporting_is_not_furniture(text):
    assert furniture_reason(text) is None


@pytest.mark.parametrize("text,expected", STRIPPED)
def test_strip_lead_cuts_what_is_glued_before_the_sentence(text, expected):
    assert strip_lead(text) == expected
    assert furniture_reason(text) is None  # judged by the reporting that remains


@pytest.mark.parametrize("text", UNCHANGED + REPORTING)
def test_strip_lead_leaves_a_sentence_without_a_lead_alone(text):
    assert strip_lead(text) == text


def test_empty_and_blank_text():
    assert furniture_reason("") is None
    assert furniture_reason("   ") is None
    assert strip_lead("") == ""
    assert strip_lead("  ") == "  "


def test_pathological_text_is_fast():
    # long runs that could make a careless expression backtrack
    texts = ["A: " * 400, "By " + "Jane " * 300, "(" * 300 + "Reuters", "Updated " * 200,
             "KESSEL " * 200 + "—", "1 " * 500 + "of 3", "Photo: " + "Name/" * 200, "x|" * 400,
             "Farmers " + "met on May 4, 2019, " * 60 + "at 10:14 am."]
    start = time.perf_counter()
    for text in texts:
        furniture_reason(text)
        strip_lead(text)
    assert time.perf_counter() - start < 1.0


def test_real_pages_give_known_reasons_and_leads_that_are_suffixes(seeds_dir):
    sentences = [s.text for path in sorted(seeds_dir.glob("*.txt"))
                 for s in split(path.read_text(encoding="utf-8"))]
    assert sentences
    for text in sentences:
        reason = furniture_reason(text)
        assert reason is None or reason in REASONS
        shown = strip_lead(text)
        assert text.strip().endswith(shown.strip())


def test_a_caption_date_is_looked_for_only_where_its_day_and_year_are():
    from storyline.chronology import furniture

    captions = ["Protesters march in Alexandria, Egypt, Friday, Dec. 14, 2012.",
                "Police guard Tahrir Square on June 24, 2012 in Cairo, Egypt.",
                "A man waves a flag, Sunday, March 3,2013 (AP Photo/Jane Doe)",
                "Supporters gather on Jan. 5, 2011, in Tunis, Tunisia."]
    for text in captions:
        found = furniture._CAPTION_DATE.search(text, max(0, len(text) - 90))
        assert found is not None and furniture._CAPTION_DAY_YEAR.search(found.group()), text
        assert furniture_reason(text) == "caption", text


# A wire caption closed by its place and day, told in the present (or with no clause at all), and
# reporting closed the same way, told in the past or about no action a picture shows.
PLACE_DAY_CAPTIONS = [
    "Farmers shout slogans during a protest outside the water board in Kessel, Ostmark, on Friday.",
    "A woman waits for news of her relatives outside a shelter in Torvik, Ostmark, on March 3.",
    "Engineers inspect the cracked spillway, which was damaged by the flood, in Kessel, Ostmark on Feb. 5, 2024.",
    "Protesters march as they chanted slogans against the water board in Torvik, Ostmark, Tuesday.",
    "Water board chief Ana Weiss at a news conference in Kessel, Ostmark, on March 4.",
    # a slogan's verb, a past verb in a clause of "after" around a participle phrase
    'A farmer with the slogan "Board lied" painted on his chest waves a flag as farmers gather after the board '
    "chief, booed by the crowd, left the dam in Kessel, Ostmark, on June 5.",
    # glued after the story's sentence, with nothing between
    "Police fired tear gas at farmers who blocked the road to the dam Ostmark farmers clash with police "
    "during a protest outside the water board in Kessel, Ostmark, on Thursday.",
]
PLACE_DAY_REPORTING = [
    "Minister Ana Weiss discussed the breach at a news conference in Kessel, Ostmark, on Friday.",
    "The farmers' suit was filed in Torvik, Ostmark, on Monday.",
    "The board said the farmers had not registered the protest in Kessel, Ostmark, on Wednesday.",
    "Their most serious claim is that the board hid the first cracks in the spillway in Kessel, Ostmark, on March 3.",
    "Jonas Berg, the farmers' leader, died aged 76 in Torvik, Ostmark, on Feb. 5, 2024.",
    "Minister Ana Weiss, speaking to farmers at the gates, promised an inquiry in Kessel, Ostmark, on Friday.",
    'The crest is safe," Berg told the Ostmark Herald in Torvik, Ostmark, on Tuesday.',
]


@needs_model
@pytest.mark.parametrize("text", PLACE_DAY_CAPTIONS)
def test_a_caption_closed_by_its_place_and_day_is_caught(text):
    assert furniture_reason(text) == "dated-caption"


@needs_model
@pytest.mark.parametrize("text", PLACE_DAY_REPORTING)
def test_reporting_closed_by_a_place_and_day_is_not_a_caption(text):
    assert furniture_reason(text) is None


def test_without_the_english_pipeline_a_place_and_day_ending_is_not_judged(monkeypatch):
    def missing(components=nlp.NER):
        raise nlp.ModelUnavailable("spaCy is not installed")

    monkeypatch.setattr(nlp, "pipeline", missing)
    assert furniture_reason(PLACE_DAY_CAPTIONS[0]) is None  # no tense, no verdict: the build goes on


@needs_model
def test_a_long_run_on_text_is_not_tagged_for_a_caption(monkeypatch):
    calls = []
    real = nlp.pipeline

    def counting(components=nlp.NER):
        calls.append(components)
        return real(components)

    monkeypatch.setattr(nlp, "pipeline", counting)
    long_text = "Farmers shout slogans " + "and march on " * 300 + "outside the water board in Kessel, Ostmark, on Friday."
    assert furniture_reason(long_text) is None and not calls
    assert furniture_reason(PLACE_DAY_CAPTIONS[0]) == "dated-caption" and calls


# A headline run into a story that opens on a possessive name, and sentences in which a noun is
# followed by a possessive's phrase that is not such a seam.
POSSESSIVE_SEAMS = [
    ("Ostmark farmers defy curfew in protest over dam ", "Ostmark's water board closed the spillway on Monday after "
     "engineers found new cracks in the crest."),
    ("Minister says board will not be broken up over breach ", "Kessel's mayor has ordered the reservoir drained by "
     "Friday, officials said."),
    ("Thinktank says drought boosts fringe parties ", "Ostmark's handling of the water crisis in the north and east "
     "cost the ruling party votes, a research group says today."),
    ("Farmers block road to dam as board stalls on repairs ", "Torvik’s farmers union set a deadline of Friday for "
     "the board to pay for the ruined harvest."),
]
POSSESSIVE_NOT_SEAMS = [
    # a relative clause without "that" after an article
    "There was only one way the inquiry could read the limited control Ostmark's board has over its engineers and "
    "their reports.",
    '"I can say for certain that I am the only reason Kessel\'s water plan was ever approved by the board," he says.',
    # a clause opened by a subordinating word
    "A farmer holds up a sign at the dam in Kessel as tractors Torvik's farmers drove in blocked the road to the "
    "board's offices.",
    # inside a name; after a verb; past tense before it
    "Minister Ana Weiss meets Jonas al-Berg Ostmark's farmers' leader at the dam to discuss how the board will pay.",
    "The board told farmers on Monday Ostmark's reservoir would be drained by Friday, officials said.",
    "Farmers blocked the road to the dam in protest Ostmark's water board closed the spillway on Monday after "
    "engineers found cracks.",
    # a contraction, not a possessive
    "Farmers fear the dam will break before the harvest There's the rebuilding, the clearing and the tests of "
    "every wall to come.",
]


@needs_model
@pytest.mark.parametrize("head,story", POSSESSIVE_SEAMS)
def test_a_headline_before_a_story_opening_on_a_possessive_is_cut_from_the_shown_line(head, story):
    assert furniture.possessive_lead_cut(head + story) == len(head)
    assert shown_text(head + story) == story


@needs_model
@pytest.mark.parametrize("text", POSSESSIVE_NOT_SEAMS)
def test_a_possessive_inside_a_sentence_is_not_a_seam(text):
    assert furniture.possessive_lead_cut(text) is None
    assert shown_text(text) == display_text(text)


def test_the_possessive_seam_is_not_judged_at_build_time(monkeypatch):
    """Refusals and the build's cut read the rules alone: the tagger runs for shown lines only."""
    def missing(components=nlp.NER):
        raise AssertionError("the tagger was loaded")

    monkeypatch.setattr(nlp, "pipeline", missing)
    head, story = POSSESSIVE_SEAMS[0]
    assert strip_lead(head + story) == head + story and furniture_reason(head + story) is None


def test_without_the_english_pipeline_no_possessive_seam_is_cut(monkeypatch):
    def missing(components=nlp.NER):
        raise nlp.ModelUnavailable("spaCy is not installed")

    monkeypatch.setattr(nlp, "pipeline", missing)
    head, story = POSSESSIVE_SEAMS[0]
    assert furniture.possessive_lead_cut(head + story) is None


# A one-word place label run into the line, and lines opening on a place that is not a label.
# (Real place names: the recognizer knows them, as it does the places of real news.)
SECTION_LABELS = [
    ("Peru ", "Thousands of miners marched on the capital on Friday as the strike entered its third week."),
]
NOT_SECTION_LABELS = [
    "United States officials said on Monday that the talks would resume in Geneva next week.",
    "Portugal Prepares for Another round of talks on the future of the river and its dams.",
    "House Democrats said on Tuesday they would block the water bill in its current form.",
]


@needs_model
@pytest.mark.parametrize("label,story", SECTION_LABELS)
def test_a_place_label_run_into_the_line_is_cut_from_the_shown_line(label, story):
    assert furniture.section_label_cut(label + story) == len(label)
    assert shown_text(label + story) == story


@needs_model
@pytest.mark.parametrize("text", NOT_SECTION_LABELS)
def test_a_line_opening_on_a_name_of_two_words_or_a_place_doing_something_keeps_it(text):
    assert furniture.section_label_cut(text) is None
