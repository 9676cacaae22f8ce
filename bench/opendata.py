"""Open data at 41 and at 10,000 roles: the downloads' sizes, and a gunicorn worker's memory while it streams them.

    .venv/bin/python -m bench.opendata                 # the real 41 roles, then 10,000 synthetic ones
    .venv/bin/python -m bench.opendata --roles 2000    # another size instead of 10,000
    .venv/bin/python -m bench.opendata --postgres postgres://postgres@127.0.0.1:5432/careers_bench_opendata
                                                       # on PostgreSQL: the database is dropped and created

For each catalog: a fresh SQLite database (migrate, loadcontent), one gunicorn worker with the production settings
(page cache on, local-memory cache), then the downloads fetched one at a time. While the CSV streams (the worker's
first request after /healthz) its resident memory is sampled every 20 ms from /proc, and its peak (VmHWM) read after.
Everything it starts stops at the end; the figures go to bench/out/opendata.json.
"""

from __future__ import annotations

import argparse
import http.client
import json
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from .catalog import write_catalog
from .report import say
from .run import OUT
from .servers import REPO, Server, fetch
from .session import manage, production_env

DOWNLOADS = ["/data/pay.csv", "/data/catalog.json", "/data/pay.csv-metadata.json", "/data/schema/catalog.json"]


def status_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def stream(url: str, pid: int) -> dict:
    """Fetch ``url`` in 64 KB reads, sampling the worker's resident memory meanwhile; bytes, seconds, peak MB."""
    samples: list[int] = []
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            try:
                samples.append(status_kb(pid, "VmRSS"))
            except OSError:  # the worker is gone
                return
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    size, started = 0, time.monotonic()
    sampler.start()
    cut = False
    try:
        with urllib.request.urlopen(url, timeout=600) as response:
            while piece := response.read(64 * 1024):
                size += len(piece)
    except http.client.IncompleteRead as exc:  # the worker stopped mid-stream (gunicorn's timeout kills it)
        size += len(exc.partial)
        cut = True
    finally:
        done.set()
        sampler.join()
    return {
        "cut": cut,
        "bytes": size,
        "seconds": round(time.monotonic() - started, 2),
        "rss_max_sampled_mb": round(max(samples, default=0) / 1024, 1),
    }


def _current_worker(server: Server, worker: int) -> int:
    """The worker now serving: gunicorn replaces one it killed (after its timeout), which takes a moment."""
    for _ in range(100):
        pids = server.worker_pids()
        if len(pids) == 1:
            return pids[0]
        time.sleep(0.1)
    return worker


def fresh_postgres(url: str) -> None:
    """Drop and create the bench's PostgreSQL database (its name is the URL's path), so each catalog starts empty."""
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    options = ["-h", parts.hostname or "127.0.0.1", "-p", str(parts.port or 5432), "-U", parts.username or "postgres"]
    subprocess.run(["dropdb", "--if-exists", *options, name], check=True)
    subprocess.run(["createdb", *options, name], check=True)


def measure(label: str, content: Path | None, roles: int, work: Path, env: dict[str, str]) -> dict:
    say(f"== {label}")
    (work / "bench.sqlite3").unlink(missing_ok=True)
    if env["DATABASE_URL"].startswith("postgres"):
        fresh_postgres(env["DATABASE_URL"])
    if content is None:
        content = work / "content"
        shutil.rmtree(content, ignore_errors=True)
        slug = write_catalog(content, roles)[0]
    else:
        slug = sorted((content / "roles").glob("*.json"))[0].stem
    manage(env, "migrate", "--no-input")
    load = manage(env, "loadcontent", "--dir", str(content))
    say(f"   loaded in {load:.1f} s")
    server = Server(label, {**env, "WEB_CONCURRENCY": "1"}, work / f"gunicorn-{roles}.log")
    result: dict = {"roles": roles, "load_seconds": round(load, 1)}
    try:
        server.start()
        (worker,) = server.worker_pids()
        result["rss_before_mb"] = round(status_kb(worker, "VmRSS") / 1024, 1)
        for path in DOWNLOADS:
            worker = _current_worker(server, worker)
            result[path] = stream(server.url + path, worker)
            if path == "/data/pay.csv":
                result["csv_peak_rss_mb"] = round(status_kb(worker, "VmHWM") / 1024, 1)
            say(f"   {path}: {result[path]}")
        result["peak_rss_after_all_mb"] = round(status_kb(worker, "VmHWM") / 1024, 1)
        worker = _current_worker(server, worker)
        result["/roles/<role>.json"] = stream(f"{server.url}/roles/{slug}.json", worker)
        started = time.monotonic()
        fetch(server.url + "/data/", timeout=600)
        result["/data/ first view (measures the sizes) s"] = round(time.monotonic() - started, 2)
        started = time.monotonic()
        fetch(server.url + "/data/", timeout=60)
        result["/data/ second view s"] = round(time.monotonic() - started, 3)
    finally:
        server.stop()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--roles", type=int, default=10_000, help="synthetic roles for the large catalog")
    parser.add_argument("--postgres", default="", help="a PostgreSQL URL to use instead of SQLite (dropped, created)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="careers-bench-opendata-"))
    try:
        env = production_env(work)
        if args.postgres:
            env["DATABASE_URL"] = args.postgres
        manage(env, "collectstatic", "--no-input")
        results = [
            measure("the real content (41 roles)", REPO / "fixtures", 41, work, env),
            measure(f"{args.roles:,} synthetic roles", None, args.roles, work, env),
        ]
        OUT.mkdir(exist_ok=True)
        (OUT / ("opendata-postgres.json" if args.postgres else "opendata.json")).write_text(
            json.dumps(results, indent=2)
        )
        say("\nroles     catalog.json      pay.csv   CSV: worker peak RSS (before)   CSV stream s")
        for r in results:
            say(
                f"{r['roles']:>6,}  {r['/data/catalog.json']['bytes']:>13,}  {r['/data/pay.csv']['bytes']:>11,}"
                f"   {r['csv_peak_rss_mb']:>8} MB ({r['rss_before_mb']} MB)"
                f"          {r['/data/pay.csv']['seconds']}"
            )
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
