"""Reading visits, and what the due list and the anti-fraud watch need from the registry."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from danyuanzhang.store import Store, in_chunks


def visit(store: Store, visit_id: str) -> Any:
    return store.conn.execute("SELECT * FROM visits WHERE id = ?", (visit_id,)).fetchone()


def visits(
    store: Store,
    estates: Sequence[str],
    start: str | None = None,
    end: str | None = None,
    building: str | None = None,
    unit: str | None = None,
    visitor: str | None = None,
) -> list[Any]:
    """Visits between two dates (inclusive), newest first; the date index bounds the read."""
    where = [f"v.estate IN ({', '.join('?' * len(estates))})"]
    params: list[Any] = list(estates)
    if start is not None:
        where.append("v.on_date >= ?")
        params.append(start)
    if end is not None:
        where.append("v.on_date <= ?")
        params.append(end)
    for column, value in (("building", building), ("unit", unit), ("visitor", visitor)):
        if value is not None:
            where.append(f"v.{column} = ?")
            params.append(value)
    return store.conn.execute(
        f"""
        SELECT v.*, h.room AS room, c.hlc AS hlc
        FROM visits v
        JOIN households h ON h.id = v.household_id
        LEFT JOIN changes c ON c.record = v.id AND c.field = 'outcome'
        WHERE {" AND ".join(where)}
        ORDER BY v.on_date DESC, c.hlc DESC
        """,
        params,
    ).fetchall()


def visits_of(store: Store, household_ids: Sequence[str]) -> list[Any]:
    """Every visit of these households, oldest first (by date, then by when it was written)."""
    found: list[Any] = []
    for chunk in in_chunks(household_ids):
        found += store.conn.execute(
            f"""
            SELECT v.*, c.hlc AS hlc
            FROM visits v LEFT JOIN changes c ON c.record = v.id AND c.field = 'outcome'
            WHERE v.household_id IN ({", ".join("?" * len(chunk))})
            """,
            chunk,
        ).fetchall()
    return sorted(found, key=lambda v: (v["on_date"] or "", v["hlc"] or "", v["id"]))


def linked_to_visit(store: Store, table: str, visit_id: str) -> list[Any]:
    """The petitions or hazards raised during a visit."""
    assert table in ("petitions", "hazards")
    return store.conn.execute(
        f"SELECT * FROM {table} WHERE visit_id = ? ORDER BY id", (visit_id,)
    ).fetchall()


def current_residents(store: Store, household_ids: Sequence[str]) -> list[Any]:
    """Residents who have not moved out, each with their flags joined by commas."""
    found: list[Any] = []
    for chunk in in_chunks(household_ids):
        found += store.conn.execute(
            f"""
            SELECT r.*, (SELECT group_concat(f.flag) FROM resident_flags f
                         WHERE f.resident_id = r.id) AS flags
            FROM residents r
            WHERE r.household_id IN ({", ".join("?" * len(chunk))}) AND r.moved_out IS NULL
            ORDER BY r.moved_in, r.name
            """,
            chunk,
        ).fetchall()
    return found


def search_index(store: Store) -> list[Any]:
    """One row per household: its address and its current residents' names, for matching
    what a unit head types at the door."""
    return store.conn.execute(
        """
        SELECT h.id, h.estate, h.building, h.unit, h.room,
            (SELECT group_concat(r.name, ' ') FROM residents r
              WHERE r.household_id = h.id AND r.moved_out IS NULL) AS names
        FROM households h
        ORDER BY h.estate, length(h.building), h.building, CAST(h.unit AS INTEGER),
                 length(h.room), h.room
        """
    ).fetchall()
