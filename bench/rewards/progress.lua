-- wrk script: GET PATH_PREFIX<rater>PATH_SUFFIX for raters r-0..r-9999 (those votes.lua votes as),
-- with the key given and an allowed Origin, as a page or the app's server asks for progress.
-- env KEY, ORIGIN, PATH_PREFIX (e.g. /v1/raters/), PATH_SUFFIX (e.g. /progress or /profile).

local prefix = os.getenv("PATH_PREFIX")
local suffix = os.getenv("PATH_SUFFIX") or ""

function init(args)
  math.randomseed(os.time())
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("KEY")
  wrk.headers["Origin"] = os.getenv("ORIGIN")
end

function request()
  return wrk.format("GET", prefix .. "r-" .. math.random(0, 9999) .. suffix)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT rps=%.1f p50=%.3f p99=%.3f non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status))
end
