"""The grouped pay chart's geometry (salaries.employer_chart): a group per level, a named bar per kind of employer."""

import pytest

from salaries import chart
from salaries.employer_chart import EmployerFigures, LevelFigures, grouped_chart

LEVELS = [
    LevelFigures(
        "junior",
        "Entry / Junior · 0–2 years",
        [
            EmployerFigures("it-services", "IT services and consulting", 400_000, 500_000, 650_000),
            EmployerFigures("product", "Product company", 1_200_000, 1_500_000, 2_100_000),
        ],
    ),
    LevelFigures(
        "senior",
        "Senior · 5–8 years",
        [
            EmployerFigures("it-services", "IT services and consulting", 1_500_000, 1_800_000, 2_200_000),
            EmployerFigures("product", "Product company", 2_900_000, 3_500_000, 4_400_000),
        ],
    ),
]


def amount_at(x: float, axis_max: int) -> float:
    return (x - chart.PLOT_LEFT) / (chart.PLOT_RIGHT - chart.PLOT_LEFT) * axis_max


def test_each_bar_runs_from_low_to_high_on_the_shared_axis():
    drawn = grouped_chart(LEVELS, "INR", "Pay by kind of employer")
    assert drawn.axis_max == chart.axis_end(4_400_000)[0] == 5_000_000
    assert [group.key for group in drawn.groups] == ["junior", "senior"]
    for group, level in zip(drawn.groups, LEVELS, strict=True):
        assert [bar.key for bar in group.bars] == ["it-services", "product"]
        for bar, figures in zip(group.bars, level.bars, strict=True):
            assert (bar.low, bar.median, bar.high) == (figures.low, figures.median, figures.high)
            assert amount_at(bar.x, drawn.axis_max) == pytest.approx(figures.low, abs=drawn.axis_max / 2000)
            end = amount_at(bar.x + bar.width, drawn.axis_max)
            assert end == pytest.approx(figures.high, abs=drawn.axis_max / 2000)
            assert bar.x <= bar.median_x <= bar.x + bar.width
            # The median mark reaches past the bar, so it reads without colour.
            assert bar.median_top < bar.bar_y and bar.median_bottom > bar.bar_y + drawn.bar_height


def test_every_bar_is_named_and_nothing_overlaps():
    drawn = grouped_chart(LEVELS)
    rows = []
    for group in drawn.groups:
        rows.append((group.label_y - 14, group.label_y))  # the level's name
        for bar in group.bars:
            assert bar.label in {"IT services and consulting", "Product company"} and bar.median_label.startswith("₹")
            # The label line sits above its bar, the bar above the next row.
            assert bar.label_y < bar.median_top
            rows.append((bar.label_y - 12, bar.median_bottom))
    assert all(prev_end <= start for (_, prev_end), (start, _) in zip(rows, rows[1:], strict=False))
    assert rows[-1][1] <= drawn.axis_y < drawn.tick_label_y < drawn.axis_label_y < drawn.height


def test_the_description_reads_every_figure_and_who_rarely_hires():
    drawn = grouped_chart(LEVELS, absent=["Global capability centre (GCC)"])
    assert drawn.description == (
        "Entry / Junior · 0–2 years: IT services and consulting ₹4L–₹6.5L, median ₹5L; "
        "Product company ₹12L–₹21L, median ₹15L. "
        "Senior · 5–8 years: IT services and consulting ₹15L–₹22L, median ₹18L; "
        "Product company ₹29L–₹44L, median ₹35L. "
        "Global capability centre (GCC) rarely hires this role: no bars."
    )


def test_the_height_grows_with_the_kinds_of_employer_and_nothing_else_changes():
    one = grouped_chart([LevelFigures(lv.key, lv.label, lv.bars[:1]) for lv in LEVELS])
    two = grouped_chart(LEVELS)
    assert two.height > one.height
    assert one.width == two.width == chart.WIDTH


def test_nothing_to_draw_still_gives_an_axis():
    drawn = grouped_chart([])
    assert drawn.groups == [] and drawn.axis_max == chart.axis_end(0)[0]
    assert drawn.description == "No figures."
