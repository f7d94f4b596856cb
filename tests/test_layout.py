"""The package keeps its shape: every module says why it exists and has no function over 150
lines; no module imports itself back through others (imports inside functions count); the CLI
and the web app are thin layers over storyline.api and every JSON shape is built in
storyline.contract; the store judges nothing of dedup's, and there is one union-find."""

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "storyline"
MAX_FUNCTION_LINES = 150


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(SRC.rglob("*.py")) if "sample" not in p.relative_to(SRC).parts}
TREES = {name: ast.parse(path.read_text(encoding="utf-8")) for name, path in MODULES.items()}
FRONT = [name for name in MODULES if name.startswith(("storyline.cli", "storyline.web"))
         or name in ("storyline.api", "storyline.contract")]


def imports(name: str) -> set[str]:
    """The package's modules ``name`` imports, anywhere in it (at the top, in a function, for types)."""
    is_package = MODULES[name].name == "__init__.py"
    found = set()
    for node in ast.walk(TREES[name]):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                if f"{target}.{alias.name}" in MODULES:
                    found.add(f"{target}.{alias.name}")
                elif target in MODULES:
                    found.add(target)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name in MODULES}
    return found - {name}


GRAPH = {name: imports(name) for name in MODULES}


def test_the_graph_sees_the_imports():
    assert "storyline.api" in GRAPH["storyline.cli.timeline"]
    assert "storyline.web.routes.documents" in GRAPH["storyline.web.errors"]
    assert "storyline.web" in GRAPH["storyline.cli.serve"]  # imported inside the command


def test_every_module_says_why_it_exists_and_no_function_is_too_long():
    assert len(FRONT) > 20 and len(MODULES) > 90
    for name in MODULES:
        tree = TREES[name]
        assert ast.get_docstring(tree), name
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                assert length <= MAX_FUNCTION_LINES, f"{name}: {node.name} has {length} lines"


def test_no_module_imports_itself_back():
    state: dict[str, str] = {}

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert state.get(name) != "open", " -> ".join(path + (name,))
        if state.get(name) == "done":
            return
        state[name] = "open"
        for target in sorted(GRAPH[name]):
            visit(target, path + (name,))
        state[name] = "done"

    for name in GRAPH:
        visit(name, ())


def _outside(prefix: str, name: str) -> set[str]:
    return {t for t in GRAPH[name] if not t.startswith(prefix)}


def test_the_cli_reaches_the_library_through_the_api():
    allowed = {"storyline.api", "storyline.contract", "storyline.export", "storyline.web", "storyline.web.guard"}
    for name in FRONT:
        if name.startswith("storyline.cli"):
            assert _outside("storyline.cli", name) <= allowed, name


def test_the_web_app_reaches_the_library_through_the_api():
    allowed = {"storyline", "storyline.api", "storyline.contract", "storyline.export", "storyline.model",
               "storyline.sentences"}  # views cut an article's text into its paragraphs
    for name in FRONT:
        if name.startswith("storyline.web"):
            assert _outside("storyline.web", name) <= allowed, name


def test_json_shapes_are_built_in_the_contract_only():
    for name, tree in TREES.items():
        defined = {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
        if name != "storyline.contract":
            assert not {d for d in defined if d.endswith("_to_dict")}, name
    for name in FRONT:
        if name == "storyline.contract":
            continue  # to_json: the one place the command line's JSON is written
        calls = {(n.func.value.id, n.func.attr) for n in ast.walk(TREES[name])
                 if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and isinstance(n.func.value, ast.Name)}
        assert ("json", "dumps") not in calls, f"{name} writes JSON itself: use contract.to_json"


def test_the_store_judges_nothing_and_there_is_one_union_find():
    # the store persists and queries: it neither judges pairs, nor joins sets, nor reads thresholds
    for name, tree in TREES.items():
        if name.startswith("storyline.store"):
            names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
            attributes = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
            assert not {"UnionFind", "compare", "DedupRule"} & (names | attributes), name
    # a union-find is a class with find and union: only storyline.unionfind has one
    owners = [f"{name}:{node.name}" for name, tree in TREES.items() for node in ast.walk(tree)
              if isinstance(node, ast.ClassDef)
              and {"find", "union"} <= {m.name for m in node.body if isinstance(m, ast.FunctionDef)}]
    assert owners == ["storyline.unionfind:UnionFind"]
