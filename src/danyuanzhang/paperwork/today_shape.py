"""What `today.today_plan` hands the page that draws it (render_today.py) and
`dyz today --format json`: plain dicts, whose keys mypy checks."""

from __future__ import annotations

from typing import Literal, TypedDict

# What the page reads of each item. The items are the lists' own (visits_due, list_hazards,
# open_petitions, due_patrols, follow_ups_due): they carry their other fields into
# `dyz today --format json` as they are.


class HeldErasures(TypedDict):
    laptop: str
    file: str
    flats: list[str]


class Retry(TypedDict):
    household: str
    household_id: str
    flags: list[str]
    risk: str | None
    not_home_on: str
    retry_by: str


class VisitDue(TypedDict):
    household: str
    household_id: str
    residents: list[str]
    is_due: bool
    # why it is due, as `due_reason` says it
    reason: str
    every_days: int
    never_visited: bool
    last_visit: str | None
    last_attempt: str | None
    last_outcome: str | None
    overdue_days: int
    due_on: str


class HazardToDo(TypedDict):
    id: str
    kind: str
    unit: str
    place: str | None
    todo: Literal["reinspect", "deadline"]
    days_over: int | None  # None: fixed, waiting to be re-inspected


class _NeedWaiting(TypedDict):
    id: str
    status: str
    category: str
    text: str
    household: str | None
    unit: str
    waiting_days: int


class NeedWaiting(_NeedWaiting, total=False):
    volunteer: str  # the need handed to a volunteer (assigned)


class PatrolDue(TypedDict):
    unit: str
    last_patrol: str | None
    days_since: int | None


class FollowUp(TypedDict):
    id: str
    parties: list[str]
    follow_up_on: str


class TodayPlan(TypedDict):
    day: str
    retries: list[Retry]
    no_households: bool
    visits: list[VisitDue]
    hazards: list[HazardToDo]
    needs: list[NeedWaiting]
    patrols: list[PatrolDue]
    follow_ups: list[FollowUp]
    erasures_held: list[HeldErasures]  # another laptop's, waiting for a person
