"""`dyz demo`: the sample community, built apart from the user's own database."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from danyuanzhang.text.i18n import span
from danyuanzhang.upkeep.demo import examples_dir
from tests.conftest import Runner, one_line_error


def test_demo_builds_the_sample_community_and_prints_a_card(
    dyz: Runner, db: Path, tmp_path: Path
) -> None:
    import json

    result = dyz("demo")
    assert "演示数据库已建好" in result.stderr
    assert "示例社区：芙蓉南路社区（新芙蓉之都）" in result.stdout
    assert "住户 72 户" in result.stdout
    # the sample's dates are fixed, so how many deadlines have passed depends on the day
    listed = dyz("--db", str(tmp_path / "demo.db"), "hazard", "list", "--format", "json")
    overdue = sum(1 for h in json.loads(listed.stdout) if h["overdue"])
    assert 5 <= overdue <= 8
    assert (
        f"防火巡查 7 次，排查隐患 11 处，未销号 8 处（逾期 {overdue}、回潮 1）；"
        "诉求 9 条，待议事会商议 2 件；入户走访 11 次；志愿者 4 人，志愿服务 4 次。"
        in result.stdout
    )
    assert "2栋2单元  单元长服务牌" in result.stdout and "单元长：周玉梅" in result.stdout
    assert "2-2-301" in result.stdout and "独居老人" in result.stdout
    assert not db.exists(), "the demo must not touch the user's own database"
    demo = tmp_path / "demo.db"
    conn = sqlite3.connect(demo)
    assert 40 <= conn.execute("SELECT count(*) FROM households").fetchone()[0] <= 100
    assert conn.execute("SELECT count(DISTINCT role) FROM roster").fetchone()[0] == 4
    # the need handed to a volunteer at the door, done, and its hours in the ledger
    assert conn.execute(
        "SELECT count(*) FROM services WHERE petition_id IS NOT NULL"
    ).fetchone() == (1,)
    conn.close()
    again = dyz("demo")
    assert again.stdout.splitlines()[:2] == result.stdout.splitlines()[:2]


def test_the_demo_has_weeks_of_patrols_and_needs(dyz: Runner, tmp_path: Path) -> None:
    import json

    dyz("demo")
    demo = ["--db", str(tmp_path / "demo.db")]
    hazards = json.loads(dyz(*demo, "hazard", "list", "--format", "json").stdout)
    recurring = [h for h in hazards if h["recurrence_of"]]
    assert [h["kind"] for h in recurring] == ["flying_wire"]
    assert {h["kind"] for h in hazards if h["overdue"]} >= {"blocked_exit"}
    petitions = json.loads(dyz(*demo, "petition", "list", "--format", "json").stdout)
    parking = [p for p in petitions if p["category"] == "parking"]
    assert len(parking) == 3 and {p["status"] for p in parking} == {"adopted", "done"}
    assert all(len(p["linked"]) == 2 for p in parking)


def test_demo_in_english(dyz: Runner) -> None:
    out = dyz("--lang", "en", "demo").stdout
    assert "Sample community" in out and "Unit head: 周玉梅" in out


def test_demo_never_overwrites_a_real_database(dyz: Runner, db: Path) -> None:
    dyz("household", "add", "2-2-301", "--estate", "新芙蓉之都")
    before = db.read_bytes()
    assert "不是演示数据库" in one_line_error(dyz("demo", "--to", str(db), code=1))
    assert db.read_bytes() == before


def test_demo_is_built_where_db_says_and_never_over_a_real_notebook(
    dyz: Runner, db: Path, tmp_path: Path
) -> None:
    there = tmp_path / "演示.db"
    assert str(there) in dyz("--db", str(there), "demo").stderr
    assert dyz("--db", str(there), "household", "list", "--unit", "2-2").stdout.count("2-2-") > 5
    dyz("household", "add", "2-2-301", "--estate", "新芙蓉之都")
    before = db.read_bytes()
    assert "不是演示数据库" in one_line_error(dyz("--db", str(db), "demo", code=1))
    assert db.read_bytes() == before


def test_the_sample_files_are_what_an_office_keeps() -> None:
    examples = examples_dir()
    roll = (examples / "households.csv").read_bytes()
    assert roll.startswith(b"\xef\xbb\xbf")  # saved by Excel as "CSV UTF-8"
    assert (
        roll.decode("utf-8-sig").splitlines()[0]
        == "小区,楼栋,单元,房号,姓名,电话,出生年份,标记,迁入日期"
    )
    assert (examples / "roster.csv").exists()


def test_the_sample_workbook_is_the_one_its_script_makes(tmp_path: Path) -> None:
    """examples/花名册.xlsx is the same people as households.csv, kept as a community keeps
    them (title row, merged cells, ID-card column), written by examples/make_roll_workbook.py."""
    import subprocess
    import sys

    examples = examples_dir()
    made = tmp_path / "made.xlsx"
    script = examples / "make_roll_workbook.py"
    subprocess.run([sys.executable, str(script), str(made)], check=True, capture_output=True)
    assert made.read_bytes() == (examples / "花名册.xlsx").read_bytes()


def test_the_demo_has_door_knocking_to_show(dyz: Runner, tmp_path: Path) -> None:
    import json

    dyz("demo")
    demo = ["--db", str(tmp_path / "demo.db")]
    visits = json.loads(dyz(*demo, "visit", "list", "--unit", "2-2", "--format", "json").stdout)
    assert len(visits) == 8 and {v["visitor"] for v in visits} == {"周玉梅"}
    watch = json.loads(dyz(*demo, "antifraud", "--on", "2026-11-20", "--format", "json").stdout)
    unit = next(g for g in watch["groups"] if g["unit"] == "2-2")
    assert (unit["app_installed"], unit["briefed"]) == (4, 5)
    assert {m["name"] for m in unit["move_ins_unbriefed"]} == {"陈志明", "黄晓燕"}
    due = json.loads(
        dyz(*demo, "visit", "due", "--unit", "2-2", "--on", "2026-11-20", "--format", "json").stdout
    )
    needing_help = next(d for d in due if d["household"] == "2-2-102")
    assert needing_help["reason"] == "elderly_alone" and needing_help["overdue_days"] == 8


def test_the_demo_ends_with_a_weekly_report_where_every_section_has_something(
    dyz: Runner, dyz_json, tmp_path: Path
) -> None:
    out = dyz("demo").stdout
    assert (
        f"芙蓉南路社区每周汇总（{span(date(2026, 11, 9), date(2026, 11, 15))}）" in out
        and "七、近八周趋势" in out
    )
    report = dyz_json("--db", str(tmp_path / "demo.db"), "report", "--week", "2026-W46")
    assert report["visits"]["made"] and report["visits"]["vulnerable_not_reached"]
    assert report["needs"]["collected"] and report["needs"]["resolved_on_the_spot"]
    assert report["needs"]["open"] and report["needs"]["oldest_open"]
    hazards = report["hazards"]
    assert hazards["found"] and hazards["rectified"] and hazards["verified"]
    assert hazards["overdue"] and hazards["recurrences"]
    assert report["anti_fraud"]["move_ins"] and report["anti_fraud"]["app_installed"]
    council = report["council"]
    assert council["matters_waiting"] and council["decisions_this_week"]
    assert all(
        any(series) for series in (report["trend"][k] for k in ("visits", "needs", "hazards"))
    )
