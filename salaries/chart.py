"""A pay chart drawn on the server: one horizontal bar per level, from low to high, median marked.

Pure Python, no queries and no markup: ``pay_chart`` turns figures into geometry (numbers in SVG
user units) and labels (formatted through ``salaries.money``); the template
``salaries/includes/pay_chart.html`` writes the SVG. The axis starts at zero so bar lengths are
honest, and ends on a round step so the tick labels read as whole lakh (₹10L, ₹20L, …). At very large
figures the labels grow long (₹80,000Cr, ₹1,00,000Cr): the step widens until no two labels come closer
than ``MIN_LABEL_GAP``, judged by a generous estimate of each label's width.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from . import money

# The drawing, in SVG user units. Narrow on purpose: the SVG scales to the column width, and a
# narrow viewBox keeps its text readable on a 390 px phone.
WIDTH = 420
PLOT_LEFT = 12
PLOT_RIGHT = WIDTH - 12
TOP = 8
ROW_HEIGHT = 52  # a label line, then the bar
LABEL_Y = 16  # baseline of a row's label, from the row's top
BAR_Y = 24  # top of the bar, from the row's top
BAR_HEIGHT = 16
MEDIAN_OVERHANG = 4  # the median mark sticks out of the bar so it reads without colour
AXIS_HEIGHT = 40
TARGET_TICKS = 5
# No 2.5: a 25 lakh step would put ₹1.25Cr on the axis, which reads as "₹1.3Cr".
STEP_MULTIPLIERS = (1, 2, 5, 10)
# Tick labels: the font size of .pay-chart__tick in static/css/site.css (user units, as the SVG scales), and
# each character's advance in em as DejaVu Sans draws it (the usual Linux fallback of the stylesheet's fonts, and
# wider than Roboto or Segoe UI: digits 0.636 em), rounded up a few per cent, so the estimate errs wide.
# tests/browser/test_pay_chart.py checks it against the boxes Chromium lays out.
TICK_FONT_SIZE = 12
CHAR_EM = {",": 0.34, ".": 0.34, " ": 0.34, "r": 0.42, "L": 0.59, "C": 0.73, "K": 0.69, "M": 0.9, "B": 0.72, "A": 0.74}
DEFAULT_CHAR_EM = 0.67  # digits, ₹ and the other currency symbols
MIN_LABEL_GAP = 8  # the least space between two tick labels, in user units


@dataclass(frozen=True)
class Figures:
    """The input of one bar: what a level pays somewhere."""

    key: str  # the level's slug
    label: str  # "Senior · 5–8 years"
    low: int
    median: int
    high: int


@dataclass(frozen=True)
class Tick:
    amount: int
    x: float
    label: str
    anchor: str  # SVG text-anchor: the end ticks keep their labels inside the drawing


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    value_label: str  # "₹20L–₹30L, median ₹24L"
    low: int
    median: int
    high: int
    x: float
    width: float
    median_x: float
    label_y: float
    bar_y: float
    bar_height: int
    median_top: float
    median_bottom: float


@dataclass(frozen=True)
class Chart:
    title: str
    width: int
    height: int
    bars: list[Bar]
    ticks: list[Tick]
    axis_max: int
    axis_y: float
    tick_label_y: float
    axis_label: str
    axis_label_x: float
    axis_label_y: float
    plot_left: int
    plot_right: int
    description: str


def nice_step(maximum: int, target: int = TARGET_TICKS) -> int:
    """A round tick step (1, 2 or 5 × a power of ten) giving about ``target`` ticks up to ``maximum``."""
    raw = max(maximum, 1) / target
    # Whole currency units: never a step below 1.
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    return next(m * magnitude for m in STEP_MULTIPLIERS if m * magnitude >= raw)


def wider_step(step: int) -> int:
    """The next round step above ``step``: 1 → 2 → 5 → 10 → 20 …"""
    magnitude = 10 ** (len(str(step)) - 1)
    return next(m * magnitude for m in STEP_MULTIPLIERS if m * magnitude > step)


def axis_end(maximum: int, currency: str = "INR") -> tuple[int, int]:
    """(axis_max, step): the end is the first step at or above the highest figure, the step the smallest round
    one near ``TARGET_TICKS`` ticks whose labels keep apart; a lakh when there is nothing to draw."""
    if maximum <= 0:
        return money.LAKH, money.LAKH // TARGET_TICKS
    step = nice_step(maximum)
    while True:
        axis_max = math.ceil(maximum / step) * step
        ticks = axis_ticks(axis_max, step, currency)
        if len(ticks) <= 2 or labels_apart(ticks):
            return axis_max, step
        step = wider_step(step)


def axis_ticks(axis_max: int, step: int, currency: str) -> list[Tick]:
    """A tick at every step from zero to the end; the end ticks keep their labels inside the drawing."""
    return [
        Tick(
            amount,
            scale(amount, axis_max),
            money.format_short(amount, currency),
            "start" if amount == 0 else "end" if amount == axis_max else "middle",
        )
        for amount in range(0, axis_max + 1, step)
    ]


def label_width(label: str) -> float:
    """A tick label's width in user units, estimated generously from its characters."""
    return sum(CHAR_EM.get(ch, DEFAULT_CHAR_EM) for ch in label) * TICK_FONT_SIZE


def label_span(tick: Tick) -> tuple[float, float]:
    """Where a tick's label may reach, left to right, in user units (by CHAR_EM, an overestimate)."""
    width = label_width(tick.label)
    left = tick.x if tick.anchor == "start" else tick.x - width if tick.anchor == "end" else tick.x - width / 2
    return left, left + width


def labels_apart(ticks: Sequence[Tick]) -> bool:
    """Whether each label ends at least MIN_LABEL_GAP before the next one starts."""
    spans = [label_span(tick) for tick in ticks]
    return all(right + MIN_LABEL_GAP <= left for (_, right), (left, _) in pairwise(spans))


def scale(amount: int, axis_max: int) -> float:
    """The x of an amount: the plot spans 0 → axis_max, left → right, rounded to 0.1 unit."""
    return round(PLOT_LEFT + amount / axis_max * (PLOT_RIGHT - PLOT_LEFT), 1)


def value_label(figures: Figures, currency: str) -> str:
    span = money.format_range(figures.low, figures.high, currency)
    return f"{span}, median {money.format_short(figures.median, currency)}"


def axis_label(currency: str, axis_max: int) -> str:
    if currency != "INR":
        return f"Pay a year, {currency}"
    return "Pay a year, ₹ lakh (L) and crore (Cr)" if axis_max >= money.CRORE else "Pay a year, ₹ lakh (L)"


def pay_chart(rows: Sequence[Figures], currency: str = "INR", title: str = "") -> Chart:
    """Geometry for one bar per row, in order, on a shared axis from zero."""
    axis_max, step = axis_end(max((row.high for row in rows), default=0), currency)
    bars = []
    for index, row in enumerate(rows):
        top = TOP + index * ROW_HEIGHT
        x, x_end = scale(row.low, axis_max), scale(row.high, axis_max)
        bars.append(
            Bar(
                key=row.key,
                label=row.label,
                value_label=value_label(row, currency),
                low=row.low,
                median=row.median,
                high=row.high,
                x=x,
                width=round(x_end - x, 1),
                median_x=scale(row.median, axis_max),
                label_y=top + LABEL_Y,
                bar_y=top + BAR_Y,
                bar_height=BAR_HEIGHT,
                median_top=top + BAR_Y - MEDIAN_OVERHANG,
                median_bottom=top + BAR_Y + BAR_HEIGHT + MEDIAN_OVERHANG,
            )
        )
    axis_y = TOP + len(rows) * ROW_HEIGHT
    ticks = axis_ticks(axis_max, step, currency)
    description = ". ".join(f"{row.label}: {value_label(row, currency)}" for row in rows)
    return Chart(
        title=title or "Pay by level",
        width=WIDTH,
        height=axis_y + AXIS_HEIGHT,
        bars=bars,
        ticks=ticks,
        axis_max=axis_max,
        axis_y=axis_y,
        tick_label_y=axis_y + 16,
        axis_label=axis_label(currency, axis_max),
        axis_label_x=PLOT_LEFT,
        axis_label_y=axis_y + AXIS_HEIGHT - 4,
        plot_left=PLOT_LEFT,
        plot_right=PLOT_RIGHT,
        description=f"{description}." if description else "No figures.",
    )
