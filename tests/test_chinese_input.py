"""What a 65-year-old types: Chinese dates and words, full-width digits and colons."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from danyuanzhang.errors import DyzError
from danyuanzhang.text.inputs import parse_date, parse_week, read_day
from tests.conftest import Runner, one_line_error, snapshot

JsonRunner = Callable[..., Any]

TUESDAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "past", "expected"),
    [
        ("今天", False, "2026-12-01"),
        ("昨天", True, "2026-11-30"),
        ("前天", True, "2026-11-29"),
        ("明天", False, "2026-12-02"),
        ("3天前", True, "2026-11-28"),
        ("两天前", True, "2026-11-29"),
        ("上周五", True, "2026-11-27"),
        ("上星期一", True, "2026-11-23"),
        ("周一", True, "2026-11-30"),
        ("周五", False, "2026-12-04"),
        ("周五", True, "2026-11-27"),  # on a Tuesday, the Friday just gone
        ("下周一", False, "2026-12-07"),
        ("11月20日", True, "2026-11-20"),
        ("11月20号", True, "2026-11-20"),
        ("11-20", True, "2026-11-20"),
        ("11.20", True, "2026-11-20"),
        ("11/20", True, "2026-11-20"),
        ("2026年11月20日", True, "2026-11-20"),
        ("2026.11.20", True, "2026-11-20"),
        ("2026/11/20", True, "2026-11-20"),
        ("２０２６－１１－２０", True, "2026-11-20"),
        ("１１月２０日", True, "2026-11-20"),
        ("20号", False, "2026-12-20"),
        ("20号", True, "2026-11-20"),  # a day done: last month's 20th
    ],
)
def test_a_day_is_read_as_people_write_it(text: str, past: bool, expected: str) -> None:
    from danyuanzhang.text.inputs import squash

    cleaned = squash(text).replace("/", "-").replace(".", "-")
    assert read_day(cleaned, TUESDAY, past) == date.fromisoformat(expected)


def test_a_month_and_day_far_ahead_is_last_years_for_a_day_done() -> None:
    new_year = date(2027, 1, 5)
    assert read_day("12月28日", new_year, past=True) == date(2026, 12, 28)
    assert read_day("12月28日", new_year, past=False) == date(2027, 12, 28)
    # a few days ahead is a slip, not last year: it stays ahead and is refused
    assert read_day("12月20日", TUESDAY, past=True) == date(2026, 12, 20)


@pytest.mark.parametrize("text", ["上个月吧", "2026-02-30", "13月1日", "周八", "", "昨天晚上"])
def test_what_is_not_a_day_is_refused_with_the_ways_to_write_one(text: str) -> None:
    with pytest.raises(DyzError) as refused:
        parse_date(text, "--on")
    assert refused.value.key == "bad_date"
    assert "昨天" in refused.value.message() and "11月20日" in refused.value.message()


def test_a_day_still_to_come_is_read_back_in_words() -> None:
    tomorrow = date.today() + timedelta(days=1)
    with pytest.raises(DyzError) as refused:
        parse_date("明天", "--on", past=True)
    message = refused.value.message()
    assert refused.value.key == "date_in_future"
    assert f"{tomorrow.year}年{tomorrow.month}月{tomorrow.day}日" in message and "还没到" in message
    assert parse_date("明天", "--due") == tomorrow.isoformat()


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))
def test_every_written_form_of_a_day_names_that_day(day: date) -> None:
    for text in (
        day.isoformat(),
        f"{day.year}年{day.month}月{day.day}日",
        f"{day.year}.{day.month}.{day.day}",
        f"{day.year}/{day.month:02d}/{day.day:02d}",
    ):
        assert parse_date(text) == day.isoformat()


def test_weeks_are_named_as_people_name_them() -> None:
    monday = date.today() - timedelta(days=date.today().weekday())
    assert parse_week("本周") == (monday.isoformat(), (monday + timedelta(days=6)).isoformat())
    assert parse_week("上周")[0] == (monday - timedelta(weeks=1)).isoformat()
    assert parse_week("2026-W49") == ("2026-11-30", "2026-12-06")


def test_a_visit_yesterday_is_recorded_on_yesterday(dyz_json: JsonRunner, stairwell: str) -> None:
    visit = dyz_json("visit", "add", "2-2-301", "--on", "昨天", "--outcome", "not_home")
    assert visit["on"] == (date.today() - timedelta(days=1)).isoformat()


def test_a_visit_tomorrow_is_refused_and_changes_nothing(
    dyz: Runner, db: Path, stairwell: str
) -> None:
    before = snapshot(db)
    result = dyz("visit", "add", "2-2-301", "--on", "明天", code=1)
    assert "还没到" in one_line_error(result)
    assert snapshot(db) == before


def test_a_full_width_colon_is_read_as_a_colon(dyz_json: JsonRunner, stairwell: str) -> None:
    visit = dyz_json(
        "visit", "add", "2-2-302", "--need", "维修：楼道灯坏了", "--resolved-need",
        "停车：车位被占＝＞已联系车主", "--hazard", "飞线充电：窗外拉线",
    )  # fmt: skip
    needs = dyz_json("petition", "list")
    assert sorted((n["category"], n["text"]) for n in needs) == [
        ("parking", "车位被占"),
        ("repair", "楼道灯坏了"),
    ]
    assert [h["kind"] for h in visit["hazards"]] == ["flying_wire"]


def test_a_place_without_a_unit_is_in_the_only_unit_or_the_households(
    dyz: Runner, dyz_json: JsonRunner, db: Path, stairwell: str
) -> None:
    dyz("hazard", "add", "--where", "3楼楼道", "--kind", "楼道堵塞", "--severity", "严重")
    (hazard,) = dyz_json("hazard", "list")
    assert (hazard["unit"], hazard["place"], hazard["severity"]) == ("2-2", "3楼楼道", "high")
    dyz("household", "add", "3-1-101")
    before = snapshot(db)
    refused = one_line_error(dyz("hazard", "add", "--where", "3楼", "--kind", "其他", code=1))
    assert "2-2 3楼" in refused and snapshot(db) == before
    dyz("hazard", "add", "--where", "3楼", "--kind", "其他", "--household", "3-1-101")
    assert {h["unit"] for h in dyz_json("hazard", "list")} == {"2-2", "3-1"}


def test_the_words_the_screens_show_work_as_commands(
    dyz: Runner, dyz_json: JsonRunner, stairwell: str
) -> None:
    dyz("petition", "add", "2-2-301", "--category", "维修", "--text", "楼道灯坏了")
    (petition,) = dyz_json("petition", "list")
    dyz("petition", "escalate", petition["id"][:8], "--to", "议事会")
    assert [p["id"] for p in dyz_json("petition", "list", "--status", "已上报")] == [petition["id"]]
    dyz("council", "propose", petition["id"][:8], "--text", "请物业修灯")
    proposal = dyz_json("council", "agenda")["proposals"][0]
    dyz("council", "decide", proposal["id"][:8], "采纳")
    assert dyz_json("petition", "show", petition["id"][:8])["status"] == "adopted"
