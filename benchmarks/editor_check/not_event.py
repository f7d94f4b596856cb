"""Can a remove-only rule on the shown lines drop clearly more "not an event" lines than right ones?

    python benchmarks/editor_check/not_event.py [--data DIR] [--documents DIR] [--readings DIR]
                                                [--reader 18] [--cut ratio|gain]

Every line judged in ``readings/reading-*.jsonl`` is found again in its topic's articles (same
words, same publication date, as ``train_prior.py`` does) and labelled by the readers' vote
(``near_duplicate`` left out of the vote, ties kept as "no vote"): right, not an event, or other
(wrong date, furniture); ``--reader``: by one reading's labels instead. Each topic's default
timeline is made as the product makes it today, and the lines it shows are marked: removals are
counted on those. Each line is described by what it reports, with no word of a story:

- ``parse``: the main clause as spaCy's small English parser reads it (root lemma's class:
  reporting, stance, copula, other; whether a reporting or stance root has an event verb in its
  complement; subject a person, an organisation, a pronoun or a thing; passive, negation,
  modal, tense), with the event prior's cues (``line_prior``) and the shipped prior's
  probability; ``parse only`` and ``prior cues``: either part alone;
- ``ngrams``: a regularised logistic model over lemma uni- and bigrams in which every word that
  is not a verb or a function word stands as its part of speech; ``ngrams+parse``: both;
- ``prior``: the shipped prior's probability alone (no fitting).

Models are fitted on right against not-event lines and scored leaving one story out (crisis/egypt
and t17/egypt are one story). The threshold is chosen inside the training folds only, on their
shown lines' own leave-one-story-out scores (``threshold``); the rule then removes the held-out
story's lines scoring past it. Printed per fold and per reader: right lines removed, not-event
removed, others removed, of every judged line and of the lines shown today. Findings:
``docs/benchmarks.md``, "Lines that report no happening, round 3".

``--documents``: pickled lists of built ``Document`` per topic (``crisis_egypt.pkl``, ...) to skip
the build; without it each topic is built with the pipeline (slow).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Optional

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_prior import DEFAULT_DATA, OFF, _documents, sentence_key  # noqa: E402

from storyline import dedup  # noqa: E402

from storyline.chronology.candidates import commentary  # noqa: E402
from storyline.chronology.features import repeated_in, sentence_features  # noqa: E402
from storyline.chronology.line_prior import SentenceCues, document_cues, line_features, shipped_prior  # noqa: E402
from storyline.chronology.methods import make_timeline  # noqa: E402
from storyline.evaluate.tls_data import load_topic  # noqa: E402
from storyline.inmemory import memory_store  # noqa: E402

READINGS = Path(__file__).resolve().parent / "readings"
TOPICS = ("crisis/egypt", "crisis/libya", "crisis/syria", "crisis/yemen",
          "t17/egypt", "t17/finan", "t17/h1n1", "t17/haiti", "t17/iraq")
RATIO = 2.5  # not-right lines removed per right line removed, at least, for a rule worth keeping
C = 0.1      # inverse L2 strength of every logistic model
CUT = "ratio"  # how the training folds choose the threshold (``threshold``)

REPORTING = set("say tell report add announce state claim confirm deny insist explain note reveal disclose describe "
                "write quote cite".split())
STANCE = set("warn urge call condemn criticise criticize accuse blame demand vow pledge promise threaten welcome "
             "praise hope fear believe think argue suggest expect predict appeal ask want need seek reject "
             "dismiss defend insist express reiterate stress emphasise emphasize caution recommend propose "
             "consider question doubt".split())
COPULA = {"be", "seem", "appear", "remain", "become", "look"}
PERSON_ENTS = {"PERSON", "NORP"}
ORG_ENTS = {"ORG", "GPE"}
FUNCTION_POS = {"ADP", "AUX", "CCONJ", "DET", "PART", "PRON", "SCONJ", "VERB"}
STORIES = {"t17/egypt": "egypt", "crisis/egypt": "egypt"}


def story(topic: str) -> str:
    """The story a topic tells (one fold per story)."""
    return STORIES.get(topic, topic.split("/")[1])


def shown(docs: list) -> set[tuple[Optional[str], str]]:
    """(date, sentence key) of every line of the default timeline of ``docs`` as the product makes it today."""
    for doc, sig in zip(docs, dedup.signatures((d.id, d.text, d.published) for d in docs)):
        doc.features = sentence_features(doc, doc.repeated_paragraphs | repeated_in(sig))
    by_id = {d.id: d for d in docs}
    with memory_store(docs) as store:
        tl = make_timeline(store)
    return {(e.date, sentence_key(by_id[line.sources[0].document].sentences[line.sources[0].sentence].text))
            for e in tl.entries for line in e.summary}


def documents(topic: str, data: Path, cache: Optional[Path]) -> tuple[list, set[tuple[Optional[str], str]]]:
    """A topic's built documents with their sentence features as the prior was trained on (the
    event prior off), and the lines its default timeline shows today."""
    if cache is not None:
        path = cache / (topic.replace("/", "_") + ".pkl")
        if path.exists():
            docs = pickle.loads(path.read_bytes())
        else:
            docs = _documents(load_topic(data / topic).path)
    else:
        docs = _documents(load_topic(data / topic).path)
    today = shown(docs)
    for doc, sig in zip(docs, dedup.signatures((d.id, d.text, d.published) for d in docs)):
        doc.features = sentence_features(doc, doc.repeated_paragraphs | repeated_in(sig), OFF)
    return docs, today


def judged(readings: Path, data: Path, cache: Optional[Path]) -> list[dict]:
    """Every judged line once with its vote, each reader's category, its text and the prior's cues."""
    rows = [json.loads(line) for f in sorted(readings.glob("reading-*.jsonl"))
            for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        groups[(r["topic"], r["date"], r["sentence_key"], r.get("published"))].append(r)
    prior = shipped_prior()
    out = []
    for topic in TOPICS:
        keys = [k for k in groups if k[0] == topic]
        if not keys:
            continue
        docs, today = documents(topic, data, cache)
        where: dict[tuple[str, Optional[str]], tuple] = {}
        for doc in docs:
            for s in doc.sentences:
                where.setdefault((sentence_key(s.text), doc.published.isoformat() if doc.published else None),
                                 (doc, s.index))
        cues: dict[str, object] = {}
        found = 0
        for key in keys:
            hit = where.get((key[2], key[3]))
            if hit is None:
                continue
            found += 1
            doc, i = hit
            votes = [r["category"] for r in groups[key] if r["category"] != "near_duplicate"]
            right, no_event = votes.count("right"), votes.count("not_event")
            top = Counter(votes).most_common()
            if not votes or (len(top) > 1 and top[0][1] == top[1][1]):
                label = "unsure"  # a tie, or only ever judged a near-duplicate: in no fit, counted per reader
            else:
                label = {"right": "right", "not_event": "not_event"}.get(top[0][0], "other")
            if doc.id not in cues:
                texts = [s.text for s in doc.sentences]
                cues[doc.id] = document_cues(texts, commentary(texts))
            f = next((f for f in doc.features if f.sentence == i), None)
            if f is None:
                continue
            sc = SentenceCues(i, f.kind, f.named, f.granularity, f.date, f.reason, f.prior, f.chronology,
                              len(f.other_dates))
            x = line_features(doc.sentences[i].text, sc, cues[doc.id], doc.published)  # type: ignore[arg-type]
            sent = doc.sentences[i]
            out.append({"topic": topic, "story": story(topic), "label": label, "text": sent.text,
                        "document": doc.id, "sentence": i, "quotes": _quotes_in(doc, sent.start, sent.end),
                        "readers": {str(r["reading"]): r["category"] for r in groups[key]},
                        "shown": (key[1], key[2]) in today,
                        "prior_x": x, "prior_p": prior.probability(x), "votes": (right, no_event, len(votes))})
        print(f"{topic}: {found} of {len(keys)} judged lines found", file=sys.stderr)
    return out


def _quotes_in(doc, start: int, end: int) -> list[dict]:
    """The quote layer's quotes of ``doc`` (as its build found them) that overlap the sentence at
    ``start``..``end``, their spans made relative to the sentence (``quotes.statements.quotes_in``)."""
    from storyline.quotes.statements import quotes_in

    return quotes_in(doc, start, end)


def one_reader(lines: list[dict], reading: str) -> list[dict]:
    """The lines one reading judged, labelled by that reader alone (a near-duplicate counts for
    nothing); the other readers' categories stay for the tables."""
    names = {"right": "right", "not_event": "not_event", "near_duplicate": "unsure"}
    return [{**r, "label": names.get(r["readers"][reading], "other")} for r in lines if reading in r["readers"]]


def _root_class(lemma: str) -> str:
    return ("reporting" if lemma in REPORTING else "stance" if lemma in STANCE else
            "copula" if lemma in COPULA else "event")


def parse_features(lines: list[dict]) -> None:
    """Add each line's main-clause cues (``parse``) and its lemma string (``grams``)."""
    from storyline.nlp import PARSE, pipeline

    nlp = pipeline((*PARSE, "ner"))
    for line, doc in zip(lines, nlp.pipe((r["text"] for r in lines), batch_size=64)):
        sent = max(doc.sents, key=len)
        root = sent.root
        cls = _root_class(root.lemma_.lower())
        kids = list(root.children)
        subj = [k for k in kids if k.dep_ in ("nsubj", "nsubjpass", "csubj")]
        comp = [k for k in kids if k.dep_ in ("ccomp", "xcomp")]
        comp_event = any(t.pos_ == "VERB" and _root_class(t.lemma_.lower()) == "event"
                         for c in comp for t in c.subtree)
        s = subj[0] if subj else None
        s_ent = s.ent_type_ if s is not None else ""
        tags = {k.tag_ for k in kids if k.dep_ in ("aux", "auxpass")} | {root.tag_}
        f = {
            "root reporting": cls == "reporting", "root stance": cls == "stance", "root copula": cls == "copula",
            "root event": cls == "event",
            "speech without event": cls in ("reporting", "stance") and not comp_event,
            "speech with event": cls in ("reporting", "stance") and comp_event,
            "subject person": s_ent in PERSON_ENTS, "subject org": s_ent in ORG_ENTS,
            "subject pronoun": s is not None and s.pos_ == "PRON", "no subject": s is None,
            "subject thing": s is not None and s.pos_ in ("NOUN",) and not s_ent,
            "passive": any(k.dep_ in ("nsubjpass", "auxpass") for k in kids),
            "negated": any(k.dep_ == "neg" for k in kids),
            "modal": "MD" in tags, "past": bool(tags & {"VBD"}), "present": bool(tags & {"VBZ", "VBP"}),
            "perfect": any(k.lemma_ == "have" and k.dep_ == "aux" for k in kids),
            "progressive": root.tag_ == "VBG" and any(k.lemma_ == "be" for k in kids),
            "root noun": root.pos_ in ("NOUN", "PROPN"), "question": sent.text.rstrip().endswith("?"),
            "clauses": float(np.log1p(sum(t.dep_ in ("ccomp", "advcl", "relcl", "xcomp") for t in sent))),
            "event verbs": float(np.log1p(sum(t.pos_ == "VERB" and _root_class(t.lemma_.lower()) == "event"
                                              for t in sent))),
            "dates in sentence": float(sum(e.label_ in ("DATE", "TIME") for e in doc.ents)),
            "numbers": float(sum(e.label_ in ("CARDINAL", "QUANTITY", "MONEY", "PERCENT") for e in doc.ents)),
        }
        line["parse"] = [float(v) for v in f.values()]
        line["parse_names"] = list(f)
        words = [t.lemma_.lower() if t.pos_ in FUNCTION_POS else t.pos_ for t in doc if not t.is_space]
        line["grams"] = " ".join(words) + f" ROOT_{root.lemma_.lower() if root.pos_ in FUNCTION_POS else root.pos_}"


def _logistic():
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=5000))


def _grams():
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    return make_pipeline(CountVectorizer(ngram_range=(1, 2), min_df=3, binary=True, token_pattern=r"\S+",
                                         lowercase=False),
                         LogisticRegression(C=C, max_iter=5000))


class _Combined:
    """Lemma n-grams and the standardized cues side by side in one logistic model."""

    def __init__(self) -> None:
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.preprocessing import StandardScaler

        self.grams = CountVectorizer(ngram_range=(1, 2), min_df=3, binary=True, token_pattern=r"\S+",
                                     lowercase=False)
        self.scale = StandardScaler()
        self.model = LogisticRegression(C=C, max_iter=5000)

    def _x(self, rows: list, fit: bool = False):
        from scipy.sparse import csr_matrix, hstack

        grams, cues = [g for g, _ in rows], np.array([c for _, c in rows])
        if fit:
            return hstack([self.grams.fit_transform(grams), csr_matrix(self.scale.fit_transform(cues))]).tocsr()
        return hstack([self.grams.transform(grams), csr_matrix(self.scale.transform(cues))]).tocsr()

    def fit(self, rows: list, y: np.ndarray) -> "_Combined":
        self.model.fit(self._x(rows, fit=True), y)
        return self

    def predict_proba(self, rows: list) -> np.ndarray:
        return self.model.predict_proba(self._x(rows))


MODELS = {
    "parse": (_logistic, lambda r: r["parse"] + r["prior_x"] + [r["prior_p"]]),
    "parse only": (_logistic, lambda r: r["parse"]),
    "prior cues": (_logistic, lambda r: r["prior_x"]),
    "ngrams": (_grams, lambda r: r["grams"]),
    "ngrams+parse": (_Combined, lambda r: (r["grams"], r["parse"] + r["prior_x"] + [r["prior_p"]])),
}


def _fit_score(name: str, train: list[dict], test: list[dict]) -> np.ndarray:
    """P(not an event) of ``test`` lines by the model fitted on ``train``'s right and not-event lines."""
    if name == "prior":
        return np.array([1.0 - r["prior_p"] for r in test])
    make, x = MODELS[name]
    fit = [r for r in train if r["label"] in ("right", "not_event")]
    X = [x(r) for r in fit]
    y = np.array([r["label"] == "not_event" for r in fit], dtype=int)
    model = make().fit(_matrix(name, X), y)
    return model.predict_proba(_matrix(name, [x(r) for r in test]))[:, 1]


def _matrix(name: str, rows: list):
    return rows if name.startswith("ngrams") else np.array(rows)


def _oof(name: str, lines: list[dict]) -> np.ndarray:
    """Each line's score by the model fitted without its story."""
    out = np.zeros(len(lines))
    for st in sorted({r["story"] for r in lines}):
        test = [i for i, r in enumerate(lines) if r["story"] == st]
        out[test] = _fit_score(name, [r for r in lines if r["story"] != st], [lines[i] for i in test])
    return out


def threshold(scores: np.ndarray, lines: list[dict]) -> float:
    """The score past which lines are removed (inf: none); lines of no vote count for nothing.

    ``ratio`` (``--cut``): the lowest score at which removing every line scoring at or past it
    removes at least RATIO not-right lines per right line, and at least five; ``gain``: the score
    at which not-right lines removed less RATIO times the right lines removed is largest (and
    positive)."""
    order = np.argsort(-scores, kind="stable")
    best, top = np.inf, 0.0
    r = w = 0
    for k, i in enumerate(order):
        r += lines[i]["label"] == "right"
        w += lines[i]["label"] in ("not_event", "other")
        last = k + 1 == len(order) or scores[order[k + 1]] < scores[i]
        if not last:
            continue
        if CUT == "ratio" and w >= 5 and w >= RATIO * max(r, 1):
            best = scores[i]
        if CUT == "gain" and w - RATIO * r > top:
            best, top = scores[i], w - RATIO * r
    return float(best)


def evaluate(name: str, lines: list[dict]) -> tuple[np.ndarray, dict]:
    """Removed lines, out of fold, and each fold's threshold: the model is fitted on the training
    stories' lines, the threshold chosen on their lines shown today (their out-of-fold scores)."""
    removed = np.zeros(len(lines), dtype=bool)
    cuts = {}
    for st in sorted({r["story"] for r in lines}):
        test = [i for i, r in enumerate(lines) if r["story"] == st]
        train = [r for r in lines if r["story"] != st]
        now = [i for i, r in enumerate(train) if r["shown"]]
        cut = threshold(_oof(name, train)[now], [train[i] for i in now])
        s = _fit_score(name, train, [lines[i] for i in test])
        removed[test] = s >= cut
        cuts[st] = cut
    return removed, cuts


def table(lines: list[dict], removed: np.ndarray, cuts: dict, title: str) -> None:
    """Removed of each label per held-out story, in total and per reader."""
    print(f"-- {title}")
    print(f"{'story':8} {'cut':>6} {'lines':>5} {'right':>9} {'not_ev':>9} {'other':>9} {'no vote':>9}")
    keys = ("right", "not_event", "other", "unsure")
    for st in sorted(cuts):
        idx = [i for i, r in enumerate(lines) if r["story"] == st]
        n = Counter(lines[i]["label"] for i in idx)
        c = Counter(lines[i]["label"] for i in idx if removed[i])
        print(f"{st:8} {cuts[st]:6.3f} {len(idx):5} " + " ".join(f"{c[k]:3}/{n[k]:<5}" for k in keys))
    n = Counter(r["label"] for r in lines)
    c = Counter(r["label"] for r, m in zip(lines, removed) if m)
    voted = sum(n[k] for k in keys[:3])
    print(f"{'all':8} {'':6} {len(lines):5} " + " ".join(f"{c[k]:3}/{n[k]:<5}" for k in keys)
          + f"  removed {sum(c[k] for k in keys[:3]) / max(voted, 1):.1%} of voted lines, not-right per right "
          f"{(c['not_event'] + c['other']) / max(c['right'], 1):.2f}")
    for reading in sorted({k for r in lines for k in r["readers"]}):
        sub = [(r, m) for r, m in zip(lines, removed) if reading in r["readers"]]
        cat = Counter(r["readers"][reading] for r, _ in sub)
        cr = Counter(r["readers"][reading] for r, m in sub if m)
        wrong = sum(cr[k] for k in cr if k != "right")
        print(f"  reading {reading}: {len(sub)} lines, removed {sum(cr.values())} ({sum(cr.values()) / len(sub):.1%}): "
              + ", ".join(f"{k} {cr[k]}/{cat[k]}" for k in ("right", "not_event", "wrong_date", "furniture",
                                                           "near_duplicate"))
              + f"; not-right per right {wrong / max(cr['right'], 1):.2f}")


def report(name: str, lines: list[dict]) -> None:
    removed, cuts = evaluate(name, lines)
    print(f"\n== {name}: removed out of fold (threshold from the training folds)")
    table(lines, removed, cuts, "every judged line")
    now = np.array([r["shown"] for r in lines])
    table([r for r, m in zip(lines, now) if m], removed[now], cuts, "lines the default timeline shows today")


def auc_report(lines: list[dict]) -> None:
    from sklearn.metrics import roc_auc_score

    rn = [r for r in lines if r["label"] in ("right", "not_event")]
    y = np.array([r["label"] == "not_event" for r in rn], dtype=int)
    print("out-of-fold AUC, not an event against right (leaving one story out), lines shown today:")
    rn = [r for r in rn if r["shown"]]
    y = np.array([r["label"] == "not_event" for r in rn], dtype=int)
    for name in ("prior", *MODELS):
        s = _oof(name, lines)
        s = s[[i for i, r in enumerate(lines) if r["label"] in ("right", "not_event") and r["shown"]]]
        per = []
        for st in sorted({r["story"] for r in rn}):
            idx = np.array([r["story"] == st for r in rn])
            if len(set(y[idx])) == 2:
                per.append(f"{st} {roc_auc_score(y[idx], s[idx]):.2f}")
        print(f"  {name:11} {roc_auc_score(y, s):.3f}  ({', '.join(per)})")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--documents", type=Path, default=None)
    parser.add_argument("--readings", type=Path, default=READINGS)
    parser.add_argument("--reader", default=None, help="label by this reading alone (e.g. 18), not by the vote")
    parser.add_argument("--cut", choices=("ratio", "gain"), default="ratio", help="how a threshold is chosen")
    args = parser.parse_args(argv)
    global CUT
    CUT = args.cut
    lines = judged(args.readings, args.data, args.documents)
    parse_features(lines)
    if args.reader:
        lines = one_reader(lines, args.reader)
    labels = Counter(r["label"] for r in lines)
    print(f"{len(lines)} judged lines: {dict(labels)}; stories {dict(Counter(r['story'] for r in lines))}; "
          f"shown today {sum(r['shown'] for r in lines)}")
    auc_report(lines)
    for name in ("prior", *MODELS):
        report(name, lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
