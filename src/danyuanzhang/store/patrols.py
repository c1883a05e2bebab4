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


def last_patrols(
    store: Store, estates: Sequence[str]
) -> tuple[dict[tuple[str, str, str], str], dict[tuple[str, str], str]]:
    """The latest patrol day of each unit walked on its own, and of each building walked whole."""
    units: dict[tuple[str, str, str], str] = {}
    buildings: dict[tuple[str, str], str] = {}
    for row in store.conn.execute(
        f"SELECT estate, building, unit, max(on_date) FROM patrols WHERE estate IN {_in(estates)}"
        " GROUP BY estate, building, unit",
        list(estates),
    ):
        if row[2] is None:
            buildings[(row[0], row[1])] = row[3]
        else:
            units[(row[0], row[1], row[2])] = row[3]
    return units, buildings


def units(store: Store, estates: Sequence[str]) -> list[Any]:
    """Every unit that has a household on the roll."""
    return store.conn.execute(
        "SELECT DISTINCT estate, building, unit FROM households"
        f" WHERE estate IN {_in(estates)} AND building IS NOT NULL AND unit IS NOT NULL"
        " ORDER BY estate, building, unit",
        list(estates),
    ).fetchall()
