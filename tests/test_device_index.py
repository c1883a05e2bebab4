"""The device index (`changes_by_device`) holds a change's laptop and its stamp's wall time and
counter as numbers (schema 20): every query that finds a laptop's changes still searches it,
and finds what the stamps' text order found."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from danyuanzhang.store import Store
from danyuanzhang.store import sync as sql
from danyuanzhang.upkeep import queries
from tests.conftest import Runner


@pytest.fixture
def store(dyz: Runner, estate: str, db: Path) -> Store:
    for room in ("301", "302", "401"):
        if room != "301":
            dyz("household", "add", f"2-2-{room}")
        dyz("resident", "add", f"2-2-{room}", "--name", "刘桂英", "--phone", "13812345678")
    return Store.open(db)


def _plans(store: Store, call: object) -> list[str]:
    """What SQLite says of each query on the change log a call made."""
    said: list[str] = []
    store.conn.set_trace_callback(said.append)
    try:
        call()  # type: ignore[operator]
    finally:
        store.conn.set_trace_callback(None)
    plans = []
    for statement in said:
        if "FROM changes" in statement and statement.lstrip().upper().startswith(
            ("SELECT", "WITH")
        ):
            rows = store.conn.execute("EXPLAIN QUERY PLAN " + statement).fetchall()
            plans.append(" / ".join(str(row[3]) for row in rows))
    return plans


def test_every_query_of_a_laptops_changes_searches_the_device_index(store: Store) -> None:
    device = store.device()[0]
    stamps = [row[0] for row in store.conn.execute("SELECT hlc FROM changes ORDER BY hlc")]
    middle = stamps[len(stamps) // 2]
    calls = {
        "devices_in_log": lambda: sql.devices_in_log(store),
        "changes_after": lambda: sql.changes_after(store, device, middle),
        "count_after": lambda: sql.count_after(store, device, middle, 5),
        "latest_change_of": lambda: sql.latest_change_of(store, device),
        "stamped_ids_after": lambda: sql.stamped_ids_after(store, device, middle),
        "changes_newest_first": lambda: list(queries.changes_newest_first(store, device, None)),
        "changes_between": lambda: queries.changes_between(store, device, stamps[0], middle),
        "latest_sound": lambda: queries.latest_sound(store, "9" * 15, device),
    }
    for name, call in calls.items():
        plans = _plans(store, call)
        assert plans, name
        for plan in plans:
            assert "changes_by_device" in plan and "SCAN changes" not in plan, (name, plan)


def test_a_laptops_changes_are_found_as_the_stamps_text_orders_them(store: Store) -> None:
    device = store.device()[0]
    stamps = [
        row[0]
        for row in store.conn.execute(
            "SELECT hlc FROM changes WHERE device = ? ORDER BY hlc", (device,)
        )
    ]
    assert len(stamps) > 5
    for since in ("", stamps[0], stamps[3], stamps[-1], stamps[3][:15]):
        after = [s for s in stamps if s > since]
        assert [c.hlc for c in sql.changes_after(store, device, since)] == after, since
        assert [s for s, _ in sql.stamped_ids_after(store, device, since)] == after
        assert sql.count_after(store, device, since, 1000) == len(after)
    assert sql.latest_change_of(store, device) == stamps[-1]
    assert sql.latest_change_of(store, "0" * 32) is None
    newest = [c.hlc for c in queries.changes_newest_first(store, device, None)]
    assert newest == stamps[::-1]
    between = queries.changes_between(store, device, stamps[1], stamps[4])
    assert [c.hlc for c in between] == stamps[2:5]
    assert queries.latest_sound(store, "9" * 15, device) == stamps[-1]


def test_a_notebook_of_schema_19_gets_the_narrower_index(tmp_path: Path) -> None:
    from danyuanzhang.store.db import migrate

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, 0, target=19)
    columns = [row[2] for row in conn.execute("PRAGMA index_xinfo(changes_by_device)")]
    assert columns[:2] == ["device", "hlc"]
    migrate(conn, 19)
    columns = [row[2] for row in conn.execute("PRAGMA index_xinfo(changes_by_device)")]
    assert columns[:3] == ["device", None, None]  # the wall time and the counter, as numbers
    assert "hlc" not in columns
