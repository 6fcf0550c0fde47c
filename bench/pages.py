"""The issue's table: p50/p95 of each public page, in process, on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/registry_bench .venv/bin/python bench/pages.py

Load the data first (``bench/register_data.py --projects 100000``; 10,000 for the smaller row).
Pages are requested through Django's test client in this process (view, queries, template; no
network), warm, ``--runs`` times each: first with the page cache off (what a first visitor after
a change waits for: the queries and the template), then from the page cache (every later one).
Targets at 100,000 projects: pages p50 <= 30 ms and p95 <= 60 ms uncached, the sheet <= 15 ms.
"""

import argparse
import statistics
import sys
import time

from common import pages, setup

TARGETS = {"page": (30.0, 60.0), "sheet": (15.0, 30.0)}


def measure(client, url: str, runs: int) -> tuple[float, float, float]:
    """p50 and p95 wall-clock ms, and p50 of this process's CPU ms (less skewed when the
    machine is shared; it leaves out PostgreSQL's own time, which bench/explain.py shows)."""
    for _ in range(3):  # warm the connection, the filter choices and the database's buffers
        assert client.get(url).status_code == 200, url
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        assert response.status_code == 200, url
    return (statistics.median(times), statistics.quantiles(times, n=20)[18],
            statistics.median(cpu))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    setup()
    from django.test import Client
    from django.test.utils import override_settings

    from projects.models import PolicyProject

    client = Client()
    print(f"PostgreSQL, published projects: {PolicyProject.objects.published().count():,}; "
          f"{args.runs} runs each; ms")
    print(f"{'page':<40}{'p50':>8}{'p95':>8}{'cpu p50':>9}{'cached p50':>12}  target")
    failed = False
    for kind, label, url in pages():
        with override_settings(PUBLIC_PAGE_CACHE=False):
            p50, p95, cpu = measure(client, url, args.runs)
        with override_settings(PUBLIC_PAGE_CACHE=True):
            cached, _, _ = measure(client, url, args.runs)
        goal50, goal95 = TARGETS[kind]
        ok = p50 <= goal50 and p95 <= goal95
        failed |= not ok
        print(f"{label:<40}{p50:>8.1f}{p95:>8.1f}{cpu:>9.1f}{cached:>12.1f}  "
              f"p50<={goal50:.0f} p95<={goal95:.0f} {'OK' if ok else 'MISSED'}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
