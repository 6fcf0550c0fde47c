"""The read-only JSON API under ``/api/`` (Django REST framework, schema by drf-spectacular).

Anonymous and read-only (GET, HEAD, OPTIONS), throttled per address, CORS-open for reading; the
same published-only querysets and register filters as the public pages.
"""
