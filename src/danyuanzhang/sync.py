"""Sync between laptops: export what a peer lacks, import what others send, settle conflicts.

>>> export_bundle(store, Path("2-2单元.yaml"), peer="社区办公室")
>>> report = import_bundle(store, Path("社区办公室.yaml"))
"""

from __future__ import annotations

import gc
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from danyuanzhang.bundle.errors import BundleError
from danyuanzhang.bundle.reader import Bundle, ChangeRow, read_bundle
from danyuanzhang.errors import DyzError
from danyuanzhang.store import Store, heads_of
from danyuanzhang.store import sync as sql
from danyuanzhang.store.entities import (
    ENTITIES,
    ENTITY_ORDER,
    ERASED_WITH_HOUSEHOLD,
    FLAG_PREFIX,
)

EXPORTED_MARKS = "exported_marks"


# -- export ------------------------------------------------------------------------------------


@dataclass
class ExportReport:
    path: Path
    changes: int
    new: int  # beyond what the receiver was known to hold; the rest complete their records
    counts: dict[str, int]
    size: int
    peer: str | None


def find_peer(store: Store, text: str) -> Any:
    wanted = text.strip()
    rows = sql.peers(store)
    matches = [r for r in rows if r["name"] == wanted or r["device"].startswith(wanted.lower())]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise DyzError("peer_ambiguous", peer=wanted)
    from danyuanzhang.i18n import join

    known = join([r["name"] for r in rows]) or "—"
    raise DyzError("peer_unknown", peer=wanted, known=known)


def export_bundle(
    store: Store,
    path: Path,
    peer: str | None = None,
    everything: bool = False,
    redact: bool = False,
) -> ExportReport:
    """Write the changes a peer lacks (or all, or all not yet exported) as a bundle."""
    if peer and everything:
        raise DyzError("export_peer_or_all")
    device_id, device_name = store.device()
    since: dict[str, str]
    if everything:
        since = {}
    elif peer:
        since = json.loads(find_peer(store, peer)["seen"])
    else:
        since = json.loads(store.setting(EXPORTED_MARKS) or "{}")
    rows = sql.changes_after(store, None if everything else since)
    new = len(rows)
    if not everything:
        rows = _whole_records(store, rows)
    if redact:
        rows = [r for r in rows if r[7] not in ENTITIES[r[4]].personal]
        new = min(new, len(rows))
    rank = {name: i for i, name in enumerate(ENTITY_ORDER)}
    rows.sort(key=lambda r: (rank[r[4]], r[5], r[1], r[0]))
    counts: dict[str, int] = {}
    for row in rows:
        counts[row[4]] = counts.get(row[4], 0) + 1
    marks = store.marks()
    ordered_counts = {name: counts[name] for name in ENTITY_ORDER if name in counts}
    header = {
        "sender_id": device_id,
        "sender_name": device_name,
        "created": store.now_iso(),
        "redacted": redact,
        "counts": ordered_counts,
        "since": since,
        "seen": marks,
    }
    from danyuanzhang.bundle.writer import write_bundle

    try:
        size = write_bundle(path, header, _grouped(rows))
    except OSError as error:
        raise DyzError("cannot_write", path=str(path), reason=error.strerror) from None
    if not everything and not peer:
        store.set_setting(EXPORTED_MARKS, json.dumps(marks, sort_keys=True))
    return ExportReport(path, len(rows), new, ordered_counts, size, peer)


def _whole_records(store: Store, rows: list[Any]) -> list[Any]:
    """Every change of each record a delta touches, and of the records those name (a
    resident's household, a step's hazard, a hazard's household): so that any bundle can be
    imported on its own, whichever laptop got the earlier ones, and a resident always travels
    with the household that decides whether it was erased."""
    from danyuanzhang.bundle.values import REFERENCES

    records = {row[5] for row in rows}
    whole: list[Any] = []
    pending = sorted(records)
    while pending:
        named: set[str] = set()
        for record in pending:
            for row in sql.changes_of_record(store, record):
                whole.append(row)
                if (row[4], row[7]) in REFERENCES and row[8] not in (None, "null"):
                    named.add(json.loads(row[8]))
        pending = sorted(named - records)
        records |= named
    return whole


def _grouped(rows: list[Any]) -> Any:
    current: tuple[str, str] | None = None
    batch: list[tuple[str, str, str, str, str, str | None, str]] = []
    for change_id, hlc, _device, author, entity, record, op, field_name, value, parents in rows:
        if (entity, record) != current:
            if current is not None:
                yield (*current, batch)
            current, batch = (entity, record), []
        batch.append((change_id, hlc, author, op, field_name, value, parents))
    if current is not None:
        yield (*current, batch)


# -- import ------------------------------------------------------------------------------------


@dataclass
class ImportReport:
    path: Path
    sender: str = ""
    total: int = 0
    added: int = 0
    already: int = 0
    ignored_erased: int = 0
    added_by_table: dict[str, int] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)  # ids of conflicts this import found
    seen_before: bool = False
    dry_run: bool = False


class _Discard(Exception):
    pass


def import_bundle(
    store: Store,
    path: Path,
    dry_run: bool = False,
    progress: Callable[[str, float], None] | None = None,
) -> ImportReport:
    """Check the whole bundle, then apply it in one transaction (or, dry, roll it back).

    `progress(phase, fraction)` hears how far it has got: "read", then "write"."""
    from danyuanzhang.bundle.reader import fingerprint, read_file

    report = ImportReport(path=path, dry_run=dry_run)
    try:
        data = read_file(path)
    except BundleError as error:
        error.path = str(path)
        raise
    raw_checksum, body_digest = fingerprint(data)
    if sql.bundle_seen(store, raw_checksum) is not None:
        report.seen_before = True
        return report
    with _no_cycle_collection():
        bundle = read_bundle(path, data, body_digest, progress)
        del data
        if progress is not None:
            progress("write", 0.0)
        report.sender, report.total = bundle.sender_name, len(bundle.changes)
        _check_references(store, bundle, path)
        try:
            with store.transaction():
                _apply(store, bundle, report)
                now = store.now_iso()
                sql.remember_peer(
                    store, bundle.sender_id, bundle.sender_name, bundle.seen, now, bundle.created
                )
                sql.remember_bundle(
                    store, raw_checksum, bundle.sender_id, bundle.created, now, report.total
                )
                if progress is not None:
                    progress("write", 1.0)
                if dry_run:
                    raise _Discard
        except _Discard:
            pass
        return report


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """A bundle makes a few hundred thousand tuples and strings, none of them in a cycle:
    the collector would walk them again and again for nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _check_references(store: Store, bundle: Bundle, path: Path) -> None:
    """Every record a field names (a resident's household, a step's hazard) must be in the
    bundle or already here."""
    if not bundle.references:
        return
    in_bundle = {(table, record) for table, record, _, _ in bundle.groups}
    missing: dict[str, set[str]] = defaultdict(set)
    for table, ref, _ in bundle.references:
        if (table, ref) not in in_bundle:
            missing[table].add(ref)
    known: set[tuple[str, str]] = set()
    for table, refs in missing.items():
        wanted = sorted(refs)
        known |= {(table, i) for i in sql.existing_ids(store, ENTITIES[table].table, wanted)}
        known |= {(e, r) for e, r in sql.tombstoned(store, wanted) if e == table}
    for table, ref, line in bundle.references:
        if (table, ref) not in in_bundle and (table, ref) not in known:
            from danyuanzhang.i18n import t

            error = BundleError(
                "bundle_unknown_reference", line=line, ref=ref[:8], table=t(f"table_{table}")
            )
            error.path = str(path)
            raise error


def _apply(store: Store, bundle: Bundle, report: ImportReport) -> None:
    records: dict[tuple[str, str], list[ChangeRow]] = {}
    changes = bundle.changes
    for table, record, start, end in bundle.groups:
        held = records.get((table, record))
        if held is None:
            records[(table, record)] = changes[start:end]
        else:
            held += changes[start:end]  # one record written twice: allowed, if odd
    record_ids = sorted({record for _, record in records})
    erased = sql.tombstoned(store, record_ids)
    newly_deleted = {(row[4], row[5]) for row in changes if row[6] == "delete"}
    gone = erased | newly_deleted
    erased_households = {record for entity, record in gone if entity == "household"}
    with_household: set[tuple[str, str]] = set()
    for key, rows in records.items():
        if key[0] in ERASED_WITH_HOUSEHOLD and key not in gone:
            for row in rows:
                home = json.loads(row[8] or "null") if row[7] == "household" else None
                if home in erased_households:
                    with_household.add(key)  # erased with its household, wherever it was added
                    gone.add(key)
                    break

    ids_by_entity: dict[str, list[str]] = defaultdict(list)
    for entity, record in records:
        ids_by_entity[entity].append(record)
    known: set[tuple[str, str]] = set()
    for entity, ids in ids_by_entity.items():
        known |= {(entity, i) for i in sql.existing_ids(store, ENTITIES[entity].table, ids)}

    to_insert: list[ChangeRow] = []
    fresh: dict[tuple[str, str], list[ChangeRow]] = {}
    touched: set[tuple[str, str, str]] = set()
    # in the log's own order (record, field, id), so the B-tree is written front to back
    added: Counter[str] = Counter()
    for key in sorted(records, key=itemgetter(1)):
        rows = records[key]
        if len(rows) > 1:
            rows.sort(key=itemgetter(7, 0))
        if key in gone:
            kept = [r for r in rows if r[6] == "delete"]
            report.ignored_erased += len(rows) - len(kept)
            existing = sql.change_ids_of(store, key[1]) if key in erased else set()
            new = [r for r in kept if r[0] not in existing]
        elif key in known:
            existing = sql.change_ids_of(store, key[1])
            new = [r for r in rows if r[0] not in existing]
            touched.update((key[0], key[1], r[7]) for r in new)
        else:
            new = rows
            fresh[key] = rows
        to_insert += new
        added[key[0]] += len(new)
    sql.insert_changes(store, to_insert)
    report.added = len(to_insert)
    report.already = report.total - report.added - report.ignored_erased
    report.added_by_table = {table: n for table, n in added.items() if n}

    _derive_fresh(store, fresh, report, bundle.decoded)
    for entity, record, field_name in sorted(touched):
        _derive_field(store, entity, record, field_name, report)
    for entity, record in sorted(newly_deleted - erased, key=lambda k: ENTITY_ORDER.index(k[0])):
        store.erase_derived(entity, record)
    for entity, record in sorted(with_household):
        store.purge(entity, record)

    latest = max([*bundle.seen.values(), max((row[1] for row in bundle.changes), default="")])
    if latest:
        store.observe(latest)
    marks = store.marks()
    for device, stamp in bundle.seen.items():
        base = bundle.since.get(device)
        if base is None or marks.get(device, "") >= base:
            store.raise_mark(device, stamp)


def _derive_fresh(
    store: Store,
    fresh: dict[tuple[str, str], list[ChangeRow]],
    report: ImportReport,
    decoded: dict[str, Any],
) -> None:
    """Records this laptop has never had: one row each, from each field's latest change."""
    by_entity: dict[str, list[list[Any]]] = defaultdict(list)
    positions = {
        name: {field_name: i for i, field_name in enumerate(spec.columns, start=1)}
        for name, spec in ENTITIES.items()
    }
    flags_on: list[tuple[str, str]] = []
    for (entity, record), rows in fresh.items():  # in record order, as the tables like it
        position = positions[entity]
        out: list[Any] = [record] + [None] * len(position)
        latest = {row[7]: row for row in rows}
        if len(latest) < len(rows):  # a field changed more than once: perhaps a conflict
            for row in rows:
                held = latest[row[7]]
                if (row[1], row[0]) > (held[1], held[0]):
                    latest[row[7]] = row
            for name in {r[7] for r in rows if r is not latest[r[7]]}:
                _note_conflict(
                    store, entity, record, name, [r for r in rows if r[7] == name], report
                )
        for name, winner in latest.items():
            stored = winner[8]
            value = decoded[stored] if stored in decoded else json.loads(stored or "null")
            index = position.get(name)
            if index is not None:
                out[index] = value
            elif value:
                flags_on.append((record, name[len(FLAG_PREFIX) :]))
        by_entity[entity].append(out)
    for entity, items in by_entity.items():
        sql.insert_records(store, entity, list(ENTITIES[entity].columns.values()), items)
    sql.set_flags(store, flags_on, [])


def _derive_field(
    store: Store, entity: str, record: str, field_name: str, report: ImportReport
) -> None:
    """A field of a record already here: show its latest change, note a conflict if any."""
    changes = store.field_changes(entity, record, field_name)
    if not changes:
        return
    _note_conflict(store, entity, record, field_name, changes, report)
    winner = json.loads(changes[0]["value"])
    if field_name.startswith(FLAG_PREFIX):
        flag = (record, field_name[len(FLAG_PREFIX) :])
        sql.set_flags(store, [flag] if winner else [], [] if winner else [flag])
    else:
        sql.set_column(store, entity, ENTITIES[entity].columns[field_name], record, winner)


def _note_conflict(
    store: Store,
    entity: str,
    record: str,
    field_name: str,
    changes: list[Any],
    report: ImportReport,
) -> None:
    rows = [
        c if hasattr(c, "keys") else {"id": c[0], "parents": c[9], "value": c[8]} for c in changes
    ]
    heads = heads_of(rows)
    present = len({h["value"] for h in heads}) > 1
    if sql.set_conflict(store, entity, record, field_name, present):
        report.conflicts.append(sql.conflict_id(record, field_name))


# -- peers and conflicts ------------------------------------------------------------------------


def list_peers(store: Store) -> list[dict[str, Any]]:
    from danyuanzhang.hlc import parse

    items = []
    for row in sql.peers(store):
        seen = json.loads(row["seen"])
        latest = max(seen.values()) if seen else None
        items.append(
            {
                "id": row["device"],
                "name": row["name"],
                "last_heard": row["last_heard"],
                "last_bundle": row["last_bundle"],
                "seen": seen,
                "latest_seen": (
                    datetime.fromtimestamp(parse(latest).wall_ms / 1000).isoformat(
                        timespec="minutes"
                    )
                    if latest
                    else None
                ),
            }
        )
    return items


def describe_record(store: Store, entity: str, record: str) -> str:
    from danyuanzhang.store import registry as reg

    if entity == "household":
        row = reg.household(store, record)
        if row is not None:
            return f"{row['estate']} {row['building']}-{row['unit']}-{row['room']}"
    elif entity == "resident":
        row = reg.resident(store, record)
        if row is not None:
            home = reg.household(store, row["household_id"]) if row["household_id"] else None
            where = f"{home['building']}-{home['unit']}-{home['room']}" if home is not None else "?"
            return f"{row['name']}（{where}）"
    elif entity == "roster":
        row = reg.roster_member(store, record)
        if row is not None:
            return f"{row['name']}（{row['scope']}）"
    return f"{entity} {record[:8]}"


def field_label(field_name: str) -> str:
    from danyuanzhang.i18n import t
    from danyuanzhang.vocab import BUILTIN_FLAGS

    if field_name.startswith(FLAG_PREFIX):
        code = field_name[len(FLAG_PREFIX) :]
        zh, en = BUILTIN_FLAGS.get(code, (code, code))
        from danyuanzhang.i18n import pick

        return t("field_flag", flag=pick(zh, en))
    key = f"field_{field_name}"
    from danyuanzhang.catalogue import MESSAGES

    return t(key) if key in MESSAGES else field_name


def value_text(stored: str | None) -> str:
    from danyuanzhang.i18n import t

    value = json.loads(stored) if stored is not None else None
    if value is None:
        return t("value_empty")
    if value is True:
        return t("yes")
    if value is False:
        return t("no")
    return str(value)


def _conflict_item(store: Store, row: Any) -> dict[str, Any]:
    from danyuanzhang.hlc import parse

    me = store.device()[0]
    heads = store.heads(row["entity"], row["record"], row["field"])
    return {
        "id": row["id"],
        "table": row["entity"],
        "record": row["record"],
        "field": row["field"],
        "what": describe_record(store, row["entity"], row["record"]),
        "field_label": field_label(row["field"]),
        "values": [
            {
                "change": h["id"],
                "value": json.loads(h["value"]),
                "value_text": value_text(h["value"]),
                "by": h["author"],
                "device": h["device"],
                "when": datetime.fromtimestamp(parse(h["hlc"]).wall_ms / 1000).isoformat(
                    timespec="minutes"
                ),
                "mine": h["device"] == me,
            }
            for h in heads
        ],
    }


def list_conflicts(store: Store) -> list[dict[str, Any]]:
    return [_conflict_item(store, row) for row in sql.conflicts(store)]


def find_conflict(store: Store, id_prefix: str) -> Any:
    return sql.conflict(store, store.resolve_prefix("conflicts", id_prefix, "conflict_not_found"))


def show_conflict(store: Store, id_prefix: str) -> dict[str, Any]:
    return _conflict_item(store, find_conflict(store, id_prefix))


def resolve_conflict(store: Store, id_prefix: str, keep: str) -> dict[str, Any]:
    """Keep one side (`mine`, `theirs`) or a value typed in; the decision is a change too."""
    from danyuanzhang.bundle.values import READERS, BadValue

    with store.transaction():
        row = find_conflict(store, id_prefix)
        item = _conflict_item(store, row)
        values = item["values"]
        if keep in ("mine", "theirs"):
            side = [v for v in values if v["mine"] == (keep == "mine")]
            if len(side) != 1 or len(values) != 2:
                raise DyzError("conflict_keep_value", id=item["id"][:8])
            chosen = side[0]["value"]
        else:
            spec = ENTITIES[row["entity"]]
            kind = spec.kinds.get(row["field"], "bool")
            try:
                chosen = READERS[kind](keep.strip())
            except BadValue as bad:
                raise DyzError(
                    "conflict_bad_value", field=item["field_label"], detail=bad.detail
                ) from None
        store.put(row["entity"], row["record"], {row["field"]: chosen})
        from danyuanzhang.store import encode

        return {**item, "value_text": value_text(encode(chosen))}
