"""`dyz hazard ...`: patrols, deadlines, recurrence, and hazards that travel between laptops."""

from __future__ import annotations

from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import Runner, one_line_error, snapshot


def days_ago(n: int) -> str:
    return (date.today() - timedelta(days=n)).isoformat()


@pytest.fixture
def patrol(dyz: Runner, estate: str) -> str:
    """A flying-wire hazard found five days ago, three days to fix, household 2-2-301 told."""
    said = dyz(
        "hazard",
        "add",
        "--kind",
        "飞线充电",
        "--where",
        "2-2 3楼窗外",
        "--household",
        "2-2-301",
        "--on",
        days_ago(5),
        "--days",
        "3",
        "--severity",
        "high",
    ).stderr
    assert "已登记隐患（2-2" in said
    return said.split("编号 ")[1][:8]


def test_add_and_the_json_of_list_and_show(dyz: Runner, dyz_json, patrol: str) -> None:
    [item] = dyz_json("hazard", "list")
    assert set(item) >= {
        "id",
        "status",
        "kind",
        "unit",
        "household",
        "found_on",
        "due",
        "overdue",
        "recurrence_of",
    }
    assert (item["status"], item["kind"], item["unit"], item["household"]) == (
        "found",
        "flying_wire",
        "2-2",
        "2-2-301",
    )
    assert item["place"] == "3楼窗外" and item["severity"] == "high"
    assert item["found_on"] == days_ago(5) and item["due"] == days_ago(2)
    assert item["overdue"] is True and item["recurrence_of"] is None
    shown = dyz_json("hazard", "show", patrol)
    assert [step["step"] for step in shown["timeline"]] == ["found"]


def test_the_path_to_verified_with_its_timeline(dyz: Runner, dyz_json, patrol: str) -> None:
    assert "期限" in dyz("hazard", "notify", patrol, "--days", "7", "--note", "已上门告知").stderr
    dyz("hazard", "fix", patrol, "--note", "线已拆除")
    dyz("hazard", "verify", patrol)
    shown = dyz_json("hazard", "show", patrol)
    assert shown["status"] == "verified" and shown["overdue"] is False
    assert [s["step"] for s in shown["timeline"]] == ["found", "notified", "rectified", "verified"]
    assert (
        shown["timeline"][1]["note"] == "已上门告知"
        and shown["timeline"][1]["by"] == "王建国的电脑"
    )
    table = dyz("hazard", "show", patrol).stdout
    assert "飞线充电" in table and "复查销号" in table and "线已拆除" in table


def test_reopen_when_a_reinspection_fails(dyz: Runner, dyz_json, patrol: str) -> None:
    dyz("hazard", "fix", patrol)
    dyz("hazard", "reopen", patrol, "--days", "2", "--note", "又拉线了")
    assert dyz_json("hazard", "show", patrol)["status"] == "notified"
    dyz("hazard", "fix", patrol)
    dyz("hazard", "verify", patrol)
    dyz("hazard", "reopen", patrol)
    assert dyz_json("hazard", "show", patrol)["status"] == "notified"


@pytest.mark.parametrize(
    ("steps", "refused", "state"),
    [
        ((), "verify", "已发现"),
        (("fix", "verify"), "fix", "已复查"),
        (("fix",), "notify", "已整改"),
        ((), "reopen", "已发现"),
    ],
)
def test_impossible_steps_are_refused_naming_the_state(
    dyz: Runner, db: Path, patrol: str, steps: tuple[str, ...], refused: str, state: str
) -> None:
    for step in steps:
        dyz("hazard", step, patrol)
    before = snapshot(db)
    assert state in one_line_error(dyz("hazard", refused, patrol, code=1))
    assert snapshot(db) == before


def test_overdue_by_date(dyz: Runner, dyz_json, estate: str) -> None:
    dyz(
        "hazard",
        "add",
        "--kind",
        "blocked_exit",
        "--where",
        "2-2 1楼",
        "--on",
        days_ago(10),
        "--due",
        days_ago(1),
    )
    dyz(
        "hazard",
        "add",
        "--kind",
        "blocked_exit",
        "--where",
        "2-1 1楼",
        "--on",
        days_ago(10),
        "--due",
        date.today().isoformat(),
    )
    dyz("hazard", "add", "--kind", "flammables", "--where", "2-2 2楼")
    overdue = dyz_json("hazard", "list", "--overdue")
    assert [h["unit"] for h in overdue] == ["2-2"]
    dyz("hazard", "fix", overdue[0]["id"][:8])
    assert dyz_json("hazard", "list", "--overdue") == []
    assert "逾期" not in dyz("hazard", "list").stdout


def test_recurrence_inside_and_outside_the_window(dyz: Runner, dyz_json, estate: str) -> None:
    def add(kind: str, unit: str, found: str) -> str:
        return dyz("hazard", "add", "--kind", kind, "--where", unit, "--on", found).stderr.split(
            "编号 "
        )[1][:8]

    first = add("flying_wire", "2-2", days_ago(200))
    dyz("hazard", "fix", first, "--on", days_ago(199))
    dyz("hazard", "verify", first, "--on", days_ago(150))
    inside = add("flying_wire", "2-2", days_ago(100))  # 50 days after the verification
    outside = add(
        "flying_wire", "2-2", days_ago(30)
    )  # 120 days after; and `inside` is not verified
    other_kind = add("ebike_indoor", "2-2", days_ago(100))
    other_unit = add("flying_wire", "2-1", days_ago(100))
    listed = {h["id"][:8]: h["recurrence_of"] for h in dyz_json("hazard", "list")}
    assert listed[inside] is not None and listed[inside].startswith(first)
    assert listed[outside] is None and listed[other_kind] is None and listed[other_unit] is None
    assert "回潮" in dyz("hazard", "list", "--unit", "2-2").stdout
    said = dyz(
        "hazard", "add", "--kind", "飞线充电", "--where", "2-2", "--on", days_ago(140)
    ).stderr
    assert "回潮" in said


def test_list_filters(dyz: Runner, dyz_json, patrol: str) -> None:
    dyz("hazard", "add", "--kind", "extinguisher", "--where", "3-1 1楼")
    assert [h["kind"] for h in dyz_json("hazard", "list", "--kind", "灭火器缺失")] == [
        "extinguisher"
    ]
    assert [h["unit"] for h in dyz_json("hazard", "list", "--unit", "3-1")] == ["3-1"]
    dyz("hazard", "fix", patrol)
    dyz("hazard", "verify", patrol)
    assert [h["kind"] for h in dyz_json("hazard", "list", "--open")] == ["extinguisher"]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("hazard", "add", "--kind", "漏水", "--where", "2-2"), "不认识隐患类别"),
        (("hazard", "add", "--kind", "漏水", "--where", "2-2"), "dyz hazard kind-add"),
        (
            ("hazard", "add", "--kind", "flying_wire", "--where", "2-2", "--on", "2026-02-30"),
            "2026-02-30",
        ),
        (
            (
                "hazard",
                "add",
                "--kind",
                "flying_wire",
                "--where",
                "2-2",
                "--on",
                "2026-03-10",
                "--due",
                "2026-03-01",
            ),
            "早于",
        ),
        (("hazard", "add", "--kind", "flying_wire", "--where", "二单元"), "楼栋-单元"),
        (
            ("hazard", "add", "--kind", "flying_wire", "--where", "2-2", "--household", "9-9-909"),
            "没有登记",
        ),
        (
            ("hazard", "add", "--kind", "flying_wire", "--where", "2-2", "--severity", "critical"),
            "critical",
        ),
        (("hazard", "fix", "zz"), "找不到"),
    ],
)
def test_bad_hazard_input(
    dyz: Runner, db: Path, estate: str, args: tuple[str, ...], words: str
) -> None:
    before = snapshot(db)
    assert words in one_line_error(dyz(*args, code=1))
    assert snapshot(db) == before


def test_an_id_prefix_that_matches_two_hazards(dyz: Runner, dyz_json, estate: str) -> None:
    for _ in range(40):
        dyz("hazard", "add", "--kind", "other", "--where", "2-2")
    firsts = [h["id"][0] for h in dyz_json("hazard", "list")]
    shared = next(c for c in firsts if firsts.count(c) > 1)
    assert "多写几位" in one_line_error(dyz("hazard", "fix", shared, code=1))


def test_hazards_travel_and_two_laptops_fixing_one_hazard_merge(
    dyz: Runner, dyz_json, patrol: str, tmp_path: Path
) -> None:
    office = ["--db", str(tmp_path / "office.db")]
    dyz(*office, "init", "--device-name", "社区办公室")
    dyz("export", "--plain", "--all", "-o", str(tmp_path / "a.yaml"))
    dyz(*office, "import", str(tmp_path / "a.yaml"))
    dyz("hazard", "fix", patrol, "--note", "单元长看到已拆")
    dyz(*office, "hazard", "fix", patrol, "--note", "物业已拆")
    dyz(*office, "hazard", "verify", patrol)
    dyz(*office, "export", "--plain", "--all", "-o", str(tmp_path / "b.yaml"))
    said = dyz("import", str(tmp_path / "b.yaml")).stderr
    assert "冲突" not in said
    shown = dyz_json("hazard", "show", patrol)
    assert shown["status"] == "verified"
    # both fixes are kept, with their notes and who recorded them; the second is not counted
    steps = [(s["step"], s["note"], s["by"], s["counted"]) for s in shown["timeline"][1:]]
    assert steps == [
        ("rectified", "单元长看到已拆", "王建国的电脑", True),
        ("rectified", "物业已拆", "社区办公室", False),
        ("verified", None, "社区办公室", True),
    ]
    dyz("export", "--for", "社区办公室", "-o", str(tmp_path / "c.yaml"))
    dyz(*office, "import", str(tmp_path / "c.yaml"))
    assert dyz_json(*office, "hazard", "show", patrol)["timeline"] == shown["timeline"]
    table = dyz("hazard", "show", patrol).stdout
    assert "已整改（另一台电脑也记了）" in table and "物业已拆" in table and "社区办公室" in table


def test_a_step_travels_with_its_hazard_and_the_household(
    dyz: Runner, dyz_json, patrol: str, tmp_path: Path
) -> None:
    """A delta with only a new step still carries the hazard and its household, so a laptop
    that never saw them can import it."""
    office = ["--db", str(tmp_path / "office.db")]
    dyz(*office, "init", "--device-name", "社区办公室")
    dyz(
        "export", "--plain", "-o", str(tmp_path / "first.yaml")
    )  # goes elsewhere; the office never sees it
    dyz("hazard", "notify", patrol)
    dyz("export", "--plain", "-o", str(tmp_path / "second.yaml"))
    dyz(*office, "import", str(tmp_path / "second.yaml"))
    [item] = dyz_json(*office, "hazard", "list")
    assert (item["status"], item["household"]) == ("notified", "2-2-301")


def laptop_code(db: Path) -> str:
    """A laptop that has joined no office numbers its notices under its id's first four."""
    import sqlite3

    with closing(sqlite3.connect(db)) as conn:
        row = conn.execute("SELECT value FROM settings WHERE key = 'device_id'").fetchone()
    return str(row[0][:4].upper())


def test_the_notice_text_is_exact(dyz: Runner, db: Path, estate: str) -> None:
    dyz("roster", "add", "--role", "unit_head", "--name", "周玉梅", "--phone", "13907310202",
        "--scope", "2-2")  # fmt: skip
    said = dyz("hazard", "add", "--kind", "flying_wire", "--where", "2-2 3楼窗外",
               "--household", "2-2-301", "--on", "2026-11-20", "--due", "2026-11-23",
               "--note", "电线从窗口垂下，房东王先生 138 1234 5678").stderr  # fmt: skip
    hazard = said.split("编号 ")[1][:8]
    expected = (
        "============================================\n"
        "  消防安全隐患整改通知书\n"
        "  芙蓉〔2026〕第{me}-1号\n"
        "============================================\n"
        "\n"
        "新芙蓉之都2栋2单元301室住户：\n"
        "\n"
        "2026年11月20日，我们在2栋2单元3楼窗外发现飞线充电：电线从窗口垂下，房东王先生 138****5678。\n"
        "为什么危险：从窗口拉线给电动车充电，电线易被磨损、淋雨短路，引发火灾和触电。\n"
        "请于2026年11月23日（星期一）前整改完毕：停止飞线充电，拆除私拉电线。\n"
        "2026年11月24日起，单元长将上门复查整改情况。\n"
        "\n"
        "整改中有困难，请找单元长周玉梅，电话139 0731 0202。\n"
        "\n"
        "单元长（签字）：__________    芙蓉南路社区（盖章）\n"
        "2026年11月21日\n"
        "\n"
        "------------ ✂ 沿此线剪下，请签字后交回单元长 ------------\n"
        "  回执    通知书编号：芙蓉〔2026〕第{me}-1号\n"
        "新芙蓉之都2栋2单元301室：\n"
        "本户已收到2026年11月21日的《消防安全隐患整改通知书》（飞线充电），将于2026年11月23日前整改完毕。\n"
        "住户签字：__________    日期：　　年　　月　　日\n"
    ).replace("{me}", laptop_code(db))
    assert dyz("hazard", "notice", hazard, "--on", "2026-11-21").stdout == expected
    # printed again, later, it is the same notice: its number and day were kept
    assert dyz("hazard", "notice", hazard, "--on", "2026-11-30").stdout == expected
    english = dyz("--lang", "en", "hazard", "notice", hazard).stdout
    assert (
        f"No. 芙蓉〔2026〕第{laptop_code(db)}-1号" in english
        and "by Monday 23 November 2026" in english
    )
    assert "call your unit head 周玉梅 on 139 0731 0202" in english


def test_notices_are_numbered_in_turn_under_the_community_s_short_name(
    dyz: Runner, dyz_json, db: Path, estate: str
) -> None:
    def notice_of(kind: str, on: str) -> str:
        said = dyz("hazard", "add", "--kind", kind, "--where", "2-2 1楼", "--on", on).stderr
        hazard = said.split("编号 ")[1][:8]
        return dyz("hazard", "notice", hazard, "--on", on).stdout.splitlines()[2].strip()

    me = laptop_code(db)
    assert notice_of("blocked_exit", "2026-11-20") == f"芙蓉〔2026〕第{me}-1号"
    dyz("config", "set", "notice.code", "芙南")
    assert notice_of("flammables", "2026-11-21") == f"芙南〔2026〕第{me}-1号"
    assert notice_of("ebike_indoor", "2026-11-22") == f"芙南〔2026〕第{me}-2号"
    assert notice_of("extinguisher", "2025-12-30") == f"芙南〔2025〕第{me}-1号"  # another year
    numbers = {h["notice_no"] for h in dyz_json("hazard", "list")}
    assert numbers == {f"芙蓉〔2026〕第{me}-1号", f"芙南〔2026〕第{me}-1号",
                       f"芙南〔2026〕第{me}-2号", f"芙南〔2025〕第{me}-1号"}  # fmt: skip


def test_the_notice_as_a_page_and_without_a_unit_head(
    dyz: Runner, estate: str, tmp_path: Path
) -> None:
    said = dyz("hazard", "add", "--kind", "blocked_exit", "--where", "2-1 1楼").stderr
    hazard = said.split("编号 ")[1][:8]
    text = dyz("hazard", "notice", hazard).stdout
    assert "新芙蓉之都2栋1单元全体住户：" in text and "请联系社区居委会" in text
    assert "请尽快整改完毕" in text and "将尽快整改完毕" in text
    for paper, size in (("a5", "size: A5"), ("A4", "size: A4")):
        page = tmp_path / f"通知-{paper}.html"
        dyz("hazard", "notice", hazard, "--format", "html", "--paper", paper, "-o", str(page))
        html = page.read_text(encoding="utf-8")
        assert html.startswith("<!DOCTYPE html>") and size in html and "<script" not in html
        assert "楼道和安全通道是唯一的逃生路线" in html and "回执" in html
    assert "txt 或 html" in one_line_error(
        dyz("hazard", "notice", hazard, "--format", "pdf", code=1)
    )
    assert "a4 或 a5" in one_line_error(
        dyz("hazard", "notice", hazard, "--format", "html", "--paper", "b5", code=1)
    )


def test_a_kind_the_community_adds(dyz: Runner, dyz_json, estate: str) -> None:
    dyz("hazard", "kind-add", "gas", "--zh", "燃气泄漏", "--en", "gas leak")
    dyz("hazard", "add", "--kind", "燃气泄漏", "--where", "2-2 厨房")
    [item] = dyz_json("hazard", "list")
    assert item["kind"] == "gas"
    assert "燃气泄漏" in dyz("hazard", "list").stdout
    assert {"code": "gas", "zh": "燃气泄漏", "en": "gas leak"} in dyz_json("hazard", "kinds")
    assert "已经有了" in one_line_error(dyz("hazard", "kind-add", "gas", "--zh", "煤气", code=1))


def test_recurrences_per_unit_for_the_weekly_report(dyz: Runner, db: Path, estate: str) -> None:
    from danyuanzhang.cases.hazards import recurrences_by_unit
    from danyuanzhang.store import Store

    def add(unit: str, found: str) -> str:
        return dyz(
            "hazard", "add", "--kind", "flying_wire", "--where", unit, "--on", found
        ).stderr.split("编号 ")[1][:8]

    for unit in ("2-2", "2-1"):
        first = add(unit, days_ago(60))
        dyz("hazard", "fix", first, "--on", days_ago(59))
        dyz("hazard", "verify", first, "--on", days_ago(58))
    add("2-2", days_ago(10))
    add("2-2", days_ago(5))
    store = Store.open(db)
    try:
        assert recurrences_by_unit(store) == {"2-2": 2}
    finally:
        store.close()


def test_the_recurrence_window_is_configurable(dyz: Runner, dyz_json, estate: str) -> None:
    first = dyz(
        "hazard", "add", "--kind", "flying_wire", "--where", "2-2", "--on", days_ago(100)
    ).stderr.split("编号 ")[1][:8]
    dyz("hazard", "fix", first, "--on", days_ago(99))
    dyz("hazard", "verify", first, "--on", days_ago(95))
    dyz("hazard", "add", "--kind", "flying_wire", "--where", "2-2", "--on", days_ago(1))
    assert "90 天" in dyz("hazard", "recurrence-days").stderr
    assert not any(h["recurrence_of"] for h in dyz_json("hazard", "list"))
    dyz("hazard", "recurrence-days", "120")
    assert sum(1 for h in dyz_json("hazard", "list") if h["recurrence_of"]) == 1
    assert "3650" in one_line_error(dyz("hazard", "recurrence-days", "0", code=1))


def test_a_hazard_is_put_right_after_the_patrol(dyz: Runner, dyz_json, db: Path, stairwell: str):  # type: ignore[no-untyped-def]
    """hazard edit corrects where, whose, what and by when; nothing to change, an unknown flat
    or a deadline before the day found is one line and changes nothing."""
    said = dyz("hazard", "add", "--kind", "飞线充电", "--where", "2-2 ５楼窗口拉线",
               "--on", "2026-11-20").stderr  # fmt: skip
    hazard = said.split("编号 ")[1][:8]
    shown = dyz_json("hazard", "show", hazard)
    assert shown["place"] == "5楼窗口拉线" and shown["household"] is None and shown["due"] is None
    before = snapshot(db)
    for args, words in (
        ((), "--where"),
        (("--household", "2-2-909"), "2-2-909"),
        (("--due", "2026-11-19"), "2026-11-19"),
    ):
        assert words in one_line_error(dyz("hazard", "edit", hazard, *args, code=1))
    assert snapshot(db) == before
    dyz("hazard", "edit", hazard, "--where", "2-2 5楼窗口", "--household", "2-2-401",
        "--note", "拉线给电动车充电", "--due", "2026-11-21")  # fmt: skip
    shown = dyz_json("hazard", "show", hazard)
    assert (shown["place"], shown["household"], shown["note"], shown["due"]) == (
        "5楼窗口", "2-2-401", "拉线给电动车充电", "2026-11-21",
    )  # fmt: skip
    dyz("hazard", "edit", hazard, "--household", "公共部位")
    assert dyz_json("hazard", "show", hazard)["household"] is None


def test_a_notice_looked_at_on_the_screen_takes_no_number(
    dyz: Runner, dyz_json, db: Path, stairwell: str, tmp_path: Path
) -> None:
    """On a terminal the notice is a preview: no number is used up until it goes to a file."""
    import os

    from tests.terminal import Terminal

    said = dyz("hazard", "add", "--kind", "飞线充电", "--where", "2-2 3楼窗外", "--on",
               "2026-11-20", "--days", "1").stderr  # fmt: skip
    hazard = said.split("编号 ")[1][:8]
    terminal = Terminal(["--db", str(db), "hazard", "notice", hazard], dict(os.environ), tmp_path)
    try:
        screen = terminal.wait_for("没有占用编号")
        assert terminal.process.wait(timeout=20) == 0
    finally:
        terminal.close()
    assert "（预览，打印时编号）" in screen
    assert dyz_json("hazard", "show", hazard)["notice_no"] is None
    dyz("hazard", "notice", hazard, "-o", str(tmp_path / "通知.txt"))
    number = dyz_json("hazard", "show", hazard)["notice_no"]
    assert number is not None
    # numbered now: the screen shows it as printed, and never says it uses no number
    terminal = Terminal(["--db", str(db), "hazard", "notice", hazard], dict(os.environ), tmp_path)
    try:
        terminal.wait_for(number)
        assert terminal.process.wait(timeout=20) == 0
        screen = terminal.read()
    finally:
        terminal.close()
    assert "没有占用编号" not in screen
