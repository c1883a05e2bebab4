"""The SQLite side of backups and restores (upkeep/backup.py): the consistent copy of a
notebook, what a copy holds, and the checked copy written over the notebook. Files not yet
trusted are read through `open_to_inspect`."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from danyuanzhang.errors import DyzError
from danyuanzhang.store.shape import described


def own_shape(store: Any) -> None:
    """A notebook holding what dyz never makes is not backed up: its backup could never be
    restored (a restore refuses it), and what was put in it is not the user's to keep."""
    from danyuanzhang.store.shape import strangers

    version = store.conn.execute("PRAGMA user_version").fetchone()[0]
    odd = strangers(store.conn, version)
    if odd:
        raise DyzError("backup_strange_schema", objects=described(odd))


def copy_of(store: Any, copy: Path) -> None:
    """A consistent copy of the notebook: `VACUUM INTO`, or, for a notebook that cannot be
    written (SQLite 3.40 fails `VACUUM INTO` from a read-only notebook whose log has a
    generated column), its pages through SQLite's backup API, no other window writing it."""
    from danyuanzhang.store.faults import writable

    try:
        store.conn.execute("VACUUM INTO ?", (str(copy),))
        return
    except sqlite3.OperationalError:
        if writable(store.path):
            raise
    Path(f"{copy}-journal").unlink(missing_ok=True)
    with copy.open("r+b") as emptied:  # what VACUUM INTO may have begun
        emptied.truncate(0)
    target = sqlite3.connect(copy, isolation_level=None)
    try:
        store.conn.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()


def contents(copy: Path) -> tuple[int, int, str | None]:
    """The copy's schema version, and its log's size and newest stamp (Ctrl-C heard: a
    notebook someone put a view into is the doctor's to find, but must not hang a backup)."""
    from danyuanzhang.store.shape import open_to_inspect, stop_if_interrupted

    conn = open_to_inspect(copy)
    try:
        schema = conn.execute("PRAGMA user_version").fetchone()[0]
        count, latest = conn.execute("SELECT count(*), max(hlc) FROM changes").fetchone()
        return int(schema), int(count), latest
    except sqlite3.Error as error:
        stop_if_interrupted(error)
        raise
    finally:
        conn.close()


def lacking(notebook: Path, copy: Path) -> tuple[int, str | None] | None:
    """What the notebook holds that the checked copy lacks: (changes and erasures, the day of
    the newest such change), or None when the notebook cannot be read (damaged, missing)."""
    from danyuanzhang.store.shape import inspected, stop_if_interrupted

    conn = inspected(notebook)
    if conn is None:
        return None
    try:
        conn.execute("ATTACH DATABASE ? AS copy", (f"{copy.resolve().as_uri()}?mode=ro",))
        count, latest = conn.execute(
            "SELECT count(*), max(hlc) FROM main.changes c"
            " WHERE NOT EXISTS (SELECT 1 FROM copy.changes b"
            "  WHERE b.record = c.record AND b.field = c.field AND b.id = c.id)"
        ).fetchone()
        erased = conn.execute(
            "SELECT count(*) FROM main.tombstones t WHERE NOT EXISTS (SELECT 1 FROM"
            " copy.tombstones b WHERE b.entity = t.entity AND b.record = t.record)"
        ).fetchone()[0]
        return int(count) + int(erased), latest
    except sqlite3.Error as error:
        stop_if_interrupted(error)
        return None
    finally:
        conn.close()


def laptop_of(notebook: Path) -> tuple[str, str] | None:
    """The laptop a notebook belongs to (its device id and name), if it can be read."""
    from danyuanzhang.store.shape import inspected

    conn = inspected(notebook)
    if conn is None:
        return None
    try:
        rows = dict(
            conn.execute(
                "SELECT key, value FROM settings WHERE key IN ('device_id', 'device_name')"
            ).fetchall()
        )
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    if not rows.get("device_id"):
        return None
    return str(rows["device_id"]), str(rows.get("device_name") or "")


def check_unpacked(copy: Path, path: Path) -> None:
    """The unpacked notebook is dyz's own shape, exactly, before anything else is read of it
    (see store/shape.py), and SQLite finds it whole."""
    from danyuanzhang.store.migrations import LATEST
    from danyuanzhang.store.shape import open_to_inspect, stop_if_interrupted, strangers

    try:
        conn = open_to_inspect(copy)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > LATEST:
                raise DyzError("db_too_new", path=str(path), version=version, supported=LATEST)
            if version < 1:
                raise DyzError("backup_damaged", path=str(path))
            odd = strangers(conn, version)
            if odd:
                raise DyzError("restore_strange_schema", path=str(path), objects=described(odd))
            if conn.execute("PRAGMA integrity_check(1)").fetchone()[0] != "ok":
                raise DyzError("backup_damaged", path=str(path))
        finally:
            conn.close()
    except sqlite3.Error as error:
        stop_if_interrupted(error)
        raise DyzError("backup_damaged", path=str(path)) from None


def copy_into(copy: Path, notebook: Path) -> None:
    """The checked copy written over the live notebook in one transaction of SQLite's: a
    window reading it meanwhile sees the old notebook or the new, and a crash leaves the old."""
    from danyuanzhang.store.faults import BUSY_TIMEOUT_MS, explained

    source = sqlite3.connect(copy)
    try:
        target = sqlite3.connect(notebook, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            source.backup(target)
        except sqlite3.Error as error:
            raise explained(error, notebook) from None
        finally:
            target.close()
    finally:
        source.close()
