"""Reading visits, and what the due list and the anti-fraud watch need from the registry."""

from __future__ import annotations

import sqlite3
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
    """Visits between two dates (inclusive), newest first; the date index bounds the read.
    A visit of an erased household has no room."""
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
        LEFT JOIN households h ON h.id = v.household_id
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


# the page cache while the households of a place are read: each page is read once, in order,
# so a few MiB do as well as a large cache, and a district's rows are all found (sorted) by
# the time the first comes
ONCE_THROUGH_KIB = 8 * 1024


def due_households(
    store: Store,
    estates: Sequence[str],
    building: str | None,
    unit: str | None,
    day: str,
    recent: str,
) -> Iterator[tuple[Any, ...]]:
    """The households of a place in address order, as (id, estate, building, unit, room,
    and up to `day`: the last day someone was met there, the last day nobody was home, the
    last day a visit was declined, the last day someone met was found needing help; then the
    names of the current residents joined by US, the earliest arrival first, and the days of
    those who moved in after `recent`, joined by commas).
    Each is a seek in an index, so the cost grows with the households shown, not with the
    years of history; rows are plain tuples."""
    where, params = place_clause("h", estates, building, unit)
    last = "SELECT max(on_date) FROM visits v WHERE v.household_id = h.id AND v.outcome = '{}' AND v.on_date <= ?"
    found = f"""
        SELECT h.id, h.estate, h.building, h.unit, h.room,
            ({last.format("met")}), ({last.format("not_home")}), ({last.format("declined")}),
            (SELECT max(on_date) FROM visits v INDEXED BY visits_needing_help
             WHERE v.household_id = h.id AND v.wellbeing = 'needs_help'
             AND v.outcome = 'met' AND v.on_date <= ?),
            (SELECT group_concat(name, char(31)) FROM (SELECT r.name FROM residents r
              WHERE r.household_id = h.id AND r.moved_out IS NULL AND r.name <> ''
              ORDER BY r.moved_in, r.name)),
            (SELECT group_concat(r.moved_in) FROM residents r WHERE r.household_id = h.id
             AND r.moved_out IS NULL AND r.moved_in > ? AND r.moved_in <= ?)"""
    address = "{0}estate, length({0}building), {0}building, CAST({0}unit AS INTEGER), length({0}room), {0}room"
    if len(estates) == 1:
        sql = f"{found} FROM households h WHERE {where} ORDER BY {address.format('h.')}"
    else:
        # several estates: seeking in address order would land on pages all over indexes
        # larger than the page cache (a district's took twice as long), so the seeks go in
        # the order of the households' ids, the indexes' own, and the rows are sorted after;
        # the index of places (unit, then row) orders what the address leaves equal
        sql = f"""
        WITH found (id, estate, building, unit, room, met, not_home, declined, helped, names,
                    arrivals, row)
        AS MATERIALIZED ({found}, h.rowid FROM households h WHERE {where} ORDER BY h.id LIMIT -1)
        SELECT id, estate, building, unit, room, met, not_home, declined, helped, names, arrivals
        FROM found ORDER BY {address.format("")}, unit, row"""
    return _plain(store).execute(sql, [day, day, day, day, recent, day, *params])


def due_flags(
    store: Store, estates: Sequence[str] | None, building: str | None, unit: str | None
) -> Iterator[tuple[str, str]]:
    """(household id, flag) of the current residents of a place, or of every place when
    `estates` is None."""
    flags = (
        "SELECT r.household_id, f.flag FROM residents r"
        " JOIN resident_flags f ON f.resident_id = r.id WHERE r.moved_out IS NULL"
    )
    if estates is None:
        return _plain(store).execute(flags)
    where, params = place_clause("h", estates, building, unit)
    return _plain(store).execute(
        f"{flags} AND r.household_id IN (SELECT h.id FROM households h WHERE {where})", params
    )


def due_risks(
    store: Store, estates: Sequence[str] | None, building: str | None, unit: str | None
) -> Iterator[tuple[str, str]]:
    """(household id, risk level) of the current residents of a place given a risk level,
    or of every place when `estates` is None."""
    risks = "SELECT r.household_id, r.risk FROM residents r WHERE r.moved_out IS NULL AND r.risk IS NOT NULL"
    if estates is None:
        return _plain(store).execute(risks)
    where, params = place_clause("h", estates, building, unit)
    return _plain(store).execute(
        f"{risks} AND r.household_id IN (SELECT h.id FROM households h WHERE {where})", params
    )


def _plain(store: Store) -> sqlite3.Cursor:
    """A cursor giving plain tuples, read as they come: a district's lists are long."""
    cursor = store.conn.cursor()
    cursor.row_factory = None
    return cursor


def linked_to_visit(store: Store, table: str, visit_id: str) -> list[Any]:
    """The petitions or hazards raised during a visit."""
    assert table in ("petitions", "hazards")
    return store.conn.execute(
        f"SELECT * FROM {table} WHERE visit_id = ? AND withdrawn_on IS NULL ORDER BY id",
        (visit_id,),
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
            (SELECT group_concat(name, ' ') FROM (SELECT r.name FROM residents r
              WHERE r.household_id = h.id AND r.moved_out IS NULL
              ORDER BY r.moved_in, r.name)) AS names
        FROM households h
        ORDER BY h.estate, length(h.building), h.building, CAST(h.unit AS INTEGER),
                 length(h.room), h.room
        """
    ).fetchall()


def residents_by_id(store: Store, resident_ids: Sequence[str]) -> dict[str, Any]:
    """The residents these ids name, moved out or not (a copy merged into another: the one
    that stands for it); an erased resident is not found, and so never named."""
    found: dict[str, Any] = {}
    for chunk in in_chunks(sorted(set(resident_ids))):
        marks = ", ".join("?" * len(chunk))
        for row in store.conn.execute(
            f"""
            SELECT r.id AS asked, r.* FROM residents r WHERE r.id IN ({marks})
            UNION ALL
            SELECT a.record AS asked, r.* FROM aliases a JOIN residents r ON r.id = a.canonical
            WHERE a.record IN ({marks})
            """,
            [*chunk, *chunk],
        ):
            found[row["asked"]] = row
    return found
