-- wrk script: POST /v1/votes with BATCH votes per request (env BATCH, default 1).
-- Ids are UUIDv7-shaped and increase within each wrk thread, as the widget's do.
-- env KEY (publishable key), ORIGIN (an allowed origin of the app), ITEMS (item-0..ITEMS-1).

local batch = tonumber(os.getenv("BATCH") or "1")
local items = tonumber(os.getenv("ITEMS") or "1000")
local counter = 0
-- tid is a global: setup() gives each wrk thread its own through thread:set.
local verdicts = { "like", "dislike", "like", "skip" }

function setup(thread)
  thread:set("tid", math.random(0, 4095))
end

function init(args)
  tid = tid or 0
  math.randomseed(os.time() + tid)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("KEY")
  wrk.headers["Origin"] = os.getenv("ORIGIN")
end

local function uuid7()
  counter = counter + 1
  local ms = os.time() * 1000
  local hi = math.floor(ms / 16777216)
  local lo = ms % 16777216
  local c_hi = math.floor(counter / 281474976710656) % 4096
  return string.format("%06x%02x-%04x-7%03x-%x%03x-%06x%06x",
    hi, math.floor(lo / 65536), lo % 65536, c_hi, 8 + (tid % 4), tid,
    math.floor(counter / 16777216) % 16777216, counter % 16777216)
end

local function vote()
  return string.format(
    '{"id":"%s","rater":"r-%d","session":"s-%d","kind":"binary","item":"item-%d","verdict":"%s","dwellMs":%d}',
    uuid7(), math.random(0, 9999), tid, math.random(0, items - 1), verdicts[math.random(1, 4)], math.random(200, 4000))
end

function request()
  local parts = {}
  for i = 1, batch do
    parts[i] = vote()
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
