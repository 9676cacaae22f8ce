"""Template filters and tags for pay: {{ band.median|money_short }}, {{ band.low|money_full:band.currency }},
{% money_range band.low band.high band.currency %}."""

from django import template

from salaries import money

register = template.Library()


@register.filter
def money_short(amount, currency: str = "INR") -> str:
    return "" if amount is None else money.format_short(amount, currency or "INR")


@register.filter
def money_full(amount, currency: str = "INR") -> str:
    return "" if amount is None else money.format_full(amount, currency or "INR")


@register.simple_tag
def money_range(low, high, currency: str = "INR") -> str:
    """ "₹7L–₹12L": a band's two ends in short form, both always shown; nothing when either end is missing."""
    if low is None or high is None:
        return ""
    return money.format_range(low, high, currency or "INR", collapse=False)
