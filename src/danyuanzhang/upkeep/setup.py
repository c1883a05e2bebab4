"""Setting up a laptop's notebook: its device identity, the community it serves, the person
who uses it and the part of the community they look after."""

from __future__ import annotations

from typing import Any

from danyuanzhang.store import PERSON, Store
from danyuanzhang.text.inputs import parse_laptop_name, parse_name

# what a roster role looks after, as a scope (an area head's scope is the area's name)
_ROLE_SCOPES = {"unit_head": "unit", "building_head": "building", "area_head": "area"}


def initialise(
    store: Store,
    community: str | None,
    device_name: str | None,
    default_name: str,
    person: str | None = None,
    territory: str | None = None,
    estate: str | None = None,
) -> dict[str, Any]:
    """Create this device's identity once; later runs change only what is given, and say so.

    >>> initialise(store, "芙蓉南路社区", None, "laptop", person="李志平", territory="unit:2-2")  # doctest: +SKIP
    """
    from danyuanzhang.households.scopes import parse_scope, set_territory
    from danyuanzhang.households.scopes import territory as current_territory

    changed: list[str] = []
    wanted = parse_laptop_name(device_name) if device_name is not None else None
    # everything given is read before anything is written: a refusal leaves the notebook be
    community = parse_name(community) if community is not None else None
    person = parse_name(person) if person is not None else None
    if territory is not None:
        parse_scope(store, territory, estate)
    device_id, current_name, new_device = store.ensure_device(wanted or default_name)
    renamed_from = None
    if not new_device and wanted and wanted != current_name:
        store.rename_device(wanted)
        renamed_from, current_name = current_name, wanted
        changed.append("device")
    community_before = store.setting("community")
    if community is not None and community != store.setting("community"):
        store.set_setting("community", community)
        changed.append("community")
    if person is not None and person != store.setting(PERSON):
        store.set_setting(PERSON, person)
        changed.append("person")
    me = store.setting(PERSON)
    role = roster_entry(store, me) if me else None
    if territory is None and role is not None and store.setting("territory") is None:
        territory = f"{_ROLE_SCOPES[role['role']]}:{role['scope']}"
        estate = estate or role["estate"]
    if territory is not None:
        before = current_territory(store)
        wanted_scope = parse_scope(store, territory, estate)
        if before is None or before.key() != wanted_scope.key():
            set_territory(store, territory, estate)
            changed.append("territory")
    home = current_territory(store)
    return {
        "device_id": device_id,
        "device_name": current_name,
        "new_device": new_device,
        "community": store.setting("community"),
        "person": me,
        "territory": home.words() if home is not None else None,
        "roster": dict(role) if role is not None else None,
        "changed": changed,
        # what a second run changed, for it to say so
        "device_renamed_from": renamed_from,
        "community_before": community_before,
    }


def roster_entry(store: Store, person: str) -> Any:
    """The person's post on the roster (单元长 of 2-2, 楼栋长 of 2…), the narrowest first."""
    from danyuanzhang.store import registry as reg

    posts = [r for r in reg.roster(store) if r["name"] == person and r["role"] in _ROLE_SCOPES]
    order = ("unit_head", "building_head", "area_head")
    posts.sort(key=lambda r: order.index(r["role"]))
    return posts[0] if posts else None
