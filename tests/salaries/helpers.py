"""Reading the salary pages the way a test needs to: table rows, chart bars, links."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG_NS = "{http://www.w3.org/2000/svg}"


def html(response) -> str:
    return response.content.decode()


def table_rows(text: str) -> dict[str, list[str]]:
    """The role page's pay table: level slug -> [low, median, high] as shown."""
    rows = {}
    for level, body in re.findall(r'<tr data-level="([^"]+)">(.*?)</tr>', text, re.S):
        rows[level] = [cell.strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", body, re.S)]
    return rows


def svg(text: str) -> ET.Element:
    """The one inline chart, parsed as XML (so it must be well-formed)."""
    match = re.search(r"<svg\b.*?</svg>", text, re.S)
    assert match, "no chart on the page"
    return ET.fromstring(match.group(0))


def bars(chart: ET.Element) -> list[ET.Element]:
    return [g for g in chart.iter(f"{SVG_NS}g") if "pay-chart__bar" in g.get("class", "").split()]


def compare_rows(text: str) -> list[tuple[str, str, str]]:
    """The comparison table: (role title, median, range) in page order; "" for a role without figures."""
    body = re.search(r"<tbody>(.*?)</tbody>", text, re.S).group(1)
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        title = re.search(r"<th[^>]*><a[^>]*>(.*?)</a>", row, re.S).group(1)
        cells = [c.strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        median, span = (cells[1], cells[2]) if len(cells) == 3 else ("", "")
        rows.append((title, median, span))
    return rows
