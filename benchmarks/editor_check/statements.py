"""Round 4 of "lines that report no happening": what the quote layer says of each judged line.

    python benchmarks/editor_check/statements.py [--data DIR] [--documents DIR] [--readings DIR]
                                                 [--lines FILE] [--reader 18] [--models] [--soft F]
                                                 [--quote-parse] [--compare] [--tls F] [--topic T]

The judged lines are found and labelled as ``not_event.py`` does (the readers' vote, and each
reader's own category). Each line's sentence is then described by the quotes the product's
quote layer found in its article when it was built (``Document.quotes``: content, cue and
speaker spans), and by spaCy's small English parser over the sentence, with no word of any
story:

- its shape: no quote, mostly a direct quotation (at least half its characters inside quotation
  marks), or a quote (direct or reported) beside other words; the share of it inside quote
  content, direct and reported;
- the cue's class (``cue_class``): a neutral reporting verb ("said", "told", "announced"), a
  verb of stance or reaction ("warned", "urged", "condemned", "vowed"), "according to", or no cue
  in the sentence;
- the speaker's kind, as the layer resolves it: a name, a pronoun, an anonymous source
  ("officials"), another noun phrase, none;
- whether a happening is reported: an event verb (a verb of no reporting, stance, seeming or
  copula class) in a past, perfect or passive form, inside the quote content, or outside it
  (the rest of the sentence, its cue verb left out);
- what the main clause reports (``clause``): a happening (its root or a verb conjoined to it is
  such an event verb), or a reporting or stance verb over a quote whose content's head reports
  a happening or not (a ``statement``: that, or mostly a direct quotation).

It prints, with no fitting, how many lines of each class the readers' majority and each reader
file as right, not an event or other; then remove-only rules of one or two classes, each scored
in sample and chosen leaving one story out (the rule that does best on the training stories'
shown lines by the bar of ``not_event.threshold``, applied to the held-out story); then logistic
models on these cues alone and with round 3's parse and prior cues (``not_event.report``).
Findings: ``docs/benchmarks.md``, "Lines that report no happening, round 4".

``--lines``: a pickle of the judged lines to write on the first run and read on the next ones
(the timelines are made only once). ``--soft F`` (repeatable): instead, the softer choice
simulated (``soft``): statements' build-time prior times F, the lines that leave and come.
``--quote-parse``: read the class from the quote layer's own parse (:class:`QuoteParse`: tags,
dependencies, forms; no lemmas or coarse POS) rather than the full parse. ``--compare``: the two
readings side by side on every topic's quoted candidates, and the two pipelines' CPU (``compare``).
With ``--soft``, the shipped code too (``quotes.statements``, ``Settings.statement_weight``) against
the simulation. ``--tls F``: TLS scores of the cached topics at weight 1.0 and F. The class and its
readings are the product's (``storyline.quotes.statements``); :class:`Full` reads the full parse.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from pathlib import Path
from dataclasses import replace
from typing import Callable, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))

import not_event  # noqa: E402
from not_event import READINGS, judged, one_reader, parse_features  # noqa: E402
from train_prior import DEFAULT_DATA  # noqa: E402

from storyline.quotes.cues import PARTICLE_VERBS, SEEMING_VERBS, SPEECH_VERBS, STANCE_VERBS  # noqa: E402
from storyline.quotes.statements import QuoteParse, cue_class, statement  # noqa: E402,F401
from storyline.quotes.statements import describe as describe_sentence  # noqa: E402
from storyline.quotes.statements import statements  # noqa: E402

# The lemmas the full parse's reading takes for never a happening (the quote parse reads their forms).
COPULA = frozenset({"be", "become", "remain", "seem", "appear", "look", "have", "do", "get"})
NOT_EVENT_VERBS = SPEECH_VERBS | STANCE_VERBS | SEEMING_VERBS | PARTICLE_VERBS | COPULA


class Full:
    """Reads a token of the full parse (``nlp.PARSE``: with the attribute ruler and the lemmatizer),
    as round 4 first did; the product reads the quote layer's parse (``QuoteParse``)."""

    @staticmethod
    def verb(tok) -> bool:
        return tok.pos_ == "VERB"

    @staticmethod
    def verbal(tok) -> bool:
        return tok.pos_ in ("VERB", "AUX")

    @staticmethod
    def not_event_verb(tok) -> bool:
        return tok.lemma_.lower() in NOT_EVENT_VERBS

    @staticmethod
    def speech(tok) -> bool:
        return tok.lemma_.lower() in SPEECH_VERBS | STANCE_VERBS


def describe(line: dict, doc, read: type = Full) -> dict:
    """A line's quote-layer description (a dict of named cues) from ``doc``, the parse of its
    sentence, read by ``read`` (:class:`Full` or :class:`QuoteParse`)."""
    return describe_sentence(line["text"], line["quotes"], doc, read)


def quote_features(lines: list[dict], read: type = Full) -> None:
    """Add each line's quote-layer description (``q``: a dict of named cues), parsing its sentence
    with the full parse, or with the quote layer's own when ``read`` is :class:`QuoteParse`."""
    from storyline.nlp import PARSE, pipeline
    from storyline.quotes.attribution import COMPONENTS

    nlp = pipeline(COMPONENTS if read is QuoteParse else PARSE)
    for line, doc in zip(lines, nlp.pipe((r["text"] for r in lines), batch_size=64)):
        q = describe(line, doc, read)
        line["q"] = q
        line["q_vec"] = [float(v) for v in q.values()]
        line["q_names"] = list(q)


def clause(q: dict) -> str:
    """A line's class by what its main clause and its quote's content report."""
    if q["mostly direct"]:
        return "mostly direct quotation"
    if q["main clause event"]:
        return "main clause a happening" + (", with a quote" if q["quoted"] else "")
    if q["main clause speech"]:
        if not q["quoted"]:
            return "speech verb, no quote found"
        return "speech verb, content a happening" if q["content head event"] else "speech verb, content no happening"
    return "other main clause" + (", with a quote" if q["quoted"] else "")


def shape(q: dict) -> str:
    """A line's class by the quote layer, for the first table."""
    if not q["quoted"]:
        return "no quote, event verb" if q["event anywhere"] else "no quote, no event verb"
    if q["mostly direct"]:
        return "mostly direct quotation"
    if q["event outside"]:
        return "quote, happening outside it"
    if q["event in content"]:
        return "quote, happening only in its content"
    return "quote, no happening"


def _counts(rows: list[dict]) -> str:
    c = Counter(r["label"] for r in rows)
    voted = c["right"] + c["not_event"] + c["other"]
    return (f"{len(rows):4} {c['right']:4} {c['not_event']:4} {c['other']:4} {c['unsure']:3} "
            f"{c['not_event'] / max(voted, 1):6.1%}")


def _per_reader(rows: list[dict]) -> str:
    out = []
    for reading in ("16", "17", "18"):
        cats = Counter(r["readers"][reading] for r in rows if reading in r["readers"])
        out.append(f"{cats['right']:3}/{cats['not_event']:3}/{sum(cats.values()) - cats['right'] - cats['not_event']:2}")
    return "  ".join(out)


def tabulate(lines: list[dict], key: Callable[[dict], str], title: str) -> None:
    """Right / not event / other of each class, by the vote and per reader (right/not event/other)."""
    print(f"\n-- {title} (shown lines; vote: lines right not_ev other tie not_ev%; readings 16 17 18: r/ne/o)")
    for cls in sorted({key(r) for r in lines}):
        rows = [r for r in lines if key(r) == cls]
        print(f"  {cls:40} {_counts(rows)}   {_per_reader(rows)}")
    print(f"  {'all':40} {_counts(lines)}   {_per_reader(lines)}")


RULES: dict[str, Callable[[dict], bool]] = {
    "mostly direct quotation": lambda q: q["mostly direct"],
    "quote, no happening": lambda q: q["quoted"] and not q["event outside"] and not q["event in content"],
    "quote, no happening outside": lambda q: q["quoted"] and not q["event outside"],
    "stance cue": lambda q: q["cue stance"],
    "stance cue, no happening": lambda q: q["cue stance"] and not q["event anywhere"],
    "stance cue, no happening outside": lambda q: q["cue stance"] and not q["event outside"],
    "neutral cue, no happening": lambda q: q["cue neutral"] and not q["event anywhere"],
    "any cue, no happening": lambda q: q["cue in sentence"] and not q["event anywhere"],
    "any cue, no happening outside": lambda q: q["cue in sentence"] and not q["event outside"],
    "mostly direct, no happening in it": lambda q: q["mostly direct"] and not q["event anywhere"],
    "content >= 70 %, no happening outside": lambda q: q["content share"] >= 0.7 and not q["event outside"],
    "anonymous speaker, no happening": lambda q: q["speaker anonymous"] and not q["event anywhere"],
    "named speaker, no happening": lambda q: q["speaker named"] and not q["event anywhere"],
    "pronoun speaker, no happening": lambda q: q["speaker pronoun"] and not q["event anywhere"],
    "no event verb at all": lambda q: not q["event anywhere"],
    "speech main clause, content no happening": lambda q: (q["main clause speech"] and q["quoted"]
                                                           and not q["content head event"]),
    "the same, stance cue": lambda q: (q["main clause speech"] and q["quoted"] and not q["content head event"]
                                       and q["cue stance"]),
    "the same, content modal": lambda q: (q["main clause speech"] and q["quoted"] and not q["content head event"]
                                          and q["content head modal"]),
    "speech main clause, nothing past": lambda q: (q["main clause speech"] and not q["content head event"]
                                                   and not q["event anywhere"]),
}


def _score(rows: list[dict], hit: list[bool]) -> tuple[int, int]:
    """(right removed, not-right removed) by the vote labels."""
    r = sum(1 for x, h in zip(rows, hit) if h and x["label"] == "right")
    w = sum(1 for x, h in zip(rows, hit) if h and x["label"] in ("not_event", "other"))
    return r, w


def rules_in_sample(lines: list[dict]) -> None:
    n = len(lines)
    print(f"\n-- remove-only rules, in sample, on the {n} shown lines: removed, right / not-right by the vote "
          "(ratio), then per reading right/not-right")
    for name, rule in RULES.items():
        hit = [rule(r["q"]) for r in lines]
        r, w = _score(lines, hit)
        per = []
        for reading in ("16", "17", "18"):
            cats = Counter(x["readers"][reading] for x, h in zip(lines, hit) if h and reading in x["readers"])
            per.append(f"{cats['right']}/{sum(cats.values()) - cats['right'] - cats['near_duplicate']}")
        print(f"  {name:40} {sum(hit):4} ({sum(hit) / n:5.1%})  {r:3} / {w:3} ({w / max(r, 1):4.2f})   "
              + "  ".join(per))


def rules_out_of_fold(lines: list[dict]) -> None:
    """For each held-out story, the rule of ``RULES`` that best passes the bar on the other stories'
    shown lines (most not-right minus RATIO x right removed, among rules removing at least RATIO
    not-right per right and 5 lines), applied to the held-out story's shown lines."""
    print("\n-- one rule chosen leaving one story out (by the vote on the training stories), shown lines")
    total = Counter()
    for st in sorted({r["story"] for r in lines}):
        train = [r for r in lines if r["story"] != st]
        test = [r for r in lines if r["story"] == st]
        best, gain = None, 0.0
        for name, rule in RULES.items():
            r, w = _score(train, [rule(x["q"]) for x in train])
            if w >= 5 and w >= not_event.RATIO * max(r, 1) and w - not_event.RATIO * r > gain:
                best, gain = name, w - not_event.RATIO * r
        hit = [bool(best) and RULES[best](x["q"]) for x in test]
        r, w = _score(test, hit)
        total.update({"right": r, "wrong": w, "removed": sum(hit), "lines": len(test)})
        print(f"  {st:8} rule {best or '(none)':40} removes {sum(hit):3}: right {r}, not-right {w}")
    print(f"  all: removes {total['removed']} of {total['lines']} ({total['removed'] / total['lines']:.1%}), "
          f"right {total['right']}, not-right {total['wrong']}")


def _vote(categories: dict[str, str]) -> str:
    """The readers' vote on a line as ``not_event.judged`` takes it (near-duplicates left out, a tie unsure)."""
    votes = [c for c in categories.values() if c != "near_duplicate"]
    top = Counter(votes).most_common()
    if not votes or (len(top) > 1 and top[0][1] == top[1][1]):
        return "unsure"
    return {"right": "right", "not_event": "not_event"}.get(top[0][0], "other")


def _topic_documents(topic: str, data: Path, cache: Optional[Path]) -> list:
    """A topic's built documents (from ``cache`` when given), with their sentences' features."""
    from storyline import dedup
    from storyline.chronology.features import repeated_in, sentence_features

    docs = pickle.loads((cache / (topic.replace("/", "_") + ".pkl")).read_bytes()) if cache else None
    if docs is None:
        docs, _ = not_event.documents(topic, data, None)
    for doc, sig in zip(docs, dedup.signatures((d.id, d.text, d.published) for d in docs)):
        doc.features = sentence_features(doc, doc.repeated_paragraphs | repeated_in(sig))
    return docs


def candidates(docs: list) -> tuple[list[dict], list]:
    """The candidate lines (dated, not refused) that a quote overlaps, and their features: the
    sentences the soft rule classes."""
    rows, feats = [], []
    for doc in docs:
        for f in doc.features:
            if f.refused is None and f.date is not None:
                sent = doc.sentences[f.sentence]
                quotes = not_event._quotes_in(doc, sent.start, sent.end)
                if quotes:
                    rows.append({"text": sent.text, "quotes": quotes, "key": (doc.id, f.sentence)})
                    feats.append(f)
    return rows, feats


def compare(data: Path, cache: Optional[Path], sample: int = 1500, rounds: int = 2) -> None:
    """Today's class (the full parse) against the class read from the quote layer's own parse, on
    every topic's quoted candidates: agreement of ``statement`` and of ``clause``, the classes of
    the lines that differ, and token-level differences of the readings. The tagger and parser are
    the same in both pipelines, so one full parse serves both readings (checked on the sample).
    Then CPU of the two pipelines on ``sample`` candidates, in alternate rounds."""
    import random
    import time

    from storyline.nlp import PARSE, pipeline
    from storyline.quotes.attribution import COMPONENTS
    from storyline.quotes.cues import has_cue

    full = pipeline(PARSE)
    counts: Counter = Counter()
    changes: Counter = Counter()
    tokens: Counter = Counter()
    texts: list[str] = []
    for topic in not_event.TOPICS:
        rows, _ = candidates(_topic_documents(topic, data, cache))
        texts.extend(r["text"] for r in rows)
        for row, doc in zip(rows, full.pipe((r["text"] for r in rows), batch_size=64)):
            a, b = describe(row, doc, Full), describe(row, doc, QuoteParse)
            sa, sb = statement(a), statement(b)
            counts.update({"candidates": 1, "statements today": sa, "statements quote parse": sb,
                           "statement agree": sa == sb, "clause agree": clause(a) == clause(b),
                           "all cues agree": a == b, "parsed by the quote layer": has_cue(row["text"])})
            if sa != sb or clause(a) != clause(b):
                changes[f"{clause(a)} -> {clause(b)}"] += 1
                for k in a:
                    if a[k] != b[k]:
                        changes[f"  cue {k}: {a[k]} -> {b[k]}"] += 1
            for t in doc:
                for name in ("verb", "verbal", "not_event_verb", "speech"):
                    if t.tag_.startswith("VB") or name == "verbal":
                        x, y = getattr(Full, name)(t), getattr(QuoteParse, name)(t)
                        if x != y:
                            tokens[f"{name} {x}->{y} {t.tag_} {t.dep_} {t.pos_}"] += 1
        print(f"{topic}: {counts['candidates']} candidates so far", file=sys.stderr)
    print(f"\n-- today's class against the quote parse's: {dict(counts)}")
    print("   lines that differ, today's clause -> quote parse's (and the cues that differ):")
    for k, v in sorted(changes.items(), key=lambda kv: -kv[1]):
        print(f"   {v:6}  {k}")
    print("   token readings that differ (reading full->quote tag dep pos):")
    for k, v in tokens.most_common(25):
        print(f"   {v:6}  {k}")
    picked = random.Random(0).sample(texts, min(sample, len(texts)))
    quote = pipeline(COMPONENTS)
    same = all([(t.tag_, t.dep_, t.head.i) for t in x] == [(t.tag_, t.dep_, t.head.i) for t in y]
               for x, y in zip(quote.pipe(picked, batch_size=64), full.pipe(picked, batch_size=64)))
    print(f"\n-- {len(picked)} sampled candidates: tags, dependencies and heads the same in both pipelines: {same}")
    for r in range(rounds):
        for name, nlp in (("quote parse", quote), ("full parse", full)):
            start = time.process_time()
            for _ in nlp.pipe(picked, batch_size=64):
                pass
            print(f"   round {r + 1} {name}: {time.process_time() - start:.2f} s CPU")


def soft(readings: Path, data: Path, cache: Optional[Path], factors: list[float], read: type = Full,
         topics: Optional[list[str]] = None) -> None:
    """The softer choice, simulated: each topic's default timeline made again with the build-time
    prior of every statement (``statement``) candidate multiplied by each of ``factors``, so that
    within a date a candidate reporting a happening is preferred. Prints the lines that leave, by
    the readers' vote and by each reading, and the lines that come, by the readings where one
    judged them (lines never shown were never read) and by their class (``clause``). Then the
    shipped code: each document's statements found as the entity layer finds them
    (``quotes.statements.statements``) and the timeline made with ``Settings.statement_weight``
    at 1.0 (which must give today's timeline) and at each factor, its lines that leave and come
    against the simulated ones."""
    import json
    from collections import defaultdict

    from train_prior import sentence_key

    from storyline.chronology.methods import make_timeline
    from storyline.chronology.settings import DEFAULT
    from storyline.inmemory import memory_store

    judged_by: dict[tuple, dict[str, str]] = defaultdict(dict)
    for f in sorted(readings.glob("reading-*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                judged_by[(r["topic"], r["date"], r["sentence_key"])][str(r["reading"])] = r["category"]
    gone: dict[float, Counter] = defaultdict(Counter)
    came: dict[float, Counter] = defaultdict(Counter)
    shipped: dict[float, Counter] = defaultdict(Counter)
    stored: Counter = Counter()  # statements found, shipped and simulated
    for topic in topics or not_event.TOPICS:
        simulated: dict[float, tuple[set, set]] = {}
        docs = _topic_documents(topic, data, cache)
        rows, feats = candidates(docs)
        quote_features(rows, read)
        classes = {r["key"]: clause(r["q"]) for r in rows}
        flagged = [(f, f.prior) for r, f in zip(rows, feats) if statement(r["q"])]

        def lines(weight: float = 1.0) -> dict[tuple[Optional[str], str], tuple[str, int]]:
            by_id = {d.id: d for d in docs}
            with memory_store(docs) as store:
                tl = make_timeline(store, settings=replace(DEFAULT, statement_weight=weight))
            return {(e.date, sentence_key(by_id[ln.sources[0].document].sentences[ln.sources[0].sentence].text)):
                    (ln.sources[0].document, ln.sources[0].sentence) for e in tl.entries for ln in e.summary}

        before = lines()
        for factor in factors:
            for f, prior in flagged:
                f.prior = prior * factor
            after = lines()
            out, new = set(before) - set(after), set(after) - set(before)
            simulated[factor] = (out, new)
            for key in out:
                cats = judged_by.get((topic, *key), {})
                gone[factor].update([f"vote {_vote(cats)}", *(f"{k} {v}" for k, v in cats.items())])
            for key in new:
                cats = judged_by.get((topic, *key), {})
                came[factor].update([f"class {classes.get(after[key], 'no quote')}",
                                     *(f"{k} {v}" for k, v in cats.items())])
            print(f"{topic} x {factor}: {len(flagged)} of {len(rows)} quoted candidates are statements; lines "
                  f"{len(before)} -> {len(after)}, {len(out)} leave, {len(new)} come", file=sys.stderr)
        for f, prior in flagged:
            f.prior = prior
        # the shipped code: each document's statements found by the entity layer's classifier and
        # stored, the timeline weighing them (``Settings.statement_weight``)
        for doc in docs:
            doc.statements = statements(doc)
        found = sum(len(d.statements or []) for d in docs)
        stored.update({"shipped": found, "simulated": len(flagged)})
        today = lines(1.0)
        print(f"{topic} shipped: {found} statements stored; at weight 1.0 the timeline is "
              f"{'unchanged' if today == before else 'CHANGED'}", file=sys.stderr)
        for factor in factors:
            after = lines(factor)
            out, new = set(before) - set(after), set(after) - set(before)
            sim_out, sim_new = simulated[factor]
            shipped[factor].update({"leave": len(out), "come": len(new), "leave as simulated": len(out & sim_out),
                                    "come as simulated": len(new & sim_new), "simulated leave": len(sim_out),
                                    "simulated come": len(sim_new)})
            print(f"{topic} shipped x {factor}: {len(out)} leave ({len(out & sim_out)} as simulated of "
                  f"{len(sim_out)}), {len(new)} come ({len(new & sim_new)} of {len(sim_new)})", file=sys.stderr)
    print(f"\n-- statements found: {dict(stored)}")
    for factor in factors:
        print(f"-- shipped, statement_weight {factor}: {dict(shipped[factor])}")
    for factor in factors:
        print(f"\n-- soft rule, statements' prior x {factor}")
        print(f"   lines leaving: {dict(sorted(gone[factor].items()))}")
        print(f"   lines coming: {dict(sorted(came[factor].items()))}")


def tls(data: Path, cache: Path, factors: list[float], topics: Optional[list[str]] = None) -> None:
    """Timeline17 and Crisis scores (``storyline eval tls``'s protocol, default method) of the
    topics' built documents in ``cache`` (with names and quotes), their statements found as the
    entity layer finds them, at ``statement_weight`` 1.0 and at each factor."""
    from storyline.chronology.methods import make_timeline
    from storyline.chronology.settings import DEFAULT
    from storyline.evaluate.tls import average_scores, score_timeline
    from storyline.evaluate.tls_data import load_topic
    from storyline.evaluate.tls_run import _as_reference_dict, summary_row
    from storyline.inmemory import memory_store

    scores: dict[tuple[str, float], list[dict]] = {}
    for topic in topics or not_event.TOPICS:
        docs = _topic_documents(topic, data, cache)
        for doc in docs:
            doc.statements = statements(doc) if doc.quotes is not None else None
        refs = load_topic(data / topic).references
        with memory_store(docs) as store:
            for factor in (1.0, *factors):
                settings = replace(DEFAULT, statement_weight=factor)
                for ref in refs:
                    first, last = ref.span
                    tl = make_timeline(store, "default", max_dates=len(ref.dates),
                                       sentences_per_date=max(1, round(ref.sentences_per_date)),
                                       start=first, end=last, days_only=True, settings=settings)
                    scores.setdefault((topic.split("/")[0], factor), []).append(
                        score_timeline(_as_reference_dict(tl), [ref.dates]))
        print(f"{topic}: {sum(len(d.statements or []) for d in docs)} statements, "
              f"{sum(d.quotes is not None for d in docs)} of {len(docs)} documents with quotes", file=sys.stderr)
    for (dataset, factor), rows in sorted(scores.items()):
        mean = summary_row(average_scores(rows))
        print(f"{dataset} ({len(rows)} references) statement_weight {factor}: "
              + "  ".join(f"{k} {v:.3f}" for k, v in mean.items()))


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--documents", type=Path, default=None)
    parser.add_argument("--readings", type=Path, default=READINGS)
    parser.add_argument("--lines", type=Path, default=None, help="cache of the judged lines (pickle)")
    parser.add_argument("--reader", default=None, help="label by this reading alone (e.g. 18), not by the vote")
    parser.add_argument("--models", action="store_true", help="also fit and score the logistic models")
    parser.add_argument("--soft", type=float, action="append", default=None,
                        help="simulate the soft rule: statements' prior times this factor (repeatable)")
    parser.add_argument("--quote-parse", action="store_true",
                        help="class from the quote layer's own parse (tags, dependencies, forms), not the full parse")
    parser.add_argument("--compare", action="store_true",
                        help="compare the class from the full parse with the quote parse's on every quoted candidate")
    parser.add_argument("--tls", type=float, action="append", default=None,
                        help="instead, TLS scores of the cached topics (--documents) at weight 1.0 and this (repeatable)")
    parser.add_argument("--topic", action="append", default=None, help="with --soft or --tls: only this topic (repeatable)")
    args = parser.parse_args(argv)
    read = QuoteParse if args.quote_parse else Full
    if args.tls is not None:
        tls(args.data, args.documents, args.tls, args.topic)
        return 0
    if args.compare:
        compare(args.data, args.documents)
        return 0
    if args.soft is not None:
        soft(args.readings, args.data, args.documents, args.soft, read, args.topic)
        return 0
    if args.lines is not None and args.lines.exists():
        lines = pickle.loads(args.lines.read_bytes())
    else:
        lines = judged(args.readings, args.data, args.documents)
        parse_features(lines)
        if args.lines is not None:
            args.lines.write_bytes(pickle.dumps(lines))
    quote_features(lines, read)
    if args.reader:
        lines = one_reader(lines, args.reader)
    shown = [r for r in lines if r["shown"]]
    print(f"{len(lines)} judged lines, {len(shown)} shown today: {dict(Counter(r['label'] for r in shown))}")
    tabulate(shown, lambda r: shape(r["q"]), "shape of the sentence by the quote layer")
    tabulate(shown, lambda r: clause(r["q"]), "main clause and quote content")
    tabulate(shown, lambda r: ("stance" if r["q"]["cue stance"] else "neutral" if r["q"]["cue neutral"] else
                               "according" if r["q"]["cue according"] else "cue, other" if r["q"]["cue in sentence"]
                               else "no cue") + (", happening" if r["q"]["event anywhere"] else ", no happening"),
             "cue class and any happening")
    tabulate(shown, lambda r: next((k for k in ("named", "pronoun", "anonymous", "other")
                                    if r["q"][f"speaker {k}"]), "none" if r["q"]["quoted"] else "no quote"),
             "speaker kind")
    rules_in_sample(shown)
    rules_out_of_fold(shown)
    if args.models:
        not_event.MODELS["quotes"] = (not_event._logistic, lambda r: r["q_vec"])
        not_event.MODELS["quotes+parse"] = (not_event._logistic,
                                            lambda r: r["q_vec"] + r["parse"] + r["prior_x"] + [r["prior_p"]])
        not_event.auc_report(lines)
        for name in ("quotes", "quotes+parse"):
            not_event.report(name, lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
