"""Keep a reading's judgements in the repository without the text it judged.

    python benchmarks/editor_check/keep_reading.py LINES.jsonl OUT.jsonl [--reading N]

``LINES.jsonl`` is a reading as ``train_prior.py`` takes it (one judged line a row, with the cited
sentence). Each row is written again with the sentence replaced by ``sentence_key`` (a digest of
its words, ``train_prior.sentence_key``): the topic, the line's date, its article's publication
date, the line's place in the timeline read (``line_id``), the category and the reader's note on it (``sub``: the kind of furniture, of non-event, or
the earlier line a near-duplicate repeats) and, for a reading of two timelines' lines together, the
``variants`` that showed the line stay, the licensed text does not. ``train_prior.py``
and ``event_prior.py`` read the kept rows as they read the full ones: they find each sentence
again by its digest in the topic's articles.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_prior import sentence_key  # noqa: E402

KEPT = ("topic", "date", "published", "category", "sub", "line_id", "variants")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("lines", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--reading", type=int, default=None, help="the reading's number, kept on every row")
    args = parser.parse_args(argv)
    rows = []
    for raw in args.lines.read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        r = json.loads(raw)
        kept = {k: r[k] for k in KEPT if k in r}
        kept["sentence_key"] = r["sentence_key"] if "sentence_key" in r else sentence_key(r["sentence"])
        if args.reading is not None:
            kept["reading"] = args.reading
        rows.append(kept)
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} judged lines -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
