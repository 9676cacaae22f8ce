"""Reading what crawlers read: a sitemap or sitemap index, parsed as the XML it must be."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap(response: Any, field: str = "loc") -> list[str]:
    """One field (loc, lastmod) of every entry of a sitemap or a sitemap index, in order."""
    root = ET.fromstring(response.content)
    return [entry.text or "" for entry in root.iter(f"{SITEMAP_NS}{field}")]
