-- Swipeloop SQLite schema, version 4 (PRAGMA user_version = 4): what contributor rewards keep.
-- Applied after V3 by SchemaMigrations, in the same transaction as any other pending script.
-- ADD COLUMN with a constant default rewrites no row, so a large v3 file upgrades at once.

-- 1 when the request that brought the vote carried a rater token the host checked for this
-- rater, else 0; votes stored before v4 were anonymous. No index: see the note under votes
-- in V1 (an append must keep writing only rowid- and UUIDv7-ordered pages).
ALTER TABLE votes ADD COLUMN verified INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1));

-- When the entry's points vest (epoch microseconds); NULL means at `at`, as for every entry
-- written before v4.
ALTER TABLE ledger ADD COLUMN vests_at INTEGER;

-- An app's ledger entries in seq order (every index ends with the rowid: (app_id, seq)), for
-- the host's webhook cursor that pages through the ledger. Without it a page would walk every
-- other app's entries after the cursor, and a quiet app's cursor never catches up with them.
CREATE INDEX ledger_by_app ON ledger (app_id);

-- An app's entries by time, with their points: the sum since a time (an app-wide daily cap,
-- asked as votes are rewarded) reads one range of this index and never the table, and a
-- leaderboard of a short period finds its entries without reading older ones.
CREATE INDEX ledger_by_app_time ON ledger (app_id, at, points);

-- Named ledger cursors per app: `rewards` (the last vote seq the policies were run for) and
-- `webhooks` (the last ledger seq whose webhook was settled). A missing row means seq 0.
-- The rewards cursor moves in the transaction that appends the entries it paid for.
CREATE TABLE ledger_cursors (
    app_id           TEXT    NOT NULL,
    name             TEXT    NOT NULL,
    seq              INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    PRIMARY KEY (app_id, name)
) WITHOUT ROWID;

-- What a rater chose to show: only raters with listed = 1 appear on leaderboards, under
-- display_name. Rows exist only for raters who saved a profile, so the leaderboard reads an
-- app's profiles through the primary key and needs no index on listed.
CREATE TABLE rater_profiles (
    app_id           TEXT    NOT NULL,
    rater            TEXT    NOT NULL,
    display_name     TEXT,
    listed           INTEGER NOT NULL CHECK (listed IN (0, 1)),
    updated_at       INTEGER NOT NULL,
    PRIMARY KEY (app_id, rater)
) WITHOUT ROWID;
