-- Why: reminders (sessions in the next days, action items due or overdue) are shown once, not at
-- every start. A reminder is identified by a key that includes the date it is about
-- ("session:12:2027-03-10"), so a session moved to another day or a task given a new due date is
-- reminded of again; the rule lives in core/src/reminder.rs.
CREATE TABLE reminders_shown (
    key       TEXT PRIMARY KEY NOT NULL,
    shown_at  TEXT NOT NULL
) WITHOUT ROWID, STRICT;
