"""Reading the steps taken on hazards and petitions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from danyuanzhang.store import Store, in_chunks

# the table of steps, and the column naming the record each step belongs to
STEP_TABLES = {"hazard_events": "hazard_id", "petition_events": "petition_id"}


def steps_of(store: Store, table: str, parents: Sequence[str]) -> list[Any]:
    """Steps on these records, each with the stamp and author of its birth (its `step`
    change), in the order they were taken."""
    column = STEP_TABLES[table]
    found: list[Any] = []
    for chunk in in_chunks(parents):
        found += store.conn.execute(
            f"""
            SELECT e.*, c.hlc AS hlc, c.author AS author
            FROM {table} e JOIN changes c ON c.record = e.id AND c.field = 'step'
            WHERE e.{column} IN ({", ".join("?" * len(chunk))})
            """,
            chunk,
        ).fetchall()
    return sorted(found, key=lambda e: (e["hlc"], e["id"]))
