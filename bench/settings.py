"""Settings for bench/throughput.py: the test settings (http, uncollected static files) with the
production caches (file caches every gunicorn worker shares) and an "ok" view (bench/urls.py)."""

from policy_registry.test_settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "renderings": shared_cache("renderings", max_entries=5000),  # noqa: F405
    "pages": shared_cache("pages", max_entries=20000),  # noqa: F405
    "limits": shared_cache("limits", max_entries=50000),  # noqa: F405
}
