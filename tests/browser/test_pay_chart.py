"""The pay chart's axis labels as Chromium lays them out: none overlaps, and none is wider than the chart's estimate."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string

from salaries import chart
from salaries.chart import Figures, pay_chart
from salaries.employer_chart import EmployerFigures, LevelFigures, grouped_chart

CASES = {
    "₹12,346Cr with ₹7L": [
        Figures("junior", "Junior", 700_000, 900_000, 1_200_000),
        Figures("lead", "Lead", 10**9, 10**10, 123_456 * 10**6),
    ],
    "₹99,000Cr": [Figures("lead", "Lead", 10**11, 5 * 10**11, 99 * 10**10)],
    "₹950Cr": [Figures("lead", "Lead", 10**8, 5 * 10**8, 95 * 10**8)],
    "₹35L": [Figures("junior", "Junior", 700_000, 900_000, 3_500_000)],
}


@pytest.mark.parametrize("case", CASES)
def test_tick_labels_keep_apart_in_a_real_browser(desktop, case):
    drawn = pay_chart(CASES[case])
    css = (Path(settings.BASE_DIR) / "static/css/site.css").read_text(encoding="utf-8")
    svg = render_to_string("salaries/includes/pay_chart.html", {"chart": drawn})
    tab = desktop.new_page()
    tab.set_content(
        f"<!doctype html><html lang='en-IN'><head><style>{css}</style></head><body><main>{svg}</main></body></html>"
    )
    # getBBox is in the SVG's user units, whatever the width the SVG is scaled to.
    boxes = tab.eval_on_selector_all(
        ".pay-chart__tick", "ticks => ticks.map(t => { const b = t.getBBox(); return [t.textContent, b.x, b.width]; })"
    )
    assert [label for label, _, _ in boxes] == [tick.label for tick in drawn.ticks]
    for label, _, width in boxes:
        assert width <= chart.label_width(label), f"{label} is wider than estimated"
    for (label, x, width), (next_label, next_x, _) in zip(boxes, boxes[1:], strict=False):
        assert next_x - (x + width) >= chart.MIN_LABEL_GAP, (label, next_label)


def test_grouped_chart_labels_stay_inside_the_drawing_on_a_phone(phone):
    """Each bar's label (the longest real employer type's name and a median) fits the drawing at the phone's larger
    font, and sits above its own bar."""
    names = ["Global capability centre (GCC)", "IT services and consulting"]
    levels = [
        LevelFigures(
            level,
            f"Lead / Principal / Manager · 8+ years ({level})",
            [EmployerFigures(str(i), name, 3_550_000, 4_350_000, 5_050_000) for i, name in enumerate(names)],
        )
        for level in ("mid", "lead")
    ]
    drawn = grouped_chart(levels)
    css = (Path(settings.BASE_DIR) / "static/css/site.css").read_text(encoding="utf-8")
    svg = render_to_string("salaries/includes/employer_chart.html", {"chart": drawn})
    tab = phone.new_page()
    tab.set_content(
        f"<!doctype html><html lang='en-IN'><head><style>{css}</style></head><body><main>{svg}</main></body></html>"
    )
    boxes = tab.eval_on_selector_all(
        ".employer-chart__bar",
        """bars => bars.map(bar => {
          const label = bar.querySelector('text').getBBox(), range = bar.querySelector('rect').getBBox();
          return [label.x, label.width, label.y + label.height, range.y];
        })""",
    )
    assert len(boxes) == 4
    for x, width, label_bottom, bar_top in boxes:
        assert x + width <= drawn.width, "a label runs off the drawing"
        assert label_bottom <= bar_top + 1, "a label runs into its bar"
