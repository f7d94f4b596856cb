"""Time-expression scoring in the TempEval-3 style, and a reader for TimeML files.

TempEval-3 (UzZaman et al., 2013) scores a tagger on three things: whether it finds the
expressions (strict: the exact span; relaxed: any overlap), and, for the expressions found
(relaxed matches), whether it gives them the right ``type`` and ``value``. The attribute
figures are reported as accuracy over relaxed matches and as F1 (relaxed F1 times that
accuracy: the expression counts only when it is found *and* normalized right).

Written here rather than taken from the TempEval-3 toolkit because that toolkit is Python 2
scripts over token-level TimeML pairs; this module scores character spans, which is what
``storyline.timex`` and other taggers produce. Matching is one to one: a predicted span
matches at most one gold span (the largest overlap first, exact spans before partial ones),
so a tagger cannot earn two matches with one expression or one match for two.

The reader turns a TimeML document (TimeBank, AQUAINT, our gold set) into plain text with
the gold expressions as character offsets into it, and the document creation time as the
anchor (``None`` when the file has none).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

__all__ = ["GoldTimex", "TimexDocument", "load_timeml", "load_timeml_dir", "parse_timeml",
           "score_timexes", "ERROR_CLASSES", "error_class", "classify_errors"]


@dataclass
class GoldTimex:
    """An annotated expression: offsets into the document's plain text."""

    start: int
    end: int
    text: str
    type: str
    value: Optional[str]
    mod: Optional[str] = None


@dataclass
class TimexDocument:
    id: str
    dct: Optional[dt.date]
    text: str
    timexes: list[GoldTimex] = field(default_factory=list)


_DOCID = re.compile(r"<DOCID>(.*?)</DOCID>", re.S)
_DCT = re.compile(r"<DCT>(.*?)</DCT>", re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_PIECE = re.compile(r"<[^>]*>|&#?\w+;|[^<&]+|&", re.S)
_ATTR = re.compile(r'(\w+)\s*=\s*"([^"]*)"')


def _attrs(tag: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(tag)}


def _date_of(value: str) -> Optional[dt.date]:
    match = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value or "")
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def parse_timeml(source: str, doc_id: str = "") -> TimexDocument:
    """Plain text and gold expressions of one TimeML document.

    Every tag inside ``<TEXT>`` is removed (EVENT, SIGNAL...), entities are decoded, and each
    TIMEX3 becomes a ``GoldTimex`` whose offsets point into that plain text. Empty
    (non-consuming) TIMEX3 tags have no span and are skipped. An empty ``value`` attribute
    stands for "no value": the expression needs an anchor the document does not have.
    """
    ident = _DOCID.search(source)
    doc_id = (ident.group(1).strip() if ident else "") or doc_id
    dct = None
    dct_match = _DCT.search(source)
    if dct_match:
        tag = re.search(r"<TIMEX3\b[^>]*>", dct_match.group(1))
        if tag:
            dct = _date_of(_attrs(tag.group(0)).get("value", ""))
    body = _TEXT.search(source)
    if body is None:
        raise ValueError(f"{doc_id or 'document'}: no <TEXT> element")

    out: list[str] = []
    length = 0
    open_timex: Optional[tuple[int, dict[str, str]]] = None
    timexes: list[GoldTimex] = []
    for piece in _PIECE.findall(body.group(1)):
        if piece.startswith("<"):
            tag_name = re.match(r"</?\s*([\w:]+)", piece)
            name = tag_name.group(1).upper() if tag_name else ""
            if name != "TIMEX3":
                continue
            if piece.startswith("</"):
                if open_timex is not None:
                    start, attrs = open_timex
                    timexes.append(GoldTimex(start, length, "", attrs.get("type", "DATE"),
                                             attrs.get("value") or None, attrs.get("mod") or None))
                    open_timex = None
            elif not piece.rstrip(">").rstrip().endswith("/"):
                open_timex = (length, _attrs(piece))
            continue
        text = html.unescape(piece) if piece.startswith("&") else piece
        out.append(text)
        length += len(text)
    plain = "".join(out)
    for timex in timexes:
        timex.text = plain[timex.start:timex.end]
    timexes = [t for t in timexes if t.end > t.start]
    return TimexDocument(doc_id, dct, plain, timexes)


def load_timeml(path: str | Path) -> TimexDocument:
    path = Path(path)
    return parse_timeml(path.read_text(encoding="utf-8"), doc_id=path.stem)


def load_timeml_dir(folder: str | Path) -> list[TimexDocument]:
    """Every ``*.tml`` below ``folder``, in path order."""
    return [load_timeml(p) for p in sorted(Path(folder).rglob("*.tml"))]


def _get(item: Any, name: str) -> Any:
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)


def _span(item: Any) -> tuple[int, int]:
    return int(_get(item, "start")), int(_get(item, "end"))


def _match(gold: Sequence[Any], predicted: Sequence[Any]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) of overlapping spans.

    Exact spans pair first, then the largest overlaps; each span is used once.
    """
    pairs = []
    for gi, g in enumerate(gold):
        gs, ge = _span(g)
        for pi, p in enumerate(predicted):
            ps, pe = _span(p)
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0:
                pairs.append(((gs, ge) == (ps, pe), overlap, -abs(gs - ps), gi, pi))
    pairs.sort(reverse=True)
    used_gold, used_pred, chosen = set(), set(), []
    for _, _, _, gi, pi in pairs:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            chosen.append((gi, pi))
    return chosen


def _value(item: Any) -> Optional[str]:
    value = _get(item, "value")
    return value or None


def _prf(matched: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = matched / n_pred if n_pred else 0.0
    r = matched / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_timexes(documents: Iterable[tuple[Sequence[Any], Sequence[Any]]]) -> dict:
    """TempEval-3 figures over (gold, predicted) expression lists, one pair per document.

    Items are ``GoldTimex``/``TimeMention`` objects or dicts with ``start``, ``end``, ``type``
    and ``value``. Counts are pooled over documents (micro-averaged), as TempEval-3 does.
    """
    n_gold = n_pred = strict = relaxed = type_ok = value_ok = 0
    for gold, predicted in documents:
        gold, predicted = list(gold), list(predicted)
        n_gold += len(gold)
        n_pred += len(predicted)
        for gi, pi in _match(gold, predicted):
            g, p = gold[gi], predicted[pi]
            relaxed += 1
            strict += _span(g) == _span(p)
            type_ok += (_get(g, "type") or "").upper() == (_get(p, "type") or "").upper()
            value_ok += _value(g) == _value(p)
    sp, sr, sf = _prf(strict, n_pred, n_gold)
    rp, rr, rf = _prf(relaxed, n_pred, n_gold)
    type_accuracy = type_ok / relaxed if relaxed else 0.0
    value_accuracy = value_ok / relaxed if relaxed else 0.0
    return {
        "strict_p": sp, "strict_r": sr, "strict_f1": sf,
        "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
        "type_accuracy": type_accuracy, "value_accuracy": value_accuracy,
        "type_f1": rf * type_accuracy, "value_f1": rf * value_accuracy,
        "gold": n_gold, "predicted": n_pred, "strict_matches": strict, "relaxed_matches": relaxed,
    }


# -- error classes -----------------------------------------------------------------------------

# What a disagreement with the gold is, told from the (gold, predicted) pair alone, so that a
# regression shows where it is. In the order they are tested: the first that fits is the class.
ERROR_CLASSES = {
    "missed": "a gold expression no prediction overlaps",
    "spurious": "a prediction no gold expression overlaps",
    "duration_vs_date": "a DURATION against a DATE/TIME",
    "convention": "a SET or a *_REF value on one side only",
    "direction": "dates on opposite sides of the creation time",
    "other_value": "any other wrong value",
}

_REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


def _side(value: Optional[str], anchor: dt.date) -> Optional[int]:
    """-1, 0 or 1 as a date value lies before, on or after ``anchor``; None for no plain date.

    A year or month value compares by the part of the anchor it names (``2013`` is "on" any
    anchor in 2013)."""
    match = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?![\d-]|W)", value or "")
    if not match:
        return None
    parts = tuple(int(g) for g in match.groups() if g is not None)
    mine = (anchor.year, anchor.month, anchor.day)[:len(parts)]
    return (parts > mine) - (parts < mine)


def error_class(gold: Any, predicted: Any, anchor: Optional[dt.date] = None) -> Optional[str]:
    """The class of one disagreement, or None when the pair agrees on the value.

    ``gold`` or ``predicted`` may be None (a missed or a spurious expression). Classes are
    those of :data:`ERROR_CLASSES`; direction needs the ``anchor`` (the creation time)."""
    if predicted is None:
        return "missed" if gold is not None else None
    if gold is None:
        return "spurious"
    gv, pv = _value(gold), _value(predicted)
    if gv == pv:
        return None
    gt, pt = (_get(gold, "type") or "").upper(), (_get(predicted, "type") or "").upper()
    if "DURATION" in (gt, pt) and {gt, pt} & {"DATE", "TIME"}:
        return "duration_vs_date"
    if "SET" in (gt, pt) or any(v in _REFS for v in (gv, pv)):
        return "convention"
    if anchor is not None:
        gs, ps = _side(gv, anchor), _side(pv, anchor)
        if gs is not None and ps is not None and gs * ps < 0:
            return "direction"
    return "other_value"


def classify_errors(documents: Iterable[tuple[Sequence[Any], Sequence[Any], Optional[dt.date]]]) -> dict[str, int]:
    """How many disagreements of each class in :data:`ERROR_CLASSES` over (gold, predicted,
    creation time) triples, pairing expressions as :func:`score_timexes` does."""
    counts = dict.fromkeys(ERROR_CLASSES, 0)
    for gold, predicted, anchor in documents:
        gold, predicted = list(gold), list(predicted)
        pairs = _match(gold, predicted)
        matched_gold = {gi for gi, _ in pairs}
        matched_pred = {pi for _, pi in pairs}
        found = [error_class(g, None) for gi, g in enumerate(gold) if gi not in matched_gold]
        found += [error_class(None, p) for pi, p in enumerate(predicted) if pi not in matched_pred]
        found += [error_class(gold[gi], predicted[pi], anchor) for gi, pi in pairs]
        for name in found:
            if name is not None:
                counts[name] += 1
    return counts
