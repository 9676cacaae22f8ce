"""Logging filters of the site (wired in settings.LOGGING)."""

from __future__ import annotations

import logging
import re

CONTROL = re.compile(r"[\x00-\x1f\x7f]")
LONGEST = 300  # characters of a message or path kept: a Host header or a path may be kilobytes of junk


class RefusedRequestFilter(logging.Filter):
    """django.security logs each refused request (a Host header not in ALLOWED_HOSTS, too many fields, …) as an
    ERROR with its traceback: a scanner's every probe would fill the log with tracebacks of Django's own code.
    It is the visitor's mistake, not ours, so it becomes one WARNING line: status, method, path and the reason.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        where = f"{request.method} {request.path[:LONGEST]}" if request is not None else "a request"
        reason = record.getMessage()[:LONGEST]
        status = getattr(record, "status_code", 400)
        record.msg = CONTROL.sub("?", f"refused {where} with {status}: {reason}")
        record.args = ()
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        return True
