"""The weekly report (每周汇总) a unit head brings to the council meeting: visits, needs,
hazards, the anti-fraud watch and the council's business of one ISO week, each figure beside
last week's, and eight weeks of trend.

>>> report = weekly_report(store, week="2026-W48", scope="unit:2-2")
>>> report["visits"]["made"], report["visits"]["last_week"]["made"]
(12, 9)
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, NamedTuple

from danyuanzhang.errors import DyzError
from danyuanzhang.inputs import parse_week
from danyuanzhang.store import Store
from danyuanzhang.store import registry as reg

TREND_WEEKS = 8
VULNERABLE = ("elderly_alone", "needs_help")


class Scope(NamedTuple):
    kind: str  # unit | building | area | community
    name: str  # "2-2", "2", the area's name, or the community's
    estates: tuple[str, ...]
    buildings: frozenset[str] | None  # None: every building
    unit: str | None

    def holds(self, row: Any) -> bool:
        return (
            row["estate"] in self.estates
            and (self.buildings is None or row["building"] in self.buildings)
            and (self.unit is None or row["unit"] == self.unit)
        )


def parse_scope(store: Store, text: str | None, estate: str | None = None) -> Scope:
    """`unit:2-2`, `building:2`, `area:第一片区` or `community` (the default)."""
    from danyuanzhang.households import choose_estate
    from danyuanzhang.inputs import parse_building, parse_unit

    kind, _, value = (text or "community").strip().partition(":")
    kind = kind.strip().lower()
    estates = (choose_estate(store, estate),) if estate else tuple(reg.estates(store))
    if kind == "community" and not value:
        name = store.setting("community") or "、".join(estates)
        return Scope("community", name, estates, None, None)
    if kind == "unit" and value:
        unit = parse_unit(value)
        return Scope("unit", str(unit), estates, frozenset({unit.building}), unit.unit)
    if kind == "building" and value:
        building = parse_building(value)
        return Scope("building", building, estates, frozenset({building}), None)
    if kind == "area" and value:
        for member in reg.roster(store, role="area_head"):
            if member["scope"] == value.strip() and member["buildings"]:
                return Scope(
                    "area",
                    member["scope"],
                    (member["estate"],) if member["estate"] else estates,
                    frozenset(member["buildings"].split(",")),
                    None,
                )
        raise DyzError("report_unknown_area", area=value.strip())
    raise DyzError("report_bad_scope", scope=text or "")


def week_of(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _days(start: str, end: str) -> tuple[date, date]:
    return date.fromisoformat(start), date.fromisoformat(end)


def _in(day: str | None, start: str, end: str) -> bool:
    return day is not None and start <= day <= end


def _change(this: int | float, last: int | float) -> int | float:
    return round(this - last, 1) if isinstance(this, float) else this - last


# -- sections -------------------------------------------------------------------------------------


def _visits_section(
    store: Store, scope: Scope, homes: list[dict[str, Any]], weeks: list[tuple[str, str]]
) -> dict[str, Any]:
    from danyuanzhang.store import visits as vq

    (start, end), (last_start, last_end) = weeks[-1], weeks[-2]
    rows = [
        v
        for v in vq.visits(store, scope.estates, last_start, end, unit=scope.unit)
        if scope.holds(v)
    ]

    def figures(first: str, last: str) -> dict[str, Any]:
        week = [v for v in rows if _in(v["on_date"], first, last)]
        reached = {v["household_id"] for v in week if v["outcome"] == "met"}
        by_visitor: dict[str, int] = {}
        for v in week:
            by_visitor[v["visitor"]] = by_visitor.get(v["visitor"], 0) + 1
        return {
            "made": len(week),
            "households_reached": len(reached),
            "coverage": round(100 * len(reached) / len(homes), 1) if homes else 0.0,
            "not_home": sum(1 for v in week if v["outcome"] == "not_home"),
            "declined": sum(1 for v in week if v["outcome"] == "declined"),
            "by_visitor": dict(sorted(by_visitor.items(), key=lambda kv: (-kv[1], kv[0]))),
        }

    this, last = figures(start, end), figures(last_start, last_end)
    from danyuanzhang.visits import visits_due

    due = []
    for estate in scope.estates:
        due += [
            d
            for d in visits_due(store, estate=estate, on=end)
            if d["is_due"] and d["reason"] in VULNERABLE and scope.holds(_place(d))
        ]
    return {
        **this,
        "households": len(homes),
        "vulnerable_not_reached": [
            {
                "household": d["household"],
                "reason": d["reason"],
                "last_visit": d["last_visit"],
                "overdue_days": d["overdue_days"],
            }
            for d in due
        ],
        "last_week": {k: last[k] for k in ("made", "households_reached", "coverage", "not_home")},
        "change": {
            k: _change(this[k], last[k]) for k in ("made", "households_reached", "coverage")
        },
    }


def _place(item: dict[str, Any]) -> dict[str, Any]:
    building, unit = item["unit"].split("-")
    return {"estate": item["estate"], "building": building, "unit": unit}


def _unit_in(scope: Scope, unit_text: str) -> bool:
    building, _, unit = unit_text.partition("-")
    return (scope.buildings is None or building in scope.buildings) and (
        scope.unit is None or unit == scope.unit
    )


def _needs_section(store: Store, scope: Scope, weeks: list[tuple[str, str]]) -> dict[str, Any]:
    from danyuanzhang.petitions import describe
    from danyuanzhang.store import petitions as pq

    (start, end), (last_start, last_end) = weeks[-1], weeks[-2]
    rows = [r for r in pq.all_petitions(store) if scope.holds(r) and r["raised_on"] <= end]
    items = describe(store, rows, with_timeline=True, as_of=end)

    def figures(first: str, last: str) -> dict[str, Any]:
        raised = [i for i in items if _in(i["raised_on"], first, last)]
        by_category: dict[str, int] = {}
        for i in raised:
            by_category[i["category"]] = by_category.get(i["category"], 0) + 1
        steps = [(s["step"], s["on"]) for i in items for s in i["timeline"][1:]]
        return {
            "collected": len(raised),
            "by_category": dict(sorted(by_category.items())),
            "resolved_on_the_spot": sum(
                1 for step, on in steps if step == "resolved" and _in(on, first, last)
            ),
            "escalated": sum(
                1 for step, on in steps if step == "escalated" and _in(on, first, last)
            ),
        }

    this, last = figures(start, end), figures(last_start, last_end)
    week_end = date.fromisoformat(end)
    open_items = [
        i for i in items if i["status"] in ("collected", "escalated", "proposed", "adopted")
    ]
    ages = {"under_7": 0, "7_to_30": 0, "over_30": 0}
    for item in open_items:
        age = (week_end - date.fromisoformat(item["raised_on"])).days
        ages["under_7" if age < 7 else "7_to_30" if age <= 30 else "over_30"] += 1
    oldest = min(open_items, key=lambda i: (i["raised_on"], i["id"]), default=None)
    return {
        **this,
        "open": len(open_items),
        "open_by_age": ages,
        "oldest_open": None
        if oldest is None
        else {
            "id": oldest["id"],
            "household": oldest["household"],
            "category": oldest["category"],
            "text": oldest["text"],
            "raised_on": oldest["raised_on"],
            "days": (week_end - date.fromisoformat(oldest["raised_on"])).days,
        },
        "last_week": {k: last[k] for k in ("collected", "resolved_on_the_spot", "escalated")},
        "change": {
            k: this[k] - last[k] for k in ("collected", "resolved_on_the_spot", "escalated")
        },
    }


def _hazards_section(store: Store, scope: Scope, weeks: list[tuple[str, str]]) -> dict[str, Any]:
    from danyuanzhang.hazards import describe
    from danyuanzhang.store import hazards as hq

    (start, end), (last_start, last_end) = weeks[-1], weeks[-2]
    rows = [
        r
        for r in hq.hazards(store, scope.estates, unit=scope.unit)
        if scope.holds(r) and r["found_on"] <= end
    ]
    items = describe(store, rows, with_timeline=True, on=end)

    def figures(first: str, last: str) -> dict[str, Any]:
        found = [i for i in items if _in(i["found_on"], first, last)]
        by_kind: dict[str, int] = {}
        for i in found:
            by_kind[i["kind"]] = by_kind.get(i["kind"], 0) + 1
        steps = [(s["step"], s["on"]) for i in items for s in i["timeline"][1:]]
        return {
            "found": len(found),
            "by_kind": dict(sorted(by_kind.items())),
            "rectified": sum(1 for s, on in steps if s == "rectified" and _in(on, first, last)),
            "verified": sum(1 for s, on in steps if s == "verified" and _in(on, first, last)),
            "recurrences": sum(1 for i in found if i["recurrence_of"]),
        }

    this, last = figures(start, end), figures(last_start, last_end)
    week_end = date.fromisoformat(end)
    overdue = sorted(
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
            for i in items
            if i["overdue"]
        ),
        key=lambda o: (-o["days_overdue"], o["id"]),
    )
    keys = ("found", "rectified", "verified", "recurrences")
    return {
        **this,
        "overdue": overdue,
        "last_week": {k: last[k] for k in keys},
        "change": {k: this[k] - last[k] for k in keys},
    }


def _anti_fraud_section(store: Store, scope: Scope, weeks: list[tuple[str, str]]) -> dict[str, Any]:
    from danyuanzhang.visits import _scope as scope_records

    (start, end) = weeks[-1]
    households = app = briefed = 0
    move_ins = []
    for estate in scope.estates:
        homes, history, people = scope_records(store, end, estate, None, None)
        for home in homes:
            if not scope.holds({**home, "estate": estate}) or not people[home["id"]]:
                continue
            visits = history[home["id"]]
            households += 1
            from danyuanzhang.store import stored_bool

            said = [
                stored_bool(v["anti_fraud_app"]) for v in visits if v["anti_fraud_app"] is not None
            ]
            app += bool(said and said[-1])
            briefings = [v["on_date"] for v in visits if stored_bool(v["briefed"])]
            briefed += bool(briefings)
            for resident in people[home["id"]]:
                if _in(resident["moved_in"], start, end):
                    move_ins.append(
                        {
                            "household": home["ref"],
                            "name": resident["name"],
                            "moved_in": resident["moved_in"],
                            "briefed": any(b >= resident["moved_in"] for b in briefings),
                        }
                    )
    return {
        "households": households,
        "app_installed": app,
        "app_coverage": round(100 * app / households, 1) if households else 0.0,
        "briefed": briefed,
        "briefing_coverage": round(100 * briefed / households, 1) if households else 0.0,
        "move_ins": move_ins,
    }


def _council_section(store: Store, scope: Scope, weeks: list[tuple[str, str]]) -> dict[str, Any]:
    from danyuanzhang.council import agenda
    from danyuanzhang.store import petitions as pq

    start, end = weeks[-1]
    data = agenda(store, on=end)
    matters = [m for m in data["matters"] if _unit_in(scope, m["unit"])]
    decisions = [
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
            {k: m[k] for k in ("category", "unit", "households", "waiting_days", "texts")}
            for m in matters
        ],
        "proposals_awaiting_office": [
            {k: p[k] for k in ("id", "text", "proposed_on", "waiting_days")}
            for p in data["proposals"]
        ],
        "decisions_this_week": decisions,
    }


def _trend(store: Store, scope: Scope, weeks: list[tuple[str, str]]) -> dict[str, Any]:
    from danyuanzhang.store import report as rq

    first, last = weeks[0][0], weeks[-1][1]
    counts = {
        "visits": rq.dates_in(store, "visits", "on_date", first, last),
        "needs": rq.dates_in(store, "petitions", "raised_on", first, last),
        "hazards": rq.dates_in(store, "hazards", "found_on", first, last),
    }
    series: dict[str, list[int]] = {}
    for name, rows in counts.items():
        series[name] = [
            sum(1 for r in rows if scope.holds(r) and _in(r["day"], start, end))
            for start, end in weeks
        ]
    return {"weeks": [week_of(date.fromisoformat(start)) for start, _ in weeks], **series}


# -- the whole report -----------------------------------------------------------------------------


def weekly_report(
    store: Store,
    week: str | None = None,
    scope: str | None = None,
    estate: str | None = None,
    redact: bool = False,
) -> dict[str, Any]:
    """Every figure of one week for one scope, with last week's beside it."""
    start, end = parse_week(week) if week else parse_week(date.today().isoformat())
    where = parse_scope(store, scope, estate)
    monday = date.fromisoformat(start)
    weeks = [
        (
            (monday - timedelta(weeks=n)).isoformat(),
            (monday - timedelta(weeks=n) + timedelta(days=6)).isoformat(),
        )
        for n in range(TREND_WEEKS - 1, -1, -1)
    ]
    homes = [h for e in where.estates for h in _households(store, e, where)]
    report: dict[str, Any] = {
        "week": week_of(monday),
        "from": start,
        "to": end,
        "scope": {"kind": where.kind, "name": where.name, "estates": list(where.estates)},
        "redacted": redact,
        "visits": _visits_section(store, where, homes, weeks),
        "needs": _needs_section(store, where, weeks),
        "hazards": _hazards_section(store, where, weeks),
        "anti_fraud": _anti_fraud_section(store, where, weeks),
        "council": _council_section(store, where, weeks),
        "trend": _trend(store, where, weeks),
    }
    report["empty"] = _is_empty(report)
    report["nothing_open"] = not (
        report["needs"]["open"]
        or report["hazards"]["overdue"]
        or report["visits"]["vulnerable_not_reached"]
        or report["council"]["matters_waiting"]
        or report["council"]["proposals_awaiting_office"]
    )
    return _privacy(report, redact)


def _households(store: Store, estate: str, scope: Scope) -> list[dict[str, Any]]:
    from danyuanzhang.households import list_households

    only = next(iter(scope.buildings)) if scope.buildings and len(scope.buildings) == 1 else None
    homes = list_households(
        store,
        estate=estate,
        building=only if scope.unit is None else None,
        unit=f"{only}-{scope.unit}" if scope.unit and only else None,
    )
    return [h for h in homes if scope.holds(h)]


def _is_empty(report: dict[str, Any]) -> bool:
    visits, needs, hazards = report["visits"], report["needs"], report["hazards"]
    return not (
        visits["made"]
        or needs["collected"]
        or needs["resolved_on_the_spot"]
        or needs["escalated"]
        or hazards["found"]
        or hazards["rectified"]
        or hazards["verified"]
        or report["anti_fraud"]["move_ins"]
        or report["council"]["decisions_this_week"]
    )


def _privacy(report: dict[str, Any], redact: bool) -> dict[str, Any]:
    """Phones are masked wherever they were typed; `redact` also puts each resident's name
    under their household's reference."""
    from danyuanzhang.render import mask_phones_in

    def clean(text: str | None) -> str | None:
        return None if text is None else mask_phones_in(text)

    needs = report["needs"]
    if needs["oldest_open"]:
        needs["oldest_open"]["text"] = clean(needs["oldest_open"]["text"])
    for matter in report["council"]["matters_waiting"]:
        matter["texts"] = [clean(t) for t in matter["texts"]]
    for item in (
        report["council"]["proposals_awaiting_office"] + report["council"]["decisions_this_week"]
    ):
        item["text"] = clean(item["text"])
    if redact:  # visitors stay named: they are the volunteers on the stairwell's card
        for move_in in report["anti_fraud"]["move_ins"]:
            move_in["name"] = move_in["household"]
    return report
