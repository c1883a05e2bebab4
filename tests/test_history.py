"""`dyz log`: the change history in words, one line per command, phones masked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Runner, one_line_error

ROLL = Path(__file__).resolve().parent.parent / "examples" / "households.csv"


def test_one_line_per_command_newest_first_in_words(dyz: Runner, dyz_json, estate: str) -> None:
    dyz("resident", "add", "2-2-301", "--name", "刘桂英", "--phone", "13812345678")
    [person] = dyz_json("household", "show", "2-2-301")["residents"]
    dyz("resident", "edit", person["id"][:8], "--phone", "18612343936")
    dyz("petition", "add", "2-2-301", "-c", "维修", "-t", "楼道灯坏了，打13912345678")
    [petition] = dyz_json("petition", "list")
    dyz("petition", "escalate", petition["id"][:8], "--to", "议事会")
    entries = dyz_json("log")
    texts = [e["text"] for e in entries]
    assert texts == [
        "把诉求“楼道灯坏了，打139****5678”（2-2-301）记为 上报",
        "登记了诉求“楼道灯坏了，打139****5678”（2-2-301）",
        "把刘桂英（2-2-301）的电话改为 186****3936",
        "登记了居民 刘桂英（2-2-301）",
        "登记了住户 新芙蓉之都 2-2-301",
    ]
    assert {e["laptop"] for e in entries} == {"王建国的电脑"}
    printed = dyz("log").stdout
    assert printed.count("\n") == 5 and "王建国的电脑" in printed
    for phone in ("13812345678", "18612343936", "13912345678"):
        assert phone not in printed and phone not in str(entries)


def test_a_roll_import_is_one_counted_line(dyz: Runner, dyz_json, estate: str) -> None:
    dyz("household", "import", str(ROLL))
    newest = dyz_json("log")[0]
    assert newest["changes"] > 100
    assert newest["text"].startswith("登记了住户 ") and "居民" in newest["text"]


def test_filters_by_household_record_day_and_laptop(
    dyz: Runner, dyz_json, estate: str, tmp_path: Path
) -> None:
    dyz("household", "add", "2-2-302")
    dyz("resident", "add", "2-2-302", "--name", "王建国")
    dyz("petition", "add", "2-2-301", "-c", "维修", "-t", "楼道灯坏了")
    [petition] = dyz_json("petition", "list")
    dyz("petition", "resolve", petition["id"][:8], "--note", "换了灯泡")
    mine = [e["text"] for e in dyz_json("log", "--household", "2-2-301")]
    assert len(mine) == 3 and not any("王建国" in text or "302" in text for text in mine)
    assert "换了灯泡" in mine[0]
    one = dyz_json("log", "--record", petition["id"][:6])
    assert [e["text"] for e in one] == ["登记了诉求“楼道灯坏了”（2-2-301）"]
    assert len(dyz_json("log", "--since", "今天")) == len(dyz_json("log"))
    assert dyz_json("log", "--by", "王建国的电脑") == dyz_json("log")
    assert len(dyz_json("log", "--limit", "2")) == 2
    assert "没有叫“张三的电脑”的电脑" in one_line_error(dyz("log", "--by", "张三的电脑", code=1))
    one_line_error(dyz("log", "--since", "明天", code=1))


def test_another_laptop_s_changes_are_named_by_it(dyz: Runner, dyz_json, tmp_path: Path) -> None:
    unit = ["--db", str(tmp_path / "unit.db")]
    office = ["--db", str(tmp_path / "office.db")]
    dyz(*unit, "init", "--device-name", "周玉梅的电脑")
    dyz(*office, "init", "--device-name", "社区办公室")
    dyz(*unit, "household", "add", "2-2-301", "--estate", "新芙蓉之都")
    dyz(*unit, "resident", "add", "2-2-301", "--name", "刘桂英")
    bundle = tmp_path / "b.yaml"
    dyz(*unit, "export", "--plain", "-o", str(bundle))
    dyz(*office, "import", str(bundle))
    dyz(*office, "household", "edit", "2-2-301", "--note", "楼道灯坏了")
    entries = dyz_json(*office, "log")
    assert entries[0]["laptop"] == "社区办公室" and "楼道灯坏了" in entries[0]["text"]
    assert {e["laptop"] for e in entries[1:]} == {"周玉梅的电脑"}
    assert dyz_json(*office, "log", "--by", "周玉梅的电脑") == entries[1:]


def test_an_erasure_is_one_line_and_the_command_before_it_stays_its_own(
    dyz: Runner, dyz_json, estate: str
) -> None:
    dyz("household", "add", "2-2-302")
    dyz("resident", "add", "2-2-301", "--name", "刘桂英")
    dyz("resident", "add", "2-2-301", "--name", "陈志明")
    dyz("visit", "add", "2-2-301", "--need", "维修:刘阿姨家水管漏")
    [need] = dyz_json("petition", "list")
    # the step's note, its last change, goes with the flat: the two commands stay apart
    dyz("petition", "escalate", need["id"][:8], "--to", "议事会", "--note", "刘阿姨说楼上也漏")
    dyz("household", "remove", "2-2-301", "--yes")
    texts = [e["text"] for e in dyz_json("log")]
    assert texts[0] == "抹去了住户 1 条、居民 2 条"
    assert texts[1] == "把诉求“（内容已随住户一起抹去）”（2-2）记为 上报"
    assert texts[2].startswith("登记了走访（2-2，")
    assert "刘阿姨" not in str(texts)


def test_the_log_speaks_words_never_codes_or_none(
    dyz: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A volunteer of a whole building or estate has no unit to print ("1-None"); a dispute's
    kind is said in words (楼上漏水), not its code."""
    path = tmp_path / "sample.db"
    monkeypatch.setenv("DYZ_DEMO_DB", str(path))
    dyz("demo")
    shown = dyz("--db", str(path), "log", "--limit", "400").stdout
    assert "登记了志愿者" in shown and "纠纷类型改为 楼上漏水" in shown
    assert "None" not in shown and "leak" not in shown


def test_a_records_commands_are_those_of_the_whole_log_it_is_part_of(
    dyz: Runner, tmp_path: Path
) -> None:
    """`--household` and `--record` read the records' own changes and only as much of the rest
    of the log as tells two of them apart: the same commands, cut the same way, in the same
    order, as the whole log's commands left with only those records' changes."""
    from danyuanzhang.store import Store
    from danyuanzhang.upkeep import history

    unit = ["--db", str(tmp_path / "unit.db")]
    office = ["--db", str(tmp_path / "office.db")]
    dyz(*unit, "init", "--device-name", "周玉梅的电脑", "--community", "芙蓉南路社区")
    dyz(*office, "init", "--device-name", "社区办公室", "--community", "芙蓉南路社区")
    dyz(*unit, "household", "import", str(ROLL), "--estate", "新芙蓉之都")
    dyz(*unit, "resident", "add", "2-2-301", "--name", "陈秀兰", "--phone", "13812345678")
    dyz(*unit, "visit", "add", "2-2-301", "--need", "维修:门锁坏了")
    # changes a second apart and three seconds apart: on the office, where this laptop's
    # commands are not known, only the moment between them tells them apart
    store = Store.open(tmp_path / "unit.db")
    clock = iter(range(store.wall_ms() + 60_000, store.wall_ms() + 600_000, 1_000))
    store.wall_clock = lambda: next(clock)
    household = str(store.conn.execute("SELECT id FROM households LIMIT 1").fetchone()[0])
    for n in range(12):
        if n % 4 == 3:
            next(clock), next(clock)
        store.put("household", household, {"note": f"第{n}次"})
    store.close()
    bundle = tmp_path / "b.yaml"
    dyz(*unit, "export", "--plain", "-o", str(bundle))
    dyz(*office, "import", str(bundle))
    dyz(*office, "household", "edit", "2-2-301", "--note", "楼道灯坏了")
    dyz(*unit, "household", "edit", "2-2-301", "--note", "门口有台阶")
    for db in (tmp_path / "unit.db", tmp_path / "office.db"):
        store = Store.open(db)
        try:
            whole = history.entries(store)
            assert [(e.device, e.author, e.changes) for e in whole] == _read_whole(store)
            records = sorted({c.record for entry in whole for c in entry.changes})
            picks = [{r} for r in records[::7]] + [set(records[::3]), set(records[-40:])]
            picks.append({household, records[0]})
            for device in (None, store.device()[0]):
                for wanted in picks:
                    expected = []
                    for entry in whole:
                        kept = [c for c in entry.changes if c.record in wanted]
                        if kept and device in (None, entry.device):
                            expected.append((entry.device, entry.author, kept))
                    expected.sort(key=lambda found: found[2][0].hlc, reverse=True)
                    got = history.entries(store, wanted, device=device)
                    assert [(e.device, e.author, e.changes) for e in got] == expected
        finally:
            store.close()


def _read_whole(store: Any) -> list[tuple[str, str, list[Any]]]:
    """The log's commands as `dyz log` made them before it read newest-first: every change
    by laptop and stamp, cut where the author changes, a moment passes or a command of this
    laptop ended, then sorted by their first stamps."""
    from bisect import bisect_left

    from danyuanzhang.core.changes import COLUMNS, Change
    from danyuanzhang.core.hlc import wall_of
    from danyuanzhang.upkeep.history import MOMENT_MS

    ends = sorted(row[0] for row in store.conn.execute("SELECT hlc FROM command_ends"))
    found: list[tuple[str, str, list[Any]]] = []
    last: Any = None
    for row in store.conn.execute(f"SELECT {COLUMNS} FROM changes ORDER BY device, hlc"):
        change = Change(*row)
        at = bisect_left(ends, last.hlc) if last is not None else 0
        if (
            last is None
            or (at < len(ends) and ends[at] < change.hlc)
            or change.device != last.device
            or change.author != last.author
            or wall_of(change.hlc) - wall_of(last.hlc) > MOMENT_MS
        ):
            found.append((change.device, change.author, []))
        found[-1][2].append(change)
        last = change
    return sorted(found, key=lambda entry: entry[2][0].hlc, reverse=True)
