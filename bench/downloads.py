"""Benchmark of the register's downloads (/projects.* and /phases.*): time, size and queries.

Run from the project folder (SQLite in a throwaway database; set DATABASE_URL for PostgreSQL):

    .venv/bin/python bench/downloads.py          # 5,000 published sheets
    .venv/bin/python bench/downloads.py 20000

Sheets as in bench/yearbook.py (about 18 phase officials each). Each download is read to its
end through Django's test client, as a client would; the query count shows it does not grow
with the rows, and the peak RSS that the rows are streamed, not held.
"""

import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(count: int) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policy_registry.test_settings")
    os.environ.pop("DEBUG", None)
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from bench.yearbook import build_year

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, keepdb=False)
    build_year(count)
    client = Client()
    print(f"{count} published sheets; peak RSS before: "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")
    print(f"{'download':<16} {'s':>7} {'MB':>6} {'queries':>8} {'peak RSS MB':>12}")
    for fmt in ("csv", "json", "xlsx"):
        for name in ("projects", "phases"):
            start = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(f"/{name}.{fmt}")
                size = sum(len(chunk) for chunk in response)
            print(f"/{name}.{fmt:<8} {time.perf_counter() - start:>7.2f} {size / 1e6:>6.1f}"
                  f" {len(queries):>8} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024:>12}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if sys.argv[1:] else 5000)
