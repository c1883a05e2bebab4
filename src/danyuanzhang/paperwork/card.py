"""The stairwell service card (单元长服务牌): who to call, with names, phones and duties.

>>> card = service_card(store, "2-2")  # doctest: +SKIP
>>> card["unit_head"][0]["name"]  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

from danyuanzhang.households.scopes import choose_estate
from danyuanzhang.store import Store
from danyuanzhang.store import registry as reg
from danyuanzhang.text.inputs import parse_unit

CARD_ROLES = ("area_head", "building_head", "unit_head")
EMERGENCY = (("fire", "119"), ("ambulance", "120"), ("police", "110"))


def service_card(store: Store, unit_text: str, estate: str | None = None) -> dict[str, Any]:
    """Everyone a resident of one unit may call, by role; a role with no one is an empty list."""
    unit = parse_unit(unit_text)
    estate_name = choose_estate(store, estate)
    members = reg.roster(store, estate=estate_name)
    areas = [m for m in members if m["role"] == "area_head"]
    area_names = {m["scope"] for m in areas}

    def serves(member: Any) -> bool:
        role, scope = member["role"], member["scope"]
        if role == "area_head":
            covered = (member["buildings"] or "").split(",")
            return unit.building in covered or (len(area_names) == 1 and not member["buildings"])
        if role == "building_head":
            return bool(scope == unit.building)
        return bool(scope == str(unit))

    from danyuanzhang.core.config import value

    card: dict[str, Any] = {
        "community": store.setting("community"),
        "estate": estate_name,
        "unit": str(unit),
        # the numbers every resident may need: the property and the office where this laptop
        # knows them (`dyz config`), the police, fire and ambulance always
        "numbers": [
            {"for": name, "phone": phone}
            for name, phone in (
                ("property", value(store, "card.property_phone")),
                ("office", value(store, "card.office_phone")),
                *EMERGENCY,
            )
            if phone
        ],
    }
    for role in CARD_ROLES:
        card[role] = [
            {
                "name": m["name"],
                "phone": m["phone"],
                "duties": m["duties"],
                "photo": m["photo"],
                "area": m["scope"] if role == "area_head" else None,
            }
            for m in members
            if m["role"] == role and serves(m)
        ]
    return card
