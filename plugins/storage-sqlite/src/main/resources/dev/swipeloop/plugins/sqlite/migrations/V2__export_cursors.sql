-- Swipeloop SQLite schema, version 2 (PRAGMA user_version = 2): named export cursors.
-- Applied after V1 by SchemaMigrations, in the same transaction as any other pending script.

-- Where each named export of an app got to: the seq of the last vote it delivered, so the
-- next run with that name starts after it. Names are the app's own (two apps may both have
-- a "nightly"). A handful of rows per app, written once per export run by the writer.
CREATE TABLE export_cursors (
    app_id           TEXT    NOT NULL,
    name             TEXT    NOT NULL,
    seq              INTEGER NOT NULL,  -- votes.seq; may point at a vote deleted since
    updated_at       INTEGER NOT NULL,
    PRIMARY KEY (app_id, name)
) WITHOUT ROWID;
