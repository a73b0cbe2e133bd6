-- A page of 50 deep in the BENCH project's list: the cursor run.sh obtained by paging
-- BENCH_DEEP_ROWS rows in (BENCH_DEEP_CURSOR). Keyset paging should make it cost what the
-- first page costs.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local cursor = assert(os.getenv("BENCH_DEEP_CURSOR"), "BENCH_DEEP_CURSOR is not set")
local path = "/api/v1/projects/" .. assert(common.project, "BENCH_PROJECT_ID is not set") .. "/tasks?limit=50&cursor="
	.. cursor

function init(args)
	common.init()
end

function request()
	return wrk.format("GET", path, common.headers)
end
