-- A new task in the BENCH project (the busiest one: creation is serialized per project by
-- the row lock that hands out task numbers, so this is the contended case).
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local path = "/api/v1/projects/" .. assert(common.project, "BENCH_PROJECT_ID is not set") .. "/tasks"
local headers = {}
for k, v in pairs(common.headers) do headers[k] = v end
headers["Content-Type"] = "application/json"
local priorities = { "none", "low", "medium", "high", "urgent" }
local n = 0

function init(args)
	common.init()
end

function request()
	n = n + 1
	local body = string.format(
		'{"title":"Bench task %d-%d: fix search ranking under load","description":"Created by bench/wrk/create.lua. '
			.. 'Steps to reproduce: open the board, filter by label, export the list.","priority":"%s"}',
		thread_no or 0, n, priorities[math.random(#priorities)])
	return wrk.format("POST", path, headers, body)
end
