"""The pay chart's geometry: bars drawn from the figures, on an honest axis with readable ticks."""

import re
from itertools import pairwise
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string

from salaries import chart
from salaries.chart import Figures, axis_end, pay_chart, scale
from tests.html import elements

ML_INDIA = [
    Figures("junior", "Entry / Junior", 700_000, 900_000, 1_200_000),
    Figures("mid", "Mid-level", 1_200_000, 1_550_000, 2_000_000),
    Figures("senior", "Senior", 2_000_000, 2_400_000, 3_000_000),
    Figures("lead", "Lead / Principal / Manager", 2_800_000, 3_100_000, 3_500_000),
]


def amount_at(x: float, axis_max: int) -> float:
    """Invert the scale: which amount an x stands for."""
    return (x - chart.PLOT_LEFT) / (chart.PLOT_RIGHT - chart.PLOT_LEFT) * axis_max


@pytest.mark.parametrize(
    ("maximum", "axis_max", "step"),
    [
        (3_500_000, 4_000_000, 1_000_000),  # ₹35L -> an axis to ₹40L in ₹10L steps
        (12_000_000, 15_000_000, 5_000_000),  # ₹1.2Cr -> ₹1.5Cr in ₹50L steps (never ₹1.25Cr ticks)
        (4_000_000, 4_000_000, 1_000_000),  # a figure on a round step ends the axis there
        (99_999, 100_000, 20_000),
        (0, 100_000, 20_000),  # nothing to draw still gives an axis, and no division by zero
        (7, 8, 2),
    ],
)
def test_axis_ends_on_a_round_step_above_the_highest_figure(maximum, axis_max, step):
    assert axis_end(maximum) == (axis_max, step)


def test_each_bar_runs_from_low_to_high_with_the_median_marked():
    drawn = pay_chart(ML_INDIA, "INR", "ML pay")
    assert [bar.key for bar in drawn.bars] == ["junior", "mid", "senior", "lead"]
    for bar, figures in zip(drawn.bars, ML_INDIA, strict=True):
        assert (bar.low, bar.median, bar.high) == (figures.low, figures.median, figures.high)
        assert amount_at(bar.x, drawn.axis_max) == pytest.approx(figures.low, abs=drawn.axis_max / 2000)
        assert amount_at(bar.x + bar.width, drawn.axis_max) == pytest.approx(figures.high, abs=drawn.axis_max / 2000)
        assert amount_at(bar.median_x, drawn.axis_max) == pytest.approx(figures.median, abs=drawn.axis_max / 2000)
        assert bar.x <= bar.median_x <= bar.x + bar.width
        # The median mark reaches past the bar, so it reads without relying on colour.
        assert bar.median_top < bar.bar_y and bar.median_bottom > bar.bar_y + bar.bar_height


def test_bars_are_stacked_one_row_per_level_and_the_axis_sits_below():
    drawn = pay_chart(ML_INDIA)
    tops = [bar.bar_y for bar in drawn.bars]
    assert tops == sorted(tops) and len(set(tops)) == 4
    assert all(bar.median_bottom <= drawn.axis_y for bar in drawn.bars)
    assert drawn.height > drawn.axis_y


def test_ticks_are_in_lakh_from_zero_and_span_the_plot():
    drawn = pay_chart(ML_INDIA)
    assert [t.label for t in drawn.ticks] == ["₹0", "₹10L", "₹20L", "₹30L", "₹40L"]
    assert drawn.ticks[0].x == chart.PLOT_LEFT and drawn.ticks[-1].x == chart.PLOT_RIGHT
    assert [t.x for t in drawn.ticks] == [scale(t.amount, drawn.axis_max) for t in drawn.ticks]
    # The end labels stay inside the drawing.
    assert (drawn.ticks[0].anchor, drawn.ticks[-1].anchor) == ("start", "end")
    assert drawn.axis_label == "Pay a year, ₹ lakh (L)"


def test_crore_figures_are_labelled_in_crore():
    drawn = pay_chart([Figures("lead", "Lead", 6_000_000, 7_500_000, 12_000_000)])
    assert [t.label for t in drawn.ticks] == ["₹0", "₹50L", "₹1Cr", "₹1.5Cr"]
    assert "crore" in drawn.axis_label
    assert drawn.bars[0].value_label == "₹60L–₹1.2Cr, median ₹75L"


def test_the_description_reads_every_bar_out():
    drawn = pay_chart(ML_INDIA, "INR", "Machine Learning Engineer pay by level in India")
    assert drawn.title == "Machine Learning Engineer pay by level in India"
    assert drawn.description == (
        "Entry / Junior: ₹7L–₹12L, median ₹9L. Mid-level: ₹12L–₹20L, median ₹15.5L. "
        "Senior: ₹20L–₹30L, median ₹24L. Lead / Principal / Manager: ₹28L–₹35L, median ₹31L."
    )


def test_a_band_with_one_figure_is_a_zero_width_bar_with_its_median():
    drawn = pay_chart([Figures("mid", "Mid-level", 1_500_000, 1_500_000, 1_500_000)])
    bar = drawn.bars[0]
    assert bar.width == 0 and bar.median_x == bar.x
    assert bar.value_label == "₹15L, median ₹15L"


def test_zero_pay_draws_without_dividing_by_zero():
    drawn = pay_chart([Figures("junior", "Junior", 0, 0, 0)])
    assert drawn.bars[0].x == chart.PLOT_LEFT and drawn.bars[0].width == 0
    assert drawn.ticks[-1].label == "₹1L"


def test_no_rows_is_an_empty_chart():
    drawn = pay_chart([])
    assert drawn.bars == [] and drawn.description == "No figures."


def test_other_currencies_label_the_axis_in_their_own_units():
    drawn = pay_chart([Figures("mid", "Mid-level", 90_000, 120_000, 150_000)], "USD")
    assert [t.label for t in drawn.ticks] == ["$0", "$50K", "$100K", "$150K"]
    assert drawn.axis_label == "Pay a year, USD"
    assert drawn.bars[0].value_label == "$90K–$150K, median $120K"


def test_very_large_figures_still_scale():
    drawn = pay_chart([Figures("lead", "Lead", 10**11, 5 * 10**11, 10**12)])
    bar = drawn.bars[0]
    assert bar.x + bar.width == chart.PLOT_RIGHT
    assert drawn.ticks[-1].label == "₹1,00,000Cr"


def tick_labels_drawn(drawn) -> list[tuple[float, float, str]]:
    """(left, right, label) of each tick label as the SVG places it: its x, its text-anchor, its estimated width."""
    svg = render_to_string("salaries/includes/pay_chart.html", {"chart": drawn})
    spans = []
    for tick in elements(svg, "text", class_="pay-chart__tick"):
        label, x = tick.text, float(tick["x"])
        width = chart.label_width(label)
        left = {"start": x, "middle": x - width / 2, "end": x - width}[tick["text-anchor"]]
        spans.append((left, left + width, label))
    return spans


@pytest.mark.parametrize(
    "rows",
    [
        # ₹12,346Cr at the top, ₹7L at the bottom: the case.
        [
            Figures("junior", "Junior", 700_000, 900_000, 1_200_000),
            Figures("lead", "Lead", 10**9, 10**10, 123_456 * 10**6),
        ],
        [Figures("lead", "Lead", 10**11, 5 * 10**11, 10**12)],  # ₹1,00,000Cr
        [Figures("lead", "Lead", 10**11, 5 * 10**11, 99 * 10**10)],  # before: ₹80,000Cr ran into ₹1,00,000Cr
        [Figures("lead", "Lead", 10**8, 5 * 10**8, 95 * 10**8)],  # before: ₹800Cr touched ₹1,000Cr
    ],
)
def test_tick_labels_keep_apart_at_very_large_figures(rows):
    drawn = pay_chart(rows)
    spans = tick_labels_drawn(drawn)
    assert len(spans) >= 3
    for (_, right, label), (left, _, next_label) in pairwise(spans):
        assert left - right >= chart.MIN_LABEL_GAP, (label, next_label)
    assert spans[0][0] >= 0 and spans[-1][1] <= drawn.width
    assert drawn.axis_max >= max(row.high for row in rows)


@pytest.mark.parametrize("currency", ["INR", "USD"])
def test_every_magnitude_gets_at_least_three_labels_apart_on_an_axis_not_much_longer_than_the_figures(currency):
    for exponent in range(1, 13):  # up to ₹9,90,000Cr: beyond that only ₹0 and the end are labelled
        for mantissa in range(10, 100):
            maximum = mantissa * 10**exponent // 10
            axis_max, step = axis_end(maximum, currency)
            ticks = chart.axis_ticks(axis_max, step, currency)
            assert len(ticks) >= 3 and chart.labels_apart(ticks), (maximum, [t.label for t in ticks])
            assert maximum <= axis_max < 2 * maximum


def test_the_width_estimate_uses_the_stylesheets_tick_size():
    css = (Path(settings.BASE_DIR) / "static/css/site.css").read_text()
    sizes = re.findall(r"\.pay-chart__tick[^{]*\{[^}]*font-size:\s*(\d+)px", css)
    assert sizes and {int(size) for size in sizes} == {chart.TICK_FONT_SIZE}
