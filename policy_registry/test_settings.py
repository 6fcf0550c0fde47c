"""Settings for the test suite: the real settings with a throwaway key and a fast hasher."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-any-deployment-0123456789")

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# accountability: production defaults that make no sense under the test client
SECURE_SSL_REDIRECT = False  # the test client speaks http; the redirect itself is Django's
STORAGES = {**STORAGES, "staticfiles": {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",  # no collectstatic manifest
}}
STORAGES["default"] = {"BACKEND": "django.core.files.storage.InMemoryStorage"}  # noqa: F405  (uploads)
WHITENOISE_AUTOREFRESH = True  # no collected STATIC_ROOT to scan at start-up
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "renderings": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "renderings"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    "limits": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "limits"},
}
if REDIS_URL:  # noqa: F405 — CI runs the cache tests once against Redis (.ci/run)
    CACHES["renderings"] = shared_cache("test-renderings", max_entries=0)  # noqa: F405
    CACHES["pages"] = shared_cache("test-pages", max_entries=0)  # noqa: F405

# Tasks are kept, not run: a PDF render after every published write would slow the whole suite.
# tests/test_pdf_tasks.py runs them with the ImmediateBackend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
