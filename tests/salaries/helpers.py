"""Reading the salary pages the way a test needs to: table rows, chart bars, the canonical address."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any
from urllib.parse import urlsplit

from tests.html import element, elements

SVG_NS = "{http://www.w3.org/2000/svg}"


def html(response) -> str:
    return response.content.decode()


def table_rows(text: str) -> dict[str, list[str]]:
    """The role page's pay table: level slug -> [low, median, high] as shown."""
    return {
        row["data-level"]: [cell.text for cell in row.find_all("td")] for row in elements(text, "tr", data_level=True)
    }


def svg(text: str) -> ET.Element:
    """The one inline chart, parsed as XML (so it must be well-formed): its source is cut out of the page as
    written, since an HTML parser would forgive what an XML parser must refuse."""
    match = re.search(r"<svg\b.*?</svg>", text, re.S)
    assert match, "no chart on the page"
    return ET.fromstring(match.group(0))


def bars(chart: ET.Element) -> list[ET.Element]:
    return [g for g in chart.iter(f"{SVG_NS}g") if "pay-chart__bar" in g.get("class", "").split()]


def compare_rows(text: str) -> list[tuple[str, str, str]]:
    """The comparison table: (role title, median, range) in page order; "" for a role without figures."""
    rows = []
    for row in element(text, "tbody").find_all("tr"):
        title = row.find("th").find("a").text
        cells = [cell.text for cell in row.find_all("td")]
        median, span = (cells[1], cells[2]) if len(cells) == 3 else ("", "")
        rows.append((title, median, span))
    return rows


def canonical(page: Any) -> str:
    """The path and query of the page's canonical address."""
    parts = urlsplit(element(page, "link", rel="canonical")["href"])
    return parts.path + (f"?{parts.query}" if parts.query else "")
