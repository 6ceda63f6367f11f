-- Why: a few choices belong to the office, not to the code (issue "Kontakte as a new user meets
-- them": how many recipients one e-mail may carry, because mail servers cap them). One row per
-- setting; a missing row means the default that core/src/settings.rs names.
CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
