"""Needs handed to the volunteer team: who could help with one (nearest first), handing it to
one of them, and the service recorded when it is done.

>>> [v["name"] for v in match(store, "3fa2")]  # doctest: +SKIP
['左师傅', '李老师']
>>> assign(store, "3fa2", "左师傅")  # doctest: +SKIP
>>> finish(store, "3fa2", hours="2")  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

from danyuanzhang.errors import DyzError
from danyuanzhang.store import Store
from danyuanzhang.store import volunteers as q
from danyuanzhang.text.ids import short

# how near a volunteer is to a need: where they live or help, against the need's place
SAME_UNIT, SAME_BUILDING, SAME_ESTATE = 0, 1, 2


def service_for(category: str) -> str | None:
    """The service that answers a need of this category, if the team gives one."""
    from danyuanzhang.text.vocab import SERVICE_FOR_CATEGORY

    return SERVICE_FOR_CATEGORY.get(category)


def _nearness(volunteer: Any, home: Any, need: Any) -> int:
    places = [(volunteer["building"], volunteer["unit"])]
    if home is not None:
        places.append((home["building"], home["unit"]))
    if any(b == need["building"] and u == need["unit"] for b, u in places):
        return SAME_UNIT
    if any(b == need["building"] for b, _ in places):
        return SAME_BUILDING
    return SAME_ESTATE


def match(store: Store, petition: str) -> list[dict[str, Any]]:
    """The volunteers of the need's estate who offer the service it asks for, nearest first
    (the same unit, the same building, the estate), each with how near they are."""
    from danyuanzhang.cases.petitions import find_petition

    return candidates(store, find_petition(store, petition))


def candidates(store: Store, need: Any) -> list[dict[str, Any]]:
    """`match` for a need given by its category and place (estate, building, unit): one
    being recorded at the door, too."""
    from danyuanzhang.cases.volunteers import volunteer_json
    from danyuanzhang.store import registry as reg

    wanted = service_for(need["category"])
    if wanted is None:
        return []
    found = []
    for row in q.volunteers(store, [need["estate"]]):
        if wanted not in (row["services"] or "").split(","):
            continue
        home = reg.household(store, row["household_id"]) if row["household_id"] else None
        found.append({**volunteer_json(store, row), "nearness": _nearness(row, home, need)})
    return sorted(found, key=lambda v: (v["nearness"], v["name"], v["id"]))


def assign(store: Store, petition: str, volunteer: str, on: str | None = None) -> dict[str, Any]:
    """Hand a need to a volunteer; one who does not offer the service it asks for is
    warned of (`offered` false), not refused: neighbours help beyond what they signed up for."""
    from danyuanzhang.cases.petitions import describe, find_petition, take_step
    from danyuanzhang.cases.volunteers import find_volunteer
    from danyuanzhang.store.volunteers import names_of

    with store.transaction():
        need = find_petition(store, petition)
        helper = find_volunteer(store, volunteer)
        before = assigned_to(store, [need["id"]]).get(need["id"])
        take_step(store, need["id"], "assigned", on=on, volunteer=helper["id"])
        item = describe(store, [find_petition(store, need["id"])])[0]
    wanted = service_for(need["category"])
    item["volunteer"] = helper["name"]
    item["taken_from"] = (
        names_of(store, [before]).get(before) if before and before != helper["id"] else None
    )
    item["offered"] = wanted is None or wanted in (helper["services"] or "").split(",")
    return item


def assigned_to(store: Store, petition_ids: list[str]) -> dict[str, str]:
    """The volunteer each need was last handed to, by id."""
    return {need: volunteer for need, (volunteer, _) in handovers(store, petition_ids).items()}


def handovers(store: Store, petition_ids: list[str]) -> dict[str, tuple[str, str]]:
    """The last handing of each need to a volunteer, by id: (volunteer id, the day)."""
    from danyuanzhang.store import petitions as qp

    latest: dict[str, tuple[str, str]] = {}
    for event in qp.events_of(store, petition_ids):  # in the order they were taken
        if event["step"] == "assigned" and event["volunteer_id"]:
            latest[event["petition_id"]] = (event["volunteer_id"], event["on_date"])
    return latest


def finish(
    store: Store,
    petition: str,
    hours: str | None = None,
    on: str | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    """Mark a need done; one a volunteer did, given `hours`, also records their service (the
    ledger's row), for the household that asked, of the service the need asked for."""
    from danyuanzhang.cases.petitions import find_petition, take_step
    from danyuanzhang.cases.volunteers import add_service
    from danyuanzhang.store import registry as reg

    with store.transaction():
        need = find_petition(store, petition)
        helper = assigned_to(store, [need["id"]]).get(need["id"])
        if hours is not None and helper is None:
            raise DyzError("hours_without_volunteer", id=short(need["id"]))
        item = take_step(store, need["id"], "done", on=on, note=note)
        if hours is not None and helper is not None:
            served = need["household_id"] and reg.flat_of(store, need["household_id"])
            kind = service_for(need["category"]) or _first_service(store, helper)
            item["service"] = add_service(
                store,
                helper,
                served[0] if served else f"{need['building']}-{need['unit']}",
                kind,
                hours,
                on=item["timeline"][-1]["on"],
                note=note,
                petition=need["id"],
                estate=need["estate"],
            )
    return item


def _first_service(store: Store, volunteer_id: str) -> str:
    row = q.volunteer(store, volunteer_id)
    return str((row["services"] or "repair").split(",")[0])
