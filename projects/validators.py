"""Rules that span rows: the levels of an ordered list of bullets (⑤ 사업개요, phase items)."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError


def validate_level_sequence(levels: Iterable[int], *, top: int, label: str) -> None:
    """A bullet may go at most one level deeper than the bullet before it.

    The first bullet must be at the top level; after that an outline can jump back up any number
    of levels but never skip one on the way down (□ → - without a ○ would print a sub-item with
    no parent on the sheet).
    """
    previous = top - 1
    for position, level in enumerate(levels, start=1):
        if level > previous + 1:
            raise ValidationError(
                "%(label)s %(position)d번째 항목의 수준이 앞 항목보다 두 단계 이상 깊습니다. "
                "수준은 한 번에 한 단계씩만 내려갈 수 있습니다.",
                code="level_jump",
                params={"label": label, "position": position},
            )
        previous = level
