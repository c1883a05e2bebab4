"""The import picture has no cycle: two modules that import each other (at the top or inside a
function, as the lazy imports do) are one capability split in two, or a constant living on the
wrong side. Imports under `if TYPE_CHECKING:` are for the type checker alone and do not count."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).parents[1] / "src"
PACKAGE = "danyuanzhang"


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    found: list[ast.Import | ast.ImportFrom] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _type_checking_only(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        stack.extend(ast.iter_child_nodes(node))
    return found


def import_picture() -> dict[str, set[str]]:
    """Each module of the package and the modules of the package it imports."""
    paths = {module_name(p): p for p in (SRC / PACKAGE).rglob("*.py")}
    picture: dict[str, set[str]] = {name: set() for name in paths}
    for name, path in paths.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parent, base] if base else parent)
                targets = [base, *(f"{base}.{alias.name}" for alias in node.names)]
            # the package's own __init__ is where every import passes: not an arrow of its own
            picture[name] |= {t for t in targets if t in paths and t not in (name, PACKAGE)}
    return picture


def cycles(picture: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in sorted(picture):
        if root in index:
            continue
        work = [(root, iter(sorted(picture[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(picture[successor]))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
    return groups


def test_no_two_modules_import_each_other() -> None:
    found = cycles(import_picture())
    assert found == [], "\n".join(" ⇄ ".join(group) for group in found)


def test_the_picture_sees_a_cycle_through_a_lazy_import_and_not_a_type_only_one() -> None:
    def picture_of(sources: dict[str, str]) -> dict[str, set[str]]:
        trees = {name: ast.parse(text) for name, text in sources.items()}
        return {
            name: {
                alias.name if isinstance(node, ast.Import) else str(node.module)
                for node in _imports(tree)
                for alias in node.names
            }
            & set(sources)
            for name, tree in trees.items()
        }

    lazy = {"a": "import b", "b": "def f():\n    import a"}
    assert cycles(picture_of(lazy)) == [["a", "b"]]
    typed = {"a": "import b", "b": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n import a"}
    assert cycles(picture_of(typed)) == []


def test_typer_s_private_click_is_reached_from_one_module() -> None:
    """cli/clicks.py says why it is needed; no other module imports `typer._click`."""
    reaching = sorted(
        module_name(path)
        for path in (SRC / PACKAGE).rglob("*.py")
        if any(
            (node.module or "").startswith("typer._click")
            if isinstance(node, ast.ImportFrom)
            else any(alias.name.startswith("typer._click") for alias in node.names)
            for node in _imports(ast.parse(path.read_text(encoding="utf-8")))
        )
    )
    assert reaching == ["danyuanzhang.cli.clicks"]
