"""What a search costs a reader: ``storyline.api.search`` (a page of documents with their best
matching sentences, as the web page and ``/api/search`` ask for it) on a store, query by query,
and the matching sentences' part of it alone (``Store.search_sentences`` for the page's documents).

Run it with the code and the store to compare (a store of another schema is brought up to date
when opened: point it at a copy). Each query runs ``--repeat`` times after one run that is not
counted; the median wall time is printed, in milliseconds.

    python benchmarks/scale/search_cost.py STORE.db [--query Q ...] [--repeat 20] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

# Words of the scale corpus's stories (T17 articles) from the commonest to the rarest, one phrase
# and one query with operators; any store answers them, with more or fewer hits.
QUERIES = ["said", "egypt", "protesters", "mubarak AND army", '"swine flu"', "earthquake OR tsunami",
           "bank NOT lehman", "sarin", "zureikat"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--query", action="append", help="a query (repeatable; default: a fixed list)")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)

    from storyline import api
    from storyline.store import Store

    with Store(args.store):  # brought up to date now, not inside the first timing
        pass
    out = []
    for query in args.query or QUERIES:
        results = api.search(args.store, query)
        ids = [hit.document.id for hit in results.hits]
        whole, sentences = [], []
        for _ in range(args.repeat):
            start = time.perf_counter()
            api.search(args.store, query)
            whole.append(time.perf_counter() - start)
            with Store(args.store, readonly=True) as store:
                start = time.perf_counter()
                found = store.search_sentences(query, ids)
                sentences.append(time.perf_counter() - start)
        row = {"query": query, "documents": results.total, "page": len(ids), "sentences found": len(found),
               "search ms": 1000 * statistics.median(whole), "sentences ms": 1000 * statistics.median(sentences)}
        out.append(row)
        print(f"{query!r:26} {row['documents']:6} documents, {row['sentences found']:4} sentences on the page: "
              f"search {row['search ms']:7.1f} ms, of it sentences {row['sentences ms']:6.1f} ms", flush=True)
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
