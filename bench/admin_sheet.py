"""Benchmark of a 60-phase sheet (5 bullets and 3 people each) in the admin: the change page and
a save of the whole form with one field changed, through Django's test client, in a warm process.

    .venv/bin/python bench/admin_sheet.py

Prints, for each: the median wall time of 3 runs, the queries, and for the page its size, the
fields a browser posts and how tall it is folded (phases closed) versus what it would post.
SQLite in a throwaway database (set DATABASE_URL for PostgreSQL).
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policy_registry.test_settings")
os.environ.pop("DEBUG", None)

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402


def timed(func, runs=3):
    times, result, queries = [], None, 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            result = func()
            times.append((time.perf_counter() - start) * 1000)
        queries = len(captured)
    return statistics.median(times), queries, result


def run():
    from projects import sheet_bounds
    from tests.sheet_builders import project_with_phases
    from tests.staff import COORDINATOR, change_url, client_for, load_form, staff_user

    project = project_with_phases(60, items=5)
    client = client_for(staff_user("bench", COORDINATOR))
    url = change_url(project)
    client.get(url)  # warm: imports, templates

    page_ms, page_queries, response = timed(lambda: client.get(url))
    data = load_form(client, project)
    posted = sum(map(len, data.values()))
    edits = iter(range(1000))

    def save():
        form = load_form(client, project)
        form["phases-59-heading"] = [f"「60단계」 점검 {next(edits)}"]
        start = time.perf_counter()
        result = client.post(url, form)
        assert result.status_code == 302, result.status_code
        return (time.perf_counter() - start) * 1000

    saves = [save() for _ in range(3)]
    with CaptureQueriesContext(connection) as captured:
        save()
    print(f"change page: p50 {page_ms:.0f} ms, {page_queries} queries, "
          f"{len(response.content) / 1024:.0f} KB")
    print(f"save (POST of the whole form, one field changed): p50 {statistics.median(saves):.0f} ms, "
          f"{len(captured)} queries (including load_form's page)")
    print(f"fields posted (without the empty templates): {posted}; "
          f"limit DATA_UPLOAD_MAX_NUMBER_FIELDS = {django.conf.settings.DATA_UPLOAD_MAX_NUMBER_FIELDS} "
          f"(largest sheet the admin accepts posts {sheet_bounds.MAX_POSTED_FIELDS})")
    print(f"load average at the end: {os.getloadavg()[0]:.2f} (2 cores; other work skews the figures)")


def main():
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, keepdb=False)
    try:
        run()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
