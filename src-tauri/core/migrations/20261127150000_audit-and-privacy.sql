-- Why: issue 13 (Datenschutz). The office must be able to show who approved, corrected, deleted,
-- imported, restored or erased what and when (Änderungsprotokoll), and to erase a person without
-- breaking old minutes (Art. 17 DSGVO).
--
-- audit_log: one row per recorded change, written inside the transaction of the change itself, so
-- a change is never without its entry and an entry never without its change. `summary` is German
-- text for people and never holds an erased person's name (the erasure rewrites older entries
-- too); `folded` is the summary and user folded like the search index (ä → a, lower case), so the
-- screen's text filter finds "muller" in "Müller" with a plain LIKE (10,000 rows take a few ms).
CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    at           TEXT NOT NULL,
    user         TEXT NOT NULL,
    action       TEXT NOT NULL CHECK (length(action) > 0),
    record_kind  TEXT NOT NULL CHECK (length(record_kind) > 0),
    -- NULL for entries about no single record (an import, a backup).
    record_id    INTEGER,
    summary      TEXT NOT NULL,
    folded       TEXT NOT NULL
) STRICT;

-- The screen lists newest first, filtered by action and period; pages continue below an id.
CREATE INDEX audit_log_action ON audit_log (action, id);
CREATE INDEX audit_log_at ON audit_log (at);

-- A contact erased under Art. 17 that sessions, TOPs or action items still point at stays as a
-- row without personal data ("anonymisierte Person"), so old minutes keep their structure; lists,
-- exports and the search leave such rows out. NULL for every ordinary contact.
ALTER TABLE contacts ADD COLUMN anonymised_at TEXT;
-- "Behalten" in the retention review: the day a person decided to keep the contact; it counts as
-- activity, so the contact comes up again only after the retention period has passed once more.
ALTER TABLE contacts ADD COLUMN retention_kept_at TEXT;
