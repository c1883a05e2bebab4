"""The residents' council (“小巷回声”议事会): its agenda, the proposals it sends to the office,
and the office's answers.

>>> propose(store, ["3fa2", "9b1c"], text="脑科巷增设停车位并加强巡查")  # doctest: +SKIP
>>> decide(store, "7d0e", "adopted")  # doctest: +SKIP
>>> agenda(store)  # doctest: +SKIP
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Final

from danyuanzhang.cases.petitions import (
    describe,
    find_petition,
    keep_up_to_date,
    matter_of,
    others_before_the_council,
)
from danyuanzhang.errors import DyzError
from danyuanzhang.store import Store, new_id
from danyuanzhang.store import petitions as q
from danyuanzhang.text.i18n import said
from danyuanzhang.text.inputs import day_it_happened, parse_date, parse_free_text

if TYPE_CHECKING:
    # for the type checker alone: creating these classes cost the weekly report, which reads the
    # agenda, about 0.7 ms of start-up
    from danyuanzhang.cases.council_shape import (
        Agenda,
        AgendaMatter,
        AgendaProposal,
        Decided,
        Meeting,
        Proposed,
    )


def propose(
    store: Store,
    petition_ids: list[str],
    text: str,
    on: str | None = None,
    meeting: Meeting | None = None,
) -> Proposed:
    """Turn escalated petitions (and all linked to them) into one proposal to the office;
    `meeting` is the council's record of it (place, host, recorder, members expected and
    present, votes for, against and abstaining), checked to add up."""
    words = parse_free_text(text)
    if not words:
        raise DyzError("empty_proposal")
    day = day_it_happened(on)
    minutes = _meeting_fields(store, meeting or {})
    with store.transaction():
        members: set[str] = set()
        for prefix in petition_ids:
            members |= matter_of(store, find_petition(store, prefix)["id"])
        rows = [q.petition(store, i) for i in sorted(members)]
        items = describe(store, rows)
        waiting = [i for i in items if i["status"] == "escalated"]
        if not waiting:
            raise DyzError("nothing_to_propose")
        proposal_id = new_id()
        store.put(
            "proposal",
            proposal_id,
            # the needs' own estate: it may have no flat left on the roll
            {"estate": rows[0]["estate"], "text": words, "proposed_on": day, **minutes},
            new=True,
        )
        for item in waiting:
            store.put(
                "petition_event",
                new_id(),
                {"petition": item["id"], "step": "proposed", "on": day, "proposal": proposal_id},
                new=True,
            )
        keep_up_to_date(store, {i["id"] for i in waiting}, day)
        return {"id": proposal_id, "text": words, "petitions": [i["id"] for i in waiting]}


def _add_other_units(
    store: Store, matters: list[AgendaMatter], homes: dict[str, str | None], day: date
) -> None:
    """The matters before the council that other laptops carried up (council_items): joined
    to this notebook's own line of the same matter, else a line of their own without words;
    each household counted once."""

    groups: dict[str, list[Any]] = {}
    for item in others_before_the_council(store):
        if item["raised_on"] <= day.isoformat():
            groups.setdefault(item["matter_id"], []).append(item)
    for matter_id, items in sorted(groups.items()):
        ours = next(
            (
                m
                for m in matters
                if any(
                    matter_id in joined or i["petition_id"] in joined
                    for joined in (_whole_matter(store, m["petitions"]),)
                    for i in items
                )
            ),
            None,
        )
        keys = {i["household_key"] or i["petition_id"] for i in items}
        first = min(i["raised_on"] for i in items)
        if ours is None:
            head = min(items, key=lambda i: (i["unit"] or "", i["raised_on"]))
            matters.append(
                {
                    "category": head["category"],
                    "unit": f"{head['building']}-{head['unit']}",
                    "households": len(keys),
                    "petitions": sorted(i["petition_id"] for i in items),
                    "texts": [],
                    "waiting_days": (day - date.fromisoformat(first)).days,
                    "kept_elsewhere": len(items),
                }
            )
            continue
        held = {homes.get(p) or p for p in ours["petitions"]}
        ours["households"] = len(held | keys)
        ours["petitions"] = sorted({*ours["petitions"], *(i["petition_id"] for i in items)})
        ours["kept_elsewhere"] += len(items)
        waited = (day - date.fromisoformat(first)).days
        ours["waiting_days"] = max(ours["waiting_days"], waited)


def _whole_matter(store: Store, petitions: list[str]) -> set[str]:
    """Every need linked to these, held here or not (a link names needs of other units)."""
    joined: set[str] = set()
    for petition in petitions:
        joined |= matter_of(store, petition)
    return joined


def _meeting_fields(store: Store, meeting: Meeting) -> dict[str, Any]:
    """The meeting's record as fields; the recorder is whoever records it unless named."""
    from danyuanzhang.text.inputs import parse_name

    fields: dict[str, Any] = {"recorder": parse_name(meeting.get("recorder") or store.author())}
    place, host = meeting.get("place"), meeting.get("host")
    if place:
        fields["place"] = parse_free_text(place, limit=60)
    if host:
        fields["host"] = parse_name(host)
    counts: dict[str, int] = {
        k: count for k in _COUNTS if k in meeting and (count := meeting[k]) is not None
    }
    for value in counts.values():
        if not 0 <= value <= 9999:
            raise DyzError("meeting_bad_count", value=value)
    expected, present = counts.get("expected"), counts.get("present")
    if expected is not None and present is not None and present > expected:
        raise DyzError("meeting_more_present", present=present, expected=expected)
    votes = sum(counts.get(k, 0) for k in ("votes_for", "votes_against", "votes_abstain"))
    if present is not None and votes > present:
        raise DyzError("meeting_more_votes", votes=votes, present=present)
    return {**fields, **counts}


_COUNTS: Final = ("expected", "present", "votes_for", "votes_against", "votes_abstain")


def find_proposal(store: Store, id_prefix: str) -> Any:
    return q.proposal(store, store.resolve_prefix("proposals", id_prefix, "proposal_not_found"))


def decide(
    store: Store, id_prefix: str, decision: str, note: str | None = None, on: str | None = None
) -> Decided:
    """The office's answer: every petition behind the proposal is adopted or declined."""
    from danyuanzhang.text.words import DECISION

    decision = DECISION.parse(decision)
    day = day_it_happened(on)
    with store.transaction():
        row = find_proposal(store, id_prefix)
        if row["decision"]:
            raise DyzError("already_decided", decision=row["decision"], on=row["decided_on"])
        fields: dict[str, Any] = {"decision": decision, "decided_on": day}
        if note:
            fields["decision_note"] = parse_free_text(note)
        store.put("proposal", row["id"], fields)
        for petition_id in q.petitions_of_proposal(store, row["id"]):
            store.put(
                "petition_event",
                new_id(),
                {"petition": petition_id, "step": decision, "on": day, "proposal": row["id"]},
                new=True,
            )
        return {"id": row["id"], "decision": decision}


def agenda(store: Store, on: str | None = None, rows: list[Any] | None = None) -> Agenda:
    """What the council should take up: escalated matters not yet proposed — one line per
    matter, counting the households behind it — and the proposals the office has not answered.
    It goes round a table: phones typed into the texts are masked, in every format."""
    from danyuanzhang.text.phones import mask_phones_in

    day = date.fromisoformat(parse_date(on)) if on else date.today()
    whole_community = rows is None
    if rows is None:  # the weekly report passes those of its place still open on the day
        rows = q.unsettled_on(store, day.isoformat())
    items = {i["id"]: i for i in describe(store, rows, as_of=day.isoformat())}
    seen: set[str] = set()
    matters: list[AgendaMatter] = []
    for item in sorted(
        items.values(), key=lambda i: (i["category"], i["unit"], i["raised_on"], i["id"])
    ):
        if item["status"] != "escalated" or item["id"] in seen:
            continue
        group = [
            items[i]
            for i in matter_of(store, item["id"])
            if i in items and items[i]["status"] == "escalated"
        ]
        seen |= {g["id"] for g in group}
        first = min(g["raised_on"] for g in group)
        matters.append(
            {
                "category": item["category"],
                "unit": item["unit"],
                "households": len({g["household"] for g in group}),
                "petitions": sorted(g["id"] for g in group),
                "texts": [
                    mask_phones_in(said(g["text"]))
                    for g in sorted(group, key=lambda g: g["raised_on"])
                ],
                "waiting_days": (day - date.fromisoformat(first)).days,
                "kept_elsewhere": 0,
            }
        )
    if whole_community:
        _add_other_units(store, matters, {r["id"]: r["household_id"] for r in rows}, day)
    matters.sort(key=lambda m: (m["category"], m["unit"]))
    proposals: list[AgendaProposal] = [
        {
            "id": p["id"],
            "text": mask_phones_in(p["text"]),
            "proposed_on": p["proposed_on"],
            "petitions": q.petitions_of_proposal(store, p["id"]),
            "waiting_days": (day - date.fromisoformat(p["proposed_on"])).days,
        }
        for p in q.open_proposals(store, day.isoformat())
    ]
    return {
        "date": day.isoformat(),
        "community": store.setting("community"),
        "matters": matters,
        "proposals": proposals,
    }
