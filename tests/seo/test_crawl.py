"""No dead ends, and what search engines read agrees everywhere: crawl the whole site from / as a search engine
would, over the real content, and hold every page to issue 18's rules (titles, descriptions, headings, sitemaps,
robots.txt)."""

from collections import Counter, deque
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from django.conf import settings

from careers.web.head import DESCRIPTION_MAX, DESCRIPTION_MIN, TITLE_MAX
from tests.html import Element, json_ld, parse

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


def read(url: str, response) -> dict:
    page = parse(response)
    canonical = first(page, "link", "href", rel="canonical")
    noindex = "noindex" in (first(page, "meta", "content", name="robots") or "")
    return {
        "title": first(page, "title"),
        "description": first(page, "meta", "content", name="description"),
        "canonical": canonical,
        "h1": [h1.text for h1 in page.find_all("h1")],
        "noindex": noindex,
        # What a search engine would index: no noindex, and the page names itself as the canonical.
        "indexable": not noindex and canonical == settings.SITE_URL + url,
        "links": [link["href"] for link in page.find_all("a", href=True)],
        "words": len(" ".join(main.text for main in page.find_all("main")).split()),
    }


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
            # A download (open data: JSON, CSV), linked from the pages: it answers, and has no links to follow.
            if response.streaming:
                b"".join(response.streaming_content)
            continue
        pages[url] = read(url, response)
        for href in pages[url].pop("links"):
            target = internal(href, url)
            if target and target not in seen:
                seen.add(target)
                queue.append(target)
    assert not broken, "links that fail:\n" + "\n".join(broken)
    return pages


def listed(client) -> list[str]:
    """Every URL of every sitemap, as a path with its query."""
    urls = []
    for section in sitemap(client.get("/sitemap.xml")):
        urls += sitemap(client.get(urlsplit(section).path))
    assert len(urls) == len(set(urls))
    return [urlsplit(url).path + (f"?{urlsplit(url).query}" if urlsplit(url).query else "") for url in urls]


def test_the_whole_site_has_no_dead_ends_and_every_page_fits_search_results(client, site_content):
    pages = crawl(client)
    assert len(pages) > 800, len(pages)
    missing = [url for url, p in pages.items() if not p["canonical"] or not p["description"] or not p["title"]]
    assert not missing, f"pages without a canonical, description or title: {missing[:10]}"
    assert all(p["canonical"].startswith(settings.SITE_URL) for p in pages.values())
    wrong_h1 = [url for url, p in pages.items() if len(p["h1"]) != 1]
    assert not wrong_h1, f"pages without exactly one h1: {wrong_h1[:10]}"
    long_titles = [(url, p["title"]) for url, p in pages.items() if len(p["title"]) > TITLE_MAX]
    assert not long_titles, f"titles over {TITLE_MAX} characters: {long_titles[:5]}"
    bad_descriptions = [
        (url, len(p["description"]))
        for url, p in pages.items()
        if not DESCRIPTION_MIN <= len(p["description"]) <= DESCRIPTION_MAX
    ]
    assert not bad_descriptions, (
        f"descriptions not {DESCRIPTION_MIN}–{DESCRIPTION_MAX} characters: {bad_descriptions[:5]}"
    )
    indexable = {url: p for url, p in pages.items() if p["indexable"]}
    assert len(indexable) > 800, len(indexable)
    thin = [(url, p["words"]) for url, p in indexable.items() if url.startswith("/skills/") and p["words"] < 250]
    assert not thin, f"indexable skill pages under 250 words: {thin[:5]}"
    for field in ("title", "description", "h1"):
        counts = Counter(str(p[field]) for p in indexable.values())
        duplicates = [
            (value, [u for u, p in indexable.items() if str(p[field]) == value][:3])
            for value, n in counts.items()
            if n > 1
        ]
        assert not duplicates, f"indexable pages sharing a {field}: {duplicates[:5]}"


def test_sitemaps_list_exactly_the_indexable_pages_and_robots_lets_crawlers_read_every_noindex(client, site_content):
    pages = crawl(client)
    urls = listed(client)
    assert len(urls) > 800
    not_indexable = []
    for url in urls:
        response = client.get(url)
        page = read(url, response) if response.status_code == 200 else None
        if page is None or not page["indexable"]:
            not_indexable.append(url)
    assert not not_indexable, (
        f"sitemap URLs that are not indexable (200, no noindex, canonical itself): {not_indexable[:10]}"
    )
    unlisted = sorted(url for url, p in pages.items() if p["indexable"] and url not in set(urls))
    assert not unlisted, f"indexable pages in no sitemap: {unlisted[:10]}"

    robots = RobotFileParser()
    robots.parse(client.get("/robots.txt").content.decode().splitlines())
    hidden = [url for url, p in pages.items() if p["noindex"] and not robots.can_fetch("*", settings.SITE_URL + url)]
    assert not hidden, f"noindex pages robots.txt keeps crawlers from (they could never read the noindex): {hidden[:5]}"
    for path in ("/roles/?q=data", "/roles/data-scientist/check/?skill=python&years=4"):
        assert robots.can_fetch("*", settings.SITE_URL + path), path


def test_the_home_page_names_the_site_for_search_results(client, site_content):
    websites = [data for data in json_ld(client.get("/")) if data["@type"] == "WebSite"]
    assert len(websites) == 1
    assert websites[0]["name"] == settings.SITE_NAME
    assert websites[0]["alternateName"] and websites[0]["alternateName"] != settings.SITE_NAME
