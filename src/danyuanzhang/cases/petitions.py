"""Needs (入户问需) carried from a doorstep: settled on the spot, or escalated towards the
council and the office, and closed when done.

The path: collected → resolved on the spot, or escalated (to the building head, the area head,
the council) → proposed → adopted / declined → done → closed. Each step is a record of its
own, like a hazard's, and the status is read from the steps in clock order.

>>> add_petition(store, "2-2-301", category="停车", text="脑科巷停车乱")  # doctest: +SKIP
>>> take_step(store, "3fa2", "escalated", to="council")  # doctest: +SKIP
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from danyuanzhang.errors import DyzError
from danyuanzhang.households.registry import find_household, household_json
from danyuanzhang.households.scopes import choose_estate
from danyuanzhang.store import Store, new_id, stored_bool
from danyuanzhang.store import petitions as q
from danyuanzhang.store import registry as reg
from danyuanzhang.text.inputs import day_it_happened, parse_free_text, place_of

# what each step may follow; proposed/adopted/declined are the council's (dyz council ...)
STEPS_FROM = {
    # settled by the unit head at the door, or later by the mediator after all (an agreement
    # reached in a dispute the council was to hear: dyz mediation step … 达成协议)
    "resolved": ("collected", "escalated"),
    "escalated": ("collected", "escalated"),
    "proposed": ("escalated",),
    "adopted": ("proposed",),
    "declined": ("proposed",),
    # handed to a volunteer of the team (dyz petition assign), or to another one
    "assigned": ("collected", "escalated", "assigned"),
    "done": ("adopted", "assigned"),
    "closed": ("resolved", "done", "declined"),
    # entered by mistake: withdrawn from wherever it stands, and nothing follows
    "withdrawn": (
        "collected", "resolved", "escalated", "proposed", "adopted", "declined", "done", "closed",
        "assigned",
    ),
}  # fmt: skip


def parse_category(text: str) -> str:
    from danyuanzhang.text.words import PETITION_CATEGORY

    return PETITION_CATEGORY.parse(text)


def add_petition(
    store: Store,
    ref: str,
    category: str,
    text: str,
    on: str | None = None,
    estate: str | None = None,
    visit: str | None = None,
) -> dict[str, Any]:
    code = parse_category(category)
    words = parse_free_text(text)
    if not words:
        raise DyzError("empty_petition")
    day = day_it_happened(on)
    with store.transaction():
        home = find_household(store, ref, estate)
        petition_id = new_id()
        store.put(
            "petition",
            petition_id,
            {
                "household": home["id"],
                "estate": home["estate"],
                "building": home["building"],
                "unit": home["unit"],
                "category": code,
                "text": words,
                "raised_on": day,
                **({"visit": visit} if visit else {}),
            },
            new=True,
        )
        return describe(store, [q.petition(store, petition_id)])[0]


def find_petition(store: Store, id_prefix: str) -> Any:
    return q.petition(store, store.resolve_prefix("petitions", id_prefix, "petition_not_found"))


def take_step(  # noqa: PLR0913
    store: Store,
    id_prefix: str,
    step: str,
    on: str | None = None,
    note: str | None = None,
    to: str | None = None,
    confirmed: bool = False,
    volunteer: str | None = None,
    satisfaction: str | None = None,
) -> dict[str, Any]:
    """Record a step; refuse one that does not follow from where the petition stands.
    `volunteer`: the id of the one an `assigned` need is handed to (assignments.assign)."""
    day = day_it_happened(on)
    with store.transaction():
        row = find_petition(store, id_prefix)
        current = describe(store, [row])[0]
        from danyuanzhang.core.lifecycle import refuse_unless_follows
        from danyuanzhang.text.vocab import PETITION_STATUSES

        refuse_unless_follows(
            current["status"], step, STEPS_FROM, PETITION_STATUSES, "petition_refused"
        )
        if day < row["raised_on"]:
            raise DyzError("step_before_raised", on=day, raised=row["raised_on"])
        fields: dict[str, Any] = {"petition": row["id"], "step": step, "on": day}
        if step == "escalated":
            from danyuanzhang.text.words import ESCALATION

            fields["to"] = ESCALATION.parse(to or "council")
        if step == "resolved" and not note:
            raise DyzError("resolve_needs_note")
        if note:
            fields["note"] = parse_free_text(note)
        if step == "closed":
            fields["confirmed"] = confirmed
            if satisfaction is not None:
                from danyuanzhang.text.words import SATISFACTION

                fields["satisfaction"] = SATISFACTION.parse(satisfaction)
        if step == "assigned":
            assert volunteer is not None
            fields["volunteer"] = volunteer
        store.put("petition_event", new_id(), fields, new=True)
        keep_up_to_date(store, {row["id"]}, day)
        return describe(store, [q.petition(store, row["id"])], with_timeline=True)[0]


def withdraw(store: Store, id_prefix: str, reason: str, on: str | None = None) -> dict[str, Any]:
    """Withdraw a petition entered by mistake: it leaves every list and count, and its
    history (this step and its reason among them) stays."""
    if not parse_free_text(reason or ""):
        raise DyzError("withdraw_needs_reason")
    return take_step(store, id_prefix, "withdrawn", on=on, note=reason)


def escalate(
    store: Store,
    id_prefix: str,
    to: str | None = None,
    on: str | None = None,
    note: str | None = None,
) -> tuple[dict[str, Any], list[str]]:
    """Carry a need up, and with it every need joined to it (`petition link`) that is still
    only collected: one matter goes to the council as one, its households counted once each.
    Gives the need and the ids of the others carried with it."""
    with store.transaction():
        item = take_step(store, id_prefix, "escalated", on=on, note=note, to=to)
        return item, _carry_matter(store, item["id"], item["escalated_to"], on)


def _carry_matter(store: Store, petition_id: str, to: str, on: str | None) -> list[str]:
    """The collected needs of this one's matter, escalated to where it went."""
    others = sorted(matter_of(store, petition_id) - {petition_id})
    carried = []
    for other in describe(store, [q.petition(store, i) for i in others]):
        if other["status"] == "collected":
            take_step(store, other["id"], "escalated", on=on, to=to)
            carried.append(other["id"])
    return carried


def link(store: Store, first: str, second: str) -> tuple[str, str, list[str]]:
    """Join two households' petitions on one matter: the agenda counts households, not lines.
    A need joined to one already carried up goes up with it (the ids of those it carried)."""
    with store.transaction():
        a, b = find_petition(store, first), find_petition(store, second)
        if a["id"] == b["id"]:
            raise DyzError("link_itself")
        if b["id"] in q.links_of(store, a["id"]):
            raise DyzError("already_linked")
        store.put("petition_link", new_id(), {"petition": a["id"], "other": b["id"]}, new=True)
        from danyuanzhang.text.inputs import today

        keep_up_to_date(store, {a["id"], b["id"]}, today())
        carried: list[str] = []
        for item in describe(store, [a, b]):
            if item["status"] == "escalated" and item["escalated_to"]:
                carried = _carry_matter(store, item["id"], item["escalated_to"], None)
                break
        return a["id"], b["id"], carried


def matter_of(store: Store, petition_id: str) -> set[str]:
    """Every petition joined to this one, through links of links."""
    seen, pending = {petition_id}, [petition_id]
    while pending:
        for other in q.links_of(store, pending.pop()):
            if other not in seen:
                seen.add(other)
                pending.append(other)
    return seen


def _households_of(store: Store, petition_ids: set[str]) -> int:
    """How many households raised a matter, as the agenda counts them: a petition of no
    household (a unit's stairwell) counts as one."""
    rows = q.petitions_by_id(store, sorted(petition_ids))
    return len({r["household_id"] or f"unit:{r['id']}" for r in rows})


def _status(events: list[Any]) -> tuple[str, list[Any]]:
    from danyuanzhang.core.lifecycle import follow

    return follow("collected", events, STEPS_FROM)


def describe(
    store: Store, rows: list[Any], with_timeline: bool = False, as_of: str | None = None
) -> list[dict[str, Any]]:
    """Petitions as JSON objects; with `as_of`, as they stood at the end of that day."""
    ids = [r["id"] for r in rows]
    events: dict[str, list[Any]] = {i: [] for i in ids}
    for event in q.events_of(store, ids):
        if as_of is None or event["on_date"] <= as_of:
            events[event["petition_id"]].append(event)
    homes = reg.households_by_id(store, [r["household_id"] for r in rows if r["household_id"]])
    result = []
    for row in rows:
        status, taken = _status(events[row["id"]])
        home = homes.get(row["household_id"])
        item: dict[str, Any] = {
            "id": row["id"],
            "status": status,
            "category": row["category"],
            "unit": f"{row['building']}-{row['unit']}",
            "household": household_json(home)["ref"] if home is not None else None,
            "estate": row["estate"],
            "text": row["text"],
            "raised_on": row["raised_on"],
            "escalated_to": next(
                (e["escalated_to"] for e in reversed(taken) if e["step"] == "escalated"), None
            ),
            "linked": sorted(matter_of(store, row["id"]) - {row["id"]}),
        }
        item["households"] = _households_of(store, {row["id"], *item["linked"]})
        if with_timeline:
            from danyuanzhang.store.ledgers import creators

            collector = creators(store, "petition", "raised_on", [row["id"]]).get(row["id"])
            counted = {e["id"] for e in taken}
            helpers = _volunteer_names(store, events[row["id"]])
            item["timeline"] = [
                {
                    "step": "collected",
                    "on": row["raised_on"],
                    "note": None,
                    "by": collector,
                    "counted": True,
                }
            ] + [
                {
                    "step": e["step"],
                    "on": e["on_date"],
                    "note": e["note"],
                    "by": e["author"],
                    # a step also taken on another laptop while apart: kept, not counted twice
                    "counted": e["id"] in counted,
                    **({"to": e["escalated_to"]} if e["escalated_to"] else {}),
                    **(
                        {"volunteer": helpers.get(e["volunteer_id"]) or "—"}
                        if e["volunteer_id"]
                        else {}
                    ),
                    **(
                        {
                            "confirmed_by_resident": stored_bool(e["confirmed"]),
                            "satisfaction": e["satisfaction"],
                        }
                        if e["step"] == "closed"
                        else {}
                    ),
                }
                for e in events[row["id"]]
            ]
        result.append(item)
    return result


def _volunteer_names(store: Store, events: list[Any]) -> dict[str, str]:
    """The names of the volunteers these steps handed needs to (an erased one has none)."""
    handed = [e["volunteer_id"] for e in events if e["volunteer_id"]]
    if not handed:
        return {}
    from danyuanzhang.store.volunteers import names_of

    return names_of(store, handed)


def list_petitions(
    store: Store,
    status: str | None = None,
    category: str | None = None,
    unit: str | None = None,
    older_than: int | None = None,
    estate: str | None = None,
    building: str | None = None,
) -> list[dict[str, Any]]:

    if status:
        from danyuanzhang.text.words import PETITION_STATUS

        status = PETITION_STATUS.parse(status)
    estates = [choose_estate(store, estate)] if estate else reg.estates(store)
    building, unit_number = place_of(unit, building)
    code = parse_category(category) if category else None
    items = describe(store, q.petitions(store, estates, building, unit_number, code))
    if status:
        items = [i for i in items if i["status"] == status]
    if older_than is not None:
        cutoff = date.fromordinal(date.today().toordinal() - older_than).isoformat()
        items = [i for i in items if i["raised_on"] < cutoff and i["status"] != "closed"]
    return items


def open_petitions(
    store: Store, estate: str | None = None, unit: str | None = None, building: str | None = None
) -> list[dict[str, Any]]:
    """The petitions of a place that may still be open today, as `list_petitions` shows them:
    those not settled and those done and not closed, found through the settled day's index
    and the steps `done`, however many were settled and closed before."""
    from danyuanzhang.store.report import unsettled_petitions

    estates = [choose_estate(store, estate)] if estate else reg.estates(store)
    building, unit_number = place_of(unit, building)
    rows = {
        row["id"]: row
        for row in (
            *unsettled_petitions(store, estates, building, unit_number, date.today().isoformat()),
            *q.done_not_closed(store, estates, building, unit_number),
        )
    }
    return describe(store, sorted(rows.values(), key=lambda r: (r["raised_on"], r["id"])))


def show_petition(store: Store, id_prefix: str) -> dict[str, Any]:
    return describe(store, [find_petition(store, id_prefix)], with_timeline=True)[0]


# -- the council's items --------------------------------------------------------------------------
# The council's agenda as every laptop of the community sees it.
#
# A need carried up to the council stays, with its resident's words and flat, where its scope
# sends it: a unit head's laptop holds its own unit's needs. The council is community-wide, so
# each need before it is also a `council_item` that travels everywhere: its unit, category, the
# days it was raised and carried up, the matter it belongs to (`petition link`) and an id that
# counts its household once. The laptop that carries a need up writes it; the one that takes the
# need off the agenda (proposed, settled, withdrawn) closes it.
#
# A need has one item whatever laptop writes it: its id is made from the need's, so that the
# office and the unit head carrying the same need up at once write the same record, and the one
# closing it closes the other's too (two items would leave one open on every third laptop,
# which holds neither the need nor a way to tell). Carried up again later, the item reopens.

# the namespace of council items' ids (uuid5 of the need's id)
_ITEMS = uuid.UUID("5f0c0a3e-6d2b-4c1e-9a57-3c0f2f1b7d11")


def item_id(petition_id: str) -> str:
    """The id of a need's council item, the same on every laptop."""
    return uuid.uuid5(_ITEMS, petition_id).hex


def keep_up_to_date(store: Store, petition_ids: set[str], on: str) -> None:
    """After steps or links of these needs, their items say whether each is before the
    council and which matter it is part of."""
    matters = {p: matter_of(store, p) for p in petition_ids}
    for group in matters.values():
        petition_ids |= group
    from danyuanzhang.store import in_chunks

    for chunk in in_chunks(sorted(petition_ids)):
        written = q.council_item_ids(store, [item_id(p) for p in chunk])
        items: dict[str, list[Any]] = {}
        for row in q.open_council_items(store, chunk):
            items.setdefault(row["petition_id"], []).append(row)
        rows = [q.petition(store, p) for p in chunk]
        for need in describe(store, [r for r in rows if r is not None]):
            open_items = items.get(need["id"], [])
            if need["status"] != "escalated":
                for item in open_items:
                    store.put("council_item", item["id"], {"settled_on": on})
                continue
            matter = min(matters.get(need["id"]) or matter_of(store, need["id"]))
            if open_items:
                for item in open_items:
                    store.put("council_item", item["id"], {"matter": matter})
                continue
            this = item_id(need["id"])
            if this in written:  # carried up again: its item back on the agenda
                reopened = {**_fields(store, need, matter, on), "settled_on": None}
                store.put("council_item", this, reopened)
            else:
                store.put("council_item", this, _fields(store, need, matter, on), new=True)


def _fields(store: Store, need: dict[str, Any], matter: str, on: str) -> dict[str, Any]:
    row = q.petition(store, need["id"])
    fields: dict[str, Any] = {
        "petition": need["id"],
        "matter": matter,
        "estate": row["estate"],
        "building": row["building"],
        "unit": row["unit"],
        "category": row["category"],
        "raised_on": row["raised_on"],
        "escalated_on": on,
    }
    if row["household_id"]:
        fields["household"] = row["household_id"]
    return fields


def others_before_the_council(store: Store) -> list[Any]:
    """The open items of needs this notebook does not hold: other units' matters."""
    items = q.open_council_items(store)
    held = q.held_petitions(store, [i["petition_id"] for i in items])
    return [i for i in items if i["petition_id"] not in held]
