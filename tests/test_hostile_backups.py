"""Backups made by someone who means harm (they know the passphrase, or need only the office's
public key): each is refused in one line, within seconds and a bounded memory, with the
notebook as it was and no decrypted copy left beside it."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from danyuanzhang.errors import DyzError
from tests.bounded import Bounded, run_bounded
from tests.conftest import Runner, snapshot
from tests.hostile_backups import ABSENT, PASSPHRASE, copy_of, seal

GIB = 1 << 30

HOSTILE_SQL = {
    # every read of the log runs forever, and SQLite does not hear Ctrl-C
    "recursive view": "DROP TABLE changes; CREATE VIEW changes (id, record, field, hlc) AS"
    " WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n, n, n, n FROM r;",
    # a resident erased later is kept, with her phone, in a table of theirs
    "stash trigger": "CREATE TABLE zz_stash (name TEXT, phone TEXT);"
    " CREATE TRIGGER zz_keep BEFORE DELETE ON residents BEGIN"
    " INSERT INTO zz_stash VALUES (old.name, old.phone); END;",
    # every later write fails
    "abort trigger": "CREATE TRIGGER zz_stop BEFORE INSERT ON changes BEGIN"
    " SELECT RAISE(ABORT, 'no'); END;",
}


@pytest.fixture
def passphrase(tmp_path: Path) -> str:
    file = tmp_path / "口令.txt"
    file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return str(file)


def hostile(db: Path, folder: Path, sql: str) -> Path:
    """A copy of the notebook with `sql` run in it."""
    copy = copy_of(db, folder / "hostile.db")
    conn = sqlite3.connect(copy)
    conn.executescript(sql)
    conn.close()
    return copy


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".dyz-backup-")]


def refused(result: Bounded, *words: str) -> str:
    assert result.code == 1, result.lines
    assert "Traceback" not in result.stderr
    [line] = result.lines
    for word in words:
        assert word in line, line
    print(f"\n{words[0]}: {result.seconds:.2f} s, peak {result.peak_mib:.0f} MiB")
    return line


@pytest.mark.parametrize("kind", list(HOSTILE_SQL))
def test_a_backup_holding_what_dyz_never_makes_is_refused(
    stairwell: str, db: Path, passphrase: str, tmp_path: Path, kind: str
) -> None:
    backup = seal(hostile(db, tmp_path, HOSTILE_SQL[kind]), tmp_path / "h.dyzbak", laptop=_me(db))
    before = snapshot(db)
    result = run_bounded("restore", str(backup), "--passphrase-file", passphrase, "--overwrite")
    line = refused(result, "dyz 自己不会建的东西", "什么也没有改动")
    extra, _, missing = line.partition("缺少")
    assert {"recursive view": "视图 changes", "stash trigger": "触发器 zz_keep"}.get(
        kind, "触发器 zz_stop"
    ) in extra.partition("多出")[2]
    if kind == "recursive view":  # where the log was, a view: the table is missing, not extra
        assert "表 changes" in missing and "表 changes" not in extra, line
    assert result.seconds < 30
    assert snapshot(db) == before
    assert leftovers(db.parent) == []


def _zeros(size: int) -> Iterator[bytes]:
    block = bytes(1 << 20)
    for _ in range(size >> 20):
        yield block


def _notebook_then_zeros(notebook: Path, size: int) -> Iterator[bytes]:
    yield notebook.read_bytes()
    yield from _zeros(size)


@pytest.mark.parametrize("bomb", ["zeros", "notebook and zeros", "older backup", "huge"])
def test_a_decompression_bomb_stops_at_the_size_the_notebook_can_be(
    stairwell: str, db: Path, passphrase: str, tmp_path: Path, bomb: str
) -> None:
    """A gigabyte of zeros deflates to a few megabytes: it is never unpacked past what the
    header and the SQLite file itself say the notebook is."""
    notebook = copy_of(db, tmp_path / "plain.db")
    size = notebook.stat().st_size
    target = tmp_path / "bomb.dyzbak"
    if bomb == "zeros":
        seal(_zeros(GIB), target, size=GIB, laptop=_me(db))
    elif bomb == "notebook and zeros":
        seal(_notebook_then_zeros(notebook, GIB), target, size=size, laptop=_me(db))
    elif bomb == "older backup":  # no size in its header: SQLite's own page count bounds it
        seal(_notebook_then_zeros(notebook, GIB), target, size=ABSENT, laptop=_me(db))
    else:  # its first page claims 2³¹ pages
        data = bytearray(notebook.read_bytes())
        data[28:32] = (1 << 31).to_bytes(4, "big")
        seal(iter([bytes(data)]), target, size=ABSENT, laptop=_me(db))
    before = snapshot(db)
    result = run_bounded("restore", str(target), "--passphrase-file", passphrase, "--overwrite")
    if bomb == "huge":
        refused(result, "解开要", "什么也没有改动")
    else:
        refused(result, "损坏", "什么也没有改动")
    assert result.seconds < 30
    assert snapshot(db) == before
    assert leftovers(db.parent) == []


@pytest.mark.parametrize(
    "field",
    [
        {"ops": True},  # bool is an int to Python: this was read as 1 pass
        {"schema": "18"},
        {"laptop": 5},
        {"size": True},
        {"size": -1},
        {"made": "昨天"},
        {"latest": 7},
    ],
    ids=lambda f: "-".join(f"{k}={v!r}" for k, v in f.items()),
)
def test_a_header_field_of_the_wrong_type_is_damage_not_a_wrong_passphrase(
    dyz: Runner, stairwell: str, db: Path, passphrase: str, tmp_path: Path, field: dict[str, object]
) -> None:
    fields = {"laptop": _me(db), **field}
    backup = seal(copy_of(db, tmp_path / "plain.db"), tmp_path / "b.dyzbak", **fields)
    before = snapshot(db)
    result = run_bounded("restore", str(backup), "--passphrase-file", passphrase, "--overwrite")
    line = refused(result, "损坏")
    assert "口令不对" not in line and result.seconds < 30
    assert snapshot(db) == before and leftovers(db.parent) == []


def test_an_honest_forgery_of_the_right_shape_is_restored(
    dyz: Runner, stairwell: str, db: Path, passphrase: str, tmp_path: Path
) -> None:
    """The helper seals what `dyz backup` would: the refusals above are for what they hold."""
    from tests.conftest import BOOKKEEPING  # noqa: F401  (the same notion of "unchanged")

    backup = seal(copy_of(db, tmp_path / "plain.db"), tmp_path / "b.dyzbak", laptop=_me(db))
    before = snapshot(db)
    dyz("household", "add", "2-2-501")
    dyz("restore", str(backup), "--passphrase-file", passphrase, "--overwrite")
    assert snapshot(db)["changes"] == before["changes"]


def _me(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("SELECT value FROM settings WHERE key = 'device_id'").fetchone()[0])
    finally:
        conn.close()


def test_another_laptop_s_backup_asks_before_taking_its_identity(
    dyz: Runner, stairwell: str, db: Path, passphrase: str, tmp_path: Path
) -> None:
    other = ["--db", str(tmp_path / "李四.db")]
    dyz(*other, "init", "--community", "芙蓉南路社区", "--device-name", "李四的电脑")
    backup = tmp_path / "李四.dyzbak"
    dyz(*other, "backup", "-o", str(backup), "--passphrase-file", passphrase)
    before = snapshot(db)
    result = run_bounded("restore", str(backup), "--passphrase-file", passphrase, "--overwrite")
    refused(result, "李四的电脑", "王建国的电脑", "--as-that-laptop")
    assert result.seconds < 30 and snapshot(db) == before and leftovers(db.parent) == []
    dyz(
        "restore", str(backup), "--passphrase-file", passphrase, "--overwrite",
        "--as-that-laptop",
    )  # fmt: skip
    assert _me(db) == _me(Path(other[1]))


def test_at_a_terminal_another_laptop_s_backup_is_asked_about(
    dyz: Runner,
    stairwell: str,
    db: Path,
    passphrase: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    other = ["--db", str(tmp_path / "李四.db")]
    dyz(*other, "init", "--community", "芙蓉南路社区", "--device-name", "李四的电脑")
    backup = tmp_path / "李四.dyzbak"
    dyz(*other, "backup", "-o", str(backup), "--passphrase-file", passphrase)
    monkeypatch.setattr("danyuanzhang.cli.backup.is_interactive", lambda: True)
    before = snapshot(db)
    result = dyz(
        "restore", str(backup), "--passphrase-file", passphrase, "--overwrite", input="否\n",
        code=1,
    )  # fmt: skip
    assert "李四的电脑" in result.stderr and "确定吗" in result.stderr
    assert snapshot(db) == before


def test_an_interrupted_restore_leaves_no_decrypted_copy(
    stairwell: str, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while unpacking (or at any later step) removes the copy on the way out."""
    from danyuanzhang.upkeep import backup as module

    backup = seal(copy_of(db, tmp_path / "plain.db"), tmp_path / "b.dyzbak", laptop=_me(db))
    before = snapshot(db)
    for step in ("_unpack", "_sound", "lacking"):

        def interrupted(*args: object, **kwargs: object) -> None:
            raise KeyboardInterrupt

        with monkeypatch.context() as patch:
            patch.setattr(module, step, interrupted)
            with pytest.raises(KeyboardInterrupt):
                module.restore(db, backup, PASSPHRASE, overwrite=True)
        assert leftovers(db.parent) == [], step
    assert snapshot(db) == before


# -- a notebook on a write-protected stick ------------------------------------------------------


@contextlib.contextmanager
def write_protected(folder: Path) -> Iterator[None]:
    """`folder` and its files made read-only as a write-protected USB stick is: root ignores
    file modes, so for root the immutable attribute (which binds root too) is set."""
    paths = [folder, *folder.iterdir()]
    if os.geteuid() == 0:
        chattr = shutil.which("chattr")
        if chattr is None or subprocess.run([chattr, "+i", *map(str, paths)]).returncode:
            pytest.skip("no immutable attribute on this file system")

        def undo() -> None:
            subprocess.run([str(chattr), "-i", *map(str, paths)], check=True)
    else:
        for path in paths:
            path.chmod(0o555 if path.is_dir() else 0o444)

        def undo() -> None:
            for path in paths:
                path.chmod(0o700 if path.is_dir() else 0o600)

    try:
        with contextlib.suppress(OSError):
            (folder / "probe").touch()
            pytest.skip("this file system does not make a folder read-only")
        yield
    finally:
        undo()


def test_backup_and_doctor_of_a_notebook_on_a_write_protected_stick(
    dyz: Runner, stairwell: str, db: Path, passphrase: str, tmp_path: Path
) -> None:
    stick = tmp_path / "U盘"
    stick.mkdir()
    notebook = stick / "dyz.db"
    copy_of(db, notebook)
    sqlite3.connect(notebook).execute("PRAGMA journal_mode = WAL").connection.close()
    backup = tmp_path / "备份.dyzbak"
    with write_protected(stick):
        said = dyz("--db", str(notebook), "backup", "-o", str(backup), "--passphrase-file",
                   passphrase, code=None)  # fmt: skip
        assert "备份已写好" in said.stderr, said.stderr
        doctor = dyz("--db", str(notebook), "doctor", code=None)
        assert "内部错误" not in doctor.stderr and "检查完毕" in doctor.stderr, doctor.stderr
        assert "工作本的结构和 dyz 建的一样" in doctor.stderr  # its shape was read too
        # its tables compared with its log too, read as it is (it was once "-1 rows disagree")
        assert "[正常] 各个表格和修改记录一致" in doctor.stderr, doctor.stderr
    other = tmp_path / "新电脑.db"
    dyz("--db", str(other), "restore", str(backup), "--passphrase-file", passphrase)
    assert snapshot(other)["changes"] == snapshot(db)["changes"]
    assert leftovers(tmp_path) == []


def test_a_working_copy_goes_to_the_first_folder_that_takes_one(tmp_path: Path) -> None:
    from danyuanzhang.upkeep.backup import scratch_folder

    not_a_folder = tmp_path / "a file"
    not_a_folder.write_text("")
    assert scratch_folder(not_a_folder, tmp_path) == tmp_path
    assert list(tmp_path.iterdir()) == [not_a_folder]  # the probe is gone
    with pytest.raises(DyzError) as nowhere:
        scratch_folder(not_a_folder, tmp_path / "nowhere")
    assert nowhere.value.key == "scratch_nowhere"


def test_ctrl_c_ends_a_query_on_the_unpacked_copy(tmp_path: Path) -> None:
    """SQLite does not hear Ctrl-C by itself: a query that would never end (here a recursive
    one, as a hostile view would be) ends as a KeyboardInterrupt."""
    import signal
    import threading

    from danyuanzhang.store.shape import open_to_inspect, stop_if_interrupted

    copy = tmp_path / "copy.db"
    sqlite3.connect(copy).execute("CREATE TABLE t (x)").connection.close()
    conn = open_to_inspect(copy)
    endless = (
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r"
    )
    timer = threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            try:
                conn.execute(endless).fetchone()
            except sqlite3.Error as error:
                stop_if_interrupted(error)
    finally:
        timer.cancel()
        conn.close()


def test_a_notebook_holding_what_dyz_never_makes_is_not_backed_up(
    dyz: Runner, stairwell: str, db: Path, passphrase: str, tmp_path: Path
) -> None:
    """Its backup could never be restored: said at once, with the way out (doctor --repair),
    and no file written."""
    conn = sqlite3.connect(db)
    conn.executescript(
        "CREATE TABLE zz_stash(n, p); CREATE TRIGGER zz BEFORE DELETE ON residents"
        " BEGIN INSERT INTO zz_stash VALUES (old.name, old.phone); END;"
    )
    conn.close()
    backup = tmp_path / "备份.dyzbak"
    said = dyz("backup", "-o", str(backup), "--passphrase-file", passphrase, code=1).stderr
    assert said.count("\n") == 1 and "（多出 表 zz_stash、触发器 zz）" in said, said
    assert "dyz doctor --repair" in said and not backup.exists()
    assert leftovers(tmp_path) == []
    dyz("doctor", "--repair", code=None)
    dyz("backup", "-o", str(backup), "--passphrase-file", passphrase)
    other = tmp_path / "新电脑.db"
    dyz("--db", str(other), "restore", str(backup), "--passphrase-file", passphrase)
    assert snapshot(other)["residents"] == snapshot(db)["residents"]
