"""The only module that speaks SQL. Every write is a change appended to the log and applied to
the tables that commands read, in the same transaction.

>>> store = Store.open(Path("dyz.db"))
>>> with store.transaction():
...     store.put("household", new_id(), {"estate": "新芙蓉之都", "building": "2"})
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from danyuanzhang.errors import DyzError
from danyuanzhang.store.db import connect
from danyuanzhang.store.entities import ENTITIES, ERASED_WITH_HOUSEHOLD, FLAG_PREFIX, Entity

if TYPE_CHECKING:
    from danyuanzhang.hlc import Clock

ID_SHOWN = 8


# where new ids get their randomness; the property tests replay histories with a seeded one
random_bytes: Callable[[int], bytes] = os.urandom


def new_id() -> str:
    """A random (version 4) UUID as 32 hex digits; made by hand because `import uuid` costs
    more start-up than everything else the store needs."""
    raw = bytearray(random_bytes(16))
    raw[6] = (raw[6] & 0x0F) | 0x40
    raw[8] = (raw[8] & 0x3F) | 0x80
    return raw.hex()


class Change(NamedTuple):
    id: str
    hlc: str
    device: str
    author: str
    entity: str
    record: str
    op: str
    field: str  # "" for a delete
    value: str | None  # None for a delete
    parents: str

    @staticmethod
    def content_id(
        hlc: str,
        device: str,
        author: str,
        entity: str,
        record: str,
        op: str,
        field: str,
        value: str | None,
        parents: str,
    ) -> str:
        """The first 32 hex digits of SHA-256 over the fields joined by NUL (which no field may
        hold); `field` and `value` are empty for a delete. docs/bundle-format.md gives it too."""
        from danyuanzhang.digest import sha256

        body = "\x00".join((hlc, device, author, entity, record, op, field, value or "", parents))
        return str(sha256(body.encode("utf-8")).hexdigest()[:32])


def heads_of(changes: Sequence[Any]) -> list[Any]:
    """Changes of one field (rows or mappings with id, parents) that no other change of it
    names as a parent."""
    import json

    replaced = {parent for c in changes for parent in json.loads(c["parents"])}
    return [c for c in changes if c["id"] not in replaced]


SQL_CHUNK = 500  # ids per `IN (...)`: well under SQLite's limit on bound parameters


def in_chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    """Ids in slices small enough for one `IN (?, ?, ...)` each."""
    for start in range(0, len(items), SQL_CHUNK):
        yield items[start : start + SQL_CHUNK]


def stored_bool(value: Any) -> bool | None:
    """A yes/no field as read back from its table, where SQLite keeps it as the text "1"/"0"."""
    if value is None:
        return None
    return str(value) in ("1", "true", "True")


def encode(value: Any) -> str:
    """A value as canonical JSON text, as stored and as hashed into a change's id."""
    if type(value) is str and value.isprintable() and '"' not in value and "\\" not in value:
        return f'"{value}"'  # what json.dumps gives, without its cost on a 100,000-change import
    import json

    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class Store:
    def __init__(self, conn: sqlite3.Connection, path: Path, created: bool) -> None:
        self.conn = conn
        self.path = path
        self.created = created
        self._clock: Clock | None = None  # made on the first write
        self._device: tuple[str, str] | None = None
        self._last_issued: str | None = None
        # Tests run laptops whose wall clocks are frozen or a year off; None is the real clock.
        self.wall_clock: Callable[[], int] | None = None

    @classmethod
    def open(cls, path: Path) -> Store:
        conn, created = connect(path)
        conn.row_factory = sqlite3.Row
        return cls(conn, path, created)

    def close(self) -> None:
        self.conn.close()

    # -- transactions ---------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One `BEGIN IMMEDIATE` transaction: every change in it lands, or none does."""
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._clock = None  # another dyz may have written since: read the clock afresh
        self._last_issued = None
        try:
            yield
            if self._clock is not None and self._clock.latest:
                self._set_setting("clock", self._clock.latest)
            if self._last_issued is not None:
                self.raise_mark(self.device()[0], self._last_issued)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            self._clock = None
            raise

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

    def now_iso(self) -> str:
        """Local time for people to read (bundle headers, when a peer was heard from)."""
        from datetime import datetime

        if self.wall_clock is not None:
            return datetime.fromtimestamp(self.wall_clock() / 1000).isoformat(timespec="seconds")
        return datetime.now().isoformat(timespec="seconds")

    def clock(self) -> Clock:
        if self._clock is None:
            from danyuanzhang.hlc import Clock

            self._clock = Clock(self.setting("clock"))
        return self._clock

    def _tick(self) -> str:
        now = self.wall_clock() if self.wall_clock is not None else None
        stamp = self.clock().tick(self.device()[0], now_ms=now)
        self._last_issued = stamp
        return stamp

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

        A field already holding the same value writes nothing, so repeating a command (or an
        import) is harmless. A change names the changes it replaces (the field's current heads),
        which is how an edit made after seeing a conflict settles it everywhere.
        """
        spec = ENTITIES[entity]
        written = 0
        device, author = self.device()
        if not new and self.is_erased(entity, record):
            raise DyzError("record_erased")
        for field_name, value in fields.items():
            self._check_field(spec, field_name)
            encoded = encode(value)
            parents: list[str] = []
            if not new:
                heads = self.heads(entity, record, field_name)
                if len(heads) == 1 and heads[0]["value"] == encoded:
                    continue
                parents = [h["id"] for h in heads]
            change = self._make_change(
                device, author, entity, record, "set", field_name, encoded, parents
            )
            self._insert_change(change)
            self._apply_set(spec, change)
            if len(parents) > 1:
                self.conn.execute(
                    "DELETE FROM conflicts WHERE record = ? AND field = ?", (record, field_name)
                )
            written += 1
        return written

    def erase(self, entity: str, record: str) -> None:
        """Tombstone a record: its personal fields go from the tables and from the history."""
        device, author = self.device()
        change = self._make_change(device, author, entity, record, "delete", "", None, [])
        self._insert_change(change)
        self._apply_delete(ENTITIES[entity], change)

    def _make_change(
        self,
        device: str,
        author: str,
        entity: str,
        record: str,
        op: str,
        field_name: str,
        value: str | None,
        parents: Sequence[str],
    ) -> Change:
        hlc = self._tick()
        parents_text = encode(sorted(parents))
        change_id = Change.content_id(
            hlc, device, author, entity, record, op, field_name, value, parents_text
        )
        return Change(
            change_id, hlc, device, author, entity, record, op, field_name, value, parents_text
        )

    def _insert_change(self, change: Change) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO changes"
            " (id, hlc, author, entity, record, op, field, value, parents)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
        if field_name in spec.columns:
            return
        if spec.flag_table and field_name.startswith(FLAG_PREFIX):
            return
        raise ValueError(f"{spec.name} has no field {field_name}")

    def field_changes(self, entity: str, record: str, field_name: str) -> list[sqlite3.Row]:
        """Every change ever made to one field, latest first."""
        return self.conn.execute(
            "SELECT * FROM changes WHERE record = ? AND field = ? AND entity = ? AND op = 'set'"
            " ORDER BY hlc DESC, id DESC",
            (record, field_name, entity),
        ).fetchall()

    def heads(self, entity: str, record: str, field_name: str) -> list[Any]:
        """The field's changes that no later change replaced: one, or several in a conflict."""
        return heads_of(self.field_changes(entity, record, field_name))

    def is_erased(self, entity: str, record: str) -> bool:
        return (
            self.conn.execute(
                "SELECT 1 FROM tombstones WHERE entity = ? AND record = ?", (entity, record)
            ).fetchone()
            is not None
        )

    # -- deriving the tables from changes ---------------------------------------------------

    def _apply_set(self, spec: Entity, change: Change) -> None:
        """Make the tables show this change's value, if it is the latest for its field."""
        import json

        assert change.value is not None
        value = json.loads(change.value)
        if spec.flag_table and change.field.startswith(FLAG_PREFIX):
            self._ensure_row(spec, change.record)
            flag = change.field[len(FLAG_PREFIX) :]
            if value:
                self.conn.execute(
                    f"INSERT OR IGNORE INTO {spec.flag_table} VALUES (?, ?)", (change.record, flag)
                )
            else:
                self.conn.execute(
                    f"DELETE FROM {spec.flag_table} WHERE resident_id = ? AND flag = ?",
                    (change.record, flag),
                )
            return
        column = spec.columns[change.field]
        self.conn.execute(
            f"INSERT INTO {spec.table} (id, {column}) VALUES (?, ?)"
            f" ON CONFLICT (id) DO UPDATE SET {column} = excluded.{column}",
            (change.record, value),
        )

    def _ensure_row(self, spec: Entity, record: str) -> None:
        self.conn.execute(f"INSERT OR IGNORE INTO {spec.table} (id) VALUES (?)", (record,))

    def _apply_delete(self, spec: Entity, change: Change) -> None:
        self.erase_derived(spec.name, change.record)

    def erase_derived(self, entity: str, record: str) -> None:
        """Forget a record for good: tombstone it and purge its values."""
        self.conn.execute(
            "INSERT OR IGNORE INTO tombstones (entity, record) VALUES (?, ?)", (entity, record)
        )
        self.purge(entity, record)

    def purge(self, entity: str, record: str) -> None:
        """Remove a record's values from the log and the tables. A household takes its
        residents and visits with it; they get no tombstone of their own, because a laptop that
        never heard of them could not make the same one: every bundle that carries a resident or
        a visit also carries its household, so a copy arriving later is recognised and dropped."""
        spec = ENTITIES[entity]
        self.conn.execute(
            "DELETE FROM changes WHERE record = ? AND entity = ? AND op = 'set'", (record, entity)
        )
        self.conn.execute("DELETE FROM conflicts WHERE record = ?", (record,))
        if entity == "household":
            for belonging in ERASED_WITH_HOUSEHOLD:
                rows = self.conn.execute(
                    f"SELECT id FROM {ENTITIES[belonging].table} WHERE household_id = ?",
                    (record,),
                ).fetchall()
                for row in rows:
                    self.purge(belonging, row[0])
        if spec.flag_table:
            self.conn.execute(f"DELETE FROM {spec.flag_table} WHERE resident_id = ?", (record,))
        self.conn.execute(f"DELETE FROM {spec.table} WHERE id = ?", (record,))

    def scrub(self) -> None:
        """Push erased bytes out of the write-ahead log, so no copy of them remains on disk."""
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

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
        if not rows:
            raise DyzError(not_found, id=prefix)
        if len(rows) > 1:
            raise DyzError("ambiguous_id", id=prefix)
        return str(rows[0][0])
