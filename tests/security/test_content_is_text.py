"""Whatever an editor types is shown as text: markup and script in any field never reach a page as markup.

Every editable text field gets the same hostile payload, followed by the field's name (so a leak says where
it came from). Then every page, every htmx partial, the head (title, meta description, Open Graph),
the JSON-LD blocks, the SVG pay chart and the admin's lists and forms are read: the payload must appear
only escaped (once: a double escape would show "&lt;" to the reader), never raw.
"""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client
from django.utils.html import escape

from careers.content.load import load_content
from roles.models import Role
from tests.admin.formdata import form_data
from tests.factories import reference, role_doc, write_content
from tests.html import elements

PAYLOAD = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>"
# What must never be in a response: the payload's markup, in whole or in its dangerous parts.
RAW = ["<script>alert(1)", "<img src=x", "onerror=alert(2)>", "\"'><img"]


def typed(field: str) -> str:
    """What the editor typed into ``field``: the payload, then a short marker naming the field.

    Short, because some columns are (a level's short name holds 60 characters).
    """
    return f"{PAYLOAD} {MARKERS[field]}"


MARKERS = {
    field: f"m{i:02d}"
    for i, field in enumerate(
        [
            "role_title",
            "summary",
            "body",
            "level_title",
            "what_you_do",
            "specialist_track",
            "manager_track",
            "skill_name",
            "skill_description",
            "faq_question",
            "faq_answer",
            "relation_note",
            "family_name",
            "family_description",
            "location_name",
            "band_source",
            "level_name",
            "level_short_name",
            "alias",
        ]
    )
}


FIELDS_SHOWN_ON_PAGES = [
    "role_title",
    "summary",
    "body",
    "level_title",
    "what_you_do",
    "specialist_track",
    "manager_track",
    "skill_name",
    "skill_description",
    "faq_question",
    "faq_answer",
    "relation_note",
    "family_name",
    "location_name",
    "band_source",
    "level_name",
    "alias",
]


@pytest.fixture
def hostile_content(db, tmp_path):
    ref = reference()
    ref["families"]["families"][0].update(name=typed("family_name"), description=typed("family_description"))
    ref["levels"]["levels"][2].update(name=typed("level_name"), short_name=typed("level_short_name"))
    ref["skills"]["skills"][0].update(name=typed("skill_name"), description=typed("skill_description"))
    ref["locations"]["locations"][1].update(name=typed("location_name"))
    hostile = role_doc(
        "data-scientist",
        typed("role_title"),
        summary=typed("summary"),
        body=typed("body") + "\n\nA second paragraph " + PAYLOAD,
        aliases=[typed("alias")],
        relations=[
            {"to": "data-engineer", "kind": "next", "note": typed("relation_note")},
            {"to": "ml-engineer", "kind": "lateral", "note": "Plain."},
        ],
        faqs=[
            {"question": typed("faq_question"), "answer": typed("faq_answer")},
            {"question": "A plain question?", "answer": "A plain answer."},
        ],
    )
    for rl in hostile["levels"]:
        rl.update(title=typed("level_title") + " " + rl["level"], what_you_do=typed("what_you_do"))
    hostile["levels"][-1].update(specialist_track=typed("specialist_track"), manager_track=typed("manager_track"))
    hostile["salaries"]["source"] = typed("band_source")
    others = [
        role_doc(
            "data-engineer",
            "Data Engineer",
            relations=[{"to": "data-scientist", "kind": "lateral", "note": typed("relation_note")}],
        ),
        role_doc("ml-engineer", "ML Engineer", featured=True),
    ]
    hostile["featured"] = True
    load_content(directory=write_content(tmp_path / "content", [hostile, *others], ref))
    return hostile


def public_urls() -> list[str]:
    urls = [
        "/",
        "/roles/",
        "/roles/?view=az",
        "/roles/?q=data",
        "/roles/?q=" + PAYLOAD.replace("&", "%26"),
        "/salaries/",
        "/salaries/?location=bengaluru&level=senior",
        "/salaries/?sort=title&family=data",
        "/skills/",
        "/skills/python/",
        "/skills/sql/",
        "/robots.txt",
        "/sitemap.xml",
    ]
    for role in ["data-scientist", "data-engineer"]:
        urls += [
            f"/roles/{role}/",
            f"/roles/{role}/career-path/",
            f"/roles/{role}/salary/",
            f"/roles/{role}/salary/?location=bengaluru",
        ]
        urls += [f"/roles/{role}/career-path/{level}/" for level in ("junior", "mid", "senior", "lead")]
    urls += [
        "/roles/data-scientist/to/data-engineer/",
        "/roles/data-engineer/to/data-scientist/",
        "/roles/data-scientist/to/ml-engineer/",
    ]
    return urls


def assert_text_only(html: str, where: str) -> None:
    for raw in RAW:
        assert raw not in html, f"{where}: raw {raw!r}"
    # Escaped once, not twice.
    assert "&amp;lt;script" not in html and "&amp;#x27;" not in html, f"{where}: escaped twice"
    for script in elements(html, "script", type="application/ld+json"):
        # Nothing in a JSON-LD block can end it early or open markup; the JSON still reads back the text.
        block = script.raw_text
        assert "<" not in block and ">" not in block, f"{where}: JSON-LD {block[:200]}"
        json.loads(block)


def test_the_payload_is_text_on_every_page(client, hostile_content):
    seen: dict[str, list[str]] = {field: [] for field in FIELDS_SHOWN_ON_PAGES}
    for url in public_urls():
        for variant, headers in [("page", {}), ("htmx", {"HX-Request": "true"})]:
            response = client.get(url, headers=headers)
            assert response.status_code == 200, url
            html = response.content.decode()
            assert_text_only(html, f"{url} ({variant})")
            for field in seen:
                if escape(typed(field)) in html or typed(field) in json_ld_text(html):
                    seen[field].append(url)
    missing = [field for field, urls in seen.items() if not urls]
    assert not missing, f"fields never shown on any page (so not checked): {missing}"


def json_ld_text(html: str) -> str:
    """Every string value of the page's JSON-LD blocks, as a parser reads them, one a line."""
    out: list[str] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str):
            out.append(node)

    for script in elements(html, "script", type="application/ld+json"):
        walk(json.loads(script.raw_text))
    return "\n".join(out)


def head_of(html: str) -> str:
    return html[: html.index("</head>")]


def test_the_head_title_description_and_json_ld_hold_the_text(client, hostile_content):
    html = client.get("/roles/data-scientist/").content.decode()
    head = head_of(html)
    # Read from the markup as sent, not through a parser: the point is how the text is escaped there.
    title = re.search(r"<title>(.*?)</title>", head, re.S)[1]
    assert escape(PAYLOAD) in title and "<" not in title
    for name in ['name="description"', 'property="og:title"', 'property="og:description"', 'name="twitter:title"']:
        tag = re.search(rf"<meta {name} content=\"([^\"]*)\">", head)
        assert tag, name
        assert "<" not in tag[1] and "'" not in tag[1], f"{name}: {tag[1]}"
    blocks = json_ld_text(html)
    if blocks:  # JSON-LD holds the text exactly as typed, as data
        assert typed("role_title") in blocks


def test_the_svg_chart_labels_hold_the_text(client, hostile_content):
    html = client.get("/roles/data-scientist/salary/").content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert escape(typed("level_name")) in svg or escape(typed("role_title")) in svg
    assert "<script" not in svg and "<img" not in svg and "onerror=" not in svg.replace("onerror=alert(2)&gt;", "")
    assert_text_only(svg, "svg")


def test_the_query_echo_is_text(client, hostile_content):
    html = client.get("/roles/", {"q": PAYLOAD}).content.decode()
    assert_text_only(html, "search echo")


ADMIN_LISTS = [
    "roles/role",
    "roles/rolelevel",
    "roles/skill",
    "roles/level",
    "roles/rolefamily",
    "salaries/location",
    "salaries/salaryband",
    "careers/faq",
]


def test_the_admin_shows_the_text(admin_client, hostile_content):
    role = Role.objects.get(slug="data-scientist")
    urls = [f"/admin/{model}/" for model in ADMIN_LISTS]
    urls += [f"/admin/{model}/?q=script" for model in ADMIN_LISTS]
    urls += [f"/admin/roles/role/{role.pk}/change/", f"/admin/roles/role/{role.pk}/history/", "/admin/"]
    shown = set()
    for url in urls:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert_text_only(html, url)
        shown |= {field for field in FIELDS_SHOWN_ON_PAGES if escape(typed(field)) in html}
    assert {"role_title", "skill_name", "family_name", "location_name", "faq_question", "level_name"} <= shown


def test_an_admin_save_keeps_the_text_as_text(admin_client, hostile_content):
    """Typed into the admin's role form and saved: shown as text on the public pages and in the admin."""
    role = Role.objects.get(slug="data-engineer")
    change = f"/admin/roles/role/{role.pk}/change/"
    data = form_data(admin_client.get(change).content.decode())
    data["summary"] = [PAYLOAD + " saved in the admin"]
    data["title"] = [PAYLOAD + " admin title"]
    assert admin_client.post(change, data).status_code == 302
    for url in ["/roles/data-engineer/", "/roles/data-engineer/career-path/", "/roles/", "/"]:
        html = Client().get(url).content.decode()
        assert_text_only(html, url)
        assert escape(PAYLOAD + " admin title") in html, url
    assert escape(PAYLOAD + " saved in the admin") in Client().get("/roles/data-engineer/").content.decode()
    html = admin_client.get("/admin/roles/role/").content.decode()
    assert_text_only(html, "role list after save")
    assert escape(PAYLOAD + " admin title") in html


def test_the_check_itself_catches_a_leak():
    with pytest.raises(AssertionError):
        assert_text_only(f"<p>{PAYLOAD}</p>", "raw")
    with pytest.raises(AssertionError):
        assert_text_only(f"<p>{escape(escape(PAYLOAD))}</p>", "twice")
    with pytest.raises((AssertionError, ValueError)):  # the block ends early: it no longer parses
        assert_text_only('<script type="application/ld+json">{"name": "</script><script>x()"}</script>', "json-ld")
    assert_text_only(f"<p>{escape(PAYLOAD)}</p>", "escaped once")
