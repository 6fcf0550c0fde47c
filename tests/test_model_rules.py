"""The rules of a record: constraints in the database and Korean messages on validation."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from projects.models import Official
from projects.registration import RegistrationNumberError
from projects.validators import validate_level_sequence
from tests.factories import DepartmentFactory, PhaseFactory, PolicyProjectFactory

pytestmark = pytest.mark.django_db


def messages(error: ValidationError) -> str:
    return " ".join(error.messages)


def test_duplicate_registration_number_gets_a_korean_message():
    PolicyProjectFactory(registration_number="2023-13")
    duplicate = PolicyProjectFactory.build(registration_number="2023-13")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "등록번호 2023-13은(는) 이미 등록되어 있습니다" in messages(error.value)


def test_database_refuses_a_duplicate_registration_number():
    PolicyProjectFactory(registration_number="2023-13")
    with pytest.raises(IntegrityError), transaction.atomic():
        PolicyProjectFactory(registration_number="2023-13")
    with pytest.raises(IntegrityError), transaction.atomic():
        PolicyProjectFactory(registration_number="2023-013")  # the same year and sequence


def test_the_same_number_written_the_other_way_is_refused_naming_both():
    PolicyProjectFactory(registration_number="2024-05")
    duplicate = PolicyProjectFactory.build(registration_number="2024-5")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "등록번호 2024-5은(는) 이미 2024-05(으)로 등록되어 있습니다" in messages(error.value)


def test_project_ending_before_it_starts_is_refused():
    project = PolicyProjectFactory.build(
        department=DepartmentFactory(), started_on=date(2024, 5, 1), ended_on=date(2024, 3, 1)
    )
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "사업 종료월은 시작월보다 빠를 수 없습니다" in messages(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        project.save()


def test_phase_ending_before_it_starts_is_refused():
    phase = PhaseFactory.build(
        project=PolicyProjectFactory(), started_on=date(2021, 10, 1), ended_on=date(2021, 8, 1)
    )
    with pytest.raises(ValidationError) as error:
        phase.full_clean()
    assert "추진기간의 종료월은 시작월보다 빠를 수 없습니다" in messages(error.value)


def test_registration_year_1800_is_refused():
    project = PolicyProjectFactory.build(department=DepartmentFactory(), registration_number="1800-1")
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "받을 수 있는 연도(1990~2100)가 아닙니다" in messages(error.value)
    with pytest.raises(RegistrationNumberError):
        project.save()


def test_official_without_a_name_is_refused():
    official = Official(name="", department=DepartmentFactory())
    with pytest.raises(ValidationError) as error:
        official.full_clean()
    assert "name" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        official.save()


def test_official_needs_exactly_one_affiliation():
    with pytest.raises(ValidationError) as error:
        Official(name="김위원").full_clean()
    assert "소속 부서와 외부 소속 중 하나만 입력하세요" in messages(error.value)
    Official(name="김위원", affiliation="1인가구 정책지원단").full_clean()


def test_two_officials_may_share_a_name():
    department = DepartmentFactory(name="복지정책과")
    Official.objects.create(name="김민수", department=department)
    Official.objects.create(name="김민수", department=department)
    assert Official.objects.filter(name="김민수").count() == 2


def test_outline_jumping_two_levels_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_level_sequence([0, 2], top=0, label="⑤ 사업개요")
    assert "2번째 항목의 수준이 앞 항목보다 두 단계 이상 깊습니다" in messages(error.value)


def test_outline_may_step_down_one_level_and_back_up_many():
    validate_level_sequence([0, 1, 2, 0, 1, 2, 1], top=0, label="⑤ 사업개요")
    validate_level_sequence([1, 2, 2, 1], top=1, label="추진내용")
    with pytest.raises(ValidationError):
        validate_level_sequence([2], top=1, label="추진내용")


def test_periods_are_stored_as_months_and_written_as_on_the_sheet():
    project = PolicyProjectFactory(started_on=date(2021, 7, 15), ended_on=None)
    project.refresh_from_db()
    assert project.started_on == date(2021, 7, 1)
    assert project.period_display == "2021. 7월 ~ 계속"
    phase = PhaseFactory(project=project, started_on=date(2021, 8, 3), ended_on=date(2021, 10, 9))
    assert phase.period_display == "'21. 8. ~ '21. 10."
    project.ended_on = date(2025, 2, 1)
    assert project.period_display == "2021. 7월 ~ 2025. 2월"


def test_the_six_standard_criteria_are_seeded():
    from projects.models import SelectionCriterion

    assert list(SelectionCriterion.objects.values_list("short_name", flat=True)) == [
        "구정주요현안",
        "10억원 이상의 예산이 투입되는 공사 또는 사업",
        "5천만원 이상의 연구·용역 사업",
        "다수 구민과 관련된 자치법규 제정·개정·폐지",
        "국민신청사업",
        "그 밖에 중점관리가 필요한 사업",
    ]
