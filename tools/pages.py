"""Every kind of page the site has, with one real address for each: the one list that screenshots, audits and the
tests (headers, HTML validity, accessibility, faults, the before/after page comparison) visit. The addresses name
roles, levels, skills and cities of the content in fixtures/."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import ViewportSize

ROLE, OTHER, LEVEL, SKILL, CITY = "machine-learning-engineer", "data-scientist", "senior", "python", "bengaluru"
# A skills check answered: eleven of the role's skills and six years, which the rule places at the senior level.
CHECKED_SKILLS = [
    "python",
    "tensorflow-pytorch",
    "mlops",
    "model-deployment",
    "machine-learning",
    "docker-kubernetes",
    "feature-engineering",
    "data-pipelines",
    "cloud-platforms",
    "system-design",
    "mentoring",
]
CHECK_ANSWER = f"/roles/{ROLE}/check/?" + "&".join(f"skill={slug}" for slug in CHECKED_SKILLS) + "&years=6"
# A kind of employer, and a role that another kind rarely hires (its page says so in words).
EMPLOYER, RARELY_HIRED, RARELY_HIRING = "product", "research-scientist", "it-services"

# name -> path of every kind of public page that answers 200. The name is used for file names
# (screenshots/<name>-<width>.png, tests/snapshots/<name>.html) and in reports.
PAGES: dict[str, str] = {
    "home": "/",
    "catalog": "/roles/",
    "catalog-az": "/roles/?view=az",
    "search": "/roles/?q=data",
    "search-none": "/roles/?q=zzzzqqq",
    "role": f"/roles/{ROLE}/",
    "role-compare": f"/roles/{ROLE}/compare/?q=engineer",
    "career-path": f"/roles/{ROLE}/career-path/",
    "level": f"/roles/{ROLE}/career-path/{LEVEL}/",
    "move": f"/roles/{ROLE}/to/{OTHER}/",
    "check": f"/roles/{ROLE}/check/",
    "check-answer": CHECK_ANSWER,
    "salary": f"/roles/{ROLE}/salary/",
    "salary-city": f"/roles/{ROLE}/salary/?location={CITY}",
    "salary-employer": f"/roles/{ROLE}/salary/?employer={EMPLOYER}",
    "salary-rarely-hired": f"/roles/{RARELY_HIRED}/salary/?employer={RARELY_HIRING}",
    "salaries": "/salaries/",
    "salaries-filtered": f"/salaries/?location={CITY}&level={LEVEL}&sort=title",
    "salaries-employer": f"/salaries/?level={LEVEL}&employer={RARELY_HIRING}",
    "skills": "/skills/",
    "skill": f"/skills/{SKILL}/",
    "methodology": "/about/data/",
    "open-data": "/data/",
    "changes": "/changes/",
    "titles": "/titles/",
    "titles-answer": "/titles/?title=SDE+II&employer=product",
    "titles-ambiguous": "/titles/?title=Associate",
    "titles-unknown": "/titles/?title=Sr+Sofware+Enginer",
    "job-title": "/titles/sde-2/",
}

# name -> path of the parts htmx swaps: asked for with HX-Request, answered with the page's named partial.
PARTIALS: dict[str, str] = {
    "catalog-results": "/roles/?q=data",
    "salary-table": f"/roles/{ROLE}/salary/?location={CITY}",
    "salary-employer-table": f"/roles/{ROLE}/salary/?employer={EMPLOYER}",
    "compare-results": f"/salaries/?level={LEVEL}",
    "check-answer": CHECK_ANSWER,
    "titles-answer": "/titles/?title=SDE+II&employer=product",
}

NOT_FOUND = "/roles/no-such-role/"
ADMIN_LOGIN = "/admin/login/"

# What a person sees in a browser: every public page, the 404 page and the editors' way in.
SCREENS: dict[str, str] = {**PAGES, "not-found": NOT_FOUND, "admin-login": ADMIN_LOGIN}

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
    """The screens named on the command line (all when none), or None after saying what is wrong."""
    unknown = [name for name in names if name not in SCREENS]
    if unknown:
        print(f"unknown page(s) {', '.join(unknown)}; choose from {', '.join(SCREENS)}", file=sys.stderr)
        return None
    if not CHROMIUM.exists():
        print(f"No Chromium at {CHROMIUM}: apt-get install chromium", file=sys.stderr)
        return None
    return {name: SCREENS[name] for name in names} if names else SCREENS
