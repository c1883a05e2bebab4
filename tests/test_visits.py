"""`dyz visit add | list | show | due`, `dyz antifraud`, `dyz config`: door-knocking without the
interview, who is due a visit, and the anti-fraud watch."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Runner, one_line_error, snapshot


def test_one_visit_records_everything_it_turned_up(dyz: Runner, dyz_json, stairwell: str) -> None:
    item = dyz_json(
        "visit", "add", "2-2-302", "--on", "2026-11-20", "--introduced",
        "--moved-in", "王小明:13900001111", "--moved-out", "李秀兰",
        "--flag", "王建国:子女不在身边",
        "--need", "维修:楼道灯坏了",
        "--resolved-need", "助老:帮忙买药=>已代买降压药",
        "--hazard", "飞线充电:窗外拉线充电",
        "--anti-fraud-app", "no", "--briefed", "--note", "家里人都在",
    )  # fmt: skip
    assert (item["household"], item["on"], item["outcome"], item["kind"]) == (
        "2-2-302",
        "2026-11-20",
        "met",
        "door",
    )
    assert (item["introduced"], item["anti_fraud_app"], item["briefed"]) == (True, False, True)
    assert item["visitor"] == "王建国的电脑"  # no name set: this laptop's
    assert sorted((n["category"], n["status"]) for n in item["needs"]) == [
        ("elderly_care", "resolved"),
        ("repair", "collected"),
    ]
    [hazard] = item["hazards"]
    assert (hazard["kind"], hazard["note"], hazard["status"]) == (
        "flying_wire",
        "窗外拉线充电",
        "found",
    )
    assert dyz_json("hazard", "show", hazard["id"][:8])["household"] == "2-2-302"
    home = dyz_json("household", "show", "2-2-302")
    people = {r["name"]: r for r in home["residents"]}
    assert (
        people["王小明"]["moved_in"] == "2026-11-20" and people["王小明"]["phone"] == "13900001111"
    )
    assert people["李秀兰"]["moved_out"] == "2026-11-20"
    assert people["王建国"]["flags"] == ["children_away"]
    petitions = dyz_json("petition", "list")
    assert {p["text"] for p in petitions} == {"楼道灯坏了", "帮忙买药"}
    assert dyz_json("visit", "show", item["id"][:6]) == item
    shown = dyz("visit", "show", item["id"][:6]).stdout
    assert "楼道灯坏了" in shown and "飞线充电" in shown and "反诈APP：否" in shown


def test_nobody_home_is_an_attempt_and_nothing_more(
    dyz: Runner, dyz_json, stairwell: str, db: Path
) -> None:
    item = dyz_json("visit", "add", "2-2-401", "--outcome", "not_home", "--on", "2026-11-21")
    assert item["outcome"] == "not_home" and item["introduced"] is None and item["briefed"] is None
    before = snapshot(db)
    line = one_line_error(
        dyz(
            "visit",
            "add",
            "2-2-401",
            "--outcome",
            "家中无人",
            "--need",
            "维修:灯",
            "--briefed",
            code=1,
        )
    )
    assert "--need" in line and "--briefed" in line and "家中无人" in line
    assert snapshot(db) == before
    # a hazard seen at a door nobody opened is still a hazard, and a common area's is nobody's
    common = dyz_json(
        "visit",
        "add",
        "2-2-401",
        "--outcome",
        "not_home",
        "--common-hazard",
        "应急灯损坏:四楼灯不亮",
    )
    assert dyz_json("hazard", "show", common["hazards"][0]["id"][:8])["household"] is None
    seen = dyz_json(
        "visit", "add", "2-2-401", "--outcome", "not_home", "--hazard", "易燃可燃物堆放:纸箱"
    )
    assert [h["kind"] for h in seen["hazards"]] == ["flammables"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["2-2-999"], "2-2-999"),
        (["2-2-301", "--outcome", "maybe"], "maybe"),
        (["2-2-301", "--kind", "letter"], "letter"),
        (["2-2-301", "--on", "2099-01-01"], "2099-01-01"),
        (["2-2-301", "--on", "2026-02-30"], "2026-02-30"),
        (["2-2-302", "--wellbeing", "well"], "独居老人"),
        (["2-2-301", "--wellbeing", "so-so"], "so-so"),
        (["2-2-302", "--moved-out", "张三"], "张三"),
        (["2-2-302", "--flag", "张三:独居老人"], "张三"),
        (["2-2-302", "--flag", "王建国:不存在的标记"], "不存在的标记"),
        (["2-2-302", "--need", "维修"], "--need"),
        (["2-2-302", "--need", "天气:太冷"], "天气"),
        (["2-2-302", "--resolved-need", "维修:灯坏了"], "--resolved-need"),
        (["2-2-302", "--hazard", "地震:墙裂"], "地震"),
        (["2-2-302", "--anti-fraud-app", "maybe"], "--anti-fraud-app"),
        (["2-2-302", "--moved-in", "王小明:12"], "12"),
        (["2-2-301", "--new-household"], "2-2-301"),
    ],
)
def test_a_wrong_visit_is_refused_whole(
    dyz: Runner, stairwell: str, db: Path, args: list[str], expected: str
) -> None:
    """Refused with one line naming what is wrong, and nothing of the visit written, even
    the parts that came before the mistake (the resident moving in, the need)."""
    before = snapshot(db)
    result = dyz(
        "visit", "add", *args, "--moved-in", "孙丽:13700002222", "--need", "安全:门锁坏", code=1
    )
    assert expected in one_line_error(result)
    assert snapshot(db) == before


def test_a_household_missing_from_the_roll_is_registered_at_the_door(
    dyz: Runner, dyz_json, stairwell: str
) -> None:
    item = dyz_json("visit", "add", "2-2-502", "--new-household", "--moved-in", "陈志明")
    assert item["household"] == "2-2-502"
    assert [r["name"] for r in dyz_json("household", "show", "2-2-502")["residents"]] == ["陈志明"]


def test_listing_visits_by_week_dates_unit_and_visitor(
    dyz: Runner, dyz_json, stairwell: str
) -> None:
    dyz("household", "add", "1-1-101")
    dyz("visit", "add", "2-2-301", "--on", "2026-11-15", "--visitor", "周玉梅")  # Sunday of W46
    dyz("visit", "add", "2-2-302", "--on", "2026-11-16", "--visitor", "周玉梅")  # Monday of W47
    dyz("visit", "add", "1-1-101", "--on", "2026-11-17", "--visitor", "王建国")
    dyz("visit", "add", "2-2-401", "--on", "2026-11-23", "--outcome", "not_home")  # Monday W48

    def homes(*args: str) -> list[str]:
        return [v["household"] for v in dyz_json("visit", "list", *args)]

    assert homes("--week", "2026-W47") == ["1-1-101", "2-2-302"]  # newest first
    assert homes("--week", "2026-11-15") == ["2-2-301"]  # a Sunday ends its week
    assert homes("--from", "2026-11-15", "--to", "2026-11-16") == ["2-2-302", "2-2-301"]
    assert homes("--unit", "2-2", "--week", "2026-W47") == ["2-2-302"]
    assert homes("--visitor", "周玉梅") == ["2-2-302", "2-2-301"]
    assert homes() == ["2-2-401", "1-1-101", "2-2-302", "2-2-301"]
    table = dyz("visit", "list", "--week", "2026-W47").stdout
    assert "见到了" in table and "1-1-101" in table
    assert "W99" in one_line_error(dyz("visit", "list", "--week", "2026-W99", code=1))
    assert "--week" in one_line_error(
        dyz("visit", "list", "--week", "2026-W47", "--from", "2026-11-01", code=1)
    )
    assert "2026-11-01" in one_line_error(
        dyz("visit", "list", "--from", "2026-11-20", "--to", "2026-11-01", code=1)
    )


def test_the_iso_week_that_spans_a_new_year(dyz: Runner, dyz_json, stairwell: str) -> None:
    dyz("visit", "add", "2-2-301", "--on", "2025-12-29")  # Monday of 2026-W01
    dyz("visit", "add", "2-2-302", "--on", "2026-01-04")  # Sunday of 2026-W01
    dyz("visit", "add", "2-2-401", "--on", "2025-12-28")  # Sunday of 2025-W52
    week = [v["household"] for v in dyz_json("visit", "list", "--week", "2026-W01")]
    assert week == ["2-2-302", "2-2-301"]
    assert [v["household"] for v in dyz_json("visit", "list", "--week", "2026-01-01")] == week


# -- who is due a visit ----------------------------------------------------------------------------


def due(dyz_json: Any, *args: str) -> list[tuple[str, str, int]]:
    return [
        (d["household"], d["reason"], d["overdue_days"]) for d in dyz_json("visit", "due", *args)
    ]


def test_never_visited_first_the_most_vulnerable_leading(
    dyz: Runner, dyz_json, stairwell: str
) -> None:
    items = dyz_json("visit", "due", "--on", "2026-11-26")
    assert [i["household"] for i in items] == ["2-2-301", "2-2-302", "2-2-401", "2-2-402"]
    assert all(i["never_visited"] for i in items)
    assert items[0]["reason"] == "elderly_alone" and items[0]["every_days"] == 7


def test_an_overdue_person_living_alone_comes_before_flats_never_visited(
    dyz: Runner, dyz_json, stairwell: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    dyz("visit", "add", "2-2-301", "--on", "2026-11-10")  # lives alone: due 11-17
    dyz("visit", "add", "2-2-401", "--on", "2026-11-25", "--outcome", "not_home")
    items = dyz_json("visit", "due", "--on", "2026-11-26")
    assert [(i["household"], i["overdue_days"]) for i in items][0] == ("2-2-301", 9)
    tried = next(i for i in items if i["household"] == "2-2-401")
    never = next(i for i in items if i["household"] == "2-2-402")
    assert (tried["never_visited"], tried["never_met"], tried["last_outcome"]) == (
        False, True, "not_home",
    )  # fmt: skip
    assert (never["never_visited"], never["never_met"]) == (True, True)
    monkeypatch.setenv("COLUMNS", "120")  # each row on one line
    table = dyz("visit", "due", "--on", "2026-11-26").stdout
    line_401 = next(x for x in table.splitlines() if "2-2-401" in x)
    line_402 = next(x for x in table.splitlines() if "2-2-402" in x)
    assert "还没见到人（上次家中无人，2026-11-25）" in line_401 and "从未走访" not in line_401
    assert "从未走访" in line_402


def test_disabled_and_needing_help_come_before_the_rest(dyz: Runner, dyz_json, estate: str) -> None:
    for flat, flag in (("2-2-101", None), ("2-2-102", "残疾人"), ("2-2-201", "需帮扶")):
        dyz("household", "add", flat)
        if flag:
            dyz("resident", "add", flat, "--name", f"住户{flat[-3:]}", "--flag", flag)
    order = [i["household"] for i in dyz_json("visit", "due", "--on", "2026-11-26")]
    assert order == ["2-2-201", "2-2-102", "2-2-101", "2-2-301"]


def test_cadences_decide_who_is_overdue_and_by_how_much(
    dyz: Runner, dyz_json, stairwell: str
) -> None:
    dyz("visit", "add", "2-2-301", "--on", "2026-11-01", "--wellbeing", "well")  # weekly
    dyz("visit", "add", "2-2-302", "--on", "2026-09-01")  # every 90 days
    dyz("visit", "add", "2-2-401", "--on", "2026-11-10", "--wellbeing", "needs_help", code=1)
    dyz(
        "resident",
        "edit",
        dyz_json("household", "show", "2-2-401")["residents"][0]["id"][:8],
        "--flag",
        "需帮扶",
    )
    dyz("visit", "add", "2-2-401", "--on", "2026-11-10")  # fortnightly
    dyz("visit", "add", "2-2-402", "--on", "2026-11-20")
    # 2026-11-26: 301 is 18 days overdue (due 11-08); 302 is not due before 11-30; 401 is due
    # 11-24 (2 days over); 402 is fine
    assert due(dyz_json, "--on", "2026-11-26") == [
        ("2-2-301", "elderly_alone", 18),
        ("2-2-401", "needs_help", 2),
    ]
    # a week later 302's 90 days have run out too, and order follows how overdue each is
    assert due(dyz_json, "--on", "2026-12-03") == [
        ("2-2-301", "elderly_alone", 25),
        ("2-2-401", "needs_help", 9),
        ("2-2-302", "default", 3),
    ]
    # a visit where nobody was home does not count as one
    dyz("visit", "add", "2-2-301", "--on", "2026-11-25", "--outcome", "not_home")
    first = dyz_json("visit", "due", "--on", "2026-11-26")[0]
    assert (first["household"], first["last_outcome"], first["last_visit"]) == (
        "2-2-301",
        "not_home",
        "2026-11-01",
    )
    # --all lists the rest, after those due, with the day they come due
    everyone = dyz_json("visit", "due", "--on", "2026-11-26", "--not-due")
    assert [(i["household"], i["is_due"], i["due_on"]) for i in everyone[2:]] == [
        ("2-2-302", False, "2026-11-30"),
        ("2-2-402", False, "2027-02-18"),
    ]


def test_a_visit_that_found_someone_needing_help_shortens_the_cadence(
    dyz: Runner, dyz_json, stairwell: str
) -> None:
    dyz("config", "set", "visit.cadence.elderly_alone", "30")
    dyz("visit", "add", "2-2-301", "--on", "2026-11-01", "--wellbeing", "needs_help",
        "--help-needed", "想要助餐送上门")  # fmt: skip
    assert ("2-2-301", "needs_help", 11) in due(dyz_json, "--on", "2026-11-26")


def test_a_new_arrival_is_due_within_a_week_of_moving_in(
    dyz: Runner, dyz_json, stairwell: str
) -> None:
    dyz("visit", "add", "2-2-302", "--on", "2026-11-01")
    dyz("resident", "add", "2-2-302", "--name", "孙丽", "--moved-in", "2026-11-20")
    assert ("2-2-302", "new_arrival", -1) in due(dyz_json, "--on", "2026-11-26")  # due 11-27
    assert ("2-2-302", "new_arrival", 3) in due(dyz_json, "--on", "2026-11-30")
    dyz("visit", "add", "2-2-302", "--on", "2026-11-26")
    assert "2-2-302" not in [h for h, _, _ in due(dyz_json, "--on", "2026-11-30")]
    # someone who moved in long ago and was never met is not "new"
    dyz("resident", "add", "2-2-402", "--name", "钱老伯", "--moved-in", "2019-05-01")
    [item] = [
        i for i in dyz_json("visit", "due", "--on", "2026-11-30") if i["household"] == "2-2-402"
    ]
    assert item["reason"] == "default"


def test_cadences_are_configurable(dyz: Runner, dyz_json, stairwell: str, db: Path) -> None:
    dyz("visit", "add", "2-2-302", "--on", "2026-11-01")
    assert "2-2-302" not in [h for h, _, _ in due(dyz_json, "--on", "2026-11-26")]
    dyz("config", "set", "visit.cadence.default", "20天")
    assert ("2-2-302", "default", 5) in due(dyz_json, "--on", "2026-11-26")
    assert dyz("config", "get", "visit.cadence.default").stdout.strip() == "20"
    listing = {c["key"]: c for c in dyz_json("config", "list")}
    assert (
        listing["visit.cadence.default"]["value"] == 20
        and listing["visit.cadence.default"]["changed"]
    )
    dyz("config", "unset", "visit.cadence.default")
    assert dyz("config", "get", "visit.cadence.default").stdout.strip() == "90"
    before = snapshot(db)
    assert "0" in one_line_error(dyz("config", "set", "visit.cadence.default", "0", code=1))
    assert "visit.cadence.weekly" in one_line_error(
        dyz("config", "set", "visit.cadence.weekly", "7", code=1)
    )
    assert snapshot(db) == before
    dyz(
        "config", "set", "hazard.recurrence_days", "30"
    )  # the same setting as `hazard recurrence-days`
    assert "30" in dyz("hazard", "recurrence-days").stderr + dyz("hazard", "recurrence-days").stdout


def test_the_due_list_as_a_table_and_as_a_walk_sheet(
    dyz: Runner, stairwell: str, tmp_path: Path
) -> None:
    dyz("visit", "add", "2-2-302", "--on", "2026-11-01", "--outcome", "not_home")
    table = dyz("visit", "due", "--unit", "2-2", "--on", "2026-11-26").stdout
    assert "独居老人，每 7 天；从未走访" in table and "家中无人" in table
    assert "13812345678" not in table
    sheet = tmp_path / "walk.html"
    dyz("visit", "due", "--unit", "2-2", "--on", "2026-11-26", "-f", "html", "-o", str(sheet))
    page = sheet.read_text(encoding="utf-8")
    assert page.count("<tr>") == 1 + 4  # the header and one line per household
    assert "走访清单 2栋2单元" in page and "刘桂英" in page and "http" not in page
    assert "13812345678" not in page


# -- the anti-fraud watch -------------------------------------------------------------------------


def test_anti_fraud_figures_per_unit_and_building(dyz: Runner, dyz_json, stairwell: str) -> None:
    dyz("household", "add", "2-1-101")
    dyz("resident", "add", "2-1-101", "--name", "钱多多", "--moved-in", "2026-11-15")
    dyz("visit", "add", "2-2-301", "--on", "2026-11-02", "--anti-fraud-app", "no", "--briefed")
    dyz(
        "visit", "add", "2-2-301", "--on", "2026-11-20", "--anti-fraud-app", "yes"
    )  # installed since
    dyz("visit", "add", "2-2-302", "--on", "2026-11-20", "--anti-fraud-app", "yes")
    dyz("visit", "add", "2-2-401", "--on", "2026-11-20", "--briefed")
    dyz(
        "resident", "add", "2-2-401", "--name", "赵小雨", "--moved-in", "2026-11-21"
    )  # after the briefing
    dyz("visit", "add", "2-1-101", "--on", "2026-11-16", "--outcome", "not_home")
    data = dyz_json("antifraud", "--on", "2026-11-26")
    units = {g["unit"]: g for g in data["groups"]}
    assert (units["2-2"]["households"], units["2-2"]["app_installed"], units["2-2"]["briefed"]) == (
        3,
        2,
        2,
    )
    assert [m["name"] for m in units["2-2"]["move_ins_unbriefed"]] == ["赵小雨"]
    assert [m["name"] for m in units["2-1"]["move_ins_unbriefed"]] == ["钱多多"]
    assert data["totals"] == {
        "households": 4,
        "app_installed": 2,
        "briefed": 2,
        "move_ins_unbriefed": 2,
    }
    [building] = dyz_json("antifraud", "--building", "--on", "2026-11-26")["groups"]
    assert (building["building"], building["households"]) == ("2", 4)
    # thirty days on, the move-ins are no longer recent
    assert dyz_json("antifraud", "--on", "2026-12-30")["totals"]["move_ins_unbriefed"] == 0
    table = dyz("antifraud", "--on", "2026-11-26").stdout
    assert "2/3 (67%)" in table and "赵小雨" in table


def test_petition_closed_without_the_residents_word_says_so(
    dyz: Runner, dyz_json, stairwell: str
) -> None:
    item = dyz_json("visit", "add", "2-2-302", "--resolved-need", "维修:灯=>换了灯泡")
    need = item["needs"][0]["id"][:8]
    dyz("petition", "close", need)
    timeline = dyz_json("petition", "show", need)["timeline"]
    assert timeline[-1]["confirmed_by_resident"] is False


def test_visit_list_of_an_empty_notebook_says_so(dyz: Runner, estate: str) -> None:
    assert dyz("visit", "list").stderr.strip() != ""
    assert dyz("visit", "due", "--on", "2026-11-26").stdout.count("2-2-301") == 1
    assert re.search(r"\d", dyz("antifraud").stdout)


def test_removing_a_household_keeps_its_visits_in_the_figures_without_their_words(
    dyz: Runner, dyz_json, stairwell: str, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dyz(
        "visit",
        "add",
        "2-2-301",
        "--on",
        "2026-11-20",
        "--wellbeing",
        "needs_help",
        "--help-needed",
        "想要助餐送上门",
        "--note",
        "夜里常头晕XQ",
    )
    week = dyz_json("report", "--week", "2026-11-20")["visits"]
    dyz("household", "remove", "2-2-301", "--yes")
    [kept] = dyz_json("visit", "list")
    assert (kept["on"], kept["unit"], kept["outcome"]) == ("2026-11-20", "2-2", "met")
    assert kept["household"] is None and kept["wellbeing"] is None and kept["note"] is None
    monkeypatch.setenv("COLUMNS", "120")  # each row on one line
    assert "2-2（已删除的一户）" in dyz("visit", "list").stdout
    after = dyz_json("report", "--week", "2026-11-20")["visits"]
    assert after["made"] == week["made"] == 1
    assert after["households_reached"] == week["households_reached"] == 1
    for path in (db, db.with_name(db.name + "-wal")):
        if path.exists():
            assert "夜里常头晕XQ".encode() not in path.read_bytes()


def test_a_redacted_bundle_leaves_out_what_was_said_at_the_door(
    dyz: Runner, stairwell: str, tmp_path: Path
) -> None:
    dyz(
        "visit",
        "add",
        "2-2-301",
        "--on",
        "2026-11-20",
        "--wellbeing",
        "needs_help",
        "--help-needed",
        "想要助餐送上门",
        "--note",
        "夜里常头晕",
    )
    plain, redacted = tmp_path / "plain.yaml", tmp_path / "redacted.yaml"
    dyz("export", "--plain", "--all", "-o", str(plain))
    dyz("export", "--all", "--redact", "-o", str(redacted))
    assert "夜里常头晕" in plain.read_text(encoding="utf-8")
    text = redacted.read_text(encoding="utf-8")
    assert "夜里常头晕" not in text and "needs_help" not in text and 'set: "outcome"' in text
