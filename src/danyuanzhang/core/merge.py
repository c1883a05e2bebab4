"""The merge of many laptops' notebooks, as pure functions over changes.

Nothing here reads or writes a database; `store/` applies what these decide, and the tests
exercise them on their own.

- `field_state`: of the changes of one field (from every copy of a record), which are heads,
  which value shows, and whether two laptops disagree.
- `natural_key` and `identities`: which records are one thing in the world (one flat, one
  person, one post on the roster), and which of them stands for the rest.
- `plan_import`: of a bundle's changes, which to write, which records are new, which fields of
  known records changed, which records are erased now, and what is dropped.
- `erased_with_household`: which records go when their household is erased.

The office's roll reaches laptops a and b; a corrects the phone, b's copy is stamped later:

>>> def phone(wall, device, number, after=()):
...     stamp, parents = f"{wall:015d}-0000000000-{device}", encode([c.id for c in after])
...     return Change.make(stamp, device, "resident", "0" * 32, "set", "phone", number, parents)
>>> roll_copy_a, roll_copy_b = phone(1, "a" * 32, '"13900000000"'), phone(2, "b" * 32, '"13900000000"')
>>> edit_after_a = phone(1, "a" * 32, '"13900001111"', [roll_copy_a])
>>> state = field_state([roll_copy_a, roll_copy_b, edit_after_a])
>>> state.value, state.conflict
('"13900001111"', False)
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence

from danyuanzhang.core.changes import Change, decode, encode
from danyuanzhang.core.records import ENTITIES, WORDS_WITH_HOUSEHOLD
from danyuanzhang.system.tuples import Record
from danyuanzhang.text.normal import nfkc


def _order(change: Change) -> tuple[str, str]:
    return change.hlc, change.id


class FieldState(Record):
    winner: Change | None  # the change whose value shows
    heads: tuple[Change, ...]  # the changes no other change of the field replaces
    live: tuple[Change, ...]  # the heads still in the running (see field_state)
    conflict: bool  # live heads disagree: a person must decide

    @property
    def value(self) -> str | None:
        return None if self.winner is None else self.winner.value


NO_CHANGES = FieldState(None, (), (), False)


Alike = Callable[[str | None], str | None]  # two values alike are one value (see field_state)


def field_state(changes: Sequence[Change], alike: Alike | None = None) -> FieldState:
    """Latest wins among the heads, and disagreeing heads are a conflict — with one refinement
    that many laptops need: a head whose value another head has already seen and replaced is
    out of the running. The office's roll gives every laptop the same phone; one laptop
    corrects it; the other laptops' copies of the old phone are not news to that laptop, so the
    correction shows and no conflict is raised. Equal values are never a conflict — nor are
    values that `alike` makes equal (two laptops' copies of one household, named by either)."""
    if not changes:
        return NO_CHANGES
    if len(changes) == 1:
        only = changes[0]
        return FieldState(only, (only,), (only,), False)
    parents_of = {c.id: c.parent_ids() for c in changes if c.parents != "[]"}
    replaced = {parent for parents in parents_of.values() for parent in parents}
    heads = tuple(sorted((c for c in changes if c.id not in replaced), key=_order)) or tuple(
        sorted(changes, key=_order)
    )
    same = alike or _itself
    live = heads
    if len({same(h.value) for h in heads}) > 1:
        overtaken = _values_overtaken(changes, parents_of, {h.id for h in heads}, same)
        live = tuple(h for h in heads if same(h.value) not in overtaken) or heads
    winner = max(live, key=_order)
    return FieldState(winner, heads, live, len({same(h.value) for h in live}) > 1)


def _itself(value: str | None) -> str | None:
    return value


class _Seen:
    """What a change's descending heads hold, when not one value: none, or several."""


_NO_HEAD, _SEVERAL = _Seen(), _Seen()


def _values_overtaken(
    changes: Sequence[Change], parents_of: Mapping[str, list[str]], heads: set[str], same: Alike
) -> set[str | None]:
    """The values that a head holding another value has seen and replaced: the values of the
    changes some head of another value descends from.

    Each change is visited once, from the heads down to the first changes, carrying only
    which value the heads below it hold (one, or several), so that a field changed many
    times costs in proportion to its changes, not to their square (a hostile bundle could
    send 20,000 changes to one field). Change ids are hashes over their parents, so the
    changes form no cycle."""
    by_id = {c.id: c for c in changes}
    waiting: dict[str, int] = {}  # of each change, the replacing changes not yet visited
    for parents in parents_of.values():
        for parent in set(parents):
            if parent in by_id:
                waiting[parent] = waiting.get(parent, 0) + 1
    below: dict[str, object] = {}
    ready = [change for change in by_id if change not in waiting]
    overtaken: set[str | None] = set()
    while ready:
        change = ready.pop()
        value = same(by_id[change].value)
        seen = below.get(change, _NO_HEAD)
        if seen is _SEVERAL or (seen is not _NO_HEAD and seen != value):
            overtaken.add(value)
        handed_down = value if change in heads else seen
        for parent in set(parents_of.get(change, ())):
            if parent not in by_id:
                continue
            held = below.get(parent, _NO_HEAD)
            if held is _NO_HEAD:
                below[parent] = handed_down
            elif held is not _SEVERAL and handed_down is not _NO_HEAD and held != handed_down:
                below[parent] = _SEVERAL
            waiting[parent] -= 1
            if not waiting[parent]:
                ready.append(parent)
    return overtaken


def states_by_field(
    changes: Iterable[Change], alike: Mapping[str, Alike] | None = None
) -> dict[str, FieldState]:
    """Each field's state, from a record's (or a class of records') set changes."""
    by_field: dict[str, list[Change]] = {}
    for change in changes:
        if change.op == "set":
            by_field.setdefault(change.field, []).append(change)
    alike = alike or {}
    return {name: field_state(group, alike.get(name)) for name, group in by_field.items()}


# -- identity ------------------------------------------------------------------------------------


class Keyed(Record):
    record: str
    key: str | None  # its natural key; None when a key field is missing (it joins nothing)
    born: str  # the stamp of its first change


class Merge(Record):
    """`dyz household merge KEEP OTHER`: a person's word that two records are one."""

    id: str
    keep: str
    other: str
    made: str  # its stamp


@functools.lru_cache(maxsize=4096)  # a roll's keys repeat its estate, buildings and units
def normalise(text: str) -> str:
    """Spelling that does not make two names different: full-width forms, spaces, case."""
    return "".join(nfkc(text).split()).casefold()


def name_alike(value: str | None) -> str | None:
    """A name's value (as the log holds it) as identity reads it: two laptops writing 郑 德华
    and 郑德华 wrote one name, no conflict (see field_state)."""
    held = decode(value)
    return encode(normalise(held)) if isinstance(held, str) else value


def key_of(entity: str, values: Mapping[str, object]) -> str | None:
    """The natural key for these values of its fields (a household named by the record that
    stands for it); None when a key field is missing."""
    parts: list[str] = []
    for name in ENTITIES[entity].natural_key:
        value = values.get(name)
        if value is None:
            if name == "distinct":
                continue
            return None
        text = str(value)
        parts.append(text if name in ("household", "distinct") else normalise(text))
    return "\x1f".join(parts)


def natural_key(
    entity: str, changes: Iterable[Change], household_of: Mapping[str, str] | None = None
) -> Keyed | None:
    """A record's key from the first value of each key field — its registration, which later
    corrections do not change, so that copies of one roll stay one record whatever is
    corrected on any laptop. A household named in the key is read as the record that stands
    for it (`household_of`). None for records without a natural key, or without any change."""
    spec = ENTITIES[entity]
    if not spec.natural_key:
        return None
    first: dict[str, Change] = {}
    born: str | None = None
    record = ""
    for change in changes:
        record = change.record
        if born is None or change.hlc < born:
            born = change.hlc
        if change.op != "set" or change.field not in spec.natural_key:
            continue
        held = first.get(change.field)
        if held is None or _order(change) < _order(held):
            first[change.field] = change
    if born is None:
        return None
    values = {name: decode(change.value) for name, change in first.items()}
    household = values.get("household")
    if household is not None and household_of is not None:
        values["household"] = household_of.get(str(household), household)
    return Keyed(record, key_of(entity, values), born)


def identities(records: Iterable[Keyed], merges: Iterable[Merge]) -> dict[str, str]:
    """Each record, mapped to the record that stands for its class.

    Records with the same key are one; so are the two records of each merge between records
    present. A class that a person merged is represented by the kept record of its latest merge
    (two laptops merging one pair in opposite directions agree on the later decision); any other
    class by its first-registered record."""
    items = {r.record: r for r in records}
    parent = {record: record for record in items}

    def find(record: str) -> str:
        while parent[record] != record:
            parent[record] = parent[parent[record]]
            record = parent[record]
        return record

    def union(a: str, b: str) -> None:
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            parent[max(root_a, root_b)] = min(root_a, root_b)

    first_with_key: dict[str, str] = {}
    for item in sorted(items.values()):
        if item.key is None:
            continue
        held = first_with_key.setdefault(item.key, item.record)
        if held != item.record:
            union(held, item.record)
    live = [m for m in merges if m.keep in items and m.other in items and m.keep != m.other]
    for merge in live:
        union(merge.keep, merge.other)
    members: dict[str, list[str]] = {}
    for record in items:
        members.setdefault(find(record), []).append(record)
    latest: dict[str, Merge] = {}
    for merge in live:
        root = find(merge.keep)
        held_merge = latest.get(root)
        if held_merge is None or (merge.made, merge.id) > (held_merge.made, held_merge.id):
            latest[root] = merge
    result: dict[str, str] = {}
    for root, group in members.items():
        if root in latest:
            chosen = latest[root].keep
        else:
            chosen = min(group, key=lambda r: (items[r].born, r))
        for record in group:
            result[record] = chosen
    return result


# -- erasure -------------------------------------------------------------------------------------


def erased_with_household(households: Mapping[str, str | None], erased: set[str]) -> set[str]:
    """Of records that are erased with their household (its residents), given the household
    each names, those whose household is erased. They get no tombstone of their own: a laptop
    that never heard of them could not make the same one. Every bundle that carries one also
    carries its household, so a copy arriving later is recognised by this same rule."""
    return {record for record, household in households.items() if household in erased}


# -- what an import does -------------------------------------------------------------------------


class Incoming(Record):
    """One record's changes as a bundle carries them."""

    entity: str
    record: str
    changes: list[Change]


class Plan(Record):
    insert: list[Change]  # changes to add to the log
    fresh: list[Incoming]  # records this notebook has never had, with all their changes
    touched: dict[str, set[str]]  # known records: the fields that got new changes
    erased: list[tuple[str, str]]  # (record type, record) erased by this batch
    dropped: int  # changes left out because their record is erased


def household_named(
    changes: Iterable[Change], first: bool = False, field: str = "household"
) -> str | None:
    """The household a record names now — or, `first`, the one it was registered in (or, for
    another `field`, the record it names: a step's need).

    What is erased with a household (its residents) goes with the household it was
    registered in: that first change always travels with the record, whichever laptop sends
    it, so every laptop decides alike, even one that received only part of the record's
    history. (A merge may later name another copy of the flat.)"""
    named = [c for c in changes if c.field == field and c.op == "set"]
    if first:
        chosen = min(named, key=_order) if named else None
        value = decode(chosen.value) if chosen is not None else None
    else:
        value = decode(field_state(named).value)
    return None if value is None else str(value)


def plan_import(
    groups: Sequence[Incoming],
    held: Mapping[str, set[str]],
    tombstoned: set[tuple[str, str]],
    households_named: Mapping[str, str | None],
) -> Plan:
    """What to do with a batch of a bundle's records.

    `held`: for each record of the batch this notebook already has, the ids of its changes;
    `tombstoned`: (record type, record) erased here; `households_named`: the household each
    record of the batch belongs to, as registered (`household_named`, over its changes here
    and in the batch; a step's is its need's or hazard's)."""
    deleted_now: set[tuple[str, str]] = set()
    for group in groups:
        key = (group.entity, group.record)
        if key not in tombstoned and any(c.op == "delete" for c in group.changes):
            deleted_now.add(key)
    gone = tombstoned | deleted_now
    gone_households = {record for entity, record in gone if entity == "household"}
    named = {
        group.record: households_named.get(group.record)
        for group in groups
        if ENTITIES[group.entity].erased_with_household
    }
    going_with = erased_with_household(named, gone_households)

    insert: list[Change] = []
    fresh: list[Incoming] = []
    touched: dict[str, set[str]] = {}
    dropped = 0
    for group in groups:
        key = (group.entity, group.record)
        known = held.get(group.record)
        words = WORDS_WITH_HOUSEHOLD.get(group.entity)
        if words and households_named.get(group.record) in gone_households:
            # a need or a hazard of an erased flat: its words never come back
            kept = [c for c in group.changes if not (c.op == "set" and c.field in words)]
            dropped += len(group.changes) - len(kept)
            group = Incoming(group.entity, group.record, kept)
        if key in gone or group.record in going_with:
            deletes = [c for c in group.changes if c.op == "delete"]
            dropped += len(group.changes) - len(deletes)
            insert += _new(deletes, known)  # an erasure of its own stays, gone with it or not
            continue
        if known is None:
            unique = _new(group.changes, set())
            insert += unique
            fresh.append(Incoming(group.entity, group.record, unique))
            continue
        new = _new(group.changes, known)
        if new:
            insert += new
            touched.setdefault(group.record, set()).update(c.field for c in new)
    erased = sorted(deleted_now, key=lambda key: (ENTITY_RANK[key[0]], key[1]))
    return Plan(insert, fresh, touched, erased, dropped)


def _new(changes: Iterable[Change], known: set[str] | None) -> list[Change]:
    seen = set(known or ())
    result: list[Change] = []
    for change in changes:
        if change.id not in seen:
            seen.add(change.id)
            result.append(change)
    return result


ENTITY_RANK = {name: rank for rank, name in enumerate(ENTITIES)}
