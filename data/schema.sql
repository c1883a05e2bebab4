-- dyz database schema, version 20 (PRAGMA user_version = 20).
--
-- This is what src/danyuanzhang/store/migrations.py builds, in one page; a test keeps the
-- two identical (DYZ_WRITE_SCHEMA=1 python -m pytest tests/test_database.py rewrites it).
-- The change log (`changes`) is the truth: every other table except `settings`, `devices`,
-- `marks`, `peers`, `knowledge`, `exports`, `bundles` and `erasures_*` / `erasure_marks` (this
-- laptop's own bookkeeping) is derived from it in the same transaction (store/derive.py).
-- erasures_held: another laptop's erasures beyond what it may erase unseen, kept out of
-- `changes` until a person accepts them (`dyz import FILE --accept-erasures`).
--
-- changes.hlc: hybrid logical clock stamp "WALL_MS(15)-COUNTER(10)-DEVICE", ordered as text.
-- changes.id: the first 32 hex digits of SHA-256 over the change's fields joined by NUL.
-- changes.value: the field's new value as JSON; `flag.<code>` fields set resident flags.
-- changes.parents: JSON list of the changes of the same field this one replaces.
-- tombstones: records erased for good; their `set` changes are purged from `changes`.
-- record_keys: each household's, resident's and roster entry's natural key (first values).
-- aliases: records that another record of their class stands for (one flat on two laptops).
-- record_refs: the household a record names, as written (merges re-point the tables).
-- marks: for each device, the stamp up to which all its changes are here.
-- knowledge: for each peer and scope, per device, up to where it holds all changes.
-- exports: what each of our bundles held, until the peer acknowledges it.

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
, note TEXT, contact_name TEXT, contact_phone TEXT, contact_relation TEXT, risk TEXT);

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

CREATE TABLE "changes" (
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

CREATE TABLE "tombstones" (
    entity TEXT NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (entity, record)
) WITHOUT ROWID;

CREATE TABLE marks (
    device TEXT PRIMARY KEY,
    hlc TEXT NOT NULL
);

CREATE TABLE peers (
    device TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    last_heard TEXT NOT NULL,
    last_bundle TEXT NOT NULL
, scope TEXT, received TEXT, acked TEXT, office_list TEXT);

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
, visit_id TEXT, verified_on TEXT, reopened_on TEXT, patrol_id TEXT, notice_no TEXT, notice_on TEXT, withdrawn_on TEXT, requirement TEXT);

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
, visit_id TEXT, settled_on TEXT, withdrawn_on TEXT, dispute TEXT, parties TEXT, mediator TEXT, case_no TEXT, agreement_no TEXT, case_source TEXT, done_on TEXT, closed_on TEXT, decided_on TEXT, mediated_on TEXT, followed_up_on TEXT);

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
, volunteer_id TEXT, satisfaction TEXT);

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
, place TEXT, host TEXT, recorder TEXT, expected INTEGER, present INTEGER, votes_for INTEGER, votes_against INTEGER, votes_abstain INTEGER);

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
, met TEXT, health TEXT, mind TEXT, home_safety TEXT, support TEXT, referral TEXT);

CREATE INDEX visits_by_household ON visits (household_id, outcome, on_date);

CREATE INDEX visits_by_date ON visits (estate, on_date);

CREATE INDEX visits_by_place ON visits (estate, building, unit, on_date);

CREATE INDEX petitions_by_settled ON petitions (estate, settled_on);

CREATE INDEX hazards_by_verified ON hazards (estate, verified_on);

CREATE INDEX hazards_reopened ON hazards (estate) WHERE reopened_on IS NOT NULL;

CREATE TRIGGER petition_settled_on_insert AFTER INSERT ON petition_events BEGIN
    UPDATE petitions SET settled_on = (SELECT min(e.on_date) FROM petition_events e WHERE e.petition_id = petitions.id AND e.step IN ('resolved', 'done', 'closed', 'declined')) WHERE id = NEW.petition_id;
END;

CREATE TRIGGER petition_settled_on_update AFTER UPDATE ON petition_events BEGIN
    UPDATE petitions SET settled_on = (SELECT min(e.on_date) FROM petition_events e WHERE e.petition_id = petitions.id AND e.step IN ('resolved', 'done', 'closed', 'declined')) WHERE id IN (NEW.petition_id, OLD.petition_id);
END;

CREATE TRIGGER petition_settled_on_delete AFTER DELETE ON petition_events BEGIN
    UPDATE petitions SET settled_on = (SELECT min(e.on_date) FROM petition_events e WHERE e.petition_id = petitions.id AND e.step IN ('resolved', 'done', 'closed', 'declined')) WHERE id = OLD.petition_id;
END;

CREATE TRIGGER petition_settled_on_new AFTER INSERT ON petitions BEGIN
    UPDATE petitions SET settled_on = (SELECT min(e.on_date) FROM petition_events e WHERE e.petition_id = NEW.id AND e.step IN ('resolved', 'done', 'closed', 'declined')) WHERE id = NEW.id;
END;

CREATE TRIGGER hazard_verified_on_insert AFTER INSERT ON hazard_events BEGIN
    UPDATE hazards SET verified_on = (SELECT max(e.on_date) FROM hazard_events e WHERE e.hazard_id = hazards.id AND e.step = 'verified'), reopened_on = (SELECT max(e.on_date) FROM hazard_events e WHERE e.hazard_id = hazards.id AND e.step = 'reopened') WHERE id = NEW.hazard_id;
END;

CREATE TRIGGER hazard_verified_on_update AFTER UPDATE ON hazard_events BEGIN
    UPDATE hazards SET verified_on = (SELECT max(e.on_date) FROM hazard_events e WHERE e.hazard_id = hazards.id AND e.step = 'verified'), reopened_on = (SELECT max(e.on_date) FROM hazard_events e WHERE e.hazard_id = hazards.id AND e.step = 'reopened') WHERE id IN (NEW.hazard_id, OLD.hazard_id);
END;

CREATE TRIGGER hazard_verified_on_delete AFTER DELETE ON hazard_events BEGIN
    UPDATE hazards SET verified_on = (SELECT max(e.on_date) FROM hazard_events e WHERE e.hazard_id = hazards.id AND e.step = 'verified'), reopened_on = (SELECT max(e.on_date) FROM hazard_events e WHERE e.hazard_id = hazards.id AND e.step = 'reopened') WHERE id = OLD.hazard_id;
END;

CREATE TRIGGER hazard_verified_on_new AFTER INSERT ON hazards BEGIN
    UPDATE hazards SET verified_on = (SELECT max(e.on_date) FROM hazard_events e WHERE e.hazard_id = NEW.id AND e.step = 'verified'), reopened_on = (SELECT max(e.on_date) FROM hazard_events e WHERE e.hazard_id = NEW.id AND e.step = 'reopened') WHERE id = NEW.id;
END;

CREATE INDEX petitions_by_raised ON petitions (estate, raised_on);

CREATE INDEX hazards_by_found ON hazards (estate, found_on);

CREATE INDEX petition_events_by_day ON petition_events (on_date, petition_id, step);

CREATE INDEX hazard_events_by_day ON hazard_events (on_date, hazard_id, step);

CREATE INDEX visits_app_answers ON visits (household_id, on_date) WHERE anti_fraud_app IS NOT NULL;

CREATE INDEX visits_briefings ON visits (household_id, on_date) WHERE briefed = '1';

CREATE INDEX visits_needing_help ON visits (household_id) WHERE wellbeing = 'needs_help';

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

CREATE TABLE exports (
    bundle TEXT PRIMARY KEY,
    peer TEXT,
    scope TEXT NOT NULL,
    upto TEXT NOT NULL,
    created TEXT NOT NULL
);

CREATE INDEX exports_by_peer ON exports (peer, created);

CREATE TABLE device_keys (
    device TEXT PRIMARY KEY,
    key TEXT NOT NULL,
    first_seen TEXT NOT NULL
);

CREATE TABLE members (
    device TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    admitted TEXT NOT NULL,
    revoked TEXT NOT NULL
, revoked_on TEXT NOT NULL DEFAULT '');

CREATE TABLE join_requests (
    device TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    asked TEXT NOT NULL
);

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

CREATE INDEX hazards_by_patrol ON hazards (patrol_id) WHERE patrol_id IS NOT NULL;

CREATE TABLE command_ends (hlc TEXT PRIMARY KEY) WITHOUT ROWID;

CREATE TRIGGER petition_withdrawn_on_insert AFTER INSERT ON petition_events
WHEN NEW.step = 'withdrawn' BEGIN
    UPDATE petitions SET withdrawn_on = (SELECT min(e.on_date) FROM petition_events e WHERE e.petition_id = NEW.petition_id AND e.step = 'withdrawn') WHERE id = NEW.petition_id;
END;

CREATE TRIGGER petition_withdrawn_on_update AFTER UPDATE ON petition_events
WHEN NEW.step = 'withdrawn' OR OLD.step = 'withdrawn' BEGIN
    UPDATE petitions SET withdrawn_on = (SELECT min(e.on_date) FROM petition_events e WHERE e.petition_id = NEW.petition_id AND e.step = 'withdrawn') WHERE id = NEW.petition_id;
    UPDATE petitions SET withdrawn_on = (SELECT min(e.on_date) FROM petition_events e WHERE e.petition_id = OLD.petition_id AND e.step = 'withdrawn') WHERE id = OLD.petition_id;
END;

CREATE TRIGGER petition_withdrawn_on_delete AFTER DELETE ON petition_events
WHEN OLD.step = 'withdrawn' BEGIN
    UPDATE petitions SET withdrawn_on = (SELECT min(e.on_date) FROM petition_events e WHERE e.petition_id = OLD.petition_id AND e.step = 'withdrawn') WHERE id = OLD.petition_id;
END;

CREATE TRIGGER petition_withdrawn_on_new AFTER INSERT ON petitions BEGIN
    UPDATE petitions SET withdrawn_on = (SELECT min(e.on_date) FROM petition_events e
        WHERE e.petition_id = NEW.id AND e.step = 'withdrawn') WHERE id = NEW.id;
END;

CREATE TRIGGER hazard_withdrawn_on_insert AFTER INSERT ON hazard_events
WHEN NEW.step = 'withdrawn' BEGIN
    UPDATE hazards SET withdrawn_on = (SELECT min(e.on_date) FROM hazard_events e WHERE e.hazard_id = NEW.hazard_id AND e.step = 'withdrawn') WHERE id = NEW.hazard_id;
END;

CREATE TRIGGER hazard_withdrawn_on_update AFTER UPDATE ON hazard_events
WHEN NEW.step = 'withdrawn' OR OLD.step = 'withdrawn' BEGIN
    UPDATE hazards SET withdrawn_on = (SELECT min(e.on_date) FROM hazard_events e WHERE e.hazard_id = NEW.hazard_id AND e.step = 'withdrawn') WHERE id = NEW.hazard_id;
    UPDATE hazards SET withdrawn_on = (SELECT min(e.on_date) FROM hazard_events e WHERE e.hazard_id = OLD.hazard_id AND e.step = 'withdrawn') WHERE id = OLD.hazard_id;
END;

CREATE TRIGGER hazard_withdrawn_on_delete AFTER DELETE ON hazard_events
WHEN OLD.step = 'withdrawn' BEGIN
    UPDATE hazards SET withdrawn_on = (SELECT min(e.on_date) FROM hazard_events e WHERE e.hazard_id = OLD.hazard_id AND e.step = 'withdrawn') WHERE id = OLD.hazard_id;
END;

CREATE TRIGGER hazard_withdrawn_on_new AFTER INSERT ON hazards BEGIN
    UPDATE hazards SET withdrawn_on = (SELECT min(e.on_date) FROM hazard_events e
        WHERE e.hazard_id = NEW.id AND e.step = 'withdrawn') WHERE id = NEW.id;
END;

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

CREATE INDEX residents_at_risk ON residents (household_id) WHERE risk IS NOT NULL;

CREATE INDEX changes_by_device ON changes
    (device, CAST(substr(hlc, 1, 15) AS INTEGER), CAST(substr(hlc, 17, 10) AS INTEGER));

CREATE TRIGGER petition_closed_on_insert AFTER INSERT ON petition_events BEGIN
    UPDATE petitions SET done_on = (SELECT min(e.on_date) FROM petition_events e WHERE e.petition_id = petitions.id AND e.step = 'done'), closed_on = (SELECT min(e.on_date) FROM petition_events e WHERE e.petition_id = petitions.id AND e.step = 'closed') WHERE id = NEW.petition_id;
END;

CREATE TRIGGER petition_closed_on_update AFTER UPDATE ON petition_events BEGIN
    UPDATE petitions SET done_on = (SELECT min(e.on_date) FROM petition_events e WHERE e.petition_id = petitions.id AND e.step = 'done'), closed_on = (SELECT min(e.on_date) FROM petition_events e WHERE e.petition_id = petitions.id AND e.step = 'closed') WHERE id IN (NEW.petition_id, OLD.petition_id);
END;

CREATE TRIGGER petition_closed_on_delete AFTER DELETE ON petition_events BEGIN
    UPDATE petitions SET done_on = (SELECT min(e.on_date) FROM petition_events e WHERE e.petition_id = petitions.id AND e.step = 'done'), closed_on = (SELECT min(e.on_date) FROM petition_events e WHERE e.petition_id = petitions.id AND e.step = 'closed') WHERE id = OLD.petition_id;
END;

CREATE TRIGGER petition_closed_on_new AFTER INSERT ON petitions BEGIN
    UPDATE petitions SET done_on = (SELECT min(e.on_date) FROM petition_events e WHERE e.petition_id = NEW.id AND e.step = 'done'), closed_on = (SELECT min(e.on_date) FROM petition_events e WHERE e.petition_id = NEW.id AND e.step = 'closed') WHERE id = NEW.id;
END;

CREATE TRIGGER petition_mediated_on_insert AFTER INSERT ON mediation_steps BEGIN
    UPDATE petitions SET decided_on = (SELECT max(m.on_date) FROM mediation_steps m WHERE m.petition_id = petitions.id AND m.step IN ('agreed', 'not_agreed', 'referred')), mediated_on = (SELECT max(m.on_date) FROM mediation_steps m WHERE m.petition_id = petitions.id AND m.step = 'agreed'), followed_up_on = (SELECT max(m.on_date) FROM mediation_steps m WHERE m.petition_id = petitions.id AND m.step = 'followed_up') WHERE id = NEW.petition_id;
END;

CREATE TRIGGER petition_mediated_on_update AFTER UPDATE ON mediation_steps BEGIN
    UPDATE petitions SET decided_on = (SELECT max(m.on_date) FROM mediation_steps m WHERE m.petition_id = petitions.id AND m.step IN ('agreed', 'not_agreed', 'referred')), mediated_on = (SELECT max(m.on_date) FROM mediation_steps m WHERE m.petition_id = petitions.id AND m.step = 'agreed'), followed_up_on = (SELECT max(m.on_date) FROM mediation_steps m WHERE m.petition_id = petitions.id AND m.step = 'followed_up') WHERE id IN (NEW.petition_id, OLD.petition_id);
END;

CREATE TRIGGER petition_mediated_on_delete AFTER DELETE ON mediation_steps BEGIN
    UPDATE petitions SET decided_on = (SELECT max(m.on_date) FROM mediation_steps m WHERE m.petition_id = petitions.id AND m.step IN ('agreed', 'not_agreed', 'referred')), mediated_on = (SELECT max(m.on_date) FROM mediation_steps m WHERE m.petition_id = petitions.id AND m.step = 'agreed'), followed_up_on = (SELECT max(m.on_date) FROM mediation_steps m WHERE m.petition_id = petitions.id AND m.step = 'followed_up') WHERE id = OLD.petition_id;
END;

CREATE TRIGGER petition_mediated_on_new AFTER INSERT ON petitions BEGIN
    UPDATE petitions SET decided_on = (SELECT max(m.on_date) FROM mediation_steps m WHERE m.petition_id = NEW.id AND m.step IN ('agreed', 'not_agreed', 'referred')), mediated_on = (SELECT max(m.on_date) FROM mediation_steps m WHERE m.petition_id = NEW.id AND m.step = 'agreed'), followed_up_on = (SELECT max(m.on_date) FROM mediation_steps m WHERE m.petition_id = NEW.id AND m.step = 'followed_up') WHERE id = NEW.id;
END;

CREATE INDEX petitions_done_not_closed ON petitions (estate, building, unit)
    WHERE done_on IS NOT NULL AND closed_on IS NULL;

CREATE INDEX petitions_disputes_by_decided ON petitions (estate, decided_on)
    WHERE category = 'mediation' AND withdrawn_on IS NULL;

CREATE INDEX petitions_to_follow_up ON petitions (raised_on, id)
    WHERE mediated_on > coalesce(followed_up_on, '');

CREATE INDEX residents_current ON residents (household_id, moved_out, moved_in, name);

CREATE INDEX hazards_by_visit ON hazards (visit_id) WHERE visit_id IS NOT NULL;

CREATE INDEX petitions_by_visit ON petitions (visit_id) WHERE visit_id IS NOT NULL;

CREATE INDEX visits_by_household_day ON visits (household_id, on_date);

CREATE INDEX residents_by_moved_in ON residents (moved_in) WHERE moved_in IS NOT NULL;

CREATE INDEX residents_by_moved_out ON residents (moved_out) WHERE moved_out IS NOT NULL;

CREATE INDEX residents_living ON residents (household_id) WHERE moved_out IS NULL;

CREATE INDEX residents_by_phone ON residents (phone, household_id) WHERE moved_out IS NULL AND phone IS NOT NULL;

CREATE INDEX petitions_by_household ON petitions (household_id, category, raised_on, id) WHERE household_id IS NOT NULL AND withdrawn_on IS NULL;

CREATE INDEX patrols_by_date ON patrols (estate, on_date);

CREATE INDEX proposals_by_date ON proposals (estate, proposed_on);

CREATE INDEX petition_events_by_proposal ON petition_events (proposal_id) WHERE proposal_id IS NOT NULL;

CREATE INDEX hazards_verified_at ON hazards (estate, building, unit, kind, verified_on) WHERE verified_on IS NOT NULL;

CREATE INDEX petitions_disputes ON petitions (raised_on, id) WHERE category = 'mediation' AND withdrawn_on IS NULL;
