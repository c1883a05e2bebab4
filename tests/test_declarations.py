"""What `records.py` declares is the one place a record type's rules live: no other module
keeps a table keyed by record type of its own, and what the declarations name exists."""

from __future__ import annotations

import ast
from pathlib import Path

from danyuanzhang.core.records import ENTITIES

SRC = Path(__file__).parents[1] / "src" / "danyuanzhang"


def test_a_record_placed_by_another_names_a_declared_record_type() -> None:
    placed = {name: e.placed_in for name, e in ENTITIES.items() if e.placed_in}
    assert placed["hazard_event"] == "hazard" and placed["petition_link"] == "petition"
    assert placed["mediation_step"] == "petition" and placed["resident"] == "household"
    assert all(target in ENTITIES for target in placed.values()), placed


def test_no_module_but_records_keeps_a_table_keyed_by_record_type() -> None:
    """A dict literal whose keys are mostly record-type names, outside records.py, is a rule
    declared twice (the three such tables of issue 36 are now properties of the declarations)."""
    names = set(ENTITIES)
    found = []
    for path in SRC.rglob("*.py"):
        if path.name == "records.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Dict) or len(node.keys) < 3:
                continue
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            if sum(k in names for k in keys) >= 3 and all(k in names for k in keys):
                found.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert found == [], found
