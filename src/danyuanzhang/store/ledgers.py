"""Reading what the ledgers are filled from: a period's records in bulk, a query per table,
since a community's year of visits is some 40,000 rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from danyuanzhang.store import Store, in_chunks


def _in(values: Sequence[Any]) -> str:
    return f"({', '.join('?' * len(values))})"


def visits_between(store: Store, estates: Sequence[str], start: str, end: str) -> list[Any]:
    return store.conn.execute(
        f"""
        SELECT v.*, h.room AS room FROM visits v LEFT JOIN households h ON h.id = v.household_id
        WHERE v.estate IN {_in(estates)} AND v.on_date BETWEEN ? AND ?
        ORDER BY v.on_date, v.building, v.unit, h.room, v.id
        """,
        [*estates, start, end],
    ).fetchall()


def visit_findings(
    store: Store, table: str, estates: Sequence[str], start: str, end: str
) -> dict[str, list[Any]]:
    """The petitions or hazards raised during the period's visits, by visit: read by the day
    within each estate (`petitions_by_raised`, `hazards_by_found`), not from every one ever
    raised at a door."""
    assert table in ("petitions", "hazards")
    day = "raised_on" if table == "petitions" else "found_on"
    found: dict[str, list[Any]] = {}
    for row in store.conn.execute(
        f"SELECT * FROM {table} WHERE estate IN {_in(estates)} AND {day} BETWEEN ? AND ?"
        " AND visit_id IS NOT NULL AND withdrawn_on IS NULL ORDER BY rowid",
        [*estates, start, end],
    ):
        found.setdefault(row["visit_id"], []).append(row)
    return found


def between(
    store: Store, table: str, day: str, estates: Sequence[str], start: str, end: str
) -> list[Any]:
    """Rows of a table whose `day` column falls in the period, oldest first."""
    assert table in ("hazards", "petitions", "proposals")
    estate = "estate IN " + _in(estates)
    if table != "proposals":  # a petition or a hazard withdrawn as entered by mistake
        estate += " AND withdrawn_on IS NULL"
    return store.conn.execute(
        f"SELECT * FROM {table} WHERE {estate} AND {day} BETWEEN ? AND ? ORDER BY {day}, rowid",
        [*estates, start, end],
    ).fetchall()


def creators(store: Store, entity: str, field: str, records: Sequence[str]) -> dict[str, str]:
    """Who wrote each record: the author of its first change to `field`."""
    found: dict[str, str] = {}
    for chunk in in_chunks(records):
        for row in store.conn.execute(
            f"SELECT record, author FROM changes WHERE entity = ? AND field = ?"
            f" AND record IN {_in(chunk)} ORDER BY hlc DESC",
            [entity, field, *chunk],
        ):
            found[row[0]] = row[1]
    return found


def visits_of_households(
    store: Store, household_ids: Sequence[str], start: str, end: str
) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for chunk in in_chunks(household_ids):
        for row in store.conn.execute(
            f"SELECT * FROM visits WHERE household_id IN {_in(chunk)}"
            " AND on_date BETWEEN ? AND ? ORDER BY on_date, id",
            [*chunk, start, end],
        ):
            found.setdefault(row["household_id"], []).append(row)
    return found


def moves_between(store: Store, estates: Sequence[str], start: str, end: str) -> list[Any]:
    """Who moved in or out in the period: found by the day (`residents_by_moved_in`,
    `residents_by_moved_out`), so CROSS JOIN keeps SQLite from reading every resident of the
    estates' households instead."""
    return store.conn.execute(
        f"""
        SELECT r.*, h.estate, h.building, h.unit, h.room,
               EXISTS (SELECT 1 FROM resident_flags f
                       WHERE f.resident_id = r.id AND f.flag = 'tenant') AS tenant
        FROM residents r CROSS JOIN households h ON h.id = r.household_id
        WHERE h.estate IN {_in(estates)}
          AND (r.moved_in BETWEEN ? AND ? OR r.moved_out BETWEEN ? AND ?)
        ORDER BY coalesce(r.moved_in, r.moved_out), h.building, h.unit, h.room, r.name
        """,
        [*estates, start, end, start, end],
    ).fetchall()


def petitions_of_proposals(store: Store, proposal_ids: Sequence[str]) -> dict[str, list[Any]]:
    """The petitions each proposal was made from (their `proposed` steps name it)."""
    found: dict[str, list[Any]] = {}
    for chunk in in_chunks(proposal_ids):
        for row in store.conn.execute(
            f"""
            SELECT DISTINCT e.proposal_id, p.* FROM petition_events e
            JOIN petitions p ON p.id = e.petition_id
            WHERE e.step = 'proposed' AND e.proposal_id IN {_in(chunk)}
              AND p.withdrawn_on IS NULL
            """,
            chunk,
        ):
            found.setdefault(row["proposal_id"], []).append(row)
    return found


def households_of_petitions(store: Store, petition_ids: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for chunk in in_chunks(petition_ids):
        for row in store.conn.execute(
            f"SELECT id, household_id FROM petitions WHERE id IN {_in(chunk)}"
            " AND household_id IS NOT NULL",
            chunk,
        ):
            found[row[0]] = row[1]
    return found


def names_of(store: Store, table: str, column: str, ids: Sequence[str | None]) -> dict[str, str]:
    """The patroller of each patrol, or the visitor of each visit, among these ids."""
    assert (table, column) in (("patrols", "patroller"), ("visits", "visitor"))
    wanted = sorted({i for i in ids if i})
    found: dict[str, str] = {}
    for chunk in in_chunks(wanted):
        for row in store.conn.execute(
            f"SELECT id, {column} FROM {table} WHERE id IN {_in(chunk)}", chunk
        ):
            found[row[0]] = row[1]
    return found


def residents_cared_for(
    store: Store, estates: Sequence[str], flags: Sequence[str], born_by: int
) -> list[Any]:
    """Current residents born in `born_by` or before, carrying any of these flags, or given a
    risk level, with their flat and flags, by flat."""
    return store.conn.execute(
        f"""
        SELECT r.*, h.estate, h.building, h.unit, h.room,
               (SELECT group_concat(f.flag) FROM resident_flags f WHERE f.resident_id = r.id)
               AS flags
        FROM residents r JOIN households h ON h.id = r.household_id
        WHERE h.estate IN {_in(estates)} AND r.moved_out IS NULL AND r.name <> '' AND (
            CAST(r.born AS INTEGER) BETWEEN 1 AND ? OR r.risk IS NOT NULL OR EXISTS (
            SELECT 1 FROM resident_flags f WHERE f.resident_id = r.id AND f.flag IN {_in(flags)}))
        ORDER BY h.building, h.unit, h.room, r.name
        """,
        [*estates, born_by, *flags],
    ).fetchall()
