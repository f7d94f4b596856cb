"""Quote attribution scored against PolNeAR's annotations (brat standoff).

A PolNeAR compartment folder holds ``text/<article>.txt`` and ``attributions/<article>_<annotator>.ann``;
each attribution ties a Content span (pieces ``start end;start end``) to its Cue and, mostly, its
Source. A few articles were annotated by several annotators: the annotator whose id sorts first
is used for each article, so every article counts once with one consistent annotation.

Scores: a predicted quote matches a gold content when their overlap covers at least half of each
(one to one, largest overlaps first; a predicted quote's content is its span less its own cue and
speaker where they lie inside it, as in "“...,” said X, “...”", the way PolNeAR's content pieces
leave them out); precision, recall and F over direct quotes (a gold content
with a quotation mark in it; predictions flagged ``direct``) and over all attributions; and the
share of gold quotes found whose predicted speaker span overlaps the gold Source (of the gold
quotes that have a Source).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional, Sequence

from ..model import Quote

_MARK = re.compile("[\"“”„«»]")
Spans = list[tuple[int, int]]


@dataclass
class GoldQuote:
    """One annotated attribution: its content pieces, its source pieces (empty when none) and
    whether its content holds a quotation mark."""

    content: Spans
    source: Spans = field(default_factory=list)
    direct: bool = False


@dataclass
class Article:
    name: str
    text: str
    gold: list[GoldQuote]
    annotator: str


def _spans(field_: str) -> Spans:
    return [(int(a), int(b)) for a, b in (piece.split() for piece in field_.split(";"))]


def parse_ann(text: str, ann: str) -> list[GoldQuote]:
    """The attributions of one brat standoff file over ``text``."""
    spans: dict[str, Spans] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, where = parts[1].partition(" ")
            if label in ("Source", "Cue", "Content"):
                spans[parts[0]] = _spans(where)
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    out = []
    for event in events:
        content = spans.get(event.get("Content", ""))
        if not content:
            continue
        source = spans.get(event.get("Source", ""), [])
        direct = any(_MARK.search(text[a:b]) for a, b in content)
        out.append(GoldQuote(content, source, direct))
    return out


def load(folder: Path) -> list[Article]:
    """The articles of a PolNeAR compartment folder with one annotator's attributions each."""
    chosen: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        article = ann.stem.rsplit("_", 1)[0]
        chosen.setdefault(article, ann)
    articles = []
    for article, ann in sorted(chosen.items()):
        txt = folder / "text" / f"{article}.txt"
        if not txt.is_file():
            continue
        text = txt.read_text(encoding="utf-8")
        articles.append(Article(article, text, parse_ann(text, ann.read_text(encoding="utf-8")),
                                ann.stem.rsplit("_", 1)[1]))
    return articles


def _overlap(pred: tuple[int, int], gold: Spans) -> int:
    return sum(max(0, min(pred[1], b) - max(pred[0], a)) for a, b in gold)


def _overlaps(pred: Spans, gold: Spans) -> int:
    return sum(_overlap(piece, gold) for piece in pred)


def pieces(quote: Quote) -> Spans:
    """A predicted quote's content: its span less its cue and speaker where they lie inside it."""
    out = [(quote.start, quote.end)]
    for part in (quote.cue, quote.speaker):
        if part is None or not (quote.start < part.start and part.end < quote.end):
            continue
        out = [piece for a, b in out for piece in ((a, min(b, part.start)), (max(a, part.end), b)) if piece[1] > piece[0]]
    return out


def matches(pred: "tuple[int, int] | Spans", gold: Spans) -> int:
    """The overlap of a predicted content (a span or pieces) with a gold content when it covers at
    least half of each, else 0."""
    spans = [pred] if isinstance(pred, tuple) else pred
    common = _overlaps(spans, gold)
    size = sum(b - a for a, b in gold)
    if common * 2 >= sum(b - a for a, b in spans) and common * 2 >= size and common > 0:
        return common
    return 0


def align(predicted: Sequence[Quote], gold: Sequence[GoldQuote]) -> dict[int, int]:
    """One-to-one matches, gold index → predicted index, largest overlaps first."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            common = matches(pieces(p), g.content)
            if common:
                pairs.append((common, i, j))
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in sorted(pairs, reverse=True):
        if i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


def _prf(found: int, predicted: int, gold: int) -> dict[str, float]:
    p = found / predicted if predicted else 0.0
    r = found / gold if gold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def _right_speaker(pred: Quote, gold: GoldQuote) -> bool:
    return pred.speaker is not None and _overlap((pred.speaker.start, pred.speaker.end), gold.source) > 0


def score(pairs: Iterable[tuple[Sequence[GoldQuote], Sequence[Quote]]]) -> dict:
    """Direct-quote and all-attribution scores over (gold, predicted) pairs of articles."""
    n: dict[str, int] = dict.fromkeys(("gold", "pred", "found", "sourced", "right", "d_gold", "d_pred", "d_found",
                                       "d_sourced", "d_right"), 0)
    for gold, predicted in pairs:
        for prefix, g_set, p_set in (("", list(gold), list(predicted)),
                                     ("d_", [g for g in gold if g.direct], [p for p in predicted if p.direct])):
            found = align(p_set, g_set)
            n[prefix + "gold"] += len(g_set)
            n[prefix + "pred"] += len(p_set)
            n[prefix + "found"] += len(found)
            n[prefix + "sourced"] += sum(1 for g in g_set if g.source)
            n[prefix + "right"] += sum(1 for i, j in found.items() if g_set[i].source and _right_speaker(p_set[j], g_set[i]))
    return {
        "direct": {**_prf(n["d_found"], n["d_pred"], n["d_gold"]), "gold": n["d_gold"], "predicted": n["d_pred"],
                   "right_speaker": round(n["d_right"] / n["d_sourced"], 4) if n["d_sourced"] else 0.0},
        "all": {**_prf(n["found"], n["pred"], n["gold"]), "gold": n["gold"], "predicted": n["pred"],
                "right_speaker": round(n["right"] / n["sourced"], 4) if n["sourced"] else 0.0},
    }


def quotes_of(text: str) -> list[Quote]:
    """storyline's quotes of a text as a build finds them: with the entity layer's names."""
    from ..entities import mentions_of, parse
    from ..quotes import find_quotes

    doc = parse([text])[0]
    return find_quotes(text, doc, mentions_of(doc))


def evaluate(folder: Path, limit: Optional[int] = None) -> Optional[dict]:
    """storyline's quotes on a PolNeAR compartment folder: the scores, with the articles counted;
    None when the folder holds no annotated article."""
    articles = load(folder)[:limit]
    if not articles:
        return None
    scores = score((a.gold, quotes_of(a.text)) for a in articles)
    scores["articles"] = len(articles)
    return scores
