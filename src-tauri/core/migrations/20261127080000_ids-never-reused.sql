-- Why: minutes, attendance lists, exports and the audit trail will refer to people and
-- organisations by id, so a deleted record's id must never come back as someone else's. Without
-- AUTOINCREMENT SQLite hands out MAX(id) + 1, which reuses the id of the newest record once it is
-- deleted; with it, ids come from sqlite_sequence and only ever grow.
--
-- SQLite can set AUTOINCREMENT only in CREATE TABLE, so contacts, organisations and groups are
-- rebuilt. sqlx runs this file in one transaction with foreign keys ON, where DROP TABLE contacts
-- would first delete every contact and CASCADE to its e-mail addresses, numbers and groups. So the
-- new tables (children included) are created and filled first, the old ones dropped children
-- first, and the new ones renamed (RENAME rewrites the REFERENCES clauses that point at them).
-- Ids deleted before this migration cannot be known any more; from here on none is reused.

CREATE TABLE organisations_next (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind          TEXT NOT NULL DEFAULT 'sonstige' CHECK (kind IN (
                      'landratsamt', 'stadtverwaltung', 'gemeindeverwaltung', 'ministerium',
                      'regierungspraesidium', 'kommunaler_landesverband', 'migrantenorganisation',
                      'wohlfahrtsverband', 'bildungstraeger', 'sonstige')),
    district_ags  TEXT REFERENCES districts (ags),
    street        TEXT,
    postal_code   TEXT,
    city          TEXT,
    phone         TEXT,
    web           TEXT,
    notes         TEXT,
    -- Folded name (Ä as A, ß as ss, lower case) so ORDER BY gives German order without an ICU collation.
    sort_key      TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;

INSERT INTO organisations_next (id, name, kind, district_ags, street, postal_code, city, phone, web, notes,
                                sort_key, created_at, updated_at)
SELECT id, name, kind, district_ags, street, postal_code, city, phone, web, notes, sort_key, created_at, updated_at
FROM organisations ORDER BY id;

CREATE TABLE contacts_next (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    salutation       TEXT,
    title            TEXT,
    first_name       TEXT,
    last_name        TEXT NOT NULL CHECK (length(trim(last_name)) > 0),
    function         TEXT,
    -- Deleting an organisation asks the user first; the store never leaves a dangling reference.
    organisation_id  INTEGER REFERENCES organisations_next (id) ON DELETE RESTRICT,
    street           TEXT,
    postal_code      TEXT,
    city             TEXT,
    notes            TEXT,
    consent_basis    TEXT,
    consent_date     TEXT,
    consent_source   TEXT,
    consent_note     TEXT,
    -- Folded "last first" for German ordering (see organisations.sort_key).
    sort_key         TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;

INSERT INTO contacts_next (id, salutation, title, first_name, last_name, function, organisation_id, street,
                           postal_code, city, notes, consent_basis, consent_date, consent_source, consent_note,
                           sort_key, created_at, updated_at)
SELECT id, salutation, title, first_name, last_name, function, organisation_id, street, postal_code, city, notes,
       consent_basis, consent_date, consent_source, consent_note, sort_key, created_at, updated_at
FROM contacts ORDER BY id;

-- Addresses and numbers are never referred to by id; they keep plain INTEGER PRIMARY KEYs.
CREATE TABLE contact_emails_next (
    id          INTEGER PRIMARY KEY,
    contact_id  INTEGER NOT NULL REFERENCES contacts_next (id) ON DELETE CASCADE,
    address     TEXT NOT NULL,
    kind        TEXT NOT NULL DEFAULT 'work' CHECK (kind IN ('work', 'home', 'other')),
    preferred   INTEGER NOT NULL DEFAULT 0 CHECK (preferred IN (0, 1)),
    position    INTEGER NOT NULL DEFAULT 0
) STRICT;

INSERT INTO contact_emails_next (id, contact_id, address, kind, preferred, position)
SELECT id, contact_id, address, kind, preferred, position FROM contact_emails ORDER BY id;

CREATE TABLE contact_phones_next (
    id          INTEGER PRIMARY KEY,
    contact_id  INTEGER NOT NULL REFERENCES contacts_next (id) ON DELETE CASCADE,
    number      TEXT NOT NULL,
    kind        TEXT NOT NULL DEFAULT 'work' CHECK (kind IN ('work', 'mobile', 'home', 'fax', 'other')),
    preferred   INTEGER NOT NULL DEFAULT 0 CHECK (preferred IN (0, 1)),
    position    INTEGER NOT NULL DEFAULT 0
) STRICT;

INSERT INTO contact_phones_next (id, contact_id, number, kind, preferred, position)
SELECT id, contact_id, number, kind, preferred, position FROM contact_phones ORDER BY id;

CREATE TABLE groups_next (
    id    INTEGER PRIMARY KEY AUTOINCREMENT,
    name  TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0)
) STRICT;

INSERT INTO groups_next (id, name) SELECT id, name FROM groups ORDER BY id;

CREATE TABLE contact_groups_next (
    contact_id  INTEGER NOT NULL REFERENCES contacts_next (id) ON DELETE CASCADE,
    group_id    INTEGER NOT NULL REFERENCES groups_next (id) ON DELETE CASCADE,
    PRIMARY KEY (contact_id, group_id)
) WITHOUT ROWID, STRICT;

INSERT INTO contact_groups_next (contact_id, group_id) SELECT contact_id, group_id FROM contact_groups;

-- Children first: nothing refers to an old table any more when it is dropped, so no CASCADE fires.
DROP TABLE contact_groups;
DROP TABLE contact_emails;
DROP TABLE contact_phones;
DROP TABLE contacts;
DROP TABLE groups;
DROP TABLE organisations;

ALTER TABLE organisations_next RENAME TO organisations;
ALTER TABLE contacts_next RENAME TO contacts;
ALTER TABLE contact_emails_next RENAME TO contact_emails;
ALTER TABLE contact_phones_next RENAME TO contact_phones;
ALTER TABLE groups_next RENAME TO groups;
ALTER TABLE contact_groups_next RENAME TO contact_groups;

CREATE INDEX organisations_sort ON organisations (sort_key);
CREATE INDEX organisations_district ON organisations (district_ags);
CREATE INDEX contacts_organisation ON contacts (organisation_id);
CREATE INDEX contacts_sort ON contacts (sort_key);
-- Duplicate detection by address (case-insensitive) must be fast for imports of thousands of rows.
CREATE INDEX contact_emails_address ON contact_emails (lower(address));
CREATE INDEX contact_emails_contact ON contact_emails (contact_id);
CREATE INDEX contact_phones_contact ON contact_phones (contact_id);
