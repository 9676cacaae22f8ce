"""Fixtures for the catalog's own pages."""

import pytest


@pytest.fixture
def view_queries(settings):
    """Count only what the view itself reads: the whole-page cache (its content-version lookup) is off."""
    settings.PAGE_CACHE_ENABLED = False
