"""django-axes' backend, for logins that come with a request (the admin login form).

``authenticate()`` called without a request — the shell, a management command, the test
client's ``login()`` — has no client address to throttle; axes would raise, so this backend
steps aside and lets ``ModelBackend`` decide. Every login over HTTP passes a request and is
throttled as usual.
"""

from axes.backends import AxesStandaloneBackend


class LoginThrottleBackend(AxesStandaloneBackend):
    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)
