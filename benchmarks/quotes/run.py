"""Quote attribution on PolNeAR: storyline beside textacy's direct-quotation extractor.

Both systems read the same articles; both are scored with ``storyline.evaluate.quotes.score``
(content P/R/F of direct quotes and of all attributions, and the share of gold quotes found with
the right speaker). storyline runs as the entity and quote layer does: the recognizer over the
whole text, the parser only over the sentences that may hold an attribution. The anchor is
textacy 0.13's ``extract.triples.direct_quotations`` over the full small English pipeline (parser,
tagger, lemmatizer and recognizer), run per paragraph as textacy expects (a paragraph with an
unclosed quotation mark, where textacy raises, gives it nothing). Speed is CPU seconds of
this process, in tokens per second (tokens of the recognizer's tokenization), beside the
recognizer alone measured in the same run (the baseline of the ratio).

    python benchmarks/quotes/run.py [--splits train,dev] [--data DIR] [--systems storyline,textacy] [--limit N]

Tune on ``train`` only; ``dev`` is held out.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path
from typing import Callable, Optional

from storyline import nlp
from storyline.evaluate.quotes import Article, load, quotes_of, score
from storyline.model import Quote, Speaker, TextSpan

DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "quotes" / "polnear" / "data"
_PARAGRAPH = re.compile(r"\n\s*\n")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of the blank-line separated paragraphs of a text."""
    spans, pos = [], 0
    for match in _PARAGRAPH.finditer(text):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def textacy_quotes(text: str) -> list[Quote]:
    """textacy's direct quotations of a text, run per paragraph over the full pipeline."""
    from textacy.extract.triples import direct_quotations

    full = nlp.pipeline(nlp.PARSE + nlp.NER)
    spans = paragraphs(text)
    out = []
    for (start, _), doc in zip(spans, full.pipe([text[a:b] for a, b in spans])):
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # an unclosed quotation mark: textacy gives up on the paragraph
            continue
        for speaker, cue, content in triples:
            who = None
            if speaker:
                s, e = start + speaker[0].idx, start + speaker[-1].idx + len(speaker[-1].text)
                who = Speaker(s, e, text[s:e])
            c = TextSpan(start + cue[0].idx, start + cue[-1].idx + len(cue[-1].text), "") if cue else None
            if c is not None:
                c.text = text[c.start:c.end]
            s, e = start + content.start_char, start + content.end_char
            out.append(Quote(s, e, text[s:e], True, cue=c, speaker=who))
    return out


def storyline_quotes(text: str) -> list[Quote]:
    """storyline's quotes with the recognizer's pass and the names the entity layer makes."""
    return quotes_of(text)


def run(name: str, articles: list[Article], system: Callable[[str], list[Quote]], tokens: int) -> dict:
    """Scores and CPU speed of one system on some articles."""
    system(articles[0].text)  # load the models outside the timing
    start = time.process_time()
    predicted = [system(a.text) for a in articles]
    seconds = time.process_time() - start
    scores = score((a.gold, p) for a, p in zip(articles, predicted))
    return {"system": name, **scores, "cpu_seconds": round(seconds, 2), "tokens_per_s": round(tokens / seconds)}


def ner_speed(articles: list[Article]) -> tuple[int, float]:
    """Tokens and CPU seconds of the recognizer alone over the articles (the speed baseline)."""
    ner = nlp.pipeline(nlp.NER)
    ner(articles[0].text)
    start = time.process_time()
    tokens = sum(len(ner(a.text)) for a in articles)
    return tokens, time.process_time() - start


def main(argv: Optional[list[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--splits", default="train")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--systems", default="storyline,textacy")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    systems = {"storyline": storyline_quotes, "textacy": textacy_quotes}
    rows = []
    for split in args.splits.split(","):
        articles = load(args.data / split)[:args.limit]
        tokens, seconds = ner_speed(articles)
        base = tokens / seconds
        print(f"{split}: {len(articles)} articles, {tokens} tokens, recognizer alone {base:.0f} tokens/s", flush=True)
        for name in args.systems.split(","):
            row = {"split": split, "articles": len(articles), **run(name, articles, systems[name], tokens)}
            row["speed_vs_recognizer"] = round(row["tokens_per_s"] / base, 3)
            rows.append(row)
            print(json.dumps(row), flush=True)
    print("| split | system | direct P | direct R | direct F | direct right speaker | all P | all R | all F "
          "| all right speaker | tokens/s | × recognizer |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        d, a = r["direct"], r["all"]
        print(f"| {r['split']} | {r['system']} | {d['p']:.3f} | {d['r']:.3f} | {d['f']:.3f} | {d['right_speaker']:.3f} "
              f"| {a['p']:.3f} | {a['r']:.3f} | {a['f']:.3f} | {a['right_speaker']:.3f} | {r['tokens_per_s']} "
              f"| {r['speed_vs_recognizer']:.2f} |")


if __name__ == "__main__":
    main()
