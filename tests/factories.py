"""Test data built in code."""

import zoneinfo
from datetime import date, datetime

import factory

from projects.models import (
    Department,
    Document,
    Meeting,
    MeetingAttendee,
    MeetingRemark,
    Official,
    Opinion,
    OpinionKind,
    OutlineItem,
    PolicyProject,
    ProjectOfficial,
    SelectionCriterion,
)
from timeline.models import Phase, PhaseItem, PhaseOfficial


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"시험부서{n}과")


class OfficialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Official

    name = factory.Sequence(lambda n: f"홍길동{n}")
    department = factory.SubFactory(DepartmentFactory)


class PolicyProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PolicyProject

    registration_number = factory.Sequence(lambda n: f"2024-{n + 100}")
    title = factory.Sequence(lambda n: f"시험 정책사업 {n}")
    department = factory.SubFactory(DepartmentFactory)
    background = "시험용 추진배경"
    selection_criterion = factory.LazyFunction(lambda: SelectionCriterion.objects.first())
    started_on = date(2024, 1, 1)


class ProjectOfficialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectOfficial

    project = factory.SubFactory(PolicyProjectFactory)
    role_label = "담당 행정6급"
    official = factory.SubFactory(OfficialFactory)


class OutlineItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutlineItem

    project = factory.SubFactory(PolicyProjectFactory)
    level = 0
    text = factory.Sequence(lambda n: f"사업개요 항목 {n}")


class PhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Phase

    project = factory.SubFactory(PolicyProjectFactory)
    order = factory.Sequence(lambda n: n)
    started_on = date(2024, 2, 1)
    ended_on = date(2024, 5, 1)


class PhaseItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PhaseItem

    phase = factory.SubFactory(PhaseFactory)
    level = 1
    text = factory.Sequence(lambda n: f"추진내용 {n}")


class PhaseOfficialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PhaseOfficial

    phase = factory.SubFactory(PhaseFactory)
    official = factory.SubFactory(OfficialFactory)
    position = "주무관"


# --- records beyond the sheet (제63조 ①1, ①2, ②) ----------------------------------------------

class OpinionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opinion

    phase = factory.SubFactory(PhaseFactory)
    official = factory.SubFactory(OfficialFactory)
    position_then = "과장"
    date = date(2024, 3, 5)
    kind = factory.LazyFunction(lambda: OpinionKind.objects.get(name="찬성"))
    text = factory.Sequence(lambda n: f"시험 의견 {n}")


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    project = factory.SubFactory(PolicyProjectFactory)
    title = factory.Sequence(lambda n: f"시험 자료 {n}")
    kind = Document.Kind.PLAN
    date = date(2024, 2, 10)
    department = factory.LazyAttribute(lambda document: document.project.department)
    document_number = factory.Sequence(lambda n: f"시험과-{n + 1000}")
    url = "https://www.open.go.kr/"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    phase = factory.SubFactory(PhaseFactory)
    name = factory.Sequence(lambda n: f"시험 회의 {n}")
    held_at = factory.LazyFunction(
        lambda: datetime(2024, 3, 14, 14, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Seoul")))
    place = "중구청 기획상황실"
    decision = "원안대로 추진"


class MeetingAttendeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingAttendee

    meeting = factory.SubFactory(MeetingFactory)
    official = factory.SubFactory(OfficialFactory)
    role = "위원"


class MeetingRemarkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingRemark

    meeting = factory.SubFactory(MeetingFactory)
    official = factory.SubFactory(OfficialFactory)
    text = factory.Sequence(lambda n: f"시험 발언 {n}")
