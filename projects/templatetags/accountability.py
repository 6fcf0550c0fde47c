"""Template filters for the accountability pages."""

from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def duration_ko(value) -> str:
    """``timedelta(hours=1, minutes=30)`` → ``1시간 30분`` (a lock-out's length, for staff)."""
    if not isinstance(value, timedelta):
        return ""
    minutes = int(value.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    parts = [f"{hours}시간"] if hours else []
    if minutes or not parts:
        parts.append(f"{minutes}분")
    return " ".join(parts)
