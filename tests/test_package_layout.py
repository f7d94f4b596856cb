"""The timex and clean packages keep their shape: every module says why it exists, no
function grows past 150 lines, and the modules import each other without a cycle."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "storyline"
PACKAGES = ["timex", "clean"]
MAX_FUNCTION_LINES = 150


def modules(package: str) -> dict[str, ast.Module]:
    return {path.stem: ast.parse(path.read_text(encoding="utf-8"))
            for path in sorted((SRC / package).glob("*.py"))}


def sibling_imports(tree: ast.Module) -> set[str]:
    """The modules of the same package a module imports (``from .x import``, ``from . import x``)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found |= {alias.name for alias in node.names}
    return found


@pytest.mark.parametrize("package", PACKAGES)
def test_every_module_has_a_docstring(package):
    for name, tree in modules(package).items():
        assert ast.get_docstring(tree), f"{package}/{name}.py"


@pytest.mark.parametrize("package", PACKAGES)
def test_no_function_is_longer_than_the_limit(package):
    for name, tree in modules(package).items():
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                assert length <= MAX_FUNCTION_LINES, f"{package}/{name}.py: {node.name} has {length} lines"


@pytest.mark.parametrize("package", PACKAGES)
def test_the_modules_import_each_other_without_a_cycle(package):
    graph = {name: sibling_imports(tree) - {name} for name, tree in modules(package).items()}
    assert all(target in graph for targets in graph.values() for target in targets)
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, " -> ".join(path + (name,))
        if name in done:
            return
        for target in graph[name]:
            visit(target, path + (name,))
        done.add(name)

    for name in graph:
        visit(name, ())
