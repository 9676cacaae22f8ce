"""This run against the previous one (bench/out/previous.json): req/s and p50 before → after, regressions flagged.

Pure functions of two results files, so tests/bench/ checks them without wrk or gunicorn. A file from before the
bench measured two backends has no "backends" key: it measured SQLite only, so it is compared as "sqlite".
"""

from __future__ import annotations

from dataclasses import dataclass

from .report import dig

# A change beyond this share is flagged: runs on a quiet machine differ by a few per cent.
TOLERANCE = 0.10
# Below this a p50 moves with the scheduler, not the code: 0.3 → 0.4 ms is +33% and means nothing.
P50_NOISE_MS = 0.5


@dataclass(frozen=True)
class Change:
    backend: str
    key: str
    label: str
    rps_before: float | None
    rps_after: float | None
    p50_before: float | None  # ms, one request at a time (-c1): the time a request takes, without queueing
    p50_after: float | None

    @property
    def rps_change(self) -> float | None:
        return percent(self.rps_before, self.rps_after)

    @property
    def p50_change(self) -> float | None:
        return percent(self.p50_before, self.p50_after)

    @property
    def regression(self) -> bool:
        slower = self.rps_change is not None and self.rps_change < -100 * TOLERANCE
        later = (
            self.p50_change is not None
            and self.p50_change > 100 * TOLERANCE
            and (self.p50_after or 0) - (self.p50_before or 0) > P50_NOISE_MS
        )
        return slower or later


def percent(before: float | None, after: float | None) -> float | None:
    if before is None or after is None or before == 0:
        return None
    return round((after - before) / before * 100, 1)


def backends_of(results: dict) -> dict[str, dict]:
    """Each backend's results; an old-shape file (one backend, rows at the top) was SQLite only."""
    if "backends" in results:
        return results["backends"]
    return {"sqlite": results} if "rows" in results else {}


def changes(previous: dict, current: dict) -> list[Change]:
    """Every row measured in both runs, on the same backend, in this run's order."""
    before_backends = backends_of(previous)
    out = []
    for name, backend in backends_of(current).items():
        before_rows = {row["key"]: row for row in before_backends.get(name, {}).get("rows", [])}
        for row in backend.get("rows", []):
            before = before_rows.get(row["key"])
            if before is None or "skipped" in row or "skipped" in before:
                continue
            out.append(
                Change(
                    backend=name,
                    key=row["key"],
                    label=row["label"],
                    rps_before=dig(before, "loaded", "rps"),
                    rps_after=dig(row, "loaded", "rps"),
                    p50_before=dig(before, "single", "p50_ms"),
                    p50_after=dig(row, "single", "p50_ms"),
                )
            )
    return out


def differences(previous: dict, current: dict) -> list[str]:
    """What makes the two runs not like with like: figures from other conditions differ for that reason alone."""
    notes = []
    for what, path in (("roles", ("roles",)), ("workers", ("workers",)), ("wrk", ("wrk",))):
        before, after = dig(previous, *path), dig(current, *path)
        if before != after:
            notes.append(f"{what}: {before} then, {after} now")
    return notes


def signed(value: float | None, suffix: str = "%") -> str:
    return "-" if value is None else f"{value:+.1f}{suffix}"


def figure(value: float | None, digits: int) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def change_line(change: Change) -> str:
    rps = f"{figure(change.rps_before, 0):>7} → {figure(change.rps_after, 0):>7} {signed(change.rps_change):>8}"
    p50 = f"{figure(change.p50_before, 2):>8} → {figure(change.p50_after, 2):>8} {signed(change.p50_change):>8}"
    flag = "  REGRESSION" if change.regression else ""
    return f"  {change.label:<44} {rps}   {p50}{flag}"


def comparison_lines(previous: dict | None, current: dict) -> list[str]:
    """The printed comparison: a header, what differs between the runs, then each backend's rows."""
    if previous is None:
        return ["No previous run (bench/out/previous.json): nothing to compare with."]
    lines = [f"Compared with the previous run ({previous.get('when', 'unknown date')}):"]
    if "backends" not in previous:
        lines.append("  the previous file is of the old shape (SQLite only): only the SQLite rows are compared.")
    lines += [f"  not like with like: {note}" for note in differences(previous, current)]
    # Other work on the machine moves every figure: the load average says how busy it was each time.
    load = [dig(run, "machine", "loadavg_before") for run in (previous, current)]
    if all(load):
        lines.append(f"  load average before the run: {load[0][0]:.1f} then, {load[1][0]:.1f} now")
    found = changes(previous, current)
    head = f"  {'':<44} {'req/s before → after':>26}   {'p50 ms (-c1) before → after':>28}"
    for name in backends_of(current):
        mine = [c for c in found if c.backend == name]
        if not mine:
            lines.append(f"  {name}: no row of the previous run to compare with")
            continue
        lines += [f"  -- {name}", head, *map(change_line, mine)]
        load = [dig(backends_of(run), name, "load_seconds") for run in (previous, current)]
        lines.append(
            f"  {'loading the roles, s':<44} {figure(load[0], 1):>7} → {figure(load[1], 1):>7} "
            f"{signed(percent(*load)):>8}"
        )
    flagged = [c for c in found if c.regression]
    lines.append(
        f"  {len(flagged)} regression(s): req/s down or p50 up by more than {TOLERANCE:.0%}"
        + (" — " + "; ".join(f"{c.backend} {c.key}" for c in flagged) if flagged else "")
    )
    return lines
