"""Shapes of the JSON API, for its OpenAPI schema.

The bodies themselves come from :mod:`storyline.export` (the command line's JSON
contract); these models only describe them, and the tests check that they agree.
"""

from __future__ import annotations

from typing import Optional, Union

from pydantic import BaseModel, Field


class Error(BaseModel):
    detail: str = Field(description="What was wrong with the request")


class ExcludedLine(BaseModel):
    document: str = Field(description="Document id")
    sentence: Optional[int] = Field(description="The sentence it is now (null: the document no longer holds it)")
    line: Optional[str] = Field(description="DOCUMENT#SENTENCE, to put the line back with")
    whole: bool = Field(description="Every line of the article is excluded")
    text: str = Field(description="The excluded sentence")
    reason: str = Field(description="Why it is not right")
    note: str = Field(description="The editor's note")
    at: str = Field(description="When it was excluded (UTC)")


class Changed(BaseModel):
    changed: int = Field(description="Lines excluded (or put back) that were not before")


class SourceRef(BaseModel):
    document: str = Field(description="Document id")
    sentence: int = Field(description="Index of the sentence in the document's clean text")


class SummaryLine(BaseModel):
    text: str
    sources: list[SourceRef] = Field(description="Every sentence the line stands for, the representative's first")


class Entry(BaseModel):
    date: str = Field(description="YYYY-MM-DD, YYYY-MM, YYYY-SP|SU|FA|WI or YYYY")
    granularity: Optional[str] = Field(description="day, month, season or year")
    summary: list[SummaryLine]


class UndatedEntry(BaseModel):
    granularity: None = None
    summary: list[SummaryLine]


class Timeline(BaseModel):
    entries: list[Entry]
    undated: list[UndatedEntry]


class Removed(BaseModel):
    text: str
    reason: str


class Document(BaseModel):
    id: str = Field(description="16 hex characters, a hash of the document's raw bytes")
    path: str = Field(description="Where it was first seen (file.jsonl#7 for line 7 of a JSONL file)")
    paths: list[str]
    url: Optional[str]
    title: Optional[str]
    published: Optional[str] = Field(description="YYYY-MM-DD, or null when no date is stated")
    published_time: Optional[str]
    byline: Optional[str]
    dateline: Optional[str]
    source: Optional[str]
    contributors: list[str]
    text: str = Field(description="The clean body, paragraphs separated by a blank line")
    group: Optional[str] = Field(description="Id shared by a document and its duplicates/versions")
    relation: Optional[str] = Field(description="representative, version, duplicate or null")
    language: Optional[str] = Field(description="ISO 639-1 code of the text's language as detected, or null")
    removed: list[Removed] = Field(description="What cleaning dropped and why")


class SentenceTimeline(BaseModel):
    date: Optional[str] = Field(description="Date of the event the sentence reports (TIMEX3 value), or null")
    granularity: Optional[str]
    named: bool = Field(description="The sentence names the date (false: its publication date)")
    kind: str = Field(description="report, preview, state or none")
    reason: str = Field(description="Why this date")
    refused: Optional[str] = Field(description="Why the sentence can never be a timeline line (page furniture ...), or null")


class Sentence(BaseModel):
    index: int
    start: int
    end: int
    paragraph: int
    text: str
    timeline: Optional[SentenceTimeline] = None


class Timex(BaseModel):
    start: int
    end: int
    text: str
    type: str
    value: Optional[str]
    granularity: Optional[str]
    mod: Optional[str]
    anchor: Optional[str]
    sentence: Optional[int]


class Annotations(BaseModel):
    sentences: list[Sentence]
    timexes: list[Timex]


class Highlighted(BaseModel):
    text: str = Field(description="Plain text (escape it before showing it as HTML)")
    matches: list[list[int]] = Field(description="[start, end) character offsets of the matches in text")


class DocumentSummary(BaseModel):
    id: str
    path: str
    title: Optional[str]
    published: Optional[str]
    source: Optional[str]


class SentenceHit(BaseModel):
    sentence: int
    score: float = Field(description="bm25 (lower is better)")
    text: Highlighted


class SearchHit(BaseModel):
    document: DocumentSummary
    score: float = Field(description="bm25 (lower is better)")
    title: Highlighted
    snippet: Highlighted
    sentences: list[SentenceHit]


class SearchResults(BaseModel):
    query: str
    total: int
    offset: int
    results: list[SearchHit]


class Member(BaseModel):
    document: str
    relation: str
    similarity: float
    reason: str


class Group(BaseModel):
    group: str
    representative: str
    members: list[Member]


class BuildError(BaseModel):
    path: str
    reason: str


class UploadReport(BaseModel):
    added: list[DocumentSummary]
    unchanged: list[DocumentSummary] = Field(description="Already in the store (same content)")
    errors: list[BuildError]
    documents: int = Field(description="Documents in the store now")
    groups: int = Field(description="Duplicate/version groups in the store now")


class ValidationProblem(BaseModel):
    loc: list[Union[str, int]]
    msg: str
    type: str


class ValidationErrors(BaseModel):
    detail: list[ValidationProblem]
