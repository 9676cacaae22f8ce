"""Which currency pay is quoted in, by country: the one rule the content check and the admin share.

A band's currency must be its location's; a location in a country not listed here cannot carry pay
until its currency is added (a wrong guess would print dollars as rupees).
"""

from __future__ import annotations

COUNTRY_CURRENCY = {
    "IN": "INR",
    "US": "USD",
    "GB": "GBP",
    "SG": "SGD",
    "AE": "AED",
    "AU": "AUD",
    "CA": "CAD",
    "DE": "EUR",
    "NL": "EUR",
    "IE": "EUR",
    "FR": "EUR",
}


def currency_of(country_code: str) -> str | None:
    """The ISO 4217 code pay is quoted in for an ISO 3166 country, or None if we do not know it."""
    return COUNTRY_CURRENCY.get(country_code.upper())
