"""The rows of each ledger, read from the records of a period (see `ledgers`).

Each builder returns the rows (cells keyed by the ledger's column keys: text, a number, a
date; None where dyz does not know) and the lines the ledger ends with. Phones are masked and
phones typed into free text are masked too: a ledger leaves the unit head's hands.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from danyuanzhang.store import Store
from danyuanzhang.store import ledgers as ql
from danyuanzhang.store import visits as qv
from danyuanzhang.text.i18n import join, pick, said, t, word
from danyuanzhang.text.phones import mask_phone, mask_phones_in
from danyuanzhang.text.vocab import (
    BUILTIN_FLAGS,
    CARE_AREAS,
    CARE_FLAGS,
    CARE_OK,
    ESCALATION_TARGETS,
    HAZARD_STATUSES,
    PETITION_CATEGORIES,
    PETITION_STATUSES,
    RISK_CADENCE,
    RISK_LEVELS,
    SATISFACTION,
    SEVERITIES,
    VISIT_KINDS,
    VISIT_OUTCOMES,
    WELLBEING,
)

if TYPE_CHECKING:  # ledgers imports this module to build each kind: Period is a type here
    from danyuanzhang.paperwork.ledgers import Period, Row

# the residents the care ledger follows: those of CARE_AGE and over at the period's end, and
# those flagged so or given a risk level whatever their age (said in the ledger's heading)
CARE_AGE = 60
Rows = tuple[list["Row"], list[str]]


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _day_within(text: str | None, within: Period) -> date | None:
    return _day(text) if text and within.start <= text <= within.end else None


def _flat(row: Any) -> str:
    if row["room"] is None:  # a visit of a household since erased
        return t("erased_flat", unit=f"{row['building']}-{row['unit']}")
    return f"{row['building']}-{row['unit']}-{row['room']}"


def _semi() -> str:
    return pick("；", "; ")


def _yes_no(value: bool | None) -> str | None:
    if value is None:
        return None
    return pick("是", "yes") if value else pick("否", "no")


def _share(part: int, whole: int) -> str:
    return f"{part * 100 // whole}%" if whole else "—"


def _residents_by_home(store: Store, household_ids: list[str]) -> dict[str, list[Any]]:
    people: dict[str, list[Any]] = {}
    for resident in qv.current_residents(store, household_ids):
        people.setdefault(resident["household_id"], []).append(resident)
    return people


def _people_met(store: Store, visits: list[Any]) -> dict[str, list[Any]]:
    """Whom each visit met: the residents it names (`met`; an erased one is gone), or for a
    visit that did not say (before schema 15), the only resident when someone was met."""
    named = qv.residents_by_id(store, [i for v in visits if v["met"] for i in v["met"].split(",")])
    unsaid = [v for v in visits if not v["met"] and v["outcome"] == "met"]
    living = _residents_by_home(store, sorted({v["household_id"] for v in unsaid}))
    found: dict[str, list[Any]] = {}
    for visit in visits:
        if visit["met"]:
            people = {}
            for resident_id in visit["met"].split(","):
                row = named.get(resident_id)
                if row is not None and row["name"]:
                    people[row["id"]] = row
            found[visit["id"]] = list(people.values())
        elif visit["outcome"] == "met":
            alone = living.get(visit["household_id"], [])
            found[visit["id"]] = alone if len(alone) == 1 else []
    return found


def _names(people: list[Any]) -> str | None:
    return "、".join(p["name"] for p in people) or None


def _phones(people: list[Any]) -> str | None:
    return "、".join(mask_phone(p["phone"]) for p in people if p["phone"]) or None


def _petition_statuses(store: Store, rows: list[Any]) -> dict[str, str]:
    from danyuanzhang.cases.petitions import describe

    return {item["id"]: item["status"] for item in describe(store, rows)}


def _need_words(petition: Any, categories: dict[str, tuple[str, str]]) -> str:
    return f"{word(petition['category'], categories)}{pick('：', ': ')}" + mask_phones_in(
        said(petition["text"])
    )


def _hazard_words(hazard: Any, kinds: dict[str, tuple[str, str]]) -> str:
    seen = hazard["note"] or hazard["place"]
    return word(hazard["kind"], kinds) + (f"{pick('：', ': ')}{seen}" if seen else "")


def visits(store: Store, within: Period) -> Rows:
    from danyuanzhang.cases.hazards import known_kinds

    estates = list(within.scope.estates)
    rows = [
        r for r in ql.visits_between(store, estates, within.start, within.end) if within.holds(r)
    ]
    needs = ql.visit_findings(store, "petitions", estates, within.start, within.end)
    found = ql.visit_findings(store, "hazards", estates, within.start, within.end)
    statuses = _petition_statuses(store, [p for ps in needs.values() for p in ps])
    categories = PETITION_CATEGORIES
    kinds = known_kinds(store)
    met = _people_met(store, rows)
    semi = _semi()
    result = []
    for visit in rows:
        heard = needs.get(visit["id"], [])
        result.append(
            {
                "on": _day(visit["on_date"]),
                "household": _flat(visit),
                "resident": _names(met.get(visit["id"], [])),
                "phone": _phones(met.get(visit["id"], [])),
                "kind": word(visit["kind"], VISIT_KINDS),
                "outcome": word(visit["outcome"], VISIT_OUTCOMES),
                "needs": semi.join(_need_words(p, categories) for p in heard) or None,
                "handling": semi.join(word(statuses[p["id"]], PETITION_STATUSES) for p in heard)
                or None,
                "hazards": semi.join(_hazard_words(h, kinds) for h in found.get(visit["id"], []))
                or None,
                "visitor": visit["visitor"],
            }
        )
    return result, [t("ledger_count_visits", count=len(result))]


def hazards(store: Store, within: Period) -> Rows:
    from danyuanzhang.cases.hazards import describe, known_kinds

    estates = list(within.scope.estates)
    rows = ql.between(store, "hazards", "found_on", estates, within.start, within.end)
    rows = [r for r in rows if within.holds(r)]
    items = describe(store, rows, with_timeline=True)
    finders = ql.creators(store, "hazard", "found_on", [r["id"] for r in rows])
    patrollers = ql.names_of(store, "patrols", "patroller", [r["patrol_id"] for r in rows])
    visitors = ql.names_of(store, "visits", "visitor", [r["visit_id"] for r in rows])
    kinds = known_kinds(store)
    result = []
    for row, item in zip(rows, items, strict=True):
        counted = [s for s in item["timeline"][1:] if s["counted"]]

        def first(step: str, steps: list[dict[str, Any]] = counted) -> dict[str, Any] | None:
            return next((s for s in steps if s["step"] == step), None)

        def last(step: str, steps: list[dict[str, Any]] = counted) -> dict[str, Any] | None:
            return next((s for s in reversed(steps) if s["step"] == step), None)

        notified, rectified, verified = first("notified"), last("rectified"), last("verified")
        result.append(
            {
                "found_on": _day(row["found_on"]),
                # who walked the stairs or knocked, else the laptop that wrote it down
                "finder": patrollers.get(row["patrol_id"])
                or visitors.get(row["visit_id"])
                or finders.get(row["id"]),
                # a flat's erasure takes the place with it: the unit alone is left
                "place": f"{item['unit']} {row['place'] or ''}".strip(),
                "kind": word(row["kind"], kinds),
                "note": row["note"],
                # blank when nobody judged it: a ledger does not invent a grade
                "severity": word(row["severity"], SEVERITIES) if row["severity"] else None,
                "household": item["household"],
                # the notice that asked it, by the number the office files it under
                "requirement": (row["requirement"] or "")
                + (f"（{row['notice_no']}）" if row["notice_no"] else "")
                or None,
                "due": _day(item["due"]),
                "notified_on": _day(notified["on"]) if notified else None,
                "rectified_on": _day(rectified["on"]) if rectified else None,
                "verified_on": _day(verified["on"]) if verified else None,
                "verifier": verified["by"] if verified else None,
                "result": word(item["status"], HAZARD_STATUSES)
                + (pick("（逾期）", " (overdue)") if item["overdue"] else ""),
                "recurrence": _yes_no(bool(item["recurrence_of"])),
            }
        )
    fixed = sum(1 for i in items if i["status"] in ("rectified", "verified"))
    return result, [t("ledger_count_hazards", count=len(result), fixed=fixed)]


def patrols(store: Store, within: Period) -> Rows:
    from danyuanzhang.cases.hazards import describe as describe_hazards
    from danyuanzhang.cases.hazards import known_kinds
    from danyuanzhang.cases.patrols import CHECKS, list_patrols, result_words

    items = list_patrols(store, None, within.start, within.end, within.scope)
    kinds = known_kinds(store)
    from danyuanzhang.store.patrols import hazards_of

    found = [h for hs in hazards_of(store, [i["id"] for i in items]).values() for h in hs]
    statuses = {h["id"]: h for h in describe_hazards(store, found, with_recurrence=False)}
    result = []
    for item in items:
        handled = []
        for hazard in item["hazards"]:
            state = statuses[hazard["id"]]
            due = pick(f"，期限 {state['due']}", f", due {state['due']}") if state["due"] else ""
            handled.append(
                t("ledger_patrol_handled", kind=word(hazard["kind"], kinds))
                + word(state["status"], HAZARD_STATUSES)
                + due
            )
        row: Row = {
            "when": f"{item['on']} {item['at'] or ''}".strip(),
            "patroller": item["patroller"],
            "where": item["unit"] or pick(f"{item['building']}栋", f"building {item['building']}"),
            "result": result_words(item),
            "handling": _semi().join(handled) or None,
        }
        for code in CHECKS:
            row[code] = t("patrol_ok") if item["checks"][code] == "ok" else t("patrol_problem")
        result.append(row)
    clear = sum(1 for i in items if i["all_clear"])
    return result, [t("ledger_count_patrols", count=len(items), clear=clear)]


_UNIT_HEAD = ("单元长", "unit head")


def needs(store: Store, within: Period) -> Rows:
    from danyuanzhang.cases.petitions import describe, matter_of

    estates = list(within.scope.estates)
    rows = ql.between(store, "petitions", "raised_on", estates, within.start, within.end)
    rows = [r for r in rows if within.holds(r)]
    items = describe(store, rows, with_timeline=True)
    collectors = ql.creators(store, "petition", "raised_on", [r["id"] for r in rows])
    categories = PETITION_CATEGORIES
    matters = {r["id"]: matter_of(store, r["id"]) for r in rows}
    households = ql.households_of_petitions(store, sorted(set().union(*matters.values(), set())))
    result = []
    for row, item in zip(rows, items, strict=True):
        taken = [s for s in item["timeline"][1:] if s["counted"]]
        matter = matters[row["id"]]
        closed = next((s for s in reversed(taken) if s["step"] == "closed"), None)
        result.append(
            {
                "raised_on": _day(row["raised_on"]),
                "household": item["household"] or item["unit"],
                "category": word(row["category"], categories),
                "text": mask_phones_in(said(row["text"])),
                "joint": len({households.get(p) for p in matter if households.get(p)}) or 1,
                "level": pick(*ESCALATION_TARGETS.get(item["escalated_to"] or "", _UNIT_HEAD)),
                "handler": taken[-1]["by"] if taken else collectors.get(row["id"]),
                "result": word(item["status"], PETITION_STATUSES),
                "settled_on": _day(row["settled_on"]),
                "confirmed": _confirmed(closed, row["settled_on"]),
                # the return visit is the one that closed it, asking how it was handled
                "revisited_on": _day(closed["on"]) if closed else None,
                "satisfaction": word(closed["satisfaction"], SATISFACTION)
                if closed and closed.get("satisfaction")
                else None,
            }
        )
    settled = sum(1 for r in rows if r["settled_on"])
    return result, [t("ledger_count_needs", count=len(result), settled=settled)]


def _confirmed(closed: dict[str, Any] | None, settled_on: str | None) -> str | None:
    """居民确认: yes or no once the need is closed (as the closing step says), "not yet" when it
    is settled but not closed, nothing while it is still open."""
    if closed is not None:
        return _yes_no(closed.get("confirmed_by_resident"))
    return t("ledger_need_unconfirmed") if settled_on else None


def _months(within: Period) -> int:
    """The calendar months a period touches: November alone is 1, June to November 6."""
    first, last = date.fromisoformat(within.start), date.fromisoformat(within.end)
    return (last.year - first.year) * 12 + last.month - first.month + 1


def care_rule(within: Period) -> list[str]:
    """Whom the care ledger is for, and what it counts: said at its top."""
    born_by = date.fromisoformat(within.end).year - CARE_AGE
    return [
        t(
            "ledger_care_rule",
            end=within.end,
            age=CARE_AGE,
            born_by=born_by,
            flags=join(word(f, BUILTIN_FLAGS) for f in CARE_FLAGS),
            **{f"every_{level}": days for level, days in RISK_CADENCE.items()},
        )
    ]


def _contact(person: Any) -> str | None:
    """紧急联系人（电话）: the name, what they are to the resident, the phone masked."""
    if not person["contact_name"]:
        return None
    relation = f"（{person['contact_relation']}）" if person["contact_relation"] else ""
    phone = mask_phone(person["contact_phone"])
    return f"{person['contact_name']}{relation}" + (f" {phone}" if phone else "")


def _findings(visit: Any) -> str | None:
    """探访内容: each area the visit checked (健康, 精神, 居家安全, 赡养/照料), 正常 or what
    was found, phones masked."""
    said = [
        word(area, CARE_AREAS)
        + pick("：", ": ")
        + (t("care_ok") if visit[area] == CARE_OK else mask_phones_in(visit[area]))
        for area in CARE_AREAS
        if visit[area]
    ]
    return _semi().join(said) or None


def care(store: Store, within: Period) -> Rows:
    """特殊困难老人探访关爱台账: everyone the rule names (60 and over at the period's end,
    flagged, or given a risk level), a row per knock at their door with what a visit that met
    them checked; only a visit that met them counts as a visit, per person, with their
    visits a month."""
    estates = list(within.scope.estates)
    born_by = date.fromisoformat(within.end).year - CARE_AGE
    people = [
        r for r in ql.residents_cared_for(store, estates, CARE_FLAGS, born_by) if within.holds(r)
    ]
    homes = sorted({p["household_id"] for p in people})
    seen = ql.visits_of_households(store, homes, within.start, within.end)
    named = qv.residents_by_id(
        store, [i for vs in seen.values() for v in vs if v["met"] for i in v["met"].split(",")]
    )
    needs = ql.visit_findings(store, "petitions", estates, within.start, within.end)
    categories = PETITION_CATEGORIES
    months = _months(within)
    result = []
    visited = visits_met = attempts = 0
    for person in people:
        flags = [f for f in (person["flags"] or "").split(",") if f in CARE_FLAGS]
        why = (
            [t("ledger_care_aged", age=CARE_AGE)]
            if person["born"] and int(person["born"]) <= born_by
            else []
        )
        visits = seen.get(person["household_id"], [])

        def met_them(visit: Any, person: Any = person) -> bool:
            if visit["outcome"] != "met":
                return False
            if not visit["met"]:  # a visit that did not say whom it met: the household's
                return True
            return any(
                named[i]["id"] == person["id"] for i in visit["met"].split(",") if i in named
            )

        met_count = sum(1 for v in visits if met_them(v))
        visited += met_count > 0
        visits_met += met_count
        attempts += len(visits) - met_count
        base = {
            "name": person["name"],
            "born": person["born"],
            "address": _flat(person),
            "phone": mask_phone(person["phone"]) or None,
            "category": join([*why, *(word(f, BUILTIN_FLAGS) for f in flags)]),
            "contact": _contact(person),
            "risk": word(person["risk"], RISK_LEVELS) or None,
            "rate": _number(round(met_count / months, 1)),
        }
        if not visits:
            result.append(base)
        for visit in visits:
            checked: dict[str, str | None] = {}
            if met_them(visit):
                how = word(visit["wellbeing"], WELLBEING) or word(visit["outcome"], VISIT_OUTCOMES)
                checked = {
                    "checks": _findings(visit),
                    "referral": mask_phones_in(visit["referral"] or "") or None,
                }
            elif visit["outcome"] == "met":  # others of the flat were met, not this person
                how = t("ledger_care_not_them")
            else:
                how = word(visit["outcome"], VISIT_OUTCOMES)
            result.append(
                {
                    **base,
                    "on": _day(visit["on_date"]),
                    "kind": word(visit["kind"], VISIT_KINDS),
                    "wellbeing": how,
                    **checked,
                    "needs": _semi().join(
                        _need_words(p, categories) for p in needs.get(visit["id"], [])
                    )
                    or None,
                    "visitor": visit["visitor"],
                }
            )
    counted = t(
        "ledger_care_count",
        people=len(people),
        visited=visited,
        share=_share(visited, len(people)),
        visits=visits_met,
        months=months,
        attempts=attempts,
    )
    return result, [counted]


def antifraud(store: Store, within: Period) -> Rows:
    from danyuanzhang.store import stored_bool
    from danyuanzhang.visits.antifraud import anti_fraud

    estates = list(within.scope.estates)
    rows = [
        r
        for r in ql.visits_between(store, estates, within.start, within.end)
        if within.holds(r) and (r["anti_fraud_app"] is not None or stored_bool(r["briefed"]))
    ]
    met = _people_met(store, rows)
    result = []
    for visit in rows:
        covered = []
        if visit["anti_fraud_app"] is not None:
            covered.append(t("ledger_antifraud_app"))
        if stored_bool(visit["briefed"]):
            covered.append(t("ledger_antifraud_briefed"))
        result.append(
            {
                "on": _day(visit["on_date"]),
                "household": _flat(visit),
                "resident": _names(met.get(visit["id"], [])),
                "phone": _phones(met.get(visit["id"], [])),
                "app": _yes_no(stored_bool(visit["anti_fraud_app"])),
                "content": join(covered),
                "visitor": visit["visitor"],
            }
        )
    notes = []
    for estate in estates:
        watch = anti_fraud(store, by="unit", estate=estate, on=within.end)
        for group in watch["groups"]:
            building, unit = group["unit"].split("-", 1)
            if not within.holds({"estate": estate, "building": building, "unit": unit}):
                continue
            notes.append(
                t(
                    "ledger_antifraud_rate",
                    unit=group["unit"],
                    installed=group["app_installed"],
                    homes=group["households"],
                    share=_share(group["app_installed"], group["households"]),
                )
            )
    return result, notes


def moves(store: Store, within: Period) -> Rows:
    estates = list(within.scope.estates)
    result = []
    for row in ql.moves_between(store, estates, within.start, within.end):
        if not within.holds(row):
            continue
        result.append(
            {
                "household": _flat(row),
                "resident": row["name"],
                "tenure": word("tenant", BUILTIN_FLAGS) if row["tenant"] else None,
                "moved_in": _day_within(row["moved_in"], within),
                "moved_out": _day_within(row["moved_out"], within),
            }
        )
    return result, [t("ledger_count_moves", count=len(result))]


def _pair(expected: int | None, present: int | None) -> str | None:
    if expected is None and present is None:
        return None
    return f"{'' if expected is None else expected}/{'' if present is None else present}"


def _votes(proposal: Any) -> str | None:
    counts = [proposal["votes_for"], proposal["votes_against"], proposal["votes_abstain"]]
    if all(c is None for c in counts):
        return None
    return "/".join("" if c is None else str(c) for c in counts)


def council(store: Store, within: Period) -> Rows:
    estates = list(within.scope.estates)
    proposals = ql.between(store, "proposals", "proposed_on", estates, within.start, within.end)
    behind = ql.petitions_of_proposals(store, [p["id"] for p in proposals])
    done = _done_days(store, [p["id"] for ps in behind.values() for p in ps])
    categories = PETITION_CATEGORIES
    result = []
    for proposal in proposals:
        petitions = [p for p in behind.get(proposal["id"], []) if within.holds(p)]
        if not petitions and within.scope.kind != "community":
            continue
        topics = sorted(
            {f"{word(p['category'], categories)}（{p['building']}-{p['unit']}）" for p in petitions}
        )
        decision = None
        if proposal["decision"]:
            decision = (
                word(
                    proposal["decision"],
                    {"adopted": ("采纳", "adopted"), "declined": ("未采纳", "declined")},
                )
                + f" {proposal['decided_on']}"
                + (
                    f"{pick('：', ': ')}{proposal['decision_note']}"
                    if proposal["decision_note"]
                    else ""
                )
            )
        finished = sorted(done[p["id"]] for p in petitions if p["id"] in done)
        result.append(
            {
                "on": _day(proposal["proposed_on"]),
                "place": proposal["place"],
                "host": proposal["host"],
                # the record's writer; before 15, the laptop that wrote the proposal down
                "recorder": proposal["recorder"],
                "attendance": _pair(proposal["expected"], proposal["present"]),
                "topic": join(topics) or None,
                "households": len({p["household_id"] for p in petitions if p["household_id"]})
                or None,
                "proposal": mask_phones_in(proposal["text"]),
                "votes": _votes(proposal),
                "decision": decision,
                "done": t("ledger_council_done", on=finished[-1]) if finished else None,
            }
        )
    return result, [t("ledger_count_council", count=len(result))]


def _done_days(store: Store, petition_ids: list[str]) -> dict[str, str]:
    from danyuanzhang.store.petitions import events_of

    found: dict[str, str] = {}
    for event in events_of(store, petition_ids):
        if event["step"] == "done":
            found[event["petition_id"]] = event["on_date"]
    return found


def _number(value: Any) -> int | float:
    """A spreadsheet's number as people write it: 2, not 2.0."""
    return int(value) if value == int(value) else float(value)


def volunteers(store: Store, within: Period) -> Rows:
    """志愿服务记录: who, when, for whom, what and how long (民政部令第67号), with the totals
    of each service; a volunteer's own total is in `dyz volunteer show`, never ranked here."""
    from decimal import Decimal

    from danyuanzhang.cases.volunteers import hours_text, known_services
    from danyuanzhang.store import volunteers as qvol

    estates = list(within.scope.estates)
    rows = [
        r
        for r in qvol.services_between(store, estates, within.start, within.end)
        if within.holds(r)
    ]
    names = qvol.names_of(store, [r["volunteer_id"] for r in rows])
    writers = ql.creators(store, "service", "on", [r["id"] for r in rows])
    known = known_services(store)
    totals: dict[str, tuple[int, Decimal]] = {}
    result = []
    for row in rows:
        count, hours = totals.get(row["kind"], (0, Decimal(0)))
        totals[row["kind"]] = (count + 1, hours + Decimal(row["hours"]))
        what = word(row["kind"], known)
        if row["note"]:
            what += pick("：", ": ") + mask_phones_in(row["note"])
        result.append(
            {
                "volunteer": names.get(row["volunteer_id"]) or t("volunteer_erased"),
                "on": _day(row["on_date"]),
                "served": _flat(row)
                if row["household_id"]
                else t("shared_space", unit=f"{row['building']}-{row['unit']}"),
                "service": what,
                "hours": _number(Decimal(row["hours"])),
                "recorder": writers.get(row["id"]),
            }
        )
    lines = [
        t("ledger_service_total", kind=word(kind, known), count=count, hours=hours_text(hours))
        for kind, (count, hours) in sorted(
            totals.items(), key=lambda item: list(known).index(item[0]) if item[0] in known else 99
        )
    ]
    every = sum((hours for _, hours in totals.values()), Decimal(0))
    lines.append(t("ledger_count_services", count=len(result), hours=hours_text(every)))
    return result, lines


def _parties(store: Store, item: dict[str, Any]) -> str:
    """The flats in a dispute, each with the names of who lives there: 1-1-201 张三、李四."""
    from danyuanzhang.errors import DyzError
    from danyuanzhang.households.registry import find_household
    from danyuanzhang.store.visits import current_residents

    parts = []
    for flat in item["parties"]:
        try:
            home = find_household(store, flat, item["estate"])
        except DyzError:  # a flat erased since: its reference alone
            parts.append(flat)
            continue
        names = "、".join(r["name"] for r in current_residents(store, [home["id"]]) if r["name"])
        parts.append(f"{flat} {names}".strip())
    return _semi().join(parts)


def mediation(store: Store, within: Period) -> Rows:
    """矛盾纠纷调处台账: the disputes taken on in the period, each with its parties (flats), the
    mediation's steps in a line, how it ended and the follow-up visit."""
    from danyuanzhang.cases.mediation import disputes_raised
    from danyuanzhang.text.vocab import DISPUTE_KINDS, MEDIATION_RESULTS, MEDIATION_STEPS

    items = [
        i
        for i in disputes_raised(store, within.scope.estates, within.start, within.end)
        if within.holds(
            {
                "estate": i["estate"],
                "building": i["unit"].split("-")[0],
                "unit": i["unit"].split("-")[1],
            }
        )
    ]
    semi = _semi()
    result = []
    for item in items:
        course = [s for s in item["steps"] if s["step"] != "followed_up"]
        result.append(
            {
                "case_no": item["case_no"],
                "raised_on": _day(item["raised_on"]),
                "source": item["source"],
                "parties": _parties(store, item) or item["unit"],
                "dispute": word(item["dispute"], DISPUTE_KINDS) or None,
                "mediator": item["mediator"],
                "course": semi.join(
                    f"{s['on'][5:]} {word(s['step'], MEDIATION_STEPS)}"
                    + (f"（{s['party'] or s['to']}）" if s["party"] or s["to"] else "")
                    + (pick("：", ": ") + mask_phones_in(s["note"]) if s["note"] else "")
                    for s in course
                )
                or None,
                "result": word(item["result"], MEDIATION_RESULTS) or t("mediation_open"),
                "agreement_no": item["agreement_no"],
                "follow_up_by": item["followed_up"][0]["by"] if item["followed_up"] else None,
                "follow_up_on": _day(item["followed_up"][0]["on"])
                if item["followed_up"]
                else _day(item["follow_up_on"]),
                "follow_up": mask_phones_in(item["followed_up"][0]["note"] or "")
                if item["followed_up"]
                else None,
            }
        )
    settled = sum(1 for i in items if i["result"] == "agreed")
    return result, [t("ledger_count_mediation", count=len(result), settled=settled)]
