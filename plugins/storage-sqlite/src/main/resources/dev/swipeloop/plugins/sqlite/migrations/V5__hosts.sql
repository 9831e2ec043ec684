-- Swipeloop SQLite schema, version 5 (PRAGMA user_version = 5): what several hosts on one
-- database share. Applied after V4 by SchemaMigrations, in the same transaction as any other
-- pending script. ADD COLUMN with a constant default rewrites no row.

-- How many times one of the app's raters was erased (a deletion that removed votes), ever.
-- Hosts compare it with the count their score boards were built at and rebuild when it grew,
-- so no host keeps showing an erased rater's votes. Raised in the deletion's transaction.
ALTER TABLE apps ADD COLUMN erasures INTEGER NOT NULL DEFAULT 0;

-- Who runs a thing that must not run twice (an export cursor's run, an app's webhooks), and
-- until when; app_id '' holds host-wide leases. A lease whose `until` has passed is free. Taken
-- and renewed in one upsert inside the writer's BEGIN IMMEDIATE, so of two hosts asking at
-- once one gets it. A handful of rows, rewritten every few seconds by their holders.
CREATE TABLE leases (
    app_id           TEXT    NOT NULL,
    name             TEXT    NOT NULL,
    holder           TEXT    NOT NULL,
    until            INTEGER NOT NULL,  -- epoch microseconds
    PRIMARY KEY (app_id, name)
) WITHOUT ROWID;
