"""The store and dedup packages keep their shape: every module says why it exists, no function
grows past 150 lines, their modules import each other without a cycle, the store holds no dedup
logic of its own, and the package has one union-find."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "storyline"
PACKAGES = ["store", "dedup"]
MAX_FUNCTION_LINES = 150


def modules(package: str) -> dict[str, ast.Module]:
    return {path.stem: ast.parse(path.read_text(encoding="utf-8")) for path in sorted((SRC / package).glob("*.py"))}


@pytest.mark.parametrize("package", PACKAGES)
def test_every_module_says_why_it_exists_and_no_function_is_too_long(package):
    for name, tree in modules(package).items():
        assert ast.get_docstring(tree), f"{package}/{name}.py"
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                assert length <= MAX_FUNCTION_LINES, f"{package}/{name}.py: {node.name} has {length} lines"


@pytest.mark.parametrize("package", PACKAGES)
def test_the_modules_import_each_other_without_a_cycle(package):
    graph: dict[str, set[str]] = {}
    for name, tree in modules(package).items():
        graph[name] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                graph[name] |= {node.module.split(".")[0]} if node.module else {a.name for a in node.names}
        graph[name].discard(name)
    assert "__init__" not in set().union(*graph.values())  # a module never imports its own package
    state: dict[str, str] = {}

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert state.get(name) != "open", " -> ".join(path + (name,))
        if state.get(name) == "done":
            return
        state[name] = "open"
        for target in graph[name]:
            visit(target, path + (name,))
        state[name] = "done"

    for name in graph:
        visit(name, ())


def test_the_store_judges_nothing_and_there_is_one_union_find():
    # the store persists and queries: it neither judges pairs, nor joins sets, nor reads thresholds
    for name, tree in modules("store").items():
        names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        attributes = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        assert not {"UnionFind", "compare", "DedupRule"} & (names | attributes), f"store/{name}.py"
    # a union-find is a class with find and union: only storyline.unionfind has one
    owners = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                methods = {m.name for m in node.body if isinstance(m, ast.FunctionDef)}
                if {"find", "union"} <= methods:
                    owners.append(f"{path.relative_to(SRC)}:{node.name}")
    assert owners == ["unionfind.py:UnionFind"]
