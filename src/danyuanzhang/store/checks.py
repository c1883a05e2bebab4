"""SQLite's side of `dyz doctor` (upkeep/health.py): its own checks of a notebook, the log
against the tables derived from it, the file's shape read before anything else of it, and
the mending of what can be mended, a damaged file included, from its log."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from danyuanzhang.store import Store

if TYPE_CHECKING:
    from danyuanzhang.store.shape import Stranger


def integrity_problems(store: Store) -> int:
    """What SQLite's integrity check finds wrong (1 when it cannot even run)."""
    return _integrity_problems(store.conn)


def foreign_key_problems(store: Store) -> int:
    try:
        rows = store.conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError:
        return 1
    return len(rows)


def damaged_in_log(store: Store) -> int:
    """Changes of the log whose ids no longer match their content (-1: the log cannot be
    read)."""
    return _damaged_in_log(store.conn)


def log_and_tables_bytes(store: Store) -> tuple[int, int] | None:
    """The bytes the change log takes (its table and indexes) and those every other table and
    index takes, from SQLite's page statistics; None where this SQLite has none (dbstat)."""
    try:
        rows = store.conn.execute(
            "SELECT m.tbl_name = 'changes', sum(s.pgsize) FROM dbstat s"
            " JOIN sqlite_schema m ON m.name = s.name GROUP BY 1"
        ).fetchall()
    except sqlite3.OperationalError:
        return None
    sizes = {bool(is_log): int(size) for is_log, size in rows}
    return sizes.get(True, 0), sizes.get(False, 0)


def _integrity_problems(conn: sqlite3.Connection) -> int:
    try:
        rows = [row[0] for row in conn.execute("PRAGMA integrity_check(100)")]
    except sqlite3.DatabaseError:
        return 1
    return len([row for row in rows if row != "ok"])


def _damaged_in_log(conn: sqlite3.Connection) -> int:
    from danyuanzhang.store.rebuild import damaged_changes

    try:
        return damaged_changes(conn)
    except sqlite3.DatabaseError:
        return -1


def differences_from_log(store: Store, scratch: Path) -> dict[str, int] | None:
    """Rebuild the notebook from its log in `scratch`: the rows each derived table differs
    by; None when it cannot be told."""
    from danyuanzhang.store.rebuild import differences, rebuild_into

    try:
        rebuild_into(store.path, scratch)
        return differences(store.conn, scratch)
    except sqlite3.DatabaseError:
        return None


def replace_tables(store: Store, scratch: Path) -> None:
    """The derived tables replaced by those of the rebuild in `scratch`."""
    from danyuanzhang.store.rebuild import replace_derived

    replace_derived(store.conn, scratch)


def read_leniently(store: Store) -> None:
    """Text a damaged page made undecodable read, marked, so that the checks see the damage
    (the change log's ids no longer match; the tables differ from it) instead of stopping."""
    store.conn.text_factory = _lenient_text


def _lenient_text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


# -- the file's shape: only what dyz makes ---------------------------------------------------------


def _shape_of(path: Path) -> tuple[sqlite3.Connection, int] | None:
    """The notebook opened to read its `sqlite_master` and nothing else, and its version;
    None when that cannot be told here (a damaged file, a newer dyz's, another program's)."""
    from danyuanzhang.store.migrations import LATEST
    from danyuanzhang.store.shape import inspected

    conn = inspected(path)
    if conn is None:
        return None
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.Error:
        conn.close()
        return None
    if not 1 <= version <= LATEST:
        conn.close()
        return None
    return conn, version


def strangers_in_file(path: Path) -> list[Stranger] | None:
    """What the notebook holds beyond the tables, indexes, views and triggers dyz makes, read
    before anything else of the file (see store/shape.py); None when it cannot be told."""
    from danyuanzhang.store.shape import strangers

    opened = _shape_of(path)
    if opened is None:
        return None
    conn, version = opened
    try:
        return strangers(conn, version)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def mend_shape(path: Path) -> list[Stranger]:
    """Drop from the notebook what dyz does not make (with the data of such tables), and make
    again what of dyz's was altered; what was mended."""
    from danyuanzhang.store.faults import BUSY_TIMEOUT_MS
    from danyuanzhang.store.shape import mend, strangers

    opened = _shape_of(path)
    if opened is None:
        return []
    reader, version = opened
    try:
        odd = strangers(reader, version)
    finally:
        reader.close()
    conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        return mend(conn, odd, version)
    finally:
        conn.close()


# -- a file that does not open -------------------------------------------------------------------


def damaged_file(path: Path) -> tuple[int, int]:
    """A notebook SQLite calls damaged, read-only: its integrity problems and the changes of
    its log damaged (1 and -1 when it cannot be opened at all)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return 1, -1
    try:
        return _integrity_problems(conn), _damaged_in_log(conn)
    finally:
        conn.close()


def rebuild_file(path: Path, fresh: Path) -> None:
    """The notebook at `path` made again from its log at `fresh`, whole in its one file."""
    from danyuanzhang.store.rebuild import rebuild_into

    rebuild_into(path, fresh)
    checkpoint = sqlite3.connect(fresh)
    checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    checkpoint.close()
