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
from typing import TYPE_CHECKING, Any, cast

from danyuanzhang.store import Store

if TYPE_CHECKING:
    # for the type checker alone: at run time the plan is plain dicts, and creating these
    # classes cost `dyz today` about half a millisecond of start-up
    from danyuanzhang.paperwork.today_shape import (
        FollowUp,
        HazardToDo,
        HeldErasures,
        NeedWaiting,
        PatrolDue,
        Retry,
        TodayPlan,
        VisitDue,
    )

# the unit head has to act on: settle or carry on (collected), ask the volunteer it was handed to
# (assigned), or go back and close with the resident's word once it is done (done)
WAITING_ON_UNIT_HEAD = ("collected", "assigned", "done")


def today_plan(
    store: Store,
    unit: str | None = None,
    building: str | None = None,
    estate: str | None = None,
    on: str | None = None,
    narrow: Callable[[list[Any]], list[Any]] = list,
    whole: bool = True,
) -> TodayPlan:
    """What is due on a day in a place; `narrow` keeps what the queries of `unit`,
    `building` and `estate` found to a place they cannot say (an area, several units).
    Without `whole`, only what the screen shows: not the earlier hazard each one repeats,
    which a district's open hazards took a second to look up."""
    from danyuanzhang.cases.hazards import list_hazards
    from danyuanzhang.cases.patrol_due import due_patrols
    from danyuanzhang.cases.petitions import open_petitions
    from danyuanzhang.text.inputs import day_or_today
    from danyuanzhang.visits.due import retries, visits_due

    day = day_or_today(on)
    as_of = date.fromisoformat(day)
    every = narrow(
        visits_due(store, unit=unit, building=building, estate=estate, on=day, retrying=True)
    )
    visits: list[VisitDue] = [v for v in every if v["is_due"]]
    hazards: list[HazardToDo] = []
    for item in narrow(
        list_hazards(
            store,
            estate=estate,
            unit=unit,
            building=building,
            open_only=True,
            on=day,
            with_recurrence=whole,
        )
    ):
        if item["status"] == "rectified":
            hazards.append(cast("HazardToDo", {**item, "todo": "reinspect", "days_over": None}))
        elif item["due"] and item["due"] <= day:
            over = (as_of - date.fromisoformat(item["due"])).days
            hazards.append(cast("HazardToDo", {**item, "todo": "deadline", "days_over": over}))
    hazards.sort(key=lambda h: (h["todo"] != "deadline", -(h["days_over"] or 0)))
    needs = [
        cast(
            "NeedWaiting",
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
