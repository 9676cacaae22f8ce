"""Money as people in India read it: ₹7L and ₹1.2Cr in sentences, ₹7,00,000 in full.

Every page formats pay through these two functions (templates through the ``money`` filters),
so a figure reads the same everywhere. Amounts are whole currency units.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

LAKH = 100_000
CRORE = 100 * LAKH

SYMBOLS = {"INR": "₹", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "SGD": "S$", "AUD": "A$", "CAD": "C$"}


def _symbol(currency: str) -> str:
    # An unknown code is written out with a space ("AED 1,20,000" reads wrongly; "AED 120,000" does not).
    return SYMBOLS.get(currency, f"{currency} ")


def group_indian(number: int) -> str:
    """1234567 -> "12,34,567": the last three digits, then pairs."""
    sign, digits = ("-", str(-number)) if number < 0 else ("", str(number))
    if len(digits) <= 3:
        return sign + digits
    head, tail = digits[:-3], digits[-3:]
    pairs: list[str] = []
    while len(head) > 2:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    return sign + ",".join([head, *pairs, tail])


def _one_decimal(value: Decimal) -> str:
    rounded = value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    text = f"{rounded:f}"
    return text[:-2] if text.endswith(".0") else text


def format_full(amount: int, currency: str = "INR") -> str:
    """Every digit: ₹7,00,000 (Indian grouping for INR), $120,000 for other currencies."""
    amount = int(amount)
    if currency == "INR":
        return f"₹{group_indian(amount)}"
    return f"{_symbol(currency)}{amount:,}"


def format_short(amount: int, currency: str = "INR") -> str:
    """Compact, for sentences and charts: ₹99,999, ₹1L, ₹7.5L, ₹35L, ₹1.2Cr; $120K, $1.5M elsewhere."""
    amount = int(amount)
    if currency != "INR":
        return _short_western(amount, currency)
    if amount < LAKH:
        return format_full(amount, currency)
    lakhs = Decimal(amount) / LAKH
    # Round first: 99,96,000 is "₹1Cr", not "₹100L".
    if lakhs.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) < 100:
        return f"₹{_one_decimal(lakhs)}L"
    crores = Decimal(amount) / CRORE
    if crores >= 1000:
        return f"₹{group_indian(int(crores.quantize(Decimal('1'), rounding=ROUND_HALF_UP)))}Cr"
    return f"₹{_one_decimal(crores)}Cr"


def _short_western(amount: int, currency: str) -> str:
    symbol = _symbol(currency)
    for size, suffix in ((10**9, "B"), (10**6, "M"), (10**3, "K")):
        if amount >= size:
            return f"{symbol}{_one_decimal(Decimal(amount) / size)}{suffix}"
    return f"{symbol}{amount}"


def format_range(low: int, high: int, currency: str = "INR", *, collapse: bool = True) -> str:
    """ "₹7L–₹35L"; a single figure when both ends round to the same text, unless ``collapse`` is off (the pages'
    tables and cards have always shown both ends: ``{% money_range %}``)."""
    low_text, high_text = format_short(low, currency), format_short(high, currency)
    return low_text if collapse and low_text == high_text else f"{low_text}–{high_text}"


def in_lakh(amount: int) -> float:
    """The amount in lakh, for chart axes."""
    return amount / LAKH
