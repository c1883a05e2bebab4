"""The notebook's SQLite file, where SQL is spoken (here and in a package's own `queries.py`).
Every write is a change appended to the log and applied to the tables that commands read, in
the same transaction.

>>> store = Store.open(Path("dyz.db"))  # doctest: +SKIP
>>> with store.transaction():  # doctest: +SKIP
...     store.put("household", new_id(), {"estate": "新芙蓉之都", "building": "2"})
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from danyuanzhang.errors import DyzError
from danyuanzhang.store.batches import in_chunks as in_chunks
from danyuanzhang.store.db import connect

if TYPE_CHECKING:
    # what writing needs, imported when a command writes: a command that only reads (`dyz
    # today`, `visit due`) would otherwise pay about a millisecond for the record types
    from danyuanzhang.core.changes import Change
    from danyuanzhang.core.hlc import Clock
    from danyuanzhang.core.records import Entity

# the setting naming the person who uses this laptop (dyz init --name); it was the visitor's
# name before it named the author of every change too, hence the row's name
PERSON = "visitor_name"


def visitor_name(store: Store, given: str | None = None) -> str:
    """Who knocked or walked: the name given, else the author of this command (`--by`, the
    laptop's person, or its name)."""
    if given:
        from danyuanzhang.text.inputs import parse_name

        return parse_name(given)
    return store.author()


# where new ids get their randomness; the property tests replay histories with a seeded one
random_bytes: Callable[[int], bytes] = os.urandom


def new_id() -> str:
    """A random (version 4) UUID as 32 hex digits; made by hand because `import uuid` costs
    more start-up than everything else the store needs."""
    raw = bytearray(random_bytes(16))
    raw[6] = (raw[6] & 0x0F) | 0x40
    raw[8] = (raw[8] & 0x3F) | 0x80
    return raw.hex()


_NEW_AT_ONCE = 10_000  # new records made in one run of put_new: a roll's changes, bounded


def stored_bool(value: Any) -> bool | None:
    """A yes/no field as read back from its table, where SQLite keeps it as the text "1"/"0"."""
    if value is None:
        return None
    return str(value) in ("1", "true", "True")


_INSERT_CHANGE = (
    "INSERT OR IGNORE INTO changes (id, hlc, author, entity, record, op, field, value, parents)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


# how long a write waits for another dyz that is writing (a roll import takes seconds; a
# minute means the other one is stuck, or left open at a prompt)
WRITE_WAIT_MS = 60_000
FIRST_WAIT_MS = 1_000  # before saying that it waits
# an erasure whose traces another dyz window kept in the log: scrubbed at the next opening
SCRUB_PENDING = "scrub_pending"


class Store:
    def __init__(self, conn: sqlite3.Connection, path: Path, created: bool) -> None:
        self.conn = conn
        self.path = path
        self.created = created
        self._clock: Clock | None = None  # made on the first write
        self._device: tuple[str, str] | None = None
        # the person named for this command alone (a laptop two people share: `dyz --by`)
        self.acting_as: str | None = None
        self._last_issued: str | None = None
        # Tests run laptops whose wall clocks are frozen or a year off; None is the real clock.
        self.wall_clock: Callable[[], int] | None = None
        # told when a write must wait for another dyz, which then may take `write_wait_ms`
        self.on_wait: Callable[[], None] | None = None
        self.write_wait_ms = WRITE_WAIT_MS

    @classmethod
    def open(cls, path: Path) -> Store:
        conn, created = connect(path)
        conn.row_factory = sqlite3.Row
        return cls(conn, path, created)

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def page_cache(self, kib: int) -> Iterator[None]:
        """Another size of page cache while something is done, at a bounded cost in memory: a
        bigger one while a bundle is written (the log's pages a batch touches stay in memory
        for the next one instead of being written out and read back: the log is written a
        third faster on an office's whole notebook), a smaller one while a district's
        households are read one after another (the pages of each are read once)."""
        before = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        self.conn.execute(f"PRAGMA cache_size = -{int(kib)}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA cache_size = {int(before)}")

    # -- transactions ---------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One `BEGIN IMMEDIATE` transaction: every change in it lands, or none does."""
        if self.conn.in_transaction:
            yield
            return
        self._begin()
        self._clock = None  # another dyz may have written since: read the clock afresh
        self._last_issued = None
        try:
            yield
            if self._clock is not None and self._clock.latest:
                self._set_setting("clock", self._clock.latest)
            if self._last_issued is not None:
                self.raise_mark(self.device()[0], self._last_issued)
                # where this laptop's command ended, so that `dyz log` tells commands apart
                self.conn.execute(
                    "INSERT OR IGNORE INTO command_ends (hlc) VALUES (?)", (self._last_issued,)
                )
            self.conn.execute("COMMIT")
        except BaseException:
            # SQLite has already rolled back after some failures (a full disk): a second
            # ROLLBACK would hide the first error behind "no transaction is active"
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self._clock = None
            raise

    def _begin(self) -> None:
        """Start writing; when another dyz is writing, say so once and wait for it, up to
        `write_wait_ms`, rather than fail after SQLite's few seconds."""
        from danyuanzhang.store.faults import BUSY_TIMEOUT_MS

        try:
            for wait in (FIRST_WAIT_MS, self.write_wait_ms):
                self.conn.execute(f"PRAGMA busy_timeout = {wait}")
                try:
                    self.conn.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as error:
                    busy = str(getattr(error, "sqlite_errorname", "SQLITE_BUSY"))
                    if wait == self.write_wait_ms or not busy.startswith("SQLITE_BUSY"):
                        from danyuanzhang.store.faults import explained

                        raise explained(error, self.path, FIRST_WAIT_MS + wait) from None
                if self.on_wait is not None:
                    self.on_wait()
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    # -- settings and this device --------------------------------------------------------

    def setting(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _set_setting(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction():
            self._set_setting(key, value)

    def delete_setting(self, key: str) -> None:
        with self.transaction():
            self.conn.execute("DELETE FROM settings WHERE key = ?", (key,))

    def ensure_device(self, name: str) -> tuple[str, str, bool]:
        """This laptop's identity (id, name), created on first use; the bool says if new."""
        with self.transaction():
            device_id = self.setting("device_id")
            if device_id:
                stored = self.setting("device_name") or name
                return device_id, stored, False
            from datetime import datetime

            device_id = new_id()
            now = datetime.now().isoformat(timespec="seconds")
            self._set_setting("device_id", device_id)
            self._set_setting("device_name", name)
            self.conn.execute(
                "INSERT INTO devices (id, name, first_seen, last_seen) VALUES (?, ?, ?, ?)",
                (device_id, name, now, now),
            )
        self._device = (device_id, name)
        return device_id, name, True

    def rename_device(self, name: str) -> None:
        device_id = self.device()[0]
        with self.transaction():
            self._set_setting("device_name", name)
            self.conn.execute("UPDATE devices SET name = ? WHERE id = ?", (name, device_id))
        self._device = (device_id, name)

    def device(self) -> tuple[str, str]:
        if self._device is None:
            device_id, name = self.setting("device_id"), self.setting("device_name")
            if not device_id or not name:
                raise DyzError("no_device")
            self._device = (device_id, name)
        return self._device

    def author(self) -> str:
        """Who is making this command's changes: a name given for this command (`--by`), else
        the person of this laptop (`dyz init --name`), else the laptop's name."""
        return self.acting_as or self.setting(PERSON) or self.device()[1]

    def wall_ms(self) -> int:
        """This laptop's wall clock, in milliseconds (a test's, when it set one)."""
        from danyuanzhang.core import hlc

        return self.wall_clock() if self.wall_clock is not None else hlc.wall_now_ms()

    def now_iso(self) -> str:
        """Local time for people to read (bundle headers, when a peer was heard from)."""
        from danyuanzhang.core.hlc import local_time

        return local_time(self.wall_ms()).isoformat(timespec="seconds")

    def clock(self) -> Clock:
        if self._clock is None:
            from danyuanzhang.core.hlc import Clock

            self._clock = Clock(self.setting("clock"))
        return self._clock

    def _tick(self) -> str:
        stamp = self.clock().tick(self.device()[0], now_ms=self.wall_ms())
        self._last_issued = stamp
        return stamp

    def set_clock(self, stamp: str | None) -> None:
        """Put this laptop's clock back to `stamp` (None: as new); `dyz doctor --repair` only,
        for a clock that an earlier version let a bundle push into the future."""
        if stamp is None:
            self.conn.execute("DELETE FROM settings WHERE key = 'clock'")
        else:
            self._set_setting("clock", stamp)
        self._clock = None

    def stamp(self) -> str:
        """A new stamp of this laptop's clock for what is not a change (an admission)."""
        return self._tick()

    def observe(self, stamp: str) -> None:
        """Move this laptop's clock past a stamp seen in a bundle."""
        self.clock().observe(stamp)

    def raise_mark(self, device: str, hlc: str) -> None:
        """Record that every change of `device` up to `hlc` is here."""
        self.conn.execute(
            "INSERT INTO marks (device, hlc) VALUES (?, ?)"
            " ON CONFLICT (device) DO UPDATE SET hlc = max(hlc, excluded.hlc)",
            (device, hlc),
        )

    def marks(self) -> dict[str, str]:
        return {str(r[0]): str(r[1]) for r in self.conn.execute("SELECT device, hlc FROM marks")}

    # -- writing changes -------------------------------------------------------------------

    def put(self, entity: str, record: str, fields: dict[str, Any], new: bool = False) -> int:
        """Set fields of a record; returns how many changed. `new` skips looking up old values.

        A field already showing the same value writes nothing, so repeating a command (or an
        import) is harmless. A change names the changes it replaces (the field's heads over the
        record's whole class), which is how an edit made after seeing a conflict settles it
        everywhere. A record that stands for others takes the change.
        """
        from danyuanzhang.core.changes import encode
        from danyuanzhang.core.records import ENTITIES
        from danyuanzhang.store import derive

        if new:
            self.put_new([(entity, record, fields)])
            return len(fields)
        spec = ENTITIES[entity]
        for field_name in fields:
            self._check_field(spec, field_name)
        if self.is_erased(entity, record):
            raise DyzError("record_erased")
        fields = derive.without_erased_words(self.conn, entity, record, fields)
        author = self.author()
        group = derive.members(self.conn, record)
        record = group[0]
        states = derive.states_of(self.conn, entity, derive.changes_of(self.conn, group))
        written: list[Change] = []
        for field_name, value in fields.items():
            encoded = encode(value)
            state = states.get(field_name)
            parents: list[str] = []
            if state is not None:
                if not state.conflict and _alike(state.value, encoded, spec, field_name, self):
                    continue
                parents = [h.id for h in state.heads]
            change = self._make_change(author, entity, record, "set", field_name, encoded, parents)
            self._insert_change(change)
            written.append(change)
        if written:
            derive.refresh(self.conn, entity, {record: {c.field for c in written}})
        return len(written)

    def put_new(self, records: Sequence[tuple[str, str, dict[str, Any]]]) -> None:
        """Make many new records at once (entity, id, fields), such as a roll's flats and
        residents: their changes written and their rows derived together, as a bundle's are,
        not one by one. A record refers only to records of another entity before it, or
        already here."""
        import itertools

        # In runs: a district's roll of 200,000 residents makes 1.3 million changes, which held
        # at once took over a GB. Each entity's records in the order of their ids, so that the
        # runs fill the log (kept in record order) a stretch after another, as one sorted insert
        # would, not all over it every time.
        for _, alike in itertools.groupby(records, key=lambda made: made[0]):
            ordered = sorted(alike, key=lambda made: made[1])
            for start in range(0, len(ordered), _NEW_AT_ONCE):
                self._put_new_run(ordered[start : start + _NEW_AT_ONCE])

    def _put_new_run(self, records: Sequence[tuple[str, str, dict[str, Any]]]) -> None:
        from danyuanzhang.core.changes import Change, encode
        from danyuanzhang.core.merge import Incoming
        from danyuanzhang.core.records import ENTITIES
        from danyuanzhang.store import derive

        device, author = self.device()[0], self.author()
        wanted = [(e, r, f) for e, r, f in records if f]
        wanted = [(e, r, derive.without_erased_words(self.conn, e, r, f)) for e, r, f in wanted]
        for entity, field_name in {(e, name) for e, _, f in wanted for name in f}:
            self._check_field(ENTITIES[entity], field_name)
        stamps = iter(
            self.clock().ticks(device, sum(len(f) for _, _, f in wanted), now_ms=self.wall_ms())
        )
        made = Change.made_here(author)
        incoming = [
            Incoming(
                entity,
                record,
                [
                    made(next(stamps), entity, record, name, encode(value))
                    for name, value in fields.items()
                ],
            )
            for entity, record, fields in wanted
        ]
        if incoming:
            self._last_issued = incoming[-1].changes[-1].hlc
        # in the log's own order (record, field, id): a roll's random ids written in a run,
        # not scattered over the tree, take half the time
        from operator import itemgetter

        in_log_order = itemgetter(*(Change._fields.index(f) for f in ("record", "field", "id")))
        as_inserted = itemgetter(*(i for i, f in enumerate(Change._fields) if f != "device"))
        rows = sorted((c for item in incoming for c in item.changes), key=in_log_order)
        self.conn.executemany(_INSERT_CHANGE, map(as_inserted, rows))
        del rows
        derive.add_records(self.conn, incoming)

    def erase(self, entity: str, record: str) -> None:
        """Tombstone a record: its values go from the tables and from the history."""
        from danyuanzhang.store import derive

        change = self._make_change(self.author(), entity, record, "delete", "", None, [])
        self._insert_change(change)
        derive.erase(self.conn, entity, record)

    def _make_change(
        self,
        author: str,
        entity: str,
        record: str,
        op: str,
        field_name: str,
        value: str | None,
        parents: Sequence[str],
    ) -> Change:
        from danyuanzhang.core.changes import Change, encode

        hlc = self._tick()
        return Change.make(
            hlc, author, entity, record, op, field_name, value, encode(sorted(parents))
        )

    def _insert_change(self, change: Change) -> None:
        self.conn.execute(
            _INSERT_CHANGE,
            (
                change.id,
                change.hlc,
                change.author,
                change.entity,
                change.record,
                change.op,
                change.field,
                change.value,
                change.parents,
            ),
        )

    @staticmethod
    def _check_field(spec: Entity, field_name: str) -> None:
        from danyuanzhang.core.changes import FLAG_PREFIX

        if spec.field(field_name) is not None:
            return
        if spec.flag_table and field_name.startswith(FLAG_PREFIX):
            return
        raise ValueError(f"{spec.name} has no field {field_name}")

    def last_issued(self) -> str | None:
        """The last stamp this transaction has given a change so far (where it will end)."""
        return self._last_issued

    # the two questions dyz asks of the notebook on every command (is there anything to lose
    # without a backup? is this laptop's clock behind what it has heard?): methods, so that
    # asking them loads no module of their own
    def has_changes(self) -> bool:
        """Whether the log holds any change at all."""
        return self.conn.execute("SELECT 1 FROM changes LIMIT 1").fetchone() is not None

    def last_bundle_made(self) -> str | None:
        """When the newest bundle received here was made (ISO)."""
        row = self.conn.execute("SELECT max(last_bundle) FROM peers").fetchone()
        return None if row is None else row[0]

    def is_erased(self, entity: str, record: str) -> bool:
        return (
            self.conn.execute(
                "SELECT 1 FROM tombstones WHERE entity = ? AND record = ?", (entity, record)
            ).fetchone()
            is not None
        )

    def scrub(self) -> bool:
        """Push erased bytes out of the write-ahead log, so no copy of them remains on disk.
        Another dyz reading an older snapshot holds the log's frames: wait for it, up to
        `write_wait_ms`; whether it is done (if not, it is done at the next opening)."""
        from danyuanzhang.store.faults import BUSY_TIMEOUT_MS

        self.conn.execute(f"PRAGMA busy_timeout = {self.write_wait_ms}")
        try:
            busy = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if busy:
            self.set_setting(SCRUB_PENDING, "1")
        elif self.setting(SCRUB_PENDING) is not None:
            self.delete_setting(SCRUB_PENDING)
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return not busy

    # -- finding records by what people type -------------------------------------------------

    def resolve_prefix(self, table: str, prefix: str, not_found: str) -> str:
        """The one id in `table` that starts with `prefix` (like git's short hashes)."""
        cleaned = prefix.strip().lower()
        if not cleaned or not all(ch in "0123456789abcdef" for ch in cleaned):
            raise DyzError(not_found, id=prefix)
        rows = self.conn.execute(
            f"SELECT id FROM {table} WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
            (cleaned, cleaned + "g"),
        ).fetchall()
        entity = _entity_of_table(table) if not rows else None
        if entity is not None:
            # an id from before a merge: the record that now stands for it
            rows = self.conn.execute(
                "SELECT DISTINCT canonical FROM aliases"
                " WHERE record >= ? AND record < ? AND entity = ? ORDER BY canonical LIMIT 2",
                (cleaned, cleaned + "g", entity),
            ).fetchall()
        if not rows:
            raise DyzError(not_found, id=prefix)
        if len(rows) > 1:
            raise DyzError("ambiguous_id", id=prefix)
        return str(rows[0][0])


def _entity_of_table(table: str) -> str | None:
    from danyuanzhang.core.records import ENTITIES

    return next((spec.name for spec in ENTITIES.values() if spec.table == table), None)


def _alike(shown: str | None, wanted: str, spec: Entity, field_name: str, store: Store) -> bool:
    """Whether a field already shows this value (a household named by either of its copies)."""
    if shown == wanted:
        return True
    field = spec.field(field_name)
    if field is None or field.refers_to is None or shown is None:
        return False
    from danyuanzhang.core.changes import decode
    from danyuanzhang.store.derive import canonical_of

    a, b = str(decode(shown)), str(decode(wanted))
    canon = canonical_of(store.conn, [a, b])
    return canon[a] == canon[b]
