"""The load's revisions are written in bulk, yet hold exactly what reversion's own add_to_revision would write,
and their query count does not grow with the number of roles."""

from __future__ import annotations

import pytest
import reversion
from django.db import connection
from django.test.utils import CaptureQueriesContext
from reversion.models import Revision, Version

from careers.content.revisions import record_load_revisions
from roles.models import Role
from tests.perf.generate import load_generated

pytestmark = pytest.mark.django_db

FIELDS = ("object_id", "content_type_id", "db", "format", "serialized_data", "object_repr")


def _rows(revision: Revision) -> list[tuple]:
    return list(revision.version_set.order_by("pk").values_list(*FIELDS))


def test_a_loaded_revision_holds_what_reversion_itself_would_write(tmp_path):
    load_generated(tmp_path / "fixtures", 3)
    for role in Role.objects.all():
        with reversion.create_revision():
            reversion.set_comment("By reversion")
            reversion.add_to_revision(role)
        loaded, by_reversion = [v.revision for v in Version.objects.get_for_object(role).order_by("pk")]
        assert by_reversion.get_comment() == "By reversion"
        assert loaded.get_comment() == f"Loaded from fixtures/roles/{role.slug}.json"
        assert loaded.user is None
        assert len(_rows(loaded)) > 10  # the role, its levels and their skills, moves, aliases, pay, questions
        assert _rows(loaded) == _rows(by_reversion)


def _queries_for(n: int, directory) -> int:
    load_generated(directory, n)
    ids = list(Role.objects.values_list("pk", flat=True))
    with CaptureQueriesContext(connection) as queries:
        assert record_load_revisions(role_ids=ids, source="fixtures") == n
    return len(queries)


def test_recording_revisions_reads_and_writes_per_chunk_not_per_role(tmp_path):
    few = _queries_for(3, tmp_path / "three")
    Role.objects.all().delete()
    Version.objects.all().delete()
    many = _queries_for(30, tmp_path / "thirty")
    assert many == few
    assert few <= 12, few
