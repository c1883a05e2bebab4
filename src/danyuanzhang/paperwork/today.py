"""What is to be done today (今天该做的): first a second knock at a vulnerable flat where
nobody was home; the visits due, the most vulnerable and most overdue first; hazard deadlines
reached or past, and fixes waiting to be re-inspected; needs waiting on the unit head; units
whose fire patrol is due.

>>> plan = today_plan(store, unit="2-2")  # doctest: +SKIP
>>> [v["household"] for v in plan["visits"]][:2]  # doctest: +SKIP
['2-2-301', '2-2-602']
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Literal, TypedDict, cast

from danyuanzhang.store import Store

# the unit head has to act on: settle or carry on (collected), ask the volunteer it was handed to
# (assigned), or go back and close with the resident's word once it is done (done)
WAITING_ON_UNIT_HEAD = ("collected", "assigned", "done")


# What the page reads of each item. The items are the lists' own (visits_due, list_hazards,
# open_petitions, due_patrols, follow_ups_due): they carry their other fields into
# `dyz today --format json` as they are.


class HeldErasures(TypedDict):
    laptop: str
    file: str
    flats: list[str]


class Retry(TypedDict):
    household: str
    household_id: str
    flags: list[str]
    risk: str | None
    not_home_on: str
    retry_by: str


class VisitDue(TypedDict):
    household: str
    household_id: str
    residents: list[str]
    is_due: bool
    # why it is due, as `due_reason` says it
    reason: str
    every_days: int
    never_visited: bool
    last_visit: str | None
    last_attempt: str | None
    last_outcome: str | None
    overdue_days: int
    due_on: str


class HazardToDo(TypedDict):
    id: str
    kind: str
    unit: str
    place: str | None
    todo: Literal["reinspect", "deadline"]
    days_over: int | None  # None: fixed, waiting to be re-inspected


class _NeedWaiting(TypedDict):
    id: str
    status: str
    category: str
    text: str
    household: str | None
    unit: str
    waiting_days: int


class NeedWaiting(_NeedWaiting, total=False):
    volunteer: str  # the need handed to a volunteer (assigned)


class PatrolDue(TypedDict):
    unit: str
    last_patrol: str | None
    days_since: int | None


class FollowUp(TypedDict):
    id: str
    parties: list[str]
    follow_up_on: str


class TodayPlan(TypedDict):
    day: str
    retries: list[Retry]
    no_households: bool
    visits: list[VisitDue]
    hazards: list[HazardToDo]
    needs: list[NeedWaiting]
    patrols: list[PatrolDue]
    follow_ups: list[FollowUp]
    erasures_held: list[HeldErasures]  # another laptop's, waiting for a person


def today_plan(
    store: Store,
    unit: str | None = None,
    building: str | None = None,
    estate: str | None = None,
    on: str | None = None,
    narrow: Callable[[list[Any]], list[Any]] = list,
) -> TodayPlan:
    """What is due on a day in a place; `narrow` keeps what the queries of `unit`,
    `building` and `estate` found to a place they cannot say (an area, several units)."""
    from danyuanzhang.cases.hazards import list_hazards
    from danyuanzhang.cases.patrols import due_patrols
    from danyuanzhang.cases.petitions import open_petitions
    from danyuanzhang.text.inputs import day_or_today
    from danyuanzhang.visits.doorstep import retries, visits_due

    day = day_or_today(on)
    as_of = date.fromisoformat(day)
    every = narrow(
        visits_due(store, unit=unit, building=building, estate=estate, on=day, retrying=True)
    )
    visits: list[VisitDue] = [v for v in every if v["is_due"]]
    hazards: list[HazardToDo] = []
    for item in narrow(
        list_hazards(store, estate=estate, unit=unit, building=building, open_only=True, on=day)
    ):
        if item["status"] == "rectified":
            hazards.append(cast(HazardToDo, {**item, "todo": "reinspect", "days_over": None}))
        elif item["due"] and item["due"] <= day:
            over = (as_of - date.fromisoformat(item["due"])).days
            hazards.append(cast(HazardToDo, {**item, "todo": "deadline", "days_over": over}))
    hazards.sort(key=lambda h: (h["todo"] != "deadline", -(h["days_over"] or 0)))
    needs = [
        cast(
            NeedWaiting,
            {**item, "waiting_days": (as_of - date.fromisoformat(item["raised_on"])).days},
        )
        for item in narrow(open_petitions(store, estate=estate, unit=unit, building=building))
        if item["status"] in WAITING_ON_UNIT_HEAD
    ]
    needs.sort(key=lambda n: (n["status"] != "done", -n["waiting_days"]))
    handed = [n["id"] for n in needs if n["status"] == "assigned"]
    if handed:
        from danyuanzhang.cases.assignments import handovers
        from danyuanzhang.store.volunteers import names_of

        helpers = handovers(store, handed)
        names = names_of(store, [volunteer for volunteer, _ in helpers.values()])
        for need in needs:
            if need["id"] in helpers:
                volunteer, on = helpers[need["id"]]
                need["volunteer"] = names.get(volunteer) or "—"
                need["waiting_days"] = (as_of - date.fromisoformat(on)).days
    patrols: list[PatrolDue] = narrow(
        due_patrols(store, estate=estate, on=day, unit=unit, building=building)
    )
    from danyuanzhang.cases.mediation import follow_ups_due

    def here(item: dict[str, Any]) -> bool:
        building_of, _, unit_of = item["unit"].partition("-")
        return (
            (estate is None or item["estate"] == estate)
            and (building is None or building_of == building)
            and (unit is None or item["unit"] == unit)
        )

    follow_ups: list[FollowUp] = narrow(follow_ups_due(store, day, here))
    from danyuanzhang.store.registry import has_households
    from danyuanzhang.sync.erasures import held_by_file

    return {
        "day": day,
        "retries": cast("list[Retry]", retries(every)),
        "no_households": not has_households(store),
        "visits": visits,
        "hazards": hazards,
        "needs": needs,
        "patrols": patrols,
        "follow_ups": follow_ups,
        "erasures_held": cast("list[HeldErasures]", held_by_file(store)),
    }
