"""The register: departments, officials, selection criteria, projects and their ⑤ ⑥ rows."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from .. import registration
from ..months import first_of_month, project_period
from ..querysets import PolicyProjectQuerySet
from ..registration import YEAR_MAX, YEAR_MIN


class Department(models.Model):
    name = models.CharField(
        "부서명", max_length=100, unique=True, help_text="사업을 맡은 부서. 예: 복지정책과",
        error_messages={"unique": "같은 이름의 부서가 이미 있습니다."},
    )
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="departments",
        verbose_name="담당 직원",
        help_text="이 부서의 사업내역서를 등록·수정할 수 있는 직원(사업부서 담당자). 예: 복지정책과 서민경",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "사업부서"
        verbose_name_plural = "사업부서"
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="department_name_not_empty"),
        ]

    def __str__(self):
        return self.name


class Official(models.Model):
    """A person named on sheets. Names repeat, so a person is a row, never matched by name alone."""

    name = models.CharField("성명", max_length=50, help_text="예: 이춘배")
    department = models.ForeignKey(
        Department, models.PROTECT, null=True, blank=True, related_name="officials",
        verbose_name="소속 부서", help_text="구청 직원이면 부서를 고르세요. 예: 복지정책과",
    )
    affiliation = models.CharField(
        "외부 소속", max_length=100, blank=True,
        help_text="구청 밖의 사람이면 소속을 적으세요. 예: ○○건축사사무소, 1인가구 정책지원단",
    )

    class Meta:
        ordering = ["name", "id"]
        verbose_name = "관련자"
        verbose_name_plural = "관련자"
        constraints = [
            models.CheckConstraint(
                condition=~Q(name=""), name="official_name_not_empty",
                violation_error_message="성명을 입력하세요.",
            ),
            models.CheckConstraint(
                condition=Q(department__isnull=False, affiliation="")
                | Q(department__isnull=True) & ~Q(affiliation=""),
                name="official_has_one_affiliation",
                violation_error_message="소속 부서와 외부 소속 중 하나만 입력하세요.",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.affiliation_name})"

    def get_absolute_url(self) -> str:
        return reverse("official_detail", kwargs={"pk": self.pk})

    @property
    def affiliation_name(self) -> str:
        return self.department.name if self.department_id else self.affiliation


class SelectionCriterion(models.Model):
    """⑦ 선정기준: an editable list, since agencies word the standard criteria differently."""

    short_name = models.CharField(
        "약칭", max_length=50, unique=True,
        help_text="사업내역서에 표시되는 이름. 예: 구정주요현안",
        error_messages={"unique": "같은 약칭의 선정기준이 이미 있습니다."},
    )
    description = models.CharField(
        "선정기준 전문", max_length=200, help_text="예: 주요 구정현안 사업",
    )
    order = models.PositiveSmallIntegerField("표시 순서", default=0, help_text="작을수록 앞에 표시")

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "선정기준"
        verbose_name_plural = "선정기준"

    def __str__(self):
        return self.short_name


class PolicyProject(models.Model):
    class Status(models.TextChoices):
        ONGOING = "ongoing", "진행중"
        COMPLETED = "completed", "완료"
        SUSPENDED = "suspended", "중단"

    registration_number = models.CharField(
        "등록번호", max_length=12,
        help_text="사업내역서에 적힌 그대로(연도-순번). 예: 2023-13, 2024-05",
    )
    registration_year = models.PositiveSmallIntegerField(
        "등록연도", editable=False, help_text="등록번호에서 읽은 연도(정렬·중복 확인용). 예: 2023",
    )
    registration_seq = models.PositiveSmallIntegerField(
        "등록순번", editable=False,
        help_text="등록번호에서 읽은 순번(정렬·중복 확인용). 2024-05와 2024-5는 같은 번호입니다. 예: 5",
    )
    title = models.CharField("정책사업명", max_length=200, help_text="예: 1인가구도 행복한 중구 조성")
    department = models.ForeignKey(
        Department, models.PROTECT, related_name="projects", verbose_name="사업부서",
    )
    status = models.CharField(
        "추진상태", max_length=10, choices=Status.choices, default=Status.ONGOING,
        help_text="정책사업명 뒤 괄호에 표시됩니다. 예: 진행중",
    )
    background = models.TextField(
        "추진배경", max_length=2000, blank=True,
        help_text="예: 급속한 1인가구 증가로 대상별 특성을 고려한 맞춤형 대응 필요",
    )
    selection_criterion = models.ForeignKey(
        SelectionCriterion, models.PROTECT, related_name="projects", verbose_name="선정기준",
    )
    started_on = models.DateField("사업 시작월", help_text="사업기간 2021. 7월 ~ 계속 이면 2021-07")
    ended_on = models.DateField(
        "사업 종료월", null=True, blank=True, help_text="비워 두면 '계속'. 예: 2025-02",
    )
    published_at = models.DateTimeField(
        "공개일시", null=True, blank=True,
        help_text="지금 공개 중이면 공개한 때. 비어 있으면 시민에게 공개되지 않습니다. 예: 2023-03-02 09:00",
    )
    first_published_at = models.DateTimeField(
        "최초 공개일시", null=True, blank=True, editable=False,
        help_text="처음 공개한 때. 한 번 공개한 사업은 기록으로 남아 삭제할 수 없습니다. 예: 2023-03-02 09:00",
    )
    withdrawn_at = models.DateTimeField(
        "공개 철회일시", null=True, blank=True, editable=False,
        help_text="공개를 철회한 때. 다시 공개하면 비워집니다. 예: 2024-01-15 14:00",
    )
    withdrawal_reason = models.CharField(
        "철회 사유", max_length=200, blank=True, editable=False,
        help_text="공개를 철회한 이유. 예: 사업 내용 재검토",
    )
    created_at = models.DateTimeField("최초 등록일", auto_now_add=True)
    updated_at = models.DateTimeField(
        "최종 수정일", default=timezone.now, editable=False,
        help_text="사업내역서 내용이 마지막으로 바뀐 때(바뀐 것 없이 저장하면 그대로). 예: 2024-01-15 14:00",
    )
    version = models.PositiveIntegerField("버전", default=1, editable=False)
    search_text = models.TextField(
        "검색용 본문", blank=True, default="", editable=False,
        help_text="정책사업명·추진배경·사업개요·추진내용·관련자 성명을 모은 검색용 사본 "
        "(projects.search.refresh_search_text가 채웁니다). 예: 1인가구도 행복한 중구 조성 …",
    )
    search_grams = models.TextField(
        "검색용 짧은 낱말", blank=True, default="", editable=False,
        help_text="검색용 본문의 낱말 속 한 글자부터 네 글자까지의 조각 (1~4음절 검색용 색인). "
        "예: 1 1인 1인가 1인가구 인 인가 …",
    )

    objects = PolicyProjectQuerySet.as_manager()

    class Meta:
        ordering = ["-registration_year", "-registration_seq"]
        verbose_name = "중점관리 대상사업"
        verbose_name_plural = "중점관리 대상사업"
        permissions = [
            ("publish_policyproject", "사업내역서를 공개·철회할 수 있음"),
            ("change_any_department", "모든 부서의 사업내역서를 편집할 수 있음"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["registration_year", "registration_seq"],
                name="unique_registration_number",
            ),
            models.CheckConstraint(
                condition=Q(registration_year__gte=YEAR_MIN, registration_year__lte=YEAR_MAX),
                name="registration_year_in_range",
                violation_error_message=f"등록연도는 {YEAR_MIN}년부터 {YEAR_MAX}년 사이여야 합니다.",
            ),
            models.CheckConstraint(
                condition=Q(registration_seq__gte=1), name="registration_seq_positive",
                violation_error_message="등록순번은 1 이상이어야 합니다.",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="project_ends_after_start",
                violation_error_message="사업 종료월은 시작월보다 빠를 수 없습니다.",
            ),
        ]

    def __str__(self):
        return f"{self.registration_number} {self.title}"

    def save(self, *args, **kwargs):
        """The year and sequence are read from the number as written; periods are months.

        ``version`` is not moved here: the write door (``projects.writing``) moves it once per
        real change of the whole sheet, whatever rows that change touched.
        """
        number = registration.parse(self.registration_number)
        self.registration_number = number.text
        self.registration_year, self.registration_seq = number.key
        self.started_on = first_of_month(self.started_on)
        self.ended_on = first_of_month(self.ended_on)
        if self.published_at:  # the admin edits to the second: keep what it shows
            self.published_at = self.published_at.replace(microsecond=0)
            self.first_published_at = self.first_published_at or self.published_at
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        """The public sheet page (404 there while unpublished)."""
        return reverse("sheet_detail", args=[self.registration_number])

    @property
    def period_display(self) -> str:
        return project_period(self.started_on, self.ended_on)

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def was_ever_published(self) -> bool:
        """Once citizens have seen a sheet it is a public record: it may be withdrawn, not deleted."""
        return self.published_at is not None or self.first_published_at is not None

    @property
    def publication_state(self) -> str:
        if self.is_published:
            return "공개"
        return "공개 철회" if self.withdrawn_at else "비공개(초안)"

    def clean_fields(self, exclude=None):
        """The number must parse; its year and sequence are then known to the unique check."""
        errors = {}
        try:
            number = registration.parse(self.registration_number)
        except registration.RegistrationNumberError as error:
            errors["registration_number"] = [str(error)]
        else:
            self.registration_number = number.text
            self.registration_year, self.registration_seq = number.key
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = {**error.update_error_dict({}), **errors}
        if errors:
            raise ValidationError(errors)

    def validate_unique(self, exclude=None):
        """``2024-5`` is refused while ``2024-05`` is registered: the same year and sequence.

        Forms leave the derived year and sequence out of their checks (they are not form
        fields), so the unique constraint on them is checked here too; the message is the one
        :meth:`unique_error_message` gives when the constraint itself is checked.
        """
        super().validate_unique(exclude=exclude)
        if "registration_year" not in (exclude or ()) or self.registration_year is None:
            return
        if PolicyProject.objects.filter(
            registration_year=self.registration_year, registration_seq=self.registration_seq,
        ).exclude(pk=self.pk).exists():
            raise ValidationError({"registration_number": self.unique_error_message(
                PolicyProject, ("registration_year", "registration_seq"),
            )})

    def unique_error_message(self, model_class, unique_check):
        if tuple(unique_check) == ("registration_year", "registration_seq"):
            same = PolicyProject.objects.filter(
                registration_year=self.registration_year, registration_seq=self.registration_seq,
            ).exclude(pk=self.pk).values_list("registration_number", flat=True).first()
            if same in (None, self.registration_number):
                return ValidationError(
                    "등록번호 %(number)s은(는) 이미 등록되어 있습니다. 등록번호를 확인하세요.",
                    code="unique_registration_number", params={"number": self.registration_number},
                )
            return ValidationError(
                "등록번호 %(number)s은(는) 이미 %(same)s(으)로 등록되어 있습니다(연도와 순번이 "
                "같으면 같은 등록번호입니다). 등록번호를 확인하세요.",
                code="unique_registration_number",
                params={"number": self.registration_number, "same": same},
            )
        return super().unique_error_message(model_class, unique_check)


class ProjectOfficial(models.Model):
    """⑥ 담당자: who answers for the project, in the order the sheet lists them."""

    project = models.ForeignKey(
        PolicyProject, models.CASCADE, related_name="project_officials", verbose_name="사업",
    )
    order = models.PositiveSmallIntegerField("순서", default=0)
    role_label = models.CharField(
        "직위 표시", max_length=50, help_text="성명 앞에 표시됩니다. 예: 복지정책과장, 담당 행정6급",
    )
    official = models.ForeignKey(
        Official, models.PROTECT, related_name="project_roles", verbose_name="담당자",
    )

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "⑥ 담당자"
        verbose_name_plural = "⑥ 담당자"

    def __str__(self):
        return f"{self.role_label} {self.official.name}"


class OutlineItem(models.Model):
    """⑤ 사업개요 as a flat ordered list with levels; templates nest it."""

    class Level(models.IntegerChoices):
        SECTION = 0, "□ 항목"
        ITEM = 1, "○ 세부항목"
        DETAIL = 2, "- 하위항목"

    project = models.ForeignKey(
        PolicyProject, models.CASCADE, related_name="outline_items", verbose_name="사업",
    )
    order = models.PositiveSmallIntegerField("순서", default=0)
    level = models.PositiveSmallIntegerField("수준", choices=Level.choices, default=Level.SECTION)
    text = models.CharField(
        "내용", max_length=500, help_text="예: 「1인가구 소통공간」 조성·운영",
    )

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "⑤ 사업개요 항목"
        verbose_name_plural = "⑤ 사업개요"
        constraints = [
            models.CheckConstraint(
                condition=Q(level__lte=2), name="outline_level_in_range",
                violation_error_message="사업개요의 수준은 □, ○, - 중 하나여야 합니다.",
            ),
        ]

    def __str__(self):
        return f"{self.get_level_display()[0]} {self.text}"
