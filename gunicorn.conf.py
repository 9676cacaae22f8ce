"""gunicorn's settings for this site; everything that differs between machines comes from the environment.

    gunicorn                         # from the repository root: picks this file up, serves careers.wsgi

PORT / GUNICORN_BIND   where to listen (default 127.0.0.1:8000; a container sets 0.0.0.0:$PORT)
WEB_CONCURRENCY        worker processes (default 2 x cores + 1)
GUNICORN_TIMEOUT       seconds a request may take before its worker is replaced (default 30)
GUNICORN_CONTROL_SOCKET  path of gunicorn's control socket (for gunicornc); none when unset

Sync workers: every page is either a cache hit (a fraction of a millisecond) or a render bounded by a
fixed number of queries, so one request per process is the simplest model that keeps every core busy.
A sync worker reads its request itself, so it must never face a client directly: a client that sends its
request a byte a second would hold the worker that long. nginx runs in front on every app server
(deploy/nginx.conf; `make serve` starts both through deploy/serve.py) and hands gunicorn only whole
requests over loopback; gunicorn listens on 127.0.0.1 only.
"""

import multiprocessing
import os

wsgi_app = "careers.wsgi:application"

bind = os.environ.get("GUNICORN_BIND") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"

# Workers report they are alive by touching a file; in memory, that never waits on a slow disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On a deploy or a scale-down, requests in flight get this long to finish before workers are stopped.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "20"))

# The app writes one line per request itself (careers.web.middleware.RequestLogMiddleware): no access log.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# gunicorn >= 25 opens a control socket at one fixed path per user: a second server on the same machine
# (make bench runs two) would take it over. Off unless a path is given.
control_socket_disable = not os.environ.get("GUNICORN_CONTROL_SOCKET")
if not control_socket_disable:
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]

# TLS ends at the load balancer, which says so in X-Forwarded-Proto; Django reads that header
# (SECURE_PROXY_SSL_HEADER), so nothing about it is configured here.
proc_name = "careers"

# A long search (a pasted paragraph, a 100 KB query string) gets a normal page, not a 414: Django cuts the
# query to 100 characters itself. gunicorn's own limit cannot go above 8190 bytes, so it is lifted here (0)
# and the bound is nginx's: a request line over 128 KB gets a 414 there and never reaches gunicorn, whose
# parser copies and searches the whole line again for each piece it reads: its time grows with the square
# of the line's length (measured in the README's "Security" section).
limit_request_line = 0
