-- Shared by the scenarios: the credential, the sample of task ids, per-thread random
-- seeds, and a count of responses by status, printed by done() so that errors under
-- load (4xx, 5xx) show up next to the latencies.
--
-- Environment (set by bench/run.sh): BENCH_TOKEN (a cairn_pat_...), BENCH_PROJECT_ID,
-- BENCH_TASK_IDS (a file with one task id a line).

local common = {}

common.token = assert(os.getenv("BENCH_TOKEN"), "BENCH_TOKEN is not set")
common.project = os.getenv("BENCH_PROJECT_ID")
common.headers = { ["Authorization"] = "Bearer " .. common.token, ["Accept"] = "application/json" }

function common.task_ids()
	local path = assert(os.getenv("BENCH_TASK_IDS"), "BENCH_TASK_IDS is not set")
	local ids = {}
	for line in io.lines(path) do
		if #line > 0 then ids[#ids + 1] = line end
	end
	assert(#ids > 0, "no task ids in " .. path)
	return ids
end

local threads = {}
local counter = 0

function setup(thread)
	counter = counter + 1
	thread:set("thread_no", counter)
	table.insert(threads, thread)
end

-- Each thread has its own Lua state; statuses counts its responses.
statuses = {}

function common.init()
	math.randomseed(os.time() * 100 + (thread_no or 0))
	for _ = 1, 10 do math.random() end
end

function response(status, headers, body)
	statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
	local all = {}
	for _, thread in ipairs(threads) do
		local counts = thread:get("statuses")
		for status, n in pairs(counts) do all[status] = (all[status] or 0) + n end
	end
	local keys = {}
	for status in pairs(all) do keys[#keys + 1] = status end
	table.sort(keys)
	for _, status in ipairs(keys) do
		io.write(string.format("status %d: %d\n", status, all[status]))
	end
	io.write(string.format("p50_ms %.2f\np90_ms %.2f\np99_ms %.2f\nmax_ms %.2f\nrps %.1f\nrequests %d\n",
		latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
		latency.max / 1000, summary.requests / (summary.duration / 1e6), summary.requests))
	io.write(string.format("socket_errors connect=%d read=%d write=%d timeout=%d\n", summary.errors.connect,
		summary.errors.read, summary.errors.write, summary.errors.timeout))
end

return common
