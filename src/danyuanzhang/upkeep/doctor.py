"""`dyz doctor`: find what an earlier version let into the notebook, and mend it.

Before bundles were checked for clocks, one change stamped in the year 9999, or with its counter
at its end, pinned a laptop's clock there for good, and spread. Such a *poisoned* stamp is one
more than a day ahead of this laptop's wall clock, or whose counter is past what any laptop
counts to in a millisecond. `repair` brings the clock back without losing a change: each
poisoned change is made again with a sound stamp by this laptop, naming the poisoned one among
the changes it replaces, so on every laptop that receives it the new change stands where the
old one stood (the repair travels); the poisoned change leaves this notebook. A poisoned change
that another laptop has already made again is simply dropped.

>>> examine(store).poisoned  # doctest: +SKIP
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from danyuanzhang.core.changes import Change, encode
from danyuanzhang.core.hlc import latest_allowed, local_time, wall_of
from danyuanzhang.store import Store
from danyuanzhang.text.ids import short
from danyuanzhang.upkeep import queries
from danyuanzhang.upkeep.queries import COUNTER_START


@dataclass
class Checkup:
    clock: str | None = None  # the date this laptop's clock was pushed to, if far ahead
    poisoned: int = 0
    claimed_by: list[str] = field(default_factory=list)  # the laptops those changes claim
    office_list: bool = False  # the office's list this laptop holds is stamped in the future
    # this laptop's own date is behind the bundles it received: then it is not the stamps that
    # are wrong but the date, and nothing may be "repaired" (the day those bundles were made)
    own_date_behind: str | None = None

    @property
    def healthy(self) -> bool:
        return self.clock is None and not self.poisoned and not self.office_list


@dataclass
class Repair:
    remade: int = 0
    dropped: int = 0


def _limit(store: Store) -> str:
    return latest_allowed(store.wall_ms())


def _poisoned(stamp: str, limit: str) -> bool:
    return stamp[:15] > limit or stamp[COUNTER_START - 1] != "0"


def _poisoned_changes(store: Store) -> list[Change]:
    return queries.poisoned_changes(store, _limit(store))


def _day(stamp: str) -> str:
    from danyuanzhang.text.i18n import day

    return day(local_time(wall_of(stamp)).date())


def examine(store: Store) -> Checkup:
    from danyuanzhang.store import sync as sql

    checkup = Checkup()
    clock = store.setting("clock")
    if clock and _poisoned(clock, _limit(store)):
        checkup.clock = _day(clock)
    poisoned = _poisoned_changes(store)
    checkup.poisoned = len(poisoned)
    devices = sorted({c.device for c in poisoned})
    checkup.claimed_by = [sql.device_name(store, d) or short(d) for d in devices]
    issued = store.setting("office_issued")
    checkup.office_list = bool(issued) and _poisoned(str(issued), _limit(store))
    checkup.own_date_behind = _own_date_behind(store)
    return checkup


def _own_date_behind(store: Store) -> str | None:
    """The day the latest bundle received was made, when that is more than a day after this
    laptop's own date: this laptop's date is wrong (a flat BIOS battery)."""
    from datetime import datetime, timedelta

    from danyuanzhang.text.i18n import day

    last = store.last_bundle_made()
    if not last:
        return None
    try:
        made = datetime.fromisoformat(str(last))
    except ValueError:
        return None
    now = local_time(store.wall_ms())
    return day(made.date()) if made.replace(tzinfo=None) > now + timedelta(days=1) else None


def repair(store: Store) -> Repair:
    """Make each poisoned change again with a sound stamp, drop the poisoned ones, and bring
    this laptop's clock, its marks and what it knows of its peers back to sound stamps."""
    from danyuanzhang.store import sync as sql

    report = Repair()
    with store.transaction():
        limit = _limit(store)
        bad = _poisoned_changes(store)
        _mend_clock_and_marks(store, limit)
        _mend_office_list(store, limit)
        records = sorted({(c.entity, c.record) for c in bad})
        replaced = _replaced_by_sound(store, [r for _, r in records], {c.id for c in bad})
        me, author = store.device()
        # this laptop's spans over a poisoned stamp: its changes after them would never be
        # signed; what of them is sound is signed again at the next export
        queries.forget_poisoned_spans(store, me, limit)
        renamed: dict[str, str] = {}
        for change in bad:
            queries.drop_change(store, change.id)
            if change.id in replaced:
                report.dropped += 1
                continue
            parents = {renamed.get(p, p) for p in change.parent_ids()} | {change.id}
            again = Change.make(
                store.stamp(),
                author,
                change.entity,
                change.record,
                change.op,
                change.field,
                change.value,
                encode(sorted(parents)),
            )
            sql.insert_changes(store, [again])
            renamed[change.id] = again.id
            report.remade += 1
        touched: dict[str, dict[str, set[str]]] = {}
        for change in bad:
            if not store.is_erased(change.entity, change.record):
                fields = touched.setdefault(change.entity, {}).setdefault(change.record, set())
                fields.add(change.field)
        for entity, by_record in touched.items():
            queries.refresh(store, entity, by_record)
    return report


def _mend_office_list(store: Store, limit: str) -> None:
    """The office's list stamped in the future: the office signs it again with a sound stamp;
    another laptop forgets which it holds, so that the office's next list is taken."""
    from danyuanzhang.sync.members import is_office, sign_list

    issued = store.setting("office_issued")
    if not issued or not _poisoned(issued, limit):
        return
    if is_office(store):
        sign_list(store)
    else:
        store.set_setting("office_issued", f"{0:015d}-{0:010d}-{issued[27:]}")


def _replaced_by_sound(store: Store, records: list[str], bad: set[str]) -> set[str]:
    """The poisoned changes a sound change already replaces (another laptop remade them)."""
    named: set[str] = set()
    for change in queries.changes_of(store, records):
        if change.id not in bad:
            named.update(change.parent_ids())
    return named & bad


def _mend_clock_and_marks(store: Store, limit: str) -> None:
    clock = store.setting("clock")
    if clock and _poisoned(clock, limit):
        sound = queries.latest_sound(store, limit, None)
        store.set_clock(sound)
    for device, stamp in store.marks().items():
        if _poisoned(stamp, limit):
            sound = queries.latest_sound(store, limit, device)
            if sound is None:
                queries.drop_mark(store, device)
            else:
                queries.set_mark(store, device, sound)
    # what peers were known to hold, and what earlier exports carried: forgotten where
    # poisoned, so that what they lack is sent again (harmless: they hold it or take it)
    queries.forget_poisoned_knowledge(store, limit)
    exported = json.loads(store.setting("exported_marks") or "{}")
    kept = {d: s for d, s in exported.items() if not _poisoned(s, limit)}
    if kept != exported:
        store.set_setting("exported_marks", json.dumps(kept, sort_keys=True))
    for bundle, upto in queries.exports(store):
        if any(_poisoned(s, limit) for s in json.loads(upto).values()):
            queries.forget_export(store, bundle)
