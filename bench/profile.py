"""Where an uncached page's time goes: one process, production settings, the whole middleware stack, cProfile.

    .venv/bin/python -m bench.profile [--path career-path] [--requests 400] [--sort tottime] [--top 40]

Runs requests through the WSGI handler itself (no server, no network), each for a different published role
in turn, with the page cache off, as ``make bench``'s cold row does; prints the mean time a request took without
the profiler, then the profile. ``DATABASE_URL`` picks the database (default: the development one);
``--static-root`` a collected STATIC_ROOT (collected into a temporary directory when not given, as production
needs the manifest).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAGES = {
    "career-path": "/roles/{slug}/career-path/",
    "hub": "/roles/{slug}/",
    "salary": "/roles/{slug}/salary/",
    "level": "/roles/{slug}/levels/{level}/",
}


def production_environment(static_root: str) -> None:
    os.environ.update(
        DJANGO_ENV="production",
        DJANGO_SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        STATIC_ROOT=static_root,
        PAGE_CACHE_ENABLED="0",
        LOG_LEVEL="WARNING",
        DJANGO_SETTINGS_MODULE="careers.settings",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", choices=sorted(PAGES), default="career-path")
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--sort", default="tottime")
    parser.add_argument("--top", type=int, default=40, help="rows of the profile to print (0: none, no profile run)")
    parser.add_argument("--accept-encoding", default="br, gzip")
    parser.add_argument("--static-root")
    args = parser.parse_args(argv)

    static_root = args.static_root or tempfile.mkdtemp(prefix="careers-profile-static-")
    production_environment(static_root)
    if not (Path(static_root) / "staticfiles.json").exists():
        subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=REPO, check=True)

    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.client import RequestFactory

    from roles.models import Role

    roles = list(Role.objects.published().values_list("slug", flat=True)[:1000])
    levels = ["entry", "mid", "senior", "lead"]
    paths = [PAGES[args.path].format(slug=s, level=levels[i % 4]) for i, s in enumerate(roles)]
    handler = WSGIHandler()
    factory = RequestFactory(HTTP_ACCEPT_ENCODING=args.accept_encoding, SERVER_NAME="127.0.0.1")

    def one(path: str) -> None:
        environ = factory._base_environ(PATH_INFO=path, REQUEST_METHOD="GET")
        body = handler(environ, lambda status, headers, exc_info=None: None)
        b"".join(body)
        if hasattr(body, "close"):
            body.close()

    for path in paths[:20]:  # warm-up: templates compiled, connections open
        one(path)
    # CPU time as well as wall time: on a machine doing other work the wall clock counts the waits for a core too.
    started, cpu_started = time.perf_counter(), time.process_time()
    for i in range(args.requests):
        one(paths[i % len(paths)])
    wall_ms = (time.perf_counter() - started) * 1000 / args.requests
    cpu_ms = (time.process_time() - cpu_started) * 1000 / args.requests
    print(
        f"{args.requests} requests over {len(paths)} roles ({args.path}), no profiler: "
        f"{cpu_ms:.2f} ms of CPU a request ({wall_ms:.2f} ms wall; load average {os.getloadavg()[0]:.1f})"
    )

    if not args.top:
        return 0
    profiler = cProfile.Profile()
    profiler.enable()
    for i in range(args.requests):
        one(paths[i % len(paths)])
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats(args.sort).print_stats(args.top)
    print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
