"""The schema's history. A database records its version in `PRAGMA user_version`.

Never edit a migration that has shipped: add the next one. `data/schema.sql` is what all of
them produce together, and a test keeps the two identical.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: device identity, the change log, the household registry
    """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL
);
CREATE TABLE changes (
    id TEXT PRIMARY KEY,
    hlc TEXT NOT NULL,
    device TEXT NOT NULL,
    author TEXT NOT NULL,
    entity TEXT NOT NULL,
    record TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('set', 'delete')),
    field TEXT,
    value TEXT,
    parents TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX changes_by_field ON changes (entity, record, field, hlc);
CREATE INDEX changes_by_hlc ON changes (hlc);
CREATE TABLE tombstones (
    entity TEXT NOT NULL,
    record TEXT NOT NULL,
    change_id TEXT NOT NULL,
    PRIMARY KEY (entity, record)
) WITHOUT ROWID;
CREATE TABLE households (
    id TEXT PRIMARY KEY,
    estate TEXT,
    building TEXT,
    unit TEXT,
    room TEXT,
    note TEXT
);
CREATE INDEX households_by_place ON households (estate, building, unit, room);
CREATE TABLE residents (
    id TEXT PRIMARY KEY,
    household_id TEXT REFERENCES households (id) DEFERRABLE INITIALLY DEFERRED,
    name TEXT,
    phone TEXT,
    born INTEGER,
    moved_in TEXT,
    moved_out TEXT
);
CREATE INDEX residents_by_household ON residents (household_id);
CREATE TABLE resident_flags (
    resident_id TEXT NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
    flag TEXT NOT NULL,
    PRIMARY KEY (resident_id, flag)
) WITHOUT ROWID;
CREATE INDEX resident_flags_by_flag ON resident_flags (flag);
""",
    # 2: the 三长一户 roster and flags that users add
    """
CREATE TABLE roster (
    id TEXT PRIMARY KEY,
    role TEXT,
    name TEXT,
    phone TEXT,
    estate TEXT,
    scope TEXT,
    buildings TEXT,
    duties TEXT,
    photo TEXT
);
CREATE INDEX roster_by_scope ON roster (estate, scope);
CREATE TABLE flag_kinds (
    id TEXT PRIMARY KEY,
    code TEXT,
    label_zh TEXT,
    label_en TEXT
);
""",
    # 3: sync between laptops. Leaner change-log indexes (a 100,000-change bundle must import
    # at YAML-parsing speed), what each device has been seen up to, peers, conflicts, and the
    # bundles already imported. Tombstones lose change_id: a resident erased with its
    # household has no delete change of its own, and the log already holds every delete.
    """
DROP INDEX changes_by_field;
DROP INDEX changes_by_hlc;
CREATE INDEX changes_by_record ON changes (record, field);
CREATE INDEX changes_by_device ON changes (device, hlc);
CREATE TABLE tombstones_v3 (
    entity TEXT NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (entity, record)
) WITHOUT ROWID;
INSERT INTO tombstones_v3 (entity, record) SELECT entity, record FROM tombstones;
DROP TABLE tombstones;
ALTER TABLE tombstones_v3 RENAME TO tombstones;
CREATE TABLE marks (
    device TEXT PRIMARY KEY,
    hlc TEXT NOT NULL
);
CREATE TABLE peers (
    device TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    seen TEXT NOT NULL,
    last_heard TEXT NOT NULL,
    last_bundle TEXT NOT NULL
);
CREATE TABLE conflicts (
    id TEXT PRIMARY KEY,
    entity TEXT NOT NULL,
    record TEXT NOT NULL,
    field TEXT NOT NULL
);
CREATE INDEX conflicts_by_record ON conflicts (record);
CREATE TABLE bundles (
    checksum TEXT PRIMARY KEY,
    sender TEXT NOT NULL,
    created TEXT NOT NULL,
    imported TEXT NOT NULL,
    changes INTEGER NOT NULL
);
""",
]

LATEST = len(MIGRATIONS)
