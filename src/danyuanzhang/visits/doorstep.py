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

import sys
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from danyuanzhang.errors import DyzError
from danyuanzhang.households.registry import find_household, household_json
from danyuanzhang.households.scopes import choose_estate
from danyuanzhang.store import Store, new_id, stored_bool, visitor_name
from danyuanzhang.store import registry as reg
from danyuanzhang.store import visits as q
from danyuanzhang.text import words
from danyuanzhang.text.inputs import (
    day_it_happened,
    day_or_today,
    parse_date,
    parse_free_text,
    parse_name,
    parse_phone,
)
from danyuanzhang.text.vocab import CARE_AREAS, CARE_FLAGS, CARE_OK, RISK_CADENCE, VISIT_OUTCOMES

if TYPE_CHECKING:
    from danyuanzhang.visits.plan import VisitPlan


class _Checked(NamedTuple):
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


# -- who is due a visit ------------------------------------------------------------------------


VULNERABLE = ("elderly_alone", "needs_help")  # the flags that shorten a household's cadence
# who is visited first when several are due: at high risk, living alone, needing help,
# disabled, at medium or low risk, then others
FIRST_VISITED = (
    "risk_high",
    "elderly_alone",
    "needs_help",
    "disabled",
    "risk_medium",
    "risk_low",
)


def cadence_reason(
    flags: set[str] | frozenset[str],
    last_wellbeing: str | None,
    cadence: dict[str, int],
    everyone: bool = True,
    risk: str | None = None,
) -> str | None:
    """Why a household is visited as often as it is: of living alone and needing help (by
    flag, or as the last visit that met someone found), the risk level the community set
    (`risk_high`…), and with `everyone` the default, the one with the shortest cadence; the
    first of them on a tie (a flag before a risk level). None for a household that is none
    of these, when the default is left out."""
    reasons = [flag for flag in VULNERABLE if flag in flags]
    if last_wellbeing == "needs_help" and "needs_help" not in reasons:
        reasons.append("needs_help")
    if risk is not None:
        reasons.append(f"risk_{risk}")
    if everyone:
        reasons.append("default")
    return min(reasons, key=cadence.__getitem__) if reasons else None


def latest_attempt(
    met: str | None, not_home: str | None, declined: str | None
) -> tuple[str | None, str | None]:
    """(day, outcome) of the last visit; someone met wins a day with several visits."""
    day, outcome = met, "met" if met is not None else None
    for other, name in ((not_home, "not_home"), (declined, "declined")):
        if other is not None and (day is None or other > day):
            day, outcome = other, name
    return day, outcome


def _vulnerability(
    flags: set[str] | frozenset[str], wellbeing: str | None, risk: str | None = None
) -> int:
    if not flags and wellbeing is None and risk is None:
        return len(FIRST_VISITED)
    for rank, flag in enumerate(FIRST_VISITED):
        if flag in flags or (flag == "needs_help" and wellbeing == flag) or flag == f"risk_{risk}":
            return rank
    return len(FIRST_VISITED)


class _Days(dict[str, int]):
    """Day numbers of ISO dates, each date parsed once: a district's list repeats a few
    hundred dates over a hundred thousand households."""

    def __missing__(self, text: str) -> int:
        self[text] = number = date.fromisoformat(text).toordinal()
        return number


class _Dates(dict[int, str]):
    def __missing__(self, number: int) -> str:
        self[number] = text = date.fromordinal(number).isoformat()
        return text


_NO_FLAGS: frozenset[str] = frozenset()


def visits_due(
    store: Store,
    unit: str | None = None,
    building: str | None = None,
    estate: str | None = None,
    on: str | None = None,
    everyone: bool = False,
    retrying: bool = False,
) -> list[dict[str, Any]]:
    """Households in the order they should be visited: those living alone, needing help or
    disabled before others, and within each, those never met before the most overdue against
    their cadence (lives alone: weekly; needs help: fortnightly; a new arrival: within a week
    of moving in; everyone else: every 90 days), each with its reason. `everyone` adds those
    not due yet; `retrying` those not due whose last knock at a vulnerable flat found nobody
    home (`retries`)."""
    day = day_or_today(on)
    from danyuanzhang.core.config import cadences

    cadence = cadences(store)
    from danyuanzhang.households.registry import place_filter

    days, dates = _Days(), _Dates()
    today = days[day]
    recent = dates[today - cadence["default"]]
    estates, building, unit = place_filter(store, estate, building, unit)
    whole = estate is None and building is None and unit is None
    with store.page_cache(q.ONCE_THROUGH_KIB):
        flagged, risks = _flags_and_risks(store, None if whole else estates, building, unit)
        homes = q.due_households(store, estates, building, unit, day, recent)

    # a district's list says the same estates, flats, days, names and flags tens of thousands
    # of times: each is held once (sys.intern), and what follows from a household's flags,
    # wellbeing and risk is worked out once for each of their few combinations
    intern = sys.intern
    kinds: dict[tuple[frozenset[str], str | None, str | None], tuple[str, int, int, list[str]]]
    kinds = {}
    due: list[dict[str, Any]] = []
    order: list[tuple[bool, int, bool, int, int]] = []
    for position, (
        household_id,
        estate_name,
        building_name,
        unit_name,
        room,
        last_met,
        not_home,
        declined,
        helped,
        names,
        arrivals,
    ) in enumerate(homes):
        # how they were found the day they were last met: needing help, if anyone said so
        wellbeing = "needs_help" if helped is not None and helped == last_met else None
        flags = flagged.get(household_id, _NO_FLAGS)
        risk = risks.get(household_id)
        kind = kinds.get((flags, wellbeing, risk))
        if kind is None:
            reason, every = _cadence(cadence, flags, wellbeing, risk)
            rank = _vulnerability(flags, wellbeing, risk)
            kind = kinds[flags, wellbeing, risk] = (reason, every, rank, sorted(flags))
        reason, every, rank, flag_list = kind
        due_on = days[last_met] + every if last_met is not None else today
        arrived = None
        if arrivals is not None:
            reason, every, due_on, arrived = _arrival(
                cadence, days, last_met, arrivals, reason, every, due_on
            )
        listed = last_met is None or due_on <= today or arrived is not None
        # with `retrying`, also a vulnerable flat not due whose last knock found nobody home
        retry = (
            retrying
            and not_home is not None
            and (last_met is None or not_home > last_met)
            and (wellbeing is not None or risk is not None or not flags.isdisjoint(RETRY_FLAGS))
        )
        if not (listed or everyone or retry):
            continue
        last_attempt, last_outcome = latest_attempt(last_met, not_home, declined)
        if last_met is not None:
            last_met = intern(last_met)
        if last_attempt is not None:
            last_attempt = intern(last_attempt)
        due.append(
            {
                "household": intern(f"{building_name}-{unit_name}-{room}"),
                "household_id": household_id,
                "estate": intern(estate_name),
                "unit": intern(f"{building_name}-{unit_name}"),
                "residents": list(map(intern, names.split("\x1f"))) if names else [],
                "flags": [*flag_list],
                "risk": risk,
                "never_visited": last_attempt is None,
                "never_met": last_met is None,
                "reason": reason,
                "every_days": every,
                "last_visit": last_met,
                "last_attempt": last_attempt,
                "last_outcome": last_outcome,
                "due_on": dates[due_on],
                "overdue_days": today - due_on,
                "is_due": listed,
            }
        )
        order.append((not listed, rank, last_met is not None, due_on, position))
    return [due[n] for n in sorted(range(len(due)), key=order.__getitem__)]


def _flags_and_risks(
    store: Store, estates: Any, building: str | None, unit: str | None
) -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    """Each household's flags, and its highest risk level: its residents' shortest risk
    cadence. Households with the same flags share one set of them."""
    found: dict[str, set[str]] = {}
    for household_id, flag in q.due_flags(store, estates, building, unit):
        found.setdefault(household_id, set()).add(flag)
    shared: dict[frozenset[str], frozenset[str]] = {}
    flagged = {
        household_id: shared.setdefault(kinds := frozenset(flags), kinds)
        for household_id, flags in found.items()
    }
    risks: dict[str, str] = {}
    for household_id, level in q.due_risks(store, estates, building, unit):
        known = risks.get(household_id)
        if known is None or RISK_CADENCE[level] < RISK_CADENCE[known]:
            risks[household_id] = level
    return flagged, risks


def _cadence(
    cadence: dict[str, int],
    flags: set[str] | frozenset[str],
    wellbeing: str | None,
    risk: str | None,
) -> tuple[str, int]:
    """Why a household is visited, and how often, before anyone moved in."""
    if flags or wellbeing == "needs_help" or risk is not None:
        reason = str(cadence_reason(flags, wellbeing, cadence, risk=risk))
        return reason, cadence[reason]
    return "default", cadence["default"]


def _arrival(  # noqa: PLR0913 - one household's facts, read from one row of the query
    cadence: dict[str, int],
    days: _Days,
    last_met: str | None,
    arrivals: str,
    reason: str,
    every: int,
    due_on: int,
) -> tuple[str, int, int, str | None]:
    """Why a household is visited, how often, the day (as a day number) it is next due, and
    the day someone moved in that brought that day forward: moved in since the last visit,
    and recently enough that the usual round would not come to them in time."""
    arrived = min(
        (d for d in arrivals.split(",") if last_met is None or last_met < d), default=None
    )
    if arrived:
        arrival_due = days[arrived] + cadence["new_arrival"]
        if last_met is None or arrival_due < due_on:
            reason, every, due_on = "new_arrival", cadence["new_arrival"], arrival_due
    return reason, every, due_on, arrived


# whose door is knocked on again soon when nobody opened it: a welfare check is not done until
# someone is seen, and the usual cadence would leave them a week or more
RETRY_FLAGS = ("elderly_alone", "disabled", "needs_help", "children_away")
RETRY_DAYS = 3


def retries(due: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Of `visits_due(retrying=True)`: the flats flagged vulnerable (or last found needing
    help) whose latest knock found nobody home, each to be tried again within RETRY_DAYS of
    it, soonest first. Someone met there since ends it."""
    found = []
    for item in due:
        vulnerable = [f for f in RETRY_FLAGS if f in item["flags"]]
        if item["reason"] == "needs_help" and "needs_help" not in vulnerable:
            vulnerable.append("needs_help")
        if not (vulnerable or item["risk"]) or item["last_outcome"] != "not_home":
            continue
        by = date.fromisoformat(item["last_attempt"]) + timedelta(days=RETRY_DAYS)
        found.append(
            {
                **{k: item[k] for k in ("household", "household_id", "estate", "unit")},
                "residents": item["residents"],
                "flags": vulnerable,
                "risk": item["risk"],
                "not_home_on": item["last_attempt"],
                "retry_by": by.isoformat(),
            }
        )
    return sorted(found, key=lambda r: r["retry_by"])


# -- the anti-fraud watch ----------------------------------------------------------------------


class AntiFraudState(NamedTuple):
    home: dict[str, Any]
    residents: list[Any]
    app_installed: bool
    last_briefed: str | None

    def briefed_since(self, day: str) -> bool:
        return self.last_briefed is not None and self.last_briefed >= day


def anti_fraud_state(store: Store, homes: list[dict[str, Any]], day: str) -> list[AntiFraudState]:
    """The households with residents on record, each with whether the national anti-fraud
    app (国家反诈中心) was installed by `day` (its latest answer) and the last day it was
    briefed on scams. `dyz antifraud` and the weekly report both count from this."""
    from danyuanzhang.store import report as rq

    people: dict[str, list[Any]] = {}
    for resident in q.current_residents(store, [h["id"] for h in homes]):
        people.setdefault(resident["household_id"], []).append(resident)
    lived_in = [h for h in homes if people.get(h["id"])]
    answers = rq.anti_fraud_answers(store, [h["id"] for h in lived_in], day)
    return [
        AntiFraudState(
            home,
            people[home["id"]],
            bool(stored_bool(answers[home["id"]][0])),
            answers[home["id"]][1],
        )
        for home in lived_in
    ]


def anti_fraud(
    store: Store,
    by: str = "unit",
    estate: str | None = None,
    building: str | None = None,
    unit: str | None = None,
    on: str | None = None,
) -> dict[str, Any]:
    """For each unit (or building): households with residents on record, how many have the
    app, how many were briefed on scams, and who moved in recently without a briefing."""
    from danyuanzhang.core import config
    from danyuanzhang.households.registry import list_households

    by = words.GROUP_BY.parse(by)
    day = day_or_today(on)
    recent = (
        date.fromisoformat(day)
        - timedelta(days=int(config.value(store, "antifraud.new_arrival_days")))
    ).isoformat()
    homes = list_households(store, estate=estate, building=building, unit=unit)

    def key_of(home: dict[str, Any]) -> tuple[str, str]:
        place = home["building"] if by == "building" else f"{home['building']}-{home['unit']}"
        return home["estate"], place

    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for home in homes:
        key = key_of(home)
        groups.setdefault(
            key,
            {
                "estate": key[0],
                by: key[1],
                "households": 0,
                "app_installed": 0,
                "briefed": 0,
                "move_ins_unbriefed": [],
            },
        )
    for state in anti_fraud_state(store, homes, day):
        home = state.home
        group = groups[key_of(home)]
        group["households"] += 1
        group["app_installed"] += state.app_installed
        group["briefed"] += state.last_briefed is not None
        for resident in state.residents:
            moved_in = resident["moved_in"]
            if moved_in and recent <= moved_in <= day and not state.briefed_since(moved_in):
                group["move_ins_unbriefed"].append(
                    {"household": home["ref"], "name": resident["name"], "moved_in": moved_in}
                )
    rows = list(groups.values())
    totals = {
        "households": sum(g["households"] for g in rows),
        "app_installed": sum(g["app_installed"] for g in rows),
        "briefed": sum(g["briefed"] for g in rows),
        "move_ins_unbriefed": sum(len(g["move_ins_unbriefed"]) for g in rows),
    }
    return {"on": day, "by": by, "groups": rows, "totals": totals}
