"""The keyword gates of the clean patterns answer exactly as the bare patterns."""

from pathlib import Path

import storyline.clean.patterns as clean_patterns

GATED_POSITIVES = [
    "Copyright 2031 Amsel Media Group", "© Kessel Courier", "All rights reserved.",
    "This material may not be published, broadcast, rewritten or redistributed.",
    "Lena Hartmann contributed reporting for this article.", "Additional reporting by Jonas Pirel",
    "Writing by Mara Osk; editing by Ivo Brand", "Compiled by the newsroom",
    "By subscribing you agree to our terms", "Subscribe now", "Already a subscriber? Log in",
    "Become a member today", "Support independent journalism", "Sign up for our daily newsletter",
    "Get our morning newsletter", "Unlimited digital access for 1 euro", "To continue reading, log in",
    "You can help us", "Make a contribution", "Donate now", "Sign in to read the full story",
    "Start your free trial",
    "Comments", "12 comments", "[ 3 Comments ]", "Leave a reply", "View all 40 responses",
    "Join the conversation", "Discuss this article", "river_watcher says:",
    "Mara Osk on March 3, 2031 at 10:14 pm said:",
    "Photo: Lena Hartmann / Kessel Courier", "Image courtesy of the ministry", "Credit: Jonas Pirel",
    "AP Photo/Ivo Brand", "Jonas Pirel / AFP", "REUTERS/Mara Osk", "Getty Images", "Shutterstock",
    "Courtesy of the Amsel Basin Authority", "File photo", "Reuters Photos",
    "Ministers, second from left, sign the accord", "Mara Osk, third from right, at the weir", "The delegations (L-R) at the signing",
    "FILE - A dam on the Amsel river", "In this file photo, the river runs low",
    "Image caption The new sluice gates",
    "Facebook: 12 Twitter: 4 Email: 2", "Share on LinkedIn: Kessel weir", "whatsapp : send",
]


def test_keyword_gates_never_hide_a_match(sample_dir):
    """The gated line patterns skip text without any of their keys; on every line of the
    sample corpus, of the clean tests and of the positives above, they answer as the bare pattern."""
    gated = {name: obj for name, obj in vars(clean_patterns).items() if isinstance(obj, clean_patterns.Gated)}
    assert len(gated) >= 5
    lines = list(GATED_POSITIVES)
    for path in sorted(Path(__file__).parent.glob("*.py")):
        lines += path.read_text(encoding="utf-8").splitlines()
    for path in sorted(sample_dir.rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".html", ".jsonl"):
            lines += path.read_text(encoding="utf-8", errors="replace").splitlines()
    lines += [line.upper() for line in GATED_POSITIVES]
    # letters an ignore-case pattern takes for "i" that casefolding leaves apart
    lines += [line.replace("i", odd) for line in GATED_POSITIVES for odd in ("\u0131", "\u0130")]
    hits = 0
    for name, gate in gated.items():
        for line in lines:
            for probe in (line, line.lower().strip(" :»›>")):
                expect = gate.pattern.search(probe) is not None
                hits += expect
                assert (gate.search(probe) is not None) == expect, (name, probe)
                assert (gate.match(probe) is not None) == (gate.pattern.match(probe) is not None), (name, probe)
                # the line casefolded once for all its patterns holds every key its stripped form holds
                assert (gate.search(probe, line.casefold()) is not None) == expect, (name, probe)
                assert gate.findall(probe, line.casefold()) == gate.pattern.findall(probe), (name, probe)
    for line in GATED_POSITIVES:
        assert any(gate.pattern.search(line) for gate in gated.values()), line
    assert hits >= len(GATED_POSITIVES)


def test_space_runs_are_the_runs_of_any_space_character():
    """``SPACES`` leaves a single plain space alone and otherwise replaces the same runs as a
    class of every space character would: every string of up to six of these characters."""
    import itertools
    import re

    every_space = re.compile("[ \t\f\v\u00a0\u2007\u202f\u2000-\u200a\u3000]+")
    alphabet = ["a", " ", "\t", "\u00a0", "\u3000", "\n"]
    for size in range(1, 7):
        for chars in itertools.product(alphabet, repeat=size):
            text = "".join(chars)
            assert clean_patterns.SPACES.sub(" ", text) == every_space.sub(" ", text), repr(text)


def _probe_lines(sample_dir) -> list[str]:
    lines = list(GATED_POSITIVES) + [line.upper() for line in GATED_POSITIVES]
    lines += ["Updated: yesterday", "JONAS PELL, Nordwire", "来源：新华社", "By Lena Hartmann", "Source: AFP",
              "Posted by Mara Osk", "this story first appeared in Kessel Courier", "gestern", "• Kessel", "2031"]
    for path in sorted(Path(__file__).parent.glob("*.py")):
        lines += path.read_text(encoding="utf-8").splitlines()
    for path in sorted(sample_dir.rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".html", ".jsonl"):
            lines += path.read_text(encoding="utf-8", errors="replace").splitlines()
    return lines


def test_the_comment_head_split_answers_as_one_pattern(sample_dir):
    """A comments label or a reader's comment head: the two patterns (the second tried only on a
    line with a colon) answer as their alternatives joined in one pattern."""
    import re

    from storyline.clean.patterns import COMMENT_AUTHOR, COMMENTS

    joined = re.compile(f"{COMMENTS.pattern.pattern}|{COMMENT_AUTHOR.pattern.pattern}", re.I)
    hits = 0
    for line in _probe_lines(sample_dir):
        probe = line.lower().strip(" :»›>")
        expect = joined.match(probe) is not None
        hits += expect
        assert (COMMENTS.match(probe, line.casefold()) is not None
                or (":" in probe and COMMENT_AUTHOR.match(probe, line.casefold()) is not None)) == expect, line
    assert hits >= 8


def test_the_header_line_gate_answers_as_one_search(sample_dir):
    """``may_be_meta``: a search for the characters and a match at the start answer as one search
    of their alternatives (those of the start anchored)."""
    import re

    from storyline.clean.metadata import MAY_BE_META_ANYWHERE, MAY_BE_META_START, may_be_meta

    joined = re.compile(f"{MAY_BE_META_ANYWHERE.pattern}|^(?:{MAY_BE_META_START.pattern})", re.I)
    hits = 0
    for line in _probe_lines(sample_dir):
        for probe in (line, line.strip(), line.lower()):
            expect = joined.search(probe) is not None
            hits += expect
            assert may_be_meta(probe) == expect, probe
    assert hits >= 20
