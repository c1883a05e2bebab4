"""Reading visits, and what the due list and the anti-fraud watch need from the registry."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from danyuanzhang.store import Store, in_chunks
from danyuanzhang.store.report import place_clause


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


def due_households(
    store: Store, estates: Sequence[str], building: str | None, unit: str | None, day: str
) -> list[Any]:
    """The households of a place in address order, each with, up to `day`: the last day
    someone was met there and how they were found that day, the last day nobody was home and
    the last day a visit was declined. Each is a seek in the household's index, so the cost
    grows with the households shown, not with the years of history."""
    where, params = place_clause("h", estates, building, unit)
    return store.conn.execute(
        f"""
        WITH last AS (
            SELECT h.id, h.estate, h.building, h.unit, h.room,
                (SELECT max(on_date) FROM visits v WHERE v.household_id = h.id
                 AND v.outcome = 'met' AND v.on_date <= ?) AS met,
                (SELECT max(on_date) FROM visits v WHERE v.household_id = h.id
                 AND v.outcome = 'not_home' AND v.on_date <= ?) AS not_home,
                (SELECT max(on_date) FROM visits v WHERE v.household_id = h.id
                 AND v.outcome = 'declined' AND v.on_date <= ?) AS declined
            FROM households h
            WHERE {where}
            ORDER BY h.estate, length(h.building), h.building, CAST(h.unit AS INTEGER),
                     length(h.room), h.room
        )
        SELECT last.*,
            CASE WHEN last.met IS NOT NULL THEN
                (SELECT v.wellbeing FROM visits v WHERE v.household_id = last.id
                 AND v.outcome = 'met' AND v.on_date = last.met AND v.wellbeing IS NOT NULL
                 ORDER BY v.wellbeing = 'needs_help' DESC LIMIT 1)
            END AS wellbeing
        FROM last
        """,
        [day, day, day, *params],
    ).fetchall()


def due_residents(
    store: Store, estates: Sequence[str] | None, building: str | None, unit: str | None
) -> Iterator[tuple[str, str | None, str | None, str | None]]:
    """(household id, name, moving-in day, flags joined by commas) of the current residents
    of a place, or of every place when `estates` is None: then one pass over the table,
    which is quicker than a seek per household."""
    if estates is None:
        flags: dict[str, list[str]] = {}
        for resident_id, flag in store.conn.execute("SELECT resident_id, flag FROM resident_flags"):
            flags.setdefault(resident_id, []).append(flag)
        for row in store.conn.execute(
            "SELECT id, household_id, name, moved_in FROM residents WHERE moved_out IS NULL"
        ):
            found = flags.get(row[0])
            yield row[1], row[2], row[3], ",".join(found) if found else None
        return
    where, params = place_clause("h", estates, building, unit)
    for row in store.conn.execute(
        f"""
        SELECT r.household_id, r.name, r.moved_in,
            (SELECT group_concat(f.flag) FROM resident_flags f
             WHERE f.resident_id = r.id) AS flags
        FROM residents r JOIN households h ON h.id = r.household_id
        WHERE {where} AND r.moved_out IS NULL
        """,
        params,
    ):
        yield row[0], row[1], row[2], row[3]


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
