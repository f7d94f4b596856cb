"""Shared pieces of the clean tests: an invented article body, page builders and the
invariants every clean result keeps."""

from storyline.clean import REASONS
from storyline.clean.reasons import LINE_MODEL_REASON

BODY = [
    "The governments of Veldra and Ostmark agreed on Tuesday to share the waters of the "
    "Amsel river for thirty years, ending a quarrel that had lasted a generation.",
    "The accord was signed in the border town of Kessel after four years of talks that "
    "stalled twice over the size of a planned dam.",
    "\u201cThis is a good day for both our peoples,\u201d said the Veldran foreign minister, "
    "Jonas Pirel, after the ceremony.",
    "Farmers on both banks have complained for years that the river runs dry in late summer, "
    "and the new accord sets out how much water each side may take in a dry year.",
    "The accord must still be ratified by both parliaments, which are expected to vote on it "
    "before the summer recess.",
]


def page(*blocks: str) -> str:
    """A plain-text page: blocks separated by blank lines."""
    return "\n\n".join(blocks)


def paragraphs(result) -> list[str]:
    return result.text.split("\n\n") if result.text else []


def reasons(result) -> dict[str, str]:
    return {r.text: r.reason for r in result.removed}


def check_invariants(result) -> None:
    """Every removed block has a documented reason (one of the rules' or the line model's) and
    none of it is left in the text.

    A ``repeated`` block is the second copy of something kept, so only it may match the body.
    """
    assert all(r.reason in REASONS or r.reason.startswith(LINE_MODEL_REASON) for r in result.removed)
    assert result.text == result.text.strip()
    assert "\n\n\n" not in result.text
    body = paragraphs(result)
    for p in body:
        assert p == p.strip() and "\n" not in p
    assert len(body) == len(set(body))
    for r in result.removed:
        if r.reason == "repeated":
            continue
        assert r.text not in body
        if len(r.text) >= 30:
            assert r.text not in result.text
