"""{{ text|paragraphs }}: editors' running text as HTML paragraphs, escaped (see roles.text)."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from roles import text

register = template.Library()


@register.filter
def paragraphs(value: object, css_class: str = "") -> SafeString:
    """One <p> per paragraph of ``value``, its text escaped; ``{{ x|paragraphs:"lede" }}`` gives each a class."""
    attributes = format_html(' class="{}"', css_class) if css_class else ""
    return format_html_join("", "<p{}>{}</p>", ((attributes, part) for part in text.paragraphs(str(value or ""))))
