-- GET /v1/deck for a rater drawn at random from a pool, so most decks are a fresh rater's
-- (the common case: a visitor's first cards). MODE, KEY, ORIGIN come from the environment.
local mode = os.getenv("MODE") or "binary"
local key = os.getenv("KEY")
local origin = os.getenv("ORIGIN")
local raters = tonumber(os.getenv("RATERS") or "100000")

function setup(thread)
  thread:set("id", math.random(1, 1000000))
end

function init(args)
  math.randomseed(id)
  wrk.headers["Authorization"] = "Bearer " .. key
  wrk.headers["Origin"] = origin
end

function request()
  local path = "/v1/deck?mode=" .. mode .. "&limit=10&rater=visitor-" .. math.random(1, raters)
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("RESULT rps=%.1f p50=%.2f p99=%.2f non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000, non2xx))
end
