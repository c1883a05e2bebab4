"""Years of a notebook's life, written through the change log as the commands write it (the
store's own `put_new`), so that `dyz doctor` passes on the result: visits, hazards with their
steps, needs with theirs, and fire patrols, spread over the households already on the roll.

Older records have mostly run their course (a hazard verified, a need resolved or closed), as
in a community that works through its notebook; a few stay open for good, and those of the
last weeks are at every stage. Used by benchmarks/due.py and benchmarks/report.py.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

# per household and year, as on the district of issue 37: 1,000,000 visits, 200,000 hazards
# and 200,000 needs for 100,000 households in six years
VISITS_A_YEAR = 10 / 6
HAZARDS_A_YEAR = 2 / 6
NEEDS_A_YEAR = 2 / 6
KINDS = ["flying_wire", "blocked_exit", "ebike_indoor", "extinguisher", "emergency_light"]
CATEGORIES = ["parking", "repair", "elderly_care", "environment", "safety"]
# the steps a record of the last weeks has taken, and those of an older one
HAZARD_PATHS = [["notified", "rectified", "verified"], ["notified"], [], ["notified", "rectified"]]
VERIFIED_HAZARDS = [["notified", "rectified", "verified"], ["rectified", "verified"]]
NEED_PATHS = [["resolved"], ["escalated"], [], ["resolved", "closed"]]
SETTLED_NEEDS = [["resolved"], ["resolved", "closed"], ["escalated", "resolved", "closed"]]
STILL_OPEN = 0.03  # of the older records
RECENT = 28  # days: records this young are at every stage
AT_ONCE = 20_000  # records written in one transaction
PATROLLED = 90  # days between the fire patrols of a unit


def add_history(path: Path, first: date, last: date, seed: int, share: float = 1.0) -> None:
    """`share` of the usual visits, hazards and needs between `first` and `last` (both days
    included) for the households of the notebook at `path`, and a fire patrol of each unit
    every PATROLLED days."""
    from danyuanzhang.store import Store, new_id

    rng = random.Random(seed)
    store = Store.open(path)
    try:
        store.ensure_device("benchmark")
        homes = store.conn.execute(
            "SELECT id, estate, building, unit FROM households ORDER BY id"
        ).fetchall()
        days = (last - first).days + 1
        years = days / 365 * share

        def day() -> date:
            return first + timedelta(days=rng.randrange(days))

        def count(per_year: float) -> int:
            return int(len(homes) * per_year * years)

        visits = []
        for _ in range(count(VISITS_A_YEAR)):
            home = rng.choice(homes)
            visits.append(
                ("visit", new_id(), {
                    "household": home["id"], "estate": home["estate"],
                    "building": home["building"], "unit": home["unit"],
                    "on": day().isoformat(), "kind": "door", "visitor": "单元长",
                    "outcome": rng.choice(["met", "met", "met", "not_home", "declined"]),
                })
            )  # fmt: skip
            if len(visits) == AT_ONCE:
                _write(store, visits)
                visits = []
        _write(store, visits)
        cases: list[tuple[str, str, dict[str, Any]]] = []
        steps: list[tuple[str, str, dict[str, Any]]] = []
        for _ in range(count(HAZARDS_A_YEAR)):
            home, found = rng.choice(homes), day()
            hazard_id = new_id()
            cases.append(
                ("hazard", hazard_id, {
                    "household": home["id"], "estate": home["estate"],
                    "building": home["building"], "unit": home["unit"],
                    "kind": rng.choice(KINDS), "place": "楼道",
                    "found_on": found.isoformat(),
                    "due": (found + timedelta(days=7)).isoformat(),
                })
            )  # fmt: skip
            paths = _paths(rng, found, last, HAZARD_PATHS, VERIFIED_HAZARDS)
            steps += _steps(rng, "hazard_event", "hazard", hazard_id, found, last, paths)
            if len(cases) == AT_ONCE:
                _write(store, cases + steps)
                cases, steps = [], []
        _write(store, cases + steps)
        cases, steps = [], []
        for _ in range(count(NEEDS_A_YEAR)):
            home, raised = rng.choice(homes), day()
            need_id = new_id()
            cases.append(
                ("petition", need_id, {
                    "household": home["id"], "estate": home["estate"],
                    "building": home["building"], "unit": home["unit"],
                    "category": rng.choice(CATEGORIES), "text": "楼道灯坏了",
                    "raised_on": raised.isoformat(),
                })
            )  # fmt: skip
            paths = _paths(rng, raised, last, NEED_PATHS, SETTLED_NEEDS)
            steps += _steps(rng, "petition_event", "petition", need_id, raised, last, paths)
            if len(cases) == AT_ONCE:
                _write(store, cases + steps)
                cases, steps = [], []
        _write(store, cases + steps)
        units = sorted({(h["estate"], h["building"], h["unit"]) for h in homes})
        walked = first + timedelta(days=rng.randrange(PATROLLED))
        patrols = []
        while walked <= last:
            for estate, building, unit in units:
                if rng.random() < share:
                    patrols.append(
                        ("patrol", new_id(), {
                            "estate": estate, "building": building, "unit": unit,
                            "on": walked.isoformat(), "at": "10:00", "patroller": "单元长",
                        })
                    )  # fmt: skip
            walked += timedelta(days=PATROLLED)
        _write(store, patrols)
    finally:
        store.close()


def _paths(
    rng: random.Random, on: date, last: date, recent: list[list[str]], older: list[list[str]]
) -> list[str]:
    young = (last - on).days < RECENT
    return rng.choice(recent if young or rng.random() < STILL_OPEN else older)


def _steps(
    rng: random.Random,
    entity: str,
    parent: str,
    record: str,
    on: date,
    last: date,
    path: Sequence[str],
) -> list[tuple[str, str, dict[str, Any]]]:
    """Each step of `path` a day or a few after the one before, none after `last`."""
    from danyuanzhang.store import new_id

    made = []
    for step in path:
        on = min(on + timedelta(days=rng.randint(1, 5)), last)
        fields: dict[str, Any] = {parent: record, "step": step, "on": on.isoformat()}
        if step == "escalated":
            fields["to"] = "council"
        if step == "resolved":
            fields["note"] = "已处理"
        if step == "closed":
            fields["confirmed"] = True
        made.append((entity, new_id(), fields))
    return made


def _write(store: Any, records: list[tuple[str, str, dict[str, Any]]]) -> None:
    """In one transaction, each record before the steps taken on it (all of one entity
    together, as the store wants them)."""
    order = {"visit": 0, "hazard": 1, "petition": 2, "patrol": 3}
    records.sort(key=lambda made: order.get(made[0], 4))
    with store.transaction():
        store.put_new(records)
