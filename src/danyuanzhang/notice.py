"""The rectification notice (整改通知书) a household receives for a hazard."""

from __future__ import annotations

from typing import Any

from danyuanzhang.hazards import known_kinds, show_hazard
from danyuanzhang.store import Store
from danyuanzhang.store import registry as reg


def notice(store: Store, id_prefix: str) -> dict[str, Any]:
    """What the notice says: the hazard, why it is dangerous, the deadline, and who to call —
    the unit head's own phone in full (it is on the stairwell card anyway)."""
    hazard = show_hazard(store, id_prefix)
    heads = [
        m
        for m in reg.roster(store, role="unit_head", estate=hazard["estate"])
        if m["scope"] == hazard["unit"]
    ]
    kind = hazard["kind"]
    return {
        "hazard": hazard,
        "kind_names": known_kinds(store).get(kind, (kind, kind)),
        "community": store.setting("community"),
        "unit_head": {"name": heads[0]["name"], "phone": heads[0]["phone"]} if heads else None,
    }
