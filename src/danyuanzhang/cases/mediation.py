"""Disputes mediated to the end (矛盾调解): a need of category mediation carries the kind of
dispute, the other flats in it (flats, not names), who mediates, and the steps — each side
talked to, brought together, agreement reached or not, referred on, the follow-up visit weeks
later, since disputes come back as hazards do.

>>> set_dispute(store, "3fa2", kind="漏水", parties=["1-1-301"], mediator="周阿姨")  # doctest: +SKIP
>>> take_mediation_step(store, "3fa2", "分别谈过", party="1-1-301", note="楼上说会找人修")  # doctest: +SKIP
>>> take_mediation_step(store, "3fa2", "达成协议", note="楼上修防水，费用各半")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from danyuanzhang.errors import DyzError
from danyuanzhang.households.registry import find_household, household_json
from danyuanzhang.store import Store, new_id
from danyuanzhang.text.ids import short
from danyuanzhang.text.inputs import day_it_happened, parse_free_text, parse_name

# a follow-up visit is proposed this long after an agreement
FOLLOW_UP_DAYS = 21
# the steps that end a mediation, one way or another
DECIDING = ("agreed", "not_agreed", "referred")


def find_dispute(store: Store, petition: str) -> Any:
    from danyuanzhang.cases.petitions import find_petition

    row = find_petition(store, petition)
    if row["category"] != "mediation":
        raise DyzError("not_a_dispute", id=short(row["id"]))
    return row


def _flat(store: Store, text: str, estate: str) -> str:
    home = find_household(store, text, estate)
    return str(household_json(home)["ref"])


def set_dispute(
    store: Store,
    petition: str,
    kind: str | None = None,
    parties: list[str] | None = None,
    mediator: str | None = None,
    case_no: str | None = None,
    agreement_no: str | None = None,
    source: str | None = None,
) -> dict[str, Any]:
    """The kind of dispute, the other flats in it (replacing those given before), who
    mediates (the unit head, a volunteer, the council: a name), and what the office files it
    under: its 卷号, the agreement's number and how the case came (当事人申请, 排查发现…);
    an empty text clears one."""
    from danyuanzhang.text.words import DISPUTE

    with store.transaction():
        row = find_dispute(store, petition)
        fields: dict[str, Any] = {}
        if kind is not None:
            fields["dispute"] = DISPUTE.parse(kind)
        if parties:
            own = household_json(find_household(store, row["household_id"]))["ref"]
            flats = [_flat(store, text, row["estate"]) for text in parties]
            fields["parties"] = ",".join(f for f in dict.fromkeys(flats) if f != own) or None
        if mediator is not None:
            fields["mediator"] = parse_name(mediator) if mediator else None
        for field, text in (
            ("case_no", case_no),
            ("agreement_no", agreement_no),
            ("source", source),
        ):
            if text is not None:
                fields[field] = parse_free_text(text, limit=40) or None
        if not fields:
            raise DyzError("nothing_to_change")
        store.put("petition", row["id"], fields)
        return describe(store, find_dispute(store, row["id"]))


def take_mediation_step(
    store: Store,
    petition: str,
    step: str,
    on: str | None = None,
    party: str | None = None,
    note: str | None = None,
    to: str | None = None,
) -> dict[str, Any]:
    from danyuanzhang.text.words import MEDIATION_STEP

    code = MEDIATION_STEP.parse(step)
    day = day_it_happened(on)
    with store.transaction():
        row = find_dispute(store, petition)
        if day < row["raised_on"]:
            raise DyzError("step_before_raised", on=day, raised=row["raised_on"])
        fields: dict[str, Any] = {"petition": row["id"], "step": code, "on": day}
        if party:
            fields["party"] = _flat(store, party, row["estate"])
        if code == "referred":
            if not to:
                raise DyzError("referred_needs_to")
            fields["to"] = parse_free_text(to, limit=60)
        if note:
            fields["note"] = parse_free_text(note)
        store.put("mediation_step", new_id(), fields, new=True)
        settled = code == "agreed" and _settle(store, row, day, note)
        return describe(store, find_dispute(store, row["id"])) | {"settled": settled}


def _settle(store: Store, row: Any, day: str, note: str | None) -> bool:
    """An agreement settles the need: it leaves the council's agenda and the open needs.
    False when the need has gone on already (handed to a volunteer, decided, closed)."""
    from danyuanzhang.cases.petitions import STEPS_FROM, take_step
    from danyuanzhang.cases.petitions import describe as describe_need
    from danyuanzhang.store import petitions as q
    from danyuanzhang.text.i18n import t

    status = describe_need(store, [q.petition(store, row["id"])])[0]["status"]
    if status not in STEPS_FROM["resolved"]:
        return False
    said = t("mediation_agreed_as", note=note) if note else t("mediation_agreed")
    take_step(store, row["id"], "resolved", on=day, note=said)
    return True


def _steps_of(store: Store, petition_ids: list[str]) -> dict[str, list[Any]]:
    from danyuanzhang.store import petitions as q

    found: dict[str, list[Any]] = {p: [] for p in petition_ids}
    for step in q.mediation_steps(store, petition_ids):
        found[step["petition_id"]].append(step)
    for steps in found.values():
        steps.sort(key=lambda s: (s["on_date"], s["hlc"], s["id"]))
    return found


def describe(store: Store, row: Any, steps: list[Any] | None = None) -> dict[str, Any]:
    """A dispute: who is in it (flats), what kind, who mediates, what was done, how it ended,
    and when to go back."""
    from danyuanzhang.store import registry as reg

    if steps is None:
        steps = _steps_of(store, [row["id"]])[row["id"]]
    home = reg.household(store, row["household_id"]) if row["household_id"] else None
    own = household_json(home)["ref"] if home is not None else None
    deciding = [s for s in steps if s["step"] in DECIDING]
    ended = deciding[-1] if deciding else None
    agreed_on = ended["on_date"] if ended is not None and ended["step"] == "agreed" else None
    visits = [s for s in steps if s["step"] == "followed_up" and (agreed_on or "") <= s["on_date"]]
    follow_up_on = (
        (date.fromisoformat(agreed_on) + timedelta(days=FOLLOW_UP_DAYS)).isoformat()
        if agreed_on and not visits
        else None
    )
    return {
        "id": row["id"],
        "raised_on": row["raised_on"],
        "estate": row["estate"],
        "unit": f"{row['building']}-{row['unit']}",
        "household": own,
        "parties": [p for p in [own, *(row["parties"] or "").split(",")] if p],
        "dispute": row["dispute"],
        "mediator": row["mediator"],
        "case_no": row["case_no"],
        "agreement_no": row["agreement_no"],
        "source": row["case_source"],
        "text": row["text"],
        "steps": [
            {
                "step": s["step"],
                "on": s["on_date"],
                "party": s["party"],
                "to": s["referred_to"],
                "note": s["note"],
                "by": s["author"],
            }
            for s in steps
        ],
        "result": ended["step"] if ended is not None else None,
        "result_on": ended["on_date"] if ended is not None else None,
        "follow_up_on": follow_up_on,
        "followed_up": [{"on": s["on_date"], "note": s["note"], "by": s["author"]} for s in visits],
    }


def list_disputes(
    store: Store, estate: str | None = None, open_only: bool = False
) -> list[dict[str, Any]]:
    """Every dispute (need of category mediation) not withdrawn, oldest first."""
    from danyuanzhang.households.scopes import choose_estate
    from danyuanzhang.store import petitions as q

    rows = q.disputes(store, choose_estate(store, estate) if estate else None)
    steps = _steps_of(store, [r["id"] for r in rows])
    items = [describe(store, row, steps[row["id"]]) for row in rows]
    return [i for i in items if not open_only or i["result"] is None]


def disputes_raised(
    store: Store, estates: Sequence[str], start: str, end: str
) -> list[dict[str, Any]]:
    """The disputes taken on in a period (a ledger's), oldest first, as `list_disputes` has
    them."""
    from danyuanzhang.store import petitions as q

    rows = q.disputes_between(store, estates, start, end)
    return _described(store, rows)


def disputes_open_since(store: Store, estates: Sequence[str], day: str) -> list[dict[str, Any]]:
    """The disputes of these estates a week from `day` on may count (undecided, decided since,
    or waiting for their follow-up visit), oldest first, as `list_disputes` has them."""
    from danyuanzhang.store import petitions as q

    return _described(store, q.disputes_open_since(store, estates, day))


def _described(store: Store, rows: list[Any]) -> list[dict[str, Any]]:
    steps = _steps_of(store, [r["id"] for r in rows])
    return [describe(store, row, steps[row["id"]]) for row in rows]


def follow_ups_due(store: Store, day: str, scope: Any = None) -> list[dict[str, Any]]:
    """Disputes settled by agreement whose follow-up visit is due by `day`, not yet made:
    read from those agreed and not followed up since, not from every dispute."""
    from danyuanzhang.store import petitions as q

    due = [
        item
        for item in _described(store, q.disputes_to_follow_up(store))
        if item["follow_up_on"] is not None and item["follow_up_on"] <= day
    ]
    if scope is not None:
        due = [i for i in due if scope(i)]
    return due
