"""What the API says about each thing: plain fields, the sheet as nested structured data.

The detail of a project is the whole 사업내역서: ①–⑧, ⑤ as a flat list with levels (0 □, 1 ○,
2 -), ⑥ in order, and the phases with their bullets (1 ▶, 2 ·) and officials.

The records of 제63조 go with it, as the sheet page shows them: each phase's opinions (①1) and
meetings (②, with attendees, remarks, decision and votes), and the project's documents (①2:
listed whatever their disclosure; a download address only for a stored file that is not 비공개).
A further kind of record: a nested serializer in :data:`PHASE_RECORD_FIELDS` /
:data:`PROJECT_RECORD_FIELDS` (name → serializer instance with ``source``) and its prefetch in
``PolicyProject.objects.with_records()``; both detail serializers pick them up.
"""

import copy

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from timeline.models import Phase, PhaseItem, PhaseOfficial

from ...models import (
    Department,
    Document,
    Meeting,
    MeetingAttendee,
    MeetingRemark,
    Official,
    Opinion,
    OutlineItem,
    PolicyProject,
    ProjectOfficial,
    SelectionCriterion,
)


class AbsoluteURL(serializers.Field):
    """An absolute URL of a public page, from a function of the object."""

    def __init__(self, url_of, **kwargs):
        self.url_of = url_of
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        path = self.url_of(value)
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


extend_schema_field({"type": "string", "format": "uri"})(AbsoluteURL)


class DepartmentRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Department
        fields = ["id", "name"]


class CriterionRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = SelectionCriterion
        fields = ["id", "short_name"]


class OfficialRefSerializer(serializers.ModelSerializer):
    affiliation = serializers.CharField(source="affiliation_name", read_only=True,
                                        help_text="소속 부서 또는 외부 소속. 예: 복지정책과")
    url = AbsoluteURL(lambda o: reverse("api-official-detail", args=[o.pk]),
                      help_text="이 관련자의 API 주소")
    page = AbsoluteURL(lambda o: o.get_absolute_url(), help_text="이 관련자의 공개 페이지")

    class Meta:
        model = Official
        fields = ["id", "name", "affiliation", "url", "page"]


class ProjectSummarySerializer(serializers.ModelSerializer):
    """A register row."""

    status_display = serializers.CharField(source="get_status_display", read_only=True,
                                           help_text="진행중, 완료, 중단")
    department = DepartmentRefSerializer(read_only=True)
    selection_criterion = CriterionRefSerializer(read_only=True)
    period = serializers.CharField(source="period_display", read_only=True,
                                   help_text="⑧ 사업기간 표시. 예: 2021. 7월 ~ 계속")
    url = AbsoluteURL(lambda p: reverse("api-project-detail", args=[p.registration_number]),
                      help_text="이 사업의 API 주소")
    sheet = AbsoluteURL(lambda p: p.get_absolute_url(), help_text="사업내역서 페이지")
    pdf = AbsoluteURL(lambda p: reverse("sheet_pdf", args=[p.registration_number]),
                      help_text="사업내역서 PDF")

    class Meta:
        model = PolicyProject
        fields = [
            "registration_number", "title", "status", "status_display", "department",
            "selection_criterion", "started_on", "ended_on", "period", "first_published_at",
            "updated_at", "version", "url", "sheet", "pdf",
        ]


class OutlineItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = OutlineItem
        fields = ["level", "text"]


class ProjectOfficialSerializer(serializers.ModelSerializer):
    official = OfficialRefSerializer(read_only=True)

    class Meta:
        model = ProjectOfficial
        fields = ["role_label", "official"]


class PhaseItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = PhaseItem
        fields = ["level", "text"]


class PhaseOfficialSerializer(serializers.ModelSerializer):
    official = OfficialRefSerializer(read_only=True)

    class Meta:
        model = PhaseOfficial
        fields = ["official", "position"]


class OpinionSerializer(serializers.ModelSerializer):
    official = OfficialRefSerializer(read_only=True)
    kind = serializers.CharField(source="kind.name", read_only=True, help_text="예: 찬성, 수정 의견")

    class Meta:
        model = Opinion
        fields = ["date", "official", "position_then", "kind", "text"]


class AttendeeSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="display_name", read_only=True)
    affiliation = serializers.CharField(source="affiliation_name", read_only=True)
    official = OfficialRefSerializer(read_only=True, allow_null=True,
                                     help_text="등록된 관련자이면 그 사람, 외부 참석자이면 null")

    class Meta:
        model = MeetingAttendee
        fields = ["name", "affiliation", "role", "official"]


class RemarkSerializer(serializers.ModelSerializer):
    speaker = serializers.CharField(read_only=True, help_text="예: 이수정, 김민수(1인가구 정책지원단)")
    official = OfficialRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = MeetingRemark
        fields = ["speaker", "official", "text"]


class MeetingSerializer(serializers.ModelSerializer):
    attendees = AttendeeSerializer(many=True, read_only=True)
    remarks = RemarkSerializer(many=True, read_only=True)
    page = AbsoluteURL(lambda m: m.get_absolute_url(), help_text="회의 기록 페이지")

    class Meta:
        model = Meeting
        fields = ["name", "held_at", "place", "attendees", "remarks", "decision", "votes_for",
                  "votes_against", "votes_abstain", "page"]


class DocumentSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    department = serializers.CharField(source="department.name", read_only=True)
    disclosure_display = serializers.CharField(source="get_disclosure_display", read_only=True)
    ground_display = serializers.CharField(source="get_ground_display", read_only=True,
                                           help_text="부분공개·비공개의 근거(정보공개법 제9조 제1항)")
    phase_id = serializers.IntegerField(read_only=True, allow_null=True,
                                        help_text="특정 추진단계의 자료이면 그 단계의 id")
    download = serializers.SerializerMethodField(help_text="내려받을 수 있는 파일이면 그 주소")
    url = serializers.SerializerMethodField(help_text="파일 대신 적힌 외부 주소")

    class Meta:
        model = Document
        fields = ["title", "kind", "kind_display", "date", "department", "document_number",
                  "disclosure", "disclosure_display", "ground", "ground_display", "phase_id",
                  "download", "url"]

    def get_download(self, document) -> str | None:
        if not document.is_served:
            return None
        path = reverse("document_download",
                       args=[document.project.registration_number, document.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path

    def get_url(self, document) -> str | None:
        return document.url or None


#: Records beyond the sheet, per phase and per project (see the module docstring).
PHASE_RECORD_FIELDS: dict[str, serializers.Field] = {
    "opinions": OpinionSerializer(many=True, read_only=True),
    "meetings": MeetingSerializer(many=True, read_only=True),
}
PROJECT_RECORD_FIELDS: dict[str, serializers.Field] = {
    "documents": DocumentSerializer(many=True, read_only=True),
}


class PhaseSerializer(serializers.ModelSerializer):
    period = serializers.CharField(source="period_display", read_only=True,
                                   help_text="추진기간 표시. 예: '21. 8. ~ '21. 10.")
    items = PhaseItemSerializer(many=True, read_only=True)
    officials = PhaseOfficialSerializer(many=True, read_only=True)

    class Meta:
        model = Phase
        fields = ["id", "heading", "started_on", "ended_on", "period", "items", "officials"]

    def get_fields(self):
        return {**super().get_fields(), **copy.deepcopy(PHASE_RECORD_FIELDS)}


class ProjectDetailSerializer(ProjectSummarySerializer):
    """The whole 사업내역서."""

    outline = OutlineItemSerializer(source="outline_items", many=True, read_only=True)
    officials = ProjectOfficialSerializer(source="project_officials", many=True, read_only=True)
    phases = PhaseSerializer(many=True, read_only=True)

    class Meta(ProjectSummarySerializer.Meta):
        fields = [*ProjectSummarySerializer.Meta.fields, "background", "outline", "officials",
                  "phases"]

    def get_fields(self):
        return {**super().get_fields(), **copy.deepcopy(PROJECT_RECORD_FIELDS)}


class DepartmentSerializer(serializers.ModelSerializer):
    published_projects = serializers.IntegerField(read_only=True,
                                                  help_text="공개된 사업 수")
    projects = AbsoluteURL(lambda d: reverse("api-project-list") + f"?department={d.pk}",
                           help_text="이 부서의 사업 목록(API)")

    class Meta:
        model = Department
        fields = ["id", "name", "published_projects", "projects"]


class CriterionSerializer(serializers.ModelSerializer):
    class Meta:
        model = SelectionCriterion
        fields = ["id", "short_name", "description", "order"]


class PhaseRoleSerializer(serializers.Serializer):
    """A phase an official took part in, as their public record shows it."""

    period = serializers.CharField(read_only=True, help_text="예: '21. 8. ~ '21. 10.")
    started_on = serializers.DateField(read_only=True)
    summary = serializers.CharField(read_only=True, help_text="추진단계의 제목 또는 첫 항목")
    position = serializers.CharField(read_only=True, help_text="그때의 직위. 예: 과장")


class OfficialRecordSerializer(serializers.Serializer):
    """One project of an official's public record: the ⑥ roles and the phases they were in."""

    project = ProjectSummarySerializer(read_only=True)
    role_labels = serializers.ListField(child=serializers.CharField(), read_only=True,
                                        help_text="⑥ 담당자로 적힌 직위 표시")
    phases = PhaseRoleSerializer(many=True, read_only=True)


class ProjectRefSerializer(serializers.ModelSerializer):
    url = AbsoluteURL(lambda p: reverse("api-project-detail", args=[p.registration_number]),
                      help_text="이 사업의 API 주소")

    class Meta:
        model = PolicyProject
        fields = ["registration_number", "title", "url"]


class OfficialOpinionSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(source="kind.name", read_only=True)
    project = ProjectRefSerializer(source="phase.project", read_only=True)

    class Meta:
        model = Opinion
        fields = ["date", "position_then", "kind", "text", "project"]


class OfficialMeetingSerializer(serializers.ModelSerializer):
    project = ProjectRefSerializer(source="phase.project", read_only=True)
    page = AbsoluteURL(lambda m: m.get_absolute_url(), help_text="회의 기록 페이지")

    class Meta:
        model = Meeting
        fields = ["name", "held_at", "place", "project", "page"]


class OfficialDetailSerializer(OfficialRefSerializer):
    records = OfficialRecordSerializer(many=True, read_only=True)
    opinions = OfficialOpinionSerializer(source="statements.opinions", many=True, read_only=True,
                                         help_text="공개 사업에 남긴 의견, 최근 것부터")
    meetings = OfficialMeetingSerializer(source="statements.meetings", many=True, read_only=True,
                                         help_text="참석한 회의, 최근 것부터")

    class Meta(OfficialRefSerializer.Meta):
        fields = [*OfficialRefSerializer.Meta.fields, "records", "opinions", "meetings"]
