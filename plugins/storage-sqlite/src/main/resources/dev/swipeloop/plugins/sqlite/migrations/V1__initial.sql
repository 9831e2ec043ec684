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
    -- How often the item was judged, per vote kind: the deck offers the least-judged first.
    -- Kept by the triggers below, so a raw INSERT INTO votes pays the same cost as the plugin.
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

-- The one secondary index on votes: a rater's votes, for the deck (what they judged), rater
-- summaries and deletion. Kept to two columns: its inserts land all over the index, and a
-- covering (app_id, rater, kind, item, right_item) version cost a third of insert throughput.
CREATE INDEX votes_by_rater ON votes (app_id, rater);

CREATE TRIGGER votes_count_binary AFTER INSERT ON votes WHEN NEW.kind = 'binary' BEGIN
    UPDATE items SET binary_judged = binary_judged + 1 WHERE app_id = NEW.app_id AND id = NEW.item;
END;

CREATE TRIGGER votes_count_pair AFTER INSERT ON votes WHEN NEW.kind = 'pair' BEGIN
    UPDATE items SET pair_judged = pair_judged + 1
     WHERE app_id = NEW.app_id AND id IN (NEW.item, NEW.right_item);
END;

CREATE TRIGGER votes_uncount_binary AFTER DELETE ON votes WHEN OLD.kind = 'binary' BEGIN
    UPDATE items SET binary_judged = max(binary_judged - 1, 0) WHERE app_id = OLD.app_id AND id = OLD.item;
END;

CREATE TRIGGER votes_uncount_pair AFTER DELETE ON votes WHEN OLD.kind = 'pair' BEGIN
    UPDATE items SET pair_judged = max(pair_judged - 1, 0)
     WHERE app_id = OLD.app_id AND id IN (OLD.item, OLD.right_item);
END;

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
