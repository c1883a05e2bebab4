"""The SQL of sync: what to export, what an import finds here and how it is written, what each
peer holds, the office's list, the keys pinned and the spans kept."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from danyuanzhang.core.changes import COLUMNS, Change
from danyuanzhang.core.records import ENTITIES, ENTITY_ORDER
from danyuanzhang.store import Store, in_chunks

if TYPE_CHECKING:
    from danyuanzhang.core.merge import FieldState, Incoming, Plan
    from danyuanzhang.store.spans import Span, Tree


def _marks(count: int) -> str:
    return ", ".join("?" * count)


# -- the log -------------------------------------------------------------------------------------

# A laptop's changes are found through the device index (changes_by_device), which holds each
# change's laptop and its stamp's wall time and counter as numbers: a query names these as the
# index does. The index is searched from the wall time of a stamp (`wall_from`), and the stamp
# itself compared after, so a stamp of any laptop, or "", bounds as the text comparison did.
WALL = "CAST(substr(hlc, 1, 15) AS INTEGER)"
COUNTER = "CAST(substr(hlc, 17, 10) AS INTEGER)"
IN_ORDER = f"{WALL}, {COUNTER}"
NEWEST_FIRST = f"{WALL} DESC, {COUNTER} DESC"


def wall_from(stamp: str) -> int:
    """The wall time a stamp's text begins with, as the device index holds it (0 for none)."""
    from danyuanzhang.core.hlc import WALL_DIGITS

    wall = stamp[:WALL_DIGITS]
    return int(wall) if wall.isdigit() else 0


def devices_in_log(store: Store) -> list[str]:
    """Every device with a change here, found by hopping along the device index."""
    rows = store.conn.execute(
        """
        WITH RECURSIVE hop(device) AS (
            SELECT min(device) FROM changes
            UNION ALL
            SELECT (SELECT min(device) FROM changes WHERE device > hop.device)
            FROM hop WHERE hop.device IS NOT NULL
        )
        SELECT device FROM hop WHERE device IS NOT NULL
        """
    )
    return [str(row[0]) for row in rows]


def changes_after(store: Store, device: str, stamp: str) -> list[Change]:
    """One device's changes later than `stamp`, through the device index."""
    rows = store.conn.execute(
        f"SELECT {COLUMNS} FROM changes INDEXED BY changes_by_device"
        f" WHERE device = ? AND {WALL} >= ? AND hlc > ? ORDER BY {IN_ORDER}",
        (device, wall_from(stamp), stamp),
    )
    return [Change._make(row) for row in rows]


def count_after(store: Store, device: str, stamp: str, up_to: int) -> int:
    """How many of one device's changes are later than `stamp`, counted no further than
    `up_to`, through the device index."""
    row = store.conn.execute(
        "SELECT count(*) FROM (SELECT 1 FROM changes INDEXED BY changes_by_device"
        f" WHERE device = ? AND {WALL} >= ? AND hlc > ? LIMIT ?)",
        (device, wall_from(stamp), stamp, up_to),
    ).fetchone()
    return int(row[0])


def latest_change_of(store: Store, device: str) -> str | None:
    """The stamp of the latest change here that `device` made; None if there is none."""
    row = store.conn.execute(
        "SELECT hlc FROM changes INDEXED BY changes_by_device"
        f" WHERE device = ? ORDER BY {NEWEST_FIRST} LIMIT 1",
        (device,),
    ).fetchone()
    return None if row is None else str(row[0])


def records_by_entity(store: Store) -> dict[str, list[str]]:
    """Every record in the log, by record type: a whole notebook, read in one pass."""
    found: dict[str, list[str]] = {}
    for record, entity in store.conn.execute(
        "SELECT record, min(entity) FROM changes GROUP BY record"
    ):
        found.setdefault(entity, []).append(record)
    return found


def changes_of_record(store: Store, record: str) -> list[Change]:
    rows = store.conn.execute(
        f"SELECT {COLUMNS} FROM changes WHERE record = ? ORDER BY hlc, id", (record,)
    )
    return [Change._make(row) for row in rows]


def held(store: Store, records: Sequence[str]) -> dict[str, set[str]]:
    """For each record that has changes here, the ids of those changes."""
    found: dict[str, set[str]] = {}
    for chunk in in_chunks(sorted(set(records))):
        rows = store.conn.execute(
            f"SELECT record, id FROM changes WHERE record IN ({_marks(len(chunk))})", chunk
        )
        for record, change_id in rows:
            found.setdefault(record, set()).add(change_id)
    return found


def insert_changes(store: Store, changes: Sequence[Change]) -> None:
    store.conn.executemany(
        # a change carries its device third, which the log reads off the stamp: ?3 is unused
        "INSERT OR IGNORE INTO changes (id, hlc, author, entity, record, op, field, value, parents)"
        " VALUES (?1, ?2, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        changes,
    )


def present(store: Store, wanted: Sequence[tuple[str, str]]) -> set[tuple[str, str]]:
    """Of (record type, record), those this notebook has (in the log or erased)."""
    found: set[tuple[str, str]] = set()
    by_record = {record: entity for entity, record in wanted}
    records = sorted(by_record)
    for chunk in in_chunks(records):
        marks = _marks(len(chunk))
        for query in (
            f"SELECT DISTINCT record, entity FROM changes WHERE record IN ({marks})",
            f"SELECT record, entity FROM tombstones WHERE record IN ({marks})",
        ):
            found.update((row[1], row[0]) for row in store.conn.execute(query, chunk))
    return found & set(wanted)


def changes_of_records(store: Store, records: Sequence[str]) -> list[Change]:
    from danyuanzhang.store import derive

    return derive.changes_of(store.conn, records)


def canonical_of(store: Store, records: Sequence[str]) -> dict[str, str]:
    """By record, the record of its class that stands for it (itself, if none does)."""
    from danyuanzhang.store import derive

    return derive.canonical_of(store.conn, records)


def erased(store: Store) -> list[tuple[str, str]]:
    """(record type, record) of every record erased here."""
    return [(r[0], r[1]) for r in store.conn.execute("SELECT entity, record FROM tombstones")]


def erased_among(store: Store, records: Sequence[str]) -> set[tuple[str, str]]:
    """(record type, record) of those of `records` erased here."""
    from danyuanzhang.store import derive

    return derive.tombstoned(store.conn, records)


def field_changes(store: Store, records: Sequence[str], field: str) -> list[Change]:
    """The changes of one field of these records."""
    from danyuanzhang.store import derive

    return derive.field_changes(store.conn, records, field)


# the log's key (record, field, id), read off a Change by position for speed
_LOG_ORDER = itemgetter(Change._fields.index("record"), Change._fields.index("field"), 0)


def apply_plan(
    store: Store, groups: list[Incoming], plan: Plan, on_conflict: Callable[[str, str, str], None]
) -> None:
    """Write a batch's plan: its new changes, its erasures and the records they derive."""
    from danyuanzhang.store import derive

    conn = store.conn
    # in the log's own order (record, field, id): the B-tree is written front to back
    insert_changes(store, sorted(plan.insert, key=_LOG_ORDER))
    for entity, record in plan.erased:
        derive.erase(conn, entity, record)
    derive.add_records(conn, plan.fresh, on_conflict)
    by_entity: dict[str, dict[str, set[str]]] = {}
    entity_of = {g.record: g.entity for g in groups}
    for record, fields in plan.touched.items():
        by_entity.setdefault(entity_of[record], {})[record] = fields
    for entity in ENTITY_ORDER:
        if entity in by_entity:
            derive.refresh(conn, entity, by_entity[entity], on_conflict)
    if any(entity == "household" for entity, _ in plan.erased) or plan.dropped:
        # the needs, hazards and visits of the flats erased now lose their words (those
        # arriving for a flat erased before were left without them by plan_import, but a
        # step that came before its need may be here still)
        derive.strip_personal(conn)


# a savepoint within the import's transaction: what a bundle's reader delivered, undone when
# the reader gives up part-way and the next one starts over


def savepoint(store: Store, name: str) -> None:
    store.conn.execute(f"SAVEPOINT {name}")


def back_to_savepoint(store: Store, name: str) -> None:
    store.conn.execute(f"ROLLBACK TO {name}")


def release_savepoint(store: Store, name: str) -> None:
    store.conn.execute(f"RELEASE {name}")


# -- where records live --------------------------------------------------------------------------


def places(store: Store, entity: str, records: Sequence[str]) -> dict[str, tuple[Any, ...]]:
    """By record: (id, estate, building, unit) for records that live somewhere themselves;
    (id, the record(s) whose place they share) for the others (a link names two petitions)."""
    spec = ENTITIES[entity]
    if spec.placed_by == "self":
        columns = "id, estate, building, unit"
    elif entity == "petition_link":
        columns = "id, petition_id, other_id"
    elif entity == "merge":
        columns = "id, keep, other"
    elif spec.placed_by is not None:
        columns = f"id, {spec.columns[spec.placed_by]}"
    else:
        return {}
    found: dict[str, tuple[Any, ...]] = {}
    for chunk in in_chunks(sorted(set(records))):
        rows = store.conn.execute(
            f"SELECT {columns} FROM {spec.table} WHERE id IN ({_marks(len(chunk))})", chunk
        )
        found.update((row[0], tuple(row)) for row in rows)
    return found


def entities_of(store: Store, records: Sequence[str]) -> dict[str, str]:
    """The record type of each record, from the log."""
    found: dict[str, str] = {}
    for chunk in in_chunks(sorted(set(records))):
        rows = store.conn.execute(
            f"SELECT DISTINCT record, entity FROM changes WHERE record IN ({_marks(len(chunk))})",
            chunk,
        )
        found.update((row[0], row[1]) for row in rows)
    return found


def ids_in_place(store: Store, entity: str, estates: Sequence[str]) -> Iterator[Any]:
    """Records of a type that lives somewhere, with their place, in some estates."""
    spec = ENTITIES[entity]
    return store.conn.execute(
        f"SELECT id, estate, building, unit FROM {spec.table}"
        f" WHERE estate IN ({_marks(len(estates))})",
        tuple(estates),
    )


def ids_naming(store: Store, entity: str, targets: Sequence[str]) -> list[str]:
    """Records of a type whose placing field names one of `targets`."""
    spec = ENTITIES[entity]
    column = spec.columns[spec.placed_by or ""]
    found: list[str] = []
    for chunk in in_chunks(sorted(set(targets))):
        query = f"SELECT id FROM {spec.table} WHERE {column} IN ({_marks(len(chunk))})"
        if entity == "petition_link":
            query += f" OR other_id IN ({_marks(len(chunk))})"
            chunk = (*chunk, *chunk)
        found += [row[0] for row in store.conn.execute(query, chunk)]
    return found


def all_ids(store: Store, entity: str) -> list[str]:
    return [row[0] for row in store.conn.execute(f"SELECT id FROM {ENTITIES[entity].table}")]


def aliases_of(store: Store, canonicals: Sequence[str]) -> list[tuple[str, str]]:
    """(record type, record) of the records that the given ones stand for."""
    found: list[tuple[str, str]] = []
    for chunk in in_chunks(sorted(set(canonicals))):
        rows = store.conn.execute(
            f"SELECT entity, record FROM aliases WHERE canonical IN ({_marks(len(chunk))})", chunk
        )
        found += [(row[0], row[1]) for row in rows]
    return found


def merges_of(store: Store, records: Sequence[str]) -> list[str]:
    found: set[str] = set()
    for chunk in in_chunks(sorted(set(records))):
        marks = _marks(len(chunk))
        rows = store.conn.execute(
            f"SELECT id FROM merges WHERE keep IN ({marks}) OR other IN ({marks})", (*chunk, *chunk)
        )
        found.update(row[0] for row in rows)
    return sorted(found)


# -- what each peer holds ------------------------------------------------------------------------


def knowledge(store: Store, peer: str, scope: str) -> dict[str, str]:
    """Per device, the stamp up to which `peer` is known to hold all its changes in `scope`
    (and all of them, whatever the scope: `scope` ""). The greater of the two counts."""
    found: dict[str, str] = {}
    for device, stamp in store.conn.execute(
        "SELECT device, hlc FROM knowledge WHERE peer = ? AND scope IN ('', ?)", (peer, scope)
    ):
        if stamp > found.get(device, ""):
            found[device] = stamp
    return found


def everyone_knows(store: Store) -> dict[str, str]:
    """Per device, the most any peer is known to hold of all its changes."""
    return {
        str(row[0]): str(row[1])
        for row in store.conn.execute(
            "SELECT device, max(hlc) FROM knowledge WHERE scope = '' GROUP BY device"
        )
    }


def learn(store: Store, peer: str, scope: str, marks: dict[str, str]) -> None:
    store.conn.executemany(
        "INSERT INTO knowledge (peer, scope, device, hlc) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (peer, scope, device) DO UPDATE SET hlc = max(hlc, excluded.hlc)",
        [(peer, scope, device, stamp) for device, stamp in marks.items()],
    )


KEEP_EXPORTS = 5  # per peer, the bundles not yet acknowledged that are remembered


def remember_export(
    store: Store, bundle: str, peer: str | None, scope: str, upto: dict[str, str], created: str
) -> None:
    store.conn.execute(
        "INSERT OR REPLACE INTO exports (bundle, peer, scope, upto, created) VALUES (?, ?, ?, ?, ?)",
        (bundle, peer, scope, json.dumps(upto, sort_keys=True), created),
    )
    if peer is not None:
        store.conn.execute(
            "DELETE FROM exports WHERE peer = ? AND bundle NOT IN"
            " (SELECT bundle FROM exports WHERE peer = ? ORDER BY created DESC LIMIT ?)",
            (peer, peer, KEEP_EXPORTS),
        )


def acknowledged(store: Store, peer: str, bundle: str) -> tuple[str, dict[str, str]] | None:
    """What a bundle of ours that `peer` says it imported held: (its scope, per device the
    stamp up to which it carried everything). Older unacknowledged ones are forgotten."""
    row = store.conn.execute(
        "SELECT scope, upto, created, peer FROM exports WHERE bundle = ?", (bundle,)
    ).fetchone()
    if row is None or (row[3] is not None and row[3] != peer):
        return None
    if row[3] is not None:
        store.conn.execute("DELETE FROM exports WHERE peer = ? AND created <= ?", (peer, row[2]))
    return str(row[0]), json.loads(row[1])


# -- peers and bundles ---------------------------------------------------------------------------


def bundle_seen(store: Store, checksum: str) -> Any:
    return store.conn.execute("SELECT * FROM bundles WHERE checksum = ?", (checksum,)).fetchone()


def remember_copy(store: Store, key: str, checksum: str) -> None:
    """These very bytes (`key`) are the bundle of `checksum`, imported before and checked."""
    store.conn.execute(
        "INSERT OR IGNORE INTO bundles (checksum, sender, created, imported, changes)"
        " SELECT ?, sender, created, imported, changes FROM bundles WHERE checksum = ?",
        (key, checksum),
    )


def remember_bundle(
    store: Store, checksum: str, sender: str, created: str, now: str, count: int
) -> None:
    store.conn.execute(
        "INSERT OR IGNORE INTO bundles (checksum, sender, created, imported, changes)"
        " VALUES (?, ?, ?, ?, ?)",
        (checksum, sender, created, now, count),
    )


def remember_peer(
    store: Store, device: str, name: str, now: str, created: str, received: str | None
) -> None:
    """A bundle came from `device`; `received` is its checksum, to acknowledge in our next
    bundle to it (None for a bundle that carried nothing: a receipt needs no receipt). The
    name is the one it was first heard under (sync/names.py): a later bundle's claim does not
    rename it."""
    store.conn.execute(
        "INSERT INTO peers (device, name, last_heard, last_bundle, received)"
        " VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (device) DO UPDATE SET"
        " last_heard = excluded.last_heard,"
        " received = CASE WHEN excluded.last_bundle >= peers.last_bundle"
        "  AND excluded.received IS NOT NULL THEN excluded.received ELSE peers.received END,"
        " last_bundle = max(peers.last_bundle, excluded.last_bundle)",
        (device, name, now, created, received),
    )
    store.conn.execute(
        "INSERT INTO devices (id, name, first_seen, last_seen) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET last_seen = excluded.last_seen",
        (device, name, now, now),
    )


def remember_office_list(store: Store, device: str, issued: str) -> None:
    """Which of the office's lists a peer holds, as its bundle said."""
    store.conn.execute("UPDATE peers SET office_list = ? WHERE device = ?", (issued, device))


def peers(store: Store) -> list[Any]:
    return store.conn.execute("SELECT * FROM peers ORDER BY last_heard DESC, name DESC").fetchall()


def device_name(store: Store, device: str) -> str | None:
    row = store.conn.execute("SELECT name FROM devices WHERE id = ?", (device,)).fetchone()
    return str(row[0]) if row is not None else None


def peer(store: Store, device: str) -> Any:
    return store.conn.execute("SELECT * FROM peers WHERE device = ?", (device,)).fetchone()


def acknowledge(store: Store, received: dict[str, str]) -> None:
    """These bundles of those peers were named in a bundle of ours."""
    store.conn.executemany(
        "UPDATE peers SET acked = ? WHERE device = ?",
        [(bundle, device) for device, bundle in received.items()],
    )


def set_peer_scope(store: Store, device: str, scope: str | None) -> None:
    store.conn.execute("UPDATE peers SET scope = ? WHERE device = ?", (scope, device))


# -- conflicts -----------------------------------------------------------------------------------


def conflicts(store: Store) -> list[Any]:
    return store.conn.execute("SELECT * FROM conflicts ORDER BY entity, record, field").fetchall()


def conflict(store: Store, conflict_id_text: str) -> Any:
    return store.conn.execute(
        "SELECT * FROM conflicts WHERE id = ?", (conflict_id_text,)
    ).fetchone()


def field_state(store: Store, entity: str, record: str, field: str) -> FieldState:
    """A field's state over the record's whole class: its value, or the values in conflict."""
    from danyuanzhang.store import derive

    return derive.state_of(store.conn, entity, record, field)


# -- the office's list and the laptops asking to join --------------------------------------------


def members(store: Store) -> list[Any]:
    """The laptops on the office's list as this laptop holds it, in the order of their ids."""
    return store.conn.execute(
        "SELECT device, name, key, admitted, revoked, revoked_on FROM members ORDER BY device"
    ).fetchall()


def member(store: Store, device: str) -> Any:
    return store.conn.execute(
        "SELECT name, key, revoked FROM members WHERE device = ?", (device,)
    ).fetchone()


def listed_devices(store: Store) -> set[str]:
    return {str(r[0]) for r in store.conn.execute("SELECT device FROM members")}


def add_member(store: Store, device: str, name: str, key: str, admitted: str) -> None:
    """Put a laptop on the list (again, if it was revoked): it asks to join no more."""
    store.conn.execute(
        "INSERT INTO members (device, name, key, admitted, revoked) VALUES (?, ?, ?, ?, '')"
        " ON CONFLICT (device) DO UPDATE SET name = excluded.name, key = excluded.key,"
        " admitted = excluded.admitted, revoked = '', revoked_on = ''",
        (device, name, key, admitted),
    )
    store.conn.execute("DELETE FROM join_requests WHERE device = ?", (device,))


def revoke_member(store: Store, device: str, last: str, revoked_on: str) -> None:
    store.conn.execute(
        "UPDATE members SET revoked = ?, revoked_on = ? WHERE device = ?",
        (last, revoked_on, device),
    )


def replace_members(store: Store, listed: Sequence[tuple[str, str, str, str, str, str]]) -> None:
    """The office's list taken on: (device, name, key, admitted, revoked, revoked_on)."""
    store.conn.execute("DELETE FROM members")
    store.conn.executemany(
        "INSERT INTO members (device, name, key, admitted, revoked, revoked_on)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        listed,
    )


def join_requests(store: Store) -> list[Any]:
    return store.conn.execute("SELECT device, name, key, asked FROM join_requests").fetchall()


def requested_key(store: Store, device: str) -> str | None:
    """The key a laptop's first request to join was signed by; None if it has not asked."""
    row = store.conn.execute("SELECT key FROM join_requests WHERE device = ?", (device,)).fetchone()
    return None if row is None else str(row[0])


def requests_waiting(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM join_requests").fetchone()[0])


def add_join_request(store: Store, device: str, name: str, key: str, asked: str) -> None:
    """Remember a request to join; a laptop that asked before keeps its first."""
    store.conn.execute(
        "INSERT INTO join_requests (device, name, key, asked) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (device) DO NOTHING",
        (device, name, key, asked),
    )


def withdraw(store: Store, device: str, last: str) -> None:
    """Take out the changes `device` made after `last`, as if they had never come."""
    from danyuanzhang.store import derive

    conn = store.conn
    after = f"device = ? AND {WALL} >= ? AND hlc > ?"
    bounds = (device, wall_from(last), last)
    rows = conn.execute(
        f"SELECT {COLUMNS} FROM changes INDEXED BY changes_by_device WHERE {after}", bounds
    ).fetchall()
    gone = [Change(*row) for row in rows]
    if not gone:
        return
    conn.execute(f"DELETE FROM changes INDEXED BY changes_by_device WHERE {after}", bounds)
    touched: dict[str, dict[str, set[str]]] = {}
    for change in gone:
        touched.setdefault(change.entity, {}).setdefault(change.record, set()).add(change.field)
    for entity, records in touched.items():
        required = set(ENTITIES[entity].required)
        left: dict[str, set[str]] = {}
        for change in derive.changes_of(conn, list(records)):
            left.setdefault(change.record, set()).add(change.field)
        # a record it made goes with it, and with the record what others wrote on it before
        # they heard (a phone put to a resident it made up): their laptops take it out too
        made = {r for r, fields in records.items() if r in left and (fields & required) - left[r]}
        for record in [r for r in records if r not in left or r in made]:
            derive.purge(conn, entity, record)
        derive.refresh(
            conn, entity, {r: f for r, f in records.items() if r in left and r not in made}
        )
    conn.execute("UPDATE marks SET hlc = ? WHERE device = ? AND hlc > ?", (last, device, last))


def member_keys(store: Store) -> dict[str, str]:
    """The keys the office's list gives, by laptop id (the laptops admitted with one)."""
    rows = store.conn.execute("SELECT device, key FROM members WHERE key != ''")
    return {str(r[0]): str(r[1]) for r in rows}


def admitted_names(store: Store) -> list[str]:
    """The names of the laptops on the office's list that are not revoked."""
    return [str(r[0]) for r in store.conn.execute("SELECT name FROM members WHERE revoked = ''")]


def names_held(store: Store) -> dict[str, str]:
    """Laptop id by name, for every name a laptop asking to join, heard from or on the
    office's list holds here (the list's last, where two hold one)."""
    found: dict[str, str] = {}
    for query in (
        "SELECT device, name FROM join_requests",
        "SELECT id, name FROM devices",
        "SELECT device, name FROM members",
    ):
        found.update({str(r[1]): str(r[0]) for r in store.conn.execute(query)})
    return found


# -- keys ----------------------------------------------------------------------------------------


def pinned_key(store: Store, device: str) -> str | None:
    """The public key this laptop took on first sight for `device`; None if it has none."""
    row = store.conn.execute("SELECT key FROM device_keys WHERE device = ?", (device,)).fetchone()
    return str(row[0]) if row is not None else None


def pin_key(store: Store, device: str, public_key: str, when: str) -> None:
    """Take `public_key` as `device`'s, unless one is taken already."""
    store.conn.execute(
        "INSERT INTO device_keys (device, key, first_seen) VALUES (?, ?, ?)"
        " ON CONFLICT (device) DO NOTHING",
        (device, public_key, when),
    )


# -- spans (store/spans.py) ----------------------------------------------------------------------


def last_span_end(store: Store, device: str) -> str:
    """The stamp the last span of `device` kept here ends at; "" if none is kept."""
    row = store.conn.execute("SELECT max(last) FROM spans WHERE device = ?", (device,)).fetchone()
    return str(row[0] or "")


def stamped_ids_after(store: Store, device: str, stamp: str) -> list[tuple[str, str]]:
    """(stamp, id) of the changes `device` made after `stamp`, in the order of their stamps."""
    rows = store.conn.execute(
        "SELECT hlc, id FROM changes INDEXED BY changes_by_device"
        f" WHERE device = ? AND {WALL} >= ? AND hlc > ? ORDER BY {IN_ORDER}",
        (device, wall_from(stamp), stamp),
    )
    return [(str(r[0]), str(r[1])) for r in rows]


def span_bounds(store: Store, device: str) -> list[tuple[str, str]]:
    from danyuanzhang.store import spans

    return spans.bounds(store.conn, device)


def kept_span(store: Store, device: str, first: str) -> tuple[Span, Tree] | None:
    from danyuanzhang.store import spans

    return spans.stored(store.conn, device, first)


def span_signs_after(store: Store, device: str, verify: Callable[[Span], bool]) -> str | None:
    from danyuanzhang.store import spans

    return spans.signs_after(store.conn, device, verify)


def keep_span(store: Store, span: Span, tree: Tree, checked: bool) -> None:
    from danyuanzhang.store import spans

    spans.keep(store.conn, span, tree, checked)
