"""Deriving the tables that commands read from the change log.

A record's row shows, for each field, the value that `merge.field_state` picks over the changes
of every record of its class — the records that `merge.identities` finds to be one flat, one
person or one post. One record stands for its class (it has the row; the others are `aliases`),
and every row that names a household names the one that stands for it. Whenever a class gains
or loses a record, it is derived again from the log, so the tables are always the same function
of the log, whatever order the changes came in.

Functions take the connection, so that a migration can rebuild a notebook with them too.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Protocol

from danyuanzhang.core.changes import COLUMNS, FLAG_PREFIX, Change, decode, encode
from danyuanzhang.core.merge import (
    NO_CHANGES,
    Alike,
    FieldState,
    Incoming,
    Keyed,
    Merge,
    erased_with_household,
    household_named,
    identities,
    name_alike,
    natural_key,
    states_by_field,
)
from danyuanzhang.core.records import (
    BELONGS_THROUGH,
    ENTITIES,
    ENTITY_ORDER,
    KEYED,
    WORDS_WITH_HOUSEHOLD,
    Entity,
)
from danyuanzhang.store.batches import in_chunks as chunks

# fields that name a record that may stand for others: (record type, field, table, column)
HOUSEHOLD_REFERENCES = [
    (e.name, f.name, e.table, f.column)
    for e in ENTITIES.values()
    for f in e.fields
    if f.refers_to in KEYED
]
# a conflict appeared: (record type, record, field)
ConflictSeen = Callable[[str, str, str], None]


def _marks(count: int) -> str:
    return ", ".join("?" * count)


# -- reading -------------------------------------------------------------------------------------


def changes_of(conn: sqlite3.Connection, records: Iterable[str]) -> list[Change]:
    found: list[Change] = []
    for chunk in chunks(sorted(set(records))):
        rows = conn.execute(
            f"SELECT {COLUMNS} FROM changes WHERE record IN ({_marks(len(chunk))})", chunk
        )
        found += [Change._make(row) for row in rows]
    return found


def field_changes(conn: sqlite3.Connection, records: Sequence[str], field: str) -> list[Change]:
    found: list[Change] = []
    for chunk in chunks(sorted(set(records))):
        rows = conn.execute(
            f"SELECT {COLUMNS} FROM changes"
            f" WHERE record IN ({_marks(len(chunk))}) AND field = ? AND op = 'set'",
            (*chunk, field),
        )
        found += [Change._make(row) for row in rows]
    return found


def canonical_of(conn: sqlite3.Connection, records: Iterable[str]) -> dict[str, str]:
    """Each record mapped to the record that stands for its class (itself, most often)."""
    wanted = sorted(set(records))
    result = {record: record for record in wanted}
    for chunk in chunks(wanted):
        rows = conn.execute(
            f"SELECT record, canonical FROM aliases WHERE record IN ({_marks(len(chunk))})", chunk
        )
        result.update((row[0], row[1]) for row in rows)
    return result


# for each record type, its fields that name a record that may stand for others
_NAMING: dict[str, tuple[str, ...]] = {
    e.name: tuple(f.name for f in e.fields if f.refers_to in KEYED) for e in ENTITIES.values()
}


def households_for(conn: sqlite3.Connection, changes: Iterable[Change]) -> dict[str, str]:
    """For every household any of these changes names (a resident's, first or later), the
    household that stands for it."""
    named = {
        str(decode(c.value))
        for c in changes
        if c.field in _NAMING[c.entity] and c.value is not None and c.value != "null"
    }
    return canonical_of(conn, named) if named else {}


def members(conn: sqlite3.Connection, record: str) -> list[str]:
    """Every record of this record's class, the one that stands for it first."""
    canonical = canonical_of(conn, [record])[record]
    rows = conn.execute("SELECT record FROM aliases WHERE canonical = ?", (canonical,))
    return [canonical, *sorted(row[0] for row in rows)]


def state_of(conn: sqlite3.Connection, entity: str, record: str, field: str) -> FieldState:
    """A field's state over the record's whole class."""
    changes = field_changes(conn, members(conn, record), field)
    return states_of(conn, entity, changes).get(field, NO_CHANGES)


# fields holding a name (a person's, an estate's): spelt alike, they are one value
_NAMES: dict[str, dict[str, Alike]] = {
    e.name: {f.name: name_alike for f in e.fields if f.kind == "name"} for e in ENTITIES.values()
}


def states_of(
    conn: sqlite3.Connection,
    entity: str,
    changes: Iterable[Change],
    households: dict[str, str] | None = None,
) -> dict[str, FieldState]:
    """Each field's state; a field naming a household takes two copies of one flat (from two
    laptops) as one value (`households`: the ones standing for them, when already known), and
    a name takes 郑 德华 and 郑德华 as one, as identity does."""
    naming = _NAMING[entity]
    names = _NAMES[entity]
    if not naming:
        return states_by_field(changes, names)
    changes = list(changes)
    canon = households_for(conn, changes) if households is None else households
    if not canon:
        return states_by_field(changes, names)

    def alike(value: str | None) -> str | None:
        held = decode(value)
        return value if held is None else encode(canon.get(str(held), held))

    return states_by_field(changes, {**names, **{name: alike for name in naming}})


def tombstoned(conn: sqlite3.Connection, records: Sequence[str]) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for chunk in chunks(sorted(set(records))):
        rows = conn.execute(
            f"SELECT entity, record FROM tombstones WHERE record IN ({_marks(len(chunk))})", chunk
        )
        found.update((row[0], row[1]) for row in rows)
    return found


# -- rows ----------------------------------------------------------------------------------------


class Valued(Protocol):
    """What a row is made from, for each field: its state, or the one change that set it."""

    @property
    def value(self) -> str | None: ...


def _row(
    spec: Entity,
    states: Mapping[str, Valued],
    households: dict[str, str],
    erased: set[str] = frozenset(),  # type: ignore[assignment]
    registered_in: str | None = None,
) -> tuple[list[Any], list[str]]:
    """(the row's values in column order, the flags that are on), from its fields' states. A
    household named is the one standing for it; a resident whose merge named a copy of its
    flat since erased stays in the household it was registered in."""
    values: list[Any] = []
    for field in spec.fields:
        if not field.column:
            continue
        state = states.get(field.name)
        value = decode(state.value) if state is not None else None
        if field.refers_to in KEYED and value is not None:
            if value in erased and spec.erased_with_household and registered_in is not None:
                value = registered_in
            value = households.get(value, value)
        values.append(value)
    flags = [
        name[len(FLAG_PREFIX) :]
        for name, state in states.items()
        if name.startswith(FLAG_PREFIX) and decode(state.value) is True
    ]
    return values, flags


def _upsert(conn: sqlite3.Connection, spec: Entity, rows: Sequence[Sequence[Any]]) -> None:
    columns = list(spec.columns.values())
    names = ", ".join(["id", *columns])
    update = ", ".join(f"{c} = excluded.{c}" for c in columns)
    conn.executemany(
        f"INSERT INTO {spec.table} ({names}) VALUES ({_marks(len(columns) + 1)})"
        f" ON CONFLICT (id) DO UPDATE SET {update}",
        rows,
    )


def _note_conflicts(
    conn: sqlite3.Connection,
    entity: str,
    record: str,
    states: dict[str, FieldState],
    seen: ConflictSeen | None,
    fields: Iterable[str] | None = None,
) -> None:
    """Show each field of `record` in conflict, clear the others (of `fields`, or all)."""
    for name in states if fields is None else fields:
        state = states.get(name)
        if state is not None and state.conflict:
            cursor = conn.execute(
                "INSERT OR IGNORE INTO conflicts (id, entity, record, field) VALUES (?, ?, ?, ?)",
                (conflict_id(record, name), entity, record, name),
            )
            if cursor.rowcount and seen is not None:
                seen(entity, record, name)
        else:
            conn.execute("DELETE FROM conflicts WHERE record = ? AND field = ?", (record, name))


def conflict_id(record: str, field: str) -> str:
    import hashlib

    return hashlib.sha256(f"{record}\x00{field}".encode()).hexdigest()[:32]


def _refs_of(spec: Entity, record: str, changes: Iterable[Change]) -> list[tuple[str, ...]]:
    """The record_refs row of a record that names a household, from its own changes: the
    household it was registered in for what is erased with one (merge.household_named), the
    one it names now for the rest."""
    if not _NAMING[spec.name]:
        return []
    target = household_named(changes, first=spec.erased_with_household)
    return [] if target is None else [(record, spec.name, target)]


# -- records new to this notebook ------------------------------------------------------------------


def add_records(
    conn: sqlite3.Connection, groups: Sequence[Incoming], seen: ConflictSeen | None = None
) -> None:
    """Rows for records this notebook has never had (their changes already in the log): one
    query per table, and identity settled for those whose key another record shares."""
    by_entity: dict[str, list[Incoming]] = {}
    for group in groups:
        by_entity.setdefault(group.entity, []).append(group)
    for entity in ENTITY_ORDER:
        batch = by_entity.get(entity)
        if not batch:
            continue
        spec = ENTITIES[entity]
        naming = _NAMING[entity]
        households = (
            households_for(conn, (c for g in batch for c in g.changes if c.field in naming))
            if naming
            else {}
        )
        erased = {r for _, r in tombstoned(conn, list(households))} if households else set()
        joining: set[str] = set()
        if spec.natural_key:
            joining, together = _add_keys(conn, entity, batch, households)
            if together:
                _join_within(conn, spec, together, {g.record: g for g in batch}, households, seen)
                joined = {k.record for members in together for k in members}
                batch = [g for g in batch if g.record not in joined]
        states, conflicted = _new_states(conn, entity, batch, joining, households)
        rows, refs, flags_on = [], [], []
        for group in batch:
            if group.record in joining:
                continue
            # the household it was registered in, or names now (see _refs_of)
            target = (
                household_named(group.changes, first=spec.erased_with_household) if naming else None
            )
            first = target if spec.erased_with_household else None
            values, flags = _row(spec, states[group.record], households, erased, first)
            rows.append([group.record, *values])
            if target is not None:
                refs.append((group.record, entity, target))
            flags_on += [(group.record, flag) for flag in flags]
        _upsert(conn, spec, rows)
        if flags_on:
            conn.executemany(f"INSERT OR IGNORE INTO {spec.flag_table} VALUES (?, ?)", flags_on)
        conn.executemany(
            "INSERT OR REPLACE INTO record_refs (record, entity, target) VALUES (?, ?, ?)", refs
        )
        for record, weighed in conflicted.items():
            _note_conflicts(conn, entity, record, weighed, seen)
        if joining:
            for group in batch:
                if group.record in joining:
                    conn.executemany(
                        "INSERT OR REPLACE INTO record_refs (record, entity, target) VALUES (?, ?, ?)",
                        _refs_of(spec, group.record, group.changes),
                    )
            settle(conn, entity, sorted(joining), seen)
        if entity == "merge":
            _settle_merged(conn, list(states.values()), seen)


def _new_states(
    conn: sqlite3.Connection,
    entity: str,
    batch: Sequence[Incoming],
    joining: set[str],
    households: dict[str, str],
) -> tuple[dict[str, Mapping[str, Valued]], dict[str, dict[str, FieldState]]]:
    """The fields of new records (those joining another aside), and those in conflict."""
    states: dict[str, Mapping[str, Valued]] = {}
    conflicted: dict[str, dict[str, FieldState]] = {}
    for group in batch:
        if group.record in joining:
            continue
        sets = [c for c in group.changes if c.op == "set"]
        once = {c.field: c for c in sets}
        if len(once) == len(sets):  # each field set once: that change shows, no conflict
            states[group.record] = once
            continue
        weighed = states_of(conn, entity, group.changes, households)
        states[group.record] = weighed
        if any(state.conflict for state in weighed.values()):
            conflicted[group.record] = weighed
    return states, conflicted


def _settle_merged(
    conn: sqlite3.Connection, merges: Sequence[Mapping[str, Valued]], seen: ConflictSeen | None
) -> None:
    """A person's merges arrived or were made: the classes of the records they join change."""
    by_entity: dict[str, set[str]] = {}
    for states in merges:
        named = decode(states["entity"].value) if "entity" in states else None
        ends = [str(decode(states[f].value)) for f in ("keep", "other") if f in states]
        if named in KEYED and ends:
            by_entity.setdefault(str(named), set()).update(ends)
    for entity in KEYED:
        if entity in by_entity:
            settle(conn, entity, sorted(by_entity[entity]), seen)


def _add_keys(
    conn: sqlite3.Connection, entity: str, batch: Sequence[Incoming], households: dict[str, str]
) -> tuple[set[str], list[list[Keyed]]]:
    """Remember the natural keys of new records. Returns those whose key a record already here
    has, whose class `settle` works out through the database; and, apart, the groups of new
    records that share a key only among themselves (a whole notebook with one flat from three
    laptops), which `_join_within` forms from the changes at hand."""
    keyed = [k for g in batch if (k := natural_key(entity, g.changes, households)) is not None]
    conn.executemany(
        "INSERT OR REPLACE INTO record_keys (record, entity, key, born) VALUES (?, ?, ?, ?)",
        [(k.record, entity, k.key, k.born) for k in keyed],
    )
    by_key: dict[str, list[Keyed]] = {}
    for k in keyed:
        if k.key is not None:
            by_key.setdefault(k.key, []).append(k)
    fresh = {k.record for k in keyed}
    here: set[str] = set()
    for chunk in chunks(sorted(by_key)):
        rows = conn.execute(
            f"SELECT key, record FROM record_keys WHERE entity = ? AND key IN ({_marks(len(chunk))})",
            (entity, *chunk),
        )
        here.update(row[0] for row in rows if row[1] not in fresh)
    groups = [members for key, members in by_key.items() if len(members) > 1 and key not in here]
    # a merge or a reference that reached this laptop before the records it names: settle
    named = sorted(k.record for members in groups for k in members)
    touched = {m.keep for m in _merges_touching(conn, entity, named)}
    touched |= {m.other for m in _merges_touching(conn, entity, named)}
    for chunk in chunks(named):
        rows = conn.execute(
            f"SELECT target FROM record_refs WHERE target IN ({_marks(len(chunk))})", chunk
        )
        touched.update(row[0] for row in rows)
    together = [members for members in groups if not {k.record for k in members} & touched]
    apart = {k.record for members in together for k in members}
    joining = {
        k.record for k in keyed if k.key in here or k.key in by_key and len(by_key[k.key]) > 1
    }
    return joining - apart, together


def _join_within(
    conn: sqlite3.Connection,
    spec: Entity,
    together: list[list[Keyed]],
    groups: dict[str, Incoming],
    households: dict[str, str],
    seen: ConflictSeen | None,
) -> None:
    """Classes formed only of records new in this batch, from the changes at hand: the same as
    `settle` would make of them (merge.identities), without a query for each."""
    rows, aliases, refs, flags_on = [], [], [], []
    conflicted = []
    for members in together:
        canonical = identities(members, [])[members[0].record]
        changes = [c for k in members for c in groups[k.record].changes]
        states = states_of(conn, spec.name, changes, households)
        first = None
        if spec.erased_with_household:
            first = household_named(groups[canonical].changes, first=True)
        values, flags = _row(spec, states, households, set(), first)
        rows.append([canonical, *values])
        flags_on += [(canonical, flag) for flag in flags]
        aliases += [(k.record, spec.name, canonical) for k in members if k.record != canonical]
        for k in members:
            refs += _refs_of(spec, k.record, groups[k.record].changes)
        if any(state.conflict for state in states.values()):
            conflicted.append((canonical, states))
    _upsert(conn, spec, rows)
    if flags_on:
        conn.executemany(f"INSERT OR IGNORE INTO {spec.flag_table} VALUES (?, ?)", flags_on)
    conn.executemany(
        "INSERT OR REPLACE INTO aliases (record, entity, canonical) VALUES (?, ?, ?)", aliases
    )
    conn.executemany(
        "INSERT OR REPLACE INTO record_refs (record, entity, target) VALUES (?, ?, ?)", refs
    )
    for canonical, states in conflicted:
        _note_conflicts(conn, spec.name, canonical, states, seen)


# -- identity ------------------------------------------------------------------------------------


def _merges_touching(conn: sqlite3.Connection, entity: str, records: Sequence[str]) -> list[Merge]:
    found: dict[str, Merge] = {}
    for chunk in chunks(sorted(set(records))):
        for column in ("keep", "other"):
            rows = conn.execute(
                f"SELECT m.id, m.keep, m.other, (SELECT min(c.hlc) FROM changes c"
                f" WHERE c.record = m.id) FROM merges m"
                f" WHERE m.entity = ? AND m.{column} IN ({_marks(len(chunk))})",
                (entity, *chunk),
            )
            for row in rows:
                if row[1] and row[2] and row[3]:
                    found[row[0]] = Merge(row[0], row[1], row[2], row[3])
    return list(found.values())


def _component(
    conn: sqlite3.Connection, entity: str, seeds: Iterable[str]
) -> tuple[dict[str, Keyed], list[Merge]]:
    """Every record that shares a key, a merge or a current class with the seeds, transitively."""
    found: dict[str, Keyed] = {}
    merges: dict[str, Merge] = {}
    keys_seen: set[str] = set()
    frontier = sorted(set(seeds))
    while frontier:
        batch = [r for r in frontier if r not in found]
        frontier = []
        if not batch:
            break
        next_round: set[str] = set()
        for chunk in chunks(batch):
            rows = conn.execute(
                f"SELECT record, key, born FROM record_keys WHERE record IN ({_marks(len(chunk))})",
                chunk,
            )
            for record, key, born in rows:
                found[record] = Keyed(record, key, born)
        for record in batch:
            found.setdefault(record, Keyed(record, None, ""))  # erased: it joins nothing
        keys = sorted({k for r in batch if (k := found[r].key)} - keys_seen)
        keys_seen.update(keys)
        for chunk in chunks(keys):
            rows = conn.execute(
                f"SELECT record FROM record_keys WHERE entity = ? AND key IN ({_marks(len(chunk))})",
                (entity, *chunk),
            )
            next_round.update(row[0] for row in rows)
        for merge in _merges_touching(conn, entity, batch):
            merges[merge.id] = merge
            next_round.update((merge.keep, merge.other))
        canonical = canonical_of(conn, batch)
        heads = sorted(set(canonical.values()))
        next_round.update(heads)
        for chunk in chunks(heads):
            rows = conn.execute(
                f"SELECT record FROM aliases WHERE canonical IN ({_marks(len(chunk))})", chunk
            )
            next_round.update(row[0] for row in rows)
        frontier = sorted(next_round - found.keys())
    alive = {r: k for r, k in found.items() if k.born}
    return alive, list(merges.values())


def settle(
    conn: sqlite3.Connection, entity: str, seeds: Sequence[str], seen: ConflictSeen | None = None
) -> None:
    """Work out again which records around `seeds` are one, and derive each class anew."""
    if not seeds:
        return
    keyed, merges = _component(conn, entity, seeds)
    mapping = identities(keyed.values(), merges)
    before = canonical_of(conn, mapping)
    classes: dict[str, list[str]] = {}
    for record, canonical in mapping.items():
        classes.setdefault(canonical, []).append(record)
    spec = ENTITIES[entity]
    everyone = sorted({*seeds, *mapping})  # the erased among the seeds: no row, no alias
    others = sorted(r for r, canonical in mapping.items() if r != canonical)
    for chunk in chunks(everyone):
        conn.execute(f"DELETE FROM aliases WHERE record IN ({_marks(len(chunk))})", chunk)
    conn.executemany(
        "INSERT INTO aliases (record, entity, canonical) VALUES (?, ?, ?)",
        [(r, entity, mapping[r]) for r in others],
    )
    for chunk in chunks(others):
        conn.execute(f"DELETE FROM {spec.table} WHERE id IN ({_marks(len(chunk))})", chunk)
        conn.execute(f"DELETE FROM conflicts WHERE record IN ({_marks(len(chunk))})", chunk)
    rederive_many(conn, entity, classes, seen)
    if entity == "household":  # what names a household that now has another standing for it
        residents = _repoint(conn, {r: c for r, c in mapping.items() if before[r] != c})
        if residents:
            _rekey(conn, "resident", sorted(residents))
            settle(conn, "resident", sorted(residents), seen)


def rederive(
    conn: sqlite3.Connection,
    entity: str,
    canonical: str,
    group: Sequence[str],
    seen: ConflictSeen | None = None,
) -> None:
    """The row of a class, from the changes of all its records."""
    rederive_many(conn, entity, {canonical: list(group)}, seen)


def rederive_many(
    conn: sqlite3.Connection,
    entity: str,
    classes: dict[str, list[str]],
    seen: ConflictSeen | None = None,
) -> None:
    """The rows of classes (the record standing for each, with all its records), each from the
    changes of all its records, and the conflicts they show: a few statements for them all."""
    if not classes:
        return
    spec = ENTITIES[entity]
    by_record = changes_by_record(conn, [r for group in classes.values() for r in group])
    households = households_for(conn, (c for cs in by_record.values() for c in cs))
    erased = {r for _, r in tombstoned(conn, list(households))} if households else set()
    rows, flags_on = [], []
    wanted: set[tuple[str, str]] = set()
    for canonical, group in sorted(classes.items()):
        changes = [c for record in group for c in by_record.get(record, [])]
        states = states_of(conn, entity, changes, households)
        first = None
        if spec.erased_with_household:
            first = household_named(by_record.get(canonical, []), first=True)
        values, flags = _row(spec, states, households, erased, first)
        rows.append([canonical, *values])
        flags_on += [(canonical, flag) for flag in flags]
        wanted |= {(canonical, name) for name, state in states.items() if state.conflict}
    _upsert(conn, spec, rows)
    heads = sorted(classes)
    if spec.flag_table:
        for chunk in chunks(heads):
            conn.execute(
                f"DELETE FROM {spec.flag_table} WHERE resident_id IN ({_marks(len(chunk))})", chunk
            )
        conn.executemany(f"INSERT INTO {spec.flag_table} VALUES (?, ?)", flags_on)
    shown: set[tuple[str, str]] = set()
    for chunk in chunks(heads):
        rows_shown = conn.execute(
            f"SELECT record, field FROM conflicts WHERE record IN ({_marks(len(chunk))})", chunk
        )
        shown |= {(row[0], row[1]) for row in rows_shown}
    conn.executemany("DELETE FROM conflicts WHERE record = ? AND field = ?", sorted(shown - wanted))
    new = sorted(wanted - shown)
    conn.executemany(
        "INSERT INTO conflicts (id, entity, record, field) VALUES (?, ?, ?, ?)",
        [(conflict_id(record, name), entity, record, name) for record, name in new],
    )
    if seen is not None:
        for record, name in new:
            seen(entity, record, name)


def _repoint(conn: sqlite3.Connection, mapping: dict[str, str]) -> set[str]:
    """Rows naming any record of a household class now name the one standing for it; returns
    the residents concerned, whose own classes may change with their household's."""
    residents: set[str] = set()
    pointing: list[tuple[str, str, str]] = []  # (record, record type, household it names)
    for chunk in chunks(sorted(mapping)):
        rows = conn.execute(
            f"SELECT record, entity, target FROM record_refs WHERE target IN ({_marks(len(chunk))})",
            chunk,
        )
        pointing += [(row[0], row[1], row[2]) for row in rows]
    for entity, _field, table, column in HOUSEHOLD_REFERENCES:
        moves = [(mapping[target], record) for record, named, target in pointing if named == entity]
        if entity == "resident":
            residents.update(record for _, record in moves)
        if moves:  # (a migration's step may run before some of these tables exist)
            conn.executemany(f"UPDATE {table} SET {column} = ? WHERE id = ?", moves)
    return residents


def _rekey(conn: sqlite3.Connection, entity: str, records: Sequence[str]) -> None:
    """Compute the natural keys of these records again (their household's class changed)."""
    _write_keys(conn, entity, changes_by_record(conn, records))


def changes_by_record(conn: sqlite3.Connection, records: Sequence[str]) -> dict[str, list[Change]]:
    found: dict[str, list[Change]] = {}
    for change in changes_of(conn, records):
        found.setdefault(change.record, []).append(change)
    return found


def _write_keys(
    conn: sqlite3.Connection, entity: str, by_record: dict[str, list[Change]]
) -> list[str]:
    """Store each record's natural key; returns the records whose key is new or changed."""
    before = dict(_keys(conn, list(by_record)))
    households = households_for(conn, (c for cs in by_record.values() for c in cs))
    rows = []
    for record, changes in sorted(by_record.items()):
        keyed = natural_key(entity, changes, households)
        if keyed is not None and (record not in before or before[record] != keyed.key):
            rows.append((record, entity, keyed.key, keyed.born))
    conn.executemany(
        "INSERT OR REPLACE INTO record_keys (record, entity, key, born) VALUES (?, ?, ?, ?)", rows
    )
    return [row[0] for row in rows]


# -- records already here ------------------------------------------------------------------------


def refresh(
    conn: sqlite3.Connection,
    entity: str,
    touched: dict[str, set[str]],
    seen: ConflictSeen | None = None,
) -> None:
    """Known records whose fields got new changes: show each field's value anew."""
    spec = ENTITIES[entity]
    reference = next((f.name for f in spec.fields if f.refers_to in KEYED), None)
    renamed = sorted(r for r, fields in touched.items() if reference in fields)
    if renamed:
        by_record = changes_by_record(conn, renamed)
        for record in renamed:
            conn.execute("DELETE FROM record_refs WHERE record = ?", (record,))
            conn.executemany(
                "INSERT INTO record_refs (record, entity, target) VALUES (?, ?, ?)",
                _refs_of(spec, record, by_record.get(record, [])),
            )
    heads = sorted(set(canonical_of(conn, touched).values()))
    classes: dict[str, list[str]] = {head: [head] for head in heads}
    for chunk in chunks(heads):
        rows = conn.execute(
            f"SELECT record, canonical FROM aliases WHERE canonical IN ({_marks(len(chunk))})",
            chunk,
        )
        for record, head in rows:
            classes[head].append(record)
    rederive_many(conn, entity, classes, seen)
    if entity == "merge":
        _settle_merged(
            conn, [states_by_field(changes_of(conn, [r])) for r in sorted(touched)], seen
        )
    rekey = sorted(r for r, fields in touched.items() if fields & set(spec.natural_key))
    if rekey:
        settle(conn, entity, _write_keys(conn, entity, changes_by_record(conn, rekey)), seen)


def _keys(conn: sqlite3.Connection, records: Sequence[str]) -> list[tuple[str, str | None]]:
    found: list[tuple[str, str | None]] = []
    for chunk in chunks(sorted(set(records))):
        rows = conn.execute(
            f"SELECT record, key FROM record_keys WHERE record IN ({_marks(len(chunk))})", chunk
        )
        found += [(row[0], row[1]) for row in rows]
    return found


# -- erasure -------------------------------------------------------------------------------------


def erase(conn: sqlite3.Connection, entity: str, record: str) -> None:
    """Forget a record for good: tombstone it and purge its values."""
    conn.execute(
        "INSERT OR IGNORE INTO tombstones (entity, record) VALUES (?, ?)", (entity, record)
    )
    purge(conn, entity, record)


def purge(conn: sqlite3.Connection, entity: str, record: str) -> None:
    """Remove a record's values from the log and the tables; what belongs to a household goes
    with it (merge.erased_with_household), and its class is derived again without it."""
    spec = ENTITIES[entity]
    group = members(conn, record) if spec.natural_key else [record]
    conn.execute("DELETE FROM changes WHERE record = ? AND op = 'set'", (record,))
    conn.execute("DELETE FROM conflicts WHERE record = ?", (record,))
    conn.execute("DELETE FROM record_keys WHERE record = ?", (record,))
    conn.execute("DELETE FROM aliases WHERE record = ?", (record,))
    conn.execute("DELETE FROM record_refs WHERE record = ?", (record,))
    if spec.flag_table:
        conn.execute(f"DELETE FROM {spec.flag_table} WHERE resident_id = ?", (record,))
    conn.execute(f"DELETE FROM {spec.table} WHERE id = ?", (record,))
    if entity == "household":
        rows = conn.execute(
            "SELECT record, entity FROM record_refs WHERE target = ?", (record,)
        ).fetchall()
        belonging = {r[0]: record for r in rows if ENTITIES[r[1]].erased_with_household}
        for gone in sorted(erased_with_household(belonging, {record})):
            purge(conn, next(r[1] for r in rows if r[0] == gone), gone)
        # what stays (a petition, a hazard) keeps the household it named, now erased
        for entity_name, _field, table, column in HOUSEHOLD_REFERENCES:
            ids = [r[0] for r in rows if r[1] == entity_name and r[0] not in belonging]
            for part in chunks(ids):
                conn.execute(
                    f"UPDATE {table} SET {column} = ? WHERE id IN ({_marks(len(part))})",
                    (record, *part),
                )
    rest = [r for r in group if r != record]
    if rest:
        settle(conn, entity, rest)


def strip_personal(conn: sqlite3.Connection) -> int:
    """Take the personal words (records.WORDS_WITH_HOUSEHOLD) out of the log and the tables
    for every need, hazard, visit and step whose household is erased; how many records. Run
    after every erasure and every import that met an erased flat, so that the end state is the
    same on every laptop whichever of the two reached it first. Found through the tables (a
    few thousand rows), not the log."""
    stripped = 0
    present = tables_present(conn)
    for entity, fields in WORDS_WITH_HOUSEHOLD.items():
        if ENTITIES[entity].table not in present:  # a migration's step, before the table
            continue
        marks = _marks(len(fields))
        held: set[str] = set()
        for chunk in chunks(belonging_to_erased(conn, entity)):
            held.update(
                row[0]
                for row in conn.execute(
                    f"SELECT DISTINCT record FROM changes WHERE record IN ({_marks(len(chunk))})"
                    f" AND op = 'set' AND field IN ({marks})",
                    (*chunk, *fields),
                )
            )
        for record in sorted(held):
            conn.execute(
                f"DELETE FROM changes WHERE record = ? AND op = 'set' AND field IN ({marks})",
                (record, *fields),
            )
        if held:
            refresh(conn, entity, {record: set(fields) for record in held})
            stripped += len(held)
    return stripped


def without_erased_words(
    conn: sqlite3.Connection, entity: str, record: str, fields: dict[str, Any]
) -> dict[str, Any]:
    """The fields to write to a record, less the personal words (records.WORDS_WITH_HOUSEHOLD)
    where its household is erased: a step taken later on such a hazard keeps no note, as
    every other laptop would drop it on arrival."""
    words = WORDS_WITH_HOUSEHOLD.get(entity)
    if not words or not fields.keys() & set(words):
        return fields
    home = _household_of(conn, entity, record, fields)
    erased = (
        home is not None
        and conn.execute(
            "SELECT 1 FROM tombstones WHERE entity = 'household' AND record = ?", (home,)
        ).fetchone()
    )
    return {k: v for k, v in fields.items() if k not in words} if erased else fields


def _household_of(
    conn: sqlite3.Connection, entity: str, record: str, fields: dict[str, Any]
) -> str | None:
    parent_field = BELONGS_THROUGH.get(entity)
    spec = ENTITIES[entity]
    named = parent_field or "household"
    target = fields.get(named)
    if target is None:
        row = conn.execute(
            f"SELECT {spec.columns[named]} FROM {spec.table} WHERE id = ?", (record,)
        ).fetchone()
        target = row[0] if row is not None else None
    if parent_field is None or target is None:
        return None if target is None else str(target)
    parent = ENTITIES[parent_field]
    row = conn.execute(
        f"SELECT {parent.columns['household']} FROM {parent.table} WHERE id = ?", (target,)
    ).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def belonging_to_erased(conn: sqlite3.Connection, entity: str) -> list[str]:
    """The records of a type that name an erased household (a step: whose need or hazard does)."""
    erased = "SELECT record FROM tombstones WHERE entity = 'household'"
    spec = ENTITIES[entity]
    parent_field = BELONGS_THROUGH.get(entity)
    if parent_field is None:
        column = spec.columns["household"]
        sql = f"SELECT id FROM {spec.table} WHERE {column} IN ({erased})"
    else:
        parent = ENTITIES[parent_field]
        sql = (
            f"SELECT s.id FROM {spec.table} s JOIN {parent.table} p"
            f" ON p.id = s.{spec.columns[parent_field]}"
            f" WHERE p.{parent.columns['household']} IN ({erased})"
        )
    return [str(row[0]) for row in conn.execute(sql)]


# -- a whole notebook ----------------------------------------------------------------------------


def rebuild_identity(conn: sqlite3.Connection) -> None:
    """Keys for every record that has a natural key, references for every record that names a
    household, and every class of more than one record merged (a migration's step)."""
    _rebuild_refs(conn)
    for entity in KEYED:
        spec = ENTITIES[entity]
        records = [r[0] for r in conn.execute(f"SELECT id FROM {spec.table}")]
        for chunk in chunks(records):
            _write_keys(conn, entity, changes_by_record(conn, chunk))
        shared = conn.execute(
            "SELECT record FROM record_keys WHERE entity = ? AND key IN"
            " (SELECT key FROM record_keys WHERE entity = ? AND key IS NOT NULL"
            "  GROUP BY key HAVING count(*) > 1)",
            (entity, entity),
        ).fetchall()
        settle(conn, entity, sorted(row[0] for row in shared))


def settle_name_conflicts(conn: sqlite3.Connection) -> None:
    """The conflicts over a name that only spelt it two ways (郑 德华, 郑德华), raised before
    such spellings were one name: derived again, they are gone (a migration's step)."""
    shown = conn.execute("SELECT DISTINCT entity, record, field FROM conflicts").fetchall()
    for entity, record, field in shown:
        if field in _NAMES.get(entity, {}):
            group = members(conn, record)
            rederive(conn, entity, group[0], group)


def tables_present(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _rebuild_refs(conn: sqlite3.Connection) -> None:
    present = tables_present(conn)
    for entity_name, _field, table, _column in HOUSEHOLD_REFERENCES:
        if table not in present:  # a migration's step, before the table was added
            continue
        spec = ENTITIES[entity_name]
        records = [r[0] for r in conn.execute(f"SELECT id FROM {table}")]
        for chunk in chunks(records):
            by_record = changes_by_record(conn, chunk)
            refs = [ref for record, cs in by_record.items() for ref in _refs_of(spec, record, cs)]
            conn.executemany(
                "INSERT OR REPLACE INTO record_refs (record, entity, target) VALUES (?, ?, ?)", refs
            )
