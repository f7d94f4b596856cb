"""The parameter objects of ``storyline.config``: frozen values, one field per knob, whose defaults
are the values the code runs with and whose fields, changed, change what the code does."""

import ast
import dataclasses
from pathlib import Path

import pytest

from storyline import config
from storyline.chronology.settings import Settings
from storyline.clean import clean_html, clean_text
from storyline.config import DEFAULT_CLEAN, CleanParams, DedupRule, TimelineParams
from storyline.dedup import rule as dedup_rule

SRC = Path(__file__).resolve().parents[1] / "src" / "storyline"
SAMPLE_HTML = SRC / "sample" / "corpus" / "html" / "water-ledger-2024-05-14-tribunal-ruling.html"

# An invented page: a menu, the headline, a byline and a date line, two paragraphs with a
# dateline, a share bar and a copyright notice.
PAGE = """Example Tribune · Home · World · Sport · Opinion

Flood waters rise in Torvik

By Anna Roth

March 3, 2024

TORVIK (AP) — Flood waters rose in the harbour district of Torvik on Monday after two days of heavy rain, officials said.

The city opened three shelters and asked residents of the lower streets to leave their homes before nightfall.

Share: Facebook Twitter Email

© 2024 Example Tribune. All rights reserved.
"""

ALL = [CleanParams(), DedupRule(), TimelineParams()]


def reasons(result) -> dict[str, str]:
    return {r.text: r.reason for r in result.removed}


# -- the objects --------------------------------------------------------------------------------

@pytest.mark.parametrize("params", ALL, ids=lambda p: type(p).__name__)
def test_parameter_objects_are_frozen_values(params):
    name = dataclasses.fields(params)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(params, name, getattr(params, name))
    assert params == type(params)()  # a value: equal to another made with the same fields
    assert hash(params) == hash(type(params)())
    changed = dataclasses.replace(params, **{name: getattr(params, name) * 2})
    assert changed != params and getattr(params, name) != getattr(changed, name)


def test_each_object_is_defined_once_and_reexported():
    assert config.DedupRule is dedup_rule.DedupRule and config.DEFAULT_RULE is dedup_rule.DEFAULT_RULE
    assert config.TimelineParams is Settings


@pytest.mark.parametrize("cls, modules", [
    (CleanParams, ["clean"]),
])
def test_every_field_is_read_by_the_code(cls, modules):
    # a knob nobody reads is not one: every field is read as an attribute in the modules it tunes
    read = set()
    for module in modules:
        paths = [SRC / module] if module.endswith(".py") else sorted((SRC / module).glob("*.py"))
        for path in paths:
            read |= {n.attr for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                     if isinstance(n, ast.Attribute)}
    assert [f.name for f in dataclasses.fields(cls) if f.name not in read] == []


def _number(node: ast.AST) -> bool:
    """A number written out: 15, 0.2, -1, 20 * 1024."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (int, float)) and not isinstance(node.value, bool)
    if isinstance(node, ast.UnaryOp):
        return _number(node.operand)
    return isinstance(node, ast.BinOp) and _number(node.left) and _number(node.right)


def _penalty_table(node: ast.AST) -> bool:
    """A table of numbers by line kind ({Reason.X: 30, ...}), as the body region's penalties were."""
    return isinstance(node, ast.Dict) and bool(node.values) and all(_number(v) for v in node.values) and all(
        isinstance(k, ast.Attribute) for k in node.keys)


def test_the_clean_package_keeps_no_tuning_numbers_of_its_own():
    # its lengths, shares and penalties are fields of CleanParams
    paths = sorted((SRC / "clean").glob("*.py"))
    for path in paths:
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
                assert not (_number(node.value) or _penalty_table(node.value)), f"{path.name}:{node.lineno}"


# -- CleanParams: the defaults are the cleaner's, and a changed field changes a decision ------------

def test_the_default_clean_params_are_the_cleaners_defaults():
    default = clean_text(PAGE)
    assert clean_text(PAGE, params=CleanParams()) == default
    assert default.title == "Flood waters rise in Torvik" and default.byline == "Anna Roth"
    assert default.dateline == "TORVIK" and default.source == "AP"
    assert reasons(default)["© 2024 Example Tribune. All rights reserved."] == "copyright"
    assert reasons(default)["Share: Facebook Twitter Email"] == "share"
    assert default.text.startswith("TORVIK (AP) — Flood waters rose") and default.text.endswith("before nightfall.")


def test_a_shorter_copyright_notice_keeps_the_notice_as_text():
    changed = clean_text(PAGE, params=dataclasses.replace(DEFAULT_CLEAN, copyright_max_words=2))
    assert "© 2024 Example Tribune. All rights reserved." not in reasons(changed)
    assert changed.text.endswith("All rights reserved.")


def test_a_longer_sentence_needed_for_prose_leaves_no_article():
    params = dataclasses.replace(DEFAULT_CLEAN, prose_min_words=50, prose_run_words=500, prose_foreign_words=500)
    changed = clean_text(PAGE, params=params)
    assert changed.text == "" and changed.title is None
    assert reasons(changed)["The city opened three shelters and asked residents of the lower streets to leave their "
                            "homes before nightfall."] == "navigation"


def test_title_and_byline_lengths_decide_the_title_and_the_byline():
    short_titles = clean_text(PAGE, params=dataclasses.replace(DEFAULT_CLEAN, title_max_words=3))
    assert short_titles.title is None
    assert reasons(short_titles)["Flood waters rise in Torvik"] == "navigation"
    longer_names = clean_text(PAGE, params=dataclasses.replace(DEFAULT_CLEAN, name_min_words=3))
    assert longer_names.byline is None and longer_names.title == "By Anna Roth"


def test_share_bar_lengths_decide_the_share_bar():
    params = dataclasses.replace(DEFAULT_CLEAN, share_max_words=1, share_min_fields=5)
    assert reasons(clean_text(PAGE, params=params))["Share: Facebook Twitter Email"] == "navigation"


def test_the_penalty_of_a_stray_line_decides_whether_the_body_goes_on_after_it():
    page = PAGE.replace("The city opened", "Live coverage continues\n\nThe city opened")
    shelters = ("The city opened three shelters and asked residents of the lower streets to leave their homes "
                "before nightfall.")
    default = clean_text(page)  # the stray line costs less than the paragraph after it brings
    assert default.text.endswith(shelters) and reasons(default)["Live coverage continues"] == "boilerplate"
    split = clean_text(page, params=dataclasses.replace(DEFAULT_CLEAN, non_prose_penalty=1000))
    assert split.text.endswith("officials said.") and reasons(split)[shelters] == "related"


def test_clean_html_takes_the_params_too():
    html = SAMPLE_HTML.read_text(encoding="utf-8")
    assert clean_html(html).dateline == "LESSING"
    assert clean_html(html, params=dataclasses.replace(DEFAULT_CLEAN, dateline_paragraphs=0)).dateline is None
