"""A full disk, a busy file, a read-only file, a damaged file, an empty file: each made real
where this machine allows it, each said in one line that tells what to do, with exit code 1,
never "internal error", and the notebook exactly as it was."""

from __future__ import annotations

import contextlib
import hashlib
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from danyuanzhang.errors import DyzError
from danyuanzhang.store import Store
from tests.conftest import Runner, one_line_error, snapshot

INTERNAL = ("内部错误", "internal error")
ROLL = Path(__file__).resolve().parent.parent / "examples" / "households.csv"


def fingerprint(db: Path) -> dict[str, str]:
    """The bytes of the notebook and its log, for a file that cannot even be opened to look."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(db.parent.glob(db.name + "*"))
    }


def refused(result: object, *words: str) -> str:
    line = one_line_error(result)  # type: ignore[arg-type]
    assert not any(word in line for word in INTERNAL), line
    for word in words:
        assert word in line, line
    return line


@contextlib.contextmanager
def mounted(folder: Path, options: str) -> Iterator[bool]:
    """A tmpfs at `folder` (root only); yields whether it could be made."""
    folder.mkdir(exist_ok=True)
    made = (
        os.geteuid() == 0
        and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True
        ).returncode
        == 0
    )
    try:
        yield made
    finally:
        if made:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def holding(db: Path, seconds: float, exclusive: bool = False) -> subprocess.Popen[bytes]:
    """Another process that holds the notebook's write lock (or, `exclusive`, every lock)
    for `seconds`; returns once it holds it."""
    script = (
        "import sqlite3, sys, time\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        + (
            "c.execute('PRAGMA locking_mode = EXCLUSIVE'); c.execute('BEGIN EXCLUSIVE')\n"
            "c.execute('COMMIT'); c.execute('SELECT count(*) FROM settings').fetchall()\n"
            if exclusive
            else "c.execute('BEGIN IMMEDIATE')\n"
        )
        + "print('held', flush=True)\ntime.sleep(float(sys.argv[2]))\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script, str(db), str(seconds)], stdout=subprocess.PIPE
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == b"held"
    return holder


# -- an empty file ------------------------------------------------------------------------------


def test_an_empty_file_is_never_turned_into_a_new_notebook(dyz: Runner, db: Path) -> None:
    db.write_bytes(b"")
    for command in (["household", "list"], ["init", "--community", "芙蓉南路社区"], ["export"]):
        refused(dyz(*command, code=1), "空文件", "0 字节", "dyz restore", "dyz init")
    assert db.read_bytes() == b""
    assert not Path(f"{db}-wal").exists()


def test_an_empty_file_with_its_pages_still_in_the_log_is_a_notebook(dyz: Runner, db: Path) -> None:
    dyz("init", "--community", "芙蓉南路社区")
    dyz("household", "add", "2-2-301", "--estate", "新芙蓉之都")
    holder = sqlite3.connect(db)  # keeps the log from being folded into the file at exit
    try:
        dyz("household", "add", "2-2-302")
        assert "2-2-302" in dyz("household", "list").stdout
    finally:
        holder.close()


# -- a full disk --------------------------------------------------------------------------------


def test_a_full_disk_is_said_with_the_room_needed_and_changes_nothing(
    dyz: Runner, tmp_path: Path, estate: str
) -> None:
    folder = tmp_path / "small"
    with mounted(folder, "size=8m") as made:
        if not made:
            # without root, a size limit on the files dyz may write stands in for the disk
            return _full_by_limit(tmp_path)
        db = folder / "d.db"
        dyz("--db", str(db), "init", "--community", "芙蓉南路社区")
        dyz("--db", str(db), "household", "add", "2-2-301", "--estate", estate)
        before = snapshot(db)
        with (folder / "fill").open("wb", buffering=0) as fill, contextlib.suppress(OSError):
            while True:
                fill.write(b"\0" * 65536)
                fill.flush()
        for command in (
            ["household", "add", "2-2-302"],
            ["resident", "add", "2-2-301", "--name", "刘桂英"],
            ["household", "list"],
        ):
            line = refused(dyz("--db", str(db), *command, code=1), "磁盘满了", "只剩", "约")
            assert str(folder) in line
        (folder / "fill").unlink()
        assert snapshot(db) == before
        assert "2-2-302" not in dyz("--db", str(db), "household", "list").stdout


def _full_by_limit(tmp_path: Path) -> None:
    db = tmp_path / "limited.db"
    env = {**os.environ, "DYZ_DB": str(db)}
    dyz_cli = [sys.executable, "-m", "danyuanzhang"]
    subprocess.run([*dyz_cli, "init", "--community", "芙蓉南路社区"], env=env, check=True)
    before = fingerprint(db)
    limit = 64 << 10  # the log may not grow past 64 KB: a roll needs far more

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = subprocess.run(
        [*dyz_cli, "household", "import", str(ROLL)],
        env=env,
        capture_output=True,
        text=True,
        preexec_fn=limited,
    )
    assert done.returncode == 1, done.stderr
    assert not any(word in done.stderr for word in INTERNAL)
    assert "磁盘" in done.stderr
    assert (
        fingerprint(db) == before
        or "2-2-301"
        not in subprocess.run(
            [*dyz_cli, "household", "list"], env=env, capture_output=True, text=True
        ).stdout
    )


# -- a busy file --------------------------------------------------------------------------------


def test_a_write_waits_for_another_dyz_with_a_notice(dyz: Runner, estate: str, db: Path) -> None:
    holder = holding(db, 2.5)
    started = time.monotonic()
    result = dyz("household", "add", "2-2-302")
    waited = time.monotonic() - started
    holder.wait()
    assert "另一个 dyz 正在写这个工作本" in result.stderr
    assert "已登记" in result.stderr
    assert 1.5 < waited < 30
    assert "2-2-302" in dyz("household", "list").stdout


def test_a_write_that_waits_too_long_says_so_and_changes_nothing(estate: str, db: Path) -> None:
    store = Store.open(db)
    waits: list[str] = []
    store.on_wait = lambda: waits.append("waiting")
    store.write_wait_ms = 1500
    before = snapshot(db)
    holder = holding(db, 8)
    try:
        with pytest.raises(DyzError) as refusal, store.transaction():
            store.put("household", "f" * 32, {"estate": estate, "building": "2", "unit": "2"})
        assert refusal.value.key == "db_busy"
        assert "秒还没放开" in refusal.value.message()
        assert waits == ["waiting"]
    finally:
        holder.kill()
        holder.wait()
        store.close()
    assert snapshot(db) == before


def test_a_file_locked_by_another_program_is_said_to_be_busy(
    dyz: Runner, estate: str, db: Path
) -> None:
    holder = holding(db, 12, exclusive=True)
    try:
        line = refused(dyz("household", "list", code=1), "正占着这个工作本", "秒还没放开")
        assert "不是 dyz 的数据库" not in line
    finally:
        holder.kill()
        holder.wait()
    assert "2-2-301" in dyz("household", "list").stdout


# -- a read-only file ---------------------------------------------------------------------------


def test_a_read_only_notebook_is_read_and_a_write_is_refused(
    dyz: Runner, tmp_path: Path, stairwell: str, db: Path
) -> None:
    folder = tmp_path / "stick"
    with mounted(folder, "size=8m") as made:
        copy = folder / "d.db"
        copy.write_bytes(db.read_bytes())
        if made:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        else:
            copy.chmod(0o444)
            folder.chmod(0o555)
        try:
            before = fingerprint(copy)
            listed = dyz("--db", str(copy), "household", "list")
            assert "2-2-301" in listed.stdout
            assert "刘桂英" in dyz("--db", str(copy), "household", "show", "2-2-301").stdout
            for command in (
                ["household", "add", "2-2-501"],
                ["resident", "add", "2-2-301", "--name", "周常福"],
            ):
                refused(dyz("--db", str(copy), *command, code=1), "只读", "复制到可写的地方")
            assert fingerprint(copy) == before
        finally:
            if not made:
                folder.chmod(0o755)


# -- a damaged file, another program's file ------------------------------------------------------


def _notebook_with_pages(dyz: Runner, db: Path) -> None:
    dyz("init", "--community", "芙蓉南路社区")
    dyz("household", "add", "2-2-301", "--estate", "新芙蓉之都")
    for room in range(302, 400):
        dyz("household", "add", f"2-2-{room}", "--note", "楼道灯坏了" * 90)
    sqlite3.connect(db).execute("PRAGMA wal_checkpoint(TRUNCATE)").connection.close()


def test_a_truncated_notebook_is_called_damaged_not_foreign(dyz: Runner, db: Path) -> None:
    _notebook_with_pages(dyz, db)
    size = db.stat().st_size
    with db.open("r+b") as stream:
        stream.truncate(size // 3)
    before = fingerprint(db)
    for command in (["household", "list"], ["household", "add", "2-2-601"], ["export"]):
        refused(dyz(*command, code=1), "损坏", "不要删除", "dyz doctor", "dyz restore")
    assert fingerprint(db) == before


def test_garbage_after_a_sqlite_header_is_damaged_and_other_files_are_not_dyz(
    dyz: Runner, db: Path
) -> None:
    db.write_bytes(b"SQLite format 3\x00" + os.urandom(40_000))
    refused(dyz("household", "list", code=1), "损坏")
    db.write_bytes(os.urandom(40_000))
    refused(dyz("household", "list", code=1), "不是 dyz 的数据库")
    other = sqlite3.connect(db.with_name("other.db"))
    other.execute("CREATE TABLE songs (title TEXT)")
    other.commit()
    other.close()
    refused(dyz("--db", str(db.with_name("other.db")), "household", "list", code=1), "不是 dyz")


def test_a_notebook_from_a_newer_dyz_is_said_so(dyz: Runner, estate: str, db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    refused(dyz("household", "list", code=1), "更新版本的 dyz", "999")


def test_an_export_to_a_full_disk_says_so_and_leaves_no_part_file(
    dyz: Runner, tmp_path: Path, stairwell: str
) -> None:
    stick = tmp_path / "stick"
    with mounted(stick, "size=64k") as made:
        if not made:
            # without root: a size limit on files stands in for the full stick, in a child
            return _export_by_limit(tmp_path)
        with (stick / "fill").open("wb", buffering=0) as fill, contextlib.suppress(OSError):
            while True:
                fill.write(b"\0" * 4096)
                fill.flush()
        line = refused(
            dyz("export", "--plain", "-o", str(stick / "给办公室.yaml"), code=1), "磁盘满了", "只剩"
        )
        assert "给办公室.yaml" in line
        assert sorted(p.name for p in stick.iterdir()) == ["fill"]


def _export_by_limit(tmp_path: Path) -> None:
    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (512, 512))

    target = tmp_path / "给办公室.yaml"
    done = subprocess.run(
        [sys.executable, "-m", "danyuanzhang", "export", "-o", str(target)],
        capture_output=True,
        text=True,
        preexec_fn=limited,
    )
    assert done.returncode == 1 and not any(w in done.stderr for w in INTERNAL), done.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_part_files_left_by_a_killed_export_go_at_the_next_one(
    dyz: Runner, tmp_path: Path, stairwell: str
) -> None:
    mine = tmp_path / ".给办公室.yaml.part"
    old = tmp_path / ".上周.yaml.body.part"
    fresh = tmp_path / ".正在写.yaml.part"  # another window writing now: left alone
    for path in (mine, old, fresh):
        path.write_bytes(b"half a bundle with names in it")
    an_hour_and_more = time.time() - 4000
    os.utime(old, (an_hour_and_more, an_hour_and_more))
    dyz("export", "--plain", "-o", str(tmp_path / "给办公室.yaml"))
    assert not mine.exists() and not old.exists() and fresh.exists()


# xlsxwriter leaves its zip of the failed workbook to the garbage collector, which cannot close
# it on a full disk either; dyz's own process ends without that noise
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_ledger_to_a_full_stick_says_so_and_leaves_nothing_half_written(
    dyz: Runner, tmp_path: Path, stairwell: str
) -> None:
    dyz("visit", "add", "2-2-301", "--note", "一切都好")
    stick = tmp_path / "stick"
    with mounted(stick, "size=64k") as made:
        if not made:
            return _ledger_by_limit(tmp_path)
        with (stick / "fill").open("wb", buffering=0) as fill, contextlib.suppress(OSError):
            while True:
                fill.write(b"\0" * 4096)
        for name in ("走访台账.xlsx", "走访台账.html", "名单.csv"):
            args = ("household", "list") if name == "名单.csv" else ("ledger", "visits")
            line = refused(dyz(*args, "-o", str(stick / name), code=1), "磁盘满了", "只剩")
            assert name in line
        assert sorted(p.name for p in stick.iterdir()) == ["fill"]


def _ledger_by_limit(tmp_path: Path) -> None:
    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (512, 512))

    folder = tmp_path / "out"
    folder.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "danyuanzhang", "ledger", "visits", "-o", str(folder / "a.xlsx")],
        capture_output=True,
        text=True,
        preexec_fn=limited,
    )
    assert done.returncode == 1 and not any(w in done.stderr for w in INTERNAL), done.stderr
    assert list(folder.iterdir()) == []


def test_a_sheet_stopped_halfway_leaves_no_part_behind(tmp_path: Path) -> None:
    from danyuanzhang.cli.common import write_output
    from danyuanzhang.text.sheets import write_sheet

    def rows() -> Iterator[list[str]]:
        yield ["刘桂英"]
        raise KeyboardInterrupt

    for target in (tmp_path / "名单.csv", tmp_path / "名单.xlsx"):
        with pytest.raises(KeyboardInterrupt):
            write_sheet(target, ["姓名"], rows())
    with pytest.raises(KeyboardInterrupt):
        write_output((piece for row in rows() for piece in row), tmp_path / "台账.html")
    assert list(tmp_path.iterdir()) == []
