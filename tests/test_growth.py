"""Every command's work grows with what it shows, not with the years in the notebook
(DESIGN.md). Work is counted in SQLite's virtual-machine steps (tests/work.py), the same on
every run, so the rule is a test: the same command on a notebook with four times the history
may do at most 1.3 times the work."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from danyuanzhang.cases.hazards import add_hazard
from danyuanzhang.cases.petitions import add_petition
from danyuanzhang.store import Store
from tests.conftest import Runner
from tests.work import counted

GROWTH = 1.3


def history(db: Path, years: int) -> None:
    """Hazards and needs of other days at a flat of another unit, written as the commands
    write them: a year's worth being twenty of each."""
    store = Store.open(db)
    try:
        for i in range(20 * years):
            on = f"{2022 + i % years}-0{1 + i % 9}-1{i % 10}"
            add_hazard(store, "飞线充电", "3-1 3楼窗外", household="3-1-302", on=on, days=3)
            add_petition(store, "3-1-302", "维修", f"楼道灯坏了{i}", on=on)
    finally:
        store.close()


def work_of(monkeypatch: pytest.MonkeyPatch, dyz: Runner, *args: str) -> tuple[int, Any]:
    with counted(monkeypatch) as work:
        result = dyz(*args)
    return work.steps, result


@pytest.fixture
def grown(dyz: Runner, estate: str, db: Path) -> Callable[[int], None]:
    """More history, in steps: `grown(1)` adds a year's, `grown(3)` three more."""
    dyz("household", "add", "3-1-302")
    return lambda years: history(db, years)


def test_a_visit_finds_what_it_raised_without_reading_the_others(
    dyz: Runner,
    dyz_json: Callable[..., Any],
    grown: Callable[[int], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`visit add` and `visit show` list the needs and hazards the visit raised: found through
    the visit, not by reading every need and hazard the flats ever had."""
    grown(1)
    added = dyz_json(
        "visit", "add", "2-2-301", "--need", "维修:门锁坏了", "--hazard", "飞线充电:窗外充电"
    )
    one_year, shown = work_of(monkeypatch, dyz, "visit", "show", added["id"][:8])
    assert "门锁坏了" in shown.stdout
    grown(3)
    four_years, shown = work_of(monkeypatch, dyz, "visit", "show", added["id"][:8])
    assert "门锁坏了" in shown.stdout
    assert four_years / one_year <= GROWTH, (one_year, four_years)

    one_more = work_of(
        monkeypatch, dyz, "visit", "add", "2-2-301", "--need", "维修:窗坏了", "--on", "2026-12-01"
    )[0]
    grown(4)
    two_more = work_of(
        monkeypatch, dyz, "visit", "add", "2-2-301", "--need", "维修:灯坏了", "--on", "2026-12-02"
    )[0]
    assert two_more / one_more <= GROWTH, (one_more, two_more)


def test_the_counter_sees_a_scan_grow() -> None:
    """The counter itself: a query that reads the whole table does more work on a bigger one."""
    import sqlite3

    from tests.work import counted_on

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (a)")
    conn.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(1000)])
    small = counted_on(conn)
    conn.execute("SELECT count(*) FROM t WHERE a = -1").fetchone()
    small_steps = small.steps
    conn.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(3000)])
    large = counted_on(conn)
    conn.execute("SELECT count(*) FROM t WHERE a = -1").fetchone()
    assert large.steps > 3 * small_steps > 0


# -- dyz log -----------------------------------------------------------------------------------


def test_the_log_reads_its_newest_commands_and_stops_at_its_limit(
    dyz: Runner,
    grown: Callable[[int], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`dyz log --limit 20` reads the newest changes backwards through the device index and
    stops once it has twenty commands: the years before them are never read. The log takes no
    scope, so it is counted over the whole notebook, of every laptop and of this one; and for
    a household whose own history does not grow, from its own changes."""
    dyz("resident", "add", "2-2-301", "--name", "刘桂英", "--phone", "13812345678")
    grown(1)
    asked = ((), ("--by", "王建国的电脑"), ("--since", "2020-01-01"), ("--household", "2-2-301"))
    one_year = {args: work_of(monkeypatch, dyz, "log", "--limit", "20", *args) for args in asked}
    grown(3)
    for args, (before, shown) in one_year.items():
        after, shown_now = work_of(monkeypatch, dyz, "log", "--limit", "20", *args)
        assert shown_now.stdout == shown.stdout or "--household" not in args
        lines = shown.stdout.count("\n")
        assert shown_now.stdout.count("\n") == lines == (2 if "--household" in args else 20)
        assert after / before <= GROWTH, (args, before, after)
