"""Run timeline methods on a TLS data set under the field's protocol and score them.

For each topic the raw input goes through storyline's pipeline once (clean, dates, dedup;
timed), then for each reference timeline every method is given that reference's number of
dates T, its average sentences per date L (rounded) and its time span, exactly as news-tls
and tilse evaluate (Gholipour Ghalandari & Ifrim 2020; Martschat & Markert 2018). System
sentences are PTB-tokenized like the references before scoring; each reference is scored on
its own and the results are averaged as news-tls does (precision and recall first).
"""

from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from ..contract import timeline_to_dict
from .. import attribution, entities
from ..chronology import METHODS, make_timeline
from ..inmemory import memory_store
from ..model import Document, Timeline
from ..pipeline import process_all
from .tls import average_scores, ptb_tokenize, score_timeline
from .tls_data import TLSTopic, crisis_documents, load_topic, raw_documents, topic_dirs

__all__ = ["TopicResult", "load_documents", "evaluate_topic", "evaluate_dataset", "summary_row"]


@dataclass
class TopicResult:
    topic: str
    method: str
    scores: list[dict] = field(default_factory=list)  # one per reference
    seconds: float = 0.0                               # pipeline share + timeline time, per reference

    @property
    def mean(self) -> dict:
        return average_scores(self.scores)


def load_documents(topic: TLSTopic, workers: int = 2, names: bool = True) -> list[Document]:
    """The topic's input through storyline's pipeline (in memory), with names and quotes as a build
    finds them when ``names`` and the English pipeline is installed."""
    docs = (process_all(raw_documents(topic), workers=workers) if topic.layout == "t17"
            else crisis_documents(topic, workers=workers))
    if names and entities.off_reason() is None:
        attribution.analyze(docs)
    return docs


def _as_reference_dict(tl: Timeline) -> dict[dt.date, list[str]]:
    out: dict[dt.date, list[str]] = {}
    for entry in tl.entries:
        if entry.date and len(entry.date) == 10:
            out[dt.date.fromisoformat(entry.date)] = [ptb_tokenize(line.text) for line in entry.summary]
    return out


def evaluate_topic(topic: TLSTopic, methods: Iterable[str], save_dir: Optional[Path] = None,
                   workers: int = 2, progress: Optional[Callable[[str], None]] = None,
                   per_method_dirs: bool = False) -> list[TopicResult]:
    """Every method on every reference of one topic; with ``save_dir``, each system timeline
    is written as ``DIR/<topic>/<reference>.json`` (``DIR/<method>/<topic>/...`` for several)."""
    start = time.perf_counter()
    docs = load_documents(topic, workers)
    prep = time.perf_counter() - start
    if progress:
        progress(f"{topic.name}: {len(docs)} documents prepared in {prep:.1f}s")
    results = []
    with memory_store(docs) as store:
        for method in methods:
            results.append(_evaluate_method(topic, method, store, prep, save_dir, per_method_dirs, progress))
    return results


def _evaluate_method(topic: TLSTopic, method: str, store, prep: float, save_dir: Optional[Path],
                     per_method_dirs: bool, progress: Optional[Callable[[str], None]]) -> TopicResult:
    """One method on every reference of the topic held in ``store``."""
    result = TopicResult(topic.name, method)
    elapsed = 0.0
    for ref in topic.references:
        first, last = ref.span
        t0 = time.perf_counter()
        tl = make_timeline(store, method, max_dates=len(ref.dates),
                           sentences_per_date=max(1, round(ref.sentences_per_date)),
                           start=first, end=last, days_only=True)
        elapsed += time.perf_counter() - t0
        result.scores.append(score_timeline(_as_reference_dict(tl), [ref.dates]))
        if save_dir is not None:
            base = Path(save_dir) / method if per_method_dirs else Path(save_dir)
            out = base / topic.name / f"{ref.name}.json"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(timeline_to_dict(tl), ensure_ascii=False, indent=1), encoding="utf-8")
    n = max(1, len(topic.references))
    result.seconds = prep + elapsed / n
    if progress:
        progress(f"{topic.name} {method}: {elapsed / n:.2f}s per timeline")
    return result


def evaluate_dataset(dataset: str | Path, methods: Iterable[str] = ("default",), topics: Optional[Iterable[str]] = None,
                     save_dir: Optional[Path] = None, workers: int = 2,
                     progress: Optional[Callable[[str], None]] = None) -> list[TopicResult]:
    methods = list(methods)
    for method in methods:
        if method not in METHODS:
            raise ValueError(f"unknown timeline method {method!r}; choose from {', '.join(METHODS)}")
    wanted = set(topics) if topics else None
    dirs = [d for d in topic_dirs(dataset) if wanted is None or d.name in wanted]
    if not dirs:
        raise ValueError(f"{dataset}: no topics found (expected <topic>/articles.csv or <topic>/sentences_by_date.csv"
                         + (f" for {', '.join(sorted(wanted))})" if wanted else ")"))
    results = []
    for d in dirs:
        topic = load_topic(d)
        if not topic.references:
            continue
        results.extend(evaluate_topic(topic, methods, save_dir, workers, progress, per_method_dirs=len(methods) > 1))
    return results


def summary_row(scores: dict) -> dict[str, float]:
    """The figures the field reports: AR1-F, AR2-F, Date-F1, concat R1-F and R2-F."""
    return {"AR1-F": scores["align_m1"]["rouge_1"]["f1"], "AR2-F": scores["align_m1"]["rouge_2"]["f1"],
            "Date-F1": scores["date"]["f1"], "R1-F": scores["concat"]["rouge_1"]["f1"],
            "R2-F": scores["concat"]["rouge_2"]["f1"]}
