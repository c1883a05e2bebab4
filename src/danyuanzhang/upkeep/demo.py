"""The sample community: a separate database built from `examples/`, never the user's own."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from danyuanzhang.errors import DyzError
from danyuanzhang.households.rollcall import import_roll
from danyuanzhang.households.roster import import_roster
from danyuanzhang.store import Store
from danyuanzhang.store import registry as reg
from danyuanzhang.text.i18n import join
from danyuanzhang.upkeep import queries

DEMO_COMMUNITY = "芙蓉南路社区"
DEMO_DEVICE = "演示电脑"
DEMO_UNIT = "2-2"
DEMO_ESTATE = "新芙蓉之都"
# whose laptop the demo is: the area head, who chairs the council (examples/roster.csv)
DEMO_PERSON = "李秀兰"
# the week the demo reports on: every section of the weekly report has something in it
DEMO_WEEK = "2026-W46"


def examples_dir() -> Path:
    """`examples/` inside the installed package, or beside `src/` in a source checkout."""
    package = Path(__file__).resolve().parents[1]
    for candidate in (package / "examples", package.parents[1] / "examples"):
        if (candidate / "households.csv").is_file():
            return candidate
    raise DyzError("examples_missing")


def demo_path() -> Path:
    env = os.environ.get("DYZ_DEMO_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("dyz", appauthor=False)) / "demo.db"


def _remove_old_demo(path: Path) -> None:
    if not path.exists():
        return
    store = Store.open(path)
    try:
        is_demo = store.setting("demo") == "1"
    finally:
        store.close()
    if not is_demo:
        raise DyzError("demo_would_overwrite", path=str(path))
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def build_demo(path: Path) -> tuple[Store, dict[str, Any]]:
    """A fresh demo database at `path` (replacing an earlier demo, refusing anything else)."""
    _remove_old_demo(path)
    examples = examples_dir()
    store = Store.open(path)
    store.ensure_device(DEMO_DEVICE)
    store.set_setting("demo", "1")
    store.set_setting("community", DEMO_COMMUNITY)
    from danyuanzhang.store import PERSON

    store.set_setting(PERSON, DEMO_PERSON)
    # the roll as the community keeps it (examples/make_roll_workbook.py), which names its
    # estate only in its title
    roll = import_roll(store, examples / "花名册.xlsx", estate=DEMO_ESTATE)
    import_roster(store, examples / "roster.csv")
    walks = _walks(store, examples / "patrols.csv")
    patrols = _patrols(store, examples / "hazards.csv")
    needs = _petitions(store, examples / "petitions.csv")
    knocks = _visits(store, examples / "visits.csv")
    team = _volunteers(store, examples / "volunteers.csv", examples / "services.csv")
    _mediation(store)
    counts = reg.counts(store)
    by_flag = reg.flag_counts(store)
    summary = {
        "community": DEMO_COMMUNITY,
        "estates": join(roll.estates),
        "households": counts["households"],
        "residents": counts["residents"],
        "roster": counts["roster"],
        "elderly_alone": by_flag.get("elderly_alone", 0),
        "needs_help": by_flag.get("needs_help", 0),
        **patrols,
        **walks,
        **needs,
        **knocks,
        **team,
    }
    return store, summary


def _rows(path: Path) -> list[dict[str, str]]:
    import csv

    from danyuanzhang.households.rollfile import read_text

    return list(csv.DictReader(read_text(path).splitlines()))


@contextmanager
def _by_the_unit_head(store: Store, unit: str) -> Iterator[None]:
    """What the demo records in a unit is the work of its unit head on the roster, as it
    would be on their laptop: the ledgers name people, never the demo's laptop."""
    heads = {r["scope"]: r["name"] for r in reg.roster(store, role="unit_head")}
    before, store.acting_as = store.acting_as, heads.get(unit, DEMO_PERSON)
    try:
        yield
    finally:
        store.acting_as = before


def _patrols(store: Store, path: Path) -> dict[str, int]:
    """A few weeks of patrols: a flying-wire case that comes back, an overdue stairwell."""
    from danyuanzhang.cases import hazards

    for row in _rows(path):
        with _by_the_unit_head(store, row["where"].split()[0]):
            made = hazards.add_hazard(
                store,
                row["kind"],
                row["where"],
                household=row["household"] or None,
                days=int(row["days"]),
                note=row["note"] or None,
                on=row["found_on"],
            )
            for step in filter(None, row["steps"].split(";")):
                name, day = step.split(":")
                hazards.take_step(store, made["id"], name, on=day)
    listed = hazards.list_hazards(store)
    return {
        "hazards": len(listed),
        "hazards_open": sum(1 for h in listed if h["status"] != "verified"),
        "overdue": sum(1 for h in listed if h["overdue"]),
        "recurrences": sum(1 for h in listed if h["recurrence_of"]),
    }


def _walks(store: Store, path: Path) -> dict[str, int]:
    """Weekly fire patrols of the two units, most of them with everything in order, and one
    of building 3 by its building head."""
    from danyuanzhang.cases.patrols import record_patrol

    rows = _rows(path)
    for row in rows:
        where = row["where"]
        problems = [p for p in row["problems"].split(";") if p]
        record_patrol(
            store,
            unit=where if "-" in where else None,
            building=None if "-" in where else where,
            problems=problems,
            all_clear=not problems,
            on=row["on"],
            at=row["at"],
            patroller=row["patroller"],
            days=7,
        )
    return {"patrols": len(rows)}


def _visits(store: Store, path: Path) -> dict[str, int]:
    """Door-knocking in units 2-1 and 2-2 since the summer: the app installed on a second
    visit, a resident found needing help (and the help kept as a need), new tenants not yet
    briefed, who was met where several live."""
    from danyuanzhang.visits import doorstep as visits
    from danyuanzhang.visits.plan import VisitPlan

    rows = _rows(path)
    for row in rows:
        answered = {"yes": True, "no": False}
        visits.record_visit(
            store,
            VisitPlan(
                household=row["household"],
                on=row["on"],
                visitor=row["visitor"],
                outcome=row["outcome"],
                anti_fraud_app=answered.get(row["app"]),
                briefed=row["briefed"] == "yes",
                wellbeing=row["wellbeing"] or None,
                help_needed=("elderly_care", row["help"]) if row["help"] else None,
                met=row["met"].split("、") if row["met"] else None,
                note=row["note"] or None,
            ),
        )
    return {"visits": len(rows)}


def _volunteers(store: Store, team: Path, given: Path) -> dict[str, int]:
    """The volunteer team: an electrician, a maths teacher, a neighbour who helps the old lady
    upstairs, a mediator; their services of November, one of them a need handed over at the
    door and done."""
    from danyuanzhang.cases import assignments, volunteers

    people = _rows(team)
    for row in people:
        volunteers.add_volunteer(
            store,
            row["name"],
            [row["services"]],
            phone=row["phone"] or None,
            household=row["household"] or None,
            area=row["area"] or None,
            available=row["available"] or None,
            note=row["note"] or None,
            estate=DEMO_ESTATE,
        )
    services = _rows(given)
    for row in services:
        if row["need"]:
            need = queries.petition_saying(store, row["need"])
            assignments.assign(store, need, row["volunteer"], on=row["on"])
            assignments.finish(store, need, hours=row["hours"], on=row["on"], note=row["note"])
            continue
        volunteers.add_service(
            store,
            row["volunteer"],
            row["for"],
            row["kind"],
            row["hours"],
            on=row["on"],
            note=row["note"] or None,
            estate=DEMO_ESTATE,
        )
    return {"volunteers": len(people), "services": len(services)}


def _mediation(store: Store) -> None:
    """One dispute mediated to the end: water through 1-1-201's ceiling from the flat above,
    settled by agreement, its follow-up visit still to make."""
    from danyuanzhang.cases import mediation

    need = queries.first_mediation(store)
    mediation.set_dispute(store, need, kind="漏水", parties=["1-1-301"], mediator="周阿姨")
    for step, day, party, note in (
        ("talked", "2026-11-19", "1-1-301", "楼上说卫生间防水层老化，愿意修"),
        ("met", "2026-11-20", None, "两家在社区调解室见面"),
        ("agreed", "2026-11-21", None, "楼上重做防水，楼下吊顶费用两家各半"),
    ):
        mediation.take_mediation_step(store, need, step, on=day, party=party, note=note)


def _petitions(store: Store, path: Path) -> dict[str, int]:
    """Needs from the doorsteps: some settled on the spot, a parking matter raised by three
    households that the council proposes and the office adopts."""
    from danyuanzhang.cases import council, petitions

    made: dict[str, str] = {}
    for row in _rows(path):
        with _by_the_unit_head(store, row["household"].rpartition("-")[0]):
            item = petitions.add_petition(
                store, row["household"], row["category"], row["text"], on=row["raised_on"]
            )
            made[row["label"]] = item["id"]
            if row["link"]:
                petitions.link(store, made[row["link"]], item["id"])
            for step in filter(None, row["steps"].split(";")):
                name, day, *note = step.split(":")
                petitions.take_step(store, item["id"], name, on=day, note=note[0] if note else None)
    proposal = council.propose(
        store, [made["p1"]], "脑科巷施划停车位，早晚加强巡查，违停由交警劝离处罚", on="2026-11-01"
    )
    council.decide(store, proposal["id"], "adopted", note="社区已协调交警和城管", on="2026-11-12")
    petitions.take_step(store, made["p1"], "done", on="2026-11-20")
    listed = petitions.list_petitions(store)
    waiting = council.agenda(store)["matters"]
    return {"petitions": len(listed), "agenda_matters": len(waiting)}
