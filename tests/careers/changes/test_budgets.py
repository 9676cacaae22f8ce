"""What changed costs a fixed number of queries, whatever the number of changes and roles: no query per change,
per line or per role."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from careers.changes.models import RoleChange
from roles.models import Role
from tests.perf.generate import load_generated
from tests.perf.test_budgets import QUERY_BUDGETS

pytestmark = pytest.mark.django_db

PAGES = {
    "career path": "/roles/role-0000/career-path/",
    "changes": "/changes/",
    "changes, a later page": "/changes/?page=2",
    "changes feed": "/changes/feed/",
}
# The career path's own (tests/perf/test_budgets.py, its latest changes included); the count and one page of
# changes with their roles, and the site card's counts; the feed reads one page without counting.
BUDGETS = {"career path": QUERY_BUDGETS["career path"], "changes": 3, "changes, a later page": 3, "changes feed": 1}


def add_changes(per_role: int) -> None:
    """``per_role`` changes of three lines for every role: made directly, as only their number matters here."""
    now = timezone.now()
    RoleChange.objects.bulk_create(
        RoleChange(role=role, recorded_at=now, kind=RoleChange.Kind.CHANGED, lines=["One", "Two", "Three"])
        for role in Role.objects.all()
        for _ in range(per_role)
    )


def costs(client) -> dict[str, int]:
    found = {}
    for name, url in PAGES.items():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, name
        found[name] = len(ctx.captured_queries)
    return found


def test_the_pages_cost_the_same_with_few_or_many_changes(client, tmp_path, settings):
    settings.PAGE_CACHE_ENABLED = False
    load_generated(tmp_path, 30)
    add_changes(1)
    few = costs(client)
    load_generated(tmp_path, 120)
    add_changes(5)
    assert RoleChange.objects.filter(kind="changed").count() > 500
    assert few == costs(client) == BUDGETS


def test_a_cached_changes_page_or_feed_costs_one_query(client, tmp_path):
    load_generated(tmp_path, 3)
    add_changes(2)
    for url in (reverse("changes"), reverse("changes_feed")):
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        assert len(ctx.captured_queries) == 1, url
