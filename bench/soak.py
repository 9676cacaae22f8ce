"""Soak: the career-path page under load while an editor's save lands, served as production serves it.

What it does (``make soak``), all on 127.0.0.1 and all cleaned up at the end:
1. a fresh SQLite database in a temporary folder: migrate, loadcontent, collectstatic;
2. the production set-up as `make serve` starts it (deploy/serve.py: nginx in front of gunicorn) with the
   production settings (DJANGO_ENV=production, a generated secret key, SECURE_SSL_REDIRECT=0: no TLS here);
3. wrk (64 connections, 60 s) against one career-path page; after ~20 s an editor's save lands
   (a change of the role's first level through the ORM, ``.save()``, which moves the content version);
4. it then fetches the page and checks that the saved change is shown.

It prints the figures (requests, rate, latency, status codes, socket errors, 5xx, how long the change
took to show) and exits non-zero on any socket error, any response that is not 2xx/3xx, any 5xx or
error in the server's log, a save that failed, or a stale page.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SERVE = ROOT / "deploy" / "serve.py"
LUA = Path(__file__).with_name("soak.lua")

# Run as a file (python bench/soak.py, as `make soak` does), Python puts bench/ on the path, not the repository.
if not __package__:
    sys.path.insert(0, str(ROOT))

from bench.soak_report import Outcome, parse_wrk, print_results, what_failed  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def say(message: str) -> None:
    print(f"[soak {time.strftime('%H:%M:%S')}] {message}", flush=True)


def fetch(url: str, timeout: float = 10) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def manage(env: dict, *args: str, timeout: float = 600) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


# What the editor changes: the first level's "what you do", which the career-path page shows (the role's
# summary is not on that page). A plain .save(), as the admin's inline does: it moves the content version.
SAVE = """
from roles.models import RoleLevel
level = RoleLevel.objects.filter(role__slug={role!r}).order_by("level__order").first()
level.what_you_do = level.what_you_do.rstrip() + " " + {mark!r}
level.save()
print("saved role level", level.pk)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--role", default="machine-learning-engineer")
    parser.add_argument("--duration", type=int, default=60, help="seconds of load (default 60)")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--save-after", type=float, default=20, help="seconds into the run when the save lands")
    parser.add_argument("--workers", type=int, default=0, help="gunicorn workers (default: gunicorn.conf.py's)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (database, server log)")
    args = parser.parse_args()

    if not shutil.which("wrk"):
        print("wrk is missing: apt-get install -y wrk", file=sys.stderr)
        return 2

    work = Path(tempfile.mkdtemp(prefix="careers-soak-"))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    page = f"{base}/roles/{args.role}/career-path/"
    mark = f"Soak check {secrets.token_hex(4)}."
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(
            ("DJANGO_", "SECURE_", "DATABASE_", "REDIS_", "AXES_", "PAGE_CACHE_", "GUNICORN_", "WEB_CONC")
        )
    }
    env.update(
        DJANGO_ENV="production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SITE_URL=base,
        DATABASE_URL=f"sqlite:///{work / 'soak.sqlite3'}",
        PYTHONUNBUFFERED="1",
    )
    server: subprocess.Popen | None = None
    log_path = work / "gunicorn.log"
    failures: list[str] = []
    try:
        say(f"fresh database in {work}: migrate, loadcontent, collectstatic")
        manage(env, "migrate", "--no-input", "-v0")
        manage(env, "loadcontent", "-v0")
        manage(env, "collectstatic", "--no-input", "-v0")

        # nginx and gunicorn with the repository's deploy/nginx.conf and gunicorn.conf.py, as in production;
        # only where they listen differs.
        env["PORT"], env["UPSTREAM_PORT"] = str(port), str(free_port())
        env["GUNICORN_GRACEFUL_TIMEOUT"] = "5"
        if args.workers:
            env["WEB_CONCURRENCY"] = str(args.workers)
        say(f"nginx on {base} -> gunicorn (workers: {args.workers or 'its default'}), production settings")
        with open(log_path, "w") as log:  # the server keeps its own copy of the file
            server = subprocess.Popen(
                [PYTHON, str(SERVE)],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while True:
            try:
                if fetch(f"{base}/healthz", timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the server did not start:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.2)
        status, before = fetch(page)
        if status != 200:
            raise SystemExit(f"{page} answered {status} before the run")
        if mark in before:
            raise SystemExit("the mark is already on the page")

        saved: dict = {}

        def editor_saves() -> None:
            time.sleep(args.save_after)
            started = time.monotonic()
            try:
                code = SAVE.format(role=args.role, mark=mark)
                saved["output"] = manage(env, "shell", "--no-imports", "-c", code, timeout=60).strip()
            except BaseException as exc:  # reported below; the load goes on
                saved["error"] = str(exc)
                return
            saved["at"] = time.monotonic()
            saved["took"] = saved["at"] - started
            # How long until a visitor sees it: poll the page (one more client among the 64).
            while time.monotonic() - saved["at"] < 30:
                if mark in fetch(page)[1]:
                    saved["visible_after"] = time.monotonic() - saved["at"]
                    return
                time.sleep(0.05)

        editor = threading.Thread(target=editor_saves, daemon=True)
        say(
            f"wrk -t{args.wrk_threads} -c{args.connections} -d{args.duration}s {page}; "
            f"the editor saves after {args.save_after:.0f} s"
        )
        editor.start()
        wrk = subprocess.run(
            [
                "wrk",
                f"-t{args.wrk_threads}",
                f"-c{args.connections}",
                f"-d{args.duration}s",
                "--timeout",
                "5s",
                "--latency",
                "-s",
                str(LUA),
                page,
            ],
            capture_output=True,
            text=True,
            timeout=args.duration + 60,
        )
        editor.join(timeout=60)
        print(wrk.stdout.rstrip(), flush=True)
        if wrk.returncode != 0:
            failures.append(f"wrk exited with {wrk.returncode}: {wrk.stderr.strip()}")

        status, after = fetch(page)
        stale = mark not in after
        # A 100 KB query string, as the real servers meet it (the tests cover what Django does with it).
        long_query = urllib.parse.urlencode({"q": "data scientist " * 7000})[: 100 * 1024]
        try:
            long_status: int | str = fetch(f"{base}/roles/?{long_query}")[0]
        except OSError as exc:
            long_status = f"no answer ({exc})"

        outcome = Outcome(
            figures=parse_wrk(wrk.stdout),
            saved=saved,
            status=status,
            stale=stale,
            long_status=long_status,
            log_text=log_path.read_text(errors="replace"),
        )
        print()
        say("results")
        print_results(outcome)
        failures += what_failed(outcome)
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
        if args.keep:
            say(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    if failures:
        say("FAILED: " + "; ".join(failures))
        return 1
    say("passed: no errors, no 5xx, and the page shows the saved change")
    return 0


if __name__ == "__main__":
    sys.exit(main())
