-- Turns the storage-postgres plugin's votes table into one partition per month (docs/scaling.md).
-- Run it with psql in the plugin's schema while no host runs:
--   psql "$DATABASE" -v ON_ERROR_STOP=1 -c 'SET search_path TO swipeloop' -f docs/partition-votes-by-month.sql
-- It partitions by the vote id: ids are UUIDv7, whose first 48 bits are the millisecond they
-- were made, so one month of ids is one range. A unique key of a partitioned table must hold the
-- partition key; (app_id, id), the idempotency key, does, and the cursor's (app_id, seq) becomes
-- (app_id, seq, id), which orders and finds votes the same way. Ids that are not UUIDv7 land in
-- the first or last partition, where their id still finds them, so idempotency holds for every id.
BEGIN;

ALTER TABLE votes RENAME TO votes_unpartitioned;
ALTER TABLE votes_unpartitioned RENAME CONSTRAINT votes_pkey TO votes_unpartitioned_pkey;
ALTER TABLE votes_unpartitioned RENAME CONSTRAINT votes_app_id_id_key TO votes_unpartitioned_app_id_id_key;
ALTER INDEX votes_by_rater RENAME TO votes_unpartitioned_by_rater;

CREATE TABLE votes (LIKE votes_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (id);
ALTER TABLE votes ADD CONSTRAINT votes_by_app_seq UNIQUE (app_id, seq, id);
ALTER TABLE votes ADD CONSTRAINT votes_app_id_id_key UNIQUE (app_id, id);
CREATE INDEX votes_by_rater ON votes (app_id, rater, kind) INCLUDE (item, right_item);

-- The lowest UUIDv7 of a month: its first millisecond, every other bit zero.
CREATE FUNCTION pg_temp.month_start(month date) RETURNS uuid LANGUAGE sql AS $$
    SELECT (lpad(to_hex((extract(epoch FROM month::timestamptz AT TIME ZONE 'UTC') * 1000)::bigint), 12, '0')
            || '00000000000000000000')::uuid
$$;

-- One partition per month from the oldest vote's month to a year ahead; before and after them,
-- one partition each. Add next months ahead of time (a cron job), or the last one grows.
DO $$
DECLARE
    first_month date := date_trunc('month', coalesce(
        (SELECT to_timestamp(min(received_at) / 1e6) AT TIME ZONE 'UTC' FROM votes_unpartitioned), now()));
    last_month date := date_trunc('month', now() + interval '12 months');
    month date := first_month;
BEGIN
    EXECUTE format('CREATE TABLE votes_before PARTITION OF votes FOR VALUES FROM (MINVALUE) TO (%L)',
                   pg_temp.month_start(first_month));
    WHILE month <= last_month LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF votes FOR VALUES FROM (%L) TO (%L)',
                       'votes_' || to_char(month, 'YYYY_MM'), pg_temp.month_start(month),
                       pg_temp.month_start((month + interval '1 month')::date));
        month := (month + interval '1 month')::date;
    END LOOP;
    EXECUTE format('CREATE TABLE votes_after PARTITION OF votes FOR VALUES FROM (%L) TO (MAXVALUE)',
                   pg_temp.month_start(month));
END $$;

INSERT INTO votes SELECT * FROM votes_unpartitioned;
DROP TABLE votes_unpartitioned;

COMMIT;
