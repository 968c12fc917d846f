-- wrk script of bench/run.sh: GET <prefix><token> with a token picked at random from a file,
-- or GET <prefix> alone when the file is "-". Counts HTTP statuses and the "result" field of the
-- answers, and ends with one line "BENCH {json}": requests/s, latency percentiles (ms), counts.
--
--   wrk -t2 -c64 -d20s -s bench/wrk/verify.lua http://127.0.0.1:5000 -- tokens.txt /api/v1/verify/
--   wrk -t1 -c1 -d10s -H "Authorization: Bearer ..." -s bench/wrk/verify.lua http://... -- - "/api/v1/enterprises/<id>/permits?limit=50"
--   wrk -t2 -c64 -d30s -s bench/wrk/verify.lua http://... -- tokens.txt /api/v1/verify/ each 2
--     "each THREADS": every token once, in file order, shared out between the THREADS threads
--     (the count given to -t); a thread stops when its share is answered (wrk still waits -d).

local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  table.insert(threads, thread)
end

function init(args)
  tokens = {}
  prefix = args[2] or "/api/v1/verify/"
  if args[1] and args[1] ~= "-" then
    for line in io.lines(args[1]) do
      if #line > 0 then tokens[#tokens + 1] = line end
    end
  end
  math.randomseed(os.time() * 1000 + id)
  each = args[3] == "each"
  if each then
    local share = math.ceil(#tokens / tonumber(args[4]))
    next_token = (id - 1) * share + 1
    last_token = math.min(id * share, #tokens)
    answered, to_answer = 0, last_token - next_token + 1
  end
  statuses = {}
  results = {}
end

function request()
  if #tokens == 0 then
    return wrk.format("GET", prefix)
  end
  if each then
    local token = tokens[math.min(next_token, last_token)]
    next_token = next_token + 1
    return wrk.format("GET", prefix .. token)
  end
  return wrk.format("GET", prefix .. tokens[math.random(#tokens)])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  local result = body and string.match(body, '"result":"([%a_]+)"') or "none"
  results[result] = (results[result] or 0) + 1
  if each then
    answered = answered + 1
    if answered >= to_answer then wrk.thread:stop() end
  end
end

local function json_counts(counts)
  local parts = {}
  for key, value in pairs(counts) do
    parts[#parts + 1] = string.format('"%s":%d', tostring(key), value)
  end
  return "{" .. table.concat(parts, ",") .. "}"
end

function done(summary, latency, requests)
  local statuses_all, results_all = {}, {}
  for _, thread in ipairs(threads) do
    for key, value in pairs(thread:get("statuses")) do statuses_all[key] = (statuses_all[key] or 0) + value end
    for key, value in pairs(thread:get("results")) do results_all[key] = (results_all[key] or 0) + value end
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests":%d,"seconds":%.2f,"rps":%.1f,"p50_ms":%.2f,"p90_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},"statuses":%s,"results":%s}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.status, e.timeout, json_counts(statuses_all), json_counts(results_all)))
end
