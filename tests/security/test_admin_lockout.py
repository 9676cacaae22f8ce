"""The admin login: repeated failures lock the account (from that address) out for a while, the lock-out
is logged, and it lifts after the cool-off or when an operator resets it.

Editors' least privilege (no users, no groups) is tested in tests/admin/test_editor_access.py
(test_the_command_makes_a_staff_editor, test_users_and_groups_are_off_limits); here only what the
lock-out adds: editors cannot see or clear the lock-out records.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from io import StringIO

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

PASSWORD = "a-long-editor-password"
LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def editor(db):
    call_command("createeditor", "editor", "--password", PASSWORD, stdout=StringIO())
    return get_user_model().objects.get(username="editor")


def log_in(client: Client, password: str, username: str = "editor"):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"})


def lock_out(client: Client, limit: int) -> list[int]:
    return [log_in(client, f"wrong-{i}").status_code for i in range(limit)]


def test_repeated_failures_lock_the_account_out(client, editor, settings, caplog):
    limit = settings.AXES_FAILURE_LIMIT
    assert 3 <= limit <= 10
    caplog.set_level(logging.WARNING, logger="axes")
    statuses = lock_out(client, limit)
    locks = [r for r in caplog.records if "Locking out" in r.getMessage()]
    assert len(locks) == 1 and locks[0].levelno == logging.WARNING
    # axes masks the username and address in the log (AXES_SENSITIVE_PARAMETERS); the record below has them.
    assert 'path_info: "/admin/login/"' in locks[0].getMessage()
    # The form answers each failure until the limit; the failure that reaches it is refused already.
    assert statuses[:-1] == [200] * (limit - 1)
    assert statuses[-1] == 429

    # Locked: even the right password is refused, with a page that says why and no session.
    response = log_in(client, PASSWORD)
    assert response.status_code == 429
    assert b"locked" in response.content.lower()
    assert "sessionid" not in response.cookies
    assert client.get("/admin/").status_code == 302  # still sent to the login page
    assert AccessAttempt.objects.get(username="editor").failures_since_start >= limit


def test_failures_below_the_limit_do_not_lock(client, editor, settings):
    assert set(lock_out(client, settings.AXES_FAILURE_LIMIT - 1)) == {200}
    response = log_in(client, PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    # A success clears the count: the next mistakes start again from zero.
    client.logout()
    assert set(lock_out(client, settings.AXES_FAILURE_LIMIT - 1)) == {200}


def test_the_lock_lifts_after_the_cool_off(client, editor, settings):
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    lock_out(client, settings.AXES_FAILURE_LIMIT)
    assert log_in(client, PASSWORD).status_code == 429
    # Fourteen minutes later: still locked.
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=14))
    assert log_in(client, PASSWORD).status_code == 429
    # Past the cool-off: the right password works again.
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16))
    response = log_in(client, PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_short_cool_off_set_in_settings_is_honoured(client, editor, settings):
    settings.AXES_COOLOFF_TIME = timedelta(seconds=0)
    lock_out(client, settings.AXES_FAILURE_LIMIT)
    assert log_in(client, PASSWORD).status_code == 302


def test_an_operator_can_lift_a_lock(client, editor, settings):
    lock_out(client, settings.AXES_FAILURE_LIMIT)
    assert log_in(client, PASSWORD).status_code == 429
    call_command("axes_reset_username", "editor", stdout=StringIO())
    assert log_in(client, PASSWORD).status_code == 302


def test_the_lock_is_for_that_account_from_that_address(client, editor, settings):
    """Someone guessing from one address locks out only themselves: the editor elsewhere still gets in."""
    lock_out(client, settings.AXES_FAILURE_LIMIT)
    elsewhere = Client(REMOTE_ADDR="203.0.113.7")
    assert log_in(elsewhere, PASSWORD).status_code == 302


def test_editors_cannot_see_or_clear_lock_outs(client, editor, settings):
    lock_out(Client(REMOTE_ADDR="198.51.100.9"), settings.AXES_FAILURE_LIMIT)
    client.force_login(editor)
    for url in ["/admin/axes/accessattempt/", "/admin/axes/accesslog/", "/admin/axes/accessfailurelog/"]:
        assert client.get(url).status_code in (403, 404), url
    assert not editor.has_perm("axes.delete_accessattempt")
