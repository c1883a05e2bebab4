"""`dyz backup` and `dyz restore`: an encrypted, consistent copy, checked before anything is
replaced; a wrong passphrase, a damaged or cut-off file, and a notebook with changes the backup
lacks each refused in one line with the notebook as it was."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

import pytest

from danyuanzhang.errors import DyzError
from danyuanzhang.store import Store
from danyuanzhang.upkeep.backup import CHUNK, MAGIC, decrypt, make_backup, read_header
from danyuanzhang.upkeep.reminders import backup_reminder
from tests.conftest import Runner, one_line_error, snapshot

PASSPHRASE = "芙蓉南路二栋二单元"


@pytest.fixture
def passphrase(tmp_path: Path) -> str:
    file = tmp_path / "口令.txt"
    file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return str(file)


def backed_up(dyz: Runner, passphrase: str, name: str = "备份.dyzbak") -> Path:
    result = dyz("backup", "-o", name, "--passphrase-file", passphrase)
    assert "备份已写好" in result.stderr
    return Path(name).resolve()


def test_a_backup_holds_no_readable_personal_data_and_restores_everything(
    dyz: Runner, stairwell: str, db: Path, passphrase: str
) -> None:
    dyz(
        "petition",
        "add",
        "2-2-301",
        "--category",
        "维修",
        "--text",
        "楼道灯坏了，刘桂英 13812345678",
    )
    backup = backed_up(dyz, passphrase)
    raw = backup.read_bytes()
    assert raw.startswith(MAGIC)
    for private in ("刘桂英", "13812345678", "楼道灯坏了", "2-2-301"):
        assert private.encode() not in raw
    assert backup.stat().st_mode & 0o077 == 0
    before = snapshot(db)
    dyz("resident", "add", "2-2-402", "--name", "周常福")
    refusal = one_line_error(dyz("restore", str(backup), "--passphrase-file", passphrase, code=1))
    assert "2 条修改是这份备份里没有的" in refusal and "--overwrite" in refusal
    assert "周常福" in dyz("household", "show", "2-2-402").stdout
    dyz("restore", str(backup), "--passphrase-file", passphrase, "--overwrite")
    after = snapshot(db)
    assert after["changes"] == before["changes"]
    assert after["households"] == before["households"]
    assert after["residents"] == before["residents"]
    assert "周常福" not in dyz("household", "show", "2-2-402").stdout
    assert "刘桂英" in dyz("household", "show", "2-2-301").stdout


def test_a_backup_is_consistent_while_the_log_holds_the_latest_changes(
    dyz: Runner, stairwell: str, db: Path, passphrase: str, tmp_path: Path
) -> None:
    reader = sqlite3.connect(db)  # an open window: the latest changes stay in the -wal file
    reader.execute("SELECT count(*) FROM households").fetchone()
    try:
        dyz("resident", "add", "2-2-402", "--name", "周常福")
        assert Path(f"{db}-wal").stat().st_size > 0
        backup = backed_up(dyz, passphrase)
    finally:
        reader.close()
    other = tmp_path / "新电脑.db"
    dyz("--db", str(other), "restore", str(backup), "--passphrase-file", passphrase)
    assert "周常福" in dyz("--db", str(other), "household", "show", "2-2-402").stdout
    assert snapshot(other)["changes"] == snapshot(db)["changes"]


def test_a_wrong_passphrase_says_so_and_changes_nothing(
    dyz: Runner, stairwell: str, db: Path, passphrase: str, tmp_path: Path
) -> None:
    backup = backed_up(dyz, passphrase)
    wrong = tmp_path / "错的.txt"
    wrong.write_text("芙蓉南路二栋三单元\n", encoding="utf-8")
    dyz("household", "add", "2-2-501")
    before = snapshot(db)
    line = one_line_error(dyz("restore", str(backup), "--passphrase-file", str(wrong), code=1))
    assert "口令不对" in line and "什么也没有改动" in line
    assert snapshot(db) == before


@pytest.mark.parametrize("damage", ["cut", "flip", "header", "not a backup"])
def test_a_damaged_backup_is_refused_and_changes_nothing(
    dyz: Runner, stairwell: str, db: Path, passphrase: str, damage: str
) -> None:
    backup = backed_up(dyz, passphrase)
    data = bytearray(backup.read_bytes())
    if damage == "cut":
        data = data[: len(data) - 40]
    elif damage == "flip":
        data[-100] ^= 0x10
    elif damage == "header":
        data = data.replace(b'"changes": ', b'"changes": 1', 1)
    else:
        data = bytearray(b"# a YAML bundle\n" + bytes(data))
    backup.write_bytes(bytes(data))
    dyz("household", "add", "2-2-501")
    before = snapshot(db)
    line = one_line_error(dyz("restore", str(backup), "--passphrase-file", passphrase, code=1))
    expected = {
        "cut": "不完整",
        "flip": "损坏",
        "header": "损坏",
        "not a backup": "不是 dyz 的备份文件",
    }[damage]
    assert expected in line, line
    assert snapshot(db) == before
    assert not [p for p in db.parent.iterdir() if p.name.startswith(".dyz-backup-")]


def test_a_damaged_notebook_is_kept_aside_and_replaced(
    dyz: Runner, stairwell: str, db: Path, passphrase: str
) -> None:
    backup = backed_up(dyz, passphrase)
    households = snapshot(db)["households"]
    sqlite3.connect(db).execute("PRAGMA wal_checkpoint(TRUNCATE)").connection.close()
    with db.open("r+b") as stream:
        stream.truncate(db.stat().st_size // 2)
    damaged = db.read_bytes()
    result = dyz("restore", str(backup), "--passphrase-file", passphrase)
    assert "已从备份恢复" in result.stderr
    [aside] = [p for p in db.parent.iterdir() if ".damaged-" in p.name and "-wal" not in p.name]
    assert aside.read_bytes() == damaged
    assert aside.name in result.stderr
    assert snapshot(db)["households"] == households


def test_an_empty_notebook_file_is_restored_into(
    dyz: Runner, stairwell: str, db: Path, passphrase: str, tmp_path: Path
) -> None:
    backup = backed_up(dyz, passphrase)
    empty = tmp_path / "空的.db"
    empty.write_bytes(b"")
    dyz("--db", str(empty), "restore", str(backup), "--passphrase-file", passphrase)
    assert "刘桂英" in dyz("--db", str(empty), "household", "show", "2-2-301").stdout
    assert empty.stat().st_mode & 0o077 == 0


def test_without_a_terminal_or_a_passphrase_file_it_says_how(
    dyz: Runner, stairwell: str, tmp_path: Path
) -> None:
    line = one_line_error(dyz("backup", "-o", "b.dyzbak", code=1))
    assert "--passphrase-file" in line and "两遍" in line
    assert not Path("b.dyzbak").exists()
    short = tmp_path / "短.txt"
    short.write_text("1234\n")
    line = one_line_error(dyz("backup", "-o", "b.dyzbak", "--passphrase-file", str(short), code=1))
    assert "口令太短" in line
    assert not Path("b.dyzbak").exists()


def test_a_backup_that_fails_leaves_no_temporary_file(
    dyz: Runner, stairwell: str, db: Path, passphrase: str, tmp_path: Path
) -> None:
    stray = db.parent / ".dyz-backup-copy-99999.tmp"
    stray.write_bytes(b"an earlier crash")
    then = time.time() - 2 * 3600
    os.utime(stray, (then, then))
    missing = tmp_path / "没有这个文件夹" / "b.dyzbak"
    line = one_line_error(
        dyz("backup", "-o", str(missing), "--passphrase-file", passphrase, code=1)
    )
    assert "无法写入" in line
    assert not stray.exists()  # removed at the next backup
    assert not [p for p in db.parent.iterdir() if p.name.startswith(".dyz-backup-")]
    assert not missing.parent.exists()


def test_pieces_round_trip_at_every_boundary(tmp_path: Path, stairwell: str, db: Path) -> None:
    """A notebook whose deflated copy is an exact number of chunks, or one byte more, comes
    back whole: the last piece is told by its tag, not by its size."""
    store = Store.open(db)
    try:
        header = make_backup(store, tmp_path / "b.dyzbak", PASSPHRASE)
    finally:
        store.close()
    target = tmp_path / "out.db"
    with target.open("wb") as out:
        decrypt(tmp_path / "b.dyzbak", read_header(tmp_path / "b.dyzbak"), PASSPHRASE, out)
    assert sqlite3.connect(target).execute("SELECT count(*) FROM changes").fetchone()[0] == (
        header.changes
    )
    from danyuanzhang.upkeep import backup as module

    for size in (0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK):
        source = tmp_path / f"plain-{size}"
        source.write_bytes(os.urandom(size))  # random bytes do not deflate
        pieces = list(module._packed_pieces(module.file_blocks(source)))
        assert [last for _, last in pieces] == [False] * (len(pieces) - 1) + [True]
        assert all(len(piece) == CHUNK for piece, _ in pieces[:-1])
        import zlib

        assert zlib.decompress(b"".join(piece for piece, _ in pieces)) == source.read_bytes()


def test_the_reminder_comes_after_a_week_once_a_day(dyz: Runner, stairwell: str, db: Path) -> None:
    store = Store.open(db)
    try:
        assert backup_reminder(store) is None  # a notebook of today: watched from today
        week_later = store.wall_ms() + 8 * 86_400_000
        store.wall_clock = lambda: week_later
        reminder = backup_reminder(store)
        assert reminder is not None and "从来没有备份" in reminder
        assert backup_reminder(store) is None  # once a day
        store.set_setting("last_backup", json.dumps({"on": "2026-01-01", "path": "x"}))
        store.delete_setting("backup_reminded")
        assert "天没有备份" in str(backup_reminder(store))
    finally:
        store.close()


def test_the_last_backup_is_read_once_a_day_when_no_reminder_is_due(
    dyz: Runner, stairwell: str, db: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from danyuanzhang.upkeep import reminders

    backed_up(dyz, passphrase)
    store = Store.open(db)
    try:
        assert backup_reminder(store) is None  # backed up today: not due, and not until a week
        read: list[Store] = []
        monkeypatch.setattr(reminders, "last_backup", read.append)
        assert backup_reminder(store) is None
        assert read == []  # the day's later commands do not read the backup's record again
        week_later = store.wall_ms() + 8 * 86_400_000
        store.wall_clock = lambda: week_later
        monkeypatch.undo()
        assert "天没有备份" in str(backup_reminder(store))  # a week on, it is read and said
    finally:
        store.close()


def test_the_reminder_is_one_line_on_stderr(
    dyz: Runner, stairwell: str, db: Path, passphrase: str
) -> None:
    conn = sqlite3.connect(db)
    conn.execute(
        "INSERT OR REPLACE INTO settings (key, value) VALUES ('last_backup', ?)",
        (json.dumps({"on": "2026-01-01", "path": "E:/b.dyzbak"}),),
    )
    conn.commit()
    conn.close()
    first = dyz("household", "list", "--format", "json")
    json.loads(first.stdout)  # the reminder does not spoil the JSON
    assert first.stderr.count("提醒") == 1 and "dyz backup" in first.stderr
    assert "提醒" not in dyz("household", "list").stderr
    backed_up(dyz, passphrase)
    store = Store.open(db)
    try:
        store.delete_setting("backup_reminded")
        assert backup_reminder(store) is None
    finally:
        store.close()


def test_a_backup_refuses_a_header_asking_for_too_much_work(
    dyz: Runner, stairwell: str, passphrase: str
) -> None:
    backup = backed_up(dyz, passphrase)
    data = backup.read_bytes()
    line = data[len(MAGIC) : data.index(b"\n", len(MAGIC))]
    fields = json.loads(line)
    fields["mem"] = 64 << 30
    backup.write_bytes(MAGIC + json.dumps(fields).encode() + data[len(MAGIC) + len(line) :])
    with pytest.raises(DyzError) as refusal:
        read_header(backup)
    assert refusal.value.key == "backup_damaged"


def test_a_lost_laptop_is_rebuilt_from_the_office_s_bundle_without_a_backup(
    dyz: Runner, dyz_json, tmp_path: Path
) -> None:
    """The disaster-recovery path of the README: a new laptop imports the office's bundle
    and gets back everything the lost laptop had sent."""
    lost = ["--db", str(tmp_path / "lost.db")]
    office = ["--db", str(tmp_path / "office.db")]
    new = ["--db", str(tmp_path / "new.db")]
    dyz(*lost, "init", "--community", "芙蓉南路社区", "--device-name", "周玉梅的电脑")
    dyz(*office, "init", "--community", "芙蓉南路社区", "--device-name", "社区办公室")
    dyz(*lost, "household", "add", "2-2-301", "--estate", "新芙蓉之都")
    dyz(*lost, "resident", "add", "2-2-301", "--name", "刘桂英", "--flag", "独居老人")
    dyz(*lost, "visit", "add", "2-2-301", "--need", "维修:楼道灯坏了", "--on", "2026-12-01")
    dyz(*lost, "hazard", "add", "--kind", "楼道堵塞", "--where", "2-2 3楼", "--on", "2026-12-01")
    sent = tmp_path / "to-office.yaml"
    dyz(*lost, "export", "--plain", "-o", str(sent))
    dyz(*office, "import", str(sent))
    Path(lost[1]).unlink()  # the laptop is gone, with no backup
    dyz(*new, "init", "--community", "芙蓉南路社区", "--device-name", "周玉梅的新电脑")
    back = tmp_path / "for-new.yaml"
    dyz(*office, "export", "--plain", "--all", "-o", str(back))
    dyz(*new, "import", str(back))
    for listing in (
        ["household", "show", "2-2-301"],
        ["visit", "list", "--from", "2026-11-30", "--to", "2026-12-03"],
        ["hazard", "list"],
        ["petition", "list"],
    ):
        assert dyz_json(*new, *listing) == dyz_json(*office, *listing), listing
    assert dyz_json(*new, "household", "show", "2-2-301")["residents"][0]["name"] == "刘桂英"


def test_a_backup_sealed_to_the_office_opens_only_there(
    dyz: Runner, dyz_json, tmp_path: Path
) -> None:
    """For a unit head who would forget a passphrase: the backup is sealed to the office's
    key, and the office restores it into a file it hands back."""
    from tests.test_members import Community

    community = Community(dyz, tmp_path)
    unit = community.join("周玉梅的电脑", "2-2-301")
    dyz(*unit, "resident", "add", "2-2-301", "--name", "刘桂英", "--phone", "13812345678")
    backup = tmp_path / "给办公室.dyzbak"
    said = dyz(*unit, "backup", "--to-office", "-o", str(backup)).stderr
    assert "备份已写好" in said
    assert "刘桂英".encode() not in backup.read_bytes()
    refusal = one_line_error(dyz(*unit, "restore", str(backup), code=1))
    assert "--into" in refusal and "社区办公室" in refusal
    refusal = one_line_error(
        dyz(*unit, "restore", str(backup), "--into", str(tmp_path / "x.db"), code=1)
    )
    assert "只有那台电脑能打开" in refusal
    assert not (tmp_path / "x.db").exists()
    back = tmp_path / "还给周玉梅.db"
    dyz(*community.office, "restore", str(backup), "--into", str(back))
    shown = dyz_json("--db", str(back), "household", "show", "2-2-301")
    assert [r["name"] for r in shown["residents"]] == ["刘桂英"]
    assert dyz_json("--db", str(back), "log")[0]["laptop"] == "周玉梅的电脑"


def test_a_laptop_of_no_office_cannot_seal_to_one(dyz: Runner, estate: str) -> None:
    line = one_line_error(dyz("backup", "--to-office", "-o", "b.dyzbak", code=1))
    assert "没有加入社区办公室" in line and "口令" in line
    assert not Path("b.dyzbak").exists()


def test_without_a_terminal_a_restore_asks_for_the_passphrase_once(
    dyz: Runner, stairwell: str, passphrase: str
) -> None:
    backup = backed_up(dyz, passphrase)
    line = one_line_error(dyz("restore", str(backup), code=1))
    assert "--passphrase-file" in line and "两遍" not in line and "做备份时的口令" in line


def test_replacing_is_asked_only_of_a_backup_that_can_be_restored(
    dyz: Runner, stairwell: str, db: Path, passphrase: str
) -> None:
    """A backup lacking the notebook's newer changes is refused before "replace?" is asked,
    not after the user said yes to it; one that can be restored is asked about last."""
    from danyuanzhang.upkeep.backup import restore

    backup = backed_up(dyz, passphrase)
    dyz("resident", "add", "2-2-402", "--name", "周常福")
    asked: list[str] = []
    with pytest.raises(DyzError) as refused:
        restore(db, backup, PASSPHRASE, confirm=lambda: asked.append("replace?"))
    assert refused.value.key == "restore_would_lose" and asked == []

    def no() -> None:
        asked.append("replace?")
        raise DyzError("not_confirmed")

    before = snapshot(db)
    with pytest.raises(DyzError):
        restore(db, backup, PASSPHRASE, overwrite=True, confirm=no)
    assert asked == ["replace?"] and snapshot(db) == before
