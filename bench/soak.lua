-- Counts wrk's responses by status code across all its threads and prints them for bench/soak.py:
--   STATUS 200=51234 304=0 ...
--   SUMMARY requests=... connect=... read=... write=... timeout=... status=...
local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   statuses = {}
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
   local total = {}
   for _, thread in ipairs(threads) do
      for code, n in pairs(thread:get("statuses")) do
         total[code] = (total[code] or 0) + n
      end
   end
   io.write("STATUS")
   for code, n in pairs(total) do
      io.write(string.format(" %d=%d", code, n))
   end
   io.write("\n")
   local e = summary.errors
   io.write(string.format("SUMMARY requests=%d connect=%d read=%d write=%d timeout=%d status=%d duration_us=%d\n",
      summary.requests, e.connect, e.read, e.write, e.timeout, e.status, summary.duration))
   io.write(string.format("LATENCY p50_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
