"""Opening the database file: location, permissions, pragmas and migrations."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from danyuanzhang.errors import DyzError
from danyuanzhang.store.faults import BUSY_TIMEOUT_MS, explained, is_fault, writable
from danyuanzhang.store.migrations import LATEST, MIGRATIONS, READING_INDEXES

PAGE_SIZE = 16384


def default_path() -> Path:
    """`DYZ_DB`, else `dyz.db` in the user's data folder."""
    env = os.environ.get("DYZ_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("dyz", appauthor=False)) / "dyz.db"


def _create_private_file(path: Path) -> None:
    # SQLite gives the -wal and -shm files the mode of the database file, so 0600 here
    # keeps all three readable by their owner only.
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def connect(path: Path) -> tuple[sqlite3.Connection, bool]:
    """Open (creating if needed) and migrate; returns the connection and whether it is new."""
    created = not path.exists()
    if created:
        try:
            _create_private_file(path)
        except OSError as error:
            raise DyzError("db_cannot_create", path=str(path), reason=error.strerror) from None
    elif path.is_dir():
        raise DyzError("db_is_folder", path=str(path))
    elif is_empty(path):
        # never silently a new notebook: it may be a copy that failed, or a disk that did
        raise DyzError("db_empty_file", path=str(path))
    read_only = not created and readable_as_is(path)
    try:
        if read_only:
            # a write-protected stick or a read-only copy: SQLite cannot make the -shm file a
            # WAL notebook is read through, but with nothing left in a -wal file the notebook
            # is whole in its one file, and can be read as it is; a write says it is read-only
            uri = f"{path.resolve().as_uri()}?immutable=1"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None)
        else:
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as error:
        raise explained(error, path) from None
    try:
        return _prepared(conn, path, created, read_only), created
    except BaseException:
        conn.close()
        raise


def reading_uri(path: Path) -> str:
    """The URI a notebook is read through without writing it: as it is (`immutable`) when it
    cannot be written and nothing waits in its -wal file (see `connect`), else read-only."""
    way = "immutable=1" if readable_as_is(path) else "mode=ro"
    return f"{path.resolve().as_uri()}?{way}"


def peek_setting(path: Path, key: str) -> str | None:
    """One setting of the notebook at `path`, read without opening it for work (no migration,
    no device, no daily checks); None where there is no notebook or it cannot be read."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(reading_uri(path), uri=True)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return None if row is None else str(row[0])


def readable_as_is(path: Path) -> bool:
    """A notebook that cannot be written and whose -wal file holds nothing: whole in its one
    file, read as it is (SQLite could not make the -shm file reading a WAL notebook needs)."""
    return not writable(path) and not is_wal_pending(path)


def is_empty(path: Path) -> bool:
    """A file of 0 bytes whose log holds nothing either (a notebook's pages may all still be
    in its -wal file)."""
    wal = Path(f"{path}-wal")
    return path.stat().st_size == 0 and (not wal.exists() or wal.stat().st_size == 0)


def is_wal_pending(path: Path) -> bool:
    wal = Path(f"{path}-wal")
    return wal.exists() and wal.stat().st_size > 0


def _prepared(
    conn: sqlite3.Connection, path: Path, created: bool, read_only: bool
) -> sqlite3.Connection:
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > LATEST:
            raise DyzError("db_too_new", path=str(path), version=version, supported=LATEST)
        if read_only:
            if version == 0 and has_tables(conn):
                raise DyzError("db_not_dyz", path=str(path))
            if version < LATEST:  # an older notebook cannot be brought up to date here
                raise DyzError("db_read_only", path=str(path))
            conn.execute("PRAGMA foreign_keys = ON")
            return conn
        _set_up(conn, path, created, version)
    except sqlite3.Error as error:
        if not is_fault(error):
            raise
        raise explained(error, path) from None
    return conn


def _set_up(conn: sqlite3.Connection, path: Path, created: bool, version: int) -> None:
    if not created and os.name == "posix":
        for suffix in ("", "-wal", "-shm"):
            extra = Path(str(path) + suffix)
            if extra.exists() and extra.stat().st_mode & 0o077:
                with contextlib.suppress(OSError):  # a file of another user, read-only
                    os.chmod(extra, 0o600)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if created:
        # Larger pages hold more of the wide change-log rows: fewer page splits on import.
        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    # room for a community's change log while a roll or a bundle is written (taken only as used)
    conn.execute("PRAGMA cache_size = -32768")
    if version == 0 and not created and has_tables(conn):
        raise DyzError("db_not_dyz", path=str(path))
    if version < LATEST:
        migrate(conn, version)
    for index in READING_INDEXES:
        # a file that cannot be written is read without it, only more slowly
        with contextlib.suppress(sqlite3.OperationalError):
            conn.execute(index)


def migrate(conn: sqlite3.Connection, current: int, target: int = LATEST) -> None:
    """Bring an older database up to `target` in one transaction: all steps or none."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for steps in MIGRATIONS[current:target]:
            for step in steps:
                if isinstance(step, str):
                    for statement in split_statements(step):
                        conn.execute(statement)
                else:
                    step(conn)
        conn.execute(f"PRAGMA user_version = {int(target)}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # SQLite rolls back by itself after some failures
            conn.execute("ROLLBACK")
        raise


def has_tables(conn: sqlite3.Connection) -> bool:
    """A version-0 file that already has tables belongs to some other program."""
    return bool(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0)


def split_statements(script: str) -> list[str]:
    # executescript() would commit our transaction; run the statements one by one instead.
    # A trigger holds semicolons of its own: a statement ends where SQLite says it is complete.
    statements: list[str] = []
    pending = ""
    for part in script.split(";"):
        pending += part + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip().removesuffix(";").strip())
            pending = ""
    return statements
