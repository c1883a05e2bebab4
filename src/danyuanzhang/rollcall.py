"""Importing the household roll (花名册) that communities keep in Excel, saved as CSV.

>>> result = import_roll(store, Path("花名册.csv"))
>>> result.households_added, result.residents_added
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from danyuanzhang.changes import FLAG_PREFIX
from danyuanzhang.errors import DyzError
from danyuanzhang.flags import flag_code, known_flags
from danyuanzhang.households import choose_estate
from danyuanzhang.inputs import (
    parse_born,
    parse_building,
    parse_date,
    parse_name,
    parse_phone,
    parse_ref,
)
from danyuanzhang.store import Store, new_id
from danyuanzhang.store import registry as reg

SIZE_LIMIT = 20 * 1024 * 1024
COLUMNS = ("estate", "building", "unit", "room", "name", "phone", "birth_year", "flags", "moved_in")
COLUMNS_ZH = ("小区", "楼栋", "单元", "房号", "姓名", "电话", "出生年份", "标记", "迁入日期")
REQUIRED = ("building", "unit", "room")
_HEADER_NAMES = {**{c: c for c in COLUMNS}, **dict(zip(COLUMNS_ZH, COLUMNS, strict=True))}
_FLAG_SPLIT = str.maketrans({"、": ";", "，": ";", ",": ";", "；": ";", "/": ";"})


class RollRejected(DyzError):
    """A roll with bad rows: every row's problem is listed, nothing is written."""

    def __init__(self, problems: list[tuple[int, str]]) -> None:
        from danyuanzhang.i18n import counted

        super().__init__("roll_rejected", rows=counted(len(problems), "行", "row"))
        self.problems = problems


@dataclass
class RollResult:
    rows: int = 0
    households_added: int = 0
    residents_added: int = 0
    residents_updated: int = 0
    unchanged: int = 0
    dry_run: bool = False
    estates: list[str] = field(default_factory=list)


def read_text(path: Path) -> str:
    """UTF-8 (with or without BOM), else GB18030, which also reads GBK from Excel on Windows."""
    try:
        if path.stat().st_size > SIZE_LIMIT:
            raise DyzError("file_too_big", path=str(path), limit_mb=SIZE_LIMIT // 2**20)
        data = path.read_bytes()
    except OSError:
        raise DyzError("file_unreadable", path=str(path)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise DyzError("file_encoding", path=str(path)) from None


def template(lang: str) -> str:
    """The header line of an empty roll, in the interface language."""
    return ",".join(COLUMNS_ZH if lang == "zh" else COLUMNS) + "\r\n"


def _columns(header: list[str]) -> dict[str, int]:
    positions: dict[str, int] = {}
    for index, raw in enumerate(header):
        name = _HEADER_NAMES.get(raw.strip().lower()) or _HEADER_NAMES.get(raw.strip())
        if name is None:
            if raw.strip():
                raise DyzError("roll_unknown_column", column=raw.strip())
            continue
        positions[name] = index
    missing = [c for c in REQUIRED + ("name",) if c not in positions]
    if missing:
        raise DyzError("roll_missing_columns", columns=", ".join(missing))
    return positions


def import_roll(
    store: Store, path: Path, estate: str | None = None, dry_run: bool = False
) -> RollResult:
    """Create or update households and residents from a roll; any bad row writes nothing."""
    import csv

    rows = list(csv.reader(read_text(path).splitlines()))
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise DyzError("roll_empty", path=str(path))
    positions = _columns(rows[0])
    result = RollResult(dry_run=dry_run)
    problems: list[tuple[int, str]] = []

    class Discard(Exception):
        pass

    try:
        with store.transaction():
            known = known_flags(store)
            residents_seen: dict[tuple[str, str], str] = {}
            planned: dict[tuple[str, str], dict[str, tuple[Any, int]]] = {}
            for line, row in enumerate(rows[1:], start=2):
                cells = {
                    name: (row[i].strip() if i < len(row) else "") for name, i in positions.items()
                }
                try:
                    _import_row(store, cells, estate, known, residents_seen, planned, line, result)
                except DyzError as error:
                    problems.append((line, error.message()))
                result.rows += 1
            if problems:
                raise RollRejected(problems)
            result.estates = reg.estates(store)
            if dry_run:
                raise Discard
    except Discard:
        pass
    return result


def _registered(store: Store, entity: str, values: dict[str, Any]) -> str | None:
    """The record first registered under these values, though since corrected: importing the
    same roll again finds the household whose room was put right, not a new one."""
    from danyuanzhang.merge import key_of

    key = key_of(entity, values)
    found = reg.keyed_records(store, entity, key) if key is not None else []
    return reg.canonical(store, found[0]) if found else None


def _import_row(
    store: Store,
    cells: dict[str, str],
    estate: str | None,
    known: dict[str, tuple[str, str]],
    residents_seen: dict[tuple[str, str], str],
    planned: dict[tuple[str, str], dict[str, tuple[Any, int]]],
    line: int,
    result: RollResult,
) -> None:
    building = parse_building(cells["building"]) if cells["building"] else ""
    ref = parse_ref(
        f"{building}-{cells['unit'].removesuffix('单元')}-{cells['room'].removesuffix('室')}"
    )
    estate_name = choose_estate(store, cells.get("estate") or estate, for_new=True)
    fields: dict[str, Any] = {}
    name = cells.get("name", "")
    if cells.get("phone"):
        fields["phone"] = parse_phone(cells["phone"])
    if cells.get("birth_year"):
        fields["born"] = parse_born(cells["birth_year"])
    if cells.get("moved_in"):
        fields["moved_in"] = parse_date(cells["moved_in"], "moved_in")
    for text in cells.get("flags", "").translate(_FLAG_SPLIT).split(";"):
        if text.strip():
            fields[FLAG_PREFIX + flag_code(store, text, known)] = True
    if name:
        name = parse_name(name)
    elif fields:
        raise DyzError("roll_fields_without_name")

    household_id = _registered(
        store,
        "household",
        {"estate": estate_name, "building": ref.building, "unit": ref.unit, "room": ref.room},
    )
    household = reg.household_at(store, estate_name, ref.building, ref.unit, ref.room)
    if household is None and household_id is None:
        household_id = new_id()
        store.put(
            "household",
            household_id,
            {"estate": estate_name, "building": ref.building, "unit": ref.unit, "room": ref.room},
            new=True,
        )
        result.households_added += 1
    elif household is not None:
        household_id = household["id"]
    assert household_id is not None
    if not name:
        return
    # The same person twice in one roll is fine; with different details it is a mistake to show,
    # or a second import would flip their details back and forth.
    earlier = planned.setdefault((household_id, name), {})
    for key, value in fields.items():
        if key in earlier and earlier[key][0] != value:
            raise DyzError("roll_duplicate_person", name=name, other=earlier[key][1])
        earlier[key] = (value, line)
    assert household_id is not None
    resident_id = residents_seen.get((household_id, name))
    if resident_id is None:
        existing = reg.resident_named(store, household_id, name)
        resident_id = (
            existing["id"]
            if existing is not None
            else _registered(store, "resident", {"household": household_id, "name": name})
        )
    if resident_id is None:
        resident_id = new_id()
        store.put(
            "resident", resident_id, {"household": household_id, "name": name, **fields}, new=True
        )
        result.residents_added += 1
    elif store.put("resident", resident_id, fields):
        result.residents_updated += 1
    else:
        result.unchanged += 1
    residents_seen[(household_id, name)] = resident_id
