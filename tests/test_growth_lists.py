"""Lists, ledgers and duplicates do work that grows with what they show, not with the years in
the notebook (DESIGN.md, issue 37): each command, at unit, building and estate scope, on a
notebook with four years of history may do at most `GROWTH` times the work it does with one.

Three notebooks, each built twice (one year, then three more):

- `earlier`: the history is inside the scope measured (unit 2-2, building 2, the estate): the
  years before this month's visits, hazards found and verified, needs raised and carried to
  the council, disputes, patrols, volunteers' services, tenants who moved in and out. It is
  measured with what shows a month, or what is still open or current.
- `elsewhere`: the same history at another estate, for the lists that show everything their
  scope ever had (`hazard list`, `petition list`).
- `people`: `earlier` without the needs, for `duplicates`: it compares the residents living
  now (those who moved out are history), but a household's needs of every year with each
  other, as it must to find two alike, so its work grows with the needs ever raised (a step
  through the index `petitions_by_household` each, and a look at the few within 14 days
  after it) and with nothing else.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from danyuanzhang.cli import app
from danyuanzhang.store import Store
from tests.work import counted, counted_on

GROWTH = 1.3
ESTATE = "新芙蓉之都"
OTHER_ESTATE = "东塘小区"
MONTH = ("--from", "2026-11-01", "--to", "2026-11-30")
LEDGERS = (
    "visits", "hazards", "patrols", "needs", "care", "antifraud", "moves", "volunteers",
    "mediation", "council",
)  # fmt: skip
SCOPES = {
    "unit": ("--unit", "2-2"),
    "building": ("--building", "2"),
    "estate": ("--estate", ESTATE),
}


def run(db: Path, *args: str) -> Any:
    result = CliRunner().invoke(
        app, ["--db", str(db), *args], catch_exceptions=False, prog_name="dyz"
    )
    assert result.exit_code == 0, (args, result.stdout, result.stderr)
    return result


def this_month(db: Path) -> None:
    """What the commands show: unit 2-2's flats and residents, and November's visits with a
    hazard and a need each, a patrol and a dispute, with a flat of another unit and of another
    building beside them."""
    run(db, "init", "--community", "芙蓉南路社区", "--device-name", "王建国的电脑")
    for flat in ("2-2-301", "2-2-302", "2-2-401", "2-2-402", "2-1-301", "3-1-301"):
        run(db, "household", "add", flat, "--estate", ESTATE)
    run(db, "household", "add", "1-1-101", "--estate", OTHER_ESTATE)
    for flat, name, phone in (
        ("2-2-301", "刘桂英", "13812345678"),
        ("2-2-301", "刘桂瑛", None),
        ("2-2-302", "王建国", "13912345678"),
        ("2-2-401", "赵磊", "13912345678"),
        ("2-1-301", "李秀兰", None),
    ):
        extra = ("--phone", phone) if phone else ()
        run(
            db,
            "resident",
            "add",
            flat,
            "--name",
            name,
            "--estate",
            ESTATE,
            "--born",
            "1950",
            *extra,
        )
    for day, flat in (
        ("2026-11-03", "2-2-301"),
        ("2026-11-10", "2-2-302"),
        ("2026-11-17", "2-1-301"),
    ):
        run(
            db, "visit", "add", flat, "--estate", ESTATE, "--on", day,
            "--need", "维修:门锁坏了", "--hazard", "飞线充电:窗外充电", "--anti-fraud-app", "yes",
        )  # fmt: skip
    from danyuanzhang.cases.patrols import record_patrol
    from danyuanzhang.cases.petitions import add_petition
    from danyuanzhang.cases.volunteers import add_service, add_volunteer

    store = Store.open(db)
    try:
        record_patrol(store, unit="2-2", all_clear=True, on="2026-11-06", estate=ESTATE)
        add_volunteer(store, "张志愿", ["repair"], area="2-2", estate=ESTATE)
        add_service(store, "张志愿", "2-2-301", "repair", "2", on="2026-11-08", estate=ESTATE)
        add_petition(store, "2-2-302", "mediation", "楼上噪音", on="2026-11-12", estate=ESTATE)
        carried_up(
            store,
            add_petition(store, "2-2-401", "维修", "路灯坏了", on="2026-11-20", estate=ESTATE),
        )
    finally:
        store.close()
    run(db, "household", "list")  # the day's bookkeeping, done before anything is counted


def carried_up(store: Store, need: dict[str, Any]) -> None:
    """A need taken to the council and proposed there the next day."""
    from danyuanzhang.cases.council import propose
    from danyuanzhang.cases.petitions import find_petition, take_step

    raised = find_petition(store, need["id"])["raised_on"]
    take_step(store, need["id"], "escalated", on=raised, to="council")
    day = (date.fromisoformat(raised) + timedelta(days=1)).isoformat()
    propose(store, [need["id"]], f"建议修好{need['id'][:4]}", on=day)


def history(db: Path, first_year: int, years: int, estate: str, needs: bool = True) -> None:
    """Years of a stairwell's life at `estate`, written by the package's own functions: visits
    to each flat, hazards found and verified, needs raised (unless not `needs`), residents
    come and gone."""
    from danyuanzhang.cases.hazards import take_step as hazard_step
    from danyuanzhang.cases.patrols import record_patrol
    from danyuanzhang.cases.petitions import add_petition
    from danyuanzhang.cases.volunteers import add_service
    from danyuanzhang.households.registry import add_resident, move_out
    from danyuanzhang.visits.doorstep import record_visit
    from danyuanzhang.visits.plan import Need, VisitPlan

    store = Store.open(db)
    try:
        flats = ("2-2-301", "2-2-302", "2-2-401", "2-1-301", "3-1-301")
        if estate != ESTATE:
            flats = ("1-1-101",)
        for year in range(first_year, first_year + years):
            for month in range(1, 13):
                on = f"{year}-{month:02}-05"
                for number, flat in enumerate(flats):
                    plan = VisitPlan(household=flat, estate=estate, on=on, briefed=True)
                    if (month + number) % len(flats) == 0:  # a need and a hazard, now and then
                        if needs:
                            plan.needs = [Need("维修", f"楼道灯坏了{year}{month}")]
                        plan.hazards = [("飞线充电", "窗外充电")]
                    made = record_visit(store, plan)
                    for need in made["needs"]:
                        carried_up(store, need)
                    for found in made["hazards"]:
                        for step, day in (("notified", 6), ("rectified", 8), ("verified", 9)):
                            hazard_step(store, found["id"], step, on=f"{year}-{month:02}-{day:02}")
                record_patrol(store, unit=flats[0][:3], all_clear=True, on=on, estate=estate)
                if estate == ESTATE:
                    add_service(store, "张志愿", flats[0], "repair", "1", on=on, estate=estate)
                if month % 2:
                    continue
                if needs:  # a dispute between neighbours, now and then
                    add_petition(
                        store, flats[0], "mediation", f"噪音{year}{month}", on=on, estate=estate
                    )
                for tenant in range(4):  # tenants come and go at the flat let out
                    arrived = add_resident(
                        store,
                        "2-2-402" if estate == ESTATE else flats[0],
                        f"租客{year}{month}{tenant}",
                        estate=estate,
                        phone=f"137{year}{month:02}{tenant:02}",
                        moved_in=on,
                    )
                    move_out(store, arrived["id"], on=f"{year}-{month:02}-20")
    finally:
        store.close()


def built(tmp: Path, name: str, first_year: int, years: int, base: Path | None = None) -> Path:
    db = tmp / f"{name}-{years}.db"
    if base is None:
        this_month(db)
    else:
        db.write_bytes(base.read_bytes())
    history(
        db, first_year, years, OTHER_ESTATE if name == "elsewhere" else ESTATE, name != "people"
    )
    return db


@pytest.fixture(scope="module")
def notebooks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, tuple[Path, Path]]]:
    """{'earlier' | 'elsewhere' | 'people': (one year's notebook, four years')}."""
    tmp = tmp_path_factory.mktemp("growth")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DYZ_LANG", "zh")
        patch.setenv("XDG_DATA_HOME", str(tmp / "xdg"))
        patch.setenv("COLUMNS", "80")
        patch.setenv("NO_COLOR", "1")
        made = {}
        for name in ("earlier", "elsewhere", "people"):
            one = built(tmp, name, 2025, 1)
            four = built(tmp, name, 2022, 3, base=one)
            made[name] = (one, four)
        yield made


def work(monkeypatch: pytest.MonkeyPatch, db: Path, *args: str) -> tuple[int, str]:
    with counted(monkeypatch) as counter:
        result = run(db, *args)
    return counter.steps, result.stdout


def grows_with_what_it_shows(
    monkeypatch: pytest.MonkeyPatch, notebooks: tuple[Path, Path], *args: str
) -> None:
    one_year, four_years = notebooks
    before, shown_before = work(monkeypatch, one_year, *args, "--format", "json")
    after, shown_after = work(monkeypatch, four_years, *args, "--format", "json")
    assert shown_after == shown_before  # the history is not what the command shows
    assert after / before <= GROWTH, (args, before, after, round(after / before, 2))


CASES: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []  # (notebook, command, scope)
for scope in SCOPES:
    if scope != "building":  # `visit list` and `petition list` take a unit or an estate
        CASES += [
            ("earlier", ("visit", "list", *MONTH), SCOPES[scope]),
            ("elsewhere", ("petition", "list"), SCOPES[scope]),
            ("earlier", ("hazard", "list", "--open"), SCOPES[scope]),
            ("elsewhere", ("hazard", "list"), SCOPES[scope]),
        ]
    CASES.append(("earlier", ("household", "list"), SCOPES[scope]))
    for kind in LEDGERS:
        CASES.append(("earlier", ("ledger", kind, *MONTH), SCOPES[scope]))
CASES += [
    ("earlier", ("household", "show", "2-2-301", "--estate", ESTATE), ()),
    ("people", ("duplicates",), ()),
]


@pytest.mark.parametrize(
    ("notebook", "command", "scope"),
    CASES,
    ids=[f"{n}:{' '.join(c[:3])}{' ' + s[0] if s else ''}" for n, c, s in CASES],
)
def test_a_list_grows_with_what_it_shows(
    notebooks: dict[str, tuple[Path, Path]],
    monkeypatch: pytest.MonkeyPatch,
    notebook: str,
    command: tuple[str, ...],
    scope: tuple[str, ...],
) -> None:
    grows_with_what_it_shows(monkeypatch, notebooks[notebook], *command, *scope)


@pytest.mark.parametrize("scope", ["unit", "building", "estate"])
def test_hazards_of_a_building_grow_with_what_they_show(
    notebooks: dict[str, tuple[Path, Path]], scope: str
) -> None:
    """`hazard list` has no --building; the domain call has, and the report uses it."""
    from danyuanzhang.cases.hazards import list_hazards

    place: dict[str, Any] = {
        "unit": {"unit": "2-2"},
        "building": {"building": "2"},
        "estate": {"estate": ESTATE},
    }[scope]
    steps = []
    for db in notebooks["earlier"]:
        store = Store.open(db)
        try:
            counter = counted_on(store.conn)
            listed = list_hazards(store, open_only=True, **place)
            steps.append(counter.steps)
        finally:
            store.close()
        assert listed
    assert steps[1] / steps[0] <= GROWTH, steps


def test_the_history_is_there(notebooks: dict[str, tuple[Path, Path]]) -> None:
    """The four-year notebooks hold four times the history of the one-year ones."""
    import sqlite3

    for one, four in notebooks.values():
        counts = []
        for db in (one, four):
            conn = sqlite3.connect(db)
            counts.append(conn.execute("SELECT count(*) FROM visits").fetchone()[0])
            conn.close()
        assert counts[1] - 3 >= 3.5 * (counts[0] - 3), counts


def test_a_visit_shows_what_it_raised_without_the_units_history(
    notebooks: dict[str, tuple[Path, Path]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`visit show` of a visit that found a hazard says whether it repeats an earlier one: the
    rule looks at the unit's hazards of that kind verified within its window, not at every one
    the unit ever had with all their steps."""
    one_year = notebooks["earlier"][0]
    listed = run(one_year, "visit", "list", "--unit", "2-2", *MONTH, "--format", "json")
    visit = next(v for v in json.loads(listed.stdout) if v["household"] == "2-2-301")
    grows_with_what_it_shows(monkeypatch, notebooks["earlier"], "visit", "show", visit["id"][:8])
