"""What 제63조 asks to be recorded beyond the sheet: opinions (①1), related documents (①2) and
meetings (②), each a row of one sheet (listed in ``projects.parts``), so every change of them is
written through the door, versioned and restorable with the sheet.

Stored files are never deleted with their rows: a revert of the sheet must find the file the
document had, and a document, once recorded, is part of the record.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from ..querysets import DocumentQuerySet, MeetingQuerySet
from .register import Department, Official, PolicyProject

#: A document dated more than this many years before its project's registration year is
#: almost certainly a typing error (2103 → 2013); older background documents go in 기타 with a
#: later date of collection.
DOCUMENT_YEARS_BEFORE_REGISTRATION = 5


class OpinionKind(models.Model):
    """관련자 의견의 구분: an editable list, like the selection criteria (찬성, 반대, 수정 의견, 기타)."""

    name = models.CharField(
        "구분", max_length=30, unique=True, help_text="예: 찬성, 반대, 수정 의견, 기타",
        error_messages={"unique": "같은 이름의 의견 구분이 이미 있습니다."},
    )
    order = models.PositiveSmallIntegerField("표시 순서", default=0, help_text="작을수록 앞에 표시. 예: 1")

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "의견 구분"
        verbose_name_plural = "의견 구분"

    def __str__(self):
        return self.name


class Opinion(models.Model):
    """관련자 의견 (제63조 ①1): what a named official said about a phase, in the position held then."""

    phase = models.ForeignKey(
        "timeline.Phase", models.CASCADE, related_name="opinions", verbose_name="추진내용",
        help_text="의견이 나온 추진단계. 예: '21. 8. ~ '21. 10. 「중구 1인가구 지원 조례」수립",
    )
    official = models.ForeignKey(
        Official, models.PROTECT, related_name="opinions", verbose_name="의견 제시자",
        help_text="의견을 낸 사람. 예: 이수정",
    )
    position_then = models.CharField(
        "당시 직위", max_length=50, help_text="의견을 낼 때의 소속·직위. 예: 복지정책과장",
    )
    date = models.DateField("의견 일자", help_text="예: 2021-08-17")
    kind = models.ForeignKey(
        OpinionKind, models.PROTECT, related_name="opinions", verbose_name="구분",
        help_text="예: 찬성",
    )
    text = models.TextField(
        "의견 내용", max_length=4000,
        help_text="기록된 그대로. 예: 1인가구 지원 조례 제정 시 사회적 고립 예방 조항을 포함할 것",
    )

    class Meta:
        ordering = ["date", "id"]
        verbose_name = "관련자 의견"
        verbose_name_plural = "관련자 의견"
        constraints = [
            models.CheckConstraint(
                condition=~Q(text=""), name="opinion_text_not_empty",
                violation_error_message="의견 내용을 입력하세요.",
            ),
        ]

    def __str__(self):
        return f"{self.official.name} {self.position_then} ({self.date:%Y. %-m. %-d.})"


class Meeting(models.Model):
    """회의 (제63조 ②): when and where, who attended, who said what, what was decided and voted."""

    phase = models.ForeignKey(
        "timeline.Phase", models.CASCADE, related_name="meetings", verbose_name="추진내용",
        help_text="회의를 연 추진단계. 예: '21. 8. ~ '21. 10. 「중구 1인가구 지원 조례」수립",
    )
    name = models.CharField(
        "회의명", max_length=200, help_text="예: 1인가구 지원 유관부서장 회의",
    )
    held_at = models.DateTimeField("일시", help_text="예: 2021-09-14 14:00")
    place = models.CharField("장소", max_length=200, help_text="예: 중구청 기획상황실")
    decision = models.TextField(
        "결정사항", max_length=4000, blank=True,
        help_text="예: 부서별 1인가구 지원사업을 복지정책과가 총괄 관리",
    )
    votes_for = models.PositiveSmallIntegerField(
        "표결: 찬성", null=True, blank=True, help_text="표결하지 않았으면 세 칸 모두 비워 두세요. 예: 7",
    )
    votes_against = models.PositiveSmallIntegerField(
        "표결: 반대", null=True, blank=True, help_text="예: 1",
    )
    votes_abstain = models.PositiveSmallIntegerField(
        "표결: 기권", null=True, blank=True, help_text="예: 0",
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["held_at", "id"]
        verbose_name = "회의"
        verbose_name_plural = "회의"
        constraints = [
            models.CheckConstraint(
                condition=Q(votes_for__isnull=True, votes_against__isnull=True,
                            votes_abstain__isnull=True)
                | Q(votes_for__isnull=False, votes_against__isnull=False,
                    votes_abstain__isnull=False),
                name="meeting_votes_all_or_none",
                violation_error_message="표결 결과는 찬성·반대·기권을 모두 입력하거나 모두 비워 두세요.",
            ),
            models.CheckConstraint(
                condition=~Q(name=""), name="meeting_name_not_empty",
                violation_error_message="회의명을 입력하세요.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("meeting_detail", kwargs={
            "number": self.phase.project.registration_number, "pk": self.pk})

    @property
    def was_voted(self) -> bool:
        return self.votes_for is not None


class MeetingAttendee(models.Model):
    """참석자: a registered official, or an outsider by name and affiliation."""

    meeting = models.ForeignKey(
        Meeting, models.CASCADE, related_name="attendees", verbose_name="회의",
    )
    order = models.PositiveSmallIntegerField("순서", default=0)
    official = models.ForeignKey(
        Official, models.PROTECT, null=True, blank=True, related_name="meetings_attended",
        verbose_name="관련자", help_text="등록된 관련자이면 고르세요. 예: 이수정",
    )
    name = models.CharField(
        "성명(외부 참석자)", max_length=50, blank=True,
        help_text="관련자로 등록되지 않은 사람만. 예: 김민수",
    )
    affiliation = models.CharField(
        "소속(외부 참석자)", max_length=100, blank=True, help_text="예: 1인가구 정책지원단",
    )
    role = models.CharField(
        "직위·역할", max_length=50, blank=True, help_text="회의에서의 역할이나 당시 직위. 예: 위원장, 과장",
    )

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "참석자"
        verbose_name_plural = "참석자"
        constraints = [
            models.CheckConstraint(
                condition=Q(official__isnull=False, name="", affiliation="")
                | Q(official__isnull=True) & ~Q(name="") & ~Q(affiliation=""),
                name="attendee_official_or_outsider",
                violation_error_message="참석자는 관련자를 고르거나, 외부 참석자의 성명과 소속을 "
                "입력하세요(둘 중 하나만).",
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.official.name if self.official_id else self.name

    @property
    def affiliation_name(self) -> str:
        return self.official.affiliation_name if self.official_id else self.affiliation


class MeetingRemark(models.Model):
    """주요 발언: who said what, in the order it was said."""

    meeting = models.ForeignKey(
        Meeting, models.CASCADE, related_name="remarks", verbose_name="회의",
    )
    order = models.PositiveSmallIntegerField("순서", default=0)
    official = models.ForeignKey(
        Official, models.PROTECT, null=True, blank=True, related_name="meeting_remarks",
        verbose_name="발언자(관련자)", help_text="등록된 관련자이면 고르세요. 예: 이수정",
    )
    speaker_name = models.CharField(
        "발언자(외부)", max_length=100, blank=True,
        help_text="관련자로 등록되지 않은 발언자의 성명과 소속. 예: 김민수(1인가구 정책지원단)",
    )
    text = models.TextField("발언 내용", max_length=4000, help_text="예: 공유부엌 운영 시간을 저녁까지 늘려야 합니다.")

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "주요 발언"
        verbose_name_plural = "주요 발언"
        constraints = [
            models.CheckConstraint(
                condition=Q(official__isnull=False, speaker_name="")
                | Q(official__isnull=True) & ~Q(speaker_name=""),
                name="remark_has_one_speaker",
                violation_error_message="발언자는 관련자를 고르거나 외부 발언자 이름을 입력하세요(둘 중 하나만).",
            ),
            models.CheckConstraint(
                condition=~Q(text=""), name="remark_text_not_empty",
                violation_error_message="발언 내용을 입력하세요.",
            ),
        ]

    def __str__(self):
        return f"{self.speaker}: {self.text[:30]}"

    @property
    def speaker(self) -> str:
        return self.official.name if self.official_id else self.speaker_name


class Document(models.Model):
    """관련 자료 (제63조 ①2): a plan, report or meeting paper of the project, as a file or a link.

    Disclosure follows 「공공기관의 정보공개에 관한 법률」: 부분공개 and 비공개 name the ground of
    its 제9조 제1항. A 비공개 document is listed (that it exists is itself on the record) but is
    never served.
    """

    class Kind(models.TextChoices):
        PLAN = "plan", "계획서"
        REPORT = "report", "보고서"
        MEETING = "meeting", "회의자료"
        HEARING = "hearing", "공청회·세미나 자료"
        PRESS = "press", "보도자료"
        RESEARCH = "research", "연구·용역 결과"
        OTHER = "other", "기타"

    class Disclosure(models.TextChoices):
        OPEN = "open", "공개"
        PARTIAL = "partial", "부분공개"
        CLOSED = "closed", "비공개"

    class Ground(models.TextChoices):
        """정보공개법 제9조 제1항 각 호."""

        LAW = "1", "제1호: 다른 법령에 따른 비밀·비공개 정보"
        SECURITY = "2", "제2호: 국가안전보장·국방·통일·외교관계"
        SAFETY = "3", "제3호: 국민의 생명·신체·재산 보호"
        JUSTICE = "4", "제4호: 재판·범죄 수사 등"
        PROCESS = "5", "제5호: 감사·인사관리·의사결정 과정 또는 내부검토 중인 사항"
        PRIVACY = "6", "제6호: 개인정보(사생활의 비밀·자유)"
        BUSINESS = "7", "제7호: 법인·단체·개인의 경영상·영업상 비밀"
        SPECULATION = "8", "제8호: 부동산 투기·매점매석 우려"

    project = models.ForeignKey(
        PolicyProject, models.CASCADE, related_name="documents", verbose_name="사업",
    )
    phase = models.ForeignKey(
        "timeline.Phase", models.SET_NULL, null=True, blank=True, related_name="documents",
        verbose_name="추진내용", help_text="특정 추진단계의 자료이면 고르세요(비워 두면 사업 전체의 자료).",
    )
    meeting = models.ForeignKey(
        Meeting, models.SET_NULL, null=True, blank=True, related_name="documents",
        verbose_name="관련 회의", help_text="회의에서 다룬 자료이면 그 회의를 고르세요. 예: 1인가구 지원 유관부서장 회의",
    )
    title = models.CharField(
        "자료명", max_length=200, help_text="예: 중구 1인가구 지원대책 추진방향 방침",
    )
    kind = models.CharField("자료 구분", max_length=10, choices=Kind.choices, help_text="예: 계획서")
    date = models.DateField("생산일자", help_text="예: 2021-08-20")
    department = models.ForeignKey(
        Department, models.PROTECT, related_name="documents", verbose_name="생산 부서",
        help_text="예: 복지정책과",
    )
    document_number = models.CharField(
        "문서번호", max_length=50, blank=True, help_text="예: 복지정책과-12345",
    )
    disclosure = models.CharField(
        "공개 구분", max_length=10, choices=Disclosure.choices, default=Disclosure.OPEN,
        help_text="예: 공개",
    )
    ground = models.CharField(
        "비공개 근거", max_length=2, choices=Ground.choices, blank=True,
        help_text="부분공개·비공개이면 「공공기관의 정보공개에 관한 법률」 제9조 제1항의 호를 고르세요. 예: 제6호",
    )
    file = models.FileField(
        "파일", upload_to="documents/%Y/%m/", blank=True, max_length=255,
        help_text="PDF, HWP, HWPX, DOCX, XLSX, PPTX, ODT 또는 이미지(PNG, JPEG, GIF), 20MB 이하. "
        "파일 대신 주소를 적어도 됩니다. 예: 방침.pdf",
    )
    file_type = models.CharField(
        "파일 형식", max_length=10, blank=True, editable=False,
        help_text="올릴 때 내용으로 확인한 형식(projects.uploads). 예: pdf",
    )
    url = models.URLField(
        "주소", max_length=500, blank=True,
        help_text="파일 대신 자료가 있는 곳. 예: https://www.open.go.kr/othicInfo/infoList/orginlInfoDetail.do",
    )

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["date", "id"]
        verbose_name = "관련 자료"
        verbose_name_plural = "관련 자료"
        constraints = [
            models.CheckConstraint(
                condition=Q(disclosure="open", ground="")
                | Q(disclosure__in=["partial", "closed"]) & ~Q(ground=""),
                name="document_ground_when_not_open",
                violation_error_message="부분공개·비공개 자료는 비공개 근거(정보공개법 제9조 제1항)를 "
                "고르고, 공개 자료는 비워 두세요.",
            ),
            models.CheckConstraint(
                condition=Q(file="") & ~Q(url="") | ~Q(file="") & Q(url=""),
                name="document_file_or_url",
                violation_error_message="파일을 올리거나 주소를 적으세요(둘 중 하나만).",
            ),
            models.CheckConstraint(
                condition=~Q(title=""), name="document_title_not_empty",
                violation_error_message="자료명을 입력하세요.",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        """The download (files) — a link document is simply its ``url``."""
        return reverse("document_download", kwargs={
            "number": self.project.registration_number, "pk": self.pk})

    @property
    def is_served(self) -> bool:
        """Whether citizens may download it: a stored file, not 비공개."""
        return bool(self.file) and self.disclosure != self.Disclosure.CLOSED

    def clean(self):
        errors = {}
        project = self.project if self.project_id else None
        if self.phase_id and project and self.phase.project_id != project.pk:
            errors["phase"] = "이 사업의 추진내용만 고를 수 있습니다."
        if self.meeting_id and project and self.meeting.phase.project_id != project.pk:
            errors["meeting"] = "이 사업의 회의만 고를 수 있습니다."
        if self.date and project:
            earliest = project.registration_year - DOCUMENT_YEARS_BEFORE_REGISTRATION
            if self.date.year < earliest:
                errors["date"] = (
                    f"생산일자가 등록연도({project.registration_year}년)보다 "
                    f"{DOCUMENT_YEARS_BEFORE_REGISTRATION}년 넘게 앞섭니다({self.date:%Y. %-m. %-d.}). "
                    f"{earliest}년 이후의 날짜인지 확인하세요."
                )
        if errors:
            raise ValidationError(errors)
