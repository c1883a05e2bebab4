"""The rectification notice (整改通知书) a household receives for a hazard: numbered as an
office numbers its letters (芙南〔2026〕第3-12号), dated, with the deadline, the re-inspection,
the unit head to call, signature lines and a receipt stub to sign and return.

The number is the community's short name, the year, this laptop's place among the community's
laptops (in the order the office admitted them; the office is 0; a laptop that had joined no
office when it gave its first notice, the first four digits of its id, kept for good) and its
own count of notices that year, so that 170 laptops issuing notices
while apart never give two the same number. It is kept on the hazard: printed again, or on
another laptop, it is the same notice.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any, TypedDict, cast

from danyuanzhang.cases.hazards import find_hazard, known_kinds, show_hazard
from danyuanzhang.store import Store
from danyuanzhang.store import hazards as q
from danyuanzhang.store import registry as reg

RE_INSPECTION_AFTER = timedelta(days=1)  # the day after the deadline, the unit head comes back


class NoticeHazard(TypedDict):
    """What the notice reads of the hazard (`show_hazard`, which holds more)."""

    id: str
    kind: str
    estate: str
    unit: str
    place: str | None
    household: str | None
    found_on: str
    due: str | None
    note: str | None
    requirement: str | None
    notice_no: str | None
    notice_on: str | None


class UnitHead(TypedDict):
    name: str
    phone: str | None


class Notice(TypedDict):
    hazard: NoticeHazard
    number: str | None  # None on a preview of a notice never printed
    issued_on: str
    re_inspection: str | None
    kind_names: tuple[str, str]
    community: str | None
    unit_head: UnitHead | None


def notice(store: Store, id_prefix: str, on: str | None = None, preview: bool = False) -> Notice:
    """What the notice says: the hazard, why it is dangerous, the deadline, and who to call —
    the unit head's own phone in full (it is on the stairwell card anyway). The first time it
    is printed, the notice is given its number and day (`on`, else today); a preview on the
    screen uses up no number."""
    from danyuanzhang.text.inputs import day_or_today

    row = find_hazard(store, id_prefix)
    if not row["notice_no"] and not preview:
        with store.transaction():
            issued = day_or_today(on)
            number = next_number(store, issued)
            store.put("hazard", row["id"], {"notice_no": number, "notice_on": issued})
            _told_by_notice(store, row, number, issued)
    hazard = cast(NoticeHazard, show_hazard(store, row["id"]))
    heads = [
        m
        for m in reg.roster(store, role="unit_head", estate=hazard["estate"])
        if m["scope"] == hazard["unit"]
    ]
    kind = hazard["kind"]
    due = hazard["due"]
    return {
        "hazard": hazard,
        "number": hazard["notice_no"],
        # a preview shows the day it would be given, without taking it
        "issued_on": hazard["notice_on"] or day_or_today(on),
        "re_inspection": (date.fromisoformat(due) + RE_INSPECTION_AFTER).isoformat()
        if due
        else None,
        "kind_names": known_kinds(store).get(kind, (kind, kind)),
        "community": store.setting("community"),
        "unit_head": {"name": heads[0]["name"], "phone": heads[0]["phone"]} if heads else None,
    }


def _told_by_notice(store: Store, row: Any, number: str, issued: str) -> None:
    """A notice handed over is the household told: a hazard only found is 已告知 that day,
    and the ledger's 告知日 is the notice's."""
    from danyuanzhang.cases.hazards import describe, take_step

    if describe(store, [row])[0]["status"] == "found" and issued >= row["found_on"]:
        take_step(store, row["id"], "notified", on=issued, note=f"整改通知书{number}")


def community_code(store: Store) -> str:
    """芙南: `dyz config set notice.code`, else the community's first two characters."""
    from danyuanzhang.core.config import value

    code = value(store, "notice.code")
    if code:
        return str(code)
    community = store.setting("community") or ""
    return re.sub(r"\s", "", community)[:2] or "社区"


def laptop_number(store: Store) -> int | None:
    """This laptop's place among the community's laptops: the office 0, the others from 1 in
    the order the office admitted them; None when it has joined no office."""
    from danyuanzhang.sync.members import is_office, office_of

    if is_office(store):
        return 0
    office = office_of(store)
    me = store.device()[0]
    admitted = (
        [m.device for m in sorted(office.members, key=lambda m: (m.admitted, m.device))]
        if office
        else []
    )
    return admitted.index(me) + 1 if me in admitted else None


NUMBERED_AS = "notice_laptop_part"  # the setting: this laptop's part of every number it gives


def laptop_part(store: Store) -> str:
    """This laptop's part of its notice numbers, fixed by its first notice so that a notebook
    numbers one way all its life: its place in the office's list once it has joined, else the
    first four digits of its id (unique without asking anyone)."""
    fixed = store.setting(NUMBERED_AS)
    if fixed is None:
        place = laptop_number(store)
        fixed = str(place) if place is not None else store.device()[0][:4].upper()
        store.set_setting(NUMBERED_AS, fixed)
    return fixed


def next_number(store: Store, issued_on: str) -> str:
    """The next notice number of this laptop in the year of `issued_on`."""
    prefix = f"{community_code(store)}〔{issued_on[:4]}〕第{laptop_part(store)}-"
    taken = [
        int(found[1])
        for number in q.notice_numbers(store, prefix)
        if (found := re.fullmatch(r"([0-9]+)号", number[len(prefix) :]))
    ]
    return f"{prefix}{max(taken, default=0) + 1}号"
