"""Benchmark of the public register at 10,000 projects on PostgreSQL: p50/p95 of each page.

One command (creates the database with a Hangul-aware locale, migrates, generates the register the
first time, then measures):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/registry_bench .venv/bin/python bench/register.py

Pages are requested through Django's test client in this process (view, queries, template; no
network), warm, ``--runs`` times each. Targets (design §6): pages p50 <= 30 ms, searches <= 50 ms.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# Test settings: production-like (DEBUG off) but http, uncollected static files, local caches.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policy_registry.test_settings")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-any-deployment-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ["DEBUG"] = ""  # DEBUG keeps every query in memory and slows everything down

TARGETS_MS = {"page": 30.0, "search": 50.0}


def ensure_database(url: str) -> None:
    """Create the benchmark database with LC_CTYPE C.UTF-8 (so pg_trgm sees Hangul) if missing."""
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(
                f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\' '
                "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
            )


def measure(client, url: str, runs: int) -> tuple[float, float]:
    for _ in range(3):  # warm caches and the connection
        assert client.get(url).status_code == 200, url
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, url
    return statistics.median(times), statistics.quantiles(times, n=20)[18]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--projects", type=int, default=10_000)
    args = parser.parse_args()

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("PostgreSQL에서 잽니다: DATABASE_URL=postgres://…/registry_bench 를 지정하세요.")
    ensure_database(url)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from bench.register_data import generate
    from projects.models import Official, PolicyProject
    from projects.search import hangul_trigrams_work

    call_command("migrate", verbosity=0)
    if not hangul_trigrams_work():
        sys.exit("이 데이터베이스의 LC_CTYPE에서는 pg_trgm이 한글을 보지 못합니다 (C.UTF-8로 만드세요).")
    if not PolicyProject.objects.exists():
        start = time.perf_counter()
        count = generate(projects=args.projects)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE") if connection.connection.autocommit else None
        print(f"생성: 사업 {count}건 ({time.perf_counter() - start:.0f}초)")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    projects = PolicyProject.objects.published()
    sample = projects.order_by("registration_year", "registration_seq")[len(projects) // 2]
    busiest = Official.objects.order_by("pk")[len(Official.objects.all()) // 2]
    department = sample.department_id
    pages = [
        ("page", "등록부 첫 쪽", "/"),
        ("page", "등록부 50쪽", "/?page=50"),
        ("page", "필터 (연도+부서+상태)", f"/?year=2020&department={department}&status=completed"),
        ("search", "검색 2음절 '청년'", "/?q=" + quote("청년")),
        ("search", "검색 4음절 '소통공간'", "/?q=" + quote("소통공간")),
        ("search", "검색 2음절+필터", f"/?q={quote('안전')}&year=2019"),
        ("page", f"사업내역서 {sample.registration_number}", sample.get_absolute_url()),
        ("page", "관련자 기록", busiest.get_absolute_url()),
    ]
    client = Client()
    print(f"PostgreSQL, 공개 사업 {projects.count()}건, 관련자 {Official.objects.count()}명, "
          f"{args.runs}회씩")
    print(f"{'쪽':<28}{'p50 ms':>9}{'p95 ms':>9}  목표")
    failed = False
    for kind, label, page_url in pages:
        p50, p95 = measure(client, page_url, args.runs)
        ok = p50 <= TARGETS_MS[kind]
        failed |= not ok
        print(f"{label:<28}{p50:>9.1f}{p95:>9.1f}  p50 <= {TARGETS_MS[kind]:.0f} {'OK' if ok else '초과'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
