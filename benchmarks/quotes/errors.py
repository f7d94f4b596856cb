"""The quote finder's errors on a PolNeAR split, by class, with per-publisher scores.

Direct quotes only: gold quotes missed with no direct prediction overlapping them ("no prediction
near") or with one that covers too much or too little ("boundary"); found quotes with a wrong
speaker (none given, a pronoun, another name, ...); direct predictions that match no gold quote
(over a gold quote: a boundary; over none: a false positive). Prints counts, then up to
``--show`` examples of one class with their context, read from the data beside the repository
(nothing of it is stored). Per-publisher scores let a rule be judged by folds of publishers.

    python benchmarks/quotes/errors.py [--split train] [--limit N] [--show N] [--kind CLASS] [--cache FILE]
"""

from __future__ import annotations

import argparse
import pickle
import random
from collections import Counter, defaultdict
from pathlib import Path
from typing import Optional

from storyline.evaluate.quotes import Article, GoldQuote, align, load, pieces, quotes_of, score
from storyline.model import Quote

DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "quotes" / "polnear" / "data"


def publisher(article: Article) -> str:
    """An article's publisher: its file name's first part."""
    return article.name.split("_", 1)[0]


def _near(g: GoldQuote, p: Quote) -> bool:
    return any(a < p.end and p.start < b for a, b in g.content)


def _speaker_class(text: str, g: GoldQuote, p: Quote) -> str:
    """Why a found quote's speaker is wrong."""
    if p.speaker is None:
        return "speaker: none"
    src = min(a for a, _ in g.source)
    if p.speaker.kind == "pronoun":
        return "speaker: pronoun"
    if "\n" in text[min(src, p.start):max(src, p.start)] and src < p.start:
        return "speaker: gold in an earlier paragraph"
    return f"speaker: {p.speaker.kind}"


def classify(article: Article, predicted: list[Quote]) -> list[tuple[str, tuple[int, int], str]]:
    """(class, span, note) of each direct error in one article."""
    text = article.text
    gold = [g for g in article.gold if g.direct]
    pred = [p for p in predicted if p.direct]
    found = align(pred, gold)
    out = []
    for i, g in enumerate(gold):
        span = (min(a for a, _ in g.content), max(b for _, b in g.content))
        if i in found:
            p = pred[found[i]]
            if g.source and not (p.speaker and any(a < p.speaker.end and p.speaker.start < b for a, b in g.source)):
                gsrc = " / ".join(text[a:b] for a, b in g.source)
                out.append((_speaker_class(text, g, p), span,
                            f"gold source {gsrc!r}, predicted {p.speaker.text if p.speaker else None!r}"))
            continue
        near = [p for p in pred if _near(g, p)]
        if not near:
            out.append(("missed: no prediction near", span, ""))
        else:
            p = near[0]
            size = sum(b - a for a, b in g.content)
            psize = sum(b - a for a, b in pieces(p))
            kind = "too long" if psize > size else "too short"
            out.append((f"missed: boundary ({kind})", span, f"predicted {text[p.start:p.end]!r}"))
    used = set(found.values())
    for j, p in enumerate(pred):
        if j in used:
            continue
        kind = "extra: over a gold quote" if any(_near(g, p) for g in article.gold) else "extra: over no gold quote"
        out.append((kind, (p.start, p.end), f"speaker {p.speaker.text if p.speaker else None!r}"))
    return out


class _CachedParser:
    """The quote finder's parser with each sentence's parse kept (in ``folder``), so that a rerun
    after a change to the rules parses only sentences it has not seen."""

    def __init__(self, folder: Path):
        from spacy.tokens import DocBin

        from storyline import nlp
        from storyline.quotes.attribution import COMPONENTS

        self.nlp = nlp.pipeline(COMPONENTS)
        self.path = folder / "parses.spacy"
        self.docs = {}
        if self.path.is_file():
            self.docs = {d.text: d for d in DocBin().from_bytes(self.path.read_bytes()).get_docs(self.nlp.vocab)}
        self.new = 0

    def pipe(self, texts, batch_size=64):
        texts = list(texts)
        todo = [t for t in dict.fromkeys(texts) if t not in self.docs]
        for t, d in zip(todo, self.nlp.pipe(todo, batch_size=batch_size)):
            self.docs[t] = d
        self.new += len(todo)
        return [self.docs[t] for t in texts]

    def save(self) -> None:
        from spacy.tokens import DocBin

        if self.new:
            self.path.write_bytes(DocBin(attrs=["TAG", "HEAD", "DEP", "SENT_START"], docs=self.docs.values()).to_bytes())


def predictions(articles: list[Article], cache: Optional[Path]) -> list[list[Quote]]:
    """storyline's quotes of each article; with a ``cache`` folder, the entity layer's names and
    the parses are kept there and only the rules run again."""
    if cache is None:
        return [quotes_of(a.text) for a in articles]
    from storyline import nlp
    from storyline.entities import mentions_of, parse
    from storyline.quotes import find_quotes
    from storyline.quotes.attribution import COMPONENTS

    cache.mkdir(parents=True, exist_ok=True)
    names_file = cache / "names.pickle"
    names = pickle.loads(names_file.read_bytes()) if names_file.is_file() else {}
    parser = _CachedParser(cache)
    real = nlp.pipeline
    nlp.pipeline = lambda components=nlp.NER: parser if tuple(components) == COMPONENTS else real(components)
    out = []
    try:
        for a in articles:
            if a.name not in names:
                names[a.name] = mentions_of(parse([a.text])[0])
            out.append(find_quotes(a.text, None, names[a.name]))
    finally:
        nlp.pipeline = real
    names_file.write_bytes(pickle.dumps(names))
    parser.save()
    return out


def main(argv: Optional[list[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="train")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--kind", default="")
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    articles = load(args.data / args.split)[:args.limit]
    predicted = predictions(articles, args.cache)
    by_pub: dict[str, list] = defaultdict(list)
    for a, p in zip(articles, predicted):
        by_pub[publisher(a)].append((a.gold, p))
    for pub, pairs in sorted(by_pub.items()):
        s = score(pairs)
        print(f"{pub:12} direct F {s['direct']['f']:.4f} right speaker {s['direct']['right_speaker']:.4f} "
              f"all F {s['all']['f']:.4f}")
    s = score((a.gold, p) for a, p in zip(articles, predicted))
    print(f"{'all':12} direct F {s['direct']['f']:.4f} right speaker {s['direct']['right_speaker']:.4f} "
          f"all F {s['all']['f']:.4f}  {s}")
    errors = [(a, e) for a, p in zip(articles, predicted) for e in classify(a, p)]
    for kind, n in Counter(e[0] for _, e in errors).most_common():
        print(f"{n:6}  {kind}")
    chosen = [(a, e) for a, e in errors if args.kind and e[0].startswith(args.kind)]
    random.Random(args.seed).shuffle(chosen)
    for a, (kind, (start, end), note) in chosen[:args.show]:
        lo = max(0, a.text.rfind("\n", 0, max(0, start - 200)))
        print(f"\n=== {a.name} [{kind}] {note}")
        print(a.text[lo:start].lstrip() + "[[" + a.text[start:end] + "]]" + a.text[end:end + 150])


if __name__ == "__main__":
    main()
