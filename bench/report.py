"""The benchmark's table and verdicts: what ``make bench`` prints and keeps in bench/out/results.json."""

from __future__ import annotations

TARGETS = {
    "warm_ratio": ("warm career-path page, req/s ÷ static file", ">=", 0.8, ""),
    "cold_p50": ("cold career-path render, p50 (1 connection)", "<=", 25.0, "ms"),
    "search_p50": ("search, p50 (1 connection)", "<=", 30.0, "ms"),
    "load_seconds": ("loading the roles (loadcontent)", "<=", 120.0, "s"),
    "worker_rss": ("largest gunicorn worker after the run, VmRSS", "<=", 100.0, "MB"),
}


def say(message: str = "") -> None:
    print(message, flush=True)


def ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def table(rows: list[dict], static_rps: float | None, args) -> str:
    head = (
        f"{'what':<44} {'server':<6} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}   {'p50 ms':>7} {'p99 ms':>7}   "
        f"{'÷ static':>8} {'KB':>6}"
    )
    lines = [f"{'':<52}under load (-c{args.connections} -t{args.threads})   one at a time (-c1)", head, "-" * len(head)]
    for row in rows:
        if "skipped" in row:
            lines.append(f"{row['label']:<44} {'':<6} skipped: {row['skipped']}")
            continue
        lo, one = row["loaded"], row["single"]
        if lo is None or one["p50_ms"] is None:
            p50 = f"{one['p50_ms']:.0f}" if one["p50_ms"] is not None else "-"
            lines.append(
                f"{row['label']:<44} {row['server']:<6} {'-':>8} {'-':>8} {'-':>8}   {p50:>7} "
                f"{'-':>7}   {'-':>8} {row['bytes'] / 1024:>6.1f}  ({row.get('note', 'no request completed')})"
            )
            continue
        ratio = f"{lo['rps'] / static_rps:.2f}" if static_rps else "-"
        lines.append(
            f"{row['label']:<44} {row['server']:<6} {lo['rps']:>8.0f} {ms(lo['p50_ms']):>8} {ms(lo['p99_ms']):>8}   "
            f"{ms(one['p50_ms']):>7} {ms(one['p99_ms']):>7}   {ratio:>8} {row['bytes'] / 1024:>6.1f}"
        )
    return "\n".join(lines)


def verdicts(figures: dict) -> list[dict]:
    out = []
    for key, (label, op, limit, unit) in TARGETS.items():
        value = figures.get(key)
        met = None if value is None else (value >= limit if op == ">=" else value <= limit)
        out.append({"target": label, "value": value, "limit": f"{op} {limit}{unit}", "met": met})
    return out


def report(results: dict) -> None:
    say()
    say(
        f"{results['roles']:,} roles; load {results['load_seconds']} s (generate {results['generate_seconds']} s, "
        f"migrate {results['migrate_seconds']} s, collectstatic {results['collectstatic_seconds']} s); "
        f"workers per server: {results['workers']}; load average before {results['machine']['loadavg_before'][0]:.1f}, "
        f"after {results['machine']['loadavg_after'][0]:.1f}"
    )
    say()
    say(results["table"])
    say()
    say(
        "worker VmRSS (MB): " + "; ".join(f"{k}: {', '.join(map(str, v))}" for k, v in results["worker_rss_mb"].items())
    )
    say()
    for t in results["targets"]:
        mark = {True: "met", False: "NOT MET", None: "n/a"}[t["met"]]
        say(f"  {mark:<8} {t['target']:<48} {t['value']!s:>8}  (target {t['limit']})")


def summarise(results: dict, measured: list[dict], args) -> None:
    """Each row's ratio to the static file, the targets met or not and the table, into ``results``."""
    by_key = {row["key"]: row for row in measured}
    static_rps = by_key["static"]["loaded"]["rps"]
    for row in measured:
        if row.get("loaded"):
            row["ratio_to_static"] = round(row["loaded"]["rps"] / static_rps, 3)
    results["rows"] = measured
    all_rss = [mb for sizes in results["worker_rss_mb"].values() for mb in sizes]

    def figure(key: str, *path: str):
        value = by_key.get(key)
        for part in path:
            value = value.get(part) if value else None
        return value

    figures = {
        "warm_ratio": figure("path_warm", "ratio_to_static"),
        "cold_p50": figure("path_cold", "single", "p50_ms"),
        "search_p50": figure("search_cold", "single", "p50_ms"),
        "load_seconds": results["load_seconds"],
        "worker_rss": max(all_rss) if all_rss else None,
    }
    results["targets"] = verdicts(figures)
    results["table"] = table(measured, static_rps, args)
