"""The speaker each quote shows (its entity's name, else its words) on PolNeAR, dumped and compared.

PolNeAR scores a speaker by its span (``run.py``: the span overlaps the gold Source), not by the
name a reader is shown: "Clinton spokesman Nick Merrill" can be the right span and still be shown
as "Hillary Clinton". ``--dump`` writes every quote's span, speaker span, kind and shown name, one
article a line; ``--compare EARLIER`` lists the quotes whose shown name or kind differs from an
earlier dump, beside the gold Source of the quote they match, for reading by hand (``--sample N``
lists a random N of them). The text stays in the data folder beside the repository.

    python benchmarks/quotes/shown_speakers.py --split train --range 450:840 --dump after.jsonl [--compare before.jsonl]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from storyline.evaluate.quotes import align, load, quotes_of

DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "quotes" / "polnear" / "data"


def _rows(article) -> list[dict]:
    quotes = quotes_of(article.text)
    gold_of = {j: i for i, j in align(quotes, article.gold).items()}
    rows = []
    for j, q in enumerate(quotes):
        gold = article.gold[gold_of[j]] if j in gold_of else None
        who = q.speaker
        rows.append({"quote": [q.start, q.end],
                     "speaker": None if who is None else [who.start, who.end, who.text],
                     "kind": None if who is None else who.kind,
                     "shown": None if who is None else (who.entity or who.text),
                     "gold_source": None if gold is None or not gold.source
                     else " ".join(article.text[a:b] for a, b in gold.source)})
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--range", default="", help="articles FROM:TO of the split (in name order)")
    parser.add_argument("--dump", type=Path, required=True)
    parser.add_argument("--compare", type=Path)
    parser.add_argument("--sample", type=int, default=0)
    args = parser.parse_args(argv)
    articles = load(args.data / args.split)
    if args.range:
        lo, hi = (int(x) if x else None for x in args.range.split(":"))
        articles = articles[lo:hi]
    with args.dump.open("w", encoding="utf-8") as out:
        for a in articles:
            out.write(json.dumps({"article": a.name, "quotes": _rows(a)}, ensure_ascii=False) + "\n")
    if not args.compare:
        return 0
    before = {r["article"]: r["quotes"] for r in map(json.loads, args.compare.open(encoding="utf-8"))}
    changed, total = [], 0
    for r in map(json.loads, args.dump.open(encoding="utf-8")):
        old = {tuple(q["quote"]): q for q in before.get(r["article"], [])}
        for q in r["quotes"]:
            total += q["speaker"] is not None
            o = old.get(tuple(q["quote"]))
            if o is not None and (o["shown"], o["kind"]) != (q["shown"], q["kind"]):
                changed.append((r["article"], o, q))
    shown = random.Random(7).sample(changed, args.sample) if 0 < args.sample < len(changed) else changed
    for article, o, q in shown:
        span = (q["speaker"] or o["speaker"] or [None, None, None])[2]
        print(f"{article}: {span!r}\n    before {o['shown']!r} ({o['kind']})  now {q['shown']!r} ({q['kind']})"
              f"  gold source {q['gold_source']!r}")
    print(f"{len(changed)} of {total} quotes with a speaker show another speaker or kind")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
