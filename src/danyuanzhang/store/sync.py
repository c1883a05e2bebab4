"""The SQL of sync: choosing changes to export, and applying a bundle's changes in bulk."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from danyuanzhang.store import Store, in_chunks
from danyuanzhang.store.entities import ENTITIES

CHANGE_COLUMNS = "id, hlc, device, author, entity, record, op, field, value, parents"


def changes_after(store: Store, marks: dict[str, str] | None) -> list[tuple[Any, ...]]:
    """Every change (marks None), or each device's changes later than its mark.

    The log is read whole: an index by device would double what every import writes, and
    exports are rare next to imports at the office."""
    rows = store.conn.execute(f"SELECT {CHANGE_COLUMNS} FROM changes").fetchall()
    if marks is None:
        return rows
    return [row for row in rows if row[1] > marks.get(row[2], "")]


def changes_of_record(store: Store, record: str) -> list[tuple[Any, ...]]:
    return store.conn.execute(
        f"SELECT {CHANGE_COLUMNS} FROM changes WHERE record = ?", (record,)
    ).fetchall()


def existing_ids(store: Store, table: str, ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for chunk in in_chunks(ids):
        marks = ", ".join("?" * len(chunk))
        found.update(
            row[0]
            for row in store.conn.execute(f"SELECT id FROM {table} WHERE id IN ({marks})", chunk)
        )
    return found


def tombstoned(store: Store, records: Sequence[str]) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for chunk in in_chunks(records):
        marks = ", ".join("?" * len(chunk))
        found.update(
            (row[0], row[1])
            for row in store.conn.execute(
                f"SELECT entity, record FROM tombstones WHERE record IN ({marks})", chunk
            )
        )
    return found


def change_ids_of(store: Store, record: str) -> set[str]:
    return {
        row[0] for row in store.conn.execute("SELECT id FROM changes WHERE record = ?", (record,))
    }


def insert_changes(store: Store, rows: Sequence[tuple[Any, ...]]) -> None:
    store.conn.executemany(
        # rows carry the device third, which the log reads off the stamp: ?3 is left unused
        "INSERT OR IGNORE INTO changes (id, hlc, author, entity, record, op, field, value, parents)"
        " VALUES (?1, ?2, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        rows,
    )


def insert_records(
    store: Store, entity: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """New rows of a derived table, all columns at once."""
    table = ENTITIES[entity].table
    names = ", ".join(["id", *columns])
    marks = ", ".join("?" * (len(columns) + 1))
    store.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def set_column(store: Store, entity: str, column: str, record: str, value: Any) -> None:
    table = ENTITIES[entity].table
    store.conn.execute(
        f"INSERT INTO {table} (id, {column}) VALUES (?, ?)"
        f" ON CONFLICT (id) DO UPDATE SET {column} = excluded.{column}",
        (record, value),
    )


def set_flags(store: Store, on: Sequence[tuple[str, str]], off: Sequence[tuple[str, str]]) -> None:
    store.conn.executemany("INSERT OR IGNORE INTO resident_flags VALUES (?, ?)", on)
    store.conn.executemany("DELETE FROM resident_flags WHERE resident_id = ? AND flag = ?", off)


def conflict_id(record: str, field: str) -> str:
    import hashlib

    return hashlib.sha256(f"{record}\x00{field}".encode()).hexdigest()[:32]


def set_conflict(store: Store, entity: str, record: str, field: str, present: bool) -> bool:
    """Show or clear a conflict; returns whether a new one appeared."""
    if present:
        cursor = store.conn.execute(
            "INSERT OR IGNORE INTO conflicts (id, entity, record, field) VALUES (?, ?, ?, ?)",
            (conflict_id(record, field), entity, record, field),
        )
        return cursor.rowcount > 0
    store.conn.execute("DELETE FROM conflicts WHERE record = ? AND field = ?", (record, field))
    return False


def conflicts(store: Store) -> list[Any]:
    return store.conn.execute("SELECT * FROM conflicts ORDER BY entity, record, field").fetchall()


def conflict(store: Store, conflict_id_text: str) -> Any:
    return store.conn.execute(
        "SELECT * FROM conflicts WHERE id = ?", (conflict_id_text,)
    ).fetchone()


# -- peers, bundles and devices --------------------------------------------------------------


def bundle_seen(store: Store, checksum: str) -> Any:
    return store.conn.execute("SELECT * FROM bundles WHERE checksum = ?", (checksum,)).fetchone()


def remember_bundle(
    store: Store, checksum: str, sender: str, created: str, now: str, count: int
) -> None:
    store.conn.execute(
        "INSERT OR IGNORE INTO bundles (checksum, sender, created, imported, changes)"
        " VALUES (?, ?, ?, ?, ?)",
        (checksum, sender, created, now, count),
    )


def remember_peer(
    store: Store, device: str, name: str, seen: dict[str, str], now: str, created: str
) -> None:
    store.conn.execute(
        "INSERT INTO peers (device, name, seen, last_heard, last_bundle) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (device) DO UPDATE SET name = excluded.name,"
        " seen = CASE WHEN excluded.last_bundle >= peers.last_bundle THEN excluded.seen"
        " ELSE peers.seen END,"
        " last_heard = excluded.last_heard,"
        " last_bundle = max(peers.last_bundle, excluded.last_bundle)",
        (device, name, json.dumps(seen, sort_keys=True), now, created),
    )
    store.conn.execute(
        "INSERT INTO devices (id, name, first_seen, last_seen) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET name = excluded.name, last_seen = excluded.last_seen",
        (device, name, now, now),
    )


def peers(store: Store) -> list[Any]:
    return store.conn.execute("SELECT * FROM peers ORDER BY last_heard DESC").fetchall()
