import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from roles.models import Level
from salaries.models import Location, SalaryBand


@pytest.mark.parametrize(("low", "median", "high"), [(10, 5, 20), (10, 30, 20), (30, 20, 10)])
def test_database_refuses_pay_out_of_order(two_roles, low, median, high):
    band = SalaryBand.objects.first()
    band.low, band.median, band.high = low, median, high
    with pytest.raises(IntegrityError), transaction.atomic():
        band.save()


def test_database_accepts_equal_pay(two_roles):
    band = SalaryBand.objects.first()
    band.low = band.median = band.high = 500_000
    band.save()
    assert SalaryBand.objects.get(pk=band.pk).median == 500_000


def test_one_band_per_role_level_and_location(two_roles):
    band = SalaryBand.objects.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        SalaryBand.objects.create(
            role=band.role,
            level=band.level,
            location=band.location,
            low=1,
            median=2,
            high=3,
            source="x",
            as_of=dt.date(2026, 1, 1),
        )


def test_level_years_read_naturally(two_roles):
    assert Level.objects.get(slug="junior").years == "0–2 years"
    assert Level.objects.get(slug="lead").years == "8+ years"
    assert Location.objects.get(slug="india").kind == "country"
