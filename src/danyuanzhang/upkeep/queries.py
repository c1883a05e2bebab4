"""The SQL of upkeep/: what `dyz log`, `dyz undo`, `dyz doctor`, the reminders and the demo
read of the notebook, and the few rows the doctor mends by hand."""

from __future__ import annotations

from typing import Any

from danyuanzhang.store import Store


def moved_out_before(store: Store, before: str) -> list[Any]:
    """Residents who moved out before the day `before` (ISO), the longest gone first."""
    return store.conn.execute(
        "SELECT id, name, moved_out FROM residents WHERE moved_out IS NOT NULL"
        " AND moved_out < ? ORDER BY moved_out, id",
        (before,),
    ).fetchall()
