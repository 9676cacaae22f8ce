"""The career-path page as a reader sees it: every section on screen, and every link leading somewhere real."""

from __future__ import annotations

from urllib.parse import urldefrag, urlsplit

from tools.pages import PAGES

SECTIONS = {
    "takeaways": "Key takeaways",
    "progression": "career progression, level by level",
    "skills": "Skills to grow",
    "pay": "salary by level",
    "related": "Related roles",
    "faqs": "FAQs",
    "more": "More about",
}


def test_every_section_is_shown(site_url, page):
    page.goto(site_url + PAGES["career-path"])

    assert page.locator("h1").all_inner_texts() == ["Machine Learning Engineer career path"]
    for anchor, words in SECTIONS.items():
        heading = page.locator(f"h2#{anchor}")
        assert heading.is_visible(), f"the {anchor} section is not shown"
        assert words in heading.inner_text()
    assert page.locator(".takeaways li").count() >= 3
    steps = page.locator(".ladder > .ladder__step")
    assert steps.count() == 4
    assert [n.strip() for n in page.locator(".ladder__number").all_inner_texts()] == ["1", "2", "3", "4"]
    assert all(title for title in page.locator(".ladder__title").all_inner_texts())
    assert page.locator("table.skill-matrix tbody tr").count() >= 5
    assert page.locator("table.skill-matrix thead th").count() == 5, "a skill column and one per level"
    pay_rows = page.locator("section:has(h2#pay) table tbody tr")
    assert pay_rows.count() == 4
    assert all("₹" in text for text in pay_rows.all_inner_texts())
    assert page.locator(".pay-headline__figure").inner_text().startswith("₹")
    assert page.locator(".related__item").count() >= 2
    assert page.locator(".faqs dt").count() == page.locator(".faqs dd").count() >= 3
    assert page.locator("nav.more a").count() >= 6


def test_every_link_leads_to_a_working_page(site_url, page):
    page.goto(site_url + PAGES["career-path"])
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    assert len(hrefs) > 50

    origin = urlsplit(site_url).netloc
    checked: set[str] = set()
    broken: list[str] = []
    for href in hrefs:
        url, fragment = urldefrag(href)
        if urlsplit(url).netloc != origin:
            broken.append(f"{href}: leaves the site")
            continue
        if url == page.url and fragment:
            if page.locator(f"[id='{fragment}']").count() != 1:
                broken.append(f"#{fragment}: no such element")
            continue
        if url in checked:
            continue
        checked.add(url)
        status = page.request.get(url).status
        if status >= 400:
            broken.append(f"{url}: {status}")
    assert broken == []
    assert len(checked) > 20, "links to levels, skills, moves, salary and the hub"
