"""A synthetic register of realistic size for the benchmarks (bench/pages.py, bench/explain.py,
bench/throughput.py).

Shaped like a national portal or a city with its districts: ``projects`` sheets 2013–2026 over
one department per 150 sheets, each department with its own ~20 officials (a sheet's people come
from its department, as on real sheets). Each project has 2 ⑥ 담당자, 4–9 ⑤ outline items and
4–8 phases of 2–6 items with 2–4 사업관련자; 97 % are published, 2 % drafts, 1 % withdrawn.
Text is drawn from a Korean vocabulary so two- and four-syllable searches hit a realistic share.

Loaded with PostgreSQL ``COPY`` (psycopg's ``cursor.copy``), in chunks, so 100,000 projects (about
5.5 million rows) load in minutes and little memory: rows are generated with their ids, the search
text is computed here exactly as ``projects.search`` computes it, and the secondary indexes are
dropped for the load and rebuilt once at the end (one sort per index instead of 5.5 million
index insertions). Deterministic (seeded). PostgreSQL only; the database must hold no projects.

    /usr/bin/time -v env DATABASE_URL=postgres://postgres@127.0.0.1:5432/registry_bench \\
        .venv/bin/python bench/register_data.py --projects 100000
"""

import argparse
import os
import queue
import random
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

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
DISTRICTS = ["중구", "종로구", "용산구", "성동구", "광진구", "동대문구", "중랑구", "성북구", "강북구",
             "도봉구", "노원구", "은평구", "서대문구", "마포구", "양천구", "강서구", "구로구", "금천구",
             "영등포구", "동작구", "관악구", "서초구", "강남구", "송파구", "강동구"]
YEARS = list(range(2013, 2027))
CHUNK = 5_000  # projects generated and copied at a time: bounds memory


def month(year: int, month_no: int) -> date:
    year, month_no = year + (month_no - 1) // 12, (month_no - 1) % 12 + 1
    return date(year, month_no, 1)


class Table:
    """One model's table fed by COPY: its columns in order, with each field's default for the
    columns a row does not give (so columns other branches add keep loading)."""

    def __init__(self, model):
        from django.db import connection

        self.model = model
        self.fields = [f for f in model._meta.concrete_fields]
        self.columns = [f.column for f in self.fields]
        self.defaults = {}
        for f in self.fields:
            if f.has_default() or not f.null:
                value = f.get_default()
                self.defaults[f.column] = f.get_db_prep_save(value, connection)
            else:
                self.defaults[f.column] = None
        self.rows: list[tuple] = []

    def add(self, **values) -> None:
        self.rows.append(tuple(values[c] if c in values else self.defaults[c] for c in self.columns))

    def take(self) -> list[tuple]:
        rows, self.rows = self.rows, []
        return rows

    def copy(self, cursor, rows: list[tuple] | None = None) -> int:
        """COPY the rows (FREEZE: the table was truncated in this transaction, so the rows are
        written visible to all, and index-only scans work without a VACUUM first)."""
        rows = self.take() if rows is None else rows
        columns = ", ".join(f'"{column}"' for column in self.columns)
        sql = f'COPY "{self.model._meta.db_table}" ({columns}) FROM STDIN (FREEZE)'
        with cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)
        return len(rows)


def secondary_indexes(cursor, tables: list[str]) -> list[tuple[str, str]]:
    """(name, definition) of the indexes on ``tables`` that no constraint owns."""
    cursor.execute(
        """SELECT i.indexname, i.indexdef FROM pg_indexes i
           WHERE i.schemaname = current_schema() AND i.tablename = ANY(%s)
             AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)""",
        [tables],
    )
    return cursor.fetchall()


def generate(*, projects: int = 10_000, departments: int | None = None,
             officials_per_department: int = 20, seed: int = 2023, quiet: bool = True) -> int:
    """Fill the database (PostgreSQL, holding no projects) and return the number of projects."""
    from django.db import connection, transaction
    from django.utils import timezone

    from projects.models import (
        Department,
        Official,
        OutlineItem,
        PolicyProject,
        ProjectOfficial,
        SelectionCriterion,
    )
    from projects.search import normalise, short_grams
    from timeline.models import Phase, PhaseItem, PhaseOfficial

    if connection.vendor != "postgresql":
        raise SystemExit("bench/register_data.py는 PostgreSQL에서만 적재합니다 (COPY).")
    if PolicyProject.objects.exists():
        raise SystemExit("이미 사업이 있는 데이터베이스입니다: 빈 데이터베이스에 적재하세요.")

    def log(message):
        if not quiet:
            print(f"{time.perf_counter() - started:6.1f}s {message}", flush=True)

    started = time.perf_counter()
    rng = random.Random(seed)
    departments = departments or max(10, projects // 150)
    criteria = list(SelectionCriterion.objects.values_list("pk", flat=True))
    models = [Department, Official, PolicyProject, ProjectOfficial, OutlineItem, Phase, PhaseItem,
              PhaseOfficial]
    tables = {model: Table(model) for model in models}
    T = tables
    now = timezone.now()
    next_id = {model: 1 for model in models}

    def new_id(model):
        value = next_id[model]
        next_id[model] += 1
        return value

    with transaction.atomic(), connection.cursor() as cursor:
        # Bulk-load conventions: foreign keys are not re-checked row by row (the rows are
        # generated consistent), and indexes are built once after the load.
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        names = [model._meta.db_table for model in models]
        cursor.execute(f"TRUNCATE {', '.join(names)} RESTART IDENTITY CASCADE")
        indexes = secondary_indexes(cursor, names)
        for name, _ in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        log(f"{len(indexes)}개 색인을 내려놓음")

        staff = {}  # department id → its officials: (id, name)
        for n in range(departments):
            dept_id = new_id(Department)
            name = (f"{DISTRICTS[n % len(DISTRICTS)]} {rng.choice(THINGS)}"
                    f"{rng.choice(['정책', '행정', '관리', '지원'])}과{n // len(DISTRICTS) + 1}")
            T[Department].add(id=dept_id, name=name)
            staff[dept_id] = []
            for _ in range(officials_per_department):
                person = (new_id(Official),
                          rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN))
                T[Official].add(id=person[0], name=person[1], department_id=dept_id,
                                affiliation="")
                staff[dept_id].append(person)
        T[Department].copy(cursor)
        T[Official].copy(cursor)
        dept_ids = list(staff)

        per_year = [0] * len(YEARS)
        chunks: queue.Queue = queue.Queue(maxsize=1)

        def produce():
            """Generate the next chunk while PostgreSQL ingests the previous one."""
            for start_n in range(0, projects, CHUNK):
                for n in range(start_n, min(projects, start_n + CHUNK)):
                    add_project(n, rng, T, new_id, staff, dept_ids, criteria, per_year, now,
                                normalise, short_grams)
                chunks.put({model: T[model].take() for model in models[2:]})
            chunks.put(None)

        producer = threading.Thread(target=produce, daemon=True)
        producer.start()
        rows = copied = 0
        while (chunk := chunks.get()) is not None:
            for model, chunk_rows in chunk.items():
                rows += T[model].copy(cursor, chunk_rows)
            copied += len(chunk[PolicyProject])
            log(f"사업 {copied:,}건 적재")
        producer.join()

        for name, definition in indexes:
            began = time.perf_counter()
            cursor.execute(definition)
            log(f"  {name}: {time.perf_counter() - began:.1f}s")
        log(f"색인 {len(indexes)}개 다시 만듦")
        for model in models:
            table = model._meta.db_table
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )
        after_load(cursor)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # statistics and the visibility map (index-only scans)
    log(f"VACUUM ANALYZE; 행 {rows:,}개")
    return projects


def after_load(cursor) -> None:
    """Derived rows the app keeps up to date on every write (e.g. counts) are recomputed here,
    since COPY bypasses the app and, with replica role, its triggers."""
    from projects import register_counts

    register_counts.rebuild(cursor)


def add_project(n, rng, T, new_id, staff, dept_ids, criteria, per_year, now, normalise,
                short_grams) -> None:
    """One project and all its rows."""
    from projects.models import OutlineItem, PolicyProject, ProjectOfficial
    from timeline.models import Phase, PhaseItem, PhaseOfficial

    # a project is about one or two groups and two or three themes, as real ones are
    topics, things = rng.sample(TOPICS, rng.randint(1, 2)), rng.sample(THINGS, rng.randint(2, 3))

    def phrase():
        return f"{rng.choice(topics)} {rng.choice(things)} {rng.choice(PHRASES)}"

    year_index = n % len(YEARS)
    per_year[year_index] += 1
    year, seq = YEARS[year_index], per_year[year_index]
    start = month(year, rng.randint(1, 12))
    ended = None if rng.random() < 0.4 else month(start.year, start.month + rng.randint(6, 48))
    dept_id = rng.choice(dept_ids)
    people = staff[dept_id]
    title = (f"{topics[0]}{rng.choice(['도', '이', '와 함께하는', ''])} "
             f"{things[0]} {rng.choice(ACTIONS)}")
    background = " ".join(phrase() for _ in range(3)) + " 필요"
    project_id = new_id(PolicyProject)
    published = withdrawn = None
    fate = rng.random()
    stamp = now - timedelta(minutes=n)
    if fate < 0.97:
        published = stamp
    elif fate < 0.98:
        withdrawn = stamp
    parts = [title, background]

    for order in range(rng.randint(4, 9)):
        text = phrase()
        T[OutlineItem].add(id=new_id(OutlineItem), project_id=project_id, order=order,
                           level=min(order % 3, 2), text=text)
        parts.append(text)
    for order, (person_id, name) in enumerate(rng.sample(people, 2)):
        T[ProjectOfficial].add(id=new_id(ProjectOfficial), project_id=project_id, order=order,
                               official_id=person_id, role_label=["담당과장", "담당 행정6급"][order])
        parts.append(name)
    for order in range(rng.randint(4, 8)):
        phase_id = new_id(Phase)
        phase_start = month(start.year, start.month + order * 3)
        heading = rng.choice(["", phrase()])
        T[Phase].add(id=phase_id, project_id=project_id, order=order, heading=heading,
                     started_on=phase_start, ended_on=month(phase_start.year, phase_start.month + 2))
        parts.append(heading)
        for item_order in range(rng.randint(2, 6)):
            text = phrase() + f" ({rng.randint(10, 900)}명)"
            T[PhaseItem].add(id=new_id(PhaseItem), phase_id=phase_id, order=item_order,
                             level=1 + (item_order % 2), text=text)
            parts.append(text)
        for item_order, (person_id, name) in enumerate(rng.sample(people, rng.randint(2, 4))):
            T[PhaseOfficial].add(id=new_id(PhaseOfficial), phase_id=phase_id, order=item_order,
                                 official_id=person_id, position=POSITIONS[min(item_order, 3)])
            parts.append(name)
    search_text = "\n".join(normalise(part) for part in parts if part)
    T[PolicyProject].add(
        id=project_id, registration_number=f"{year}-{seq:02d}", registration_year=year,
        registration_seq=seq, title=title, department_id=dept_id,
        selection_criterion_id=rng.choice(criteria),
        status=rng.choice(["ongoing", "completed", "completed", "suspended"]),
        background=background, started_on=start, ended_on=ended,
        published_at=published, first_published_at=published or withdrawn,
        withdrawn_at=withdrawn, withdrawal_reason="사업 내용 재검토" if withdrawn else "",
        created_at=stamp, updated_at=stamp, version=1,
        search_text=search_text, search_grams=short_grams(search_text),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=100_000)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policy_registry.test_settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-any-deployment-0123456789")
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("PostgreSQL에 적재합니다: DATABASE_URL=postgres://…/registry_bench 를 지정하세요.")
    from bench.common import ensure_database

    ensure_database(url)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    count = generate(projects=args.projects, quiet=False)
    print(f"사업 {count:,}건 적재: {time.perf_counter() - start:.1f}초")
    return 0


if __name__ == "__main__":
    sys.exit(main())
