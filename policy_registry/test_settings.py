"""Settings for the test suite: the real settings with a throwaway key and a fast hasher."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-any-deployment-0123456789")

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "sheet_pdf": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "sheet-pdf"},
}
