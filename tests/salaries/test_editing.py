"""salaries.editing.set_role_bands: a role's pay written from the grid's cells in one transaction."""

import datetime as dt

import pytest
from django.db import IntegrityError

from roles.models import Level, Role
from salaries.editing import Figures, set_role_bands
from salaries.models import EmployerType, Location, SalaryBand
from salaries.pay_grid import AXIS_FIELDS

AS_OF = dt.date(2026, 6, 1)


@pytest.fixture
def scientist(two_roles):
    return Role.objects.get(slug="data-scientist")


def key(location: str, level: str, employer_type: EmployerType | None = None) -> tuple[int | None, ...]:
    where = {
        "location": Location.objects.get(slug=location).pk,
        "level": Level.objects.get(slug=level).pk,
        "employer_type": employer_type.pk if employer_type else None,
    }
    return tuple(where[name] for name in AXIS_FIELDS)


def band(role, location: str, level: str) -> SalaryBand:
    return SalaryBand.objects.get(role=role, location__slug=location, level__slug=level)


def test_cells_write_change_and_remove_bands_and_leave_the_rest(scientist):
    before = band(scientist, "bengaluru", "mid")
    changes = set_role_bands(
        role=scientist,
        cells={key("india", "senior"): Figures(2_000_000, 2_500_000, 3_000_000), key("india", "lead"): None},
        axis_fields=AXIS_FIELDS,
        source="Our estimate",
        as_of=AS_OF,
    )
    assert [(b.level.slug, fields) for b, fields in changes.changed] == [("senior", ["median", "source", "as_of"])]
    assert [b.level.slug for b in changes.deleted] == ["lead"] and changes.added == []
    senior = band(scientist, "india", "senior")
    assert (senior.median, senior.source, senior.as_of) == (2_500_000, "Our estimate", AS_OF)
    assert not SalaryBand.objects.filter(role=scientist, location__slug="india", level__slug="lead").exists()
    after = band(scientist, "bengaluru", "mid")
    assert (after.median, after.source, after.as_of) == (before.median, before.source, before.as_of)


def test_a_new_band_takes_the_places_currency_and_the_roles_source(scientist):
    SalaryBand.objects.filter(role=scientist, location__slug="bengaluru", level__slug="junior").delete()
    changes = set_role_bands(
        role=scientist,
        cells={key("bengaluru", "junior"): Figures(800_000, 1_000_000, 1_300_000)},
        axis_fields=AXIS_FIELDS,
        source="Our estimate",
        as_of=AS_OF,
    )
    new = band(scientist, "bengaluru", "junior")
    assert changes.added == [new] and (new.currency, new.source, new.as_of) == ("INR", "Our estimate", AS_OF)


def test_restamp_sets_the_source_and_date_on_every_band(scientist):
    set_role_bands(role=scientist, cells={}, axis_fields=AXIS_FIELDS, source="New", as_of=AS_OF, restamp=True)
    assert set(SalaryBand.objects.filter(role=scientist).values_list("source", "as_of")) == {("New", AS_OF)}


def test_a_refused_cell_writes_nothing(scientist):
    with pytest.raises(IntegrityError):
        set_role_bands(
            role=scientist,
            cells={
                key("india", "junior"): Figures(1, 2, 3),
                key("india", "mid"): Figures(3, 2, 1),  # the database's own rule refuses it
            },
            axis_fields=AXIS_FIELDS,
            source="x",
            as_of=AS_OF,
        )
    assert band(scientist, "india", "junior").low == 700_000
