"""``make bench``: the site with 10,000 roles behind gunicorn, measured with wrk against a static file.

    .venv/bin/python -m bench.run [--roles 10000] [--seconds 10] [--connections 16] [--keep]

1. writes a synthetic catalog (bench/catalog.py) into a temporary directory;
2. runs collectstatic with the production storage into a temporary STATIC_ROOT;
3. migrates a fresh SQLite database there and loads the catalog with ``manage.py loadcontent --dir``
   (its progress is printed with the time since it started; the total is the load time);
4. starts two gunicorn servers from gunicorn.conf.py with the production settings (DJANGO_ENV=production,
   a secret generated for the run, DJANGO_ALLOWED_HOSTS=127.0.0.1, SECURE_SSL_REDIRECT=0), both on
   127.0.0.1: "warm" with the whole-page cache on, "cold" with PAGE_CACHE_ENABLED=0. The career-path
   page, as the cold server renders it, is saved under STATIC_ROOT with its brotli and gzip copies before
   the warm server starts, so the warm server's whitenoise serves it as a static file: the limit a page can
   approach;
5. measures each row twice with wrk after a 2 s warm-up: under load (--threads, --connections, for
   requests/s) and one request at a time (-c1, for how long one request takes, without queueing). Every
   request sends ``Accept-Encoding: br, gzip`` as a browser does (--accept-encoding "" for plain bodies), so
   the pages and the static copy are both sent compressed;
6. prints the table and the targets, reads each worker's resident memory (VmRSS in /proc), stops both
   servers, deletes the temporary directory (unless --keep) and writes bench/out/results.json.

Cold rows use the cold server and rotate over 1,000 roles (or queries), so no two requests in a row
read the same rows. Workers: WEB_CONCURRENCY when set, else gunicorn.conf.py's default (2 x cores + 1).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from careers.web.compression import CODINGS, compress

from .catalog import write_catalog
from .measure import SLOW_MS, measure, median_ms
from .report import report, say, summarise
from .servers import REPO, Server, fetch

OUT = REPO / "bench" / "out"
SEARCHES = ["data engineer", "python", "fintech", "cloud architect", "security analyst", "kubernetes", "machin lerning"]
STATIC_PAGE = "bench/career-path.html"


def production_env(work: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "PAGE_CACHE"))}
    env.update(
        DJANGO_ENV="production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=f"sqlite:///{work / 'bench.sqlite3'}",
        STATIC_ROOT=str(work / "static"),
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(env: dict[str, str], *args: str, stream: bool = False) -> float:
    """Run a management command; with ``stream``, print its lines as they come, with the time so far."""
    started = time.monotonic()
    command = [sys.executable, "manage.py", *args]
    if not stream:
        subprocess.run(command, cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)
        return time.monotonic() - started
    with subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as p:
        assert p.stdout is not None  # stdout=PIPE
        for line in p.stdout:
            say(f"  {time.monotonic() - started:6.1f}s  {line.rstrip()}")
    if p.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed ({p.returncode})")
    return time.monotonic() - started


def run(args) -> dict:
    work = Path(tempfile.mkdtemp(prefix="careers-bench-"))
    servers: list[Server] = []
    try:
        env = production_env(work)
        results: dict = {
            "when": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "loadavg_before": os.getloadavg()},
            "roles": args.roles,
            "wrk": {"seconds": args.seconds, "threads": args.threads, "connections": args.connections},
            "workers": os.environ.get("WEB_CONCURRENCY") or f"default ({(os.cpu_count() or 1) * 2 + 1})",
        }
        say(f"== writing {args.roles:,} synthetic roles to {work / 'content'}")
        started = time.monotonic()
        slugs = write_catalog(work / "content", args.roles)
        results["generate_seconds"] = round(time.monotonic() - started, 1)
        say(f"   {results['generate_seconds']} s")

        # collectstatic first, as a deploy builds: with the production storage, a page or URL that names a
        # static file needs the manifest, even for a management command.
        say("== collectstatic (hashed names, gzip and brotli)")
        results["collectstatic_seconds"] = round(manage(env, "collectstatic", "--no-input"), 1)
        say("== migrate (fresh SQLite database)")
        results["migrate_seconds"] = round(manage(env, "migrate", "--no-input"), 1)
        say(f"== loadcontent --dir {work / 'content'}")
        results["load_seconds"] = round(manage(env, "loadcontent", "--dir", str(work / "content"), stream=True), 1)
        say(f"   loaded {args.roles:,} roles in {results['load_seconds']} s")

        cold = Server("cold", {**env, "PAGE_CACHE_ENABLED": "0"}, work / "gunicorn-cold.log")
        warm = Server("warm", {**env, "PAGE_CACHE_ENABLED": "1"}, work / "gunicorn-warm.log")
        servers += [cold, warm]
        say(f"== gunicorn, cache off, on {cold.url}")
        cold.start()
        page = f"/roles/{slugs[0]}/career-path/"
        status, html = fetch(cold.url + page)
        if status != 200:
            raise RuntimeError(f"{page} answered {status}")
        static_page = work / "static" / STATIC_PAGE
        static_page.parent.mkdir(parents=True, exist_ok=True)
        static_page.write_bytes(html)
        # Like with like: whitenoise sends a file's .br or .gz copy when there is one, as it does for every collected
        # file; these are made as the page cache makes its copies, so both send the same bytes.
        for coding in CODINGS:
            suffix = ".gz" if coding == "gzip" else f".{coding}"
            static_page.with_name(static_page.name + suffix).write_bytes(compress(html, coding))
        say(f"== gunicorn, cache on, on {warm.url} (also serves /static/{STATIC_PAGE}, {len(html):,} bytes)")
        warm.start()

        rotation = slugs[:: max(1, len(slugs) // 1000)][:1000]
        rows = [
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
        say("== wrk: the static file and the warm career-path page, taking turns")
        static, path_warm = measure([(warm, [f"/static/{STATIC_PAGE}"]), (warm, [page])], "static-warm", args, work)
        measured = [
            {"key": "static", "label": "static file (whitenoise): the limit", "server": "warm", **static},
            {"key": "path_warm", "label": "career path, warm (cache on, one role)", "server": "warm", **path_warm},
        ]
        for key, label, server, paths in rows:
            if args.only and key not in args.only:
                continue
            status, _ = fetch(server.url + paths[0])
            if key.startswith("sitemap") and status == 404:
                measured.append({"key": key, "label": label, "skipped": "no /sitemap.xml yet"})
                continue
            say(f"== wrk: {label}")
            measured.append(
                {"key": key, "label": label, "server": server.name, **measure([(server, paths)], key, args, work)[0]}
            )
        say(f"== search, one query at a time (median of 3, one sample when over {SLOW_MS} ms; cache off)")
        cold.wait_idle()
        results["search_by_query_ms"] = {}
        for query in SEARCHES if not args.only or "search_cold" in args.only else []:
            url = cold.url + "/roles/?q=" + query.replace(" ", "+")
            fetch(url, timeout=120)  # a worker's first search builds its index
            results["search_by_query_ms"][query] = median_ms(url)
        for query, ms in results["search_by_query_ms"].items():
            say(f"   {query!r:<20} {ms:>8.1f} ms")
        results["worker_rss_mb"] = {s.name: s.worker_rss_mb() for s in servers}
        results["machine"]["loadavg_after"] = os.getloadavg()
    finally:
        for server in servers:
            server.stop()
        if args.keep:
            say(f"(kept {work})")
        else:
            shutil.rmtree(work, ignore_errors=True)

    summarise(results, measured, args)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--roles", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=10, help="length of each loaded wrk run")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--accept-encoding",
        default="br, gzip",
        help='what every request accepts, as a browser does (default "br, gzip"); "" for uncompressed bodies',
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (database, logs)")
    parser.add_argument(
        "--only",
        type=lambda v: v.split(","),
        default=[],
        help="measure only these rows (comma-separated keys, e.g. path_cold,search_cold); "
        "the static file and the warm page always",
    )
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        say("wrk is not installed: apt-get install -y wrk (Debian package wrk), then run again.")
        return 2
    # A TERM (or Ctrl-C) still stops the servers and removes the temporary directory.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    results = run(args)
    report(results)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    say(f"\nwritten to {(OUT / 'results.json').relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
