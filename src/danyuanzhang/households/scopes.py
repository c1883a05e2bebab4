"""A part of the community: one unit, one building, an area, an estate, or all of it.

The weekly report sums up a scope; an export carries only a scope's records, so that the
office sends each unit head their own stairwell (the personal-information law's minimisation).

>>> scope = parse_scope(store, "unit:2-2")  # doctest: +SKIP
>>> scope.holds({"estate": "新芙蓉之都", "building": "2", "unit": "2"})  # doctest: +SKIP
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from danyuanzhang.errors import DyzError
from danyuanzhang.store import Store
from danyuanzhang.store import registry as reg
from danyuanzhang.system.tuples import Record

KINDS = ("unit", "building", "area", "estate", "community")


class Scope(Record):
    kind: str  # unit | building | area | estate | community
    name: str  # "2-2", "2", the area's or estate's name, or the community's
    estates: tuple[str, ...]
    buildings: frozenset[str] | None  # None: every building
    unit: str | None  # the unit's number when the scope is one unit
    units: frozenset[str] | None = None  # "2-1", "2-2" when a unit head looks after several

    def holds(self, row: Any) -> bool:
        """Whether a record of a place is in this one; a record of a whole estate or building
        (a volunteer who helps everywhere in it) is in every part of it."""
        building, unit = row["building"], row["unit"]
        return (
            row["estate"] in self.estates
            and (self.buildings is None or building is None or building in self.buildings)
            and (self.unit is None or unit is None or unit == self.unit)
            and (self.units is None or unit is None or f"{building}-{unit}" in self.units)
        )

    def covers(self, item: Any) -> bool:
        """`holds` for an item that names its unit as "2-2" (or its building alone)."""
        building, _, unit = (item["unit"] or "").partition("-")
        return self.holds(
            {"estate": item["estate"], "building": building or None, "unit": unit or None}
        )

    @property
    def several_places(self) -> bool:
        """An area or several units: more than one building, estate and unit can say."""
        return self.kind == "area" or self.units is not None

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
        from danyuanzhang.text.i18n import t

        where = "、".join(self.estates)
        if not where and self.kind in ("unit", "building"):  # a laptop set up before its roll
            return t(f"scope_{self.kind}_bare", name=self.name.replace(",", "、"))
        name = self.name.replace(",", "、")
        return t(f"scope_{self.kind}", name=name, estates=where)


def choose_estate(store: Store, estate: str | None, for_new: bool = False) -> str:
    """The estate named, or the only one the database holds."""
    from danyuanzhang.text.i18n import join
    from danyuanzhang.text.inputs import parse_name

    if estate is not None:
        name = parse_name(estate)
        if not for_new and not reg.has_estate(store, name):
            raise DyzError("unknown_estate", estate=name, known=join(reg.estates(store), limit=8))
        return name
    known = reg.estates(store)
    if len(known) == 1:
        return known[0]
    if not known:
        raise DyzError("need_estate_first")
    raise DyzError("need_estate", known=join(known, limit=8))


def parse_scope(store: Store, text: str | None, estate: str | None = None) -> Scope:
    """`unit:2-2`, `building:2`, `area:第一片区`, `estate:新芙蓉之都` or `community` (the
    default); a remembered key (`unit:2-2@新芙蓉之都`) reads back the same."""
    from danyuanzhang.text.inputs import parse_building, parse_unit

    raw = (text or "community").strip()
    if "@" in raw and estate is None:
        raw, _, pinned = raw.rpartition("@")
        estates = tuple(e for e in pinned.split(",") if e)
    else:
        estates = (choose_estate(store, estate),) if estate else tuple(reg.estates(store))
    kind, value = _kind_and_value(raw)
    if kind == "community" and not value:
        from danyuanzhang.text.i18n import join, t

        name = store.setting("community") or join(estates, limit=3) or t("scope_notebook")
        return Scope("community", name, estates, None, None)
    if kind == "unit" and value:
        units = sorted({str(parse_unit(part)) for part in several(value)}, key=_unit_order)
        if len(units) > 1:
            buildings = frozenset(u.partition("-")[0] for u in units)
            return Scope("unit", ",".join(units), estates, buildings, None, frozenset(units))
        unit = parse_unit(units[0])
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


def several(value: str) -> list[str]:
    """The units of `2-1,2-2` or `2-1、2-2` (commas and ideographic commas alike)."""
    return value.replace(",", " ").replace("，", " ").replace("、", " ").split()


def _unit_order(unit: str) -> tuple[int, ...]:
    return tuple(int(n) if n.isdigit() else 0 for n in unit.split("-"))


# the words people write for a kind of scope, besides its English name
_KIND_WORDS = {
    "单元": "unit",
    "楼栋": "building",
    "楼": "building",
    "栋": "building",
    "片区": "area",
    "片": "area",
    "小区": "estate",
    "社区": "community",
}
_WHOLE_WORDS = ("community", "all", "全社区", "社区", "全部")


def _kind_and_value(raw: str) -> tuple[str, str]:
    """`unit:2-2`, `单元:2-2`, a bare `2-2` or `2栋2单元`, `building:2`, `2栋`, `全社区`…"""
    from danyuanzhang.text.normal import nfkc

    cleaned = nfkc(raw).strip()
    if cleaned.lower() in _WHOLE_WORDS:
        return "community", ""
    kind, colon, value = cleaned.partition(":")
    if colon:
        kind = kind.strip()
        return _KIND_WORDS.get(kind, kind.lower()), value.strip()
    from danyuanzhang.text.inputs import parse_building, parse_unit

    for guess, parse in (("unit", parse_unit), ("building", parse_building)):
        try:
            for part in several(cleaned):
                parse(part)
        except DyzError:
            continue
        return guess, cleaned
    return cleaned.lower(), ""


TERRITORY = "territory"  # the setting: the scope this laptop's person looks after


class Place(Record):
    """Where a command looks: the options the domain's queries take, and the scope they make."""

    unit: str | None  # "2-2"
    building: str | None
    estate: str | None
    scope: Scope
    by_default: bool  # taken from the laptop's territory, not from the command line

    def narrow(self, items: list[Any]) -> list[Any]:
        """What a query of `unit`, `building` and `estate` found, kept to the scope when
        those cannot say it (an area, several units); items name their unit as "2-2"."""
        if not self.scope.several_places:
            return items
        return [item for item in items if self.scope.covers(item)]


def territory(store: Store) -> Scope | None:
    """The part of the community this laptop's person looks after (dyz init --unit), if any."""
    saved = store.setting(TERRITORY)
    if not saved:
        return None
    try:
        return parse_scope(store, saved)
    except DyzError:  # an estate renamed since: the whole community rather than a refusal
        return None


def ours_first(
    store: Store, items: list[Any], where: Callable[[Any], Any]
) -> tuple[list[Any], list[Any]]:
    """(those in this laptop's territory, the others), each in its order; `where` gives an
    item's estate, building and unit. With no territory, or the whole community, none is ours:
    a room number alone means the unit head's own flat only when the laptop has a unit."""
    home = territory(store)
    if home is None or home.whole:
        return [], list(items)
    own = [item for item in items if home.holds(where(item))]
    return own, [item for item in items if not home.holds(where(item))]


def set_territory(store: Store, scope_text: str | None, estate: str | None = None) -> Scope | None:
    """Remember (or, with None, forget) what this laptop looks after; the scope is checked."""
    if scope_text is None:
        store.delete_setting(TERRITORY)
        return None
    scope = parse_scope(store, scope_text, estate)
    key = scope.key() if scope.estates else f"{scope.kind}:{scope.name}"
    store.set_setting(TERRITORY, key or "community")
    return scope


def place_for(
    store: Store,
    unit: str | None = None,
    building: str | None = None,
    estate: str | None = None,
    everything: bool = False,
) -> Place:
    """The place a command shows: what its options name, else the laptop's territory, else
    the whole notebook; `--all` is the whole notebook whatever the territory."""
    if unit or building or everything:
        if unit:
            scope = parse_scope(store, f"unit:{unit}", estate)
        elif building:
            scope = parse_scope(store, f"building:{building}", estate)
        else:
            scope = parse_scope(store, f"estate:{estate}") if estate else parse_scope(store, None)
        return Place(unit, building, estate, scope, by_default=False)
    if estate is None:
        home = territory(store)
        if home is not None and not home.whole:
            return _place_of(home)
    scope = parse_scope(store, f"estate:{estate}") if estate else parse_scope(store, None)
    return Place(None, None, estate, scope, by_default=False)


def _place_of(scope: Scope) -> Place:
    only = scope.estates[0] if len(scope.estates) == 1 else None
    if scope.kind == "unit" and scope.units is None:
        return Place(scope.name, None, only, scope, by_default=True)
    if scope.kind == "unit" and scope.buildings and len(scope.buildings) == 1:
        [building] = scope.buildings  # several units of one building: the building, narrowed
        return Place(None, building, only, scope, by_default=True)
    if scope.kind == "building":
        return Place(None, scope.name, only, scope, by_default=True)
    if scope.kind == "estate":
        return Place(None, None, scope.name, scope, by_default=True)
    # an area or units in several buildings: the queries that take one place look at the
    # estate, and what they find is narrowed to the scope (Place.narrow)
    return Place(None, None, only, scope, by_default=True)
