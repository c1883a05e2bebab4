"""Reading what the weekly report counts, through indexes on the day things happened and on
the place, so that a week costs the same however many years the file holds."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypedDict

from danyuanzhang.store import Store, in_chunks

# table -> the day column the report counts by; each has an index on it
DATED = {"visits": "on_date", "petitions": "raised_on", "hazards": "found_on"}
# tables whose records may be withdrawn as entered by mistake: then in no count
WITHDRAWABLE = ("petitions", "hazards")
SETTLED = ("resolved", "done", "closed", "declined")


class Step(TypedDict):
    """A step taken on a petition or a hazard, with the place of the record it was taken on."""

    step: str
    on_date: str
    estate: str
    building: str
    unit: str


def place_clause(
    alias: str, estates: Sequence[str], building: str | None, unit: str | None
) -> tuple[str, list[Any]]:
    where = [f"{alias}.estate IN ({', '.join('?' * len(estates))})"]
    params: list[Any] = list(estates)
    for column, value in (("building", building), ("unit", unit)):
        if value is not None:
            where.append(f"{alias}.{column} = ?")
            params.append(value)
    return " AND ".join(where), params


def weekly_counts(
    store: Store,
    table: str,
    estates: Sequence[str],
    building: str | None,
    unit: str | None,
    first: str,
    last: str,
) -> list[Any]:
    """(estate, building, unit, week number counted from `first`, how many) of the records
    of a place dated between two days: counted by SQLite, not read out row by row."""
    column = DATED[table]
    where, params = place_clause("t", estates, building, unit)
    if table in WITHDRAWABLE:
        where += " AND t.withdrawn_on IS NULL"
    return store.conn.execute(
        f"SELECT t.estate, t.building, t.unit,"
        f" CAST((julianday(t.{column}) - julianday(?)) / 7 AS INTEGER) AS week,"
        f" count(*) AS n FROM {table} t WHERE {where} AND t.{column} BETWEEN ? AND ?"
        f" GROUP BY t.estate, t.building, t.unit, week",
        [first, *params, first, last],
    ).fetchall()


def raised_between(
    store: Store,
    table: str,
    estates: Sequence[str],
    building: str | None,
    unit: str | None,
    first: str,
    last: str,
) -> list[Any]:
    """Petitions raised, or hazards found, in a place between two days."""
    column = DATED[table]
    where, params = place_clause("t", estates, building, unit)
    if table in WITHDRAWABLE:
        where += " AND t.withdrawn_on IS NULL"
    return store.conn.execute(
        f"SELECT t.* FROM {table} t WHERE {where} AND t.{column} BETWEEN ? AND ?",
        [*params, first, last],
    ).fetchall()


def settled_between(
    store: Store,
    table: str,
    estates: Sequence[str],
    building: str | None,
    unit: str | None,
    first: str,
    last: str,
) -> list[Any]:
    """Petitions settled, or hazards verified, between two days (the derived day's index)."""
    column, index = (
        ("settled_on", "petitions_by_settled")
        if table == "petitions"
        else ("verified_on", "hazards_by_verified")
    )
    where, params = place_clause("t", estates, building, unit)
    return _each_estate(
        store,
        estates,
        f"SELECT t.* FROM {table} t INDEXED BY {index}"
        f" WHERE t.estate = ? AND t.{column} BETWEEN ? AND ? AND {where}"
        " AND t.withdrawn_on IS NULL",
        lambda estate: [estate, first, last, *params],
    )


def _each_estate(
    store: Store, estates: Sequence[str], sql: str, params: Callable[[str], list[Any]]
) -> list[Any]:
    """The rows of `sql` for each estate in turn, so that each statement seeks the (estate,
    day) index it names with an equality on the index's first column."""
    found: list[Any] = []
    for estate in estates:
        found += store.conn.execute(sql, params(estate)).fetchall()
    return found


def steps_between(
    store: Store, table: str, records: Sequence[Any], first: str, last: str
) -> list[Step]:
    """The steps taken between two days on these records, each with the record's place."""
    key = "petition_id" if table == "petition_events" else "hazard_id"
    places = {r["id"]: r for r in records}
    found: list[Step] = []
    for chunk in in_chunks(sorted(places)):
        for step, on_date, parent in store.conn.execute(
            f"SELECT step, on_date, {key} FROM {table}"
            f" WHERE {key} IN ({', '.join('?' * len(chunk))}) AND on_date BETWEEN ? AND ?",
            [*chunk, first, last],
        ):
            place = places[parent]
            found.append(
                {
                    "step": step,
                    "on_date": on_date,
                    "estate": place["estate"],
                    "building": place["building"],
                    "unit": place["unit"],
                }
            )
    return found


def unsettled_petitions(
    store: Store, estates: Sequence[str], building: str | None, unit: str | None, day: str
) -> list[Any]:
    """Petitions of a place raised by `day` and not settled by then: the open ones and those
    settled since, found through the settled-day index, however many were settled before."""
    where, params = place_clause("p", estates, building, unit)
    return _each_estate(
        store,
        estates,
        f"""
        SELECT p.* FROM petitions p INDEXED BY petitions_by_settled
        WHERE p.estate = ? AND p.settled_on IS NULL AND p.raised_on <= ? AND {where}
          AND p.withdrawn_on IS NULL
        UNION ALL
        SELECT p.* FROM petitions p INDEXED BY petitions_by_settled
        WHERE p.estate = ? AND p.settled_on > ? AND p.raised_on <= ? AND {where}
          AND p.withdrawn_on IS NULL
        """,
        lambda estate: [estate, day, *params, estate, day, day, *params],
    )


def unverified_hazards(
    store: Store, estates: Sequence[str], building: str | None, unit: str | None, day: str
) -> list[Any]:
    """Hazards of a place found by `day` that may not have been verified by then (never
    verified, verified later, or ever reopened): the caller reads their steps to be sure."""
    where, params = place_clause("h", estates, building, unit)
    return _each_estate(
        store,
        estates,
        f"""
        SELECT h.* FROM hazards h INDEXED BY hazards_by_verified
        WHERE h.estate = ? AND h.verified_on IS NULL AND h.found_on <= ? AND {where}
          AND h.withdrawn_on IS NULL
        UNION ALL
        SELECT h.* FROM hazards h INDEXED BY hazards_by_verified
        WHERE h.estate = ? AND h.verified_on > ? AND h.found_on <= ? AND {where}
          AND h.withdrawn_on IS NULL
        UNION ALL
        SELECT h.* FROM hazards h INDEXED BY hazards_reopened
        WHERE h.estate = ? AND h.reopened_on IS NOT NULL AND h.verified_on <= ?
          AND h.found_on <= ? AND {where} AND h.withdrawn_on IS NULL
        """,
        lambda estate: [estate, day, *params, estate, day, day, *params, estate, day, day, *params],
    )


def last_met(store: Store, household_ids: Sequence[str], day: str) -> dict[str, Any]:
    """Each household's last visit where someone was met, by `day`, and what it found of
    their wellbeing: one index seek each, all in one statement."""
    found: dict[str, Any] = {}
    latest = (
        "FROM visits v WHERE v.household_id = h.id AND v.outcome = 'met' AND v.on_date <= ?"
        " ORDER BY v.on_date DESC LIMIT 1"
    )
    for chunk in in_chunks(household_ids):
        rows = store.conn.execute(
            f"SELECT h.id, (SELECT v.on_date {latest}) AS on_date,"
            f" (SELECT v.wellbeing {latest}) AS wellbeing"
            f" FROM households h WHERE h.id IN ({', '.join('?' * len(chunk))})",
            [day, day, *chunk],
        )
        found.update((row["id"], row) for row in rows if row["on_date"] is not None)
    return found


def last_tried(
    store: Store, household_ids: Sequence[str], day: str
) -> dict[str, tuple[str | None, str | None]]:
    """(last day nobody was home, last day a visit was declined) by `day`, of each of these
    households that has either: a seek each in the household's index."""
    found: dict[str, tuple[str | None, str | None]] = {}
    latest = (
        "SELECT max(on_date) FROM visits v WHERE v.household_id = h.id"
        " AND v.outcome = '{}' AND v.on_date <= ?"
    )
    for chunk in in_chunks(household_ids):
        rows = store.conn.execute(
            f"SELECT h.id, ({latest.format('not_home')}), ({latest.format('declined')})"
            f" FROM households h WHERE h.id IN ({', '.join('?' * len(chunk))})",
            [day, day, *chunk],
        )
        found.update((i, (n, d)) for i, n, d in rows if n or d)
    return found


def found_needing_help(store: Store, household_ids: Sequence[str], day: str) -> set[str]:
    """Households where some visit by `day` found a resident needing help."""
    found: set[str] = set()
    for chunk in in_chunks(household_ids):
        found.update(
            row[0]
            for row in store.conn.execute(
                f"SELECT DISTINCT household_id FROM visits INDEXED BY visits_needing_help"
                f" WHERE household_id IN ({', '.join('?' * len(chunk))})"
                f" AND wellbeing = 'needs_help' AND on_date <= ?",
                [*chunk, day],
            )
        )
    return found


def flagged_households(
    store: Store, household_ids: Sequence[str], flags: Sequence[str]
) -> dict[str, set[str]]:
    """Which of these households have a current resident with one of these flags."""
    found: dict[str, set[str]] = {}
    for chunk in in_chunks(household_ids):
        rows = store.conn.execute(
            f"""
            SELECT r.household_id, f.flag FROM residents r
            JOIN resident_flags f ON f.resident_id = r.id
            WHERE r.household_id IN ({", ".join("?" * len(chunk))}) AND r.moved_out IS NULL
              AND f.flag IN ({", ".join("?" * len(flags))})
            """,
            [*chunk, *flags],
        )
        for household_id, flag in rows:
            found.setdefault(household_id, set()).add(flag)
    return found


def anti_fraud_answers(
    store: Store, household_ids: Sequence[str], day: str
) -> dict[str, tuple[Any, str | None]]:
    """For each household, by `day`: its latest answer about the app (None if never asked)
    and the last day it was briefed on scams: a seek in each of two partial indexes."""
    found: dict[str, tuple[Any, str | None]] = {}
    for chunk in in_chunks(household_ids):
        rows = store.conn.execute(
            f"""
            SELECT h.id,
              (SELECT v.anti_fraud_app FROM visits v INDEXED BY visits_app_answers
               WHERE v.household_id = h.id AND v.anti_fraud_app IS NOT NULL AND v.on_date <= ?
               ORDER BY v.on_date DESC LIMIT 1),
              (SELECT max(v.on_date) FROM visits v INDEXED BY visits_briefings
               WHERE v.household_id = h.id AND v.briefed = '1' AND v.on_date <= ?)
            FROM households h WHERE h.id IN ({", ".join("?" * len(chunk))})
            """,
            [day, day, *chunk],
        )
        found.update((row[0], (row[1], row[2])) for row in rows)
    return found


def assigned_between(store: Store, start: str, end: str) -> list[Any]:
    """The places of the needs handed to a volunteer between two days (withdrawn ones left out)."""
    return store.conn.execute(
        "SELECT p.estate, p.building, p.unit FROM petition_events e"
        " JOIN petitions p ON p.id = e.petition_id"
        " WHERE e.step = 'assigned' AND e.on_date BETWEEN ? AND ? AND p.withdrawn_on IS NULL",
        (start, end),
    ).fetchall()
