"""Fire patrols (防火巡查): one walk through a unit or a building, with its checklist.

The fire-patrol record must show every patrol, "正常" included, so a patrol is a record of its
own whether it found anything or not. Each problem it finds becomes a hazard exactly as
`dyz hazard add` makes one, naming the patrol, and then follows the hazard's steps.

>>> record_patrol(store, unit="2-2", all_clear=True)  # doctest: +SKIP
>>> record_patrol(store, unit="2-2", problems=["通道:3楼楼道堆放纸箱"])  # doctest: +SKIP
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from danyuanzhang.cases.hazards import COMMON_PARTS
from danyuanzhang.errors import DyzError
from danyuanzhang.households.scopes import choose_estate
from danyuanzhang.store import Store, new_id
from danyuanzhang.store import patrols as q
from danyuanzhang.store import registry as reg
from danyuanzhang.system.tuples import Record
from danyuanzhang.text.i18n import pick
from danyuanzhang.text.inputs import (
    day_it_happened,
    parse_building,
    parse_free_text,
    parse_unit,
)
from danyuanzhang.text.words import Vocabulary


class Check(Record):
    zh: str
    en: str
    hazard_kind: str  # the kind of hazard a problem with this item is
    words: tuple[str, ...]  # short names a patroller types: 通道, 灭火器


# the checklist of the fire-patrol record, in its order
CHECKS: dict[str, Check] = {
    "passage": Check(
        "通道/出口畅通", "passages and exits clear", "blocked_exit", ("通道", "出口", "楼道")
    ),
    "lighting": Check(
        "应急照明/指示",
        "emergency lights and signs",
        "emergency_light",
        ("应急照明", "照明", "应急灯", "指示", "指示牌"),
    ),
    "extinguisher": Check(
        "灭火器在位有效", "extinguishers in place", "extinguisher", ("灭火器", "消防器材")
    ),
    "ebike": Check(
        "电动车入户/飞线充电",
        "e-bikes indoors, flying wires",
        "ebike_indoor",
        ("电动车", "电动车入户", "飞线", "飞线充电", "充电"),
    ),
    "combustibles": Check(
        "可燃物堆放", "combustibles piled up", "flammables", ("可燃物", "杂物", "易燃物")
    ),
}


class Problem(Record):
    item: str  # a code of CHECKS
    text: str  # what was seen: "堆放纸箱"
    place: str = ""  # where: "3楼楼道", or "2-1 3楼楼道" on a building walk
    household: str | None = None  # the flat responsible; None for a common part
    days: int | None = None  # to put it right; None for the kind's usual days


# "5楼窗口拉飞线充电" → "5楼窗口" and "拉飞线充电": a floor, then the part of it, when the
# patroller wrote the place and what was seen in one breath (compiled when a patrol is first
# read: compiling it on import cost every dyz today about 0.3 ms)
_PLACE_FIRST = (
    r"^((?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[楼层]"
    r"(?:楼道|楼梯间|楼梯|窗口|窗外|门口|走廊|过道|平台|电表箱|消防栓|东侧|西侧)?)(.+)$"
)


def check_vocabulary() -> Vocabulary:
    return Vocabulary(
        ("检查项", "checklist item"),
        {code: (check.zh, check.en) for code, check in CHECKS.items()},
        {word: code for code, check in CHECKS.items() for word in check.words},
    )


def check_from_text(text: str) -> str:
    """`通道`, `passage` or `通道/出口畅通` all name the first item of the checklist."""
    return check_vocabulary().parse(text)


def parse_problem(text: str) -> Problem:
    """`通道:3楼楼道:堆放纸箱[:2-2-301]` (colons of either width): the item, where, what was
    seen and the flat responsible; `通道:3楼楼道堆放纸箱` is split where a floor's place ends."""
    import unicodedata

    parts = [p.strip() for p in unicodedata.normalize("NFKC", text).split(":")]
    if len(parts) < 2 or len(parts) > 4 or not all(parts):
        raise DyzError("patrol_bad_problem", text=text)
    item = check_from_text(parts[0])
    if len(parts) == 2:
        return split_seen(item, parts[1])
    household = parts[3] if len(parts) == 4 and parts[3] not in COMMON_PARTS else None
    return Problem(
        item, parse_free_text(parts[2], limit=100), parse_free_text(parts[1], limit=100), household
    )


def split_seen(item: str, text: str) -> Problem:
    """What a patroller wrote in one breath, as place and what was seen where it can tell."""
    import unicodedata

    seen = parse_free_text(unicodedata.normalize("NFKC", text), limit=100)
    first, _, rest = seen.partition(" ")
    prefix = ""
    try:  # a building's walk names the unit first
        parse_unit(first)
        prefix, seen = first + " ", rest.strip()
    except DyzError:
        pass
    match = re.match(_PLACE_FIRST, seen)
    if match:
        return Problem(item, match.group(2).strip(), prefix + match.group(1))
    return Problem(item, "", prefix + seen)


def parse_at(text: str) -> str:
    """A time of day, `9:30` or `21:05` → `09:30`."""
    match = re.fullmatch(r"([01]?[0-9]|2[0-3])[:：]([0-5][0-9])", text.strip())
    if not match:
        raise DyzError("patrol_bad_time", text=text)
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def record_patrol(  # noqa: PLR0913
    store: Store,
    unit: str | None = None,
    building: str | None = None,
    problems: list[str] | list[Problem] | None = None,
    all_clear: bool = False,
    on: str | None = None,
    at: str | None = None,
    patroller: str | None = None,
    note: str | None = None,
    severity: str | None = None,
    days: int | None = None,
    estate: str | None = None,
) -> dict[str, Any]:
    """One patrol and a hazard for each problem it found, all written at once."""
    from danyuanzhang.cases.hazards import add_hazard, check_days, default_days, parse_severity
    from danyuanzhang.store import visitor_name

    if (unit is None) == (building is None):
        raise DyzError("patrol_unit_or_building")
    found = [p if isinstance(p, Problem) else parse_problem(p) for p in problems or []]
    if all_clear and found:
        raise DyzError("patrol_clear_and_problems")
    if not all_clear and not found:
        raise DyzError("patrol_say_what")
    # checked before anything is written, though only a problem's hazard uses them
    if severity is not None:
        parse_severity(severity)
    if days is not None:
        check_days(days)
    if unit is not None:
        place = parse_unit(unit)
        where_building, where_unit = place.building, place.unit
    else:
        where_building, where_unit = parse_building(building or ""), None
    day = day_it_happened(on)
    fields: dict[str, Any] = {
        "building": where_building,
        "on": day,
        "at": parse_at(at) if at else datetime.now().strftime("%H:%M"),
        "patroller": visitor_name(store, patroller),
    }
    if where_unit is not None:
        fields["unit"] = where_unit
    troubled = {p.item for p in found}
    for code in CHECKS:
        fields[code] = "problem" if code in troubled else "ok"
    if note:
        fields["note"] = parse_free_text(note)
    with store.transaction():
        fields["estate"] = choose_estate(store, estate, for_new=True)
        patrol_id = new_id()
        store.put("patrol", patrol_id, fields, new=True)
        hazards = []
        for problem in found:
            where = _hazard_where(problem, where_building, where_unit)
            kind = _hazard_kind(problem)
            given_days = problem.days if problem.days is not None else days
            hazards.append(
                add_hazard(
                    store,
                    kind,
                    where,
                    household=_in_walked_unit(problem.household, where_building, where_unit),
                    severity=severity,
                    days=default_days(kind) if given_days is None else given_days,
                    note=problem.text or None,
                    on=day,
                    estate=fields["estate"],
                    patrol=patrol_id,
                )
            )
    return {
        "id": patrol_id,
        "where": _where_words(where_building, where_unit),
        "on": day,
        "all_clear": not found,
        "hazards": hazards,
    }


def _hazard_kind(problem: Problem) -> str:
    said = problem.text + problem.place
    if problem.item == "ebike" and ("飞线" in said or "拉线" in said):
        return "flying_wire"
    return CHECKS[problem.item].hazard_kind


def _hazard_where(problem: Problem, building: str, unit: str | None) -> str:
    """A hazard lives in a unit: a unit's patrol gives it; a building's names it first."""
    place = problem.place or problem.text
    if unit is not None:
        return f"{building}-{unit} {place}"
    first = place.split(" ", 1)[0]
    try:
        found = parse_unit(first)
    except DyzError:
        raise DyzError("patrol_problem_needs_unit", text=place, building=building) from None
    if found.building != building:
        raise DyzError("patrol_problem_needs_unit", text=place, building=building)
    return place


def _where_words(building: str, unit: str | None) -> str:
    return (
        f"{building}-{unit}" if unit is not None else pick(f"{building}栋", f"building {building}")
    )


def describe(store: Store, rows: list[Any]) -> list[dict[str, Any]]:
    """Patrols as JSON objects: where, when, who, each item of the checklist, the hazards."""
    found = q.hazards_of(store, [r["id"] for r in rows])
    result = []
    for row in rows:
        checks = {code: row[code] for code in CHECKS}
        result.append(
            {
                "id": row["id"],
                "estate": row["estate"],
                "building": row["building"],
                "unit": f"{row['building']}-{row['unit']}" if row["unit"] else None,
                "on": row["on_date"],
                "at": row["at_time"],
                "patroller": row["patroller"],
                "checks": checks,
                "all_clear": all(v == "ok" for v in checks.values()),
                "note": row["note"],
                "hazards": [
                    {
                        "id": h["id"],
                        "kind": h["kind"],
                        "place": h["place"],
                        "note": h["note"],
                        "due": h["due"],
                    }
                    for h in found.get(row["id"], [])
                ],
            }
        )
    return result


def list_patrols(
    store: Store,
    estate: str | None = None,
    start: str | None = None,
    end: str | None = None,
    scope: Any = None,
) -> list[dict[str, Any]]:
    """Patrols between two days (both included), oldest first; within `scope` if given."""
    estates = [choose_estate(store, estate)] if estate else reg.estates(store)
    rows = q.patrols(store, estates, start, end)
    if scope is not None:
        rows = [r for r in rows if scope.holds(r)]
    return describe(store, rows)


def _in_walked_unit(flat: str | None, building: str, unit: str | None) -> str | None:
    """A room number alone (502, 502室) is the flat of the unit walked: 2-2-502."""
    import unicodedata

    if flat is None or unit is None:
        return flat
    room = re.fullmatch(r"(\d{3,4})[室号]?", unicodedata.normalize("NFKC", flat).strip())
    return f"{building}-{unit}-{room.group(1)}" if room else flat


def flat_in_walk(flat: str, unit: str | None) -> str:
    """What a patroller typed for the flat, a room alone read in the unit walked (2-2)."""
    if unit is None:
        return flat
    place = parse_unit(unit)
    return _in_walked_unit(flat, place.building, place.unit) or flat


def ask_checklist(asker: Any, building: str | None = None, check_flat: Any = None) -> list[Problem]:
    """Walk the checklist with the patroller: each item in order or a problem, and for a
    problem where it is (a building's walk names the unit first), what was seen, the flat
    responsible (Enter for a common part) and the days to put it right (the kind's usual
    days offered). `check_flat` refuses a flat that is not on the roll, to ask again."""
    from danyuanzhang.cases.hazards import default_days
    from danyuanzhang.text.i18n import t

    found = []
    for code, check in CHECKS.items():
        answer = asker.select(
            t("patrol_ask_item", item=pick(check.zh, check.en)),
            [(t("patrol_ok"), "ok"), (t("patrol_problem"), "problem")],
            numbered=True,
            none_chosen=True,  # a habitual Enter must not sign a stairwell off as 正常
        )
        if answer != "problem":
            continue

        def check_place(text: str, code: str = code) -> str:
            place = parse_free_text(text, limit=100)
            if not place:
                raise DyzError("patrol_place_empty")
            if building:
                _hazard_where(Problem(code, "", place), building, None)
            return place

        def check_seen(text: str) -> str:
            seen = parse_free_text(text, limit=100)
            if not seen:
                raise DyzError("patrol_seen_empty")
            return seen

        def check_days_text(text: str) -> int:
            from danyuanzhang.cases.hazards import check_days
            from danyuanzhang.text.inputs import parse_count

            days = parse_count(text)
            check_days(days)
            return days

        question = (
            t("patrol_ask_place_building", building=building) if building else t("patrol_ask_place")
        )
        place = check_place(asker.text(question, check=check_place))
        seen = check_seen(asker.text(t("patrol_ask_what"), check=check_seen))
        flat = asker.text(t("patrol_ask_household"), check=check_flat).strip()
        kind = _hazard_kind(Problem(code, seen, place))
        usual = default_days(kind)
        days = check_days_text(
            asker.text(t("patrol_ask_days"), default=str(usual), check=check_days_text)
        )
        household = flat if flat and flat not in COMMON_PARTS else None
        found.append(Problem(code, seen, place, household, days))
    return found


def result_words(item: dict[str, Any]) -> str:
    """正常, or the items with a problem and what was seen: 通道/出口畅通：3楼楼道堆放纸箱."""
    from danyuanzhang.text.i18n import t

    if item["all_clear"]:
        return t("patrol_ok") if not item["note"] else f"{t('patrol_ok')}（{item['note']}）"
    troubled = [pick(c.zh, c.en) for code, c in CHECKS.items() if item["checks"][code] != "ok"]
    seen = [f"{h['place'] or ''}{h['note'] or ''}" for h in item["hazards"]]
    seen = [words for words in seen if words]
    words = pick("、", ", ").join(troubled)
    if seen:
        words += pick("：", ": ") + pick("；", "; ").join(seen)
    return words
