"""Which week `dyz report --week` means: `--week` alone is the last full week, the one the
council meets on (Monday to Sunday, or the seven days before the council's day when it meets
on another); 本周 is this week so far, 上周 the week before. "Today" is pinned."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import Runner, one_line_error


def pin_today(monkeypatch: pytest.MonkeyPatch, day: str) -> None:
    """Every reading of the calendar the report makes sees `day` as today."""
    fixed = date.fromisoformat(day)

    class PinnedDate(date):
        @classmethod
        def today(cls) -> PinnedDate:
            return cls(fixed.year, fixed.month, fixed.day)

    for module in ("danyuanzhang.paperwork.report", "danyuanzhang.text.inputs"):
        monkeypatch.setattr(f"{module}.date", PinnedDate)


@pytest.mark.parametrize(
    ("today", "first", "last"),
    [
        ("2026-12-07", "2026-11-30", "2026-12-06"),  # a Monday: the week just ended
        ("2026-12-09", "2026-11-30", "2026-12-06"),  # a Wednesday
        ("2026-12-13", "2026-11-30", "2026-12-06"),  # a Sunday: this week is not over
        ("2026-12-14", "2026-12-07", "2026-12-13"),
    ],
)
def test_a_bare_week_is_the_last_full_week(
    dyz_json, estate: str, monkeypatch: pytest.MonkeyPatch, today: str, first: str, last: str
) -> None:
    pin_today(monkeypatch, today)
    r = dyz_json("report", "--week")
    assert (r["from"], r["to"], r["as_of"]) == (first, last, last)
    assert (dyz_json("report", "-w", "--scope", "community")["from"]) == first


def test_this_week_is_still_this_week_so_far_and_last_week_the_one_before(
    dyz_json, estate: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_today(monkeypatch, "2026-12-07")  # a Monday
    for this in ("本周", "this"):
        r = dyz_json("report", "--week", this)
        assert (r["from"], r["to"], r["as_of"]) == ("2026-12-07", "2026-12-13", "2026-12-07")
    assert dyz_json("report")["from"] == "2026-12-07"  # no --week at all: this week so far
    r = dyz_json("report", "--week", "上周")
    assert (r["from"], r["to"]) == ("2026-11-30", "2026-12-06")


def test_the_heading_says_which_days_the_week_covers(
    dyz: Runner, estate: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_today(monkeypatch, "2026-12-07")
    heading = dyz("report", "--week").stdout.splitlines()[0]
    assert heading == "芙蓉南路社区每周汇总（11月30日—12月6日）"
    heading = dyz("report", "--week", "本周").stdout.splitlines()[0]
    assert heading == "芙蓉南路社区每周汇总（12月7日—12月13日，截至12月7日）"


@pytest.mark.parametrize(
    ("council_day", "today", "first", "last"),
    [
        ("3", "2026-12-09", "2026-12-02", "2026-12-08"),  # the council's Wednesday itself
        ("周三", "2026-12-08", "2026-11-25", "2026-12-01"),  # the Tuesday before it
        ("星期五", "2026-12-07", "2026-11-27", "2026-12-03"),
        ("7", "2026-12-07", "2026-11-29", "2026-12-05"),
    ],
)
def test_a_council_on_another_day_takes_the_seven_days_before_it(
    dyz: Runner,
    dyz_json,
    estate: str,
    monkeypatch: pytest.MonkeyPatch,
    council_day: str,
    today: str,
    first: str,
    last: str,
) -> None:
    pin_today(monkeypatch, today)
    dyz("config", "set", "council.weekday", council_day)
    r = dyz_json("report", "--week")
    assert (r["from"], r["to"]) == (first, last)
    assert dyz_json("report", "--week", "本周")["from"] == "2026-12-07"  # 本周 stays Monday's


def test_the_week_counts_what_happened_in_those_seven_days(
    dyz: Runner, dyz_json, stairwell: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    dyz("visit", "add", "2-2-301", "--on", "2026-12-01")  # Tuesday
    dyz("visit", "add", "2-2-302", "--on", "2026-12-02")  # Wednesday: the council's day
    dyz("visit", "add", "2-2-401", "--on", "2026-11-25")  # the Wednesday before
    dyz("config", "set", "council.weekday", "3")
    pin_today(monkeypatch, "2026-12-03")
    r = dyz_json("report", "--week", "--scope", "unit:2-2")
    assert (r["from"], r["to"]) == ("2026-11-25", "2026-12-01")
    assert (r["visits"]["made"], r["visits"]["last_week"]["made"]) == (2, 0)
    assert r["trend"]["to"] == "2026-12-01" and sum(r["trend"]["visits"]) == 2


def test_a_council_day_that_is_not_a_day_of_the_week_is_refused(dyz: Runner, estate: str) -> None:
    assert "council.weekday" in one_line_error(dyz("config", "set", "council.weekday", "8", code=1))
    assert "周八" in one_line_error(dyz("config", "set", "council.weekday", "周八", code=1))
