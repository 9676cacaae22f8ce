"""Driving wrk: one run over a list of paths (rotated), its figures read back as JSON from a Lua hook."""

from __future__ import annotations

import json
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path

# wrk runs this in each of its threads: paths in turn (each thread from its own offset), and at the end
# one line of JSON with the figures we keep (latencies in microseconds).
SCRIPT = """
local paths = {%(paths)s}
local headers = {%(headers)s}
local counter = 0
function setup(thread)
  thread:set("offset", counter)
  counter = counter + 1
end
local i = nil
function request()
  if i == nil then i = (offset or 0) * math.floor(#paths / 2) end
  i = i %% #paths + 1
  return wrk.format("GET", paths[i], headers)
end
function done(summary, latency, requests)
  io.write(string.format(
    'WRK-RESULT {"requests": %%d, "duration_us": %%d, "bytes": %%d, "p50_us": %%d, "p90_us": %%d, "p99_us": %%d, ' ..
    '"max_us": %%d, "status_errors": %%d, "socket_errors": %%d}\\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


@dataclass(frozen=True)
class Result:
    requests: int
    seconds: float
    rps: float
    p50_ms: float | None  # None when no request completed within the run
    p90_ms: float | None
    p99_ms: float | None
    max_ms: float | None
    errors: int

    def as_dict(self) -> dict:
        return asdict(self)


def lua_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def run(
    base_url: str,
    paths: list[str],
    *,
    script_dir: Path,
    name: str,
    seconds: int,
    threads: int,
    connections: int,
    accept_encoding: str = "",
) -> Result:
    """One wrk run; raises when wrk fails or any response was not 2xx/3xx (an error page is fast, not a result).
    With ``accept_encoding`` every request sends it, as a browser does ("br, gzip": compressed bodies)."""
    script = script_dir / f"{name}.lua"
    headers = f'["Accept-Encoding"] = {lua_string(accept_encoding)}' if accept_encoding else ""
    paths_lua = ", ".join(lua_string(p) for p in paths)
    script.write_text(SCRIPT % {"paths": paths_lua, "headers": headers}, encoding="utf-8")
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(script),
        base_url,
    ]
    out = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("WRK-RESULT ")), None)
    if out.returncode != 0 or line is None:
        raise RuntimeError(f"wrk failed ({out.returncode}): {out.stderr or out.stdout}")
    figures = json.loads(line.removeprefix("WRK-RESULT "))
    errors = figures["status_errors"] + figures["socket_errors"]
    if figures["status_errors"]:
        raise RuntimeError(f"{name}: {figures['status_errors']} responses were not 2xx or 3xx")
    duration = figures["duration_us"] / 1e6
    done = figures["requests"] > 0

    def ms(key: str) -> float | None:
        return round(figures[key] / 1000, 2) if done else None

    return Result(
        requests=figures["requests"],
        seconds=round(duration, 2),
        rps=round(figures["requests"] / duration, 1),
        p50_ms=ms("p50_us"),
        p90_ms=ms("p90_us"),
        p99_ms=ms("p99_us"),
        max_ms=ms("max_us"),
        errors=errors,
    )


def combine(results: list[Result]) -> Result:
    """Several runs of the same thing as one: requests over total time; the median of each percentile."""

    def median(values: list[float | None]) -> float | None:
        ordered = sorted(v for v in values if v is not None)
        return ordered[len(ordered) // 2] if ordered else None

    requests = sum(r.requests for r in results)
    seconds = sum(r.seconds for r in results)
    return Result(
        requests=requests,
        seconds=round(seconds, 2),
        rps=round(requests / seconds, 1),
        p50_ms=median([r.p50_ms for r in results]),
        p90_ms=median([r.p90_ms for r in results]),
        p99_ms=median([r.p99_ms for r in results]),
        max_ms=max((r.max_ms for r in results if r.max_ms is not None), default=None),
        errors=sum(r.errors for r in results),
    )
