-- One task by id, drawn at random from a sample of live tasks of every project. The path
-- before the id is BENCH_GET_PREFIX (default /api/v1/tasks/): bench/ceiling.sh sends the
-- same ids to the floors of bench/floor/HttpFloor.java (/floor/, /floor/db/).
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local prefix = os.getenv("BENCH_GET_PREFIX") or "/api/v1/tasks/"
local ids

function init(args)
	common.init()
	ids = common.task_ids()
end

function request()
	return wrk.format("GET", prefix .. ids[math.random(#ids)], common.headers)
end
