"""Performance budgets as deterministic figures: queries per page, bytes per page, what a page loads.

No timings here (those live in bench/, see ``make bench``): a query count or a byte count is the same
on every machine, so a change that breaks a budget fails the suite at once, wherever it runs.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from roles.models import Role, RoleLevel
from salaries.employer_pay import employer_pay
from salaries.models import EmployerType, Location, SalaryBand
from tests.perf.generate import load_generated
from tools.pages import CHECK_ANSWER

pytestmark = pytest.mark.django_db

# One URL per kind of page, on the generated catalog (tests/perf/generate.py): the same slugs at any size.
GENERATED_PAGES = {
    "home": "/",
    "catalog": "/roles/",
    "catalog A-Z": "/roles/?view=az",
    "catalog, a later page": "/roles/?view=az&page=2",
    "search": "/roles/?q=generated+role+00",
    "search, no match": "/roles/?q=zzqxv",
    "role hub": "/roles/role-0000/",
    "compare picker": "/roles/role-0000/compare/?q=generated+role",
    "career path": "/roles/role-0000/career-path/",
    "level": "/roles/role-0000/career-path/senior/",
    "move": "/roles/role-0000/to/role-0001/",
    "skills check": "/roles/role-0000/check/",
    "skills check answer": "/roles/role-0000/check/?skill=python&skill=sql&skill=docker&years=3",
    "salary": "/roles/role-0000/salary/",
    "salaries compare": "/salaries/",
    "skills": "/skills/",
    "skill": "/skills/python/",
    # Every generated role asks for Python: three roles fit on one page (page 2 is then page 1), 300 make three.
    "skill, a later page": "/skills/python/?page=2",
    "sitemap index": "/sitemap.xml",
    "sitemap section": "/sitemap-career-paths.xml",
    "methodology": "/about/data/",
}

# SQL queries per page with the whole-page cache off: what a cold render costs, whatever the catalog's size.
# A page that is about no role and has not counted the roles already counts them for the site's social card: one
# query (careers/cards); home, the catalog and search reuse their counts, and a role's pages their role and pay.
# Role cards are two queries: the roles with their pay, then their levels counted (careers.pages.catalog.card_list).
QUERY_BUDGETS = {
    # The fields with their counts, six roles a field, the editors' picks (careers.pages.catalog).
    "home": 4,
    # The fields with their counts (how many roles, how many pages), one page of roles (careers.pages.paging).
    "catalog": 3,
    "catalog A-Z": 4,  # and where each letter starts
    "catalog, a later page": 4,
    # The first search after a load builds the index (roles, aliases, skill names); every search then reads
    # the content version and the roles it shows (the counts come with the index).
    "search": 6,
    "search, no match": 3,  # the popular picks; nothing close either, so no roles to read
    "role hub": 8,
    # Its bands for all employers and by kind of employer in one query (careers.pages.career_path.role_bands), for
    # each level's spread, and its latest changes (careers.changes.read).
    "career path": 8,
    # The role, the titles that match (at most 21 rows), eight roles of its field, the site's card.
    "compare picker": 4,
    "level": 6,
    "move": 6,
    # The role with its ladder (five, as the hub reads it) and its pay, whatever was ticked.
    "skills check": 6,
    "skills check answer": 6,
    # The role, its level titles, its bands; the employer types, its bands by employer type, who rarely hires it.
    "salary": 6,
    "salaries compare": 7,  # with the site's card and the count of its pages
    "skills": 2,  # with the site's card
    # The skill with its count of roles, the ladder, the home location; for the sentences, the counts per level,
    # the roles they name and the pay (aggregates: roles.skill_reach, careers.pages.skill_pay) and the skills
    # alongside; one page of the roles asking, their levels with their pay; the counts on the site's card.
    "skill": 10,
    "skill, a later page": 10,
    # Two per section (its count and its latest change), one for the fixed pages (the content version); the
    # later pages of lists: the fields' counts, the skills asked for by more than a page of roles, the content version.
    "sitemap index": 20,
    "sitemap section": 2,
    # Published roles and fields, their bands and dates, places, kinds of employer, levels (the downloads page and
    # the downloads themselves: tests/perf/test_opendata_budgets.py).
    "methodology": 6,  # with the site card's counts
}

# The same kinds of page on the real content (fixtures/), for what the reader downloads.
REAL_PAGES = {
    "home": "/",
    "catalog": "/roles/",
    "search": "/roles/?q=data",
    "role hub": "/roles/machine-learning-engineer/",
    "career path": "/roles/machine-learning-engineer/career-path/",
    "level": "/roles/machine-learning-engineer/career-path/senior/",
    "move": "/roles/machine-learning-engineer/to/data-scientist/",
    "skills check": "/roles/machine-learning-engineer/check/",
    "skills check answer": CHECK_ANSWER,
    "salary": "/roles/machine-learning-engineer/salary/",
    "salary, one kind of employer": "/roles/machine-learning-engineer/salary/?employer=product",
    "salaries compare": "/salaries/",
    "skills": "/skills/",
    "skill": "/skills/python/",
}

CAREER_PATH_MAX_BYTES = 60 * 1024
# The skills check, blank or answered (a phone on a slow connection ticks boxes and gets the page back).
CHECK_MAX_BYTES = 20 * 1024
CHECK_ANSWER_MAX_BYTES = 6 * 1024  # the answer htmx swaps in
# The salary page with its table and chart by kind of employer: the four kinds of the content and a fifth.
SALARY_MAX_BYTES = 45 * 1024
STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "site.css"
STYLESHEET_MAX_BYTES = 15 * 1024
IMAGE_OR_FONT = re.compile(r"\.(png|jpe?g|gif|webp|avif|bmp|ico|tiff?|woff2?|ttf|otf|eot)(\?|#|$)", re.I)


def count_queries(client, urls: dict[str, str]) -> dict[str, int]:
    counts = {}
    for name, url in urls.items():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, f"{name}: {url} answered {response.status_code}"
        counts[name] = len(ctx.captured_queries)
    return counts


@pytest.fixture
def no_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False


def test_queries_per_page_do_not_grow_with_the_catalog(client, tmp_path, no_page_cache):
    load_generated(tmp_path, 3)
    small = count_queries(client, GENERATED_PAGES)
    load_generated(tmp_path, 300)  # the same directory: the first roles are updated, 297 are added
    large = count_queries(client, GENERATED_PAGES)
    assert small == QUERY_BUDGETS
    assert large == QUERY_BUDGETS


def test_pay_by_employer_type_costs_the_same_whatever_the_number_of_employer_types(client, tmp_path, no_page_cache):
    """The salary pages and the read of a role's pay by employer type (salaries.employer_pay) cost a fixed number of
    queries, with one kind of employer or eight."""
    salary_pages = {name: url for name, url in GENERATED_PAGES.items() if name.startswith("salar")}

    def costs() -> tuple[dict[str, int], int]:
        role = Role.objects.get(slug="role-0000")
        with CaptureQueriesContext(connection) as ctx:
            pay = employer_pay(role)
        assert len(pay.for_level("senior")) == len(pay.employer_types)
        return count_queries(client, salary_pages), len(ctx.captured_queries)

    load_generated(tmp_path / "one", 3, employer_types=1)
    one = costs()
    load_generated(tmp_path / "eight", 3, employer_types=8)
    eight = costs()
    assert one == eight == ({name: QUERY_BUDGETS[name] for name in salary_pages}, 3)


def test_a_cached_page_costs_one_query(client, tmp_path):
    """With the cache on, a repeat visit reads only the content version, whatever the page."""
    load_generated(tmp_path, 3)
    for name, url in GENERATED_PAGES.items():
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200
        assert len(ctx.captured_queries) == 1, f"{name}: {[q['sql'] for q in ctx.captured_queries]}"


class PageAssets(HTMLParser):
    """What a page makes the browser fetch or run: scripts, links, images, inline styles."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict] = []
        self.links: list[dict] = []
        self.images: list[str] = []
        self.style_blocks = 0
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script":
            self.scripts.append(found)
        elif tag == "link":
            self.links.append(found)
        elif tag in ("img", "picture", "image", "video", "iframe", "object", "embed") or (
            tag == "input" and found.get("type") == "image"
        ):
            self.images.append(tag)
        elif tag == "style":
            self.style_blocks += 1
        for name in ("href", "src", "srcset", "poster", "data"):
            if found.get(name):
                self.urls.append(found[name])


def assets_of(response) -> PageAssets:
    parser = PageAssets()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def real_pages(client, site_content) -> dict:
    pages = {}
    for name, url in REAL_PAGES.items():
        response = client.get(url)
        assert response.status_code == 200, f"{name}: {url} answered {response.status_code}"
        pages[name] = response
    return pages


def test_career_path_page_weighs_at_most_60_kb(real_pages):
    size = len(real_pages["career path"].content)
    assert size <= CAREER_PATH_MAX_BYTES, f"career path page is {size} bytes"


def test_the_skills_check_weighs_at_most_20_kb_and_its_answer_6_kb(client, real_pages):
    for name in ("skills check", "skills check answer"):
        size = len(real_pages[name].content)
        assert size <= CHECK_MAX_BYTES, f"{name} is {size} bytes"
    fragment = client.get(CHECK_ANSWER, headers={"HX-Request": "true"})
    assert len(fragment.content) <= CHECK_ANSWER_MAX_BYTES, f"the answer fragment is {len(fragment.content)} bytes"


def test_salary_page_weighs_at_most_45_kb(real_pages):
    size = len(real_pages["salary"].content)
    assert size <= SALARY_MAX_BYTES, f"salary page is {size} bytes"


def a_fifth_kind_of_employer() -> None:
    """A fifth kind of employer, paying every published role at every level in the country."""
    kind = EmployerType.objects.create(slug="fifth", name="A fifth kind of employer", description="-", level_naming="-")
    india = Location.objects.get(slug="india")
    levels = RoleLevel.objects.filter(role__status=Role.Status.PUBLISHED).select_related("level")
    SalaryBand.objects.bulk_create(
        SalaryBand(
            role_id=rl.role_id,
            level=rl.level,
            location=india,
            employer_type=kind,
            low=1_000_000 * rl.level.order,
            median=1_200_000 * rl.level.order,
            high=1_500_000 * rl.level.order,
            source="Test estimate",
            as_of="2026-10-01",
        )
        for rl in levels
    )


def test_a_fifth_kind_of_employer_costs_no_query_and_stays_within_the_bytes(client, site_content, no_page_cache):
    """The real content's salary pages, career path and comparison by kind of employer: the same queries with four
    kinds of employer and with five, and the salary page within its bytes."""
    urls = {name: REAL_PAGES[name] for name in ("salary", "salary, one kind of employer", "career path")}
    urls["salaries compare, one kind of employer"] = "/salaries/?employer=gcc"
    urls["salary, a city"] = "/roles/machine-learning-engineer/salary/?location=bengaluru"
    four = count_queries(client, urls)
    a_fifth_kind_of_employer()
    five = count_queries(client, urls)
    assert four == five
    assert five["salary"] == QUERY_BUDGETS["salary"] and five["career path"] == QUERY_BUDGETS["career path"]
    salary = client.get(urls["salary"]).content.decode()
    assert 'id="employer-fifth"' in salary and 'data-employer="fifth"' in salary
    assert len(salary.encode()) <= SALARY_MAX_BYTES, f"salary page is {len(salary.encode())} bytes"


def test_the_only_script_is_htmx_deferred(real_pages):
    for name, response in real_pages.items():
        # JSON-LD is data for search engines, not a script that runs.
        scripts = [s for s in assets_of(response).scripts if s.get("type") != "application/ld+json"]
        assert len(scripts) == 1, f"{name}: {scripts}"
        assert "htmx" in scripts[0].get("src", ""), name
        assert "defer" in scripts[0], name


def test_one_stylesheet_no_fonts_and_no_images_but_inline_svg(real_pages):
    for name, response in real_pages.items():
        assets = assets_of(response)
        stylesheets = [link for link in assets.links if link.get("rel") == "stylesheet"]
        assert len(stylesheets) == 1 and "site" in stylesheets[0]["href"], f"{name}: {stylesheets}"
        icons = [link for link in assets.links if "icon" in (link.get("rel") or "")]
        assert all(link["href"].endswith(".svg") for link in icons), f"{name}: {icons}"
        assert not [link for link in assets.links if link.get("as") == "font" or "font" in link.get("href", "")], name
        assert not assets.images, f"{name}: {assets.images}"
        assert not assets.style_blocks, f"{name}: an inline <style>"
        assert not [url for url in assets.urls if IMAGE_OR_FONT.search(url)], f"{name}: {assets.urls}"


def test_the_stylesheet_is_small_and_loads_nothing_else():
    css = STYLESHEET.read_text(encoding="utf-8")
    size = len(css.encode())
    assert size <= STYLESHEET_MAX_BYTES, f"site.css is {size} bytes"
    assert "@font-face" not in css
    assert "@import" not in css
    # url() would fetch a file (a font, an image); only inline SVG data is allowed.
    for url in re.findall(r"url\(\s*['\"]?([^'\")]*)", css):
        assert url.startswith("data:image/svg+xml"), url
