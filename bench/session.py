"""One backend's part of ``make bench``: migrate, load, two gunicorns, every row measured (bench/run.py).

The catalog and the collected static files are made once by bench/run.py; each backend loads the same catalog
into its own database, so the two tables differ only by where the data and the cache live.
"""

from __future__ import annotations

import argparse
import os
import secrets
import subprocess
import sys
import threading
import time
from pathlib import Path

from careers.web.compression import CODINGS, compress

from .backends import Backend
from .measure import SLOW_MS, measure, median_ms
from .report import WEIGHED_PAGES, say, summarise
from .servers import REPO, Server, fetch

SEARCHES = ["data engineer", "python", "fintech", "cloud architect", "security analyst", "kubernetes", "machin lerning"]
STATIC_PAGE = "bench/career-path.html"
# Issue 20's set-up is 2 workers a server, so the targets are judged there; WEB_CONCURRENCY still overrides.
WORKERS = "2"
HEARTBEAT_SECONDS = 30  # a streamed command silent this long gets a line saying it still runs


def workers() -> str:
    return os.environ.get("WEB_CONCURRENCY") or WORKERS


def production_env(work: Path, backend: Backend | None = None) -> dict[str, str]:
    """The servers' and commands' environment: production settings, nothing inherited that would point elsewhere."""
    prefixes = ("DJANGO_", "DATABASE_", "REDIS_", "PAGE_CACHE", "CACHE_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(prefixes)}
    env.update(
        DJANGO_ENV="production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=f"sqlite:///{work / 'bench.sqlite3'}",
        STATIC_ROOT=str(work / "static"),
        PYTHONUNBUFFERED="1",
        WEB_CONCURRENCY=workers(),
    )
    if backend is not None:
        env.update(backend.env())
    return env


def manage(env: dict[str, str], *args: str, stream: bool = False) -> float:
    """Run a management command; with ``stream``, print its lines as they come, with the time so far."""
    started = time.monotonic()
    command = [sys.executable, "manage.py", *args]
    if not stream:
        subprocess.run(command, cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)
        return time.monotonic() - started
    last = [started]
    done = threading.Event()

    def heartbeat() -> None:
        # The loader writes the levels, pay and questions of every role with one line before and one after: on
        # PostgreSQL at 10,000 roles that is minutes of silence, so the bench says it is still going.
        while not done.wait(5):
            if time.monotonic() - last[0] >= HEARTBEAT_SECONDS:
                last[0] = time.monotonic()
                say(f"  {last[0] - started:6.1f}s  … still running")

    ticker = threading.Thread(target=heartbeat, daemon=True)
    ticker.start()
    try:
        with subprocess.Popen(
            command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        ) as p:
            assert p.stdout is not None  # stdout=PIPE
            for line in p.stdout:
                last[0] = time.monotonic()
                say(f"  {last[0] - started:6.1f}s  {line.rstrip()}")
    finally:
        done.set()
        ticker.join()
    if p.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed ({p.returncode})")
    return time.monotonic() - started


def save_static_copy(html: bytes, static_root: Path) -> None:
    """The career-path page as a static file, with the brotli and gzip copies whitenoise sends.

    Like with like: whitenoise sends a file's .br or .gz copy when there is one, as it does for every collected
    file; these are made as the page cache makes its copies, so both send the same bytes."""
    static_page = static_root / STATIC_PAGE
    static_page.parent.mkdir(parents=True, exist_ok=True)
    static_page.write_bytes(html)
    for coding in CODINGS:
        suffix = ".gz" if coding == "gzip" else f".{coding}"
        static_page.with_name(static_page.name + suffix).write_bytes(compress(html, coding))


def rows(cold: Server, warm: Server, slugs: list[str]) -> list[tuple[str, str, Server, list[str]]]:
    """The rows after the static file and the warm page: key, label, server, the paths it rotates over.

    Cold rows rotate over 1,000 roles (or the queries), so no two requests in a row read the same rows."""
    rotation = slugs[:: max(1, len(slugs) // 1000)][:1000]
    return [
        (
            "path_cold",
            f"career path, cold (cache off, {len(rotation)} roles)",
            cold,
            [f"/roles/{s}/career-path/" for s in rotation],
        ),
        (
            "salary_cold",
            f"salary page, cold (cache off, {len(rotation)} roles)",
            cold,
            [f"/roles/{s}/salary/" for s in rotation],
        ),
        (
            "search_cold",
            f"search /roles/?q=, cold ({len(SEARCHES)} queries)",
            cold,
            ["/roles/?q=" + q.replace(" ", "+") for q in SEARCHES],
        ),
        ("sitemap_cold", "sitemap index /sitemap.xml, cold", cold, ["/sitemap.xml"]),
        ("sitemap_warm", "sitemap index /sitemap.xml, warm (cache on)", warm, ["/sitemap.xml"]),
    ]


def measure_rows(
    cold: Server, warm: Server, page: str, slugs: list[str], args: argparse.Namespace, work: Path
) -> list[dict]:
    say("== wrk: the static file and the warm career-path page, taking turns")
    static, path_warm = measure([(warm, [f"/static/{STATIC_PAGE}"]), (warm, [page])], "static-warm", args, work)
    measured = [
        {"key": "static", "label": "static file (whitenoise): the limit", "server": "warm", **static},
        {"key": "path_warm", "label": "career path, warm (cache on, one role)", "server": "warm", **path_warm},
    ]
    for key, label, server, paths in rows(cold, warm, slugs):
        if args.only and key not in args.only:
            continue
        status, _ = fetch(server.url + paths[0], timeout=120)
        if key.startswith("sitemap") and status == 404:
            measured.append({"key": key, "label": label, "skipped": "no /sitemap.xml yet"})
            continue
        say(f"== wrk: {label}")
        measured.append(
            {"key": key, "label": label, "server": server.name, **measure([(server, paths)], key, args, work)[0]}
        )
    return measured


def search_by_query(cold: Server, args: argparse.Namespace) -> dict[str, float]:
    say(f"== search, one query at a time (median of 3, one sample when over {SLOW_MS} ms; cache off)")
    cold.wait_idle()
    timings = {}
    for query in SEARCHES if not args.only or "search_cold" in args.only else []:
        url = cold.url + "/roles/?q=" + query.replace(" ", "+")
        fetch(url, timeout=120)  # a worker's first search builds its index
        timings[query] = median_ms(url)
        say(f"   {query!r:<20} {timings[query]:>8.1f} ms")
    return timings


def html_bytes(server: Server, slug: str) -> dict[str, dict]:
    """The plain HTML of the pages with a size target: no Accept-Encoding, so what a page weighs before compression."""
    sizes = {}
    for name, template in WEIGHED_PAGES.items():
        path = template.format(slug=slug)
        status, body = fetch(server.url + path, timeout=120)
        sizes[name] = {"path": path, "status": status, "bytes": len(body) if status == 200 else None}
    say(
        "   "
        + ", ".join(
            f"{s['path']} {s['bytes']:,} B" if s["bytes"] else f"{s['path']} {s['status']}" for s in sizes.values()
        )
    )
    return sizes


def run_backend(backend: Backend, work: Path, slugs: list[str], args: argparse.Namespace) -> dict:
    """Load the catalog (bench/run.py wrote it to work/content) into ``backend`` and measure every row on it."""
    env = production_env(work, backend)
    result: dict = {"label": backend.label}
    say(f"== [{backend.name}] migrate (fresh database)")
    result["migrate_seconds"] = round(manage(env, "migrate", "--no-input"), 1)
    say(f"== [{backend.name}] loadcontent --dir {work / 'content'}")
    result["load_seconds"] = round(manage(env, "loadcontent", "--dir", str(work / "content"), stream=True), 1)
    say(f"   loaded {len(slugs):,} roles in {result['load_seconds']} s")

    cold = Server("cold", {**env, "PAGE_CACHE_ENABLED": "0"}, work / f"gunicorn-{backend.name}-cold.log")
    warm = Server("warm", {**env, "PAGE_CACHE_ENABLED": "1"}, work / f"gunicorn-{backend.name}-warm.log")
    try:
        say(f"== [{backend.name}] gunicorn, cache off, on {cold.url}")
        cold.start()
        page = f"/roles/{slugs[0]}/career-path/"
        status, html = fetch(cold.url + page)
        if status != 200:
            raise RuntimeError(f"{page} answered {status}")
        save_static_copy(html, work / "static")
        say(f"== [{backend.name}] gunicorn, cache on, on {warm.url} (serves /static/{STATIC_PAGE}, {len(html):,} B)")
        warm.start()
        say("== plain HTML of the pages with a size target (no Accept-Encoding)")
        result["html_bytes"] = html_bytes(cold, slugs[0])
        measured = measure_rows(cold, warm, page, slugs, args, work)
        result["search_by_query_ms"] = search_by_query(cold, args)
        result["worker_rss_mb"] = {s.name: s.worker_rss_mb() for s in (cold, warm)}
    finally:
        cold.stop()
        warm.stop()
    summarise(result, measured, threads=args.threads, connections=args.connections)
    return result
