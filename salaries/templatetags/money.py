"""Template filters for pay: {{ band.median|money_short }}, {{ band.low|money_full:band.currency }}."""

from django import template

from salaries import money

register = template.Library()


@register.filter
def money_short(amount, currency: str = "INR") -> str:
    return "" if amount is None else money.format_short(amount, currency or "INR")


@register.filter
def money_full(amount, currency: str = "INR") -> str:
    return "" if amount is None else money.format_full(amount, currency or "INR")
