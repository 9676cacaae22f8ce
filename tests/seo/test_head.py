"""What every page's head tells search engines and link previews."""

import json

from careers.templatetags.seo import json_ld_text
from tests.html import Element, element, json_ld


def meta(head: Element, attr: str, name: str) -> str:
    """The content of the one <meta> of the head whose ``attr`` (name or property) is ``name``."""
    return head.find("meta", **{attr: name})["content"]


def test_career_path_head(client, two_roles, settings):
    settings.SITE_URL = "https://careers.example"
    response = client.get("/roles/data-scientist/career-path/?utm_source=x")
    head = element(response, "head")
    assert element(response, "html")["lang"] == "en-IN"
    title = head.find("title").text
    assert title.startswith("Data Scientist career path")
    assert meta(head, "property", "og:title") == title
    assert meta(head, "name", "twitter:title") == title
    assert meta(head, "name", "description") == meta(head, "property", "og:description")
    assert head.find("link", rel="canonical")["href"] == "https://careers.example/roles/data-scientist/career-path/"
    assert meta(head, "property", "og:url") == "https://careers.example/roles/data-scientist/career-path/"
    assert meta(head, "name", "twitter:card") == "summary_large_image"
    image = meta(head, "property", "og:image")
    assert image.startswith("https://careers.example/cards/roles/data-scientist-") and image.endswith(".png")
    assert meta(head, "name", "twitter:image") == image
    assert meta(head, "property", "og:image:alt").startswith("Career Paths: the Data Scientist career path.")


def test_breadcrumb_list_matches_the_breadcrumbs(client, two_roles, settings):
    settings.SITE_URL = "https://careers.example"
    blocks = json_ld(client.get("/roles/data-scientist/career-path/"))
    [crumbs] = [b for b in blocks if b["@type"] == "BreadcrumbList"]
    names = [item["name"] for item in crumbs["itemListElement"]]
    assert names == ["Home", "Roles", "Data Scientist", "Career path"]
    assert crumbs["itemListElement"][1]["item"] == "https://careers.example/roles/"


def test_json_ld_cannot_be_broken_out_of():
    text = json_ld_text({"name": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script> & <!--"
