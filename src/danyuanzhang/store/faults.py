"""What went wrong with the notebook's file, told apart in words a person can act on.

SQLite reports a full disk, a file another dyz holds, a read-only file or folder, a damaged
file and a file that is no database at all, each with its own code; every one of them used to
end as "internal error" or, worse, "not a dyz database", which invites a user to throw away a
good file. `explained` turns each into a `DyzError` that says what happened and what to do.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Any

from danyuanzhang.errors import DyzError
from danyuanzhang.system.writing import free_bytes, size_words

# what SQLite raises: the name code outside store/ catches it by, importing no sqlite3
StoreError = sqlite3.Error

BUSY_TIMEOUT_MS = 5000  # how long a write waits for another window's to end ("database is locked")

SQLITE_HEADER = b"SQLite format 3\x00"
# what a write may need beyond the file's size: a page or two of the log and its index
_SPARE_BYTES = 4 << 20


def code_of(error: sqlite3.Error) -> str:
    """SQLite's name for the error (SQLITE_FULL, SQLITE_BUSY…): Python 3.11 gives it, 3.10
    only the text, which SQLite words the same way on every platform."""
    text = str(error).lower()
    if "could not decode to utf-8" in text:
        # dyz writes text only as UTF-8: bytes that are not are a damaged page, which
        # Python's driver (not SQLite) is the one to notice
        return "SQLITE_CORRUPT"
    name = getattr(error, "sqlite_errorname", None)
    if name:
        return str(name)
    for words, code in (
        ("disk is full", "SQLITE_FULL"),
        ("database is locked", "SQLITE_BUSY"),
        ("database table is locked", "SQLITE_LOCKED"),
        ("readonly database", "SQLITE_READONLY"),
        ("malformed", "SQLITE_CORRUPT"),
        ("file is not a database", "SQLITE_NOTADB"),
        ("unable to open", "SQLITE_CANTOPEN"),
        ("disk i/o error", "SQLITE_IOERR"),
    ):
        if words in text:
            return code
    return "SQLITE_ERROR"


def needed_bytes(path: Path) -> int:
    """Room a write into the notebook may take: its log can grow to the file's size."""
    size = sum(
        Path(f"{path}{suffix}").stat().st_size
        for suffix in ("", "-wal")
        if Path(f"{path}{suffix}").exists()
    )
    return size + _SPARE_BYTES


def disk_full(path: Path) -> DyzError:
    folder = path.resolve().parent
    free = free_bytes(folder)
    return DyzError(
        "db_disk_full",
        folder=str(folder),
        free=size_words(free or 0),
        need=size_words(needed_bytes(path)),
    )


def looks_like_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return stream.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def writable(path: Path) -> bool:
    """Whether this user may write the file and its folder (SQLite needs both, for its -wal
    and -shm files)."""
    folder = path.resolve().parent
    return os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


FAULTS = (
    "SQLITE_FULL",
    "SQLITE_BUSY",
    "SQLITE_LOCKED",
    "SQLITE_READONLY",
    "SQLITE_CANTOPEN",
    "SQLITE_AUTH",
    "SQLITE_PERM",
    "SQLITE_CORRUPT",
    "SQLITE_NOTADB",
    "SQLITE_IOERR",
)


def is_fault(error: sqlite3.Error) -> bool:
    """Whether the error is the file's or the disk's, not a mistake in dyz's own SQL (which
    stays an internal error, as it is one)."""
    return code_of(error).startswith(FAULTS)


def explained(error: sqlite3.Error, path: Path, waited_ms: int | None = None) -> DyzError:
    """The one line for a failure of SQLite on the notebook at `path`, after waiting
    `waited_ms` for a busy file (SQLite's usual wait when not said)."""
    code = code_of(error)
    where = str(path)
    if code.startswith("SQLITE_FULL"):
        return disk_full(path)
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        seconds = (BUSY_TIMEOUT_MS if waited_ms is None else waited_ms) // 1000
        return DyzError("db_busy", path=where, seconds=seconds)
    if code.startswith("SQLITE_READONLY") or (
        code.startswith(("SQLITE_CANTOPEN", "SQLITE_AUTH", "SQLITE_PERM")) and not writable(path)
    ):
        return DyzError("db_read_only", path=where)
    if code.startswith("SQLITE_CORRUPT"):
        return DyzError("db_damaged", path=where)
    if code.startswith("SQLITE_NOTADB"):
        return DyzError("db_damaged" if looks_like_sqlite(path) else "db_not_dyz", path=where)
    if code.startswith("SQLITE_IOERR"):
        free = free_bytes(path.resolve().parent)
        if free is not None and free < needed_bytes(path):
            return disk_full(path)
        return DyzError("db_io_error", path=where)
    return DyzError("db_failed", path=where, code=code)  # a fault of SQLite's other kinds


# SQLite's quick check reads every page: once a day on a notebook of a unit or an estate costs
# milliseconds; an office's notebook of a whole district is left to `dyz doctor`
DAILY_CHECK_BYTES = 256 << 20


def check_daily(store: Any) -> None:
    """The first time a notebook is opened each day, SQLite's quick check: damage that would
    otherwise go unnoticed (commands still working on a file that is breaking) is said then,
    as `db_damaged`, before anything more is written into it."""
    from danyuanzhang.core.hlc import local_time

    today = local_time(store.wall_ms()).date().isoformat()
    if store.setting("checked_on") == today or store.created:
        return
    if store.path.exists() and store.path.stat().st_size > DAILY_CHECK_BYTES:
        return
    try:
        verdict = store.conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    except sqlite3.DatabaseError as error:
        if not is_fault(error):
            raise
        raise explained(error, store.path) from None
    if verdict != "ok":
        raise DyzError("db_damaged", path=str(store.path))
    with contextlib.suppress(sqlite3.Error):  # a read-only notebook is checked each time
        store.set_setting("checked_on", today)
