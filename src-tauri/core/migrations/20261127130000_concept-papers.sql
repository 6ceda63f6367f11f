-- Why: concept papers (issue "Konzeptpapiere"): a paper with its Handlungsfeld, authors and lead
-- organisation; every saved version of its text, kept unchanged for good; the autosaved draft of
-- the next version; each status change with its date, note and the adopting decision; attachments
-- stored in the data file itself (so backups, exchange packages and erasure carry them with no
-- extra files); and links to the sessions and TOPs that discussed the paper.
--
-- Growth: a version stores its own text once (no copies of earlier versions, no diffs to replay),
-- so the file grows with the sum of the versions' sizes. Deleting a paper deletes all of its rows
-- here through ON DELETE CASCADE, in the one transaction that deletes the paper.

-- The topic areas users pick from; extendable in the window ("Handlungsfeld hinzufügen").
CREATE TABLE handlungsfelder (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    created_at  TEXT NOT NULL
) STRICT;

INSERT INTO handlungsfelder (name, created_at) VALUES
    ('Sprache', '2026-11-27T13:00:00Z'),
    ('Bildung', '2026-11-27T13:00:00Z'),
    ('Arbeit', '2026-11-27T13:00:00Z'),
    ('Wohnen', '2026-11-27T13:00:00Z'),
    ('Gesundheit', '2026-11-27T13:00:00Z'),
    ('Teilhabe', '2026-11-27T13:00:00Z'),
    ('Frühkindliche Bildung', '2026-11-27T13:00:00Z'),
    ('Interkulturelle Öffnung', '2026-11-27T13:00:00Z'),
    ('Antidiskriminierung', '2026-11-27T13:00:00Z');

CREATE TABLE papers (
    id                      INTEGER PRIMARY KEY AUTOINCREMENT,
    -- Title and summary as they stand now (the latest version's, or the meta form's before the
    -- first version); each version keeps its own copy.
    title                   TEXT NOT NULL CHECK (length(trim(title)) > 0),
    summary                 TEXT,
    -- RESTRICT: a Handlungsfeld in use is not deleted (there is no deleting them in the window).
    handlungsfeld_id        INTEGER REFERENCES handlungsfelder (id) ON DELETE RESTRICT,
    -- Deleting the organisation keeps the paper and the name it had (lead_organisation_name).
    lead_organisation_id    INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
    lead_organisation_name  TEXT,
    status                  TEXT NOT NULL DEFAULT 'entwurf'
                                CHECK (status IN ('entwurf', 'in_abstimmung', 'beschlossen', 'archiviert')),
    sort_key                TEXT NOT NULL,
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL,
    version                 INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;

CREATE INDEX papers_sort ON papers (sort_key, id);
CREATE INDEX papers_handlungsfeld ON papers (handlungsfeld_id);
CREATE INDEX papers_lead_organisation ON papers (lead_organisation_id);

-- Authors in their order. The name stays when the contact is deleted (like session participants).
CREATE TABLE paper_authors (
    paper_id    INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position >= 0),
    contact_id  INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    name        TEXT NOT NULL,
    PRIMARY KEY (paper_id, position)
) WITHOUT ROWID, STRICT;

CREATE INDEX paper_authors_contact ON paper_authors (contact_id);

CREATE TABLE paper_versions (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    paper_id       INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    number         INTEGER NOT NULL CHECK (number >= 1),
    title          TEXT NOT NULL,
    summary        TEXT,
    body           TEXT NOT NULL,
    note           TEXT,
    -- The name of the person who saved it, as it was then (not a contact: it is who sat at the PC).
    saved_by       TEXT NOT NULL,
    saved_at       TEXT NOT NULL,
    -- Set when this version restores an earlier one ("Wiederhergestellt aus Version n").
    restored_from  INTEGER,
    UNIQUE (paper_id, number)
) STRICT;

-- A saved version is what was circulated or adopted: it is never changed, only deleted with its paper.
CREATE TRIGGER paper_versions_unchanged BEFORE UPDATE ON paper_versions
BEGIN
    SELECT RAISE(ABORT, 'paper versions are never changed');
END;

-- The autosaved text of the next version; saving a version removes it.
CREATE TABLE paper_drafts (
    paper_id     INTEGER PRIMARY KEY REFERENCES papers (id) ON DELETE CASCADE,
    title        TEXT NOT NULL,
    summary      TEXT,
    body         TEXT NOT NULL,
    -- The version the draft was begun from (NULL before the first version).
    base_number  INTEGER,
    updated_at   TEXT NOT NULL
) STRICT;

CREATE TABLE paper_status_changes (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    paper_id         INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    from_status      TEXT NOT NULL,
    to_status        TEXT NOT NULL,
    at               TEXT NOT NULL,
    note             TEXT,
    changed_by       TEXT NOT NULL,
    -- The adopting decision. Its printed number is kept as text, so the history still says which
    -- decision it was if the decision is deleted later (minutes drafts can be corrected).
    decision_id      INTEGER REFERENCES decisions (id) ON DELETE SET NULL,
    decision_label   TEXT,
    -- The version current when the paper was adopted: the text the decision refers to.
    adopted_version  INTEGER
) STRICT;

CREATE INDEX paper_status_changes_paper ON paper_status_changes (paper_id, id);
CREATE INDEX paper_status_changes_decision ON paper_status_changes (decision_id);

CREATE TABLE attachments (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    paper_id    INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    -- Attached to one version when set, else to the paper as a whole.
    version_id  INTEGER REFERENCES paper_versions (id) ON DELETE CASCADE,
    file_name   TEXT NOT NULL CHECK (length(trim(file_name)) > 0),
    media_type  TEXT NOT NULL,
    size        INTEGER NOT NULL CHECK (size >= 0),
    -- SHA-256 of data, lower-case hex; checked on every read.
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    added_by    TEXT NOT NULL,
    added_at    TEXT NOT NULL,
    -- Last, so listing the other columns never reads the bytes' overflow pages.
    data        BLOB NOT NULL
) STRICT;

CREATE INDEX attachments_paper ON attachments (paper_id);
CREATE INDEX attachments_version ON attachments (version_id);

-- A paper discussed in a session, and where known under which TOP.
CREATE TABLE paper_links (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    paper_id        INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    session_id      INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    agenda_item_id  INTEGER REFERENCES agenda_items (id) ON DELETE CASCADE,
    created_at      TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX paper_links_once ON paper_links (paper_id, session_id, coalesce(agenda_item_id, 0));
CREATE INDEX paper_links_session ON paper_links (session_id);
CREATE INDEX paper_links_agenda_item ON paper_links (agenda_item_id);
