"""django-axes under a Korean name in the admin. Its models and messages are translated in
locale/ko/LC_MESSAGES/django.po; an app's name and the titles of two columns drawn from method
names are not translatable strings, so they are set here."""

from axes.apps import AppConfig


class AxesConfig(AppConfig):
    verbose_name = "로그인 제한"

    def ready(self):
        super().ready()
        from axes.admin import AccessAttemptAdmin

        AccessAttemptAdmin.status.short_description = "상태"
        AccessAttemptAdmin.expiration.short_description = "만료 일시"
