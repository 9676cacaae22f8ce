"""What every page's head tells search engines and link previews."""

import json
import re
from html import unescape

from careers.templatetags.seo import json_ld_text


def head(response) -> str:
    html = response.content.decode()
    return html[: html.index("</head>")]


def meta(html: str, attr: str, name: str) -> str:
    match = re.search(rf'<meta {attr}="{re.escape(name)}" content="([^"]*)"', html)
    assert match, name
    return unescape(match.group(1))


def json_ld_blocks(response) -> list[dict]:
    return [
        json.loads(b)
        for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    ]


def test_career_path_head(client, two_roles, settings):
    settings.SITE_URL = "https://careers.example"
    response = client.get("/roles/data-scientist/career-path/?utm_source=x")
    html = head(response)
    assert '<html lang="en-IN">' in response.content.decode()
    title = unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1))
    assert title.startswith("Data Scientist career path")
    assert meta(html, "property", "og:title") == title
    assert meta(html, "name", "twitter:title") == title
    assert meta(html, "name", "description") == meta(html, "property", "og:description")
    assert '<link rel="canonical" href="https://careers.example/roles/data-scientist/career-path/">' in html
    assert meta(html, "property", "og:url") == "https://careers.example/roles/data-scientist/career-path/"
    assert meta(html, "name", "twitter:card") == "summary"


def test_breadcrumb_list_matches_the_breadcrumbs(client, two_roles, settings):
    settings.SITE_URL = "https://careers.example"
    blocks = json_ld_blocks(client.get("/roles/data-scientist/career-path/"))
    [crumbs] = [b for b in blocks if b["@type"] == "BreadcrumbList"]
    names = [item["name"] for item in crumbs["itemListElement"]]
    assert names == ["Home", "Roles", "Data Scientist", "Career path"]
    assert crumbs["itemListElement"][1]["item"] == "https://careers.example/roles/"


def test_json_ld_cannot_be_broken_out_of():
    text = json_ld_text({"name": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script> & <!--"
