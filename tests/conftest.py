import os
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command

from careers.search import forget_index
from tests.factories import load_roles, role_doc


def pytest_configure(config):
    """Under faketime (README: the clock run) the fake clock is this process's only: the programs the tests start
    (Chromium, the HTML checker's Java, node) get the real one. Chromium crashes with libfaketime loaded, and their
    clocks are not what is tested: the site's code and the live server run in this process."""
    preload = os.environ.get("LD_PRELOAD", "")
    if "faketime" in preload:
        kept = [lib for lib in preload.split(":") if lib and "faketime" not in lib]
        if kept:
            os.environ["LD_PRELOAD"] = ":".join(kept)
        else:
            del os.environ["LD_PRELOAD"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Whole pages and the search index are cached: each test starts with empty caches, and leaves them so."""
    cache.clear()
    forget_index()
    yield
    cache.clear()
    forget_index()


@pytest.fixture(autouse=True)
def _page_freshness_from_the_database(settings):
    """With a shared cache (REDIS_URL) pages are kept fresh by tags moved when a save commits, and a test's saves
    never commit (its transaction is rolled back): the suite reads the content version, which every save moves at
    once, whatever the cache. tests/careers/web/test_page_tags.py tests the shared way, with saves that commit."""
    settings.PAGE_CACHE_SHARED = False


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Real hashers are slow on purpose; tests only need passwords to work."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def two_roles(db, tmp_path):
    """A small catalog: Data Scientist and Data Engineer, related both ways."""
    scientist = role_doc(
        "data-scientist",
        "Data Scientist",
        relations=[{"to": "data-engineer", "kind": "lateral", "note": "Both work with data."}],
        faqs=[{"question": "Is it fun?", "answer": "Often."}],
    )
    engineer = role_doc(
        "data-engineer",
        "Data Engineer",
        relations=[{"to": "data-scientist", "kind": "next", "note": "Some move to models."}],
    )
    load_roles(tmp_path, scientist, engineer)
    return scientist, engineer


@pytest.fixture
def site_content(db):
    """The real content of fixtures/, as the site serves it."""
    call_command("loadcontent", verbosity=0, stdout=StringIO())
