-- A merge patch of title and priority of a random task (from the same sample as get):
-- the title change also rewrites the task's search_vector.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local ids
local headers = {}
for k, v in pairs(common.headers) do headers[k] = v end
headers["Content-Type"] = "application/merge-patch+json"
local priorities = { "none", "low", "medium", "high", "urgent" }
local n = 0

function init(args)
	common.init()
	ids = common.task_ids()
end

function request()
	n = n + 1
	local body = string.format('{"title":"Edited by bench %d-%d: review export filter","priority":"%s"}',
		thread_no or 0, n, priorities[math.random(#priorities)])
	return wrk.format("PATCH", "/api/v1/tasks/" .. ids[math.random(#ids)], headers, body)
end
