"""The admin's signed-in editor (tests/admin/conftest.py), for changes made the way editors make them."""

from tests.admin.conftest import editor, editor_client  # noqa: F401
