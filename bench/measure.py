"""How the benchmark times a row: wrk under load and one request at a time, after a warm-up (bench/run.py)."""

from __future__ import annotations

import time
from pathlib import Path

from . import wrk
from .servers import Server, fetch

ROUNDS = 3  # the static file and the warm page take turns this many times
# A page slower than this (ms) is timed one request at a time only: under wrk's load its queue would
# outlast the run and keep the server busy through the next rows.
SLOW_MS = 1000


def median_ms(url: str, times: int = 3) -> float:
    """How long one request takes, the median of a few; a single sample when it takes over SLOW_MS."""
    samples = []
    for _ in range(times):
        started = time.perf_counter()
        status, _ = fetch(url, timeout=120)
        samples.append((time.perf_counter() - started) * 1000)
        if status != 200:
            raise RuntimeError(f"{url} answered {status}")
        if samples[0] > SLOW_MS:
            break
    return round(sorted(samples)[len(samples) // 2], 1)


def measure(targets: list[tuple[Server, list[str]]], name: str, args, work: Path) -> list[dict]:
    """Each target under load and one request at a time, after a warm-up.

    With several targets the runs take turns (A B A B A B, ``ROUNDS`` each), so that a change in what
    else the machine is doing weighs on all of them alike: their ratio is what the table reports.
    A page of the cold server that takes over SLOW_MS is only timed one request at a time.
    """
    warmed = False
    if len(targets) == 1 and targets[0][0].name == "cold":
        warmed = True
        server, paths = targets[0]
        # Warm up first: a worker's first request may build something once (the search index, say).
        server.wait_idle()
        wrk.run(
            server.url,
            paths,
            name=f"{name}-warmup",
            script_dir=work,
            seconds=2,
            threads=args.threads,
            connections=args.connections,
            accept_encoding=args.accept_encoding,
        )
        server.wait_idle()
        probe = median_ms(server.url + paths[0], times=1)
        if probe > SLOW_MS:
            samples = [median_ms(server.url + p, times=1) for p in paths[:3]]
            return [
                {
                    "loaded": None,
                    "single": {"p50_ms": sorted(samples)[len(samples) // 2], "samples_ms": samples},
                    "bytes": len(fetch(server.url + paths[0], timeout=120, accept_encoding=args.accept_encoding)[1]),
                    "note": f"over {SLOW_MS} ms a request: timed one request at a time, {len(samples)} samples",
                }
            ]
    rounds = ROUNDS if len(targets) > 1 else 1
    loaded: list[list[wrk.Result]] = [[] for _ in targets]
    single: list[list[wrk.Result]] = [[] for _ in targets]
    for i, (server, paths) in enumerate(targets):
        if not warmed:
            server.wait_idle()
            wrk.run(
                server.url,
                paths,
                name=f"{name}{i}-warmup",
                script_dir=work,
                seconds=2,
                threads=args.threads,
                connections=args.connections,
                accept_encoding=args.accept_encoding,
            )
    for _ in range(rounds):
        for i, (server, paths) in enumerate(targets):
            server.wait_idle()
            loaded[i].append(
                wrk.run(
                    server.url,
                    paths,
                    name=f"{name}{i}",
                    script_dir=work,
                    seconds=max(2, args.seconds // rounds),
                    threads=args.threads,
                    connections=args.connections,
                    accept_encoding=args.accept_encoding,
                )
            )
    for _ in range(rounds):
        for i, (server, paths) in enumerate(targets):
            server.wait_idle()
            single[i].append(
                wrk.run(
                    server.url,
                    paths,
                    name=f"{name}{i}-c1",
                    script_dir=work,
                    seconds=max(3, args.seconds // (2 * rounds)),
                    threads=1,
                    connections=1,
                    accept_encoding=args.accept_encoding,
                )
            )
    return [
        {
            "loaded": wrk.combine(loaded[i]).as_dict(),
            "single": wrk.combine(single[i]).as_dict(),
            "bytes": len(fetch(server.url + paths[0], accept_encoding=args.accept_encoding)[1]),
        }
        for i, (server, paths) in enumerate(targets)
    ]
