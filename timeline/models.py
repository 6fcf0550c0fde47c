"""<주요 추진내용 및 사업관련자>: the phases of a project, their bullets and their people."""

from django.db import models
from django.db.models import F, Q

from projects.models import Official, PolicyProject
from projects.months import first_of_month, phase_period


class Phase(models.Model):
    """One row of the phase table: what was done, when, and by whom."""

    project = models.ForeignKey(
        PolicyProject, models.CASCADE, related_name="phases", verbose_name="사업",
    )
    order = models.PositiveSmallIntegerField("순서", default=0)
    heading = models.CharField(
        "제목", max_length=200, blank=True,
        help_text="있으면 항목 앞에 표시됩니다. 예: 「1인가구 소통공간」 조성",
    )
    # Shown under every phase of the form: what to type, never a period that looks like this one's.
    started_on = models.DateField(
        "시작월", help_text="추진기간이 시작된 달을 연-월(YYYY-MM)로 입력합니다. 예를 들어 2024년 3월이면 2024-03",
    )
    ended_on = models.DateField(
        "종료월", null=True, blank=True,
        help_text="추진기간이 끝난 달을 연-월(YYYY-MM)로 입력합니다. 비워 두면 진행 중입니다. 예를 들어 2024년 12월이면 2024-12",
    )

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "주요 추진내용"
        verbose_name_plural = "주요 추진내용 및 사업관련자"
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="phase_ends_after_start",
                violation_error_message="추진기간의 종료월은 시작월보다 빠를 수 없습니다.",
            ),
        ]

    def __str__(self):
        return f"{self.period_display} {self.heading}".strip()

    def save(self, *args, **kwargs):
        self.started_on = first_of_month(self.started_on)
        self.ended_on = first_of_month(self.ended_on)
        super().save(*args, **kwargs)

    @property
    def period_display(self) -> str:
        return phase_period(self.started_on, self.ended_on)


class PhaseItem(models.Model):
    class Level(models.IntegerChoices):
        ITEM = 1, "▶ 항목"
        DETAIL = 2, "· 세부항목"

    phase = models.ForeignKey(Phase, models.CASCADE, related_name="items", verbose_name="추진내용")
    order = models.PositiveSmallIntegerField("순서", default=0)
    level = models.PositiveSmallIntegerField("수준", choices=Level.choices, default=Level.ITEM)
    text = models.CharField(
        "내용", max_length=500, help_text="예: 1인가구 소통공간 <놀다가> 개소 및 운영 : '23. 1. 28.",
    )

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "추진내용 항목"
        verbose_name_plural = "추진내용 항목"
        constraints = [
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=2), name="phase_item_level_in_range",
                violation_error_message="추진내용의 수준은 ▶ 또는 · 이어야 합니다.",
            ),
        ]

    def __str__(self):
        return f"{self.get_level_display()[0]} {self.text}"


class PhaseOfficial(models.Model):
    """사업관련자: a person and the position they held in that phase (이수정 과장)."""

    phase = models.ForeignKey(
        Phase, models.CASCADE, related_name="officials", verbose_name="추진내용",
    )
    order = models.PositiveSmallIntegerField("순서", default=0)
    official = models.ForeignKey(
        Official, models.PROTECT, related_name="phase_roles", verbose_name="사업관련자",
    )
    position = models.CharField("직위", max_length=30, help_text="예: 과장, 팀장, 주무관")

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "사업관련자"
        verbose_name_plural = "사업관련자"

    def __str__(self):
        return f"{self.official.name} {self.position}"
