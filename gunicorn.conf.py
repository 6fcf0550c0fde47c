"""gunicorn settings for production: ``gunicorn -c gunicorn.conf.py`` (see README "운영 배포").

Every value can be changed with an environment variable; the defaults suit a 2-core machine
behind a reverse proxy on the same host.
"""

import multiprocessing
import os

wsgi_app = "policy_registry.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))  # a long PDF must not be cut off
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then (memory held by PDF rendering, which mostly runs in the task
# worker now). Workers fork from the loaded app (preload_app), so a recycled one serves again at
# once; booting Django and WeasyPrint afresh took seconds, every 1000 requests a worker.
max_requests = 10000
max_requests_jitter = 1000
preload_app = True
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").strip().lower()  # settings.py: the same, upper case
# Trust X-Forwarded-* only from the proxy in front of us.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
