-- wrk script for bench/serve_measure.py: the token as a header, and the paths given
-- after "--" (comma-separated) requested in turn by each connection.
local paths = {}
local next_path = 1

function init(args)
    wrk.headers["X-Penviz-Token"] = args[1]
    -- Paths are joined by ',/': split on the leading slash of each.
    for path in string.gmatch(args[2], "(/api/panels%?classes=%d+,%d+,%d+)") do
        paths[#paths + 1] = path
    end
end

function request()
    local path = paths[next_path]
    next_path = next_path % #paths + 1
    return wrk.format("GET", path)
end
