"""Test data built in code."""

from datetime import date

import factory

from projects.models import (
    Department,
    Official,
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
