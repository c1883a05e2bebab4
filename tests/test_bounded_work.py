"""A bundle of many changes to one field costs in proportion to its changes (issue 34): the
work of `dyz import` is counted (Python calls, C functions included), never timed."""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType
from typing import Any

from danyuanzhang.core.changes import Change, encode
from danyuanzhang.store import Store, derive
from danyuanzhang.store import sync as sql
from tests.conftest import Runner


def one_field_edited(dyz: Runner, folder: Path, edits: int) -> Path:
    """A member's bundle: flat 2-2-301 and `edits` notes on it made side by side, none
    replacing another (as a hostile laptop may write them), each a head of the field."""
    unit = folder / f"unit-{edits}.db"
    dyz("--db", str(unit), "init", "--device-name", "周玉梅的电脑")
    dyz("--db", str(unit), "household", "add", "2-2-301", "--estate", "新芙蓉之都")
    store = Store.open(unit)
    try:
        [(household,)] = store.conn.execute("SELECT id FROM households").fetchall()
        author = store.author()
        with store.transaction():
            notes = [
                Change.make(
                    store.stamp(),
                    author,
                    "household",
                    household,
                    "set",
                    "note",
                    encode(f"楼道灯坏了{n}"),
                    "[]",
                )  # fmt: skip
                for n in range(edits)
            ]
            sql.insert_changes(store, notes)
            derive.refresh(store.conn, "household", {household: {"note"}})
    finally:
        store.close()
    bundle = folder / f"notes-{edits}.yaml"
    dyz("--db", str(unit), "export", "--all", "--plain", "-o", str(bundle))
    return bundle


def calls_to_import(dyz: Runner, office: Path, bundle: Path) -> int:
    counted = 0

    def count(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal counted
        if event in ("call", "c_call"):
            counted += 1

    sys.setprofile(count)
    try:
        said = dyz("--db", str(office), "import", str(bundle)).stderr
    finally:
        sys.setprofile(None)
    assert "冲突" in said  # the notes disagree: the office is told
    return counted


def test_many_changes_to_one_field_cost_in_proportion_to_their_number(
    dyz: Runner, tmp_path: Path
) -> None:
    few, many = 300, 1_200
    work = {}
    for edits in (few, many):
        office = tmp_path / f"office-{edits}.db"
        dyz("--db", str(office), "init", "--device-name", "社区办公室")
        work[edits] = calls_to_import(dyz, office, one_field_edited(dyz, tmp_path, edits))
    # four times the changes: four times the work, and a little more (sorting); the square
    # would be sixteen
    assert work[many] <= 5 * work[few], work
