"""What the entity and quote layer costs and what it links, on real news articles.

    python benchmarks/entities/run.py [--data DIR] [--topic NAME] [--docs N]

Reads the first N articles of a T17 topic (default ``egypt`` of ``shared/data/tls/t17`` beside the
repository), builds them twice in the same run — with ``--no-entities`` and with entities — and
reports documents per second of each and their ratio; then runs the layer alone over the stored
documents, timed in CPU seconds of this process: first spaCy's recognizer alone over the whole
texts (the baseline the parts are given as ratios to), then named-entity recognition with the within-document
naming (``entities.parse`` over the runs of sentences that may name someone, as a build runs it, +
``mentions_of``), and the quote finder (``quotes.find_quotes``, which
parses only sentences that can hold an attribution), each as tokens per CPU second (spaCy tokens
of the documents' clean text). Last, how names were linked across the documents: the people most
mentioned, with every way each is written. The builds' CPU seconds count the processes the entity
layer runs in (every core, by default).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from storyline import entities, nlp, pipeline  # noqa: E402
from storyline.config import DEFAULT_BUILD, DEFAULT_ENTITIES  # noqa: E402
from storyline.evaluate.tls_data import load_topic, raw_documents  # noqa: E402
from storyline.store import Store  # noqa: E402


def _corpus(topic_dir: Path, n: int, folder: Path) -> Path:
    raws = raw_documents(load_topic(topic_dir))[:n]
    path = folder / "articles.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for raw in raws:
            fh.write(json.dumps({"text": raw.content, "published": raw.given.get("published")}) + "\n")
    return path


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the build's entity processes)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _build(corpus: Path, db: Path, with_entities: bool) -> tuple[float, float, int]:
    wall, cpu = time.perf_counter(), _cpu()
    report = pipeline.build([corpus], db=db, options=DEFAULT_BUILD.with_given(entities=with_entities))
    for error in report.errors[:3]:
        print(f"not built: {error}", file=sys.stderr)
    return time.perf_counter() - wall, _cpu() - cpu, report.documents


def _layer(db: Path) -> dict:
    from storyline.quotes import find_quotes

    with Store(db, readonly=True) as store:
        docs = store.documents(with_sentences=True, with_annotations=False)
    recognizer = nlp.pipeline(nlp.NER)
    cpu = time.process_time()
    list(recognizer.pipe([d.text for d in docs], batch_size=DEFAULT_ENTITIES.pipe_batch))
    alone = time.process_time() - cpu
    cpu = time.process_time()
    parsed = entities.parse([d.text for d in docs], sentences=[d.sentences for d in docs])
    found = [entities.mentions_of(p, d.sentences) for p, d in zip(parsed, docs)]
    ner = time.process_time() - cpu
    cpu = time.process_time()
    quotes = sum(len(find_quotes(d.text, p, m)) for d, p, m in zip(docs, parsed, found))
    said = time.process_time() - cpu
    tokens = sum(len(p) for p in parsed)
    return {"documents": len(docs), "tokens": tokens, "mentions": sum(map(len, found)), "quotes": quotes,
            "ner_tokens_per_cpu_s": tokens / ner, "quotes_tokens_per_cpu_s": tokens / said,
            "layer_tokens_per_cpu_s": tokens / (ner + said), "alone_tokens_per_cpu_s": tokens / alone,
            "ner_ratio": ner / alone, "quotes_ratio": said / alone, "layer_ratio": (ner + said) / alone}


def _people(db: Path, top: int) -> list[tuple[str, int, int, list[str]]]:
    with Store(db, readonly=True) as store:
        rows = [r for r in store.entity_rows() if r[1] == "PERSON"][:top]
        return [(r[2], r[4], r[5], [n for n, _ in store.entity_names(r[0])]) for r in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "tls" / "t17")
    parser.add_argument("--topic", default="egypt")
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--people", type=int, default=12)
    args = parser.parse_args()
    if entities.off_reason():
        sys.exit(f"the entity layer cannot run here: {entities.off_reason()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = _corpus(args.data / args.topic, args.docs, folder)
        off_wall, off_cpu, n = _build(corpus, folder / "off.db", False)
        on_wall, on_cpu, _ = _build(corpus, folder / "on.db", True)
        layer = _layer(folder / "off.db")
        people = _people(folder / "on.db", args.people)
    print(f"{n} documents of t17/{args.topic}")
    print("| build | wall s | CPU s | documents/s (wall) |\n|---|---:|---:|---:|")
    print(f"| --no-entities | {off_wall:.1f} | {off_cpu:.1f} | {n / off_wall:.1f} |")
    print(f"| with entities | {on_wall:.1f} | {on_cpu:.1f} | {n / on_wall:.1f} |")
    print(f"with entities / without: {on_wall / off_wall:.2f}× the wall time, {on_cpu / off_cpu:.2f}× the CPU time")
    print(f"\nlayer alone over {layer['documents']} documents, {layer['tokens']:,} tokens: "
          f"{layer['mentions']:,} mentions, {layer['quotes']:,} quotes")
    print("| part | tokens per CPU second | CPU s / the recognizer alone |\n|---|---:|---:|")
    print(f"| the recognizer alone over the whole texts (spaCy NER) | {layer['alone_tokens_per_cpu_s']:,.0f} | 1.00 |")
    print(f"| names (NER + naming in the document) | {layer['ner_tokens_per_cpu_s']:,.0f} | {layer['ner_ratio']:.2f} |")
    print(f"| quotes (parse of candidate sentences + attribution) | {layer['quotes_tokens_per_cpu_s']:,.0f} "
          f"| {layer['quotes_ratio']:.2f} |")
    print(f"| the whole layer | {layer['layer_tokens_per_cpu_s']:,.0f} | {layer['layer_ratio']:.2f} |")
    print("\n| person | mentions | documents | written as |\n|---|---:|---:|---|")
    for name, mentions, docs, written in people:
        print(f"| {name} | {mentions} | {docs} | {'; '.join(written)} |")


if __name__ == "__main__":
    main()
