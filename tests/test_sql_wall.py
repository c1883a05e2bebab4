"""SQL is spoken in one place per capability: `store/`, and a package's own `queries.py`.
Anywhere else, a query is a capability's storage written where the feature stands, out of
sight of the indexes and migrations it depends on; a test that walks the package keeps the
wall standing."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.test_import_picture import PACKAGE, SRC, module_name

RUNS_SQL = {"execute", "executemany", "executescript"}


def inside_the_wall(path: Path) -> bool:
    parts = path.relative_to(SRC / PACKAGE).parts
    return parts[0] == "store" or path.name == "queries.py"


def speaks_sql(tree: ast.AST) -> list[str]:
    """Where a module imports sqlite3, runs a statement, or reaches a store's connection."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name == "sqlite3" for a in node.names):
            found.append(f"line {node.lineno}: import sqlite3")
        elif isinstance(node, ast.ImportFrom) and node.module == "sqlite3":
            found.append(f"line {node.lineno}: from sqlite3")
        elif isinstance(node, ast.Attribute) and node.attr in RUNS_SQL:
            found.append(f"line {node.lineno}: .{node.attr}")
        elif isinstance(node, ast.Attribute) and node.attr == "conn":
            found.append(f"line {node.lineno}: .conn")
    return found


def test_no_sql_outside_the_store_and_the_queries_modules() -> None:
    leaks = [
        f"{module_name(path)} {where}"
        for path in sorted((SRC / PACKAGE).rglob("*.py"))
        if not inside_the_wall(path)
        for where in speaks_sql(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert leaks == [], "\n".join(leaks)


def test_the_wall_sees_each_way_of_speaking_sql() -> None:
    module = (
        "import sqlite3\n"
        "from sqlite3 import Row\n"
        "def f(store, conn):\n"
        "    store.conn.execute('select 1')\n"
        "    conn.executemany('insert', [])\n"
    )
    assert sorted(speaks_sql(ast.parse(module))) == [
        "line 1: import sqlite3",
        "line 2: from sqlite3",
        "line 4: .conn",
        "line 4: .execute",
        "line 5: .executemany",
    ]
