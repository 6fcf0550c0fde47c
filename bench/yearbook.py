"""Benchmark of the year book (/years/<year>.pdf): time and peak memory for 30 and 300 sheets.

Run from the project folder (SQLite in a throwaway database; set DATABASE_URL for PostgreSQL):

    .venv/bin/python bench/yearbook.py            # 30 and 300 sheets
    .venv/bin/python bench/yearbook.py 30 100     # other sizes

Each size runs in a fresh subprocess, so its peak resident memory (``ru_maxrss``) is its own.
Sheets are the synthetic register's (bench/register_data.py: 4–9 outline items, 4–8 phases of
2–6 items and 2–4 people), all registered under 2023. Printed per size: the first (uncached)
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

    from bench.register_data import generate
    from projects.models import PolicyProject
    from projects.rendering import pdf, yearbook

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, keepdb=False)
    generate(projects=sheets, departments=10, officials=80)
    projects = list(PolicyProject.objects.order_by("pk"))
    for seq, project in enumerate(projects, start=1):  # first out of the way of the unique pair
        project.registration_seq = 5000 + seq
    PolicyProject.objects.bulk_update(projects, ["registration_seq"])
    for seq, project in enumerate(projects, start=1):
        project.registration_year, project.registration_seq = YEAR, seq
        project.registration_number = f"{YEAR}-{seq}"
    PolicyProject.objects.bulk_update(
        projects, ["registration_year", "registration_seq", "registration_number"])
    pdf.stylesheets(yearbook.STYLESHEETS)  # fonts loaded once per process, as in a server
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    wall, cpu = time.perf_counter(), time.process_time()
    body = yearbook.render_yearbook(YEAR)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    client = Client()
    client.get(reverse("year_book", args=[YEAR]))  # renders once more and caches
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
