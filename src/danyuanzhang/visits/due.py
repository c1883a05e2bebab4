"""Who is due a visit (`dyz visit due`, `dyz today`, the report's vulnerable households): each
household's cadence, from its flags, its residents' risk levels, who moved in and what the last
visit found, and the flats to knock on again where nobody opened.

>>> [item["household"] for item in visits_due(store, unit="2-2")][:2]  # doctest: +SKIP
['2-2-301', '2-2-602']
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from typing import Any

from danyuanzhang.store import Store
from danyuanzhang.store import visits as q
from danyuanzhang.text.inputs import day_or_today
from danyuanzhang.text.vocab import RISK_CADENCE

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
