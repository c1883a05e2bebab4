"""Which record types travel in the change log, and where each field lands in the tables."""

from __future__ import annotations

from typing import NamedTuple


class Entity(NamedTuple):
    name: str
    table: str
    columns: dict[str, str]
    # what each field holds, for reading it back from a bundle (bundle/values.py)
    kinds: dict[str, str]
    # residents' personal fields: left out of bundles exported with --redact
    personal: frozenset[str] = frozenset()
    # `flag.<code>` fields become rows of this table instead of a column
    flag_table: str | None = None


ENTITIES: dict[str, Entity] = {
    e.name: e
    for e in (
        Entity(
            "household",
            "households",
            {f: f for f in ("estate", "building", "unit", "room", "note")},
            {
                "estate": "name",
                "building": "part",
                "unit": "unit",
                "room": "part",
                "note": "text",
            },
            personal=frozenset({"note"}),
        ),
        Entity(
            "resident",
            "residents",
            {
                "household": "household_id",
                **{f: f for f in ("name", "phone", "born", "moved_in", "moved_out")},
            },
            {
                "household": "household_id",
                "name": "name",
                "phone": "phone",
                "born": "year",
                "moved_in": "date",
                "moved_out": "date",
            },
            personal=frozenset({"name", "phone", "born"}),
            flag_table="resident_flags",
        ),
        Entity(
            "roster",
            "roster",
            {
                f: f
                for f in (
                    "role",
                    "name",
                    "phone",
                    "estate",
                    "scope",
                    "buildings",
                    "duties",
                    "photo",
                )
            },
            {
                "role": "role",
                "name": "name",
                "phone": "phone",
                "estate": "name",
                "scope": "name",
                "buildings": "buildings",
                "duties": "text",
                "photo": "photo",
            },
        ),
        Entity(
            "hazard",
            "hazards",
            {
                "kind": "kind",
                "estate": "estate",
                "building": "building",
                "unit": "unit",
                "place": "place",
                "household": "household_id",
                "severity": "severity",
                "found_on": "found_on",
                "due": "due",
                "note": "note",
                "photo": "photo",
                "visit": "visit_id",
            },
            {
                "kind": "hazard_kind",
                "estate": "name",
                "building": "part",
                "unit": "unit",
                "place": "text",
                "household": "household_id",
                "severity": "severity",
                "found_on": "date",
                "due": "date",
                "note": "text",
                "photo": "photo",
                "visit": "record_id",
            },
        ),
        Entity(
            "hazard_event",
            "hazard_events",
            {
                "hazard": "hazard_id",
                "step": "step",
                "on": "on_date",
                "due": "due",
                "note": "note",
            },
            {"hazard": "record_id", "step": "step", "on": "date", "due": "date", "note": "text"},
        ),
        Entity(
            "petition",
            "petitions",
            {
                "household": "household_id",
                "estate": "estate",
                "building": "building",
                "unit": "unit",
                "category": "category",
                "text": "text",
                "raised_on": "raised_on",
                "visit": "visit_id",
            },
            {
                "household": "household_id",
                "estate": "name",
                "building": "part",
                "unit": "unit",
                "category": "flag_code",
                "text": "text",
                "raised_on": "date",
                "visit": "record_id",
            },
            personal=frozenset({"text"}),
        ),
        Entity(
            "petition_event",
            "petition_events",
            {
                "petition": "petition_id",
                "step": "step",
                "on": "on_date",
                "to": "escalated_to",
                "proposal": "proposal_id",
                "confirmed": "confirmed",
                "note": "note",
            },
            {
                "petition": "record_id",
                "step": "petition_step",
                "on": "date",
                "to": "escalation",
                "proposal": "record_id",
                "confirmed": "bool",
                "note": "text",
            },
        ),
        Entity(
            "proposal",
            "proposals",
            {
                "estate": "estate",
                "text": "text",
                "proposed_on": "proposed_on",
                "decision": "decision",
                "decided_on": "decided_on",
                "decision_note": "decision_note",
            },
            {
                "estate": "name",
                "text": "text",
                "proposed_on": "date",
                "decision": "decision",
                "decided_on": "date",
                "decision_note": "text",
            },
        ),
        Entity(
            "visit",
            "visits",
            {
                "household": "household_id",
                "estate": "estate",
                "building": "building",
                "unit": "unit",
                "on": "on_date",
                "kind": "kind",
                "outcome": "outcome",
                "visitor": "visitor",
                "introduced": "introduced",
                "anti_fraud_app": "anti_fraud_app",
                "briefed": "briefed",
                "wellbeing": "wellbeing",
                "note": "note",
            },
            {
                "household": "household_id",
                "estate": "name",
                "building": "part",
                "unit": "unit",
                "on": "date",
                "kind": "visit_kind",
                "outcome": "visit_outcome",
                "visitor": "name",
                "introduced": "bool",
                "anti_fraud_app": "bool",
                "briefed": "bool",
                "wellbeing": "wellbeing",
                "note": "text",
            },
            personal=frozenset({"note", "wellbeing"}),
        ),
        Entity(
            "petition_link",
            "petition_links",
            {"petition": "petition_id", "other": "other_id"},
            {"petition": "record_id", "other": "record_id"},
        ),
        Entity(
            "hazard_kind",
            "hazard_kinds",
            {f: f for f in ("code", "label_zh", "label_en")},
            {"code": "flag_code", "label_zh": "name", "label_en": "name"},
        ),
        Entity(
            "flag_kind",
            "flag_kinds",
            {f: f for f in ("code", "label_zh", "label_en")},
            {"code": "flag_code", "label_zh": "name", "label_en": "name"},
        ),
    )
}

FLAG_PREFIX = "flag."

# records that belong to a household and are erased with it, wherever they were made
ERASED_WITH_HOUSEHOLD = ("resident", "visit")

# the order records travel in: what a record refers to comes before it
ENTITY_ORDER = (
    "flag_kind",
    "hazard_kind",
    "household",
    "resident",
    "roster",
    "visit",
    "hazard",
    "hazard_event",
    "proposal",
    "petition",
    "petition_event",
    "petition_link",
)
