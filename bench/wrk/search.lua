-- Full-text search (?q=) in the BENCH project, first page of 50. The words come from the
-- three frequency bands of bench/gen.py's Zipf vocabulary, in equal shares: common (in
-- about a third of the tasks or more), middling (about 5%) and rare (about 1%).
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local base = "/api/v1/projects/" .. assert(common.project, "BENCH_PROJECT_ID is not set") .. "/tasks?limit=50&q="
local words = {
	"list", "project", "task", "search", "button", "login", "update", "server",
	"chart", "graph", "theme", "color", "font", "layout", "header", "footer",
	"orchid", "saffron", "tundra", "quartz", "nebula", "cobalt", "juniper", "marigold",
}
-- BENCH_SEARCH_WORDS (comma-separated) replaces the list, e.g. for one band at a time.
local override = os.getenv("BENCH_SEARCH_WORDS")
if override and #override > 0 then
	words = {}
	for word in string.gmatch(override, "[^,]+") do words[#words + 1] = word end
end

function init(args)
	common.init()
end

function request()
	return wrk.format("GET", base .. words[math.random(#words)], common.headers)
end
