"""The learned line classifier of the plain-text path: article line or not, from features that
carry across sites.

The rule layer (``classify``, ``analysis``) was tuned on a few dozen sites; on others it picks a
sidebar of long teasers over an article of short lines, or ends the article where a list
begins. This layer judges every line again with a model learned from labelled lines of many
sites (``benchmarks/extraction/train_lines.py``): each line is measured on what does not depend
on the site (length, punctuation, stop-word share in the page's language, menu-word share,
position, repetition within the page, list shape) together with the rule layer's own verdict
and reason, and the same of its neighbours (the lines just before and after, and windows of
three and ten lines around it: the sequence step). The model is a small gradient-boosted tree
ensemble (scikit-learn's ``HistGradientBoostingClassifier``), stored as plain JSON node arrays
(``line_model.json``) and walked here with numpy, so that the package needs no pickle and no
scikit-learn at run time.

The rules' verdict stands unless the model is confident: a line the rules kept is dropped when
the model's probability falls under ``CleanParams.line_model_keep``, and is then recorded as
``LINE_MODEL_REASON`` with the probability and the strongest named cue that fires on it; a line
the rules dropped is kept when the probability reaches ``line_model_overturn``, else it keeps
the rules' reason.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Optional, Sequence

import numpy as np

from ..config import DEFAULT_CLEAN, CleanParams
from .language import OTHER_LANGUAGES
from .lexicon import SECTION_WORDS, SHARE_WORDS, UI_WORDS
from .lines import Line
from .patterns import LIST_ITEM
from .reasons import LINE_MODEL_REASON, Pending, Reason
from ..trees import Forest

MODEL_FILE = "line_model.json"
DIGITS = re.compile(r"\d+")
ENDS = (Pending.COMMENTS, Reason.COPYRIGHT, Reason.RELATED, Reason.SPONSORED)  # below the body, what follows is not article
MENU_WORDS = UI_WORDS | SECTION_WORDS | SHARE_WORDS
# The rule layer's reasons, grouped: one indicator feature per group.
REASON_GROUPS: dict[str, tuple[Reason, ...]] = {
    "navigation": (Reason.NAVIGATION,), "share": (Reason.SHARE,), "related": (Reason.RELATED,),
    "sponsored": (Reason.SPONSORED, Reason.SUBSCRIPTION), "copyright": (Reason.COPYRIGHT,),
    "caption": (Reason.CAPTION, Reason.PHOTO_CREDIT), "repeated": (Reason.REPEATED,),
    "title": (Reason.TITLE,), "meta": (Reason.BYLINE, Reason.DATE, Reason.CONTRIBUTOR, Reason.SOURCE),
    "boilerplate": (Reason.BOILERPLATE,),
}
LINE_FEATURES = [
    "log words", "log chars", "sentence end", "truncated", "prose", "stop share", "punctuation share",
    "commas per word", "digit share", "capitalised share", "all capitals", "menu-word share", "list item",
    "blank before", "repeats", "rules keep", "in rules' body", "rules named it",
    *[f"rules: {group}" for group in REASON_GROUPS],
    "log block lines", "block mean words", "lines above body", "lines below body", "short-line run",
    "page kept share", "log page lines",
    "prev log words", "next log words", "prev prose", "next prose", "prev rules keep", "next rules keep",
    "prose within 3", "rules keep within 3", "prose within 10", "rules keep within 10", "words within 3",
]


def model_from_dict(data: dict) -> Forest:
    """The model in ``data`` (as written by the training script); refuses another feature set."""
    if data.get("line_features") != LINE_FEATURES:
        raise ValueError(f"{MODEL_FILE}: the features it was trained on are not this module's")
    return Forest.from_dict(data["trees"])


@lru_cache(maxsize=1)
def shipped_model() -> Forest:
    """The model that ships in the package, read once."""
    text = resources.files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return model_from_dict(json.loads(text))


@lru_cache(maxsize=1)
def _stop_lists() -> dict[str, frozenset[str]]:
    import justext  # type: ignore[import-untyped]

    lists = {}
    for language in ("English", *OTHER_LANGUAGES):
        try:
            lists[language] = frozenset(justext.get_stoplist(language))
        except (ValueError, OSError):  # a list missing from this jusText version
            continue
    return lists


def page_stop_words(lines: Sequence[Line], sample_words: int = 2000) -> frozenset[str]:
    """The stop words of the page's language: the list that covers most of its first words."""
    words: list[str] = []
    for line in lines:
        words.extend(line.lower)
        if len(words) >= sample_words:
            break
    lists = _stop_lists()
    if not words:
        return lists["English"]
    # each distinct word looked up once, its count added to every list that holds it; the first
    # list of the highest total wins, as ``max`` over the lists picks it
    totals = [0] * len(lists)
    listing = _lists_of()
    for word, count in Counter(words).items():
        for i in listing.get(word, ()):
            totals[i] += count
    return list(lists.values())[totals.index(max(totals))]


@lru_cache(maxsize=1)
def _lists_of() -> dict[str, tuple[int, ...]]:
    """For each stop word of ``_stop_lists``, the places (in its order) of the lists holding it."""
    listing: dict[str, list[int]] = {}
    for i, stops in enumerate(_stop_lists().values()):
        for word in stops:
            listing.setdefault(word, []).append(i)
    return {word: tuple(places) for word, places in listing.items()}


def _line_row(line: Line, stops: frozenset[str]) -> list[float]:
    """The features of one line on its own. Characters are counted by ``map`` over the text, not
    by a generator: a line's punctuation is what is neither letter, digit nor space (no character
    is both ``isalnum`` and ``isspace``: a test checks every code point)."""
    text, n = line.text, max(line.n, 1)
    chars = max(len(text), 1)
    punctuation = len(text) - sum(map(str.isalnum, text)) - sum(map(str.isspace, text))
    return [math.log1p(line.n), math.log1p(len(text)), float(line.ends_sentence), float(line.truncated),
            float(line.prose), sum(map(stops.__contains__, line.lower)) / n, punctuation / chars,
            (text.count(",") + text.count(";")) / n, sum(map(str.isdigit, text)) / chars,
            sum([w[:1].isupper() for w in line.words]) / n, float(text.isupper()),
            sum(map(MENU_WORDS.__contains__, line.lower)) / n, float(bool(LIST_ITEM.match(text))),
            float(line.blank_before)]


def _window(values: np.ndarray, radius: int) -> np.ndarray:
    """The mean of ``values`` over the lines within ``radius`` of each line, itself left out."""
    padded = np.concatenate([[0.0], np.cumsum(values)])
    idx = np.arange(len(values))
    lo, hi = np.maximum(idx - radius, 0), np.minimum(idx + radius + 1, len(values))
    counts = hi - lo - 1
    sums = padded[hi] - padded[lo] - values
    return np.where(counts > 0, sums / np.maximum(counts, 1), 0.0)


def _shifted(values: np.ndarray, step: int) -> np.ndarray:
    """Each line's neighbour ``step`` lines away (0 beyond the page)."""
    out = np.zeros_like(values)
    if step > 0:
        out[:-step] = values[step:]
    else:
        out[-step:] = values[:step]
    return out


def _blocks(lines: Sequence[Line]) -> tuple[list[int], list[float]]:
    """Each line's block (lines between blank lines): its number of lines and mean words."""
    sizes, means = [0] * len(lines), [0.0] * len(lines)
    start = 0
    for i in range(1, len(lines) + 1):
        if i == len(lines) or lines[i].blank_before:
            block = lines[start:i]
            mean = sum(line.n for line in block) / len(block)
            for j in range(start, i):
                sizes[j], means[j] = len(block), mean
            start = i
    return sizes, means


def _short_runs(lines: Sequence[Line], short: int) -> list[int]:
    """For each line of at most ``short`` words, the length of the run of such lines it stands in."""
    runs = [0] * len(lines)
    start = 0
    for i in range(1, len(lines) + 1):
        if i == len(lines) or (lines[i].n <= short) != (lines[start].n <= short):
            if lines[start].n <= short:
                for j in range(start, i):
                    runs[j] = i - start
            start = i
    return runs


def line_features(lines: Sequence[Line], first: int, last: int, params: CleanParams = DEFAULT_CLEAN) -> np.ndarray:
    """The features of every line (rows) after the rule layer settled them; the rules' body
    region is ``first``..``last`` (empty when ``first > last``)."""
    stops = page_stop_words(lines)
    keys = [" ".join(line.lower) for line in lines]
    seen: dict[str, int] = {}
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
    sizes, means = _blocks(lines)
    runs = _short_runs(lines, params.line_model_short_words)
    kept = np.array([line.reason is None for line in lines], float)
    rows = []
    for i, line in enumerate(lines):
        row = _line_row(line, stops)
        row += [math.log1p(seen[keys[i]] - 1), kept[i], float(first <= i <= last), float(line.own is not None)]
        row += [float(line.reason in group) for group in REASON_GROUPS.values()]
        row += [math.log1p(sizes[i]), math.log1p(means[i]), min(max(first - i, 0), 20) / 20,
                min(max(i - last, 0), 20) / 20, math.log1p(runs[i])]
        rows.append(row)
    x = np.array(rows, float).reshape(len(lines), -1)
    words, prose = x[:, 0], x[:, 4]
    page = np.tile([kept.mean() if len(lines) else 0.0, math.log1p(len(lines))], (len(lines), 1))
    neighbours = np.column_stack([_shifted(words, -1), _shifted(words, 1), _shifted(prose, -1), _shifted(prose, 1),
                                  _shifted(kept, -1), _shifted(kept, 1), _window(prose, 3), _window(kept, 3),
                                  _window(prose, 10), _window(kept, 10), _window(words, 3)])
    return np.hstack([x, page, neighbours]) if len(lines) else np.zeros((0, len(LINE_FEATURES)))


def probabilities(model: Forest, x: np.ndarray) -> np.ndarray:
    """Each line's probability of being article text."""
    return model.probability(x)


# Named cues against a line, strongest first: (feature, the line has it when the value is at
# most (True) or above (False) the limit, the cue's name).
CUES = [("prose within 3", True, 0.0, "no prose near it"), ("in rules' body", True, 0.0, "outside the rules' body"),
        ("repeats", False, 0.0, "repeated on the page"), ("menu-word share", False, 0.3, "menu words"),
        ("short-line run", False, math.log1p(5), "in a run of short lines"), ("log words", True, math.log1p(4), "short line"),
        ("stop share", True, 0.1, "few stop words"), ("sentence end", True, 0.0, "no sentence end")]
CUE_INDEX = [(LINE_FEATURES.index(name), at_most, limit, cue) for name, at_most, limit, cue in CUES]


def cue(row: np.ndarray) -> Optional[str]:
    """The strongest named cue that fires on a line's features, if any."""
    for index, at_most, limit, name in CUE_INDEX:
        if (row[index] <= limit) if at_most else (row[index] > limit):
            return name
    return None


def _shape(line: Line) -> str:
    return DIGITS.sub("#", " ".join(line.lower))


def overturnable(lines: Sequence[Line], first: int, last: int, shape_repeats: int) -> list[bool]:
    """The lines the rules dropped only for where they stand (below their body, a short line in
    it): not a kind they named (a share bar, a copyright notice, a date line, a repeat), nothing
    above their body (the header, whose lines the rules read for the page's metadata),
    not the title, not a line whose words recur ``shape_repeats`` times on the page with other
    numbers ("Related 12", a page's chrome), and nothing after a comments label, a copyright line or
    the heading of a related or sponsored list below the body (readers' comments, other stories
    and the footer follow the article). The named furniture rules stand as post-filters."""
    shapes = Counter(_shape(line) for line in lines)
    out, closed = [], False
    for i, line in enumerate(lines):
        out.append(line.reason is not None and line.own is None and i >= first and not closed
                   and shapes[_shape(line)] < shape_repeats)
        closed = closed or (i > last and line.own in ENDS and not line.soft)
    return out


def decide(lines: list[Line], first: int, last: int, p: np.ndarray, x: np.ndarray, params: CleanParams) -> None:
    """Keep a line the rules kept when ``p`` reaches ``keep``, one they dropped for its place
    when it reaches ``overturn``; a line the rules kept and the model drops is noted with the
    model's reason."""
    open_lines = overturnable(lines, first, last, params.line_model_shape_repeats)
    for i, line in enumerate(lines):
        if line.reason is None:
            if p[i] < params.line_model_keep:
                named = cue(x[i])
                line.note = f"{LINE_MODEL_REASON}, p={1 - p[i]:.2f}" + (f"; {named})" if named else ")")
        elif p[i] >= params.line_model_overturn and open_lines[i]:
            line.reason = None


def relabel(lines: list[Line], first: int, last: int, params: CleanParams, model: Optional[Forest] = None) -> None:
    """Judge every line of a page the rules settled (body region ``first``..``last``) again by
    the model (the shipped one unless given). A page of fewer than ``line_model_min_lines`` lines
    is left to the rules: the model learned from rendered web pages, hardly any of them that short,
    and a short text is most often the article alone."""
    if len(lines) < params.line_model_min_lines:
        return
    x = line_features(lines, first, last, params)
    decide(lines, first, last, probabilities(model or shipped_model(), x), x, params)
