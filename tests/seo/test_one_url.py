"""One URL per page: every page's og:url is its canonical URL, and every internal link leads to a page's canonical
URL (never to another address of a page, such as a salary page's ``?location=`` for the home location).

Crawled from / over the real content, like test_crawl.py, reading each page's head and links once."""

from __future__ import annotations

from collections import deque

from django.conf import settings

from tests.html import parse

from .test_crawl import first, internal


def crawl(client) -> tuple[dict[str, tuple[str | None, str | None]], dict[str, set[str]]]:
    """Every page reached from /: its canonical and og:url, and the pages that link to each address."""
    heads: dict[str, tuple[str | None, str | None]] = {}
    linked_from: dict[str, set[str]] = {}
    queue, seen = deque(["/"]), {"/"}
    while queue:
        url = queue.popleft()
        response = client.get(url)
        assert response.status_code == 200, url
        if not response["Content-Type"].startswith("text/html"):
            continue  # a download or a feed: it answers, and has no canonical or links to follow
        page = parse(response)
        heads[url] = (
            first(page, "link", "href", rel="canonical"),
            first(page, "meta", "content", property="og:url"),
        )
        for link in page.find_all("a", href=True):
            target = internal(link["href"], url)
            if target is None:
                continue
            linked_from.setdefault(target, set()).add(url)
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return heads, linked_from


def test_one_url_per_page(client, site_content):
    heads, linked_from = crawl(client)
    assert len(heads) > 800, len(heads)
    differ = [f"{url}: canonical {canonical}, og:url {og}" for url, (canonical, og) in heads.items() if canonical != og]
    assert not differ, f"{len(differ)} pages whose og:url is not their canonical:\n" + "\n".join(differ[:10])
    elsewhere = [
        f"{target} (canonical {heads[target][0]}), linked from {len(sources)} pages, e.g. {min(sources)}"
        for target, sources in linked_from.items()
        if target in heads and heads[target][0] != settings.SITE_URL + target  # downloads and feeds have no head
    ]
    links = sum(len(linked_from[line.split(" ", 1)[0]]) for line in elsewhere)
    assert not elsewhere, (
        f"{len(elsewhere)} addresses, linked from {links} pages, are not their page's canonical:\n"
        + ("\n".join(sorted(elsewhere)[:15]))
    )
