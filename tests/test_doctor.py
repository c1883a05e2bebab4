"""`dyz doctor`: a notebook an earlier version let a poisoned stamp into (a change in the year
9999, a counter at its end) is found, and repaired without losing a change; the repair
travels."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from danyuanzhang.core.changes import Change, encode
from danyuanzhang.core.hlc import wall_now_ms
from danyuanzhang.store import Store, derive
from danyuanzhang.store import sync as sql
from tests.conftest import Runner, snapshot

YEAR_9999_MS = 253_402_128_000_000


def poison(db: Path, stamp_of: str) -> str:
    """What an earlier version did with a bundle carrying one change stamped `stamp_of`
    ("future" or "overflow"): it took the change, and its clock followed it. The room of
    2-2-301 is that change; the laptop's own next change (a note) came after it. Returns the
    poisoned change's id."""
    store = Store.open(db)
    try:
        other = "e" * 32
        if stamp_of == "future":
            stamp = f"{YEAR_9999_MS:015d}-0000000000-{other}"
        else:
            stamp = f"{wall_now_ms():015d}-9999999999-{other}"
        [household] = store.conn.execute("SELECT id FROM households").fetchall()
        with store.transaction():
            heads = [
                c.id for c in derive.changes_of(store.conn, [household[0]]) if c.field == "room"
            ]
            change = Change.make(
                stamp, "别处的电脑", "household", household[0], "set", "room", encode("309"),
                encode(sorted(heads)),
            )  # fmt: skip
            sql.insert_changes(store, [change])
            derive.refresh(store.conn, "household", {household[0]: {"room"}})
            store.observe(stamp)  # the clock an earlier version let move
        with store.transaction():
            store.put("household", household[0], {"note": "楼道灯坏了"})
        return change.id
    finally:
        store.close()


def stamps(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT hlc FROM changes")]
    finally:
        conn.close()


def clock_of(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("SELECT value FROM settings WHERE key = 'clock'").fetchone()[0])
    finally:
        conn.close()


def sound(stamp: str) -> bool:
    return int(stamp[:15]) < wall_now_ms() + 86_400_000 and stamp[16] == "0"


@pytest.mark.parametrize(
    ("stamp_of", "poisoned"),
    # in 9999 the laptop's own next change follows the poison; after an overflow counter it
    # starts afresh at the next millisecond
    [("future", 2), ("overflow", 1)],
)
def test_a_poisoned_notebook_is_found_and_repaired_without_losing_a_change(
    dyz: Runner, dyz_json, estate: str, db: Path, stamp_of: str, poisoned: int
) -> None:
    assert "一切正常" in dyz("doctor").stderr
    poison(db, stamp_of)
    found = dyz("doctor", code=1).stderr  # the first command also says the clock looks wrong
    assert f"{poisoned} 条修改" in found and "dyz doctor --repair" in found
    before = snapshot(db)
    dyz("doctor", code=1)
    assert snapshot(db) == before  # without --repair nothing changes
    shown = dyz_json("household", "show", "2-2-309")
    said = dyz("doctor", "--repair").stderr
    assert "已修复" in said and f"{poisoned} 条修改用正确的时间重新记下" in said
    assert all(sound(s) for s in stamps(db)) and sound(clock_of(db))
    assert dyz_json("household", "show", "2-2-309") == shown
    assert "一切正常" in dyz("doctor").stderr
    dyz("household", "edit", "2-2-309", "--note", "灯已修好")
    assert all(sound(s) for s in stamps(db))


def test_the_repair_travels_and_a_laptop_holding_the_poison_drops_it(
    dyz: Runner, dyz_json, estate: str, db: Path, tmp_path: Path
) -> None:
    poisoned_id = poison(db, "future")
    # another laptop took the same poison from the same earlier version: a copy of this one
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    conn = sqlite3.connect(copy)
    with conn:
        new_id = "c" * 32
        conn.execute("UPDATE settings SET value = ? WHERE key = 'device_id'", (new_id,))
        conn.execute("UPDATE settings SET value = '复制的电脑' WHERE key = 'device_name'")
        conn.execute("DELETE FROM settings WHERE key = 'signing_key'")
    conn.close()
    dyz("doctor", "--repair")
    dyz("export", "--plain", "--all", "-o", str(tmp_path / "repaired.yaml"))
    # a laptop that never held the poison takes the repaired notebook
    fresh = ["--db", str(tmp_path / "fresh.db")]
    dyz(*fresh, "init", "--device-name", "新电脑")
    assert "新增" in dyz(*fresh, "import", str(tmp_path / "repaired.yaml")).stderr
    assert dyz_json(*fresh, "household", "show", "2-2-309")["note"] == "楼道灯坏了"
    # the copy takes the repair too (it holds the poisoned change the repair names)
    other = ["--db", str(copy)]
    dyz(*other, "import", str(tmp_path / "repaired.yaml"))
    said = dyz(*other, "doctor", "--repair").stderr
    assert "0 条修改用正确的时间重新记下，2 条已由别的电脑重新记下" in said
    assert poisoned_id not in {
        r[0] for r in sqlite3.connect(copy).execute("SELECT id FROM changes")
    }
    assert all(sound(s) for s in stamps(copy))
    assert dyz_json(*other, "household", "show", "2-2-309")["room"] == "309"
    assert dyz_json(*other, "conflicts") == []


def test_doctor_repairs_nothing_while_this_laptop_s_own_date_is_behind(
    dyz: Runner, estate: str, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A flat BIOS battery puts the laptop in the year 2000: every stamp it holds looks like
    the future, but it is the date that is wrong, and nothing may be remade."""
    other = ["--db", str(tmp_path / "other.db")]
    dyz(*other, "init", "--device-name", "别的电脑")
    dyz(*other, "household", "add", "1-1-101", "--estate", "新芙蓉之都")
    dyz(*other, "export", "--plain", "-o", str(tmp_path / "o.yaml"))
    dyz("import", str(tmp_path / "o.yaml"))
    before = snapshot(db)
    from danyuanzhang.core import hlc

    monkeypatch.setattr(hlc, "wall_now_ms", lambda: 946_684_800_000)  # 2000-01-01
    said = dyz("doctor", "--repair", code=1).stderr
    assert "本机的日期不对" in said and "不做任何修复" in said
    after = snapshot(db)
    after["settings"] = [r for r in after["settings"] if r[0] != "clock_warned"]
    before["settings"] = [r for r in before["settings"] if r[0] != "clock_warned"]
    assert after == before


def test_after_the_repair_the_laptop_s_new_changes_are_signed_for_relaying(
    dyz: Runner, dyz_json, estate: str, db: Path, tmp_path: Path
) -> None:
    """A span this laptop signed over a poisoned stamp would leave every later change of it
    unsigned: the repair lets it sign them again."""
    relay = ["--db", str(tmp_path / "relay.db")]
    receiver = ["--db", str(tmp_path / "receiver.db")]
    dyz(*relay, "init", "--device-name", "转交的电脑")
    dyz(*receiver, "init", "--device-name", "收的电脑")
    dyz("export", "--plain", "--all", "-o", str(tmp_path / "before.yaml"))
    dyz(*receiver, "import", str(tmp_path / "before.yaml"))  # knows this laptop signs
    poison(db, "future")
    dyz("export", "--all", "--plain", "-o", str(tmp_path / "poisoned.yaml"))  # a 9999 span
    dyz("doctor", "--repair")
    dyz("household", "edit", "2-2-309", "--note", "灯已修好")
    dyz("export", "--plain", "--all", "-o", str(tmp_path / "after.yaml"))
    dyz(*relay, "import", str(tmp_path / "after.yaml"))
    dyz(*relay, "export", "--plain", "--all", "-o", str(tmp_path / "relayed.yaml"))
    dyz(*receiver, "import", str(tmp_path / "relayed.yaml"))
    assert dyz_json(*receiver, "household", "show", "2-2-309")["note"] == "灯已修好"


# -- the file itself -----------------------------------------------------------------------------


def checks(dyz_json_result: list[dict[str, object]]) -> dict[str, bool]:
    return {str(f["check"]): bool(f["ok"]) for f in dyz_json_result}


def doctor_json(dyz: Runner, *args: str, code: int = 0) -> dict[str, bool]:
    import json

    return checks(json.loads(dyz("doctor", "--format", "json", *args, code=code).stdout))


def test_a_sound_notebook_passes_every_check(dyz: Runner, estate: str) -> None:
    dyz("resident", "add", "2-2-301", "--name", "刘桂英", "--phone", "13812345678")
    dyz("petition", "add", "2-2-301", "--category", "维修", "--text", "楼道灯坏了")
    found = doctor_json(dyz)
    assert set(found) == {
        "integrity", "schema", "foreign_keys", "log", "clock", "tables", "temporaries", "modes",
        "backup", "retention",
    }  # fmt: skip
    assert all(found.values()), found


def test_tables_that_disagree_with_the_log_are_rebuilt_from_it(
    dyz: Runner, dyz_json, estate: str, db: Path
) -> None:
    dyz("resident", "add", "2-2-301", "--name", "刘桂英", "--phone", "13812345678")
    shown = dyz_json("household", "show", "2-2-301")
    conn = sqlite3.connect(db)
    conn.execute("UPDATE residents SET name = '某某', phone = NULL")
    conn.execute("DELETE FROM households WHERE room = '301'")
    conn.commit()
    conn.close()
    said = dyz("doctor", code=1).stderr
    assert "和修改记录不一致" in said and "residents" in said and "--repair" in said
    assert not doctor_json(dyz, code=1)["tables"]
    assert "已修好" in dyz("doctor", "--repair").stderr
    assert dyz_json("household", "show", "2-2-301") == shown
    assert all(doctor_json(dyz).values())


def test_a_change_altered_in_the_log_is_found(dyz: Runner, estate: str, db: Path) -> None:
    dyz("resident", "add", "2-2-301", "--name", "刘桂英")
    conn = sqlite3.connect(db)
    conn.execute("UPDATE changes SET value = '\"王桂英\"' WHERE field = 'name'")
    conn.commit()
    conn.close()
    said = dyz("doctor", code=1).stderr
    assert "1 条修改记录被改坏了" in said and "备份" in said
    assert "被改坏了" in dyz("doctor", "--repair", code=1).stderr  # nothing to rebuild from


def test_text_a_flipped_bit_left_undecodable_is_damage_the_doctor_mends(
    dyz: Runner, dyz_json, estate: str, db: Path
) -> None:
    """One bit flipped in a page of text leaves bytes that are not UTF-8: every command says
    the notebook is damaged (not "internal error"), and the doctor rebuilds the table from the
    log; in the log itself, the doctor finds it."""
    dyz("household", "edit", "2-2-301", "--note", "楼上漏水")
    shown = dyz_json("household", "show", "2-2-301")
    conn = sqlite3.connect(db)
    conn.execute("UPDATE households SET note = CAST(x'e6a5bcff' AS TEXT)")
    conn.commit()
    conn.close()
    line = dyz("household", "list", code=1).stderr
    assert "损坏" in line and "dyz doctor" in line and "内部错误" not in line
    said = dyz("doctor", code=1).stderr
    assert "households" in said and "内部错误" not in said
    dyz("doctor", "--repair")
    assert dyz_json("household", "show", "2-2-301") == shown
    conn = sqlite3.connect(db)
    conn.execute("UPDATE changes SET value = CAST(x'22e6a5bcff22' AS TEXT) WHERE field = 'note'")
    conn.commit()
    conn.close()
    said = dyz("doctor", code=1).stderr
    assert "被改坏了" in said and "内部错误" not in said


def test_stray_temporary_files_are_removed_and_loose_modes_mended(
    dyz: Runner, estate: str, db: Path
) -> None:
    stray = [db.parent / ".dyz-backup-copy-4242.tmp", db.parent / ".名册.dyzbak.part"]
    for path in stray:
        path.write_bytes(b"half a copy")
        untouched_for(path, hours=2)
    db.chmod(0o644)
    said = dyz("doctor", code=1).stderr
    assert "2 个中断留下的临时文件" in said and "--repair 会删掉" in said
    assert db.stat().st_mode & 0o077 == 0  # mended as soon as dyz opened the notebook
    dyz("doctor", "--repair")
    assert not any(path.exists() for path in stray)
    assert all(doctor_json(dyz).values())


def untouched_for(path: Path, hours: float) -> None:
    then = time.time() - hours * 3600
    os.utime(path, (then, then))


@pytest.fixture
def another_window() -> Iterator[int]:
    """The process id of another dyz running now beside this one."""
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        yield running.pid
    finally:
        running.kill()
        running.wait()


def test_another_running_dyz_s_temporary_files_are_not_leftovers(
    dyz: Runner, estate: str, db: Path, another_window: int
) -> None:
    """Several notebooks in one folder: a backup and a restore under way in another window
    are not "left by an interruption", and --repair leaves them be."""
    working = [
        db.parent / f".dyz-backup-copy-{another_window}.tmp",
        db.parent / f".dyz-backup-restore-{another_window}.tmp",
    ]
    for path in working:
        path.write_bytes(b"half a copy")
    assert all(doctor_json(dyz).values())
    dyz("doctor", "--repair")
    assert all(path.read_bytes() == b"half a copy" for path in working)


def test_a_temporary_file_is_a_leftover_only_when_old_and_its_dyz_is_gone(
    dyz: Runner, estate: str, db: Path
) -> None:
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    fresh = db.parent / f".dyz-backup-copy-{ended.stdout.strip()}.tmp"
    fresh.write_bytes(b"half a copy")  # it may still be a dyz's that just started writing
    assert all(doctor_json(dyz).values())
    untouched_for(fresh, hours=2)
    assert "1 个中断留下的临时文件" in dyz("doctor", code=1).stderr
    dyz("doctor", "--repair")
    assert not fresh.exists()


def test_each_doctor_checks_in_a_scratch_file_of_its_own(
    dyz: Runner, estate: str, db: Path, another_window: int
) -> None:
    """Two doctors at once: the other's scratch file (under the name doctors shared before,
    or its own) is neither written over nor taken for a difference of the tables."""
    others = [
        db.parent / ".dyz-backup-doctor.tmp",
        db.parent / f".dyz-backup-doctor-{another_window}.tmp",
    ]
    for path in others:
        path.write_bytes(b"another doctor's rebuild, half written")
    said = dyz("doctor").stderr.replace(str(db.parent), "")  # pytest's folder may hold "-1"
    assert "-1" not in said
    assert all(doctor_json(dyz).values())
    assert all(path.read_bytes() == b"another doctor's rebuild, half written" for path in others)


def test_a_process_id_given_again_is_not_the_dyz_that_wrote_the_file() -> None:
    from danyuanzhang.system.processes import gone

    assert not gone(os.getpid(), time.time())
    # this process started after the file was last written: the id was given again
    assert gone(os.getpid(), time.time() - 365 * 86400)
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    assert gone(int(ended.stdout), time.time())
    assert gone(2**70, time.time())


def test_a_week_without_a_backup_is_a_check_to_see_to(dyz: Runner, estate: str, db: Path) -> None:
    import json

    conn = sqlite3.connect(db)
    conn.execute(
        "INSERT OR REPLACE INTO settings (key, value) VALUES ('last_backup', ?)",
        (json.dumps({"on": "2026-01-05", "path": "E:/b.dyzbak"}),),
    )
    conn.commit()
    conn.close()
    said = dyz("doctor", code=1).stderr
    assert "天没有备份" in said and "dyz backup" in said


def test_a_damaged_file_whose_log_reads_whole_is_rebuilt_from_it(
    dyz: Runner, dyz_json, estate: str, db: Path
) -> None:
    for room in range(302, 340):
        dyz("household", "add", f"2-2-{room}", "--note", "楼道灯坏了" * 40)
    listed = dyz_json("household", "list")
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    index_page = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'households_by_place'"
    ).fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(db.read_bytes())
    start = (index_page - 1) * page_size
    data[start : start + 12] = bytes(12)  # the header of an index page of households, spoilt
    db.write_bytes(bytes(data))
    said = dyz("doctor", code=1).stderr
    assert "文件损坏" in said and "dyz doctor --repair" in said
    said = dyz("doctor", "--repair").stderr
    assert "已按修改记录重建工作本" in said
    assert [p for p in db.parent.iterdir() if ".damaged-" in p.name]
    assert dyz_json("household", "list") == listed
    assert all(doctor_json(dyz).values())


def test_a_damaged_file_whose_log_is_lost_shows_the_way_back(
    dyz: Runner, estate: str, db: Path
) -> None:
    for room in range(302, 340):
        dyz("household", "add", f"2-2-{room}", "--note", "楼道灯坏了" * 40)
    sqlite3.connect(db).execute("PRAGMA wal_checkpoint(TRUNCATE)").connection.close()
    with db.open("r+b") as stream:
        stream.truncate(db.stat().st_size // 3)
    said = dyz("doctor", "--repair", code=1).stderr
    assert "dyz restore" in said and "dyz export --for" in said
    assert "内部错误" not in said


def test_residents_who_left_long_ago_are_proposed_and_erased_once_confirmed(
    dyz: Runner, dyz_json, estate: str, db: Path
) -> None:
    dyz("resident", "add", "2-2-301", "--name", "周常福", "--phone", "13512345678",
        "--moved-in", "2020-03-01")  # fmt: skip
    dyz("resident", "add", "2-2-301", "--name", "刘桂英", "--moved-in", "2020-03-01")
    long_gone, recent = (
        next(r["id"] for r in dyz_json("household", "show", "2-2-301")["residents"]
             if r["name"] == name)
        for name in ("周常福", "刘桂英")
    )  # fmt: skip
    dyz("resident", "move-out", long_gone[:8], "--on", "2024-10-01")
    dyz("resident", "move-out", recent[:8], "--on", "2026-11-01")
    said = dyz("doctor", code=1).stderr
    assert "1 位居民迁出已超过 365 天" in said
    said = dyz("doctor", "--repair", code=1).stderr
    assert "加 --yes" in said

    def raw() -> bytes:
        files = (Path(f"{db}{suffix}") for suffix in ("", "-wal"))
        return b"".join(f.read_bytes() for f in files if f.exists())

    assert "周常福".encode() in raw()
    dyz("doctor", "--repair", "--yes")
    assert "周常福".encode() not in raw() and b"13512345678" not in raw()
    assert "刘桂英".encode() in raw()
    dyz("config", "set", "privacy.retention_days", "10")
    assert "1 位居民迁出已超过 10 天" in dyz("doctor", code=1).stderr


# -- what dyz never makes, put into the notebook -------------------------------------------------

STASH = (
    "CREATE TABLE zz_stash (name TEXT, phone TEXT);"
    " CREATE TRIGGER zz_keep BEFORE DELETE ON residents BEGIN"
    " INSERT INTO zz_stash VALUES (old.name, old.phone); END;"
)
ABORT = "CREATE TRIGGER zz_stop BEFORE INSERT ON changes BEGIN SELECT RAISE(ABORT, 'no'); END;"


def _run_sql(db: Path, script: str) -> None:
    conn = sqlite3.connect(db)
    conn.executescript(script)
    conn.close()


def _names(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()


def test_doctor_names_each_thing_dyz_never_makes_and_repair_drops_it(
    dyz: Runner, stairwell: str, db: Path
) -> None:
    _run_sql(db, STASH + ABORT)
    said = dyz("doctor", code=1).stderr
    lines = [line for line in said.splitlines() if "dyz 不会建的" in line]
    assert len(lines) == 3, said
    assert any("表 zz_stash" in x and "表里的内容也一起删掉" in x for x in lines)
    assert any("触发器 zz_keep" in x for x in lines) and any("触发器 zz_stop" in x for x in lines)
    assert "dyz doctor --repair" in said
    found = checks(json.loads(dyz("doctor", "--format", "json", code=1).stdout))
    assert found == {"schema": False}
    assert {"zz_stash", "zz_keep", "zz_stop"} <= _names(db)  # told, not touched
    said = dyz("doctor", "--repair").stderr
    assert "（多出 表 zz_stash、触发器 zz_keep、触发器 zz_stop）：多出的已删掉" in said, said
    assert not {"zz_stash", "zz_keep", "zz_stop"} & _names(db)
    dyz("household", "remove", "2-2-301", "--yes")  # writes again, and nothing is stashed
    assert all(doctor_json(dyz).values())


def test_doctor_makes_again_a_trigger_of_dyz_s_that_was_altered(
    dyz: Runner, stairwell: str, db: Path
) -> None:
    conn = sqlite3.connect(db)
    name, sql = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name LIMIT 1"
    ).fetchone()
    conn.executescript(
        f"DROP TRIGGER {name}; CREATE TRIGGER {name} AFTER INSERT ON households BEGIN"
        " SELECT 1; END;"
    )
    conn.close()
    said = dyz("doctor", code=1).stderr
    assert f"触发器 {name} 被改过" in said
    said = dyz("doctor", "--repair").stderr
    assert f"（被改过的 触发器 {name}）" in said and "按 dyz 的样子重建" in said, said
    conn = sqlite3.connect(db)
    assert (
        conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0] == sql
    )
    conn.close()


def test_doctor_reads_no_view_put_where_the_log_was(stairwell: str, db: Path) -> None:
    """A recursive view in place of the change log: named within seconds, never read."""
    from tests.bounded import run_bounded

    _run_sql(
        db,
        "DROP TABLE changes; CREATE VIEW changes (id, record, field, hlc) AS WITH RECURSIVE"
        " r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n, n, n, n FROM r;",
    )
    result = run_bounded("doctor", seconds=30)
    assert result.code == 1 and "Traceback" not in result.stderr
    assert any("视图 changes" in line for line in result.lines), result.lines
    assert any("表 changes" in line for line in result.lines), result.lines
    repaired = run_bounded("doctor", "--repair", seconds=30)
    assert repaired.code == 1 and "Traceback" not in repaired.stderr
    assert any(
        "表 changes 被改过或不见了" in line and "dyz restore" in line for line in repaired.lines
    )
    print(f"\ndoctor on a recursive view: {result.seconds:.2f} s, peak {result.peak_mib:.0f} MiB")


def test_the_doctor_tells_how_much_room_the_log_takes_beside_the_tables(
    dyz: Runner, dyz_json, estate: str
) -> None:
    """A figure, not a check: the log's pages (its table and indexes) against every other
    table's, from SQLite's page statistics."""
    import json

    dyz("resident", "add", "2-2-301", "--name", "刘桂英", "--phone", "13812345678")
    found = json.loads(dyz("doctor", "--format", "json").stdout)
    log = next(f for f in found if f["check"] == "log")
    assert log["ok"]
    assert log["detail"]["log_bytes"] > 0 and log["detail"]["tables_bytes"] > 0
    ratio = log["detail"]["log_bytes"] / log["detail"]["tables_bytes"]
    shown = dyz("doctor").stderr
    assert f"修改记录占 {log['detail']['log_bytes'] / 1_000_000:.1f} MB" in shown
    assert f"的 {ratio:.2f} 倍" in shown
