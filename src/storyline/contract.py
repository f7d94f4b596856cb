"""The JSON contract: every shape the command line prints and the web app's JSON API returns.

Both front ends build their JSON here and nowhere else, so ``storyline timeline --format
json`` and ``/api/timeline`` cannot drift apart. Other tools read these shapes (they are
documented in the README), so they change only with a version bump. Everything here is a
plain conversion of model objects: no I/O, no store.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Iterable, Optional, Sequence

from .model import (CleanResult, Document, DuplicateGroup, EntitySummary, Exclusion, Highlighted, Quote, QuoteSource,
                    SearchResults, SharedParagraph, Source, SummaryLine, TimeMention, Timeline, TimelineEntry)

if TYPE_CHECKING:
    from .errors import IngestError


def to_json(data: object, *, ascii: bool = False) -> str:
    """The command line's JSON: indented, one trailing newline (non-ASCII kept unless ``ascii``)."""
    return json.dumps(data, ensure_ascii=ascii, indent=2) + "\n"


# -- timelines ---------------------------------------------------------------------------------

def entry_to_dict(entry: TimelineEntry, dated: bool = True) -> dict:
    out: dict[str, Any] = {}
    if dated:
        out["date"] = entry.date
    out["granularity"] = entry.granularity
    out["summary"] = [{"text": line.text,
                       "sources": [{"document": s.document, "sentence": s.sentence} for s in line.sources],
                       **({"speakers": line.speakers} if line.speakers else {})}
                      for line in entry.summary]
    return out


def timeline_to_dict(timeline: Timeline) -> dict:
    """The ``storyline timeline --format json`` contract (and ``/api/timeline``)."""
    return {"entries": [entry_to_dict(e) for e in timeline.entries],
            "undated": [entry_to_dict(e, dated=False) for e in timeline.undated]}


def timeline_from_dict(data: dict) -> Timeline:
    """The inverse of ``timeline_to_dict``."""
    def entry(e: dict) -> TimelineEntry:
        return TimelineEntry(e.get("date"), e.get("granularity"),
                             [SummaryLine(x["text"], [Source(s["document"], s["sentence"]) for s in x["sources"]],
                                          list(x.get("speakers", [])))
                              for x in e["summary"]])
    return Timeline([entry(e) for e in data["entries"]], [entry(e) for e in data["undated"]])


# -- entities and quotes -----------------------------------------------------------------------

def entity_summary_to_dict(e: EntitySummary) -> dict:
    """One element of ``storyline entities --format json`` (and ``/api/entities``)."""
    return {"id": e.id, "kind": e.kind, "name": e.name, "role": e.role, "names": e.names, "mentions": e.mentions,
            "documents": e.documents, "first": e.first, "last": e.last, "quotes": e.quotes}


def quote_to_dict(q: Quote) -> dict:
    """A quote as ``storyline quotes`` and the entity API give it: content, cue and speaker spans."""
    cue, who = q.cue, q.speaker
    return {"start": q.start, "end": q.end, "text": q.text, "direct": q.direct,
            "cue": {"start": cue.start, "end": cue.end, "text": cue.text} if cue else None,
            "speaker": ({"start": who.start, "end": who.end, "text": who.text, "entity": who.entity, "kind": who.kind}
                        if who else None)}


def quotes_to_dict(quotes: Iterable[Quote]) -> dict:
    """The ``storyline quotes --format json`` contract: one text's quotes, offsets into its text."""
    return {"quotes": [quote_to_dict(q) for q in quotes]}


def entity_to_dict(summary: EntitySummary, quotes: list[QuoteSource]) -> dict:
    """``/api/entities/{id}``: the entity and its quotes in time order, each with its document and sentence."""
    return {**entity_summary_to_dict(summary),
            "quoted": [{"document": s.document, "published": s.published, "sentence": s.quote.sentence,
                        **quote_to_dict(s.quote)} for s in quotes]}


# -- documents ---------------------------------------------------------------------------------

def document_to_dict(doc: Document) -> dict:
    """One element of ``storyline documents --format json`` (and ``/api/articles/{id}``)."""
    return {
        "id": doc.id, "path": doc.path, "paths": doc.paths, "url": doc.url, "title": doc.title,
        "published": doc.published.isoformat() if doc.published else None,
        "published_time": doc.published_time, "byline": doc.byline, "dateline": doc.dateline,
        "source": doc.source, "contributors": doc.contributors, "text": doc.text,
        "group": doc.group, "relation": doc.relation, "language": doc.language,
        "removed": [{"text": r.text, "reason": r.reason} for r in doc.removed],
    }


def documents_to_dict(docs: Iterable[Document]) -> list[dict]:
    """The ``storyline documents --format json`` contract (and ``/api/documents``)."""
    return [document_to_dict(d) for d in docs]


def document_summary(doc: Document) -> dict:
    """A document as search hits and upload reports name it: id, path, title, date and outlet."""
    return {"id": doc.id, "path": doc.path, "title": doc.title,
            "published": doc.published.isoformat() if doc.published else None, "source": doc.source}


def _timex(m: TimeMention) -> dict:
    return {"start": m.start, "end": m.end, "text": m.text, "type": m.type, "value": m.value,
            "granularity": m.granularity, "mod": m.mod, "anchor": m.anchor}


def annotations_to_dict(doc: Document) -> dict:
    """A stored document's sentences (with what the timeline made of each) and its resolved
    date expressions (``/api/articles/{id}/annotations``)."""
    features = {f.sentence: f for f in doc.features}

    def timeline(index: int) -> Optional[dict]:
        f = features.get(index)
        return None if f is None else {"date": f.date, "granularity": f.granularity, "named": f.named,
                                       "kind": f.kind, "reason": f.reason, "refused": f.refused}

    return {"sentences": [{"index": s.index, "start": s.start, "end": s.end, "paragraph": s.paragraph,
                           "text": s.text, "timeline": timeline(s.index)} for s in doc.sentences],
            "timexes": [{**_timex(m), "sentence": m.sentence} for m in doc.mentions]}


# -- duplicates --------------------------------------------------------------------------------

def groups_to_dict(groups: Iterable[DuplicateGroup]) -> list[dict]:
    """The ``storyline duplicates --format json`` contract (and ``/api/duplicates``)."""
    return [{"group": g.id, "representative": g.representative,
             "members": [{"document": m.document, "relation": m.relation, "similarity": m.similarity,
                          "containment": m.containment, "shared_paragraphs": m.shared_paragraphs,
                          "linked_to": m.linked_to, "reason": m.reason} for m in g.members]} for g in groups]


def paragraphs_to_dict(paragraphs: Iterable[SharedParagraph]) -> list[dict]:
    """The ``storyline duplicates --paragraphs --format json`` contract."""
    return [{"key": p.key, "text": p.text, "documents": p.documents, "sources": p.sources,
             "occurrences": [{"document": o.document, "paragraph": o.paragraph, "start": o.start, "end": o.end}
                             for o in p.occurrences]} for p in paragraphs]


# -- cleaning and dates ------------------------------------------------------------------------

def clean_result_to_dict(path: str, result: CleanResult) -> dict:
    """The ``storyline clean`` JSON for one document (a :class:`CleanResult`)."""
    return {
        "path": path, "title": result.title,
        "published": result.published.isoformat() if result.published else None,
        "published_time": result.published_time, "byline": result.byline, "dateline": result.dateline,
        "source": result.source, "contributors": list(result.contributors), "language": result.language,
        "text": result.text, "removed": [{"text": r.text, "reason": r.reason} for r in result.removed],
    }


def timex_to_dict(mentions: Iterable[TimeMention]) -> dict:
    """The ``storyline timex`` JSON: character offsets into the input exactly as given."""
    return {"timexes": [_timex(m) for m in mentions]}


# -- search ------------------------------------------------------------------------------------

def highlighted_to_dict(value: Highlighted) -> dict:
    """Text and its matches as ``[start, end)`` offsets: never markup."""
    return {"text": value.text, "matches": [list(m) for m in value.matches]}


def search_results_to_dict(results: SearchResults) -> dict:
    """The ``/api/search`` contract: one page of hits, best first, with the total."""
    return {
        "query": results.query, "total": results.total, "offset": results.offset,
        "results": [{"document": document_summary(h.document), "score": h.score,
                     "title": highlighted_to_dict(h.title), "snippet": highlighted_to_dict(h.snippet),
                     "sentences": [{"sentence": s.sentence, "score": s.score, "text": highlighted_to_dict(s.text)}
                                   for s in h.sentences]}
                    for h in results.hits]}


# -- builds and uploads ------------------------------------------------------------------------

def build_errors_to_dict(errors: Iterable["IngestError"]) -> list[dict]:
    """Files and records that could not be stored, with the reason (``/api/errors``)."""
    return [{"path": e.path, "reason": e.reason} for e in errors]


def upload_report_to_dict(report: Any) -> dict:
    """What adding uploaded files did (``POST /api/documents``): an ``api.UploadReport`` (not
    imported: the api is above this module, never below it)."""
    return {"added": [document_summary(d) for d in report.added],
            "unchanged": [document_summary(d) for d in report.unchanged],
            "errors": build_errors_to_dict(report.errors),
            "documents": report.build.documents, "groups": report.build.groups}


# -- errors ------------------------------------------------------------------------------------

def exclusions_to_dict(items: Iterable[Exclusion]) -> list[dict]:
    """Lines excluded from the timeline: ``line`` is the reference to give back to restore it
    (None when the document no longer holds the sentence, or for a whole article: ``whole``)."""
    return [{"document": e.document, "sentence": e.sentence,
             "line": f"{e.document}#{e.sentence}" if e.sentence is not None else None, "whole": e.whole,
             "text": e.text, "reason": e.reason, "note": e.note, "at": e.at} for e in items]


def error_to_dict(detail: str) -> dict:
    """A refused request: what was wrong with it, in words."""
    return {"detail": detail}


def validation_errors_to_dict(errors: Sequence[dict]) -> dict:
    """A request whose parameters were not understood: where, what and which check."""
    return {"detail": [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in errors]}


# -- evaluation --------------------------------------------------------------------------------

def tls_rows_to_dict(rows: Iterable[Any]) -> list[dict]:
    """The ``storyline eval tls --format json`` contract: per method, a row per topic and their
    mean (``api.TlsRow`` objects, from ``api.tls_rows``)."""
    return [{"method": r.method, "topic": r.topic, "references": r.references, "seconds": round(r.seconds, 2),
             **{k: round(v, 4) for k, v in r.summary.items()}, "scores": r.scores} for r in rows]


__all__ = ["exclusions_to_dict", "to_json", "entry_to_dict", "timeline_to_dict", "timeline_from_dict", "document_to_dict",
           "documents_to_dict", "document_summary", "annotations_to_dict", "groups_to_dict", "paragraphs_to_dict",
           "clean_result_to_dict", "timex_to_dict", "highlighted_to_dict", "search_results_to_dict",
           "build_errors_to_dict", "upload_report_to_dict", "error_to_dict", "validation_errors_to_dict",
           "tls_rows_to_dict"]
