"""Opening the database file: location, permissions, pragmas and migrations."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from danyuanzhang.errors import DyzError
from danyuanzhang.store.migrations import LATEST, MIGRATIONS, READING_INDEXES

BUSY_TIMEOUT_MS = 5000
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
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError:
        raise DyzError("db_not_dyz", path=str(path)) from None
    if version > LATEST:
        conn.close()
        raise DyzError("db_too_new", path=str(path), version=version, supported=LATEST)
    if not created and os.name == "posix":
        for suffix in ("", "-wal", "-shm"):
            extra = Path(str(path) + suffix)
            if extra.exists() and extra.stat().st_mode & 0o077:
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
        conn.close()
        raise DyzError("db_not_dyz", path=str(path))
    if version < LATEST:
        migrate(conn, version)
    for index in READING_INDEXES:
        # a file that cannot be written is read without it, only more slowly
        with contextlib.suppress(sqlite3.OperationalError):
            conn.execute(index)
    return conn, created


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
