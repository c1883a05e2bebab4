"""The schema's history. A database records its version in `PRAGMA user_version`.

Never edit a migration that has shipped: add the next one. `data/schema.sql` is what all of
them produce together, and a test keeps the two identical.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

# 1: device identity, the change log, the household registry
V1 = """
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
"""

# 2: the 三长一户 roster and flags that users add
V2 = """
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
"""

# 3: sync between laptops. The change log becomes one B-tree clustered by record, with no
# secondary index (a 100,000-change bundle must import at YAML-parsing speed; an export
# reads the whole log instead) and the device read off the stamp rather than stored twice;
# what each device has been seen up to, peers, conflicts, and the
# bundles already imported. Tombstones lose change_id: a resident erased with its
# household has no delete change of its own, and the log already holds every delete.
V3 = """
CREATE TABLE changes_v3 (
    record TEXT NOT NULL,
    field TEXT NOT NULL,
    id TEXT NOT NULL,
    hlc TEXT NOT NULL,
    device TEXT GENERATED ALWAYS AS (substr(hlc, 28)) VIRTUAL,
    author TEXT NOT NULL,
    entity TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('set', 'delete')),
    value TEXT,
    parents TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (record, field, id)
) WITHOUT ROWID;
INSERT INTO changes_v3 (record, field, id, hlc, author, entity, op, value, parents)
    SELECT record, coalesce(field, ''), id, hlc, author, entity, op, value, parents
    FROM changes;
DROP TABLE changes;
ALTER TABLE changes_v3 RENAME TO changes;
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
"""


# 4: patrols and petitions. A hazard and the steps taken on it (notified, rectified, verified,
# reopened); a petition and its steps (resolved, escalated, …) and links between petitions of
# several households on one matter. Each step its own record, so laptops never conflict.
V4 = """
CREATE TABLE hazards (
    id TEXT PRIMARY KEY,
    kind TEXT,
    estate TEXT,
    building TEXT,
    unit TEXT,
    place TEXT,
    household_id TEXT,
    severity TEXT,
    found_on TEXT,
    due TEXT,
    note TEXT,
    photo TEXT
);
CREATE INDEX hazards_by_place ON hazards (estate, building, unit, kind);
CREATE TABLE hazard_events (
    id TEXT PRIMARY KEY,
    hazard_id TEXT,
    step TEXT,
    on_date TEXT,
    due TEXT,
    note TEXT
);
CREATE INDEX hazard_events_by_hazard ON hazard_events (hazard_id);
CREATE TABLE hazard_kinds (
    id TEXT PRIMARY KEY,
    code TEXT,
    label_zh TEXT,
    label_en TEXT
);
CREATE TABLE petitions (
    id TEXT PRIMARY KEY,
    household_id TEXT,
    estate TEXT,
    building TEXT,
    unit TEXT,
    category TEXT,
    text TEXT,
    raised_on TEXT
);
CREATE INDEX petitions_by_place ON petitions (estate, building, unit);
CREATE TABLE petition_events (
    id TEXT PRIMARY KEY,
    petition_id TEXT,
    step TEXT,
    on_date TEXT,
    escalated_to TEXT,
    proposal_id TEXT,
    confirmed TEXT,
    note TEXT
);
CREATE INDEX petition_events_by_petition ON petition_events (petition_id);
CREATE TABLE petition_links (
    id TEXT PRIMARY KEY,
    petition_id TEXT,
    other_id TEXT
);
CREATE INDEX petition_links_by_petition ON petition_links (petition_id);
CREATE INDEX petition_links_by_other ON petition_links (other_id);
CREATE TABLE proposals (
    id TEXT PRIMARY KEY,
    estate TEXT,
    text TEXT,
    proposed_on TEXT,
    decision TEXT,
    decided_on TEXT,
    decision_note TEXT
);
"""

# 5: door-knocking visits, and the visit a need or a hazard was raised in
V5 = """
CREATE TABLE visits (
    id TEXT PRIMARY KEY,
    household_id TEXT,
    estate TEXT,
    building TEXT,
    unit TEXT,
    on_date TEXT,
    kind TEXT,
    outcome TEXT,
    visitor TEXT,
    introduced TEXT,
    anti_fraud_app TEXT,
    briefed TEXT,
    wellbeing TEXT,
    note TEXT
);
CREATE INDEX visits_by_household ON visits (household_id, outcome, on_date);
CREATE INDEX visits_by_date ON visits (estate, on_date);
CREATE INDEX visits_by_place ON visits (estate, building, unit, on_date);
ALTER TABLE hazards ADD COLUMN visit_id TEXT;
ALTER TABLE petitions ADD COLUMN visit_id TEXT;
"""


def _derived_days(name: str, parent: str, events: str, key: str, columns: str) -> str:
    """Keep `parent`'s day columns, computed from its steps by `columns` (a SET list where
    `{id}` stands for the parent's id), up to date after any change to either table."""
    on_steps = columns.format(id=f"{parent}.id")
    return f"""
UPDATE {parent} SET {on_steps};
CREATE TRIGGER {name}_insert AFTER INSERT ON {events} BEGIN
    UPDATE {parent} SET {on_steps} WHERE id = NEW.{key};
END;
CREATE TRIGGER {name}_update AFTER UPDATE ON {events} BEGIN
    UPDATE {parent} SET {on_steps} WHERE id IN (NEW.{key}, OLD.{key});
END;
CREATE TRIGGER {name}_delete AFTER DELETE ON {events} BEGIN
    UPDATE {parent} SET {on_steps} WHERE id = OLD.{key};
END;
CREATE TRIGGER {name}_new AFTER INSERT ON {parent} BEGIN
    UPDATE {parent} SET {columns.format(id="NEW.id")} WHERE id = NEW.id;
END;
"""


# 6: the weekly report reads a week of needs and hazards by the day they were raised or found,
# and finds what is still open through the day each was settled or verified, which triggers
# keep up to date from the steps however they arrive (a command, an import, an erasure)
V6 = (
    """
ALTER TABLE petitions ADD COLUMN settled_on TEXT;
ALTER TABLE hazards ADD COLUMN verified_on TEXT;
ALTER TABLE hazards ADD COLUMN reopened_on TEXT;
CREATE INDEX petitions_by_settled ON petitions (estate, settled_on);
CREATE INDEX hazards_by_verified ON hazards (estate, verified_on);
CREATE INDEX hazards_reopened ON hazards (estate) WHERE reopened_on IS NOT NULL;
"""
    + _derived_days(
        "petition_settled_on",
        "petitions",
        "petition_events",
        "petition_id",
        "settled_on = (SELECT min(e.on_date) FROM petition_events e WHERE e.petition_id = {id}"
        " AND e.step IN ('resolved', 'done', 'closed', 'declined'))",
    )
    + _derived_days(
        "hazard_verified_on",
        "hazards",
        "hazard_events",
        "hazard_id",
        "verified_on = (SELECT max(e.on_date) FROM hazard_events e WHERE e.hazard_id = {id}"
        " AND e.step = 'verified'), reopened_on = (SELECT max(e.on_date) FROM hazard_events e"
        " WHERE e.hazard_id = {id} AND e.step = 'reopened')",
    )
    + """
CREATE INDEX petitions_by_raised ON petitions (estate, raised_on);
CREATE INDEX hazards_by_found ON hazards (estate, found_on);
CREATE INDEX petition_events_by_day ON petition_events (on_date, petition_id, step);
CREATE INDEX hazard_events_by_day ON hazard_events (on_date, hazard_id, step);
CREATE INDEX visits_app_answers ON visits (household_id, on_date) WHERE anti_fraud_app IS NOT NULL;
CREATE INDEX visits_briefings ON visits (household_id, on_date) WHERE briefed = '1';
CREATE INDEX visits_needing_help ON visits (household_id) WHERE wellbeing = 'needs_help';
"""
)


def _rehash_changes(conn: sqlite3.Connection) -> None:
    """Schema 3 defines a change's id as SHA-256 over its fields joined by NUL (schema 1-2 used
    a JSON list): re-derive every id, and the parents that name them, oldest first."""
    import hashlib
    import json

    renamed: dict[str, str] = {}
    rows = conn.execute(
        "SELECT record, field, id, hlc, device, author, entity, op, value, parents FROM changes"
        " ORDER BY hlc, id"
    ).fetchall()
    for record, field, old_id, hlc, device, author, entity, op, value, parents in rows:
        new_parents = json.dumps(
            sorted(renamed.get(p, p) for p in json.loads(parents)), separators=(",", ":")
        )
        body = "\x00".join(
            (hlc, device, author, entity, record, op, field, value or "", new_parents)
        )
        new_id = hashlib.sha256(body.encode("utf-8")).hexdigest()[:32]
        renamed[old_id] = new_id
        conn.execute(
            "UPDATE changes SET id = ?, parents = ? WHERE record = ? AND field = ? AND id = ?",
            (new_id, new_parents, record, field, old_id),
        )


# 7: one notebook on many laptops.
# - Identity: the natural key of each household, resident and roster entry (its first values:
#   merge.natural_key), the records that stand for others (`aliases`: every other record of
#   the class), the merges people decided (`merges`, the table of the `merge` record type),
#   and for records naming a household the household they name as written (`record_refs`), so
#   that a class can change without losing what pointed at which record.
# - Exports: the log by device and stamp, so that a delta reads what it sends and not the
#   whole log; what each peer is known to hold, per scope (`knowledge`), learned from its own
#   bundles and from its acknowledgements of ours (`exports` remembers what each of ours
#   held); each peer's remembered scope, the last bundle we imported from it, and the last of
#   its bundles that one of ours acknowledged.
V7 = """
CREATE INDEX changes_by_device ON changes (device, hlc);
CREATE TABLE record_keys (
    record TEXT PRIMARY KEY,
    entity TEXT NOT NULL,
    key TEXT,
    born TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX record_keys_by_key ON record_keys (entity, key);
CREATE TABLE aliases (
    record TEXT PRIMARY KEY,
    entity TEXT NOT NULL,
    canonical TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX aliases_by_canonical ON aliases (canonical);
CREATE TABLE merges (
    id TEXT PRIMARY KEY,
    entity TEXT,
    keep TEXT,
    other TEXT
);
CREATE INDEX merges_by_keep ON merges (keep);
CREATE INDEX merges_by_other ON merges (other);
CREATE TABLE record_refs (
    record TEXT PRIMARY KEY,
    entity TEXT NOT NULL,
    target TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX record_refs_by_target ON record_refs (target);
CREATE TABLE knowledge (
    peer TEXT NOT NULL,
    scope TEXT NOT NULL,
    device TEXT NOT NULL,
    hlc TEXT NOT NULL,
    PRIMARY KEY (peer, scope, device)
) WITHOUT ROWID;
INSERT INTO knowledge (peer, scope, device, hlc)
    SELECT p.device, '', j.key, j.value FROM peers p, json_each(p.seen) j;
CREATE TABLE exports (
    bundle TEXT PRIMARY KEY,
    peer TEXT,
    scope TEXT NOT NULL,
    upto TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE INDEX exports_by_peer ON exports (peer, created);
ALTER TABLE peers DROP COLUMN seen;
ALTER TABLE peers ADD COLUMN scope TEXT;
ALTER TABLE peers ADD COLUMN received TEXT;
ALTER TABLE peers ADD COLUMN acked TEXT;
"""


# the keys of the laptops heard from, pinned the first time each is seen (keys.py)
V8 = """
CREATE TABLE device_keys (
    device TEXT PRIMARY KEY,
    key TEXT NOT NULL,
    first_seen TEXT NOT NULL
);
"""


# the laptops the community's office has admitted (sync/members.py): on the office the list it
# keeps, on every other laptop the copy of the office's signed list last received; and, on the
# office, the laptops that asked to join with their first bundle; and, per peer, which of the
# office's lists it holds (so the list, 200 bytes a laptop, travels only to a peer without it)
V9 = """
CREATE TABLE members (
    device TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    admitted TEXT NOT NULL,
    revoked TEXT NOT NULL
);
CREATE TABLE join_requests (
    device TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    asked TEXT NOT NULL
);
ALTER TABLE peers ADD COLUMN office_list TEXT;
"""

# the spans of changes each laptop signed (store/spans.py), with what is known of each: ids at
# positions (4 + 16 bytes each) and roots of subtrees (4 + 4 + 16 bytes each)
V10 = """
CREATE TABLE spans (
    device TEXT NOT NULL,
    first TEXT NOT NULL,
    last TEXT NOT NULL,
    count INTEGER NOT NULL,
    root TEXT NOT NULL,
    signs_after TEXT NOT NULL,
    signature TEXT NOT NULL,
    leaves BLOB NOT NULL,
    nodes BLOB NOT NULL,
    checked INTEGER NOT NULL DEFAULT 0, -- 1: its signature was checked with its laptop's key
    PRIMARY KEY (device, first)
) WITHOUT ROWID;
"""


# 11: patrols (防火巡查): each walk through a unit or a building with its checklist, found
# problems or not, and the hazards each found
V11 = """
CREATE TABLE patrols (
    id TEXT PRIMARY KEY,
    estate TEXT,
    building TEXT,
    unit TEXT,
    on_date TEXT,
    at_time TEXT,
    patroller TEXT,
    passage TEXT,
    lighting TEXT,
    extinguisher TEXT,
    ebike TEXT,
    combustibles TEXT,
    note TEXT
);
CREATE INDEX patrols_by_place ON patrols (estate, building, unit, on_date);
ALTER TABLE hazards ADD COLUMN patrol_id TEXT;
CREATE INDEX hazards_by_patrol ON hazards (patrol_id) WHERE patrol_id IS NOT NULL;
"""


# 12: a hazard's rectification notice (整改通知书) keeps the number and day it was issued
# under, as a letter an office sends does: printed again, it is the same notice
V12 = """
ALTER TABLE hazards ADD COLUMN notice_no TEXT;
ALTER TABLE hazards ADD COLUMN notice_on TEXT;
"""


def _withdrawn(entity: str, row: str) -> str:
    return (
        f"(SELECT min(e.on_date) FROM {entity}_events e"
        f" WHERE e.{entity}_id = {row}.{entity}_id AND e.step = 'withdrawn')"
    )


# 13: a petition or a hazard entered by mistake is withdrawn (a step, with its reason): it
# leaves every list and count and stays in the history; the day is kept beside the record, by
# triggers from its steps as the settled and verified days are, so lists filter it in SQL.
# And the last stamp of each of this laptop's commands, local, so `dyz log` tells them apart
V13 = """
ALTER TABLE petitions ADD COLUMN withdrawn_on TEXT;
ALTER TABLE hazards ADD COLUMN withdrawn_on TEXT;
CREATE TABLE command_ends (hlc TEXT PRIMARY KEY) WITHOUT ROWID;
""" + "".join(
    f"""
CREATE TRIGGER {entity}_withdrawn_on_insert AFTER INSERT ON {entity}_events
WHEN NEW.step = 'withdrawn' BEGIN
    UPDATE {entity}s SET withdrawn_on = {_withdrawn(entity, "NEW")} WHERE id = NEW.{entity}_id;
END;
CREATE TRIGGER {entity}_withdrawn_on_update AFTER UPDATE ON {entity}_events
WHEN NEW.step = 'withdrawn' OR OLD.step = 'withdrawn' BEGIN
    UPDATE {entity}s SET withdrawn_on = {_withdrawn(entity, "NEW")} WHERE id = NEW.{entity}_id;
    UPDATE {entity}s SET withdrawn_on = {_withdrawn(entity, "OLD")} WHERE id = OLD.{entity}_id;
END;
CREATE TRIGGER {entity}_withdrawn_on_delete AFTER DELETE ON {entity}_events
WHEN OLD.step = 'withdrawn' BEGIN
    UPDATE {entity}s SET withdrawn_on = {_withdrawn(entity, "OLD")} WHERE id = OLD.{entity}_id;
END;
CREATE TRIGGER {entity}_withdrawn_on_new AFTER INSERT ON {entity}s BEGIN
    UPDATE {entity}s SET withdrawn_on = (SELECT min(e.on_date) FROM {entity}_events e
        WHERE e.{entity}_id = NEW.id AND e.step = 'withdrawn') WHERE id = NEW.id;
END;
"""
    for entity in ("petition", "hazard")
)


# the volunteer team: the services it offers, its people, and what they did for whom
V14 = """
CREATE TABLE service_kinds (
    id TEXT PRIMARY KEY,
    code TEXT,
    label_zh TEXT,
    label_en TEXT
);
CREATE TABLE volunteers (
    id TEXT PRIMARY KEY,
    name TEXT,
    phone TEXT,
    household_id TEXT,
    estate TEXT,
    building TEXT,
    unit TEXT,
    services TEXT,
    available TEXT,
    note TEXT
);
CREATE INDEX volunteers_by_place ON volunteers (estate, building, unit);
CREATE TABLE services (
    id TEXT PRIMARY KEY,
    volunteer_id TEXT,
    household_id TEXT,
    estate TEXT,
    building TEXT,
    unit TEXT,
    kind TEXT,
    on_date TEXT,
    hours TEXT,
    petition_id TEXT,
    note TEXT
);
CREATE INDEX services_by_date ON services (estate, on_date);
CREATE INDEX services_by_volunteer ON services (volunteer_id, on_date);
ALTER TABLE petition_events ADD COLUMN volunteer_id TEXT;
ALTER TABLE petitions ADD COLUMN dispute TEXT;
ALTER TABLE petitions ADD COLUMN parties TEXT;
ALTER TABLE petitions ADD COLUMN mediator TEXT;
CREATE TABLE mediation_steps (
    id TEXT PRIMARY KEY,
    petition_id TEXT,
    step TEXT,
    on_date TEXT,
    party TEXT,
    referred_to TEXT,
    note TEXT
);
CREATE INDEX mediation_steps_by_petition ON mediation_steps (petition_id);
"""

# 15: who was met at the door (the residents of a visit), what a hazard's notice requires,
# and the council's agenda as every laptop sees it
V15 = """
ALTER TABLE visits ADD COLUMN met TEXT;
ALTER TABLE hazards ADD COLUMN requirement TEXT;
ALTER TABLE petition_events ADD COLUMN satisfaction TEXT;
ALTER TABLE petitions ADD COLUMN case_no TEXT;
ALTER TABLE petitions ADD COLUMN agreement_no TEXT;
ALTER TABLE petitions ADD COLUMN case_source TEXT;
ALTER TABLE proposals ADD COLUMN place TEXT;
ALTER TABLE proposals ADD COLUMN host TEXT;
ALTER TABLE proposals ADD COLUMN recorder TEXT;
ALTER TABLE proposals ADD COLUMN expected INTEGER;
ALTER TABLE proposals ADD COLUMN present INTEGER;
ALTER TABLE proposals ADD COLUMN votes_for INTEGER;
ALTER TABLE proposals ADD COLUMN votes_against INTEGER;
ALTER TABLE proposals ADD COLUMN votes_abstain INTEGER;
CREATE TABLE council_items (
    id TEXT PRIMARY KEY,
    petition_id TEXT,
    matter_id TEXT,
    household_key TEXT,
    estate TEXT,
    building TEXT,
    unit TEXT,
    category TEXT,
    raised_on TEXT,
    escalated_on TEXT,
    settled_on TEXT
);
CREATE INDEX council_items_open ON council_items (estate, settled_on, petition_id);
"""

# 16: erasures held for a person to read (sync/erasures.py). Another laptop's
# erasures of households beyond what it may erase unseen in a window stay out of the log, with
# the bundle they came in, until accepted; the erasures taken unseen, to count the window; and,
# per laptop with a change held, the mark it would have were the held changes in the log
V16 = """
CREATE TABLE erasures_held (
    id TEXT PRIMARY KEY,
    hlc TEXT NOT NULL,
    author TEXT NOT NULL,
    entity TEXT NOT NULL,
    record TEXT NOT NULL,
    op TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT,
    parents TEXT NOT NULL,
    household TEXT NOT NULL,
    erased_by TEXT NOT NULL,
    flat TEXT NOT NULL,
    bundle TEXT NOT NULL,
    path TEXT NOT NULL,
    held_at TEXT NOT NULL
);
CREATE TABLE erasures_taken (
    device TEXT NOT NULL,
    record TEXT NOT NULL,
    taken_ms INTEGER NOT NULL,
    PRIMARY KEY (device, record)
) WITHOUT ROWID;
CREATE TABLE erasure_marks (
    device TEXT PRIMARY KEY,
    hlc TEXT NOT NULL
);
"""

# 17: the care policy's: a resident's emergency contact and risk level, what a visit checked
# (the residents' columns by `_resident_columns`)
V17 = """
ALTER TABLE visits ADD COLUMN health TEXT;
ALTER TABLE visits ADD COLUMN mind TEXT;
ALTER TABLE visits ADD COLUMN home_safety TEXT;
ALTER TABLE visits ADD COLUMN support TEXT;
ALTER TABLE visits ADD COLUMN referral TEXT;
CREATE INDEX residents_at_risk ON residents (household_id) WHERE risk IS NOT NULL;
"""

# 18: when the office revoked each laptop it revoked (its stamp), beside the last change of
# that laptop it accepted: the refusal of a revoked laptop's bundle says the day
V18 = """
ALTER TABLE members ADD COLUMN revoked_on TEXT NOT NULL DEFAULT '';
"""


# 20: the device index keeps what its queries need (issue 37): each change's laptop and its
# stamp's wall time and counter as numbers, which order a laptop's changes as their stamps do.
# The stamp's text (59 characters, ending with the laptop again) took half the index's room.
V20 = """
DROP INDEX changes_by_device;
CREATE INDEX changes_by_device ON changes
    (device, CAST(substr(hlc, 1, 15) AS INTEGER), CAST(substr(hlc, 17, 10) AS INTEGER));
"""

# 20 also: what `today` and the weekly report wait on, found through days kept beside each need
# (as settled_on is) rather than in every step the needs and disputes ever took: a need done and
# not yet closed, a dispute decided (result_on) in or after the week shown, and one agreed whose
# follow-up visit is still to make
WAITING_DAYS = ("done_on", "closed_on", "decided_on", "mediated_on", "followed_up_on")
# IF NOT EXISTS: a notebook set back to an older version and opened again has them already
V20_WAITING = (
    (
        _derived_days(
            "petition_closed_on",
            "petitions",
            "petition_events",
            "petition_id",
            "done_on = (SELECT min(e.on_date) FROM petition_events e WHERE e.petition_id = {id}"
            " AND e.step = 'done'), closed_on = (SELECT min(e.on_date) FROM petition_events e"
            " WHERE e.petition_id = {id} AND e.step = 'closed')",
        )
        + _derived_days(
            "petition_mediated_on",
            "petitions",
            "mediation_steps",
            "petition_id",
            "decided_on = (SELECT max(m.on_date) FROM mediation_steps m WHERE m.petition_id = {id}"
            " AND m.step IN ('agreed', 'not_agreed', 'referred')),"
            " mediated_on = (SELECT max(m.on_date) FROM mediation_steps m"
            " WHERE m.petition_id = {id} AND m.step = 'agreed'),"
            " followed_up_on = (SELECT max(m.on_date) FROM mediation_steps m"
            " WHERE m.petition_id = {id} AND m.step = 'followed_up')",
        )
    ).replace("CREATE TRIGGER ", "CREATE TRIGGER IF NOT EXISTS ")
    + """
CREATE INDEX IF NOT EXISTS petitions_done_not_closed ON petitions (estate, building, unit)
    WHERE done_on IS NOT NULL AND closed_on IS NULL;
CREATE INDEX IF NOT EXISTS petitions_disputes_by_decided ON petitions (estate, decided_on)
    WHERE category = 'mediation' AND withdrawn_on IS NULL;
CREATE INDEX IF NOT EXISTS petitions_to_follow_up ON petitions (raised_on, id)
    WHERE mediated_on > coalesce(followed_up_on, '');
"""
)


def _waiting_columns(conn: sqlite3.Connection) -> None:
    """The days of 20 that tell what waits on a need, each added once (see V20_WAITING)."""
    present = {row[1] for row in conn.execute("PRAGMA table_info(petitions)")}
    for column in WAITING_DAYS:
        if column not in present:
            conn.execute(f"ALTER TABLE petitions ADD COLUMN {column} TEXT")


def _resident_note(conn: sqlite3.Connection) -> None:
    """A resident's own note (15): what a roll's 备注 says beyond the flags. Added by the step
    of 7 already, which derives residents as today's code does."""
    if "note" not in {row[1] for row in conn.execute("PRAGMA table_info(residents)")}:
        conn.execute("ALTER TABLE residents ADD COLUMN note TEXT")


def _resident_columns(conn: sqlite3.Connection) -> None:
    """A resident's emergency contact and risk level (17). Added by the step of 7 already,
    which derives residents as today's code does."""
    _resident_note(conn)
    present = {row[1] for row in conn.execute("PRAGMA table_info(residents)")}
    for column in ("contact_name", "contact_phone", "contact_relation", "risk"):
        if column not in present:
            conn.execute(f"ALTER TABLE residents ADD COLUMN {column} TEXT")


def _rebuild_identity(conn: sqlite3.Connection) -> None:
    """Notebooks of schema 6 may hold one flat twice (the same roll on two laptops): find every
    record's natural key and merge what the new rule identifies, keeping every visit, petition
    and hazard, now pointing at the record kept."""
    from danyuanzhang.store.derive import rebuild_identity

    _resident_columns(conn)
    rebuild_identity(conn)


def _settle_name_conflicts(conn: sqlite3.Connection) -> None:
    """Conflicts between two spellings of one name (郑 德华, 郑德华) are none since 15."""
    from danyuanzhang.store.derive import settle_name_conflicts

    settle_name_conflicts(conn)


def _strip_personal(conn: sqlite3.Connection) -> None:
    """The needs and hazards (and their steps) of households erased before lose their own
    words, as they do now at the erasure: before 13 their text and notes, before 19 a hazard's
    place and requirement, a case's source and where a mediation step referred it."""
    from danyuanzhang.store.derive import strip_personal

    strip_personal(conn)


Step = str | Callable[[sqlite3.Connection], None]

# MIGRATIONS[n - 1] brings a database from version n - 1 to version n.
MIGRATIONS: list[list[Step]] = [
    [V1],
    [V2],
    [V3, _rehash_changes],
    [V4],
    [V5],
    [V6],
    [V7, _rebuild_identity],
    [V8],
    [V9],
    [V10],
    [V11],
    [V12],
    [V13, _strip_personal],
    [V14],
    [V15, _resident_note, _settle_name_conflicts],
    [V16],
    [_resident_columns, V17],
    [V18],
    [_strip_personal],
    [V20, _waiting_columns, V20_WAITING],
]

LATEST = len(MIGRATIONS)

# Indexes that only speed reading up, added to a notebook of any version when it is opened.
# They are no migration: a bundle names its writer's schema version, and a laptop refuses one
# newer than its own, so a new version for an index would stop laptops not yet upgraded from
# reading what the others send, for nothing that travels.
READING_INDEXES = (
    # the current residents of a household from the index alone: `visit due` for a district
    # reads every household's names and arrivals, and a table lookup each costs seconds
    "CREATE INDEX IF NOT EXISTS residents_current"
    " ON residents (household_id, moved_out, moved_in, name)",
    # what a visit raised (`visit add`, `visit show`): found through the visit, not by reading
    # every need and hazard the notebook holds
    "CREATE INDEX IF NOT EXISTS hazards_by_visit ON hazards (visit_id) WHERE visit_id IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS petitions_by_visit"
    " ON petitions (visit_id) WHERE visit_id IS NOT NULL",
    # a month's visits to the households a ledger lists (`visits_by_household` has the
    # outcome before the day, and reads every visit the household ever had)
    "CREATE INDEX IF NOT EXISTS visits_by_household_day ON visits (household_id, on_date)",
    # the moves ledger: who moved in or out in the period, not every resident there ever was
    "CREATE INDEX IF NOT EXISTS residents_by_moved_in ON residents (moved_in)"
    " WHERE moved_in IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS residents_by_moved_out ON residents (moved_out)"
    " WHERE moved_out IS NOT NULL",
    # `dyz duplicates`: the current residents a flat at a time and those of one phone, and a
    # household's needs of one category by day, side by side in an index rather than every one
    # against every other, and none who moved out read at all
    "CREATE INDEX IF NOT EXISTS residents_living ON residents (household_id)"
    " WHERE moved_out IS NULL",
    "CREATE INDEX IF NOT EXISTS residents_by_phone ON residents (phone, household_id)"
    " WHERE moved_out IS NULL AND phone IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS petitions_by_household"
    " ON petitions (household_id, category, raised_on, id)"
    " WHERE household_id IS NOT NULL AND withdrawn_on IS NULL",
    # the patrols ledger: a month's patrols of an estate (`patrols_by_place` has the unit first)
    "CREATE INDEX IF NOT EXISTS patrols_by_date ON patrols (estate, on_date)",
    # the council ledger: a month's proposals, and the needs each was made from
    "CREATE INDEX IF NOT EXISTS proposals_by_date ON proposals (estate, proposed_on)",
    "CREATE INDEX IF NOT EXISTS petition_events_by_proposal ON petition_events (proposal_id)"
    " WHERE proposal_id IS NOT NULL",
    # the hazards a new one may repeat (its recurrence): those of its kind at its unit verified
    # lately, not every one the unit ever had
    "CREATE INDEX IF NOT EXISTS hazards_verified_at"
    " ON hazards (estate, building, unit, kind, verified_on) WHERE verified_on IS NOT NULL",
    # the disputes (`today`'s follow-ups, the report's volunteer section): read alone, not
    # found among every need by a scan
    "CREATE INDEX IF NOT EXISTS petitions_disputes ON petitions (raised_on, id)"
    " WHERE category = 'mediation' AND withdrawn_on IS NULL",
)
