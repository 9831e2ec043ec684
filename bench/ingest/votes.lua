-- wrk script: POST /v1/votes with BATCH votes per request (env BATCH, default 1).
-- Ids are UUIDv7-shaped and increase within each wrk thread, as the widget's do.
-- env KEY (publishable key), ORIGIN (an allowed origin of the app), ITEMS (item-0..ITEMS-1).
--
-- The load generator shares the machine's cores with the server, so it is kept cheap: the
-- random part of each vote (rater, item, verdict, dwell) is one of 4096 tails made in init(),
-- and the ids of one request share a prefix made once per request.

local batch = tonumber(os.getenv("BATCH") or "1")
local items = tonumber(os.getenv("ITEMS") or "1000")
local verdicts = { "like", "dislike", "like", "skip" }
local tails = {}
local suffixes = {}
local counter = 0
-- tid is a global: setup() gives each wrk thread its own through thread:set.

function setup(thread)
  thread:set("tid", math.random(0, 4095))
end

function init(args)
  tid = tid or 0
  math.randomseed(os.time() + tid)
  for i = 1, 4096 do
    tails[i] = string.format('","rater":"r-%d","session":"s-%d","kind":"binary","item":"item-%d","verdict":"%s","dwellMs":%d}',
      math.random(0, 9999), tid, math.random(0, items - 1), verdicts[math.random(1, 4)], math.random(200, 4000))
  end
  for i = 0, 4095 do
    suffixes[i + 1] = string.format("%03x", i)
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("KEY")
  wrk.headers["Origin"] = os.getenv("ORIGIN")
end

-- 8-4-4-4-12 hex; the last three hex digits are left for the vote's index in the request.
local function id_prefix()
  counter = counter + 1
  local ms = os.time() * 1000
  return string.format("%06x%02x-%04x-7%03x-%x%03x-%06x%03x",
    math.floor(ms / 16777216), math.floor(ms % 16777216 / 65536), ms % 65536,
    math.floor(counter / 16777216) % 4096, 8 + tid % 4, tid, math.floor(counter / 4096) % 16777216, counter % 4096)
end

function request()
  local prefix = '{"id":"' .. id_prefix()
  local parts = {}
  for i = 1, batch do
    parts[i] = prefix .. suffixes[i] .. tails[math.random(1, 4096)]
  end
  return wrk.format(nil, nil, nil, '{"votes":[' .. table.concat(parts, ",") .. ']}')
end

-- One machine-readable line after wrk's own report: requests/s and latency percentiles (ms).
function done(summary, latency, requests)
  io.write(string.format("RESULT requests_per_sec=%.1f p50_ms=%.3f p99_ms=%.3f errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
