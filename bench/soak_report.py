"""What the soak run saw and whether it passed: wrk's figures, the server's log, the printed results (bench/soak.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


def parse_wrk(output: str) -> dict:
    figures: dict = {"statuses": {}}
    status = re.search(r"^STATUS(.*)$", output, re.M)
    if status:
        figures["statuses"] = {int(k): int(v) for k, v in re.findall(r"(\d+)=(\d+)", status[1])}
    summary = re.search(r"^SUMMARY (.*)$", output, re.M)
    if summary:
        figures.update({k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", summary[1])})
    latency = re.search(r"^LATENCY (.*)$", output, re.M)
    if latency:
        figures.update({k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", latency[1])})
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    figures["rps"] = float(rate[1]) if rate else 0.0
    return figures


@dataclass
class Outcome:
    """Everything the run saw: wrk's figures, the editor's save, the page afterwards and the server's log."""

    figures: dict  # parse_wrk()
    saved: dict  # the editor's save: "output", "took", "visible_after", or "error"
    status: int  # the page's status after the run
    stale: bool  # the page after the run lacks the saved change
    long_status: int | str  # what a 100 KB query string got: a status, or why there was no answer
    log_text: str
    request_lines: list[tuple[str, str, str]] = field(init=False)
    server_errors: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.request_lines = re.findall(r"careers\.requests (\S+) (\S+) (\d{3}) ", self.log_text)
        self.server_errors = [
            line
            for line in self.log_text.splitlines()
            if " ERROR " in line or "Traceback" in line or "[error]" in line or "[crit]" in line
        ]

    @property
    def statuses(self) -> dict[int, int]:
        return self.figures.get("statuses", {})

    @property
    def server_5xx(self) -> int:
        return sum(1 for _, _, code in self.request_lines if code.startswith("5"))

    @property
    def fivexx(self) -> int:
        return sum(n for code, n in self.statuses.items() if code >= 500)

    @property
    def not_ok(self) -> int:
        return sum(n for code, n in self.statuses.items() if not 200 <= code < 400)

    @property
    def socket_errors(self) -> int:
        return sum(self.figures.get(k, 0) for k in ("connect", "read", "write", "timeout"))


def print_results(o: Outcome) -> None:
    figures, saved, long_status = o.figures, o.saved, o.long_status
    print(
        f"  requests          {figures.get('requests', 0)} in {figures.get('duration_us', 0) / 1e6:.1f} s "
        f"({figures['rps']:.0f}/s)"
    )
    print(
        f"  latency           p50 {figures.get('p50_ms', 0):.1f} ms, p99 {figures.get('p99_ms', 0):.1f} ms, "
        f"max {figures.get('max_ms', 0):.1f} ms"
    )
    print(f"  status codes      {dict(sorted(o.statuses.items()))}")
    print(
        f"  socket errors     {o.socket_errors} (connect {figures.get('connect', 0)}, read {figures.get('read', 0)}, "
        f"write {figures.get('write', 0)}, timeout {figures.get('timeout', 0)})"
    )
    print(f"  non-2xx/3xx       {o.not_ok}")
    print(f"  5xx               {o.fivexx} (server log: {o.server_5xx} of {len(o.request_lines)} request lines)")
    print(f"  server log errors {len(o.server_errors)}")
    if "error" in saved:
        print(f"  editor's save     FAILED: {saved['error']}")
    else:
        print(
            f"  editor's save     {saved.get('output', '?')} in {saved.get('took', 0):.2f} s; shown to visitors "
            f"{saved['visible_after'] * 1000:.0f} ms later"
            if "visible_after" in saved
            else f"  editor's save     {saved.get('output', '?')}; not seen during the run"
        )
    print(f"  page afterwards   {o.status}, {'STALE (the change is missing)' if o.stale else 'shows the saved change'}")
    print(f"  100 KB query      {long_status}{' (nginx: large_client_header_buffers)' if long_status == 414 else ''}")


def what_failed(o: Outcome) -> list[str]:
    """Why the run failed, one reason a line; empty when it passed."""
    found = []
    if o.socket_errors:
        found.append(f"{o.socket_errors} socket errors")
    if o.not_ok:
        found.append(f"{o.not_ok} responses that were not 2xx/3xx")
    if o.fivexx or o.server_5xx:
        found.append(f"5xx: {o.fivexx} seen by wrk, {o.server_5xx} in the server log")
    if o.server_errors:
        found.append("errors in the server log:\n    " + "\n    ".join(o.server_errors[:10]))
    if "error" in o.saved or "output" not in o.saved:
        found.append(f"the editor's save failed: {o.saved.get('error', 'it never ran')}")
    if o.status != 200 or o.stale:
        found.append(f"the page afterwards: {o.status}, {'stale' if o.stale else 'fresh'}")
    if not isinstance(o.long_status, int) or o.long_status >= 500:
        found.append(f"a 100 KB query string got {o.long_status}")
    if not o.figures.get("requests"):
        found.append("wrk made no requests")
    return found
