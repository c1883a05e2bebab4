"""A notebook made again from its change log: to check the tables against the log, and to
mend a damaged file whose log can still be read.

Every table a command reads (households, residents, petitions… and the identity tables beside
them) is a function of the change log and the erasures (see `derive`). A fresh notebook that
receives the log and the erasures, and derives every record from them, must hold the same
tables: where it does not, the tables were damaged, and the fresh notebook's are the sound ones.
What is not derived (settings, this laptop's keys, peers, marks, spans, the office's list) is
carried over as it is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

from danyuanzhang.core.changes import COLUMNS, Change
from danyuanzhang.core.merge import Incoming
from danyuanzhang.core.records import ENTITIES

# what `derive` writes; everything else in the file is carried over unchanged
IDENTITY_TABLES = ("record_keys", "aliases", "record_refs", "conflicts")
DERIVED_TABLES = tuple(
    dict.fromkeys(
        [
            *(spec.table for spec in ENTITIES.values()),
            *(spec.flag_table for spec in ENTITIES.values() if spec.flag_table),
            *IDENTITY_TABLES,
        ]
    )
)


def tables_of(conn: sqlite3.Connection, schema: str = "main") -> list[str]:
    rows = conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table'"
        " AND name NOT LIKE 'sqlite_%' ORDER BY name"
    )
    return [row[0] for row in rows]


def damaged_changes(conn: sqlite3.Connection) -> int:
    """Changes whose content no longer gives their id (each id is a hash of its content):
    a flipped bit in the log itself, which no rebuild can mend."""
    rows = conn.execute(f"SELECT {COLUMNS} FROM changes")
    return sum(not Change(*row).is_intact() for row in rows)


def rebuild_into(source: Path, target: Path) -> None:
    """A fresh notebook at `target` made from the log, the erasures and the tables that are
    not derived of the notebook at `source` (read as far as it can be read)."""
    from danyuanzhang.store.db import connect, reading_uri

    conn, _ = connect(target)
    try:
        conn.execute("ATTACH DATABASE ? AS old", (reading_uri(source),))
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("BEGIN IMMEDIATE")
        carried = [t for t in tables_of(conn, "old") if t not in DERIVED_TABLES]
        present = set(tables_of(conn))
        for table in carried:
            if table not in present:
                continue
            columns = _shared_columns(conn, table)
            conn.execute(f"DELETE FROM main.{table}")
            conn.execute(
                f"INSERT OR IGNORE INTO main.{table} ({columns}) SELECT {columns} FROM old.{table}"
            )
        _derive_everything(conn)
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE old")
    finally:
        conn.close()


def _shared_columns(conn: sqlite3.Connection, table: str) -> str:
    old = set(_columns(conn, table, "old"))
    return ", ".join(f'"{name}"' for name in _columns(conn, table) if name in old)


def _columns(conn: sqlite3.Connection, table: str, schema: str = "main") -> list[str]:
    """A table's stored columns (generated ones are made, not copied)."""
    rows = conn.execute("SELECT name, hidden FROM pragma_table_xinfo(?, ?)", (table, schema))
    return [row[0] for row in rows if row[1] == 0]


def _derive_everything(conn: sqlite3.Connection) -> None:
    from danyuanzhang.store import derive

    erased = {(row[0], row[1]) for row in conn.execute("SELECT entity, record FROM tombstones")}
    batch: list[Incoming] = []
    for group in _records(conn):
        if (group.entity, group.record) in erased or group.entity not in ENTITIES:
            continue
        batch.append(group)
    derive.add_records(conn, batch)


def _records(conn: sqlite3.Connection) -> Iterator[Incoming]:
    current: list[Change] = []
    rows = conn.execute(f"SELECT {COLUMNS} FROM changes ORDER BY record, hlc, id")
    for row in rows:
        change = Change(*row)
        if current and current[0].record != change.record:
            yield Incoming(current[0].entity, current[0].record, current)
            current = []
        current.append(change)
    if current:
        yield Incoming(current[0].entity, current[0].record, current)


def differences(conn: sqlite3.Connection, rebuilt: Path) -> dict[str, int]:
    """For each derived table, the rows that differ between the notebook and its rebuild."""
    conn.execute("ATTACH DATABASE ? AS rebuilt", (f"{rebuilt.resolve().as_uri()}?mode=ro",))
    try:
        found = {}
        for table in DERIVED_TABLES:
            columns = _visible_columns(conn, table)
            count = conn.execute(
                f"SELECT (SELECT count(*) FROM (SELECT {columns} FROM main.{table}"
                f" EXCEPT SELECT {columns} FROM rebuilt.{table}))"
                f" + (SELECT count(*) FROM (SELECT {columns} FROM rebuilt.{table}"
                f" EXCEPT SELECT {columns} FROM main.{table}))"
            ).fetchone()[0]
            if count:
                found[table] = int(count)
        return found
    finally:
        conn.execute("DETACH DATABASE rebuilt")


def _visible_columns(conn: sqlite3.Connection, table: str) -> str:
    return ", ".join(f'"{name}"' for name in _columns(conn, table))


def replace_derived(conn: sqlite3.Connection, rebuilt: Path) -> None:
    """The notebook's derived tables replaced by those of its rebuild, in one transaction."""
    conn.execute("ATTACH DATABASE ? AS rebuilt", (f"{rebuilt.resolve().as_uri()}?mode=ro",))
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("BEGIN IMMEDIATE")
        try:
            for table in DERIVED_TABLES:
                columns = _visible_columns(conn, table)
                conn.execute(f"DELETE FROM main.{table}")
                conn.execute(
                    f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM rebuilt.{table}"
                )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DETACH DATABASE rebuilt")
