"""The weekly report (每周汇总) a unit head brings to the council meeting: visits, needs,
hazards, the anti-fraud watch and the council's business of one ISO week, each figure beside
last week's, and eight weeks of trend.

>>> report = weekly_report(store, week="2026-W48", scope="unit:2-2")  # doctest: +SKIP
>>> report["visits"]["made"], report["visits"]["last_week"]["made"]  # doctest: +SKIP
(12, 9)
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from danyuanzhang.households.scopes import Scope, parse_scope
from danyuanzhang.store import Store
from danyuanzhang.store import registry as reg
from danyuanzhang.store import report as rq
from danyuanzhang.text.inputs import parse_week

if TYPE_CHECKING:
    from danyuanzhang.paperwork.report_shape import (
        AntiFraud,
        Council,
        Decision,
        Hazards,
        HazardsWeek,
        MoveIn,
        Needs,
        NeedsWeek,
        OldestOpen,
        OpenByAge,
        OverdueHazard,
        ServiceKind,
        ServicesWeek,
        Trend,
        Visits,
        VisitsWeek,
        Volunteers,
        VulnerableHome,
        WeeklyReport,
    )

TREND_WEEKS = 8
COUNCIL_WEEK = "council"  # `--week` alone: the seven days the council meets on


def council_week(today: date, council_weekday: int) -> tuple[str, str]:
    """The seven days ending the day before the council's most recent day (today's included):
    with the council on Mondays, last Monday to Sunday, even on a Monday."""
    meeting = today - timedelta(days=(today.isoweekday() - council_weekday) % 7)
    return (meeting - timedelta(days=7)).isoformat(), (meeting - timedelta(days=1)).isoformat()


def report_week(store: Store, week: str | None) -> tuple[str, str]:
    """(first day, last day) of the week a report covers: `COUNCIL_WEEK`, the council's week
    (its day is the setting council.weekday); a week as `parse_week` reads it; None, this
    week so far."""
    if week == COUNCIL_WEEK:
        from danyuanzhang.core.config import value

        return council_week(date.today(), int(value(store, "council.weekday")))
    return parse_week(week or date.today().isoformat())


def week_of(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _in(day: str | None, start: str, end: str) -> bool:
    return day is not None and start <= day <= end


def _tally(rows: list[Any], key: str) -> dict[str, int]:
    """How many rows hold each value of `key`, by value."""
    counts: dict[str, int] = {}
    for row in rows:
        counts[row[key]] = counts.get(row[key], 0) + 1
    return dict(sorted(counts.items()))


def _steps_taken(steps: list[rq.Step], step: str, first: str, last: str) -> int:
    return sum(1 for e in steps if e["step"] == step and _in(e["on_date"], first, last))


# -- sections -------------------------------------------------------------------------------------


def _narrowest(scope: Scope) -> tuple[str | None, str | None]:
    """(building, unit) for the place index, when the scope is one building or one unit."""
    only = next(iter(scope.buildings)) if scope.buildings and len(scope.buildings) == 1 else None
    return only, scope.unit


def _visits_section(
    store: Store, scope: Scope, homes: list[dict[str, Any]], weeks: list[tuple[str, str]]
) -> Visits:
    from danyuanzhang.store import visits as vq

    (start, end), (last_start, last_end) = weeks[-1], weeks[-2]
    building, unit = _narrowest(scope)
    rows = [
        v
        for v in vq.visits(store, scope.estates, last_start, end, building=building, unit=unit)
        if scope.holds(v)
    ]

    def figures(first: str, last: str) -> VisitsWeek:
        week = [v for v in rows if _in(v["on_date"], first, last)]
        reached = {v["household_id"] for v in week if v["outcome"] == "met"}
        return {
            "made": len(week),
            "households_reached": len(reached),
            "coverage": round(100 * len(reached) / len(homes), 1) if homes else 0.0,
            "not_home": sum(1 for v in week if v["outcome"] == "not_home"),
            "declined": sum(1 for v in week if v["outcome"] == "declined"),
            # who went, by name and without their counts: a notebook is not a scoreboard
            # (the 2026 rules on government apps forbid rankings and check-in quotas)
            "visitors": sorted({v["visitor"] for v in week if v["visitor"]}),
        }

    this, last = figures(start, end), figures(last_start, last_end)
    return {
        **this,
        "households": len(homes),
        "vulnerable_not_reached": _vulnerable_not_reached(store, homes, end),
        "last_week": {
            "made": last["made"],
            "households_reached": last["households_reached"],
            "coverage": last["coverage"],
            "not_home": last["not_home"],
        },
        "change": {
            "made": this["made"] - last["made"],
            "households_reached": this["households_reached"] - last["households_reached"],
            "coverage": round(this["coverage"] - last["coverage"], 1),
        },
    }


def _vulnerable_not_reached(
    store: Store, homes: list[dict[str, Any]], end: str
) -> list[VulnerableHome]:
    """Households with someone living alone or needing help (by flag, or as found at the last
    visit) that were not met within their cadence, as of the week's last day: never visited
    first, then the most overdue."""
    from danyuanzhang.core.config import cadences
    from danyuanzhang.visits.due import VULNERABLE, cadence_reason, latest_attempt

    cadence = cadences(store)
    ids = [h["id"] for h in homes]
    flagged = rq.flagged_households(store, ids, VULNERABLE)
    # only these can be on the list: flagged, or once found needing help
    candidates = set(flagged) | rq.found_needing_help(store, ids, end)
    met = rq.last_met(store, [i for i in ids if i in candidates], end)
    as_of = date.fromisoformat(end)
    # knocked on but nobody met yet is not "never visited"
    tried = rq.last_tried(store, [i for i in ids if i in candidates and i not in met], end)
    found = []
    for position, home in enumerate(homes):
        if home["id"] not in candidates:
            continue
        last = met.get(home["id"])
        flags = flagged.get(home["id"], set())
        reason = cadence_reason(flags, last and last["wellbeing"], cadence, everyone=False)
        if reason is None:
            continue
        if last is None:
            found.append((0, 0, position, home["ref"], reason, None, 0))
            continue
        overdue = (as_of - date.fromisoformat(last["on_date"])).days - cadence[reason]
        if overdue >= 0:
            found.append((1, -overdue, position, home["ref"], reason, last["on_date"], overdue))
    by_ref = {home["ref"]: home["id"] for home in homes}
    listed: list[VulnerableHome] = []
    for *_, ref, reason, last_visit, overdue in sorted(found):
        attempt, outcome = latest_attempt(None, *tried.get(by_ref[ref], (None, None)))
        listed.append(
            {
                "household": ref,
                "reason": reason,
                "last_visit": last_visit,
                "overdue_days": overdue,
                "last_attempt": attempt,
                "last_outcome": outcome,
            }
        )
    return listed


def _unit_in(scope: Scope, unit_text: str) -> bool:
    building, _, unit = unit_text.partition("-")
    return (
        (scope.buildings is None or building in scope.buildings)
        and (scope.unit is None or unit == scope.unit)
        and (scope.units is None or unit_text in scope.units)
    )


def _needs_section(
    store: Store, scope: Scope, weeks: list[tuple[str, str]]
) -> tuple[Needs, list[Any]]:
    """The needs section, and the petitions still open at the week's end (for the council)."""
    (start, end), (last_start, last_end) = weeks[-1], weeks[-2]
    building, unit = _narrowest(scope)
    place = (scope.estates, building, unit, last_start, end)
    raised = [r for r in rq.raised_between(store, "petitions", *place) if scope.holds(r)]
    still_open = [
        r
        for r in rq.unsettled_petitions(store, scope.estates, building, unit, end)
        if scope.holds(r)
    ]
    # a step of these two weeks was taken on a petition open at their end or settled in them
    moving = still_open + rq.settled_between(store, "petitions", *place)
    moving = [r for r in moving if scope.holds(r)]
    steps = rq.steps_between(store, "petition_events", moving, last_start, end)

    def figures(first: str, last: str) -> NeedsWeek:
        week = [r for r in raised if _in(r["raised_on"], first, last)]
        return {
            "collected": len(week),
            "by_category": _tally(week, "category"),
            "resolved_on_the_spot": _steps_taken(steps, "resolved", first, last),
            "escalated": _steps_taken(steps, "escalated", first, last),
        }

    this, last = figures(start, end), figures(last_start, last_end)
    week_end = date.fromisoformat(end)
    ages: OpenByAge = {"under_7": 0, "7_to_30": 0, "over_30": 0}
    for row in still_open:
        age = (week_end - date.fromisoformat(row["raised_on"])).days
        if age < 7:
            ages["under_7"] += 1
        elif age <= 30:
            ages["7_to_30"] += 1
        else:
            ages["over_30"] += 1
    oldest = min(still_open, key=lambda r: (r["raised_on"], r["id"]), default=None)
    home = reg.household(store, oldest["household_id"]) if oldest is not None else None
    oldest_open: OldestOpen | None = (
        None
        if oldest is None
        else {
            "id": oldest["id"],
            "household": f"{home['building']}-{home['unit']}-{home['room']}" if home else None,
            "category": oldest["category"],
            "text": oldest["text"],
            "raised_on": oldest["raised_on"],
            "days": (week_end - date.fromisoformat(oldest["raised_on"])).days,
        }
    )
    section: Needs = {
        **this,
        "open": len(still_open),
        "open_by_age": ages,
        "oldest_open": oldest_open,
        "last_week": {
            "collected": last["collected"],
            "resolved_on_the_spot": last["resolved_on_the_spot"],
            "escalated": last["escalated"],
        },
        "change": {
            "collected": this["collected"] - last["collected"],
            "resolved_on_the_spot": this["resolved_on_the_spot"] - last["resolved_on_the_spot"],
            "escalated": this["escalated"] - last["escalated"],
        },
    }
    return section, still_open


def _hazards_section(store: Store, scope: Scope, weeks: list[tuple[str, str]]) -> Hazards:
    from danyuanzhang.cases.hazards import describe

    (start, end), (last_start, last_end) = weeks[-1], weeks[-2]
    building, unit = _narrowest(scope)
    place = (scope.estates, building, unit, last_start, end)
    found = describe(
        store, [r for r in rq.raised_between(store, "hazards", *place) if scope.holds(r)], on=end
    )
    unverified = [
        r
        for r in rq.unverified_hazards(store, scope.estates, building, unit, end)
        if scope.holds(r)
    ]
    # a step of these two weeks was taken on a hazard not verified at their end, or in them
    moving = unverified + [
        r for r in rq.settled_between(store, "hazards", *place) if scope.holds(r)
    ]
    steps = rq.steps_between(store, "hazard_events", moving, last_start, end)

    def figures(first: str, last: str) -> HazardsWeek:
        week = [i for i in found if _in(i["found_on"], first, last)]
        return {
            "found": len(week),
            "by_kind": _tally(week, "kind"),
            "rectified": _steps_taken(steps, "rectified", first, last),
            "verified": _steps_taken(steps, "verified", first, last),
            "recurrences": sum(1 for i in week if i["recurrence_of"]),
        }

    this, last = figures(start, end), figures(last_start, last_end)
    week_end = date.fromisoformat(end)
    overdue: list[OverdueHazard] = sorted(
        (
            {
                "id": i["id"],
                "kind": i["kind"],
                "unit": i["unit"],
                "place": i["place"],
                "household": i["household"],
                "due": i["due"],
                "days_overdue": (week_end - date.fromisoformat(i["due"])).days,
            }
            for i in describe(store, unverified, on=end, with_recurrence=False)
            if i["overdue"]
        ),
        key=lambda o: (-o["days_overdue"], o["id"]),
    )
    return {
        **this,
        "overdue": overdue,
        "last_week": {
            "found": last["found"],
            "rectified": last["rectified"],
            "verified": last["verified"],
            "recurrences": last["recurrences"],
        },
        "change": {
            "found": this["found"] - last["found"],
            "rectified": this["rectified"] - last["rectified"],
            "verified": this["verified"] - last["verified"],
            "recurrences": this["recurrences"] - last["recurrences"],
        },
    }


def _anti_fraud_section(
    store: Store, homes: list[dict[str, Any]], weeks: list[tuple[str, str]]
) -> AntiFraud:
    from danyuanzhang.visits.antifraud import anti_fraud_state

    start, end = weeks[-1]
    states = anti_fraud_state(store, homes, end)
    move_ins: list[MoveIn] = [
        {
            "household": state.home["ref"],
            "name": resident["name"],
            "moved_in": resident["moved_in"],
            "briefed": state.briefed_since(resident["moved_in"]),
        }
        for state in states
        for resident in state.residents
        if _in(resident["moved_in"], start, end)
    ]
    households = len(states)
    installed = sum(state.app_installed for state in states)
    briefed = sum(state.last_briefed is not None for state in states)
    return {
        "households": households,
        "app_installed": installed,
        "app_coverage": round(100 * installed / households, 1) if households else 0.0,
        "briefed": briefed,
        "briefing_coverage": round(100 * briefed / households, 1) if households else 0.0,
        "move_ins": move_ins,
    }


def _council_section(
    store: Store, scope: Scope, weeks: list[tuple[str, str]], still_open: list[Any]
) -> Council:
    from danyuanzhang.cases.council import agenda
    from danyuanzhang.store import petitions as pq

    start, end = weeks[-1]
    data = agenda(store, on=end, rows=still_open)
    matters = [m for m in data["matters"] if _unit_in(scope, m["unit"])]
    decisions: list[Decision] = [
        {
            "id": row["id"],
            "text": row["text"],
            "decision": row["decision"],
            "decided_on": row["decided_on"],
            "note": row["decision_note"],
        }
        for row in pq.decided_between(store, start, end)
    ]
    return {
        "matters_waiting": [
            {
                "category": m["category"],
                "unit": m["unit"],
                "households": m["households"],
                "waiting_days": m["waiting_days"],
                "texts": m["texts"],
            }
            for m in matters
        ],
        "proposals_awaiting_office": [
            {
                "id": p["id"],
                "text": p["text"],
                "proposed_on": p["proposed_on"],
                "waiting_days": p["waiting_days"],
            }
            for p in data["proposals"]
        ],
        "decisions_this_week": decisions,
    }


def _volunteers_section(store: Store, scope: Scope, weeks: list[tuple[str, str]]) -> Volunteers:
    """The volunteer team's week: services given and their hours by kind (never by person: a
    report is not a ranking), needs handed to a volunteer, disputes open and settled."""
    from danyuanzhang.cases.mediation import disputes_open_since
    from danyuanzhang.store import volunteers as qvol

    (start, end), (last_start, last_end) = weeks[-1], weeks[-2]
    given = [
        r for r in qvol.services_between(store, scope.estates, last_start, end) if scope.holds(r)
    ]

    def week_of_services(first: str, last: str) -> ServicesWeek:
        rows = [r for r in given if _in(r["on_date"], first, last)]
        if not rows:  # most weeks of a unit: no hours to add up, nor decimal to import (1.4 ms)
            return {"services": 0, "hours": 0.0, "by_kind": {}}
        from decimal import Decimal

        from danyuanzhang.cases.volunteers import hours_text

        services: dict[str, int] = {}
        hours: dict[str, Decimal] = {}
        for row in rows:
            services[row["kind"]] = services.get(row["kind"], 0) + 1
            hours[row["kind"]] = hours.get(row["kind"], Decimal(0)) + Decimal(row["hours"])
        by_kind: dict[str, ServiceKind] = {
            kind: {"services": count, "hours": hours_text(hours[kind])}
            for kind, count in services.items()
        }
        return {
            "services": len(rows),
            "hours": float(sum(hours.values(), Decimal(0))),
            "by_kind": by_kind,
        }

    this, last = week_of_services(start, end), week_of_services(last_start, last_end)
    assigned = rq.assigned_between(store, start, end)
    disputes = [
        d
        for d in disputes_open_since(store, scope.estates, start)
        if d["estate"] in scope.estates
        and scope.holds(
            {
                "estate": d["estate"],
                "building": d["unit"].split("-")[0],
                "unit": d["unit"].split("-")[1],
            }
        )
        and d["raised_on"] <= end
    ]
    return {
        **this,
        "needs_assigned": sum(1 for row in assigned if scope.holds(row)),
        "disputes_open": sum(
            1 for d in disputes if d["result"] is None or (d["result_on"] or "") > end
        ),
        "disputes_settled": sum(
            1 for d in disputes if d["result"] == "agreed" and _in(d["result_on"], start, end)
        ),
        "follow_ups_due": sum(
            1 for d in disputes if d["follow_up_on"] is not None and d["follow_up_on"] <= end
        ),
        "last_week": {"services": last["services"], "hours": last["hours"]},
        "change": {
            "services": this["services"] - last["services"],
            "hours": round(this["hours"] - last["hours"], 1),
        },
    }


def _trend(store: Store, scope: Scope, weeks: list[tuple[str, str]]) -> Trend:
    building, unit = _narrowest(scope)
    first, last = weeks[0][0], weeks[-1][1]

    def counts(table: str) -> list[int]:
        by_week = [0] * len(weeks)
        for row in rq.weekly_counts(store, table, scope.estates, building, unit, first, last):
            if scope.holds(row):
                by_week[row["week"]] += row["n"]
        return by_week

    return {
        "weeks": [week_of(date.fromisoformat(start)) for start, _ in weeks],
        "from": first,
        "to": (date.fromisoformat(weeks[-1][0]) + timedelta(days=6)).isoformat(),
        "visits": counts("visits"),
        "needs": counts("petitions"),
        "hazards": counts("hazards"),
    }


# -- the whole report -----------------------------------------------------------------------------


def weekly_report(
    store: Store,
    week: str | None = None,
    scope: str | None = None,
    estate: str | None = None,
    redact: bool = False,
) -> WeeklyReport:
    """Every figure of one week for one scope, with last week's beside it (the week as
    `report_week` reads it)."""
    start, end = report_week(store, week)
    where = parse_scope(store, scope, estate)
    monday = date.fromisoformat(start)  # a Monday unless the council meets on another day
    weeks = [
        (
            (monday - timedelta(weeks=n)).isoformat(),
            (monday - timedelta(weeks=n) + timedelta(days=6)).isoformat(),
        )
        for n in range(TREND_WEEKS - 1, -1, -1)
    ]
    # mid-week, the week is counted up to today: a deadline not yet reached is not overdue
    as_of = min(end, max(start, date.today().isoformat()))
    weeks[-1] = (start, as_of)
    homes = [h for e in where.estates for h in _households(store, e, where)]
    visits = _visits_section(store, where, homes, weeks)
    needs, still_open = _needs_section(store, where, weeks)
    hazards = _hazards_section(store, where, weeks)
    anti_fraud = _anti_fraud_section(store, homes, weeks)
    volunteers = _volunteers_section(store, where, weeks)
    council = _council_section(store, where, weeks, still_open)
    report: WeeklyReport = {
        "week": week_of(monday),
        "from": start,
        "to": end,
        "as_of": as_of,
        "scope": {"kind": where.kind, "name": where.name, "estates": list(where.estates)},
        "redacted": redact,
        "visits": visits,
        "needs": needs,
        "hazards": hazards,
        "anti_fraud": anti_fraud,
        "volunteers": volunteers,
        "council": council,
        "trend": _trend(store, where, weeks),
        "empty": _is_empty(visits, needs, hazards, anti_fraud, volunteers, council),
        "nothing_open": not (
            needs["open"]
            or hazards["overdue"]
            or visits["vulnerable_not_reached"]
            or council["matters_waiting"]
            or council["proposals_awaiting_office"]
        ),
    }
    return _privacy(report, redact)


def _households(store: Store, estate: str, scope: Scope) -> list[dict[str, Any]]:
    from danyuanzhang.households.registry import list_households

    only = next(iter(scope.buildings)) if scope.buildings and len(scope.buildings) == 1 else None
    homes = list_households(
        store,
        estate=estate,
        building=only if scope.unit is None else None,
        unit=f"{only}-{scope.unit}" if scope.unit and only else None,
    )
    return [h for h in homes if scope.holds(h)]


def _is_empty(
    visits: Visits,
    needs: Needs,
    hazards: Hazards,
    anti_fraud: AntiFraud,
    volunteers: Volunteers,
    council: Council,
) -> bool:
    return not (
        visits["made"]
        or needs["collected"]
        or needs["resolved_on_the_spot"]
        or needs["escalated"]
        or hazards["found"]
        or hazards["rectified"]
        or hazards["verified"]
        or anti_fraud["move_ins"]
        or council["decisions_this_week"]
        or volunteers["services"]
        or volunteers["disputes_settled"]
    )


def _privacy(report: WeeklyReport, redact: bool) -> WeeklyReport:
    """Phones are masked wherever they were typed. A redacted report (for the WeChat group)
    ties no flat to a person, a vulnerability or an absence: the vulnerable households not
    reached and the move-ins keep their reasons and dates but lose their flats (the forms
    count them), and the oldest need loses its flat and the resident's words."""
    from danyuanzhang.text.phones import mask_phones_in

    def clean(text: str | None) -> str | None:
        return None if text is None else mask_phones_in(text)

    needs = report["needs"]
    if needs["oldest_open"]:
        needs["oldest_open"]["text"] = clean(needs["oldest_open"]["text"])
    council = report["council"]
    for matter in council["matters_waiting"]:
        matter["texts"] = [mask_phones_in(t) for t in matter["texts"]]
    for proposal in council["proposals_awaiting_office"]:
        proposal["text"] = clean(proposal["text"])
    for decision in council["decisions_this_week"]:
        decision["text"] = clean(decision["text"])
    if redact:  # visitors stay named: they are the volunteers on the stairwell's card
        for move_in in report["anti_fraud"]["move_ins"]:
            move_in["household"] = move_in["name"] = None
        for home in report["visits"]["vulnerable_not_reached"]:
            home["household"] = None
        if needs["oldest_open"]:
            needs["oldest_open"]["household"] = needs["oldest_open"]["text"] = None
    return report
