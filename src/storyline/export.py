"""Export: timelines and documents as JSON (the public contract), Markdown and HTML.

The JSON shapes are documented in the README; other tools read them, so they change only
with a version bump. Article text is untrusted: the HTML page is rendered by Jinja2 with
autoescaping and loads nothing from the network; Markdown escapes HTML and link syntax.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterable, Optional

from jinja2 import Environment, PackageLoader, select_autoescape

from .model import Document, Timeline, TimelineEntry

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]
_SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "WI": "Winter"}


def entry_to_dict(entry: TimelineEntry, dated: bool = True) -> dict:
    out = {}
    if dated:
        out["date"] = entry.date
    out["granularity"] = entry.granularity
    out["summary"] = [{"text": line.text,
                       "sources": [{"document": s.document, "sentence": s.sentence} for s in line.sources]}
                      for line in entry.summary]
    return out


def timeline_to_dict(timeline: Timeline) -> dict:
    return {"entries": [entry_to_dict(e) for e in timeline.entries],
            "undated": [entry_to_dict(e, dated=False) for e in timeline.undated]}


def document_to_dict(doc: Document) -> dict:
    return {
        "id": doc.id, "path": doc.path, "paths": doc.paths, "url": doc.url, "title": doc.title,
        "published": doc.published.isoformat() if doc.published else None,
        "published_time": doc.published_time, "byline": doc.byline, "dateline": doc.dateline,
        "source": doc.source, "contributors": doc.contributors, "text": doc.text,
        "group": doc.group, "relation": doc.relation,
        "removed": [{"text": r.text, "reason": r.reason} for r in doc.removed],
    }


def clean_result_to_dict(path: str, result) -> dict:
    """The ``storyline clean`` JSON for one document (a :class:`CleanResult`)."""
    return {
        "path": path, "title": result.title,
        "published": result.published.isoformat() if result.published else None,
        "published_time": result.published_time, "byline": result.byline, "dateline": result.dateline,
        "source": result.source, "contributors": list(result.contributors), "text": result.text,
        "removed": [{"text": r.text, "reason": r.reason} for r in result.removed],
    }


def timex_to_dict(mentions) -> dict:
    """The ``storyline timex`` JSON: character offsets into the input exactly as given."""
    return {"timexes": [{"start": m.start, "end": m.end, "text": m.text, "type": m.type, "value": m.value,
                         "granularity": m.granularity, "mod": m.mod, "anchor": m.anchor} for m in mentions]}


def human_date(value: Optional[str], granularity: Optional[str]) -> str:
    """"2013-11-01" → "1 November 2013", "2014-SP" → "Spring 2014", "2014-01" → "January 2014"."""
    if not value:
        return "Undated"
    try:
        if granularity == "day":
            d = dt.date.fromisoformat(value)
            return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
        if granularity == "month":
            year, month = value.split("-")
            return f"{_MONTHS[int(month) - 1]} {year}"
        if granularity == "season":
            year, season = value.split("-")
            return f"{_SEASONS.get(season, season)} {year}"
    except (ValueError, IndexError):
        pass
    return value


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|!])")


def md_escape(text: str) -> str:
    """Escape Markdown syntax and HTML so article text renders as text."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _cite(sources) -> str:
    return ", ".join(f"{s.document}#{s.sentence}" for s in sources)


def timeline_to_markdown(timeline: Timeline, title: str = "Timeline",
                         documents: Optional[dict[str, Document]] = None) -> str:
    lines = [f"# {md_escape(title)}", ""]
    if not timeline.entries:
        lines += ["_No dated entries._", ""]
    for entry in timeline.entries:
        lines += [f"## {human_date(entry.date, entry.granularity)}", ""]
        for line in entry.summary:
            lines.append(f"- {md_escape(line.text)} [{_cite(line.sources)}]")
        lines.append("")
    if timeline.undated:
        lines += ["## Undated", ""]
        for entry in timeline.undated:
            for line in entry.summary:
                lines.append(f"- {md_escape(line.text)} [{_cite(line.sources)}]")
        lines.append("")
    if documents:
        cited = []
        for entry in [*timeline.entries, *timeline.undated]:
            for line in entry.summary:
                for s in line.sources:
                    if s.document not in cited:
                        cited.append(s.document)
        lines += ["## Sources", ""]
        for doc_id in cited:
            doc = documents.get(doc_id)
            if doc:
                what = " · ".join(x for x in [doc.title, doc.source, doc.published.isoformat() if doc.published else "undated", doc.path] if x)
                lines.append(f"- `{doc_id}` {md_escape(what)}")
        lines.append("")
    return "\n".join(lines)


_env = Environment(loader=PackageLoader("storyline", "templates"),
                   autoescape=select_autoescape(enabled_extensions=("html",), default=True))
_env.filters["human_date"] = lambda entry: human_date(entry.date, entry.granularity)


def timeline_to_html(timeline: Timeline, documents: dict[str, Document], title: str = "Timeline") -> str:
    """One self-contained page: inline style, no scripts, no network, all text escaped."""
    years: list[tuple[str, list[TimelineEntry]]] = []
    for entry in timeline.entries:
        year = entry.date[:4]
        if not years or years[-1][0] != year:
            years.append((year, []))
        years[-1][1].append(entry)
    cited: list[str] = []
    for entry in [*timeline.entries, *timeline.undated]:
        for line in entry.summary:
            for s in line.sources:
                if s.document not in cited:
                    cited.append(s.document)
    sentences = {(d.id, s.index): s.text for d in documents.values() for s in d.sentences}

    def independent(sources) -> int:
        return len({documents[s.document].group or s.document if s.document in documents else s.document
                    for s in sources})

    return _env.get_template("timeline.html").render(
        title=title, years=years, undated=timeline.undated, documents=documents, cited=cited,
        sentences=sentences, independent=independent, n_documents=len(documents),
        generated=dt.datetime.now().strftime("%Y-%m-%d %H:%M"))


def iter_sources(timeline: Timeline) -> Iterable[str]:
    for entry in [*timeline.entries, *timeline.undated]:
        for line in entry.summary:
            for s in line.sources:
                yield s.document
