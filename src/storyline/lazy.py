"""Names a module offers but imports on first use (PEP 562), so that a command needing none of
them (a timeline, a search) does not pay for their import."""

from __future__ import annotations

import importlib
from typing import Any, Callable, Mapping


def first_use(namespace: dict[str, Any], modules: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` giving each name of ``modules`` from the module it maps to
    (relative to the namespace's package) when first asked for, and keeping it in the namespace
    after that."""

    def __getattr__(name: str) -> Any:
        if name not in modules:
            raise AttributeError(f"module {namespace['__name__']!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(modules[name], namespace["__package__"]), name)
        namespace[name] = value
        return value

    return __getattr__
