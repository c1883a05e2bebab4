"""The database file: location, permissions, migrations, refusal of newer or foreign files."""

from __future__ import annotations

import os
import re
import sqlite3
import stat
from pathlib import Path

import pytest

from danyuanzhang.store import Store
from danyuanzhang.store.db import connect, migrate, split_statements
from danyuanzhang.store.migrations import LATEST, MIGRATIONS
from tests.conftest import Runner, one_line_error

SCHEMA = Path(__file__).parents[1] / "data" / "schema.sql"


def statements(sql: str) -> list[str]:
    without_comments = "\n".join(line for line in sql.splitlines() if not line.startswith("--"))
    return [re.sub(r"\s+", " ", s).strip() for s in split_statements(without_comments)]


def created_schema(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")
    return [re.sub(r"\s+", " ", row[0]).strip() for row in rows]


SCHEMA_HEADER = """\
-- dyz database schema, version {version} (PRAGMA user_version = {version}).
--
-- This is what src/danyuanzhang/store/migrations.py builds, in one page; a test keeps the
-- two identical (DYZ_WRITE_SCHEMA=1 python -m pytest tests/test_database.py rewrites it).
-- The change log (`changes`) is the truth: every other table except `settings`, `devices`,
-- `marks`, `peers`, `knowledge`, `exports`, `bundles` and `erasures_*` / `erasure_marks` (this
-- laptop's own bookkeeping) is derived from it in the same transaction (store/derive.py).
-- erasures_held: another laptop's erasures beyond what it may erase unseen, kept out of
-- `changes` until a person accepts them (`dyz import FILE --accept-erasures`).
--
-- changes.hlc: hybrid logical clock stamp "WALL_MS(15)-COUNTER(10)-DEVICE", ordered as text.
-- changes.id: the first 32 hex digits of SHA-256 over the change's fields joined by NUL.
-- changes.value: the field's new value as JSON; `flag.<code>` fields set resident flags.
-- changes.parents: JSON list of the changes of the same field this one replaces.
-- tombstones: records erased for good; their `set` changes are purged from `changes`.
-- record_keys: each household's, resident's and roster entry's natural key (first values).
-- aliases: records that another record of their class stands for (one flat on two laptops).
-- record_refs: the household a record names, as written (merges re-point the tables).
-- marks: for each device, the stamp up to which all its changes are here.
-- knowledge: for each peer and scope, per device, up to where it holds all changes.
-- exports: what each of our bundles held, until the peer acknowledges it.

"""


def test_schema_sql_is_what_the_program_creates(tmp_path: Path) -> None:
    conn, created = connect(tmp_path / "new.db")
    assert created
    if os.environ.get("DYZ_WRITE_SCHEMA") == "1":
        rows = conn.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")
        text = SCHEMA_HEADER.format(version=LATEST) + ";\n\n".join(r[0].strip() for r in rows)
        SCHEMA.write_text(text + ";\n", encoding="utf-8")
    assert created_schema(conn) == statements(SCHEMA.read_text(encoding="utf-8")), (
        "data/schema.sql differs from the migrations: update it to match"
    )
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert f"version {LATEST}" in SCHEMA.read_text(encoding="utf-8").splitlines()[0]


def test_pragmas(tmp_path: Path) -> None:
    conn, _ = connect(tmp_path / "p.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_a_first_version_database_is_upgraded_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, 0, target=1)
    conn.execute(
        "INSERT INTO households (id, estate, building, unit, room) VALUES ('h1', '新芙蓉之都', '2', '2', '301')"
    )
    conn.close()
    store = Store.open(path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert store.conn.execute("SELECT room FROM households").fetchone()[0] == "301"
    assert created_schema(store.conn) == statements(SCHEMA.read_text(encoding="utf-8"))
    columns = {row[1] for row in store.conn.execute("PRAGMA table_info(roster)")}
    assert {"role", "name", "phone", "scope", "buildings", "duties", "photo"} <= columns


def test_reading_indexes_are_added_without_a_new_schema_version(tmp_path: Path) -> None:
    """A bundle names its schema version and an older dyz refuses a newer one: an index that
    only speeds reading up must not change it."""
    path = tmp_path / "current.db"
    Store.open(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP INDEX residents_current")
    conn.close()
    store = Store.open(path)
    names = {
        r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
    }
    assert "residents_current" in names
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST


def test_a_failed_migration_leaves_the_old_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, 0, target=1)
    conn.close()
    broken = [*MIGRATIONS[:1], [*MIGRATIONS[1], "CREATE TABLE households (x)"], *MIGRATIONS[2:]]
    monkeypatch.setattr("danyuanzhang.store.db.MIGRATIONS", broken)
    with pytest.raises(sqlite3.OperationalError):
        connect(path)
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == 1
    assert (
        check.execute("SELECT count(*) FROM sqlite_master WHERE name = 'roster'").fetchone()[0] == 0
    )


def test_a_database_from_a_newer_dyz_is_refused_and_not_written(dyz: Runner, db: Path) -> None:
    dyz("init")
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = db.read_bytes()
    line = one_line_error(dyz("household", "list", code=1))
    assert "升级 dyz" in line
    assert db.read_bytes() == before


def test_a_file_that_is_not_a_dyz_database_is_refused(dyz: Runner, tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("这不是数据库" * 200, encoding="utf-8")
    before = other.read_bytes()
    assert "不是 dyz 的数据库" in one_line_error(
        dyz("--db", str(other), "household", "list", code=1)
    )
    assert other.read_bytes() == before
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)")
    assert "不是 dyz 的数据库" in one_line_error(
        dyz("--db", str(foreign), "household", "list", code=1)
    )


@pytest.mark.skipif(
    not hasattr(stat, "S_IMODE") or __import__("os").name != "posix", reason="POSIX modes"
)
def test_the_file_and_its_wal_and_shm_are_private(dyz: Runner, db: Path) -> None:
    dyz("init")
    store = Store.open(db)  # keep a connection open so that -wal and -shm exist
    try:
        with store.transaction():
            store.set_setting("probe", "1")
        for suffix in ("", "-wal", "-shm"):
            path = Path(str(db) + suffix)
            assert path.exists(), suffix
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, suffix
    finally:
        store.close()


def test_a_loose_mode_is_tightened(dyz: Runner, db: Path) -> None:
    dyz("init")
    db.chmod(0o644)
    dyz("household", "list")
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_location_by_option_env_and_data_folder(
    dyz: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    explicit = tmp_path / "sub" / "by-option.db"
    assert str(explicit) in dyz("--db", str(explicit), "init").stderr
    assert explicit.exists()
    monkeypatch.delenv("DYZ_DB")
    result = dyz("household", "list")
    assert "已新建工作本数据库" in result.stderr
    assert (tmp_path / "xdg" / "dyz" / "dyz.db").exists()


def test_init_is_safe_to_run_twice(dyz: Runner, db: Path) -> None:
    first = dyz("init", "--community", "芙蓉南路社区", "--device-name", "王建国的电脑").stderr
    assert "工作本已建立" in first and "王建国的电脑" in first
    device_line = [line for line in first.splitlines() if "本机" in line][0]
    second = dyz("init").stderr
    assert "早已建立" in second and device_line in second and "芙蓉南路社区" in second
    third = dyz("init", "--device-name", "社区办公室").stderr
    assert "社区办公室" in third
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM devices").fetchone()[0] == 1


def test_a_command_on_a_missing_database_creates_it_and_says_where(dyz: Runner, db: Path) -> None:
    result = dyz("household", "list")
    assert f"已新建工作本数据库：{db}" in result.stderr
    assert db.exists()
    assert "已新建" not in dyz("household", "list").stderr


def test_an_older_change_log_is_rehashed_on_upgrade(tmp_path: Path) -> None:
    """Schema 3 defines change ids anew; an upgraded log must hold ids that a bundle reader
    accepts, and parents that still name the changes they replaced."""
    import hashlib
    import json

    from danyuanzhang.core.changes import Change

    path = tmp_path / "v2.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, 0, target=2)

    def old_id(*fields: str | None) -> str:  # how schema 1-2 made ids
        body = json.dumps(list(fields), ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(body.encode()).hexdigest()[:32]

    device = "d" * 32
    first_hlc, second_hlc = f"{1:015d}-{0:010d}-{device}", f"{2:015d}-{0:010d}-{device}"
    first = old_id(first_hlc, device, "周玉梅", "household", "h" * 32, "set", "room", '"301"', "[]")
    parents = json.dumps([first], separators=(",", ":"))
    second = old_id(
        second_hlc, device, "周玉梅", "household", "h" * 32, "set", "room", '"302"', parents
    )
    for change_id, hlc, value, par in (
        (first, first_hlc, '"301"', "[]"),
        (second, second_hlc, '"302"', parents),
    ):
        conn.execute(
            "INSERT INTO changes (id, hlc, device, author, entity, record, op, field, value, parents)"
            " VALUES (?, ?, ?, '周玉梅', 'household', ?, 'set', 'room', ?, ?)",
            (change_id, hlc, device, "h" * 32, value, par),
        )
    conn.close()
    store = Store.open(path)
    rows = store.conn.execute(
        "SELECT id, hlc, device, value, parents FROM changes ORDER BY hlc"
    ).fetchall()
    store.close()
    new_first = Change.content_id(
        first_hlc, device, "周玉梅", "household", "h" * 32, "set", "room", '"301"', "[]"
    )
    assert rows[0][0] == new_first and rows[0][2] == device
    assert json.loads(rows[1][4]) == [new_first]
    assert rows[1][0] == Change.content_id(
        second_hlc, device, "周玉梅", "household", "h" * 32, "set", "room", '"302"', rows[1][4]
    )
