"""What skipping the sentences that cannot name anyone saves and loses, side by side in one process.

    python benchmarks/entities/skip.py [--data DIR]

Over the articles of a PolNeAR compartment (default: dev beside the repository), split into
sentences as a build splits them, names are found three ways: every sentence through the
recognizer (no skip); with the earlier rule (a sentence may name someone when a word past the
first is capitalized, or the first is capitalized and not a common word); and with the rule the
layer runs (a capitalized word that is not a common one, or a common one written in capitals,
anywhere). Prints the tokens each way sends to the recognizer, the mentions found (and how many
of those found without a skip each loses), and CPU seconds as a ratio to no skip.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from storyline import entities, nlp  # noqa: E402
from storyline.evaluate.quotes import load  # noqa: E402
from storyline.sentences import split  # noqa: E402


def _earlier(sentence: str) -> bool:
    """The rule before this one: a capital past the first word, or a first word that is not common."""
    words = entities._WORDS.findall(sentence)
    if not words:
        return False
    first, rest = words[0], words[1:]
    return any(w[0].isupper() for w in rest) or (first[0].isupper() and first.lower() not in entities._common_words())


def _run(texts: list[str], sentences: list, rule: Optional[Callable[[str], bool]]) -> dict:
    """Names found with ``rule`` deciding which sentences the recognizer reads (None: all)."""
    kept = entities._may_name
    if rule is not None:
        entities._may_name = rule
    try:
        recognizer = nlp.pipeline(nlp.NER)
        into = sum(len(recognizer.make_doc(piece)) for text, sents in zip(texts, sentences)
                   for named, piece in (entities._pieces(text, sents, 100_000) if rule else [(True, text)]) if named)
        cpu = time.process_time()
        parsed = entities.parse(texts, sentences=sentences if rule else None)
        found = [entities.mentions_of(p, s) for p, s in zip(parsed, sentences)]
        cpu = time.process_time() - cpu
    finally:
        entities._may_name = kept
    return {"into": into, "cpu": cpu, "tokens": sum(len(p) for p in parsed),
            "mentions": {(i, m.start, m.end, m.kind) for i, ms in enumerate(found) for m in ms}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "quotes" / "polnear" / "data" / "dev")
    args = parser.parse_args()
    if entities.off_reason():
        sys.exit(f"the entity layer cannot run here: {entities.off_reason()}")
    texts = [a.text for a in load(args.data)]
    sentences = [split(text, str(i)) for i, text in enumerate(texts)]
    _run(texts[:2], sentences[:2], None)  # loading the pipeline is not the skip's cost
    runs = {"no skip": _run(texts, sentences, None), "earlier rule": _run(texts, sentences, _earlier),
            "the layer's rule": _run(texts, sentences, entities._may_name)}
    base = runs["no skip"]
    print(f"{len(texts)} articles of {args.data.name}, {base['tokens']:,} tokens")
    print("| sentences read | tokens into the recognizer | mentions | of those without a skip, lost | CPU s / no skip |")
    print("|---|---:|---:|---:|---:|")
    for name, run in runs.items():
        print(f"| {name} | {run['into']:,} | {len(run['mentions']):,} | {len(base['mentions'] - run['mentions'])} "
              f"| {run['cpu'] / base['cpu']:.2f} |")


if __name__ == "__main__":
    main()
