"""bench/report.py: the figures each target is judged on, and the verdicts, without wrk or gunicorn."""

from bench.report import KB, TARGETS, figures, verdicts


def backend() -> dict:
    return {
        "load_seconds": 95.0,
        "worker_rss_mb": {"cold": [80.0, 90.5], "warm": [70.0]},
        "html_bytes": {
            "home": {"path": "/", "status": 200, "bytes": 61 * KB},
            "catalog_az": {"path": "/roles/?view=az", "status": 200, "bytes": 120 * KB},
            "skill": {"path": "/skills/python/", "status": 404, "bytes": None},
        },
        "rows": [
            {"key": "path_warm", "ratio_to_static": 0.92},
            {"key": "path_cold", "loaded": {"rps": 250.0}, "single": {"p50_ms": 9.0, "p99_ms": 14.0}},
            {"key": "search_cold", "loaded": {"rps": 300.0}, "single": {"p50_ms": 12.0, "p99_ms": 140.0}},
            {"key": "sitemap_warm", "label": "sitemap", "skipped": "no /sitemap.xml yet"},
        ],
    }


def test_the_figures_come_from_the_rows_the_sizes_and_the_workers():
    values = figures(backend())

    assert values["warm_ratio"] == 0.92
    assert values["cold_rps"] == 250.0
    assert (values["search_p50"], values["search_p99"]) == (12.0, 140.0)
    assert values["sitemap_warm_p50"] is None  # skipped
    assert values["worker_rss"] == 90.5  # the largest worker of either server
    assert (values["html_home"], values["html_catalog_az"], values["html_skill"]) == (61.0, 120.0, None)


def test_each_target_is_met_not_met_or_not_measured():
    met = {v["key"]: v["met"] for v in verdicts(figures(backend()))}

    assert set(met) == set(TARGETS)
    assert met["warm_ratio"] is True
    assert met["cold_rps"] is False  # under 300 req/s
    assert met["search_p50"] is True
    assert met["search_p99"] is False  # over 100 ms
    assert met["sitemap_warm_p50"] is None
    assert met["worker_rss"] is True
    assert met["load_seconds"] is True
    assert met["html_home"] is False  # over 60 KB
    assert met["html_catalog_az"] is True
    assert met["html_role_hub"] is None


def test_a_limit_is_met_when_the_figure_equals_it():
    (ratio,) = [v for v in verdicts({"warm_ratio": 0.9}) if v["key"] == "warm_ratio"]

    assert ratio["met"] is True
    assert ratio["limit"] == ">= 0.9"
