-- Load spread over several paths, one request to each in turn: bench/run warms a new gateway up with it, so that
-- the JIT has compiled all of its routes before any of them is measured. WRK_PATHS lists the paths, space-separated.

local paths = {}
for path in string.gmatch(os.getenv("WRK_PATHS") or "/", "%S+") do
  paths[#paths + 1] = path
end
local last = 0

function request()
  last = last % #paths + 1
  return wrk.format(nil, paths[last])
end
