"""How fast the sheet history is: building a sheet from a revision, and the public history pages.

Run against a migrated database (the demo is loaded if missing):
    DEBUG=1 .venv/bin/python bench/history.py [iterations]
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policy_registry.settings")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from reversion.models import Revision  # noqa: E402

from projects.demo import demo_load  # noqa: E402
from projects.history.stored import published_revisions, sheet_from_revision  # noqa: E402
from projects.models import PolicyProject  # noqa: E402
from projects.rendering.sheet import sheet_from_project  # noqa: E402


def p50(func, n):
    func()  # warm
    times = []
    for _ in range(n):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(n: int) -> None:
    setup_test_environment()  # lets the client run with ALLOWED_HOSTS=testserver
    demo_load()
    project = PolicyProject.objects.by_registration_number("2023-13").get()
    entry = published_revisions(project)[0]
    revision = Revision.objects.get(pk=entry.revision_id)
    client = Client()
    history = f"/projects/{project.registration_number}/history/"
    results = {
        "sheet_from_project (for_sheet)": p50(
            lambda: sheet_from_project(PolicyProject.objects.for_sheet().get(pk=project.pk)), n),
        "sheet_from_revision": p50(lambda: sheet_from_revision(revision, project.pk), n),
        "GET history list": p50(lambda: client.get(history), n),
        "GET history revision": p50(lambda: client.get(f"{history}{entry.revision_id}/"), n),
    }
    for name, ms in results.items():
        print(f"{name:34s} p50 {ms:7.2f} ms  (n={n})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
