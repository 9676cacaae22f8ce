"""Template tags for what search engines read: a captured block reused in meta tags, and safe JSON-LD."""

from __future__ import annotations

import json
import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from careers.web import sitemaps, structured_data

register = template.Library()

# JSON-LD sits in a <script> block: these characters must never appear raw in it, or content such as
# "</script>" would end the block early. Unicode escapes keep the JSON identical for a parser.
_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def json_ld_text(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)


@register.simple_tag
def json_ld(data) -> str:
    """<script type="application/ld+json"> with ``data`` serialised safely; nothing when data is empty."""
    if not data:
        return ""
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(json_ld_text(data)))


# HTML's whitespace (not str.split's, which would also take a no-break space).
_WHITESPACE = re.compile(r"[ \t\n\r\f]+")


class CaptureNode(template.Node):
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist, name: str):
        self.nodelist, self.name = nodelist, name

    def render(self, context) -> str:
        # Stored in the outermost context so that tags after this one (and includes) can read it. Runs of
        # whitespace become one space: a block wrapped over lines reads the same in a title or meta attribute.
        text = _WHITESPACE.sub(" ", self.nodelist.render(context)).strip()
        context.dicts[0][self.name] = mark_safe(text)
        return ""


@register.tag
def capture(parser, token):
    """{% capture as name %}…{% endcapture %}: render once, use {{ name }} many times (title, og:title)."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.filter
def breadcrumb_list(crumbs, site_url: str) -> dict:
    """schema.org BreadcrumbList for the crumbs a page shows: Home, then each (label, url); the last is this page."""
    return structured_data.breadcrumbs(crumbs, site_url)


@register.filter
def w3c_datetime(moment) -> str:
    """A sitemap's lastmod (see careers.web.sitemaps.w3c_datetime); nothing when there is none."""
    return sitemaps.w3c_datetime(moment) if moment else ""
