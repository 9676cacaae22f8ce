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
    [
        (0, "0"),
        (12, "12"),
        (123, "123"),
        (1234, "1,234"),
        (12345, "12,345"),
        (123456, "1,23,456"),
        (-1234567, "-12,34,567"),
    ],
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


@pytest.mark.parametrize(
    ("amount", "short", "full"),
    [
        (1, "₹1", "₹1"),
        (99_950, "₹99,950", "₹99,950"),  # under a lakh is never rounded up to "₹1L"
        (100_001, "₹1L", "₹1,00,001"),
        (9_999_999, "₹1Cr", "₹99,99,999"),
        (10_000_001, "₹1Cr", "₹1,00,00,001"),
        (10**12, "₹1,00,000Cr", "₹10,00,00,00,00,000"),  # the largest amount the content format accepts
    ],
)
def test_rupees_at_the_edges(amount, short, full):
    assert format_short(amount) == short
    assert format_full(amount) == full


def test_ranges_at_the_edges():
    assert format_range(0, 99_999) == "₹0–₹99,999"
    assert format_range(99_999, 100_000) == "₹99,999–₹1L"
    assert format_range(9_996_000, 10_000_000) == "₹1Cr"
    assert format_range(6_000_000, 12_000_000) == "₹60L–₹1.2Cr"


def test_template_filters_format_through_money():
    from django.template import Context, Template

    template = Template(
        "{% load money %}{{ a|money_short:c }}|{{ a|money_full:c }}|{{ n|money_short }}|{{ a|money_full:'' }}"
    )
    assert template.render(Context({"a": 10_000_000, "c": "INR", "n": None})) == "₹1Cr|₹1,00,00,000||₹1,00,00,000"
    assert Template("{% load money %}{{ a|money_full:'USD' }}").render(Context({"a": 10**7})) == "$10,000,000"


@pytest.mark.parametrize(
    ("low", "high", "currency", "shown"),
    [
        (700_000, 3_500_000, "INR", "₹7L–₹35L"),
        (9_996_000, 10_000_000, "INR", "₹1Cr–₹1Cr"),  # both ends, even where format_range gives one figure
        (120_000, 1_500_000, "USD", "$120K–$1.5M"),
        (700_000, 3_500_000, "", "₹7L–₹35L"),
        (None, 3_500_000, "INR", ""),
    ],
)
def test_the_money_range_tag_shows_both_ends_in_short_form(low, high, currency, shown):
    from django.template import Context, Template

    template = Template("{% load money %}{% money_range low high currency %}")
    assert template.render(Context({"low": low, "high": high, "currency": currency})) == shown


def test_role_card_shows_the_pay_range_in_short_form(site_content):
    from django.template.loader import render_to_string

    from roles.models import Role
    from salaries.pay import with_pay_range

    role = with_pay_range(Role.objects.select_related("family")).get(slug="machine-learning-engineer")
    card = render_to_string("includes/role_card.html", {"role": role})
    assert '<span class="pay">₹7L–₹35L</span>/yr' in card
