"""The weekly report's shape: what `report.weekly_report` hands the pages that draw it.

TypedDicts rather than dataclasses: the report is printed as it is by `dyz report --format
json`, so it stays a plain dict, key for key, while mypy checks every key a page reads. The
keys that are not names ("from", "7_to_30") need the functional form.
"""

from __future__ import annotations

from typing import TypedDict

# -- visits ---------------------------------------------------------------------------------------


class VulnerableHome(TypedDict):
    household: str | None  # None in a redacted report
    reason: str
    last_visit: str | None  # None: never met
    overdue_days: int
    last_attempt: str | None
    last_outcome: str | None


class VisitsLastWeek(TypedDict):
    made: int
    households_reached: int
    coverage: float
    not_home: int


class VisitsChange(TypedDict):
    made: int
    households_reached: int
    coverage: float


class VisitsWeek(TypedDict):
    made: int
    households_reached: int
    coverage: float
    not_home: int
    declined: int
    visitors: list[str]


class Visits(VisitsWeek):
    households: int
    vulnerable_not_reached: list[VulnerableHome]
    last_week: VisitsLastWeek
    change: VisitsChange


# -- needs ----------------------------------------------------------------------------------------


class NeedsFigures(TypedDict):
    collected: int
    resolved_on_the_spot: int
    escalated: int


class NeedsWeek(NeedsFigures):
    by_category: dict[str, int]


OpenByAge = TypedDict("OpenByAge", {"under_7": int, "7_to_30": int, "over_30": int})


class OldestOpen(TypedDict):
    id: str
    household: str | None  # None in a redacted report
    category: str
    text: str | None  # None in a redacted report
    raised_on: str
    days: int


class Needs(NeedsWeek):
    open: int
    open_by_age: OpenByAge
    oldest_open: OldestOpen | None
    last_week: NeedsFigures
    change: NeedsFigures


# -- hazards --------------------------------------------------------------------------------------


class HazardsFigures(TypedDict):
    found: int
    rectified: int
    verified: int
    recurrences: int


class HazardsWeek(HazardsFigures):
    by_kind: dict[str, int]


class OverdueHazard(TypedDict):
    id: str
    kind: str
    unit: str
    place: str | None
    household: str | None
    due: str
    days_overdue: int


class Hazards(HazardsWeek):
    overdue: list[OverdueHazard]
    last_week: HazardsFigures
    change: HazardsFigures


# -- the anti-fraud watch -------------------------------------------------------------------------


class MoveIn(TypedDict):
    household: str | None  # None in a redacted report
    name: str | None  # None in a redacted report
    moved_in: str
    briefed: bool


class AntiFraud(TypedDict):
    households: int
    app_installed: int
    app_coverage: float
    briefed: int
    briefing_coverage: float
    move_ins: list[MoveIn]


# -- the volunteer team ---------------------------------------------------------------------------


class ServiceKind(TypedDict):
    services: int
    hours: str  # as the log keeps it: 1.5, 2, 0.25


class ServicesFigures(TypedDict):
    services: int
    hours: float


class ServicesWeek(ServicesFigures):
    by_kind: dict[str, ServiceKind]


class Volunteers(ServicesWeek):
    needs_assigned: int
    disputes_open: int
    disputes_settled: int
    follow_ups_due: int
    last_week: ServicesFigures
    change: ServicesFigures


# -- the council ----------------------------------------------------------------------------------


class MatterWaiting(TypedDict):
    category: str
    unit: str
    households: int
    waiting_days: int
    texts: list[str]


class ProposalAwaiting(TypedDict):
    id: str
    text: str | None
    proposed_on: str
    waiting_days: int


class Decision(TypedDict):
    id: str
    text: str | None
    decision: str
    decided_on: str
    note: str | None


class Council(TypedDict):
    matters_waiting: list[MatterWaiting]
    proposals_awaiting_office: list[ProposalAwaiting]
    decisions_this_week: list[Decision]


# -- the whole report -----------------------------------------------------------------------------

Trend = TypedDict(
    "Trend",
    {
        "weeks": list[str],
        "from": str,
        "to": str,
        "visits": list[int],
        "needs": list[int],
        "hazards": list[int],
    },
)


class ReportScope(TypedDict):
    kind: str
    name: str
    estates: list[str]


WeeklyReport = TypedDict(
    "WeeklyReport",
    {
        "week": str,
        "from": str,
        "to": str,
        "as_of": str,
        "scope": ReportScope,
        "redacted": bool,
        "visits": Visits,
        "needs": Needs,
        "hazards": Hazards,
        "anti_fraud": AntiFraud,
        "volunteers": Volunteers,
        "council": Council,
        "trend": Trend,
        "empty": bool,  # nothing happened this week
        "nothing_open": bool,  # and nothing is left waiting
    },
)
