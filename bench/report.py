"""The benchmark's tables and verdicts: what ``make bench`` prints and keeps in bench/out/results.json.

Everything here is a pure function of the figures (no server, no wrk), so tests/bench/ checks the verdicts.
"""

from __future__ import annotations

from typing import Any

KB = 1024  # as the suite's byte budgets count (tests/perf/test_bounded_pages.py)

# Issue 20's targets, for a 2-core machine with 2 gunicorn workers a server: key -> (label, op, limit, unit).
TARGETS: dict[str, tuple[str, str, float, str]] = {
    "warm_ratio": ("warm career-path page, req/s ÷ static file", ">=", 0.9, ""),
    "cold_rps": ("cold career path under load (-t2 -c16), req/s", ">=", 300.0, ""),
    "search_p50": ("search, p50 (one request at a time)", "<=", 30.0, " ms"),
    "search_p99": ("search, p99 (one request at a time)", "<=", 100.0, " ms"),
    "sitemap_warm_p50": ("sitemap index, warm, p50 (one at a time)", "<=", 50.0, " ms"),
    "worker_rss": ("largest gunicorn worker after the run, VmRSS", "<=", 100.0, " MB"),
    "load_seconds": ("loading the roles (loadcontent)", "<=", 120.0, " s"),
    "html_home": ("HTML of the home page", "<=", 60.0, " KB"),
    "html_catalog_az": ("HTML of /roles/?view=az", "<=", 150.0, " KB"),
    "html_role_hub": ("HTML of a role hub /roles/<role>/", "<=", 150.0, " KB"),
    "html_skill": ("HTML of /skills/python/", "<=", 150.0, " KB"),
    "html_sitemap": ("sitemap index /sitemap.xml", "<=", 150.0, " KB"),
}

# The pages whose plain (uncompressed) size has a target above; {slug} is a role of the catalog.
WEIGHED_PAGES = {
    "home": "/",
    "catalog_az": "/roles/?view=az",
    "role_hub": "/roles/{slug}/",
    "skill": "/skills/python/",
    "sitemap": "/sitemap.xml",
}


def say(message: str = "") -> None:
    print(message, flush=True)


def ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def dig(data: Any, *path: str) -> Any:
    """``data[a][b]…``, or None as soon as a step is missing: a skipped row has no figures."""
    for part in path:
        data = data.get(part) if isinstance(data, dict) else None
    return data


def table(rows: list[dict], static_rps: float | None, *, threads: int, connections: int) -> str:
    head = (
        f"{'what':<44} {'server':<6} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}   {'p50 ms':>7} {'p99 ms':>7}   "
        f"{'÷ static':>8} {'KB':>6}"
    )
    lines = [f"{'':<52}under load (-c{connections} -t{threads})   one at a time (-c1)", head, "-" * len(head)]
    for row in rows:
        if "skipped" in row:
            lines.append(f"{row['label']:<44} {'':<6} skipped: {row['skipped']}")
            continue
        lo, one = row["loaded"], row["single"]
        if lo is None or one["p50_ms"] is None:
            p50 = f"{one['p50_ms']:.0f}" if one["p50_ms"] is not None else "-"
            lines.append(
                f"{row['label']:<44} {row['server']:<6} {'-':>8} {'-':>8} {'-':>8}   {p50:>7} "
                f"{'-':>7}   {'-':>8} {row['bytes'] / KB:>6.1f}  ({row.get('note', 'no request completed')})"
            )
            continue
        ratio = f"{lo['rps'] / static_rps:.2f}" if static_rps else "-"
        lines.append(
            f"{row['label']:<44} {row['server']:<6} {lo['rps']:>8.0f} {ms(lo['p50_ms']):>8} {ms(lo['p99_ms']):>8}   "
            f"{ms(one['p50_ms']):>7} {ms(one['p99_ms']):>7}   {ratio:>8} {row['bytes'] / KB:>6.1f}"
        )
    return "\n".join(lines)


def figures(backend: dict) -> dict[str, float | None]:
    """The figure each target is judged on, from one backend's results (None when it was not measured)."""
    by_key = {row["key"]: row for row in backend.get("rows", [])}
    all_rss = [mb for sizes in backend.get("worker_rss_mb", {}).values() for mb in sizes]
    out: dict[str, float | None] = {
        "warm_ratio": dig(by_key, "path_warm", "ratio_to_static"),
        "cold_rps": dig(by_key, "path_cold", "loaded", "rps"),
        "search_p50": dig(by_key, "search_cold", "single", "p50_ms"),
        "search_p99": dig(by_key, "search_cold", "single", "p99_ms"),
        "sitemap_warm_p50": dig(by_key, "sitemap_warm", "single", "p50_ms"),
        "worker_rss": max(all_rss) if all_rss else None,
        "load_seconds": backend.get("load_seconds"),
    }
    for name in WEIGHED_PAGES:
        size = dig(backend, "html_bytes", name, "bytes")
        out[f"html_{name}"] = None if size is None else round(size / KB, 1)
    return out


def verdicts(values: dict[str, float | None]) -> list[dict]:
    """Each target met (True), not met (False) or not measured (None), with the figure it was judged on."""
    out = []
    for key, (label, op, limit, unit) in TARGETS.items():
        value = values.get(key)
        met = None if value is None else (value >= limit if op == ">=" else value <= limit)
        out.append({"key": key, "target": label, "value": value, "limit": f"{op} {limit:g}{unit}", "met": met})
    return out


def summarise(backend: dict, measured: list[dict], *, threads: int, connections: int) -> None:
    """Each row's ratio to the static file, the targets met or not and the table, into ``backend``."""
    static_rps = dig(next((r for r in measured if r["key"] == "static"), {}), "loaded", "rps")
    for row in measured:
        if row.get("loaded") and static_rps:
            row["ratio_to_static"] = round(row["loaded"]["rps"] / static_rps, 3)
    backend["rows"] = measured
    backend["targets"] = verdicts(figures(backend))
    backend["table"] = table(measured, static_rps, threads=threads, connections=connections)


def verdict_lines(targets: list[dict]) -> list[str]:
    marks = {True: "met", False: "NOT MET", None: "n/a"}
    return [f"  {marks[t['met']]:<8} {t['target']:<48} {t['value']!s:>8}  (target {t['limit']})" for t in targets]


def backend_lines(name: str, backend: dict) -> list[str]:
    """One backend's part of the printout: its table, sizes, memory and targets."""
    label = backend.get("label", name)
    if "rows" not in backend:
        return [f"== {label}: not measured ({backend.get('failed') or backend.get('skipped') or 'no rows'})"]
    lines = [
        f"== {label}",
        f"loaded in {backend['load_seconds']} s (migrate {backend['migrate_seconds']} s)",
        "",
        backend["table"],
        "",
        "search, one query at a time (ms): "
        + ", ".join(f"{q!r} {v}" for q, v in backend.get("search_by_query_ms", {}).items()),
        "plain HTML (KB): "
        + ", ".join(
            f"{page['path']} {page['bytes'] / KB:.1f}"
            if page["bytes"] is not None
            else f"{page['path']} ({page['status']})"
            for page in backend.get("html_bytes", {}).values()
        ),
        "worker VmRSS (MB): "
        + "; ".join(f"{k}: {', '.join(map(str, v))}" for k, v in backend["worker_rss_mb"].items()),
        "",
        f"targets ({label}):",
        *verdict_lines(backend["targets"]),
    ]
    return lines


def report(results: dict) -> None:
    say()
    machine = results["machine"]
    say(
        f"{results['roles']:,} roles (generated in {results['generate_seconds']} s, collectstatic "
        f"{results['collectstatic_seconds']} s); workers per server: {results['workers']}; load average before "
        f"{machine['loadavg_before'][0]:.1f}, after {machine.get('loadavg_after', [float('nan')])[0]:.1f}"
    )
    for name, backend in results["backends"].items():
        say()
        for line in backend_lines(name, backend):
            say(line)
    for name, why in results.get("left_out", {}).items():
        say()
        say(f"== {name}: left out, {why}")
