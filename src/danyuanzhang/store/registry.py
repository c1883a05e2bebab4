"""Reading the household registry, roster and flag vocabulary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from danyuanzhang.store import Store

if TYPE_CHECKING:
    from danyuanzhang.core.merge import FieldState


def estates(store: Store) -> list[str]:
    """The estates, found by hopping along the index: cost grows with estates, not flats."""
    rows = store.conn.execute(
        """
        WITH RECURSIVE hop(estate) AS (
            SELECT min(estate) FROM households
            UNION ALL
            SELECT (SELECT min(estate) FROM households WHERE estate > hop.estate)
            FROM hop WHERE hop.estate IS NOT NULL
        )
        SELECT estate FROM hop WHERE estate IS NOT NULL
        """
    )
    return [str(row[0]) for row in rows]


def has_estate(store: Store, estate: str) -> bool:
    found = store.conn.execute("SELECT 1 FROM households WHERE estate = ? LIMIT 1", (estate,))
    return found.fetchone() is not None


def has_households(store: Store) -> bool:
    return store.conn.execute("SELECT 1 FROM households LIMIT 1").fetchone() is not None


def no_households_ever(store: Store) -> bool:
    """No household here, nor one ever registered (erased or merged away)."""
    return (
        store.conn.execute("SELECT 1 FROM households LIMIT 1").fetchone() is None
        and store.conn.execute(
            "SELECT 1 FROM record_keys WHERE entity = 'household' LIMIT 1"
        ).fetchone()
        is None
        and store.conn.execute(
            "SELECT 1 FROM tombstones WHERE entity = 'household' LIMIT 1"
        ).fetchone()
        is None
    )


def household_at(store: Store, estate: str, building: str, unit: str, room: str) -> Any:
    """The household at an address (the first, when two laptops' corrections put two there)."""
    found = households_at(store, estate, building, unit, room)
    return found[0] if found else None


def households_at(store: Store, estate: str, building: str, unit: str, room: str) -> list[Any]:
    return store.conn.execute(
        "SELECT * FROM households WHERE estate = ? AND building = ? AND unit = ? AND room = ?"
        " ORDER BY id",
        (estate, building, unit, room),
    ).fetchall()


def keyed_records(store: Store, entity: str, key: str) -> list[str]:
    """The records (of every class) first registered under a natural key."""
    rows = store.conn.execute(
        "SELECT record FROM record_keys WHERE entity = ? AND key = ? ORDER BY record", (entity, key)
    )
    return [str(row[0]) for row in rows]


def members_of(store: Store, record: str) -> list[str]:
    """Every record of this one's class: copies of one flat or person from several laptops."""
    from danyuanzhang.store.derive import members

    return members(store.conn, record)


def field_states(store: Store, entity: str, record: str) -> dict[str, FieldState]:
    """The state of each field of a record over its whole class, by field."""
    from danyuanzhang.store import derive

    return derive.states_of(
        store.conn, entity, derive.changes_of(store.conn, members_of(store, record))
    )


def strip_words_of_erased(store: Store) -> int:
    """Take the personal words out of every record whose household is erased; how many."""
    from danyuanzhang.store import derive

    return derive.strip_personal(store.conn)


def canonical(store: Store, record: str) -> str:
    row = store.conn.execute("SELECT canonical FROM aliases WHERE record = ?", (record,))
    found = row.fetchone()
    return str(found[0]) if found is not None else record


def household(store: Store, household_id: str) -> Any:
    return store.conn.execute("SELECT * FROM households WHERE id = ?", (household_id,)).fetchone()


def households_by_id(store: Store, household_ids: Sequence[str]) -> dict[str, Any]:
    """Several households at once, by id (one query per few hundred, not one each)."""
    from danyuanzhang.store import in_chunks

    found: dict[str, Any] = {}
    for chunk in in_chunks(sorted(set(household_ids))):
        rows = store.conn.execute(
            f"SELECT * FROM households WHERE id IN ({', '.join('?' * len(chunk))})", chunk
        )
        found.update((row["id"], row) for row in rows)
    return found


def households(
    store: Store,
    estates: list[str],
    building: str | None = None,
    unit: str | None = None,
    flag: str | None = None,
) -> list[Any]:
    """Households with their count of current residents and their flags, in address order.

    Filters narrow through the (estate, building, unit, room) index, so one unit's list reads
    only that unit's rows.
    """
    sql, params = households_query(estates, building, unit, flag)
    return store.conn.execute(sql, params).fetchall()


def households_query(
    estates: list[str], building: str | None, unit: str | None, flag: str | None
) -> tuple[str, list[Any]]:
    where = [f"h.estate IN ({', '.join('?' * len(estates))})"]
    params: list[Any] = list(estates)
    for column, value in (("building", building), ("unit", unit)):
        if value is not None:
            where.append(f"h.{column} = ?")
            params.append(value)
    if flag is not None:
        where.append(
            "EXISTS (SELECT 1 FROM residents r JOIN resident_flags f ON f.resident_id = r.id"
            " WHERE r.household_id = h.id AND r.moved_out IS NULL AND f.flag = ?)"
        )
        params.append(flag)
    sql = f"""
        SELECT h.*,
            (SELECT count(*) FROM residents r
              WHERE r.household_id = h.id AND r.moved_out IS NULL) AS resident_count,
            (SELECT group_concat(DISTINCT f.flag) FROM residents r
              JOIN resident_flags f ON f.resident_id = r.id
              WHERE r.household_id = h.id AND r.moved_out IS NULL) AS flags
        FROM households h
        WHERE {" AND ".join(where)}
        ORDER BY h.estate, length(h.building), h.building, CAST(h.unit AS INTEGER),
                 length(h.room), h.room
    """
    return sql, params


def residents_of(store: Store, household_id: str) -> list[Any]:
    return store.conn.execute(
        "SELECT * FROM residents WHERE household_id = ?"
        " ORDER BY moved_out IS NOT NULL, moved_in, name",
        (household_id,),
    ).fetchall()


def resident(store: Store, resident_id: str) -> Any:
    return store.conn.execute("SELECT * FROM residents WHERE id = ?", (resident_id,)).fetchone()


def resident_named(store: Store, household_id: str, name: str) -> Any:
    """The resident of a household with this name, spelt with any spacing or width."""
    from danyuanzhang.core.merge import normalise

    wanted = normalise(name)
    for row in residents_of(store, household_id):
        if row["name"] is not None and normalise(row["name"]) == wanted:
            return row
    return None


def flags_of(store: Store, resident_id: str) -> list[str]:
    rows = store.conn.execute(
        "SELECT flag FROM resident_flags WHERE resident_id = ? ORDER BY flag", (resident_id,)
    )
    return [str(row[0]) for row in rows]


def roster(store: Store, role: str | None = None, estate: str | None = None) -> list[Any]:
    where, params = ["1 = 1"], []
    if role:
        where.append("role = ?")
        params.append(role)
    if estate:
        where.append("estate = ?")
        params.append(estate)
    return store.conn.execute(
        f"SELECT * FROM roster WHERE {' AND '.join(where)}"
        " ORDER BY estate, CASE role WHEN 'area_head' THEN 0 WHEN 'building_head' THEN 1"
        " WHEN 'unit_head' THEN 2 ELSE 3 END, scope, name",
        params,
    ).fetchall()


def roster_member(store: Store, member_id: str) -> Any:
    return store.conn.execute("SELECT * FROM roster WHERE id = ?", (member_id,)).fetchone()


def counts(store: Store) -> dict[str, int]:
    one = store.conn.execute
    return {
        "households": one("SELECT count(*) FROM households").fetchone()[0],
        "residents": one("SELECT count(*) FROM residents WHERE moved_out IS NULL").fetchone()[0],
        "roster": one("SELECT count(*) FROM roster").fetchone()[0],
        "changes": one("SELECT count(*) FROM changes").fetchone()[0],
    }


def flag_counts(store: Store) -> dict[str, int]:
    """How many current residents carry each flag."""
    rows = store.conn.execute(
        "SELECT f.flag, count(*) FROM resident_flags f JOIN residents r ON r.id = f.resident_id"
        " WHERE r.moved_out IS NULL GROUP BY f.flag"
    )
    return {str(row[0]): int(row[1]) for row in rows}


def resident_names(store: Store, household_ids: Sequence[str]) -> dict[str, list[str]]:
    """The names of the current residents of each household, oldest arrival first."""
    from danyuanzhang.store import in_chunks

    names: dict[str, list[str]] = {}
    for chunk in in_chunks(household_ids):
        for row in store.conn.execute(
            "SELECT household_id, name FROM residents"
            f" WHERE household_id IN ({', '.join('?' * len(chunk))})"
            " AND moved_out IS NULL AND name IS NOT NULL ORDER BY moved_in, name",
            chunk,
        ):
            names.setdefault(row[0], []).append(row[1])
    return names


def households_with_room(store: Store, estates: Sequence[str], room: str) -> list[Any]:
    marks = ", ".join("?" * len(estates))
    return store.conn.execute(
        f"SELECT * FROM households WHERE estate IN ({marks}) AND room = ? ORDER BY building, unit",
        [*estates, room],
    ).fetchall()


def households_with_resident(store: Store, estates: Sequence[str], name: str) -> list[Any]:
    """Households where a current resident's name holds `name`."""
    marks = ", ".join("?" * len(estates))
    return store.conn.execute(
        f"""SELECT DISTINCT h.* FROM households h JOIN residents r ON r.household_id = h.id
        WHERE h.estate IN ({marks}) AND r.moved_out IS NULL AND instr(r.name, ?) > 0
        ORDER BY h.building, h.unit, h.room""",
        [*estates, name],
    ).fetchall()


def kinds_added(store: Store, table: str) -> list[Any]:
    """The words a community added to a vocabulary (code, label_zh, label_en), by code."""
    return store.conn.execute(
        f"SELECT code, label_zh, label_en FROM {table} ORDER BY code"
    ).fetchall()


def roll_residents(store: Store, household_ids: Sequence[str]) -> list[Any]:
    """The current residents of these households as a roll lists them (id, household_id,
    name, phone, born, moved_in, note), each household's by name."""
    from danyuanzhang.store import in_chunks

    found: list[Any] = []
    for chunk in in_chunks(household_ids):
        found += store.conn.execute(
            "SELECT id, household_id, name, phone, born, moved_in, note FROM residents"
            f" WHERE household_id IN ({', '.join('?' * len(chunk))}) AND moved_out IS NULL"
            " ORDER BY name, id",
            chunk,
        ).fetchall()
    return found


def flags_by_resident(store: Store, household_ids: Sequence[str]) -> dict[str, list[str]]:
    """The flags of the residents of these households (moved out or not), in order."""
    from danyuanzhang.store import in_chunks

    flags: dict[str, list[str]] = {}
    for chunk in in_chunks(household_ids):
        for resident, flag in store.conn.execute(
            "SELECT f.resident_id, f.flag FROM resident_flags f JOIN residents r"
            f" ON r.id = f.resident_id WHERE r.household_id IN ({', '.join('?' * len(chunk))})"
            " ORDER BY f.flag",
            chunk,
        ):
            flags.setdefault(resident, []).append(flag)
    return flags


def flat_of(store: Store, household_id: str) -> Any:
    """A household's row of one column, its building-unit-room (NULL where one of them is
    unknown); None if there is no such household."""
    return store.conn.execute(
        "SELECT building || '-' || unit || '-' || room FROM households WHERE id = ?",
        (household_id,),
    ).fetchone()
