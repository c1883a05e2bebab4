"""Which record types travel in the change log, and where each field lands in the tables."""

from __future__ import annotations

from typing import NamedTuple


class Entity(NamedTuple):
    name: str
    table: str
    columns: dict[str, str]
    # fields that hold personal data: left out of anything shared beyond the council
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
            personal=frozenset({"note"}),
        ),
        Entity(
            "resident",
            "residents",
            {
                "household": "household_id",
                **{f: f for f in ("name", "phone", "born", "moved_in", "moved_out")},
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
            personal=frozenset({"name", "phone", "photo"}),
        ),
        Entity("flag_kind", "flag_kinds", {f: f for f in ("code", "label_zh", "label_en")}),
    )
}

FLAG_PREFIX = "flag."
