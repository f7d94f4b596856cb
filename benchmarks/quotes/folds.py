"""This round's quote rules judged by folds of publishers on PolNeAR train (leave one publisher out).

Each rule can be switched off here (the script replaces the function that applies it with one
that does nothing; the product has no such switch). For each of the seven publishers, a rule is
kept when, on the other six, direct F with it is at least direct F without it, and on a tie the
share of right speakers too (the others all on); a rule of what is attributed (``BY_ALL``) is judged
the same way by the F of all attributions, then direct F; the publisher left out is then scored with the rules kept for it, and those held-out scores
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

# rule → (module, function or value, what replaces it when the rule is off[, "dict": entries replaced
# in that dict]), or a list of them
RULES = {
    # direct quotes and their speakers (judged by direct F, then the right speaker)
    "a question put to someone leaves the answer to its clause": ("storyline.quotes.attribution", "_answered",
                                                                  lambda verb: False),
    "a cue after an aside the parse read as the verb": ("storyline.quotes.attribution", "_after_aside",
                                                        lambda verb: None),
    "a remark after a quotation's own comma left out": ("storyline.quotes.assemble", "_comma_closed",
                                                        lambda text, end: False),
    # what is attributed (judged by all F, then direct F)
    "according to over every clause it ends": ("storyline.quotes.attribution", "_first_conjunct",
                                               lambda clause, phrase: clause),
    "a remark ending a reported clause left out": ("storyline.quotes.attribution", "_less_remark",
                                                   lambda clause, span: span),
    "verbs of seeming and a passive expected": ("storyline.quotes.attribution", "_seeming", lambda verb: None),
    "a headline's name and colon": ("storyline.quotes", "_headline", lambda text, quotes, names: []),
    "point out, point to, see as": ("storyline.quotes.attribution", "PARTICLES", {"point": (), "see": ()}, "dict"),
    "reportedly": ("storyline.quotes.attribution", "REPORTEDLY", "\x00"),
    "asked if, asked to, asked about": ("storyline.quotes.attribution", "_asked", lambda verb: None),
    "talk about, speak about, speak of": ("storyline.quotes.attribution", "PARTICLES", {"talk": (), "speak": ()},
                                          "dict"),
}
# The rules judged by all attributions' F (then direct F); the others by direct F (then the right speaker).
BY_ALL = frozenset(list(RULES)[3:])


@contextmanager
def without(rules: tuple[str, ...]) -> Iterator[None]:
    """The quote finder with ``rules`` switched off."""
    with ExitStack() as stack:
        for rule in rules:
            patches = RULES[rule]
            for module, name, off, *how in patches if isinstance(patches, list) else [patches]:
                patch = mock.patch.dict if how == ["dict"] else mock.patch
                stack.enter_context(patch(f"{module}.{name}", off))
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

    def f(off: tuple[str, ...], keep: set[str], rule: str = "") -> tuple[float, float]:
        pairs = [(a.gold, p) for a, p in zip(articles, configs[off]) if publisher(a) in keep]
        s = score(pairs)
        if rule in BY_ALL:
            return s["all"]["f"], s["direct"]["f"]
        return s["direct"]["f"], s["direct"]["right_speaker"]

    held_out = []
    kept_by: dict[str, list[str]] = defaultdict(list)
    for pub in publishers:
        rest = set(publishers) - {pub}
        dropped = tuple(rule for rule in RULES if f((rule,), rest, rule) > f((), rest, rule))
        for rule in RULES:
            if rule not in dropped:
                kept_by[rule].append(pub)
        if dropped not in configs:
            with without(dropped):
                configs[dropped] = predictions(articles, args.cache)
        held_out += [(a.gold, p) for a, p in zip(articles, configs[dropped]) if publisher(a) == pub]
    for rule in RULES:
        left = sorted(set(publishers) - set(kept_by[rule]))
        print(f"kept in {len(kept_by[rule])} of {len(publishers)} folds: {rule}"
              + (f" (dropped leaving out {', '.join(left)})" if left else ""))
    s = score(held_out)
    print(f"held out, pooled: direct P {s['direct']['p']:.4f} R {s['direct']['r']:.4f} F {s['direct']['f']:.4f} "
          f"right speaker {s['direct']['right_speaker']:.4f}; all F {s['all']['f']:.4f}")
    for pub in publishers:
        row = []
        for off in ((), tuple(RULES)):
            pairs = [(a.gold, p) for a, p in zip(articles, configs[off]) if publisher(a) == pub]
            s = score(pairs)
            d = s["direct"]
            row.append(f"F {d['f']:.4f} right speaker {d['right_speaker']:.4f} all F {s['all']['f']:.4f}")
        print(f"{pub:12} with the rules: {row[0]}  without: {row[1]}")


if __name__ == "__main__":
    main()
