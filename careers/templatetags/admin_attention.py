"""The admin home's "needs attention" lists, read by careers.admin.attention (templates only show what it returns)."""

from django import template

from careers.admin.attention import Attention, needs_attention

register = template.Library()


@register.simple_tag(takes_context=True)
def attention(context) -> Attention | None:
    """What needs attention, for users who may see roles; nothing for anyone else."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.has_perm("roles.view_role"):
        return None
    return needs_attention()
