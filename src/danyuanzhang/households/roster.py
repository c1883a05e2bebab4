"""The 三长一户 roster: area heads, building heads, unit heads and household representatives.

>>> add_member(store, role="unit_head", name="王建国", phone="13900001111", scope="2-2")  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from danyuanzhang.errors import DyzError
from danyuanzhang.households.scopes import choose_estate
from danyuanzhang.store import Store, new_id
from danyuanzhang.store import registry as reg
from danyuanzhang.system import photos
from danyuanzhang.text.inputs import (
    parse_building,
    parse_free_text,
    parse_name,
    parse_phone,
    parse_ref,
    parse_unit,
)
from danyuanzhang.text.vocab import ROLE_SCOPES


def parse_role(text: str) -> str:
    from danyuanzhang.text.words import ROLE

    return ROLE.parse(text)


def parse_scope(role: str, text: str) -> str:
    """An area by name for an area head, `2` for a building head, `2-2` for the rest."""
    kind = ROLE_SCOPES[role]
    if kind == "area":
        return parse_name(text)
    if kind == "building":
        return parse_building(text)
    if role == "household_rep" and text.count("-") == 2:
        return str(parse_ref(text))
    return str(parse_unit(text))


def parse_buildings(text: str) -> str:
    """`1,2,3` or `1-4` (a range of numbered buildings) for the buildings an area covers."""
    parts = [p for p in text.replace("，", ",").replace("、", ",").split(",") if p.strip()]
    buildings: list[str] = []
    for part in parts:
        if "-" in part:
            low, _, high = part.partition("-")
            if not (low.strip().isdigit() and high.strip().isdigit()):
                raise DyzError("bad_buildings", text=text)
            buildings.extend(str(n) for n in range(int(low), int(high) + 1))
        else:
            buildings.append(parse_building(part))
    if not buildings or len(buildings) > 200:
        raise DyzError("bad_buildings", text=text)
    return ",".join(dict.fromkeys(buildings))


def member_json(row: Any) -> dict[str, Any]:
    return {
        "id": row["id"],
        "role": row["role"],
        "name": row["name"],
        "phone": row["phone"],
        "estate": row["estate"],
        "scope": row["scope"],
        "buildings": row["buildings"].split(",") if row["buildings"] else [],
        "duties": row["duties"],
        "photo": bool(row["photo"]),
    }


def add_member(  # noqa: PLR0913
    store: Store,
    role: str,
    name: str,
    phone: str,
    scope: str,
    estate: str | None = None,
    duties: str | None = None,
    photo: str | None = None,
    buildings: str | None = None,
) -> dict[str, Any]:
    code = parse_role(role)
    fields: dict[str, Any] = {
        "role": code,
        "name": parse_name(name),
        "phone": parse_phone(phone),
        "scope": parse_scope(code, scope),
    }
    if duties:
        fields["duties"] = parse_free_text(duties, limit=200)
    if photo:
        fields["photo"] = photos.read_photo(photo)
    if buildings:
        if code != "area_head":
            raise DyzError("buildings_only_for_area")
        fields["buildings"] = parse_buildings(buildings)
    with store.transaction():
        fields["estate"] = choose_estate(store, estate, for_new=True)
        from danyuanzhang.core.merge import normalise

        for row in reg.roster(store, role=code, estate=fields["estate"]):
            if (
                normalise(row["name"]) == normalise(fields["name"])
                and row["scope"] == fields["scope"]
            ):
                raise DyzError("member_exists", name=fields["name"], scope=fields["scope"])
        member_id = new_id()
        store.put("roster", member_id, fields, new=True)
        return member_json(reg.roster_member(store, member_id))


def find_member(store: Store, id_prefix: str) -> Any:
    return reg.roster_member(store, store.resolve_prefix("roster", id_prefix, "member_not_found"))


def list_members(
    store: Store, role: str | None = None, estate: str | None = None
) -> list[dict[str, Any]]:
    code = parse_role(role) if role else None
    name = choose_estate(store, estate) if estate else None
    return [member_json(row) for row in reg.roster(store, role=code, estate=name)]


def edit_member(  # noqa: PLR0913
    store: Store,
    id_prefix: str,
    role: str | None = None,
    name: str | None = None,
    phone: str | None = None,
    scope: str | None = None,
    duties: str | None = None,
    photo: str | None = None,
    buildings: str | None = None,
) -> dict[str, Any]:
    with store.transaction():
        row = find_member(store, id_prefix)
        code = parse_role(role) if role else row["role"]
        fields: dict[str, Any] = {}
        if role:
            fields["role"] = code
        if name is not None:
            fields["name"] = parse_name(name)
        if phone is not None:
            fields["phone"] = parse_phone(phone)
        if scope is not None or (role and code != row["role"]):
            fields["scope"] = parse_scope(code, scope if scope is not None else row["scope"])
        if duties is not None:
            fields["duties"] = parse_free_text(duties, limit=200) or None
        if photo is not None:
            fields["photo"] = photos.read_photo(photo) if photo else None
        if buildings is not None:
            if code != "area_head":
                raise DyzError("buildings_only_for_area")
            fields["buildings"] = parse_buildings(buildings)
        if not fields:
            raise DyzError("nothing_to_change")
        store.put("roster", row["id"], fields)
        return member_json(reg.roster_member(store, row["id"]))


def remove_member(store: Store, id_prefix: str) -> dict[str, Any]:
    with store.transaction():
        row = find_member(store, id_prefix)
        gone = member_json(row)
        for copy in reg.members_of(store, row["id"]):  # every laptop's copy of the entry
            store.erase("roster", copy)
    store.scrub()
    return gone


ROSTER_COLUMNS = ("role", "name", "phone", "estate", "scope", "buildings", "duties")
ROSTER_COLUMNS_ZH = ("角色", "姓名", "电话", "小区", "范围", "负责楼栋", "职责")


def import_roster(store: Store, path: Path, estate: str | None = None) -> tuple[int, int]:
    """Add the people of a roster CSV; returns (added, already there). Any bad row: nothing."""
    import csv

    from danyuanzhang.households.rollcall import RollRejected
    from danyuanzhang.households.rollfile import read_text

    names = {
        **{c: c for c in ROSTER_COLUMNS},
        **dict(zip(ROSTER_COLUMNS_ZH, ROSTER_COLUMNS, strict=True)),
    }
    rows = [r for r in csv.reader(read_text(path).splitlines()) if any(c.strip() for c in r)]
    if not rows:
        raise DyzError("roll_empty", path=str(path))
    positions = {names[h.strip()]: i for i, h in enumerate(rows[0]) if h.strip() in names}
    missing = [c for c in ("role", "name", "phone", "scope") if c not in positions]
    if missing:
        raise DyzError("roll_missing_columns", columns=", ".join(missing))
    added = present = 0
    problems: list[tuple[str, int, str]] = []
    with store.transaction():
        for line, row in enumerate(rows[1:], start=2):
            cells = {k: (row[i].strip() if i < len(row) else "") for k, i in positions.items()}
            try:
                add_member(
                    store,
                    cells["role"],
                    cells["name"],
                    cells["phone"],
                    cells["scope"],
                    estate=cells.get("estate") or estate,
                    duties=cells.get("duties") or None,
                    buildings=cells.get("buildings") or None,
                )
                added += 1
            except DyzError as error:
                if error.key == "member_exists":
                    present += 1
                else:
                    problems.append(("", line, error.message()))
        if problems:
            raise RollRejected(problems)
    return added, present
