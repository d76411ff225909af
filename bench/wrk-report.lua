-- Writes wrk's numbers as JSON to the file named by WRK_REPORT (bench/run reads them). Latencies are microseconds.
-- No response() function on purpose: defining one makes wrk hand every response to Lua, which slows the client.

function done(summary, latency, requests)
  local path = os.getenv("WRK_REPORT")
  if path == nil or path == "" then
    return
  end
  local errors = summary.errors
  local file = assert(io.open(path, "w"))
  file:write(string.format(
    '{"requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f,'
      .. '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout))
  file:close()
end
