"""The timeline-summarization (TLS) metrics of the field, reimplemented without dependencies.

What is reimplemented, and from where:

* ``concat``, ``agreement`` and ``align+ m:1`` ROUGE-1/2 and date F1 as tilse 0.2.1 computes
  them (Martschat & Markert, "Improving ROUGE for Timeline Summarization", EACL 2017, and
  "A Temporally Sensitive Submodularity Framework for Timeline Summarization", CoNLL 2018;
  ``tilse/evaluation/rouge.py`` ``TimelineRougeEvaluator`` with ``rouge_computation="reimpl"``,
  ``tilse/evaluation/util.py`` and ``tilse/evaluation/dates.py``), over the ROUGE counts of
  :mod:`storyline.evaluate.rouge`;
* the per-reference protocol and the averaging of news-tls (Gholipour Ghalandari & Ifrim,
  "Examining the State-of-the-Art in News Timeline Summarization", ACL 2020;
  ``experiments/evaluate.py``): every reference timeline of a topic is scored on its own
  (``score_timeline(system, [reference])``) and :func:`average_scores` averages precision and
  recall over all (topic, reference) pairs, then computes F from the averaged P and R;
* a Penn-Treebank tokenizer (:func:`ptb_tokenize`) written from the rules of the classic PTB
  ``tokenizer.sed`` script, with the Stanford-tokenizer conventions the T17 and Crisis
  references show (``-LRB-``, ``\\/``, numbers such as ``100,000`` kept whole), so system text is
  split like the references before it is scored.

Why: tilse is a Python-2-era research package that pulls spaCy, textacy, numba and a bundled
pyrouge/ROUGE-1.5.5 Perl script; storyline needs a scorer that installs with nothing and runs in
milliseconds. Every timeline is turned once into per-date stemmed n-gram counters
(:class:`PreparedTimeline`); the alignment's content costs come from a few small integer matrix
products. ``tests/test_evaluate_tls.py`` checks all of it against tilse itself, to three
decimals, where tilse is installed (in the test extra: ``pip install -e .[test]``).

The metrics, for a system timeline S and reference timelines R_1..R_k (dicts date -> sentences):

* ``concat``: ROUGE of all of S's sentences (dates in order) against each R_i's, concatenated;
* ``agreement``: ROUGE counted only between the summaries of the same date; precision sums over
  S's dates, recall over the references' dates;
* ``align_m1`` ("align+ m:1"): for precision, each date of S is aligned to the reference date of
  least cost ``(1 - 1/(|days apart| + 1)) * (1 - F)``, F being a ROUGE-1-like F1 on raw tokens
  (case kept, no stemming, single punctuation characters dropped); for recall, each reference date
  to the system date of least cost (the first one in date order on ties). The hits of an aligned
  pair count ``1/(|days apart| + 1)`` times; the denominators count in full;
* ``date``: precision, recall and F1 of S's set of dates against the union of the references'.

Each metric gives ``{"precision", "recall", "f1"}``; the ROUGE ones one per measure
(``"rouge_1"``, ``"rouge_2"``). Degenerate cases tilse leaves to a ZeroDivisionError (an empty
system or reference timeline) score 0 here.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections import Counter
from pathlib import Path
from typing import Iterable, Literal, Mapping, Sequence, Union

import numpy as np

from .rouge import clipped_hits, f_score, ngram_counts, rouge_tokens

__all__ = [
    "Timeline", "TimelineLike", "PreparedTimeline", "prepare_timeline", "load_reference_timeline",
    "ptb_tokens", "ptb_tokenize", "concat_rouge", "agreement_rouge", "align_m1_rouge", "date_f1",
    "score_timeline", "average_scores", "METRICS", "MEASURES",
]

#: A timeline: each date's summary as a list of sentences (tokens separated by spaces).
Timeline = dict[dt.date, list[str]]

SEPARATOR = "-" * 32

#: The metrics :func:`score_timeline` computes, and the ROUGE measures of each ROUGE metric.
METRICS = ("concat", "agreement", "align_m1", "date")
MEASURES = {"rouge_1": 1, "rouge_2": 2}


# --------------------------------------------------------------------------------------------
# Reading reference timelines
# --------------------------------------------------------------------------------------------

_DATE_LINE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def load_reference_timeline(path: str | Path, *,
                            duplicates: Literal["last", "merge"] = "last") -> Timeline:
    """A reference timeline file of T17 or Crisis as ``{date: [sentences]}``.

    The format: a ``YYYY-MM-DD`` line, that date's sentences one per line, a line of 32 dashes.
    Lines are stripped and blank lines skipped; a date without sentences maps to ``[]``.

    A date that appears twice (three T17 and Crisis files have such dates) keeps its last block
    with ``duplicates="last"``, as tilse's ``Timeline.from_file`` and news-tls's ``Timeline``
    (a dict built from (date, summary) pairs) both do, so scores match the field's; with
    ``duplicates="merge"`` the blocks' sentences are concatenated. Unlike tilse, text before the
    first date is ignored, a final block without its dashes is kept and a date line inside an
    unclosed block starts a new block (none of which happens in the shipped data).
    """
    if duplicates not in ("last", "merge"):
        raise ValueError(f"duplicates must be 'last' or 'merge', not {duplicates!r}")
    timeline: Timeline = {}
    date: dt.date | None = None
    block: list[str] = []

    def close() -> None:
        if date is None:
            return
        if duplicates == "merge" and date in timeline:
            timeline[date].extend(block)
        else:
            timeline[date] = block

    for raw in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.strip()
        if line == SEPARATOR:
            close()
            date, block = None, []
            continue
        match = _DATE_LINE.fullmatch(line)
        if match:
            close()
            date, block = dt.date(*map(int, match.groups())), []
        elif line and date is not None:
            block.append(line)
    close()
    return timeline


# --------------------------------------------------------------------------------------------
# Penn Treebank tokenization of system text
# --------------------------------------------------------------------------------------------

_BRACKETS = {"(": "-LRB-", ")": "-RRB-", "[": "-LSB-", "]": "-RSB-", "{": "-LCB-", "}": "-RCB-"}

_UNICODE = [
    ("\u00a0", " "), ("\u2018", " ` "), ("\u2019", "'"), ("\u201a", "'"), ("\u201b", " ` "),
    ("\u201c", " `` "), ("\u201d", " '' "), ("\u201e", " `` "), ("\u00ab", " `` "),
    ("\u00bb", " '' "), ("\u2013", " -- "), ("\u2014", " -- "), ("\u2015", " -- "),
    ("\u2026", " ... "), ("\u2032", "'"),
]

# (pattern, replacement), applied in order; from the PTB tokenizer.sed rules.
_RULES = [(re.compile(p), r) for p, r in [
    # opening double quotes
    (r'^"', r"`` "),
    (r"(``)", r" \1 "),
    (r'([ (\[{<])"', r"\1 `` "),
    # opening single quote ('no' -> ` no '), but not 's 'll 're 've 'm 'd (already split),
    # 'tis, 'twas, 'em, 'n, '90s
    (r"(^|[ (\[{<])'(?!(?:[sSmMdD]|ll|LL|re|RE|ve|VE|[Tt]is|[Tt]was|em|n)\b|\d)(?=[A-Za-z])",
     r"\1` "),
    # ellipses, punctuation that is always split
    (r"\.\.\.", r" ... "),
    (r"[;@#$%]", r" \g<0> "),
    (r"(?<![A-Za-z0-9])&|&(?![A-Za-z0-9])", r" & "),
    # commas and colons, except inside numbers (100,000 and 10:30 stay whole)
    (r"([:,])([^\d])", r" \1 \2"),
    (r"([:,])$", r" \1 "),
    # the sentence-final period only; question and exclamation marks everywhere
    (r"""([^.])(\.)([\]\)}>"']*)\s*$""", r"\1 \2\3 "),
    (r"[?!]", r" \g<0> "),
    # brackets and double dashes
    (r"[\]\[(){}<>]", r" \g<0> "),
    (r"--", r" -- "),
]]

_RULES_PADDED = [(re.compile(p), r) for p, r in [
    # closing double quotes
    (r'"', r" '' "),
    (r"(\S)('')", r"\1 \2 "),
    # possessives, closing single quotes and contractions: it's, I'm, we'd, they'll, don't
    (r"([^'])' ", r"\1 ' "),
    (r"([^' ])('[sSmMdD]) ", r"\1 \2 "),
    (r"([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", r"\1 \2 "),
    (r"(?i)\b(can)(not)\b", r"\1 \2"),
    (r"(?i)\b(d)('ye)\b", r"\1 \2"),
    (r"(?i)\b(gim|lem)(me)\b", r"\1 \2"),
    (r"(?i)\b(gon|wan)(na)\b", r"\1 \2"),
    (r"(?i)\b(got)(ta)\b", r"\1 \2"),
    (r"(?i)\b(more)('n)\b", r"\1 \2"),
    (r"(?i) ('t)(is|was)\b", r" \1 \2"),
]]


def ptb_tokens(text: str) -> list[str]:
    """The Penn-Treebank tokens of one sentence, as the T17 and Crisis references are tokenized.

    ``Egypt's`` -> ``Egypt 's``; ``don't`` -> ``do n't``; ``"quoted"`` -> ````` quoted ''``;
    ``(`` -> ``-LRB-``; ``/`` -> ``\\/``; curly quotes, dashes and ellipses are mapped to their
    ASCII PTB forms first. Only a final period is split off (``U.S.`` inside stays whole).
    """
    for src, dst in _UNICODE:
        text = text.replace(src, dst)
    text = text.strip()
    for pattern, repl in _RULES:
        text = pattern.sub(repl, text)
    text = f" {text} "
    for pattern, repl in _RULES_PADDED:
        text = pattern.sub(repl, text)
    return [_BRACKETS.get(tok, tok).replace("/", "\\/") for tok in text.split()]


def ptb_tokenize(text: str) -> str:
    """:func:`ptb_tokens` joined by single spaces: a sentence in the references' form."""
    return " ".join(ptb_tokens(text))


# --------------------------------------------------------------------------------------------
# Timelines prepared for scoring
# --------------------------------------------------------------------------------------------

def _as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    raise TypeError(f"not a date: {value!r}")


def _approx_counts(sentences: Sequence[str]) -> Counter:
    # tilse's util.compute_rouge_approximation: raw tokens, case kept, no stemming; a token is
    # dropped when it is a substring of string.punctuation (single punctuation characters, and
    # runs such as "-." that happen to be contiguous in that string).
    return Counter(tok for sent in sentences for tok in sent.split() if tok not in string.punctuation)


class PreparedTimeline:
    """A timeline ``{date: [sentences]}`` with the counters every metric needs, computed once.

    Keys may be ``datetime.date``, ``datetime.datetime`` (the day is kept) or ISO strings;
    keys that fall on the same day are merged. With ``tokenize=True`` each sentence is first
    passed through :func:`ptb_tokenize` (for raw system text; references are tokenized already).
    """

    __slots__ = ("timeline", "dates", "ordinals", "position", "rouge", "rouge_totals", "approx",
                 "approx_totals", "concat")

    def __init__(self, timeline: Mapping, *, tokenize: bool = False):
        merged: Timeline = {}
        for key, sentences in timeline.items():
            if isinstance(sentences, str):
                sentences = [sentences]
            sents = [ptb_tokenize(s) if tokenize else s.strip() for s in sentences]
            merged.setdefault(_as_date(key), []).extend(sents)
        self.timeline: Timeline = merged
        self.dates: list[dt.date] = sorted(merged)
        self.ordinals = np.array([d.toordinal() for d in self.dates], dtype=np.int64)
        self.position = {d: i for i, d in enumerate(self.dates)}
        tokens = [rouge_tokens(merged[d]) for d in self.dates]
        self.rouge = {n: [ngram_counts(t, n) for t in tokens] for n in MEASURES.values()}
        self.rouge_totals = {n: [sum(c.values()) for c in counts] for n, counts in self.rouge.items()}
        self.approx = [_approx_counts(merged[d]) for d in self.dates]
        self.approx_totals = [sum(c.values()) for c in self.approx]
        # concat: the tokens of all dates in order, so bigrams run across dates
        flat = [tok for t in tokens for tok in t]
        self.concat = {n: ngram_counts(flat, n) for n in MEASURES.values()}

    def __len__(self) -> int:
        return len(self.dates)

    def __repr__(self) -> str:
        return f"PreparedTimeline({len(self.dates)} dates)"

    def counts(self, n: int, date: dt.date) -> Counter:
        """The stemmed n-gram counts of ``date``'s summary (empty where the date is absent)."""
        i = self.position.get(date)
        return self.rouge[n][i] if i is not None else Counter()

    def total(self, n: int, date: dt.date) -> int:
        i = self.position.get(date)
        return self.rouge_totals[n][i] if i is not None else 0


TimelineLike = Union[Mapping, PreparedTimeline]


def prepare_timeline(timeline: TimelineLike, *, tokenize: bool = False) -> PreparedTimeline:
    """``timeline`` as a :class:`PreparedTimeline` (returned as it is if it already is one)."""
    if isinstance(timeline, PreparedTimeline):
        return timeline
    return PreparedTimeline(timeline, tokenize=tokenize)


def _prepare_all(system: TimelineLike, references, tokenize: bool = False
                 ) -> tuple[PreparedTimeline, list[PreparedTimeline]]:
    if isinstance(references, (Mapping, PreparedTimeline)):
        references = [references]
    refs = [prepare_timeline(r) for r in references]
    if not refs:
        raise ValueError("at least one reference timeline is needed")
    return prepare_timeline(system, tokenize=tokenize), refs


def _prf(p: float, r: float) -> dict[str, float]:
    return {"precision": p, "recall": r, "f1": f_score(p, r)}


def _ratio(num, den) -> float:
    return num / den if den else 0.0


# --------------------------------------------------------------------------------------------
# The metrics
# --------------------------------------------------------------------------------------------

def concat_rouge(system: TimelineLike, references: Sequence[TimelineLike]) -> dict[str, dict[str, float]]:
    """``concat`` ROUGE-1/2: all of a timeline's sentences as one summary (tilse's evaluate_concat)."""
    sys_tl, refs = _prepare_all(system, references)
    out = {}
    for measure, n in MEASURES.items():
        pred = sys_tl.concat[n]
        hits = sum(clipped_hits(pred, ref.concat[n]) for ref in refs)
        p = _ratio(hits, len(refs) * sum(pred.values()))
        r = _ratio(hits, sum(sum(ref.concat[n].values()) for ref in refs))
        out[measure] = _prf(p, r)
    return out


def agreement_rouge(system: TimelineLike, references: Sequence[TimelineLike]) -> dict[str, dict[str, float]]:
    """``agreement`` ROUGE-1/2: only summaries of the same date are compared (tilse's evaluate_agreement)."""
    sys_tl, refs = _prepare_all(system, references)
    ref_dates = set().union(*(r.dates for r in refs))
    out = {}
    for measure, n in MEASURES.items():
        hits_p = den_p = hits_r = den_r = 0
        for date in set(sys_tl.dates) | ref_dates:
            pred = sys_tl.counts(n, date)
            hits = sum(clipped_hits(pred, ref.counts(n, date)) for ref in refs) if pred else 0
            if date in sys_tl.position:
                hits_p += hits
                den_p += len(refs) * sys_tl.total(n, date)
            if date in ref_dates:
                hits_r += hits
                den_r += sum(ref.total(n, date) for ref in refs)
        out[measure] = _prf(_ratio(hits_p, den_p), _ratio(hits_r, den_r))
    return out


def _content_f1(sys_tl: PreparedTimeline, refs: list[PreparedTimeline],
                ref_dates: list[dt.date]) -> np.ndarray:
    """tilse's ROUGE-1 approximation F1 of every (system date, reference date) pair.

    Clipped hits ``sum(min(a, b))`` are computed as ``sum over c >= 1 of [a >= c] . [b >= c]``,
    a few 0/1 matrix products over the vocabulary the two sides share (exact in float64).
    """
    n_sys, n_ref = len(sys_tl.dates), len(ref_dates)
    sys_vocab = set().union(*sys_tl.approx)
    hits = np.zeros((n_sys, n_ref))
    ref_totals = np.zeros(n_ref)
    for ref in refs:
        rows = [ref.position.get(d) for d in ref_dates]
        ref_totals += [ref.approx_totals[i] if i is not None else 0 for i in rows]
        vocab = sorted(sys_vocab.intersection(set().union(*ref.approx)))
        if not vocab:
            continue
        column = {tok: k for k, tok in enumerate(vocab)}
        a = np.zeros((n_sys, len(vocab)), dtype=np.int64)
        for i, counter in enumerate(sys_tl.approx):
            for tok, c in counter.items():
                k = column.get(tok)
                if k is not None:
                    a[i, k] = c
        b = np.zeros((n_ref, len(vocab)), dtype=np.int64)
        for j, row in enumerate(rows):
            if row is None:
                continue
            for tok, c in ref.approx[row].items():
                k = column.get(tok)
                if k is not None:
                    b[j, k] = c
        level = 1
        while True:
            cols = (a >= level).any(axis=0) & (b >= level).any(axis=0)
            if not cols.any():
                break
            hits += (a[:, cols] >= level).astype(np.float64) @ (b[:, cols] >= level).astype(np.float64).T
            level += 1
    prec_den = len(refs) * np.asarray(sys_tl.approx_totals, dtype=np.float64)[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(prec_den > 0, hits / prec_den, 0.0)
        r = np.where(ref_totals[None, :] > 0, hits / ref_totals[None, :], 0.0)
        f = np.where(p + r == 0, 0.0, 2 * p * r / (p + r))
    return f


def align_m1_rouge(system: TimelineLike, references: Sequence[TimelineLike]) -> dict[str, dict[str, float]]:
    """``align+ m:1`` ROUGE-1/2 (tilse's evaluate_align_date_content_costs_many_to_one).

    Each system date is aligned (for precision) to the reference date, and each reference date
    (for recall) to the system date, of least cost ``(1 - 1/(Δ+1)) * (1 - F)``, Δ the distance in
    days and F tilse's ROUGE-1 approximation of the two summaries; ties go to the earliest date.
    An aligned pair's ROUGE hits are weighted by ``1/(Δ+1)``.
    """
    sys_tl, refs = _prepare_all(system, references)
    ref_dates = sorted(set().union(*(r.dates for r in refs)))
    if not sys_tl.dates or not ref_dates:
        return {measure: _prf(0.0, 0.0) for measure in MEASURES}
    ref_ordinals = np.array([d.toordinal() for d in ref_dates], dtype=np.int64)
    distance = np.abs(sys_tl.ordinals[:, None] - ref_ordinals[None, :])
    cost = (1 - 1 / (distance + 1)) * (1 - _content_f1(sys_tl, refs, ref_dates))
    to_ref = cost.argmin(axis=1)     # precision: system date i -> reference date
    to_sys = cost.argmin(axis=0)     # recall: reference date j -> system date
    out = {}
    for measure, n in MEASURES.items():
        cache: dict[tuple[int, int], int] = {}

        def hits(i: int, j: int) -> int:
            if (i, j) not in cache:
                pred = sys_tl.rouge[n][i]
                cache[i, j] = sum(clipped_hits(pred, ref.counts(n, ref_dates[j])) for ref in refs) if pred else 0
            return cache[i, j]

        num_p, den_p = [], []
        for i, j in enumerate(to_ref.tolist()):
            num_p.append((1 / (int(distance[i, j]) + 1)) * hits(i, j))
            den_p.append(len(refs) * sys_tl.rouge_totals[n][i])
        num_r, den_r = [], []
        for j, i in enumerate(to_sys.tolist()):
            num_r.append((1 / (int(distance[i, j]) + 1)) * hits(i, j))
            den_r.append(sum(ref.total(n, ref_dates[j]) for ref in refs))
        out[measure] = _prf(_ratio(sum(num_p), sum(den_p)), _ratio(sum(num_r), sum(den_r)))
    return out


def date_f1(system: TimelineLike, references: Sequence[TimelineLike]) -> dict[str, float]:
    """Precision, recall and F1 of the system's dates against the union of the references' dates."""
    sys_tl, refs = _prepare_all(system, references)
    pred = set(sys_tl.dates)
    gold = set().union(*(r.dates for r in refs))
    shared = len(pred & gold)
    return _prf(_ratio(shared, len(pred)), _ratio(shared, len(gold)))


_METRIC_FUNCTIONS = {
    "concat": concat_rouge,
    "agreement": agreement_rouge,
    "align_m1": align_m1_rouge,
    "date": date_f1,
}


def score_timeline(system: TimelineLike, references: Sequence[TimelineLike] | TimelineLike, *,
                   metrics: Iterable[str] = METRICS, tokenize: bool = False) -> dict:
    """Scores of a system timeline against reference timelines, one entry per metric.

    ``{"concat": {"rouge_1": {"precision", "recall", "f1"}, "rouge_2": {...}}, "agreement": ...,
    "align_m1": ..., "date": {"precision", "recall", "f1"}}``.

    Several references are scored together as tilse's ``GroundTruth`` does (hits summed over
    references). The field's protocol (news-tls) instead scores each reference on its own —
    ``score_timeline(system_for_that_reference, [reference])`` — and averages the results with
    :func:`average_scores`. ``tokenize=True`` PTB-tokenizes the system's sentences first.
    Timelines may be passed prepared (:func:`prepare_timeline`) to score them many times.
    """
    sys_tl, refs = _prepare_all(system, references, tokenize=tokenize)
    out = {}
    for metric in metrics:
        if metric not in _METRIC_FUNCTIONS:
            raise ValueError(f"unknown metric {metric!r}; known: {', '.join(METRICS)}")
        out[metric] = _METRIC_FUNCTIONS[metric](sys_tl, refs)
    return out


def average_scores(results: Iterable[dict]) -> dict:
    """The average of :func:`score_timeline` results as news-tls computes it.

    Precision and recall are averaged over the results (all (topic, reference) pairs alike,
    not topic by topic) and F1 is computed from the averaged precision and recall, for every
    metric and measure the results share.
    """
    results = list(results)
    if not results:
        raise ValueError("no results to average")

    def average(items: list[dict]) -> dict:
        if "precision" in items[0]:
            p = sum(x["precision"] for x in items) / len(items)
            r = sum(x["recall"] for x in items) / len(items)
            return _prf(p, r)
        keys = [k for k in items[0] if all(k in x for x in items)]
        return {k: average([x[k] for x in items]) for k in keys}

    return average(results)
