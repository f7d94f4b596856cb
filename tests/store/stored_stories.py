"""Documents to store in the store's tests: ``entry`` and ``story`` give what a build saves
(raw document, document, signature); WIRE, its UPDATE and an OTHER story sharing one paragraph."""

from helpers import make_doc

from storyline import dedup
from storyline.model import RawDocument, Removed


def entry(doc_id, text, published=None):
    doc = make_doc(doc_id, text, published, [("Tuesday", published, "day")] if published and "Tuesday" in text else [])
    doc.removed = [Removed("Share this", "share")]
    raw = RawDocument(id=doc_id, path=doc.path, kind="text", content="RAW " + text)
    return raw, doc, dedup.signature(doc_id, text, doc.published)


WIRE = [
    "Ministers from Veldra and Ostmark met in the border town of Kessel on Tuesday to discuss the future of the dam.",
    "The talks lasted six hours and ended with a joint statement promising a technical commission before the summer.",
    "Veldra's foreign minister, Anja Brenner, said the commission would examine water flows and compensation claims.",
    "Ostmark has long argued that the dam reduces the river's flow to its farms in the dry season.",
    "Farmers on both sides of the border have staged protests since the reservoir began filling three years ago.",
    "Analysts said the commission could take a year to report, and that neither government wanted an early clash.",
]


UPDATE = WIRE[:2] + ["On Wednesday, the commission's first members were named by both governments, officials said."] + WIRE[2:]


OTHER = [
    "Councillors in Torvik voted on Monday to spend more on flood defences along the lower river.",
    "The council's plan adds two pumping stations and raises the quay wall by half a metre over three years.",
    WIRE[3],
    "Residents who lost property in last winter's floods said the money came too late for them.",
    "The mayor said the town would ask the national government to pay for a third of the work.",
]


def story(doc_id, paragraphs, published):
    return entry(doc_id, "\n\n".join(paragraphs), published)


def members(store):
    return {g.representative: sorted(m.document for m in g.members) for g in store.groups()}
