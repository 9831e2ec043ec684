"""Seeds one app of a running host with the deck benchmark's data over the public API.

ITEMS images in prompt groups of 5 from 4 models, then VOTES binary votes and VOTES/2 pair
votes by 5,000 raters (seeded, so both apps of a run get the same data). Usage:
  python3 seed.py BASE_URL SECRET_KEY PUBLISHABLE_KEY ORIGIN ITEMS VOTES
"""
import json
import random
import sys
import urllib.request
import uuid

base, sk, pk, origin = sys.argv[1:5]
items, votes = int(sys.argv[5]), int(sys.argv[6])


def post(path, key, body):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST", headers={
        "Authorization": "Bearer " + key, "Origin": origin, "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as res:
        res.read()


random.seed(5)
models = ["sdxl", "flux", "sd15", "kandinsky"]
ids = ["img-%d" % i for i in range(items)]
for start in range(0, items, 1000):
    post("/v1/items", sk, {"items": [{"id": ids[i], "imageUrl": "https://img.example/%d.png" % i,
                                      "prompt": "prompt %d" % (i // 5), "group": "g%d" % (i // 5),
                                      "model": models[i % 4]} for i in range(start, min(items, start + 1000))]})
appeal = [random.random() for _ in range(items)]
batch = []


def add(vote):
    batch.append(vote)
    if len(batch) == 500:
        post("/v1/votes", pk, {"votes": batch})
        batch.clear()


for n in range(votes):
    i = random.randrange(items)
    add({"id": str(uuid.uuid4()), "rater": "r%d" % random.randrange(5000), "kind": "binary", "item": ids[i],
         "verdict": "like" if random.random() < appeal[i] else "dislike", "dwellMs": random.randint(800, 4000)})
for n in range(votes // 2):
    g = random.randrange(items // 5)
    a, b = random.sample(range(g * 5, g * 5 + 5), 2)
    add({"id": str(uuid.uuid4()), "rater": "r%d" % random.randrange(5000), "kind": "pair", "left": ids[a],
         "right": ids[b], "choice": "left" if random.random() < appeal[a] / (appeal[a] + appeal[b]) else "right",
         "dwellMs": random.randint(800, 4000)})
if batch:
    post("/v1/votes", pk, {"votes": batch})
