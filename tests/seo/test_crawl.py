"""No dead ends: crawl the whole site from / as a search engine would, over the real content."""

from collections import Counter, deque
from urllib.parse import urldefrag, urljoin, urlsplit

from django.conf import settings

from tests.html import Element, parse

from .helpers import sitemap


def internal(url: str, base: str) -> str | None:
    absolute = urljoin(f"http://testserver{base}", url)
    parts = urlsplit(urldefrag(absolute)[0])
    if parts.netloc != "testserver" or parts.path.startswith(("/admin/", "/static/")):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def first(page: Element, tag: str, attribute: str | None = None, **attrs: str) -> str | None:
    """The text (or that attribute) of the page's first such element; None when it has none."""
    found = page.find_all(tag, **attrs)
    if not found:
        return None
    return found[0].text if attribute is None else found[0].get(attribute)


def crawl(client) -> dict[str, dict]:
    pages: dict[str, dict] = {}
    queue, seen, broken = deque(["/"]), {"/"}, []
    while queue:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code != 200:
            broken.append(f"{url} -> {response.status_code}")
            continue
        if not response["Content-Type"].startswith("text/html"):
            continue  # reached and answering (a feed, a download): no page to read for titles and links
        page = parse(response)
        pages[url] = {
            "title": first(page, "title"),
            "description": first(page, "meta", "content", name="description"),
            "canonical": first(page, "link", "href", rel="canonical"),
            "h1": len(page.find_all("h1")),
            "noindex": (first(page, "meta", "content", name="robots") or "").startswith("noindex"),
        }
        for link in page.find_all("a", href=True):
            target = internal(link["href"], url)
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
    urls = []
    for section in sitemap(client.get("/sitemap.xml")):
        urls += sitemap(client.get(urlsplit(section).path))
    assert len(urls) > 800
    assert len(urls) == len(set(urls))
    for url in urls:
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        assert client.get(path).status_code == 200, path
