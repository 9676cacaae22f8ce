"""What the security tests share: a count of the hostile requests tried (printed at the end of the session by
the hook in conftest.py)."""

from __future__ import annotations

HOSTILE_REQUESTS = [0]


def count_hostile() -> None:
    HOSTILE_REQUESTS[0] += 1
