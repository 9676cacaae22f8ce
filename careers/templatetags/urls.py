"""``{% url %}`` with remembered paths (careers/web/reverse.py), for every template.

It is registered as a template builtin in settings.TEMPLATES, after Django's own, so it takes the place of Django's
``{% url %}`` tag with the same syntax (``{% url 'name' arg … as var %}``) and the same errors; only the lookup is
remembered.
"""

from __future__ import annotations

from django import template
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.urls import NoReverseMatch
from django.utils.html import conditional_escape

from careers.web.reverse import cached_reverse

register = template.Library()


class CachedURLNode(URLNode):
    def render(self, context) -> str:
        args = [arg.resolve(context) for arg in self.args]
        kwargs = {k: v.resolve(context) for k, v in self.kwargs.items()}
        view_name = self.view_name.resolve(context)
        request = getattr(context, "request", None)
        current_app = getattr(request, "current_app", None)
        if current_app is None:
            current_app = getattr(getattr(request, "resolver_match", None), "namespace", None)
        url = ""
        try:
            url = cached_reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser, token) -> CachedURLNode:
    """Parsed by Django's own ``{% url %}`` parser, rendered with remembered paths."""
    node = django_url(parser, token)
    return CachedURLNode(node.view_name, node.args, node.kwargs, node.asvar)
