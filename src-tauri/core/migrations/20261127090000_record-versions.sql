-- Why: a save made from a form that was filled before someone else changed the record (a second
-- window, a restore, soon minutes edited for hours) must be refused instead of silently
-- overwriting the other change. Every update raises `version` by one; an update that names the
-- version it was read at is refused when the stored one differs (see store/contacts.rs).

ALTER TABLE contacts ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE organisations ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
