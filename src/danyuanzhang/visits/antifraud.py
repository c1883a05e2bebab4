"""The anti-fraud watch (反诈): which households have the national anti-fraud app (国家反诈中心)
and were briefed on scams, and who moved in without a briefing (`dyz antifraud`, the report).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from danyuanzhang.store import Store, stored_bool
from danyuanzhang.store import visits as q
from danyuanzhang.system.tuples import Record
from danyuanzhang.text import words
from danyuanzhang.text.inputs import day_or_today


class AntiFraudState(Record):
    home: dict[str, Any]
    residents: list[Any]
    app_installed: bool
    last_briefed: str | None

    def briefed_since(self, day: str) -> bool:
        return self.last_briefed is not None and self.last_briefed >= day


def anti_fraud_state(store: Store, homes: list[dict[str, Any]], day: str) -> list[AntiFraudState]:
    """The households with residents on record, each with whether the national anti-fraud
    app (国家反诈中心) was installed by `day` (its latest answer) and the last day it was
    briefed on scams. `dyz antifraud` and the weekly report both count from this."""
    from danyuanzhang.store import report as rq

    people: dict[str, list[Any]] = {}
    for resident in q.current_residents(store, [h["id"] for h in homes]):
        people.setdefault(resident["household_id"], []).append(resident)
    lived_in = [h for h in homes if people.get(h["id"])]
    answers = rq.anti_fraud_answers(store, [h["id"] for h in lived_in], day)
    return [
        AntiFraudState(
            home,
            people[home["id"]],
            bool(stored_bool(answers[home["id"]][0])),
            answers[home["id"]][1],
        )
        for home in lived_in
    ]


def anti_fraud(
    store: Store,
    by: str = "unit",
    estate: str | None = None,
    building: str | None = None,
    unit: str | None = None,
    on: str | None = None,
) -> dict[str, Any]:
    """For each unit (or building): households with residents on record, how many have the
    app, how many were briefed on scams, and who moved in recently without a briefing."""
    from danyuanzhang.core import config
    from danyuanzhang.households.registry import list_households

    by = words.GROUP_BY.parse(by)
    day = day_or_today(on)
    recent = (
        date.fromisoformat(day)
        - timedelta(days=int(config.value(store, "antifraud.new_arrival_days")))
    ).isoformat()
    homes = list_households(store, estate=estate, building=building, unit=unit)

    def key_of(home: dict[str, Any]) -> tuple[str, str]:
        place = home["building"] if by == "building" else f"{home['building']}-{home['unit']}"
        return home["estate"], place

    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for home in homes:
        key = key_of(home)
        groups.setdefault(
            key,
            {
                "estate": key[0],
                by: key[1],
                "households": 0,
                "app_installed": 0,
                "briefed": 0,
                "move_ins_unbriefed": [],
            },
        )
    for state in anti_fraud_state(store, homes, day):
        home = state.home
        group = groups[key_of(home)]
        group["households"] += 1
        group["app_installed"] += state.app_installed
        group["briefed"] += state.last_briefed is not None
        for resident in state.residents:
            moved_in = resident["moved_in"]
            if moved_in and recent <= moved_in <= day and not state.briefed_since(moved_in):
                group["move_ins_unbriefed"].append(
                    {"household": home["ref"], "name": resident["name"], "moved_in": moved_in}
                )
    rows = list(groups.values())
    totals = {
        "households": sum(g["households"] for g in rows),
        "app_installed": sum(g["app_installed"] for g in rows),
        "briefed": sum(g["briefed"] for g in rows),
        "move_ins_unbriefed": sum(len(g["move_ins_unbriefed"]) for g in rows),
    }
    return {"on": day, "by": by, "groups": rows, "totals": totals}
