"""Write a topic's default timeline with each line's sources in context, for an editor to judge.

    python benchmarks/editor_check/dump.py ../shared/data/tls/crisis/egypt OUT.json [--without-event-prior]

Each line of the timeline (default settings: automatic dates and lines) becomes one item:
its date, the text shown, how many sentences it cites, and for up to four of them the
article's publication date, the cited sentence and the sentences around it. An editor then
files every line under one category (see README.md); the counts are in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path

from storyline import dedup
from storyline.chronology import make_timeline
from storyline.chronology.features import repeated_in, sentence_features
from storyline.chronology.settings import FEATURES
from storyline.inmemory import memory_store
from storyline.evaluate.tls_data import load_topic
from storyline.evaluate.tls_run import load_documents


def timeline_items(timeline, by_id: dict) -> list[dict]:
    """Each line of ``timeline`` with up to four of its sources in context (``by_id``: the documents)."""
    items = []
    for entry in timeline.entries:
        for line in entry.summary:
            sources = []
            for src in line.sources[:4]:
                doc = by_id[src.document]
                i = src.sentence
                sources.append({"published": doc.published.isoformat() if doc.published else None,
                                "sentence": doc.sentences[i].text,
                                "before": " ".join(s.text for s in doc.sentences[max(0, i - 2):i])[-600:],
                                "after": " ".join(s.text for s in doc.sentences[i + 1:i + 2])[:300]})
            items.append({"date": entry.date, "granularity": entry.granularity, "line": line.text,
                          "n_sources": len(line.sources), "sources": sources})
    return items


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("topic", type=Path, help="a topic folder in the Timeline17 or Crisis layout")
    parser.add_argument("out", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--without-event-prior", action="store_true",
                        help="the timeline as without the learned event prior (FeatureParams.event_prior = 0)")
    args = parser.parse_args(argv)
    docs = load_documents(load_topic(args.topic), args.workers)
    if args.without_event_prior:
        off = replace(FEATURES, event_prior=0.0)
        for doc, sig in zip(docs, dedup.signatures((d.id, d.text, d.published) for d in docs)):
            doc.features = sentence_features(doc, doc.repeated_paragraphs | repeated_in(sig), off)
    by_id = {d.id: d for d in docs}
    with memory_store(docs) as store:
        timeline = make_timeline(store)
    items = timeline_items(timeline, by_id)
    args.out.write_text(json.dumps(items, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{args.topic.name}: {len(timeline.entries)} dates, {len(items)} lines -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
