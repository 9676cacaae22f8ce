"""Start the site the way production runs it, on a free local port, with the real content, for tools to look at.

A throw-away SQLite database (migrated, content loaded), DEBUG off, static files collected, hashed and compressed
into staticfiles/ (git-ignored) and served by WhiteNoise, behind gunicorn. Nothing of the developer's own
database or server is touched; the server and the database are gone when the `with` block ends.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def _wait_until_up(url: str, server: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server stopped at start-up (exit {server.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the server did not answer {url} within {seconds:.0f} s")


@contextmanager
def running_site(*, workers: int = 2) -> Iterator[str]:
    """Yields the site's base URL (http://127.0.0.1:PORT, no trailing slash)."""
    workdir = Path(tempfile.mkdtemp(prefix="careers-site-"))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "DJANGO_DEBUG": "0",
        "SITE_URL": base,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("REDIS_URL", None)  # the local-memory cache: nothing shared with another run
    server = None
    try:
        _manage(env, "migrate", "--no-input", "-v0")
        _manage(env, "loadcontent", "-v0")
        _manage(env, "collectstatic", "--no-input", "-v0")
        with open(workdir / "server.log", "w") as log:  # gunicorn keeps its own copy of the file
            server = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "careers.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    str(workers),
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        _wait_until_up(f"{base}/healthz", server)
        yield base
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        shutil.rmtree(workdir, ignore_errors=True)
