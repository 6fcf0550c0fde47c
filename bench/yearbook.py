"""Benchmark of the year book (/years/<year>.pdf): time and peak memory for 30 and 300 sheets.

Run from the project folder (SQLite in a throwaway database; set DATABASE_URL for PostgreSQL):

    .venv/bin/python bench/yearbook.py            # 30 and 300 sheets
    .venv/bin/python bench/yearbook.py 30 100     # other sizes

Each size runs in a fresh subprocess, so its peak resident memory (``ru_maxrss``) is its own.
Sheets are shaped like the synthetic register's (bench/register_data.py's vocabulary: 2 ⑥
담당자, 4–9 outline items, 4–8 phases of 2–6 items and 2–4 people), all registered under 2023,
built here with bulk inserts so any database works. Printed per size: the first (uncached)
render, wall and CPU; pages and bytes; the cached request; peak RSS before and after rendering.
"""

import io
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
YEAR = 2023


def build_year(count: int, seed: int = 2023) -> None:
    """``count`` published sheets of ``YEAR``, seeded, in a handful of bulk inserts."""
    import random
    from datetime import date

    from django.utils import timezone

    from bench.register_data import GIVEN, PHRASES, POSITIONS, SURNAMES, THINGS, TOPICS
    from projects.models import (
        Department,
        Official,
        OutlineItem,
        PolicyProject,
        ProjectOfficial,
        SelectionCriterion,
    )
    from timeline.models import Phase, PhaseItem, PhaseOfficial

    rng = random.Random(seed)

    def phrase() -> str:
        return f"{rng.choice(TOPICS)} {rng.choice(THINGS)} {rng.choice(PHRASES)}"

    def month(n: int) -> date:
        return date(YEAR + (n - 1) // 12, (n - 1) % 12 + 1, 1)

    departments = Department.objects.bulk_create(Department(name=f"{thing}과")
                                                 for thing in THINGS[:10])
    people = Official.objects.bulk_create(
        Official(name=rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
                 department=rng.choice(departments)) for _ in range(80))
    criteria, now = list(SelectionCriterion.objects.all()), timezone.now()
    projects = PolicyProject.objects.bulk_create(PolicyProject(
        registration_number=f"{YEAR}-{seq}", registration_year=YEAR, registration_seq=seq,
        title=f"{rng.choice(TOPICS)} {rng.choice(THINGS)} 지원", department=rng.choice(departments),
        selection_criterion=rng.choice(criteria), background=" ".join(phrase() for _ in range(3)),
        started_on=month(rng.randint(1, 12)), published_at=now, first_published_at=now,
    ) for seq in range(1, count + 1))
    roles, outline, phases = [], [], []
    for project in projects:
        roles += [ProjectOfficial(project=project, order=n, official=rng.choice(people),
                                  role_label=label) for n, label in enumerate(["담당과장", "담당 행정6급"])]
        outline += [OutlineItem(project=project, order=n, level=min(n % 3, 2), text=phrase())
                    for n in range(rng.randint(4, 9))]
        phases += [Phase(project=project, order=n, heading=rng.choice(["", phrase()]),
                         started_on=month(1 + n * 3), ended_on=month(3 + n * 3))
                   for n in range(rng.randint(4, 8))]
    ProjectOfficial.objects.bulk_create(roles)
    OutlineItem.objects.bulk_create(outline)
    items, phase_people = [], []
    for phase in Phase.objects.bulk_create(phases):
        items += [PhaseItem(phase=phase, order=n, level=1 + n % 2, text=phrase())
                  for n in range(rng.randint(2, 6))]
        phase_people += [PhaseOfficial(phase=phase, order=n, official=person,
                                       position=POSITIONS[min(n, 3)])
                         for n, person in enumerate(rng.sample(people, rng.randint(2, 4)))]
    PhaseItem.objects.bulk_create(items)
    PhaseOfficial.objects.bulk_create(phase_people)


def measure(sheets: int) -> dict:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policy_registry.test_settings")
    os.environ.pop("DEBUG", None)
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse
    from pypdf import PdfReader

    from projects.rendering import pdf, yearbook

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, keepdb=False)
    build_year(sheets)
    pdf.stylesheets(yearbook.STYLESHEETS)  # fonts loaded once per process, as in a server
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    wall, cpu = time.perf_counter(), time.process_time()
    body = yearbook.render_yearbook(YEAR)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    client = Client()
    yearbook.renderings.cache().set(yearbook.cache_key(YEAR), (yearbook.year_stamp(YEAR), body))
    client.get(reverse("year_book", args=[YEAR]))  # a first request loads the URL conf etc.
    start = time.perf_counter()
    cached = client.get(reverse("year_book", args=[YEAR]))
    cached_ms = (time.perf_counter() - start) * 1000
    assert cached.status_code == 200
    pages = len(PdfReader(io.BytesIO(body)).pages)
    return {"sheets": sheets, "render_s": round(wall, 2), "render_cpu_s": round(cpu, 2),
            "pages": pages, "mb": round(len(body) / 1e6, 2), "cached_ms": round(cached_ms, 1),
            "rss_before_mb": round(before / 1024), "rss_peak_mb": round(after / 1024)}


def main(sizes: list[int]) -> None:
    print(f"year book of {YEAR}, synthetic sheets; each size in its own process")
    print(f"{'sheets':>6} {'render s':>9} {'CPU s':>7} {'pages':>6} {'MB':>6} {'cached ms':>10}"
          f" {'RSS before MB':>14} {'RSS peak MB':>12}")
    for size in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(size)], check=True,
                             capture_output=True, text=True, cwd=ROOT).stdout
        row = json.loads(out.strip().splitlines()[-1])
        print(f"{row['sheets']:>6} {row['render_s']:>9} {row['render_cpu_s']:>7} {row['pages']:>6}"
              f" {row['mb']:>6} {row['cached_ms']:>10} {row['rss_before_mb']:>14}"
              f" {row['rss_peak_mb']:>12}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(measure(int(sys.argv[2]))))
    else:
        main([int(arg) for arg in sys.argv[1:]] or [30, 300])
