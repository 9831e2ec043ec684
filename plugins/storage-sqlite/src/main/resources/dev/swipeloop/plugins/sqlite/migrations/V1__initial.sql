-- Swipeloop SQLite schema, version 1 (PRAGMA user_version = 1).
-- Applied by SchemaMigrations inside one transaction; plain SQL so that other programs
-- (the insert benchmark, the sqlite3 shell) can build the very same schema.
--
-- Times are INTEGER microseconds since the Unix epoch (UTC). Vote and ledger ids are
-- 16-byte BLOBs, most significant byte first, so UUIDv7 ids sort by time.

CREATE TABLE apps (
    id               TEXT    NOT NULL PRIMARY KEY,
    name             TEXT    NOT NULL,
    allowed_origins  TEXT    NOT NULL,  -- one origin per line
    publishable_key  TEXT    NOT NULL,
    secret_key_hash  TEXT    NOT NULL,
    signing_secret   TEXT    NOT NULL,
    created_at       INTEGER NOT NULL
);

CREATE TABLE items (
    app_id           TEXT    NOT NULL,
    id               TEXT    NOT NULL,
    image_url        TEXT,
    prompt           TEXT,
    negative_prompt  TEXT,
    model            TEXT,
    model_version    TEXT,
    seed             INTEGER,
    params_json      TEXT,
    pair_group       TEXT,
    gold             TEXT,              -- like | dislike | skip, or NULL
    updated_at       INTEGER NOT NULL,
    -- How often the item was judged, per vote kind (a pair vote counts for both of its
    -- items): the deck offers the least-judged first. Derived state, kept by the plugin's
    -- indexer for the votes up to vote_index.indexed_seq (see below), not by triggers.
    binary_judged    INTEGER NOT NULL DEFAULT 0,
    pair_judged      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (app_id, id)
);

-- seq is the rowid, assigned by the writer from sequences.last_value inside the write
-- transaction: strictly increasing in commit order, never reused after deletes.
-- kind = 'binary': item is the judged item, right_item is NULL, answer is like|dislike|skip.
-- kind = 'pair':   item is the left image, right_item the right one, answer is left|right|tie|skip.
CREATE TABLE votes (
    seq              INTEGER PRIMARY KEY,
    app_id           TEXT    NOT NULL,
    id               BLOB    NOT NULL,
    rater            TEXT    NOT NULL,
    session          TEXT,
    kind             TEXT    NOT NULL,
    item             TEXT    NOT NULL,
    right_item       TEXT,
    answer           TEXT    NOT NULL,
    dwell_ms         INTEGER,
    client_ts        INTEGER,
    received_at      INTEGER NOT NULL,
    UNIQUE (app_id, id)                 -- idempotency; UUIDv7 keeps this index append-ordered
);

-- An app's votes in seq order, for the cursor (GET /v1/votes) and stats: every index ends
-- with the rowid, so this is (app_id, seq), and it grows at the right edge of each app.
-- Without it, one app's cursor would walk every other app's votes on a shared file.
CREATE INDEX votes_by_app ON votes (app_id);

-- votes has no other index and no trigger: an append writes only rowid-ordered and
-- UUIDv7-ordered pages, so a durable commit stays short. What needs a rater's votes (the
-- deck, rater summaries, deletion) reads rater_votes for the folded votes plus the few
-- votes after vote_index.indexed_seq, which the plugin's indexer folds in large batches.

-- A rater's votes, per kind: one row per folded vote. Derived from votes (rebuildable from
-- it), written only by the indexer and by rater deletion.
CREATE TABLE rater_votes (
    app_id           TEXT    NOT NULL,
    rater            TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    seq              INTEGER NOT NULL,  -- votes.seq
    item             TEXT    NOT NULL,
    right_item       TEXT,
    PRIMARY KEY (app_id, rater, kind, seq)
) WITHOUT ROWID;

-- How far the indexer got: every vote with seq <= indexed_seq is in rater_votes and in the
-- items' judged counts, and no later vote is. Advanced in the transaction that folds them.
CREATE TABLE vote_index (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    indexed_seq      INTEGER NOT NULL
);

INSERT INTO vote_index (id, indexed_seq) VALUES (1, 0);

CREATE TABLE ledger (
    seq              INTEGER PRIMARY KEY,  -- from sequences, like votes.seq
    app_id           TEXT    NOT NULL,
    rater            TEXT    NOT NULL,
    policy           TEXT    NOT NULL,
    points           INTEGER NOT NULL,
    reason           TEXT,
    vote_id          BLOB,
    at               INTEGER NOT NULL
);

CREATE INDEX ledger_by_rater ON ledger (app_id, rater);

-- The last seq handed out per table. Seqs are global across apps.
CREATE TABLE sequences (
    name             TEXT    NOT NULL PRIMARY KEY,
    last_value       INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO sequences (name, last_value) VALUES ('votes', 0), ('ledger', 0);
