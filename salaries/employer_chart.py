"""A grouped pay chart drawn on the server: for each level, one bar per kind of employer, each named in words.

The companion of ``salaries.chart`` (one bar per level), on the same honest axis from zero with the same round
ticks (``chart.axis_end``, ``chart.axis_ticks``, ``chart.scale``). Each bar has its own text label above it (the
employer type's name and its median), so no bar is told apart by colour, pattern or position alone; the template
``salaries/includes/employer_chart.html`` writes the SVG, with a title, a description that reads every figure out,
and the table beside it. An employer type that rarely hires the role has no bar: it is named in the description
(and the table says so in words), never left as an unexplained gap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import chart, money

GROUP_HEIGHT = 24  # the level's name, above its bars
ROW_HEIGHT = 32  # one employer type: a label line, then the bar
LABEL_Y = 13  # baseline of a bar's label, from the row's top
BAR_Y = 17  # top of the bar, from the row's top
BAR_HEIGHT = 10
MEDIAN_OVERHANG = 3  # the median mark sticks out of the bar so it reads without colour
GROUP_GAP = 8


@dataclass(frozen=True)
class EmployerFigures:
    """One bar's input: what one kind of employer pays at one level."""

    key: str  # the employer type's slug
    label: str  # its name
    low: int
    median: int
    high: int


@dataclass(frozen=True)
class LevelFigures:
    """One group: a level and its bars, in the employer types' order."""

    key: str  # the level's slug
    label: str  # "Senior · 5–8 years"
    bars: list[EmployerFigures]


@dataclass(frozen=True)
class GroupBar:
    key: str
    level: str
    label: str
    median_label: str  # "₹15L"
    low: int
    median: int
    high: int
    x: float
    width: float
    median_x: float
    label_y: float
    bar_y: float
    median_top: float
    median_bottom: float


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    label_y: float
    bars: list[GroupBar]


@dataclass(frozen=True)
class GroupedChart:
    title: str
    width: int
    height: int
    groups: list[Group]
    ticks: list[chart.Tick]
    axis_max: int
    axis_y: float
    tick_label_y: float
    axis_label: str
    axis_label_y: float
    plot_left: int
    bar_height: int
    description: str


def describe(levels: Sequence[LevelFigures], currency: str, absent: Sequence[str]) -> str:
    """Every figure of the chart in words, level by level; then the employer types that have no bar, and why."""
    parts = []
    for level in levels:
        figures = "; ".join(
            f"{bar.label} {money.format_range(bar.low, bar.high, currency)}, "
            f"median {money.format_short(bar.median, currency)}"
            for bar in level.bars
        )
        parts.append(f"{level.label}: {figures}." if figures else f"{level.label}: no figures.")
    parts += [f"{name} rarely hires this role: no bars." for name in absent]
    return " ".join(parts) if parts else "No figures."


def grouped_chart(
    levels: Sequence[LevelFigures], currency: str = "INR", title: str = "", absent: Sequence[str] = ()
) -> GroupedChart:
    """Geometry for a group of bars per level, groups in ladder order, on one axis from zero.

    ``absent``: the names of the employer types that rarely hire the role, said in the description.
    """
    highest = max((bar.high for level in levels for bar in level.bars), default=0)
    axis_max, step = chart.axis_end(highest, currency)
    groups = []
    top = float(chart.TOP)
    for level in levels:
        bars = []
        row_top = top + GROUP_HEIGHT
        for figures in level.bars:
            x, x_end = chart.scale(figures.low, axis_max), chart.scale(figures.high, axis_max)
            bars.append(
                GroupBar(
                    key=figures.key,
                    level=level.key,
                    label=figures.label,
                    median_label=money.format_short(figures.median, currency),
                    low=figures.low,
                    median=figures.median,
                    high=figures.high,
                    x=x,
                    width=round(x_end - x, 1),
                    median_x=chart.scale(figures.median, axis_max),
                    label_y=row_top + LABEL_Y,
                    bar_y=row_top + BAR_Y,
                    median_top=row_top + BAR_Y - MEDIAN_OVERHANG,
                    median_bottom=row_top + BAR_Y + BAR_HEIGHT + MEDIAN_OVERHANG,
                )
            )
            row_top += ROW_HEIGHT
        groups.append(Group(level.key, level.label, top + LABEL_Y + 3, bars))
        top = row_top + GROUP_GAP
    axis_y = top
    return GroupedChart(
        title=title or "Pay by kind of employer and level",
        width=chart.WIDTH,
        height=round(axis_y + chart.AXIS_HEIGHT),
        groups=groups,
        ticks=chart.axis_ticks(axis_max, step, currency),
        axis_max=axis_max,
        axis_y=axis_y,
        tick_label_y=axis_y + 16,
        axis_label=chart.axis_label(currency, axis_max),
        axis_label_y=axis_y + chart.AXIS_HEIGHT - 4,
        plot_left=chart.PLOT_LEFT,
        bar_height=BAR_HEIGHT,
        description=describe(levels, currency, absent),
    )
