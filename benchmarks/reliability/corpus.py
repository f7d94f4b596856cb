"""A corpus of N news documents for the reliability runs, made on the fly from the bundled sample corpus.

Every sample article once, then variants up to N: a random article with its paragraphs after the lead
shuffled, 15 % of its lower-case words replaced by other words of the corpus (date words kept) and its
publication date moved by up to a year, written as JSONL records (``text``, ``title``, ``published``).
"""

from __future__ import annotations

import datetime as dt
import json
import random
from importlib import resources
from pathlib import Path

KEEP = set("january february march april may june july august september october november december monday "
           "tuesday wednesday thursday friday saturday sunday yesterday today tomorrow last next ago week "
           "month year spring summer autumn winter".split())


def sample_articles() -> list[tuple[str, str, dt.date]]:
    """(title, clean text, publication date) of the sample corpus's dated articles."""
    import storyline
    from storyline.ingest import IngestError

    corpus = resources.files("storyline") / "sample" / "corpus"
    out = []
    with resources.as_file(corpus) as folder:
        for _, result in storyline.clean_files([Path(folder)]):
            if not isinstance(result, IngestError) and result.published and len(result.text) > 400:
                out.append((result.title or "Untitled", result.text, result.published))
    return out


def write_corpus(path: Path, n: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    articles = sample_articles()
    vocab = sorted({w for _, text, _ in articles for w in text.split() if w.isalpha() and w.islower()})
    with open(path, "w", encoding="utf-8") as handle:
        for k in range(n):
            title, text, published = articles[k % len(articles)]
            if k >= len(articles):
                paras = text.split("\n\n")
                head, rest = paras[:1], paras[1:]
                rng.shuffle(rest)
                words = []
                for p in head + rest:
                    words.append(" ".join(rng.choice(vocab) if w.isalpha() and w.islower() and w not in KEEP
                                          and rng.random() < 0.15 else w for w in p.split()))
                text = "\n\n".join(words)
                published = published + dt.timedelta(days=rng.randint(-365, 365))
                title = f"{title} ({k})"
            handle.write(json.dumps({"text": text, "title": title, "published": published.isoformat(),
                                     "url": f"https://news.example/{k}"}, ensure_ascii=False) + "\n")
    return path


if __name__ == "__main__":
    import sys

    write_corpus(Path(sys.argv[1]), int(sys.argv[2]))


def article_text() -> str:
    """One good article (plain text), for the inputs that must be stored."""
    return ("Kessel dam talks open\n\n"
            "KESSEL (Nordwire) — Negotiators from Veldra and Ostmark opened talks on Tuesday over the water held "
            "back by the Kessel dam, officials said.\n\n"
            "The two governments have argued for years about how much water the reservoir may keep in the dry "
            "season, and farmers on both banks have protested since it began filling.\n\n"
            "The delegations agreed to exchange flow data every week and to meet again on March 29, a step "
            "diplomats on both sides called modest but useful.\n")
