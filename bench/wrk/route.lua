-- GET one path (BENCH_PATH), with the Authorization header BENCH_AUTHORIZATION when it is
-- set and not empty: the same route with and without credentials (bench/auth.sh).
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local path = assert(os.getenv("BENCH_PATH"), "BENCH_PATH is not set")
local authorization = os.getenv("BENCH_AUTHORIZATION") or ""
local headers = { ["Accept"] = "*/*" }
if authorization ~= "" then headers["Authorization"] = authorization end

function init(args)
	common.init()
end

function request()
	return wrk.format("GET", path, headers)
end
