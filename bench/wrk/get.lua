-- One task by id, drawn at random from a sample of live tasks of every project.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local ids

function init(args)
	common.init()
	ids = common.task_ids()
end

function request()
	return wrk.format("GET", "/api/v1/tasks/" .. ids[math.random(#ids)], common.headers)
end
