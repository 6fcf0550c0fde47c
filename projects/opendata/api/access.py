"""Who may do what on the API: anyone may read, at a limited rate; nobody may write.

Kept apart from the views: REST framework imports these classes while it loads its own views.
"""

from django.conf import settings
from django.core.cache import caches
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.throttling import AnonRateThrottle


class ReadOnly(BasePermission):
    """GET, HEAD and OPTIONS only (the views accept nothing else: 405 before this)."""

    message = "이 API는 읽기 전용입니다."

    def has_permission(self, request, view):
        return request.method in SAFE_METHODS


class AnonymousThrottle(AnonRateThrottle):
    """Requests per client address, at ``settings.API_ANON_RATE`` (read each time, so a
    deployment or a test can change it), counted in the shared ``limits`` cache so the limit
    holds whichever worker or server answers."""

    @property
    def cache(self):
        return caches["limits"]

    def get_rate(self):
        return settings.API_ANON_RATE
