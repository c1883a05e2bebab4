"""The household registry: flats of an estate and the residents who live in them.

>>> add_household(store, "2-2-301", estate="新芙蓉之都")
>>> add_resident(store, "2-2-301", name="刘桂英", phone="13812345678", flags=["独居老人"])
"""

from __future__ import annotations

from typing import Any

from danyuanzhang.errors import DyzError
from danyuanzhang.i18n import join
from danyuanzhang.inputs import (
    day_or_today,
    parse_born,
    parse_date,
    parse_free_text,
    parse_name,
    parse_phone,
    parse_ref,
)
from danyuanzhang.store import ID_SHOWN, Store, new_id
from danyuanzhang.store import registry as reg
from danyuanzhang.store.entities import FLAG_PREFIX


def choose_estate(store: Store, estate: str | None, for_new: bool = False) -> str:
    """The estate named, or the only one the database holds."""
    if estate is not None:
        name = parse_name(estate)
        if not for_new and not reg.has_estate(store, name):
            raise DyzError("unknown_estate", estate=name, known=join(reg.estates(store)))
        return name
    known = reg.estates(store)
    if len(known) == 1:
        return known[0]
    if not known:
        raise DyzError("need_estate_first")
    raise DyzError("need_estate", known=join(known))


def find_household(store: Store, ref_text: str, estate: str | None = None) -> Any:
    """A household by its reference (`2-2-301`) or by the start of its id."""
    try:
        ref = parse_ref(ref_text)
    except DyzError:
        if ref_text.strip().isalnum() and len(ref_text.strip()) >= 4:
            household_id = store.resolve_prefix("households", ref_text, "household_id_not_found")
            return reg.household(store, household_id)
        raise
    name = choose_estate(store, estate)
    row = reg.household_at(store, name, ref.building, ref.unit, ref.room)
    if row is None:
        raise DyzError("household_not_found", ref=str(ref), estate=name)
    return row


def household_json(row: Any) -> dict[str, Any]:
    return {
        "id": row["id"],
        "estate": row["estate"],
        "ref": f"{row['building']}-{row['unit']}-{row['room']}",
        "building": row["building"],
        "unit": row["unit"],
        "room": row["room"],
        "note": row["note"],
    }


def resident_json(store: Store, row: Any) -> dict[str, Any]:
    return {
        "id": row["id"],
        "name": row["name"],
        "phone": row["phone"],
        "born": row["born"],
        "flags": reg.flags_of(store, row["id"]),
        "moved_in": row["moved_in"],
        "moved_out": row["moved_out"],
    }


def add_household(
    store: Store, ref_text: str, estate: str | None = None, note: str | None = None
) -> dict[str, Any]:
    ref = parse_ref(ref_text)
    fields: dict[str, Any] = {"building": ref.building, "unit": ref.unit, "room": ref.room}
    if note:
        fields["note"] = parse_free_text(note)
    with store.transaction():
        name = choose_estate(store, estate, for_new=True)
        if reg.household_at(store, name, ref.building, ref.unit, ref.room) is not None:
            raise DyzError("household_exists", ref=str(ref), estate=name)
        household_id = new_id()
        store.put("household", household_id, {"estate": name, **fields}, new=True)
        return household_json(reg.household(store, household_id))


def list_households(
    store: Store,
    estate: str | None = None,
    building: str | None = None,
    unit: str | None = None,
    flag: str | None = None,
) -> list[dict[str, Any]]:
    """`unit` is `2-2`; `building` is `2`; `flag` may be given in either language."""
    from danyuanzhang.inputs import parse_building, parse_unit

    estate_names = [choose_estate(store, estate)] if estate else reg.estates(store)
    unit_building = unit_number = None
    if unit:
        parsed = parse_unit(unit)
        unit_building, unit_number = parsed.building, parsed.unit
    if building:
        building = parse_building(building)
        if unit_building and unit_building != building:
            raise DyzError("unit_outside_building", unit=unit, building=building)
    if flag:
        from danyuanzhang.flags import flag_code

        code: str | None = flag_code(store, flag)
    else:
        code = None
    rows = reg.households(
        store, estate_names, building=unit_building or building, unit=unit_number, flag=code
    )
    result = []
    for row in rows:
        item = household_json(row)
        item["residents"] = row["resident_count"]
        item["flags"] = sorted(row["flags"].split(",")) if row["flags"] else []
        result.append(item)
    return result


def show_household(store: Store, ref_text: str, estate: str | None = None) -> dict[str, Any]:
    row = find_household(store, ref_text, estate)
    item = household_json(row)
    item["residents"] = [resident_json(store, r) for r in reg.residents_of(store, row["id"])]
    return item


def edit_household(
    store: Store,
    ref_text: str,
    estate: str | None = None,
    new_ref: str | None = None,
    new_estate: str | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    with store.transaction():
        row = find_household(store, ref_text, estate)
        fields: dict[str, Any] = {}
        target_estate = parse_name(new_estate) if new_estate else row["estate"]
        target = parse_ref(new_ref) if new_ref else parse_ref(household_json(row)["ref"])
        if (target_estate, str(target)) != (row["estate"], household_json(row)["ref"]):
            clash = reg.household_at(
                store, target_estate, target.building, target.unit, target.room
            )
            if clash is not None:
                raise DyzError("household_exists", ref=str(target), estate=target_estate)
            fields.update(
                estate=target_estate,
                building=target.building,
                unit=target.unit,
                room=target.room,
            )
        if note is not None:
            fields["note"] = parse_free_text(note) or None
        if not fields:
            raise DyzError("nothing_to_change")
        store.put("household", row["id"], fields)
        return household_json(reg.household(store, row["id"]))


def remove_household(store: Store, ref_text: str, estate: str | None = None) -> dict[str, Any]:
    """Erase a household and its residents: only tombstones with their ids remain."""
    with store.transaction():
        row = find_household(store, ref_text, estate)
        gone = household_json(row)
        residents = reg.residents_of(store, row["id"])
        for resident in residents:
            store.erase("resident", resident["id"])
        for visit in reg.visit_ids_of(store, row["id"]):
            store.erase("visit", visit)
        store.erase("household", row["id"])
    store.scrub()
    gone["residents_erased"] = len(residents)
    return gone


# -- residents ---------------------------------------------------------------------------------


def find_resident(store: Store, id_prefix: str) -> Any:
    resident_id = store.resolve_prefix("residents", id_prefix, "resident_not_found")
    return reg.resident(store, resident_id)


def _flag_fields(store: Store, flags: list[str], value: bool) -> dict[str, bool]:
    from danyuanzhang.flags import flag_code, known_flags

    known = known_flags(store)
    return {FLAG_PREFIX + flag_code(store, flag, known): value for flag in flags}


def add_resident(
    store: Store,
    ref_text: str,
    name: str,
    estate: str | None = None,
    phone: str | None = None,
    born: str | int | None = None,
    flags: list[str] | None = None,
    moved_in: str | None = None,
) -> dict[str, Any]:
    fields: dict[str, Any] = {"name": parse_name(name)}
    if phone:
        fields["phone"] = parse_phone(phone)
    if born:
        fields["born"] = parse_born(born)
    if moved_in:
        fields["moved_in"] = parse_date(moved_in, "--moved-in")
    with store.transaction():
        household = find_household(store, ref_text, estate)
        fields = {"household": household["id"], **fields, **_flag_fields(store, flags or [], True)}
        resident_id = new_id()
        store.put("resident", resident_id, fields, new=True)
        return resident_json(store, reg.resident(store, resident_id))


def edit_resident(
    store: Store,
    id_prefix: str,
    name: str | None = None,
    phone: str | None = None,
    born: str | int | None = None,
    add_flags: list[str] | None = None,
    remove_flags: list[str] | None = None,
    moved_in: str | None = None,
) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if name is not None:
        fields["name"] = parse_name(name)
    if phone is not None:
        fields["phone"] = parse_phone(phone) if phone.strip() else None
    if born is not None:
        fields["born"] = parse_born(born)
    if moved_in is not None:
        fields["moved_in"] = parse_date(moved_in, "--moved-in")
    with store.transaction():
        row = find_resident(store, id_prefix)
        fields.update(_flag_fields(store, add_flags or [], True))
        fields.update(_flag_fields(store, remove_flags or [], False))
        if not fields:
            raise DyzError("nothing_to_change")
        store.put("resident", row["id"], fields)
        return resident_json(store, reg.resident(store, row["id"]))


def move_out(store: Store, id_prefix: str, on: str | None = None) -> dict[str, Any]:
    """Record that a resident left; they stay in the household's history."""
    day = day_or_today(on)
    with store.transaction():
        row = find_resident(store, id_prefix)
        if row["moved_out"]:
            raise DyzError("already_moved_out", name=row["name"], on=row["moved_out"])
        if row["moved_in"] and day < row["moved_in"]:
            raise DyzError("move_out_before_in", on=day, moved_in=row["moved_in"])
        store.put("resident", row["id"], {"moved_out": day})
        return resident_json(store, reg.resident(store, row["id"]))


def remove_resident(store: Store, id_prefix: str) -> dict[str, Any]:
    """Erase one resident (entered by mistake, or asked to be forgotten)."""
    with store.transaction():
        row = find_resident(store, id_prefix)
        gone = {"id": row["id"], "name": row["name"]}
        store.erase("resident", row["id"])
    store.scrub()
    return gone


def short(record_id: str) -> str:
    return record_id[:ID_SHOWN]
