"""`dyz undo`: take back this laptop's last command, as new changes that travel.

A field the command changed goes back to the value it replaced (the change's parents name
it), in a change that names the undone one among those it replaces, so every laptop that has
both shows the old value again. A record the command made is erased, as if never entered. An
erasure cannot be taken back: its values are gone, on purpose. A field changed again since
(here or by another laptop) is left as it is, and said.

Which command is last comes from `command_ends`; the commands undone, and the undos
themselves, are noted in the settings so that a second `dyz undo` takes back the one before.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from danyuanzhang.core.changes import Change, decode
from danyuanzhang.errors import DyzError
from danyuanzhang.store import Store
from danyuanzhang.upkeep.history import Entry

SKIPPED = "undo_skipped"  # the command ends undone, and those of the undos


@dataclass
class Undone:
    entry: Entry
    restored: int = 0
    erased: int = 0
    kept: list[str] = field(default_factory=list)  # fields changed again since: left alone


def _skipped(store: Store) -> set[str]:
    text = store.setting(SKIPPED)
    try:
        return set(json.loads(text)) if text else set()
    except ValueError:
        return set()


def last_command(store: Store) -> tuple[Entry, str] | None:
    """This laptop's last command not yet undone (and no undo itself), with the stamp it
    ended at."""
    from danyuanzhang.upkeep import queries

    device, author = store.device()
    skipped = _skipped(store)
    ends = queries.command_ends_of(store, device)
    for position, end in enumerate(ends):
        if end in skipped:
            continue
        after = ends[position + 1] if position + 1 < len(ends) else ""
        entry = Entry(device, author, queries.changes_between(store, device, after, end))
        if entry.changes:
            return entry, end
        # a command whose changes are all erased since: nothing left to take back
    return None


def undo(store: Store, entry: Entry, end: str) -> Undone:
    """Take back the command `entry`, which ended at `end` (see the module's help)."""
    from danyuanzhang.core.records import ENTITY_ORDER
    from danyuanzhang.upkeep import queries

    if any(c.op == "delete" for c in entry.changes):
        raise DyzError("undo_erasure")
    done = Undone(entry)
    with store.transaction():
        by_record: dict[tuple[str, str], list[Change]] = {}
        for change in entry.changes:
            by_record.setdefault((change.entity, change.record), []).append(change)
        made: list[tuple[str, str]] = []
        for (entity, record), changes in by_record.items():
            if store.is_erased(entity, record):
                continue
            if not queries.changed_before(store, [record], changes[0].hlc):
                made.append((entity, record))
                continue
            states = queries.field_states(store, entity, record)
            every = {c.id: c for c in queries.changes_of(store, [record])}
            for change in changes:
                state = states.get(change.field)
                if state is None or [h.id for h in state.heads] != [change.id]:
                    from danyuanzhang.core.records import field_label

                    done.kept.append(field_label(entity, change.field))
                    continue
                replaced = [every[p] for p in change.parent_ids() if p in every]
                before = max(replaced, key=lambda c: c.hlc).value if replaced else None
                store.put(entity, record, {change.field: decode(before)})
                done.restored += 1
        rank = {name: n for n, name in enumerate(ENTITY_ORDER)}
        for entity, record in sorted(made, key=lambda r: -rank.get(r[0], 0)):
            store.erase(entity, record)
            done.erased += 1
        # the undone command, and this undo (its last stamp is where it will end)
        skipped = _skipped(store) | {end}
        last = store.last_issued()
        if last is not None:
            skipped.add(last)
        store.set_setting(SKIPPED, json.dumps(sorted(skipped)))
    if done.erased:
        store.scrub()
    return done
