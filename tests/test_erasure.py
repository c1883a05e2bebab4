"""Removing a household or resident erases personal data everywhere in the file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from danyuanzhang.errors import DyzError
from danyuanzhang.store import Store
from tests.conftest import Runner

NAME = "刘桂英独居"
PHONE = "13812345678"


def file_bytes(db: Path) -> bytes:
    return b"".join(
        Path(str(db) + suffix).read_bytes()
        for suffix in ("", "-wal")
        if Path(str(db) + suffix).exists()
    )


def test_household_removal_leaves_no_trace_of_its_residents(
    dyz: Runner, dyz_json, db: Path, estate: str
) -> None:
    dyz(
        "resident",
        "add",
        "2-2-301",
        "--name",
        NAME,
        "--phone",
        PHONE,
        "--born",
        "1941",
        "--flag",
        "elderly_alone",
    )
    dyz("resident", "add", "2-2-301", "--name", "陈志明", "--phone", "13900001111")
    resident_id = dyz_json("household", "show", "2-2-301")["residents"][0]["id"]
    # several edits, so the history holds older values too
    dyz("resident", "edit", resident_id, "--phone", "13812340000")
    household_id = dyz_json("household", "show", "2-2-301")["id"]
    assert NAME.encode() in file_bytes(db)

    result = dyz("household", "remove", "2-2-301", "--yes")
    assert "抹去了 2 位居民" in result.stderr and "无法恢复" in result.stderr

    raw = file_bytes(db)
    for secret in (NAME, PHONE, "13812340000", "陈志明", "13900001111"):
        assert secret.encode() not in raw, secret
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM households").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM residents").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM resident_flags").fetchone()[0] == 0
    # only tombstones, keeping the ids, remain
    kept = conn.execute("SELECT entity, record, op, field, value FROM changes").fetchall()
    assert {(e, op, f, v) for e, _, op, f, v in kept} == {
        ("resident", "delete", "", None),
        ("household", "delete", "", None),
    }
    assert household_id in {r for _, r, *_ in kept}
    assert conn.execute("SELECT count(*) FROM tombstones").fetchone()[0] == 3
    one = dyz("household", "show", "2-2-301", code=1)
    assert "没有登记" in one.stderr


def test_an_erased_record_cannot_be_written_again(
    dyz: Runner, dyz_json, db: Path, estate: str
) -> None:
    dyz("resident", "add", "2-2-301", "--name", NAME)
    resident_id = dyz_json("household", "show", "2-2-301")["residents"][0]["id"]
    dyz("resident", "remove", resident_id[:8], "--yes")
    assert NAME.encode() not in file_bytes(db)
    store = Store.open(db)
    try:
        assert store.is_erased("resident", resident_id)
        with pytest.raises(DyzError, match="抹去"), store.transaction():
            store.put("resident", resident_id, {"name": "复活"})
    finally:
        store.close()


def test_roster_removal_erases_the_member(dyz: Runner, dyz_json, db: Path, estate: str) -> None:
    dyz(
        "roster",
        "add",
        "--role",
        "unit_head",
        "--name",
        "周玉梅单元长",
        "--phone",
        "13907310202",
        "--scope",
        "2-2",
    )
    member_id = dyz_json("roster", "list")[0]["id"]
    dyz("roster", "remove", member_id[:8], "--yes")
    assert "周玉梅单元长".encode() not in file_bytes(db)
    assert dyz_json("roster", "list") == []


def every_byte(db: Path) -> bytes:
    return b"".join(
        Path(str(db) + suffix).read_bytes()
        for suffix in ("", "-wal", "-shm")
        if Path(str(db) + suffix).exists()
    )


def test_an_erasure_while_another_dyz_reads_leaves_no_copy_once_it_is_done(
    dyz: Runner, db: Path, estate: str
) -> None:
    import subprocess
    import sys

    dyz("resident", "add", "2-2-301", "--name", NAME, "--phone", PHONE)
    # another window in the middle of reading: its snapshot holds the names in the log
    reader = subprocess.Popen(
        [
            sys.executable, "-c",
            "import sqlite3, sys, time\n"
            "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "c.execute('BEGIN'); c.execute('SELECT * FROM residents').fetchall()\n"
            "print('reading', flush=True); time.sleep(2.5); c.execute('COMMIT')\n",
            str(db),
        ],
        stdout=subprocess.PIPE,
    )  # fmt: skip
    assert reader.stdout is not None and reader.stdout.readline().strip() == b"reading"
    result = dyz("household", "remove", "2-2-301", "--yes")
    reader.wait()
    assert "无法恢复" in result.stderr
    raw = every_byte(db)
    assert NAME.encode() not in raw and PHONE.encode() not in raw


def test_an_erasure_with_a_window_that_stays_open_says_so_and_finishes_later(
    dyz: Runner, db: Path, estate: str
) -> None:
    dyz("resident", "add", "2-2-301", "--name", NAME, "--phone", PHONE)
    reader = sqlite3.connect(db, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT * FROM residents").fetchall()
    store = Store.open(db)
    store.write_wait_ms = 300
    try:
        from danyuanzhang.households.registry import remove_household

        assert remove_household(store, "2-2-301")["scrubbed"] is False
    finally:
        store.close()
    reader.execute("COMMIT")
    reader.close()
    dyz("household", "list")  # the next command finishes the scrub
    raw = every_byte(db)
    assert NAME.encode() not in raw and PHONE.encode() not in raw


@pytest.mark.parametrize("named_by", ["id", "the flat as typed"])
def test_an_unfinished_interview_at_an_erased_door_goes_with_it(
    dyz: Runner, db: Path, estate: str, named_by: str
) -> None:
    from danyuanzhang.store import drafts

    [household_id] = [
        r[0] for r in sqlite3.connect(db).execute("SELECT id FROM households").fetchall()
    ]
    store = Store.open(db)
    try:
        drafts.save(
            store,
            {
                "plan": {
                    "household": household_id if named_by == "id" else "2-2-301",
                    "moved_in": [{"name": NAME, "phone": PHONE}],
                }
            },
        )
    finally:
        store.close()
    dyz("household", "remove", "2-2-301", "--yes")
    raw = every_byte(db)
    assert NAME.encode() not in raw and PHONE.encode() not in raw
    store = Store.open(db)
    try:
        assert drafts.load(store) is None
    finally:
        store.close()


def test_an_unfinished_interview_at_another_door_stays(dyz: Runner, db: Path, estate: str) -> None:
    from danyuanzhang.store import drafts

    dyz("household", "add", "2-2-302")
    store = Store.open(db)
    try:
        drafts.save(store, {"plan": {"household": "2-2-302", "moved_in": []}})
    finally:
        store.close()
    dyz("household", "remove", "2-2-301", "--yes")
    store = Store.open(db)
    try:
        assert drafts.load(store) is not None
    finally:
        store.close()


def test_an_erased_household_s_needs_and_hazards_stay_without_its_words(
    dyz: Runner, dyz_json, db: Path, estate: str
) -> None:
    dyz("household", "add", "2-2-302")  # the estate keeps a flat: its lists stay
    dyz("resident", "add", "2-2-301", "--name", NAME, "--phone", PHONE)
    dyz("petition", "add", "2-2-301", "-c", "维修", "-t", "王大爷138 1234 5678家灯坏了",
        "--on", "2026-12-01")  # fmt: skip
    dyz("hazard", "add", "--kind", "飞线充电", "--where", "2-2 3楼", "--household", "2-2-301",
        "--note", "王大爷家窗外拉线", "--on", "2026-12-01")  # fmt: skip
    [need_id] = [p["id"][:8] for p in dyz_json("petition", "list")]
    [hazard_id] = [h["id"][:8] for h in dyz_json("hazard", "list")]
    dyz("petition", "escalate", need_id, "--to", "楼栋长", "--note", "王大爷说楼上也漏")
    dyz("hazard", "notify", hazard_id, "--days", "3", "--note", "告诉王大爷拆线")
    dyz("visit", "add", "2-2-301", "--on", "2026-12-01", "--note", "王大爷腿疼")
    week = dyz_json("report", "--week", "2026-12-01", "--scope", "unit:2-2")
    removed = dyz("household", "remove", "2-2-301", "--yes")
    assert "留在统计里" in removed.stderr
    # a step taken afterwards keeps its place in the timeline, not its note
    dyz("hazard", "fix", hazard_id, "--note", "王大爷已拆")
    [step] = [
        s for s in dyz_json("hazard", "show", hazard_id)["timeline"] if s["step"] == "rectified"
    ]
    assert not step["note"]
    assert "（内容已随住户一起抹去）" in dyz("petition", "show", need_id).stdout
    [visit] = dyz_json("visit", "list")
    assert visit["on"] == "2026-12-01" and not visit["note"]
    [need] = dyz_json("petition", "list")
    assert (need["category"], need["unit"], need["raised_on"]) == ("repair", "2-2", "2026-12-01")
    assert not need["text"]
    [hazard] = dyz_json("hazard", "list")
    assert hazard["kind"] == "flying_wire" and not hazard["note"]
    after = dyz_json("report", "--week", "2026-12-01", "--scope", "unit:2-2")
    assert after["needs"]["collected"] == week["needs"]["collected"] == 1
    assert after["hazards"]["found"] == week["hazards"]["found"]
    assert after["visits"]["made"] == week["visits"]["made"] == 1
    raw = every_byte(db)
    for secret in ("王大爷", PHONE, NAME):
        assert secret.encode() not in raw, secret


@pytest.mark.parametrize("first", ["erasure", "need"])
def test_the_words_go_on_every_laptop_whichever_arrives_first(
    dyz: Runner, dyz_json, tmp_path: Path, first: str
) -> None:
    a = ["--db", str(tmp_path / "a.db")]
    b = ["--db", str(tmp_path / "b.db")]
    dyz(*a, "init", "--device-name", "甲")
    dyz(*b, "init", "--device-name", "乙")
    dyz(*a, "household", "add", "2-2-301", "--estate", "新芙蓉之都")
    dyz(*a, "household", "add", "2-2-302")
    shared = tmp_path / "shared.yaml"
    dyz(*a, "export", "--plain", "-o", str(shared))
    dyz(*b, "import", str(shared))
    dyz(*b, "petition", "add", "2-2-301", "-c", "维修", "-t", "王大爷家灯坏了")
    need = tmp_path / "need.yaml"
    dyz(*b, "export", "--plain", "-o", str(need))
    if first == "need":
        dyz(*a, "import", str(need))
    dyz(*a, "household", "remove", "2-2-301", "--yes")
    if first == "erasure":
        dyz(*a, "import", str(need))
    erasure = tmp_path / "erasure.yaml"
    dyz(*a, "export", "--plain", "-o", str(erasure))
    dyz(*b, "import", str(erasure), "--accept-erasures")
    for laptop in (a, b):
        [shown] = dyz_json(*laptop, "petition", "list")
        assert shown["category"] == "repair" and not shown["text"]
        assert "王大爷".encode() not in every_byte(Path(laptop[1]))
