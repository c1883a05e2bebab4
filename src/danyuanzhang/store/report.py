"""Reading what the weekly report counts: records by the day they happened, through an index,
so that a week costs the same however many years the file holds."""

from __future__ import annotations

from typing import Any

from danyuanzhang.store import Store

# table -> the day column the report counts by; each has an index on it
DATED = {"visits": "on_date", "petitions": "raised_on", "hazards": "found_on"}


def dates_in(store: Store, table: str, column: str, first: str, last: str) -> list[Any]:
    assert DATED.get(table) == column
    return store.conn.execute(
        f"SELECT estate, building, unit, {column} AS day FROM {table}"
        f" WHERE {column} BETWEEN ? AND ?",
        (first, last),
    ).fetchall()
