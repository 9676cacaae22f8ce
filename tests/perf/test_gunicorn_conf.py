"""gunicorn.conf.py: what each server runs with, from the environment, and that gunicorn accepts all of it."""

from __future__ import annotations

import multiprocessing
import runpy
from pathlib import Path

from django.conf import settings
from gunicorn.config import Config

CONF = Path(settings.BASE_DIR) / "gunicorn.conf.py"


def load(monkeypatch, **env) -> dict:
    for name in ("PORT", "GUNICORN_BIND", "WEB_CONCURRENCY", "GUNICORN_CONTROL_SOCKET"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    namespace = runpy.run_path(str(CONF))
    config = Config()
    for name, value in namespace.items():
        if name in config.settings:
            config.set(name, value)  # gunicorn validates each value as it would from the file
    return {name: config.settings[name].get() for name in config.settings}


def test_defaults(monkeypatch):
    conf = load(monkeypatch)
    assert conf["bind"] == ["127.0.0.1:8000"]
    assert conf["workers"] == multiprocessing.cpu_count() * 2 + 1
    assert conf["wsgi_app"] == "careers.wsgi:application"
    assert conf["worker_tmp_dir"] == "/dev/shm"
    assert conf["accesslog"] is None  # the app logs one line per request itself
    assert conf["graceful_timeout"] == 20
    assert conf["control_socket_disable"] is True


def test_the_environment_decides_where_and_how_many(monkeypatch):
    assert load(monkeypatch, PORT="9001", WEB_CONCURRENCY="3")["bind"] == ["127.0.0.1:9001"]
    assert load(monkeypatch, WEB_CONCURRENCY="3")["workers"] == 3
    assert load(monkeypatch, GUNICORN_BIND="0.0.0.0:8080")["bind"] == ["0.0.0.0:8080"]
