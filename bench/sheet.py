"""Benchmark of the 사업내역서: page p50, first PDF render and cached PDF, for 2023-13 and 60 phases.

Run from the project folder (SQLite in a throwaway database; set DATABASE_URL for PostgreSQL):

    .venv/bin/python bench/sheet.py

Targets (design.md §6, 2-core machine): 2023-13 PDF <= 150 ms rendered in a warm process,
<= 10 ms cached; sheet page p50 <= 15 ms. Also prints what keeping Korean words whole costs.
Figures are medians (p50) of repeated requests through Django's test client, in a warm process;
"(CPU)" is the same first render in this process's CPU time, less skewed when the machine is
shared. The cached PDF comes from a FileBasedCache, as in production.
"""

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policy_registry.test_settings")
os.environ.pop("DEBUG", None)

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings, setup_test_environment  # noqa: E402


def p50(func, runs: int, clock=time.perf_counter, before=None) -> float:
    """Median milliseconds of ``runs`` calls (wall clock, or this process's CPU time).

    ``before`` runs ahead of each call, untimed.
    """
    times = []
    for _ in range(runs):
        if before:
            before()
        start = clock()
        func()
        times.append((clock() - start) * 1000)
    return statistics.median(times)


def main():
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, keepdb=False)
    cache_dir = tempfile.mkdtemp(prefix="sheet-bench-cache-")
    file_cache = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "renderings": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                      "LOCATION": cache_dir},
    }
    try:
        with override_settings(CACHES=file_cache):
            run()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run():
    from pypdf import PdfReader
    from weasyprint.text import line_break

    from projects.demo import demo_load
    from projects.models import PolicyProject
    from projects.rendering import cache as renderings
    from projects.rendering import keep_all as pdf_keep_all
    from projects.rendering import pdf
    from projects.rendering.sheet import sheet_from_project
    from tests.sheet_builders import project_with_phases

    demo_load()
    big = project_with_phases(60)
    client = Client()
    cache = renderings.cache()
    numbers = {"2023-13": "2023-13", "60 phases": big.registration_number}

    def get(url):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response

    for number in numbers.values():  # warm the process: imports, fonts, templates
        get(f"/projects/{number}/")
        get(f"/projects/{number}.pdf")

    print(f"{'sheet':<10} {'page p50':>9} {'first PDF p50':>14} {'(CPU)':>8} {'cached PDF p50':>15} "
          f"{'pages':>6} {'size':>7}")
    for label, number in numbers.items():
        page = p50(lambda n=number: get(f"/projects/{n}/"), 50)

        def first(n=number):
            return get(f"/projects/{n}.pdf")

        runs = 9 if label == "2023-13" else 3
        first_pdf = p50(first, runs, before=cache.clear)
        first_cpu = p50(first, runs, clock=time.process_time, before=cache.clear)
        body = get(f"/projects/{number}.pdf").content
        cached = p50(lambda n=number: get(f"/projects/{n}.pdf"), 50)
        pages = len(PdfReader(io.BytesIO(body)).pages)
        print(f"{label:<10} {page:>7.1f}ms {first_pdf:>12.1f}ms {first_cpu:>6.1f}ms {cached:>13.1f}ms "
              f"{pages:>6} {len(body) / 1024:>5.0f}KB")

    print("\nKeeping Korean words whole (projects/pdf_keep_all.py), render only, p50, alternating runs:")
    patched = line_break.Layout.set_text
    original = next(cell.cell_contents for cell in patched.__closure__
                    if getattr(cell.cell_contents, "__name__", "") == "set_text")
    for label, number in numbers.items():
        project = PolicyProject.objects.for_sheet().by_registration_number(number).get()
        sheet = sheet_from_project(project)
        timings = {"with": [], "without": []}
        for _ in range(9 if label == "2023-13" else 3):
            for variant, set_text in (("with", patched), ("without", original)):
                line_break.Layout.set_text = set_text
                try:
                    timings[variant].append(p50(lambda s=sheet: pdf.render_sheet_pdf(sheet=s), 1))
                finally:
                    line_break.Layout.set_text = patched
        with_rule, without = (statistics.median(timings[k]) for k in ("with", "without"))
        print(f"{label:<10} with {with_rule:.1f}ms, without {without:.1f}ms "
              f"({(with_rule / without - 1) * 100:+.0f}%)")
    pdf_keep_all.install()  # idempotent: still installed once
    print(f"\nload average at the end: {os.getloadavg()[0]:.2f} (2 cores; other work skews the figures)")


if __name__ == "__main__":
    main()
