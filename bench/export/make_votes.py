#!/usr/bin/env python3
"""Fills a Swipeloop SQLite database with synthetic items and votes for the export benchmarks.

Usage: make_votes.py DB APP_ID --votes N --items M [--pair-share 0.3] [--raters R] [--image-urls FILE]

The database must exist with the app in it (`swipeloop apps create --data DIR` makes both). Votes
are written straight into the tables the SQLite plugin uses, including the derived state its
background indexer would otherwise spend minutes folding (rater_votes, judged counts,
vote_index), so the host starts with nothing left to index and the benchmark measures the
export alone. Vote ids are UUIDv7, as the widget makes them. With --image-urls, items take their
image URLs from that file (one per line, e.g. /media/<sha256> URLs of uploaded images), cycling
through them.
"""
import argparse
import random
import sqlite3
import sys
import time

MODELS = ["sdxl-1.0", "flux-dev", "sd3-medium", "playground-v2.5"]
SUBJECTS = ["a red fox in snow", "a lighthouse at dusk", "a bowl of ramen", "an astronaut riding a horse",
            "a watercolor city street", "a cat wearing sunglasses", "a medieval castle, \"epic\" lighting",
            "a neon-lit alley in the rain", "a portrait of an old fisherman", "a bonsai tree, studio photo"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("app")
    parser.add_argument("--votes", type=int, required=True)
    parser.add_argument("--items", type=int, required=True)
    parser.add_argument("--pair-share", type=float, default=0.3)
    parser.add_argument("--raters", type=int, default=5000)
    parser.add_argument("--image-urls")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    urls = None
    if args.image_urls:
        with open(args.image_urls) as f:
            urls = [line.strip() for line in f if line.strip()]

    if args.items < 4:
        sys.exit("make_votes: --items must be at least 4 (pairs are drawn from groups of 4 items)")

    db = sqlite3.connect(args.db, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    # The rater index below is filled in one statement; a large page cache keeps it off the disk.
    db.execute("PRAGMA cache_size=-262144")
    started = time.time()
    db.execute("BEGIN")
    if db.execute("SELECT 1 FROM apps WHERE id = ?", (args.app,)).fetchone() is None:
        sys.exit("make_votes: no app %r in %s; create it first with 'swipeloop apps create --data DIR'"
                 % (args.app, args.db))
    now_us = int(time.time() * 1e6)
    items = []
    for i in range(args.items):
        group = i // 4
        prompt = "%s, variation %d" % (SUBJECTS[group % len(SUBJECTS)], group)
        url = urls[i % len(urls)] if urls else "https://cdn.example/%s/item-%d.png" % (args.app, i)
        items.append((args.app, "item-%d" % i, url, prompt, "blurry, watermark", MODELS[i % len(MODELS)], "v1",
                      1000 + i, '{"sampler":"dpmpp_2m","steps":30,"cfg":7.5}', "g%d" % group, now_us))
    db.executemany("INSERT INTO items (app_id, id, image_url, prompt, negative_prompt, model, model_version, seed,"
                   " params_json, pair_group, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", items)

    (last,) = db.execute("SELECT last_value FROM sequences WHERE name = 'votes'").fetchone()
    # The derived state is written for the new votes only, so every older one must be folded already
    # (stop the host first; its indexer catches up when it closes).
    (indexed,) = db.execute("SELECT indexed_seq FROM vote_index").fetchone()
    if indexed != last:
        sys.exit("make_votes: the indexer is at seq %d but votes go up to %d; start and stop the host once so it"
                 " folds them, then run this again" % (indexed, last))

    def uuid7(at_us):
        """The widget's vote ids are UUIDv7: 48 bits of milliseconds first, so (app_id, id) grows at its end."""
        value = (at_us // 1000) << 80 | 0x7 << 76 | rng.getrandbits(12) << 64 | 0b10 << 62 | rng.getrandbits(62)
        return value.to_bytes(16, "big")

    def votes():
        for n in range(args.votes):
            seq = last + n + 1
            rater = "rater-%d" % rng.randrange(args.raters)
            at = now_us - (args.votes - n) * 1000
            if rng.random() < args.pair_share:
                group = rng.randrange(args.items // 4)
                left, right = rng.sample(range(group * 4, group * 4 + 4), 2)
                answer = rng.choices(["left", "right", "tie", "skip"], [45, 45, 7, 3])[0]
                yield (seq, args.app, uuid7(at), rater, "s-" + rater, "pair", "item-%d" % left,
                       "item-%d" % right, answer, rng.randrange(300, 5000), at - 200, at)
            else:
                answer = rng.choices(["like", "dislike", "skip"], [48, 47, 5])[0]
                yield (seq, args.app, uuid7(at), rater, "s-" + rater, "binary",
                       "item-%d" % rng.randrange(args.items), None, answer, rng.randrange(300, 5000), at - 200, at)

    db.executemany("INSERT INTO votes (seq, app_id, id, rater, session, kind, item, right_item, answer, dwell_ms,"
                   " client_ts, received_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", votes())
    new_last = last + args.votes
    db.execute("UPDATE sequences SET last_value = ? WHERE name = 'votes'", (new_last,))
    # What the plugin's VoteIndexer would fold in the background (see V1__initial.sql).
    # As the plugin's RaterIndexSql does it: rows go in in key order, and a pair counts once for each
    # of its items, once in all if both sides are the same item.
    db.execute("INSERT INTO rater_votes (app_id, rater, kind, seq, item, right_item)"
               " SELECT app_id, rater, kind, seq, item, right_item FROM votes WHERE seq > ?"
               " ORDER BY app_id, rater, kind, seq", (last,))
    db.execute("""CREATE TEMP TABLE judged AS SELECT item AS id, sum(kind = 'binary') AS b, sum(kind = 'pair') AS p
        FROM (SELECT kind, item FROM votes WHERE seq > ?1 AND app_id = ?2
              UNION ALL SELECT kind, right_item FROM votes WHERE seq > ?1 AND app_id = ?2 AND right_item <> item)
        GROUP BY item""", (last, args.app))
    db.execute("CREATE UNIQUE INDEX temp.judged_id ON judged (id)")
    db.execute("""UPDATE items SET
        binary_judged = binary_judged + coalesce((SELECT b FROM judged WHERE judged.id = items.id), 0),
        pair_judged = pair_judged + coalesce((SELECT p FROM judged WHERE judged.id = items.id), 0)
        WHERE app_id = ?""", (args.app,))
    db.execute("UPDATE vote_index SET indexed_seq = ?", (new_last,))
    db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print("make_votes: %d items, %d votes in %.1f s" % (args.items, args.votes, time.time() - started))


if __name__ == "__main__":
    main()
