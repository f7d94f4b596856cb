"""This round's quote rules judged by folds of publishers on PolNeAR train (leave one publisher out).

Each rule can be switched off here (the script replaces the function that applies it with one
that does nothing; the product has no such switch). For each of the seven publishers, a rule is
kept when, on the other six, direct F with it is at least direct F without it, and on a tie the
share of right speakers too (the others all on); the publisher left out is then scored with the rules kept for it, and those held-out scores
are pooled. Also prints each publisher's scores with every rule on and with none of them, so
that a gain can be seen to hold across publishers rather than in one.

    python benchmarks/quotes/folds.py [--split train] [--cache DIR]

``--cache`` keeps the entity layer's names and the parses between runs (see ``errors.py``).
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Iterator, Optional
from unittest import mock

from errors import DEFAULT_DATA, predictions, publisher

from storyline.evaluate.quotes import load, score

# rule → (module, function or value, what replaces it when the rule is off), or a list of them
RULES = {
    "the reporter not across a quotation mark": ("storyline.quotes.attribution", "_quotation_between",
                                                 lambda outer, subject: False),
    "an indefinite pronoun or a base form after a quotation": [
        ("storyline.quotes.attribution", "_INDEFINITE", frozenset()),
        ("storyline.quotes.attribution", "_BASE_AFTER_QUOTATION", ()),
    ],
    "a cue joined to the reported clause's verb": ("storyline.quotes.attribution", "_joined_to_reporter",
                                                   lambda verb: None),
    "a name read as a modal": ("storyline.quotes.attribution", "_name_read_as_modal", lambda verb: None),
    "a name signing a quotation overrides a continued speaker": ("storyline.quotes", "_unattributed",
                                                                 lambda quote: quote.speaker is None),
    "an adjective after an article names a speaker": ("storyline.quotes.attribution", "_adjective_noun",
                                                      lambda words: False),
    "a clause after a quotation speaks it and reports on": ("storyline.quotes.assemble", "_reports_after",
                                                             lambda text, clause, q, fewest: False),
    "a name on a dash after a quotation on its line signs it": ("storyline.quotes", "_signs_its_line",
                                                                lambda text, at: False),
}


@contextmanager
def without(rules: tuple[str, ...]) -> Iterator[None]:
    """The quote finder with ``rules`` switched off."""
    with ExitStack() as stack:
        for rule in rules:
            patches = RULES[rule]
            for module, name, off in patches if isinstance(patches, list) else [patches]:
                stack.enter_context(mock.patch(f"{module}.{name}", off))
        yield


def main(argv: Optional[list[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="train")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args(argv)
    articles = load(args.data / args.split)
    configs: dict[tuple[str, ...], list] = {}
    for off in [(), tuple(RULES)] + [(rule,) for rule in RULES]:
        with without(off):
            configs[off] = predictions(articles, args.cache)
    publishers = sorted({publisher(a) for a in articles})

    def f(off: tuple[str, ...], keep: set[str]) -> tuple[float, float]:
        pairs = [(a.gold, p) for a, p in zip(articles, configs[off]) if publisher(a) in keep]
        direct = score(pairs)["direct"]
        return direct["f"], direct["right_speaker"]

    held_out = []
    kept_by: dict[str, list[str]] = defaultdict(list)
    for pub in publishers:
        rest = set(publishers) - {pub}
        dropped = tuple(rule for rule in RULES if f((rule,), rest) > f((), rest))
        for rule in RULES:
            if rule not in dropped:
                kept_by[rule].append(pub)
        if dropped not in configs:
            with without(dropped):
                configs[dropped] = predictions(articles, args.cache)
        held_out += [(a.gold, p) for a, p in zip(articles, configs[dropped]) if publisher(a) == pub]
    for rule in RULES:
        print(f"kept in {len(kept_by[rule])} of {len(publishers)} folds: {rule}")
    s = score(held_out)
    print(f"held out, pooled: direct P {s['direct']['p']:.4f} R {s['direct']['r']:.4f} F {s['direct']['f']:.4f} "
          f"right speaker {s['direct']['right_speaker']:.4f}; all F {s['all']['f']:.4f}")
    for pub in publishers:
        row = []
        for off in ((), tuple(RULES)):
            pairs = [(a.gold, p) for a, p in zip(articles, configs[off]) if publisher(a) == pub]
            d = score(pairs)["direct"]
            row.append(f"F {d['f']:.4f} right speaker {d['right_speaker']:.4f}")
        print(f"{pub:12} with the rules: {row[0]}  without: {row[1]}")


if __name__ == "__main__":
    main()
