"""Run one app server as production runs it: nginx in front, gunicorn behind it on loopback. ``make serve`` runs this.

    .venv/bin/python deploy/serve.py     # after migrate, loadcontent and collectstatic (make serve does those)

PORT             where nginx listens (default 8000, on 127.0.0.1; LISTEN=0.0.0.0:8000 for all addresses)
UPSTREAM_PORT    where gunicorn listens, on 127.0.0.1 only (default PORT + 1)
NGINX            the nginx binary (default: nginx on PATH, else /usr/sbin/nginx)

It writes deploy/nginx.conf with these values into a temporary folder, starts gunicorn (gunicorn.conf.py) and
nginx in the foreground, and stops both when either stops or on Ctrl-C / SIGTERM. Settings for Django come
from the environment as usual.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import FrameType

DEPLOY = Path(__file__).resolve().parent
ROOT = DEPLOY.parent
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


def find_nginx() -> str | None:
    for candidate in (os.environ.get("NGINX"), shutil.which("nginx"), "/usr/sbin/nginx"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def nginx_config(*, listen: str, upstream: str, run_dir: Path) -> str:
    """deploy/nginx.conf with this server's values."""
    values = {"LISTEN": listen, "UPSTREAM": upstream, "RUN_DIR": str(run_dir), "ERROR_PAGES": str(DEPLOY)}
    text = (DEPLOY / "nginx.conf").read_text()
    for name, value in values.items():
        text = text.replace("{{" + name + "}}", value)
    left = re.findall(r"\{\{[A-Z_]+\}\}", text)
    assert not left, f"deploy/nginx.conf: no value for {left}"
    return text


def wait_for_port(host: str, port: int, process: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped before it listened (exit {process.returncode})")
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"gunicorn did not listen on {host}:{port} within {seconds:.0f} s")


def stop(process: subprocess.Popen, sig: int) -> None:
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout=25)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main() -> int:
    nginx = find_nginx()
    if nginx is None:
        print("nginx is needed in front of gunicorn: apt-get install nginx (Debian package nginx)", file=sys.stderr)
        return 2
    port = int(os.environ.get("PORT", "8000"))
    listen = os.environ.get("LISTEN") or f"127.0.0.1:{port}"
    upstream_port = int(os.environ.get("UPSTREAM_PORT") or port + 1)
    run_dir = Path(tempfile.mkdtemp(prefix="careers-serve-"))
    # nginx's workers run as an unprivileged user when nginx is started as root: they must reach this folder.
    run_dir.chmod(0o755)
    (run_dir / "nginx.conf").write_text(
        nginx_config(listen=listen, upstream=f"127.0.0.1:{upstream_port}", run_dir=run_dir)
    )

    env = {**os.environ, "GUNICORN_BIND": f"127.0.0.1:{upstream_port}"}
    gunicorn = subprocess.Popen([GUNICORN, "-c", str(ROOT / "gunicorn.conf.py")], cwd=ROOT, env=env)
    front: subprocess.Popen | None = None
    stopping = []

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stopping.append(signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        wait_for_port("127.0.0.1", upstream_port, gunicorn, seconds=60)
        front = subprocess.Popen(
            [nginx, "-e", "stderr", "-p", str(run_dir), "-c", str(run_dir / "nginx.conf")], cwd=run_dir
        )
        print(f"serving http://{listen}/ : nginx -> gunicorn on 127.0.0.1:{upstream_port}", flush=True)
        while not stopping and gunicorn.poll() is None and front.poll() is None:
            time.sleep(0.2)
        return 0 if stopping else 1
    finally:
        if front is not None:
            stop(front, signal.SIGQUIT)  # nginx's graceful stop: finish the requests in flight
        stop(gunicorn, signal.SIGTERM)  # gunicorn's graceful stop (graceful_timeout)
        shutil.rmtree(run_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
