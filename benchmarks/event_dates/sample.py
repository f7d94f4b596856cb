"""Choose the sentences of the event-dating set, reproducibly (the labels are then typed by hand).

Every sentence of the five T17 topics, the four Crisis topics and storyline's sample corpus is
put into one stratum by surface cues of its own (regular expressions written here, not
storyline's date tagger, so the choice does not lean on the rules being measured):

* ``furniture``: page furniture cues ("|", "Posted", "Reply", "Photo:", an e-mail address ...);
* ``preview``: a future cue ("will", "is due to", "is expected to", "next week", "tomorrow" ...);
* ``tricky``: names a date in a harder way: "since" before a date, a year naming a thing
  ("the 2005 election"), or two or more date cues;
* ``dated``: names a date (a month, a weekday, a year, "yesterday", "last week", "ago" ...);
* ``none``: names none.

Each topic gets a fixed quota per stratum, drawn with a seeded generator (a stratum short of
sentences passes its quota on to ``dated``); sentences longer than 500 characters and repeats
of a sentence already chosen are skipped. The output is one JSON reference per line (no text):
what ``labels.jsonl`` records point at. ``--context N`` prints each chosen sentence with N
sentences either side, for the person labelling it.

    python benchmarks/event_dates/sample.py [--seed 17] [--context 3] > references.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import DATA, crisis_days, sample_documents, sha1_12, t17_articles  # noqa: E402

T17_TOPICS = ("egypt", "finan", "h1n1", "haiti", "iraq")
CRISIS_TOPICS = ("egypt", "libya", "syria", "yemen")
STRATA = ("furniture", "preview", "tricky", "dated", "none")
QUOTAS = {  # sentences per topic and stratum
    "t17": {"furniture": 3, "preview": 3, "tricky": 5, "dated": 10, "none": 11},
    "crisis": {"furniture": 3, "preview": 4, "tricky": 5, "dated": 11, "none": 12},
    "sample": {"furniture": 4, "preview": 4, "tricky": 6, "dated": 12, "none": 14},
}
MAX_CHARS = 500

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[89]\d\d|20[0-3]\d)"
_RELATIVE = (r"(?:yesterday|today|tomorrow|tonight|(?:last|next|this|past|coming) (?:week|month|year|weekend|night"
             r"|morning|spring|summer|autumn|fall|winter)|earlier this|later this|\d+ (?:days?|weeks?|months?|years?) ago"
             r"|(?:a|one|two|three|four|five|six|several|few) (?:days?|weeks?|months?|years?) ago)")
_NUMERIC = r"(?:\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})"
DATE_CUE = re.compile(rf"\b(?:{_MONTH}|{_WEEKDAY}|{_YEAR}|{_NUMERIC})(?!\w)|\b{_RELATIVE}\b", re.I)
DATE_CUE_CASED = re.compile(rf"\b(?:{_MONTH}|{_WEEKDAY})(?!\w)")
SINCE = re.compile(rf"\bsince (?:(?:early|late|mid-?|the end of|the start of) )?(?:{_MONTH}|{_WEEKDAY}|{_YEAR}|last)")
NAMING_YEAR = re.compile(rf"\b(?:the|a|an|its|their|his|her|this|that)\s+{_YEAR}\s+[^\W\d_]", re.I)
PREVIEW_CUE = re.compile(r"\b(?:will|won't|is due to|are due to|is expected to|are expected to|is scheduled|are scheduled"
                         r"|is set to|are set to|plans? to|next (?:week|month|year)|tomorrow|upcoming)\b", re.I)
FURNITURE_CUE = re.compile(r"\||^(?:Posted|Updated|Last updated|Published|By [A-Z]|Photo|Image|Copyright|©|Click"
                           r"|Share|Follow|Comments?|Reply|Related|Read more|Watch|Video|Advertisement|E-?mail)\b"
                           r"|\b(?:Reply|Report abuse|All rights reserved|Getty Images|AP Photo)\b|@|https?://|www\.",
                           re.I)


def date_cues(text: str) -> int:
    """How many date cues a sentence holds (month and weekday names only when capitalised)."""
    return sum(1 for m in DATE_CUE.finditer(text)
               if not re.fullmatch(rf"{_MONTH}|{_WEEKDAY}", m.group(), re.I) or DATE_CUE_CASED.fullmatch(m.group()))


def stratum(text: str) -> str:
    if FURNITURE_CUE.search(text) or len(text.split()) < 4:
        return "furniture"
    if PREVIEW_CUE.search(text):
        return "preview"
    cues = date_cues(text)
    if cues and (SINCE.search(text) or NAMING_YEAR.search(text) or cues >= 2):
        return "tricky"
    return "dated" if cues else "none"


def candidates() -> dict[tuple[str, str], list[tuple[dict, str]]]:
    """Every sentence as (reference, text), by (set, topic)."""
    out: dict[tuple[str, str], list[tuple[dict, str]]] = {}
    for topic in T17_TOPICS:
        out[("t17", topic)] = [({"set": "t17", "topic": topic, "row": r, "line": i, "published": published}, line)
                               for r, (published, lines) in enumerate(t17_articles(DATA, topic))
                               for i, line in enumerate(lines)]
    for topic in CRISIS_TOPICS:
        out[("crisis", topic)] = [({"set": "crisis", "topic": topic, "date": day, "index": i, "published": day}, s)
                                  for day, sentences in sorted(crisis_days(DATA, topic).items())
                                  for i, s in enumerate(sentences)]
    out[("sample", "")] = [({"set": "sample", "path": path, "sentence": i, "published": published}, s)
                           for path, (published, sentences) in sorted(sample_documents().items())
                           for i, s in enumerate(sentences)]
    return out


def choose(seed: int) -> list[dict]:
    chosen: list[dict] = []
    seen: set[str] = set()
    for (name, topic), items in candidates().items():
        by_stratum: dict[str, list[tuple[dict, str]]] = {s: [] for s in STRATA}
        for ref, text in items:
            if text.strip() and len(text) <= MAX_CHARS:
                by_stratum[stratum(text)].append((ref, text))
        rng = random.Random(f"{seed}:{name}:{topic}")
        quotas = dict(QUOTAS[name])
        for s in STRATA:
            pool = by_stratum[s][:]
            rng.shuffle(pool)
            taken = 0
            for ref, text in pool:
                if taken == quotas[s]:
                    break
                digest = sha1_12(text)
                if digest in seen:
                    continue
                seen.add(digest)
                chosen.append({**ref, "sha1": digest, "stratum": s})
                taken += 1
            if s != "dated" and taken < quotas[s]:
                quotas["dated"] += quotas[s] - taken
    return chosen


def show(ref: dict, n: int) -> str:
    from run import locate

    sentences, i, published = locate(ref)
    lines = [f"== {json.dumps({k: v for k, v in ref.items() if k != 'sha1'})}"]
    for j in range(max(0, i - n), min(len(sentences), i + n + 1)):
        lines.append((">> " if j == i else "   ") + sentences[j])
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--context", type=int, default=None, help="print each sentence with N sentences either side")
    args = parser.parse_args(argv)
    for ref in choose(args.seed):
        print(show(ref, args.context) if args.context is not None else json.dumps(ref))
    return 0


if __name__ == "__main__":
    sys.exit(main())
