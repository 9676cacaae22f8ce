"""careers.web.prepared: SQL the ORM writes once per process, run with each call's value, rows as values_list gives
them (dates read back as dates on SQLite too), and model instances made from them."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers.web.prepared import PreparedRead, columns, instances
from roles.models import Level, Role, RoleLevel
from salaries.models import EmployerType, SalaryBand
from tests.factories import employer_bands, load_roles, reference, role_doc

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_roles(tmp_path):
    scientist, engineer = role_doc("data-scientist"), role_doc("data-engineer")
    for doc in (scientist, engineer):
        doc["salaries"]["bands"] += employer_bands()
    load_roles(tmp_path, scientist, engineer, ref=reference(employer_types=True))
    return Role.objects.get(slug="data-scientist"), Role.objects.get(slug="data-engineer")


BANDS = PreparedRead(
    lambda role_id: (
        SalaryBand.objects.filter(role_id=role_id)
        .order_by("pk")
        .values_list("pk", "level__slug", "location__slug", "employer_type__slug", "median", "as_of")
    )
)


def test_rows_are_the_orms_rows_for_each_value(two_roles):
    for role in two_roles:
        expected = list(
            SalaryBand.objects.filter(role=role)
            .order_by("pk")
            .values_list("pk", "level__slug", "location__slug", "employer_type__slug", "median", "as_of")
        )
        assert BANDS.rows(role.pk) == expected
        assert expected  # the roles have bands: the comparison compares something
    # Converted as the ORM converts them: SQLite keeps dates as text.
    assert all(isinstance(row[-1], datetime.date) for row in BANDS.rows(two_roles[0].pk))


def test_a_read_is_one_query_and_an_unknown_value_reads_nothing(two_roles):
    with CaptureQueriesContext(connection) as queries:
        assert BANDS.rows(-1) == []
        BANDS.rows(two_roles[0].pk)
    # Counted and logged as any query is (the query budgets in tests/perf/ see it), the same SQL each time.
    assert len(queries) == 2


def test_a_read_by_text_takes_the_value_as_a_parameter(two_roles):
    by_slug = PreparedRead(lambda slug: Role.objects.filter(slug=slug).values_list("title"), by_text=True)
    assert by_slug.rows("data-engineer") == [("Data Engineer",)]
    # A value that would break quoting is only ever a parameter.
    assert by_slug.rows("x' OR '1'='1") == []


def test_a_read_whose_value_does_not_reach_the_sql_is_refused(two_roles):
    ignores = PreparedRead(lambda role_id: Role.objects.filter(slug="data-engineer").values_list("pk"))
    with pytest.raises(ValueError, match="does not reach the SQL"):
        ignores.rows(two_roles[0].pk)


def test_instances_are_the_orms_instances_and_share_the_small_tables(two_roles):
    role = two_roles[0]
    read = PreparedRead(
        lambda role_id: (
            SalaryBand.objects.filter(role_id=role_id)
            .order_by("pk")
            .values_list(*columns(SalaryBand), *columns(Level, "level__"), *columns(EmployerType, "employer_type__"))
        )
    )
    known: dict = {Level: {}, EmployerType: {}}
    made = [instances(row, SalaryBand, Level, EmployerType, known=known) for row in read.rows(role.pk)]
    expected = list(SalaryBand.objects.filter(role=role).order_by("pk"))
    assert [band for band, _, _ in made] == expected  # same rows (equal by primary key) ...
    for (band, level, employer_type), orm in zip(made, expected, strict=True):
        # ... with the same values in every field, the related rows' included.
        assert {f.attname: getattr(band, f.attname) for f in SalaryBand._meta.concrete_fields} == {
            f.attname: getattr(orm, f.attname) for f in SalaryBand._meta.concrete_fields
        }
        assert level == orm.level and level.name == orm.level.name
        assert employer_type == orm.employer_type  # None for the figures for all employers
        assert band._state.db == "default" and not band._state.adding
    # One instance per level however many bands join it.
    levels = {id(level) for _, level, _ in made}
    assert len(levels) == RoleLevel.objects.filter(role=role).count()
    assert any(employer_type is None for _, _, employer_type in made)
    assert any(employer_type is not None for _, _, employer_type in made)
