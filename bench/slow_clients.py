"""Slow clients against the production set-up (nginx in front of gunicorn, as ``make serve`` starts it).

    .venv/bin/python -m bench.slow_clients                    # 50 dripping connections for 60 s (the target)
    .venv/bin/python -m bench.slow_clients --seconds 10       # a short run
    .venv/bin/python -m bench.slow_clients --direct           # gunicorn alone, without nginx: what it prevents

Each dripping connection sends a request head one byte a second and never finishes it; one that the server
closes is opened again, so that all of them drip for the whole run. Meanwhile a normal visitor asks for
/robots.txt and a cached page four times a second, each on a new connection. The figure that counts is the
delay: a request's time during the drip minus the median time before it. Target: no delay above 100 ms.
A fresh SQLite database in a temporary folder, migrated and loaded; everything stops and is removed at the end.
tests/security/test_slow_clients.py runs the same for a few seconds.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import multiprocessing
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.sharedctypes import Synchronized
from multiprocessing.synchronize import Event as EventType
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVE = ROOT / "deploy" / "serve.py"
NORMAL_PATHS = ("/robots.txt", "/roles/")
DRIP_HEAD = b"GET /roles/ HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow-client\r\nX-Padding: " + b"a" * 4096


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_env(work: Path, port: int) -> dict[str, str]:
    """Production settings for a throw-away site in ``work``."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "SECURE_", "DATABASE_", "REDIS_", "AXES_", "PAGE_CACHE_", "GUNICORN_"))
        and k not in ("WEB_CONCURRENCY", "PORT", "UPSTREAM_PORT", "LISTEN", "STATIC_ROOT")
    }
    env.update(
        DJANGO_ENV="production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SITE_URL=f"http://127.0.0.1:{port}",
        DATABASE_URL=f"sqlite:///{work / 'site.sqlite3'}",
        STATIC_ROOT=str(work / "static"),
        PYTHONUNBUFFERED="1",
    )
    return env


def prepare_site(env: dict[str, str]) -> None:
    """migrate, loadcontent and collectstatic, as ``make serve`` does before it starts the servers."""
    for args in (["migrate", "--no-input"], ["loadcontent"], ["collectstatic", "--no-input"]):
        result = subprocess.run(
            [sys.executable, "manage.py", *args, "-v0"], cwd=ROOT, env=env, capture_output=True, text=True
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {args[0]} failed:\n{result.stdout}\n{result.stderr}")


def wait_until_up(port: int, process: subprocess.Popen, log: Path, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped (exit {process.returncode}):\n{log.read_text()[-3000:]}")
        with contextlib.suppress(OSError):
            if get(port, "/healthz")[0] == 200:
                return
        time.sleep(0.2)
    raise RuntimeError(f"the server did not answer within {seconds:.0f} s:\n{log.read_text()[-3000:]}")


@contextlib.contextmanager
def production_stack(*, workers: int = 2, direct: bool = False) -> Iterator[tuple[int, Path]]:
    """The site as ``make serve`` runs it (deploy/serve.py: nginx, then gunicorn), on free ports; yields the
    port visitors use and the server's log. ``direct``: gunicorn alone on that port, as before nginx."""
    work = Path(tempfile.mkdtemp(prefix="careers-slow-"))
    port, upstream = free_port(), free_port()
    env = site_env(work, port)
    log = work / "server.log"
    process = None
    try:
        prepare_site(env)
        env.update(WEB_CONCURRENCY=str(workers), GUNICORN_GRACEFUL_TIMEOUT="3")
        if direct:
            env["GUNICORN_BIND"] = f"127.0.0.1:{port}"
            command = [str(Path(sys.executable).with_name("gunicorn")), "-c", str(ROOT / "gunicorn.conf.py")]
        else:
            env.update(PORT=str(port), UPSTREAM_PORT=str(upstream))
            command = [sys.executable, str(SERVE)]
        with open(log, "w") as out:
            process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        wait_until_up(port, process, log)
        yield port, log
    finally:
        if process is not None and process.poll() is None:
            # The launcher stops nginx and gunicorn itself; only a launcher that hangs gets the group killed.
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        shutil.rmtree(work, ignore_errors=True)


def get(port: int, path: str, timeout: float = 30) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


class Drip:
    """``connections`` sockets, each sending one byte of an unfinished request head per second.

    In a process of its own, so that the attacker's work never slows the visitor whose time is measured.
    """

    def __init__(self, port: int, connections: int) -> None:
        self.port, self.connections = port, connections
        context = multiprocessing.get_context("spawn")
        self.stopped = context.Event()
        self.reopened_count = context.Value("i", 0)
        self.process = context.Process(
            target=drip, args=(port, connections, self.stopped, self.reopened_count), daemon=True
        )

    @property
    def reopened(self) -> int:
        return self.reopened_count.value

    def __enter__(self) -> Drip:
        self.process.start()
        time.sleep(3)  # every connection open and dripping before the measurement starts
        return self

    def __exit__(self, *exc) -> None:
        self.stopped.set()
        self.process.join(timeout=10)
        if self.process.is_alive():
            self.process.kill()


def drip(port: int, connections: int, stopped: EventType, reopened: Synchronized) -> None:
    def open_one() -> tuple[socket.socket, int]:
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        sock.setblocking(False)
        return sock, 0

    drips = [open_one() for _ in range(connections)]
    while not stopped.wait(1.0):
        for i, (sock, sent) in enumerate(drips):
            try:
                at = sent % len(DRIP_HEAD)
                sock.send(DRIP_HEAD[at : at + 1])
                drips[i] = (sock, sent + 1)
            except OSError:  # closed by the server (its header timeout): a new one takes its place
                sock.close()
                with contextlib.suppress(OSError):
                    drips[i] = open_one()
                    reopened.value += 1
    for sock, _ in drips:
        sock.close()


def timed_request(port: int, path: str, timeout: float = 30) -> float:
    """Milliseconds for one normal request (new connection, whole response read); infinite if it failed."""
    started = time.perf_counter()
    try:
        status, _ = get(port, path, timeout=timeout)
    except OSError:
        status = 0
    elapsed = (time.perf_counter() - started) * 1000
    return elapsed if status == 200 else float("inf")


def timed_requests(
    port: int, seconds: float, interval: float = 0.25, retry_over_ms: float | None = None
) -> list[float]:
    """Milliseconds per normal request, one every ``interval`` s.

    ``retry_over_ms``: a request slower than that is timed again at once and the second time counts. For the short
    test on a machine shared with other work, whose own pauses can pass the limit with no slow client at all:
    slow clients that held the workers would hold the repeat as well. The bench counts every first time.
    """
    times = []
    deadline = time.monotonic() + seconds
    i = 0
    while time.monotonic() < deadline:
        path = NORMAL_PATHS[i % len(NORMAL_PATHS)]
        elapsed = timed_request(port, path)
        if retry_over_ms is not None and elapsed > retry_over_ms:
            elapsed = timed_request(port, path)
        times.append(elapsed)
        i += 1
        time.sleep(max(0.0, interval - min(elapsed, 1e6) / 1000))
    return times


@dataclass
class Result:
    baseline_ms: float
    during_ms: list[float]
    reopened: int

    @property
    def delays_ms(self) -> list[float]:
        return [t - self.baseline_ms for t in self.during_ms]

    @property
    def worst_delay_ms(self) -> float:
        return max(self.delays_ms)

    @property
    def p50_delay_ms(self) -> float:
        return statistics.median(self.delays_ms)

    def summary(self) -> str:
        during = sorted(self.during_ms)
        return (
            f"{len(during)} normal requests during the drip; before it, median {self.baseline_ms:.1f} ms. "
            f"During: p50 {statistics.median(during):.1f} ms, worst {during[-1]:.1f} ms; "
            f"delay p50 {self.p50_delay_ms:.1f} ms, worst {self.worst_delay_ms:.1f} ms; "
            f"{self.reopened} dripping connections closed by the server and reopened; "
            f"slowest five (ms): {', '.join(f'{t:.1f}' for t in during[-5:][::-1])}"
        )


def measure(port: int, *, connections: int, seconds: float, retry_over_ms: float | None = None) -> Result:
    for path in NORMAL_PATHS:  # warm: the cached page, the workers' first requests
        get(port, path)
    baseline = statistics.median(timed_requests(port, 3, interval=0.1))
    with Drip(port, connections) as drip:
        during = timed_requests(port, seconds, retry_over_ms=retry_over_ms)
    return Result(baseline, during, drip.reopened)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--direct", action="store_true", help="gunicorn alone, no nginx in front")
    parser.add_argument("--budget-ms", type=float, default=100)
    args = parser.parse_args()
    setup = "gunicorn alone" if args.direct else "nginx -> gunicorn (deploy/serve.py)"
    print(
        f"{setup}, {args.workers} workers; {args.connections} connections dripping"
        f" a byte a second, {args.seconds:.0f} s"
    )
    with production_stack(workers=args.workers, direct=args.direct) as (port, _):
        result = measure(port, connections=args.connections, seconds=args.seconds)
    print(result.summary())
    if result.worst_delay_ms > args.budget_ms:
        print(f"FAILED: a normal request was delayed {result.worst_delay_ms:.0f} ms (budget {args.budget_ms:.0f} ms)")
        return 1
    print(f"passed: no normal request delayed more than {args.budget_ms:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
