"""Export: timelines as Markdown and HTML, and the timeline view the web page shares.

The JSON shapes (the public contract) live in :mod:`storyline.contract`. Article text is
untrusted: the HTML page is rendered by Jinja2 with autoescaping and loads nothing from the
network; Markdown escapes HTML and link syntax.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Optional
from urllib.parse import urlsplit

from jinja2 import BaseLoader, Environment, PackageLoader, select_autoescape

from .ingest import type_suffix
from .model import Document, Sentence, Source, SummaryLine, Timeline, TimelineEntry

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]
_SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "WI": "Winter"}


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


def _said(line: SummaryLine) -> str:
    """Who a line quotes, as Markdown after its text ("" when it quotes no one)."""
    return f" _(said by {md_escape(', '.join(line.speakers))})_" if line.speakers else ""


def timeline_to_markdown(timeline: Timeline, title: str = "Timeline",
                         documents: Optional[dict[str, Document]] = None) -> str:
    lines = [f"# {md_escape(title)}", ""]
    if not timeline.entries:
        lines += ["_No dated entries._", ""]
    for entry in timeline.entries:
        lines += [f"## {human_date(entry.date, entry.granularity)}", ""]
        for line in entry.summary:
            lines.append(f"- {md_escape(line.text)}{_said(line)} [{_cite(line.sources)}]")
        lines.append("")
    if timeline.undated:
        lines += ["## Undated", ""]
        for entry in timeline.undated:
            for line in entry.summary:
                lines.append(f"- {md_escape(line.text)}{_said(line)} [{_cite(line.sources)}]")
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


# -- HTML: the view shared by the static export and the web app --------------------------------

_WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def source_label(doc: Document) -> str:
    """A short name for where a document comes from: its outlet, else its site, else its file."""
    if doc.source:
        return doc.source
    if doc.url:
        try:
            host = urlsplit(doc.url).hostname if "//" in doc.url else None
        except ValueError:
            host = None
        if host:
            return host[4:] if host.startswith("www.") else host
    parts = re.split(r"[\\/]", doc.path.split("#")[0])
    name = parts[-1]
    name = name[: len(name) - len(type_suffix(name))]
    dated = re.match(r"(.*?)[-_. ]*\d{4}-\d\d-\d\d", name)
    if dated and dated.group(1):
        name = dated.group(1)  # "veldra-post-2021-07-20-reservoir-filling" -> "veldra-post"
    elif dated and len(parts) > 1 and parts[-2]:
        name = parts[-2]      # "nordwire/2022-03-08-talks-open.txt" -> "nordwire"
    return name if len(name) <= 28 else name[:27] + "…"


def short_date(doc: Document) -> Optional[str]:
    """"8 Mar 2022" for a document's publication date."""
    if not doc.published:
        return None
    return f"{doc.published.day} {_MONTHS[doc.published.month - 1][:3]} {doc.published.year}"


def safe_url(url: Optional[str]) -> Optional[str]:
    """The URL when it is a plain http(s) address, else None (never a ``javascript:`` link).

    Refused too: control, space and format characters anywhere (a U+202E override shows the
    address reversed), and a host part that reads two ways (``user@evil@good``: which host is
    it?) or holds a backslash, where browsers and readers disagree about where it points."""
    if not url:
        return None
    url = url.strip()
    if any(ord(c) < 33 or ord(c) == 127 or unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Zs") for c in url):
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - a port that is not a number raises
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or not parts.hostname:
        return None
    if parts.netloc.count("@") > 1 or "\\" in url.split("?")[0].split("#")[0]:
        return None
    return url


@dataclass
class Chip:
    """One independent source of a summary line: a document (the representative of its
    duplicate group where cited) and the other versions of that story cited with it."""

    document: str
    sentence: int
    label: str
    date: Optional[str]
    tooltip: str
    versions: list[tuple[str, int, str]] = field(default_factory=list)  # (document, sentence, tooltip)


@dataclass
class Passage:
    """The paragraph around a cited sentence, as plain text: what comes before the sentence,
    the sentence, what comes after; ``cut_before``/``cut_after`` when a long paragraph was
    shortened there."""

    before: str
    sentence: str
    after: str
    cut_before: bool = False
    cut_after: bool = False

    def key(self) -> str:
        return " ".join(f"{self.before} {self.sentence} {self.after}".split())


@dataclass
class SourceView:
    """One cited sentence of a summary line, for reading it in its article: where it comes
    from and the paragraph around it."""

    document: str
    sentence: int
    label: str
    title: Optional[str] = None
    date: Optional[str] = None       # "8 Mar 2022"
    published: Optional[str] = None  # "2022-03-08"
    relation: Optional[str] = None
    url: Optional[str] = None        # only a plain http(s) address
    text: str = ""                   # the cited sentence
    passage: Optional[Passage] = None
    same_as: Optional[str] = None    # label of an earlier source of the line with the same paragraph


@dataclass
class LineView:
    text: str
    sources: list[Source]
    chips: list[Chip]
    context: list[SourceView] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)

    @property
    def n_sources(self) -> int:
        return len(self.chips)


@dataclass
class EntryView:
    date: Optional[str]
    granularity: Optional[str]
    label: str
    day: Optional[str] = None
    weekday: Optional[str] = None
    lines: list[LineView] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"d{self.date}" if self.date else ""


@dataclass
class PeriodView:
    """Entries of one month (or season, or the year as a whole) within a year."""

    key: str
    kind: str  # "month", "season" or "year"
    label: str
    entries: list[EntryView] = field(default_factory=list)


@dataclass
class YearView:
    year: str
    periods: list[PeriodView] = field(default_factory=list)

    @property
    def n_entries(self) -> int:
        return sum(len(p.entries) for p in self.periods)


@dataclass
class TimelineView:
    years: list[YearView]
    undated: list[EntryView]
    cited: list[str]
    n_entries: int


PASSAGE_CHARS = 900  # at most about this much of a paragraph around a cited sentence


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text)


class _Citations:
    """Cited sentences and their paragraphs, looked up in the cited documents only (each
    indexed the first time it is cited)."""

    def __init__(self, documents: dict[str, Document]):
        self.documents = documents
        self._sentences: dict[str, dict[int, Sentence]] = {}
        self._paragraphs: dict[str, dict[int, list[Sentence]]] = {}

    def sentence(self, document: str, index: int) -> Optional[Sentence]:
        if document not in self._sentences:
            doc = self.documents.get(document)
            sentences = sorted(doc.sentences, key=lambda s: s.index) if doc else []
            self._sentences[document] = {s.index: s for s in sentences}
            paragraphs: dict[int, list[Sentence]] = {}
            for s in sentences:
                paragraphs.setdefault(s.paragraph, []).append(s)
            self._paragraphs[document] = paragraphs
        return self._sentences[document].get(index)

    def text(self, document: str, index: int) -> str:
        found = self.sentence(document, index)
        return found.text if found else ""

    def passage(self, document: str, index: int, budget: int = PASSAGE_CHARS) -> Optional[Passage]:
        """The sentences of the cited one's paragraph, the cited one marked; a long paragraph
        is cut to the sentences nearest the cited one."""
        cited = self.sentence(document, index)
        if cited is None:
            return None
        para = self._paragraphs[document][cited.paragraph]
        at = para.index(cited)
        first = last = at
        used = len(cited.text)
        while True:
            grown = False
            for side in (-1, 1):
                nxt = first - 1 if side < 0 else last + 1
                if 0 <= nxt < len(para) and used + len(para[nxt].text) <= budget:
                    used += len(para[nxt].text)
                    first, last = (nxt, last) if side < 0 else (first, nxt)
                    grown = True
            if not grown:
                break
        text = self.documents[document].text or ""
        spans_hold = all(text[s.start:s.end] == s.text for s in (para[first], cited, para[last]))
        if spans_hold:
            before = text[para[first].start:cited.start]
            after = text[cited.end:para[last].end]
        else:  # spans that do not index this text: join the sentences
            before = " ".join(s.text for s in para[first:at]) + (" " if first < at else "")
            after = (" " if last > at else "") + " ".join(s.text for s in para[at + 1:last + 1])
        return Passage(_fold(before).lstrip(), _fold(cited.text), _fold(after).rstrip(), first > 0,
                       last < len(para) - 1)


def _chips(sources: list[Source], documents: dict[str, Document], citations: _Citations) -> list[Chip]:
    chips: dict[str, Chip] = {}
    for src in sources:
        doc = documents.get(src.document)
        key = (doc.group or doc.id) if doc else src.document
        where = citations.text(src.document, src.sentence)
        if doc:
            what = " · ".join(x for x in (doc.title, doc.source, short_date(doc) or "undated",
                                          doc.relation and f"{doc.relation} in its story group") if x)
        else:
            what = src.document
        tooltip = f"{what} — sentence {src.sentence}: {where}" if where else what
        if key in chips:
            chips[key].versions.append((src.document, src.sentence, tooltip))
        else:
            chips[key] = Chip(src.document, src.sentence, source_label(doc) if doc else src.document[:8],
                              short_date(doc) if doc else None, tooltip)
    return list(chips.values())


def _context(sources: list[Source], documents: dict[str, Document], citations: _Citations) -> list[SourceView]:
    """Every cited sentence of a line with its article's title, outlet, date and paragraph, in
    the line's order (the representative of a story group first)."""
    out: list[SourceView] = []
    seen: dict[str, str] = {}
    for src in sources:
        doc = documents.get(src.document)
        if doc is None:
            out.append(SourceView(src.document, src.sentence, src.document[:8]))
            continue
        view = SourceView(src.document, src.sentence, source_label(doc), doc.title, short_date(doc),
                          doc.published.isoformat() if doc.published else None, doc.relation, safe_url(doc.url),
                          citations.text(src.document, src.sentence), citations.passage(src.document, src.sentence))
        if view.passage:
            key = view.passage.key()
            if key in seen:
                view.same_as = seen[key]
            else:
                seen[key] = view.label
        out.append(view)
    return out


def _entry_view(entry: TimelineEntry, documents: dict[str, Document], citations: _Citations) -> EntryView:
    view = EntryView(entry.date, entry.granularity, human_date(entry.date, entry.granularity))
    if entry.granularity == "day" and entry.date:
        try:
            d = dt.date.fromisoformat(entry.date)
            view.day, view.weekday = str(d.day), _WEEKDAYS[d.weekday()]
        except ValueError:
            pass
    view.lines = [LineView(line.text, line.sources, _chips(line.sources, documents, citations),
                           _context(line.sources, documents, citations), list(line.speakers))
                  for line in entry.summary]
    return view


def _period(entry: TimelineEntry) -> tuple[int, str, str, str]:
    """(sort key, key, kind, label) of the part of its year an entry belongs to."""
    date, gran = entry.date or "", entry.granularity
    year = date[:4]
    if gran == "season" and date[5:] in _SEASON_START:
        return _SEASON_START[date[5:]] * 2 - 1, date, "season", _SEASONS[date[5:]]
    if gran in ("day", "month") and re.match(r"\d{4}-\d\d", date):
        month = int(date[5:7])
        if 1 <= month <= 12:
            return month * 2, date[:7], "month", _MONTHS[month - 1]
    return 0, year, "year", f"All of {year}" if year else "Other"


def timeline_view(timeline: Timeline, documents: dict[str, Document]) -> TimelineView:
    """A timeline laid out for reading: years, then months (seasons and the year as a whole
    where dates are that coarse), entries with their lines and source chips. A chip stands
    for an independent source: a wire story and its versions make one chip. Each line also
    carries its cited sentences in context (``LineView.context``).

    ``documents`` needs to hold (with text and sentences) only the documents the timeline cites."""
    citations = _Citations(documents)
    years: dict[str, dict[str, tuple[int, PeriodView]]] = {}
    for entry in timeline.entries:
        order, key, kind, label = _period(entry)
        periods = years.setdefault((entry.date or "")[:4], {})
        if key not in periods:
            periods[key] = (order, PeriodView(key, kind, label))
        periods[key][1].entries.append(_entry_view(entry, documents, citations))
    year_views = [YearView(year, [p for _, p in sorted(periods.values(), key=lambda x: (x[0], x[1].key))])
                  for year, periods in sorted(years.items())]
    cited: list[str] = []
    for entry in [*timeline.entries, *timeline.undated]:
        for line in entry.summary:
            for s in line.sources:
                if s.document not in cited:
                    cited.append(s.document)
    return TimelineView(year_views, [_entry_view(e, documents, citations) for e in timeline.undated], cited,
                        len(timeline.entries))


def segments_filter(value) -> list[tuple[str, bool]]:
    """Template filter: a Highlighted as (text, matched) runs, whitespace runs folded."""
    return [(re.sub(r"\s+", " ", text), matched) for text, matched in value.segments()]


def template_environment(loader: BaseLoader) -> Environment:
    """A Jinja2 environment with autoescaping and storyline's filters, over ``loader``."""
    env = Environment(loader=loader, autoescape=select_autoescape(enabled_extensions=("html",), default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["human_date"] = lambda entry: human_date(entry.date, entry.granularity)
    env.filters["short_date"] = short_date
    env.filters["source_label"] = source_label
    env.filters["safe_url"] = safe_url
    env.filters["segments"] = segments_filter
    env.globals["plural"] = lambda n, word, many=None: f"{n} {word if n == 1 else (many or word + 's')}"
    return env


TEMPLATES = PackageLoader("storyline", "templates")
_env = template_environment(TEMPLATES)


def timeline_to_html(timeline: Timeline, documents: dict[str, Document], title: str = "Timeline") -> str:
    """One self-contained page: inline style, no scripts, no network, all text escaped."""
    view = timeline_view(timeline, documents)
    return _env.get_template("timeline.html").render(
        title=title, view=view, documents=documents, cite_url=None,
        generated=dt.datetime.now().strftime("%Y-%m-%d %H:%M"))


def iter_sources(timeline: Timeline) -> Iterable[str]:
    for entry in [*timeline.entries, *timeline.undated]:
        for line in entry.summary:
            for s in line.sources:
                yield s.document
