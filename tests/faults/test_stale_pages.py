"""An editor's save reaches visitors at once in production too (found by the soak run: with DEBUG off the
content-version receivers were garbage-collected, so saves never moved the version and pages stayed stale)."""

from __future__ import annotations

import gc

from django.test import Client
from django.utils import inspect as django_inspect

from careers.models import ContentVersion
from roles.models import RoleLevel


def test_a_save_moves_the_version_with_nothing_else_holding_the_receivers(two_roles):
    # With DEBUG on at start-up, Django's signature cache happens to hold every receiver; production has no such luck.
    django_inspect._get_func_parameters.cache_clear()
    gc.collect()
    client = Client()
    url = "/roles/data-scientist/career-path/"
    assert b"You learn." in client.get(url).content  # now cached
    version = ContentVersion.current()[0]
    level = RoleLevel.objects.get(role__slug="data-scientist", level__slug="junior")
    level.what_you_do = "You learn fast."
    level.save()
    assert ContentVersion.current()[0] == version + 1
    assert b"You learn fast." in client.get(url).content
    level.delete()
    assert ContentVersion.current()[0] > version + 1  # its skills go with it, each a bump
