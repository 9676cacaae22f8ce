"""Template tags for what search engines read: a captured block reused in meta tags, and safe JSON-LD."""

from __future__ import annotations

import html
import json
import re

from django import template
from django.conf import settings
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from careers.web import head, sitemaps, structured_data

register = template.Library()

# JSON-LD sits in a <script> block: these characters must never appear raw in it, or content such as
# "</script>" would end the block early. Unicode escapes keep the JSON identical for a parser.
# str.replace, not str.translate: the JSON holds "₹", and translate walks a non-ASCII string character by character
# in Python's slow path (0.45 ms for a career path's JSON-LD, a sixth of its whole <head>); replace is a C scan.
_JSON_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def json_ld_text(data) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in _JSON_ESCAPES:
        if raw in text:
            text = text.replace(raw, escaped)
    return text


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

    def __init__(self, nodelist, name: str, fit=None):
        self.nodelist, self.name, self.fit = nodelist, name, fit

    def render(self, context) -> str:
        # Stored in the outermost context so that tags after this one (and includes) can read it. Runs of
        # whitespace become one space: a block wrapped over lines reads the same in a title or meta attribute.
        text = _WHITESPACE.sub(" ", self.nodelist.render(context)).strip()
        context.dicts[0][self.name] = self.fit(mark_safe(text)) if self.fit else mark_safe(text)
        return ""


@register.tag
def capture(parser, token):
    """{% capture as name %}…{% endcapture %}: render once, use {{ name }} many times (title, og:title).

    ``{% capture as name|filter %}`` passes the text through a filter first (``page_title``, ``page_description``).
    """
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("usage: {% capture as name %}…{% endcapture %}")
    name, _, fit = bits[2].partition("|")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, name, parser.find_filter(fit) if fit else None)


def _fitted(rendered: str, fit) -> str:
    # The text arrives as HTML (escaped): lengths count what a reader sees, so "&amp;" is one character.
    return mark_safe(escape(fit(html.unescape(_WHITESPACE.sub(" ", str(rendered)).strip()))))


@register.filter(is_safe=True)
def page_title(rendered: str) -> str:
    """A page's title fitted to what search results show (careers.web.head.fit_title): used by base.html."""
    return _fitted(rendered, lambda text: head.fit_title(text, settings.SITE_NAME))


@register.filter(is_safe=True)
def page_description(rendered: str) -> str:
    """A page's description fitted to 160 characters at a word boundary (careers.web.head.fit_description)."""
    return _fitted(rendered, head.fit_description)


@register.filter
def breadcrumb_list(crumbs, site_url: str) -> dict:
    """schema.org BreadcrumbList for the crumbs a page shows: Home, then each (label, url); the last is this page."""
    return structured_data.breadcrumbs(crumbs, site_url)


@register.filter
def w3c_datetime(moment) -> str:
    """A sitemap's lastmod (see careers.web.sitemaps.w3c_datetime); nothing when there is none."""
    return sitemaps.w3c_datetime(moment) if moment else ""
