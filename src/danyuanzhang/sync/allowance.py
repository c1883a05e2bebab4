"""For one import, which of its erasures of households are taken and which held (the rule is
told in sync/erasures.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from danyuanzhang.core.changes import Change
from danyuanzhang.core.merge import Incoming, Plan
from danyuanzhang.core.records import ENTITIES
from danyuanzhang.store import Store
from danyuanzhang.store import erasures as sql
from danyuanzhang.sync.erasures import UNSEEN_KEY, WINDOW_KEY, laptop_name


@dataclass
class HeldFlat:
    laptop: str  # the name of the laptop that erased it
    flat: str  # as people know it: 新芙蓉之都 2-2-301


@dataclass
class Allowance:
    """For one import: which of its new erasures of households are taken, which held."""

    store: Store
    bundle: str  # the bundle's checksum, to accept its held erasures by its file later
    path: str
    accept: bool  # a person read the list: every erasure is taken
    office: str  # the office's device ("" when this laptop trusts none): its erasures pass
    held: list[HeldFlat] = field(default_factory=list)  # held by this import
    held_changes: int = 0  # changes this import kept out of the log
    unseen: int = 0  # the rule: so many households a laptop may erase unseen
    days: int = 0  # within so many days
    _left: dict[str, int] | None = None
    _holding: dict[str, str] = field(default_factory=dict)  # household: the laptop erasing it

    def __post_init__(self) -> None:
        self.restart()

    def restart(self) -> None:
        """As before the bundle was read (a reader that gave up is undone, holds and all)."""
        from danyuanzhang.core import config

        self.held, self.held_changes, self._left = [], 0, None
        self._holding = sql.held_households(self.store)
        self.unseen = int(config.value(self.store, UNSEEN_KEY))
        self.days = int(config.value(self.store, WINDOW_KEY))

    def left(self, device: str) -> int:
        """How many more households `device` may erase here unseen, in this window."""
        if self._left is None:
            from danyuanzhang.core.hlc import DAY_MS

            taken = sql.taken_since(self.store, self.store.wall_ms() - self.days * DAY_MS)
            self._left = {d: self.unseen - n for d, n in taken.items()}
            self._left[""] = self.unseen
        return self._left.get(device, self._left[""])

    def sort_out(
        self,
        groups: list[Incoming],
        plan: Plan,
        named: dict[str, str | None],
        in_log: dict[str, set[str]],
    ) -> list[Incoming] | None:
        """The batch without the changes it holds (None when it holds none): the erasures of
        households here beyond what their laptops may erase unseen, and the erasures of what
        goes with a household held (its residents), so that no part of it goes meanwhile."""
        if self.accept:
            return None
        holding = dict(self._holding)
        taken: dict[str, list[str]] = {}
        for _, record, device in sorted(self._erasing(groups, plan, in_log)):
            if record in holding:
                continue  # held before and brought again: held still
            waiting = device in holding.values()
            if not waiting and self.left(device) > 0:
                assert self._left is not None
                self._left[device] = self.left(device) - 1
                taken.setdefault(device, []).append(record)
            else:
                holding[record] = device
        for device, records in taken.items():
            sql.took(self.store, device, records, self.store.wall_ms())
        if not holding:
            return None
        kept_out: list[tuple[Change, str, str, str]] = []
        remaining: list[Incoming] = []
        for group in groups:
            household = group.record if group.entity == "household" else None
            if household is None and ENTITIES[group.entity].erased_with_household:
                household = named.get(group.record)
            if household is None or household not in holding:
                remaining.append(group)
                continue
            known = in_log.get(group.record, set())
            out = [c for c in group.changes if c.op == "delete" and c.id not in known]
            if not out:
                remaining.append(group)
                continue
            flat = self._flat(household)
            kept_out += [(c, household, holding[household], flat) for c in out]
            rest = [c for c in group.changes if c not in out]
            if rest:
                remaining.append(Incoming(group.entity, group.record, rest))
        if not kept_out:
            return None
        self.held_changes += sql.hold(self.store, kept_out, self.bundle, self.path)
        for change, household, device, flat in kept_out:
            if change.record == household and household not in self._holding:
                self.held.append(HeldFlat(laptop_name(self.store, device), flat))
                self._holding[household] = device
        return remaining

    def _erasing(
        self, groups: list[Incoming], plan: Plan, in_log: dict[str, set[str]]
    ) -> list[tuple[str, str, str]]:
        """The households here the batch erases, not by the office: (first erasure's stamp,
        household, laptop that erased it)."""
        by_record = {g.record: g for g in groups}
        erasing = []
        for entity, record in plan.erased:
            if entity != "household" or record not in in_log:
                continue  # a flat never registered here loses nothing here
            deletes = sorted(
                (c for c in by_record[record].changes if c.op == "delete"), key=lambda c: c.hlc
            )
            if not deletes or any(c.device == self.office for c in deletes):
                continue
            erasing.append((deletes[0].hlc, record, deletes[0].device))
        return erasing

    def applied(self, changes: Sequence[Change]) -> None:
        """Changes held before that came again and went into the log (accepted with their
        bundle): no longer held."""
        if self._holding:
            sql.release(self.store, [c.id for c in changes if c.op == "delete"])

    def _flat(self, household: str) -> str:
        from danyuanzhang.sync.conflicts import describe_record

        return describe_record(self.store, "household", household)
