"""Who answers for the 정책실명제 and how projects were chosen: shown on ``/about/``, edited by the
정책실명제 총괄 in the admin (never written into a template)."""

from django.db import models
from django.db.models import Q

from .register import PolicyProject


class AccountableOfficer(models.Model):
    """정책실명제 책임관 (and the staff who answer with them), with a contact for citizens."""

    name = models.CharField("성명", max_length=50, help_text="예: 김중구")
    position = models.CharField("직위", max_length=50, help_text="예: 기획예산과장")
    department = models.CharField("부서", max_length=100, help_text="예: 기획예산과")
    phone = models.CharField("전화번호", max_length=30, help_text="예: 02-3396-4000")
    role = models.CharField(
        "역할", max_length=50, default="정책실명제 책임관",
        help_text="예: 정책실명제 책임관, 정책실명제 담당자",
    )
    order = models.PositiveSmallIntegerField("표시 순서", default=0, help_text="작을수록 앞에 표시. 예: 1")

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "정책실명제 책임관"
        verbose_name_plural = "정책실명제 책임관"
        constraints = [
            models.CheckConstraint(
                condition=~Q(name="") & ~Q(phone=""), name="officer_name_and_phone",
                violation_error_message="성명과 전화번호를 입력하세요.",
            ),
        ]

    def __str__(self):
        return f"{self.role} {self.name} ({self.department} {self.position})"


class SelectionReview(models.Model):
    """정책실명제 심의 결과: the meeting that chose a year's 중점관리 대상사업, and what it chose."""

    year = models.PositiveSmallIntegerField("연도", help_text="대상사업을 선정한 연도. 예: 2023")
    held_on = models.DateField("심의일", help_text="예: 2023-03-15")
    body = models.CharField(
        "심의 기구", max_length=100, default="정책실명제 심의위원회",
        help_text="예: 정책실명제 심의위원회",
    )
    summary = models.TextField(
        "심의 결과", max_length=2000, blank=True,
        help_text="예: 신청 사업 25건 중 15건을 중점관리 대상사업으로 선정",
    )
    selected_projects = models.ManyToManyField(
        PolicyProject, blank=True, related_name="selection_reviews", verbose_name="선정 사업",
        help_text="이 심의에서 선정한 사업. 예: 2023-13 1인가구도 행복한 중구 조성",
    )

    class Meta:
        ordering = ["-year", "-held_on"]
        verbose_name = "정책실명제 심의 결과"
        verbose_name_plural = "정책실명제 심의 결과"

    def __str__(self):
        return f"{self.year}년 {self.body} ({self.held_on:%Y. %-m. %-d.})"
