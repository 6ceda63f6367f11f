-- Why: the one search box will find sessions, agenda items, minutes, decisions, action items and
-- papers besides contacts and organisations, but the old rowid scheme of search_index (id * 2 for a
-- contact, id * 2 + 1 for an organisation) had room for two kinds only. Now search_keys gives every
-- (kind, ref_id) its own id, which is the FTS rowid: a record's row is still found by key and
-- replaced inside the record's own transaction, and a new kind needs no schema change.
-- `kind` becomes an indexed FTS column, so a search of one kind ("kind : organisation AND folded :
-- …") never reads the tens of thousands of contacts a one-letter prefix matches; `ref_id` stays
-- UNINDEXED so hits are read without a join.

CREATE TABLE search_keys (
    id      INTEGER PRIMARY KEY,
    kind    TEXT NOT NULL CHECK (length(kind) > 0),
    ref_id  INTEGER NOT NULL,
    UNIQUE (kind, ref_id)
) STRICT;

CREATE VIRTUAL TABLE search_rows USING fts5 (
    kind,
    ref_id UNINDEXED,
    folded,
    tokenize = 'unicode61 remove_diacritics 2',
    -- Prefix indexes: the search box asks for short prefixes on every keystroke. A prefix without
    -- its own index makes FTS5 merge the doclists of every term starting with it, once per kind
    -- searched (about 1.5 ms for a 4-letter prefix over 100,000 contacts); with '4' it is a lookup.
    prefix = '1 2 3 4'
);

-- Existing rows keep their order (FTS5 returns matches by rowid).
INSERT INTO search_keys (kind, ref_id)
SELECT kind, ref_id FROM search_index ORDER BY rowid;

INSERT INTO search_rows (rowid, kind, ref_id, folded)
SELECT k.id, s.kind, s.ref_id, s.folded
FROM search_index s JOIN search_keys k ON k.kind = s.kind AND k.ref_id = s.ref_id;

DROP TABLE search_index;
ALTER TABLE search_rows RENAME TO search_index;
