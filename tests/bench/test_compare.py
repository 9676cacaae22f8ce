"""bench/compare.py: this run against the previous one, without wrk or gunicorn."""

from bench.compare import Change, backends_of, changes, comparison_lines, differences


def row(key: str, rps: float | None, p50: float | None) -> dict:
    return {"key": key, "label": key, "loaded": None if rps is None else {"rps": rps}, "single": {"p50_ms": p50}}


def run(**rows_by_backend: list[dict]) -> dict:
    return {"roles": 300, "workers": "2", "backends": {name: {"rows": rows} for name, rows in rows_by_backend.items()}}


def test_a_slower_row_is_a_regression_and_a_faster_one_is_not():
    previous = run(sqlite=[row("static", 1000, 1.0), row("path_cold", 400, 10.0)])
    current = run(sqlite=[row("static", 1100, 1.0), row("path_cold", 300, 10.0)])

    found = {c.key: c for c in changes(previous, current)}

    assert found["static"].rps_change == 10.0
    assert not found["static"].regression
    assert found["path_cold"].rps_change == -25.0
    assert found["path_cold"].regression


def test_a_p50_up_by_more_than_a_tenth_is_a_regression_unless_it_is_a_fraction_of_a_millisecond():
    later = Change("sqlite", "search_cold", "search", 100, 100, p50_before=20.0, p50_after=23.0)
    noise = Change("sqlite", "static", "static", 100, 100, p50_before=0.3, p50_after=0.4)
    within = Change("sqlite", "path_cold", "path", 100, 95, p50_before=20.0, p50_after=21.0)

    assert later.p50_change == 15.0 and later.regression
    assert noise.p50_change == 33.3 and not noise.regression
    assert not within.regression


def test_rows_are_compared_per_backend_and_only_when_both_runs_have_them():
    previous = run(sqlite=[row("static", 1000, 1.0)], postgres=[row("static", 500, 2.0)])
    current = run(sqlite=[row("static", 1000, 1.0), row("sitemap_warm", 900, 1.0)], postgres=[row("static", 400, 2.0)])

    found = changes(previous, current)

    assert [(c.backend, c.key) for c in found] == [("sqlite", "static"), ("postgres", "static")]
    assert found[1].rps_change == -20.0 and found[1].regression


def test_an_old_shape_file_was_sqlite_only():
    old = {"roles": 10_000, "workers": "default (5)", "rows": [row("static", 1000, 1.0)]}
    current = run(sqlite=[row("static", 1000, 1.0)], postgres=[row("static", 500, 2.0)])

    assert backends_of(old) == {"sqlite": old}
    assert [(c.backend, c.key) for c in changes(old, current)] == [("sqlite", "static")]
    assert differences(old, current) == ["roles: 10000 then, 300 now", "workers: default (5) then, 2 now"]
    text = "\n".join(comparison_lines(old, current))
    assert "old shape (SQLite only)" in text
    assert "postgres: no row of the previous run to compare with" in text


def test_a_row_timed_one_request_at_a_time_only_compares_its_p50():
    previous = run(sqlite=[row("sitemap_cold", None, 1500.0)])
    current = run(sqlite=[row("sitemap_cold", None, 1800.0)])

    (change,) = changes(previous, current)

    assert change.rps_change is None
    assert change.p50_change == 20.0 and change.regression


def test_without_a_previous_run_it_says_so():
    assert comparison_lines(None, run(sqlite=[])) == [
        "No previous run (bench/out/previous.json): nothing to compare with."
    ]


def test_the_regressions_are_counted_and_named():
    previous = run(sqlite=[row("path_cold", 400, 10.0)])
    current = run(sqlite=[row("path_cold", 200, 10.0)])

    assert comparison_lines(previous, current)[-1].endswith(
        "1 regression(s): req/s down or p50 up by more than 10% — sqlite path_cold"
    )


def test_the_load_average_of_both_runs_is_shown():
    previous = run(sqlite=[row("static", 1000, 1.0)]) | {"machine": {"loadavg_before": [0.5, 0.4, 0.3]}}
    current = run(sqlite=[row("static", 1000, 1.0)]) | {"machine": {"loadavg_before": [3.25, 2.0, 1.0]}}

    assert "  load average before the run: 0.5 then, 3.2 now" in comparison_lines(previous, current)
