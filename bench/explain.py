"""EXPLAIN (ANALYZE, BUFFERS) of every query each benchmarked page runs, on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/registry_bench .venv/bin/python bench/explain.py [filter]

Each page is requested once through Django's test client (page cache off) with its queries
captured; every SELECT is then explained. ``filter`` keeps the pages whose label contains it.
Load the data first with bench/register_data.py.
"""

import sys

from common import setup


def main() -> int:
    setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    wanted = sys.argv[1] if len(sys.argv) > 1 else ""
    client = Client()
    for _kind, label, url in __import__("common").pages():
        if wanted not in label:
            continue
        client.get(url)  # warm
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        print(f"\n===== {label}  {url}  ({response.status_code}, {len(queries)} queries)")
        for query in queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                plan = [row[0] for row in cursor.fetchall()]
            took = next((line for line in plan if line.startswith("Execution Time")), "")
            print(f"\n-- {sql[:300]}{'…' if len(sql) > 300 else ''}\n-- {took}")
            print("\n".join(plan))
    return 0


if __name__ == "__main__":
    sys.exit(main())
