"""``make bench``: the site with 10,000 roles behind gunicorn, measured with wrk against a static file, on SQLite
with the local-memory cache and on PostgreSQL with Redis.

    .venv/bin/python -m bench.run [--roles 10000] [--seconds 10] [--backends sqlite,postgres] [--keep]

1. writes a synthetic catalog (bench/catalog.py) into a temporary directory, once for both backends;
2. runs collectstatic with the production storage into a temporary STATIC_ROOT, once;
3. for each backend (bench/backends.py: a fresh SQLite file; or a PostgreSQL database created for the run and a
   Redis database emptied for it), migrates and loads the catalog with ``manage.py loadcontent --dir`` (its
   progress printed with the time since it started; the total is the load time), then starts two gunicorns and
   measures every row (bench/session.py, bench/measure.py);
4. prints a table and the targets per backend, then the comparison with the previous run (bench/compare.py);
5. keeps the previous bench/out/results.json as bench/out/previous.json and writes this run's.

PostgreSQL and Redis: --database-url / --redis-url, else BENCH_DATABASE_URL / BENCH_REDIS_URL, else
postgres://postgres@127.0.0.1:5432/careers_bench and redis://127.0.0.1:6379/12. When either does not answer,
the run says so and measures SQLite only. Workers per server: WEB_CONCURRENCY, else 2 (issue 20's set-up).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from . import backends
from .backends import Backend
from .catalog import write_catalog
from .compare import comparison_lines
from .report import report, say
from .servers import REPO
from .session import manage, production_env, run_backend, workers

OUT = REPO / "bench" / "out"


def chosen_backends(args: argparse.Namespace, work: Path) -> tuple[list[Backend], dict[str, str]]:
    """The backends to measure, and why any asked for is left out (PostgreSQL or Redis not there)."""
    chosen, left_out = [], {}
    for name in args.backends:
        if name == "sqlite":
            chosen.append(backends.sqlite(work))
            continue
        backend = backends.postgres(args.database_url, args.redis_url)
        why = backends.refused(backend) or backends.unreachable(backend)
        if why:
            say(f"!! {backend.label} left out: {why}")
            left_out[name] = why
        else:
            chosen.append(backend)
    return chosen, left_out


def measure_backend(backend: Backend, work: Path, slugs: list[str], args: argparse.Namespace) -> dict:
    """One backend from an empty database to its figures; its database and cache are emptied whatever happens.
    A backend that fails is reported as failed and the next one still runs: one broken service costs one table."""
    say(f"\n==== {backend.label}")
    try:
        backends.prepare(backend)
        return run_backend(backend, work, slugs, args)
    except (RuntimeError, OSError, ValueError) as exc:  # includes CalledProcessError and the drivers' errors
        say(f"!! {backend.label} failed: {exc}")
        return {"label": backend.label, "failed": str(exc)}
    finally:
        backends.clean_up(backend)


def run(args: argparse.Namespace) -> dict:
    work = Path(tempfile.mkdtemp(prefix="careers-bench-"))
    try:
        chosen, left_out = chosen_backends(args, work)
        results: dict = {
            "when": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "loadavg_before": os.getloadavg()},
            "roles": args.roles,
            "wrk": {"seconds": args.seconds, "threads": args.threads, "connections": args.connections},
            "accept_encoding": args.accept_encoding,
            "workers": workers(),
            "backends": {},
            "left_out": left_out,
        }
        say(f"== writing {args.roles:,} synthetic roles to {work / 'content'} (once, for every backend)")
        started = time.monotonic()
        slugs = write_catalog(work / "content", args.roles)
        results["generate_seconds"] = round(time.monotonic() - started, 1)
        say(f"   {results['generate_seconds']} s")
        # collectstatic first, as a deploy builds: with the production storage, a page or URL that names a
        # static file needs the manifest, even for a management command. Static files do not depend on the backend.
        say("== collectstatic (hashed names, gzip and brotli)")
        results["collectstatic_seconds"] = round(manage(production_env(work), "collectstatic", "--no-input"), 1)
        for backend in chosen:
            results["backends"][backend.name] = measure_backend(backend, work, slugs, args)
        results["machine"]["loadavg_after"] = os.getloadavg()
    finally:
        if args.keep:
            say(f"(kept {work})")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return results


def read_previous(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def keep_and_write(results: dict) -> dict | None:
    """The last run's results.json becomes previous.json (returned, to compare with); this run's is written."""
    OUT.mkdir(parents=True, exist_ok=True)
    latest, previous = OUT / "results.json", OUT / "previous.json"
    if latest.exists():
        latest.replace(previous)
    (OUT / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return read_previous(previous)


def backend_names(value: str) -> list[str]:
    names = [name.strip() for name in value.split(",") if name.strip()]
    unknown = set(names) - set(backends.NAMES)
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"choose from {', '.join(backends.NAMES)} (comma-separated)")
    return names


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    p.add_argument("--roles", type=int, default=10_000)
    p.add_argument("--seconds", type=int, default=10, help="length of each loaded wrk run")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--connections", type=int, default=16)
    p.add_argument("--backends", type=backend_names, default=list(backends.NAMES), help="default: sqlite,postgres")
    p.add_argument("--database-url", default="", help=f"default: $BENCH_DATABASE_URL, else {backends.DATABASE_URL}")
    p.add_argument("--redis-url", default="", help=f"default: $BENCH_REDIS_URL, else {backends.REDIS_URL}")
    p.add_argument(
        "--accept-encoding",
        default="br, gzip",
        help='what every request accepts, as a browser does (default "br, gzip"); "" for uncompressed bodies',
    )
    p.add_argument("--keep", action="store_true", help="keep the temporary directory (SQLite database, logs)")
    p.add_argument(
        "--only",
        type=lambda v: v.split(","),
        default=[],
        help="measure only these rows (comma-separated keys, e.g. path_cold,search_cold); "
        "the static file and the warm page always",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if shutil.which("wrk") is None:
        say("wrk is not installed: apt-get install -y wrk (Debian package wrk), then run again.")
        return 2
    # A TERM (or Ctrl-C) still stops the servers, drops the bench's database and removes the temporary directory.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    results = run(args)
    report(results)
    measured = [name for name, backend in results["backends"].items() if "rows" in backend]
    if not measured:
        # A run that measured nothing would push the last good results out of previous.json for nothing.
        say("\nnothing was measured: bench/out/results.json is left as it was")
        return 1
    previous = keep_and_write(results)
    say()
    for line in comparison_lines(previous, results):
        say(line)
    say(f"\nwritten to {(OUT / 'results.json').relative_to(REPO)} (the run before: bench/out/previous.json)")
    return 0 if len(measured) == len(results["backends"]) else 1


if __name__ == "__main__":
    sys.exit(main())
