"""Each kind of page the site has, with one real address for it: what screenshots, audits and the
accessibility tests visit. The addresses name roles, levels and skills of the content in fixtures/."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import ViewportSize

ROLE = "machine-learning-engineer"

# name -> path. The name is used for file names (screenshots/<name>-<width>.png) and in reports.
PAGES: dict[str, str] = {
    "home": "/",
    "catalog": "/roles/",
    "search": "/roles/?q=data",
    "role": f"/roles/{ROLE}/",
    "career-path": f"/roles/{ROLE}/career-path/",
    "level": f"/roles/{ROLE}/career-path/senior/",
    "move": f"/roles/{ROLE}/to/data-scientist/",
    "salary": f"/roles/{ROLE}/salary/",
    "salaries": "/salaries/",
    "skills": "/skills/",
    "skill": "/skills/python/",
    "not-found": "/roles/no-such-role/",
    "admin-login": "/admin/login/",
}

# The widths every page is checked and pictured at.
WIDTHS: dict[str, ViewportSize] = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 390, "height": 844},
}


CHROMIUM = Path("/usr/bin/chromium")
# Debian's Chromium, as root, headless, without the network it would otherwise phone home on.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chosen_pages(names: list[str]) -> dict[str, str] | None:
    """The pages named on the command line (all when none), or None after saying what is wrong."""
    unknown = [name for name in names if name not in PAGES]
    if unknown:
        print(f"unknown page(s) {', '.join(unknown)}; choose from {', '.join(PAGES)}", file=sys.stderr)
        return None
    if not CHROMIUM.exists():
        print(f"No Chromium at {CHROMIUM}: apt-get install chromium", file=sys.stderr)
        return None
    return {name: PAGES[name] for name in names} if names else PAGES
