"""Summarizing: which sentences stand for a date, and what each line cites.

Within a date, a sentence is chosen for being central to what the date's sentences say (those
naming the date counting most), relevant to the whole story, corroborated by other independent
sources, readable alone and written as a report (its build-time ``prior``). A candidate that
says again what a line of the same date says (other wording, other outlet) is not a second
line: it joins that line's sources; when storyline picks the number of lines, so does one
sharing with it a word rare among the candidates (a place, a name: the same particular thing
on the same day). One that repeats a line of another date is dropped, and one far less like
the whole story than the usual candidate is no line (another story of the collection), nor is
one a little less like it in an article whose candidates, together, are far from it (a side
story of a report on something else: a keyword-gathered collection holds many). When storyline
picks the number of lines, two more candidates are no line: one shown from the article of a line
of a neighbouring day and sharing words with it (the article tells one happening twice, under two
days, and one of the dates is wrong), and one scoring far below the usual date's best (a date
nothing reports well offers only asides, analysis, background and other stories that name the
day). Every line lists all the sentences it stands for, the representative's first. Sentence similarity is TF-IDF cosine over the sentences' content words.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from typing import Any, Callable, Iterable, Optional

import numpy as np

from ..model import DatedSentence, Granularity, Source, SummaryLine, TimelineEntry
from ..timex import SEASON_CODES, season_span
from .candidates import chronology_item, jaccard, shown_text
from .settings import Settings

__all__ = ["Vectors", "Picker", "centrality", "relevance", "corroboration", "entries", "undated_entries"]


class Vectors:
    """TF-IDF rows of the candidate sentences, fitted on them, and the story's centre.

    Built directly as a scipy sparse matrix from the content words stored with each sentence
    (binary term frequency, smoothed IDF, rows L2-normalized, as scikit-learn's
    ``TfidfVectorizer(sublinear_tf=True)`` weighs words that occur once), which spares
    re-tokenizing every candidate and importing scikit-learn on every timeline.
    """

    def __init__(self, pools: list[list[DatedSentence]], rare_share: float = 0.0, article_min: int = 2):
        from scipy.sparse import csr_matrix

        self.row: dict[tuple[str, int], int] = {}
        # words of at most this share of the candidates (and never of only one): they name one thing
        self.rare: frozenset[str] = frozenset()
        # every row's words in one flat list; a word's column is the order it is first met
        row = self.row
        words: list[str] = []
        add_words = words.extend
        sizes: list[int] = []
        add_size = sizes.append
        for pool in pools:
            for ds in pool:
                key = ds.key
                if key in row:
                    continue
                row[key] = len(sizes)
                own = sorted(ds.words)
                add_words(own)
                add_size(len(own))
        vocabulary = {w: i for i, w in enumerate(dict.fromkeys(words))}
        self.matrix: Optional[Any] = None  # a scipy CSR matrix, a row per candidate
        self.topic = np.zeros(0)
        self.usual_relevance = 0.0  # the median candidate's likeness to the whole story
        self.document_likeness: dict[str, float] = {}  # a document's likeness to it, the median document's 1
        # per pool (by identity): its rows and their similarities, asked for by every score and the picker
        self._kept: dict[int, tuple[list[DatedSentence], int, dict[str, Any]]] = {}
        if not vocabulary:
            return
        n = len(sizes)
        cols = np.fromiter(map(vocabulary.__getitem__, words), dtype=np.int32, count=len(words))
        df = np.bincount(cols, minlength=len(vocabulary))
        if rare_share > 0:
            limit = max(2.0, rare_share * n)
            self.rare = frozenset(w for w, col in vocabulary.items() if 1 < df[col] <= limit)
        idf = (np.log((1 + n) / (1 + df)) + 1).astype(np.float32)
        data = idf[cols]
        ptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.fromiter(sizes, dtype=np.int64, count=n), out=ptr[1:])
        row_of = np.repeat(np.arange(n), np.diff(ptr))
        norms = np.sqrt(np.bincount(row_of, weights=data.astype(np.float64) ** 2, minlength=n))
        data = (data / norms[row_of]).astype(np.float32)
        self.matrix = csr_matrix((data, cols, ptr), shape=(n, len(vocabulary)))
        topic = np.asarray(self.matrix.mean(axis=0)).ravel()
        norm = np.linalg.norm(topic)
        self.topic = topic / norm if norm else topic
        self.usual_relevance = float(np.median(self.matrix @ self.topic))
        self._document_relevance(article_min)

    def _document_relevance(self, article_min: int) -> None:
        """How like the whole story each document's candidates are together (the cosine of their
        summed rows to the centre), against the median document's: an article of another story of
        the collection is far from it even where one of its sentences shares the story's words.
        An article with fewer than ``article_min`` candidates counts as the median one (its one
        sentence already says how like the story it is)."""
        from scipy.sparse import csr_matrix

        if self.matrix is None:
            return
        documents: dict[str, int] = {}
        of_row = np.fromiter((documents.setdefault(doc, len(documents)) for doc, _ in self.row), dtype=np.int64,
                             count=len(self.row))
        n = len(of_row)
        member = csr_matrix((np.ones(n, dtype=np.float32), (of_row, np.arange(n))), shape=(len(documents), n))
        summed = member @ self.matrix
        norms = np.sqrt(np.asarray(summed.multiply(summed).sum(axis=1)).ravel())
        likeness = np.asarray(summed @ self.topic).ravel() / np.where(norms > 0, norms, 1.0)
        usual = float(np.median(likeness))
        counts = np.bincount(of_row, minlength=len(documents))
        self.document_likeness = {doc: float(likeness[i]) / usual if usual > 0 and counts[i] >= article_min
                                  else 1.0 for doc, i in documents.items()}

    def rows_at(self, numbers: list[int]):
        """The matrix rows of these row numbers (``row`` gives a candidate's)."""
        if self.matrix is None:
            raise ValueError("no candidate sentence has content words")
        return self.matrix[numbers]

    def _of(self, pool: list[DatedSentence]) -> dict[str, Any]:
        """What is kept for this pool (the same list, as long as it has not grown or shrunk)."""
        kept = self._kept.get(id(pool))
        if kept is None or kept[0] is not pool or kept[1] != len(pool):
            kept = self._kept[id(pool)] = (pool, len(pool), {})
        return kept[2]

    def rows(self, pool: list[DatedSentence]):
        if self.matrix is None:  # candidates always have words (``candidates.MIN_WORDS``)
            raise ValueError("no candidate sentence has content words")
        kept = self._of(pool)
        if "rows" not in kept:
            kept["rows"] = self.matrix[[self.row[ds.key] for ds in pool]]
        return kept["rows"]

    def similarities(self, pool: list[DatedSentence]) -> np.ndarray:
        """The cosine of every two sentences of the pool, as a dense block."""
        kept = self._of(pool)
        if "similar" not in kept:
            rows = self.rows(pool)
            kept["similar"] = (rows @ rows.T).toarray()
        return kept["similar"]


def centrality(vectors: Vectors, pool: list[DatedSentence], weights: Optional[list[float]] = None) -> np.ndarray:
    """Cosine of each pool sentence to the (weighted) centroid of the pool."""
    if vectors.matrix is None:
        return np.zeros(len(pool))
    matrix = vectors.rows(pool)
    w = np.asarray(weights if weights is not None else [1.0] * len(pool), dtype=np.float32)
    centroid = np.asarray(matrix.T @ w).ravel()
    norm = np.linalg.norm(centroid)
    if not norm:
        return np.zeros(len(pool))
    return np.asarray(matrix @ (centroid / norm)).ravel()


def relevance(vectors: Vectors, pool: list[DatedSentence]) -> np.ndarray:
    if vectors.matrix is None:
        return np.zeros(len(pool))
    return np.asarray(vectors.rows(pool) @ vectors.topic).ravel()


def corroboration(vectors: Vectors, pool: list[DatedSentence], threshold: float) -> list[int]:
    """For each sentence, how many other independent sources say much the same thing."""
    if len(pool) < 2 or vectors.matrix is None:
        return [0] * len(pool)
    similar = vectors.similarities(pool)
    row, col = np.nonzero((similar >= threshold) & (similar != 0))
    # the distinct (sentence, other source) pairs among the similar ones, counted per sentence
    codes: dict[str, int] = {}
    source = np.fromiter((codes.setdefault(ds.source, len(codes)) for ds in pool), dtype=np.int64, count=len(pool))
    other = source[col]
    elsewhere = other != source[row]
    pairs = np.unique(row[elsewhere] * len(codes) + other[elsewhere])
    return np.bincount(pairs // len(codes), minlength=len(pool)).tolist()


def same_words(a: set[str], b: set[str]) -> float:
    """How much two sentences say in the same words: their word-set Jaccard, or, when the shorter
    one is mostly inside the longer ("In January, the talks collapsed" in a full report of the
    collapse), the share of the shorter one's words the longer holds, halved."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return max(shared / len(a | b), shared / min(len(a), len(b)) / 2)


def _order(ds: DatedSentence):
    """Citation order: representatives and single documents first, then by publication."""
    return (ds.relation not in (None, "representative"), ds.published is None,
            ds.published.isoformat() if ds.published else "", ds.document, ds.sentence.index)


class _WordOverlaps:
    """Word-set Jaccard and ``same_words`` (see there) of a pool's rows with one row, made for
    the rows that become lines only (a pool of hundreds of candidates has a few), not as dense
    blocks of every two rows. The shared words are counted exactly, so either way gives the same."""

    def __init__(self, rows):
        self.indices, self.indptr = rows.indices, rows.indptr
        self.of_entry = np.repeat(np.arange(rows.shape[0]), np.diff(rows.indptr))  # each stored word's row
        self.size = np.diff(rows.indptr).astype(rows.dtype)

    def with_row(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """Every row's word-set Jaccard with row ``i``, and its ``same_words``."""
        words = self.indices[self.indptr[i]:self.indptr[i + 1]]
        size = self.size
        inter = np.bincount(self.of_entry[np.isin(self.indices, words)], minlength=len(size)).astype(size.dtype)
        union = size + size[i] - inter
        jacc = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
        small = np.minimum(size, size[i])
        contained = np.divide(inter, small, out=np.zeros_like(inter), where=small > 0) / 2
        return jacc, np.maximum(jacc, contained)


class Picker:
    """Greedy sentence choice across the whole timeline: a paraphrase of a line of the same
    date joins its sources, a repeat of a line of another date is dropped."""

    def __init__(self, vectors: Vectors, settings: Settings, strict: bool = False):
        self.vectors = vectors
        self.settings = settings
        # the thresholds at which a candidate is taken for another wording of a line of its date
        self.merge_line = settings.auto_merge_line if strict else settings.merge_line
        self.merge_words = settings.auto_merge_words if strict else settings.merge_words
        self.floor = settings.auto_line_floor if strict else 0.0
        self.chosen_rows: list[int] = []
        self.chosen_dates: list[str] = []
        self.chosen_words: list[set[str]] = []
        self.used: set[tuple[str, int]] = set()
        self.rare = vectors.rare if strict else frozenset()
        self.least = 0.0  # a line scoring under this is no line (``Settings.weak_line``)
        self.chosen_shown: list[str] = []  # the article each line is shown from
        self.echo = settings.echo_days if strict else 0

    def _said(self, ds: DatedSentence, sims: np.ndarray, covering: list[int]) -> bool:
        """Whether a line of another date already says this: a near repeat anywhere, or the same
        event under a date that covers or is covered by this one (``covering``: "January 2023"
        and "16 January 2023")."""
        if sims.max() >= self.settings.redundant:
            return True
        return any(sims[k] >= self.settings.merge_line
                   or same_words(ds.words, self.chosen_words[k]) >= self.settings.merge_words for k in covering)

    def _echoed(self, ds: DatedSentence, date: str) -> bool:
        """Whether a line of a neighbouring day (``Settings.echo_days``) is shown from this sentence's
        article and shares ``Settings.echo_words`` content words with it: the article tells one
        happening twice under two days ("last night" in one sentence, the weekday in another), and
        one of the two dates is wrong."""
        day = _day(date)
        if day is None:
            return False
        for k, other in enumerate(self.chosen_dates):
            if self.chosen_shown[k] == ds.document and len(ds.words & self.chosen_words[k]) >= self.settings.echo_words:
                theirs = _day(other)
                if theirs is not None and 0 < abs((day - theirs).days) <= self.echo:
                    return True
        return False

    def pick(self, date: str, pool: list[DatedSentence], scores: np.ndarray, want: int) -> list[SummaryLine]:
        lines: list[SummaryLine] = []
        cited: list[list[DatedSentence]] = []     # per line: the sentence and its copies, in citation order
        merged: list[list[DatedSentence]] = []    # per line: other wordings of it from other sources
        here: list[int] = []                      # pool positions of this date's lines
        rows = self.vectors.rows(pool)
        # similarities as dense blocks, once: to this pool (this date's lines) and to earlier lines
        within = self.vectors.similarities(pool)
        before = (rows @ self.vectors.rows_at(self.chosen_rows).T).toarray() if self.chosen_rows else None
        covering = [k for k, other in enumerate(self.chosen_dates) if overlapping(date, other)]
        overlaps = _WordOverlaps(rows)
        same_here = np.zeros((len(pool), 0), dtype=overlaps.size.dtype)  # each row's same_words with each line
        for i in np.argsort(-scores, kind="stable"):
            i = int(i)
            ds = pool[i]
            if ds.key in self.used or scores[i] <= 0:
                continue
            if here:
                sims = within[i, here]
                overlap = same_here[i]
                j = int(sims.argmax())
                if sims[j] < self.merge_line:
                    j = int(overlap.argmax())
                same_line = sims[j] >= self.merge_line or overlap[j] >= self.merge_words
                if not same_line and self.rare:
                    named = next((k for k, h in enumerate(here) if not self.rare.isdisjoint(ds.words & pool[h].words)),
                                 None)
                    if named is not None:  # the same particular thing on the same day: the same event
                        j, same_line = named, True
                if same_line:
                    if ds.source not in {c.source for c in cited[j] + merged[j]}:
                        merged[j].append(ds)  # another outlet's wording of the same line
                        self.used.add(ds.key)
                    continue
            if len(lines) >= want or (lines and scores[i] < self.floor * scores[here[0]]) or scores[i] < self.least:
                continue
            if before is not None and self._said(ds, before[i], covering):
                continue
            if self.echo and self._echoed(ds, date):
                continue
            # the sentence and every near-identical copy of it in the pool
            jacc, same = overlaps.with_row(i)
            same_here = np.column_stack([same_here, same])
            group = sorted([ds] + [pool[j] for j in np.nonzero(jacc >= self.settings.same_sentence)[0].tolist()
                                   if j != i and pool[j].key not in self.used], key=_order)
            self.used.update(c.key for c in group)
            self.chosen_rows.append(self.vectors.row[ds.key])
            self.chosen_dates.append(date)
            self.chosen_words.append(ds.words)
            self.chosen_shown.append(group[0].document)
            here.append(i)
            cited.append(group)
            merged.append([])
            shown = group[0]  # the representative's copy of the sentence is the one shown and cited first
            text = shown_text(shown.sentence.text)
            if shown.chronology and shown.explicit:  # the entry shows the date; the item's own day label goes
                text = chronology_item(shown.sentence.text) or text
            lines.append(SummaryLine(text, []))
        for line, group, others in zip(lines, cited, merged):
            line.sources = [Source(c.document, c.sentence.index) for c in group + sorted(others, key=_order)]
        return lines


def entries(vectors: Vectors, settings: Settings, dates: list[tuple[str, Granularity]],
            pools: dict[str, list[DatedSentence]], score: Callable[[str, list[DatedSentence]], np.ndarray],
            want: Callable[[str], int], strict: bool = False) -> list[TimelineEntry]:
    """One entry per date (in the order given, which decides who gets a shared line), sorted by date.

    ``strict``: the number of lines per date is storyline's choice, so a further line of a date
    must tell a clearly different event (``Settings.auto_merge_*``)."""
    picker = Picker(vectors, settings, strict)
    scored = [(date, granularity, pools[date], score(date, pools[date])) for date, granularity in dates if pools.get(date)]
    if strict and settings.weak_line > 0:
        picker.least = settings.weak_line * usual_best(s for *_, s in scored)
    out = []
    for date, granularity, pool, scores in scored:
        lines = picker.pick(date, pool, scores, want(date))
        if lines:
            out.append(TimelineEntry(date, granularity, lines))
    out.sort(key=lambda e: (_sort_key(e.date), e.granularity != "day"))
    return out


def usual_best(scores: Iterable[np.ndarray]) -> float:
    """The median of the dates' best scores: what the usual date's first line scores."""
    best = [float(s.max()) for s in scores if len(s) and s.max() > 0]
    return float(np.median(best)) if best else 0.0


def _season(date: str) -> Optional[tuple[str, str]]:
    """First and last month ("YYYY-MM") of a season value ("2022-SP"; a winter runs into the
    next year, as the date resolver reads it), or None for any other value."""
    if len(date) != 7 or not date[:4].isdigit() or date[5:] not in SEASON_CODES:
        return None
    first, last = season_span(int(date[:4]), date[5:])
    return first.isoformat()[:7], last.isoformat()[:7]


def overlapping(a: str, b: str) -> bool:
    """Whether two TIMEX3 dates share days: one covers the other ("2023", "2023-01", "2023-01-16"),
    or a season holds the month or day ("2022-SP", "2022-04-02"; "2022-WI", "2023-01")."""
    if a == b:
        return False
    if a.startswith(b) or b.startswith(a):
        return True
    for x, y in ((a, b), (b, a)):
        span = _season(x)
        if span is not None and len(y) >= 7 and y[5:7].isdigit() and span[0] <= y[:7] <= span[1]:
            return True
    return False


def _sort_key(date: Optional[str]) -> str:
    """Chronological order of TIMEX3 values: a season sorts with its first month ("2022-SP" before
    "2022-FA", "2022-WI" with December 2022)."""
    if not date:
        return ""
    span = _season(date)
    if span is not None:
        return f"{span[0]}~"
    return date


def undated_entries(rows: list[tuple], settings: Settings, per_source: Optional[int]) -> list[TimelineEntry]:
    """One entry per independent undated source: its lead sentences, all versions cited.

    ``rows`` are ``(document, sentence, text, words, source, relation, path)`` as the store
    gives them.
    """
    by_source: dict[str, list[tuple]] = defaultdict(list)
    for row in rows:
        by_source[row[4]].append(row)
    want = per_source if per_source is not None else settings.undated_lines
    out = []
    for key in sorted(by_source, key=lambda k: min(r[6] for r in by_source[k])):
        items = by_source[key]
        lead = next((r for r in items if r[5] == "representative"), items[0])[0]
        lines = []
        for doc, index, text, words, *_ in [r for r in items if r[0] == lead][:want]:
            mine = set(words.split())
            sources = [Source(doc, index)]
            for other in items:
                if other[0] != lead and jaccard(mine, set(other[3].split())) >= settings.same_sentence:
                    sources.append(Source(other[0], other[1]))
            lines.append(SummaryLine(shown_text(text), sources))
        if lines:
            out.append(TimelineEntry(None, None, lines))
    return out


def _day(date: str) -> Optional[dt.date]:
    """The day of a day-granular TIMEX3 value, else None."""
    if len(date) != 10:
        return None
    try:
        return dt.date.fromisoformat(date)
    except ValueError:
        return None


def _late(pool: list[DatedSentence], window: int) -> list[bool]:
    """Which sentences about a day were published more than ``window`` days after it."""
    out = []
    for ds in pool:
        day = _day(ds.date)
        out.append(ds.published is not None and day is not None and (ds.published - day).days > window)
    return out


def default_score(vectors: Vectors, settings: Settings, pool: list[DatedSentence]) -> np.ndarray:
    """storyline's sentence score: the date's centre is what its sentences say, those naming
    the date counting most; a sentence is chosen for being central there, relevant to the
    whole story, corroborated, and written as a report a reader can take alone. A sentence far
    less like the whole story than the usual candidate (``Settings.off_topic``) is none: a
    collection gathered by keyword holds other stories' big days ("Qaddafi died ..." in a
    collection on Yemen)."""
    weights = [(1.0 if ds.explicit else settings.fallback_centroid * (settings.lead if ds.sentence.index <= 1
                                                                        else settings.body))
               * (settings.next_day if ds.shifted else 1.0) for ds in pool]
    central = centrality(vectors, pool, weights)
    relevant = relevance(vectors, pool)
    corroborated = corroboration(vectors, pool, settings.same_event)
    out = np.empty(len(pool))
    floor = settings.off_topic * vectors.usual_relevance
    late = _late(pool, settings.report_window) if settings.retrospective != 1.0 else None
    story_floor = settings.off_topic_story * vectors.usual_relevance
    for i, ds in enumerate(pool):
        if relevant[i] < floor:  # another story of the collection, or a scrap too short to tell
            out[i] = 0.0
            continue
        if relevant[i] * vectors.document_likeness.get(ds.document, 1.0) < story_floor:
            out[i] = 0.0  # a sentence of an article about another story, sharing little more than its words
            continue
        s = central[i] * (settings.relevance_base + relevant[i]) * ds.prior
        s *= 1 + settings.corroboration * math.log1p(corroborated[i])
        if ds.published is not None and ds.date[:10] > ds.published.isoformat():
            s *= settings.preview
        elif late is not None and late[i] and not ds.chronology:
            s *= settings.retrospective
        if ds.chronology and ds.explicit:
            s *= 1 + settings.chronology
        out[i] = s
    return out
