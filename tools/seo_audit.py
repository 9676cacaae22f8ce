"""What a search engine's reviewer counts, over the whole site: crawl from / and read every sitemap, then print the
figures issue 18 quotes (lengths of titles and descriptions, repeated headings, thin skill pages, pages missing from
or wrongly in the sitemaps).

Runs against the database in the environment (DATABASE_URL), through Django's test client, so nothing is served:

    .venv/bin/python manage.py migrate && .venv/bin/python manage.py loadcontent
    .venv/bin/python -m tools.seo_audit
"""

from __future__ import annotations

import logging
import os
import sys
import xml.etree.ElementTree as ET
from collections import Counter, deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
TITLE_MAX, DESCRIPTION_MIN, DESCRIPTION_MAX, THIN_WORDS = 60, 70, 160, 250


@dataclass
class Page:
    """What the audit reads from one page's HTML."""

    title: str = ""
    description: str = ""
    canonical: str = ""
    robots: str = ""
    h1: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    main_words: int = 0


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._in: list[str] = []  # open elements whose text we collect: title, h1, main
        self._h1: list[str] = []
        self._main: list[str] = []
        self._skip = 0
        self._in_body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        if tag == "meta" and a.get("name") == "description":
            self.page.description = a.get("content", "")
        elif tag == "meta" and a.get("name") == "robots":
            self.page.robots = a.get("content", "")
        elif tag == "link" and a.get("rel") == "canonical":
            self.page.canonical = a.get("href", "")
        elif tag == "a" and "href" in a:
            self.page.links.append(a["href"])
        elif tag in ("script", "style"):
            self._skip += 1
        if tag == "body":
            self._in_body = True
        if tag in ("h1", "main") or (tag == "title" and not self._in_body):  # an SVG chart has titles of its own
            self._in.append(tag)
            if tag == "h1":
                self._h1 = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1
        if tag in ("title", "h1", "main") and tag in self._in:
            self._in.remove(tag)
            if tag == "h1":
                self.page.h1.append(" ".join("".join(self._h1).split()))

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if "title" in self._in:
            self.page.title += data
        if "h1" in self._in:
            self._h1.append(data)
        if "main" in self._in:
            self._main.append(data)

    def close(self) -> None:
        super().close()
        self.page.title = " ".join(self.page.title.split())
        self.page.main_words = len(" ".join(self._main).split())


def read_page(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.page


def _internal(url: str, base: str) -> str | None:
    parts = urlsplit(urldefrag(urljoin(f"http://testserver{base}", url))[0])
    if parts.netloc != "testserver" or parts.path.startswith(("/admin/", "/static/")):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(client) -> tuple[dict[str, Page], list[str]]:
    pages: dict[str, Page] = {}
    queue, seen, broken = deque(["/"]), {"/"}, []
    while queue:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code != 200:
            broken.append(f"{url} -> {response.status_code}")
            continue
        if not response["Content-Type"].startswith("text/html"):
            continue  # a download or a feed: it answers, and is no page to read
        page = pages[url] = read_page(response.content.decode())
        for href in page.links:
            target = _internal(href, url)
            if target and target not in seen:
                seen.add(target)
                queue.append(target)
    return pages, broken


def sitemap_paths(client) -> list[str]:
    def locs(path: str) -> list[str]:
        root = ET.fromstring(client.get(path).content)
        return [entry.text or "" for entry in root.iter(f"{SITEMAP_NS}loc")]

    paths = []
    for section in locs("/sitemap.xml"):
        for url in locs(urlsplit(section).path + (f"?{urlsplit(section).query}" if urlsplit(section).query else "")):
            parts = urlsplit(url)
            paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths


def indexable(url: str, page: Page, site_url: str) -> bool:
    """Answered 200, not noindex, and its canonical is itself."""
    return "noindex" not in page.robots and page.canonical == site_url + url


def audit(client, site_url: str) -> dict[str, int]:
    pages, broken = crawl(client)
    listed = sitemap_paths(client)
    index = {url: p for url, p in pages.items() if indexable(url, p, site_url)}
    descriptions = [p.description for p in index.values()]
    titles = [p.title for p in index.values()]
    h1s = [" / ".join(p.h1) for p in index.values()]
    skill_pages = {url: p for url, p in index.items() if url.startswith("/skills/") and url != "/skills/"}

    def repeated(values: list[str]) -> int:
        """Pages whose value another page also has."""
        counts = Counter(values)
        return sum(n for n in counts.values() if n > 1)

    not_indexable = []
    for path in listed:
        page = pages.get(path)
        if page is None:
            response = client.get(path)
            page = read_page(response.content.decode()) if response.status_code == 200 else None
        if page is None or not indexable(path, page, site_url):
            not_indexable.append(path)
    return {
        "pages crawled (200)": len(pages),
        "links that fail": len(broken),
        "indexable pages": len(index),
        f"titles over {TITLE_MAX}": sum(len(t) > TITLE_MAX for t in titles),
        "longest title": max(map(len, titles), default=0),
        f"descriptions over {DESCRIPTION_MAX}": sum(len(d) > DESCRIPTION_MAX for d in descriptions),
        f"descriptions under {DESCRIPTION_MIN}": sum(len(d) < DESCRIPTION_MIN for d in descriptions),
        "descriptions cut with …": sum(d.endswith("…") for d in descriptions),
        "pages sharing their H1": repeated(h1s),
        "pages sharing their title": repeated(titles),
        "pages sharing their description": repeated(descriptions),
        "indexable skill pages": len(skill_pages),
        f"skill pages under {THIN_WORDS} words": sum(p.main_words < THIN_WORDS for p in skill_pages.values()),
        "sitemap URLs": len(listed),
        "indexable pages in no sitemap": len(set(index) - set(listed)),
        "sitemap URLs not indexable": len(not_indexable),
    }


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careers.settings")
    import django

    django.setup()
    logging.disable(logging.INFO)  # one line per request would bury the figures
    from django.conf import settings
    from django.test import Client

    figures = audit(Client(), settings.SITE_URL)
    width = max(map(len, figures))
    for name, value in figures.items():
        print(f"{name:<{width}}  {value:>5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
