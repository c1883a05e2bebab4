"""A part of the community: one unit, one building, an area, an estate, or all of it.

The weekly report sums up a scope; an export carries only a scope's records, so that the
office sends each unit head their own stairwell (the personal-information law's minimisation).

>>> scope = parse_scope(store, "unit:2-2")
>>> scope.holds({"estate": "新芙蓉之都", "building": "2", "unit": "2"})
True
"""

from __future__ import annotations

from typing import Any, NamedTuple

from danyuanzhang.errors import DyzError
from danyuanzhang.store import Store
from danyuanzhang.store import registry as reg

KINDS = ("unit", "building", "area", "estate", "community")


class Scope(NamedTuple):
    kind: str  # unit | building | area | estate | community
    name: str  # "2-2", "2", the area's or estate's name, or the community's
    estates: tuple[str, ...]
    buildings: frozenset[str] | None  # None: every building
    unit: str | None

    def holds(self, row: Any) -> bool:
        """Whether a record of a place is in this one; a record of a whole estate or building
        (a volunteer who helps everywhere in it) is in every part of it."""
        building, unit = row["building"], row["unit"]
        return (
            row["estate"] in self.estates
            and (self.buildings is None or building is None or building in self.buildings)
            and (self.unit is None or unit is None or unit == self.unit)
        )

    @property
    def whole(self) -> bool:
        return self.kind == "community"

    def key(self) -> str:
        """How the scope is remembered (for a peer) and named in a bundle; "" for all."""
        if self.whole:
            return ""
        return f"{self.kind}:{self.name}@{','.join(self.estates)}"

    def words(self) -> str:
        """For people: 新芙蓉之都 2-2单元, 2栋, 第一片区."""
        from danyuanzhang.i18n import t

        where = "、".join(self.estates)
        return t(f"scope_{self.kind}", name=self.name, estates=where)


def parse_scope(store: Store, text: str | None, estate: str | None = None) -> Scope:
    """`unit:2-2`, `building:2`, `area:第一片区`, `estate:新芙蓉之都` or `community` (the
    default); a remembered key (`unit:2-2@新芙蓉之都`) reads back the same."""
    from danyuanzhang.households import choose_estate
    from danyuanzhang.inputs import parse_building, parse_unit

    raw = (text or "community").strip()
    if "@" in raw and estate is None:
        raw, _, pinned = raw.rpartition("@")
        estates = tuple(e for e in pinned.split(",") if e)
    else:
        estates = (choose_estate(store, estate),) if estate else tuple(reg.estates(store))
    kind, _, value = raw.replace("：", ":").partition(":")
    kind = kind.strip().lower()
    value = value.strip()
    if kind == "community" and not value:
        from danyuanzhang.i18n import join, t

        name = store.setting("community") or join(estates, limit=3) or t("scope_notebook")
        return Scope("community", name, estates, None, None)
    if kind == "unit" and value:
        unit = parse_unit(value)
        return Scope("unit", str(unit), estates, frozenset({unit.building}), unit.unit)
    if kind == "building" and value:
        building = parse_building(value)
        return Scope("building", building, estates, frozenset({building}), None)
    if kind == "estate" and value:
        name = choose_estate(store, value)
        return Scope("estate", name, (name,), None, None)
    if kind == "area" and value:
        for member in reg.roster(store, role="area_head"):
            if member["scope"] == value and member["buildings"]:
                return Scope(
                    "area",
                    member["scope"],
                    (member["estate"],) if member["estate"] else estates,
                    frozenset(member["buildings"].split(",")),
                    None,
                )
        raise DyzError("unknown_area", area=value)
    raise DyzError("bad_scope", scope=text or "")
