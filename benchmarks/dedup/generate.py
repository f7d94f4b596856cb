"""Make a dedup benchmark corpus: N raw news pages with known duplicate groups.

The article text is real (the T17 timeline-summarization articles, read from the data folder
beside the repository and never copied into it); everything around it is made here: sites
with their own navigation, share lines, related-story lists and footers, and the ways one
story is published again:

- ``repost``: the same body under another site's furniture;
- ``update``: a later version with one to three new paragraphs and a sentence changed, or
  (two in five) a write-through: a new lead, a third of the sentences reworded, paragraphs
  laid out again (some merged, some split), the end cut;
- ``trim``: the first 30-70 % of the paragraphs (at least two), on an aggregator;
- ``edit``: a copy-edited version on another site: new headline, one to three words changed
  in almost half the sentences, paragraphs laid out again, sometimes a paragraph dropped.

and the hard negatives, which must stay apart:

- same-site neighbours: different articles under one site's furniture, which on some sites
  is long and around short articles (briefs) outweighs the article;
- ``quote``: an article that quotes one paragraph of another story word for word.

Every page carries its family (the known group) and kind. T17 has about 1,300 usable
articles; beyond them, base articles are synthetic: sentences of the real articles
recombined at random with a quarter of their words replaced by words drawn from the corpus
vocabulary, so each has its own shingles while keeping the length and paragraph shape of
news.

    python benchmarks/dedup/generate.py --n 10000 --out corpus.jsonl [--data DIR] [--seed 0]

The JSONL output (``text``, ``published``, ``url``, ``title`` plus ``family``, ``kind``,
``site``) can be built with ``storyline build corpus.jsonl``; the benchmark itself
(``run.py``) generates pages in memory.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

import numpy as np

DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "tls" / "t17"
TOPICS = ("egypt", "finan", "h1n1", "haiti", "iraq")
MIN_WORDS, MAX_WORDS = 150, 1000   # base article length after cleaning (words)
SYNTHETIC_REPLACE = 0.25           # share of words replaced in a synthetic base article


# --- real text ----------------------------------------------------------------------------

_DETOK = [
    (re.compile(r"-LRB-\s*"), "("), (re.compile(r"\s*-RRB-"), ")"),
    (re.compile(r"-LSB-\s*"), "["), (re.compile(r"\s*-RSB-"), "]"),
    (re.compile(r"``\s*"), "“"), (re.compile(r"\s*''"), "”"), (re.compile(r"`\s*"), "‘"),
    (re.compile(r"\\/"), "/"),
    (re.compile(r"\s+(n't|'s|'re|'ve|'ll|'d|'m|')(?=\s|$)", re.I), r"\1"),
    (re.compile(r"\s+([,.:;?!%)\]])"), r"\1"),
    (re.compile(r"([(\[$])\s+"), r"\1"),
    (re.compile(r"\s{2,}"), " "),
]


def detokenize(line: str) -> str:
    """T17 text is tokenized (``Egypt 's``, ``said ,``); put it back the way it was printed."""
    for pattern, repl in _DETOK:
        line = pattern.sub(repl, line)
    return line.strip()


def _shingles(words: list[str], k: int = 5) -> set[str]:
    return {" ".join(words[i:i + k]) for i in range(max(1, len(words) - k + 1))}


@dataclass
class Base:
    """One story's text: paragraphs of sentences, a title, a publication date."""

    paragraphs: list[list[str]]
    published: dt.date
    real: bool
    title: str = ""


def load_articles(data: Path, rng: np.random.Generator) -> list[Base]:
    """The T17 articles as base stories, web boilerplate and overlapping articles dropped.

    A line found in more than one article is the original site's boilerplate (or a shared
    quote) and is dropped; an article sharing a fifth of its 5-shingles with an earlier one is
    the same story twice in T17 and is dropped, so the known groups are the only overlap.
    """
    csv.field_size_limit(1 << 30)
    raw: list[tuple[dt.date, list[str]]] = []
    for topic in TOPICS:
        path = data / topic / "articles.csv"
        if not path.is_file():
            raise SystemExit(f"missing {path} (give the T17 folder with --data)")
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                lines = [ln.strip() for ln in row["text"].split("\n") if ln.strip()]
                raw.append((dt.date.fromisoformat(row["date"][:10]), lines))
    seen: dict[str, int] = {}
    for _, lines in raw:
        for ln in set(lines):
            seen[ln] = seen.get(ln, 0) + 1
    bases: list[Base] = []
    index: dict[str, int] = {}
    for published, lines in raw:
        sentences = [detokenize(ln) for ln in lines if seen[ln] == 1]
        sentences = [s for s in sentences if len(s.split()) >= 4]
        kept, words = [], 0
        for s in sentences:
            if words >= MAX_WORDS:
                break
            kept.append(s)
            words += len(s.split())
        if words < MIN_WORDS:
            continue
        shingles = _shingles(re.findall(r"\w+", " ".join(kept).lower()))
        hits: dict[int, int] = {}
        for sh in shingles:
            if sh in index:
                hits[index[sh]] = hits.get(index[sh], 0) + 1
        if hits and max(hits.values()) >= 0.2 * len(shingles):
            continue
        for sh in shingles:
            index.setdefault(sh, len(bases))
        bases.append(Base(_paragraphs(kept, rng), published, True))
    order = rng.permutation(len(bases))
    return [bases[i] for i in order]


def _paragraphs(sentences: list[str], rng: np.random.Generator) -> list[list[str]]:
    """News paragraphs: one to three sentences each, the lead on its own more often."""
    out, i = [], 0
    while i < len(sentences):
        n = 1 if i == 0 and rng.random() < 0.6 else int(rng.choice([1, 2, 2, 3]))
        out.append(sentences[i:i + n])
        i += n
    return out


def _title(sentence: str, rng: np.random.Generator) -> str:
    words = re.sub(r"^[A-Z][A-Z ,.'-]+\s*[-—(]+[^—-]*?[—-]+\s*", "", sentence).split()
    n = int(rng.integers(6, 12))
    title = " ".join(words[:n]).rstrip(",.;:—-")
    return title[:1].upper() + title[1:]


class Vocabulary:
    """Sentences and words of the real articles, for synthetic text."""

    def __init__(self, bases: list[Base]):
        self.sentences = [s for b in bases for p in b.paragraphs for s in p]
        tokens: dict[str, int] = {}
        ids = []
        for s in self.sentences:
            ids.append([tokens.setdefault(t, len(tokens)) for t in s.split()])
        self.tokens = np.array(list(tokens), dtype=object)
        self.lengths = np.array([len(x) for x in ids])
        self.offsets = np.concatenate([[0], np.cumsum(self.lengths)])
        self.flat = np.fromiter((t for x in ids for t in x), dtype=np.int64, count=int(self.offsets[-1]))
        counts = np.bincount(self.flat, minlength=len(self.tokens)).astype(float)
        self.cdf = np.cumsum(counts / counts.sum())
        self.templates = [([len(p) for p in b.paragraphs], b.published) for b in bases]

    def words(self, n: int, rng: np.random.Generator) -> np.ndarray:
        return np.minimum(np.searchsorted(self.cdf, rng.random(n)), len(self.tokens) - 1)

    def sentences_like(self, count: int, rng: np.random.Generator, replace: float = SYNTHETIC_REPLACE) -> list[str]:
        picks = rng.integers(0, len(self.sentences), count)
        spans = [(self.offsets[i], self.offsets[i + 1]) for i in picks]
        ids = np.concatenate([self.flat[a:b] for a, b in spans])
        mask = rng.random(len(ids)) < replace
        ids[mask] = self.words(int(mask.sum()), rng)
        words = self.tokens[ids]
        out, pos = [], 0
        for a, b in spans:
            n = int(b - a)
            s = " ".join(words[pos:pos + n])
            pos += n
            out.append(s[:1].upper() + s[1:])
        return out

    def synthetic(self, rng: np.random.Generator) -> Base:
        shape, published = self.templates[int(rng.integers(len(self.templates)))]
        sentences = self.sentences_like(sum(shape), rng)
        paragraphs, i = [], 0
        for n in shape:
            paragraphs.append(sentences[i:i + n])
            i += n
        return Base(paragraphs, published, False)


# --- sites --------------------------------------------------------------------------------

PLACES = ("Northern", "Eastern", "Western", "Southern", "Central", "Coastal", "Valley", "Capital",
          "Harbour", "Lakeside", "Highland", "River", "Metro", "County", "Island", "Border")
PAPERS = ("Herald", "Ledger", "Courier", "Post", "Tribune", "Gazette", "Observer", "Chronicle",
          "Times", "Record", "Bulletin", "Dispatch", "Star", "Sentinel", "Express", "Journal")
WIRES = ("Wire", "Press Agency", "News Service", "Newswire")
AGGREGATORS = ("NewsNow", "Briefly", "Headline Hub", "DailyDigest", "Top Stories Today", "NewsBeat",
               "Fastread", "The Roundup")
SECTIONS = ("World", "Politics", "Business", "Markets", "Economy", "Health", "Science", "Tech",
            "Sport", "Football", "Opinion", "Culture", "Arts", "Travel", "Climate", "Video",
            "Podcasts", "Newsletters", "Weather", "Obituaries", "Puzzles", "Crosswords", "Local",
            "National", "Europe", "Asia", "Africa", "Americas", "Middle East", "Education",
            "Property", "Motoring", "Food", "Books", "Film", "Music", "Lifestyle", "Fact check")
ICONS = ("menu close search user bell arrow-left arrow-right chevron-down share facebook x-logo "
         "whatsapp envelope print bookmark comment heart play pause camera gallery clock calendar "
         "newspaper e-paper lock gear sign-in").split()
FIRST = ("Anna", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "James",
         "Keiko", "Luis", "Maria", "Nikos", "Olga", "Pavel", "Rosa", "Samir", "Tara", "Victor")
LAST = ("Adams", "Brandt", "Costa", "Diaz", "Evans", "Fischer", "Garcia", "Hassan", "Ivanova",
        "Jensen", "Kowalski", "Lund", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi",
        "Silva", "Tanaka")
PLEAS = (
    "Support independent journalism. Our reporters cover the stories that matter to you, and your "
    "subscription pays for them. Subscribe today from just {price} a month.",
    "You have read {n} free articles this month. Sign up for unlimited access to {site} and get our "
    "morning briefing in your inbox.",
    "Sign up for the {site} newsletter: the day's top stories, hand-picked by our editors, every "
    "morning at seven.",
    "Enjoyed this article? Become a member of {site} and help keep our newsroom independent.",
)
FOOTERS = (
    "About us · Contact · Advertise · Careers · Terms of use · Privacy policy · Cookie settings · Corrections",
    "Follow {site} on Facebook, X, Instagram and LinkedIn",
    "© {year} {company}. All rights reserved. This material may not be published, broadcast, rewritten "
    "or redistributed without permission.",
    "{site} is published by {company}, registered in {place} under company number {number}. "
    "{site} adheres to the editors' code of practice; complaints may be sent to our readers' editor.",
    "Download our app · Manage subscription · Help centre · Accessibility · Site map · RSS",
)


@dataclass
class Site:
    name: str
    kind: str  # wire, paper, aggregator
    long: bool
    header: list[str] = field(default_factory=list)
    share: str = ""
    footer_lines: list[str] = field(default_factory=list)
    related_label: str = "Related stories"
    date_style: int = 0
    domain: str = ""

    def page(self, title: str, published: dt.date, paragraphs: list[list[str]], byline: str,
             related: list[str], rng: np.random.Generator, tail: Optional[str] = None) -> str:
        lines = list(self.header)
        lines.append(title)
        lines.append(self.date_line(published, rng))
        if byline:
            lines.append(byline)
        if self.share and rng.random() < 0.7:
            lines.append(self.share)
        for i, para in enumerate(paragraphs):
            lines.append(" ".join(para))
            if i == 2 and len(paragraphs) > 5 and rng.random() < 0.3:
                lines.append("Advertisement")
        if tail:
            lines.append(tail)
        if self.share and rng.random() < 0.5:
            lines.append(self.share)
        if related:
            lines.append(self.related_label)
            for r in related:
                lines.append(r)
                if rng.random() < 0.5:
                    lines.append(f"{int(rng.integers(1, 23))} hours ago")
        lines.extend(self.footer_lines)
        return "\n\n".join(lines) + "\n"

    def date_line(self, day: dt.date, rng: np.random.Generator) -> str:
        hour, minute = int(rng.integers(5, 23)), int(rng.integers(0, 60))
        if self.date_style == 0:
            return f"{day.strftime('%B')} {day.day}, {day.year}"
        if self.date_style == 1:
            return f"{day.day} {day.strftime('%b')} {day.year} · {hour:02d}:{minute:02d}"
        if self.date_style == 2:
            return f"Published: {day.isoformat()} {hour:02d}:{minute:02d} GMT"
        return f"{day.strftime('%A')} {day.day} {day.strftime('%B')} {day.year}"


def make_sites(rng: np.random.Generator, n: int = 60) -> list[Site]:
    sites, names = [], set()
    while len(sites) < n:
        r = rng.random()
        kind = "wire" if r < 0.15 else "aggregator" if r < 0.3 else "paper"
        if kind == "wire":
            name = f"{rng.choice(PLACES)} {rng.choice(WIRES)}"
        elif kind == "aggregator":
            name = f"{rng.choice(AGGREGATORS)} {rng.choice(PLACES)}"
        else:
            name = f"The {rng.choice(PLACES)} {rng.choice(PAPERS)}"
        if name in names:
            continue
        names.add(name)
        long = rng.random() < 0.35
        site = Site(name, kind, long, date_style=int(rng.integers(0, 4)),
                    domain=re.sub(r"\W+", "", name.lower()) + ".example")
        sections = list(rng.choice(SECTIONS, size=int(rng.integers(7, 14)), replace=False))
        if long and rng.random() < 0.5:
            site.header.append(" ".join(rng.choice(ICONS, size=int(rng.integers(18, 28)))))
        site.header.append(name.upper() + " · " + " · ".join(sections))
        if long:
            more = list(rng.choice(SECTIONS, size=int(rng.integers(14, 24)), replace=False))
            site.header.append(" | ".join(more))
            site.header.append("Subscribe | Sign in | Today's paper | Newsletters")
        site.share = str(rng.choice(["Share this article: Facebook · X · WhatsApp · Email",
                                     "Share | Tweet | Email | Print", "Share on Facebook  Share on X  Copy link",
                                     ""], p=[0.3, 0.3, 0.25, 0.15]))
        site.related_label = str(rng.choice(["Related stories", f"More from {name}", "Most read", "Trending now",
                                             "You may also like"]))
        fill = dict(site=name, price=f"${rng.integers(1, 9)}", n=int(rng.integers(3, 10)),
                    company=f"{rng.choice(PLACES)} Media Group", year=int(rng.integers(2009, 2014)),
                    place=str(rng.choice(PLACES)), number=f"{rng.integers(10, 99)}-{rng.integers(100, 999)}-{rng.integers(1000, 9999)}")
        plea = PLEAS[int(rng.integers(len(PLEAS)))].format(**fill)
        footers = [f.format(**fill) for f in FOOTERS]
        if long:
            site.footer_lines = [plea, *footers]
        else:
            site.footer_lines = [plea] if rng.random() < 0.5 else []
            site.footer_lines += [footers[0], footers[2]]
        sites.append(site)
    return sites


# --- the corpus ---------------------------------------------------------------------------

@dataclass
class Page:
    id: str
    text: str
    family: str
    kind: str       # original, repost, update, trim, edit, quote, brief
    site: str
    published: dt.date
    title: str
    real: bool      # built on a real T17 article
    body: str = ""  # the article body as written, before the site's furniture went around it

    def to_json(self) -> dict:
        return {"id": self.id, "text": self.text, "published": self.published.isoformat(),
                "url": f"https://{self.site}/{self.id}", "title": self.title,
                "family": self.family, "kind": self.kind, "site": self.site, "real": self.real}


class Generator:
    """Pages in a deterministic order for a seed; the first N of a bigger run are the same."""

    def __init__(self, data: Path = DEFAULT_DATA, seed: int = 0):
        self.seed = seed
        rng = np.random.default_rng(seed)
        self.real = load_articles(data, rng)
        self.vocab = Vocabulary(self.real)
        self.sites = make_sites(rng)
        self.by_kind = {k: [s for s in self.sites if s.kind == k] for k in ("wire", "paper", "aggregator")}
        self.recent: list[tuple[str, list[list[str]]]] = []  # (title, paragraphs) of earlier stories

    def base(self, i: int, rng: np.random.Generator) -> Base:
        b = self.real[i] if i < len(self.real) else self.vocab.synthetic(rng)
        b = Base([list(p) for p in b.paragraphs], b.published, b.real)
        b.title = _title(b.paragraphs[0][0], rng)
        return b

    def _site(self, rng, *kinds: str, avoid: Optional[Site] = None) -> Site:
        pool = [s for k in kinds for s in self.by_kind[k] if s is not avoid]
        return pool[int(rng.integers(len(pool)))]

    def _byline(self, rng, site: Site) -> str:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        return f"By {name}" if rng.random() < 0.7 else f"By {name} | {site.name}"

    def _related(self, rng) -> list[str]:
        if not self.recent:
            return []
        k = min(len(self.recent), int(rng.integers(3, 6)))
        picks = rng.choice(len(self.recent), size=k, replace=False)
        return [self.recent[int(j)][0] for j in picks]

    def _edit_words(self, sentence: str, rng, k: int) -> str:
        words = sentence.split()
        for _ in range(k):
            j = int(rng.integers(len(words)))
            words[j] = str(self.vocab.tokens[self.vocab.words(1, rng)[0]])
        return " ".join(words)

    def _reword(self, paragraphs: list[list[str]], rng, share: float) -> None:
        """Change one to three words in ``share`` of the sentences."""
        for p in paragraphs:
            for s in range(len(p)):
                if rng.random() < share:
                    p[s] = self._edit_words(p[s], rng, int(rng.integers(1, 4)))

    @staticmethod
    def _relayout(paragraphs: list[list[str]], rng, p: float) -> list[list[str]]:
        """Another site's layout: some neighbouring paragraphs merged, some long ones split."""
        out: list[list[str]] = []
        i = 0
        while i < len(paragraphs):
            para = list(paragraphs[i])
            if i + 1 < len(paragraphs) and rng.random() < p:
                para += paragraphs[i + 1]
                i += 1
            elif len(para) > 1 and rng.random() < p:
                cut = int(rng.integers(1, len(para)))
                out.append(para[:cut])
                para = para[cut:]
            out.append(para)
            i += 1
        return out

    def pages(self, n: int) -> Iterator[Page]:
        made = 0
        family = 0
        while made < n:
            rng = np.random.default_rng([self.seed, family])
            fam = f"f{family:07d}"
            base = self.base(family, rng)
            pages = self._family(fam, base, rng)
            family += 1
            self.recent.append((base.title, base.paragraphs))
            if len(self.recent) > 2000:
                self.recent = self.recent[-1000:]
            for page in pages:
                if made >= n:
                    return
                page.id = f"p{made:07d}"
                made += 1
                yield page

    def _family(self, fam: str, base: Base, rng) -> list[Page]:
        r = rng.random()
        out: list[Page] = []

        def emit(kind, site, title, published, paragraphs, tail=None):
            text = site.page(title, published, paragraphs, self._byline(rng, site), self._related(rng), rng, tail)
            body = "\n\n".join([" ".join(p) for p in paragraphs] + ([tail] if tail else []))
            out.append(Page("", text, fam, kind, site.domain, published, title, base.real, body))

        if r < 0.45:  # a story published once
            site = self._site(rng, "paper", "wire")
            emit("original", site, base.title, base.published, base.paragraphs)
        elif r < 0.60:  # a brief: a short story, on a site whose furniture may outweigh it
            site = self._site(rng, "paper", "wire")
            keep = int(rng.integers(2, 5))
            emit("brief", site, base.title, base.published, base.paragraphs[:keep])
        elif r < 0.72 and len(self.recent) > 10:  # quotes one paragraph of an earlier story
            _, other = self.recent[int(rng.integers(len(self.recent)))]
            j = int(rng.integers(min(3, len(other)))) if rng.random() < 0.5 else int(rng.integers(len(other)))
            paragraphs = [list(p) for p in base.paragraphs]
            paragraphs.insert(int(rng.integers(1, len(paragraphs) + 1)), list(other[j]))
            site = self._site(rng, "paper")
            emit("quote", site, base.title, base.published, paragraphs)
        else:  # a story published again: reposted, updated, trimmed, edited
            origin = self._site(rng, "wire", "paper")
            emit("original", origin, base.title, base.published, base.paragraphs)
            versions = [(base.title, base.paragraphs, base.published)]
            m = int(rng.choice([1, 2, 3, 4, 5], p=[0.35, 0.25, 0.18, 0.12, 0.10]))
            for _ in range(m):
                kind = str(rng.choice(["repost", "update", "trim", "edit"], p=[0.3, 0.25, 0.25, 0.2]))
                title, paragraphs, published = versions[int(rng.integers(len(versions)))]
                paragraphs = [list(p) for p in paragraphs]
                if kind == "repost":
                    emit("repost", self._site(rng, "paper", "wire", avoid=origin), title,
                         published + dt.timedelta(days=int(rng.integers(0, 2))), paragraphs)
                elif kind == "update":
                    if rng.random() < 0.4:
                        # a write-through: a new lead, a third of the sentences reworded, laid out
                        # again, the end cut
                        paragraphs[0] = self.vocab.sentences_like(int(rng.integers(1, 3)), rng)
                        if rng.random() < 0.5:
                            paragraphs.insert(1, self.vocab.sentences_like(int(rng.integers(1, 3)), rng))
                        self._reword(paragraphs[1:], rng, 0.35)
                        paragraphs = self._relayout(paragraphs, rng, 0.25)
                        if len(paragraphs) > 6:
                            del paragraphs[len(paragraphs) - int(rng.integers(0, 3)):]
                    for _ in range(int(rng.integers(1, 4))):
                        new = self.vocab.sentences_like(int(rng.integers(1, 3)), rng)
                        paragraphs.insert(int(rng.integers(1, len(paragraphs) + 1)), new)
                    if rng.random() < 0.5:
                        p = paragraphs[int(rng.integers(len(paragraphs)))]
                        s = int(rng.integers(len(p)))
                        p[s] = self._edit_words(p[s], rng, 2)
                    published = published + dt.timedelta(days=1)
                    site = origin if rng.random() < 0.6 else self._site(rng, "paper", "wire")
                    emit("update", site, title if rng.random() < 0.5 else "UPDATED: " + title, published, paragraphs)
                    versions.append((title, paragraphs, published))
                elif kind == "trim":
                    keep = max(2, round(float(rng.uniform(0.3, 0.7)) * len(paragraphs)))
                    site = self._site(rng, "aggregator")
                    tail = f"Read the full story at {origin.name}" if rng.random() < 0.5 else None
                    emit("trim", site, title, published + dt.timedelta(days=int(rng.integers(0, 2))),
                         paragraphs[:keep], tail)
                else:
                    # copy-edited: words changed in almost half the sentences, laid out again
                    self._reword(paragraphs, rng, 0.45)
                    paragraphs = self._relayout(paragraphs, rng, 0.3)
                    if len(paragraphs) > 4 and rng.random() < 0.3:
                        del paragraphs[int(rng.integers(1, len(paragraphs)))]
                    new_title = _title(paragraphs[0][0], rng)
                    emit("edit", self._site(rng, "paper", avoid=origin),
                         new_title if new_title != title else "Report: " + title,
                         published + dt.timedelta(days=int(rng.integers(0, 2))), paragraphs)
            order = rng.permutation(len(out))  # versions do not arrive in order
            out = [out[i] for i in order]
        return out


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10000, help="number of pages")
    parser.add_argument("--out", type=Path, required=True, help="JSONL file to write")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the T17 folder (topic/articles.csv)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    gen = Generator(args.data, args.seed)
    with open(args.out, "w", encoding="utf-8") as fh:
        for page in gen.pages(args.n):
            fh.write(json.dumps(page.to_json(), ensure_ascii=False) + "\n")
    print(f"wrote {args.n} pages to {args.out} ({len(gen.real)} real base articles)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
