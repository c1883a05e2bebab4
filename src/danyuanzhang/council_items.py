"""The council's agenda as every laptop of the community sees it.

A need carried up to the council stays, with its resident's words and flat, where its scope
sends it: a unit head's laptop holds its own unit's needs. The council is community-wide, so
each need before it is also a `council_item` that travels everywhere: its unit, category, the
days it was raised and carried up, the matter it belongs to (`petition link`) and an id that
counts its household once. The laptop that carries a need up writes it; the one that takes the
need off the agenda (proposed, settled, withdrawn) closes it.

A need has one item whatever laptop writes it: its id is made from the need's, so that the
office and the unit head carrying the same need up at once write the same record, and the one
closing it closes the other's too (two items would leave one open on every third laptop,
which holds neither the need nor a way to tell). Carried up again later, the item reopens.
"""

from __future__ import annotations

import uuid
from typing import Any

from danyuanzhang.store import Store
from danyuanzhang.store import petitions as q

# the namespace of council items' ids (uuid5 of the need's id)
_ITEMS = uuid.UUID("5f0c0a3e-6d2b-4c1e-9a57-3c0f2f1b7d11")


def item_id(petition_id: str) -> str:
    """The id of a need's council item, the same on every laptop."""
    return uuid.uuid5(_ITEMS, petition_id).hex


def keep_up_to_date(store: Store, petition_ids: set[str], on: str) -> None:
    """After steps or links of these needs, their items say whether each is before the
    council and which matter it is part of."""
    from danyuanzhang.petitions import describe, matter_of

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
