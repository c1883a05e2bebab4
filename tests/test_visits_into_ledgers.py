"""From the door to the paper (issue 33): who was met lands under 受访人 and 对象, the care
ledger is for the people its rule names and counts only visits that met them, and a visit
that found someone needing help, or nobody home at a vulnerable flat, leaves work in
`dyz today`."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from danyuanzhang.text.i18n import short_day
from tests.conftest import Runner, one_line_error, snapshot

NOVEMBER = ("--from", "2026-11-01", "--to", "2026-11-30")


def ago(days: int) -> str:
    return (date.today() - timedelta(days=days)).isoformat()


def ledger_rows(dyz: Runner, kind: str, *args: str) -> Any:
    return json.loads(dyz("ledger", kind, *NOVEMBER, *args, "-f", "json").stdout)


def resident_id(dyz_json: Any, ref: str, name: str) -> str:
    people = dyz_json("household", "show", ref)["residents"]
    return str(next(r["id"] for r in people if r["name"] == name))


# -- who was met ---------------------------------------------------------------------------------


def test_the_ledgers_name_everyone_met_at_a_flat_of_several(
    dyz: Runner, dyz_json: Any, stairwell: str
) -> None:
    dyz("resident", "edit", resident_id(dyz_json, "2-2-302", "李秀兰")[:8],
        "--phone", "13912340001")  # fmt: skip
    dyz("visit", "add", "2-2-302", "--on", "2026-11-20", "--met", "王建国", "--met", "李",
        "--anti-fraud-app", "yes", "--briefed")  # fmt: skip
    [row] = ledger_rows(dyz, "visits")["rows"]
    assert (row["resident"], row["phone"]) == ("王建国、李秀兰", "139****0001")
    [outreach] = ledger_rows(dyz, "antifraud")["rows"]
    assert (outreach["resident"], outreach["phone"]) == ("王建国、李秀兰", "139****0001")
    [listed] = dyz_json("visit", "list")
    assert listed["met"] == ["王建国", "李秀兰"]
    shown = dyz_json("visit", "show", listed["id"][:8])
    assert shown["met"] == ["王建国", "李秀兰"]
    assert "受访人：王建国、李秀兰" in dyz("visit", "show", listed["id"][:8]).stdout


def test_a_new_family_registered_at_the_door_is_who_was_met(
    dyz: Runner, dyz_json: Any, stairwell: str
) -> None:
    dyz("visit", "add", "2-2-502", "--new-household", "--on", "2026-11-12",
        "--moved-in", "陈志明:13900001111", "--moved-in", "黄晓燕", "--briefed")  # fmt: skip
    [row] = ledger_rows(dyz, "visits")["rows"]
    assert (row["household"], row["resident"], row["phone"]) == (
        "2-2-502",
        "陈志明、黄晓燕",
        "139****1111",
    )
    assert ledger_rows(dyz, "antifraud")["rows"][0]["resident"] == "陈志明、黄晓燕"


def test_one_resident_is_who_was_met_and_an_old_visit_falls_back_to_them(
    dyz: Runner, dyz_json: Any, stairwell: str, db: Path
) -> None:
    dyz("visit", "add", "2-2-301", "--on", "2026-11-20")
    assert dyz_json("visit", "list")[0]["met"] == ["刘桂英"]
    # a visit written before dyz asked (schema 14) says nothing: its only resident is named
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("UPDATE visits SET met = NULL")
    conn.commit()
    conn.close()
    [row] = ledger_rows(dyz, "visits")["rows"]
    assert (row["resident"], row["phone"]) == ("刘桂英", "138****5678")
    assert dyz_json("visit", "list")[0]["met"] is None


def test_met_takes_a_unique_beginning_and_refuses_anything_else_in_one_line(
    dyz: Runner, dyz_json: Any, stairwell: str, db: Path
) -> None:
    dyz("resident", "add", "2-2-302", "--name", "王建华")
    before = snapshot(db)
    unknown = one_line_error(dyz("visit", "add", "2-2-302", "--met", "张三", code=1))
    assert "张三" in unknown and "王建国" in unknown and "李秀兰" in unknown
    several = one_line_error(dyz("visit", "add", "2-2-302", "--met", "王建", code=1))
    assert "王建国" in several and "王建华" in several
    not_met = one_line_error(
        dyz("visit", "add", "2-2-302", "--outcome", "not_home", "--met", "李秀兰", code=1)
    )
    assert "--met" in not_met
    assert snapshot(db) == before
    dyz("visit", "add", "2-2-302", "--met", "王建华")
    assert dyz_json("visit", "list")[0]["met"] == ["王建华"]


def test_an_erased_resident_or_household_is_never_named_through_met(
    dyz: Runner, dyz_json: Any, stairwell: str, db: Path
) -> None:
    dyz("visit", "add", "2-2-302", "--on", "2026-11-20", "--met", "王建国", "--met", "李秀兰",
        "--anti-fraud-app", "no")  # fmt: skip
    dyz("resident", "remove", resident_id(dyz_json, "2-2-302", "李秀兰")[:8], "--yes")
    assert dyz_json("visit", "list")[0]["met"] == ["王建国"]
    assert ledger_rows(dyz, "visits")["rows"][0]["resident"] == "王建国"
    dyz("household", "remove", "2-2-302", "--yes")
    [kept] = dyz_json("visit", "list")
    assert kept["met"] == []
    for kind in ("visits", "antifraud"):
        [row] = ledger_rows(dyz, kind)["rows"]
        assert (row["resident"], row["phone"]) == (None, None)


# -- the care ledger -----------------------------------------------------------------------------


def test_the_care_ledger_says_whom_it_is_for_and_counts_only_visits_that_met_them(
    dyz: Runner, dyz_json: Any, stairwell: str
) -> None:
    dyz("resident", "add", "2-2-402", "--name", "孙大爷", "--born", "1950")  # 76: by age
    dyz("resident", "add", "2-2-402", "--name", "周小雨", "--born", "1999", "--flag", "租户")
    dyz("resident", "add", "2-2-401", "--name", "蔡丽华", "--born", "2000", "--flag", "残疾")
    dyz("visit", "add", "2-2-301", "--on", "2026-11-20", "--outcome", "not_home")
    dyz("visit", "add", "2-2-402", "--on", "2026-11-21", "--met", "孙大爷")
    dyz("visit", "add", "2-2-401", "--on", "2026-11-22", "--met", "赵磊")
    ledger = ledger_rows(dyz, "care")
    rows = {r["name"]: r for r in ledger["rows"]}
    # the young tenant is no one this ledger is for; the young woman is, by her flag
    assert sorted(rows) == ["刘桂英", "孙大爷", "蔡丽华"]
    assert rows["孙大爷"]["category"] == "60岁及以上" and rows["蔡丽华"]["category"] == "残疾"
    assert ledger["heading"][0].startswith(
        "关爱对象：截至 2026-11-30 年满 60 周岁（1966 年及以前出生）的居民，"
        "以及标记为独居老人、子女不在身边、残疾、需帮扶或定了风险等级的居民。"
    )
    # nobody home is listed as a knock, never counted as a visit
    assert (rows["刘桂英"]["on"], rows["刘桂英"]["wellbeing"], rows["刘桂英"]["rate"]) == (
        "2026-11-20",
        "家中无人",
        0,
    )
    # her flat's visit met 赵磊, not her: listed, not counted
    assert (rows["蔡丽华"]["wellbeing"], rows["蔡丽华"]["rate"]) == ("未见到本人", 0)
    assert rows["孙大爷"]["rate"] == 1  # one visit in the one month
    assert ledger["notes"][0] == (
        "本期关爱对象 3 人，见到本人的 1 人（33%），共探访 1 次（1 个月）；"
        "家中无人、不愿交谈或未见到本人 2 次，不计为探访。"
    )


def test_the_care_ledger_gives_visits_a_month_per_person(
    dyz: Runner, dyz_json: Any, stairwell: str
) -> None:
    for day in ("2026-10-05", "2026-10-19", "2026-11-02", "2026-11-16", "2026-11-30"):
        dyz("visit", "add", "2-2-301", "--on", day)
    dyz("visit", "add", "2-2-301", "--on", "2026-11-23", "--outcome", "declined")
    ledger = json.loads(
        dyz("ledger", "care", "--from", "2026-10-01", "--to", "2026-11-30", "-f", "json").stdout
    )
    liu = [r for r in ledger["rows"] if r["name"] == "刘桂英"]
    assert len(liu) == 6 and {r["rate"] for r in liu} == {2.5}  # five met ÷ two months


# -- follow-ups ----------------------------------------------------------------------------------


def test_needing_help_at_the_door_becomes_a_need_that_today_lists(
    dyz: Runner, dyz_json: Any, stairwell: str
) -> None:
    zhao = resident_id(dyz_json, "2-2-401", "赵磊")[:8]
    dyz("resident", "edit", zhao, "--flag", "独居老人", "--flag", "残疾")
    visit = dyz_json("visit", "add", "2-2-401", "--on", ago(1), "--wellbeing", "needs_help",
                     "--help-needed", "腿脚不便，想要助餐送上门")  # fmt: skip
    [need] = visit["needs"]
    assert (need["category"], need["text"], need["status"]) == (
        "elderly_care",
        "腿脚不便，想要助餐送上门",
        "collected",
    )
    plan = dyz_json("today")
    assert [n["household"] for n in plan["needs"]] == ["2-2-401"]
    assert "2-2-401【助老】“腿脚不便，想要助餐送上门”" in dyz("today").stdout
    # the category can be said, and help goes only with needing help
    dyz("visit", "add", "2-2-401", "--wellbeing", "needs_help", "--help-needed", "灯泡坏了",
        "--help-category", "维修")  # fmt: skip
    assert {p["category"] for p in dyz_json("petition", "list")} == {"elderly_care", "repair"}
    line = one_line_error(
        dyz("visit", "add", "2-2-401", "--wellbeing", "well", "--help-needed", "买菜", code=1)
    )
    assert "--help-needed" in line and "needs_help" in line
    # needing help without saying what: asked for, as the interview asks
    line = one_line_error(dyz("visit", "add", "2-2-401", "--wellbeing", "needs_help", code=1))
    assert "--help-needed" in line


def test_nobody_home_at_a_vulnerable_flat_is_tried_again_first(
    dyz: Runner, dyz_json: Any, stairwell: str
) -> None:
    dyz("visit", "add", "2-2-301", "--on", ago(3))  # lives alone, met: not due for a week
    dyz("visit", "add", "2-2-301", "--on", ago(1), "--outcome", "not_home")
    dyz("visit", "add", "2-2-401", "--on", ago(1), "--outcome", "not_home")  # nobody vulnerable
    # a disabled man met last week is not due for months: nobody home still calls for a retry
    dyz("resident", "edit", resident_id(dyz_json, "2-2-302", "王建国")[:8], "--flag", "残疾")
    dyz("visit", "add", "2-2-302", "--on", ago(6), "--met", "王建国")
    dyz("visit", "add", "2-2-302", "--on", ago(2), "--outcome", "not_home")
    plan = dyz_json("today")
    assert [(r["household"], r["not_home_on"], r["retry_by"]) for r in plan["retries"]] == [
        ("2-2-302", ago(2), (date.today() + timedelta(days=1)).isoformat()),
        ("2-2-301", ago(1), (date.today() + timedelta(days=2)).isoformat()),
    ]
    assert "2-2-302" not in [v["household"] for v in plan["visits"]]
    text = dyz("today").stdout.splitlines()
    assert text[2] == "先去：2 户上次家中无人，再去一次"
    when = date.fromisoformat(ago(1))
    assert text[3].startswith("  再去一次：2-2-302 ")
    assert text[4].startswith(f"  再去一次：2-2-301 上次{short_day(when)}家中无人（独居老人）")
    assert text.index("先去：2 户上次家中无人，再去一次") < next(
        n for n, line in enumerate(text) if line.startswith("一、入户走访")
    )
    # a later visit that met them ends it
    dyz("visit", "add", "2-2-301")
    dyz("visit", "add", "2-2-302", "--met", "王建国")
    assert dyz_json("today")["retries"] == []
    assert "再去一次" not in dyz("today").stdout


def test_who_was_met_travels_to_a_laptop_that_registered_the_same_people_apart(
    dyz: Runner, dyz_json: Any, tmp_path: Path
) -> None:
    unit = ["--db", str(tmp_path / "unit.db")]
    office = ["--db", str(tmp_path / "office.db")]
    for db, name in ((unit, "周玉梅的电脑"), (office, "社区办公室")):
        dyz(*db, "init", "--device-name", name)
        dyz(*db, "household", "add", "2-2-302", "--estate", "新芙蓉之都")
        dyz(*db, "resident", "add", "2-2-302", "--name", "王建国")
        dyz(*db, "resident", "add", "2-2-302", "--name", "李秀兰")
    dyz(
        *unit, "visit", "add", "2-2-302", "--on", "2026-11-20", "--met", "王建国", "--met", "李秀兰"
    )
    bundle = tmp_path / "to-office.yaml"
    dyz(*unit, "export", "--plain", "--all", "-o", str(bundle))
    dyz(*office, "import", str(bundle))
    [visit] = dyz_json(*office, "visit", "list")
    assert visit["met"] == ["王建国", "李秀兰"]
    rows = json.loads(dyz(*office, "ledger", "visits", *NOVEMBER, "-f", "json").stdout)["rows"]
    assert rows[0]["resident"] == "王建国、李秀兰"
