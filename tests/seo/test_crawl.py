"""No dead ends: crawl the whole site from / as a search engine would, over the real content."""

import re
from collections import Counter, deque
from html import unescape
from urllib.parse import urldefrag, urljoin, urlsplit

from django.conf import settings

LINK = re.compile(r'<a\s[^>]*href="([^"]+)"')


def internal(url: str, base: str) -> str | None:
    absolute = urljoin(f"http://testserver{base}", unescape(url))
    parts = urlsplit(urldefrag(absolute)[0])
    if parts.netloc != "testserver" or parts.path.startswith(("/admin/", "/static/")):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def head_value(html: str, pattern: str) -> str | None:
    match = re.search(pattern, html)
    return unescape(match.group(1)) if match else None


def crawl(client) -> dict[str, dict]:
    pages: dict[str, dict] = {}
    queue, seen, broken = deque(["/"]), {"/"}, []
    while queue:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code != 200:
            broken.append(f"{url} -> {response.status_code}")
            continue
        html = response.content.decode()
        pages[url] = {
            "title": head_value(html, r"<title>(.*?)</title>"),
            "description": head_value(html, r'<meta name="description" content="([^"]*)"'),
            "canonical": head_value(html, r'<link rel="canonical" href="([^"]+)"'),
            "h1": html.count("<h1"),
            "noindex": 'content="noindex' in html,
        }
        for href in LINK.findall(html):
            target = internal(href, url)
            if target and target not in seen:
                seen.add(target)
                queue.append(target)
    assert not broken, "links that fail:\n" + "\n".join(broken)
    return pages


def test_the_whole_site_has_no_dead_ends(client, site_content):
    pages = crawl(client)
    assert len(pages) > 800, len(pages)
    missing = [url for url, p in pages.items() if not p["canonical"] or not p["description"] or not p["title"]]
    assert not missing, f"pages without a canonical, description or title: {missing[:10]}"
    assert all(p["canonical"].startswith(settings.SITE_URL) for p in pages.values())
    wrong_h1 = [url for url, p in pages.items() if p["h1"] != 1]
    assert not wrong_h1, f"pages without exactly one h1: {wrong_h1[:10]}"
    indexable = {url: p for url, p in pages.items() if not p["noindex"]}
    # Pages that canonicalise elsewhere (a filtered view of one page) share its title by design.
    canonical_pages = {p["canonical"]: p for p in indexable.values()}
    for field in ("title", "description"):
        counts = Counter(p[field] for p in canonical_pages.values())
        duplicates = [value for value, n in counts.items() if n > 1]
        assert not duplicates, f"duplicate {field}s: {duplicates[:5]}"


def test_every_sitemap_url_is_reachable(client, site_content):
    index = client.get("/sitemap.xml").content.decode()
    sections = re.findall(r"<loc>([^<]+)</loc>", index)
    urls = []
    for section in sections:
        xml = client.get(urlsplit(section).path).content.decode()
        urls += re.findall(r"<loc>([^<]+)</loc>", xml)
    assert len(urls) > 800
    assert len(urls) == len(set(urls))
    for url in urls:
        parts = urlsplit(unescape(url))
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        assert client.get(path).status_code == 200, path
