"""The volunteer team (志愿服务队伍): neighbours who tutor children at home, help the elderly,
mediate disputes and repair things, and the services they gave — who, when, for whom, what and
how long, as the volunteer service record (民政部令第67号) asks.

A volunteer is a person: their name, phone and note are personal data, erased with them (and
with the household they live in), masked on every page that leaves the unit head's hands.
There are no rankings of volunteers: a volunteer's total hours are in their own record and in
the ledger the office files, nowhere else (the 2026 rules on government apps forbid rankings).

>>> add_volunteer(store, "左师傅", ["义务维修"], phone="13507310001", household="3-2-101")  # doctest: +SKIP
>>> add_service(store, "左师傅", "2-2-301", "repair", on="昨天", hours="1.5")  # doctest: +SKIP
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from danyuanzhang.errors import DyzError
from danyuanzhang.households.registry import find_household, household_json
from danyuanzhang.households.scopes import choose_estate
from danyuanzhang.store import Store, new_id
from danyuanzhang.store import volunteers as q
from danyuanzhang.text.ids import short
from danyuanzhang.text.inputs import (
    UnitRef,
    day_it_happened,
    parse_building,
    parse_free_text,
    parse_name,
    parse_phone,
    parse_unit,
)

MOST_HOURS = Decimal(24)  # in one service, on one day


# -- what the team does ------------------------------------------------------------------------


def known_services(store: Store) -> dict[str, tuple[str, str]]:
    """The four services of the article and those the community added, with their two names."""
    from danyuanzhang.households.community_kinds import known
    from danyuanzhang.text.vocab import SERVICE_KINDS

    return known(store, SERVICE_KINDS, "service_kinds")


def parse_service(store: Store, text: str) -> str:
    from danyuanzhang.text.words import service_kind

    return service_kind(known_services(store)).parse(text)


def parse_services(store: Store, texts: list[str]) -> list[str]:
    """`--service` given once or more, each a word (tutoring at home) or several joined by
    、, commas or spaces (送学上门 帮扶老人)."""
    from danyuanzhang.text.words import service_kind

    vocabulary = service_kind(known_services(store))
    codes = []
    for text in texts:
        whole = vocabulary.read(text)
        words = [text] if whole else [w for w in re.split(r"[,，、;；\s]+", text) if w]
        codes += [vocabulary.parse(word) for word in words]
    if not codes:
        raise DyzError("volunteer_needs_service")
    return list(dict.fromkeys(codes))


def add_service_kind(store: Store, code: str, label_zh: str, label_en: str | None) -> str:
    """A service the community adds, e.g. `dyz volunteer kind-add haircut --zh 义务理发`."""
    from danyuanzhang.households.community_kinds import add

    with store.transaction():
        return add(
            store, "service_kind", "service_kind_", code, label_zh, label_en,
            known_services(store), "service_kind_exists",
        )  # fmt: skip


# -- the people -----------------------------------------------------------------------------------


def volunteer_json(store: Store, row: Any) -> dict[str, Any]:
    from danyuanzhang.store import registry as reg

    home = reg.household(store, row["household_id"]) if row["household_id"] else None
    return {
        "id": row["id"],
        "name": row["name"],
        "phone": row["phone"],
        "household": household_json(home)["ref"] if home is not None else None,
        "estate": row["estate"],
        "area": area_words(row),
        "services": row["services"].split(",") if row["services"] else [],
        "available": row["available"],
        "note": row["note"],
    }


def area_words(row: Any) -> str:
    """Where a volunteer helps: 2-2, 2, or the estate's name for all of it."""
    if row["unit"] is not None and row["building"] is not None:
        return f"{row['building']}-{row['unit']}"
    return str(row["building"] or row["estate"])


def _area(text: str) -> tuple[str | None, str | None]:
    """`2-2` (a unit), `2` (a building), or `all`/全部 for the whole estate."""
    cleaned = text.strip()
    if cleaned.lower() in ("all", "estate") or cleaned in ("全部", "全小区", "整个小区", "小区"):
        return None, None
    if "-" in cleaned or "单元" in cleaned:
        unit = parse_unit(cleaned)
        return unit.building, unit.unit
    return parse_building(cleaned), None


def _unit_or_none(text: str) -> UnitRef | None:
    """A whole unit served (2-2, 2栋2单元), or None for a flat, a room or an id's beginning
    (which may be all digits)."""
    try:
        return parse_unit(text)
    except DyzError:
        return None


def add_volunteer(  # noqa: PLR0913
    store: Store,
    name: str,
    services: list[str],
    phone: str | None = None,
    household: str | None = None,
    area: str | None = None,
    available: str | None = None,
    note: str | None = None,
    estate: str | None = None,
) -> dict[str, Any]:
    """A resident (`household`: where they live) or someone from outside who helps. They help
    in `area` (a unit, a building, the estate), by default the unit they live in, else the
    whole estate."""
    fields: dict[str, Any] = {"name": parse_name(name)}
    if phone:
        fields["phone"] = parse_phone(phone)
    if available:
        fields["available"] = parse_free_text(available, limit=100)
    if note:
        fields["note"] = parse_free_text(note)
    with store.transaction():
        fields["services"] = ",".join(parse_services(store, services))
        home = find_household(store, household, estate) if household else None
        fields["estate"] = home["estate"] if home is not None else choose_estate(store, estate)
        if home is not None:
            fields["household"] = home["id"]
        building, unit = (
            _area(area)
            if area
            else (home["building"], home["unit"])
            if home is not None
            else (None, None)
        )
        if building is not None:
            fields["building"] = building
        if unit is not None:
            fields["unit"] = unit
        volunteer_id = new_id()
        store.put("volunteer", volunteer_id, fields, new=True)
        return volunteer_json(store, q.volunteer(store, volunteer_id))


def find_volunteer(store: Store, text: str) -> Any:
    """A volunteer by id (its first digits) or by name, or part of it: several are listed."""
    cleaned = text.strip()
    if re.fullmatch(r"[0-9a-f]{4,32}", cleaned):
        ids = q.ids_starting(store, cleaned)
        if len(ids) == 1:
            return q.volunteer(store, ids[0])
    found = q.named(store, parse_name(cleaned)) if cleaned else []
    exact = [row for row in found if row["name"] == cleaned]
    if len(exact) == 1 or len(found) == 1:
        return (exact or found)[0]
    if not found:
        raise DyzError("volunteer_not_found", text=cleaned)
    from danyuanzhang.text.i18n import join

    raise DyzError(
        "volunteer_ambiguous",
        text=cleaned,
        matches=join((f"{r['name']}（{short(r['id'])}）" for r in found), limit=6),
    )


def list_volunteers(
    store: Store, service: str | None = None, estate: str | None = None
) -> list[dict[str, Any]]:
    code = parse_service(store, service) if service else None
    estates = [choose_estate(store, estate)] if estate else None
    items = [volunteer_json(store, row) for row in q.volunteers(store, estates)]
    return [i for i in items if code is None or code in i["services"]]


def show_volunteer(store: Store, text: str) -> dict[str, Any]:
    """A volunteer with the services they gave and their own totals: hours by service."""
    row = find_volunteer(store, text)
    item = volunteer_json(store, row)
    given = [service_json(s) for s in q.services_of(store, row["id"])]
    totals: dict[str, Decimal] = {}
    for service in given:
        totals[service["kind"]] = totals.get(service["kind"], Decimal(0)) + Decimal(
            service["hours"]
        )
    item["services_given"] = given
    item["hours"] = {kind: hours_text(hours) for kind, hours in totals.items()}
    item["hours_total"] = hours_text(sum(totals.values(), Decimal(0)))
    return item


def edit_volunteer(
    store: Store,
    text: str,
    name: str | None = None,
    phone: str | None = None,
    services: list[str] | None = None,
    area: str | None = None,
    available: str | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    with store.transaction():
        row = find_volunteer(store, text)
        fields: dict[str, Any] = {}
        if name is not None:
            fields["name"] = parse_name(name)
        if phone is not None:
            fields["phone"] = parse_phone(phone) if phone else None
        if services:
            fields["services"] = ",".join(parse_services(store, services))
        if area is not None:
            fields["building"], fields["unit"] = _area(area)
        if available is not None:
            fields["available"] = parse_free_text(available, limit=100) or None
        if note is not None:
            fields["note"] = parse_free_text(note) or None
        if not fields:
            raise DyzError("nothing_to_change")
        store.put("volunteer", row["id"], fields)
        return volunteer_json(store, q.volunteer(store, row["id"]))


def remove_volunteer(store: Store, text: str) -> dict[str, Any]:
    """Erase a volunteer for good; the services they gave stay in the ledger, unnamed."""
    with store.transaction():
        row = find_volunteer(store, text)
        gone = volunteer_json(store, row)
        store.erase("volunteer", row["id"])
    gone["scrubbed"] = store.scrub()
    return gone


# -- what they did ------------------------------------------------------------------------------


def parse_hours(text: str) -> str:
    """How long: 1.5, 1.5小时, 两小时 are not read (a number, please), 90分钟 is 1.5."""
    cleaned = text.strip().lower().replace("个", "").replace("．", ".")
    minutes = re.fullmatch(r"(\d{1,4})\s*(分钟|分|min|mins|minutes)", cleaned)
    try:
        if minutes:
            hours = (Decimal(minutes[1]) / 60).quantize(Decimal("0.01"))
        else:
            number = re.fullmatch(r"(\d{1,2}(?:\.\d+)?)\s*(小时|钟头|h|hr|hrs|hours?)?", cleaned)
            if number is None:
                raise DyzError("bad_hours", text=text)
            hours = Decimal(number[1])
    except InvalidOperation:
        raise DyzError("bad_hours", text=text) from None
    if not Decimal(0) < hours <= MOST_HOURS or hours != hours.quantize(Decimal("0.01")):
        raise DyzError("bad_hours", text=text)
    return hours_text(hours)


def hours_text(hours: Decimal) -> str:
    """1.5, 2, 0.25: the shortest form, as the log keeps it."""
    shown = format(hours.quantize(Decimal("0.01")).normalize(), "f")
    return shown


def service_json(row: Any) -> dict[str, Any]:
    room = row["room"]  # read with the household's room (store.volunteers)
    return {
        "id": row["id"],
        "volunteer_id": row["volunteer_id"],
        "on": row["on_date"],
        "kind": row["kind"],
        "hours": row["hours"],
        "household": f"{row['building']}-{row['unit']}-{room}" if room else None,
        "unit": f"{row['building']}-{row['unit']}",
        "estate": row["estate"],
        "petition": row["petition_id"],
        "note": row["note"],
    }


def list_services(
    store: Store,
    start: str | None = None,
    end: str | None = None,
    volunteer: str | None = None,
    estate: str | None = None,
) -> list[dict[str, Any]]:
    """The services given between two days (by default this month so far), oldest first."""
    from danyuanzhang.store import registry as reg
    from danyuanzhang.text.inputs import parse_date, today

    last = parse_date(end, "--to") if end else today()
    first = parse_date(start, "--from") if start else last[:8] + "01"
    if last < first:
        raise DyzError("dates_reversed", start=first, end=last)
    estates = [choose_estate(store, estate)] if estate else reg.estates(store)
    rows = q.services_between(store, estates, first, last)
    if volunteer:
        chosen = find_volunteer(store, volunteer)["id"]
        rows = [row for row in rows if row["volunteer_id"] == chosen]
    names = q.names_of(store, [row["volunteer_id"] for row in rows])
    return [{**service_json(row), "volunteer": names.get(row["volunteer_id"])} for row in rows]


def add_service(  # noqa: PLR0913
    store: Store,
    volunteer: str,
    served: str,
    kind: str,
    hours: str,
    on: str | None = None,
    note: str | None = None,
    petition: str | None = None,
    estate: str | None = None,
) -> dict[str, Any]:
    """A service given: by whom, for whom (a household, or a unit's shared space: `2-2`),
    what, on which day (never one still to come) and how long. One they do not offer is
    recorded, with a warning: people help beyond what they signed up for."""
    code_hours = parse_hours(hours)
    day = day_it_happened(on)
    with store.transaction():
        helper = find_volunteer(store, volunteer)
        code = parse_service(store, kind)
        fields: dict[str, Any] = {
            "volunteer": helper["id"],
            "kind": code,
            "on": day,
            "hours": code_hours,
        }
        unit = _unit_or_none(served)
        if unit is None:
            home = find_household(store, served, estate or helper["estate"])
            fields.update(
                household=home["id"],
                estate=home["estate"],
                building=home["building"],
                unit=home["unit"],
            )
        else:
            fields.update(
                estate=choose_estate(store, estate or helper["estate"]),
                building=unit.building,
                unit=unit.unit,
            )
        if petition:
            from danyuanzhang.cases.petitions import find_petition

            fields["petition"] = find_petition(store, petition)["id"]
        if note:
            fields["note"] = parse_free_text(note)
        service_id = new_id()
        store.put("service", service_id, fields, new=True)
        row = q.service(store, service_id)
    item = service_json(row)
    item["volunteer"] = helper["name"]
    item["offered"] = code in (helper["services"] or "").split(",")
    return item
