"""Quoted spans and reporting clauses joined into quotes.

A reporting clause whose content overlaps a quoted span takes that span in whole (a mixed quote:
"X said the plan was 'dead on arrival'" is direct), less a remark of the writer's after its last
quotation (also one that the quotation's own comma sets off: "... the “Kessel loophole,” which
lets ...") and less what comes before a colon opening a quotation it attributes from after. A quoted span left over is attributed to the
reporting clause right beside it ("“...,” she said", "He said: “...”", also one reporting on
after it: "“...,” Lee said before adding: “...”"); a quotation interrupted by
its attribution ("“...,” she said, “...”") is one quote. A quotation standing alone right after an
attributed one (the next sentence or paragraph of the same speech) keeps that speaker, as a quote
of its own when a whole sentence of the writer's stands between them ("“...,” Lee said. Reyes
nodded. “...”"); a short
quoted phrase with no attribution (a title, a scare quote) is no quote, nor is one after a comma
that a clause of any verb opens ("the play, “Lanterns.”"); a quotation as long as a sentence is
someone's words wherever it stands (in the same paragraph soon after an attributed one, that
speaker's). A reported clause goes on to a quotation ending its sentence when no other cue stands
between them ("said he would win, so he could pass “the strongest agenda.”"). A direct quote whose
cue lies inside what another direct quote reports is part of that one ("X said she thought Y had
“...”": X's), unless its clause is a relative one or joined by a conjunction.
"""

from __future__ import annotations

import bisect
import re
from typing import Optional

from ..config import DEFAULT_QUOTES, QuoteParams
from ..model import Quote, Sentence, TextSpan
from .attribution import Clause
from .marks import Quoted
from .speakers import Names, speaker

_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_SENTENCE_END = re.compile(r"[.!?]\s")
# A clause that ends its paragraph with a colon introduces the quotation opening the next one
# ("She went on to say:" / "“...”").
_INTRODUCES = re.compile(r":\s*\n\s*")
# A name's colon before a quotation, past a party and state in brackets or a last word the
# recognizer left out ("Rep. Ann Lee (D-Ore.): “...”"); the quotation may open the next paragraph.
_COLON = re.compile(r"[ \t]*(?:\([^()\n]{1,30}\)|[A-Z][\w.'’-]*)?[ \t]*(:)\s*")
# Where a reported clause's own words end after its last quotation: a remark of the writer's set
# off by a comma and an article or "which" ("said the vote was “rigged,” a charge ...", "...,
# which raised concerns") or by a dash that no second dash closes ("... “insiders” — and he
# singled out ...", "... “showbiz” feel - except that ..."); not a list or a place ("Iran,
# Russia", "Washington, D.C.").
_AFTER_QUOTE = re.compile(r",\s+(?:an?|which)\s|\s[-–—]+\s(?!.*\s[-–—]+\s)", re.DOTALL)
_DASH = re.compile(r"\s[-–—]+\s")
# The same remark after a quotation whose own comma, inside its closing mark, sets it off ("...
# what some call the “Kessel loophole,” which allows ...", "... “out of business,” while trying ...").
_COMMA_CLOSED = re.compile(r",[’'\"”]+$")
_REMARK = re.compile(r"\s+(?:an?|which|while)\s")
# A quotation ends its sentence: a stop after it, or one inside it before its closing mark and a new
# sentence or paragraph after.
_ENDS_SENTENCE = re.compile(r"[)\]]?[.!?](?:\s|$)")
_ENDS_INSIDE = re.compile(r"[.!?][’'\"”]*$")
_NEXT_SENTENCE = re.compile(r"\s*(?:$|\n|[A-Z“\"])")
# A quotation closed by a comma, a question or an exclamation: what follows attributes it.
_HANDS_ON = re.compile(r"[,?!][’'\"”]+$")
# A stop that ends a title or an initial, not a sentence ("Rep. Ann Lee", "Lt. Tom Reyes", "P. Lee").
_TITLE_STOP = re.compile(r"\b[A-Z][a-z]{0,3}\.\s+$")


# A quote found: its span, whether direct, the clause attributing it and the clause whose speaker it
# continues (for a quotation that goes on from an attributed one).
_Found = tuple[tuple[int, int], bool, Optional[Clause], Optional[Clause]]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _extent(clause: Clause) -> tuple[int, int]:
    """Where the reporting clause's cue and speaker lie."""
    spans = [clause.cue] + ([clause.speaker] if clause.speaker else [])
    return min(s[0] for s in spans), max(s[1] for s in spans)


def _gap_ok(text: str, start: int, end: int, gap_words: int) -> bool:
    """Whether a quotation and a reporting clause are beside each other: a few words at most
    between them (``gap_words``: "“...,” the senator from Ohio said" has the speaker between, this
    is what is left over), no line break (some texts break paragraphs with one) and no sentence end."""
    if end < start:
        return False
    gap = text[start:end]
    return "\n" not in gap and len(_WORDS.findall(gap)) <= gap_words and not _SENTENCE_END.search(gap + " ")


def _beside(text: str, q: Quoted, clauses: list[Clause],
            gap_words: int) -> tuple[Optional[Clause], Optional[Clause]]:
    """The reporting clauses right after and right before a quotation (each None when there is none)."""
    after = before = None
    for c in clauses:
        lo, hi = _extent(c)
        if lo >= q.end and after is None and _gap_ok(text, q.end, lo, gap_words):
            after = c
        if hi < c.reach <= q.start and c.content is None and text[c.reach:q.start].strip() in (",", ":"):
            hi = q.start  # "X told reporters on Monday, “...”"
        if hi <= q.start and (_gap_ok(text, hi, q.start, gap_words) and not text[hi:q.start].strip(" ,").endswith(".")
                              or _INTRODUCES.fullmatch(text, hi, q.start)):
            before = c
    return after, before


def _introducer(text: str, q: Quoted, clauses: list[Clause], starts: list[int], since: int) -> Optional[Clause]:
    """The last reporting clause with a speaker in the sentence right before a quotation that
    opens a sentence, after ``since`` (the last attributed quotation): in the same paragraph, or
    ending the paragraph before when the clause reports nothing of its own ("Smith agreed.")."""
    sentence = bisect.bisect_right(starts, q.start) - 1
    found = [c for c in clauses if c.sentence == sentence - 1 and c.speaker is not None and c.cue[0] >= since
             and c.cue[1] <= q.start and (c.content is None or "\n" not in text[c.cue[1]:q.start])]
    outer = _outermost(found)
    return max(outer or found, key=lambda c: c.cue[0]) if found else None


def _latest_speaker(clauses: list[Clause], since: int, at: int) -> Optional[Clause]:
    """The last reporting clause with a speaker between the last attributed quotation (ending at
    ``since``) and a quotation that goes on with no attribution of its own at ``at``: a newer
    speaker than that quotation's ("“...,” Lee said. / Carter said that ... . / “...”": Carter)."""
    found = _outermost([c for c in clauses if c.speaker is not None and since <= c.cue[0] and c.cue[1] <= at])
    return max(found, key=lambda c: c.cue[0]) if found else None


def _narrated_between(text: str, starts: list[int], after: int, at: int) -> bool:
    """Whether a whole sentence of the writer's stands between a quotation and its attribution
    (ending at ``after``) and a quotation opening a sentence at ``at`` ("“...,” Lee said, pointing
    at the map. Reyes nodded. “...”"): the second is not the first one's next sentence, so the two
    are not one span. A stop after a title or an initial ("Rep.", "Lt.", "P.") ends no sentence."""
    return any(not _TITLE_STOP.search(text, max(0, s - 8), s) for s in starts if after < s < at)


def _reports_after(text: str, clause: Clause, q: Quoted, fewest: int) -> bool:
    """Whether a reporting clause right after a quotation that a comma, a question or an
    exclamation closes, whose own content lies after its cue and speaker, speaks that quotation
    too ("“...,” Lee said before adding: “...”"): the clause attributes both. A quotation of fewer
    than ``fewest`` words is a title ("On “Morning Rounds,” Lee said ...")."""
    return clause.content is not None and clause.content[0] >= _extent(clause)[1] and _extent(clause)[0] >= q.end \
        and _HANDS_ON.search(text, q.start, q.end) is not None and len(_WORDS.findall(text[q.start:q.end])) >= fewest


def _outermost(found: list[Clause]) -> list[Clause]:
    """The clauses whose cue is not inside what another of them reports ("Smith added that the
    council wants out": Smith's)."""
    return [c for c in found if not any(d.content and d.content[0] <= c.cue[0] < d.content[1] for d in found)]


def _goes_on_to(text: str, q: Quoted, out: list[_Found], clauses: list[Clause]) -> int:
    """The index in ``out`` of a reported clause (no quotation in it) that ends before a quotation
    ending the same sentence with no cue between them: what it reports goes on to the quotation
    ("said he would win, so he could pass “the strongest agenda.”"); -1 when there is none."""
    if not _ENDS_SENTENCE.match(text, q.end) and not (_ENDS_INSIDE.search(text, q.start, q.end)
                                                      and _NEXT_SENTENCE.match(text, q.end)):
        return -1  # the quotation does not end its sentence
    for i in range(len(out) - 1, -1, -1):
        (start, end), direct, clause, _ = out[i]
        if clause is None or end > q.start:
            continue
        between = text[end:q.start]
        if direct or "\n" in between or _SENTENCE_END.search(between + " ") or any(end <= c.cue[0] < q.start for c in clauses):
            return -1
        return i
    return -1


def _named_before_colon(text: str, q: Quoted, names: Names, starts: list[int]) -> Optional[Clause]:
    """A name and a colon right before a quotation ("Smith: “...”", "- the Post: “...”") read as a
    reporting clause whose cue is the colon."""
    found = names.before(q.start, ("PERSON", "ORG", "NORP", "GPE"))
    colon = _COLON.fullmatch(text, found.end, q.start) if found is not None else None
    if found is None or colon is None:
        return None
    at = found.end + colon.start(1) - colon.start()
    return Clause((at, at + 1), ":", (found.start, found.end), found.text.split()[-1], None,
                  max(0, bisect.bisect_right(starts, at) - 1), proper=True)


def _names_after(text: str, named: Clause, clause: Clause) -> bool:
    """Whether a name with a colon before a quotation comes after a clause's cue and a dash (and so
    speaks the quotation rather than that clause's subject: "Polls were early - Ann Lee: “...”";
    not "she told Fox News: “...”")."""
    return named.speaker is not None and named.speaker[0] >= clause.cue[1] \
        and _DASH.search(text, clause.cue[1], named.speaker[0] + 1) is not None


def _yield_to_names(text: str, quoted: list[Quoted], clauses: list[Clause], names: Names, starts: list[int]) -> None:
    """A clause whose content runs into a quotation that a name and a colon after the cue
    introduce ("Polls were early - Ann Lee: “...”") reports only what comes before the name: the
    quotation is the name's."""
    for c in clauses:
        for q in quoted:
            if c.content is None or not _overlaps(c.content, (q.start, q.end)):
                continue
            named = _named_before_colon(text, q, names, starts)
            if named is None or named.speaker is None or not _names_after(text, named, c):
                continue
            start, end = c.content[0], named.speaker[0]
            while end > start and text[end - 1] in " \t\n,;:—–-":
                end -= 1
            c.content = (start, end) if end > start else None


def _own_words(text: str, span: tuple[int, int], last: int) -> tuple[int, int]:
    """A reported clause's content ``span`` that holds quotations up to ``last`` (the end of the
    last one), less a remark set off by a comma or a dash after that quotation."""
    if last < span[1] and _comma_closed(text, last) and _REMARK.match(text, last, span[1]):
        return (span[0], last)
    cut = _AFTER_QUOTE.search(text, last, span[1]) if last < span[1] else None
    if cut is None or cut.group().strip(", ") and _DASH.search(text, span[0], last):
        return span  # a dash closing one before the quotation: an aside
    return (span[0], cut.start())


def _comma_closed(text: str, end: int) -> bool:
    """Whether the quotation ending at ``end`` closes on a comma inside its mark ("“...,”")."""
    return _COMMA_CLOSED.search(text, max(0, end - 4), end) is not None


def _opened_by_colon(text: str, span: tuple[int, int], q: Quoted, clause: Clause) -> bool:
    """Whether a clause reporting a quotation after it ("“...,” she said") has a content that runs
    back over a colon opening the quotation ("X argued that ...: “...,” she said"): what comes
    before the colon is not what she said."""
    colon = text.rfind(":", span[0], q.start)
    return clause.cue[0] >= q.end and colon > span[0] and not text[colon + 1:q.start].strip()


def _reported_inside(out: list[_Found]) -> set[int]:
    """Indexes in ``out`` of direct quotes whose cue lies inside what another direct quote reports
    ("X said she thought Y had “made it up”": what she thought is part of what X said, one
    attribution), unless the cue's clause stands beside that report (a relative clause or one
    joined by a conjunction: "said X, which he called “...”")."""
    inner = set()
    for k, (span, direct, clause, _) in enumerate(out):
        if not direct or clause is None or clause.beside:
            continue
        for j, (outer, outer_direct, other, _) in enumerate(out):
            if j != k and outer_direct and other is not clause and outer[0] <= span[0] and span[1] <= outer[1] \
                    and outer != span and outer[0] <= clause.cue[0] < outer[1]:
                inner.add(k)
                break
    return inner


def _quote(text: str, span: tuple[int, int], direct: bool, clause: Optional[Clause], names: Names,
           starts: list[int], speaker_of: Optional[Clause] = None) -> Quote:
    """A Quote over ``span`` attributed by ``clause`` (or, for a continued quotation, only the
    speaker of ``speaker_of``)."""
    source = clause or speaker_of
    who = None
    if source is not None and source.speaker is not None:
        who = speaker(text, source.speaker[0], source.speaker[1], source.head, names, source.proper)
    cue = TextSpan(clause.cue[0], clause.cue[1], text[clause.cue[0]:clause.cue[1]]) if clause else None
    return Quote(span[0], span[1], text[span[0]:span[1]], direct, cue=cue, speaker=who,
                 sentence=max(0, bisect.bisect_right(starts, span[0]) - 1))


def join(text: str, sentences: list[Sentence], quoted: list[Quoted], clauses: list[Clause],
         names: Names, params: QuoteParams = DEFAULT_QUOTES, left: Optional[list[Quoted]] = None) -> list[Quote]:
    """Quotes of ``text`` from its quoted spans and reporting clauses, in text order; the quoted
    spans that are no quote by these rules (a short phrase with no attribution) go to ``left``."""
    starts = [s.start for s in sentences]
    opening = set(starts)  # a quotation that opens a sentence may continue an attributed one
    out: list[_Found] = []
    absorbed: dict[int, int] = {}  # a quoted span taken by a clause's content → index in out
    pending: dict[int, int] = {}  # id of a clause → index in out of the quotation it attributes
    inside = [(q.start, q.end) for q in quoted if q.closed]
    clauses = [c for c in clauses if not any(s <= c.cue[0] and c.cue[1] <= e for s, e in inside)]
    _yield_to_names(text, quoted, clauses, names, starts)
    for c in clauses:
        if c.content is None:
            continue
        span, direct, last_end = c.content, False, 0
        for k, q in enumerate(quoted):
            if not _overlaps(span, (q.start, q.end)):
                continue
            if _opened_by_colon(text, span, q, c):
                span = (q.start, span[1])
            span, direct, last_end = (min(span[0], q.start), max(span[1], q.end)), True, q.end
            absorbed[k] = len(out)
        if direct:
            span = _own_words(text, span, last_end)
        out.append((span, direct, c, None))
        pending[id(c)] = len(out) - 1
    last: Optional[tuple[int, Clause, int]] = None  # the last attributed quotation: end, clause, index in out
    for k, q in enumerate(quoted):
        if k in absorbed:
            i = absorbed[k]
            clause = out[i][2]
            assert clause is not None
            last = (out[i][0][1], clause, i)
            continue
        after, before = _beside(text, q, clauses, params.gap_words)
        if before is not None and id(before) in pending:  # "“...,” she said, “...”": one quotation
            i = pending.pop(id(before))
            out[i] = ((out[i][0][0], q.end), True, before, None)
            last = (q.end, before, i)
            continue
        i = pending.get(id(after), -1) if after is not None and after.content is not None else -1
        if after is not None and i >= 0 and out[i][1] and q.start in opening and _extent(after)[1] <= out[i][0][0] \
                and _gap_ok(text, _extent(after)[1], out[i][0][0], 0):
            # "“...,” she said, “...”" with the second half read as what she said: one quotation
            out[i] = ((q.start, out[i][0][1]), True, after, None)
            last = (out[i][0][1], after, i)
            continue
        if after is not None and after.content is not None and not _reports_after(text, after, q, params.standalone_words):
            after = None
        if before is not None and before.content is not None:
            before = None
        if before is not None and before.speech_only and len(_WORDS.findall(text[q.start:q.end])) < params.standalone_words:
            before = None
        if before is not None and after is None and (named := _named_before_colon(text, q, names, starts)) is not None \
                and _names_after(text, named, before):
            before = named  # "Polls were early - Ann Lee: “...”", "Continued Stone: “...”"
        clause = after or before
        if clause is not None:
            out.append(((q.start, q.end), True, clause, None))
            if clause is after:
                pending[id(clause)] = len(out) - 1
            last = (q.end, clause, len(out) - 1)
        elif (named := _named_before_colon(text, q, names, starts)) is not None:
            out.append(((q.start, q.end), True, named, None))
            last = (q.end, named, len(out) - 1)
        elif (i := _goes_on_to(text, q, out, clauses)) >= 0:
            # "He said he would win, so he could pass “the strongest agenda.”": the report goes on
            reporting = out[i][2]
            assert reporting is not None
            out[i] = ((out[i][0][0], q.end), True, reporting, None)
            last = (q.end, reporting, i)
        elif q.start in opening and (intro := _introducer(text, q, clauses, starts, last[0] if last else 0)):
            # "Smith agreed. “...”" / "He says ... . “...”": the sentence before, new since the last quotation
            i = pending.get(id(intro), -1)
            if i >= 0:  # a reported clause goes on in quotation marks
                out[i] = ((out[i][0][0], q.end), True, intro, None)
            else:
                out.append(((q.start, q.end), True, intro, None))
                i = len(out) - 1
            last = (q.end, intro, i)
        elif last is not None and q.start in opening and "\n" not in text[last[0]:q.start] \
                and not _narrated_between(text, starts, max(last[0], last[1].cue[1]), q.start):
            # "“...,” she said. “...”": the paragraph goes on with the same speech
            i = last[2]
            out[i] = ((out[i][0][0], q.end), True) + out[i][2:]
            last = (q.end, last[1], i)
        elif last is not None and q.start in opening and "\n" not in text[last[0]:q.start]:
            # "“...,” Lee said, pointing at the map. Reyes nodded. “...”": the same speaker, a quote of its own
            out.append(((q.start, q.end), True, None, last[1]))
            last = (q.end, last[1], len(out) - 1)
        elif last is not None and q.start - last[0] <= params.continues_within and q.start in opening:
            speaking = _latest_speaker(clauses, last[0], q.start) or last[1]
            out.append(((q.start, q.end), True, None, speaking))
            last = (q.end, speaking, len(out) - 1)
        elif len(_WORDS.findall(text[q.start:q.end])) >= (params.standalone_words if q.start in opening
                                                          else params.sentence_words):
            same = last is not None and q.start - last[0] <= params.continues_within and "\n" not in text[last[0]:q.start]
            out.append(((q.start, q.end), True, None,
                        (_latest_speaker(clauses, last[0], q.start) or last[1]) if same and last else None))
        elif left is not None:
            left.append(q)
    inner = _reported_inside(out)
    quotes = [_quote(text, span, direct, clause, names, starts, speaker_of)
              for k, (span, direct, clause, speaker_of) in enumerate(out) if span[1] > span[0] and k not in inner]
    return sorted(quotes, key=lambda q: (q.start, q.end))
