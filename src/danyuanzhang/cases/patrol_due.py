"""Which units are due a fire patrol (`dyz patrol due`, `dyz today`): those not walked within
the interval, a building's patrol counting for each of its units."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from danyuanzhang.households.scopes import choose_estate
from danyuanzhang.store import Store
from danyuanzhang.store import patrols as q
from danyuanzhang.store import registry as reg
from danyuanzhang.text.inputs import today

INTERVAL_DAYS = 7


def interval_days(store: Store) -> int:
    from danyuanzhang.core import config

    return int(config.value(store, "patrol.interval_days") or INTERVAL_DAYS)


def due_patrols(
    store: Store,
    estate: str | None = None,
    on: str | None = None,
    unit: str | None = None,
    building: str | None = None,
) -> list[dict[str, Any]]:
    """Units of the roll (or of a unit or building) not patrolled within the interval: a
    building's patrol counts for each of its units. Never patrolled first, then the longest
    since."""
    from danyuanzhang.text.inputs import place_of

    day = on or today()
    building, unit = place_of(unit, building)
    interval = interval_days(store)
    estates = [choose_estate(store, estate)] if estate else reg.estates(store)
    result = []
    for place in q.last_patrolled(store, estates):
        if (building and place["building"] != building) or (unit and place["unit"] != unit):
            continue
        latest = max(filter(None, (place["unit_patrol"], place["building_patrol"])), default=None)
        if latest is not None and (_days_between(latest, day)) < interval:
            continue
        result.append(
            {
                "estate": place["estate"],
                "unit": f"{place['building']}-{place['unit']}",
                "last_patrol": latest,
                "days_since": _days_between(latest, day) if latest else None,
                "due_since": (
                    (date.fromisoformat(latest) + timedelta(days=interval)).isoformat()
                    if latest
                    else None
                ),
            }
        )
    result.sort(key=lambda i: (i["last_patrol"] is not None, i["last_patrol"] or "", i["unit"]))
    return result


def _days_between(first: str, last: str) -> int:
    return (date.fromisoformat(last) - date.fromisoformat(first)).days
