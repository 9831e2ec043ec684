-- Swipeloop SQLite schema, version 3 (PRAGMA user_version = 3): each app's own settings.
-- Applied after V2 by SchemaMigrations, in the same transaction as any other pending script.

-- The keys an app changed from the host's per-app defaults (ranking, rater quality, decks),
-- values as text; the host validates them. A few dozen rows per app at most, read through a
-- short cache and written when an owner changes a setting.
CREATE TABLE app_settings (
    app_id           TEXT    NOT NULL,
    key              TEXT    NOT NULL,
    value            TEXT    NOT NULL,
    updated_at       INTEGER NOT NULL,
    PRIMARY KEY (app_id, key)
) WITHOUT ROWID;
