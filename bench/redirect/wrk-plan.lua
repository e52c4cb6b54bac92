-- wrk's side of wrk-run.ts: the plan's requests (one per line of the file in args[1]: the path,
-- then its header lines, tab-separated), sent in turn (`cycle`) or picked at random (`random`).
-- Prebuilt request bytes, as autocannon's `cycle` order reuses its own: the generator's cost per
-- request stays a table look-up. Answers are counted by status in each thread and summed in
-- `done`, which prints one line for wrk-run.ts.
local requests = {}
local order = "cycle"
local nextIndex = 0
redirects = 0
others = 0

function init(args)
  local file, host = args[1], args[3]
  order = args[2]
  math.randomseed(os.time())
  for line in io.lines(file) do
    local path, rest = line:match("^([^\t]*)\t?(.*)$")
    local head = "GET " .. path .. " HTTP/1.1\r\nHost: " .. host .. "\r\n"
    for field in rest:gmatch("[^\t]+") do
      head = head .. field .. "\r\n"
    end
    requests[#requests + 1] = head .. "\r\n"
  end
end

function request()
  if order == "random" then
    return requests[math.random(#requests)]
  end
  nextIndex = nextIndex % #requests + 1
  return requests[nextIndex]
end

function response(status, headers, body)
  if status >= 300 and status < 400 then
    redirects = redirects + 1
  else
    others = others + 1
  end
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local answeredRedirects, answeredOthers = 0, 0
  for _, thread in ipairs(threads) do
    answeredRedirects = answeredRedirects + thread:get("redirects")
    answeredOthers = answeredOthers + thread:get("others")
  end
  local errors = summary.errors
  io.write(string.format(
    'WRK_RESULT {"durationUs":%d,"redirects":%d,"others":%d,"connect":%d,"read":%d,' ..
      '"write":%d,"timeout":%d,"p50Us":%d,"p99Us":%d}\n',
    summary.duration, answeredRedirects, answeredOthers, errors.connect, errors.read,
    errors.write, errors.timeout, latency:percentile(50), latency:percentile(99)))
end
