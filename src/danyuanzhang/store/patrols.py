"""Reading patrols, the hazards each found, and the units they cover."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from danyuanzhang.store import Store, in_chunks


def _in(values: Sequence[str]) -> str:
    return f"({', '.join('?' * len(values))})"


def patrols(
    store: Store, estates: Sequence[str], start: str | None = None, end: str | None = None
) -> list[Any]:
    where = [f"estate IN {_in(estates)}"]
    params: list[Any] = list(estates)
    if start is not None:
        where.append("on_date >= ?")
        params.append(start)
    if end is not None:
        where.append("on_date <= ?")
        params.append(end)
    return store.conn.execute(
        f"SELECT * FROM patrols WHERE {' AND '.join(where)}"
        " ORDER BY on_date, at_time, building, unit, id",
        params,
    ).fetchall()


def hazards_of(store: Store, patrol_ids: Sequence[str]) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for chunk in in_chunks(patrol_ids):
        for row in store.conn.execute(
            f"SELECT * FROM hazards WHERE patrol_id IN {_in(chunk)} AND withdrawn_on IS NULL"
            " ORDER BY found_on, rowid",
            chunk,
        ):
            found.setdefault(row["patrol_id"], []).append(row)
    return found


def last_patrolled(store: Store, estates: Sequence[str]) -> list[Any]:
    """Every unit that has a household on the roll, as (estate, building, unit, the latest
    patrol of the unit walked on its own, the latest of its building walked whole): two seeks
    in an index each, so the cost grows with the units, not with the years of patrols."""
    return store.conn.execute(
        f"""
        SELECT h.estate, h.building, h.unit,
            (SELECT max(p.on_date) FROM patrols p WHERE p.estate = h.estate
             AND p.building = h.building AND p.unit = h.unit) AS unit_patrol,
            (SELECT max(p.on_date) FROM patrols p WHERE p.estate = h.estate
             AND p.building = h.building AND p.unit IS NULL) AS building_patrol
        FROM (SELECT DISTINCT estate, building, unit FROM households
              WHERE estate IN {_in(estates)} AND building IS NOT NULL AND unit IS NOT NULL) h
        ORDER BY h.estate, h.building, h.unit
        """,
        list(estates),
    ).fetchall()


def units(store: Store, estates: Sequence[str]) -> list[Any]:
    """Every unit that has a household on the roll."""
    return store.conn.execute(
        "SELECT DISTINCT estate, building, unit FROM households"
        f" WHERE estate IN {_in(estates)} AND building IS NOT NULL AND unit IS NOT NULL"
        " ORDER BY estate, building, unit",
        list(estates),
    ).fetchall()
