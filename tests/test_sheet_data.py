"""The sheet as plain data: built from the database in a fixed number of queries, nested right."""

import pytest

from projects.models import PolicyProject
from projects.rendering.sheet import nest, sheet_from_project

pytestmark = pytest.mark.django_db


def test_nest_puts_deeper_rows_under_the_row_before():
    tree = nest([(0, "추진목표"), (1, "가"), (0, "추진내용"), (1, "나"), (2, "다"), (1, "라")])
    assert [(b.text, [c.text for c in b.children]) for b in tree] == [
        ("추진목표", ["가"]), ("추진내용", ["나", "라"]),
    ]
    assert tree[1].children[0].children[0].text == "다"


def test_seed_sheet_data_matches_the_published_sheet(seed_project, django_assert_num_queries):
    with django_assert_num_queries(6):
        sheet = sheet_from_project(PolicyProject.objects.for_sheet().get(pk=seed_project.pk))
    assert sheet.registration_number == "2023-13"
    assert sheet.period == "2021. 7월 ~ 계속"
    assert [(p.label, p.name) for p in sheet.officials] == [
        ("복지정책과장", "이춘배"), ("담당 행정6급", "서민경"),
    ]
    assert [b.text for b in sheet.outline] == ["추진목표", "추진내용"]
    assert [c.text for c in sheet.outline[1].children][0] == "「1인가구 종합지원 계획」수립 및 성과관리 추진"
    assert [p.period for p in sheet.phases][-1] == "'23. 7. ~ '23. 8."
    assert sheet.phases[3].items[0].text == "1인가구 소통공간 <놀다가> 개소 및 운영 : '23. 1. 28."
    assert [(p.name, p.label) for p in sheet.phases[4].people] == [
        ("이춘배", "과장"), ("윤경희", "팀장"), ("서민경", "주무관"),
    ]
