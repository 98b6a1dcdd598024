"""gunicorn settings for production: `gunicorn -c unionsite/gunicorn.conf.py unionsite.wsgi`.

nginx in front terminates TLS, serves /media/ (and the X-Accel downloads) and buffers slow clients,
so plain sync workers suffice: each request is a few milliseconds of CPU and a handful of queries.
Every value can be changed per deploy with an environment variable; docs/performance.md explains
the choices. `make bench` uses this file too, overriding workers and bind on the command line.
"""

import multiprocessing
import os


def env_int(name, default):
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


# Loopback only: nginx proxies to it. Use a unix socket with GUNICORN_BIND=unix:/run/unionsite.sock.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Sync workers, two per core plus one: pages are short and CPU-bound (the database is local and
# answers in well under a millisecond), so more workers than that only add memory and switching.
worker_class = "sync"
workers = env_int("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1)

# Load Django once in the master and fork: faster (re)starts and shared memory. Django opens no
# database connection at import time, so nothing is shared across the fork that must not be.
preload_app = True

# A request that takes longer than this is killed (and logged); uploads of 50 MB documents through
# nginx arrive buffered, so 30 s is plenty.
timeout = env_int("GUNICORN_TIMEOUT", 30)
graceful_timeout = 30
keepalive = 2

# Restart each worker after a few thousand requests (with jitter, so not all at once): a cheap
# guard against slow memory growth in any library.
max_requests = env_int("GUNICORN_MAX_REQUESTS", 5000)
max_requests_jitter = max_requests // 10

# The heartbeat file in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108 - gunicorn's own advice

# nginx on the same machine sets X-Forwarded-Proto; trust it from loopback only.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

# Errors to stderr (journald); access logs are nginx's job, unless asked for here.
errorlog = "-"
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = "unionsite"

# Reject absurd request lines and headers before Django sees them.
limit_request_line = 4094
limit_request_fields = 100
