import pytest


@pytest.fixture
def no_page_cache(settings):
    """Count the view's own queries: the whole-page cache (careers.web.page_cache) adds its own lookup."""
    settings.PAGE_CACHE_ENABLED = False
