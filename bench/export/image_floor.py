#!/usr/bin/env python3
"""The I/O floor of the Pick-a-Pic export: the same image bytes, read and written, and nothing else.

Usage: image_floor.py DB APP_ID MEDIA_DIR OUT

Selects the pairs the Pick-a-Pic export writes (pair votes answered left or right, in seq order,
with both items), reads both images of each from the host's media store (MEDIA_DIR/ab/cd/<sha256>)
and writes their bytes to OUT, one after the other. That is the least any exporter of these rows
must do: no Parquet encoding, no captions or labels, no per-row JVM work. Prints "rows bytes".
"""
import re
import sqlite3
import sys

MEDIA_PATH = re.compile(r".*/media/([0-9a-f]{64})(?:[?#].*)?$")

PAIRS = """SELECT l.image_url, r.image_url FROM votes v
    JOIN items l ON l.app_id = v.app_id AND l.id = v.item
    JOIN items r ON r.app_id = v.app_id AND r.id = v.right_item
    WHERE v.app_id = ? AND v.kind = 'pair' AND v.answer IN ('left', 'right') ORDER BY v.seq"""


def media_file(media_dir, url):
    sha = MEDIA_PATH.match(url).group(1)
    return "%s/%s/%s/%s" % (media_dir, sha[:2], sha[2:4], sha)


def main():
    db_path, app, media_dir, out_path = sys.argv[1:5]
    db = sqlite3.connect("file:%s?mode=ro" % db_path, uri=True)
    rows = written = 0
    with open(out_path, "wb") as out:
        for left_url, right_url in db.execute(PAIRS, (app,)):
            for url in (left_url, right_url):
                with open(media_file(media_dir, url), "rb") as image:
                    written += out.write(image.read())
            rows += 1
    print(rows, written)


if __name__ == "__main__":
    main()
