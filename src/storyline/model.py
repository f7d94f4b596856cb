"""The small data model that flows between storyline's stages.

Every stage takes these objects and returns these objects; only ``storyline.store``
turns them into database rows. Provenance is explicit everywhere: a sentence knows its
document and character span, a time mention knows its span and what it was resolved
against, a summary line knows every (document, sentence) it stands for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, Optional

from .errors import IngestError

# The closed sets of values the model's string fields take.
Relation = Literal["representative", "version", "duplicate"]
Granularity = Literal["time", "day", "week", "month", "quarter", "season", "year", "decade", "century"]  # finest first
MentionType = Literal["DATE", "TIME", "DURATION", "SET"]
DateKind = Literal["report", "preview", "state", "none"]
EntityKind = Literal["PERSON", "ORG", "GPE", "LOC", "NORP"]
SpeakerKind = Literal["named", "pronoun", "anonymous", "other"]


@dataclass
class Removed:
    """A block the clean stage dropped, with the reason it was dropped."""

    text: str
    reason: str


@dataclass
class RawDocument:
    """A document as ingested: decoded text plus whatever metadata came with it.

    ``id`` is a short hex hash of the raw bytes (for a JSONL record: of its line), so the
    same content always gets the same id wherever it lives. ``kind`` is ``"text"`` or
    ``"html"``. ``given`` holds metadata supplied with the document (JSONL fields); it
    always wins over what the clean stage guesses from the text.
    """

    id: str
    path: str
    kind: str
    content: str
    encoding: str = "utf-8"
    given: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # what was repaired or ignored on reading, in words


@dataclass
class CleanResult:
    """What the clean stage makes of one raw document's content."""

    text: str
    removed: list[Removed] = field(default_factory=list)
    title: Optional[str] = None
    published: Optional[dt.date] = None
    published_time: Optional[str] = None  # ISO 8601 time with offset where known, e.g. "08:30-05:00"
    byline: Optional[str] = None
    dateline: Optional[str] = None
    source: Optional[str] = None
    contributors: list[str] = field(default_factory=list)
    language: Optional[str] = None  # ISO 639-1 code of the text's language; None when too short or unsure


@dataclass
class Sentence:
    """One sentence of a document's clean text; ``start``/``end`` index that text."""

    document: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass
class TimeMention:
    """A date expression found in a text and, where possible, resolved.

    ``start``/``end`` are character offsets into the text the mention was found in
    (for stored documents: the clean text). ``value`` is a TIMEX3 value ("2013-11-01",
    "2014-01", "2014-SP", "2012", "2013-W44", "PAST_REF", "P2H"...) or ``None`` when the
    expression needs an anchor that is missing. ``granularity`` is one of "day", "week",
    "month", "season", "quarter", "year", "decade", "century", "time" or ``None``.
    ``anchor`` is the ISO date the value was computed from (``None`` when absolute).
    """

    start: int
    end: int
    text: str
    type: MentionType = "DATE"
    value: Optional[str] = None
    granularity: Optional[Granularity] = None
    mod: Optional[str] = None  # START, MID, END, APPROX, BEFORE, AFTER ...
    anchor: Optional[str] = None
    document: Optional[str] = None
    sentence: Optional[int] = None


@dataclass
class EntityMention:
    """A name in a text: its span (offsets into the text it was found in), its kind, and whom it
    names. ``name`` is the fullest name the document gives that referent ("Sergei Lavrov" for a
    later "Lavrov"); ``role`` a title or office the text gives them ("foreign minister");
    ``entity`` the store's id of the referent across documents, once linked."""

    start: int
    end: int
    text: str
    kind: EntityKind
    name: str = ""
    role: Optional[str] = None
    sentence: Optional[int] = None
    key: str = ""           # the name's key (``entities.names.key``)
    canonical: str = ""     # the key of the entity it is linked to across documents
    entity: Optional[int] = None


@dataclass
class TextSpan:
    """A span of a text: ``start``/``end`` are Python string indices, ``text`` is ``text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass
class Speaker(TextSpan):
    """Who a quote is attributed to, as the text names them. ``kind``: a name, a pronoun, an
    anonymous source ("officials"), or another noun phrase; ``entity`` the name of the entity
    the speaker resolves to where the text allows ("Sergei Lavrov" for "he" or "Lavrov")."""

    kind: SpeakerKind = "named"
    entity: Optional[str] = None


@dataclass
class Quote:
    """Something said and who said it: the content span (``direct`` when it is in quotation marks,
    whole or in part), the cue ("said", "according to") and the speaker, each a span of the text."""

    start: int
    end: int
    text: str
    direct: bool
    cue: Optional[TextSpan] = None
    speaker: Optional[Speaker] = None
    sentence: Optional[int] = None  # the sentence the content starts in, where the text is a document's


@dataclass
class Document:
    """A cleaned document with its sentences and resolved dates."""

    id: str
    path: str
    kind: str
    text: str
    paths: list[str] = field(default_factory=list)
    url: Optional[str] = None
    title: Optional[str] = None
    published: Optional[dt.date] = None
    published_time: Optional[str] = None
    byline: Optional[str] = None
    dateline: Optional[str] = None
    source: Optional[str] = None
    contributors: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    encoding: str = "utf-8"
    language: Optional[str] = None  # ISO 639-1 code, as the clean stage detected it
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[TimeMention] = field(default_factory=list)
    group: Optional[str] = None
    relation: Optional[Relation] = None
    # Paragraph-level duplicates (by paragraph number, as in Sentence.paragraph): paragraphs
    # another source published first (wire copy) → that source's key (its duplicate group, else
    # its document id); and paragraphs repeating an earlier paragraph of this document.
    paragraph_origins: dict[int, str] = field(default_factory=dict)
    repeated_paragraphs: set[int] = field(default_factory=set)
    # What the timeline needs of each sentence, computed once at build time and stored.
    features: list["SentenceFeatures"] = field(default_factory=list)
    # Names and quotes (None: not analysed, as when the entity layer is off or not installed).
    entities: Optional[list[EntityMention]] = None
    quotes: Optional[list[Quote]] = None
    # The candidate sentences that report a statement rather than a happening (``quotes.statements``),
    # by index; None where quotes were not looked for.
    statements: Optional[list[int]] = None


@dataclass
class SentenceFeatures:
    """One sentence as the timeline sees it, computed once when the document is built.

    ``date`` is the date of the event the sentence reports (``named`` when the sentence names
    it, else the publication date it falls back to), ``kind`` says whether it reports
    ("report"), looks ahead ("preview"), states a running condition ("state") or dates
    nothing ("none"), and ``reason`` why. ``refused`` names the page furniture a sentence is
    (a reader's comment, a page stamp, a caption ...), which never becomes a timeline line.
    ``prior`` (0–1) is how well it reads alone as a report; ``words`` its content words;
    ``chronology`` marks an item of a chronology ("July 1: ...") about its date; ``other_dates``
    are further dates it reports events on, which count for those dates' salience only.
    """

    sentence: int
    date: Optional[str]
    granularity: Optional[Granularity]
    named: bool
    kind: DateKind
    reason: str
    refused: Optional[str]
    prior: float
    words: str
    chronology: bool = False
    other_dates: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class GroupMember:
    """One member of a duplicate group and why it joined.

    ``similarity`` is the estimated Jaccard similarity of its word 5-shingles with
    ``linked_to`` (the representative, or the member it joined through), ``containment`` the
    share of the shorter of the two found in the other, ``shared_paragraphs`` how many
    paragraphs the two have in common word for word.
    """

    document: str
    relation: Relation
    similarity: float = 1.0
    reason: str = ""
    containment: float = 1.0
    shared_paragraphs: int = 0
    linked_to: Optional[str] = None


@dataclass
class DuplicateGroup:
    """Documents that are one story: exact copies and versions. Keeps every member."""

    id: str
    representative: str
    members: list[GroupMember] = field(default_factory=list)


@dataclass
class ParagraphCopy:
    """Where one copy of a paragraph is: document, paragraph number and span in its clean text."""

    document: str
    paragraph: int
    start: int
    end: int


@dataclass
class SharedParagraph:
    """A paragraph found more than once, word for word (case and punctuation aside).

    ``occurrences`` lists every copy, the first publication first (earliest dated document);
    ``documents`` counts distinct documents, ``sources`` independent sources (duplicate groups).
    A paragraph repeated inside one document has two occurrences in that document.
    """

    key: str
    text: str
    occurrences: list[ParagraphCopy] = field(default_factory=list)
    documents: int = 0
    sources: int = 0


@dataclass
class Source:
    document: str
    sentence: int


@dataclass
class SummaryLine:
    text: str
    sources: list[Source] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)  # who its sources quote, where a line is a quote


@dataclass
class Event:
    """Sentences about one happening, from one or more sources, with the date they share."""

    date: Optional[str]
    granularity: Optional[Granularity]
    sentences: list[Sentence] = field(default_factory=list)
    groups: set[str] = field(default_factory=set)  # independent sources (dedup groups) that report it


@dataclass
class TimelineEntry:
    date: Optional[str]
    granularity: Optional[Granularity]
    summary: list[SummaryLine] = field(default_factory=list)


@dataclass
class Timeline:
    entries: list[TimelineEntry] = field(default_factory=list)
    undated: list[TimelineEntry] = field(default_factory=list)


@dataclass
class Highlighted:
    """A piece of text and the ``(start, end)`` spans of it that matched a search query.

    Matches are offsets, never markup: whatever shows the text escapes it and marks the
    spans itself.
    """

    text: str
    matches: list[tuple[int, int]] = field(default_factory=list)

    def segments(self) -> list[tuple[str, bool]]:
        """The text cut into ``(piece, matched)`` runs, in order."""
        out: list[tuple[str, bool]] = []
        pos = 0
        for start, end in self.matches:
            if start > pos:
                out.append((self.text[pos:start], False))
            if end > max(start, pos):
                out.append((self.text[max(start, pos):end], True))
            pos = max(pos, end)
        if pos < len(self.text):
            out.append((self.text[pos:], False))
        return out


@dataclass
class SentenceHit:
    document: str
    sentence: int
    score: float
    text: Highlighted


@dataclass
class SearchHit:
    """A matching document (without its sentences), its bm25 score (lower is better), the
    title and a snippet of its text with the matches, and its best matching sentences."""

    document: Document
    score: float
    title: Highlighted
    snippet: Highlighted
    sentences: list[SentenceHit] = field(default_factory=list)


@dataclass
class SearchResults:
    query: str
    total: int
    offset: int
    hits: list[SearchHit] = field(default_factory=list)


@dataclass(eq=False)
class DatedSentence:
    """A candidate sentence of a date as the timeline reads it from the store: the sentence, its
    document's publication and place in its duplicate group, its independent source, the date it
    reports and what the build stored about it."""

    sentence: Sentence
    published: Optional[dt.date]
    relation: Optional[Relation]  # the document's place in its duplicate group
    source: str                  # independent source key
    date: str
    granularity: Granularity
    explicit: bool               # the date is named in the sentence
    kind: DateKind
    prior: float
    chronology: bool
    words: set[str] = field(default_factory=set)
    shifted: bool = False        # a next-day report's lead, placed on the day before

    @property
    def document(self) -> str:
        return self.sentence.document

    @property
    def key(self) -> tuple[str, int]:
        return (self.sentence.document, self.sentence.index)


@dataclass
class EntitySummary:
    """One entity of a store: its kind, the name it is most written with (and every other), the role
    most often given, how often and in how many documents it is named, first and last publication
    date of those documents, and how many quotes are attributed to it."""

    id: int
    kind: EntityKind
    name: str
    role: Optional[str] = None
    mentions: int = 0
    documents: int = 0
    first: Optional[str] = None
    last: Optional[str] = None
    quotes: int = 0
    names: list[str] = field(default_factory=list)


@dataclass
class QuoteSource:
    """A stored quote with where it is: its document and that document's publication date."""

    document: str
    published: Optional[str]
    quote: Quote


@dataclass
class BuildReport:
    """What a build did: documents added, re-derived (a newer pipeline) or unchanged, paths new to
    the store, files that could not be stored with the reason, and the store's totals after it."""

    added: int = 0
    rederived: int = 0
    unchanged: int = 0
    new_paths: int = 0
    errors: list[IngestError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    documents: int = 0
    groups: int = 0
    interrupted: bool = False
    entities_off: Optional[str] = None   # why names and quotes were not looked for (None: they were)
    entities_caught_up: int = 0          # stored documents the entity layer ran over for the first time


@dataclass
class UploadReport:
    """What adding uploaded files did: documents new to the store, documents it already
    held (same content), and files or records that could not be stored, with the reason."""

    added: list[Document] = field(default_factory=list)
    unchanged: list[Document] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    build: BuildReport = field(default_factory=BuildReport)


# Why an editor excluded a line: the categories an editor's reading files a wrong line under.
EXCLUSION_REASONS = ("wrong-date", "not-an-event", "furniture", "duplicate", "other")


@dataclass
class Exclusion:
    """A line an editor excluded from the timeline: the document, the sentence it is now (None when
    the document, derived again, no longer holds that text), the sentence's text, why
    (``EXCLUSION_REASONS``), the editor's note and when (UTC, ISO 8601). With no text, every line
    of the document (``whole``)."""

    document: str
    sentence: Optional[int]
    text: str
    reason: str
    note: str = ""
    at: str = ""

    @property
    def whole(self) -> bool:
        return not self.text
