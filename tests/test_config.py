"""The parameter objects of ``storyline.config``: frozen values, one field per knob, whose defaults
are the values the code runs with and whose fields, changed, change what the code does."""

import ast
import dataclasses
from pathlib import Path

import pytest

import storyline.store as store_module
from storyline import config, ingest, pipeline
from storyline.chronology.settings import FEATURES, FeatureParams, Settings
from storyline.clean import clean_html, clean_text
from storyline.config import (DEFAULT_BUDGET, DEFAULT_BUILD, DEFAULT_CLEAN, Budget, BuildOptions, CleanParams,
                              DedupRule, TimelineParams)
from storyline.dedup import rule as dedup_rule
from storyline.store import Store

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

ALL = [CleanParams(), DedupRule(), TimelineParams(), FeatureParams(), Budget(), BuildOptions()]


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
    assert config.FeatureParams is FeatureParams and config.DEFAULT_FEATURES is FEATURES
    assert pipeline.Budget is Budget and pipeline.DEFAULT_BUDGET is DEFAULT_BUDGET
    assert DEFAULT_BUILD.budget is DEFAULT_BUDGET
    # the names the command line and the API read their defaults under are the options' values
    assert pipeline.BATCH_SIZE == DEFAULT_BUILD.batch_size
    assert ingest.DEFAULT_MAX_BYTES == DEFAULT_BUILD.max_bytes


@pytest.mark.parametrize("cls, modules", [
    (CleanParams, ["clean"]),
    (BuildOptions, ["pipeline.py", "ingest.py", "store", "engine"]),
    (Budget, ["pipeline.py"]),
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


def test_the_clean_package_and_the_build_keep_no_tuning_numbers_of_their_own():
    # their lengths, shares, penalties and sizes are fields of CleanParams and BuildOptions
    paths = sorted((SRC / "clean").glob("*.py")) + [SRC / "pipeline.py", SRC / "ingest.py"]
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


# -- BuildOptions: the defaults are the build's, and a changed field takes effect --------------------

@pytest.fixture
def three_files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n, place in enumerate(["Torvik", "Halvberg", "Lessing"]):
        body = PAGE.replace("Torvik", place).replace("March 3", f"March {n + 3}")
        (folder / f"{n}.txt").write_text(body + f"\nA third paragraph says the river at {place} rose {n + 1} metres "
                                                "overnight, more than at any time this century.\n", encoding="utf-8")
    return folder


@pytest.fixture
def saves(monkeypatch):
    """The size of every batch a build stores, and the groups' load size it regroups with."""
    seen = {"batches": [], "per_load": []}
    save, update = Store.save, Store.update_groups

    def counting_save(self, batch, *versions):
        batch = list(batch)
        seen["batches"].append(len(batch))
        return save(self, batch, *versions)

    def recording_update(self, per_load=None):
        seen["per_load"].append(per_load)
        return update(self, per_load)

    monkeypatch.setattr(store_module.Store, "save", counting_save)
    monkeypatch.setattr(store_module.Store, "update_groups", recording_update)
    return seen


def test_a_build_runs_by_the_default_options(three_files, tmp_path, saves):
    report = pipeline.build([three_files], db=tmp_path / "a.db")
    assert report.added == 3 and not report.errors
    assert saves["batches"] == [3] and saves["per_load"] == [DEFAULT_BUILD.regroup_documents]


def test_a_build_takes_its_batch_size_and_regroup_size_from_the_options(three_files, tmp_path, saves):
    report = pipeline.build([three_files], db=tmp_path / "b.db", options=BuildOptions(batch_size=2, regroup_documents=7))
    assert report.added == 3
    assert saves["batches"] == [2, 1] and saves["per_load"] == [7]


def test_a_keyword_given_to_build_wins_over_the_options(three_files, tmp_path, saves):
    pipeline.build([three_files], db=tmp_path / "c.db", batch_size=1, options=BuildOptions(batch_size=2))
    assert saves["batches"] == [1, 1, 1]


def test_a_build_takes_its_size_limit_and_budget_from_the_options(three_files, tmp_path):
    small = pipeline.build([three_files], db=tmp_path / "d.db", options=BuildOptions(max_bytes=100))
    assert small.added == 0 and len(small.errors) == 3
    assert all("file too large" in e.reason and "the limit is 0.0 MB" in e.reason for e in small.errors)

    # the line analysis reads page_factor times max_chars of the page; the text kept is cut at max_chars
    for budget, reason in [(Budget(max_chars=150), "past the budget of 300 characters of page text per document"),
                           (Budget(max_chars=150, page_factor=100),
                            "past the budget of 150 characters of text per document")]:
        db = tmp_path / f"{budget.page_factor}.db"
        assert pipeline.build([three_files], db=db, options=BuildOptions(budget=budget)).added == 3
        with Store(db) as store:
            for doc in store.documents():
                assert len(doc.text) <= 150
                assert [r.reason for r in doc.removed if "budget" in r.reason] == [reason]


def test_ingest_reads_its_size_limit_from_the_options(three_files):
    path = sorted(three_files.iterdir())[0]
    assert isinstance(next(ingest.read_file(path)), ingest.RawDocument)
    refused = next(ingest.read_file(path, options=BuildOptions(max_bytes=100)))
    assert isinstance(refused, ingest.IngestError) and "the limit is 0.0 MB per document" in refused.reason
    assert isinstance(next(ingest.read_file(path, 10_000, options=BuildOptions(max_bytes=100))), ingest.RawDocument)


def test_in_memory_runs_share_documents_out_among_the_options_workers(three_files):
    raws = [r for r in ingest.read([three_files]) if isinstance(r, ingest.RawDocument)]
    alone = pipeline.process_all(raws)
    apart = pipeline.process_all(raws, options=BuildOptions(workers=2, parallel_min_documents=1))
    assert sorted(d.text for d in apart) == sorted(d.text for d in alone) and len(alone) == 3
    assert pipeline.parallel_chunks(160, BuildOptions(workers=2)) == 10
    assert pipeline.parallel_chunks(160, BuildOptions(workers=2, chunks_per_worker=1)) == 80
    cut = pipeline.process_all(raws, options=BuildOptions(budget=Budget(max_chars=150)))
    assert all(len(d.text) <= 150 for d in cut)


def test_with_given_replaces_only_the_fields_given():
    options = BuildOptions(batch_size=4)
    assert options.with_given() is options
    assert options.with_given(batch_size=None, max_bytes=None) is options
    assert options.with_given(batch_size=8) == BuildOptions(batch_size=8)
