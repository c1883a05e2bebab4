"""The notebook's shape: every table, index, view and trigger dyz makes for a schema version,
and what a file holds beyond it.

A file is trusted only when its `sqlite_master` is exactly what dyz makes: a trigger someone
added runs on dyz's next write (copying a resident to a table of theirs before an erasure), and
a view put where a table was runs on every read, forever if it is recursive. Reading
`sqlite_master` itself fires no trigger and runs no view, so it is the first thing read of a
file that is not yet trusted.

The expected shape is made by running this dyz's own migrations on an empty database. Tables
are compared by their columns and constraints in any order: a column added by `ALTER TABLE`
comes last, and notebooks that took the migrations at different times have them in different
orders.

>>> from danyuanzhang.store.migrations import LATEST
>>> conn = _fresh(LATEST)
>>> _ = conn.execute("CREATE TRIGGER stash BEFORE DELETE ON residents BEGIN SELECT 1; END")
>>> strangers(conn, LATEST)
[Stranger(kind='trigger', name='stash', how='extra')]
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

KINDS = ("trigger", "view", "index", "table")  # the order they are dropped in


@dataclass(frozen=True)
class Stranger:
    kind: str  # table, index, view, trigger
    name: str
    how: str  # extra: dyz makes no such thing; altered: dyz's own, made otherwise; missing

    @property
    def mendable(self) -> bool:
        """Dropped (and, when dyz's own, made again) by `dyz doctor --repair`: everything but a
        table of dyz's that is missing or made otherwise, which holds the data."""
        return self.how == "extra" or (self.how == "altered" and self.kind != "table")


def open_to_inspect(path: Path) -> sqlite3.Connection:
    """A file not yet trusted, opened to be read and to run nothing its schema would run:
    functions with side effects in its views and triggers are refused (`trusted_schema`).
    A notebook on a write-protected stick, with nothing left in its -wal file, is read as it
    is (SQLite cannot make the -shm file a read-only WAL notebook needs)."""
    from danyuanzhang.store.db import is_wal_pending

    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        if is_wal_pending(path):
            raise
        conn = sqlite3.connect(f"{uri}?immutable=1", uri=True)
        conn.execute("PRAGMA trusted_schema = OFF")
    # SQLite does not hear Ctrl-C; calling back into Python lets it be heard, and the query
    # ends ("interrupted", see `stop_if_interrupted`)
    conn.set_progress_handler(_go_on, 100_000)
    return conn


def inspected(path: Path) -> sqlite3.Connection | None:
    """A notebook opened to inspect, or None where there is none to read: no file, an empty
    one, or one SQLite cannot open."""
    if not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        return open_to_inspect(path)
    except sqlite3.Error:
        return None


def _go_on() -> int:
    return 0


def stop_if_interrupted(error: sqlite3.Error) -> None:
    """Ctrl-C during a query on an `open_to_inspect` connection: the KeyboardInterrupt it was."""
    if isinstance(error, sqlite3.OperationalError) and "interrupted" in str(error):
        raise KeyboardInterrupt from None


Shape = dict[tuple[str, str], tuple[str, str | None]]  # (kind, name): (table, normalised sql)


def strangers(conn: sqlite3.Connection, version: int, schema: str = "main") -> list[Stranger]:
    """What the file open on `conn` holds that dyz does not make at `version`, what of dyz's is
    made otherwise, and what of dyz's is missing."""
    expected, optional = _made(version)
    found: Shape = {}
    rows = conn.execute(f"SELECT type, name, tbl_name, sql FROM {schema}.sqlite_master")
    for kind, name, table, sql in rows.fetchall():
        if name == "sqlite_sequence" or (
            str(name).startswith("sqlite_autoindex_") and ("table", table) not in expected
        ):  # SQLite's own, which go with the table they were made for
            continue
        found[(str(kind), str(name))] = (str(table), _normal(str(kind), sql))
    odd = []
    for key, made in sorted(found.items()):
        if key not in expected:
            odd.append(Stranger(*key, "extra"))
        elif made != expected[key]:
            odd.append(Stranger(*key, "altered"))
    odd += [Stranger(*key, "missing") for key in sorted(expected) if key not in found]
    return [s for s in odd if not (s.how == "missing" and (s.kind, s.name) in optional)]


def described(odd: list[Stranger]) -> str:
    """What a file holds beyond dyz's shape, as people read it: 多出 触发器 zz；缺少 表 changes."""
    from danyuanzhang.text.i18n import join, lang, t

    parts = []
    for how in ("extra", "altered", "missing"):
        named = [f"{t(f'schema_kind_{s.kind}')} {s.name}" for s in odd if s.how == how]
        if named:
            parts.append(f"{t(f'schema_how_{how}')} {join(named, 5)}")
    return ("；" if lang() == "zh" else "; ").join(parts)


def made_sql(version: int, kind: str, name: str) -> str | None:
    """The statement dyz makes `name` with at `version` (for `dyz doctor --repair`)."""
    return _statements(version).get((kind, name))


@lru_cache(maxsize=4)
def _statements(version: int) -> dict[tuple[str, str], str]:
    conn = _fresh(version)
    try:
        rows = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL")
        return {(kind, name): sql for kind, name, sql in rows.fetchall()}
    finally:
        conn.close()


@lru_cache(maxsize=4)
def _made(version: int) -> tuple[Shape, frozenset[tuple[str, str]]]:
    """The shape dyz makes at `version`, and what of it may be absent: the indexes that only
    speed reading up, which a notebook gets when it is opened."""
    conn = _fresh(version)
    try:
        before = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        _add_reading_indexes(conn)
        rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
        shape = {(kind, name): (table, _normal(kind, sql)) for kind, name, table, sql in rows}
        optional = frozenset((kind, name) for kind, name, _, _ in rows if name not in before)
        return shape, optional
    finally:
        conn.close()


def _fresh(version: int) -> sqlite3.Connection:
    from danyuanzhang.store.db import migrate

    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn, 0, version)
    return conn


def _add_reading_indexes(conn: sqlite3.Connection) -> None:
    from danyuanzhang.store.migrations import READING_INDEXES

    for index in READING_INDEXES:
        try:
            conn.execute(index)
        except sqlite3.OperationalError:  # a version before the table it speeds up
            continue


def _normal(kind: str, sql: str | None) -> str | None:
    """The statement with its spacing and identifier quotes evened out; a table's columns and
    constraints sorted."""
    if sql is None:
        return None
    text = re.sub(r"\s+", " ", sql.replace('"', "")).strip()
    if kind != "table" or "(" not in text:
        return text
    start, end = text.index("("), text.rindex(")")
    parts = sorted(part.strip() for part in _top_level(text[start + 1 : end]))
    return f"{text[:start].strip()} ({', '.join(parts)}){text[end + 1 :]}"


def _top_level(body: str) -> list[str]:
    """`body` cut at the commas outside brackets and quotes."""
    parts: list[str] = []
    current: list[str] = []
    depth, quote = 0, ""
    for char in body:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'`[":
            quote = "]" if char == "[" else char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


def mend(conn: sqlite3.Connection, odd: list[Stranger], version: int) -> list[Stranger]:
    """Drop what dyz does not make and make again what of dyz's (but a table) was made
    otherwise, in one transaction; what was mended. Dropping a table fires no trigger."""
    from danyuanzhang.store.db import split_statements

    mended = [s for s in odd if s.mendable]
    conn.execute("BEGIN IMMEDIATE")
    try:
        for stranger in sorted(mended, key=lambda s: KINDS.index(s.kind)):
            quoted = stranger.name.replace('"', '""')
            conn.execute(f'DROP {stranger.kind.upper()} IF EXISTS "{quoted}"')
        for stranger in mended:
            made = made_sql(version, stranger.kind, stranger.name)
            if stranger.how != "extra" and made is not None:
                for statement in split_statements(made):
                    conn.execute(statement)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return mended
