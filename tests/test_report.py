"""`dyz report --week`: every figure of a hand-built fortnight, week boundaries, scopes,
masking and redaction, the forms, and the exact text of a small report."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from danyuanzhang.text.i18n import short_day, span
from tests.conftest import Runner, one_line_error


@pytest.fixture
def fortnight(dyz: Runner, stairwell: str) -> str:
    """Weeks 2026-W46 (Nov 9–15) and W47 (Nov 16–22) in unit 2-2, and one visit in 2-1."""
    dyz("household", "add", "2-1-101")
    dyz("resident", "add", "2-1-101", "--name", "钱多多")
    # W46
    dyz("visit", "add", "2-2-301", "--on", "2026-11-10", "--anti-fraud-app", "no", "--briefed")
    dyz("visit", "add", "2-2-302", "--on", "2026-11-15", "--outcome", "not_home")  # Sunday
    dyz(
        "petition", "add", "2-2-301", "--category", "停车", "--on", "2026-11-10",
        "--text", "脑科巷乱停车，有事打 13812345678",
    )  # fmt: skip
    parking = dyz("petition", "list", "--format", "json").stdout.split('"id": "')[1][:8]
    dyz("petition", "escalate", parking, "--to", "council", "--on", "2026-11-11")
    dyz("hazard", "add", "--kind", "blocked_exit", "--where", "2-2 1楼楼道",
        "--on", "2026-11-09", "--days", "3")  # fmt: skip
    # W47
    dyz(
        "visit",
        "add",
        "2-2-302",
        "--on",
        "2026-11-16",
        "--anti-fraud-app",
        "yes",
        "--need",
        "维修:楼道灯坏了",
    )  # Monday
    dyz("resident", "add", "2-2-302", "--name", "孙丽", "--moved-in", "2026-11-17")
    dyz("visit", "add", "2-2-401", "--on", "2026-11-22", "--briefed", "--resolved-need", "助老:买药=>已代买",
        "--hazard", "飞线充电:窗外拉线")  # fmt: skip
    dyz("visit", "add", "2-1-101", "--on", "2026-11-18", "--visitor", "胡德胜")
    said = dyz("council", "propose", parking, "--text", "施划停车位", "--on", "2026-11-18").stderr
    proposal = re.search(r"[0-9a-f]{8}", said).group(0)  # type: ignore[union-attr]
    dyz("council", "decide", proposal, "adopted", "--on", "2026-11-20")
    return stairwell


def report(dyz_json: Any, *args: str) -> Any:
    return dyz_json("report", *args)


def test_every_figure_of_a_week_for_a_unit(dyz_json, fortnight: str) -> None:
    r = report(dyz_json, "--week", "2026-W47", "--scope", "unit:2-2")
    assert (r["week"], r["from"], r["to"]) == ("2026-W47", "2026-11-16", "2026-11-22")
    assert r["scope"] == {"kind": "unit", "name": "2-2", "estates": ["新芙蓉之都"]}
    v = r["visits"]
    assert (v["made"], v["households_reached"], v["households"], v["coverage"]) == (2, 2, 4, 50.0)
    assert (v["not_home"], v["visitors"]) == (0, ["王建国的电脑"])
    assert v["last_week"] == {"made": 2, "households_reached": 1, "coverage": 25.0, "not_home": 1}
    assert v["change"] == {"made": 0, "households_reached": 1, "coverage": 25.0}
    assert v["vulnerable_not_reached"] == [
        {
            "household": "2-2-301",
            "reason": "elderly_alone",
            "last_visit": "2026-11-10",
            "overdue_days": 5,
            "last_attempt": None,
            "last_outcome": None,
        }
    ]
    n = r["needs"]
    assert (n["collected"], n["by_category"]) == (2, {"elderly_care": 1, "repair": 1})
    assert (n["resolved_on_the_spot"], n["escalated"]) == (1, 0)
    assert n["last_week"] == {"collected": 1, "resolved_on_the_spot": 0, "escalated": 1}
    assert (n["open"], n["open_by_age"]) == (2, {"under_7": 1, "7_to_30": 1, "over_30": 0})
    assert (n["oldest_open"]["household"], n["oldest_open"]["days"]) == ("2-2-301", 12)
    assert n["oldest_open"]["text"] == "脑科巷乱停车，有事打 138****5678"  # masked
    h = r["hazards"]
    assert (h["found"], h["by_kind"], h["rectified"], h["verified"]) == (
        1,
        {"flying_wire": 1},
        0,
        0,
    )
    assert h["last_week"]["found"] == 1
    assert [(o["kind"], o["days_overdue"]) for o in h["overdue"]] == [("blocked_exit", 10)]
    a = r["anti_fraud"]
    assert (a["households"], a["app_installed"], a["briefed"]) == (3, 1, 2)
    assert a["move_ins"] == [
        {"household": "2-2-302", "name": "孙丽", "moved_in": "2026-11-17", "briefed": False}
    ]
    c = r["council"]
    assert [(d["text"], d["decision"]) for d in c["decisions_this_week"]] == [
        ("施划停车位", "adopted")
    ]
    assert c["matters_waiting"] == [] and c["proposals_awaiting_office"] == []
    t = r["trend"]
    assert t["weeks"] == [f"2026-W{n}" for n in range(40, 48)]
    assert (t["visits"][-2:], t["needs"][-2:], t["hazards"][-2:]) == ([2, 2], [1, 2], [1, 1])
    assert sum(t["visits"][:-2]) == 0
    assert r["empty"] is False


def test_week_boundaries_sunday_and_monday(dyz: Runner, dyz_json, fortnight: str) -> None:
    dyz("visit", "add", "2-2-401", "--on", "2026-11-23")  # the Monday after: next week
    assert report(dyz_json, "--week", "2026-W47", "--scope", "unit:2-2")["visits"]["made"] == 2
    assert report(dyz_json, "--week", "2026-11-22", "--scope", "unit:2-2")["week"] == "2026-W47"
    assert report(dyz_json, "--week", "2026-11-23", "--scope", "unit:2-2")["visits"]["made"] == 1


def test_the_iso_week_that_spans_a_new_year(dyz: Runner, dyz_json, stairwell: str) -> None:
    dyz("visit", "add", "2-2-301", "--on", "2025-12-28")  # Sunday: 2025-W52
    dyz("visit", "add", "2-2-302", "--on", "2025-12-29")  # Monday: 2026-W01
    dyz("visit", "add", "2-2-401", "--on", "2026-01-04")  # Sunday: 2026-W01
    r = report(dyz_json, "--week", "2026-01-01")
    assert (r["week"], r["from"], r["to"]) == ("2026-W01", "2025-12-29", "2026-01-04")
    assert (r["visits"]["made"], r["visits"]["last_week"]["made"]) == (2, 1)
    assert r["trend"]["weeks"][-2:] == ["2025-W52", "2026-W01"]


def test_scopes(dyz: Runner, dyz_json, fortnight: str) -> None:
    made = {
        scope: report(dyz_json, "--week", "2026-W47", "--scope", scope)["visits"]["made"]
        for scope in ("unit:2-2", "unit:2-1", "building:2", "community")
    }
    assert made == {"unit:2-2": 2, "unit:2-1": 1, "building:2": 3, "community": 3}
    assert report(dyz_json, "--week", "2026-W47")["scope"]["kind"] == "community"
    dyz("roster", "add", "--role", "片长", "--name", "李秀兰", "--phone", "13907310001",
        "--scope", "第一片区", "--buildings", "1-3")  # fmt: skip
    area = report(dyz_json, "--week", "2026-W47", "--scope", "area:第一片区")
    assert (area["scope"]["name"], area["visits"]["made"], area["visits"]["households"]) == (
        "第一片区",
        3,
        5,
    )
    assert "第二片区" in one_line_error(dyz("report", "--scope", "area:第二片区", code=1))
    assert "2-2（单元）" in one_line_error(dyz("report", "--scope", "street:5", code=1))
    assert "W60" in one_line_error(dyz("report", "--week", "2026-W60", code=1))
    # a scope as people write it, and as every other command takes it
    for written in ("2-2", "2栋2单元", "单元:2-2", "单元：2-2"):
        assert report(dyz_json, "--week", "2026-W47", "--scope", written)["visits"]["made"] == 2
    assert report(dyz_json, "--week", "2026-W47", "--unit", "2-2")["visits"]["made"] == 2
    assert report(dyz_json, "--week", "2026-W47", "--building", "2")["visits"]["made"] == 3
    assert report(dyz_json, "--week", "2026-W47", "--scope", "2栋")["visits"]["made"] == 3


def test_a_laptop_s_territory_is_what_its_commands_show_unless_widened(
    dyz: Runner, dyz_json, fortnight: str
) -> None:
    """dyz init --unit 2-2: the report, today, visit due and the ledgers show 2-2 and say so;
    --all widens to the whole notebook."""
    dyz("init", "--name", "周玉梅", "--unit", "2-2")
    said = dyz("report", "--week", "2026-W47", "-f", "json")
    assert "只看本机负责的新芙蓉之都 2-2单元（看全部加 --all）" in said.stderr
    import json

    assert json.loads(said.stdout)["visits"]["made"] == 2
    assert report(dyz_json, "--week", "2026-W47", "--all")["visits"]["made"] == 3
    assert report(dyz_json, "--week", "2026-W47", "--unit", "2-1")["visits"]["made"] == 1
    due = dyz_json("visit", "due", "--not-due")
    assert due and {d["unit"] for d in due} == {"2-2"}
    assert {d["unit"] for d in dyz_json("visit", "due", "--not-due", "--all")} > {"2-2"}
    assert "只看本机负责的" in dyz("visit", "due").stderr
    assert "只看本机负责的" in dyz("ledger", "visits", "--from", "2026-11-01").stderr
    assert "只看本机负责的" in dyz("antifraud").stderr


def test_redaction_names_no_resident_and_ties_no_flat_to_a_move_in(
    dyz_json, fortnight: str
) -> None:
    r = report(dyz_json, "--week", "2026-W47", "--scope", "unit:2-2", "--redact")
    assert r["redacted"] is True
    [move_in] = r["anti_fraud"]["move_ins"]
    assert (move_in["household"], move_in["name"], move_in["briefed"]) == (None, None, False)
    assert "孙丽" not in str(r) and "13812345678" not in str(r)


def test_an_empty_notebook_and_a_quiet_week_say_so(dyz: Runner, dyz_json, estate: str) -> None:
    r = report(dyz_json, "--week", "2026-W47")
    assert r["empty"] and r["nothing_open"]
    text = dyz("report", "--week", "2026-W47").stdout
    assert "没有记下任何走访" in text and "一、入户走访" not in text
    assert "Nothing was recorded" in dyz("--lang", "en", "report", "--week").stdout


def test_a_quiet_week_with_work_still_open_shows_it(dyz: Runner, fortnight: str) -> None:
    text = dyz("report", "--week", "2026-W44", "--scope", "unit:2-2").stdout
    assert "这一周没有记下" in text  # nothing happened in W44 …
    text = dyz("report", "--week", "2026-W48", "--scope", "unit:2-2").stdout
    assert (
        "逾期未改" in text and "楼道/安全通道堵塞" in text
    )  # … but in W48 the stairwell still waits


def test_markdown_csv_and_html(dyz: Runner, fortnight: str, tmp_path: Path) -> None:
    md = dyz("report", "--week", "2026-W47", "--scope", "unit:2-2", "-f", "md").stdout
    assert md.startswith(f"# 2栋2单元每周汇总（{w47()}）") and "| 走访次数 | 2 | 2 | — |" in md
    out = tmp_path / "周报.csv"
    dyz("report", "--week", "2026-W47", "--scope", "unit:2-2", "-f", "csv", "-o", str(out))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel on Chinese Windows reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    made = next(r for r in rows if r["section"] == "visits" and r["figure"] == "made")
    assert (made["this_week"], made["last_week"]) == ("2", "2")
    assert {r["section"] for r in rows} == {
        "visits",
        "needs",
        "hazards",
        "anti_fraud",
        "volunteers",
        "council",
        "trend",
    }
    page = tmp_path / "周报.html"
    dyz("report", "--week", "2026-W47", "--scope", "unit:2-2", "-f", "html", "-o", str(page))
    text = page.read_text(encoding="utf-8")
    assert text.count("<svg") == 3 and "http" not in text.replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )
    assert "13812345678" not in text and "138****5678" in text


def w47() -> str:
    """Days are said without the year within the year, so the test says them as dyz does."""
    return span(date(2026, 11, 16), date(2026, 11, 22))


SMALL_REPORT = """\
2栋2单元每周汇总（W47）

一、入户走访
项目                     本周    上周    增减
─────────────────────────────────────────────
走访次数                    2       2       —
见到的户数（共 4 户）       2       1      +1
覆盖率                  50.0%   25.0%   +25.0
家中无人                    0       1
走访人：王建国的电脑
独居、需帮扶未按时走访：2-2-301（独居老人，逾期 5 天）

二、居民诉求
项目       本周   上周   增减
─────────────────────────────
收集          2      1     +1
就地解决      1      0     +1
上报          0      1     -1
本周按类别：助老 1；维修 1
在办 2 条：7 天内 1，7–30 天 1，超过 30 天 0
最久的一条：2-2-301“脑科巷乱停车，有事打 138****5678”，已 12 天（ID）

三、安全隐患
项目       本周   上周   增减
─────────────────────────────
发现          1      1      —
已整改        0      0      —
复查销号      0      0      —
回潮          0      0      —
本周按类别：飞线充电 1
逾期未改：楼道/安全通道堵塞（2-2，逾期 10 天）

四、反诈
项目                     本周
─────────────────────────────
装了反诈APP的户   1/3 (33.3%)
讲过骗术的户      2/3 (66.7%)
本周迁入：2-2-302 孙丽（未宣传）

五、志愿服务和矛盾调解
志愿服务：本周没有（上周 0 次）；交给志愿者的诉求 0 条
矛盾纠纷：无

六、议事会
待议事项：无
待社区答复的建议：无
本周社区的决定：施划停车位：采纳（11月20日）

七、近八周趋势（W40—W47）
走访 ▁▁▁▁▁▁██  0 0 0 0 0 0 2 2
诉求 ▁▁▁▁▁▁▅█  0 0 0 0 0 0 1 2
隐患 ▁▁▁▁▁▁██  0 0 0 0 0 0 1 1
"""


def test_the_terminal_text_of_a_small_report_at_80_columns(dyz: Runner, fortnight: str) -> None:
    text = dyz("report", "--week", "2026-W47", "--scope", "unit:2-2").stdout
    expected = SMALL_REPORT.replace("W40—W47", span(date(2026, 9, 28), date(2026, 11, 22)))
    assert re.sub(r"（[0-9a-f]{8}）", "（ID）", text) == expected.replace("W47", w47())
    assert max(len(line) for line in text.splitlines()) <= 80


def test_the_council_as_it_stood_at_the_end_of_the_week(dyz_json, fortnight: str) -> None:
    """In W46 the parking matter was still waiting for the council; the proposal came later."""
    c = report(dyz_json, "--week", "2026-W46", "--scope", "unit:2-2")["council"]
    assert [(m["category"], m["households"], m["waiting_days"]) for m in c["matters_waiting"]] == [
        ("parking", 1, 5)
    ]
    assert c["proposals_awaiting_office"] == [] and c["decisions_this_week"] == []
    needs = report(dyz_json, "--week", "2026-W46", "--scope", "unit:2-2")["needs"]
    assert (needs["open"], needs["oldest_open"]["days"]) == (1, 5)


def test_a_bare_week_means_the_last_full_week_wherever_it_stands(
    dyz: Runner, dyz_json, stairwell: str
) -> None:
    from datetime import date

    last_week = "{}-W{:02d}".format(*(date.today() - timedelta(weeks=1)).isocalendar()[:2])
    assert dyz_json("report", "--week", "--scope", "unit:2-2")["week"] == last_week
    assert dyz_json("report", "--scope", "unit:2-2", "--week")["week"] == last_week
    this_week = "{}-W{:02d}".format(*date.today().isocalendar()[:2])
    assert dyz_json("report")["week"] == this_week


def monday_to_sunday(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def test_mid_week_the_report_counts_only_the_days_lived(dyz, dyz_json, stairwell: str) -> None:
    today = date.today()
    dyz("visit", "add", "2-2-301", "--on", (today - timedelta(days=20)).isoformat())
    due = {row["household"]: row for row in dyz_json("visit", "due")}
    r = report(dyz_json)
    assert r["as_of"] == min(today.isoformat(), r["to"])
    late = {row["household"]: row["overdue_days"] for row in r["visits"]["vulnerable_not_reached"]}
    assert late["2-2-301"] == due["2-2-301"]["overdue_days"] == 20 - 7
    heading = dyz("report").stdout.splitlines()[0]
    assert heading.startswith(f"芙蓉南路社区每周汇总（{span(*monday_to_sunday(today))}")
    if r["as_of"] < r["to"]:
        assert heading.endswith(f"，截至{short_day(today)}）"), heading
    else:  # on a Sunday the week is whole
        assert "截至" not in heading, heading


def test_the_report_names_who_visited_without_ranking_them(dyz, dyz_json, stairwell: str) -> None:
    for visitor, flat in (("周玉梅", "2-2-301"), ("周玉梅", "2-2-302"), ("周玉梅", "2-2-401")):
        dyz("visit", "add", flat, "--visitor", visitor)
    dyz("visit", "add", "2-2-402", "--visitor", "李建华")
    r = report(dyz_json)
    assert r["visits"]["visitors"] == sorted(["周玉梅", "李建华"])
    line = next(x for x in dyz("report").stdout.splitlines() if x.startswith("走访人："))
    assert line == f"走访人：{'；'.join(sorted(['周玉梅', '李建华']))}"
    assert not re.search(r"\d", line)


def test_a_vulnerable_flat_knocked_on_but_never_met_is_not_called_never_visited(
    dyz, dyz_json, stairwell: str
) -> None:
    dyz("visit", "add", "2-2-301", "--on", "2026-11-18", "--outcome", "not_home")
    r = report(dyz_json, "--week", "2026-W47", "--scope", "unit:2-2")
    [late] = r["visits"]["vulnerable_not_reached"]
    assert (late["household"], late["last_visit"]) == ("2-2-301", None)
    assert (late["last_attempt"], late["last_outcome"]) == ("2026-11-18", "not_home")
    text = dyz("report", "--week", "2026-W47", "--scope", "unit:2-2").stdout.replace("\n", "")
    assert "2-2-301（独居老人，还没见到人，上次11月18日家中无人）" in text
    assert "从未走访" not in text


def test_the_title_of_an_empty_notebook_names_it(dyz) -> None:
    title = dyz("report").stdout.splitlines()[0]
    assert title.startswith("本机记录每周汇总（")


def test_init_asks_whose_laptop_it_is_in_a_terminal(db: Path, tmp_path: Path) -> None:
    """A new laptop at a terminal asks the name and the unit; a unit it cannot read is said
    under the question and asked again."""
    import os

    from tests.terminal import Terminal

    terminal = Terminal(["--db", str(db), "init"], dict(os.environ), tmp_path)
    try:
        terminal.wait_for("您的姓名")
        terminal.send("李志平\r")
        terminal.wait_for("您负责哪个单元")
        terminal.send("二单元\r")
        terminal.wait_for("2-2")  # the refusal shows how a unit is written
        terminal.send("\x15" + "2-2\r")
        screen = terminal.wait_for("本机密钥指纹")
        assert terminal.process.wait(timeout=20) == 0
    finally:
        terminal.close()
    assert "使用人：李志平" in screen and "负责：2-2单元" in screen
