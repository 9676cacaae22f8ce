import pytest

from salaries.money import format_full, format_range, format_short, group_indian


@pytest.mark.parametrize(
    ("amount", "short", "full"),
    [
        (0, "₹0", "₹0"),
        (999, "₹999", "₹999"),
        (99_999, "₹99,999", "₹99,999"),
        (100_000, "₹1L", "₹1,00,000"),
        (700_000, "₹7L", "₹7,00,000"),
        (750_000, "₹7.5L", "₹7,50,000"),
        (3_500_000, "₹35L", "₹35,00,000"),
        (9_940_000, "₹99.4L", "₹99,40,000"),
        (9_996_000, "₹1Cr", "₹99,96,000"),  # rounds up to a crore, never "₹100L"
        (10_000_000, "₹1Cr", "₹1,00,00,000"),
        (12_000_000, "₹1.2Cr", "₹1,20,00,000"),
        (123_456_789_012, "₹12,346Cr", "₹1,23,45,67,89,012"),
    ],
)
def test_rupees(amount, short, full):
    assert format_short(amount) == short
    assert format_full(amount) == full


@pytest.mark.parametrize(
    ("number", "grouped"),
    [(0, "0"), (12, "12"), (123, "123"), (1234, "1,234"), (12345, "12,345"), (123456, "1,23,456"), (-1234567, "-12,34,567")],
)
def test_indian_grouping(number, grouped):
    assert group_indian(number) == grouped


def test_other_currencies_use_their_symbol_and_western_grouping():
    assert format_full(120_000, "USD") == "$120,000"
    assert format_short(120_000, "USD") == "$120K"
    assert format_short(1_500_000, "EUR") == "€1.5M"
    assert format_full(5_000, "AED") == "AED 5,000"


def test_range_reads_as_one_span():
    assert format_range(700_000, 3_500_000) == "₹7L–₹35L"
    assert format_range(700_000, 700_000) == "₹7L"
