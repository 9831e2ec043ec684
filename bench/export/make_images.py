#!/usr/bin/env python3
"""Makes distinct ~10 KB PNG images and uploads each to a running host with POST /v1/media.

Usage: make_images.py BASE_URL SECRET_KEY [--count 2000] [--side 56] > urls.txt

Each image is RGB noise, side x side pixels: noise does not compress, so a 56x56 image is ~9.5 KB
of PNG whatever zlib does, about the size of a small generated thumbnail. Prints the URL the host
answers for each image, one per line, for make_votes.py --image-urls; sizes go to stderr.
Standard library only.
"""
import argparse
import http.client
import json
import random
import struct
import sys
import time
import urllib.parse
import zlib

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def noise_png(rng, side):
    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    rows = b"".join(b"\x00" + rng.randbytes(side * 3) for _ in range(side))  # filter 0 per row
    return PNG_SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def upload(connection, secret_key, png):
    """POST /v1/media on a kept-alive connection; waits out a 429 (the key's rate limit) and retries."""
    while True:
        connection.request("POST", "/v1/media", body=png, headers={
            "Authorization": "Bearer " + secret_key, "Content-Type": "image/png"})
        response = connection.getresponse()
        body = response.read()
        if response.status == 429:
            time.sleep(float(response.getheader("Retry-After", "1")))
            continue
        if response.status not in (200, 201):
            sys.exit("make_images: POST /v1/media answered %d: %s" % (response.status, body[:300]))
        return json.loads(body)["url"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base_url")
    parser.add_argument("secret_key")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--side", type=int, default=56)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    target = urllib.parse.urlsplit(args.base_url)
    connection = http.client.HTTPConnection(target.hostname, target.port)
    sizes = []
    for _ in range(args.count):
        png = noise_png(rng, args.side)
        sizes.append(len(png))
        print(upload(connection, args.secret_key, png))
    connection.close()
    print("make_images: %d PNGs of %dx%d, %d to %d bytes (mean %.0f)" % (
        len(sizes), args.side, args.side, min(sizes), max(sizes), sum(sizes) / len(sizes)), file=sys.stderr)
    if not 9000 <= sum(sizes) / len(sizes) <= 11000:
        sys.exit("make_images: images are not ~10 KB; change --side")


if __name__ == "__main__":
    main()
