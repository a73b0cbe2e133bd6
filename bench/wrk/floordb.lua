-- The database floor route of bench/floor/HttpFloor.java, with the same ids and headers as get.lua.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local ids

function init(args)
	common.init()
	ids = common.task_ids()
end

function request()
	return wrk.format("GET", "/floor/db/" .. ids[math.random(#ids)], common.headers)
end
