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
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAGES = {
    "career-path": "/roles/{slug}/career-path/",
    "hub": "/roles/{slug}/",
    "salary": "/roles/{slug}/salary/",
    "level": "/roles/{slug}/career-path/{level}/",
    # Searches in turn (make bench's queries): {slug} is ignored.
    "search": "/roles/?q={query}",
}
SEARCHES = ["data engineer", "python", "fintech", "cloud architect", "security analyst", "kubernetes", "machin lerning"]


def production_environment(static_root: str, *, warm: bool) -> None:
    os.environ.update(
        DJANGO_ENV="production",
        DJANGO_SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        STATIC_ROOT=static_root,
        PAGE_CACHE_ENABLED="1" if warm else "0",
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
    parser.add_argument(
        "--warm",
        action="store_true",
        help="page cache on, one role's page again and again (a warm hit), timed beside the site's stylesheet as "
        "whitenoise serves it",
    )
    args = parser.parse_args(argv)

    static_root = args.static_root or tempfile.mkdtemp(prefix="careers-profile-static-")
    production_environment(static_root, warm=args.warm)
    if not (Path(static_root) / "staticfiles.json").exists():
        subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=REPO, check=True)

    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler

    from roles.models import Role

    roles = list(Role.objects.published().values_list("slug", flat=True)[:1000])
    levels = ["entry", "mid", "senior", "lead"]
    paths = [
        PAGES[args.path].format(slug=s, level=levels[i % 4], query=SEARCHES[i % len(SEARCHES)].replace(" ", "+"))
        for i, s in enumerate(roles)
    ]
    if args.warm:
        paths = paths[:1]
    handler = WSGIHandler()

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: object = None) -> Callable[[bytes], None]:
        return lambda data: None

    def one(url: str) -> None:
        path, _, query = url.partition("?")
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SCRIPT_NAME": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "127.0.0.1",
            "HTTP_ACCEPT_ENCODING": args.accept_encoding,
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
            "wsgi.url_scheme": "http",
        }
        body = handler(environ, start_response)
        b"".join(body)
        body.close()

    for path in paths[:20]:  # warm-up: templates compiled, connections open
        one(path)

    def timed(label: str, paths: list[str]) -> float:
        # CPU time as well as wall time: on a machine doing other work the wall clock counts the waits for a core.
        started, cpu_started = time.perf_counter(), time.process_time()
        for i in range(args.requests):
            one(paths[i % len(paths)])
        wall_ms = (time.perf_counter() - started) * 1000 / args.requests
        cpu_ms = (time.process_time() - cpu_started) * 1000 / args.requests
        print(
            f"{args.requests} requests, {label}, no profiler: {cpu_ms:.3f} ms of CPU a request "
            f"({wall_ms:.3f} ms wall; load average {os.getloadavg()[0]:.1f})"
        )
        return cpu_ms

    page_ms = timed(f"{args.path} of {len(paths)} role(s){', warm' if args.warm else ''}", paths)
    if args.warm:
        from django.contrib.staticfiles.storage import staticfiles_storage

        stylesheet = staticfiles_storage.url("css/site.css")
        one(stylesheet)
        static_ms = timed(f"the stylesheet {stylesheet}", [stylesheet])
        print(f"warm page ÷ static file, in requests a second of CPU: {static_ms / page_ms:.2f}")

    if not args.top:
        return 0
    profiler = cProfile.Profile()
    profiler.enable()
    for i in range(args.requests):
        one(paths[i % len(paths)])
    profiler.disable()
    out = io.StringIO()
    if os.environ.get("PROFILE_OUT"):
        profiler.dump_stats(os.environ["PROFILE_OUT"])
    stats = pstats.Stats(profiler, stream=out)
    # Calls are counted, not timed: the same code gives the same number whatever else the machine does, so two
    # versions compare by it where timings move by 10-20% from one run to the next.
    print(f"{stats.total_calls / args.requests:,.0f} Python function calls a request")  # type: ignore[attr-defined]
    stats.sort_stats(args.sort).print_stats(args.top)
    print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
