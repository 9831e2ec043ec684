-- Swipeloop PostgreSQL schema, version 2: judged counts folded in the background.
--
-- Appends write only votes; each host's VoteFolder adds committed votes to judged_counts in
-- chunks, per app in seq order, and moves the app's folded_seq in the same transaction. Every
-- vote of the app with seq <= folded_seq is counted, no later one is; reads that need exact
-- counts add the later ones (few) themselves, through the primary key (app_id, seq). A fold
-- holds the app's fold lock (AdvisoryLocks), so two hosts never fold the same votes. A missing
-- row means folded_seq 0.
CREATE TABLE vote_folds (
    app_id           text COLLATE "C" PRIMARY KEY,
    folded_seq       bigint  NOT NULL
);

-- Version 1 counted every vote in the transaction that appended it: all are folded already.
INSERT INTO vote_folds (app_id, folded_seq) SELECT app_id, max(seq) FROM votes GROUP BY app_id;
