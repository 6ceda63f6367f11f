-- Why: the network's people and their organisations (issue "Kontakte und Organisationen").
-- Contacts carry several e-mail addresses and phone numbers, groups, and the DSGVO consent record.
-- search_index is an FTS5 table over a folded copy of the searchable text (see core/src/search.rs):
-- the app folds umlauts/ß/ae-oe-ue itself so "mueller", "muller" and "müller" all find Müller.

CREATE TABLE organisations (
    id            INTEGER PRIMARY KEY,
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

CREATE INDEX organisations_sort ON organisations (sort_key);
CREATE INDEX organisations_district ON organisations (district_ags);

CREATE TABLE contacts (
    id               INTEGER PRIMARY KEY,
    salutation       TEXT,
    title            TEXT,
    first_name       TEXT,
    last_name        TEXT NOT NULL CHECK (length(trim(last_name)) > 0),
    function         TEXT,
    -- Deleting an organisation asks the user first; the store never leaves a dangling reference.
    organisation_id  INTEGER REFERENCES organisations (id) ON DELETE RESTRICT,
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

CREATE INDEX contacts_organisation ON contacts (organisation_id);
CREATE INDEX contacts_sort ON contacts (sort_key);

CREATE TABLE contact_emails (
    id          INTEGER PRIMARY KEY,
    contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    address     TEXT NOT NULL,
    kind        TEXT NOT NULL DEFAULT 'work' CHECK (kind IN ('work', 'home', 'other')),
    preferred   INTEGER NOT NULL DEFAULT 0 CHECK (preferred IN (0, 1)),
    position    INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Duplicate detection by address (case-insensitive) must be fast for imports of thousands of rows.
CREATE INDEX contact_emails_address ON contact_emails (lower(address));
CREATE INDEX contact_emails_contact ON contact_emails (contact_id);

CREATE TABLE contact_phones (
    id          INTEGER PRIMARY KEY,
    contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    number      TEXT NOT NULL,
    kind        TEXT NOT NULL DEFAULT 'work' CHECK (kind IN ('work', 'mobile', 'home', 'fax', 'other')),
    preferred   INTEGER NOT NULL DEFAULT 0 CHECK (preferred IN (0, 1)),
    position    INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX contact_phones_contact ON contact_phones (contact_id);

CREATE TABLE groups (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0)
) STRICT;

CREATE TABLE contact_groups (
    contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    group_id    INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    PRIMARY KEY (contact_id, group_id)
) WITHOUT ROWID, STRICT;

-- One row per contact or organisation; kind is 'contact' or 'organisation', ref_id its id.
-- Maintained by the store inside the same transaction as the record itself.
CREATE VIRTUAL TABLE search_index USING fts5 (
    kind UNINDEXED,
    ref_id UNINDEXED,
    folded,
    tokenize = 'unicode61 remove_diacritics 2',
    -- Prefix indexes: the search box asks for 1–3 letter prefixes on every keystroke.
    prefix = '1 2 3'
);
