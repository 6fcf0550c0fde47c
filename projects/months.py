"""Month-precision periods, written the way published sheets write them."""

from datetime import date


def first_of_month(value: date | None) -> date | None:
    """Periods on a sheet are months: store them as the first day of the month."""
    return value.replace(day=1) if value else None


def project_period(started_on: date | None, ended_on: date | None) -> str:
    """⑧ 사업기간 as the sheet writes it: ``2021. 7월 ~ 계속`` or ``2024. 3월 ~ 2025. 2월``."""
    if started_on is None:
        return ""
    end = f"{ended_on.year}. {ended_on.month}월" if ended_on else "계속"
    return f"{started_on.year}. {started_on.month}월 ~ {end}"


def phase_period(started_on: date | None, ended_on: date | None) -> str:
    """A phase's 추진기간: ``'21. 8. ~ '21. 10.``; an open end shows as ``'24. 3. ~``."""
    if started_on is None:
        return ""
    start = f"'{started_on.year % 100:02d}. {started_on.month}."
    end = f" '{ended_on.year % 100:02d}. {ended_on.month}." if ended_on else ""
    return f"{start} ~{end}"
