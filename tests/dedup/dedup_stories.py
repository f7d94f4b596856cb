"""Stories for the dedup tests: a wire story (BASE), its UPDATE, another outlet's article on the
same event, a longer wire story (LONG) and an article carrying two of its paragraphs, a site
footer, a brief; ``sig`` makes a signature of paragraphs."""

from storyline import dedup


BASE = [
    "Ministers from Veldra and Ostmark met in the border town of Kessel on Tuesday to discuss the future of the dam.",
    "The talks lasted six hours and ended with a joint statement promising a technical commission before the summer.",
    "Veldra's foreign minister, Anja Brenner, said the commission would examine water flows and compensation claims.",
    "Ostmark has long argued that the dam reduces the river's flow to its farms in the dry season.",
    "Farmers on both sides of the border have staged protests since the reservoir began filling three years ago.",
    "Analysts said the commission could take a year to report, and that neither government wanted an early clash.",
]


UPDATE = BASE[:2] + [
    "On Wednesday, the commission's first members were named by both governments, officials said.",
] + BASE[2:] + [
    "Ostmark's parliament is due to vote on the arrangement next month, and opposition parties have called it a surrender.",
    "The dam's operator said it would publish daily flow figures on its website from the start of the month.",
]


OTHER_OUTLET = [
    "A dispute over a river dam between two neighbouring states moved a step closer to arbitration this week.",
    "Government officials in Ostmark described the meeting in Kessel as cordial but said little had been settled.",
    "Environmental groups warned that any deal must protect wetlands downstream, which host migrating birds.",
    "Water engineers told this newspaper that flows had fallen by a fifth since the dam opened.",
]


def sig(doc, paras, published=None):
    return dedup.signature(doc, "\n\n".join(paras), published)


LONG = BASE + [
    "Officials from the two capitals said a second round of talks could take place in Lessing before the end of the year.",
    "The reservoir behind the dam holds about four hundred million cubic metres when it is full, engineers say.",
    "Fishermen downstream have reported smaller catches in each of the last three summers, a local cooperative said.",
    "A spokesman for the operator said releases had been kept above the minimum agreed in the old treaty at all times.",
    "Ostmark's agriculture ministry estimates that the drought of last summer cost its farmers a fifth of the harvest.",
    "Both delegations declined to say whether the commission would be allowed to inspect the dam's control rooms.",
]


CARRIES_WIRE = [
    "Councillors in Torvik voted on Monday to spend more on flood defences along the lower river.",
    "The council's plan adds two pumping stations and raises the quay wall by half a metre over three years.",
    LONG[3],
    LONG[4],
    "Residents who lost property in last winter's floods said the money came too late for them.",
    "The mayor said the town would ask the national government to pay for a third of the work.",
    "Work on the first pumping station is due to start in the spring, once the ground has dried.",
]


FOOTER = [
    "Support independent journalism in the valley: subscribe today for less than the price of a coffee.",
    "The Valley Courier is published by Lower Aran Media Group, fourteen Quay Street, Torvik, all rights reserved.",
]


BRIEF = [
    "Engineers at the Kessel dam opened two of the four spillway gates on Thursday night after heavy rain upstream "
    "raised the reservoir above its summer limit, and the operator warned farmers downstream to move livestock "
    "away from the river banks before the water arrives on Friday morning.",
    "The operator said the release would last two days.",
    "Police closed the lower river road as a precaution.",
]
