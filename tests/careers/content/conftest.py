"""A writable copy of the real content, to break one thing in it (tests/careers/content/helpers.py)."""

from __future__ import annotations

import shutil

import pytest

from .helpers import FIXTURES, ContentCopy


@pytest.fixture
def content_copy(tmp_path) -> ContentCopy:
    root = tmp_path / "fixtures"
    shutil.copytree(FIXTURES, root)
    return ContentCopy(root)
