"""The SQL of `dyz duplicates`: candidates found by grouping in SQLite (a flat, a phone, an
address, a household's needs of one kind within days of each other), so that nothing is
compared with everything and no table is held in memory whole."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from danyuanzhang.store import Store, in_chunks


def current_residents_by_flat(store: Store) -> Iterator[Any]:
    """Every current resident, a household's together, with what says who is on record more
    fully (read as it goes, never held whole)."""
    yield from store.conn.execute(
        "SELECT id, household_id, name, phone, born, moved_in FROM residents"
        " WHERE moved_out IS NULL ORDER BY household_id"
    )


def households_sharing_a_phone(store: Store) -> list[list[str]]:
    """For each phone of current residents in more than one household, those households: the
    phones found in the index `residents_by_phone` (its households in order, so that the first
    and the last differ only where there are several), the households then for those alone."""
    phones = [
        row[0]
        for row in store.conn.execute(
            "SELECT phone FROM residents WHERE moved_out IS NULL AND phone IS NOT NULL"
            " AND phone <> '' GROUP BY phone HAVING min(household_id) < max(household_id)"
        )
    ]
    found: dict[str, list[str]] = {}
    for chunk in in_chunks(phones):
        for row in store.conn.execute(
            "SELECT DISTINCT phone, household_id FROM residents WHERE moved_out IS NULL"
            f" AND phone IN ({', '.join('?' * len(chunk))})",
            chunk,
        ):
            found.setdefault(row[0], []).append(row[1])
    return list(found.values())


def households_at_one_address(store: Store) -> list[list[str]]:
    """For each address held by more than one household, those households: the addresses
    counted in the index `households_by_place`, the table read only for those."""
    found: dict[tuple[Any, ...], list[str]] = {}
    for row in store.conn.execute(
        """
        SELECT h.id, h.estate, h.building, h.unit, h.room FROM (
            SELECT estate, building, unit, room FROM households
            GROUP BY estate, building, unit, room HAVING count(*) > 1
        ) AS twice
        JOIN households h ON h.estate IS twice.estate AND h.building IS twice.building
            AND h.unit IS twice.unit AND h.room IS twice.room
        """
    ):
        found.setdefault(tuple(row)[1:], []).append(row["id"])
    return list(found.values())


def current_residents_counted(store: Store, household_ids: Sequence[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for chunk in in_chunks(sorted(set(household_ids))):
        for row in store.conn.execute(
            "SELECT household_id, count(*) FROM residents"
            f" WHERE household_id IN ({', '.join('?' * len(chunk))}) AND moved_out IS NULL"
            " GROUP BY household_id",
            chunk,
        ):
            counts[row[0]] = row[1]
    return counts


def petitions_alike(store: Store, within_days: int) -> list[Any]:
    """Pairs of a household's needs of one category raised at most `within_days` apart, not
    linked to each other, withdrawn ones left out: the earlier (by day, then id) first, in the
    order of household, category and day. Each need is paired only with the few after it in
    the index `petitions_by_household` (read from the index alone: the table only for the
    pairs found), never with all the household's needs; CROSS JOIN keeps that order."""
    return store.conn.execute(
        """
        SELECT a.household_id, a.id AS first, fa.text AS first_text,
               b.id AS second, fb.text AS second_text
        FROM petitions a
        CROSS JOIN petitions b ON b.household_id = a.household_id AND b.category = a.category
            AND b.raised_on BETWEEN a.raised_on AND date(a.raised_on, ?)
            AND b.withdrawn_on IS NULL AND (b.raised_on > a.raised_on OR b.id > a.id)
        CROSS JOIN households h ON h.id = a.household_id
        CROSS JOIN petitions fa ON fa.id = a.id
        CROSS JOIN petitions fb ON fb.id = b.id
        WHERE a.household_id IS NOT NULL AND a.withdrawn_on IS NULL
          AND NOT EXISTS (
              SELECT 1 FROM petition_links l
              WHERE (l.petition_id = a.id AND l.other_id = b.id)
                 OR (l.petition_id = b.id AND l.other_id = a.id))
        ORDER BY a.household_id, a.category, a.raised_on, a.id, b.raised_on, b.id
        """,
        (f"+{within_days} days",),
    ).fetchall()
