"""국민신청실명제: a citizen asks that a policy be managed under the real-name system.

Since the 2018 amendment of the rules anyone may ask an agency to select a policy as a
중점관리 대상사업. An :class:`Application` is one such request, from its receipt (a 접수번호
``2026-0001``, per year and without gaps) through review to the decision; every change of its
state is logged (:class:`ApplicationStateChange`) and every e-mail the applicant should get is a
recorded :class:`Notification`, so a failed send is retried and never loses the state change.

Writes go through ``projects.applications.services``; nothing here sends mail or moves a state.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from .register import Department, PolicyProject

RECEIPT_YEAR_MIN, RECEIPT_YEAR_MAX = 2000, 2100


def mask_name(name: str) -> str:
    """The applicant's name as the public list shows it: ``홍길동`` → ``홍*동``, ``홍길`` → ``홍*``,
    ``남궁민수`` → ``남**수``. Spaces are dropped first; one character becomes ``*``."""
    letters = "".join(name.split())
    if len(letters) <= 1:
        return "*" if letters else ""
    if len(letters) == 2:
        return letters[0] + "*"
    return letters[0] + "*" * (len(letters) - 2) + letters[-1]


class RejectionReason(models.Model):
    """반려 사유: an editable list, seeded with the statutory reasons (정보공개법상 비공개 대상 등)."""

    name = models.CharField(
        "반려 사유", max_length=100, unique=True,
        help_text="신청인과 공개 목록에 표시됩니다. 예: 신청 내용 불명확",
        error_messages={"unique": "같은 이름의 반려 사유가 이미 있습니다."},
    )
    order = models.PositiveSmallIntegerField("표시 순서", default=0, help_text="작을수록 앞에 표시. 예: 1")

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "반려 사유"
        verbose_name_plural = "반려 사유"
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="rejection_reason_not_empty"),
        ]

    def __str__(self):
        return self.name


class ReceiptCounter(models.Model):
    """The last 접수번호 given in a year. Locked (``select_for_update``) by the transaction that
    takes the next number, so concurrent applications wait for each other and numbers have no
    gaps: a failed submission rolls its increment back with everything else."""

    year = models.PositiveSmallIntegerField("연도", primary_key=True, help_text="예: 2026")
    last_seq = models.PositiveIntegerField("마지막 순번", default=0, help_text="예: 41")

    class Meta:
        verbose_name = "접수번호 발급 현황"
        verbose_name_plural = "접수번호 발급 현황"

    def __str__(self):
        return f"{self.year}년 {self.last_seq}번까지"


class ApplicationQuerySet(models.QuerySet):
    def overdue(self, today=None):
        """Not decided and past the 처리기한."""
        today = today or timezone.localdate()
        return self.filter(due_on__lt=today).exclude(state__in=Application.DECIDED)

    def for_public_list(self):
        return self.select_related("rejection_reason", "created_project")

    def contacts_held(self):
        """Decided applications that still hold the applicant's contact details."""
        return self.filter(decided_at__isnull=False, contact_purged_at__isnull=True)


class Application(models.Model):
    class State(models.TextChoices):
        RECEIVED = "received", "접수"
        REVIEWING = "reviewing", "검토중"
        DELIBERATION = "deliberation", "심의"
        SELECTED = "selected", "선정"
        NOT_SELECTED = "not_selected", "미선정"
        RETURNED = "returned", "반려"

    receipt_number = models.CharField(
        "접수번호", max_length=12, unique=True, editable=False,
        help_text="연도-순번, 해마다 0001부터 빠짐없이. 예: 2026-0001",
    )
    receipt_year = models.PositiveSmallIntegerField("접수연도", editable=False, help_text="예: 2026")
    receipt_seq = models.PositiveIntegerField("접수순번", editable=False, help_text="예: 1")
    received_at = models.DateTimeField("접수일시", default=timezone.now, editable=False,
                                       help_text="예: 2026-03-02 09:00")
    applicant_name = models.CharField(
        "신청인 성명", max_length=50, blank=True,
        help_text="보유기간이 지나면 지워집니다(가린 성명은 남습니다). 예: 홍길동",
    )
    applicant_name_masked = models.CharField(
        "신청인 성명(가림)", max_length=50, editable=False,
        help_text="공개 목록에 표시하는 성명. 예: 홍*동",
    )
    applicant_email = models.EmailField(
        "신청인 전자우편", blank=True,
        help_text="접수·결과 안내를 보내는 주소. 보유기간이 지나면 지워집니다. 예: hong@example.com",
    )
    applicant_phone = models.CharField(
        "신청인 전화번호", max_length=20, blank=True,
        help_text="선택. 보유기간이 지나면 지워집니다. 예: 010-1234-5678",
    )
    policy_title = models.CharField(
        "신청 정책명", max_length=200, help_text="실명제로 관리해 달라는 정책. 예: 중구 공공자전거 확충",
    )
    department = models.ForeignKey(
        Department, models.PROTECT, null=True, blank=True, related_name="applications",
        verbose_name="관련 부서", help_text="선택. 선정하면 이 부서의 사업내역서 초안이 만들어집니다. 예: 교통행정과",
    )
    project = models.ForeignKey(
        PolicyProject, models.PROTECT, null=True, blank=True, related_name="applications",
        verbose_name="관련 등록 사업", help_text="선택. 이미 등록부에 있는 사업에 관한 신청이면. 예: 2023-13",
    )
    reason = models.CharField(
        "신청 이유", max_length=1000,
        help_text="실명제로 관리해야 하는 이유(1,000자 이내). 예: 예산 규모가 크고 주민 생활에 영향이 큽니다.",
    )
    consent = models.BooleanField(
        "개인정보 수집·이용 동의", default=False,
        help_text="신청할 때 동의한 것만 접수됩니다. 예: 동의함",
    )
    retention_days = models.PositiveIntegerField(
        "연락처 보유기간(일)", editable=False,
        help_text="동의할 때 안내한 보유기간: 결정 후 이 일수가 지나면 연락처를 지웁니다. 예: 365",
    )
    state = models.CharField(
        "처리상태", max_length=12, choices=State.choices, default=State.RECEIVED, editable=False,
        help_text="관리 화면의 상태 변경으로만 바뀝니다. 예: 검토중",
    )
    due_on = models.DateField(
        "처리기한", editable=False, help_text="접수일에 정해진 일수를 더한 날. 예: 2026-04-01",
    )
    review_date = models.DateField("심의일", null=True, blank=True, help_text="위원회 심의일. 예: 2026-03-20")
    decision_text = models.TextField(
        "결정 내용", max_length=2000, blank=True,
        help_text="위원회의 결정 내용. 공개 목록에 표시됩니다. 예: 2026년 중점관리 대상사업으로 선정",
    )
    decided_at = models.DateTimeField(
        "결정일시", null=True, blank=True, editable=False,
        help_text="선정·미선정·반려한 때. 연락처 보유기간은 이때부터 셉니다. 예: 2026-03-21 10:00",
    )
    rejection_reason = models.ForeignKey(
        RejectionReason, models.PROTECT, null=True, blank=True, editable=False,
        related_name="applications", verbose_name="반려 사유", help_text="예: 단순 민원",
    )
    rejection_note = models.CharField(
        "반려 사유 설명", max_length=1000, blank=True, editable=False,
        help_text="반려 사유에 덧붙인 설명. 예: 도로 보수 요청은 민원 창구로 안내했습니다.",
    )
    created_project = models.OneToOneField(
        PolicyProject, models.PROTECT, null=True, blank=True, editable=False,
        related_name="source_application", verbose_name="선정으로 만든 사업",
        help_text="선정하면 만들어지는 사업내역서(초안). 공개되면 공개 목록에 연결됩니다. 예: 2026-7",
    )
    contact_purged_at = models.DateTimeField(
        "연락처 파기일시", null=True, blank=True, editable=False,
        help_text="성명·전자우편·전화번호를 지운 때. 예: 2027-03-22 03:00",
    )

    objects = ApplicationQuerySet.as_manager()

    DECIDED = (State.SELECTED, State.NOT_SELECTED, State.RETURNED)

    class Meta:
        ordering = ["-receipt_year", "-receipt_seq"]
        verbose_name = "국민신청"
        verbose_name_plural = "국민신청"
        permissions = [("review_application", "국민신청을 검토·결정하고 신청인 연락처를 볼 수 있음")]
        constraints = [
            models.UniqueConstraint(fields=["receipt_year", "receipt_seq"], name="unique_receipt_number"),
            models.CheckConstraint(
                condition=Q(receipt_year__gte=RECEIPT_YEAR_MIN, receipt_year__lte=RECEIPT_YEAR_MAX),
                name="receipt_year_in_range",
            ),
            models.CheckConstraint(condition=Q(receipt_seq__gte=1), name="receipt_seq_positive"),
            models.CheckConstraint(
                condition=Q(consent=True), name="application_consent_given",
                violation_error_message="개인정보 수집·이용에 동의해야 신청할 수 있습니다.",
            ),
            models.CheckConstraint(
                condition=~Q(policy_title="") & ~Q(reason=""), name="application_title_and_reason",
                violation_error_message="신청 정책명과 신청 이유를 입력하세요.",
            ),
            models.CheckConstraint(
                condition=~Q(state="returned") | Q(rejection_reason__isnull=False),
                name="returned_application_has_reason",
                violation_error_message="반려하려면 반려 사유를 고르세요.",
            ),
            models.CheckConstraint(
                condition=Q(contact_purged_at__isnull=True)
                | Q(applicant_name="", applicant_email="", applicant_phone=""),
                name="purged_application_has_no_contact",
            ),
        ]

    def __str__(self):
        return f"{self.receipt_number} {self.policy_title}"

    def get_absolute_url(self) -> str:
        """Its row on the public list of its year."""
        return reverse("application_list") + f"?year={self.receipt_year}#a-{self.receipt_number}"

    @staticmethod
    def format_number(year: int, seq: int) -> str:
        return f"{year}-{seq:04d}"

    @property
    def is_decided(self) -> bool:
        return self.state in self.DECIDED

    @property
    def is_overdue(self) -> bool:
        return not self.is_decided and self.due_on < timezone.localdate()

    @property
    def contact_expires_at(self):
        """When the contact details must be deleted: the retention period the applicant was told
        in the consent text, counted from the decision (None while undecided)."""
        if self.decided_at is None:
            return None
        return self.decided_at + timedelta(days=self.retention_days)

    @property
    def public_project(self):
        """The sheet made from this application, once it is published (else None)."""
        project = self.created_project
        return project if project is not None and project.is_published else None

    @property
    def public_decision(self) -> str:
        """The decision as the public list and the status page show it."""
        if self.state == self.State.RETURNED:
            parts = [str(self.rejection_reason or ""), self.rejection_note]
            return " — ".join(part for part in parts if part)
        return self.decision_text if self.is_decided else ""


class ApplicationStateChange(models.Model):
    """One change of an application's state: who, when, from → to, and why."""

    application = models.ForeignKey(
        Application, models.CASCADE, related_name="state_changes", verbose_name="국민신청",
    )
    changed_at = models.DateTimeField("변경일시", default=timezone.now, help_text="예: 2026-03-05 14:00")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name="처리자", help_text="비어 있으면 신청인의 접수(시스템). 예: 총괄 담당자 김정책",
    )
    from_state = models.CharField(
        "이전 상태", max_length=12, choices=Application.State.choices, blank=True,
        help_text="접수 때는 비어 있습니다. 예: 접수",
    )
    to_state = models.CharField(
        "바뀐 상태", max_length=12, choices=Application.State.choices, help_text="예: 검토중",
    )
    note = models.CharField("메모", max_length=1000, blank=True, help_text="예: 관련 부서 의견 조회")

    class Meta:
        ordering = ["changed_at", "id"]
        verbose_name = "처리 기록"
        verbose_name_plural = "처리 기록"

    def __str__(self):
        before = self.get_from_state_display() or "신청"
        return f"{before} → {self.get_to_state_display()}"


class Notification(models.Model):
    """An e-mail the applicant should get, recorded before it is sent and retried until it is."""

    class Kind(models.TextChoices):
        RECEIVED = "received", "접수 안내"
        DECIDED = "decided", "결과 안내"

    class Status(models.TextChoices):
        PENDING = "pending", "보내기 전"
        SENT = "sent", "보냄"
        FAILED = "failed", "실패"

    application = models.ForeignKey(
        Application, models.CASCADE, related_name="notifications", verbose_name="국민신청",
    )
    kind = models.CharField("종류", max_length=10, choices=Kind.choices, help_text="예: 접수 안내")
    to = models.EmailField(
        "받는 주소", blank=True, help_text="연락처를 파기하면 지워집니다. 예: hong@example.com",
    )
    subject = models.CharField("제목", max_length=200, help_text="예: [중구 정책실명제] 국민신청 접수 2026-0001")
    body = models.TextField("본문", max_length=5000, help_text="예: 신청하신 내용이 접수되었습니다 …")
    status = models.CharField(
        "상태", max_length=10, choices=Status.choices, default=Status.PENDING, help_text="예: 보냄",
    )
    attempts = models.PositiveSmallIntegerField("보낸 횟수", default=0, help_text="예: 1")
    last_error = models.CharField("마지막 오류", max_length=500, blank=True,
                                  help_text="예: Connection refused")
    created_at = models.DateTimeField("만든 때", default=timezone.now, help_text="예: 2026-03-02 09:00")
    sent_at = models.DateTimeField("보낸 때", null=True, blank=True, help_text="예: 2026-03-02 09:00")

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = "안내 메일"
        verbose_name_plural = "안내 메일"

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display()})"
