"""Search at 10,000 roles, one request at a time, in process: p50/p99 per query and the process's memory.

    .venv/bin/python -m bench.search [--db PATH] [--roles 10000] [--repeat 30] [--profile QUERY]

Loads the synthetic catalog (bench/catalog.py) into a SQLite database at ``--db`` the first time (migrate,
then ``loadcontent``; a few minutes), and reuses it after. Then, with the page cache off and DEBUG off (no
query log), it builds the search index once (timed, with the resident memory before and after), and times
each query of bench/run.py's rotation through the view, ``--repeat`` times in turn, printing p50 and p99 per
query and over all. ``--profile QUERY`` prints the cProfile of that query instead (the top 25 by own time).

Not a test: the figures move with whatever else the machine runs; compare runs made in the same conditions.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QUERIES = [
    "data engineer",
    "python",
    "fintech",
    "cloud architect",
    "security analyst",
    "kubernetes",
    "machin lerning",
    "devloper",
    "engineer",
]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def load(db: Path, roles: int) -> None:
    from bench.catalog import write_catalog

    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}"}
    with tempfile.TemporaryDirectory() as work:
        write_catalog(Path(work), roles)
        manage = [sys.executable, "manage.py"]
        subprocess.run([*manage, "migrate", "--no-input"], cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)
        subprocess.run([*manage, "loadcontent", "--dir", work], cwd=REPO, env=env, check=True)


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "careers-bench-search.sqlite3")
    parser.add_argument("--roles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--profile", default="")
    parser.add_argument("--only", default="", help="a pattern: only the profile's lines matching it")
    parser.add_argument("--sort", default="tottime", help="the profile's order: tottime, cumtime…")
    args = parser.parse_args()
    if not args.db.exists():
        load(args.db, args.roles)
    os.environ.update(DATABASE_URL=f"sqlite:///{args.db}", PAGE_CACHE_ENABLED="0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careers.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    settings.DEBUG = False  # no query log; static files keep the plain storage chosen at start-up
    from careers.search import current_index, forget_index

    client = Client()
    client.get("/no-such-page/")  # the first request sets up templates, URLs, the connection
    before = rss_mb()
    started = time.perf_counter()
    current_index()
    built = (time.perf_counter() - started) * 1000
    print(f"index built in {built:.0f} ms; RSS {before:.1f} → {rss_mb():.1f} MB")
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.repeat):
            client.get("/roles/", {"q": args.profile})
        profile.disable()
        pstats.Stats(profile).sort_stats(args.sort).print_stats(args.only or 25)
        return
    times: dict[str, list[float]] = {q: [] for q in QUERIES}
    for _ in range(args.repeat):
        for query in QUERIES:
            started = time.perf_counter()
            response = client.get("/roles/", {"q": query})
            times[query].append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
    print(f"{'query':<20} {'p50 ms':>8} {'p99 ms':>8}")
    for query, samples in times.items():
        print(f"{query:<20} {statistics.median(samples):8.1f} {percentile(samples, 0.99):8.1f}")
    every = [t for samples in times.values() for t in samples]
    print(f"{'all':<20} {statistics.median(every):8.1f} {percentile(every, 0.99):8.1f}")
    print(f"RSS after the run: {rss_mb():.1f} MB")
    forget_index()
    gc.collect()
    tracemalloc.start()
    current_index()
    gc.collect()
    size, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"the index holds {size / 2**20:.1f} MB (tracemalloc; {peak / 2**20:.1f} MB at the peak of building it)")


if __name__ == "__main__":
    main()
