"""The SQL of upkeep/: what `dyz log`, `dyz undo`, `dyz doctor`, the reminders and the demo
read of the notebook, and the few rows the doctor mends by hand."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from danyuanzhang.core.changes import COLUMNS, Change
from danyuanzhang.store import Store

if TYPE_CHECKING:
    from danyuanzhang.core.merge import FieldState

COUNTER_START = 17  # 1-based position of the counter in a stamp, for SQL's substr


def moved_out_before(store: Store, before: str) -> list[Any]:
    """Residents who moved out before the day `before` (ISO), the longest gone first."""
    return store.conn.execute(
        "SELECT id, name, moved_out FROM residents WHERE moved_out IS NOT NULL"
        " AND moved_out < ? ORDER BY moved_out, id",
        (before,),
    ).fetchall()


# -- dyz log ---------------------------------------------------------------------------------------


def changes_newest_first(store: Store, device: str, since_ms: int | None) -> Iterator[Change]:
    """One laptop's changes, the newest first, read backwards through the device index only as
    far as they are taken: made from `since_ms` on."""
    from danyuanzhang.store.sync import NEWEST_FIRST, WALL

    rows = store.conn.execute(
        f"SELECT {COLUMNS} FROM changes INDEXED BY changes_by_device"
        f" WHERE device = ? AND {WALL} >= ? ORDER BY {NEWEST_FIRST}",
        (device, since_ms or 0),
    )
    return (Change(*row) for row in rows)


def devices_in_log(store: Store) -> list[str]:
    from danyuanzhang.store.sync import devices_in_log

    return devices_in_log(store)


def laptops(store: Store) -> list[tuple[str, str]]:
    """Every laptop this notebook has heard of: its id and name."""
    return [(str(row[0]), row[1]) for row in store.conn.execute("SELECT id, name FROM devices")]


def command_ends_newest_first(store: Store) -> Iterator[str]:
    """Where this laptop's commands ended, the last first, read only as far as taken."""
    return (row[0] for row in store.conn.execute("SELECT hlc FROM command_ends ORDER BY hlc DESC"))


def ended_between(store: Store, previous: str, this: str) -> bool:
    """Whether a command of this laptop ended at or after `previous` and before `this`."""
    row = store.conn.execute(
        "SELECT 1 FROM command_ends WHERE hlc >= ? AND hlc < ? LIMIT 1", (previous, this)
    ).fetchone()
    return row is not None


def stamps_between(store: Store, device: str, after: str, end: str) -> Iterator[tuple[str, str]]:
    """The stamps and authors of `device`'s changes after `after`, up to `end`, in order, read
    only as far as taken."""
    from danyuanzhang.store.sync import IN_ORDER, WALL, wall_from

    rows = store.conn.execute(
        "SELECT hlc, author FROM changes INDEXED BY changes_by_device"
        f" WHERE device = ? AND {WALL} BETWEEN ? AND ? AND hlc > ? AND hlc <= ? ORDER BY {IN_ORDER}",
        (device, wall_from(after), wall_from(end), after, end),
    )
    return ((str(row[0]), str(row[1])) for row in rows)


def household_records(store: Store, household_id: str) -> set[str]:
    """A household's own records (every copy of the flat) and every record naming it."""
    from danyuanzhang.store import derive

    flat = set(derive.members(store.conn, household_id)) | {household_id}
    marks = ", ".join("?" * len(flat))
    rows = store.conn.execute(
        f"SELECT record FROM record_refs WHERE target IN ({marks})", sorted(flat)
    )
    named = {row[0] for row in rows}
    # the steps of its petitions and hazards name those, not the flat
    steps: set[str] = set()
    if named:
        marks = ", ".join("?" * len(named))
        for table, column in (("petition_events", "petition_id"), ("hazard_events", "hazard_id")):
            rows = store.conn.execute(
                f"SELECT id FROM {table} WHERE {column} IN ({marks})", sorted(named)
            )
            steps |= {row[0] for row in rows}
    return flat | named | steps


def records_starting(store: Store, prefix: str) -> set[str]:
    rows = store.conn.execute(
        "SELECT DISTINCT record FROM changes WHERE record >= ? AND record < ?",
        (prefix, prefix + "g"),
    )
    return {row[0] for row in rows}


def changed_before(store: Store, records: Sequence[str], stamp: str) -> set[str]:
    """Those of `records` changed before `stamp`. One query per thousand records, not one
    each: a roll's import touches thousands."""
    from danyuanzhang.store import in_chunks

    older: set[str] = set()
    for chunk in in_chunks(records):
        rows = store.conn.execute(
            f"SELECT DISTINCT record FROM changes WHERE record IN ({', '.join('?' * len(chunk))})"
            " AND hlc < ?",
            (*chunk, stamp),
        )
        older |= {row[0] for row in rows}
    return older


def matter_with_room(store: Store, entity: str, record: str) -> Any:
    """A petition or a hazard (`entity`), with the room of its flat."""
    return store.conn.execute(
        f"SELECT p.*, h.room FROM {entity}s p LEFT JOIN households h ON h.id = p.household_id"
        " WHERE p.id = ?",
        (record,),
    ).fetchone()


def changes_of(store: Store, records: Sequence[str]) -> list[Change]:
    from danyuanzhang.store import derive

    return derive.changes_of(store.conn, records)


# -- dyz undo --------------------------------------------------------------------------------------


def command_ends_of(store: Store, device: str) -> list[str]:
    """Where the laptop `device`'s commands ended, the last first."""
    return [
        row[0]
        for row in store.conn.execute(
            "SELECT hlc FROM command_ends WHERE substr(hlc, 28) = ? ORDER BY hlc DESC", (device,)
        )
    ]


def changes_between(store: Store, device: str, after: str, end: str) -> list[Change]:
    """The laptop `device`'s changes stamped after `after`, up to `end`, in order."""
    from danyuanzhang.store.sync import IN_ORDER, WALL, wall_from

    rows = store.conn.execute(
        f"SELECT {COLUMNS} FROM changes INDEXED BY changes_by_device"
        f" WHERE device = ? AND {WALL} BETWEEN ? AND ? AND hlc > ? AND hlc <= ? ORDER BY {IN_ORDER}",
        (device, wall_from(after), wall_from(end), after, end),
    ).fetchall()
    return [Change(*row) for row in rows]


def field_states(store: Store, entity: str, record: str) -> dict[str, FieldState]:
    """Each field's state over every copy of the record."""
    from danyuanzhang.store import derive

    return derive.states_of(
        store.conn,
        entity,
        derive.changes_of(store.conn, derive.members(store.conn, record)),
    )


# -- dyz doctor: stamps an earlier version let into the future -------------------------------------


def poisoned_changes(store: Store, limit: str) -> list[Change]:
    """Changes stamped past `limit`, or with their counter at its end, in order."""
    rows = store.conn.execute(
        f"SELECT {COLUMNS} FROM changes"
        f" WHERE substr(hlc, 1, 15) > ? OR substr(hlc, {COUNTER_START}, 1) != '0'"
        " ORDER BY hlc",
        (limit,),
    ).fetchall()
    return [Change(*row) for row in rows]


def forget_poisoned_spans(store: Store, device: str, limit: str) -> None:
    """The laptop `device`'s spans over a stamp past `limit`, or with its counter at its end."""
    store.conn.execute(
        "DELETE FROM spans WHERE device = ? AND (substr(last, 1, 15) > ?"
        f" OR substr(last, {COUNTER_START}, 1) != '0')",
        (device, limit),
    )


def drop_change(store: Store, change_id: str) -> None:
    store.conn.execute("DELETE FROM changes WHERE id = ?", (change_id,))


def refresh(store: Store, entity: str, touched: dict[str, set[str]]) -> None:
    """The fields of records whose changes were made again: shown anew."""
    from danyuanzhang.store import derive

    derive.refresh(store.conn, entity, touched)


def latest_sound(store: Store, limit: str, device: str | None) -> str | None:
    """The newest stamp not past `limit` nor with its counter at its end: of every laptop, or
    of `device`."""
    if device is not None:
        from danyuanzhang.core.hlc import COUNTER_DIGITS
        from danyuanzhang.store.sync import COUNTER, NEWEST_FIRST, WALL

        row = store.conn.execute(
            f"SELECT hlc FROM changes INDEXED BY changes_by_device WHERE device = ?"
            f" AND {WALL} <= ? AND {COUNTER} < ? ORDER BY {NEWEST_FIRST} LIMIT 1",
            (device, int(limit), 10 ** (COUNTER_DIGITS - 1)),
        ).fetchone()
        return str(row[0]) if row else None
    row = store.conn.execute(
        "SELECT max(hlc) FROM changes WHERE substr(hlc, 1, 15) <= ? AND substr(hlc, ?, 1) = '0'",
        (limit, COUNTER_START),
    ).fetchone()
    return str(row[0]) if row and row[0] else None


def drop_mark(store: Store, device: str) -> None:
    store.conn.execute("DELETE FROM marks WHERE device = ?", (device,))


def set_mark(store: Store, device: str, stamp: str) -> None:
    """What of `device` is here, put back to `stamp` (`Store.raise_mark` only raises it)."""
    store.conn.execute("UPDATE marks SET hlc = ? WHERE device = ?", (stamp, device))


def forget_poisoned_knowledge(store: Store, limit: str) -> None:
    """What peers were known to hold up to a stamp past `limit`, or with its counter at its end."""
    store.conn.execute(
        "DELETE FROM knowledge WHERE substr(hlc, 1, 15) > ? OR substr(hlc, ?, 1) != '0'",
        (limit, COUNTER_START),
    )


def exports(store: Store) -> list[tuple[str, str]]:
    """Every bundle exported here, with what it carried up to (JSON: laptop to stamp)."""
    return [(row[0], row[1]) for row in store.conn.execute("SELECT bundle, upto FROM exports")]


def forget_export(store: Store, bundle: str) -> None:
    store.conn.execute("DELETE FROM exports WHERE bundle = ?", (bundle,))


# -- the demo notebook -----------------------------------------------------------------------------


def petition_saying(store: Store, text: str) -> str:
    """The id of the petition whose words are `text`."""
    return str(store.conn.execute("SELECT id FROM petitions WHERE text = ?", (text,)).fetchone()[0])


def first_mediation(store: Store) -> str:
    """The id of the first petition raised for mediation."""
    return str(
        store.conn.execute(
            "SELECT id FROM petitions WHERE category = 'mediation' ORDER BY raised_on"
        ).fetchone()[0]
    )
