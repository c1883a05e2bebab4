"""A week in 2-2 of the sample community, told as its unit head 周玉梅 lives it, and then the
papers read as the community office reads them, column by column.

Monday she sets up her laptop; she patrols her stairwell and finds a cable run from a fifth-
floor window; she prints the notice for the flat responsible, corrects where she wrote it was,
and records it fixed the next day. Thursday she knocks on doors: the family of three at 402
together, nobody home at 602 where 胡桂英 lives alone, and 周长福 at 102 (disabled, alone)
needs his medicine fetched. Her screen shows her unit, not the estate; the ledgers name her,
not her laptop, and put each fact in its column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Runner

FOUND_ON = "2026-12-01"  # a Tuesday
FIXED_ON = "2026-12-02"
DOORS_ON = "2026-12-03"  # Thursday, the doors


@pytest.fixture
def sample(tmp_path: Path) -> list[str]:
    """The sample community's notebook (dyz demo), as the 2-2 laptop holds it."""
    from danyuanzhang.demo import build_demo

    path = tmp_path / "2-2.db"
    store, _ = build_demo(path)
    store.close()
    return ["--db", str(path)]


def test_a_week_in_2_2_and_the_papers_the_office_files(
    dyz: Runner, dyz_json: Any, sample: list[str], tmp_path: Path
) -> None:
    # -- Monday: the laptop learns whose it is; the roster already says what she looks after
    said = dyz(*sample, "init", "--name", "周玉梅").stderr
    assert "使用人：周玉梅" in said and "负责：新芙蓉之都 2-2单元" in said
    assert "名册上：2-2 的单元长" in said

    # -- her screen is her unit, and says so
    today = dyz(*sample, "today")
    assert "只看本机负责的新芙蓉之都 2-2单元（看全部加 --all）" in today.stderr
    plan = dyz_json(*sample, "today")
    assert plan["visits"] and {v["unit"] for v in plan["visits"]} == {"2-2"}
    everywhere = dyz_json(*sample, "today", "--all")
    assert {v["unit"] for v in everywhere["visits"]} > {"2-2"}

    # -- the patrol: a cable from a fifth-floor window (typed with a full-width 5), 502's
    dyz(*sample, "patrol", "--problem", "电动车:５楼窗口:拉飞线给电动车充电:2-2-502",
        "--on", FOUND_ON)  # fmt: skip
    [patrol] = [p for p in dyz_json(*sample, "patrol", "list") if p["on"] == FOUND_ON]
    assert patrol["unit"] == "2-2" and patrol["patroller"] == "周玉梅"
    [found] = patrol["hazards"]
    hazard = dyz_json(*sample, "hazard", "show", found["id"][:8])
    assert hazard["kind"] == "flying_wire" and hazard["unit"] == "2-2"
    assert hazard["place"] == "5楼窗口" and hazard["note"] == "拉飞线给电动车充电"
    assert hazard["household"] == "2-2-502"
    assert hazard["due"] == "2026-12-02"  # a flying wire is given one day
    assert hazard["requirement"] == "停止飞线充电，拆除私拉电线"
    assert hazard["severity"] is None  # nobody judged it
    assert found["id"] in {h["id"] for h in dyz_json(*sample, "today", "--on", "2026-12-03")
                           ["hazards"]}  # fmt: skip

    # -- the notice, printed to a file: to the flat responsible, the sentence, the deadline
    notice_file = tmp_path / "通知.txt"
    dyz(*sample, "hazard", "notice", found["id"][:8], "--on", FOUND_ON, "-o", str(notice_file))
    notice = notice_file.read_text(encoding="utf-8")
    assert "新芙蓉之都2栋2单元502室住户：" in notice
    assert "2026年12月1日，我们在2栋2单元5楼窗口发现飞线充电：拉飞线给电动车充电。" in notice
    assert "请于2026年12月2日（星期三）前整改完毕：停止飞线充电，拆除私拉电线。" in notice
    number = dyz_json(*sample, "hazard", "show", found["id"][:8])["notice_no"]
    assert number is not None and number in notice

    # -- she wrote the window too vaguely; put right, then fixed the next day
    dyz(*sample, "hazard", "edit", found["id"][:8], "--where", "2-2 5楼东侧窗口")
    dyz(*sample, "hazard", "fix", found["id"][:8], "--on", FIXED_ON)

    # -- the office reads the hazards ledger column by column
    ledger = dyz_json(*sample, "ledger", "hazards", "--from", FOUND_ON, "--to", FIXED_ON)
    rows = ledger["rows"] if isinstance(ledger, dict) else ledger
    [row] = [r for r in rows if r.get("household") == "2-2-502"]
    assert row["found_on"] == FOUND_ON
    assert row["finder"] == "周玉梅"  # the person, never "演示电脑"
    assert row["place"] == "2-2 5楼东侧窗口"
    assert row["note"] == "拉飞线给电动车充电"
    assert row["requirement"] == f"停止飞线充电，拆除私拉电线（{number}）"
    assert not row["severity"]
    assert row["due"] == "2026-12-02" and row["rectified_on"] == FIXED_ON
    assert row["notified_on"] == FOUND_ON  # the notice handed over is the household told

    # -- Thursday, the doors (a room number alone is her own unit's flat)
    dyz(*sample, "visit", "add", "402", "--on", DOORS_ON, "--anti-fraud-app", "是", "--briefed")
    dyz(*sample, "visit", "add", "602", "--on", DOORS_ON, "--outcome", "家中无人")
    dyz(*sample, "visit", "add", "102", "--on", DOORS_ON, "--wellbeing", "需要帮助",
        "--help-needed", "腿脚不便，请人每周送一次药", "--help-category", "助老")  # fmt: skip

    # -- Friday's screen: 602 again first, within 胡桂英's week; 周长福's need waits on her
    friday = dyz_json(*sample, "today", "--on", "2026-12-04")
    [again] = friday["retries"]
    assert again["household"] == "2-2-602"
    [medicine] = [n for n in friday["needs"] if n["raised_on"] == DOORS_ON]
    assert medicine["household"] == "2-2-102" and medicine["category"] == "elderly_care"
    assert medicine["text"] == "腿脚不便，请人每周送一次药"
    assert "先去：1 户上次家中无人，再去一次" in dyz(*sample, "today", "--on", "2026-12-04").stdout

    week = ("--from", FOUND_ON, "--to", "2026-12-06")

    # -- 入户走访台账: the family met by name, their phones masked, her name as the visitor
    visits = {r["household"]: r for r in dyz_json(*sample, "ledger", "visits", *week)["rows"]}
    family = visits["2-2-402"]
    assert set(family["resident"].split("、")) == {"萧美玲", "赖春花", "阎宇航"}
    assert family["phone"] == "139****6792、187****4765"
    assert (family["outcome"], family["visitor"]) == ("见到了", "周玉梅")
    assert visits["2-2-602"]["outcome"] == "家中无人" and not visits["2-2-602"]["resident"]
    assert visits["2-2-102"]["needs"] == "助老：腿脚不便，请人每周送一次药"

    # -- 反诈宣传台账: the family, the app, what she told them
    [told] = dyz_json(*sample, "ledger", "antifraud", *week)["rows"]
    assert told["household"] == "2-2-402" and told["app"] == "是"
    assert set(told["resident"].split("、")) == {"萧美玲", "赖春花", "阎宇航"}
    assert told["visitor"] == "周玉梅"

    # -- 特殊困难老人探访关爱台账: nobody home is not a visit; 周长福 met and found in need
    care = dyz_json(*sample, "ledger", "care", *week)
    seen = {(r["name"], r.get("on")): r for r in care["rows"]}
    alone = seen[("胡桂英", DOORS_ON)]
    assert alone["wellbeing"] == "家中无人" and alone["rate"] == 0
    helped = seen[("周长福", DOORS_ON)]
    assert helped["wellbeing"] == "需要帮助" and helped["rate"] == 1
    assert helped["needs"] == "助老：腿脚不便，请人每周送一次药"
    assert {r["name"] for r in care["rows"]}.isdisjoint({"萧美玲", "赖春花", "阎宇航"})

    # -- 群众诉求办理台账: the need as she took it
    [need_row] = [r for r in dyz_json(*sample, "ledger", "needs", *week)["rows"]
                  if r["household"] == "2-2-102" and r["raised_on"] == DOORS_ON]  # fmt: skip
    assert (need_row["raised_on"], need_row["category"], need_row["handler"]) == (
        DOORS_ON,
        "助老",
        "周玉梅",
    )

    # -- the weekly report is her unit's
    report = dyz(*sample, "report", "--week", "2026-W49", "-f", "json")
    assert "只看本机负责的新芙蓉之都 2-2单元" in report.stderr
    import json

    data = json.loads(report.stdout)
    assert data["scope"]["kind"] == "unit" and data["scope"]["name"] == "2-2"
    reached = data["visits"]
    assert reached["households"] == 12 and reached["not_home"] == 1
    assert reached["households_reached"] == 2  # 402 and 102; nobody home at 602 is no reach
    assert reached["coverage"] == round(100 * 2 / 12, 1)  # of 2-2's twelve flats
