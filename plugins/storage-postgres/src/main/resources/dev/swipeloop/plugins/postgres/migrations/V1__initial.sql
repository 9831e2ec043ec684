-- Swipeloop PostgreSQL schema, version 1 (a row in schema_version, which SchemaMigrations keeps).
-- Applied by SchemaMigrations in one transaction, with the plugin's schema alone on the search
-- path; plain SQL so that other programs (a benchmark, psql) can build the very same schema.
--
-- The content mirrors the SQLite schema, so a database copies across without loss:
-- * Times are bigint microseconds since the Unix epoch (UTC), as in SQLite, rather than
--   timestamptz: a copy compares equal value for value, no session time zone or DateStyle
--   touches them, and batched writes send them as plain integers. timestamptz would keep
--   the same microseconds; to read them in psql: to_timestamp(received_at / 1e6).
-- * Ids that pages and ties are ordered by (apps, items, raters) are text COLLATE "C": byte
--   order of their UTF-8, which is SQLite's BINARY order, whatever the database's collation.
-- * Vote and ledger ids are uuid.

CREATE TABLE apps (
    id               text COLLATE "C" PRIMARY KEY,
    name             text    NOT NULL,
    allowed_origins  text    NOT NULL,  -- one origin per line
    publishable_key  text    NOT NULL,
    secret_key_hash  text    NOT NULL,
    signing_secret   text    NOT NULL,
    created_at       bigint  NOT NULL,
    -- How many times deleting one of the app's raters removed votes; only grows. Hosts compare
    -- it with the count their boards were built at (StorageBackend.erasures).
    erasures         bigint  NOT NULL DEFAULT 0
);

CREATE TABLE items (
    app_id           text COLLATE "C" NOT NULL,
    id               text COLLATE "C" NOT NULL,
    -- First-insert order: the deck's "oldest first among equals". An upsert of an existing
    -- item keeps it (ON CONFLICT DO UPDATE leaves unnamed columns alone).
    ord              bigint  GENERATED ALWAYS AS IDENTITY,
    image_url        text,
    prompt           text,
    negative_prompt  text,
    model            text,
    model_version    text,
    seed             bigint,
    params_json      text,
    pair_group       text,
    gold             text CHECK (gold IN ('like', 'dislike', 'skip')),
    updated_at       bigint  NOT NULL,
    PRIMARY KEY (app_id, id)
);

-- How often each item was judged, per vote kind (a pair vote counts for both of its items,
-- once when both sides are one item): the deck offers the least-judged first. Appends do not
-- touch it: each host's VoteFolder adds committed votes in the background (see vote_folds), and
-- erasing a rater's votes subtracts those already folded, one row per judged item. A table
-- apart from items, narrow and with room left on each page, so that these frequent updates are
-- HOT (no index entry changes) and never wait for an item upsert. Keyed by the vote's item id,
-- so votes that arrive before their item are counted too.
CREATE TABLE judged_counts (
    app_id           text COLLATE "C" NOT NULL,
    item             text COLLATE "C" NOT NULL,
    binary_judged    bigint  NOT NULL DEFAULT 0,
    pair_judged      bigint  NOT NULL DEFAULT 0,
    PRIMARY KEY (app_id, item)
) WITH (fillfactor = 70);

-- Each app's vote counter: the last seq it handed out. An append draws its app's next seqs by
-- `UPDATE … SET last_vote_seq = last_vote_seq + n … RETURNING`, then sends the votes under them
-- by COPY in the same transaction; the row stays locked until the transaction ends, so the
-- app's next append draws only after this one committed (or rolled back: then the same seqs are
-- drawn again), and within an app seqs follow commit order: a cursor that read past a seq never
-- sees a smaller one appear behind it. Seqs are unique within an app, never reused (erasures
-- leave the counter alone). A row per app: made with the app, by restores, and by the first
-- append of an app that has none (votes may come for an app this schema never created). A
-- narrow table of its own, with room left on each page so these updates stay HOT; they wait
-- only for the same app's other appends, its erasures (which lock the row) and restores (which
-- raise the counters).
CREATE TABLE app_seqs (
    app_id           text COLLATE "C" PRIMARY KEY,
    last_vote_seq    bigint  NOT NULL
) WITH (fillfactor = 50);

-- How far each app's votes are folded into judged_counts. Each host's VoteFolder adds committed
-- votes in chunks, per app in seq order, and moves the app's folded_seq in the same
-- transaction: every vote of the app with seq <= folded_seq is counted, no later one is. Reads
-- that need exact counts add the later ones (few) themselves, through the primary key (app_id,
-- seq). A fold holds the app's fold lock (AdvisoryLocks), so two hosts never fold the same
-- votes. A missing row means folded_seq 0.
CREATE TABLE vote_folds (
    app_id           text COLLATE "C" PRIMARY KEY,
    folded_seq       bigint  NOT NULL
);

-- seq: drawn from the app's app_seqs row, so within an app seqs increase in commit order. The
-- primary key (app_id, seq) is the export cursor's index, and the only one on seq: an index on
-- seq alone would tempt the planner to walk every app's votes after a seq, filtering by app.
-- kind = 'binary': item is the judged item, right_item is NULL, answer is like|dislike|skip.
-- kind = 'pair':   item is the left image, right_item the right one, answer is left|right|tie|skip.
CREATE TABLE votes (
    seq              bigint  NOT NULL,
    app_id           text COLLATE "C" NOT NULL,
    id               uuid    NOT NULL,
    rater            text COLLATE "C" NOT NULL,
    session          text,
    kind             text    NOT NULL CHECK (kind IN ('binary', 'pair')),
    item             text COLLATE "C" NOT NULL,
    right_item       text COLLATE "C",
    answer           text    NOT NULL,
    dwell_ms         integer,
    client_ts        bigint,
    received_at      bigint  NOT NULL,
    -- true when the request that brought the vote carried a rater token the host checked.
    verified         boolean NOT NULL DEFAULT false,
    PRIMARY KEY (app_id, seq),          -- an app's votes in seq order: cursors, the last seq, stats
    UNIQUE (app_id, id)                 -- idempotency: a retried vote is refused, then skipped
);

-- What a rater judged, per kind, with both sides of a pair in the index itself: answers "has
-- this rater judged this item in this kind" for the deck without reading the table (the role
-- SQLite's rater_votes plays), and finds a rater's votes for summaries and erasure.
CREATE INDEX votes_by_rater ON votes (app_id, rater, kind) INCLUDE (item, right_item);

CREATE SEQUENCE ledger_seqs;

CREATE TABLE ledger (
    seq              bigint  NOT NULL,  -- from ledger_seqs under the app's ledger lock, like votes.seq
    app_id           text COLLATE "C" NOT NULL,
    rater            text COLLATE "C" NOT NULL,
    policy           text    NOT NULL,
    points           bigint  NOT NULL,
    reason           text,
    vote_id          uuid,
    at               bigint  NOT NULL,
    vests_at         bigint,            -- NULL: vests at `at`
    PRIMARY KEY (app_id, seq)           -- an app's entries in seq order, for the host's webhook cursor
);

-- A rater's entries in seq order.
CREATE INDEX ledger_by_rater ON ledger (app_id, rater, seq);

-- An app's entries by time with their points: the sum since a time (an app-wide daily cap)
-- reads only the index, and a short period's leaderboard only that period's entries.
CREATE INDEX ledger_by_app_time ON ledger (app_id, at) INCLUDE (points);

-- Where each named export of an app got to: the seq of the last vote it delivered.
CREATE TABLE export_cursors (
    app_id           text COLLATE "C" NOT NULL,
    name             text COLLATE "C" NOT NULL,
    seq              bigint  NOT NULL,
    updated_at       bigint  NOT NULL,
    PRIMARY KEY (app_id, name)
);

-- Named ledger cursors per app (`rewards`: the last vote seq paid for; `webhooks`: the last
-- ledger seq settled). A missing row means seq 0. The rewards cursor moves in the transaction
-- that appends the entries it paid for, under the app's ledger lock.
CREATE TABLE ledger_cursors (
    app_id           text COLLATE "C" NOT NULL,
    name             text COLLATE "C" NOT NULL,
    seq              bigint  NOT NULL,
    updated_at       bigint  NOT NULL,
    PRIMARY KEY (app_id, name)
);

-- The keys an app changed from the host's defaults, values as text.
CREATE TABLE app_settings (
    app_id           text COLLATE "C" NOT NULL,
    key              text COLLATE "C" NOT NULL,
    value            text    NOT NULL,
    updated_at       bigint  NOT NULL,
    PRIMARY KEY (app_id, key)
);

-- What a rater chose to show: only listed raters appear on leaderboards, under display_name.
CREATE TABLE rater_profiles (
    app_id           text COLLATE "C" NOT NULL,
    rater            text COLLATE "C" NOT NULL,
    display_name     text,
    listed           boolean NOT NULL,
    updated_at       bigint  NOT NULL,
    PRIMARY KEY (app_id, rater)
);

-- Which host runs a thing that must not run twice (an export cursor's run, webhook
-- deliveries), until when. app_id '' holds host-wide leases. `until` and the time a lease is
-- compared with come from the hosts (StorageBackend.tryLease gets `now`), never from the
-- database clock.
CREATE TABLE leases (
    app_id           text COLLATE "C" NOT NULL,
    name             text COLLATE "C" NOT NULL,
    holder           text    NOT NULL,
    until            bigint  NOT NULL,
    PRIMARY KEY (app_id, name)
);
