"""`dyz today`: the day's work in one screen, the most vulnerable first."""

from __future__ import annotations

from datetime import date, timedelta

from tests.conftest import Runner


def ago(days: int) -> str:
    return (date.today() - timedelta(days=days)).isoformat()


def test_today_puts_the_day_s_work_in_order(dyz: Runner, dyz_json, stairwell: str) -> None:
    dyz("visit", "add", "2-2-301", "--on", ago(12))  # lives alone: 5 days overdue
    dyz("visit", "add", "2-2-401", "--on", ago(2), "--outcome", "not_home")
    dyz("hazard", "add", "--kind", "飞线充电", "--where", "2-2 3楼窗外", "--days", "3",
        "--on", ago(10))  # fmt: skip
    dyz("hazard", "add", "--kind", "楼道堵塞", "--where", "2-2 1楼", "--days", "7", "--on", ago(3))
    dyz("hazard", "add", "--kind", "其他", "--where", "2-2 2楼", "--days", "5")  # not yet due
    ids = {h["kind"]: h["id"] for h in dyz_json("hazard", "list")}
    late, fixed = ids["flying_wire"], ids["blocked_exit"]
    dyz("hazard", "fix", fixed[:8])
    dyz("petition", "add", "2-2-302", "--category", "维修", "--text", "楼道灯坏了", "--on", ago(4))

    plan = dyz_json("today")
    assert plan["day"] == date.today().isoformat()
    visits = [(v["household"], v["never_visited"], v["never_met"]) for v in plan["visits"]]
    assert visits[0] == ("2-2-301", False, False)
    assert ("2-2-401", False, True) in visits and ("2-2-402", True, True) in visits
    assert [(h["id"], h["todo"], h["days_over"]) for h in plan["hazards"]] == [
        (late, "deadline", 7),
        (fixed, "reinspect", None),
    ]
    assert [(n["household"], n["waiting_days"]) for n in plan["needs"]] == [("2-2-302", 4)]
    assert [p["unit"] for p in plan["patrols"]] == ["2-2"]

    text = dyz("today").stdout
    assert text.splitlines()[0].startswith("今天该做的（")
    assert "1. 2-2-301 刘桂英 独居老人，每 7 天；逾期 5 天" in text
    assert "还没见到人（上次家中无人" in text
    assert "飞线充电（2-2 3楼窗外），已逾期 7 天" in text and f"dyz hazard fix {late[:8]}" in text
    assert f"dyz hazard verify {fixed[:8]}" in text
    assert "2-2-302【维修】“楼道灯坏了”，已 4 天" in text
    assert "2-2：还没有巡查记录" in text and "dyz patrol --unit 2-2" in text


def test_today_after_a_patrol_and_with_nothing_due(dyz: Runner, dyz_json, estate: str) -> None:
    dyz("visit", "add", "2-2-301")
    dyz("patrol", "--unit", "2-2", "--all-clear")
    plan = dyz_json("today")
    assert (plan["visits"], plan["hazards"], plan["needs"], plan["patrols"]) == ([], [], [], [])
    text = dyz("today").stdout
    assert "今天没有该去的户" in text and "都按时巡查了" in text


def test_today_for_one_unit_leaves_out_the_others(dyz: Runner, dyz_json, stairwell: str) -> None:
    dyz("household", "add", "3-1-101")
    dyz("hazard", "add", "--kind", "其他", "--where", "3-1 1楼", "--days", "1", "--on", ago(5))
    plan = dyz_json("today", "--unit", "3-1")
    assert [v["household"] for v in plan["visits"]] == ["3-1-101"]
    assert [h["unit"] for h in plan["hazards"]] == ["3-1"]
    assert [p["unit"] for p in plan["patrols"]] == ["3-1"]
    assert all(h["unit"] == "2-2" for h in dyz_json("today", "--unit", "2-2")["hazards"]) is True


def test_today_for_one_building_takes_each_of_its_units(
    dyz: Runner, dyz_json, stairwell: str
) -> None:
    dyz("household", "add", "3-1-101")
    dyz("household", "add", "3-2-201")
    dyz("household", "add", "13-1-101")  # not building 3, though its name ends in 3
    dyz("hazard", "add", "--kind", "其他", "--where", "3-2 1楼", "--days", "1", "--on", ago(5))
    dyz("hazard", "add", "--kind", "其他", "--where", "13-1 1楼", "--days", "1", "--on", ago(5))
    dyz("petition", "add", "3-1-101", "--category", "维修", "--text", "门禁坏了")
    dyz("petition", "add", "2-2-302", "--category", "维修", "--text", "楼道灯坏了")
    plan = dyz_json("today", "--building", "3栋")
    assert sorted(v["household"] for v in plan["visits"]) == ["3-1-101", "3-2-201"]
    assert [h["unit"] for h in plan["hazards"]] == ["3-2"]
    assert [n["household"] for n in plan["needs"]] == ["3-1-101"]
    assert sorted(p["unit"] for p in plan["patrols"]) == ["3-1", "3-2"]
