-- Why: the network's sessions (issue "Sitzungen"): a session with its agenda (TOPs with sub-items),
-- its participants with the name and organisation they had on the day, and its minutes (discussion
-- per TOP, decisions, action items, approval, addenda). Every table gets AUTOINCREMENT ids, because
-- minutes, exports and reminders refer to these rows by id and a deleted row's id must never come
-- back as another's (see 20261127080000_ids-never-reused.sql).
--
-- Dates and times: a session is stored as the local date and wall-clock times in Europe/Berlin
-- ('2026-11-24', '14:00'), the way it was agreed. Instants (for .ics and reminders) are derived with
-- the tz database when needed, so a session at 14:00 stays at 14:00 whatever the DST rules say.

CREATE TABLE sessions (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    title                 TEXT NOT NULL CHECK (length(trim(title)) > 0),
    date                  TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    start_time            TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    -- NULL while the end is not known yet; the .ics then uses the agenda's length.
    end_time              TEXT CHECK (end_time IS NULL OR (end_time GLOB '[0-2][0-9]:[0-5][0-9]' AND end_time > start_time)),
    format                TEXT NOT NULL DEFAULT 'praesenz' CHECK (format IN ('praesenz', 'online', 'hybrid')),
    place                 TEXT,
    video_link            TEXT,
    -- Deleting the host organisation keeps the session (without host): a session is not the host's.
    host_organisation_id  INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
    status                TEXT NOT NULL DEFAULT 'geplant'
                              CHECK (status IN ('geplant', 'eingeladen', 'durchgefuehrt', 'abgesagt')),
    notes                 TEXT,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    version               INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;

-- The list sorts by day and time: upcoming first, past below.
CREATE INDEX sessions_when ON sessions (date, start_time);
CREATE INDEX sessions_host ON sessions (host_organisation_id);

CREATE TABLE agenda_items (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id       INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    -- One level of sub-items (TOP 3.1); the rule lives in core/src/agenda.rs.
    parent_id        INTEGER REFERENCES agenda_items (id) ON DELETE CASCADE,
    -- Order among siblings, 0-based, rewritten by every move.
    position         INTEGER NOT NULL CHECK (position >= 0),
    title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description      TEXT,
    planned_minutes  INTEGER CHECK (planned_minutes IS NULL OR planned_minutes BETWEEN 0 AND 1440),
    -- "Genehmigung des Protokolls der letzten Sitzung": a decision on this TOP approves those minutes.
    approves_session_id  INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
    -- The minutes' discussion of this TOP (Word text pasted as typed).
    discussion       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;

CREATE INDEX agenda_items_session ON agenda_items (session_id, parent_id, position);
CREATE INDEX agenda_items_parent ON agenda_items (parent_id);

-- Who presents or is responsible for a TOP. Losing such a link when a contact is erased loses no
-- minutes (the minutes name people through participants and owners).
CREATE TABLE agenda_item_contacts (
    agenda_item_id  INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
    contact_id      INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (agenda_item_id, contact_id)
) WITHOUT ROWID, STRICT;

CREATE INDEX agenda_item_contacts_contact ON agenda_item_contacts (contact_id);

CREATE TABLE session_participants (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id         INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    -- RESTRICT: a person who is on a session's list cannot simply vanish; the store releases mere
    -- invitations first and refuses, with a German message, for people who took part.
    contact_id         INTEGER NOT NULL REFERENCES contacts (id) ON DELETE RESTRICT,
    status             TEXT NOT NULL DEFAULT 'eingeladen'
                           CHECK (status IN ('eingeladen', 'zugesagt', 'abgesagt', 'teilgenommen', 'entschuldigt')),
    -- Name, function and organisation as they were when the person was added (kept when the contact
    -- changes later; refreshed only while the session has not taken place).
    name_snapshot          TEXT NOT NULL,
    function_snapshot      TEXT,
    organisation_snapshot  TEXT,
    sort_key           TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    UNIQUE (session_id, contact_id)
) STRICT;

CREATE INDEX session_participants_contact ON session_participants (contact_id);

CREATE TABLE minutes (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id         INTEGER NOT NULL UNIQUE REFERENCES sessions (id) ON DELETE CASCADE,
    status             TEXT NOT NULL DEFAULT 'entwurf' CHECK (status IN ('entwurf', 'freigegeben')),
    -- Protokollführung: a contact when there is one, the name as written either way.
    minute_taker_contact_id  INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    minute_taker_name  TEXT,
    -- The session's place in its year ("3" of "Beschluss 3/2027-2"), fixed when the minutes are
    -- begun so printed decision numbers never change afterwards.
    year               INTEGER NOT NULL,
    ordinal            INTEGER NOT NULL CHECK (ordinal >= 1),
    approved_by        TEXT,
    approved_at        TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    version            INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    CHECK ((status = 'freigegeben') = (approved_at IS NOT NULL AND approved_by IS NOT NULL))
) STRICT;

CREATE TABLE decisions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id      INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    -- RESTRICT: a TOP carrying a decision is not deleted by accident (the store says so in German).
    agenda_item_id  INTEGER REFERENCES agenda_items (id) ON DELETE RESTRICT,
    -- 1, 2, 3 … in agenda order within the session ("-2" of "Beschluss 3/2027-2").
    number          INTEGER NOT NULL CHECK (number >= 1),
    text            TEXT NOT NULL CHECK (length(trim(text)) > 0),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;

CREATE INDEX decisions_session ON decisions (session_id, number);
CREATE INDEX decisions_item ON decisions (agenda_item_id);

CREATE TABLE action_items (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id             INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    agenda_item_id         INTEGER REFERENCES agenda_items (id) ON DELETE RESTRICT,
    what                   TEXT NOT NULL CHECK (length(trim(what)) > 0),
    -- RESTRICT: the person responsible for a task stays (anonymised later, never silently gone).
    owner_contact_id       INTEGER REFERENCES contacts (id) ON DELETE RESTRICT,
    -- An organisation may be deleted; the owner's name stays in owner_name.
    owner_organisation_id  INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
    owner_name             TEXT,
    due_date               TEXT CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    status                 TEXT NOT NULL DEFAULT 'offen' CHECK (status IN ('offen', 'erledigt')),
    done_date              TEXT,
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL,
    version                INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    CHECK ((status = 'erledigt') = (done_date IS NOT NULL))
) STRICT;

CREATE INDEX action_items_session ON action_items (session_id);
CREATE INDEX action_items_open ON action_items (status, due_date);
CREATE INDEX action_items_owner_contact ON action_items (owner_contact_id);
CREATE INDEX action_items_owner_organisation ON action_items (owner_organisation_id);

-- Nachtrag: a correction after approval, recorded beside the minutes and never merged into them.
CREATE TABLE minutes_addenda (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id  INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    date        TEXT NOT NULL,
    reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
    created_at  TEXT NOT NULL
) STRICT;

CREATE INDEX minutes_addenda_session ON minutes_addenda (session_id);
