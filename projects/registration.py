"""The 등록번호 (registration number) as the agency wrote it: ``2023-13``, ``2024-05``.

Plain Python, no Django: the parser, the admin, the importer, the URLs and the search all read a
number through :func:`parse`, so they cannot disagree. A number keeps the text the agency wrote
(``2024-05`` stays ``2024-05``) and carries its year and sequence beside it for ordering and
uniqueness: ``2024-05`` and ``2024-5`` are the same registration.
"""

import re
from dataclasses import dataclass

YEAR_MIN, YEAR_MAX = 1990, 2100
SEQ_MAX = 9999
#: Four ASCII digits, a hyphen, one to four ASCII digits. Spaces around the hyphen are tolerated
#: on input (``2023 - 13``) and dropped; full-width digits and anything else are refused.
_NUMBER = re.compile(r"\s*(\d{4})\s*-\s*(\d{1,4})\s*", re.ASCII)

FORMAT_MESSAGE = "등록번호는 '2023-13'이나 '2024-05'처럼 연도 네 자리, 붙임표(-), 순번으로 적어야 합니다."


class RegistrationNumberError(ValueError):
    """Why a text is not a registration number (Korean, shown to staff as it is)."""


@dataclass(frozen=True)
class RegistrationNumber:
    """A registration number: the text as written, and the year and sequence it stands for."""

    text: str
    year: int
    seq: int

    def __str__(self) -> str:
        return self.text

    @property
    def key(self) -> tuple[int, int]:
        """What makes two numbers the same registration (``2024-05`` == ``2024-5``)."""
        return (self.year, self.seq)


def parse(text: str | None) -> RegistrationNumber:
    """``"2024-05"`` → RegistrationNumber("2024-05", 2024, 5); anything else raises
    :class:`RegistrationNumberError` with a Korean message."""
    match = _NUMBER.fullmatch(text or "")
    if not match:
        raise RegistrationNumberError(FORMAT_MESSAGE)
    year, seq = int(match[1]), int(match[2])
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise RegistrationNumberError(
            f"등록번호의 연도 {year}은(는) 받을 수 있는 연도({YEAR_MIN}~{YEAR_MAX})가 아닙니다."
        )
    if not 1 <= seq <= SEQ_MAX:
        raise RegistrationNumberError("등록번호의 순번은 1 이상이어야 합니다.")
    return RegistrationNumber(f"{match[1]}-{match[2]}", year, seq)


def parse_or_none(text: str | None) -> RegistrationNumber | None:
    """:func:`parse`, with None for anything that is not a number (URLs, search words)."""
    try:
        return parse(text)
    except RegistrationNumberError:
        return None
