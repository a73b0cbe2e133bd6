-- The first page (50) of the BENCH project's task list, newest first.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local path = "/api/v1/projects/" .. assert(common.project, "BENCH_PROJECT_ID is not set") .. "/tasks?limit=50"

function init(args)
	common.init()
end

function request()
	return wrk.format("GET", path, common.headers)
end
