"""The pages of a day and of a week grow with what they show, not with the years behind them
(DESIGN.md): `today`, `visit due`, the weekly report in every format, the council's agenda,
the service card, the anti-fraud list and the patrols due, at unit, building and estate scope,
do at most 1.3 times the work (tests/work.py) on a notebook with four times the history.

The history is the kind a careless query would read: hazards found and verified, needs raised
and closed (some of them before the council), visits and patrols, in the very unit, building
and estate each page is drawn for, all in years before the day shown."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from danyuanzhang.cases import hazards, petitions
from danyuanzhang.cases.patrols import record_patrol
from danyuanzhang.store import Store
from danyuanzhang.visits.doorstep import record_visit
from danyuanzhang.visits.plan import VisitPlan
from tests.conftest import Runner
from tests.work import counted

GROWTH = 1.3
DAY = "2026-12-07"  # the day shown; the history is all in 2021-2025
WEEK = "2026-W49"

# flats the history is written at: the unit shown (2-2), another unit of its building (2-1)
# and another building of the estate (3-1)
FLATS = ("2-2-301", "2-2-302", "2-1-101", "3-1-302")


def a_year(store: Store, year: int, more: bool) -> None:
    """A year of each flat's life, closed by the end of the year: visits, a hazard found and
    verified, a need resolved at the door and closed, a need taken to the council and settled
    there, and the unit's fire patrols; with `more`, also a need a volunteer did, closed, and
    a dispute mediated and followed up."""
    from danyuanzhang.cases.assignments import assign, finish
    from danyuanzhang.cases.mediation import take_mediation_step

    for n, flat in enumerate(FLATS):
        unit = flat.rsplit("-", 1)[0]
        for month in (2, 5, 8, 11):
            on = f"{year}-{month:02}-1{n}"
            record_visit(store, VisitPlan(household=flat, on=on, outcome="met"))
            record_patrol(store, unit=unit, all_clear=True, on=on, at="10:00")
        found = hazards.add_hazard(
            store, "飞线充电", f"{unit} 3楼窗外", household=flat, on=f"{year}-03-0{n + 1}", days=3
        )
        hazards.take_step(store, found["id"], "notified", on=f"{year}-03-0{n + 2}")
        hazards.take_step(store, found["id"], "rectified", on=f"{year}-03-1{n}")
        hazards.take_step(store, found["id"], "verified", on=f"{year}-03-2{n}")
        resolved = petitions.add_petition(
            store, flat, "维修", "楼道灯坏了", on=f"{year}-04-0{n + 1}"
        )
        petitions.take_step(store, resolved["id"], "resolved", on=f"{year}-04-1{n}", note="修好了")
        petitions.take_step(store, resolved["id"], "closed", on=f"{year}-04-2{n}", confirmed=True)
        heard = petitions.add_petition(store, flat, "停车", "小区停车乱", on=f"{year}-06-0{n + 1}")
        petitions.take_step(store, heard["id"], "escalated", on=f"{year}-06-1{n}", to="council")
        petitions.take_step(store, heard["id"], "resolved", on=f"{year}-07-1{n}", note="划了车位")
        petitions.take_step(store, heard["id"], "closed", on=f"{year}-07-2{n}", confirmed=True)
        if not more:
            continue
        helped = petitions.add_petition(store, flat, "帮扶老人", "买菜", on=f"{year}-09-0{n + 1}")
        assign(store, helped["id"], "张志愿", on=f"{year}-09-1{n}")
        finish(store, helped["id"], on=f"{year}-09-2{n}")
        petitions.take_step(store, helped["id"], "closed", on=f"{year}-10-0{n + 1}", confirmed=True)
        dispute = petitions.add_petition(store, flat, "邻里纠纷", "楼上漏水", on=f"{year}-10-1{n}")
        take_mediation_step(store, dispute["id"], "达成协议", on=f"{year}-10-2{n}", note="修防水")
        take_mediation_step(store, dispute["id"], "回访过", on=f"{year}-11-2{n}")


def history(db: Path, years: range, more: bool = False) -> None:
    store = Store.open(db)
    try:
        for year in years:
            a_year(store, year, more)
    finally:
        store.close()


@dataclass
class Notebook:
    db: Path
    more: bool  # the history has needs done by volunteers and disputes too


@pytest.fixture
def more() -> bool:
    return False


@pytest.fixture
def notebook(dyz: Runner, estate: str, db: Path, more: bool) -> Notebook:
    """The flats of the history, and what is open on the day shown, the same however long the
    history: a hazard past its deadline, a need waiting, a need before the council, a visit of
    the week and a patrol of the week."""
    for flat in FLATS[1:]:
        dyz("household", "add", flat)
    dyz("resident", "add", "2-2-301", "--name", "刘桂英", "--flag", "独居老人")
    dyz("resident", "add", "2-2-302", "--name", "王建国")
    dyz("resident", "add", "2-1-101", "--name", "赵磊")
    dyz("volunteer", "add", "--name", "张志愿", "--service", "帮扶老人")
    history(db, range(2025, 2026), more)
    dyz("hazard", "add", "--kind", "飞线充电", "--where", "2-2 3楼窗外", "--on", "2026-11-30",
        "--days", "3")  # fmt: skip
    dyz("petition", "add", "2-2-302", "--category", "维修", "--text", "门锁坏了",
        "--on", "2026-12-01")  # fmt: skip
    store = Store.open(db)
    try:
        council = petitions.add_petition(store, "2-1-101", "停车", "车位不够", on="2026-12-02")
        petitions.take_step(store, council["id"], "escalated", on="2026-12-03", to="council")
    finally:
        store.close()
    dyz("visit", "add", "2-2-302", "--on", "2026-12-02")
    dyz("patrol", "record", "--unit", "2-2", "--all-clear", "--on", "2026-12-03", "--at", "10:00")
    return Notebook(db, more)


def growth(
    monkeypatch: pytest.MonkeyPatch, dyz: Runner, notebook: Notebook, *args: str
) -> tuple[int, int, str]:
    """The work of one command with a year of history, then with four."""
    with counted(monkeypatch) as one:
        first = dyz(*args).stdout
    history(notebook.db, range(2021, 2024), notebook.more)
    with counted(monkeypatch) as four:
        again = dyz(*args).stdout
    assert again == first  # the same page: the history is none of it
    return one.steps, four.steps, first


SCOPES = {
    "unit": ("--unit", "2-2"),
    "building": ("--building", "2"),
    "estate": ("--estate", "新芙蓉之都"),
}


def grows_with_what_it_shows(
    monkeypatch: pytest.MonkeyPatch, dyz: Runner, notebook: Notebook, *args: str
) -> str:
    one, four, shown = growth(monkeypatch, dyz, notebook, *args)
    assert four / one <= GROWTH, (args, one, four, round(four / one, 2))
    return shown


@pytest.mark.parametrize("scope", SCOPES)
def test_today(
    notebook: Notebook, dyz: Runner, monkeypatch: pytest.MonkeyPatch, scope: str
) -> None:
    shown = grows_with_what_it_shows(
        monkeypatch, dyz, notebook, "today", *SCOPES[scope], "--on", DAY, "--format", "json"
    )
    assert "飞线充电" in shown
    assert "门锁坏了" in shown


@pytest.mark.parametrize("scope", SCOPES)
def test_visit_due(
    notebook: Notebook, dyz: Runner, monkeypatch: pytest.MonkeyPatch, scope: str
) -> None:
    shown = grows_with_what_it_shows(
        monkeypatch, dyz, notebook, "visit", "due", *SCOPES[scope], "--on", DAY,
        "--not-due", "--format", "json",
    )  # fmt: skip
    assert "2-2-301" in shown


REPORT_FORMATS = ("table", "md", "csv", "json", "html", "text")


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
@pytest.mark.parametrize("scope", SCOPES)
def test_weekly_report(
    notebook: Notebook, dyz: Runner, monkeypatch: pytest.MonkeyPatch, scope: str, fmt: str
) -> None:
    grows_with_what_it_shows(
        monkeypatch, dyz, notebook, "report", "--week", WEEK, *SCOPES[scope], "--format", fmt
    )


@pytest.mark.parametrize("fmt", ("table", "md", "html", "json", "text"))
def test_council_agenda(
    notebook: Notebook, dyz: Runner, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    shown = grows_with_what_it_shows(
        monkeypatch, dyz, notebook, "council", "agenda", "--date", "2026-12-10", "--format", fmt
    )
    # the need before the council: its words, or in the WeChat text its unit
    assert "车位不够" in shown or "停车，2-1" in shown


@pytest.mark.parametrize("fmt", ("txt", "md", "html"))
def test_card(notebook: Notebook, dyz: Runner, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    grows_with_what_it_shows(monkeypatch, dyz, notebook, "card", "--unit", "2-2", "--format", fmt)


@pytest.mark.parametrize("scope", ("unit", "estate"))
def test_antifraud(
    notebook: Notebook, dyz: Runner, monkeypatch: pytest.MonkeyPatch, scope: str
) -> None:
    grows_with_what_it_shows(
        monkeypatch, dyz, notebook, "antifraud", *SCOPES[scope], "--on", DAY, "--format", "json"
    )


def test_antifraud_by_building(
    notebook: Notebook, dyz: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    grows_with_what_it_shows(
        monkeypatch, dyz, notebook, "antifraud", "--building", "--on", DAY, "--format", "json"
    )


def test_patrol_due(notebook: Notebook, dyz: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = grows_with_what_it_shows(
        monkeypatch, dyz, notebook, "patrol", "due", "--on", DAY, "--format", "json"
    )
    assert "2-1" in shown


# Needs done by a volunteer wait on the unit head until closed, and an agreed dispute until its
# follow-up visit: `today` and the report find them through the days kept beside each need
# (done_on, closed_on, decided_on, mediated_on, followed_up_on), not among every need ever done
# and every dispute ever raised. Before those days: today 1.70x, the unit report 1.53x.


@pytest.mark.parametrize("more", [True])
def test_today_with_needs_done_and_disputes(
    notebook: Notebook, dyz: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    grows_with_what_it_shows(
        monkeypatch, dyz, notebook, "today", "--unit", "2-2", "--on", DAY, "--format", "json"
    )


@pytest.mark.parametrize("more", [True])
def test_report_with_needs_done_and_disputes(
    notebook: Notebook, dyz: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    grows_with_what_it_shows(
        monkeypatch, dyz, notebook, "report", "--week", WEEK, "--unit", "2-2", "--format", "json"
    )
