"""A synthetic register of realistic size for the register benchmark (bench/register.py).

10,000 published projects 2013–2026 over 30 departments and about 300 officials; each project has
2 ⑥ 담당자, 4–9 ⑤ outline items and 4–8 phases of 2–6 items with 2–4 사업관련자. Text is drawn from
a Korean vocabulary so two- and four-syllable searches hit a realistic share of projects.
Deterministic (seeded), bulk-inserted, then ``refresh_search_texts`` fills the search column.
"""

import random
from datetime import date

from django.db import transaction
from django.utils import timezone

from projects.models import (
    Department,
    Official,
    OutlineItem,
    PolicyProject,
    ProjectOfficial,
    SelectionCriterion,
)
from projects.search import refresh_search_texts
from timeline.models import Phase, PhaseItem, PhaseOfficial

TOPICS = ["청년", "어르신", "1인가구", "아동", "소상공인", "장애인", "주민", "다문화가족", "관광객",
          "전통시장", "보행자", "청소년", "신혼부부", "자원봉사자", "반려동물"]
THINGS = ["안전", "주거", "일자리", "돌봄", "소통공간", "문화", "건강", "교통", "환경", "창업",
          "교육", "복지", "녹지", "주차", "방역", "디지털", "에너지", "도시재생", "먹거리", "정보화"]
ACTIONS = ["조성", "지원", "운영", "활성화", "개선", "확충", "구축", "정비", "강화", "추진"]
PHRASES = ["기본계획 수립", "주민설명회 개최", "실시설계 용역 착수", "공사 착공 및 준공",
           "관계기관 협의", "예산 확보", "위탁운영 협약 체결", "만족도 조사 실시", "성과평가 및 환류",
           "시범운영", "홍보물 제작·배포", "민관협의체 구성", "조례 제정", "전문가 자문회의 개최"]
SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍전고문양손배백허남심노하곽성차주우구민유나진"
GIVEN = "민서지현수영준호은정하윤도연우진성경미태석희소상혜주원재아"
POSITIONS = ["과장", "팀장", "주무관", "주무관"]


def phrase(rng: random.Random, topics: list[str], things: list[str]) -> str:
    return f"{rng.choice(topics)} {rng.choice(things)} {rng.choice(PHRASES)}"


def month(year: int, month_no: int) -> date:
    year, month_no = year + (month_no - 1) // 12, (month_no - 1) % 12 + 1
    return date(year, month_no, 1)


@transaction.atomic
def generate(*, projects: int = 10_000, departments: int = 30, officials: int = 300,
             seed: int = 2023) -> int:
    """Fill the database (which must hold no projects) and return the number of projects."""
    rng = random.Random(seed)
    criteria = list(SelectionCriterion.objects.all())
    depts = Department.objects.bulk_create(
        Department(name=f"{rng.choice(THINGS)}{rng.choice(['정책', '행정', '관리', '지원'])}과{n}")
        for n in range(departments)
    )
    people = Official.objects.bulk_create(
        Official(name=rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
                 department=rng.choice(depts))
        for _ in range(officials)
    )
    now = timezone.now()
    years = list(range(2013, 2027))
    rows, vocabulary = [], []
    for n in range(projects):
        # a project is about one or two groups and two or three themes, as real ones are
        topics, things = rng.sample(TOPICS, rng.randint(1, 2)), rng.sample(THINGS, rng.randint(2, 3))
        vocabulary.append((topics, things))
        year = years[n % len(years)]
        start = month(year, rng.randint(1, 12))
        ended = None if rng.random() < 0.4 else month(start.year, start.month + rng.randint(6, 48))
        rows.append(PolicyProject(
            registration_year=year, registration_seq=n // len(years) + 1,
            title=f"{topics[0]}{rng.choice(['도', '이', '와 함께하는', ''])} "
                  f"{things[0]} {rng.choice(ACTIONS)}",
            department=rng.choice(depts), selection_criterion=rng.choice(criteria),
            status=rng.choice(["ongoing", "completed", "completed", "suspended"]),
            background=" ".join(phrase(rng, topics, things) for _ in range(3)) + " 필요",
            started_on=start, ended_on=ended, published_at=now,
        ))
    created = PolicyProject.objects.bulk_create(rows, batch_size=2000)

    roles, outline, phases, phase_vocabulary = [], [], [], []
    for project, (topics, things) in zip(created, vocabulary, strict=True):
        for order in range(2):
            roles.append(ProjectOfficial(project=project, order=order, official=rng.choice(people),
                                         role_label=["담당과장", "담당 행정6급"][order]))
        for order in range(rng.randint(4, 9)):
            outline.append(OutlineItem(project=project, order=order, level=min(order % 3, 2),
                                       text=phrase(rng, topics, things)))
        for order in range(rng.randint(4, 8)):
            start = month(project.started_on.year, project.started_on.month + order * 3)
            heading = rng.choice(["", phrase(rng, topics, things)])
            phases.append(Phase(project=project, order=order, heading=heading,
                                started_on=start, ended_on=month(start.year, start.month + 2)))
            phase_vocabulary.append((topics, things))
    ProjectOfficial.objects.bulk_create(roles, batch_size=5000)
    OutlineItem.objects.bulk_create(outline, batch_size=5000)
    phases = Phase.objects.bulk_create(phases, batch_size=5000)

    items, phase_people = [], []
    for phase, (topics, things) in zip(phases, phase_vocabulary, strict=True):
        for order in range(rng.randint(2, 6)):
            items.append(PhaseItem(phase=phase, order=order, level=1 + (order % 2),
                                   text=phrase(rng, topics, things) + f" ({rng.randint(10, 900)}명)"))
        for order, person in enumerate(rng.sample(people, rng.randint(2, 4))):
            phase_people.append(PhaseOfficial(phase=phase, order=order, official=person,
                                              position=POSITIONS[min(order, 3)]))
    PhaseItem.objects.bulk_create(items, batch_size=5000)
    PhaseOfficial.objects.bulk_create(phase_people, batch_size=5000)
    refresh_search_texts(project.pk for project in created)
    return len(created)
