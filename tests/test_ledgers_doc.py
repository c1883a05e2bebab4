"""docs/ledgers.md says what fills every column of every ledger: its tables are made from the
columns the code declares and the source declared for each, and must say what the code does."""

from __future__ import annotations

from pathlib import Path

from danyuanzhang.paperwork.ledgers import NUMBER, kinds
from danyuanzhang.paperwork.ledgers.sources import ROWS, SOURCES, columns_doc, made_part

DOC = (Path(__file__).parents[1] / "docs" / "ledgers.md").read_text(encoding="utf-8")


def test_every_declared_column_has_one_declared_source_and_no_other() -> None:
    declared = {name: [c.key for c in kind.columns] for name, kind in kinds().items()}
    assert set(SOURCES) == set(ROWS) == set(declared)
    for name, keys in declared.items():
        assert keys[0] == NUMBER.key, name
        assert sorted(SOURCES[name]) == sorted(keys[1:]), name
        assert len(set(keys)) == len(keys), name
        assert all(text.strip() for text in SOURCES[name].values()), name


def test_the_page_lists_exactly_the_columns_the_code_declares() -> None:
    made = made_part(DOC)
    assert made == columns_doc().strip("\n"), (
        "docs/ledgers.md is out of date: python -m danyuanzhang.paperwork.ledgers.sources docs/ledgers.md"
    )
    for name, kind in kinds().items():
        section = made.split(f"## `{name}`:")[1].split("\n## ")[0]
        rows = [line for line in section.splitlines() if line.startswith("| ")][1:]
        assert [row.split(" | ")[1].strip("`") for row in rows] == [c.key for c in kind.columns]
        assert [row.split(" | ")[0].removeprefix("| ") for row in rows] == [
            c.zh for c in kind.columns
        ]
