-- dyz database schema, version 2 (PRAGMA user_version = 2).
--
-- This is what src/danyuanzhang/store/migrations.py builds, in one page; a test keeps the
-- two identical. The change log (`changes`) is the truth: every other table except
-- `settings` and `devices` is derived from it in the same transaction.
--
-- changes.hlc: hybrid logical clock stamp "WALL_MS(15)-COUNTER(10)-DEVICE", ordered as text.
-- changes.id: the first 32 hex digits of sha256 over the change's content.
-- changes.value: the field's new value as JSON; `flag.<code>` fields set resident flags.
-- tombstones: records erased for good; their `set` changes are purged from `changes`.

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
