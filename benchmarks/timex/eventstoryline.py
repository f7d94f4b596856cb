"""Convert EventStoryLine v1.5 (CAT XML) into TimeML gold files for ``storyline eval timex``.

EventStoryLine (Caselli & Vossen 2017, CC BY 3.0) annotates 258 English news documents from
ECB+ in 22 topics. Each document is CAT XML: ``<token t_id sentence number>`` elements, then
markables, among them time expressions (``TIME_DATE``, ``TIME_OF_THE_DAY``,
``TIME_DURATION``, ``TIME_REPETITION``) with a TimeML-style ``value`` and the tokens they cover.

    python benchmarks/timex/eventstoryline.py ANNOTATED_DATA_V1_5 OUT_DIR

``ANNOTATED_DATA_V1_5`` is the corpus folder ``annotated_data/v1.5`` (one folder per topic).
``OUT_DIR`` must be outside the repository (the corpus text is CC BY, and data is kept out of
the repository); the script writes ``OUT_DIR/tune/<doc>.tml`` and ``OUT_DIR/heldout/<doc>.tml``.

Conversion:

* Text: the annotated sentences only (those holding at least one markable: like ECB+, the
  corpus annotates a selection of each document's sentences, and an expression found in an
  unannotated one would count as spurious), one line each. Tokens are joined with single
  spaces, except none before closing punctuation and clitics (``,`` ``.`` ``'s`` ``n't`` ...),
  none after opening brackets, none around a hyphen (``90-day``), none after a colon between
  digits (``3:30``) and none inside ``a.m.``/``p.m.``. The tokens do not record
  the original spacing, so this approximates it.
* Types: TIME_DATE → DATE, TIME_OF_THE_DAY → TIME, TIME_DURATION → DURATION,
  TIME_REPETITION → SET. Values are written as given (an empty value stays empty: "no value").
* Spans: a leading preposition (``on June 8``, ``within three years``) is left out of the span,
  as TimeML leaves signals out of TIMEX3. Only markables anchored to tokens are converted
  (the cross-document instance markables have no tokens). Where two spans overlap the first,
  in text order, is kept (TimeML cannot nest TIMEX3).
* DCT: the corpus marks the document's publication date as the time expression with
  ``DCT="TRUE"`` (usually in the page header); its value is written as the ``<DCT>`` TIMEX3 and
  the expression stays in the text as an ordinary gold expression. Where that markable has no
  tokens (the date is not in the text) its value is still the DCT. A document with none gets
  no ``<DCT>`` (one document in v1.5); with several, the first in text order is used.

Split (fixed; decided before any scoring): topics with an odd number are ``tune``, topics with
an even number are ``heldout`` (11 topics each). Rules may be tuned on ``tune``; ``heldout`` is
only measured.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

TYPES = {"TIME_DATE": "DATE", "TIME_OF_THE_DAY": "TIME", "TIME_DURATION": "DURATION",
         "TIME_REPETITION": "SET"}
PREPOSITIONS = frozenset(
    "on in at by since until till til for during from to of within after before over through throughout "
    "into upon across".split())
NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]+|'s|'S|n't|'re|'ve|'ll|'d|'m|''|')$")
NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``", "#"})


def split_of(topic: str) -> str:
    """``tune`` for a topic with an odd number, ``heldout`` for an even one."""
    return "tune" if int(re.sub(r"\D", "", topic) or "0") % 2 == 1 else "heldout"


@dataclass
class Timex:
    start: int
    end: int
    type: str
    value: str
    dct: bool


def _annotated_sentences(root: ET.Element) -> set[str]:
    """The sentences holding at least one markable's token: the corpus (like ECB+) annotated a
    selection of each document's sentences, so the others carry no gold at all."""
    sentence_of = {t.get("t_id", ""): t.get("sentence", "") for t in root.iter("token")}
    markables = root.find("Markables")
    return {sentence_of.get(a.get("t_id", ""), "") for m in (markables if markables is not None else [])
            for a in m.findall("token_anchor")}


def _text_and_offsets(root: ET.Element) -> tuple[str, dict[str, tuple[int, int]]]:
    """The text of the annotated sentences and each of their tokens' character span in it."""
    keep = _annotated_sentences(root)
    parts: list[str] = []
    length = 0
    spans: dict[str, tuple[int, int]] = {}
    sentence: Optional[str] = None
    previous = before = ""
    for token in root.iter("token"):
        word = (token.text or "").strip()
        if not word or token.get("sentence") not in keep:
            continue
        sep = ""
        if sentence is not None:
            if token.get("sentence") != sentence:
                sep = "\n"
            elif not (NO_SPACE_BEFORE.match(word) or previous in NO_SPACE_AFTER or "-" in (word, previous)
                      or (previous == ":" and before.isdigit() and word.isdigit())  # 3: 30 → 3:30
                      or (before.lower() in ("a", "p") and previous == "." and word.lower() == "m")):  # a. m. → a.m.
                sep = " "
        sentence = token.get("sentence")
        parts.append(sep)
        length += len(sep)
        spans[token.get("t_id", "")] = (length, length + len(word))
        parts.append(word)
        length += len(word)
        before, previous = previous, word
    return "".join(parts), spans


def convert(path: Path) -> tuple[str, int]:
    """One CAT XML document as a TimeML string, and the number of expressions in it."""
    root = ET.parse(path).getroot()
    text, spans = _text_and_offsets(root)
    words = {t.get("t_id", ""): (t.text or "").strip() for t in root.iter("token")}
    timexes: list[Timex] = []
    markables = root.find("Markables")
    for m in (markables if markables is not None else []):
        kind = TYPES.get(m.tag)
        ids = [a.get("t_id", "") for a in m.findall("token_anchor")]
        ids = [i for i in ids if i in spans]
        if kind is None or not ids:
            continue
        ids.sort(key=lambda i: spans[i][0])
        while len(ids) > 1 and words[ids[0]].lower() in PREPOSITIONS:
            ids = ids[1:]
        timexes.append(Timex(spans[ids[0]][0], spans[ids[-1]][1], kind, m.get("value", "") or "",
                             m.get("DCT") == "TRUE"))
    timexes.sort(key=lambda t: (t.start, -t.end))
    kept: list[Timex] = []
    for t in timexes:
        if kept and t.start < kept[-1].end:
            continue
        kept.append(t)
    dct = next((t.value for t in kept if t.dct and t.value), None)
    if dct is None:  # some documents mark the date on a markable with no tokens (not in the text)
        dct = next((m.get("value") for m in (markables if markables is not None else [])
                    if m.tag in TYPES and m.get("DCT") == "TRUE" and m.get("value")), None)
    doc_id = path.name.split(".")[0]
    out = [f"<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>{doc_id}</DOCID>\n"]
    if dct:
        out.append(f'<DCT><TIMEX3 tid="t0" type="DATE" value="{html.escape(dct)}" '
                   f'functionInDocument="CREATION_TIME">{html.escape(dct)}</TIMEX3></DCT>\n')
    out.append("<TEXT>")
    pos = 0
    for n, t in enumerate(kept, 1):
        out.append(html.escape(text[pos:t.start], quote=False))
        out.append(f'<TIMEX3 tid="t{n}" type="{t.type}" value="{html.escape(t.value)}">'
                   f"{html.escape(text[t.start:t.end], quote=False)}</TIMEX3>")
        pos = t.end
    out.append(html.escape(text[pos:], quote=False))
    out.append("</TEXT>\n</TimeML>\n")
    return "".join(out), len(kept)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="EventStoryLine annotated_data/v1.5 (one folder per topic)")
    parser.add_argument("out", type=Path, help="output folder (outside the repository)")
    args = parser.parse_args(argv)
    repo = Path(__file__).resolve().parents[2]
    out = args.out.resolve()
    if out == repo or repo in out.parents:
        parser.error("write the converted corpus outside the repository")
    topics = sorted((p for p in args.corpus.iterdir() if p.is_dir()), key=lambda p: int(re.sub(r"\D", "", p.name) or "0"))
    if not topics:
        parser.error(f"{args.corpus}: no topic folders")
    counts: dict[str, list[int]] = {"tune": [0, 0, 0], "heldout": [0, 0, 0]}
    for topic in topics:
        split = split_of(topic.name)
        folder = out / split
        folder.mkdir(parents=True, exist_ok=True)
        counts[split][0] += 1
        for path in sorted(topic.glob("*.xml")):
            tml, n = convert(path)
            (folder / (path.name.split(".")[0] + ".tml")).write_text(tml, encoding="utf-8")
            counts[split][1] += 1
            counts[split][2] += n
    for split, (n_topics, n_docs, n_timex) in counts.items():
        print(f"{split}: {n_topics} topics, {n_docs} documents, {n_timex} expressions -> {out / split}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
