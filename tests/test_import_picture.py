"""The import picture has no cycle and no arrow up a layer: two modules that import each other
(at the top or inside a function, as the lazy imports do) are one capability split in two, or a
constant living on the wrong side; a store that imports a capability, or a capability that
imports the CLI, is the same mistake across packages. Imports under `if TYPE_CHECKING:` are for
the type checker alone and do not count."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).parents[1] / "src"
PACKAGE = "danyuanzhang"


# bottom first: a module imports its own package and the layers below it, never one above, nor
# a package beside it in its own layer (the lowest layer excepted: errors speak in text's words,
# and text writes its sheets through system's files)
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"errors", "text", "system"}),
    frozenset({"core"}),
    frozenset({"store"}),
    frozenset({"households"}),
    frozenset({"cases"}),
    frozenset({"visits"}),
    frozenset({"sync"}),
    frozenset({"paperwork"}),
    frozenset({"upkeep"}),
    frozenset({"cli"}),
    frozenset({"__main__"}),
)
ROOT_FILES = {"__init__.py", "__main__.py", "errors.py"}


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


def top_of(module: str) -> str:
    """The package (or root module) of the package root that holds `module`."""
    return module.split(".")[1]


def arrows_up(picture: dict[str, set[str]]) -> list[str]:
    """Every import that reaches a layer above its own, or a package beside it."""
    layer = {package: rank for rank, packages in enumerate(LAYERS) for package in packages}
    found = []
    for name, targets in picture.items():
        for target in targets:
            here, there = top_of(name), top_of(target)
            if here == there:
                continue
            beside = layer[there] == layer[here] and layer[here] > 0
            if layer[there] > layer[here] or beside:
                found.append(f"{name} → {target}")
    return sorted(found)


def test_every_package_has_its_layer() -> None:
    tops = {top_of(name) for name in import_picture() if name != PACKAGE}
    placed = set().union(*LAYERS)
    assert tops <= placed, f"place these in LAYERS: {sorted(tops - placed)}"


def test_no_module_imports_a_layer_above_its_own() -> None:
    found = arrows_up(import_picture())
    assert found == [], "\n".join(found)


def test_the_layer_check_sees_an_arrow_up_and_one_beside() -> None:
    picture = {
        "danyuanzhang.store.db": {"danyuanzhang.cases.hazards", "danyuanzhang.core.hlc"},
        "danyuanzhang.cases.hazards": {"danyuanzhang.store.db"},
        "danyuanzhang.cli.menu": {"danyuanzhang.cases.hazards"},
        "danyuanzhang.cli.asking": {"danyuanzhang.__main__"},
        "danyuanzhang.text.sheets": {"danyuanzhang.system.writing"},
    }
    assert arrows_up(picture) == [
        "danyuanzhang.cli.asking → danyuanzhang.__main__",
        "danyuanzhang.store.db → danyuanzhang.cases.hazards",
    ]


CAPABILITIES = ("households", "cases", "visits", "sync", "paperwork", "upkeep")


def face_of(package: str) -> set[str]:
    """The modules a capability package offers the others: its `__init__`'s FACE."""
    tree = ast.parse((SRC / PACKAGE / package / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        if isinstance(target, ast.Name) and target.id == "FACE" and node.value is not None:
            return set(ast.literal_eval(node.value))
    raise AssertionError(f"{package}/__init__.py declares no FACE")


def behind_the_face(picture: dict[str, set[str]], faces: dict[str, set[str]]) -> list[str]:
    """Imports from one capability package into a module another keeps as its own."""
    found = []
    for name, targets in picture.items():
        for target in targets:
            here, there = top_of(name), top_of(target)
            if here == there or here not in faces or there not in faces:
                continue
            module = target.split(".")[2] if target.count(".") >= 2 else None
            if module is not None and module not in faces[there]:
                found.append(f"{name} → {target}")
    return sorted(found)


def test_capability_packages_import_each_other_only_through_their_face() -> None:
    faces = {package: face_of(package) for package in CAPABILITIES}
    for package, face in faces.items():
        missing = {m for m in face if not (SRC / PACKAGE / package / f"{m}.py").exists()}
        assert not missing, f"{package}'s FACE names no module: {sorted(missing)}"
    found = behind_the_face(import_picture(), faces)
    assert found == [], "\n".join(found)


def test_the_face_check_sees_a_module_kept_behind_it() -> None:
    picture = {
        "danyuanzhang.cases.hazards": {"danyuanzhang.households.scopes"},
        "danyuanzhang.visits.doorstep": {"danyuanzhang.households.rollbounds"},
        "danyuanzhang.cli.households": {"danyuanzhang.households.rollbounds"},
    }
    faces = {"households": {"scopes"}, "cases": {"hazards"}, "visits": {"doorstep"}}
    assert behind_the_face(picture, faces) == [
        "danyuanzhang.visits.doorstep → danyuanzhang.households.rollbounds"
    ]


def test_the_package_root_holds_only_its_packages() -> None:
    """A module at the root is a capability without a home: give it one."""
    loose = {p.name for p in (SRC / PACKAGE).iterdir() if p.suffix == ".py"} - ROOT_FILES
    assert loose == set()


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
