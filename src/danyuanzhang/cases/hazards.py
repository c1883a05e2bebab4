"""Patrols (排查隐患): hazards found in a stairwell, and the steps until they are fixed.

A hazard is found → notified (the household told, a deadline set) → rectified → verified;
reopened when a re-inspection fails. Each step is a record of its own, so two laptops acting
on one hazard never conflict; the status is read from the steps in the order they were taken,
and a step that no longer fits (a second "fixed") changes nothing.

>>> add_hazard(store, kind="飞线充电", where="2-2 3楼窗外", days=3)  # doctest: +SKIP
>>> take_step(store, "3fa2", "notified")  # doctest: +SKIP
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from danyuanzhang.errors import DyzError
from danyuanzhang.households.registry import find_household, household_json
from danyuanzhang.households.scopes import choose_estate
from danyuanzhang.store import Store, new_id
from danyuanzhang.store import hazards as q
from danyuanzhang.store import registry as reg
from danyuanzhang.text.inputs import (
    UnitRef,
    day_it_happened,
    parse_date,
    parse_free_text,
    parse_unit,
    place_of,
    today,
)

RECURRENCE_DAYS = 90
# hazards whose recurrences are looked for together: their earlier ones' steps in one read,
# without holding a district's at once
RECURRENCES_AT_ONCE = 500
# what each step may follow
STEPS_FROM = {
    "notified": ("found", "notified"),
    "rectified": ("found", "notified"),
    "verified": ("rectified",),
    "reopened": ("rectified", "verified"),
    # entered by mistake: withdrawn from wherever it stands, and nothing follows
    "withdrawn": ("found", "notified", "rectified", "verified"),
}
STATUS_AFTER = {
    "notified": "notified",
    "rectified": "rectified",
    "verified": "verified",
    "reopened": "notified",
    "withdrawn": "withdrawn",
}


def known_kinds(store: Store) -> dict[str, tuple[str, str]]:
    """The eight kinds of DOMAIN.md and those a community added, with their two names."""
    from danyuanzhang.households.community_kinds import known
    from danyuanzhang.text.vocab import HAZARD_KINDS

    return known(store, HAZARD_KINDS, "hazard_kinds")


def parse_kind(store: Store, text: str) -> str:
    from danyuanzhang.text.words import hazard_kind

    return hazard_kind(known_kinds(store)).parse(text)


def add_kind(store: Store, code: str, label_zh: str, label_en: str | None) -> str:
    """A kind of hazard the community adds, e.g. `dyz hazard kind-add gas --zh 燃气泄漏`."""
    from danyuanzhang.households.community_kinds import add

    with store.transaction():
        return add(
            store, "hazard_kind", "hazard_kind_", code, label_zh, label_en,
            known_kinds(store), "hazard_kind_exists",
        )  # fmt: skip


def recurrence_days(store: Store) -> int:
    return int(store.setting("recurrence_days") or RECURRENCE_DAYS)


def set_recurrence_days(store: Store, days: int) -> None:
    """This laptop's window for recurrences (回潮); each laptop keeps its own."""
    if not 1 <= days <= 3650:
        raise DyzError("bad_recurrence_days", days=days)
    store.set_setting("recurrence_days", str(days))


def parse_where(text: str) -> tuple[UnitRef | None, str]:
    """`2-2 3楼楼道` → (unit 2-2, "3楼楼道"): the unit first, then any words; `3楼楼道` alone
    → (None, "3楼楼道"), the unit to be found from the household or the roll."""
    first, _, rest = text.strip().partition(" ")
    try:
        return parse_unit(first), parse_free_text(rest, limit=100)
    except DyzError:
        if not text.strip() or any(mark in first for mark in ("-", "栋", "幢", "单元")):
            raise  # meant as a unit, but not one
        return None, parse_free_text(text, limit=100)


def _unit_of_place(store: Store, estate: str, where: str, household: Any) -> UnitRef:
    """The unit a place without one is in: the household's, or the roll's only unit."""
    if household is not None:
        return UnitRef(household["building"], household["unit"])
    from danyuanzhang.store.patrols import units

    known = units(store, [estate])
    if len(known) == 1:
        return UnitRef(known[0]["building"], known[0]["unit"])
    raise DyzError("where_needs_unit", text=where)


def parse_severity(text: str | None) -> str:
    """low, medium (the default) or high."""
    from danyuanzhang.text.words import SEVERITY

    return SEVERITY.parse(text or "medium")


def default_days(kind: str) -> int:
    """Days a kind of hazard is given to be put right when nobody says otherwise."""
    from danyuanzhang.text.vocab import HAZARD_REQUIREMENTS

    return HAZARD_REQUIREMENTS.get(kind, HAZARD_REQUIREMENTS["other"])[0]


def standard_requirement(kind: str) -> str:
    """What a notice asks of this kind of hazard, in the words a household reads."""
    from danyuanzhang.text.vocab import HAZARD_REQUIREMENTS

    return HAZARD_REQUIREMENTS.get(kind, HAZARD_REQUIREMENTS["other"])[1]


def parse_place(text: str) -> str:
    """Where in the unit, as people write it; full-width digits made plain (５楼 → 5楼)."""
    from danyuanzhang.text.normal import nfkc

    return parse_free_text(nfkc(text), limit=100)


def check_days(days: int) -> None:
    """Days to fix a hazard: from the same day to a year."""
    if not 0 <= days <= 365:
        raise DyzError("bad_days", days=days)


def add_hazard(  # noqa: PLR0913
    store: Store,
    kind: str,
    where: str,
    household: str | None = None,
    severity: str | None = None,
    due: str | None = None,
    days: int | None = None,
    note: str | None = None,
    photo: str | None = None,
    on: str | None = None,
    estate: str | None = None,
    visit: str | None = None,
    patrol: str | None = None,
    requirement: str | None = None,
) -> dict[str, Any]:
    """A hazard found; its severity only when someone judged it, its requirement as given or
    the kind's standard wording."""
    code = parse_kind(store, kind)
    given_unit, place = parse_where(where)
    place = parse_place(place) if place else place
    found_on = day_it_happened(on)
    if due and days is not None:
        raise DyzError("due_or_days")
    if days is not None:
        check_days(days)
        deadline: str | None = (date.fromisoformat(found_on) + timedelta(days=days)).isoformat()
    else:
        deadline = parse_date(due, "--due") if due else None
    if deadline and deadline < found_on:
        raise DyzError("due_before_found", due=deadline, found=found_on)
    fields: dict[str, Any] = {
        "kind": code,
        "place": place,
        "found_on": found_on,
        "requirement": parse_free_text(requirement or standard_requirement(code), limit=100),
    }
    if severity is not None:
        fields["severity"] = parse_severity(severity)
    if deadline:
        fields["due"] = deadline
    if note:
        fields["note"] = parse_free_text(note)
    if visit:
        fields["visit"] = visit
    if patrol:
        fields["patrol"] = patrol
    if photo:
        from danyuanzhang.system.photos import read_photo

        fields["photo"] = read_photo(photo)
    with store.transaction():
        fields["estate"] = choose_estate(store, estate, for_new=True)
        home = find_household(store, household, fields["estate"]) if household else None
        if home is not None:
            fields["household"] = home["id"]
        unit_ref = given_unit or _unit_of_place(store, fields["estate"], where, home)
        fields["building"], fields["unit"] = unit_ref.building, unit_ref.unit
        hazard_id = new_id()
        store.put("hazard", hazard_id, fields, new=True)
        row = q.hazard(store, hazard_id)
        window = recurrence_days(store)
        return {
            "id": hazard_id,
            "unit": str(unit_ref),
            "due": deadline,
            "recurrence_of": _recurrence_of(store, row, window),
        }


def edit_hazard(
    store: Store,
    id_prefix: str,
    where: str | None = None,
    household: str | None = None,
    note: str | None = None,
    due: str | None = None,
    requirement: str | None = None,
    severity: str | None = None,
) -> dict[str, Any]:
    """Put right what was written down wrong: the place (its unit too), the household
    responsible (`公共部位` for none), the description, the deadline, the requirement."""
    with store.transaction():
        row = find_hazard(store, id_prefix)
        fields: dict[str, Any] = {}
        if where is not None:
            unit, place = parse_where(where)
            if not place:
                raise DyzError("hazard_place_empty")
            fields["place"] = parse_place(place)
            if unit is not None:
                fields["building"], fields["unit"] = unit.building, unit.unit
        if household is not None:
            if household.strip() in COMMON_PARTS:
                fields["household"] = None
            else:
                home = find_household(store, household, row["estate"])
                fields["household"] = home["id"]
                fields["building"], fields["unit"] = home["building"], home["unit"]
        if note is not None:
            fields["note"] = parse_free_text(note) or None
        if due is not None:
            deadline = parse_date(due, "--due")
            if deadline < row["found_on"]:
                raise DyzError("due_before_found", due=deadline, found=row["found_on"])
            fields["due"] = deadline
        if requirement is not None:
            fields["requirement"] = parse_free_text(requirement, limit=100) or None
        if severity is not None:
            fields["severity"] = parse_severity(severity)
        changed = {k: v for k, v in fields.items() if v != row[_COLUMN.get(k, k)]}
        if not changed:
            raise DyzError("hazard_nothing_to_change")
        # what would not be written must not be said done
        if q.writable_fields(store, row["id"], changed) != changed:
            raise DyzError("hazard_words_erased")
        store.put("hazard", row["id"], changed)
        return show_hazard(store, row["id"])


# what a person writes for a hazard in a common part of the building, responsible: nobody
COMMON_PARTS = ("公共部位", "公共", "无", "none", "common")
_COLUMN = {"household": "household_id"}


def find_hazard(store: Store, id_prefix: str) -> Any:
    return q.hazard(store, store.resolve_prefix("hazards", id_prefix, "hazard_not_found"))


def take_step(
    store: Store,
    id_prefix: str,
    step: str,
    on: str | None = None,
    note: str | None = None,
    due: str | None = None,
    days: int | None = None,
) -> dict[str, Any]:
    """Record a step; refuse one that does not follow from where the hazard stands."""
    day = day_it_happened(on)
    with store.transaction():
        row = find_hazard(store, id_prefix)
        current = describe(store, [row])[0]
        from danyuanzhang.core.lifecycle import refuse_unless_follows
        from danyuanzhang.text.vocab import HAZARD_STATUSES

        refuse_unless_follows(current["status"], step, STEPS_FROM, HAZARD_STATUSES, "step_refused")
        if day < row["found_on"]:
            raise DyzError("step_before_found", on=day, found=row["found_on"])
        fields: dict[str, Any] = {"hazard": row["id"], "step": step, "on": day}
        if days is not None:
            due = (date.fromisoformat(day) + timedelta(days=days)).isoformat()
        if due:
            deadline = parse_date(due, "--due")
            if deadline < day:
                raise DyzError("due_before_found", due=deadline, found=day)
            fields["due"] = deadline
        if note:
            fields["note"] = parse_free_text(note)
        store.put("hazard_event", new_id(), fields, new=True)
        return describe(store, [q.hazard(store, row["id"])], with_timeline=True)[0]


def withdraw(store: Store, id_prefix: str, reason: str, on: str | None = None) -> dict[str, Any]:
    """Withdraw a hazard entered by mistake: it leaves every list and count, and its history
    (this step and its reason among them) stays."""
    if not parse_free_text(reason or ""):
        raise DyzError("withdraw_needs_reason")
    return take_step(store, id_prefix, "withdrawn", on=on, note=reason)


def _status(row: Any, events: list[Any]) -> tuple[str, str | None, str | None, list[Any]]:
    """(status, deadline, verified on, the steps that took effect), from the steps in order."""
    from danyuanzhang.core.lifecycle import follow

    status, taken = follow("found", events, STEPS_FROM, STATUS_AFTER)
    deadline = next((e["due"] for e in reversed(taken) if e["due"]), row["due"])
    verified_on = taken[-1]["on_date"] if status == "verified" else None
    return status, deadline, verified_on, taken


def describe(
    store: Store,
    rows: list[Any],
    with_timeline: bool = False,
    on: str | None = None,
    with_recurrence: bool = True,
) -> list[dict[str, Any]]:
    """Hazards as JSON objects: status, overdue, and the earlier hazard this one repeats.
    With `on`, as they stood at the end of that day."""
    day = on or today()
    ids = [r["id"] for r in rows]
    events: dict[str, list[Any]] = {i: [] for i in ids}
    for event in q.events_of(store, ids):
        if on is None or event["on_date"] <= on:
            events[event["hazard_id"]].append(event)
    window = recurrence_days(store)
    repeats = _recurrences_of(store, rows, window) if with_recurrence else {}
    homes = reg.households_by_id(store, [r["household_id"] for r in rows if r["household_id"]])
    result = []
    for row in rows:
        status, deadline, _, taken = _status(row, events[row["id"]])
        home = homes.get(row["household_id"])
        item: dict[str, Any] = {
            "id": row["id"],
            "status": status,
            "kind": row["kind"],
            "estate": row["estate"],
            "unit": f"{row['building']}-{row['unit']}",
            "place": row["place"],
            "household": household_json(home)["ref"] if home is not None else None,
            "severity": row["severity"],
            "found_on": row["found_on"],
            "due": deadline,
            "overdue": bool(deadline and deadline < day and status in ("found", "notified")),
            "recurrence_of": repeats.get(row["id"]),
            "note": row["note"],
            "requirement": row["requirement"],
            "notice_no": row["notice_no"],
            "notice_on": row["notice_on"],
        }
        if with_timeline:
            counted = {e["id"] for e in taken}
            item["timeline"] = [
                {
                    "step": "found",
                    "on": row["found_on"],
                    "due": row["due"],
                    "note": row["note"],
                    "by": None,
                    "counted": True,
                }
            ] + [
                {
                    "step": e["step"],
                    "on": e["on_date"],
                    "due": e["due"],
                    "note": e["note"],
                    "by": e["author"],
                    # a step also taken on another laptop while apart: kept, not counted twice
                    "counted": e["id"] in counted,
                }
                for e in events[row["id"]]
            ]
        result.append(item)
    return result


def _recurrence_of(store: Store, row: Any, window: int) -> str | None:
    """The latest earlier hazard of the same kind at the same unit, verified at most `window`
    days before this one was found."""
    return _recurrences_of(store, [row], window)[row["id"]]


def _recurrences_of(store: Store, rows: list[Any], window: int) -> dict[str, str | None]:
    """`_recurrence_of` for each of these hazards: the earlier ones each may repeat, those of
    its kind at its unit verified lately, and their steps read together, a few hundred
    hazards' at a time."""
    result: dict[str, str | None] = {}
    for start in range(0, len(rows), RECURRENCES_AT_ONCE):
        result |= _recurrences_among(store, rows[start : start + RECURRENCES_AT_ONCE], window)
    return result


def _recurrences_among(store: Store, rows: list[Any], window: int) -> dict[str, str | None]:
    earlier: dict[str, list[Any]] = {}
    for row in rows:
        since = (date.fromisoformat(row["found_on"]) - timedelta(days=window)).isoformat()
        found = q.verified_since(
            store, row["estate"], row["building"], row["unit"], row["kind"], since
        )
        earlier[row["id"]] = [r for r in found if r["id"] != row["id"]]
    events: dict[str, list[Any]] = {r["id"]: [] for found in earlier.values() for r in found}
    for event in q.events_of(store, list(events)) if events else ():
        events[event["hazard_id"]].append(event)
    result: dict[str, str | None] = {}
    for row in rows:
        found_on = date.fromisoformat(row["found_on"])
        best: tuple[str, str] | None = None
        for other in earlier[row["id"]]:
            status, _, verified_on, _ = _status(other, events[other["id"]])
            if status != "verified" or verified_on is None:
                continue
            gap = (found_on - date.fromisoformat(verified_on)).days
            if 0 <= gap <= window and (best is None or (verified_on, other["id"]) > best):
                best = (verified_on, other["id"])
        result[row["id"]] = best[1] if best else None
    return result


def list_hazards(  # noqa: PLR0913 - the filters of `dyz hazard list`, and what today leaves out
    store: Store,
    estate: str | None = None,
    unit: str | None = None,
    kind: str | None = None,
    open_only: bool = False,
    overdue_only: bool = False,
    on: str | None = None,
    building: str | None = None,
    with_recurrence: bool = True,
) -> list[dict[str, Any]]:
    estates = [choose_estate(store, estate)] if estate else reg.estates(store)
    building, unit_number = place_of(unit, building)
    code = parse_kind(store, kind) if kind else None
    if open_only:
        # those that may be open by the day, through the verified day's index, however many
        # were verified before: their steps, read next, say which are
        from danyuanzhang.store.report import unverified_hazards

        found = unverified_hazards(store, estates, building, unit_number, on or today())
        rows = sorted(
            (r for r in found if code is None or r["kind"] == code),
            key=lambda r: (r["found_on"], r["id"]),
        )
    else:
        rows = q.hazards(store, estates, building, unit_number, code)
    items = describe(store, rows, on=on, with_recurrence=with_recurrence)
    if open_only:
        items = [i for i in items if i["status"] != "verified"]
    if overdue_only:
        items = [i for i in items if i["overdue"]]
    return items


def show_hazard(store: Store, id_prefix: str) -> dict[str, Any]:
    return describe(store, [find_hazard(store, id_prefix)], with_timeline=True)[0]


def recurrences_by_unit(store: Store) -> dict[str, int]:
    """How many hazards repeat an earlier one, per unit (for the weekly report)."""
    counts: dict[str, int] = {}
    for item in list_hazards(store):
        if item["recurrence_of"]:
            counts[item["unit"]] = counts.get(item["unit"], 0) + 1
    return counts
