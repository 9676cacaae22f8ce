"""Pay by employer type: the read (salaries.employer_pay), the model's rules, and the all-employer reads left as
they were (salaries.pay)."""

import pytest
from django.db import IntegrityError, transaction

from roles.models import Level, Role
from salaries.employer_pay import employer_pay
from salaries.models import EmployerType, Location, RarelyHiring, SalaryBand
from salaries.pay import compare_roles, role_pay, with_pay_range
from tests.factories import EMPLOYER_SHARE, PAY, employer_bands, load_roles, reference, role_doc


@pytest.fixture
def paid(db, tmp_path):
    """A scientist paid by both employer types; an engineer whom IT services rarely hire."""
    engineer = role_doc("data-engineer")
    engineer["salaries"]["bands"] += employer_bands(shares={"product": 1.3})
    engineer["salaries"]["rarely_hired_by"] = ["it-services"]
    scientist = role_doc("data-scientist")
    scientist["salaries"]["bands"] += employer_bands()
    load_roles(tmp_path, scientist, engineer, ref=reference(employer_types=True))
    return Role.objects.get(slug="data-scientist"), Role.objects.get(slug="data-engineer")


def lakh(figure: float) -> int:
    return round(figure * 100_000)


def test_bands_by_employer_type_and_level_in_three_queries(paid, django_assert_num_queries):
    scientist, engineer = paid
    with django_assert_num_queries(3):
        pay = employer_pay(scientist)
        rows = pay.for_level("senior")
    assert [(row.employer_type.slug, row.band.median if row.band else None) for row in rows] == [
        ("it-services", lakh(PAY["senior"][1] * EMPLOYER_SHARE["it-services"])),
        ("product", lakh(PAY["senior"][1] * EMPLOYER_SHARE["product"])),
    ]
    assert [b.level.slug for b in pay.in_type("product")] == ["junior", "mid", "senior", "lead"]
    assert pay.home_location_slug == "india" and not pay.rarely_hired_by
    low, high = pay.spread("junior")
    assert (low.employer_type.slug, high.employer_type.slug) == ("it-services", "product")
    assert pay.band("product", "lead", "bengaluru") is None  # cities by employer type are optional


def test_an_employer_type_that_rarely_hires_the_role_says_so(paid):
    _, engineer = paid
    pay = employer_pay(engineer)
    assert pay.rarely_hires("it-services") and not pay.rarely_hires("product")
    assert [et.slug for et in pay.hiring] == ["product"]
    services, product = pay.for_level("mid")
    assert services.rarely_hires and services.band is None
    assert not product.rarely_hires and product.band.median == lakh(PAY["mid"][1] * 1.3)


def test_the_read_costs_the_same_whatever_the_number_of_employer_types(paid, django_assert_num_queries):
    scientist, _ = paid
    india, senior = Location.objects.get(slug="india"), Level.objects.get(slug="senior")
    for n in range(6):
        extra = EmployerType.objects.create(slug=f"kind-{n}", name=f"Kind {n}", description="-", level_naming="-")
        SalaryBand.objects.create(
            role=scientist,
            level=senior,
            location=india,
            employer_type=extra,
            low=1,
            median=2,
            high=3,
            source="t",
            as_of="2026-10-01",
        )
    with django_assert_num_queries(3):
        pay = employer_pay(scientist)
        assert len(pay.for_level("senior")) == 8


def test_the_all_employer_reads_leave_employer_types_out(paid):
    scientist, _ = paid
    pay = role_pay(scientist)
    assert len(pay.bands) == 8 and all(b.employer_type_id is None for b in pay.bands)
    assert pay.band("india", "junior").median == lakh(PAY["junior"][1])
    ranged = with_pay_range(Role.objects.filter(pk=scientist.pk)).get()
    assert (ranged.pay_low, ranged.pay_high) == (lakh(PAY["junior"][0]), lakh(PAY["lead"][2]))
    india, mid = Location.objects.get(slug="india"), Level.objects.get(slug="mid")
    rows = compare_roles(india, mid)
    assert sorted(r.slug for r in rows) == ["data-engineer", "data-scientist"], "one row per role"
    assert {r.band_median for r in rows} == {lakh(PAY["mid"][1])}


def test_the_comparison_by_employer_type_says_who_rarely_hires(paid):
    india, mid = Location.objects.get(slug="india"), Level.objects.get(slug="mid")
    services = EmployerType.objects.get(slug="it-services")
    rows = {r.slug: r for r in compare_roles(india, mid, employer_type=services)}
    assert rows["data-scientist"].band_median == lakh(PAY["mid"][1] * EMPLOYER_SHARE["it-services"])
    assert not rows["data-scientist"].rarely_hired
    assert rows["data-engineer"].band_median is None and rows["data-engineer"].rarely_hired


def test_one_band_per_role_level_place_and_employer_type(paid):
    scientist, _ = paid
    band = SalaryBand.objects.filter(role=scientist, employer_type__slug="product").first()
    twin = dict(role=band.role, level=band.level, location=band.location, low=1, median=2, high=3, source="t")
    with pytest.raises(IntegrityError), transaction.atomic():
        SalaryBand.objects.create(employer_type=band.employer_type, as_of=band.as_of, **twin)
    all_employers = SalaryBand.objects.all_employers().get(role=scientist, level=band.level, location=band.location)
    with pytest.raises(IntegrityError), transaction.atomic():
        SalaryBand.objects.create(employer_type=None, as_of=all_employers.as_of, **twin)
    with pytest.raises(IntegrityError), transaction.atomic():
        RarelyHiring.objects.create(role=scientist, employer_type=band.employer_type)
        RarelyHiring.objects.create(role=scientist, employer_type=band.employer_type)
    assert str(band) == "Data Scientist · Entry / Junior · India · Product company"
