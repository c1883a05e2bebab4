"""The household registry: flats of an estate and the residents who live in them.

>>> add_household(store, "2-2-301", estate="新芙蓉之都")  # doctest: +SKIP
>>> add_resident(store, "2-2-301", name="刘桂英", phone="13812345678", flags=["独居老人"])  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

from danyuanzhang.errors import DyzError
from danyuanzhang.households.scopes import choose_estate, ours_first
from danyuanzhang.store import Store, new_id
from danyuanzhang.store import registry as reg
from danyuanzhang.text.i18n import join
from danyuanzhang.text.ids import short
from danyuanzhang.text.inputs import (
    HouseholdRef,
    day_it_happened,
    parse_born,
    parse_date,
    parse_free_text,
    parse_name,
    parse_phone,
    parse_ref,
)


def _by_room_or_name(store: Store, text: str, estate: str | None) -> Any:
    """A household as a person remembers it: the room alone (502, 502室) where one flat has
    that number, or a resident's name or part of it. Several matches are listed, never
    guessed; none gives None."""
    import re
    import unicodedata

    cleaned = unicodedata.normalize("NFKC", text).strip()
    estates = [choose_estate(store, estate)] if estate else reg.estates(store)
    room = re.fullmatch(r"(\d{3,4})[室号]?", cleaned)
    if room:
        rows = reg.households_with_room(store, estates, room.group(1))
    elif re.search(r"[\u4e00-\u9fff]", cleaned) and not re.search(r"\d", cleaned):
        rows = reg.households_with_resident(store, estates, cleaned)
    else:
        return None
    if len(rows) > 1:  # on a unit head's laptop, 502 is the unit's own 502
        own, _ = ours_first(store, rows, lambda row: row)
        rows = own if len(own) == 1 else rows
    if len(rows) == 1:
        return rows[0]
    if len(rows) > 1:
        shown = [f"{r['building']}-{r['unit']}-{r['room']}" for r in rows[:8]]
        raise DyzError("household_which", text=text.strip(), refs=join(shown), first=shown[0])
    return None


def find_household(store: Store, ref_text: str, estate: str | None = None) -> Any:
    """A household by its reference (`2-2-301`) or by the start of its id."""
    try:
        ref = parse_ref(ref_text)
    except DyzError:
        remembered = _by_room_or_name(store, ref_text, estate)
        if remembered is not None:
            return remembered
        if ref_text.strip().isalnum() and len(ref_text.strip()) >= 4:
            household_id = store.resolve_prefix("households", ref_text, "household_id_not_found")
            return reg.household(store, household_id)
        raise
    name = choose_estate(store, estate)
    rows = reg.households_at(store, name, ref.building, ref.unit, ref.room)
    if not rows:
        raise _not_found(store, ref, ref_text, name)
    if len(rows) > 1:  # two laptops corrected two records to one address
        raise DyzError(
            "household_twice",
            ref=str(ref),
            estate=name,
            ids=join(short(r["id"]) for r in rows),
            keep=short(rows[0]["id"]),
            other=short(rows[1]["id"]),
        )
    return rows[0]


# letters typed for digits that look alike: 2-2-3O1 for 2-2-301, 2-2-3l1 for 2-2-311
_DIGIT_SLIPS = str.maketrans("OIL", "011")


def _not_found(store: Store, ref: HouseholdRef, typed: str, estate: str) -> DyzError:
    """No flat at `ref`: where a letter stands for a look-alike digit, the flat is not offered
    to be registered but the reference is said to be mistyped, with the flat it likely is."""
    import re

    fixed = HouseholdRef(
        ref.building.translate(_DIGIT_SLIPS), ref.unit, ref.room.translate(_DIGIT_SLIPS)
    )
    if fixed == ref or not re.search(r"\d", ref.room):
        return DyzError("household_not_found", ref=str(ref), estate=estate)
    letters = join(dict.fromkeys(re.findall(r"[OoIiLl]", typed)))
    if reg.households_at(store, estate, fixed.building, fixed.unit, fixed.room):
        return DyzError(
            "household_ref_slip",
            ref=typed.strip(),
            letters=letters,
            fixed=str(fixed),
            estate=estate,
        )
    return DyzError("household_ref_slip_unknown", ref=typed.strip(), letters=letters, estate=estate)


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
        "note": row["note"],
        "emergency_contact": {
            "name": row["contact_name"],
            "phone": row["contact_phone"],
            "relation": row["contact_relation"],
        }
        if row["contact_name"]
        else None,
        "risk": row["risk"],
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
        fields = {
            "estate": name,
            **fields,
            **_kept_apart(store, "household", {"estate": name, **fields}),
        }
        store.put("household", household_id, fields, new=True)
        return household_json(reg.household(store, household_id))


def _kept_apart(store: Store, entity: str, values: dict[str, Any]) -> dict[str, Any]:
    """A record first registered under these values and since corrected to others (a roll's
    2-2-302 that was really 2-2-320) would take a new registration of them as itself: a
    `distinct` tag keeps the new one apart."""
    from danyuanzhang.core.merge import key_of

    key = key_of(entity, values)
    if key is None or not reg.keyed_records(store, entity, key):
        return {}
    return {"distinct": new_id()}


def place_filter(
    store: Store, estate: str | None, building: str | None, unit: str | None
) -> tuple[list[str], str | None, str | None]:
    """(estates, building, unit number) of a place as typed: `unit` is `2-2`, `building`
    `2`; no estate means every estate."""
    from danyuanzhang.text.inputs import parse_building, parse_unit

    estate_names = [choose_estate(store, estate)] if estate else reg.estates(store)
    unit_building = unit_number = None
    if unit:
        parsed = parse_unit(unit)
        unit_building, unit_number = parsed.building, parsed.unit
    if building:
        building = parse_building(building)
        if unit_building and unit_building != building:
            raise DyzError("unit_outside_building", unit=unit, building=building)
    return estate_names, unit_building or building, unit_number


def list_households(
    store: Store,
    estate: str | None = None,
    building: str | None = None,
    unit: str | None = None,
    flag: str | None = None,
) -> list[dict[str, Any]]:
    """`unit` is `2-2`; `building` is `2`; `flag` may be given in either language."""
    estate_names, building, unit_number = place_filter(store, estate, building, unit)
    if flag:
        from danyuanzhang.households.flags import flag_code

        code: str | None = flag_code(store, flag)
    else:
        code = None
    rows = reg.households(store, estate_names, building=building, unit=unit_number, flag=code)
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
    """Erase a household, every copy of it from other laptops and its residents: only
    tombstones with their ids remain. Its visits, needs and hazards stay for the community's
    figures, without their words (records.WORDS_WITH_HOUSEHOLD)."""
    with store.transaction():
        row = find_household(store, ref_text, estate)
        gone = household_json(row)
        residents = reg.residents_of(store, row["id"])
        copies = reg.members_of(store, row["id"])
        for resident in residents:
            for copy in reg.members_of(store, resident["id"]):
                store.erase("resident", copy)
        for copy in copies:
            store.erase("household", copy)
        from danyuanzhang.store import drafts

        # an interview left unfinished at this door holds its answers (a moved-in name, a
        # phone): it goes with the household
        named = {*copies, row["id"], *(r["id"] for r in residents)}
        place = (row["estate"], row["building"], row["unit"], row["room"])
        drafts.discard_naming(store, named, place)
        gone["kept_without_words"] = reg.strip_words_of_erased(store)
    gone["scrubbed"] = store.scrub()
    gone["residents_erased"] = len(residents)
    return gone


# -- residents ---------------------------------------------------------------------------------


def find_resident(store: Store, id_prefix: str) -> Any:
    resident_id = store.resolve_prefix("residents", id_prefix, "resident_not_found")
    return reg.resident(store, resident_id)


def _flag_fields(store: Store, flags: list[str], value: bool) -> dict[str, bool]:
    from danyuanzhang.core.changes import FLAG_PREFIX
    from danyuanzhang.households.flags import flag_code, known_flags

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
        fields["moved_in"] = parse_date(moved_in, "--moved-in", past=True)
    with store.transaction():
        household = find_household(store, ref_text, estate)
        same = reg.resident_named(store, household["id"], fields["name"])
        if same is not None:
            raise DyzError(
                "resident_exists",
                name=same["name"],
                ref=household_json(household)["ref"],
                id=short(same["id"]),
            )
        fields = {"household": household["id"], **fields, **_flag_fields(store, flags or [], True)}
        fields.update(_kept_apart(store, "resident", fields))
        resident_id = new_id()
        store.put("resident", resident_id, fields, new=True)
        return resident_json(store, reg.resident(store, resident_id))


def edit_resident(  # noqa: PLR0913
    store: Store,
    id_prefix: str,
    name: str | None = None,
    phone: str | None = None,
    born: str | int | None = None,
    add_flags: list[str] | None = None,
    remove_flags: list[str] | None = None,
    moved_in: str | None = None,
    note: str | None = None,
    emergency_contact: str | None = None,
    risk: str | None = None,
) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if emergency_contact is not None:
        fields.update(parse_emergency_contact(emergency_contact))
    if risk is not None:
        from danyuanzhang.text.words import RISK

        fields["risk"] = RISK.parse(risk) if risk.strip() else None
    if note is not None:
        fields["note"] = parse_free_text(note) or None
    if name is not None:
        fields["name"] = parse_name(name)
    if phone is not None:
        fields["phone"] = parse_phone(phone) if phone.strip() else None
    if born is not None:
        fields["born"] = parse_born(born)
    if moved_in is not None:
        fields["moved_in"] = parse_date(moved_in, "--moved-in", past=True)
    with store.transaction():
        row = find_resident(store, id_prefix)
        fields.update(_flag_fields(store, add_flags or [], True))
        fields.update(_flag_fields(store, remove_flags or [], False))
        if not fields:
            raise DyzError("nothing_to_change")
        store.put("resident", row["id"], fields)
        return resident_json(store, reg.resident(store, row["id"]))


def parse_emergency_contact(text: str) -> dict[str, Any]:
    """紧急联系人 as said: a name, a phone, and what they are to the resident if said
    (张伟 13800001111 儿子); an empty text clears all three."""
    import re

    if not text.strip():
        return {"contact_name": None, "contact_phone": None, "contact_relation": None}
    words = [w for w in re.split(r"[\s,，、;；]+", text.strip()) if w]
    with_digits = [i for i, w in enumerate(words) if any(c.isdigit() for c in w)]
    if not with_digits or with_digits[0] == 0:
        raise DyzError("emergency_contact_form", text=text.strip())
    first, last = with_digits[0], with_digits[-1]
    relation = parse_free_text(" ".join(words[last + 1 :]), limit=20)
    return {
        "contact_name": parse_name("".join(words[:first])),
        "contact_phone": parse_phone("".join(words[first : last + 1])),
        "contact_relation": relation or None,
    }


def move_out(store: Store, id_prefix: str, on: str | None = None) -> dict[str, Any]:
    """Record that a resident left; they stay in the household's history."""
    day = day_it_happened(on)
    with store.transaction():
        row = find_resident(store, id_prefix)
        if row["moved_out"]:
            raise DyzError("already_moved_out", name=row["name"], on=row["moved_out"])
        if row["moved_in"] and day < row["moved_in"]:
            raise DyzError("move_out_before_in", on=day, moved_in=row["moved_in"])
        store.put("resident", row["id"], {"moved_out": day})
        return resident_json(store, reg.resident(store, row["id"]))


def remove_resident(store: Store, id_prefix: str) -> dict[str, Any]:
    """Erase one resident (entered by mistake, or asked to be forgotten), every copy of them."""
    with store.transaction():
        row = find_resident(store, id_prefix)
        gone = {"id": row["id"], "name": row["name"]}
        for copy in reg.members_of(store, row["id"]):
            store.erase("resident", copy)
    store.scrub()
    return gone


# -- settling what no rule decides -------------------------------------------------------------


def merge_households(
    store: Store, keep_text: str, other_text: str, estate: str | None = None
) -> dict[str, Any]:
    """One flat entered as two (a room typed wrong on one laptop): everything that named OTHER
    names KEEP; where both have a value, KEEP's stands. The merge travels like any change."""
    with store.transaction():
        keep = _household_by_id_or_ref(store, keep_text, estate)
        other = _household_by_id_or_ref(store, other_text, estate)
        merge_records(store, "household", keep["id"], other["id"])
        item = household_json(reg.household(store, keep["id"]))
        item["merged"] = household_json(other)
        return item


def _household_by_id_or_ref(store: Store, text: str, estate: str | None) -> Any:
    try:
        return find_household(store, text, estate)
    except DyzError as error:
        if error.key != "household_twice" or not (
            text.strip().isalnum() and len(text.strip()) >= 4
        ):
            raise
        household_id = store.resolve_prefix("households", text, "household_id_not_found")
        return reg.household(store, household_id)


def merge_residents(store: Store, keep_text: str, other_text: str) -> dict[str, Any]:
    """One person entered as two (刘桂英 and 刘桂瑛): as `merge_households`, for residents."""
    with store.transaction():
        keep, other = find_resident(store, keep_text), find_resident(store, other_text)
        merge_records(store, "resident", keep["id"], other["id"])
        item = resident_json(store, reg.resident(store, keep["id"]))
        item["merged"] = {"id": other["id"], "name": other["name"]}
        return item


def merge_records(store: Store, entity: str, keep: str, other: str) -> None:
    """Record a person's merge, then let KEEP's values stand where the two disagree."""
    from danyuanzhang.core.changes import decode

    keep, other = reg.canonical(store, keep), reg.canonical(store, other)
    if keep == other:
        raise DyzError("merge_itself")
    kept = reg.field_states(store, entity, keep)
    store.put("merge", new_id(), {"entity": entity, "keep": keep, "other": other}, new=True)
    now = reg.field_states(store, entity, keep)
    settle = {
        name: decode(state.value)
        for name, state in kept.items()
        if state.value is not None
        and state.value != "null"
        and (now[name].conflict or now[name].value != state.value)
    }
    if settle:
        store.put(entity, keep, settle)
