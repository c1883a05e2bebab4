"""Door-knocking (敲门行动): a visit to one household and everything it turns up — needs
settled or carried on, hazards seen, residents who moved in or out, the anti-fraud app.

A visit is written all at once, in one transaction, from a `VisitPlan` (visits/plan.py): the
interview (`dyz visit`) and the one-line form (`dyz visit add`) fill the same plan, so the same
answers make the same records either way.

>>> from danyuanzhang.visits.plan import Need, VisitPlan
>>> plan = VisitPlan(household="2-2-301", needs=[Need("维修", "楼道灯坏了")], anti_fraud_app=True)
>>> record_visit(store, plan)  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from danyuanzhang.errors import DyzError
from danyuanzhang.households.registry import find_household, household_json
from danyuanzhang.households.scopes import choose_estate
from danyuanzhang.store import Store, new_id, stored_bool, visitor_name
from danyuanzhang.store import registry as reg
from danyuanzhang.store import visits as q
from danyuanzhang.system.tuples import Record
from danyuanzhang.text import words
from danyuanzhang.text.inputs import (
    day_it_happened,
    parse_date,
    parse_free_text,
    parse_name,
    parse_phone,
)
from danyuanzhang.text.vocab import CARE_AREAS, CARE_FLAGS, CARE_OK, VISIT_OUTCOMES

if TYPE_CHECKING:
    from danyuanzhang.visits.plan import VisitPlan


class _Checked(Record):
    """A plan whose every value has been read and checked, before anything is written (a
    tuple, not a dataclass: importing dataclasses cost visit due, today and the report half a
    millisecond of start-up)."""

    day: str
    kind: str
    outcome: str
    wellbeing: str | None
    note: str | None
    arrivals: list[tuple[str, str | None]]
    needs: list[tuple[str, str, str | None, str | None]]
    hazards: list[tuple[str, str | None, bool]]  # (kind, note, this household's to fix)
    help_needed: tuple[str, str] | None  # (category, text) of the help someone needs
    checks: dict[str, str]  # area: `ok` or what was found
    referral: str | None


def _check(store: Store, plan: VisitPlan) -> _Checked:
    from danyuanzhang.cases.hazards import parse_kind
    from danyuanzhang.cases.petitions import parse_category

    day = day_it_happened(plan.on)
    kind = words.VISIT_KIND.parse(plan.kind)
    outcome = words.VISIT_OUTCOME.parse(plan.outcome)
    wellbeing = words.WELLBEING.parse(plan.wellbeing) if plan.wellbeing else None
    if outcome != "met":
        said = [
            option
            for option, given in (
                ("--introduced", plan.introduced),
                ("--moved-in", plan.moved_in),
                ("--moved-out", plan.moved_out),
                ("--flag", plan.flags),
                ("--need / --resolved-need", plan.needs),
                ("--anti-fraud-app", plan.anti_fraud_app is not None),
                ("--briefed", plan.briefed),
                ("--wellbeing", wellbeing),
                ("--met", plan.met),
                ("--help-needed", plan.help_needed),
                ("--check", plan.checks),
                ("--referral", plan.referral),
            )
            if given
        ]
        if said:
            from danyuanzhang.text.i18n import pick

            zh, en = VISIT_OUTCOMES[outcome]
            raise DyzError("visit_not_met", outcome=pick(zh, en), options=", ".join(said))
    needs = []
    for need in plan.needs:
        text = parse_free_text(need.text)
        if not text:
            raise DyzError("empty_petition")
        done = parse_free_text(need.done) if need.done is not None else None
        if need.done is not None and not done:
            raise DyzError("resolve_needs_note")
        needs.append((parse_category(need.category), text, done, need.volunteer))
    hazards = [
        (parse_kind(store, kind), parse_free_text(note) or None, theirs)
        for theirs, seen in ((True, plan.hazards), (False, plan.common_hazards))
        for kind, note in seen
    ]
    arrivals = [
        (parse_name(a.name), parse_phone(a.phone) if a.phone else None) for a in plan.moved_in
    ]
    help_needed = None
    if wellbeing == "needs_help" and plan.help_needed is None:
        raise DyzError("help_needed_missing")
    if plan.help_needed is not None:
        if wellbeing != "needs_help":
            raise DyzError("help_needs_needs_help")
        category, text = plan.help_needed
        help_text = parse_free_text(text)
        if not help_text:
            raise DyzError("empty_petition")
        help_needed = (parse_category(category), help_text)
    note = parse_free_text(plan.note) if plan.note else None
    checks, referral = _care_checks(plan)
    return _Checked(
        day,
        kind,
        outcome,
        wellbeing,
        note or None,
        arrivals,
        needs,
        hazards,
        help_needed,
        checks,
        referral,
    )


# what a finding says when nothing is wrong in an area
_OK_WORDS = {CARE_OK, "正常", "normal", "无异常", "没问题", "良好", "好"}


def _care_checks(plan: VisitPlan) -> tuple[dict[str, str], str | None]:
    """The areas a care visit checked, each `ok` or what was found, and whom it referred them
    to (转介, given as --referral or as --check 转介=…)."""
    from danyuanzhang.text.words import CARE_AREA, fold

    checks: dict[str, str] = {}
    referral = parse_free_text(plan.referral) if plan.referral else None
    for area_text, found_text in plan.checks:
        found = parse_free_text(found_text, limit=100)
        if not found:
            raise DyzError("care_check_empty", area=area_text.strip())
        if fold(area_text) in {fold("转介"), "referral"}:
            if referral is not None:
                raise DyzError("care_check_twice", area=area_text.strip())
            referral = found
            continue
        area = CARE_AREA.parse(area_text)
        if area in checks:
            raise DyzError("care_check_twice", area=area_text.strip())
        checks[area] = CARE_OK if fold(found) in {fold(w) for w in _OK_WORDS} else found
    return checks, referral or None


def cared_for(flags: set[str] | frozenset[str] | list[str], risk: str | None) -> bool:
    """Whether the care ledger follows a resident by what the community said of them: a
    care flag or a risk level (those of 60 and over by age alone are counted there too)."""
    return risk is not None or any(flag in CARE_FLAGS for flag in flags)


def _resident_by_name(residents: list[Any], text: str) -> Any:
    wanted = text.strip()
    for row in residents:
        if row["name"] == wanted or (len(wanted) >= 4 and row["id"].startswith(wanted.lower())):
            return row
    from danyuanzhang.text.i18n import join

    raise DyzError(
        "visit_resident_unknown", name=wanted, known=join([r["name"] for r in residents]) or "—"
    )


def _resident_met(residents: list[Any], text: str) -> Any:
    """The current resident named, or the only one whose name begins so."""
    from danyuanzhang.core.merge import normalise
    from danyuanzhang.text.i18n import join

    wanted = normalise(text)
    named = [r for r in residents if r["name"] and normalise(r["name"]) == wanted]
    if not named and wanted:
        named = [r for r in residents if r["name"] and normalise(r["name"]).startswith(wanted)]
    if len(named) == 1:
        return named[0]
    if named:
        raise DyzError("visit_met_several", name=text.strip(), names=join(r["name"] for r in named))
    known = join([r["name"] for r in residents if r["name"]]) or "—"
    raise DyzError("visit_met_unknown", name=text.strip(), known=known)


def _met_ids(plan: VisitPlan, present: list[Any], arrived: set[str]) -> list[str]:
    """Who was met, by id: the residents named, else the family just registered at a new
    door, else everyone living there (the interview asks when a flat has several; a visit
    recorded in one line that names nobody met the household)."""
    if plan.met is not None:
        chosen = [_resident_met(present, name)["id"] for name in plan.met]
        return list(dict.fromkeys(chosen))
    if plan.new_household:
        return [r["id"] for r in present if r["id"] in arrived]
    return [r["id"] for r in present]


def _residents_after(
    store: Store, home: str, plan: VisitPlan, checked: _Checked
) -> tuple[list[dict[str, Any]], set[str]]:
    """The household's residents once the visit's departures, arrivals and flags are written,
    and the ids of those who arrived."""
    from danyuanzhang.households.registry import add_resident, edit_resident, move_out

    day = checked.day
    present = [r for r in reg.residents_of(store, home) if not r["moved_out"]]
    for name in plan.moved_out:
        leaving = _resident_by_name(present, name)
        move_out(store, leaving["id"], on=day)
        present = [r for r in present if r["id"] != leaving["id"]]
    arrived = set()
    for name, phone in checked.arrivals:
        arrived.add(add_resident(store, home, name, phone=phone, moved_in=day)["id"])
    present = [r for r in reg.residents_of(store, home) if not r["moved_out"]]
    for name, flag in plan.flags:
        edit_resident(store, _resident_by_name(present, name)["id"], add_flags=[flag])
    return present, arrived


def record_visit(store: Store, plan: VisitPlan) -> dict[str, Any]:
    """Write a visit and all it turned up, in one transaction; refuse it whole if any part
    is wrong."""
    from danyuanzhang.cases.hazards import add_hazard
    from danyuanzhang.cases.petitions import add_petition
    from danyuanzhang.cases.petitions import take_step as petition_step
    from danyuanzhang.households.registry import add_household

    checked = _check(store, plan)
    day = checked.day
    with store.transaction():
        if plan.new_household:
            home = reg.household(store, add_household(store, plan.household, plan.estate)["id"])
        else:
            home = find_household(store, plan.household, plan.estate)
        visitor = visitor_name(store, plan.visitor)
        present, arrived = _residents_after(store, home["id"], plan, checked)
        if (checked.wellbeing or checked.checks or checked.referral) and not any(
            cared_for(reg.flags_of(store, r["id"]), r["risk"]) for r in present
        ):
            raise DyzError("care_needs_cared_for")
        visit_id = new_id()
        fields: dict[str, Any] = {
            "household": home["id"],
            "estate": home["estate"],
            "building": home["building"],
            "unit": home["unit"],
            "on": day,
            "kind": checked.kind,
            "outcome": checked.outcome,
            "visitor": visitor,
        }
        if checked.outcome == "met":
            fields["introduced"] = plan.introduced
            fields["briefed"] = plan.briefed
            met = _met_ids(plan, present, arrived)
            if met:
                fields["met"] = ",".join(met)
        if plan.anti_fraud_app is not None:
            fields["anti_fraud_app"] = plan.anti_fraud_app
        if checked.wellbeing:
            fields["wellbeing"] = checked.wellbeing
        if checked.note:
            fields["note"] = checked.note
        fields.update(checked.checks)
        if checked.referral:
            fields["referral"] = checked.referral
        store.put("visit", visit_id, fields, new=True)
        if checked.help_needed is not None and checked.help_needed not in {
            (category, text) for category, text, _, _ in checked.needs
        }:
            add_petition(store, home["id"], *checked.help_needed, on=day, visit=visit_id)
        for category, text, done, volunteer in checked.needs:
            petition = add_petition(store, home["id"], category, text, on=day, visit=visit_id)
            if done is not None:
                petition_step(store, petition["id"], "resolved", on=day, note=done)
            elif volunteer is not None:
                from danyuanzhang.cases.assignments import assign

                assign(store, petition["id"], volunteer, on=day)
        for kind, note, theirs in checked.hazards:
            add_hazard(
                store,
                kind,
                f"{home['building']}-{home['unit']} {home['room'] if theirs else ''}",
                household=home["id"] if theirs else None,
                note=note,
                on=day,
                estate=home["estate"],
                visit=visit_id,
            )
        return describe_visit(store, q.visit(store, visit_id))


def find_visit(store: Store, id_prefix: str) -> Any:
    return q.visit(store, store.resolve_prefix("visits", id_prefix, "visit_not_found"))


def residents_met(store: Store, met: str | None) -> list[Any]:
    """The residents a visit met (its `met` field), as they are now; erased ones are gone."""
    if not met:
        return []
    ids = met.split(",")
    found = q.residents_by_id(store, ids)
    people = {found[i]["id"]: found[i] for i in ids if i in found and found[i]["name"]}
    return list(people.values())


def names_met(store: Store, met: str | None) -> list[str] | None:
    """The names of the residents a visit met; None when the visit did not say."""
    if not met:
        return None
    return [r["name"] for r in residents_met(store, met)]


def describe_visit(store: Store, row: Any, with_records: bool = True) -> dict[str, Any]:
    home = reg.household(store, row["household_id"])
    item: dict[str, Any] = {
        "id": row["id"],
        "on": row["on_date"],
        "household": household_json(home)["ref"] if home is not None else None,
        "household_id": row["household_id"],
        "estate": row["estate"],
        "unit": f"{row['building']}-{row['unit']}",
        "kind": row["kind"],
        "outcome": row["outcome"],
        "visitor": row["visitor"],
        "introduced": stored_bool(row["introduced"]),
        "anti_fraud_app": stored_bool(row["anti_fraud_app"]),
        "briefed": stored_bool(row["briefed"]),
        "wellbeing": row["wellbeing"],
        "met": names_met(store, row["met"]),
        "note": row["note"],
        "checks": {area: row[area] for area in CARE_AREAS if row[area]},
        "referral": row["referral"],
    }
    if with_records:
        from danyuanzhang.cases.hazards import describe as describe_hazards
        from danyuanzhang.cases.petitions import describe as describe_petitions

        item["needs"] = [
            {k: p[k] for k in ("id", "category", "text", "status")}
            for p in describe_petitions(store, q.linked_to_visit(store, "petitions", row["id"]))
        ]
        item["hazards"] = [
            {k: h[k] for k in ("id", "kind", "note", "status", "due")}
            for h in describe_hazards(store, q.linked_to_visit(store, "hazards", row["id"]))
        ]
    return item


def list_visits(
    store: Store,
    week: str | None = None,
    start: str | None = None,
    end: str | None = None,
    unit: str | None = None,
    visitor: str | None = None,
    estate: str | None = None,
) -> list[dict[str, Any]]:
    """Visits of a week (`2026-W48` or a date in it) or between two dates, newest first."""
    from danyuanzhang.text.inputs import parse_unit, parse_week

    if week and (start or end):
        raise DyzError("week_or_dates")
    if week:
        start, end = parse_week(week)
    else:
        start = parse_date(start, "--from") if start else None
        end = parse_date(end, "--to") if end else None
        if start and end and end < start:
            raise DyzError("dates_reversed", start=start, end=end)
    estates = [choose_estate(store, estate)] if estate else reg.estates(store)
    building = unit_number = None
    if unit:
        parsed = parse_unit(unit)
        building, unit_number = parsed.building, parsed.unit
    rows = q.visits(
        store,
        estates,
        start,
        end,
        building=building,
        unit=unit_number,
        visitor=parse_name(visitor) if visitor else None,
    )
    return [
        {
            **describe_visit(store, row, with_records=False),
            # None: the household was erased (the visit stays for the figures)
            "household": f"{row['building']}-{row['unit']}-{row['room']}" if row["room"] else None,
        }
        for row in rows
    ]
